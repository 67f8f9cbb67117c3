package bot

import (
	"reflect"
)

// Capability is an optional platform ability a command may need. The
// capability is the interface itself (ChannelAdmin, Purger, …): an adapter
// has it when it implements the interface, the way net/http discovers
// http.Flusher. Make one with Cap; reach it in a handler with Capable.
type Capability struct {
	name string // the interface's name; catalog key "cap.<name>"
	has  func(Adapter) bool
}

// Cap is the capability of implementing interface T.
func Cap[T any]() Capability {
	return Capability{name: reflect.TypeFor[T]().Name(), has: func(a Adapter) bool {
		_, ok := a.(T)
		return ok
	}}
}

// Name is the interface's name.
func (c Capability) Name() string { return c.name }

// messageKey is the catalog key of the capability's localized name.
func (c Capability) messageKey() string { return "cap." + c.name }

// CapableOn returns platform p's adapter as T, when it is connected and
// implements T.
func CapableOn[T any](b *Bot, p Platform) (T, bool) {
	t, ok := b.adapters[p].(T)
	return t, ok
}

// Capable returns the call's platform as T. A command that declares Cap[T]
// in Needs always gets it (the router checked); elsewhere a platform
// without T is a refusal the member reads ("Slack has no support for …").
func Capable[T any](c *Call) (T, error) {
	if t, ok := CapableOn[T](c.bot, c.Event.Platform); ok {
		return t, nil
	}
	var zero T
	return zero, c.Refuse("err.capability", c.platformName(), c.T(Cap[T]().messageKey()))
}
