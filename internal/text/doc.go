// Package text turns cleaned article paragraphs into sentences and tokens:
// sentence splitting that knows abbreviations, initials, decimals and quote
// marks; Unicode word tokens with lower-cased, stemmed and stop-word forms.
//
// It does not decide what is body text (package clean does) and it does not
// interpret meaning (the analysis packages do). The abbreviation, stop-word
// and sentence-starter lists are data files under data/.
package text
