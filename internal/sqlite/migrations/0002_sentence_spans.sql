-- Sentences are kept as byte spans of the article's text ("@skip+len,...",
-- see sentences.go) instead of a JSON copy of it; binaries that knew only
-- JSON arrays must not read such rows, hence a new schema version. Older rows
-- keep their JSON arrays, which are still read.
-- Nothing looks articles up by id, so its index goes: one less b-tree to
-- update per article stored.
DROP INDEX IF EXISTS articles_id;
