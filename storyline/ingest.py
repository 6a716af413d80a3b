"""The main job: sources → extract → understand → connect → store, in batches.

Each batch is one store transaction, and pages already stored are skipped before any
work is done, so a run killed at any point and started again loses nothing and
stores nothing twice.

What connecting needs of one article alone (its sentence vector, wire-copy keys and
search lemmas: about 40 ms of CPU a page of the raw news pool, nearly all the sentence
model's) is computed by the worker processes after extraction and annotation; the main
process, which must see articles one at a time, keeps only the work on shared state
(entity registry, copies, stories, store), about 15 ms a page.

Connecting is online and single pass: each article, in arrival order, has its entities
linked to the store's entity registry (one id for one person across articles and
scripts), is checked for being a wire copy of a stored article (copy keys), else compared with story
candidates found by shared entities and by nearest sentence vectors; it joins the best
story above the threshold or opens one, and bridges stories it is close to both of.
"""

from __future__ import annotations

import dataclasses
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from storyline.connect import (
    Profile, VectorIndex, choose_story, copy_keys, earlier_original, is_copy, lead_text,
    load_encoder, profile, story_keys, vector_bytes, vector_from_bytes,
)
from storyline.connect.identities import link_entities
from storyline.connect.meaning import LEAD_CHARS, Encoder, cut
from storyline.connect.similarity import LEAD_PARAGRAPHS
from storyline.extract.dateline import agencies
from storyline.pipeline import Stage, Tally, Workers, chop, progress_bar
from storyline.records import Article, Entity, Names, Page
from storyline.settings import Settings
from storyline.store import Links
from storyline.store.search import Lemmatize
from storyline.store.store import article_lemmas
from storyline.understand.names import load_name_book
from storyline.understand.registry import Registry
from storyline.understand.statements import SHORT_WORDS, normalised_words

ENTITY_CANDIDATES = 50   # stored articles sharing the most entity keys
NEIGHBOURS = 20          # nearest stored vectors
# A neighbour below this cosine cannot reach the joining threshold whatever else it
# shares (see the weights in connect/similarity.py); it is not worth loading.
MIN_NEIGHBOUR_COSINE = 0.4
COPY_CANDIDATES = 10
# Articles whose comparison profiles stay in memory: candidates recur (a story's articles
# are each other's candidates), and building a profile from the store costs about a
# millisecond. About 2 KB each (the sentence vector).
PROFILES_KEPT = 20_000


def agency_names() -> frozenset[str]:
    return frozenset(name.lower() for agency in agencies() for name in agency.aliases)


def agency_hosts() -> frozenset[str]:
    """Agency names as they appear in their sites' host names (reuters, tass, interfax)."""
    return frozenset(alias.lower().replace(" ", "") for agency in agencies() for alias in agency.aliases
                     if alias.isascii() and len(alias) >= 3)


class Recent(OrderedDict):
    """A dict that keeps only its `size` most recently set items."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


@dataclass
class Connector:
    """What the connect step holds across batches: the sentence model, the vector index
    and the entity registry."""

    encode: Encoder | None = None  # loaded on the first article: a run that reads nothing loads nothing
    agencies: frozenset[str] = field(default_factory=agency_names)
    hosts: frozenset[str] = field(default_factory=agency_hosts)
    index: VectorIndex | None = None  # filled from the store on first use
    registry: Registry | None = None  # likewise
    profiles: Recent = field(default_factory=lambda: Recent(PROFILES_KEPT))  # of articles seen lately
    stored_merges: dict[str, str] = field(default_factory=dict)  # registry merges the store has

    def encoder(self) -> Encoder:
        self.encode = self.encode or load_encoder()
        return self.encode


@dataclass(frozen=True)
class Prepared:
    """An article with what connecting needs of it alone; nothing more for error records."""

    article: Article
    vector: np.ndarray | None = None
    copy_keys: tuple[str, ...] = ()
    lemmas: str | None = None  # the store's search lemmas (`article_lemmas`)
    quote_vectors: tuple[bytes | None, ...] = ()  # of `article.quotes`, as the store keeps them


def prepare(article: Article, encode: Encoder, lemmatize: Lemmatize | None) -> Prepared:
    quoted = matchable_quotes(article)
    # One call for the lead and the quotations: each call of the model costs ~2 ms by itself.
    vectors = encode([lead_text(article), *(cut(article.quotes[k].text, LEAD_CHARS) for k in quoted)])
    by_quote = dict(zip(quoted, vectors[1:]))
    return Prepared(article, vectors[0], tuple(copy_keys(article)), article_lemmas(article, lemmatize),
                    tuple(vector_bytes(by_quote[k]) if k in by_quote else None for k in range(len(article.quotes))))


def matchable_quotes(article: Article) -> list[int]:
    """The quotations long enough to be matched across languages (understand/statements.py):
    they get a vector."""
    return [k for k, quote in enumerate(article.quotes) if len(normalised_words(quote.text)) >= SHORT_WORDS]


def preparing_stage(connector: Connector, lemmatize: Lemmatize | None) -> Callable[[Article], Prepared]:
    """`prepare` as the last stage of the workers; they share the model the main process
    loaded before forking them (`Connector.encoder`)."""
    def prepare_for_connecting(article: Article) -> Prepared:
        return prepare(article, connector.encoder(), lemmatize)
    return prepare_for_connecting


def build_connector(encode: Encoder | None = None) -> Connector:
    return Connector(encode)


def ingest(records: Iterable[Page | Article], store, stages: list[Stage], settings: Settings,
           progress: bool = False, on_error=None, connector: Connector | None = None) -> Tally:
    """Runs the pipeline over `records` into `store`; `on_error` sees every error record."""
    tally = Tally()
    connector = connector or build_connector()
    stages = [*stages, preparing_stage(connector, store.lemmatize)]
    with progress_bar(progress) as bar:
        task = bar.add_task("ingesting", total=None)
        for read, items in processed_batches(records, store, stages, settings, connector.encoder):
            articles = connect_and_store(items, store, settings, connector)
            for article in articles:
                tally.add(article)
                if article.error and on_error:
                    on_error(article)
            tally.counts["known"] += read - len(articles)
            bar.advance(task, read)
    return tally


def processed_batches(records: Iterable[Page | Article], store, stages: list[Stage], settings: Settings,
                      setup=None):
    """(records read, what the stages made of the new ones) per batch. Pages already
    stored are skipped before any work. Worker processes extract and annotate the next
    batch while this one is connected and stored; `setup` loads what they share."""
    with Workers(stages, settings.workers, settings.page_timeout_s, setup) as workers:
        pending = None
        for batch in chop(records, settings.batch_size):
            known = store.known(record.id for record in batch if isinstance(record, Page))
            fresh = list({record.id: record for record in batch if record.id not in known}.values())
            job = (len(batch), workers.submit(fresh))
            if pending:
                yield pending[0], pending[1]()
            pending = job
        if pending:
            yield pending[0], pending[1]()


def connect_and_store(items: list[Prepared | Article], store, settings: Settings,
                      connector: Connector) -> list[Article]:
    """Place a batch in stories and store it; copies found earlier than their stored
    original take its place as the group's original. Returns the batch's articles.
    Articles not prepared by the workers (error records, callers without workers) are
    prepared here."""
    items = [as_prepared(item, store, connector) for item in items]
    registry = entity_registry(store, connector)
    items = [dataclasses.replace(item, article=link_entities(item.article, registry.identify)) for item in items]
    placed, promoted = place_in_stories(items, store, settings, connector)
    articles = [item.article for item in items]
    with store.transaction():  # all or nothing: a kill here leaves no half-linked batch
        store.add(placed)
        for article_id, similarity in promoted:
            store.make_original(article_id, similarity)
        save_registry(articles, store, connector)
    return articles


def as_prepared(item: Prepared | Article, store, connector: Connector) -> Prepared:
    if isinstance(item, Prepared):
        return item
    if item.error:
        return Prepared(item)
    return prepare(item, connector.encoder(), store.lemmatize)


def entity_registry(store, connector: Connector) -> Registry:
    """The registry as the store holds it, loaded once per run."""
    if connector.registry is None:
        registry = Registry(load_name_book())
        for entity_id, type, name in store.entity_names():
            registry.add(entity_id, type, name)
        connector.stored_merges = store.entity_redirects()
        registry.merged.update(connector.stored_merges)
        connector.registry = registry
    return connector.registry


def save_registry(articles: list[Article], store, connector: Connector) -> None:
    """The names the batch was linked under, and the merges it caused."""
    registry = connector.registry
    store.add_entity_names((registry.resolve(entity.id), entity.type, entity.name)
                           for article in articles for entity in article.entities)
    for drop, keep in registry.merged.items():
        if connector.stored_merges.get(drop) != keep:
            store.merge_entities(registry.resolve(keep), drop)
            connector.stored_merges[drop] = keep


@dataclass
class Placed:
    """An article of the batch in flight, as later articles of the same batch see it."""

    article: Article
    profile: Profile
    story: str
    keys: set[str]
    copy_keys: set[str]
    original: str | None  # the group's original when this article is a copy


def place_in_stories(items: list[Prepared], store, settings: Settings, connector: Connector
                     ) -> tuple[list[tuple[Article, str | None, Links]], list[tuple[str, float]]]:
    """Each article with its story and links; earlier articles of the same batch count too.
    Also (article id, similarity) of copies that should become their group's original."""
    index = vector_index(store, connector)
    batch: list[Placed] = []
    placed, promoted = [], []
    for prepared in items:
        article, vector = prepared.article, prepared.vector
        if article.error:
            placed.append((article, None, Links()))
            continue
        item = Placed(article, profile(article, vector, connector.agencies), "",
                      story_keys(article), set(prepared.copy_keys), None)
        copy = find_original(item, store, batch)
        if copy:
            original, similarity = copy
            item.original, item.story = original.id, story_of(original.id, store, batch)
            if earlier_original(original, article, connector.hosts) is article:
                promoted.append((article.id, similarity))
        else:
            similarity, item.story = 0.0, join_story(item, store, batch, connector, settings)
        batch.append(item)
        connector.profiles[article.id] = item.profile
        index.add(article.id, vector)
        placed.append((article, item.story, Links(tuple(sorted(item.copy_keys)), vector_bytes(vector),
                                                  item.original, similarity, prepared.lemmas,
                                                  prepared.quote_vectors)))
    return placed, promoted


def vector_index(store, connector: Connector) -> VectorIndex:
    if connector.index is None:
        connector.index = VectorIndex()
        for article_id, _, data in store.recent_vectors(connector.index.capacity):
            connector.index.add(article_id, vector_from_bytes(data))
    return connector.index


def find_original(item: Placed, store, batch: list[Placed]) -> tuple[Article, float] | None:
    """(the group's original, similarity) when the article is a wire copy of one."""
    if not item.copy_keys:
        return None
    candidates = [(other.article, other.original) for other in batch if other.copy_keys & item.copy_keys]
    candidates += [(article, None) for article, _ in store.candidates(item.copy_keys, COPY_CANDIDATES)]
    best = None
    for candidate, original in candidates:
        similarity = is_copy(candidate, item.article)
        if similarity is not None and (best is None or similarity > best[1]):
            best = (candidate, similarity, original)
    if best is None:
        return None
    candidate, similarity, original = best
    original = original or (store.original(candidate.id) or (None,))[0]
    if original and original != candidate.id:
        candidate = store.article(original) or next(o.article for o in batch if o.article.id == original)
    return candidate, similarity


def story_of(article_id: str, store, batch: list[Placed]) -> str:
    for other in batch:
        if other.article.id == article_id:
            return store.resolve_story(other.story)
    return store.resolve_story(store.article_story(article_id))


def join_story(item: Placed, store, batch: list[Placed], connector: Connector, settings: Settings) -> str:
    """The story the article joins, merging the stories it bridges."""
    candidates = [(other.profile, store.resolve_story(other.story)) for other in batch]
    candidates += stored_candidates(item, store, connector)
    started = {other.story: position for position, other in enumerate(batch)}

    def story_order(story: str):
        return (store.story_started(story) or math.inf, started.get(story, 0))

    choice = choose_story(item.profile, candidates, settings.same_story_threshold,
                          settings.max_days_apart, story_order)
    for drop in choice.bridged:
        store.merge_stories(choice.story_id, drop)
    return choice.story_id


def stored_candidates(item: Placed, store, connector: Connector) -> list[tuple[Profile, str]]:
    """Stored articles sharing entity keys, and the nearest by vector, as (profile, story)."""
    ids = store.candidate_ids(item.keys, ENTITY_CANDIDATES) if item.keys else []
    ids += [id for id, _ in connector.index.nearest(item.profile.vector, NEIGHBOURS, MIN_NEIGHBOUR_COSINE)
            if id not in ids]
    profiles = stored_profiles(ids, store, connector)
    stories = store.stories_of(ids)
    return [(profiles[id], stories[id]) for id in ids if id in profiles and id in stories]


def stored_profiles(ids: list[str], store, connector: Connector) -> dict[str, Profile]:
    """Profiles of stored articles, from the cache or built from the store (and cached)."""
    found = {id: connector.profiles[id] for id in ids if id in connector.profiles}
    missing = [id for id in ids if id not in found]
    vectors = store.vectors(missing)
    for data, _ in store.records(missing):
        id = data["id"]
        vector = vector_from_bytes(vectors[id]) if id in vectors else None
        found[id] = connector.profiles[id] = profile(lead_article(data), vector, connector.agencies)
    return found


def lead_article(data: dict) -> Article:
    """A stored article with only what comparison reads (no mentions, quotes, later
    paragraphs): about ten times faster than `Article.from_json` on real articles."""
    entities = tuple(Entity(e["id"], e["name"], e["type"], Names(**(e.get("names") or {})))
                     for e in data.get("entities") or ())
    return Article(id=data["id"], source=data["source"], language=data.get("language"),
                   title=data.get("title"), body=tuple(data.get("body") or ())[:LEAD_PARAGRAPHS],
                   published=data.get("published"), entities=entities)
