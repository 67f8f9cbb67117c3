package commands

import "passionbot/bot"

// Swedish words for choices that several commands share. Members may write
// either language's word; handlers read the English value (bot.Arg.ChoicesSV).

// langWords are the languages' Swedish names: `språk:svenska`.
func langWords() map[string][]string {
	return map[string][]string{"sv": {"svenska", "sv"}, "en": {"engelska", "en"}}
}

// yesMaybeNo are the answers to an invitation: `svar:kanske`.
func yesMaybeNo() map[string][]string {
	// "kommer", as the button says ("Jag kommer"), and the words members
	// answer an invitation with; the first is what Swedish speakers see.
	return map[string][]string{"yes": {"ja", "kommer", "japp", "jepp", "coming", "going", "attending"},
		"maybe": {"kanske", "kanskekommer", "perhaps", "possibly"}, "no": {"nej", "nä", "nix", "kommerinte"}}
}

// confirmArg is the `confirm:yes` (`bekräfta:ja`) that a command asks for
// before it does something that cannot be undone.
func confirmArg() bot.Arg {
	return bot.Arg{Name: "confirm", SV: "bekräfta", Kind: bot.KindChoice, Choices: []string{"yes"},
		ChoicesSV: map[string][]string{"yes": {"ja"}}, Help: txt("`ja` för att bekräfta", "`yes` to confirm")}
}
