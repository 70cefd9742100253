-- The search index moves to a file of its own beside the database (Digest.Core.Search.SearchIndexFile), written by
-- the search indexer on a second thread while the importer writes this one: SQLite lets one writer at a time into
-- a file, and building the index costs as much as the import itself. Entry triggers now only queue the ids whose
-- search rows must be brought up to date; the indexer reads the queue in order and remembers how far it got in the
-- index file, in the same transaction as the index rows.
DROP TRIGGER entry_search_insert;
DROP TRIGGER entry_search_delete;
DROP TRIGGER entry_search_update;
DROP TABLE main.entry_search_vocab;
DROP TABLE main.entry_search;
DROP TABLE main.search_entry;

CREATE TABLE search_queue (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order entries changed in; never reused once forgotten
    entry_id     INTEGER NOT NULL            -- an entry added, changed or deleted since
);

CREATE TRIGGER search_queue_insert AFTER INSERT ON entry BEGIN
    INSERT INTO search_queue (entry_id) VALUES (new.id);
END;

CREATE TRIGGER search_queue_delete AFTER DELETE ON entry BEGIN
    INSERT INTO search_queue (entry_id) VALUES (old.id);
END;

CREATE TRIGGER search_queue_update AFTER UPDATE OF id, paper_id, date, source, title, title_en, title_note, abstract, abstract_en, authors ON entry BEGIN
    INSERT INTO search_queue (entry_id) VALUES (old.id);
    INSERT INTO search_queue (entry_id) SELECT new.id WHERE new.id <> old.id;
END;
