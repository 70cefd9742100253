-- Bookmarks: three kinds of target, checked at the database too, and one-time transfer codes.
-- 0001 made bookmark with kind = day|paper; a day section ("yyyy-MM-dd/source") now has its own kind.

CREATE TABLE bookmark_v4 (
    reader       TEXT NOT NULL CHECK (length(reader) = 64),   -- SHA-256 hex of the reader's cookie id, never the id
    kind         TEXT NOT NULL CHECK (kind IN ('day', 'section', 'paper')),
    target       TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 200),  -- yyyy-MM-dd, yyyy-MM-dd/source, or paper.key
    created_at   TEXT NOT NULL,                               -- UTC, ISO 8601 round-trip ("O"), sorts as text
    PRIMARY KEY (reader, kind, target)
) WITHOUT ROWID;

INSERT INTO bookmark_v4 (reader, kind, target, created_at)
SELECT reader,
       CASE WHEN kind = 'day' AND instr(target, '/') > 0 THEN 'section' ELSE kind END,
       target, created_at
FROM bookmark
WHERE length(reader) = 64 AND kind IN ('day', 'paper');

DROP TABLE bookmark;
ALTER TABLE bookmark_v4 RENAME TO bookmark;

-- The /bookmarks page: one reader's bookmarks of one kind, newest first.
CREATE INDEX bookmark_reader_kind_created ON bookmark(reader, kind, created_at DESC);

-- A transfer code moves one reader's bookmarks to another browser. Only the code's hash is kept.
CREATE TABLE transfer_code (
    code_hash    TEXT PRIMARY KEY,                            -- SHA-256 hex of the normalised code
    reader       TEXT NOT NULL,                               -- the hash of the reader who made it
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX transfer_code_expires ON transfer_code(expires_at);
