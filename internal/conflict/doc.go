// Package conflict finds where a story's sources contradict each other, in
// four kinds, each with its two sentences and a plain explanation:
//
//   - number: one quantity of one thing with values that cannot both hold.
//     Each number is read as an interval: "more than 250,000" is
//     [250000, inf), "about two minutes" is 2 minutes give or take 15%,
//     "less than half that time" is below half the quantity named before it,
//     and a round figure carries its rounding (250,000 is 250,000 give or
//     take 5,000). Two sentences of one claim conflict only when, for a
//     unit both use, no interval of one overlaps any interval of the other.
//   - date: one event placed on different days once relative dates
//     (Friday, on Thursday) are resolved against each article's day.
//   - attribution: near-identical statements given to different speakers.
//   - contradiction: one source says a thing happened or was agreed,
//     another that it did not, or that a party did not comment on it.
//
// Sentences are compared through claim.Model, so paraphrases and
// translations ("bumpy" and "not easy") are one statement before any rule
// runs: the lexicon turns a negated word into its opposite, and a negation
// it absorbed is no contradiction. Only sentences of different articles
// conflict. The cue words are data (data/cues.txt).
//
// The package does not decide which side is right.
package conflict
