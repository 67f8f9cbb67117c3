package bot

import "time"

// View is structured data a reply carries beside its text, for surfaces
// that draw it: the web dashboard renders a table, a chart or a calendar
// from it. Chat platforms show Reply.Text, which must say the same in
// words, and ignore views. Values are already in the reply's language and
// the community's timezone.
type View struct {
	Title    string
	Table    *Table
	Chart    *Chart
	Calendar []CalendarItem
}

// Table is rows of cells under column headings.
type Table struct {
	Columns []string
	Rows    [][]string
}

// ChartKind says how a chart is drawn.
type ChartKind int

// Chart kinds.
const (
	ChartBars        ChartKind = iota // one bar per label and series, side by side
	ChartStackedBars                  // the series stacked in one bar per label
	ChartLines                        // one line per series
)

// Chart is one or more series of numbers over the same labels (weeks,
// meetups, tags).
type Chart struct {
	Kind   ChartKind
	Labels []string
	Series []Series
	Unit   string // what the numbers count, for the axis ("frågor")
}

// Series is a named row of values, one per label.
type Series struct {
	Name   string
	Values []float64
}

// CalendarItem is one dated thing on a calendar view (a meetup).
type CalendarItem struct {
	Title      string
	Start, End time.Time
	Place      string
	Detail     string // one line: "12 kommer, 3 på väntelistan"
	// Command shows the item in full ("meetup show id:12").
	Command string
}
