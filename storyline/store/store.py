"""The embedded store: SQLite in WAL mode, full text by FTS5.

One `Store` wraps one connection. Writers call `add` with batches; every batch
is one transaction, so a killed run loses at most the batch in flight.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.records import Article, Story, StoryArticle
from storyline.store.schema import migrate
from storyline.store.search import (
    MARK_END, MARK_START, ExpandTerm, Lemmatize, index_text, lemma_text, match_expression,
)
from storyline.store.stories import build_story

PAGE_SIZE = 500  # rows per query when iterating over the whole store
SNIPPET_TOKENS = 16


class Store:
    def __init__(self, path: str | Path, lemmatize: Lemmatize | None = None,
                 expand_query: ExpandTerm | None = None):
        # check_same_thread=False: the web app opens a store in one worker thread and
        # uses it in another; a store is still used by one request at a time.
        self.connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self.lemmatize = lemmatize
        self.expand_query = expand_query
        # First, so that even switching to WAL waits for another process instead of failing.
        self.connection.execute("PRAGMA busy_timeout = 5000")  # the web app reads while ingest writes
        self.connection.execute("PRAGMA journal_mode = WAL")
        # Safe with WAL: a power loss may lose the last commits, never corrupts the file.
        self.connection.execute("PRAGMA synchronous = NORMAL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        migrate(self.connection)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writes ---

    def add(self, items: Iterable[tuple[Article, str | None]]) -> int:
        """Store a batch in one transaction; returns how many articles were new.

        An article without a story id starts a story of its own, named by its id.
        Error records go to `errors`, keyed by (source, code).
        """
        added, touched = 0, set()
        with self._transaction():
            for article, story_id in items:
                if article.error:
                    self._insert_error(article)
                    continue
                story_id = self.resolve_story(story_id or article.id)
                if self._insert_article(article, story_id):
                    added += 1
                    touched.add(story_id)
            for story_id in touched:
                self._refresh_story(story_id)
        return added

    def _insert_error(self, article: Article) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO errors (source, code, message) VALUES (?, ?, ?)",
            (article.source, article.error.code, article.error.message))

    def _insert_article(self, article: Article, story_id: str) -> bool:
        cursor = self.connection.execute(
            "INSERT OR IGNORE INTO articles (id, source, url, language, title, published, story_id, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.source, article.url, article.language, article.title,
             article.published, story_id, json.dumps(article.as_json(), ensure_ascii=False)))
        if cursor.rowcount == 0:  # the same content was stored before
            return False
        self._insert_text(cursor.lastrowid, article)
        self._insert_entities(article)
        self._insert_quotes(article)
        return True

    def _insert_text(self, seq: int, article: Article) -> None:
        body = "\n\n".join(filter(None, (article.subtitle, *article.body)))
        lemmas = lemma_text(f"{article.title or ''}\n\n{body}", article.language, self.lemmatize)
        self.connection.execute(
            "INSERT INTO article_text (rowid, title, body, lemmas) VALUES (?, ?, ?, ?)",
            (seq, index_text(article.title or ""), index_text(body), lemmas))

    def _insert_entities(self, article: Article) -> None:
        self.connection.executemany(
            "INSERT INTO entities (article_id, entity_id, name, type, name_en, name_ru, mentions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article.id, e.id, e.name, e.type, e.names.en, e.names.ru, len(e.mentions))
             for e in article.entities])
        self.connection.executemany(
            "INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)",
            [(e.id, article.id) for e in article.entities])

    def _insert_quotes(self, article: Article) -> None:
        self.connection.executemany(
            "INSERT INTO quotes (article_id, speaker, speaker_id, kind, text) VALUES (?, ?, ?, ?, ?)",
            [(article.id, q.speaker, q.speaker_id, q.kind, q.text) for q in article.quotes])

    def _refresh_story(self, story_id: str) -> None:
        """Recount a story's summary row from its articles (through the story index)."""
        self.connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        self.connection.execute(
            "INSERT INTO stories (id, articles, last_published, last_added)"
            " SELECT story_id, count(*), max(CASE WHEN published GLOB '[0-9]*' THEN published END),"
            " max(seq) FROM articles WHERE story_id = ? GROUP BY story_id", (story_id,))

    def merge_stories(self, keep: str, drop: str) -> None:
        """Move `drop`'s articles into `keep`; links to `drop` resolve to `keep` from now on."""
        keep, drop = self.resolve_story(keep), self.resolve_story(drop)
        if keep == drop:
            return
        with self._transaction():
            self.connection.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, drop))
            # Earlier redirects to `drop` now point at `keep`, so a lookup is always one hop.
            self.connection.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (keep, drop))
            self.connection.execute(
                "INSERT OR REPLACE INTO story_redirects (old_id, new_id) VALUES (?, ?)", (drop, keep))
            self._refresh_story(keep)
            self._refresh_story(drop)

    def _transaction(self):
        return _Transaction(self.connection)

    # --- reads ---

    def known(self, ids: Iterable[str]) -> set[str]:
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))", (_json_list(ids),))
        return {id for (id,) in rows}

    def article(self, id: str) -> Article | None:
        row = self.connection.execute("SELECT json FROM articles WHERE id = ?", (id,)).fetchone()
        return _article(row[0]) if row else None

    def articles(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles among `ids`, in the order asked."""
        ids = list(ids)
        rows = self.connection.execute(
            "SELECT id, json FROM articles WHERE id IN (SELECT value FROM json_each(?))", (_json_list(ids),))
        found = dict(rows.fetchall())
        return [_article(found[id]) for id in ids if id in found]

    def article_story(self, id: str) -> str | None:
        row = self.connection.execute("SELECT story_id FROM articles WHERE id = ?", (id,)).fetchone()
        return row[0] if row else None

    def candidates(self, keys: Iterable[str], limit: int = 50) -> list[tuple[Article, str]]:
        """Articles sharing any of `keys`, most shared keys first, then newest first."""
        rows = self.connection.execute(
            "SELECT a.json, a.story_id FROM"
            " (SELECT article_id, count(*) AS shared FROM article_keys"
            "  WHERE key IN (SELECT value FROM json_each(?)) GROUP BY article_id) AS k"
            " JOIN articles AS a ON a.id = k.article_id"
            " ORDER BY k.shared DESC, a.seq DESC LIMIT ?", (_json_list(keys), limit))
        return [(_article(data), story_id) for data, story_id in rows]

    def resolve_story(self, id: str) -> str:
        row = self.connection.execute("SELECT new_id FROM story_redirects WHERE old_id = ?", (id,)).fetchone()
        return row[0] if row else id

    def story(self, id: str) -> Story | None:
        """The story, following redirects left by merges; None when unknown."""
        id = self.resolve_story(id)
        return self._build_stories([id]).get(id)

    def stories(self, limit: int = 100, offset: int = 0) -> list[Story]:
        """Stories with the newest full publication date first; undated ones last."""
        ids = [id for (id,) in self.connection.execute(
            "SELECT id FROM stories ORDER BY last_published DESC, last_added DESC LIMIT ? OFFSET ?",
            (limit, offset))]
        built = self._build_stories(ids)
        return [built[id] for id in ids]

    def _build_stories(self, ids: list[str]) -> dict[str, Story]:
        rows = self.connection.execute(
            "SELECT story_id, id, source, language, title, published FROM articles"
            " WHERE story_id IN (SELECT value FROM json_each(?)) ORDER BY seq", (_json_list(ids),))
        members: dict[str, list[StoryArticle]] = {}
        for story_id, *fields in rows:
            members.setdefault(story_id, []).append(StoryArticle(*fields))
        return {id: build_story(id, articles) for id, articles in members.items()}

    def search(self, query: str, limit: int = 20) -> list[tuple[Article, str]]:
        """Best matches first, each with a body snippet whose matches sit between MARK_START and MARK_END."""
        expression = match_expression(query, self.lemmatize, self.expand_query)
        if expression is None:
            return []
        rows = self.connection.execute(
            "SELECT a.json, snippet(article_text, 1, ?, ?, '…', ?) FROM article_text"
            " JOIN articles AS a ON a.seq = article_text.rowid"
            " WHERE article_text MATCH ? ORDER BY rank LIMIT ?",
            (MARK_START, MARK_END, SNIPPET_TOKENS, expression, limit))
        return [(_article(data), snippet) for data, snippet in rows]

    def errors(self) -> list[tuple[str, str, str]]:
        """(source, code, message) of every item that could not be read."""
        return self.connection.execute(
            "SELECT source, code, message FROM errors ORDER BY source, code").fetchall()

    def iter_articles(self) -> Iterator[Article]:
        for article, _ in self.iter_with_stories():
            yield article

    def iter_with_stories(self) -> Iterator[tuple[Article, str]]:
        """Every article with its story id, in insertion order, a page at a time so that
        the caller may write to the store between items."""
        last = 0
        while True:
            rows = self.connection.execute(
                "SELECT seq, json, story_id FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, PAGE_SIZE)).fetchall()
            if not rows:
                return
            for last, data, story_id in rows:
                yield _article(data), story_id

    def counts(self) -> dict[str, int]:
        """Articles, stories, errors, distinct entities and quotes held."""
        queries = {
            "articles": "SELECT count(*) FROM articles",
            "stories": "SELECT count(*) FROM stories",
            "errors": "SELECT count(*) FROM errors",
            "entities": "SELECT count(DISTINCT entity_id) FROM entities",
            "quotes": "SELECT count(*) FROM quotes",
        }
        return {name: self.connection.execute(sql).fetchone()[0] for name, sql in queries.items()}


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on an exception; nested use joins the outer one."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.outer = False

    def __enter__(self):
        self.outer = not self.connection.in_transaction
        if self.outer:
            self.connection.execute("BEGIN IMMEDIATE")  # take the write lock now, not mid-batch
        return self.connection

    def __exit__(self, exc_type, *exc) -> None:
        if self.outer:
            self.connection.execute("ROLLBACK" if exc_type else "COMMIT")


def _article(data: str) -> Article:
    return Article.from_json(json.loads(data))


def _json_list(values: Iterable[str]) -> str:
    # One JSON parameter instead of one per value: no limit on how many, and the
    # IN (SELECT value FROM json_each(?)) form still uses the index.
    return json.dumps(list(values), ensure_ascii=False)
