// Package parallax is the vocabulary of the parallax news analyser: the story
// report of contract v1 (shared/contract) and the words used across stages.
//
// It holds types and error codes only and imports nothing but the standard
// library. The stages that produce these values live under internal/, in the
// order data flows through them:
//
//	ingest   read files, JSON lines and standard input into raw documents
//	clean    title, dateline, source, date, boilerplate and headings of scraped text
//	text     sentences, tokens, stems and dates in text
//	cluster  group articles into stories
//	entity, quote, claim, conflict, frame, timeline, summarize
//	         one analysis each, run in order by analyze
//	report   the JSON contract, Markdown and the terminal report
//
// Glossary:
//
//	Article        one outlet's piece of text, cleaned into sentences
//	Story          the articles about one real-world event, with their analyses
//	Entity         a person, organisation, place or event, with every alias merged
//	Quote          words attributed to a speaker, direct (in quote marks) or reported
//	Claim          one fact and every sentence, from any article, that states it
//	Conflict       two sentences of a story that cannot both be right
//	Framing        how one article names people, the war, whom it cites
//	TimelineEvent  a dated happening with its supporting sentences
//	SummarySentence  one sentence of the neutral summary, with its citations
package parallax
