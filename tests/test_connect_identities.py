"""One id per entity across articles: linking to the registry, kept in the store across runs."""

import numpy as np
import pytest

from storyline.connect.identities import link_entities
from storyline.ingest import build_connector, ingest
from storyline.records import Article, Entity, Mention, Quote
from storyline.settings import load_settings
from storyline.store import Store


def constant_encoder(texts):
    return np.ones((len(texts), 512), dtype=np.float32) / np.sqrt(512)


def person(id, name, *mentions):
    return Entity(id, name, "PER", mentions=tuple(Mention(0, start, end, name) for start, end in mentions))


def article(id, language, *entities, quotes=()):
    return Article(id=id, source=f"{id}.txt", language=language, title=f"Title {id}",
                   body=(f"Body of {id}.",), entities=entities, quotes=quotes)


def run(store, articles):
    """One ingest run: a fresh connector, as a new process would have."""
    return ingest(articles, store, [], load_settings(), connector=build_connector(constant_encoder))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


def stored_entity_ids(store, article_id):
    return [e.id for e in store.article(article_id).entities]


def test_connect_identities_entities_one_registry_names_merge_and_speakers_follow():
    registry = {"Asia Bibi": "PER:asia-bibi", "Bibi": "PER:asia-bibi", "Imran Khan": "PER:imran-khan"}
    quote = Quote("Bibi", "PER:bibi", "direct", "I am innocent", "said", 0, 0, 5)
    linked = link_entities(article("a", "en", person("PER:asia", "Asia Bibi", (0, 9)),
                                   person("PER:bibi", "Bibi", (20, 24)),
                                   person("PER:khan", "Imran Khan", (30, 40)), quotes=(quote,)),
                           lambda type, name: registry[name])
    assert [(e.id, e.name) for e in linked.entities] == [("PER:asia-bibi", "Asia Bibi"),
                                                        ("PER:imran-khan", "Imran Khan")]
    assert [(m.start, m.end) for m in linked.entities[0].mentions] == [(0, 9), (20, 24)]
    assert linked.quotes[0].speaker_id == "PER:asia-bibi"


def test_connect_identities_one_person_across_scripts_and_runs(store):
    run(store, [article("en1", "en", person("PER:asia-bibi", "Asia Bibi"))])
    run(store, [article("ru1", "ru", person("PER:aziya-bibi", "Азия Биби"))])  # a new process
    first, second = stored_entity_ids(store, "en1"), stored_entity_ids(store, "ru1")
    assert first == second
    assert {(id, name) for id, _, name in store.entity_names()} == {(first[0], "Asia Bibi"),
                                                                    (first[0], "Азия Биби")}


def test_connect_identities_different_people_keep_different_ids(store):
    run(store, [article("a", "en", person("PER:x", "Asia Bibi")),
                article("b", "en", person("PER:y", "Imran Khan"))])
    assert stored_entity_ids(store, "a") != stored_entity_ids(store, "b")


def test_store_merge_entities_moves_names_keys_and_redirects(store):
    run(store, [article("a", "en", person("PER:x", "Asia Bibi")),
                article("b", "en", person("PER:y", "Imran Khan"))])
    keep, drop = stored_entity_ids(store, "a")[0], stored_entity_ids(store, "b")[0]
    store.merge_entities(keep, drop)
    assert {id for id, _, _ in store.entity_names()} == {keep}
    assert store.entity_redirects() == {drop: keep}
    assert {a.id for a, _ in store.candidates([keep])} == {"a", "b"}
    run(store, [article("c", "en", person("PER:z", "Imran Khan"))])  # the reloaded registry knows
    assert stored_entity_ids(store, "c") == [keep]
