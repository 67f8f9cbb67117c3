package web

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"passionbot/bot"
)

// Charts are drawn on the server as inline SVG, so that they are seen
// without JavaScript and read by screen readers: role="img" with a <title>
// (the chart's title) and a <desc> that says every value in words. The
// page's Content-Security-Policy forbids inline styles, so everything is a
// presentation attribute (fill=, stroke=, font-size=…); nothing is
// loaded from anywhere, no script, no link. The viewBox makes the drawing
// scale to its box (width 100%: a phone's width).
//
// The colours are a fixed palette after Okabe and Ito's for colour-blind
// readers, darkened where needed so that each has at least 3:1 contrast
// with the white background (WCAG 1.4.11 for graphics). Neighbours differ
// in lightness (L* 32, 54, 58, 32, 59, 40), and the two close in it,
// vermillion and bluish green, lie apart on the blue–yellow axis that
// every kind of colour blindness keeps. Stacked segments and side-by-side
// bars are parted by a white line, lines differ in their dashes too, and
// the legend names the series in the same order.

// Chart geometry, in viewBox units: a full-width chart on a wide screen
// is about 1.2 times this, on a phone about 0.55 (the text then still
// about 9 px).
const (
	chartW      = 640
	chartRight  = 16  // room right of the plot
	chartPlotH  = 240 // the plot area's height
	chartFont   = 16  // font size
	chartLine   = 22  // a line of text (legend rows)
	chartSwatch = 14  // a legend's colour square
	chartMaxX   = 12  // labels shown under the axis at most: every k-th beyond
	chartTurned = 190 // a turned label's width at most
	chartLegend = 260 // a series name's width at most in the legend
	chartSteps  = 5   // value axis steps at most
)

// chartPalette are the series' colours, in order (repeating past the end).
var chartPalette = [...]string{
	"#1F4E79", // dark blue
	"#D55E00", // vermillion
	"#009E73", // bluish green
	"#882255", // wine
	"#B8860B", // dark goldenrod
	"#5E5E5E", // grey
}

// chartDashes tell the lines apart without colour.
var chartDashes = [...]string{"", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"}

// Colours of the drawing's own parts.
const (
	chartInk   = "#1a1a1a" // text: 17:1 on white
	chartAxis  = "#4a4a4a"
	chartGrid  = "#d9d5cc"
	chartPaper = "#ffffff"
)

// chartWords are the words of a chart's description, per language.
type chartWords struct {
	kinds   [3]string // by bot.ChartKind
	noData  string
	total   string // "total" in "(total 3)"
	decimal string // decimal separator
	group   string // thousands separator
}

// chartText are the languages' words; read-only.
var chartText = map[string]chartWords{
	bot.LangSV: {kinds: [3]string{"Stapeldiagram", "Staplat stapeldiagram", "Linjediagram"}, noData: "Inga värden att visa.", total: "totalt", decimal: ",", group: "\u00a0"},
	bot.LangEN: {kinds: [3]string{"Bar chart", "Stacked bar chart", "Line chart"}, noData: "No values to show.", total: "total", decimal: ".", group: ","},
}

// wordsFor is lang's words, Swedish when it is neither.
func wordsFor(lang string) chartWords {
	if w, ok := chartText[lang]; ok {
		return w
	}
	return chartText[bot.LangSV]
}

// chartData is a chart cleaned for drawing: every series as long as the
// labels, every value finite and at least 0.
type chartData struct {
	kind   bot.ChartKind
	labels []string
	series []bot.Series
	unit   string
}

// clean makes c safe to draw: values that are NaN, infinite or negative
// count as 0, missing values as 0, values past the labels are dropped.
func clean(c *bot.Chart) chartData {
	if c == nil {
		return chartData{}
	}
	d := chartData{kind: c.Kind, labels: c.Labels, unit: c.Unit}
	if d.kind < bot.ChartBars || d.kind > bot.ChartLines {
		d.kind = bot.ChartBars
	}
	for _, s := range c.Series {
		vs := make([]float64, len(c.Labels))
		for i := range vs {
			if i < len(s.Values) {
				vs[i] = finite(s.Values[i])
			}
		}
		d.series = append(d.series, bot.Series{Name: s.Name, Values: vs})
	}
	return d
}

// finite is v, or 0 when v is NaN, infinite or negative.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return v
}

// top is the largest value the axis must reach: the largest value, or the
// largest sum of a label's values when stacked (at most MaxFloat64).
func (d chartData) top() float64 {
	top := 0.0
	for i := range d.labels {
		sum := 0.0
		for _, s := range d.series {
			if d.kind == bot.ChartStackedBars {
				sum = math.Min(sum+s.Values[i], math.MaxFloat64)
			} else {
				sum = math.Max(sum, s.Values[i])
			}
		}
		top = math.Max(top, sum)
	}
	return top
}

// integral reports whether every value is a whole number (counts): the
// axis then has no fractional steps.
func (d chartData) integral() bool {
	for _, s := range d.series {
		for _, v := range s.Values {
			if v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}

// axisScale returns the axis' top and step: the smallest round step (1,
// 2, 2.5 or 5 times a power of ten; whole numbers only when the values
// are counts) that reaches max in at most chartSteps steps.
func axisScale(max float64, whole bool) (top, step float64) {
	if max <= 0 {
		max = 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(max/chartSteps)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if whole && m == 2.5 {
			continue
		}
		step = m * mag
		if whole && step < 1 {
			step = 1
		}
		if math.Ceil(max/step) <= chartSteps {
			break
		}
	}
	top = step * math.Ceil(max/step)
	if math.IsInf(top, 0) || math.IsNaN(top) || top <= 0 {
		return max, max / 4 // near MaxFloat64: no round top beyond it
	}
	return top, step
}

// ChartSVG draws c as an accessible SVG image titled title, with the
// words of lang (sv, en). All text (the title, labels, series names, the
// unit) is escaped: it may come from members. Values that are NaN,
// infinite or negative are drawn as 0; a chart with no labels or no
// series says so in words.
func ChartSVG(title string, c *bot.Chart, lang string) template.HTML {
	d := clean(c)
	w := wordsFor(lang)
	id := chartID(title, d)
	var b strings.Builder
	b.Grow(4096 + 120*len(d.labels)*max(1, len(d.series)))
	if len(d.labels) == 0 || len(d.series) == 0 {
		h := 64
		svgOpen(&b, id, h)
		fmt.Fprintf(&b, "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", id, chartEsc(title), id, chartEsc(w.noData))
		fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>", chartW, h, chartPaper)
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></svg>", chartW/2, h/2+4, chartEsc(w.noData))
		return template.HTML(b.String())
	}
	n := len(d.labels)

	// The value axis: round steps, and room on the left for their values.
	axisTop, step := axisScale(d.top(), d.integral())
	steps := int(math.Round(axisTop / step))
	ticks := make([]string, steps+1)
	left := 0.0
	for i := range ticks {
		ticks[i] = tickNum(float64(i)*step, axisTop, w)
		left = math.Max(left, textWidth(ticks[i]))
	}
	left = math.Ceil(math.Max(left+14, 36))
	slot := (chartW - chartRight - left) / float64(n)

	// The labels under the axis: every k-th, on one line when they fit,
	// else on two when there is room, else turned (as far as the drawing
	// reaches on the left).
	k := (n + chartMaxX - 1) / chartMaxX
	room := slot*float64(k) - 6
	layout := labelsFlat
	for i := 0; i < n; i += k {
		if textWidth(d.labels[i]) > room {
			layout = labelsWrapped
			break
		}
	}
	bottom := 30.0
	switch {
	case layout == labelsWrapped && room >= 72:
		bottom = 30 + chartLine
	case layout == labelsWrapped:
		layout = labelsTurned
		widest := 0.0
		for i := 0; i < n; i += k {
			label, _ := truncate(d.labels[i], turnedRoom(left+(float64(i)+0.5)*slot))
			widest = math.Max(widest, textWidth(label))
		}
		bottom = 32 + math.Ceil(widest*0.66) // sin 40°, and a margin for the estimate
	}

	// The legend, in rows, when there is more than one series.
	type legendItem struct {
		x, y float64
		name string
		cut  bool
	}
	var legend []legendItem
	top := 8.0
	if len(d.series) > 1 {
		x, y := left, top+chartFont
		for _, s := range d.series {
			name, cut := truncate(s.Name, chartLegend)
			wd := chartSwatch + 6 + textWidth(name) + 18
			if x+wd > chartW-chartRight && x > left {
				x, y = left, y+chartLine
			}
			legend = append(legend, legendItem{x: x, y: y, name: name, cut: cut})
			x += wd
		}
		top = y + chartLine - chartFont + 4
	}
	unitY := top + chartFont
	plotTop := unitY + 12
	base := plotTop + chartPlotH
	height := int(math.Ceil(base + bottom))

	svgOpen(&b, id, height)
	fmt.Fprintf(&b, "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", id, chartEsc(title), id, chartEsc(describeChart(d, w, lang)))
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>", chartW, height, chartPaper)

	for i, l := range legend {
		col := chartPalette[i%len(chartPalette)]
		if d.kind == bot.ChartLines {
			fmt.Fprintf(&b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"3\"%s/>",
				num(l.x), num(l.y-5), num(l.x+chartSwatch), num(l.y-5), col, dashAttr(i))
		} else {
			fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", num(l.x), num(l.y-chartSwatch+2), chartSwatch, chartSwatch, col)
		}
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\">%s", num(l.x+chartSwatch+6), num(l.y), chartEsc(l.name))
		if l.cut {
			fmt.Fprintf(&b, "<title>%s</title>", chartEsc(d.series[i].Name))
		}
		b.WriteString("</text>")
	}

	// Gridlines and their values, the unit above them.
	y := func(v float64) float64 { return base - v/axisTop*chartPlotH }
	fmt.Fprintf(&b, "<g stroke=\"%s\" stroke-width=\"1\">", chartGrid)
	for i := 1; i <= steps; i++ {
		gy := num(y(float64(i) * step))
		fmt.Fprintf(&b, "<line x1=\"%s\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", num(left), gy, chartW-chartRight, gy)
	}
	b.WriteString("</g><g text-anchor=\"end\">")
	for i, t := range ticks {
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\">%s</text>", num(left-8), num(y(float64(i)*step)+5), t)
	}
	b.WriteString("</g>")
	if d.unit != "" {
		unit, _ := truncate(d.unit, chartW-16)
		fmt.Fprintf(&b, "<text x=\"8\" y=\"%s\">%s</text>", num(unitY), chartEsc(unit))
	}

	// The data.
	switch d.kind {
	case bot.ChartLines:
		drawLines(&b, d, w, left, slot, y)
	default:
		drawBars(&b, d, w, left, slot, y, base)
	}
	fmt.Fprintf(&b, "<line x1=\"%s\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>", num(left), num(base), chartW-chartRight, num(base), chartAxis)

	// The labels.
	if layout == labelsTurned {
		b.WriteString("<g text-anchor=\"end\">")
	} else {
		b.WriteString("<g text-anchor=\"middle\">")
	}
	for i := 0; i < n; i += k {
		cx := left + (float64(i)+0.5)*slot
		x := num(cx)
		var cut bool
		switch layout {
		case labelsTurned:
			var label string
			label, cut = truncate(d.labels[i], turnedRoom(cx))
			ly := num(base + 16)
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" transform=\"rotate(-40 %s %s)\">%s", x, ly, x, ly, chartEsc(label))
		case labelsWrapped:
			var first, second string
			first, second, cut = wrap2(d.labels[i], room)
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\">%s", x, num(base+22), chartEsc(first))
			if second != "" {
				fmt.Fprintf(&b, "<tspan x=\"%s\" dy=\"%d\">%s</tspan>", x, chartLine-2, chartEsc(second))
			}
		default:
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\">%s", x, num(base+22), chartEsc(d.labels[i]))
		}
		if cut {
			fmt.Fprintf(&b, "<title>%s</title>", chartEsc(d.labels[i]))
		}
		b.WriteString("</text>")
	}
	b.WriteString("</g></svg>")
	return template.HTML(b.String())
}

// svgOpen writes the root element.
func svgOpen(b *strings.Builder, id string, height int) {
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "+
		"font-family=\"system-ui, sans-serif\" font-size=\"%d\" fill=\"%s\">", chartW, height, id, id, chartFont, chartInk)
}

// drawBars draws one bar per label and series side by side, or the
// series stacked in one bar per label; a value of 0 draws nothing. Each
// bar's <title> says its label, series and value.
func drawBars(b *strings.Builder, d chartData, w chartWords, left, slot float64, y func(float64) float64, base float64) {
	stacked := d.kind == bot.ChartStackedBars
	width := math.Min(slot*0.7, 80)
	if !stacked {
		width = math.Min(slot*0.8/float64(len(d.series)), 44)
	}
	under := make([]float64, len(d.labels)) // stacked: what is already drawn
	for j, s := range d.series {
		fmt.Fprintf(b, "<g fill=\"%s\" stroke=\"%s\" stroke-width=\"1\" data-series=\"%d\">", chartPalette[j%len(chartPalette)], chartPaper, j)
		for i, v := range s.Values {
			if v == 0 {
				continue
			}
			centre := left + (float64(i)+0.5)*slot
			x := centre - width/2
			if !stacked {
				x = centre - width*float64(len(d.series))/2 + float64(j)*width
			}
			bottom, h := base, base-y(v)
			if stacked {
				bottom = y(under[i])
				under[i] = math.Min(under[i]+v, math.MaxFloat64)
				h = bottom - y(under[i])
			}
			h = math.Max(h, 1) // a value above 0 is seen
			b.WriteString(`<rect x="` + num(x) + `" y="` + num(bottom-h) + `" width="` + num(width) + `" height="` + num(h) + `"><title>`)
			writeValueTitle(b, d, w, i, s.Name, v)
			b.WriteString("</title></rect>")
		}
		b.WriteString("</g>")
	}
}

// drawLines draws each series as a line through a point per label; each
// point's <title> says its label, series and value.
func drawLines(b *strings.Builder, d chartData, w chartWords, left, slot float64, y func(float64) float64) {
	r := 3.5
	if len(d.labels) > 26 {
		r = 2.5
	}
	for j, s := range d.series {
		col := chartPalette[j%len(chartPalette)]
		fmt.Fprintf(b, "<g data-series=\"%d\"><polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\"%s points=\"", j, col, dashAttr(j))
		for i, v := range s.Values {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(b, "%s,%s", num(left+(float64(i)+0.5)*slot), num(y(v)))
		}
		fmt.Fprintf(b, "\"/><g fill=\"%s\" stroke=\"%s\" stroke-width=\"1\">", col, chartPaper)
		for i, v := range s.Values {
			b.WriteString(`<circle cx="` + num(left+(float64(i)+0.5)*slot) + `" cy="` + num(y(v)) + `" r="` + num(r) + `"><title>`)
			writeValueTitle(b, d, w, i, s.Name, v)
			b.WriteString("</title></circle>")
		}
		b.WriteString("</g></g>")
	}
}

// dashAttr is series j's stroke-dasharray attribute ("" for solid).
func dashAttr(j int) string {
	if dash := chartDashes[j%len(chartDashes)]; dash != "" {
		return " stroke-dasharray=\"" + dash + "\""
	}
	return ""
}

// writeValueTitle writes one value in full, escaped: "v. 48 — besvarade:
// 3 frågor".
func writeValueTitle(b *strings.Builder, d chartData, w chartWords, i int, series string, v float64) {
	escTo(b, d.labels[i])
	b.WriteString(" — ")
	if series != "" {
		escTo(b, series)
		b.WriteString(": ")
	}
	b.WriteString(fullNum(v, w))
	if d.unit != "" {
		b.WriteByte(' ')
		escTo(b, d.unit)
	}
}

// describeChart is the <desc>: what kind of chart, of what, and every
// label's values in words, for those who cannot see it.
func describeChart(d chartData, w chartWords, lang string) string {
	var b strings.Builder
	b.WriteString(w.kinds[d.kind])
	if d.unit != "" {
		b.WriteString(" (" + d.unit + ")")
	}
	b.WriteString(". ")
	for i, l := range d.labels {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(l + ": ")
		sum := 0.0
		for j, s := range d.series {
			if j > 0 {
				b.WriteString(", ")
			}
			if s.Name != "" {
				b.WriteString(s.Name + " ")
			}
			b.WriteString(fullNum(s.Values[i], w))
			sum = math.Min(sum+s.Values[i], math.MaxFloat64)
		}
		if d.kind == bot.ChartStackedBars && len(d.series) > 1 {
			b.WriteString(" (" + w.total + " " + fullNum(sum, w) + ")")
		}
	}
	b.WriteString(".")
	return b.String()
}

// fullNum writes v in full for reading: "12 345", "12,345", "2,5"; very
// large numbers in scientific notation.
func fullNum(v float64, w chartWords) string {
	if v >= 1e15 {
		return strings.Replace(strconv.FormatFloat(v, 'g', 3, 64), ".", w.decimal, 1)
	}
	whole := math.Trunc(v)
	s := groupDigits(strconv.FormatFloat(whole, 'f', 0, 64), w.group)
	if frac := math.Round((v-whole)*100) / 100; frac > 0 {
		f := strconv.FormatFloat(frac, 'f', -1, 64) // "0.25"
		s += w.decimal + strings.TrimPrefix(f, "0.")
	}
	return s
}

// tickNum writes an axis value briefly, in the unit the axis' top
// needs, so that all its values read alike: "20", "2,5", "5k", "40k",
// "1,5M", "1,8e308".
func tickNum(v, top float64, w chartWords) string {
	dec := func(s string) string { return strings.Replace(s, ".", w.decimal, 1) }
	if top >= 1e15 {
		if v == 0 {
			return "0"
		}
		return dec(strings.Replace(strconv.FormatFloat(v, 'e', 1, 64), "e+", "e", 1))
	}
	for _, u := range []struct {
		f float64
		s string
	}{{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}} {
		if top >= 10*u.f || top >= u.f && u.f >= 1e6 {
			if v == 0 {
				return "0"
			}
			return dec(strconv.FormatFloat(math.Round(v/u.f*10)/10, 'f', -1, 64)) + u.s
		}
	}
	return dec(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64))
}

// groupDigits puts sep between groups of three digits.
func groupDigits(digits, sep string) string {
	if len(digits) <= 4 {
		return digits
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// num writes a coordinate to a tenth.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// truncate cuts s (spaces collapsed) to at most width wide, the last
// character an ellipsis when it is cut, and reports whether it was.
func truncate(s string, width float64) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if textWidth(s) <= width {
		return s, false
	}
	w := runeWidth('…')
	for i, r := range s {
		if w += runeWidth(r); w > width {
			return strings.TrimSpace(s[:i]) + "…", true
		}
	}
	return s, false
}

// How the labels under the axis are laid out.
const (
	labelsFlat    = iota // one line each
	labelsWrapped        // two lines each, the second cut when too long
	labelsTurned         // turned 40°, cut when too long
)

// turnedRoom is how wide a label turned 40° at x may be: at most
// chartTurned, and no further left than the drawing.
func turnedRoom(x float64) float64 {
	return math.Min(chartTurned, (x-4)/0.766) // cos 40°
}

// wrap2 puts s on two lines at most room wide, between words, the second
// cut when it is too long (or the first, when its first word is), and
// reports whether it cut.
func wrap2(s string, room float64) (first, second string, cut bool) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return "", "", false
	}
	if textWidth(words[0]) > room {
		first, cut = truncate(s, room)
		return first, "", cut
	}
	first, i := words[0], 1
	for ; i < len(words) && textWidth(first+" "+words[i]) <= room; i++ {
		first += " " + words[i]
	}
	second, cut = truncate(strings.Join(words[i:], " "), room)
	return first, second, cut
}

// textWidth estimates how wide s is drawn at chartFont in a sans-serif
// font: there is no font to measure on the server, and a label that is
// a little too long only comes near its neighbour.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is a character's estimated width at chartFont.
func runeWidth(r rune) float64 {
	em := 0.56
	switch {
	case strings.ContainsRune(" .,:;'|!()[]iljfrtI", r):
		em = 0.3
	case strings.ContainsRune("mwMW@%—…", r):
		em = 0.86
	case unicode.IsUpper(r):
		em = 0.68
	case r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
		em = 1
	}
	return em * chartFont
}

// chartEsc escapes text for SVG inside HTML and XML alike: the five
// markup characters, and the characters XML does not allow (controls,
// invalid UTF-8, noncharacters) left out.
func chartEsc(s string) string {
	if !needsEsc(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	escTo(&b, s)
	return b.String()
}

// needsEsc reports whether s has anything chartEsc changes.
func needsEsc(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x20, r == '&', r == '<', r == '>', r == '"', r == '\'', r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff:
			return true
		case r == utf8.RuneError: // invalid UTF-8 (or a real U+FFFD, kept)
			return true
		}
	}
	return false
}

// escTo writes s escaped (chartEsc) to b.
func escTo(b *strings.Builder, s string) {
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff:
			// not allowed in XML (or invisible controls): left out
		default:
			b.WriteRune(r)
		}
	}
}

// chartID names a chart's title and description for aria-labelledby,
// from what it shows: two different charts on a page get different ids.
func chartID(title string, d chartData) string {
	h := fnv.New64a()
	var buf [8]byte
	word := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	word(title)
	word(d.unit)
	h.Write([]byte{byte(d.kind)})
	for _, l := range d.labels {
		word(l)
	}
	for _, s := range d.series {
		word(s.Name)
		for _, v := range s.Values {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			h.Write(buf[:])
		}
	}
	return "chart-" + strconv.FormatUint(h.Sum64(), 16)
}
