"""The embedded store: SQLite in WAL mode, full text by FTS5.

One `Store` wraps one connection. Writers call `add` with batches; every batch
is one transaction, so a killed run loses at most the batch in flight.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.connect.meaning import vector_from_bytes
from storyline.records import Article, Dossier, Names, Quote, Story, StoryArticle, StoryEntity
from storyline.store.schema import migrate
from storyline.store.search import (
    MARK_END, MARK_START, ExpandTerm, Lemmatize, index_text, lemma_text, match_expression,
)
from storyline.store.stories import build_dossier, build_story

PAGE_SIZE = 500  # rows per query when iterating over the whole store
SNIPPET_TOKENS = 16


@dataclass(frozen=True)
class Links:
    """What the connect stage found for an article, for the store to index beside it."""

    keys: tuple[str, ...] = ()      # more candidate keys (near-duplicate bands) besides entity ids
    vector: bytes | None = None     # sentence-model vector, as connect encodes it
    copy_of: str | None = None      # the original this article is a wire copy of
    copy_similarity: float = 0.0
    lemmas: str | None = None       # `article_lemmas`, when computed elsewhere (ingest's workers)
    quote_vectors: tuple[bytes | None, ...] = ()  # the article's quotes' vectors, in order


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
        enable_wal(self.connection)
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

    def add(self, items: Iterable[tuple[Article, str | None] | tuple[Article, str | None, Links]]) -> int:
        """Store a batch in one transaction; returns how many articles were new.

        Items are (article, story id) or (article, story id, links). An article without
        a story id starts a story of its own, named by its id. Error records go to
        `errors`, keyed by (source, code).
        """
        added, touched = 0, set()
        with self.transaction():
            for article, story_id, *links in items:
                if article.error:
                    self._insert_error(article)
                    continue
                story_id = self.resolve_story(story_id or article.id)
                links = links[0] if links else Links()
                seq = self._insert_article(article, story_id, links)
                if seq:
                    self._insert_links(article.id, seq, links)
                    added += 1
                    touched.add(story_id)
            for story_id in touched:
                self._refresh_story(story_id)
        return added

    def _insert_error(self, article: Article) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO errors (source, code, message) VALUES (?, ?, ?)",
            (article.source, article.error.code, article.error.message))

    def _insert_article(self, article: Article, story_id: str, links: Links) -> int | None:
        """The new article's seq, or None when the same content was stored before."""
        cursor = self.connection.execute(
            "INSERT OR IGNORE INTO articles (id, source, url, language, title, published, story_id, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.source, article.url, article.language, article.title,
             article.published, story_id, json.dumps(article.as_json(), ensure_ascii=False)))
        if cursor.rowcount == 0:  # the same content was stored before
            return None
        self._insert_text(cursor.lastrowid, article, links.lemmas)
        self._insert_entities(article, cursor.lastrowid)
        self._insert_quotes(article, links.quote_vectors)
        return cursor.lastrowid

    def _insert_text(self, seq: int, article: Article, lemmas: str | None = None) -> None:
        body = indexed_body(article)
        if lemmas is None:
            lemmas = article_lemmas(article, self.lemmatize)
        self.connection.execute(
            "INSERT INTO article_text (rowid, title, body, lemmas) VALUES (?, ?, ?, ?)",
            (seq, index_text(article.title or ""), index_text(body), lemmas))

    def _insert_entities(self, article: Article, seq: int) -> None:
        self.connection.executemany(
            "INSERT INTO entities (article_id, entity_id, name, type, name_en, name_ru, mentions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article.id, e.id, e.name, e.type, e.names.en, e.names.ru, len(e.mentions))
             for e in article.entities])
        self._insert_keys(article.id, seq, [e.id for e in article.entities])

    def _insert_keys(self, article_id: str, seq: int, keys: Iterable[str]) -> None:
        self.connection.executemany(
            "INSERT OR IGNORE INTO article_keys (key, article_id, seq) VALUES (?, ?, ?)",
            [(key, article_id, seq) for key in keys])

    def _insert_links(self, article_id: str, seq: int, links: Links) -> None:
        self._insert_keys(article_id, seq, links.keys)
        if links.vector is not None:
            self.connection.execute("INSERT INTO article_vectors (seq, article_id, vector) VALUES (?, ?, ?)",
                                    (seq, article_id, links.vector))
        if links.copy_of:
            self.connection.execute(
                "INSERT OR REPLACE INTO wire_copies (article_id, original_id, similarity) VALUES (?, ?, ?)",
                (article_id, links.copy_of, links.copy_similarity))

    def make_original(self, article_id: str, similarity: float) -> None:
        """`article_id`, a copy found to be earlier than its original (or on the agency's own
        site), becomes the original of its whole group; the old original becomes a copy."""
        row = self.connection.execute(
            "SELECT original_id FROM wire_copies WHERE article_id = ?", (article_id,)).fetchone()
        if not row:
            return
        with self.transaction():
            old = row[0]
            self.connection.execute("DELETE FROM wire_copies WHERE article_id = ?", (article_id,))
            self.connection.execute("UPDATE wire_copies SET original_id = ? WHERE original_id = ?",
                                    (article_id, old))
            self.connection.execute(
                "INSERT OR REPLACE INTO wire_copies (article_id, original_id, similarity) VALUES (?, ?, ?)",
                (old, article_id, similarity))

    def _insert_quotes(self, article: Article, vectors: tuple[bytes | None, ...]) -> None:
        if len(vectors) != len(article.quotes):  # none given: every quotation is kept, without one
            vectors = (None,) * len(article.quotes)
        self.connection.executemany(
            "INSERT INTO quotes (article_id, speaker, speaker_id, kind, text, vector) VALUES (?, ?, ?, ?, ?, ?)",
            [(article.id, q.speaker, q.speaker_id, q.kind, q.text, vector)
             for q, vector in zip(article.quotes, vectors)])

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
        with self.transaction():
            self.connection.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, drop))
            # Earlier redirects to `drop` now point at `keep`, so a lookup is always one hop.
            self.connection.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (keep, drop))
            self.connection.execute(
                "INSERT OR REPLACE INTO story_redirects (old_id, new_id) VALUES (?, ?)", (drop, keep))
            self._refresh_story(keep)
            self._refresh_story(drop)

    def add_entity_names(self, names: Iterable[tuple[str, str, str]]) -> None:
        """Remember (entity id, type, name) triples of the registry."""
        self.connection.executemany(
            "INSERT OR IGNORE INTO entity_names (entity_id, type, name) VALUES (?, ?, ?)", names)

    def merge_entities(self, keep: str, drop: str) -> None:
        """`drop` was found to be `keep`: its names move over, and its articles are found
        under `keep` too; ids stored in articles resolve through `entity_redirects`."""
        with self.transaction():
            self.connection.execute(
                "INSERT OR IGNORE INTO entity_names (entity_id, type, name)"
                " SELECT ?, type, name FROM entity_names WHERE entity_id = ?",
                (keep, drop))
            self.connection.execute("DELETE FROM entity_names WHERE entity_id = ?", (drop,))
            self.connection.execute(
                "INSERT OR IGNORE INTO article_keys SELECT ?, article_id, seq FROM article_keys WHERE key = ?",
                (keep, drop))
            self.connection.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (keep, drop))
            self.connection.execute(
                "INSERT OR REPLACE INTO entity_redirects (old_id, new_id) VALUES (?, ?)", (drop, keep))

    def transaction(self):
        """One write transaction; batches of several calls nest inside it."""
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

    def candidates(self, keys: Iterable[str], limit: int = 50, per_key: int = 500) -> list[tuple[Article, str]]:
        """Articles sharing any of `keys`, most shared keys first, then newest first.
        Only the newest `per_key` articles of each key are looked at, so a common key
        costs no more than a rare one."""
        return [(Article.from_json(data), story) for data, story in self.candidate_records(keys, limit, per_key)]

    def candidate_records(self, keys: Iterable[str], limit: int = 50, per_key: int = 500
                          ) -> list[tuple[dict, str]]:
        """Like `candidates`, as JSON-ready dicts: callers that need a few fields skip building records."""
        return self.records(self.candidate_ids(keys, limit, per_key))

    def candidate_ids(self, keys: Iterable[str], limit: int = 50, per_key: int = 500) -> list[str]:
        """The ids of `candidates`, in their order."""
        shared: dict[str, list[int]] = {}
        for key in set(keys):
            for article_id, seq in self.connection.execute(
                    "SELECT article_id, seq FROM article_keys WHERE key = ? AND seq IS NOT NULL"
                    " ORDER BY seq DESC LIMIT ?",
                    (key, per_key)):
                shared.setdefault(article_id, [0, seq or 0])[0] += 1
        return sorted(shared, key=lambda id: (-shared[id][0], -shared[id][1]))[:limit]

    def stories_of(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> the id of its story now (redirects followed), for the stored ones."""
        return dict(self.connection.execute(
            "SELECT a.id, coalesce(r.new_id, a.story_id) FROM articles AS a"
            " LEFT JOIN story_redirects AS r ON r.old_id = a.story_id"
            " WHERE a.id IN (SELECT value FROM json_each(?))", (_json_list(ids),)))

    def records(self, ids: Iterable[str]) -> list[tuple[dict, str]]:
        """(article as a JSON-ready dict, story id) of the stored articles among `ids`, in that order."""
        ids = list(ids)
        rows = self.connection.execute(
            "SELECT id, json, story_id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (_json_list(ids),))
        found = {id: (json.loads(data), story) for id, data, story in rows}
        return [found[id] for id in ids if id in found]

    def copies(self, original_id: str) -> list[tuple[str, float]]:
        """(copy id, similarity) of every stored wire copy of `original_id`, in insertion order."""
        return self.connection.execute(
            "SELECT w.article_id, w.similarity FROM wire_copies AS w JOIN articles AS a ON a.id = w.article_id"
            " WHERE w.original_id = ? ORDER BY a.seq", (original_id,)).fetchall()

    def original(self, article_id: str) -> tuple[str, float] | None:
        """(original id, similarity) when the article is a wire copy, else None."""
        row = self.connection.execute(
            "SELECT original_id, similarity FROM wire_copies WHERE article_id = ?", (article_id,)).fetchone()
        return tuple(row) if row else None

    def vectors(self, ids: Iterable[str]) -> dict[str, bytes]:
        """Stored sentence vectors of the articles among `ids`."""
        return dict(self.connection.execute(
            "SELECT article_id, vector FROM article_vectors WHERE article_id IN (SELECT value FROM json_each(?))",
            (_json_list(ids),)))

    def recent_vectors(self, limit: int) -> list[tuple[str, str, bytes]]:
        """(article id, story id, vector) of the `limit` newest articles with a vector, oldest first."""
        rows = self.connection.execute(
            "SELECT v.article_id, a.story_id, v.vector FROM"
            " (SELECT * FROM article_vectors ORDER BY seq DESC LIMIT ?) AS v"
            " JOIN articles AS a ON a.id = v.article_id ORDER BY v.seq", (limit,)).fetchall()
        return [(id, self.resolve_story(story), vector) for id, story, vector in rows]

    def entity_names(self) -> Iterator[tuple[str, str, str]]:
        """Every (entity id, type, name) of the registry, oldest entity first."""
        return iter(self.connection.execute("SELECT entity_id, type, name FROM entity_names ORDER BY rowid"))

    def entity_redirects(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT old_id, new_id FROM entity_redirects"))

    def resolve_entity(self, id: str) -> str:
        row = self.connection.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (id,)).fetchone()
        return row[0] if row else id

    def dossier(self, id: str) -> Dossier | None:
        """The entity (following merges), the articles naming it and its statements; None when unknown."""
        id = self.resolve_entity(id)
        ids = _json_list([id, *(old for (old,) in self.connection.execute(
            "SELECT old_id FROM entity_redirects WHERE new_id = ?", (id,)))])
        rows = self.connection.execute(
            "SELECT a.id, a.source, a.language, a.title, a.published, w.original_id,"
            " e.name, e.type, e.name_en, e.name_ru FROM entities AS e JOIN articles AS a ON a.id = e.article_id"
            " LEFT JOIN wire_copies AS w ON w.article_id = a.id"
            " WHERE e.entity_id IN (SELECT value FROM json_each(?)) ORDER BY a.seq", (ids,)).fetchall()
        if not rows:
            return None
        type = Counter(row[7] for row in rows).most_common(1)[0][0]
        names = Counter(row[6] for row in rows)  # the names articles use, most used first
        names.update(other for row in rows for other in row[8:] if other)  # their English and Russian
        names.update(name for (name,) in self.connection.execute(
            "SELECT name FROM entity_names WHERE entity_id = ?", (id,)))
        articles = {row[0]: StoryArticle(*row[:6]) for row in rows}
        quotes, vectors = read_quotes(self.connection.execute(
            "SELECT q.article_id, q.speaker, ?, q.kind, q.text, q.vector FROM quotes AS q"
            " JOIN articles AS a ON a.id = q.article_id"
            " WHERE q.speaker_id IN (SELECT value FROM json_each(?)) ORDER BY a.seq, q.rowid", (id, ids)))
        return build_dossier(id, type, [name for name, _ in names.most_common()], articles.values(), quotes, vectors)

    def story_started(self, id: str) -> int | None:
        """When a story began, as the seq of its first article: the older story keeps its id in a merge."""
        row = self.connection.execute("SELECT min(seq) FROM articles WHERE story_id = ?",
                                      (self.resolve_story(id),)).fetchone()
        return row[0]

    def resolve_story(self, id: str) -> str:
        row = self.connection.execute("SELECT new_id FROM story_redirects WHERE old_id = ?", (id,)).fetchone()
        return row[0] if row else id

    def story(self, id: str) -> Story | None:
        """The story, following redirects left by merges; None when unknown."""
        id = self.resolve_story(id)
        return self._build_stories([id]).get(id)

    def stories(self, limit: int = 100, offset: int = 0, statements: bool = True) -> list[Story]:
        """Stories with the newest full publication date first; undated ones last. Without
        `statements` they come without what was said: grouping the quotations into statements
        is most of the time a list of stories takes."""
        ids = [id for (id,) in self.connection.execute(
            "SELECT id FROM stories ORDER BY last_published DESC, last_added DESC LIMIT ? OFFSET ?",
            (limit, offset))]
        built = self._build_stories(ids, statements)
        return [built[id] for id in ids]

    def _build_stories(self, ids: list[str], statements: bool = True) -> dict[str, Story]:
        rows = self.connection.execute(
            "SELECT a.story_id, a.id, a.source, a.language, a.title, a.published, w.original_id"
            " FROM articles AS a LEFT JOIN wire_copies AS w ON w.article_id = a.id"
            " WHERE a.story_id IN (SELECT value FROM json_each(?)) ORDER BY a.seq", (_json_list(ids),))
        members: dict[str, list[StoryArticle]] = {}
        for story_id, *fields in rows:
            members.setdefault(story_id, []).append(StoryArticle(*fields))
        entities, quotes = self._story_entities(ids), self._story_quotes(ids) if statements else {}
        return {id: build_story(id, articles, entities.get(id, ()), *quotes.get(id, ((), None)))
                for id, articles in members.items()}

    def _story_entities(self, ids: list[str]) -> dict[str, list[StoryEntity]]:
        """Per story, its entities (merged ones under the id they merged into) and how many
        of its articles name each."""
        rows = self.connection.execute(
            "SELECT a.story_id, coalesce(r.new_id, e.entity_id) AS entity, min(e.name), min(e.type),"
            " min(e.name_en), min(e.name_ru), count(DISTINCT e.article_id)"
            " FROM entities AS e JOIN articles AS a ON a.id = e.article_id"
            " LEFT JOIN entity_redirects AS r ON r.old_id = e.entity_id"
            " WHERE a.story_id IN (SELECT value FROM json_each(?)) GROUP BY a.story_id, entity",
            (_json_list(ids),))
        entities: dict[str, list[StoryEntity]] = {}
        for story_id, id, name, type, en, ru, count in rows:
            entities.setdefault(story_id, []).append(StoryEntity(id, name, type, Names(en, ru), count))
        return entities

    def _story_quotes(self, ids: list[str]) -> dict[str, tuple[list[tuple[str, Quote]], dict]]:
        """Per story, (article id, quote) in the order the articles were stored and quoted,
        and the quotes' vectors by article."""
        rows = self.connection.execute(
            "SELECT a.story_id, q.article_id, q.speaker, coalesce(r.new_id, q.speaker_id), q.kind, q.text, q.vector"
            " FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
            " LEFT JOIN entity_redirects AS r ON r.old_id = q.speaker_id"
            " WHERE a.story_id IN (SELECT value FROM json_each(?)) ORDER BY a.seq, q.rowid",
            (_json_list(ids),))
        by_story: dict[str, list] = {}
        for story_id, *row in rows:
            by_story.setdefault(story_id, []).append(row)
        return {story_id: read_quotes(rows) for story_id, rows in by_story.items()}

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


def enable_wal(connection: sqlite3.Connection, attempts: int = 100) -> None:
    """Switch a file to WAL. The switch needs the file to itself and SQLite answers 'locked'
    at once, without waiting on busy_timeout, while another opener holds it: so retry."""
    for attempt in range(attempts):
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


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


def indexed_body(article: Article) -> str:
    return "\n\n".join(filter(None, (article.subtitle, *article.body)))


def read_quotes(rows: Iterable[tuple]) -> tuple[list[tuple[str, Quote]], dict[str, list]]:
    """(article id, quote) pairs and the quotes' vectors by article (None where not encoded),
    from (article id, speaker, speaker id, kind, text, vector bytes) rows."""
    quotes, vectors = [], {}
    for article_id, speaker, speaker_id, kind, text, vector in rows:
        quotes.append((article_id, Quote(speaker, speaker_id, kind, text, None, 0, 0, 0)))
        vectors.setdefault(article_id, []).append(vector_from_bytes(vector) if vector else None)
    return quotes, vectors


def article_lemmas(article: Article, lemmatize: Lemmatize | None) -> str:
    """The article's `lemmas` column of the full-text index. A pure function of the
    article, so that ingest computes it in its worker processes."""
    return lemma_text(f"{article.title or ''}\n\n{indexed_body(article)}", article.language, lemmatize)


def _article(data: str) -> Article:
    return Article.from_json(json.loads(data))


def _json_list(values: Iterable[str]) -> str:
    # One JSON parameter instead of one per value: no limit on how many, and the
    # IN (SELECT value FROM json_each(?)) form still uses the index.
    return json.dumps(list(values), ensure_ascii=False)
