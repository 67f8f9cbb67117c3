package commands

import "passionbot/bot"

// Messages are the announcement texts.
func (*announcements) Messages() bot.Messages {
	return bot.Messages{
		"cron.syntax":             {SV: "fem fält behövs, med siffror, namn, `*`, listor, intervall och steg", EN: "five fields are needed, made of numbers, names, `*`, lists, ranges and steps"},
		"cron.range":              {SV: "%s `%s` ligger utanför %d–%d", EN: "%s `%s` is outside %d–%d"},
		"cron.too_long":           {SV: "längre än %d tecken", EN: "longer than %d characters"},
		"cron.zone":               {SV: "okänd tidszon `%s`", EN: "unknown time zone `%s`"},
		"cron.every":              {SV: "`@every` stöds inte, eftersom intervallet skulle räknas från varje omstart", EN: "`@every` is not supported, since the interval would count from every restart"},
		"cron.never":              {SV: "det datumet inträffar aldrig", EN: "that date never happens"},
		"cron.field.second":       {SV: "sekunden", EN: "the second"},
		"cron.field.minute":       {SV: "minuten", EN: "the minute"},
		"cron.field.hour":         {SV: "timmen", EN: "the hour"},
		"cron.field.day_of_month": {SV: "dagen i månaden", EN: "the day of the month"},
		"cron.field.month":        {SV: "månaden", EN: "the month"},
		"cron.field.day_of_week":  {SV: "veckodagen", EN: "the day of the week"},
		"announce.need_channel":   {SV: "Ange en kanal med `kanal:`: ett DM är ingen kanal i gemenskapen.", EN: "Give a channel with `channel:`: a DM is not a channel of the community."},
		"announce.bad_channel":    {SV: "`%s` är ingen kanal. Skriv `#namn`, `<#id>` eller `slack:#id`.", EN: "`%s` is not a channel. Write `#name`, `<#id>` or `slack:#id`."},
		"announce.too_often":      {SV: "`%s` går för ofta (som tätast med %s mellanrum). Ett schemalagt meddelande får gå högst en gång i timmen, till exempel `0 * * * *` (varje hel timme) eller `0 9 * * 1` (måndagar 09:00).", EN: "`%s` fires too often (as little as %s apart). A scheduled message may fire at most once an hour, for example `0 * * * *` (every hour on the hour) or `0 9 * * 1` (Mondays 09:00)."},
		"announce.too_many":       {SV: "Ett schema får gå till högst %d kanaler; du angav %d olika. Dela upp dem på flera scheman.", EN: "A schedule may go to at most %d channels; you named %d different ones. Split them over several schedules."},
		"announce.other_platform": {SV: "Bara moderatorer kan schemalägga till en annan plattform (`%s`); en arrangör på %s schemalägger till kanaler där.", EN: "Only moderators can schedule to another platform (`%s`); an organiser on %s schedules to channels there."},
		"announce.no_platform":    {SV: "Plattformen `%s` är inte ansluten.", EN: "The platform `%s` is not connected."},
		"announce.bad_cron":       {SV: "`%s` är inget giltigt schema (%s). Skriv fem fält, minut timme dag månad veckodag, till exempel `0 9 * * 1` (måndagar 09:00), eller `@daily`, `@weekly`.", EN: "`%s` is not a valid schedule (%s). Write five fields, minute hour day month weekday, for example `0 9 * * 1` (Mondays 09:00), or `@daily`, `@weekly`."},
		"announce.created":        {SV: "Schema %d är skapat. Första gången: %s, till %d kanal(er).", EN: "Schedule %d is created. First run: %s, to %d channel(s)."},
		"announce.unknown":        {SV: "Det finns inget schema nummer %d. Se `announce list`.", EN: "There is no schedule number %d. See `announce list`."},
		"announce.none":           {SV: "Inga schemalagda meddelanden.", EN: "No scheduled messages."},
		"announce.list_title":     {SV: "**Schemalagda meddelanden**", EN: "**Scheduled messages**"},
		"announce.active":         {SV: "aktivt", EN: "active"},
		"announce.paused":         {SV: "pausat", EN: "paused"},
		"announce.next":           {SV: "nästa: %s", EN: "next: %s"},
		"announce.last":           {SV: "senast %s: %s", EN: "last %s: %s"},
		"announce.failed":         {SV: "misslyckades till %s: %s", EN: "failed to %s: %s"},
		"announce.bad_from":       {SV: "`%s` är inget datum; skriv till exempel `2027-03-27`.", EN: "`%s` is not a date; write for example `2027-03-27`."},
		"announce.preview":        {SV: "Schema %d (`%s`) körs:", EN: "Schedule %d (`%s`) runs at:"},
		"announce.paused_ok":      {SV: "Schema %d är pausat.", EN: "Schedule %d is paused."},
		"announce.resumed_ok":     {SV: "Schema %d är igång igen.", EN: "Schedule %d is running again."},
		"announce.removed":        {SV: "Schema %d är borttaget.", EN: "Schedule %d is removed."},
		"announce.too_many_schedules": {SV: "Gemenskapen har redan %d aktiva scheman, och högst %d är tillåtna. Ta bort ett (`announce remove`) eller pausa ett (`announce pause`) först.",
			EN: "The community already has %d active schedules, and at most %d are allowed. Remove one (`announce remove`) or pause one (`announce pause`) first."},
		"announce.test_wait": {SV: "Schema %d testades nyss; ett schema kan testas en gång var %d:e minut. Försök igen om %d min.",
			EN: "Schedule %d was tested just now; a schedule can be tested once every %d minutes. Try again in %d min."},
		"announce.tested":     {SV: "Schema %d: testmeddelandet gick ut till %d av %d kanaler.", EN: "Schedule %d: the test message went to %d of %d channels."},
		"announce.no_meetups": {SV: "(inga träffar planerade den kommande veckan)", EN: "(no meetups planned in the coming week)"},
	}
}
