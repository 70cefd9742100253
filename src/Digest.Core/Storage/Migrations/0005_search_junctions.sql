-- Search tokens version 2 (Digest.Core.Search.CjkTokenizer): a junction token between two runs that follow each
-- other, so that a quoted phrase of common words seeks by one rare token. Every entry is tokenised again; on a
-- large archive this takes a few minutes once.
INSERT INTO entry_search (entry_search) VALUES ('delete-all');

INSERT INTO entry_search (rowid, title, note, abstract, authors)
SELECT id, search_text(title, title_en), search_text(title_note, NULL), search_text(abstract, abstract_en), search_authors(authors)
FROM entry;
