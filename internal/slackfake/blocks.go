package slackfake

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Block Kit limits that Slack enforces with invalid_blocks.
const (
	maxBlocks          = 50
	maxBlockIDRunes    = 255
	maxSectionText     = 3000
	maxSectionFields   = 10
	maxFieldText       = 2000
	maxHeaderText      = 150
	maxActionsElements = 25
	maxContextElements = 10
	maxButtonText      = 75
	maxActionIDRunes   = 255
	maxButtonValue     = 2000
	maxButtonURL       = 3000
)

// validateBlocks checks a blocks field the way chat.postMessage does. It
// returns the number of blocks, or an error code ("invalid_blocks_format"
// when the JSON is not an array of objects, "invalid_blocks" when a limit is
// broken) with Slack-style messages.
func validateBlocks(raw string) (int, string, []string) {
	var blocks []map[string]any
	if err := json.Unmarshal([]byte(raw), &blocks); err != nil {
		return 0, "invalid_blocks_format", []string{"blocks must be a JSON array of objects"}
	}
	var v blockValidator
	if len(blocks) > maxBlocks {
		v.errf("/blocks", "must be less than %d items", maxBlocks+1)
	}
	blockIDs := map[string]bool{}
	for i, b := range blocks {
		v.block(fmt.Sprintf("/blocks/%d", i), b, blockIDs)
	}
	if len(v.errs) > 0 {
		return len(blocks), "invalid_blocks", v.errs
	}
	return len(blocks), "", nil
}

type blockValidator struct{ errs []string }

func (v *blockValidator) errf(pointer, format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf(format, args...)+" [json-pointer:"+pointer+"]")
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// textOf returns the "text" string of a text object (or "" and false).
func textOf(v any) (string, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	s, ok := obj["text"].(string)
	return s, ok
}

func (v *blockValidator) maxRunes(pointer string, s string, limit int) {
	if runes(s) > limit {
		v.errf(pointer, "must be less than %d characters", limit+1)
	}
}

func (v *blockValidator) block(p string, b map[string]any, blockIDs map[string]bool) {
	typ, _ := b["type"].(string)
	if typ == "" {
		v.errf(p, "missing required field: type")
		return
	}
	if id, ok := b["block_id"].(string); ok {
		v.maxRunes(p+"/block_id", id, maxBlockIDRunes)
		if blockIDs[id] {
			v.errf(p+"/block_id", "duplicate block_id %q", id)
		}
		blockIDs[id] = true
	}
	switch typ {
	case "section":
		text, hasText := textOf(b["text"])
		fields, _ := b["fields"].([]any)
		if !hasText && len(fields) == 0 {
			v.errf(p, "must provide either text or fields")
		}
		v.maxRunes(p+"/text", text, maxSectionText)
		if hasText && text == "" {
			v.errf(p+"/text", "must be more than 0 characters")
		}
		if len(fields) > maxSectionFields {
			v.errf(p+"/fields", "must be less than %d items", maxSectionFields+1)
		}
		for i, f := range fields {
			ft, _ := textOf(f)
			v.maxRunes(fmt.Sprintf("%s/fields/%d", p, i), ft, maxFieldText)
		}
		if acc, ok := b["accessory"].(map[string]any); ok {
			v.element(p+"/accessory", acc)
		}
	case "header":
		text, hasText := textOf(b["text"])
		if !hasText || text == "" {
			v.errf(p+"/text", "missing required field: text")
		}
		if obj, _ := b["text"].(map[string]any); obj != nil && obj["type"] != "plain_text" {
			v.errf(p+"/text/type", "must be plain_text")
		}
		v.maxRunes(p+"/text", text, maxHeaderText)
	case "actions":
		els, _ := b["elements"].([]any)
		switch {
		case len(els) == 0:
			v.errf(p+"/elements", "must provide at least 1 item")
		case len(els) > maxActionsElements:
			v.errf(p+"/elements", "must be less than %d items", maxActionsElements+1)
		}
		actionIDs := map[string]bool{}
		for i, e := range els {
			obj, _ := e.(map[string]any)
			ep := fmt.Sprintf("%s/elements/%d", p, i)
			v.element(ep, obj)
			if id, ok := obj["action_id"].(string); ok {
				if actionIDs[id] {
					v.errf(ep+"/action_id", "duplicate action_id %q", id)
				}
				actionIDs[id] = true
			}
		}
	case "context":
		els, _ := b["elements"].([]any)
		switch {
		case len(els) == 0:
			v.errf(p+"/elements", "must provide at least 1 item")
		case len(els) > maxContextElements:
			v.errf(p+"/elements", "must be less than %d items", maxContextElements+1)
		}
	}
}

func (v *blockValidator) element(p string, e map[string]any) {
	if e == nil {
		v.errf(p, "must be an object")
		return
	}
	if id, ok := e["action_id"].(string); ok {
		v.maxRunes(p+"/action_id", id, maxActionIDRunes)
	}
	if e["type"] != "button" {
		return
	}
	text, hasText := textOf(e["text"])
	if !hasText || text == "" {
		v.errf(p+"/text", "missing required field: text")
	}
	v.maxRunes(p+"/text", text, maxButtonText)
	if val, ok := e["value"].(string); ok {
		v.maxRunes(p+"/value", val, maxButtonValue)
	}
	if u, ok := e["url"].(string); ok {
		v.maxRunes(p+"/url", u, maxButtonURL)
	}
}
