-- Articles keyed by content hash, stories, membership, full-text indexes.
CREATE TABLE stories (
	rowid    INTEGER PRIMARY KEY,
	id       TEXT NOT NULL UNIQUE,
	headline TEXT NOT NULL DEFAULT '',
	-- a story found to be another one points at it; its articles moved there
	merged_into INTEGER REFERENCES stories(rowid),
	created  TEXT NOT NULL,
	updated  TEXT NOT NULL
);

CREATE TABLE articles (
	rowid        INTEGER PRIMARY KEY,
	key          TEXT NOT NULL UNIQUE,
	id           TEXT NOT NULL,
	story        INTEGER REFERENCES stories(rowid),
	duplicate_of TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	dateline     TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	path         TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	headings     TEXT NOT NULL DEFAULT '[]',
	removed      TEXT NOT NULL DEFAULT '[]',
	sentences    TEXT NOT NULL DEFAULT '[]',
	body         TEXT NOT NULL DEFAULT '',
	input        TEXT NOT NULL DEFAULT '{}',
	added        TEXT NOT NULL
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_story ON articles(story);

-- Article text is indexed without a second copy (external content).
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body,
	content = 'articles', content_rowid = 'rowid',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE stories_fts USING fts5(
	headline,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- FTS5 writes its pending terms as a new segment when they pass hashsize
-- (1 MB by default, about 300 articles) and merges segments as they pile up.
-- A larger hash and a lazier merge make bulk ingest several times faster.
INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 16777216);
INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 8);
