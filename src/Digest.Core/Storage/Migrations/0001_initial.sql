-- Digest schema. Import is the only writer of paper data; the web app only writes bookmarks.

CREATE TABLE source_file (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL UNIQUE,       -- as given to the importer, normalised to full path
    sha256       TEXT NOT NULL,
    rows_read    INTEGER NOT NULL,           -- paper rows parsed from the file, repeated sections included
    problems     INTEGER NOT NULL,
    imported_at  TEXT NOT NULL
);

-- One (date, source) digest. When several files hold it, the one of the highest kind wins
-- (per-source page > combined page > accumulated file), then the one with more rows, then the first path.
CREATE TABLE digest (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL,              -- yyyy-MM-dd
    source       TEXT NOT NULL,              -- arxiv | biorxiv | medrxiv
    state        TEXT NOT NULL,              -- papers | no_papers | fetch_failed
    state_note   TEXT,
    file_id      INTEGER NOT NULL REFERENCES source_file(id),
    kind         INTEGER NOT NULL,           -- SectionKind
    line         INTEGER NOT NULL,
    entry_count  INTEGER NOT NULL,
    imported_at  TEXT NOT NULL,
    UNIQUE (date, source)
);
CREATE INDEX digest_file ON digest(file_id);

-- One per real paper: the newest translation and links, and the days it was seen.
CREATE TABLE paper (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,       -- arXiv id without version, DOI, or h-<hash>
    kind         TEXT NOT NULL,              -- arxiv | doi | hash
    version      INTEGER,
    title        TEXT NOT NULL,
    title_note   TEXT,
    title_en     TEXT,
    abstract     TEXT,
    abstract_en  TEXT,
    authors      TEXT NOT NULL,              -- JSON array
    pdf_url      TEXT,
    code_url     TEXT,
    published    TEXT,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    entry_count  INTEGER NOT NULL
);
CREATE INDEX paper_last_seen ON paper(last_seen DESC);

-- One per table row as imported. Nothing a digest said is thrown away.
CREATE TABLE entry (
    id           INTEGER PRIMARY KEY,
    digest_id    INTEGER NOT NULL REFERENCES digest(id) ON DELETE CASCADE,
    paper_id     INTEGER NOT NULL REFERENCES paper(id),
    date         TEXT NOT NULL,
    source       TEXT NOT NULL,
    rank         INTEGER NOT NULL,           -- 1-based position in the digest
    line         INTEGER NOT NULL,
    title        TEXT NOT NULL,
    title_note   TEXT,
    authors      TEXT NOT NULL,              -- JSON array
    pdf_url      TEXT,
    code_url     TEXT,
    title_en     TEXT,
    abstract     TEXT,
    abstract_en  TEXT,
    published    TEXT,
    version      INTEGER,
    flags        TEXT NOT NULL,              -- JSON array
    extra        TEXT,                       -- JSON object of unknown columns, or NULL
    row_hash     TEXT NOT NULL,              -- tells an updated entry from an unchanged one on re-import
    UNIQUE (digest_id, rank)
);
CREATE INDEX entry_paper ON entry(paper_id, date);
CREATE INDEX entry_day ON entry(date, source, rank);

CREATE TABLE author (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE        -- as written, trimmed
);
CREATE INDEX author_name_nocase ON author(name COLLATE NOCASE);

CREATE TABLE entry_author (
    entry_id     INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
    author_id    INTEGER NOT NULL REFERENCES author(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX entry_author_author ON entry_author(author_id);

CREATE TABLE import_problem (
    id           INTEGER PRIMARY KEY,
    file_path    TEXT NOT NULL,
    line         INTEGER NOT NULL,
    message      TEXT NOT NULL,
    raw_text     TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX import_problem_file ON import_problem(file_path);

CREATE TABLE bookmark (
    reader       TEXT NOT NULL,              -- SHA-256 of the reader's cookie id, never the id itself
    kind         TEXT NOT NULL,              -- day | paper
    target       TEXT NOT NULL,              -- yyyy-MM-dd, yyyy-MM-dd/source, or a paper key
    created_at   TEXT NOT NULL,
    PRIMARY KEY (reader, kind, target)
) WITHOUT ROWID;

-- Bumped by every import that changed something; pages use it for ETags and cache invalidation.
CREATE TABLE data_version (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    version      INTEGER NOT NULL,
    changed_at   TEXT NOT NULL
);
INSERT INTO data_version(id, version, changed_at) VALUES (1, 0, '1970-01-01T00:00:00Z');
