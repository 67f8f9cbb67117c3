package bot

import (
	"strings"
	"testing"
)

func TestCatalogPluralForms(t *testing.T) {
	c, err := NewCatalog(Messages{
		"x.members.one":   {SV: "%d medlem", EN: "%d member"},
		"x.members.other": {SV: "%d medlemmar", EN: "%d members"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{LangSV, 0, "0 medlemmar"}, {LangSV, 1, "1 medlem"}, {LangSV, 2, "2 medlemmar"},
		{LangEN, 0, "0 members"}, {LangEN, 1, "1 member"}, {LangEN, 2, "2 members"},
	} {
		if got := c.TN(tt.lang, "x.members", tt.n, tt.n); got != tt.want {
			t.Errorf("TN(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	if got := Plural("x.members", 1); got != "x.members.one" {
		t.Errorf("Plural(1) = %q", got)
	}
	errs := Messages{"y.one": {SV: "%d sak", EN: "%d thing"}}.Check()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "y.other") {
		t.Errorf("a lone .one form: %v", errs)
	}
}

// No message in the core catalog hedges a plural with "(er)" or "(s)".
func TestNoHedgedPlurals(t *testing.T) {
	for k, m := range coreMessages() {
		for _, s := range []string{m.SV, m.EN} {
			if strings.Contains(s, "(er)") || strings.Contains(s, "(s)") || strings.Contains(s, "/or)") {
				t.Errorf("%s: %q", k, s)
			}
		}
	}
}
