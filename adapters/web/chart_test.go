package web

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"passionbot/bot"
)

// svgNode is an element of a parsed chart.
type svgNode struct {
	Name     string
	Attr     map[string]string
	Text     string // character data directly inside
	Children []*svgNode
}

// parseSVG parses a chart with encoding/xml (which refuses what is not
// well-formed) into a tree.
func parseSVG(t *testing.T, s string) *svgNode {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	var root *svgNode
	var stack []*svgNode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &svgNode{Name: tok.Name.Local, Attr: map[string]string{}}
			for _, a := range tok.Attr {
				name := a.Name.Local
				if a.Name.Space != "" && a.Name.Space != "http://www.w3.org/2000/svg" {
					name = a.Name.Space + ":" + name
				}
				n.Attr[name] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					t.Fatalf("two root elements:\n%s", s)
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("unexpected %T in a chart", tok)
		}
	}
	if root == nil || root.Name != "svg" {
		t.Fatalf("no svg root:\n%s", s)
	}
	return root
}

// all returns every element named name under n, in document order.
func (n *svgNode) all(name string) []*svgNode {
	var out []*svgNode
	var walk func(*svgNode)
	walk = func(m *svgNode) {
		if m.Name == name {
			out = append(out, m)
		}
		for _, c := range m.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// child returns n's first child named name, or nil.
func (n *svgNode) child(name string) *svgNode {
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// bars returns the bars of each series: the rects inside data-series groups.
func bars(root *svgNode) map[string][]*svgNode {
	out := map[string][]*svgNode{}
	for _, g := range root.all("g") {
		if s, ok := g.Attr["data-series"]; ok {
			for _, c := range g.Children {
				if c.Name == "rect" {
					out[s] = append(out[s], c)
				}
			}
		}
	}
	return out
}

func attrNum(t *testing.T, n *svgNode, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.Attr[name], 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		t.Fatalf("%s=%q: %v", name, n.Attr[name], err)
	}
	return v
}

// weeks are n labels "v. 1"…
func weekLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("v. %d", i+1)
	}
	return out
}

func ramp(n int, f func(i int) float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

// chartCases are charts of every shape the dashboard may meet.
var chartCases = []struct {
	name string
	c    *bot.Chart
}{
	{"nil", nil},
	{"no labels", &bot.Chart{Kind: bot.ChartBars, Series: []bot.Series{{Name: "a", Values: []float64{1}}}}},
	{"no series", &bot.Chart{Kind: bot.ChartBars, Labels: []string{"a"}}},
	{"all zeros", &bot.Chart{Kind: bot.ChartStackedBars, Labels: []string{"a", "b"}, Series: []bot.Series{{Name: "x", Values: []float64{0, 0}}, {Name: "y", Values: []float64{0, 0}}}}},
	{"one label", &bot.Chart{Kind: bot.ChartBars, Labels: []string{"keramik"}, Series: []bot.Series{{Name: "nu", Values: []float64{3}}}}},
	{"52 labels", &bot.Chart{Kind: bot.ChartStackedBars, Unit: "meddelanden", Labels: weekLabels(52), Series: []bot.Series{
		{Name: "i tid", Values: ramp(52, func(i int) float64 { return float64(i % 7) })},
		{Name: "sena", Values: ramp(52, func(i int) float64 { return float64(i % 3) })},
		{Name: "misslyckade", Values: ramp(52, func(i int) float64 { return float64(i % 2) })}}}},
	{"huge", &bot.Chart{Kind: bot.ChartStackedBars, Labels: []string{"a", "b", "c"}, Series: []bot.Series{
		{Name: "x", Values: []float64{math.MaxFloat64, 1e300, 1}}, {Name: "y", Values: []float64{math.MaxFloat64, 5e307, 2e15}}}}},
	{"negative, NaN, Inf", &bot.Chart{Kind: bot.ChartBars, Labels: []string{"a", "b", "c", "d"}, Series: []bot.Series{
		{Name: "x", Values: []float64{-5, math.NaN(), math.Inf(1), math.Inf(-1)}}}}},
	{"short and long series", &bot.Chart{Kind: bot.ChartBars, Labels: []string{"a", "b", "c"}, Series: []bot.Series{
		{Name: "x", Values: []float64{1}}, {Name: "y", Values: []float64{1, 2, 3, 4, 5}}}}},
	{"fractions", &bot.Chart{Kind: bot.ChartLines, Unit: "timmar", Labels: []string{"a", "b"}, Series: []bot.Series{{Name: "x", Values: []float64{0.25, 1.5}}}}},
	{"lines, one label", &bot.Chart{Kind: bot.ChartLines, Labels: []string{"a"}, Series: []bot.Series{{Name: "x", Values: []float64{2}}, {Name: "y", Values: []float64{1}}}}},
	{"unknown kind", &bot.Chart{Kind: bot.ChartKind(9), Labels: []string{"a"}, Series: []bot.Series{{Values: []float64{2}}}}},
	{"hostile text", &bot.Chart{Kind: bot.ChartBars, Unit: `"><script>alert(1)</script>`, Labels: []string{`<script>alert("x")</script>`, `Tom's "bar" & <b>grill</b>`, "nul\x00bell\x07\ufffe\xff"},
		Series: []bot.Series{{Name: `</desc><script>`, Values: []float64{1, 2, 3}}, {Name: `' onload='alert(1)`, Values: []float64{3, 2, 1}}}}},
}

// TestChartsAreWellFormedAndSafe: every shape parses as XML, is an
// accessible image that scales, and has no style, script, event handler
// or reference to anything outside it.
func TestChartsAreWellFormedAndSafe(t *testing.T) {
	for _, tc := range chartCases {
		for _, lang := range []string{"sv", "en", ""} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				title := `Frågor <per> "vecka" & 'år'`
				out := string(ChartSVG(title, tc.c, lang))
				root := parseSVG(t, out)
				if root.Attr["role"] != "img" || root.Attr["width"] != "100%" || !strings.HasPrefix(root.Attr["viewBox"], "0 0 640 ") {
					t.Errorf("root attributes %v", root.Attr)
				}
				ti, desc := root.child("title"), root.child("desc")
				if ti == nil || desc == nil || ti.Text != title || strings.TrimSpace(desc.Text) == "" {
					t.Fatalf("title %+v, desc %+v", ti, desc)
				}
				if want := ti.Attr["id"] + " " + desc.Attr["id"]; root.Attr["aria-labelledby"] != want {
					t.Errorf("aria-labelledby %q, want %q", root.Attr["aria-labelledby"], want)
				}
				var walk func(*svgNode)
				walk = func(n *svgNode) {
					switch n.Name {
					case "style", "script", "foreignObject", "a", "image", "use", "iframe":
						t.Errorf("<%s> in a chart", n.Name)
					}
					for k, v := range n.Attr {
						lk := strings.ToLower(k)
						if lk == "style" || lk == "class" || strings.HasPrefix(lk, "on") || strings.Contains(lk, "href") || lk == "src" {
							t.Errorf("attribute %s=%q on <%s>", k, v, n.Name)
						}
						if strings.Contains(v, "url(") || strings.Contains(strings.ToLower(v), "javascript:") {
							t.Errorf("a reference in %s=%q", k, v)
						}
						if strings.Contains(v, "NaN") || strings.Contains(v, "Inf") {
							t.Errorf("%s=%q on <%s>", k, v, n.Name)
						}
					}
					for _, c := range n.Children {
						walk(c)
					}
				}
				walk(root)
				for _, bad := range []string{"<script", "<b>", "\x00", "\x07"} {
					if strings.Contains(out, bad) {
						t.Errorf("output contains %q", bad)
					}
				}
			})
		}
	}
}

func TestChartEscapesMembersText(t *testing.T) {
	c := chartCases[len(chartCases)-1].c
	out := string(ChartSVG(`<script>alert("t")</script>`, c, "sv"))
	root := parseSVG(t, out)
	if got := root.child("title").Text; got != `<script>alert("t")</script>` {
		t.Errorf("title read back as %q", got)
	}
	// The escaped forms are in the markup; the text reads back whole in
	// each bar's title.
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "Tom&#39;s &#34;bar&#34; &amp; &lt;b&gt;grill&lt;/b&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	var titles []string
	for _, r := range bars(root)["0"] {
		titles = append(titles, r.child("title").Text)
	}
	if len(titles) != 3 || titles[0] != `<script>alert("x")</script> — </desc><script>: 1 "><script>alert(1)</script>` ||
		titles[2] != "nulbell\ufffd — </desc><script>: 3 \"><script>alert(1)</script>" {
		t.Errorf("bar titles %q", titles)
	}
}

// TestBarHeightsAreProportional: one bar per label and series side by
// side, as tall as its value (a 0 draws none); stacked segments sit on one
// another and the stack is as tall as the sum.
func TestBarHeightsAreProportional(t *testing.T) {
	c := &bot.Chart{Kind: bot.ChartBars, Unit: "medlemmar", Labels: []string{"keramik", "textil", "bröd"},
		Series: []bot.Series{{Name: "nu", Values: []float64{12, 8, 3}}, {Name: "för 4 veckor sedan", Values: []float64{9, 0, 6}}}}
	root := parseSVG(t, string(ChartSVG("Intressen", c, "sv")))
	bs := bars(root)
	if len(bs["0"]) != 3 || len(bs["1"]) != 2 {
		t.Fatalf("bars: %d and %d", len(bs["0"]), len(bs["1"]))
	}
	unit := attrNum(t, bs["0"][0], "height") / 12
	base := attrNum(t, bs["0"][0], "y") + attrNum(t, bs["0"][0], "height")
	for s, vals := range map[string][]float64{"0": {12, 8, 3}, "1": {9, 6}} {
		for i, r := range bs[s] {
			if h := attrNum(t, r, "height"); math.Abs(h-vals[i]*unit) > 0.15 {
				t.Errorf("series %s bar %d: height %v, want %v", s, i, h, vals[i]*unit)
			}
			if b := attrNum(t, r, "y") + attrNum(t, r, "height"); math.Abs(b-base) > 0.15 {
				t.Errorf("series %s bar %d stands at %v, not on the axis at %v", s, i, b, base)
			}
		}
	}
	// Side by side: the second series' bar for keramik is right of the first's.
	if attrNum(t, bs["1"][0], "x") <= attrNum(t, bs["0"][0], "x") {
		t.Error("the series overlap")
	}
	// A legend names both series, in order, with their colours.
	var legend []string
	for _, tx := range root.all("text") {
		if tx.Text == "nu" || tx.Text == "för 4 veckor sedan" {
			legend = append(legend, tx.Text)
		}
	}
	if strings.Join(legend, "|") != "nu|för 4 veckor sedan" {
		t.Errorf("legend %q", legend)
	}
	if got := bs["0"][2].child("title").Text; got != "bröd — nu: 3 medlemmar" {
		t.Errorf("bar title %q", got)
	}
	desc := root.child("desc").Text
	if want := "Stapeldiagram (medlemmar). keramik: nu 12, för 4 veckor sedan 9; textil: nu 8, för 4 veckor sedan 0; bröd: nu 3, för 4 veckor sedan 6."; desc != want {
		t.Errorf("desc %q\nwant %q", desc, want)
	}

	st := &bot.Chart{Kind: bot.ChartStackedBars, Labels: []string{"v. 47", "v. 48"},
		Series: []bot.Series{{Name: "besvarade", Values: []float64{4, 2}}, {Name: "obesvarade", Values: []float64{2, 0}}}}
	root = parseSVG(t, string(ChartSVG("Frågor", st, "en")))
	bs = bars(root)
	if len(bs["0"]) != 2 || len(bs["1"]) != 1 {
		t.Fatalf("stacked bars: %d and %d", len(bs["0"]), len(bs["1"]))
	}
	low, high := bs["0"][0], bs["1"][0]
	if math.Abs(attrNum(t, high, "y")+attrNum(t, high, "height")-attrNum(t, low, "y")) > 0.15 {
		t.Error("the second segment does not sit on the first")
	}
	if attrNum(t, low, "x") != attrNum(t, high, "x") {
		t.Error("the segments are not one bar")
	}
	if r := attrNum(t, low, "height") / attrNum(t, high, "height"); math.Abs(r-2) > 0.01 {
		t.Errorf("segments 4 and 2 in the ratio %v", r)
	}
	if desc := root.child("desc").Text; !strings.HasPrefix(desc, "Stacked bar chart. v. 47: besvarade 4, obesvarade 2 (total 6); v. 48:") {
		t.Errorf("desc %q", desc)
	}
}

func TestChartLabelsTruncatedAndThinned(t *testing.T) {
	long := "Glögg och lera på verkstaden i Varberg, med julmarknad och korv"
	c := &bot.Chart{Kind: bot.ChartStackedBars, Labels: []string{"3 dec " + long + ", " + long, "kort"}, Series: []bot.Series{{Name: "ja", Values: []float64{5, 1}}}}
	root := parseSVG(t, string(ChartSVG("Svar", c, "sv")))
	var shown []*svgNode
	for _, tx := range root.all("text") {
		if strings.HasPrefix(tx.Text, "3 dec") {
			shown = append(shown, tx)
		}
	}
	// Two wide slots: the label on two lines, the second cut.
	if len(shown) != 1 || shown[0].child("tspan") == nil || !strings.HasSuffix(shown[0].child("tspan").Text, "…") ||
		shown[0].child("title") == nil || shown[0].child("title").Text != c.Labels[0] || shown[0].Attr["transform"] != "" {
		t.Fatalf("long label: %+v", shown)
	}
	if got := bars(root)["0"][0].child("title").Text; got != c.Labels[0]+" — ja: 5" {
		t.Errorf("bar title %q", got)
	}
	// Ten narrow slots: turned, cut, the first no further left than the
	// drawing.
	labels := make([]string, 10)
	for i := range labels {
		labels[i] = fmt.Sprintf("%d dec %s", i+1, long)
	}
	c = &bot.Chart{Kind: bot.ChartStackedBars, Labels: labels, Series: []bot.Series{{Name: "ja", Values: ramp(10, func(i int) float64 { return float64(i) })}}}
	root = parseSVG(t, string(ChartSVG("Svar", c, "sv")))
	var turned []*svgNode
	for _, tx := range root.all("text") {
		if tx.Attr["transform"] != "" {
			turned = append(turned, tx)
		}
	}
	if len(turned) != 10 {
		t.Fatalf("%d turned labels", len(turned))
	}
	for _, tx := range turned {
		w := textWidth(tx.Text)
		if !strings.HasSuffix(tx.Text, "…") || w > chartTurned || attrNum(t, tx, "x")-w*0.766 < 0 || tx.child("title") == nil {
			t.Errorf("turned label %q (%v wide) at x=%s", tx.Text, w, tx.Attr["x"])
		}
	}
	if len(turned[0].Text) >= len(turned[9].Text) {
		t.Errorf("the first label %q is not cut shorter than the last %q", turned[0].Text, turned[9].Text)
	}

	// 52 weeks: every bar drawn, every fifth label shown, horizontally.
	root = parseSVG(t, string(ChartSVG("Utskick", chartCases[5].c, "sv")))
	n := 0
	for _, s := range chartCases[5].c.Series {
		for _, v := range s.Values {
			if v > 0 {
				n++
			}
		}
	}
	bs := bars(root)
	if got := len(bs["0"]) + len(bs["1"]) + len(bs["2"]); got != n {
		t.Errorf("%d bars, want %d", got, n)
	}
	var weeks []string
	for _, tx := range root.all("text") {
		if strings.HasPrefix(tx.Text, "v. ") {
			weeks = append(weeks, tx.Text)
			if tx.Attr["transform"] != "" {
				t.Errorf("week label %q turned", tx.Text)
			}
		}
	}
	if len(weeks) != 11 || weeks[0] != "v. 1" || weeks[1] != "v. 6" || weeks[10] != "v. 51" {
		t.Errorf("labels %q", weeks)
	}
}

func TestChartLinesAndEdgeCases(t *testing.T) {
	c := &bot.Chart{Kind: bot.ChartLines, Unit: "medlemmar", Labels: weekLabels(4), Series: []bot.Series{
		{Name: "discord", Values: []float64{1, 4, 2, 8}}, {Name: "slack", Values: []float64{0, 1, 1, 2}}}}
	root := parseSVG(t, string(ChartSVG("Medlemmar", c, "sv")))
	lines := root.all("polyline")
	if len(lines) != 2 || len(strings.Fields(lines[0].Attr["points"])) != 4 || lines[0].Attr["fill"] != "none" || lines[1].Attr["stroke-dasharray"] == "" {
		t.Fatalf("polylines %+v", lines)
	}
	points := root.all("circle")
	if len(points) != 8 || points[3].child("title").Text != "v. 4 — discord: 8 medlemmar" {
		t.Fatalf("%d points; the fourth: %+v", len(points), points[3])
	}
	// The point of 8 is twice as high above the axis as the point of 4.
	var ys []float64
	for _, p := range strings.Fields(lines[0].Attr["points"]) {
		_, y, _ := strings.Cut(p, ",")
		v, _ := strconv.ParseFloat(y, 64)
		ys = append(ys, v)
	}
	zero := attrNum(t, points[4], "cy") // slack's first point is 0
	if r := (zero - ys[3]) / (zero - ys[1]); math.Abs(r-2) > 0.01 {
		t.Errorf("8 and 4 in the ratio %v", r)
	}

	// No data, in words.
	for _, tc := range chartCases[:3] {
		root := parseSVG(t, string(ChartSVG("Tomt", tc.c, "en")))
		if root.child("desc").Text != "No values to show." || len(root.all("rect")) != 1 {
			t.Errorf("%s: %s", tc.name, ChartSVG("Tomt", tc.c, "en"))
		}
	}
	// All zeros: an axis, no bars.
	root = parseSVG(t, string(ChartSVG("Noll", chartCases[3].c, "sv")))
	if n := len(bars(root)["0"]) + len(bars(root)["1"]); n != 0 {
		t.Errorf("%d bars of 0", n)
	}
	// Negative, NaN and infinite values are 0: no bar, 0 in words.
	root = parseSVG(t, string(ChartSVG("Konstigt", chartCases[7].c, "sv")))
	if n := len(bars(root)["0"]); n != 0 {
		t.Errorf("%d bars drawn for values that are not numbers above 0", n)
	}
	if d := root.child("desc").Text; d != "Stapeldiagram. a: x 0; b: x 0; c: x 0; d: x 0." {
		t.Errorf("desc %q", d)
	}
	// Huge values: finite coordinates, within the drawing, largest tallest.
	root = parseSVG(t, string(ChartSVG("Stort", chartCases[6].c, "sv")))
	vb := strings.Fields(root.Attr["viewBox"])
	height, _ := strconv.ParseFloat(vb[3], 64)
	bs := bars(root)
	for _, r := range append(bs["0"], bs["1"]...) {
		if y := attrNum(t, r, "y"); y < 0 || y+attrNum(t, r, "height") > height {
			t.Errorf("bar outside the drawing: %v", r.Attr)
		}
	}
	if h := func(r *svgNode) float64 { return attrNum(t, r, "height") }; len(bs["0"]) != 3 || h(bs["0"][0]) < h(bs["0"][1]) || h(bs["0"][1]) < h(bs["0"][2]) {
		t.Errorf("huge bars: %d", len(bs["0"]))
	}
	if d := root.child("desc").Text; !strings.Contains(d, "a: x 1,8e+308, y 1,8e+308 (totalt 1,8e+308)") || !strings.Contains(d, "c: x 1, y 2e+15") {
		t.Errorf("desc %q", d)
	}
}

func TestChartNumbers(t *testing.T) {
	sv, en := wordsFor("sv"), wordsFor("en")
	for _, tc := range []struct{ v, sv, en string }{
		{"0", "0", "0"}, {"3", "3", "3"}, {"2.5", "2,5", "2.5"}, {"1234", "1234", "1234"},
		{"12345", "12\u00a0345", "12,345"}, {"2500000", "2\u00a0500\u00a0000", "2,500,000"},
		{"3e12", "3\u00a0000\u00a0000\u00a0000\u00a0000", "3,000,000,000,000"}, {"1.7976931348623157e308", "1,8e+308", "1.8e+308"},
	} {
		v, _ := strconv.ParseFloat(tc.v, 64)
		if got := fullNum(v, sv); got != tc.sv {
			t.Errorf("fullNum(%v, sv) = %q, want %q", v, got, tc.sv)
		}
		if got := fullNum(v, en); got != tc.en {
			t.Errorf("fullNum(%v, en) = %q, want %q", v, got, tc.en)
		}
	}
	for _, tc := range []struct {
		v, top float64
		sv, en string
	}{
		{0, 10, "0", "0"}, {2.5, 10, "2,5", "2.5"}, {5000, 8000, "5000", "5000"},
		{5000, 25000, "5k", "5k"}, {12500, 25000, "12,5k", "12.5k"}, {0, 25000, "0", "0"},
		{5e5, 2e6, "0,5M", "0.5M"}, {2e6, 2e6, "2M", "2M"}, {3e12, 4e12, "3T", "3T"},
		{math.MaxFloat64 / 2, math.MaxFloat64, "9,0e307", "9.0e307"}, {0, math.MaxFloat64, "0", "0"},
	} {
		if got := tickNum(tc.v, tc.top, sv); got != tc.sv {
			t.Errorf("tickNum(%v, %v, sv) = %q, want %q", tc.v, tc.top, got, tc.sv)
		}
		if got := tickNum(tc.v, tc.top, en); got != tc.en {
			t.Errorf("tickNum(%v, %v, en) = %q, want %q", tc.v, tc.top, got, tc.en)
		}
	}
	for _, tc := range []struct {
		max        float64
		whole      bool
		top, steps float64
	}{{0, true, 1, 1}, {1, true, 1, 1}, {3, true, 3, 3}, {7, true, 8, 4}, {9, true, 10, 5}, {12, true, 15, 3}, {12, false, 12.5, 5}, {0.3, false, 0.3, 3}, {95, true, 100, 5}, {1e6, true, 1e6, 5}, {0.5, true, 1, 1}} {
		top, step := axisScale(tc.max, tc.whole)
		if math.Abs(top-tc.top) > 1e-9 || math.Abs(top/step-tc.steps) > 1e-9 {
			t.Errorf("axisScale(%v) = %v in steps of %v, want %v in %v", tc.max, top, step, tc.top, tc.steps)
		}
	}
	if top, step := axisScale(math.MaxFloat64, true); math.IsInf(top, 0) || top < math.MaxFloat64/2 || step <= 0 {
		t.Errorf("axisScale(max) = %v, %v", top, step)
	}
}

// TestChartPalette: each colour stands out from the white background by
// at least 3:1 (WCAG 1.4.11), and neighbours differ.
func TestChartPalette(t *testing.T) {
	lum := func(hex string) float64 {
		var rgb [3]float64
		for i := range rgb {
			v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatal(err)
			}
			c := float64(v) / 255
			if c <= 0.04045 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	if len(chartPalette) < 4 || len(chartPalette) > 6 {
		t.Errorf("%d colours", len(chartPalette))
	}
	for i, c := range chartPalette {
		if contrast := 1.05 / (lum(c) + 0.05); contrast < 3 {
			t.Errorf("%s: %.2f:1 on white", c, contrast)
		}
		if i > 0 && c == chartPalette[i-1] {
			t.Errorf("%s twice", c)
		}
	}
	if contrast := 1.05 / (lum(chartInk) + 0.05); contrast < 7 {
		t.Errorf("text %.2f:1", contrast)
	}
}

// BenchmarkChartSVG draws a year of weeks with three series.
func BenchmarkChartSVG(b *testing.B) {
	c := chartCases[5].c
	b.ReportAllocs()
	var size int
	for b.Loop() {
		size = len(ChartSVG("Utskick per vecka", c, "sv"))
	}
	b.ReportMetric(float64(size), "bytes")
}

func TestChartEsc(t *testing.T) {
	for in, want := range map[string]string{
		"keramik":             "keramik",
		"Frågor <per> vecka":  "Frågor &lt;per&gt; vecka",
		`"a" & 'b'`:           "&#34;a&#34; &amp; &#39;b&#39;",
		"rad\nett\ttvå":       "rad ett två",
		"nul\x00\x1b\u0085ok": "nulok",
		"bad\xffutf8":         "bad\ufffdutf8",
		"\ufffe\uffff\ufffd":  "\ufffd",
	} {
		if got := chartEsc(in); got != want {
			t.Errorf("chartEsc(%q) = %q, want %q", in, got, want)
		}
	}
}
