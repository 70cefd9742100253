-- Search index: one FTS5 row per entry (rowid = entry.id). Chinese needs tokens FTS5 cannot make itself, so
-- search_text() (C#, Digest.Core.Search.CjkTokenizer) turns text into space-separated tokens: ASCII words
-- lower-cased, other runs of letters as overlapping bigrams plus their last character. The 'ascii' tokenizer
-- then only splits on those spaces. Contentless (content=''): the text lives in entry, the index only holds
-- tokens; contentless_delete lets the delete trigger remove a row by rowid.
CREATE VIRTUAL TABLE entry_search USING fts5(
    title,      -- entry.title + entry.title_en
    note,       -- entry.title_note
    abstract,   -- entry.abstract + entry.abstract_en
    authors,    -- the names in entry.authors
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii'
);

-- The index's terms, for expanding a word prefix (llm → llm, llms) into exact terms FTS5 can read lazily.
CREATE VIRTUAL TABLE entry_search_vocab USING fts5vocab(entry_search, 'row');

-- Fewer, larger merges while importing: a segment level is merged once 16 segments wait in it (default 4), and
-- a writer only stops to merge at 64 (default 16). Imports write one small segment per file; with the defaults
-- most of the index work was re-merging them. Queries read a few more segments per term.
INSERT INTO entry_search (entry_search, rank) VALUES ('automerge', 16);
INSERT INTO entry_search (entry_search, rank) VALUES ('crisismerge', 64);

-- What a search needs from each matching entry, in rows of a few dozen bytes: joining the wide entry rows (their
-- abstracts inline) for tens of thousands of hits costs a page read each.
CREATE TABLE search_entry (
    id           INTEGER PRIMARY KEY,        -- entry.id, the FTS rowid
    paper_id     INTEGER NOT NULL,
    date         TEXT NOT NULL,
    source       TEXT NOT NULL
);

-- Newest-first search walks the days from the newest and seeks to each day's range of entry ids.
CREATE INDEX search_entry_date ON search_entry (date, id);

INSERT INTO search_entry (id, paper_id, date, source) SELECT id, paper_id, date, source FROM entry;

INSERT INTO entry_search (rowid, title, note, abstract, authors)
SELECT id, search_text(title, title_en), search_text(title_note, NULL), search_text(abstract, abstract_en), search_authors(authors)
FROM entry;

CREATE TRIGGER entry_search_insert AFTER INSERT ON entry BEGIN
    INSERT INTO search_entry (id, paper_id, date, source) VALUES (new.id, new.paper_id, new.date, new.source);
    INSERT INTO entry_search (rowid, title, note, abstract, authors)
    VALUES (new.id, search_text(new.title, new.title_en), search_text(new.title_note, NULL),
            search_text(new.abstract, new.abstract_en), search_authors(new.authors));
END;

CREATE TRIGGER entry_search_delete AFTER DELETE ON entry BEGIN
    DELETE FROM search_entry WHERE id = old.id;
    DELETE FROM entry_search WHERE rowid = old.id;
END;

CREATE TRIGGER entry_search_update AFTER UPDATE OF id, paper_id, date, source, title, title_en, title_note, abstract, abstract_en, authors ON entry BEGIN
    DELETE FROM search_entry WHERE id = old.id;
    INSERT INTO search_entry (id, paper_id, date, source) VALUES (new.id, new.paper_id, new.date, new.source);
    DELETE FROM entry_search WHERE rowid = old.id;
    INSERT INTO entry_search (rowid, title, note, abstract, authors)
    VALUES (new.id, search_text(new.title, new.title_en), search_text(new.title_note, NULL),
            search_text(new.abstract, new.abstract_en), search_authors(new.authors));
END;
