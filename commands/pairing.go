package commands

import (
	"math/rand"
	"slices"
	"sort"
	"strings"

	"passionbot/storage"
)

// Above exactLimit members, Match considers only pairs that share an
// interest (maxCandidates per member and interest), to stay fast.
const (
	exactLimit    = 2000
	maxCandidates = 40
)

// Group is a pair (or, once per round when the count is odd, a trio) of
// members to introduce, with the interests they share.
type Group struct {
	Members []string
	Shared  []string // tags all of them have
}

// pairKey orders two ids, as RecentPairs stores them.
func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Match pairs candidates by what they share: 3 points a shared interest, 2
// an offer that meets a need (either way), 1 for a passion-driven with a
// market-driven member when they share a theme. No pair in recent is made
// again. Pairs are taken greedily, best first (ties broken by a shuffle
// from seed, so a run is deterministic for a seed); members left over are
// paired among themselves, and when one member is left alone they join the
// group they share most with, making a trio. A member whose only possible
// partners were matched with them recently sits this round out.
func Match(cands []storage.MatchCandidate, recent map[[2]string]bool, seed int64) []Group {
	n := len(cands)
	if n < 2 {
		return nil
	}
	order := rand.New(rand.NewSource(seed)).Perm(n)
	sets := make([]map[string]string, n)
	for i, c := range cands {
		sets[i] = map[string]string{}
		for _, in := range c.Interests {
			sets[i][in.Key] = in.Tag
		}
	}
	score := func(i, j int) int {
		s := 0
		for k := range sets[i] {
			if _, ok := sets[j][k]; ok {
				s += 3
			}
		}
		a, b := cands[i].Profile, cands[j].Profile
		s += 2 * (overlap(a.Offers, b.Needs) + overlap(b.Offers, a.Needs))
		if s > 0 && ((a.Drive == "passion" && b.Drive == "market") || (a.Drive == "market" && b.Drive == "passion")) {
			s++
		}
		return s
	}
	type pair struct{ i, j, s int }
	var pairs []pair
	rank := make([]int, n) // position in the shuffle, for ties
	for x, i := range order {
		rank[i] = x
	}
	consider := func(i, j int) {
		if !recent[pairKey(cands[i].User.ID, cands[j].User.ID)] {
			if rank[i] > rank[j] {
				i, j = j, i
			}
			pairs = append(pairs, pair{i, j, score(i, j)})
		}
	}
	if n <= exactLimit {
		for x := 0; x < n; x++ {
			for y := x + 1; y < n; y++ {
				consider(order[x], order[y])
			}
		}
	} else {
		// Large communities: only members who share an interest are
		// candidates (at most maxCandidates per member and interest);
		// everyone else is paired below.
		byKey := map[string][]int{}
		for _, i := range order {
			for k := range sets[i] {
				byKey[k] = append(byKey[k], i)
			}
		}
		seen := map[[2]int]bool{}
		for _, members := range byKey {
			for x, i := range members {
				for _, j := range members[x+1 : min(len(members), x+1+maxCandidates)] {
					key := [2]int{min(i, j), max(i, j)}
					if !seen[key] {
						seen[key] = true
						consider(i, j)
					}
				}
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].s != pairs[b].s {
			return pairs[a].s > pairs[b].s
		}
		return rank[pairs[a].i] < rank[pairs[b].i] || (rank[pairs[a].i] == rank[pairs[b].i] && rank[pairs[a].j] < rank[pairs[b].j])
	})
	taken := make([]bool, n)
	var groups [][]int
	for _, p := range pairs {
		if !taken[p.i] && !taken[p.j] {
			taken[p.i], taken[p.j] = true, true
			groups = append(groups, []int{p.i, p.j})
		}
	}
	// Members still free (no candidate shared an interest) pair up in
	// shuffled order, never with a recent partner.
	var free []int
	for _, i := range order {
		if !taken[i] {
			free = append(free, i)
		}
	}
	for x := 0; x < len(free); x++ {
		i := free[x]
		if taken[i] {
			continue
		}
		for y := x + 1; y < len(free); y++ {
			j := free[y]
			if !taken[j] && !recent[pairKey(cands[i].User.ID, cands[j].User.ID)] {
				taken[i], taken[j] = true, true
				groups = append(groups, []int{i, j})
				break
			}
		}
	}
	// One member left over joins the group they share most with, if none
	// of its members were matched with them recently.
	for _, x := range order {
		if taken[x] {
			continue
		}
		best, bestScore := -1, -1
		for g, members := range groups {
			if len(members) != 2 || recent[pairKey(cands[x].User.ID, cands[members[0]].User.ID)] || recent[pairKey(cands[x].User.ID, cands[members[1]].User.ID)] {
				continue
			}
			if s := score(x, members[0]) + score(x, members[1]); s > bestScore {
				best, bestScore = g, s
			}
		}
		if best >= 0 {
			groups[best] = append(groups[best], x)
			taken[x] = true
		}
		break // at most one trio a round
	}
	out := make([]Group, len(groups))
	for g, members := range groups {
		out[g] = Group{Shared: sharedTags(sets, members)}
		for _, i := range members {
			out[g].Members = append(out[g].Members, cands[i].User.ID)
		}
	}
	return out
}

// sharedTags lists the tags every member of a group has, sorted.
func sharedTags(sets []map[string]string, members []int) []string {
	var out []string
	for k, tag := range sets[members[0]] {
		all := true
		for _, m := range members[1:] {
			if _, ok := sets[m][k]; !ok {
				all = false
			}
		}
		if all {
			out = append(out, tag)
		}
	}
	slices.Sort(out)
	return out
}

// overlap counts the words of an offer that appear in a need (words of
// four letters or more, so "en" and "och" do not count).
func overlap(offers, needs string) int {
	if offers == "" || needs == "" {
		return 0
	}
	need := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(needs)) {
		if len([]rune(w)) >= 4 {
			need[strings.Trim(w, ".,;:!?")] = true
		}
	}
	n := 0
	for _, w := range strings.Fields(strings.ToLower(offers)) {
		if need[strings.Trim(w, ".,;:!?")] {
			n++
		}
	}
	return n
}
