package discord_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"passionbot/adapters/discord"
	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/discordfake"
)

// BenchmarkMentionToReply measures messages handled per second from a
// gateway MESSAGE_CREATE (a mention with a question) to the REST reply,
// through the real discordgo client and the whole bot (router, knowledge
// search, SQLite), without rate limits.
func BenchmarkMentionToReply(b *testing.B) {
	fake := discordfake.New(b, discordfake.WithEcho(false))
	kim := fake.NewUser("kim")
	g := fake.AddGuild(discordfake.Guild{Name: "Passion Halland", Channels: []discordfake.Channel{{Name: "allmant"}}, Members: []discordfake.Member{{User: fake.NewUser("owner")}, {User: kim}}})
	ch := g.Channels[0].ID
	a, err := discord.New(discord.Options{Token: fake.Token(), BaseURL: fake.URL(), GuildID: g.ID})
	if err != nil {
		b.Fatal(err)
	}
	h := bottest.New(b, bottest.WithAdapters(a))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, h.Bot) }()
	defer func() { cancel(); <-done; h.Bot.Wait(context.Background()) }()
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	fake.WaitConnected(wait)
	stop()
	content := "<@" + fake.BotID() + "> vad står PUNKS för?"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fake.SendMessage(discordfake.MessageCreate{ChannelID: ch, Author: kim, Content: content})
	}
	wait, stop = context.WithTimeout(ctx, 5*time.Minute)
	defer stop()
	if _, err := fake.WaitMessages(wait, ch, b.N); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkMemoryPerGuild reports the adapter's heap per connected guild:
// the heap after connecting to 101 guilds (20 channels, 50 members, 10
// roles each) less the heap with 1, divided by 100.
func BenchmarkMemoryPerGuild(b *testing.B) {
	heapWith := func(guilds int) uint64 {
		fake := discordfake.New(b, discordfake.WithEcho(false))
		for i := 0; i < guilds; i++ {
			g := discordfake.Guild{Name: fmt.Sprintf("server %d", i)}
			for c := 0; c < 20; c++ {
				g.Channels = append(g.Channels, discordfake.Channel{Name: fmt.Sprintf("kanal-%d", c)})
			}
			for r := 0; r < 10; r++ {
				g.Roles = append(g.Roles, discordfake.Role{Name: fmt.Sprintf("roll %d", r)})
			}
			for m := 0; m < 50; m++ {
				g.Members = append(g.Members, discordfake.Member{User: fake.NewUser(fmt.Sprintf("medlem%d", m))})
			}
			fake.AddGuild(g)
		}
		a, err := discord.New(discord.Options{Token: fake.Token(), BaseURL: fake.URL(), GuildID: "1"})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- a.Run(ctx, bot.HandlerFunc(func(context.Context, bot.Event) {})) }()
		wait, stop := context.WithTimeout(ctx, 20*time.Second)
		fake.WaitConnected(wait)
		stop()
		time.Sleep(200 * time.Millisecond) // GUILD_CREATEs follow READY
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		cancel()
		<-done
		return ms.HeapAlloc
	}
	var perGuild float64
	for i := 0; i < b.N; i++ {
		one := heapWith(1)
		many := heapWith(101)
		perGuild = float64(int64(many)-int64(one)) / 100
	}
	b.ReportMetric(perGuild/1024, "KiB/guild")
}
