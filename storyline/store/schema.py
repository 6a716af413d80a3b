"""The store's schema as an ordered list of migrations.

`PRAGMA user_version` holds how many migrations a database has had; opening a
store runs the missing ones, each in its own transaction. Never edit a shipped
migration: append a new one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: articles with their query columns, errors, entities, quotes, candidate keys, full text.
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,          -- insertion order; also the full-text rowid
        id TEXT NOT NULL UNIQUE,          -- the content hash
        source TEXT NOT NULL,
        url TEXT,
        language TEXT,
        title TEXT,
        published TEXT,
        story_id TEXT NOT NULL,
        json TEXT NOT NULL                -- the whole record; columns above are for queries only
    );
    CREATE INDEX articles_story ON articles (story_id, published);

    CREATE TABLE errors (
        source TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (source, code)
    );

    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        name_en TEXT,
        name_ru TEXT,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX entities_entity ON entities (entity_id);
    CREATE INDEX entities_article ON entities (article_id);

    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        speaker TEXT,
        speaker_id TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX quotes_speaker ON quotes (speaker_id);
    CREATE INDEX quotes_article ON quotes (article_id);

    -- Candidate search for story building: which articles share a key (an entity id).
    CREATE TABLE article_keys (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;

    -- remove_diacritics folds Latin accents (café = cafe); Russian ё is folded by the store itself.
    CREATE VIRTUAL TABLE article_text USING fts5 (
        title, body, lemmas, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    # 2: a summary row per story, so the story list is an index walk, and redirects for merged stories.
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        articles INTEGER NOT NULL,
        last_published TEXT,              -- latest full date; partial dates (--MM-DD) are left out
        last_added INTEGER NOT NULL       -- seq of the newest article
    );
    CREATE INDEX stories_activity ON stories (last_published DESC, last_added DESC);
    INSERT INTO stories
        SELECT story_id, count(*), max(CASE WHEN published GLOB '[0-9]*' THEN published END), max(seq)
        FROM articles GROUP BY story_id;

    CREATE TABLE story_redirects (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL
    );
    """,
    # 3: wire copies grouped under their original, and sentence vectors for story search.
    """
    CREATE TABLE wire_copies (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        original_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        similarity REAL NOT NULL          -- share of the shorter text aligned with the other, 0-1
    );
    CREATE INDEX wire_copies_original ON wire_copies (original_id);

    CREATE TABLE article_vectors (
        seq INTEGER PRIMARY KEY,          -- the article's seq: vectors load in insertion order
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        vector BLOB NOT NULL              -- title-and-lead vector of the sentence model (float16)
    );

    -- Candidate search reads only the newest articles of each key: a key as common as
    -- 'Russia' must not cost a scan of a third of the store.
    ALTER TABLE article_keys ADD COLUMN seq INTEGER;
    UPDATE article_keys SET seq = (SELECT seq FROM articles WHERE articles.id = article_keys.article_id);
    -- Partial (seq IS NOT NULL): used by the newest-first lookup, which asks for it, while
    -- plain key lookups keep the primary key.
    CREATE INDEX article_keys_recent ON article_keys (key, seq DESC) WHERE seq IS NOT NULL;
    """,
    # 4: the entity registry: every name an entity was seen under, and redirects for merged entities.
    """
    CREATE TABLE entity_names (
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,               -- rowid order is the order names were first seen
        UNIQUE (entity_id, name)
    );

    CREATE TABLE entity_redirects (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL
    );
    """,
    # 5: quotations' sentence vectors, which join one statement's reports across languages.
    """
    ALTER TABLE quotes ADD COLUMN vector BLOB;  -- float16, as article_vectors; NULL when not encoded
    """,
)


class NewerSchema(RuntimeError):
    """The database was written by a newer storyline than this one."""


def migrate(connection: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the database up to the last migration; returns the version it ended at.

    All missing migrations run in one write transaction: the database ends fully
    migrated or untouched. Two processes opening a new file at once are safe: the
    version is read again after the write lock is taken.
    """
    if schema_version(connection, migrations) == len(migrations):
        return len(migrations)  # the common case takes no write lock: readers never wait here
    connection.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(connection, migrations)
        for script in migrations[current:]:
            for statement in split_statements(script):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {len(migrations)}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return len(migrations)


def schema_version(connection: sqlite3.Connection, migrations: tuple[str, ...]) -> int:
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    if current > len(migrations):
        raise NewerSchema(f"database schema version {current} is newer than this storyline "
                          f"({len(migrations)}); upgrade storyline to open it")
    return current


def split_statements(script: str):
    """The statements of a script, one by one (`executescript` would commit on its own)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        # A ';' inside a string literal or trigger body is not the end of a statement.
        if sqlite3.complete_statement(statement):
            if statement.strip(" \t\n;"):
                yield statement
            statement = ""
    if statement.strip(" \t\n;"):
        yield statement  # incomplete: executing it reports the error
