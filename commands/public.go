package commands

import (
	"context"
	"time"

	"passionbot/bot"
)

// PublicPage is what the community page ([web] public) shows anyone:
// upcoming meetups with how many are coming, what the passion-driven
// economy is, and the most common interests. It names no member: counts
// only, and only of members whose visibility lets every member see them.
type PublicPage struct {
	Meetups   []PublicMeetup
	About     string // the knowledge base's answer, markdown subset
	Interests []PublicTag
}

// PublicMeetup is an upcoming meetup as anyone may see it.
type PublicMeetup struct {
	Title, Place string
	Start, End   time.Time
	Going        int // yes answers with a place (not the waitlist)
}

// PublicTag is an interest and how many members hold it.
type PublicTag struct {
	Tag     string
	Members int
}

// publicMeetups and publicTags bound the community page.
const publicMeetups, publicTags = 10, 10

// aboutQuestion is what the page asks the knowledge base.
var aboutQuestion = txt("Vad är passionsdriven ekonomi?", "What is the passion-driven economy?")

// PublicPage reads the community page in lang.
func (fs *Features) PublicPage(ctx context.Context, lang string) (PublicPage, error) {
	d := fs.deps
	var p PublicPage
	ms, err := d.Store.UpcomingMeetups(ctx, d.now(), publicMeetups)
	if err != nil {
		return p, err
	}
	for _, m := range ms {
		rs, err := d.Store.RSVPs(ctx, m.ID)
		if err != nil {
			return p, err
		}
		going, _, _ := tally(rs)
		p.Meetups = append(p.Meetups, PublicMeetup{Title: m.Title, Place: m.Location, Start: m.Start, End: m.End, Going: going})
	}
	if r := d.Library.Index().Search(aboutQuestion.In(lang), lang); r.Answered {
		p.About = r.Text()
	}
	// The community's platform: the first connected one (a bot serves
	// one community; with Discord and Slack both, Discord's members).
	platform := bot.PlatformConsole
	if len(d.Adapters) > 0 {
		platform = d.Adapters[0].Platform()
	}
	tags, err := d.Store.TopInterests(ctx, platform, bot.RoleMember, publicTags)
	if err != nil {
		return p, err
	}
	for _, t := range tags {
		p.Interests = append(p.Interests, PublicTag{Tag: t.Tag, Members: t.Count})
	}
	return p, nil
}
