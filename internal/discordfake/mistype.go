package discordfake

import "encoding/json"

// mistyped returns v as generic JSON with every "public_flags" a string
// and an unknown field in every object that has an "id" (see
// WithMistypedFields).
func mistyped(v any) any {
	var g any
	if err := json.Unmarshal(mustJSON(v), &g); err != nil {
		return v
	}
	return mistype(g)
}

// nullArray reports a JSON body whose embeds or components is null: a
// compatible server in WithMistypedFields mode refuses it, where Discord
// takes it.
func nullArray(body []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return false
	}
	return string(m["embeds"]) == "null" || string(m["components"]) == "null"
}

func mistype(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == "public_flags" {
				x[k] = "0"
				continue
			}
			x[k] = mistype(e)
		}
		if _, ok := x["id"]; ok {
			x["x_future_field"] = map[string]any{"since": 2027, "items": []any{1, "two"}}
		}
	case []any:
		for i, e := range x {
			x[i] = mistype(e)
		}
	}
	return v
}
