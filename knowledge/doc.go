// Package knowledge is passionbot's question-answering search engine: it
// finds the built-in or organiser-written topic (a short Markdown answer
// in Swedish and English) that answers a member's question, and says how
// sure it is.
//
// # Documents
//
// Each topic ID is one document holding both language variants: the sv
// and en titles, tags and bodies. The variants are translations of each
// other, so merging them doubles the evidence for a topic and lets a
// question match across languages (an English question that names
// "Värdemetoden" or "Utbilda!", a Swedish one that uses "meetup"). The
// answer language is chosen afterwards (Result.Lang). With a few dozen
// topics, searching the languages separately and merging would only add
// noise from two score scales.
//
// # Ranking
//
// Ranking is BM25F with k1 = 1.2 over three fields: title (weight 3,
// b = 0.3), tags (weight 2, b = 0.3) and body (weight 1, b = 0.75).
// Text is lower-cased and folded per Unicode rune (é→e, ü→u, ø→ö, æ→ä;
// å, ä and ö are kept) and split into runs of letters and digits. Stop
// words of both languages are removed (stopwords.go; they include the
// question words, so "who" or "vad" match nothing). Document words are
// stemmed with the Snowball stemmer of their variant's language, plus two
// Swedish endings Snowball leaves ("-et", adjective "-n"); query words
// with both stemmers, since the language of a short question is
// uncertain. termKey then respells stems so that Swedish and English
// cognates meet (c→k/s, ph→f, th→t, w→v, doubled letters once:
// "economy"/"ekonomi", "method"/"metod").
//
// Every meaningful query word becomes a slot whose options are its stems
// (weight 1) and other forms of it that Snowball does not conflate, found
// by a shared prefix ("utbilda"/"utbildning", "uppdrag"/"uppdragsgivare";
// weight 0.7). A slot scores a document by its best option, with one idf
// for the union of the options' documents (like a synonym query), so a
// rare inflection does not outweigh the common word it belongs to.
//
// A word the index does not know in any form is, in this order:
//   - dropped when it is a misspelt stop word ("wich");
//   - matched to document words within Damerau–Levenshtein distance 1
//     (2 from 8 runes), weight 0.8 (0.6 at distance 2), using a
//     symmetric-delete index (see fuzzy.go) so a lookup costs a few binary
//     searches instead of a scan of the vocabulary;
//   - otherwise split into known parts as a Swedish compound, allowing a
//     linking "s" ("mötesplatser" → möte + platser, "matproducenter" →
//     mat + producenter), each part a slot of weight 0.8;
//   - otherwise kept as an unknown slot, which matches nothing but lowers
//     the confidence.
//
// Long document words are also indexed under their compound parts when
// those are words of the base ("passionbot" also counts as "bot"); on the
// evaluation set this helped.
//
// # Confidence
//
// Score is 0.8 × coverage + 0.2 × strength for the best topic, where
// coverage is the idf-weighted share of the question's slots the topic
// matches (options count with their weight; an unknown word counts with
// 0.9 × the largest idf, an everyday word (general.go) less, so a question about something the base does not
// know is not answered just because it also names a known thing) and
// strength is the topic's BM25F score divided by the best any topic could
// reach for the question. It is then lowered:
//   - ×0.5 when the question asks for a kind of fact the topic's text
//     lacks: "when"/"när" needs a date, "how many"/"hur många" a count
//     (not a year), a price or income question an amount of money, a
//     phone or e-mail question contact details, a "number" question digits,
//     "how old"/"hur gammal" an age or a birth year, "how long"/"hur
//     länge" figures (answertype.go); "who"/"vem" (a name) and
//     "where"/"var ligger" (a place) only reorder the best hits;
//   - ×0.5 when one of the leading topics says in so many words that it
//     does not know what a rare word of the question asks ("The bot's
//     sources do not say who chairs it"); such sentences are kept in the
//     answer but not indexed;
//   - ×0.7 for each name in the question (a term written with a capital
//     letter inside sentences of the base, such as "Lindgren") that the
//     topic does not contain.
//
// The confidence is also at least the best example question's cosine
// (examples.go; a cosine of 0.5 answers), and a question of several
// clauses is matched clause by clause too, so that chat around the
// question does not hide it. First-person pronouns and the modal verbs
// must/can/only, although stop words, count in that matching as one
// synthetic trigram each. When a question has a sentence that asks
// (ending with "?") and others that do not, the words only in the others
// (a member's story about themselves) weigh 0.25 in the coverage and the
// score, except the story's names when the asking sentences name nothing
// ("… a VIAkub workshop … How many took part?"). A function gram counts
// only beside shared words (a cosine of 0.1 of the words alone). A yes/no question that compares with a figure ("before 2000",
// "longer than …") gets no default "yes", and only the lead of a lead
// question that compares too.
//
// A question is Answered when Score ≥ 0.5. The constants were chosen on
// the tuning sets (see NOTES.md); the ranking key blends 0.7 × strength
// and 0.3 × coverage, plus 0.8 × the best example cosine, × 0.7 per name
// of the question the topic lacks.
//
// # Limits
//
// A question is read up to 16 KiB and 64 meaningful words; any input,
// including invalid UTF-8, is safe. An Index is immutable and safe for
// concurrent use; Search allocates little (per-query scratch space is
// pooled).
package knowledge
