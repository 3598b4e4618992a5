-- newsdistill corpus store (SQLite + FTS5).  Documented in docs/store.md.
-- Every table that belongs to a document carries `doc` (documents.doc) and is deleted with it
-- (ON DELETE CASCADE), so re-loading a record replaces all of its rows.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS documents (
    doc           INTEGER PRIMARY KEY,          -- internal row id (changes when a record is re-loaded)
    id            TEXT NOT NULL UNIQUE,         -- the record's id: the key for idempotent loading
    seq           INTEGER NOT NULL,             -- load order of the first load (kept on re-load)
    status        TEXT NOT NULL,                -- ok | error
    error_code    TEXT,
    error_message TEXT,
    error_kind    TEXT,
    source_path   TEXT,
    source_line   INTEGER,
    source_url    TEXT,
    outlet        TEXT,                         -- host of source_url without "www." (null when unknown)
    input_kind    TEXT,
    language      TEXT,
    title         TEXT,
    site_name     TEXT,                         -- the publication: a title's suffix, HTML's site name (schema 7)
    byline        TEXT,
    published     TEXT,                         -- ISO 8601 as in the record
    published_tz  TEXT,                         -- an ambiguous zone of published as written ("CST"; schema 6)
    text          TEXT,
    warnings      TEXT,                         -- JSON list
    duplicate_of  TEXT,                         -- record id of the first document with the same text
    cluster       TEXT,                         -- near-duplicate cluster id
    format_version TEXT
);
CREATE INDEX IF NOT EXISTS documents_cluster ON documents(cluster) WHERE cluster IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_status ON documents(status, error_code);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
-- the JSON API's document list pages in load order, optionally per outlet (schema 5)
CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet, seq);

-- each record's JSON exactly as `run` writes it (compact, UTF-8: write/jsonl.py), what
-- /api/document returns.  Added in schema 5: documents loaded before have no row here (the API
-- answers 404 with a hint to re-index them).
CREATE TABLE IF NOT EXISTS records (
    doc  INTEGER PRIMARY KEY REFERENCES documents(doc) ON DELETE CASCADE,
    json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS paragraphs (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    input_start INTEGER, input_end INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- removed lines (kind 'removed', reason = why) and metadata lines (kind 'metadata', reason = title|byline|dateline)
CREATE TABLE IF NOT EXISTS removed (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    input_start INTEGER, input_end INTEGER,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT,
    -- a wire dateline's place and agency (metadata line, reason 'dateline', rule meta.wire-dateline:
    -- "PARIS (AFP) –"); null for every other row.  Added in schema 4 (a schema-3 store gets them by
    -- ALTER TABLE when opened for writing).
    place TEXT, agency TEXT,
    -- the line model's P(boilerplate) for a removed line it decided (rule model.line or a soft
    -- phrase rule it confirmed), null otherwise (schema 7)
    score REAL,
    PRIMARY KEY (doc, kind, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS removed_reason ON removed(kind, reason);

CREATE TABLE IF NOT EXISTS captions (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    credit TEXT,
    restrictions TEXT,                          -- JSON list
    date TEXT,
    place TEXT,
    input_start INTEGER, input_end INTEGER,
    rule TEXT,
    -- the credit's person and its agency or outlet where the credit grammar names them, null
    -- otherwise (schema 8; last, as the 7 -> 8 migration's ALTER TABLE adds them)
    photographer TEXT, agency TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    eid TEXT NOT NULL,                          -- "E1": unique inside its record only
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,                     -- casefolded name: the cross-document key
    label TEXT,
    aliases TEXT,                               -- JSON list
    gender TEXT,
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, eid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_key, label);
CREATE INDEX IF NOT EXISTS entities_label ON entities(label, name_key);

CREATE TABLE IF NOT EXISTS entity_roles (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (doc, eid, role)
) WITHOUT ROWID;

-- start/end into documents.text; mentions outside the clean text (in a caption or a headline)
-- have only input offsets and the caption's index or the metadata line's
CREATE TABLE IF NOT EXISTS mentions (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    start INTEGER, "end" INTEGER,
    text TEXT,
    kind TEXT,
    input_start INTEGER, input_end INTEGER,
    caption INTEGER,
    -- a headline mention: the index of its metadata line (removed row kind 'metadata', idx =
    -- metadata_line) and its offsets into that line's text.  All null for other mentions.
    -- Added in schema 3 (a schema-2 store gets them by ALTER TABLE when opened for writing).
    metadata_line INTEGER,
    line_start INTEGER, line_end INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, start);

CREATE TABLE IF NOT EXISTS attributions (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    aid TEXT NOT NULL,                          -- "A1": unique inside its record only
    kind TEXT,                                  -- direct | indirect | mixed | according-to
    source_start INTEGER, source_end INTEGER, source_text TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    content_start INTEGER, content_end INTEGER, content TEXT NOT NULL,  -- start/end null only for content outside the clean text
    content_input_start INTEGER, content_input_end INTEGER,
    speaker_entity TEXT,                        -- entity id in the same record
    speaker_name TEXT,
    speaker_key TEXT,                           -- casefolded speaker name: the cross-document key
    speaker_role TEXT,
    speaker_type TEXT,
    rule TEXT,                                  -- the rule that found it, when the record names one
    published_key TEXT NOT NULL,                -- the document's published date, '~' when unknown (sorts last)
    quote_cluster INTEGER,                      -- quote_clusters.cluster (set by finalize)
    -- a headline attribution (title_attributions, aid "T1" ...): its *_start/*_end above stay null
    -- (they are offsets into documents.text); these are offsets into the text of its metadata
    -- line (removed row kind 'metadata', idx = metadata_line).  All null for body attributions.
    -- Added in schema 2 (a schema-1 store gets them by ALTER TABLE when opened for writing).
    metadata_line INTEGER,
    line_source_start INTEGER, line_source_end INTEGER,
    line_cue_start INTEGER, line_cue_end INTEGER,
    line_content_start INTEGER, line_content_end INTEGER
);
CREATE INDEX IF NOT EXISTS attributions_doc ON attributions(doc);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker_key, quote_cluster, published_key);
CREATE INDEX IF NOT EXISTS attributions_cluster ON attributions(quote_cluster, published_key);
-- quotes of a speaker, first seen first, paged by (published_key, rowid) (schema 5)
CREATE INDEX IF NOT EXISTS attributions_speaker_time ON attributions(speaker_key, published_key);
CREATE INDEX IF NOT EXISTS attributions_time ON attributions(published_key);

CREATE TABLE IF NOT EXISTS figures (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    fid TEXT NOT NULL,
    value REAL, qualifier TEXT, unit TEXT, thing TEXT,
    "of" TEXT, "where" TEXT,                    -- entity ids as JSON
    kind TEXT,
    start INTEGER, "end" INTEGER, text TEXT,
    attributed_to TEXT,                         -- attribution id in the same record
    currency TEXT,                              -- money: ISO 4217 code (schema 6)
    PRIMARY KEY (doc, fid)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS dates (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER, "end" INTEGER, text TEXT,
    value TEXT, interval TEXT,                  -- interval as JSON
    granularity TEXT, relative INTEGER, anchor TEXT,
    time TEXT, tz TEXT,                         -- the clock time said with the day, its ambiguous zone (schema 6)
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- derived by finalize(): cross-document quote clusters and speakers
CREATE TABLE IF NOT EXISTS quote_clusters (
    cluster INTEGER PRIMARY KEY,
    text TEXT NOT NULL,                         -- the longest variant
    n_attributions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    n_speakers INTEGER NOT NULL,
    n_variants INTEGER NOT NULL,
    first_doc INTEGER,                          -- documents.doc of the first appearance
    first_published TEXT
);
CREATE INDEX IF NOT EXISTS quote_clusters_size ON quote_clusters(n_documents DESC);

CREATE TABLE IF NOT EXISTS quote_variants (
    cluster INTEGER NOT NULL,
    norm TEXT NOT NULL,                         -- normalised content
    text TEXT NOT NULL,                         -- one content as printed
    n INTEGER NOT NULL,
    PRIMARY KEY (cluster, norm)
) WITHOUT ROWID;

-- one row per (speaker, quote cluster): the speaker page's groups, precomputed
CREATE TABLE IF NOT EXISTS speaker_clusters (
    speaker_key TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    n_attributions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    first_published TEXT,
    PRIMARY KEY (speaker_key, cluster)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_clusters_size ON speaker_clusters(speaker_key, n_documents DESC);

CREATE TABLE IF NOT EXISTS speakers (
    speaker_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,                         -- most frequent spelling
    role TEXT,                                  -- most frequent role
    n_attributions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    n_clusters INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speakers_count ON speakers(n_attributions DESC);

-- every word of a speaker's name key ("antonio guterres" -> "antonio", "guterres"): the index
-- behind /api/quotes?speaker=Guterres (any word of the canonical name, case and accents ignored,
-- name_key).  Built by finalize with the speakers; added in schema 5 (the 4 -> 5 migration fills it).
CREATE TABLE IF NOT EXISTS speaker_words (
    word        TEXT NOT NULL,
    speaker_key TEXT NOT NULL,
    PRIMARY KEY (word, speaker_key)
) WITHOUT ROWID;

CREATE VIEW IF NOT EXISTS duplicate_clusters AS
    SELECT cluster, COUNT(*) AS n_documents, MIN(seq) AS first_seq
    FROM documents WHERE cluster IS NOT NULL GROUP BY cluster;

-- full text: external-content FTS5 tables kept in step by triggers
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    content, content='attributions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS attributions_ai AFTER INSERT ON attributions BEGIN
    INSERT INTO quotes_fts(rowid, content) VALUES (new.rowid, new.content);
END;
CREATE TRIGGER IF NOT EXISTS attributions_ad AFTER DELETE ON attributions BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
