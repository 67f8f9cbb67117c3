package bot

import (
	"fmt"
	"testing"
	"time"
)

func TestMemberLimitsForgetIdleMembers(t *testing.T) {
	l := newMemberLimits(0, 0)
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 10_000 {
		if v := l.take(fmt.Sprintf("discord:%d", i), t0); !v.allowed {
			t.Fatalf("member %d's first command refused", i)
		}
	}
	if n := l.size(); n != 10_000 {
		t.Fatalf("held %d members, want 10000", n)
	}
	// Once their buckets are full again, a command from anyone drops them.
	l.take("discord:late", t0.Add(15*time.Second))
	if n := l.size(); n != 1 {
		t.Fatalf("held %d members after they went idle, want 1", n)
	}
}

func TestMemberLimitsWait(t *testing.T) {
	l := newMemberLimits(20, 5)
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for range 5 {
		l.take("k", t0)
	}
	v := l.take("k", t0.Add(time.Second))
	if v.allowed || !v.warn || v.wait != 2*time.Second {
		t.Fatalf("after one second: %+v, want refused, warn, wait 2s", v)
	}
	if v := l.take("k", t0.Add(2*time.Second)); v.allowed || v.warn {
		t.Fatalf("second refusal: %+v, want refused without a warning", v)
	}
	if newMemberLimits(-1, 0) != nil {
		t.Fatal("a negative rate must turn the limit off")
	}
}
