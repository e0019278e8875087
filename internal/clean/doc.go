// Package clean turns scraped article text into an article record: the
// title line, the " date YYYY-MM-DD" marker, the dateline ("LONDON (Reuters)
// -", "Beijing [China], December 30 (ANI):") with its place, agency and date,
// closing agency credits, the outlet named in a site promo, boilerplate
// (related links, comment forms, share and subscribe prompts, site promos,
// a line that is only the site's name) and sub-headings inside the body.
//
// What it removes is listed, never dropped silently. The patterns are data
// (data/*.tsv, data/agencies.txt). It does not split sentences (package
// text does) and it does not read files (package ingest does).
package clean
