package knowledge

import "testing"

func TestDbg(t *testing.T) {
	ix := builtinIndex(t)
	known := func(part string, final bool) bool {
		_, ok := ix.surface[part]
		return ok
	}
	t.Log(splitCompound("passionbot", known), ix.surface["passionbot"], ix.surface["bot"], ix.p.docCompounds)
	bt := ix.terms["bot"]
	for _, p := range ix.post[bt] {
		t.Log(ix.docs[p.doc].id, p.sat)
	}
}
