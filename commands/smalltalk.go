package commands

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"passionbot/bot"
	"passionbot/knowledge"
)

// Small talk: greetings, thanks, "who are you", "what can you do" and
// goodbyes, in Swedish and English. A message made only of such phrases
// (and words like "bot", "alla", "so much", emoji) gets a short friendly
// reply with one hint of what to try: never a knowledge answer, never the
// unanswered queue, never "unknown command" (bot.Options.Chat lets a single
// word like "hej", one edit from "help", reach the fallback).
//
// A message with anything else in it is not small talk: "hej! vad är
// passionsdriven ekonomi?" is a question and answered as one.

// chatIntent is what a small-talk message means. When a message holds
// several ("hej! tack för hjälpen"), the reply answers the greatest.
type chatIntent int

const (
	chatNone      chatIntent = iota
	chatFiller               // "bot", "alla", "so much": no meaning of its own
	chatAck                  // ok, 👍, ja
	chatUnsure               // kom igen, oh come on: mild frustration
	chatRemark               // har sålt tre tavlor idag!, kids are sick so no work today
	chatGreet                // hej, hello, 👋
	chatMorning              // god morgon
	chatEvening              // god kväll
	chatIntro                // jag heter Anna och har en gård …, I'm a photographer in Varberg
	chatSorry                // förlåt, oops, my bad
	chatPraise               // bra jobbat, good bot
	chatThanks               // tack, thx, 🙏
	chatBye                  // hej då, bye
	chatHowAreYou            // hur mår du, how are you
	chatWhat                 // vad kan du göra, what can you do
	chatLanguages            // kan du svenska?, do you speak English? (aboutbot.go)
	chatPersonal             // gillar du musik, do you ever sleep (aboutbot.go)
	chatWho                  // vem är du, who are you
	chatHuman                // kan jag prata med en människa?, can I talk to a human?
)

// chatKeys are the catalog keys of the replies, by intent.
var chatKeys = map[chatIntent]string{
	chatAck: "chat.ack", chatUnsure: "chat.unclear", chatRemark: "chat.remark", chatGreet: "chat.greet", chatMorning: "chat.morning", chatEvening: "chat.evening", chatIntro: "chat.intro", chatSorry: "chat.sorry",
	chatThanks: "chat.thanks", chatBye: "chat.bye", chatPraise: "chat.praise", chatHowAreYou: "chat.how",
	chatWhat: "chat.what", chatLanguages: "chat.languages", chatPersonal: "chat.personal", chatWho: "chat.who",
	chatHuman: "chat.human",
}

// chatPhrases are the phrases, by intent and language ("" for either).
// They are matched after folding (lowercase, å/ä → a, ö → o, repeated
// letters once), so each is written once in its usual spelling. A
// phrase may hold alternatives in brackets, "/"-separated, an empty one
// making the part optional: "ha en [bra/fin/] dag" is three phrases; the
// kinds of word that recur (what the bot might be, the times of a day)
// are the named sets below.
var chatPhrases = []struct {
	intent chatIntent
	lang   string
	list   string // "|"-separated
}{
	{chatFiller, "", "nu för tiden|these days|robo|robot buddy|robo buddy|bot|passionbot|passionboten|boten|:)|o|btw|u|ya|buddy|mate|1|2|3|123|1 2 3"},
	{chatFiller, "sv", "fan|på en sån fin|i gruppen|i den här gruppen|mannen|grabben|tjejen|främling|i servern|på servern|här inne|i chatten|eller|än|ännu|ens|idag|i dag|igår|i går|ikväll|i kväll|nu igen|på er|på dig|och|åh|igen|också|egentligen|förresten|ändå|nu|då|riktigt|med|så|jätte|du|dig|där|alla|allihop|allihopa|gänget|vänner|hjälpsam|mycket|så mycket|för|det|här|min vän|men|eller|bara|lite|så länge|just nu|kompis|ju|väl|liksom|typ|asså|alltså|ba|ändå|iaf|i alla fall|hörni|hörru|hörrni|bror|grabbar|tjejer|ni"},
	{chatFiller, "en", "exactly|this fine|on this fine day|on a fine|in this group|in the group|on your end|matey|stranger|in here|in the server|in the chat|yet|even|today|yesterday|tonight|to you|to all|kindly|and|again|too|also|actually|anyway|now|then|really|just|very|so|much|a lot|lots|you|there|everyone|everybody|all|y'all|guys|folks|friend|friends|for|that|this|it|here|my friend|very much|so much|but|or|though|for now|right now|pal|dude|man|bro|with you|ever|still|one|you all|again"},
	{chatAck, "", "ha|ok|okey|oki|k|kk|oh|exactly|👍|👌|✅|lol|lmao|rofl|xd|haha|hehe|hihi|okidoki|oki doki|okie dokie|okey dokey|hm|mm|mhm|nice|super|smart|wow|cool|coolt|najs|interesting|intressant|spännande|wild|hmm|okay then|i see now|ah ok|aha ok|ahh|oh ok|oh okay|oh nice|oh cool|oh wow|wow ok|fascinating"},
	{chatAck, "sv", "det löser sig|men det löser sig|det ordnar sig|det fixar sig|kör|då kör vi|vi kör|exakt|precis så|allt klart|nu är allt klart|då är allt klart|ok bra|okej bra|typ|låter rimligt|det låter rimligt|låter vettigt|låter klokt|låter kul|låter som en plan|låter logiskt|jag förstår vad du menar|jag fattar vad du menar|kanske|ja tack|nej tack|nej tack det behövs inte|nej det är bra|nej det är bra så|näe|nää|nä nä|okej|ja|jo|japp|jepp|jadå|nej|nä|nix|aha|jaha|ah|precis|absolut|visst|förstår|jag förstår|uppfattat|fattar|jag fattar|okej då|ok då|kul|roligt|det är lugnt|lugnt|ingen fara|inga problem|låter bra|låter toppen|låter kanon|oj|oj oj|ojdå|oj då|nu förstår jag|förstår jag|då förstår jag|nu fattar jag|jag är tillbaka|nu är jag tillbaka|är tillbaka|jaså|jaha ok|aha okej|kul att höra|vad kul|vad roligt|oj vad kul|nämen|nämen oj|jaså minsann|minsann|sjukt|galet|coolt|häftigt|vad häftigt|vad intressant|nu fattar jag"},
	{chatAck, "en", "ok good|okay good|good good|good to know|very good|idk|dunno|i dunno|fr|for real|all done|all set|i see what you mean|i know what you mean|maybe|yes please|no thanks|no thank you|no thanks i am good|i am good thanks|fair|okay|yes|yeah|yep|yup|no|nope|nah|alright|all right|got it|i see|sure|fine|understood|makes sense|no problem|no worries|np|fair enough|sounds good|sounds great|sounds fine|gotcha|got you|oh|oh wow|i am back|back again|now i get it|now i understand|i get it|oh really|really|for real|no way|good to know|nice to know|how interesting|that is interesting|that is cool|that is nice|that is great|that is awesome|thats cool|oh i see|ah i see|i get it now|makes sense now|ok cool|okay cool|cool cool"},
	{chatUnsure, "", "whatever|omg|wtf|pff|pfft|meh"},
	{chatUnsure, "sv", "krångligt|så krångligt|vad krångligt|det är krångligt|det var krångligt|vad krångligt det är|nu fattar jag ingenting|fattar jag ingenting|vad hände där|vad hände nu|varför missförstår du mig hela tiden|du missförstår mig hela tiden|du har fel hela tiden|cringe|så cringe|det låter cringe|fattar noll|förstår noll|begriper noll|fattar noll och ingenting|begriper ingenting|jag har frågat tre gånger|jag har frågat flera gånger|jag har frågat två gånger|har frågat flera gånger|du förstår ju ingenting|du fattar ju ingenting|förstår ju ingenting|funkar du ens|fungerar du ens|jag har frågat flera gånger|jag har redan frågat|du upprepar dig|sluta upprepa dig|du säger samma sak hela tiden|förstår inte alls|fattar inte alls|vad sa du|vad sade du|nu blev jag förvirrad|jag är förvirrad|jag blev förvirrad|nu är jag förvirrad|nej men vad|men vad|vad då|som att prata med en vägg|det är som att prata med en vägg|kan du förklara enklare|förklara enklare|enklare tack|kan du förklara igen|förklara igen|jag förstod inte|jag förstår inte|jag förstod inte det där|jag förstår inte det där|jag fattar inte|fattar inte|förstår inte|förstod inte|inte en chans|ingen chans|aldrig i livet|sjukt|helt sjukt|galet|fel igen|fel chatt|fel chat|det där hjälpte inte|det hjälpte inte|hjälpte inte|det där hjälpte inte ett dugg|det hjälpte inte ett dugg|hjälpte inte ett dugg|inte ett dugg|det där hjälpte inte alls|det hjälpte inte alls|vadå vad|det där var inte alls vad jag frågade|inte alls vad jag frågade|inte vad jag frågade|det var inte vad jag frågade|kom igen|nej men kom igen|men kom igen|allvarligt|seriöst|men seriöst|usch|suck|pust|äsch|asch|fasiken|attans|tusan|nej nej|nej nej nej|nej men|men nej|nej då|vadå|hä|hallå hallå hallå|du är dum|dum bot|dålig bot|värdelös|värdelöst|du är värdelös|du fattar ingenting|fattar du inte|du förstår inte|du förstår ingenting|det var fel|fel svar|det var inte det jag frågade|inte det jag frågade|inte alls|nej det stämmer inte|det stämmer inte|hmpf|jaha ja|jaja|ja ja|jo jo|okej då då|strunt samma|skit samma|glöm det då|orka|orkar inte|jag ger upp|ger upp|tröttsamt|irriterande|så irriterande|hänger inte med|jag hänger inte med|nu hänger jag inte med|det där gick inte ihop|det går inte ihop|obegripligt|det var obegripligt|du missförstod|du missförstår|du har missförstått|du missförstod mig|du har missförstått mig|det där svarade inte på någonting|det där svarade inte på nånting|det svarade inte på någonting|det svarade inte på nånting|svarade inte på nånting|svarade inte på min fråga|du svarade inte på min fråga|det där svarade inte på min fråga|inte ens nära|inte i närheten"},
	{chatUnsure, "en", "what just happened|what just happened there|what happened there|what happened|why do you keep misunderstanding me|you keep misunderstanding me|you keep getting it wrong|why do you keep getting it wrong|this is doing my head in|doing my head in|you are doing my head in|this is driving me mad|this is driving me nuts|kinda mid|ur kinda mid|you are kinda mid|you are mid|mid|cringe|so cringe|i have asked three times|i have asked several times|i asked three times|i have asked twice|do you even work|are you even working|i have asked several times|i already asked|do not understand|do not understand at all|i do not understand at all|you keep repeating yourself|stop repeating yourself|you are repeating yourself|i am confused|now i am confused|i am so confused|what did you say|like talking to a wall|i do not understand|i did not understand|i do not get it|i did not get that|i do not get that|explain again|can you explain that again|can you explain it simpler|simpler please|in simpler words|that is nuts|nuts|that is crazy|crazy|insane|no chance|no way|you suck|this sucks|that sucks|sucks|wrong|wrong again|that did not help at all|did not help|did not help at all|that was no help|no help at all|wait what|come on|oh come on|seriously|oh seriously|really now|ugh|argh|sigh|duh|dumb bot|stupid bot|bad bot|useless|you are useless|you are dumb|you are stupid|you do not understand|you are not listening|that is wrong|wrong answer|not what i asked|that is not what i asked|that is not it|nope wrong|not helpful|not very helpful|unhelpful|that did not help|that does not help|forget it then|i give up|give up|annoying|so annoying|this is annoying|ffs|oh my god|oh god|good grief|for real now|are you kidding|are you kidding me|you are kidding|huh|eh|no no|no no no|makes no sense|that makes no sense|this makes no sense|that made no sense|does not make sense|that does not make sense|that did not make sense|not making sense|you are not making sense|you are not understanding|you are not understanding me|you do not get it|you do not get me|you are not getting it|you misunderstood|you misunderstood me|you lost me|i am lost|not even close|that is not even close|not even close lol|nowhere near"},
	{chatGreet, "", "namaste|namaste 🙏|🙏 namaste|ahoy there|oi|oi oi|aloha|salve|👋|🖐|✋|🙋|hallo|hola|tja|salut|bonjour|moin|ping|test|test test"},
	{chatGreet, "sv", "provar bara|testar bara|jag testar bara|jag provar bara|funkar det här|ny medlem|ny medlem här|nybliven medlem|nyss gått med|har precis gått med|provar att skriva|provar att skriva några rader|syns det hos dig|syns det här|syns detta|är det någon där|är någon där|finns det någon där|testar om det funkar|testar bara om det funkar|ett två tre testar|ett två tre|testar ett två tre|hallå där borta|hej där borta|fungerar den här grejen|funkar den här grejen|kan någon läsa det här|var hälsad|var hälsad främling|hälsningar|hälsningar från|varma hälsningar|länge sedan|länge sen|det var länge sedan|det var länge sen|funkar det här|fungerar det här|funkar det|fungerar det|funkar du|är det någon som hör mig|hör någon mig|någon som hör mig|är det någon som läser det här|är du kvar|är du fortfarande där|är du fortfarande vaken|jobbar du fortfarande|jobbar du sent|uppe sent|godda|godda på dig|vaknat|har du vaknat|vaknat än|är du vaken än|hörs jag|hörs jag där inne|hör du mig|hör du vad jag skriver|hej|hejsan|hejhej|hej hej|heja|tjena|tjenare|tjenixen|tjabba|tjo|tjohej|tjenis|hallå|hallåj|halloj|hallå där|hej där|hej på dig|hej på er|hejsan svejsan|god dag|goddag|god eftermiddag|morsning|mors|hej allesammans|tjena mittbena|jag är ny|jag är ny här|ny här|är du där|är du vaken|är det någon där|finns det någon där|någon där|hallå hallå|nej men hallå|nämen hallå|nej men hej|nämen hej|nämen tjena|nej men tjena|hallå eller|tjena tjena|tjenare tjenare|hej hej hej|hejsan hejsan|hallåa|tjäna|tjänare|hejhopp|hej hopp|moj|mojn|mojsan|tjohoo|god middag|någon hemma|är någon hemma|är det någon hemma|någon vaken|är någon vaken|vaknar du|är du igång|är du online|funkar du|lever du|hej igen|hallå igen|tjena igen|ville bara säga hej|jag ville bara säga hej|ville säga hej|säger bara hej|jag säger bara hej|bara säga hej|ville bara hälsa|jag ville bara hälsa|bara hälsa|jag testar|testar|bara testar|jag testar bara|jag bara testar|testar bara|testar lite|jag testar lite|jag provar|provar bara|jag provar bara|jag bara provar"},
	{chatGreet, "en", "just checking in|just checkin in|checking in|just checkin|tap tap|tap tap is this mic on|is this mic on|is this thing on|testing testing|just trying it out|trying it out|just testing it out|testing it out|is this working|is this thing working|happy friday|happy friday everyone|happy monday|tgif|new member|new member here|just joined|i just joined|newbie here|is somebody there|is anybody there|somebody there|anyone home|i only test if it works|only testing|just testing if it works|testing if it works|i test if it works|one two three|testing one two three|hello over there|can anyone read this|can anybody read this|is anyone reading|greetings and salutations|salutations|seasons greetings|long time no chat|long time no talk|long time|anyone awake|anybody awake|is anyone awake|can anyone hear me|does anyone hear me|is anyone reading this|still working|still working this late|working late|still up|still awake|still there|you still there|are you still there|are you still working|anyone|anybody|anyone out there|anybody out there|anyone out here|anybody out here|is anyone out there|is anybody out there|can you hear me|do you hear me|yo|hi|hello|hey|heya|hiya|howdy|hi there|hello there|hey there|greetings|good day|good afternoon|hey hey|hello hello|i am new|i am new here|new here|are you there|you there|anyone there|anybody there|is anyone there|is anybody there|anyone here|gday|g day|hey hey hey|hi hi|hey y'all|hi y'all|hi all|hello all|hey all|hiya all|yo yo|sup all|anyone home|is anyone home|anybody home|are you awake|you awake|are you on|are you online|are you alive|are you working|is this working|is this thing on|does this work|hi again|hello again|hey again|just saying hi|just saying hello|just wanted to say hi|just wanted to say hello|wanted to say hi|wanted to say hello|i just wanted to say hi|i just wanted to say hello|just dropping by|just dropping in|just popping in|just stopping by|testing|just testing|just testing you|testing testing|i am just testing|i am testing|trying you out|just trying you out|i am new to this|new to this"},
	{chatIntro, "sv", "jag gillar|jag älskar|jag gör|jag tillverkar|jag håller på med|jag sysslar med|jag heter|mitt namn är|jag är|vi är|jag jobbar som|jag jobbar med|jag driver|vi driver|jag har|vi har|jag bor i|jag kommer från"},
	{chatIntro, "en", "i make|i am into|my name is|name is|names|i am|we are|i work as|i work with|i run|we run|i have|we have|i live in|i come from"},
	{chatMorning, "sv", "god morgon|godmorgon|gomorron|gomorrn|go morron|morron|morrn|morgon|god morgon på dig|god morgon på er|morsning korsning"},
	{chatMorning, "en", "good morning|morning|mornin|gm|top of the morning|morning all|good mornin|mornin all"},
	{chatEvening, "sv", "god kväll|godkväll|gokväll|go kväll|god afton|goafton"},
	{chatEvening, "en", "good evening|evening|evening all|good eve|evenin"},
	{chatThanks, "", "🙏|tack 🙏"},
	{chatThanks, "sv", "jag tackar|tackar ödmjukast|jag tackar ödmjukast|tackar för hjälpen|varmt tack|hjärtligt tack|stort varmt tack|tackar så hemskt|tackar så mycket|tack|tackar|tack tack|tusen tack|stort tack|tack ska du ha|tack snälla|tack för hjälpen|tack för svaret|tack för det|tack för info|tack för infon|tack för informationen|tack för all hjälp|tack för svaren|tack detsamma|tackar ödmjukast|tack så hemskt mycket|det hjälpte|det var till hjälp|tacksam|jag är tacksam|tack för att du hjälper mig|tack för att du finns|tusen tack|jättetack|tackar och bugar|tack för tipset|tack för tipsen|tack snällt|tack så hemskt|precis vad jag behövde|det var precis vad jag behövde|det var vad jag behövde|det var det jag behövde|tack för igår|tack för senast|tack för idag|tack för hjälpen igår|tack för ditt svar|tack för dina svar|tack för förklaringen|tack för tiden|tack för kursen|tack för att du svarade|tack för snabbt svar|tack för det snabba svaret|tack för hjälpen idag|tack ändå|tack i alla fall|tack iaf|tack så länge|stort tack för hjälpen|tack så jättemycket|tack jättemycket|tack så mkt|tack mkt|tusen tack för hjälpen|jag uppskattar det|uppskattar det|det uppskattas|grymt tack|toppen tack|perfekt tack|bra tack|kanon tack|tackar tackar"},
	{chatThanks, "en", "i can not thank you enough|can not thank you enough|you saved me|you have saved me|thanks a ton|big thanks|warm thanks|heartfelt thanks|that was exactly what i needed|that is exactly what i needed|exactly what i needed|thanks|thank you|thank u|thx|thnx|thanx|thnks|ty|tysm|tyvm|many thanks|much appreciated|appreciated|appreciate it|i appreciate it|thanks for the help|thanks for your help|thank you for the help|thank you for your help|thanks for that|thanks for the answer|thanks for the info|cheers|ta|that helped|that was helpful|thanks a lot|thanks a bunch|thanks a million|thank you kindly|thanks for the tip|thanks for the tips|exactly what i needed|that is exactly what i needed|just what i needed|that is what i needed|thank you very much|thanks so much|thanks for yesterday|thanks for today|thanks for your answer|thanks for the answers|thanks for the explanation|thank you for the explanation|thanks for your time|thank you for your time|thanks for answering|thank you for answering|thanks for the quick answer|thanks for the quick reply|thanks anyway|thanks though|thank you anyway|many many thanks|thanks heaps|thanks loads|big thanks|huge thanks|thanks again|thank you again|much obliged|thanks mate|cheers mate|cheers for that|ta very much|great thanks|perfect thanks|awesome thanks|cool thanks|ok thanks|okay thanks|thanks buddy|thank you so much|thanks so much for the help|thank you so much for your help"},
	{chatBye, "", "ciao"},
	{chatBye, "sv", "nu är det dags för mig att gå|dags för mig att gå|hörs en annan gång|vi hörs en annan gång|ses en annan gång|god jul|god jul och gott nytt år|gott nytt år|gott nytt|glad påsk|trevlig påsk|glad midsommar|trevlig midsommar|god fortsättning|glada helgdagar|vi hörs sen|vi hörs senare|hörs senare|hej då|hejdå|hej da|adjö|adjöss|vi ses|ses|ses sen|vi ses sen|ha det|ha det bra|ha det gott|ha det fint|ha de|ha de bra|ha en bra dag|ha en fin dag|ha en trevlig dag|ha en bra kväll|trevlig helg|trevlig kväll|god natt|godnatt|gonatt|natti|hörs|vi hörs|hörs sen|hej så länge|hej så länge då|puss och kram|kram|tack och hej|tack och hej då|ha en fin helg|ha en bra helg|ha en trevlig helg|trevlig helg|trevlig kväll|vi ses nästa gång|vi ses snart|hörs snart|vi hörs snart|nu drar jag|jag drar|jag drar nu|jag måste gå|måste gå|dags att gå|jag loggar ut|ha det bra så länge|ha det så länge|hej hej så länge|ha en " + niceSV + " " + daySV + "|ha en " + niceSV + " " + daySV + " själv|ha en " + niceSV + " " + daySV + " allihop|ha det bra allihop|må så gott|må gott|sköt om dig|ta hand om dig|ses imorgon|ses i morgon|vi ses imorgon|hörs imorgon|vi hörs imorgon|ses på träffen|vi ses på träffen|måste springa|jag måste springa|måste dra|jag måste dra|nu måste jag dra|måste sticka|jag måste sticka|jag sticker|jag sticker nu|nu sticker jag|dags att sticka|dags att dra|jag går nu|nu går jag|nu loggar jag ut|sov gott|natti natti|hej svejs|ajöss|ajö|ha det gött|ha det gött så länge|tack och adjö|det var allt|det var allt för nu|det var allt för idag|det var allt jag ville"},
	{chatBye, "en", "good nite|nite|nite nite|gnite|merry christmas|merry christmas and a happy new year|happy new year|happy holidays|happy easter|happy midsummer|happy weekend|night night|do not let the bugs bite|do not let the bedbugs bite|sleep tight|bye|bye bye|goodbye|good bye|see you|see ya|see you later|see you soon|cya|later|laters|take care|have a nice day|have a good day|have a great day|have a nice evening|good night|goodnight|gn|night|farewell|catch you later|ttyl|talk later|talk to you later|bye for now|peace|peace out|see you next time|see you around|see you soon|talk soon|until next time|till next time|have a great weekend|have a nice weekend|have a good weekend|enjoy your weekend|have a good one|i am off|gotta go|got to go|i have to go|i must go|signing off|logging off|have a " + niceEN + " " + dayEN + "|have a " + niceEN + " " + dayEN + " too|have a " + niceEN + " " + dayEN + " all|enjoy your " + dayEN + "|enjoy the " + dayEN + "|gotta run|got to run|i have to run|i must run|have to run|have to go|must go|gotta dash|got to dash|i am out|i am off now|off i go|bye then|bye for today|see you tomorrow|see ya later|later then|see you at the meetup|sleep well|sweet dreams|nighty night|night night|cheerio|ta ta|toodles|that is all|that is all for now|that is all for today|that is all i wanted|until later|speak soon|speak later|talk to you soon|all the best|best wishes|be well|stay safe|take it easy"},
	{chatSorry, "", "oops|oopsie|whoops|sorry|sorri|soz|ups|hoppla"},
	{chatSorry, "sv", "förlåt min dåliga svenska|min svenska är inte så bra|min svenska är inte så bra än|förlåt min svenska är inte så bra|min svenska är inte bra|förlåt min svenska är inte bra|fel chatt|dubbelpost|dubbelpostade|förlåt för dubbelposten|det var menat till någon annan|det var menat för någon annan|menat till någon annan|menat för någon annan|det var till någon annan|fel person|skrev till fel person|förlåt|ursäkta|ursäkta mig|hoppsan|oj förlåt|förlåt mig|mitt fel|fel kanal|fel tråd|fel ställe|skrev fel|jag skrev fel|det var fel|glöm det|strunta i det|ignorera det|ignorera det där|förlåt att jag stör|ursäkta att jag stör|förlåt om jag stör|ursäkta om jag stör|förlåt för störningen|ursäkta störningen|förlåt att jag tjatar|förlåt för det|förlåt för sent svar|förlåt för sen svar|förlåt för väntan|förlåt för den långa väntan|förlåt för den långa väntan på svar|förlåt för dröjsmålet|förlåt att det dröjde|ursäkta för sent svar|ursäkta dröjsmålet|ursäkta väntan|förlåt för stavningen|ursäkta stavningen|förlåt för mina stavfel|ursäkta stavfelen|förlåt igen|sorry igen|det var inte meningen|inte meningen|min miss|fel av mig|dumt av mig|tryckte fel|jag tryckte fel|råkade skriva|råkade trycka"},
	{chatSorry, "en", "my english is not good|my english is not so good|my english is not very good|my english is bad|sorry my english is not good|sorry my english is not so good|forgive me|forgive me bot|sorry for the double post|double post|wrong chat|that was meant for someone else|meant for someone else|that was for someone else|wrong person|my bad|my apologies|apologies|i apologize|i am sorry|so sorry|sorry about that|wrong channel|wrong thread|wrong place|never mind|nevermind|nvm|ignore that|ignore me|typo|oh sorry|excuse me|pardon|sorry to bother you|sorry to bother|sorry for bothering you|sorry to disturb|sorry to disturb you|sorry for the trouble|sorry for the late reply|sorry for the late answer|sorry for the delay|sorry for the wait|sorry for the long wait|sorry for the slow reply|sorry for the typo|sorry for the typos|sorry for my spelling|sorry about the typo|sorry again|sorry for that|sorry about this|sorry for the spam|sorry for spamming|did not mean to|i did not mean that|not what i meant|wrong button|pressed the wrong button|silly me|my mistake|my fault|oh my bad"},
	{chatPraise, "", "❤|♥|💕|💖|💗|😍|🥰|1 1|1 av 1|1 out of 1|1 stars|1 star|1 stjärnor|stars|full pott|would chat again|would ask again|would recommend|skulle fråga igen|skulle chatta igen|smart bot|cool bot|supersmart|genius|legend"},
	{chatPraise, "sv", "vad roligt att du finns|roligt att du finns|kul att du finns|vad kul att du finns|vad bra att du finns|skönt att du finns|du är en klippa|en klippa|du är guld|du är bäst|du är en pärla|inte dumt|inte dumt alls|det var inte dumt|det var inte dumt alls|inte illa|inte så dumt|ja men det var inte dumt|mycket bättre än förra boten|bättre än förra boten|bättre än den förra boten|jag älskar den här gemenskapen|älskar den här gemenskapen|vilken härlig gemenskap|härlig gemenskap|bra jobbat|snyggt|bra bot|duktig|duktig bot|du är bäst|du är grym|grymt|toppen|perfekt|kanon|klockrent|härligt|fint|super|superbra|utmärkt|vad bra|jättebra|bra|bra svar|vad smart|underbart|fantastiskt|snällt|vad snällt|du är smart|gött|du är fantastisk|du är underbar|du är toppen|du är bra|du är guld|du är guld värd|guld värd|vad duktig du är|bästa boten|bästa boten någonsin|världens bästa bot|du är världens bästa|grym bot|snygg bot|vilken bra bot|vilken smart bot|vilken grym bot|vad smart du är|vad bra du är|vad snabb du är|snabbt svar|riktigt bra svar|jättebra svar|bra förklarat|bra förklaring|tydligt|tydligt svar|vad tydligt|supersmart|imponerande|vad imponerande|du är imponerande|jag gillar dig|gillar dig|jag älskar dig|älskar dig|jag gillar det|gillar det|älskar det|jag älskar det|snyggt jobbat|bra gjort|starkt|fett bra|sjukt bra|helt rätt|rätt svar|du kan ju allt|du vet mycket|du vet allt|vilken bra bot du är|intressant svar|spännande svar|kul svar|vad kul svar"},
	{chatPraise, "en", "not bad|not bad at all|that was not bad|not too shabby|i love this community|love this community|i love this group|i love this server|love this place|this community is great|good bot|nice bot|great|awesome|cool|perfect|excellent|brilliant|amazing|well done|good job|great job|nice one|you're the best|youre the best|you rock|love it|helpful|very helpful|fantastic|wonderful|sweet|good answer|great answer|you are smart|you are awesome|you are great|you are amazing|you are the best|you are brilliant|you are so helpful|you're smart|neat|best bot|best bot ever|the best bot|best bot in the world|great bot|awesome bot|clever bot|clever|what a good bot|what a great bot|what a smart bot|you are clever|you are so smart|you are so clever|you are cool|you are the greatest|you are a star|you are a legend|you are a genius|quick answer|fast answer|that was quick|that was fast|nice answer|nice work|great work|good work|good stuff|great stuff|nicely done|nicely explained|well explained|clear answer|very clear|so helpful|super helpful|really helpful|impressive|very impressive|that is impressive|i like you|i love you|love you|love this|i love this|i love it|i like it|i like this|you know a lot|you know everything|spot on|exactly right|that is right|correct|you nailed it|nailed it|love that|good one|great one|excellent answer|top notch|brilliant answer|that is perfect|just perfect|interesting answer|cool answer"},
	{chatHowAreYou, "sv", "hur ä läget|hur ä läget me dig|hur e läget|hur e läget med dig|hur är läget me dig|hur ä de|hur e de|hur mås det|hur mås|hur mås det idag|[bra/bara bra/fint/jo bra/helt okej/okej/toppen/sådär] [tack/] och du|och själv|själv då|och hur mår du|hur är de me dig|hur är det me dig|hur är de med dig|hur e de|allt gött|är allt gött|hur mår alla|hur mår ni alla|hur är det med alla|hur är det med er|hur hänger du|hur hänger det|hur är formen|hur är formen idag|hur är formen med dig|formen|hur är formen då|hur mår du|hur mår ni|hur är det|hur är det med dig|hur är läget|läget|hur har du det|hur går det|allt bra|är allt bra|allt väl|hur står det till|vad händer|vad görs|vad gör du idag|mår du bra|hur är det själv|läget med dig|hoppas allt är bra|hoppas allt är bra med dig|hoppas du mår bra|hoppas allt är väl|mår du bra idag|hur går det för dig|hur går det med dig|hur går det idag|hur har du haft det|hur har din dag varit|hur har dagen varit|hur är din dag|hur är dagen|hur mår du idag|är du pigg|är du på gott humör|hur känns det|hur känns det idag|hur har du det idag|hur är läget med dig|läget själv|läget då|allt bra med dig|allt bra hos dig|är allt bra med dig|allt väl med dig|är allt väl|hur är livet|hur är livet som bot|hur lever livet|vad gör du just nu|vad håller du på med|vad sysslar du med|är du trött|har du det bra|har du en bra dag|har du haft en bra dag"},
	{chatHowAreYou, "en", "running on fumes|running on fumes or fully charged|fully charged|are you fully charged|are you running on fumes|what are you up to on this fine [monday/tuesday/wednesday/thursday/friday/saturday/sunday/day/morning]|what is the craic|whats the craic|how is the craic|hows the craic|any craic|hoos it gaun|hos it gaun|how is it gaun|hows it gaun|how is it gaun the day|hoos it gaun the day|hos it gaun the day|what is cooking|what is cookin|whats cookin|what is good|what is new|[good/fine/great/not bad/ok/okay/alright/all good] [thanks/thank you/] and you|and yourself|how about you|what about you|what is crackin|what is cracking|what is up with you|how is everyone|how is everybody|how are you all|how are y all|how is everyone doing|how is life in the server|how is it going in here|how are you|how are you doing|how are u|how r u|how're you|how's it going|hows it going|how is it going|what's up|whats up|sup|wassup|how do you do|how's life|hows life|you good|are you ok|are you okay|how have you been|how's your day|hows your day|how is your day going|how's your day going|how are things|how are you today|how you doing|how ya doing|all good|are you well|hope you are well|hope you're well|hope all is well|hope you are doing well|how is everything|how's your day been|how has your day been|how was your day|how is your day|how is your day been|you doing ok|you doing okay|you doing well|you doing alright|you doing good|you ok|you okay|you alright|are you alright|are you doing well|are you doing ok|are you good|all good with you|all good there|everything ok|everything okay|everything good|everything alright|is everything ok|is everything okay|how is it going with you|how are you holding up|how is life|how is life as a bot|how is your week|how is your week going|how's your week|how's the week|what are you up to|what are you doing|what you up to|what is new|what's new|what's good|what's happening|what is happening|how goes it|how are things going|how's things|how is things|how do you feel|how are you feeling|how are you feeling today|are you having a good day|having a good day|you having a good day|hope you are good|hope you are having a good day|hope your day is going well|long time no see"},
	{chatWhat, "sv", "skriver jag bara rakt in|skriver jag bara rakt in i chatten|skriver jag bara i chatten|skriver jag bara som till en kompis|som till en kompis|har du nån bruksanvisning|har du någon bruksanvisning|finns det en bruksanvisning|ska jag bara köra|bruksanvisning|kan du berätta hur det här funkar|berätta hur det här fungerar|berätta hur det här funkar|första gången jag använder en chattbot|första gången jag använder en bot|måste jag skriva på ett speciellt sätt|kan jag bara skriva som vanligt|kan jag skriva som vanligt|kan jag bara skriva till dig|hur gör jag för att prata med dig|hur pratar jag med dig|hur gör man för att prata med dig|skriver jag bara här|skriver jag bara här i rutan|skriver jag bara|vad finns du till för|finns du till för|vad är du till för|jag vet inte vad jag ska skriva|vet inte vad jag ska skriva|jag vet inte vad jag ska fråga|vet inte vad jag ska fråga|ge mig ett tips på vad jag kan fråga|ge mig en idé|ge mig ett tips|måste jag skriva på något speciellt sätt|måste jag skriva på ett speciellt sätt|hur ska jag skriva|hur ska jag använda den här grejen|hur använder jag den här grejen|hur funkar den här grejen|hur funkar det här|vad gör den här grejen|vad kan du|vilka frågor kan jag ställa|vad för frågor kan jag ställa|vilken sorts frågor kan jag ställa|vilka sorts frågor kan jag ställa|vad kan jag ställa för frågor|vad kan du göra|vad gör du|vad kan du hjälpa till med|vad kan du hjälpa mig med|kan du hjälpa mig|hur funkar du|hur fungerar du|hur funkar det här|hur fungerar det här|vad kan jag fråga|vad kan jag fråga om|vad kan jag fråga dig|vad kan jag fråga dig om|vad kan man fråga|vad kan man fråga dig|vad kan man fråga om|vad kan jag göra|vad kan jag göra här|hjälp mig|vad vet du|vad vet du om|vad kan du svara på|vad är du bra på|vad ska jag fråga|vad ska jag fråga om|vad gör du här|vad är din uppgift|vad är ditt syfte|vad kan du berätta|vad kan du berätta om|vilka kommandon finns|vilka kommandon finns det|vad har du för kommandon|hur använder jag dig|hur använder man dig|vad kan man göra här|vad kan man använda dig till|vad kan jag använda dig till|vad används du till|vad är du till för|vad kan du svara på|vilka frågor kan du svara på|vad för frågor kan du svara på|vilka frågor kan du besvara|vad kan du göra för mig|visa vad du kan|kan du visa vad du kan|visa mig vad du kan|vad mer kan du|vad mer kan du göra|vad kan du mer|vad ska jag skriva|vad ska jag skriva till dig|vad skriver jag|vad ska jag säga|vad kan jag skriva|vad kan jag skriva till dig|hur pratar jag med dig|hur ska jag prata med dig|hur ska jag skriva till dig|hur ska jag använda dig|hur använder jag boten|hur funkar boten|hur fungerar boten|hur funkar den här boten|hur fungerar den här boten|har du några tips|några tips|tips på hur jag använder dig|vad är du bra för|vad kan boten|vad kan boten göra|vad gör boten|vad gör den här boten|vad kan den här boten|vad handlar du om|vad pratar du om|vad kan vi prata om|vad kan vi snacka om|vad kan jag prata med dig om|vad hjälper du med|vad hjälper du till med|vad gör man här|hur börjar jag|var börjar jag|var ska jag börja|hur kommer jag igång|jag behöver hjälp|kan du hjälpa mig lite"},
	{chatWhat, "en", "what exactly can you do|what can you not do|what can not you do|what are you not able to do|where do i even start|where do i even start with you|where do i start with you|where should i even start|what is your party trick then|party trick|is there a manual|do you have a manual|first time using one of these chat bots|first time using one of these bots|first time using a bot|first time using a chat bot|could you tell me how this works|can you tell me how this works|tell me how this works|how this works|first time using one of these|first time using a chat bot|first time using a chatbot|do i need to type in a special way|do i need to write in a special way|can i just write normally|can i just write normally to you|can i just type normally|do i just type normally|can i just write to you|what is the best way to chat with you|what is the best way to talk to you|best way to use you|i do not know what to type|i do not know what to ask|i do not know what to write|i do not know what to say|no idea what to ask|give me an idea of what to ask|give me an idea|any ideas what to ask|do i have to type in a special way|is there a special way to type|how should i write|how am i supposed to use this|how am i supposed to use this thing|how do i use this thing|how does this thing work|what does this thing do|what can you do|what kind of questions can i ask|what questions can i ask|what sort of questions can i ask|what kind of things can you do|what kind of things can i ask|what sort of things can you do|what do you do|what can i ask|what can i ask you|what can i ask about|how do you work|how does this work|what can you help with|what can you help me with|can you help me|help me|what are you for|what do you know|what do you know about|what should i ask|what can you tell me|what can you tell me about|what are you good at|what is your purpose|what's your purpose|what commands are there|which commands are there|what commands do you have|how do i use you|how do i use this|what can i do here|what can i do|what are your commands|what are you able to do|what are you capable of|what can i use you for|what are you used for|what kind of questions can you answer|what questions can you answer|what sort of questions can you answer|what can you answer|what can you do for me|what else can you do|what more can you do|show me what you can do|show me what you got|what have you got|what are you good for|what is this bot for|what is the bot for|what does this bot do|what does the bot do|what do you do exactly|how does this bot work|how does the bot work|how do you work exactly|how should i talk to you|how do i talk to you|how should i use you|what should i say|what should i write|what do i say|what do i write|what do i type|what should i type|any tips|any tips on using you|any tips for using you|tips on using you|how to use you|how do i get started|where do i start|where should i start|what kind of things do you know|what kind of things do you know about|what sort of things do you know about|what things do you know about|what topics do you know|what topics do you cover|what can we talk about|what can i talk to you about|what can we chat about|what do you talk about|what are you about|what do you help with|how can you help|how can you help me|i need help|i need some help|can you help|can you help me out"},
	{chatHuman, "sv", "kan jag prata med en människa|kan jag prata med en människa istället|prata med en människa|jag vill prata med en människa|jag vill prata med en riktig människa|finns det en människa jag kan prata med|kan jag få prata med en riktig person|kan jag få prata med en människa|prata med en riktig människa|prata med en riktig person|koppla mig till en människa|vem ska jag kontakta om boten inte funkar|vem kontaktar jag om boten inte funkar|vem ska jag kontakta om boten"},
	{chatHuman, "en", "can i talk to a human|can i talk to a human instead|talk to a human|i want to talk to a human|i want to talk to a real person|can i speak to a real person|can i speak to a human|speak to a human|is there a human i can talk to|talk to a real person|get me a human|who do i contact if the bot does not work|who should i contact about the bot"},
	{chatPersonal, "sv", "hur känns det att vara en bot|hur är det att vara en bot|när fyller du år|fyller du år|när har du födelsedag|vad är meningen med livet|meningen med livet|kaffe eller te|te eller kaffe|katt eller hund|hund eller katt|sommar eller vinter|berätta ett skämt|berätta en vits|kan du ett skämt|sjung en sång|har du känslor|kan du tänka|tänker du|drömmer du|sover du|sover du aldrig|äter du"},
	{chatLanguages, "", "is english ok|is english ok with you|is english okay|can i write in english|my swedish is pretty basic|my swedish is basic|my swedish is not good|parlez vous francais|parlez vous anglais|sprechen sie deutsch|sprichst du deutsch|hablas espanol|habla espanol|puhutko suomea|snakker du norsk|taler du dansk|spreek je nederlands"},
	{chatPersonal, "sv", "vilket stjärntecken är du|vad har du för stjärntecken|vilket är ditt stjärntecken"},
	{chatPersonal, "en", "cats or dogs choose wisely|choose wisely|how does it feel to be a bot|how does it feel being a bot|what is it like being a bot|what is it like to be a bot|what is your star sign|what is your sign|what star sign are you|what is your zodiac sign|your star sign"},
	{chatPersonal, "en", "what is the meaning of life|meaning of life|coffee or tea|tea or coffee|cats or dogs|dogs or cats|tell me a joke|tell me something funny|sing a song|sing me a song|do you have feelings|can you think|do you dream|do you sleep|do you ever sleep|do you eat"},
	{chatWho, "sv", "du låter som en robot|du låter som en bot|låter som en robot|vem har jag äran att tala med|vem har jag äran|vem talar jag med|sitter det [en person/någon/en människa] bakom skärmen|vem sitter bakom skärmen|vem [egentligen/] pratar jag [egentligen/] [med/]|vem är det [egentligen/] jag [pratar/chattar/snackar/skriver] med|vem [egentligen/] chattar jag [egentligen/] med|vem är det som svarar|vem svarar|vem är det som skriver|vem skriver|vem är det jag pratar med|vem är du|pratar jag med en människa|pratar jag med en bot|pratar jag med en robot|är det en människa|är det en bot|är du en riktig människa|är du på riktigt|är du riktig|vad är du för något|vad är du för en|vad är du för en bot|vilka är ni|vad är du|vad heter du|vad är det här|vem är det här|vad är det här för bot|är du en bot|är du bot|är du en robot|är du människa|är du en människa|är du en ai|vem pratar jag med|vem har gjort dig|vem skapade dig|vem har byggt dig|vem byggde dig|presentera dig|berätta om dig själv|berätta om dig|vad är passionbot|vem är passionbot|vad är det för bot|är du ai|är du en bot eller en människa|är du en människa eller en bot|är du bot eller människa|är du människa eller bot|är du människa eller robot|är du en robot eller en människa|är du " + beingSV + "|är det " + beingSV + "|är det en " + beingSV + "|är det " + beingSV + " som svarar|är det en " + beingSV + " som svarar|är det en " + beingSV + " som skriver|svarar en " + beingSV + "|pratar jag med " + beingSV + "|pratar jag med " + beingSV + " nu|pratar jag med en " + beingSV + "|pratar jag med en " + beingSV + " nu|chattar jag med " + beingSV + "|chattar jag med en " + beingSV + "|är du " + beingSV + " eller " + beingSV + "|är du " + beingSV + " eller bara " + beingSV + "|är du en " + beingSV + " eller en " + beingSV + "|vad heter du egentligen|har du ett namn|har du något namn|vad ska jag kalla dig|vad kallas du|vem gjorde dig|vem har skapat dig|vem har programmerat dig|vem programmerade dig|vem äger dig|vem ligger bakom dig|vem står bakom dig|vem ligger bakom boten|vem har gjort boten|vem gjorde boten|hur gammal är du|var bor du|var kommer du ifrån|varifrån kommer du|vad är du för typ av bot|vad är du för sorts bot|vilken sorts bot är du|vad är det för en bot|är du en människa eller|bot eller människa|människa eller bot|robot eller människa|människa eller robot"},
	{chatWho, "en", "is there a [beating heart/human/person/real person/someone/soul] behind [all that/all this/this/the/that/] code|is there a [beating heart/soul] in there|is this a real person|am i chatting with an algorithm|am i talking to an algorithm|an actual person|you sound like a robot|you sound like a bot|is there a human typing|is there a human typing these replies|is there a human behind this|is it all ai|is this all ai|is there a real person typing|be honest is there a human|care to introduce yourself|would you introduce yourself|some kind of assistant|is this an automated reply|is this automated|is there [a person/someone/a human] behind the screen|who is behind the screen|who [exactly/actually/really/] am i [talking/chatting/speaking/writing] [to/with]|who is answering|who is this talking|who is talking|who am i chatting with|who is writing this|who is typing|who are you|am i talking to a real person|am i talking to a person|am i talking to a human|am i talking to a bot|is this a bot|is this a real person|is this a human|are you real|are you a real person|what are you|what is this|what's this|whats this|who is this|who's this|what's your name|whats your name|what is your name|are you a bot|are you a robot|are you human|are you a human|are you an ai|are you ai|who am i talking to|who am i talking with|who made you|who built you|who created you|introduce yourself|tell me about yourself|what is passionbot|who is passionbot|what kind of bot are you|what bot is this|are you a bot or a human|are you a human or a bot|are you human or a bot|are you a bot or a person|are you a person or a bot|bot or human|are you " + beingEN + "|is this " + beingEN + "|is this a " + beingEN + "|is it a " + beingEN + "|is this a " + beingEN + " answering|is a " + beingEN + " answering|is there a " + beingEN + " behind this|am i talking to " + beingEN + "|am i talking to " + beingEN + " now|am i talking to a " + beingEN + "|am i chatting with " + beingEN + "|am i chatting with a " + beingEN + "|am i talking with " + beingEN + "|are you " + beingEN + " or " + beingEN + "|are you " + beingEN + " or just " + beingEN + "|are you a " + beingEN + " or a " + beingEN + "|do you have a name|have you got a name|got a name|what should i call you|what do i call you|who made this bot|who built this bot|who programmed you|who owns you|who runs you|who is behind you|who is behind this bot|how old are you|where do you live|where are you from|where do you come from|what kind of bot is this|what sort of bot are you|what type of bot are you|which bot is this|are you real or not|human or bot|robot or human|human or robot|are you the real deal"},
}

// The named sets of words, for the phrases' brackets.
const (
	// beingSV and beingEN are what a member may ask whether the bot is.
	beingSV = "[bot/robot/maskin/människa/ai/chatgpt/chatbot/program/dator/riktig människa/riktig person/person/levande/på riktigt/riktig/smart/medveten/intelligent/programmerad/en bot/en robot/en maskin/en människa/en ai/en chatbot/ett program/en dator/en riktig människa/en riktig person/en person/bara en bot/bara ett program/bara programmerad/chat gpt]"
	beingEN = "[bot/robot/machine/human/ai/chatgpt/chatbot/program/computer/real person/real human/person/alive/real/sentient/conscious/smart/intelligent/programmed/a bot/a robot/a machine/a human/an ai/a chatbot/a program/a computer/a real person/a real human/a person/just a bot/just a program/just programmed/chat gpt/self aware]"
	// daySV and dayEN are the times one wishes a member a good one.
	daySV = "[dag/kväll/helg/natt/vecka/eftermiddag/morgon/sommar/jul/lunch/fika/kväll där/dag där]"
	dayEN = "[day/evening/weekend/night/week/afternoon/morning/one/summer/christmas/lunch/time]"
	// niceSV and niceEN are how good a day one wishes.
	niceSV = "[bra/fin/trevlig/härlig/skön/underbar/riktigt bra/riktigt fin/jättebra/jättefin/toppen/mysig/]"
	niceEN = "[nice/good/great/lovely/wonderful/fantastic/fine/pleasant/beautiful/really nice/really good/awesome/]"
)

// expandPhrase returns the phrases a phrase with brackets stands for.
func expandPhrase(p string) []string {
	open := strings.IndexByte(p, '[')
	if open < 0 {
		return []string{p}
	}
	end := open + strings.IndexByte(p[open:], ']')
	var out []string
	for _, alt := range strings.Split(p[open+1:end], "/") {
		out = append(out, expandPhrase(p[:open]+alt+p[end+1:])...)
	}
	return out
}

// chatPhrase is one folded phrase's meaning.
type chatPhrase struct {
	intent chatIntent
	lang   string
}

// chatVocab is the folded phrases and every word in them, built once.
type chatVocab struct {
	phrases map[string]chatPhrase // folded phrase → meaning
	// joined is each phrase without its spaces ("tusentack", "hejda",
	// "howareyou"): a message may write a phrase as one word or put a
	// space in the wrong place ("how ar eyou").
	joined map[string]chatPhrase
	// deletes maps each joined phrase of minFuzzyRunes letters or more,
	// with one letter deleted, to the joined phrases it came from: the
	// index that finds a phrase one edit from a stretch of a message
	// ("hje da", "hur mpr du") without comparing it to every phrase.
	deletes map[string][]string
	words   map[string]langs // folded words of all phrases, and the languages of their phrases
	byLen   map[int][]string // the words by their number of letters, in order
	longest int              // most words in a phrase
}

// langs is a set of phrase languages.
type langs uint8

const (
	langAny langs = 1 << iota
	langSV
	langEN
)

func langBit(lang string) langs {
	switch lang {
	case bot.LangSV:
		return langSV
	case bot.LangEN:
		return langEN
	}
	return langAny
}

// minFuzzyRunes is the shortest joined phrase matched with one edit: a
// shorter one is too near too many other words.
const minFuzzyRunes = 5

var smallTalkVocab = sync.OnceValue(buildChatVocab)

func buildChatVocab() *chatVocab {
	v := &chatVocab{phrases: map[string]chatPhrase{}, joined: map[string]chatPhrase{},
		deletes: map[string][]string{}, words: map[string]langs{}, byLen: map[int][]string{}}
	for _, group := range chatPhrases {
		var list []string
		for _, p := range strings.Split(group.list, "|") {
			list = append(list, expandPhrase(p)...)
		}
		for _, p := range list {
			words := chatWords(p)
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			// The first listing wins: a filler or a more specific meaning
			// listed before keeps its place.
			if _, dup := v.phrases[key]; !dup {
				v.phrases[key] = chatPhrase{intent: group.intent, lang: group.lang}
			}
			for _, w := range words {
				v.words[w] |= langBit(group.lang)
			}
			v.longest = max(v.longest, len(words))
		}
	}
	for w := range v.words {
		n := utf8.RuneCountInString(w)
		v.byLen[n] = append(v.byLen[n], w)
	}
	for _, ws := range v.byLen {
		slices.Sort(ws)
	}
	for key, p := range v.phrases {
		j := strings.ReplaceAll(key, " ", "")
		if _, dup := v.joined[j]; !dup || key == j {
			v.joined[j] = p
		}
	}
	for j := range v.joined {
		r := []rune(j)
		if len(r) < minFuzzyRunes {
			continue
		}
		for i := range r {
			d := string(r[:i]) + string(r[i+1:])
			v.deletes[d] = append(v.deletes[d], j)
		}
	}
	for d, js := range v.deletes {
		slices.Sort(js)
		v.deletes[d] = slices.Compact(js)
	}
	return v
}

// fuzzy returns the meaning of the phrase one edit from joined text j
// (the first in order when several are), and whether there is one.
func (v *chatVocab) fuzzy(j string) (chatPhrase, bool) {
	r := []rune(j)
	if len(r) < minFuzzyRunes-1 {
		return chatPhrase{}, false
	}
	best := ""
	consider := func(cand string) {
		if oneEditApart(j, cand) && (best == "" || cand < best) {
			best = cand
		}
	}
	for _, cand := range v.deletes[j] { // a letter missing from j
		consider(cand)
	}
	for i := range r {
		d := string(r[:i]) + string(r[i+1:])
		if _, ok := v.joined[d]; ok && len(r)-1 >= minFuzzyRunes { // a letter too many
			consider(d)
		}
		for _, cand := range v.deletes[d] { // a letter changed, or two swapped
			consider(cand)
		}
	}
	if best == "" {
		return chatPhrase{}, false
	}
	return v.joined[best], true
}

// emoticons are the text smileys, read as filler.
var emoticons = regexp.MustCompile(`(?i)(^|\s)(?:[:;=8x][-'^]?[)(\]\[dpo3*/\\|]+|\^_*\^)(\s|$)`)

// chatEmoji are the emoji that mean something in small talk; other emoji
// and symbols are read as filler.
var chatEmoji = map[rune]bool{'👋': true, '🖐': true, '✋': true, '🙋': true, '🙏': true, '👍': true, '👌': true, '✅': true,
	'❤': true, '♥': true, '💕': true, '💖': true, '💗': true, '😍': true, '🥰': true}

// chatShort are chat spellings and contractions, read as the folded words
// they stand for (in phrases and messages alike).
var chatShort = map[string]string{
	"r": "are", "u": "you", "ur": "you are", "youre": "you are", "whats": "what is", "hows": "how is",
	"im": "i am", "pls": "please", "plz": "please", "e": "ar", "va": "vad", "d": "det",
	"dont": "do not", "didnt": "did not", "doesnt": "does not", "cant": "can not", "isnt": "is not",
	"wont": "will not", "wasnt": "was not", "havent": "have not", "youve": "you have", "ive": "i have",
	"howve": "how have", "whos": "who is", "wheres": "where is", "thats": "that is", "theres": "there is",
	"youll": "you will", "youd": "you would", "id": "i would",
	"whatcha": "what are you", "watcha": "what are you", "wotcha": "what are you", "wyd": "what are you doing", "dej": "dig", "mej": "mig", "sej": "sig",
	"nan": "nagon", "nat": "nagot", "nansin": "nagonsin", "nanting": "nagonting", "nanstans": "nagonstans",
}

// chatWords splits text into folded words: lowercase, å and ä as a, ö as
// o, é as e, letters repeated in a row once ("hejjj" is "hej", "tackkk"
// "tack"), punctuation dropped, the emoji in chatEmoji each a word of its
// own and other symbols dropped.
func chatWords(text string) []string {
	text = strings.ReplaceAll(strings.ToLower(text), "<3", " ❤ ")
	text = emoticons.ReplaceAllString(text, " ")
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			r = foldRune(r)
			if n := len(cur); n > 0 && cur[n-1] == r {
				continue
			}
			cur = append(cur, r)
		case r == '\'' || r == '’':
			// "what's", "you're": one word without the apostrophe.
		case chatEmoji[r]:
			flush()
			words = append(words, string(r))
		default:
			flush()
		}
	}
	flush()
	for i, w := range words {
		if long, ok := chatShort[w]; ok {
			words[i] = long
		}
	}
	return strings.Fields(strings.Join(words, " "))
}

func foldRune(r rune) rune {
	switch r {
	case 'å', 'ä', 'à', 'á', 'â':
		return 'a'
	case 'ö', 'ø', 'ó', 'ò', 'ô':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü':
		return 'u'
	}
	return r
}

// maxChatRunes is the longest message read as small talk: anything longer
// has something to say.
const maxChatRunes = 200

// maxChatUnknown is the most words outside the phrases a message may
// have before typo correction: a message with more is not small talk, and
// is not corrected (a question is turned down at once).
const maxChatUnknown = 3

// recognize reads text as small talk: the intent the reply answers and the
// language the phrases are in ("" when they do not say). chatNone when the
// text is anything else. hint is the member's language, which decides
// between typo corrections ("perfeckt" is the Swedish "perfekt" for a
// Swedish member); "" when it is not known.
func (v *chatVocab) recognize(text, hint string) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxChatRunes {
		return chatNone, ""
	}
	words := v.normalize(chatWords(text))
	if len(words) == 0 || len(words) > 3*v.longest {
		return chatNone, ""
	}
	if len(words) == 1 && (words[0] == "vad" || words[0] == "what" || words[0] == "hur" || words[0] == "how" || words[0] == "wut" || words[0] == "wat") {
		// "Va?", "what??": the bot lost the member — though the word
		// opens questions and is no phrase of its own.
		return chatUnsure, ""
	}
	unknown := 0
	for _, w := range words {
		if !v.known(w) {
			unknown++
		}
	}
	if unknown > maxChatUnknown {
		return chatNone, ""
	}
	// Each unknown word is read as its likeliest correction; when the
	// words then do not make phrases, as the next likeliest ("waht" is
	// "what" rather than "wait" in "waht can you do").
	alts := make([][]string, len(words))
	for i, w := range words {
		alts[i] = v.corrections(w, hint)
		words[i] = alts[i][0]
	}
	parsed, ok := v.parseAlternatives(words, alts)
	if !ok {
		// One typo across the words of a phrase ("hje då", "are you a
		// bto"): only for messages whose words are nearly all known.
		unknown = 0
		for _, w := range words {
			if !v.known(w) {
				unknown++
			}
		}
		if unknown > 2 {
			return chatNone, ""
		}
		if parsed, ok = v.parse(words, true); !ok {
			return chatNone, ""
		}
	}
	intent, langs := chatNone, phraseLangs{}
	for _, p := range parsed {
		intent = max(intent, p.intent)
		langs.add(p)
	}
	if intent <= chatFiller {
		return chatNone, ""
	}
	return intent, langs.lang(hint)
}

// phraseLangs counts a message's phrases by language: all of them, and
// those that mean something (more than filler).
type phraseLangs struct{ sv, en, svAll, enAll int }

func (c *phraseLangs) add(p chatPhrase) {
	switch p.lang {
	case bot.LangSV:
		c.svAll++
		if p.intent > chatFiller {
			c.sv++
		}
	case bot.LangEN:
		c.enAll++
		if p.intent > chatFiller {
			c.en++
		}
	}
}

// lang is the language the phrases say (phraseLang).
func (c phraseLangs) lang(hint string) string {
	return phraseLang(c.sv, c.en, c.svAll > 0 && c.enAll > 0, hint)
}

// phraseLang is the language of small talk by its phrases: the member's
// (hint) when the phrases are of both languages ("mornin på er", "hej
// hej! nice to meet you"), else the language of more phrases that mean
// something (sv, en), else "" (the phrases do not say).
func phraseLang(sv, en int, mixed bool, hint string) string {
	switch {
	case mixed && hint != "":
		return hint
	case sv > en:
		return bot.LangSV
	case en > sv:
		return bot.LangEN
	}
	return ""
}

// known reports whether w is a word of a phrase or a phrase written as one
// word.
func (v *chatVocab) known(w string) bool {
	if _, ok := v.words[w]; ok {
		return true
	}
	_, ok := v.joined[w]
	return ok
}

// parse covers words with phrases, end to end, longest phrases first, and
// returns their meanings. A phrase may be written with its spaces
// elsewhere ("how ar eyou") or none ("tusentack"); with fuzzy, also one
// letter off across its words.
func (v *chatVocab) parse(words []string, fuzzy bool) ([]chatPhrase, bool) {
	n := len(words)
	// at[i] is the phrase covering words[i:i+span[i]], when words[i:] can
	// be covered to the end.
	span := make([]int, n+1)
	at := make([]chatPhrase, n+1)
	ok := make([]bool, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		for k := min(v.longest, n-i); k > 0 && !ok[i]; k-- {
			if !ok[i+k] {
				continue
			}
			p, found := v.phrases[strings.Join(words[i:i+k], " ")]
			if !found {
				p, found = v.joined[strings.Join(words[i:i+k], "")]
			}
			if !found && fuzzy {
				p, found = v.fuzzy(strings.Join(words[i:i+k], ""))
			}
			if found {
				span[i], at[i], ok[i] = k, p, true
			}
		}
	}
	if !ok[0] {
		return nil, false
	}
	var out []chatPhrase
	for i := 0; i < n; i += span[i] {
		out = append(out, at[i])
	}
	return out, true
}

// chatIntensifiers are the prefixes written together with a phrase word
// ("jättetack", "supertack", "megabra"): the word is read as the two.
var chatIntensifiers = []string{"jatte", "super", "mega", "tusen", "kanon", "sa"}

// number is a number as chat writes it, folded ("1000" is "10"): "x1000",
// "10", "5".
var number = regexp.MustCompile(`^x?[0-9]+x?$`)

// laughter is "haha", "hahaha", "hihihi", "hehe" after folding.
var laughter = regexp.MustCompile(`^(?:ha|he|hi|ah)+h?$`)

// normalize reads laughter as "haha" and splits an intensifier from the
// phrase word it is written together with.
func (v *chatVocab) normalize(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if number.MatchString(w) {
			out = append(out, "1") // "tack x1000", "10/10", "testing 1 2 3": filler
			continue
		}
		if v.known(w) {
			out = append(out, w)
			continue
		}
		if len(w) >= 4 && laughter.MatchString(w) {
			out = append(out, "haha")
			continue
		}
		split := false
		for _, pre := range chatIntensifiers {
			if rest, ok := strings.CutPrefix(w, pre); ok && len(rest) >= 3 && v.known(rest) {
				out, split = append(out, pre, rest), true
				break
			}
		}
		if !split {
			out = append(out, w)
		}
	}
	return out
}

// parseAlternatives parses words, and when they do not make phrases, the
// words with other corrections in alts (the likeliest first; at most 27
// tries). words holds the corrections that parsed, if any did.
func (v *chatVocab) parseAlternatives(words []string, alts [][]string) ([]chatPhrase, bool) {
	if parsed, ok := v.parse(words, false); ok {
		return parsed, true
	}
	var try func(i, tries int) ([]chatPhrase, bool, int)
	try = func(i, tries int) ([]chatPhrase, bool, int) {
		if i == len(words) {
			parsed, ok := v.parse(words, false)
			return parsed, ok, tries + 1
		}
		orig := words[i]
		for _, a := range alts[i] {
			if tries >= 27 {
				break
			}
			words[i] = a
			var parsed []chatPhrase
			var ok bool
			if parsed, ok, tries = try(i+1, tries); ok {
				return parsed, true, tries
			}
		}
		words[i] = orig
		return nil, false, tries
	}
	parsed, ok, _ := try(0, 0)
	return parsed, ok
}

// maxCorrections is the most corrections tried for a word.
const maxCorrections = 3

// corrections returns the phrase words w may be a typo of, likeliest
// first (at most maxCorrections), or only w when it is known or has none.
func (v *chatVocab) corrections(w, hint string) []string {
	n := utf8.RuneCountInString(w)
	if v.known(w) || n < 3 {
		return []string{w}
	}
	type cand struct {
		w    string
		rank int
	}
	var cs []cand
	for cn := max(n-1, 3); cn <= n+1; cn++ {
		for _, c := range v.byLen[cn] {
			switch {
			case !oneEditApart(w, c):
				continue
			case n == 3 && cn == 3 && !swapped(w, c):
				continue
			}
			rank := 1
			if cn == n {
				rank += 4
				if swapped(w, c) { // two letters swapped: the commonest slip
					rank++
				}
			}
			if hint != "" && v.words[c]&(langBit(hint)|langAny) != 0 {
				rank += 2
			}
			cs = append(cs, cand{c, rank})
		}
	}
	if len(cs) == 0 {
		return []string{w}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.rank != b.rank {
			return b.rank - a.rank
		}
		return strings.Compare(a.w, b.w)
	})
	var out []string
	for _, c := range cs[:min(len(cs), maxCorrections)] {
		out = append(out, c.w)
	}
	return out
}

// swapped reports whether a and b, of the same length, differ by two
// neighbours swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
}

// oneEditApart reports whether a and b differ by one substitution,
// insertion, deletion or swap of neighbours.
func oneEditApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		var diff []int
		for i := range ra {
			if ra[i] != rb[i] {
				diff = append(diff, i)
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
		}
		return false
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// maxLooseRest is the most words of a line outside its small-talk phrases
// that recognizeLoose sets aside, unless they only give the reason for
// thanks or an apology or where a greeting comes from (asideFrom).
const maxLooseRest = 3

// looseRead is what recognizeLoose read: the intent, the phrases'
// language, the words set aside and whether those only give a reason or
// an origin (asideFrom), so that they ask nothing whatever they name.
type looseRead struct {
	intent chatIntent
	lang   string
	rest   []string
	aside  bool
}

// recognizeLoose reads text as small talk with up to maxLooseRest words
// that are in no phrase ("hej! tack för tipset om boken", "ha det bra nu
// på lördag"): the intent, the phrases' language and the words set aside.
// Only for a statement: no question mark or number, no question word
// opening it or among the words set aside, and at least as many words in
// phrases as outside them, unless the words set aside give the reason for
// thanks or an apology or where a greeting comes from, which may be
// longer ("tack för påminnelsen om träffen", "sorry for the delay, been
// at the craft fair all weekend", "hej från tåget mellan Kungsbacka och
// Göteborg"). The caller decides whether other words set aside say
// something the knowledge base can answer.
func (v *chatVocab) recognizeLoose(text, hint string) looseRead {
	if utf8.RuneCountInString(text) > maxChatRunes || strings.ContainsAny(text, "?？") {
		return looseRead{}
	}
	words := v.normalize(chatWords(text))
	n := len(words)
	if n == 0 || n > 3*v.longest {
		return looseRead{}
	}
	if interrogatives[words[0]] {
		return looseRead{} // "vad står punks för"
	}
	lineLang, sure := knowledge.DetectLang(text)
	for i, w := range words {
		if i > 0 && firstPerson[words[i-1]] {
			// "Jag har sålt tre tavlor", "hejsan jag e emma": what the
			// member tells of themselves is their own words, no typos of
			// small talk's ("sålt" is no "alt", "liter" no "later", "emma"
			// no "hemma").
			break
		}
		if !asideWords[w] && !firstPerson[w] && !requestWords[w] && !openingWords[w] {
			words[i] = v.looseCorrection(w, hint, lineLang, sure)
		}
	}
	// cost[i] is the fewest words of words[i:] outside phrases; span[i]
	// the phrase's length at i, 0 when words[i] is set aside.
	cost, span := make([]int, n+1), make([]int, n+1)
	at := make([]chatPhrase, n+1)
	for i := n - 1; i >= 0; i-- {
		cost[i], span[i] = cost[i+1]+1, 0
		for k := min(v.longest, n-i); k > 0; k-- {
			p, found := v.phrases[strings.Join(words[i:i+k], " ")]
			if !found {
				p, found = v.joined[strings.Join(words[i:i+k], "")]
			}
			if found && cost[i+k] < cost[i] {
				cost[i], span[i], at[i] = cost[i+k], k, p
			}
		}
	}
	if cost[0] == 0 {
		return looseRead{}
	}
	intent, langs := chatNone, phraseLangs{}
	var rest []string
	// social is where the first phrase of thanks, an apology or a
	// greeting starts (-1: none); reason where the first word after it
	// that gives a reason or an origin is; firstRest where the first word
	// set aside is.
	social, reason, firstRest := -1, -1, -1
	weak := false // a word set aside that may open a question ("är", "have")
	for i := 0; i < n; {
		if social >= 0 && reason < 0 && i > social && asideWords[words[i]] {
			reason = i
		}
		if span[i] == 0 {
			// In an introduction, "who" or "where" after what the member
			// is opens a relative clause, not a question ("I'm Chloe, a
			// potter from Bristol who now lives near Onsala").
			relative := social >= 0 && at[social].intent == chatIntro && i > reason && relatives[words[i]]
			if (openingWords[words[i]] && !relative) || requestWords[words[i]] || aQuestion(words, i) {
				return looseRead{}
			}
			weak = weak || interrogatives[words[i]]
			if firstRest < 0 {
				firstRest = i
			}
			rest = append(rest, words[i])
			i++
			continue
		}
		if p := at[i]; p.intent == chatIntro && reason < 0 {
			// What follows "jag heter", "I'm" … is the introduction.
			social, reason = i, i+span[i]
		}
		if span[i] == 1 && openingWords[words[i]] {
			return looseRead{} // "syna alla insatser, vad betyder det"
		}
		weak = weak || (span[i] == 1 && interrogatives[words[i]])
		p := at[i]
		if social < 0 && socialIntents[p.intent] {
			social = i
		}
		intent = max(intent, p.intent)
		langs.add(p)
		i += span[i]
	}
	// The words set aside all come after "för", "from", "att" … that
	// follows the thanks, apology or greeting; an apology may instead
	// speak of the member ("sorry, my English is not so good").
	aside := social >= 0 && reason >= 0 && firstRest >= reason
	if intent == chatSorry && slices.ContainsFunc(rest, func(w string) bool { return firstPerson[w] }) {
		aside = true
	}
	if !aside && (weak || strings.ContainsAny(text, "0123456789")) {
		return looseRead{}
	}
	if intent <= chatFiller || (!aside && (cost[0] > maxLooseRest || 2*cost[0] > n)) {
		return looseRead{}
	}
	if intent == chatIntro && !introduces(words[social:], rest) {
		intent = chatRemark // "jag är trött nu", "Jag har mjölkat kor sen fem i morse"
	}
	return looseRead{intent: intent, lang: langs.lang(hint), rest: rest, aside: aside}
}

// looseCorrection is the word of the phrases that w is a typo of, or w:
// not when w is an everyday word of four letters or more that the member
// may well have meant ("har sålt" is no "har alt", "500 liter" no "500
// later"), nor when the line is surely in one language and the
// correction is a word of the other only.
func (v *chatVocab) looseCorrection(w, hint, lineLang string, sure bool) string {
	c := v.corrections(w, hint)[0]
	switch {
	case c == w:
		return w
	case utf8.RuneCountInString(w) >= 4 && knowledge.GeneralWord(w):
		return w
	case sure && v.words[c]&(langBit(lineLang)|langAny) == 0:
		return w
	}
	return c
}

// relatives are the question words that also open a relative clause.
var relatives = map[string]bool{"who": true, "which": true, "where": true, "dar": true}

// moodWords say how a member is, not who: "jag är trött", "I'm so happy
// today" is no introduction.
var moodWords = foldedSet(`:trött glad ledsen sjuk stressad förkyld slut hungrig törstig uttråkad nöjd arg sur
	pigg lycklig orolig nervös klar färdig upptagen tillbaka ute hemma kvar ledig ganska rätt väldigt helt jätte
	fortfarande sååå tired happy sad sick ill stressed hungry thirsty bored pleased angry grumpy exhausted
	knackered busy done back home off free excited nervous worried fine good great pretty bit little still
	super really`)

// introduces reports whether words, from an introduction's opening
// ("jag heter", "I'm", "jag har") on, introduce the member: not when all
// that follows, or its first word, says how they are ("jag är trött nu",
// "I am happy today, the sun is shining") or what they have done ("jag
// har mjölkat kor", "I have been painting").
func introduces(words, rest []string) bool {
	if len(rest) > 0 && !slices.ContainsFunc(rest, func(w string) bool { _, mood := moodWords[w]; return !mood }) {
		return false
	}
	if len(rest) > 0 {
		if _, mood := moodWords[rest[0]]; mood {
			return false
		}
	}
	if len(words) >= 3 && negations[words[2]] {
		return false // "jag har int så mycket tid", "I'm not feeling it today": no one is introduced by what they are not
	}
	if len(words) >= 3 && (words[1] == "har" || words[1] == "have") {
		next := 2
		for next+1 < len(words) && openingFillers[words[next]] {
			next++ // "jag har precis kommit hem"
		}
		if participle(words[next]) {
			return false
		}
	}
	return true
}

// openingWords ask whatever follows them ("hej, när börjar träffen"),
// folded; the other interrogatives are also plain verbs ("sorry, my
// English is not so good").
var openingWords = map[string]bool{"vad": true, "vem": true, "vems": true, "vilken": true, "vilket": true,
	"vilka": true, "hur": true, "vart": true, "varifran": true, "nar": true, "varfor": true, "what": true,
	"who": true, "whose": true, "which": true, "where": true, "when": true, "why": true, "how": true}

// socialIntents are the intents whose phrase a reason or an origin may
// follow: thanks for, sorry for, greetings from.
var socialIntents = map[chatIntent]bool{chatIntro: true, chatThanks: true, chatSorry: true, chatGreet: true, chatMorning: true, chatEvening: true, chatBye: true}

// asideWords introduce a reason or an origin (folded): "tack för …",
// "sorry about …", "förlåt att …", "hej från …".
var asideWords = map[string]bool{"for": true, "fran": true, "from": true, "at": true, "that": true, "about": true, "om": true, "to": true}

// requestWords ask for something: words set aside with one of them are a
// request, not a reason ("tack, jag undrar …", "thanks, I need …").
var requestWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range chatWords(`undrar undra undrade wonder wondering wondered berätta tell veta behöver need needs
		letar looking söker seeking hjälpa please snälla vill want wants räknas räknar count counts
		passionsdriven passionsdrivet passionsdrivna passion driven`) {
		m[w] = true
	}
	return m
}()

// aQuestion reports whether words[i] is "en fråga", "a question", "one
// more question": a question announced, not thanks for "alla mina
// frågor" or "sorry for all the questions".
func aQuestion(words []string, i int) bool {
	if i == 0 || (words[i] != "fraga" && words[i] != "question") {
		return false
	}
	switch words[i-1] {
	case "en", "a", "one", "another", "annan", "ny", "new", "liten", "little", "quick", "snabb", "more", "till":
		return true
	}
	return false
}

// recognizeClauses reads a line of several clauses (split at punctuation)
// as small talk when each clause is: small talk itself, filler, or small
// talk with words that give a reason or an origin ("Hejsan från Varberg,
// hur är läget?", "Sorry, fel chatt, hej då"). A question mark is allowed
// here, for it belongs to a clause that is small talk.
func (v *chatVocab) recognizeClauses(text, hint string) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxChatRunes {
		return chatNone, ""
	}
	clauses := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".,!?;:()…\n？！", r) })
	if len(clauses) < 2 {
		return chatNone, ""
	}
	intent, langs := chatNone, phraseLangs{}
	for _, cl := range clauses {
		if strings.TrimSpace(cl) == "" {
			continue
		}
		in, lang := v.recognize(cl, hint)
		if in == chatNone {
			if v.fillerOnly(cl) {
				continue
			}
			r := v.recognizeLoose(cl, hint)
			if !r.aside {
				return chatNone, ""
			}
			in, lang = r.intent, r.lang
		}
		intent = max(intent, in)
		langs.add(chatPhrase{intent: in, lang: lang})
	}
	if intent <= chatFiller {
		return chatNone, ""
	}
	return intent, langs.lang(hint)
}

// fillerOnly reports whether text is made only of filler phrases ("mate",
// "alla", "lol").
func (v *chatVocab) fillerOnly(text string) bool {
	words := v.normalize(chatWords(text))
	if len(words) == 0 {
		return true
	}
	parsed, ok := v.parse(words, false)
	if !ok {
		return false
	}
	for _, p := range parsed {
		if p.intent > chatAck {
			return false
		}
	}
	return true
}

// IsSmallTalk reports whether text is small talk (bot.Options.Chat).
func IsSmallTalk(text string) bool {
	intent, _ := smallTalkVocab().recognize(text, "")
	return intent != chatNone
}

// smallTalk answers greetings, thanks and the like. It has no commands of
// its own: the ask feature's fallback hands it the text first.
type smallTalk struct{}

func newSmallTalk(Deps) *smallTalk { return &smallTalk{} }

// Name names the feature.
func (*smallTalk) Name() string { return "smalltalk" }

// Commands: small talk has none.
func (*smallTalk) Commands() []*bot.Command { return nil }

// reply answers text when it is small talk, in the language of its phrases
// (else the member's), and reports whether it did.
func (*smallTalk) reply(ctx context.Context, c *bot.Call, text string) (bool, error) {
	intent, lang := smallTalkVocab().recognize(text, c.Lang)
	if intent == chatNone {
		return false, nil
	}
	return true, chatReply(ctx, c, text, intent, lang)
}

// replyLoose answers text as small talk when recognizeLoose reads it so
// and answerable says the words set aside ask nothing the knowledge base
// can answer ("hej! tack för igår": "igår" asks nothing; "hej, punks
// betydelse" does). It reports whether it did.
func (*smallTalk) replyLoose(ctx context.Context, c *bot.Call, text string, answerable func(string) bool) (bool, error) {
	r := smallTalkVocab().recognizeLoose(text, c.Lang)
	intent, lang := r.intent, r.lang
	if intent == chatNone || (!r.aside && answerable(strings.Join(r.rest, " "))) {
		intent, lang = smallTalkVocab().recognizeClauses(text, c.Lang)
		if intent == chatNone {
			return false, nil
		}
	}
	return true, chatReply(ctx, c, text, intent, lang)
}

// replyAboutBot answers text as small talk when it is talk about the bot
// (recognizeAboutBot, lenient for a line the knowledge base could not
// answer), and reports whether it did.
func (*smallTalk) replyAboutBot(ctx context.Context, c *bot.Call, text string, words func(string) (subject, other []string), lenient bool) (bool, error) {
	intent, lang := smallTalkVocab().recognizeAboutBot(text, c.Lang, words, lenient)
	if intent == chatNone {
		return false, nil
	}
	return true, chatReply(ctx, c, text, intent, lang)
}

// chatReply replies to text with intent's small-talk reply, in lang (the
// language of its words, "" when they do not say), else the member's.
// A line from a member whose language is known (they chose it, their
// client or platform set it, or they have written in it) gets that
// language when the line is one or two words or its words do not say
// their language surely (knowledge.DetectLang): "thx", "yo", "forget it"
// or "lol ok, hejdå" says little about the language a member wants.
func chatReply(ctx context.Context, c *bot.Call, text string, intent chatIntent, lang string) error {
	known := bot.ValidLang(c.Member.Locale) || bot.ValidLang(c.Event.Locale) || bot.ValidLang(c.Member.Written) ||
		c.Event.LocaleHint != ""
	if lang == "" || (known && len(chatWords(text)) <= 2) {
		lang = c.Lang
	} else if dl, sure := knowledge.DetectLang(text); sure {
		lang = dl // "Hej hej! My Swedish is pretty basic, is English ok with you?"
	} else if known {
		lang = c.Lang
	}
	reply := c.Bot().Catalog().T(lang, chatKeys[intent])
	if intent == chatWhat && c.Role >= bot.RoleOrganiser {
		// "Vad kan jag göra som arrangör?": an organiser, moderator or
		// admin is told what their role adds.
		reply += "\n" + c.Bot().Catalog().T(lang, "chat.what_"+min(c.Role, bot.RoleAdmin).String())
	}
	return c.Reply(ctx, bot.Reply{Text: reply})
}

// firstPerson are the folded words by which members speak of themselves.
var firstPerson = map[string]bool{"jag": true, "mig": true, "min": true, "mit": true, "mina": true,
	"i": true, "me": true, "my": true, "mine": true, "myself": true}

// chatterWords is the most words a line the bot cannot place may have and
// still be chatter rather than a question.
const chatterWords = 6

// interrogatives start a question even without a question mark.
var interrogatives = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`vad vem vems vilken vilket vilka hur var vart varifrån när varför
	kan får ska måste finns har är gäller stämmer brukar behöver bör
	what who whose which where when why how can could should must may is are was were do does did has have will would`) {
		interrogatives[w] = true
	}
}

// chatter reports whether text the knowledge base could not answer is
// chatter, not a question for the organisers: short (at most
// chatterWords words, or only emoji and punctuation), without a question
// mark, a number or an opening question word ("bra jobbat allihopa",
// "😂😂", "sitter och målar idag"). Such a line gets a friendly reply with
// something to try instead of "I don't know" and the unanswered queue; a
// question that could be one ("öppettider?", "hur bokar man ugnen")
// still goes to the queue.
func (*smallTalk) chatter(text string) bool {
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return true // "??", "…", "😂😂", a bare "2" to no question
	}
	if strings.ContainsAny(text, "?？0123456789") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if len(words) > chatterWords {
		return false
	}
	if len(words) == 0 {
		return true
	}
	// "what's", "whats", "who's": the question word before its 's.
	first, _, _ := strings.Cut(strings.ReplaceAll(words[0], "’", "'"), "'")
	if interrogatives[first] || interrogatives[strings.TrimSuffix(first, "s")] {
		return false
	}
	// "hallå, vem skrev rapporten": a question word after a greeting.
	return !slices.ContainsFunc(chatWords(text), func(w string) bool { return openingWords[w] })
}

// remarkWords is the most words a line the bot cannot place may have and
// still be a remark rather than a question; remarkMinWords the fewest
// ("Det regnar i Halmstad. Igen.", "Lovely sunny day here in Varberg"):
// a shorter line is chatter.
const (
	remarkWords    = 60
	remarkMinWords = 4
)

// yesNoOpeners open a yes/no question ("har ni öppet på lördag", "is
// Mia on the board"), unless a perfect participle follows "har" or "have"
// (perfect): a statement that leaves out its "I" ("har bakat sextio
// limpor idag", "have been painting all day").
var yesNoOpeners = foldedSet(`:har hade är var kan ska får finns funkar fungerar gäller stämmer brukar behöver
	bör måste vill sitter tar räcker is are was were do does did has have had can could should will would may`)

// perfectOpeners are the yes/no openers that may open a statement in the
// perfect.
var perfectOpeners = foldedSet(`:har hade have has had`)

// remarkAsks are words that ask for something in a line without a
// question mark ("tips på bra punkband", "any tips for …", "wat is …").
var remarkAsks = foldedSet(`:tips tip tipsa any anything wat vart recommend rekommendera`)

// remark reports whether text the knowledge base could not answer is a
// remark about the member's day, work or weather ("Bina har svärmat
// igen, fick klättra upp i äppelträdet i morse", "kids are sick so no
// work today"): four words or more, no question mark, no question word,
// no yes/no question opening, nothing asked for. Such a line is small
// talk (chat.remark), not a question for the organisers' queue.
func (*smallTalk) remark(text string) bool { return remarkLine(text) }

// remarkLine is remark, for the readers that have no smallTalk at hand.
func remarkLine(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return false
	}
	ws := chatWords(text)
	if (len(ws) < remarkMinWords && !(len(ws) > 1 && exclamation(text))) || len(ws) > remarkWords {
		// "Puh, vilken vecka.": a short exclamation is a remark too.
		return false
	}
	statement := false
	if _, ok := yesNoOpeners[ws[0]]; ok {
		if !statementOpening(ws) {
			return false
		}
		statement = true
	}
	if len(ws) <= chatterWords && strings.ContainsAny(text, "0123456789") && !statement &&
		!strings.ContainsFunc(text, func(r rune) bool { return r == '!' || r > 0x2000 }) {
		// "priset för 2027 års kurs": a short line with a number asks,
		// unless it exclaims ("mamma fyller 80 idag 🎉").
		return false
	}
	if asksFor(ws) {
		return false // "tell me about …", "could you explain …"
	}
	exclaim := exclamation(text)
	// In a long line a question word inside a clause opens a clause of
	// its own ("… precis när jag skulle stänga", "no clue how it all
	// works"); only one opening a clause asks.
	long := len(ws) >= longRemarkWords
	for i, w := range ws {
		_, modal := requestModals[w]
		_, asks := remarkAsks[w]
		if (openingWords[w] && !exclaim && !long) || requests(ws, i) || (asks && !long) || (modal && w != "did" && w != "have" && modalAsks(ws, i)) {
			return false
		}
	}
	if long && slices.ContainsFunc(ws, func(w string) bool { return passionWords[w] }) {
		return false // a long story that names the self-test's subject asks it
	}
	if long && !exclaim {
		// A question word near a clause's start, or after "but" or
		// "men", asks ("since when has …", "hej vem ska jag kontakta",
		// "… but what does Mia do"), and so does "any tips" there ("…
		// part of anything like this" does not).
		for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.!;:…", r) }) {
			cw := chatWords(clause)
			for i, w := range cw {
				_, asks := remarkAsks[w]
				if (openingWords[w] || asks) && (i < 3 || clauseJoins[cw[i-1]]) && !rhetorical(cw, i) {
					return false
				}
			}
		}
	}
	return true
}

// clauseJoins join clauses (folded): a question word after one opens a
// question.
var clauseJoins = map[string]bool{"but": true, "men": true, "and": true, "och": true, "so": true, "sa": true, "or": true, "eler": true}

// longRemarkWords is the fewest words of a long remark, in which a
// question word may open a clause inside a sentence.
const longRemarkWords = 12

// modalAsks reports whether the modal ws[i] asks: it opens the line or
// comes before its subject ("kan du …", "could someone …", "kunde det
// vara …"), not after it ("det kunde blåsa så här mycket").
func modalAsks(ws []string, i int) bool {
	if i == 0 || i+1 == len(ws) {
		return true
	}
	_, subject := modalSubjects[ws[i+1]]
	return subject
}

// modalSubjects are the subjects that after a modal make a question.
var modalSubjects = foldedSet(`:du ni jag vi man det någon nån den de dom you i we one it someone somebody anyone
	anybody they he she han hon there`)

// statementOpening reports whether words ws, opened by a yes/no opener,
// make a statement that leaves out its "I": the perfect ("har bakat 80
// kanelbullar", "har typ inte gjort nåt idag", "have been painting all
// day"), what one is doing ("sitter å glaserar koppar i solen"), where
// one is off to ("ska ut och plocka svamp sen") or what one did ("did
// basically nothing today").
func statementOpening(ws []string) bool {
	next := 1
	for next+1 < len(ws) && openingFillers[ws[next]] {
		next++ // "har typ inte gjort", "did basically nothing"
	}
	w := ws[next]
	_, perfect := perfectOpeners[ws[0]]
	switch {
	case perfect && participle(w):
		return true
	case ws[1] == "och" || ws[1] == "a" || ws[1] == "and":
		return true
	case ws[0] == "ska" && goingWords[w]:
		return true
	case (ws[0] == "did" || perfect) && (w == "nothing" || w == "nada" || w == "lots" || w == "loads" || w == "nat" || w == "inget" || w == "ingenting"):
		return true
	}
	return false
}

// openingFillers stand between a statement's opening verb and what
// follows it (folded).
var openingFillers = map[string]bool{"typ": true, "inte": true, "bara": true, "redan": true, "nog": true, "just": true,
	"precis": true, "ju": true, "aldrig": true, "nastan": true, "faktiskt": true, "verkligen": true, "not": true,
	"never": true, "already": true, "realy": true, "basicaly": true, "literaly": true, "finaly": true, "kinda": true}

// goingWords after "ska" say where one is off to, not a question.
var goingWords = map[string]bool{"ut": true, "hem": true, "ivag": true, "in": true, "bort": true, "upp": true,
	"ner": true, "snart": true, "strax": true, "sen": true}

// exclamation reports whether the question words of text only open
// exclamations: "Vilket ruskväder idag, det blåser!", "vilken morgon asså",
// "what a day" — in a clause of its own, with at most four words after it,
// the noun's next word no verb, and no verb of a question among them ("vilken dag är det idag", "i
// vilken stad ligger centrumet", "ett svar på vilken utredning",
// "vilken då" ask).
func exclamation(text string) bool {
	found := false
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.!;:…", r) }) {
		ws := chatWords(clause)
		for i, w := range ws {
			if !openingWords[w] {
				continue
			}
			after := ws[i+1:]
			switch {
			case w == "what" && len(after) > 0 && (after[0] == "a" || after[0] == "an"):
			case w == "vad" && len(after) > 0 && exclaimAdjective(after[0]) && (len(after) == 1 || subjectFirst[after[1]] || after[1] == "att"):
				// "fan vad krångligt", "usch vad trött jag är", "vad kul att
				// höra": "vad" and a word of how, no verb of a question.
			case (w == "vilken" || w == "vilket" || w == "vilka") && len(after) > 1 && (i == 0 || !prepositions[ws[i-1]]) &&
				(subjectFirst[after[1]] && !isQuestionVerb(after[0]) ||
					len(after) > 2 && subjectFirst[after[2]] && !isQuestionVerb(after[0]) && !isQuestionVerb(after[1])):
				// "vilket regn det är idag", "vilken fin dag det är": the
				// subject before its verb, as an exclamation has it
				// ("vilket regn är det?" asks).
			case (w == "vilken" || w == "vilket" || w == "vilka") && len(after) > 0 && len(after) <= 4 &&
				(i == 0 || !prepositions[ws[i-1]]) && after[0] != "da" && (len(after) <= 2 || exclamationTail[after[1]]) &&
				!slices.ContainsFunc(after, isQuestionVerb):
			default:
				return false
			}
			found = true
		}
	}
	return found
}

// exclaimAdjective reports whether folded w is a word of how something
// is, as "vad" exclaims it: "krångligt", "roligt", "kul", "trött" (the
// neuter "-igt", "-ligt", and the common short ones).
func exclaimAdjective(w string) bool {
	if strings.HasSuffix(w, "igt") || strings.HasSuffix(w, "ligt") {
		return true
	}
	_, ok := shortAdjectives[w]
	return ok
}

// shortAdjectives are the common words of how something is that "vad"
// exclaims and that end otherwise (folded).
var shortAdjectives = foldedSet(`:kul gött gott fint skönt trist tråkigt trött snyggt coolt najs härligt vackert
	läskigt sjukt galet synd bra dumt jobbigt stressigt varmt kallt blött mysigt sött gulligt`)

// prepositions before "vilken" make it ask ("ett svar på vilken
// utredning").
var prepositions = map[string]bool{"pa": true, "i": true, "om": true, "till": true, "for": true, "fran": true,
	"med": true, "av": true, "at": true, "under": true, "efter": true, "innan": true}

// exclamationTail are the words that may follow the noun of an
// exclamation ("vilket väder i Halmstad", "vilken morgon asså"); a question
// has its verb there ("vilket företag driver hon").
var exclamationTail = map[string]bool{"i": true, "pa": true, "idag": true, "ikvall": true, "ute": true, "har": true,
	"dar": true, "asa": true, "altsa": true, "ju": true, "va": true, "nu": true, "igen": true, "ocksa": true, "du": true}

// subjectFirst are the subjects that, right after "vilket regn", make an
// exclamation: "vilket regn det är", "vilken tur du har".
var subjectFirst = map[string]bool{"det": true, "du": true, "ni": true, "vi": true, "jag": true, "han": true,
	"hon": true, "de": true, "dom": true, "man": true}

// isQuestionVerb reports whether folded w is one of questionVerbs.
func isQuestionVerb(w string) bool { _, ok := questionVerbs[w]; return ok }

// questionVerbs are the verbs that make "vilken …" a question.
var questionVerbs = foldedSet(`:är var blir kan får ska har finns gäller stämmer brukar behöver bör måste ligger heter
	kostar hette is are was were do does did can could will would has have`)

// notParticiples end as a Swedish supine does but are none (folded):
// "helt", "snart", "först".
var notParticiples = map[string]bool{"just": true, "most": true, "last": true, "want": true, "helt": true, "fort": true,
	"snart": true, "forst": true, "bast": true, "mest": true, "sist": true, "nyst": true, "visst": true, "vist": true}

// participle reports whether folded w looks like a perfect participle:
// Swedish "bakat", "sålt", "varit", "stått"; English "baked", "been",
// "done".
func participle(w string) bool {
	switch w {
	case "been", "done", "gone", "had", "got", "made", "sold", "spent", "seen", "run", "taken", "eaten", "broken",
		"written", "given", "fallen", "driven", "forgotten", "grown", "known", "shown", "thrown", "worn",
		"slept", "kept", "felt", "left", "lost", "heard", "bought", "brought", "thought", "taught", "found", "built",
		"sent", "won", "begun", "flown", "ridden", "sung", "swum", "met", "read", "sat", "stood", "told":
		return true
	}
	for _, suffix := range []string{"at", "it", "tt", "ed"} {
		if len(w) > len(suffix)+1 && strings.HasSuffix(w, suffix) && w != "that" && w != "what" {
			return true
		}
	}
	// The Swedish supine of other verbs: "bränt", "gjort", "sålt", "läst",
	// "köpt", "tänkt", "sagt", "haft" ("krångligt", "roligt" are no verbs).
	for _, suffix := range []string{"nt", "rt", "lt", "st", "pt", "kt", "gt", "ft"} {
		if len(w) > 3 && strings.HasSuffix(w, suffix) && !strings.HasSuffix(w, "igt") && !notParticiples[w] {
			return true
		}
	}
	return false
}

// Messages are the feature's texts: each reply ends with one thing to try.
func (*smallTalk) Messages() bot.Messages {
	return bot.Messages{
		"chat.unclear": {SV: "Förlåt om jag var otydlig! 😊 Fråga gärna med andra ord, skriv `kurs` för en kort introduktion, eller `hjälp` för allt jag kan.",
			EN: "Sorry if I was unclear! 😊 Try asking in other words, type `learn` for a short introduction, or `help` for everything I can do."},
		"chat.unsure": {SV: "😊 Jag hänger inte riktigt med, men jag finns här! Fråga mig gärna om den passionsdrivna ekonomin, eller skriv `hjälp` så ser du allt jag kan.",
			EN: "😊 I'm not quite following, but I'm here! Ask me about the passion-driven economy, or type `help` to see everything I can do."},
		"chat.remark": {SV: "Tack för att du berättar! 😊 Vill du hitta andra som håller på med samma sak, prova `intressen lägg till` – eller fråga mig om den passionsdrivna ekonomin.",
			EN: "Thanks for sharing! 😊 To find others who do the same kind of thing, try `interests add` – or ask me about the passion-driven economy."},
		"chat.ack": {SV: "👍 Säg till om du undrar något – skriv `hjälp` så ser du allt jag kan.",
			EN: "👍 Just say if you wonder about something – type `help` to see everything I can do."},
		"chat.greet": {SV: "Hej! 👋 Fråga mig gärna om den passionsdrivna ekonomin, till exempel: _vad står PUNKS för?_",
			EN: "Hi! 👋 Ask me anything about the passion-driven economy, for example: _what does PUNKS stand for?_"},
		"chat.morning": {SV: "God morgon! ☀️ Vill du komma igång kan du skriva `kurs` för en kort kurs om den passionsdrivna ekonomin.",
			EN: "Good morning! ☀️ To get started, type `learn` for a short course on the passion-driven economy."},
		"chat.evening": {SV: "God kväll! 🌙 Undrar du något är det bara att fråga, till exempel: _vad är passionsdriven ekonomi?_",
			EN: "Good evening! 🌙 If you wonder about something, just ask, for example: _what is the passion-driven economy?_"},
		"chat.thanks": {SV: "Varsågod! 😊 Undrar du något mer är det bara att fråga, eller skriv `kurs` för en kort kurs.",
			EN: "You're welcome! 😊 Ask me anything else, or type `learn` for a short course."},
		"chat.bye": {SV: "Hej då, ha det fint! 👋 Nästa gång kan du skriva `träff lista` och se gemenskapens kommande träffar.",
			EN: "Bye, take care! 👋 Next time, type `meetup list` to see the community's upcoming meetups."},
		"chat.sorry": {SV: "Ingen fara! 😊 Undrar du något är det bara att fråga – skriv `hjälp` så ser du allt jag kan.",
			EN: "No worries! 😊 If you wonder about something, just ask – type `help` to see everything I can do."},
		"chat.praise": {SV: "Tack, vad glad jag blir! 😊 Vill du hitta andra med samma intressen, lägg till dina med `intressen lägg till`.",
			EN: "Thank you, that makes me happy! 😊 To find others with the same interests, add yours with `interests add`."},
		"chat.how": {SV: "Jag mår bra, tack för att du frågar! 😊 Vill du testa mig, fråga till exempel: _är min verksamhet passionsdriven?_",
			EN: "I'm well, thanks for asking! 😊 Want to test me? Ask, for example: _is my business passion-driven?_"},
		"chat.personal": {SV: "Jag är bara en bot, så sådant har jag inget eget svar på 🙂 Men den passionsdrivna ekonomin kan jag mycket om – fråga till exempel: _vad står PUNKS för?_",
			EN: "I'm just a bot, so I have no answer of my own to that 🙂 But I know a lot about the passion-driven economy – ask for example: _what does PUNKS stand for?_"},
		"chat.languages": {SV: "Jag pratar svenska och engelska 😊 Skriv på det språk du vill, så svarar jag på det – eller välj med `språk sv` eller `språk en`.",
			EN: "I speak Swedish and English 😊 Write in whichever you like and I'll answer in it – or choose with `language en` or `language sv`."},
		"chat.intro": {SV: "Trevligt att träffas! 👋 Lägg gärna till dina intressen med `intressen lägg till`, till exempel `intressen lägg till keramik, surdeg` – då kan jag hjälpa dig hitta andra med samma intressen.",
			EN: "Nice to meet you! 👋 Add your interests with `interests add`, for example `interests add pottery, sourdough` – then I can help you find others with the same interests."},
		"chat.what_organiser": {SV: "Som arrangör planerar du också träffar (`träff skapa`), schemalägger utskick (`utskick schemalägg`) och svarar på medlemmarnas frågor (`faq obesvarade`).", EN: "As an organiser you also plan meetups (`meetup create`), schedule announcements (`announce schedule`) and answer members' questions (`faq unanswered`)."},
		"chat.what_moderator": {SV: "Som moderator sköter du också kanalerna (`kanal skapa`, `kanal lås`), varnar medlemmar (`warn`) och ser moderationsloggen (`modlog`) — och allt en arrangör gör.", EN: "As a moderator you also look after the channels (`channel create`, `channel lock`), warn members (`warn`) and see the moderation log (`modlog`) — and all an organiser does."},
		"chat.what_admin":     {SV: "Som administratör ger du också medlemmar roller (`roll ge`) — och allt en moderator gör.", EN: "As an admin you also give members roles (`role grant`) — and all a moderator does."},
		"chat.what": {SV: "Jag svarar på frågor om den passionsdrivna ekonomin, visar kommande träffar, har en kort kurs och hjälper dig hitta andra med samma intressen. Skriv `hjälp` för alla kommandon, eller fråga direkt: _vad står PUNKS för?_",
			EN: "I answer questions about the passion-driven economy, show upcoming meetups, give a short course and help you find others with the same interests. Type `help` for every command, or just ask: _what does PUNKS stand for?_"},
		"chat.human": {SV: "Jag är en bot 🤖 men här finns människor också: skriv direkt till en arrangör eller moderator, eller ställ frågan i en kanal där alla läser. Frågor jag inte kan svara på sparar jag åt arrangörerna.",
			EN: "I'm a bot 🤖 but there are people here too: write directly to an organiser or a moderator, or ask in a channel everyone reads. Questions I can't answer I save for the organisers."},
		"chat.who": {SV: "Jag är passionbot, gemenskapens bot för passionsdrivna företagare: jag svarar på frågor om den passionsdrivna ekonomin, håller koll på träffar och hjälper dig hitta andra med samma intressen. Prova att fråga: _vad är passionsdriven ekonomi?_",
			EN: "I'm passionbot, the community's bot for passion-driven entrepreneurs: I answer questions about the passion-driven economy, keep track of meetups and help you find others with the same interests. Try asking: _what is the passion-driven economy?_"},
	}
}
