import GRDB

/// The SQLite schema, as versioned migrations. A migration, once released, is never edited: a
/// change is a new migration.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, sources, events, search, indicators, warnings") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO meta(key, value) VALUES ('search_index', 'current');

                CREATE TABLE sources (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    reliability TEXT NOT NULL,
                    language TEXT
                );

                -- seq is the rowid (and the full-text index's content rowid); id is the SHA-256 of
                -- the normalised text and id_key its first 60 bits, which is what is indexed (an index
                -- of 64-character random strings costs eight times the pages). cluster is the seq of
                -- the first document of the story; bands are that first document's near-duplicate
                -- band keys (see NearDuplicateIndex); hangul says whether the text has any Hangul.
                CREATE TABLE documents (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    id_key INTEGER NOT NULL,
                    external_id TEXT,
                    url TEXT,
                    title TEXT,
                    source_id INTEGER NOT NULL REFERENCES sources(id),
                    published TEXT,
                    day TEXT NOT NULL,
                    retrieved TEXT NOT NULL,
                    language TEXT NOT NULL,
                    text TEXT NOT NULL,
                    cluster INTEGER NOT NULL,
                    origin TEXT,
                    bands BLOB,
                    hangul INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX documents_by_id ON documents(id_key);
                -- Only copies are indexed by cluster: a story's first document is found by its seq.
                CREATE INDEX documents_by_cluster ON documents(cluster) WHERE cluster != seq;

                CREATE VIRTUAL TABLE documents_fts USING fts5(
                    title, text, content='documents', content_rowid='seq',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE documents_trigram USING fts5(
                    title, text, content='documents', content_rowid='seq', tokenize='trigram');

                -- Documents per outlet per day: the coverage log.
                CREATE TABLE coverage_daily (
                    source_id INTEGER NOT NULL, day TEXT NOT NULL, documents INTEGER NOT NULL,
                    PRIMARY KEY (source_id, day)) WITHOUT ROWID;
                CREATE TRIGGER documents_coverage_insert AFTER INSERT ON documents BEGIN
                    INSERT INTO coverage_daily(source_id, day, documents) VALUES (NEW.source_id, NEW.day, 1)
                        ON CONFLICT(source_id, day) DO UPDATE SET documents = documents + 1;
                END;
                CREATE TRIGGER documents_coverage_delete AFTER DELETE ON documents BEGIN
                    UPDATE coverage_daily SET documents = documents - 1 WHERE source_id = OLD.source_id AND day = OLD.day;
                    DELETE FROM coverage_daily WHERE source_id = OLD.source_id AND day = OLD.day AND documents <= 0;
                END;

                -- origin: 'machine' (the coder) or 'review' (an analyst's decision). counted: whether the
                -- event feeds indicators. day and cluster are copied from the document, weight is the
                -- source's reliability weight times the confidence, so that indicator triggers need no joins.
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    document_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                    type TEXT NOT NULL,
                    province TEXT,
                    date TEXT,
                    date_precision TEXT,
                    sincerity TEXT,
                    attributes TEXT NOT NULL DEFAULT '{}',
                    confidence REAL NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    evidence_text TEXT NOT NULL,
                    cues TEXT NOT NULL DEFAULT '[]',
                    rule TEXT,
                    status TEXT NOT NULL DEFAULT 'machine',
                    reviewer TEXT,
                    origin TEXT NOT NULL DEFAULT 'machine',
                    counted INTEGER NOT NULL DEFAULT 1,
                    day TEXT NOT NULL,
                    cluster INTEGER NOT NULL,
                    weight REAL NOT NULL
                );
                CREATE INDEX events_by_document ON events(document_seq);
                CREATE INDEX events_by_type_day ON events(type, day);
                CREATE INDEX events_by_province_day ON events(province, day);
                CREATE INDEX events_by_day ON events(day);
                CREATE INDEX events_by_status_confidence ON events(status, confidence);

                CREATE INDEX events_by_story ON events(type, cluster);

                CREATE TABLE indicator_stories (
                    type TEXT NOT NULL, scope TEXT NOT NULL, cluster INTEGER NOT NULL,
                    first_day TEXT NOT NULL, weight REAL NOT NULL, events INTEGER NOT NULL,
                    PRIMARY KEY (type, scope, cluster)) WITHOUT ROWID;
                CREATE TABLE indicator_daily (
                    type TEXT NOT NULL, scope TEXT NOT NULL, day TEXT NOT NULL,
                    clusters INTEGER NOT NULL, weighted REAL NOT NULL, events INTEGER NOT NULL,
                    PRIMARY KEY (type, scope, day)) WITHOUT ROWID;

                CREATE TABLE warnings (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    province TEXT,
                    types TEXT NOT NULL,
                    onset TEXT NOT NULL,
                    detected_on TEXT NOT NULL,
                    score REAL NOT NULL,
                    explanation TEXT NOT NULL,
                    events TEXT NOT NULL,
                    figures TEXT NOT NULL DEFAULT '{}'
                );
                """)
            try db.execute(sql: SearchIndexTriggers.create)
            try db.execute(sql: IndicatorTriggers.create)
        }
        migrator.registerMigration("v2: reviews") { db in
            try db.execute(sql: """
                -- An analyst's decision on a machine event. The review's own event is a row of events
                -- (origin 'review', counted unless rejected); the machine event it supersedes stops
                -- counting. The machine event is named by what survives a recode (document, sentence,
                -- type, province), not only by its id, which a recode replaces: ReviewOverlay links
                -- the recoded event again. The machine_* columns keep what the coder said, for scoring.
                CREATE TABLE reviews (
                    id INTEGER PRIMARY KEY,
                    event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
                    document_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    machine_type TEXT NOT NULL,
                    machine_province TEXT,
                    machine_event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
                    machine_date TEXT,
                    machine_date_precision TEXT,
                    machine_sincerity TEXT,
                    machine_confidence REAL NOT NULL,
                    reviewer TEXT NOT NULL,
                    note TEXT,
                    reviewed_at TEXT NOT NULL
                );
                CREATE INDEX reviews_by_machine_key
                    ON reviews(document_seq, sentence_start, sentence_end, machine_type, machine_province);
                CREATE INDEX reviews_by_machine_event ON reviews(machine_event_id);
                """)
        }
        migrator.registerMigration("v3: documents by publication day") { db in
            // The analysis date is the last publication day: without this index, finding it reads
            // every document (text included), which takes seconds on a large store.
            try db.execute(sql: "CREATE INDEX documents_by_published ON documents(published)")
        }
        migrator.registerMigration("v4: reports (outlet, day and text) and stories bounded in time") { db in
            try StoryMigration.migrate(db)
        }
        migrator.registerMigration("v5: Chinese and Japanese in the trigram index") { db in
            // `documents.hangul` now marks any script written without spaces (Hangul, Han, kana):
            // such documents join the trigram index, so that a word is found inside a run of
            // characters. Documents stored before are flagged and indexed here.
            let rows = try Row.fetchAll(db, sql: "SELECT seq, text FROM documents WHERE NOT hangul")
            let seqs = rows.filter { BatchWriter.needsTrigramIndex($0["text"]) }.map { $0["seq"] as Int64 }
            for seq in seqs {
                try db.execute(sql: "UPDATE documents SET hangul = 1 WHERE seq = ?", arguments: [seq])
                try db.execute(
                    sql: "INSERT INTO documents_trigram(rowid, title, text) SELECT seq, title, text FROM documents WHERE seq = ?",
                    arguments: [seq])
            }
        }
        migrator.registerMigration("v6: events by type and story") { db in
            // The indicator triggers find a story's remaining events (type, cluster) on every
            // delete; with only (type, day) each lookup read every event of the type, and a recode
            // of 31,643 documents took 555 s against 27 s for 7,999 (found by the soak).
            try db.execute(sql: "CREATE INDEX events_by_type_cluster ON events(type, cluster, day)")
        }
        return migrator
    }
}

/// Keeps both full-text indexes in step with `documents` (dropped during deferred bulk loads).
/// The trigram index, which finds Korean words inside eojeol, holds only documents with Hangul:
/// indexing every three-character window of English text would cost more than the word index
/// and serve no query.
enum SearchIndexTriggers {
    static let create = """
        CREATE TRIGGER IF NOT EXISTS documents_search_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_trigram_insert AFTER INSERT ON documents WHEN NEW.hangul BEGIN
            INSERT INTO documents_trigram(rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_search_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', OLD.seq, OLD.title, OLD.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_trigram_delete AFTER DELETE ON documents WHEN OLD.hangul BEGIN
            INSERT INTO documents_trigram(documents_trigram, rowid, title, text) VALUES ('delete', OLD.seq, OLD.title, OLD.text);
        END;
        """

    static let drop = """
        DROP TRIGGER IF EXISTS documents_search_insert;
        DROP TRIGGER IF EXISTS documents_trigram_insert;
        DROP TRIGGER IF EXISTS documents_search_delete;
        DROP TRIGGER IF EXISTS documents_trigram_delete;
        """

    /// Rebuilds both indexes from `documents`.
    static let rebuild = """
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        INSERT INTO documents_trigram(documents_trigram) VALUES ('delete-all');
        INSERT INTO documents_trigram(rowid, title, text) SELECT seq, title, text FROM documents WHERE hangul;
        """
}

/// The indexed part of a document id: its first 15 hexadecimal digits (60 bits, so the value is
/// never negative and orders like the id itself).
enum DocumentKey {
    static func key(_ id: String) -> Int64 {
        Int64(id.prefix(15), radix: 16) ?? 0
    }

    /// The keys of all ids starting with `prefix` (hexadecimal, lower case).
    static func range(prefix: String) -> ClosedRange<Int64>? {
        let head = prefix.prefix(15)
        guard let low = Int64(head.padding(toLength: 15, withPad: "0", startingAt: 0), radix: 16),
            let high = Int64(head.padding(toLength: 15, withPad: "f", startingAt: 0), radix: 16)
        else { return nil }
        return low...high
    }
}
