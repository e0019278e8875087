// Package cluster groups articles into stories: articles about the same
// real-world event belong together, articles about another event (even one
// of the same kind) apart.
//
// Group is the batch grouping analyze uses. It runs the online Clusterer below (same
// features, weights and thresholds as ingest) over the articles in input order, then,
// since it holds the whole batch, refines the stories; it does not detect near-copies
// (package dedup does).
//
// # Batch refinement
//
// The refinement reweighs every article with the IDF of the whole batch (the online IDF
// of an early article was computed from few articles) and runs, in order: reassign,
// split, reassign, merge, reassign, attach. All of it is deterministic (stories and terms are
// visited in sorted order, moves of a round applied at once).
//
//   - Reassign moves each article to the story it clears Threshold + SmallStoryMargin/size
//     by most, comparing it with its own story without itself; this mends early wrong
//     joins that the online pass cannot undo, and rejoins stories the time window kept
//     apart (publication dates spread over weeks for follow-ups).
//   - Split bisects each story of at least 6 articles: the members' vectors are reweighed
//     by a story-local IDF (a name every member carries tells no half apart; words count
//     0.2 against names and numbers), the sign of the leading eigenvector of their
//     centred Gram matrix (power iteration from a fixed vector) gives two halves, and
//     spherical 2-means polishes them. The split stands when both halves have 3 articles
//     and their centroids' similarity (the weighted cosine of the merge step, with the
//     year penalty when their years are disjoint) is below 0.45. This separates two
//     events of one kind that share the topic's names but not their protagonists (two
//     fights of one boxer against two opponents, two pirate attacks foiled by two ships).
//   - Merge joins, greedily from the most similar pair, stories whose centroids reach 0.5
//     (above the split threshold, so split halves stay apart), round after round.
//   - Attach gives fragments (stories of at most 5 articles, too small for split to
//     bisect) a second look with a test
//     calibrated on chance rather than on a fixed threshold. Short texts (a 75-word
//     excerpt) from outlets that frame one event differently share few terms, so their
//     cosine stays below the thresholds above, which were set on full articles; but two
//     unrelated articles share almost nothing: over pairs of ECB+ articles from different
//     topics the similarity (the centroid similarity of the merge step) has median 0.007,
//     95th percentile 0.042, and a tail that halves about every 0.013 (exponential, scale about 0.02). A
//     fragment compared with K candidate stories joins the most similar one when that
//     similarity reaches 0.042 + 0.02·ln K, the chance level at 5% corrected for the K
//     comparisons (Bonferroni on that exponential tail: 0.042 for one candidate, 0.097
//     for 16), and no rival stands near it. A rival is another candidate whose similarity
//     to the fragment is more than a third of the best one's while it is less similar to
//     the best story than the fragment is: the fragment would bridge two stories. A
//     runner-up that is itself close to the best story is no rival (the three articles of
//     one event, each a fragment, attach to one another). Rounds repeat, the most similar
//     fragment first, each story moved or grown at most once a round. In a small batch
//     (a few outlets on one event) this is what keeps the outlets together; in a large
//     batch of one topic the rival rule holds fragments back.
//
// Measured through the product (parallax analyze --json on the 982 ECB+ articles as one
// input, "event" and "topic" stripped, scored by shared/tools/bcubed.py): B-cubed P 0.934
// R 0.950 F1 0.942 (before the attach pass 0.937 0.931 0.934; the old single-pass TF-IDF
// Group: 0.763 0.970 0.854; the online pass alone on the same cleaned input 0.853 0.907
// 0.879). Each ECB+ event's articles clustered alone (several outlets on one event, given
// together): 75 of the 86 events form one story (53 before the attach pass; go test -run
// TestGroupECBEventsAlone). The split and merge thresholds were chosen by a sweep on that
// input (0.45-0.47 split, 0.45-0.55 merge all
// give 0.930-0.937). NeuS (3 outlets' reports of one event, first 100 validation stories):
// clustered alone, 94 of the 100 triples form one story (51 before the attach pass; 288
// of all 307 through parallax analyze); the six left share next to nothing (three
// excerpts of one flood with no name in common, words only). All 300 articles together
// through parallax analyze: B-cubed P 0.713 R 0.778 F1 0.744 (0.735 0.747 0.741 before
// the attach pass); NeuS mixes many stories of one topic (a president's weeks), and
// there the rival rule keeps the purity near where the other passes leave it.
//
// # Online clustering
//
// Clusterer is the streaming form: Add places each article, in arrival order, in the best
// open story or starts a new one, and never looks at an article twice. It is deterministic
// for a given input order (maps are read in sorted order; ties go to the older story).
//
// Features, from the title and body (Item): content words (lower-case, not stop words,
// Snowball stems); names (capitalised words where a capital proves something: not the first
// word of a sentence or of a headline-case line unless the text also capitalises it
// mid-sentence; titles such as "Mr." and "President" dropped, data/honorifics.txt), each
// word of a name and the whole name phrase ("fred larue"); and numbers as written ("6.1",
// "2013"). Title terms count twice. Weights are (1+ln tf)·idf with the IDF kept online
// (document frequencies updated as articles arrive, idf = ln((n+1)/(df+1))+1), each family
// normalised on its own.
//
// Similarity of an article to a story is a weighted mean of three cosines against the
// story's centroid (the sum of its members' vectors): names 0.70, words 0.15, numbers 0.15,
// over the families the article has. Names weigh most because, measured on pairs of ECB+
// articles of one topic, they tell the two events of a topic apart best (pairwise AUC 0.89
// against 0.78 for words and 0.71 for numbers; 0.91 combined). The similarity is multiplied
// by 0.6 when the article's lead year (the first year in its opening lines) is none of the
// story's lead years.
//
// Thresholds: an article joins the story it clears Threshold (0.20) plus
// SmallStoryMargin/size (0.1/size: a one-article centroid is noisy) by most, else it starts
// a story. After each article, a story of at most three articles whose centroid reaches
// MergeThreshold (0.6) against another open candidate story is merged into the older one
// (Assignment.Merged), which mends events split early. These values were chosen by a sweep
// on ECB+ in file order and three shuffled orders, not tuned to any article.
//
// Time and memory: with publication dates, an article only meets stories whose date range
// lies within Window (72 h) of its date, and stories with no article in the last Window
// (by the latest date seen) close. At most MaxStories (20,000) stay open; the least
// recently updated close first. Closed stories leave the index; nothing is kept of them.
// Blocking: each article posts its 24 heaviest terms to an inverted index of open stories;
// candidates are the 16 stories sharing most of an article's heavy terms.
//
// Measured (go test -run TestECB -v, and shared/tools/bcubed.py on the -ecbreport file):
// ECB+ 982 articles, no dates, B-cubed P 0.858 R 0.934 F1 0.894 in file order (0.874-0.901
// shuffled); a plain TF-IDF pass scores about 0.88. The two events of an ECB+ topic (two
// fights of Klitschko, two Watergate figures' deaths) share most names, and without
// publication dates some topics still merge.
package cluster
