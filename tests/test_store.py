"""The store: round-trips, idempotent batches, counts, search, candidates, merges."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.records import (
    Article, Dateline, Entity, Mention, Names, Problem, Quote, Story, StoryArticle, failed,
)
from storyline.connect.meaning import vector_bytes
from storyline.store import MARK_END, MARK_START, Links, Store

# --- hypothesis strategies for the records ---

text = st.text(max_size=40)
optional_text = st.none() | text
small = st.integers(min_value=0, max_value=10_000)
ids = st.text("0123456789abcdef", min_size=16, max_size=16)
languages = st.sampled_from(["en", "ru", "de"]) | st.none()
dates = st.none() | st.sampled_from(["--12-15", "--01-02"]) | st.dates().map(str) | st.datetimes().map(
    lambda moment: moment.isoformat(timespec="seconds"))

mentions = st.builds(Mention, paragraph=small, start=small, end=small, text=text)
names = st.builds(Names, en=optional_text, ru=optional_text)
entities = st.builds(Entity, id=text, name=text, type=st.sampled_from(["PER", "ORG", "LOC"]),
                     names=names, role=optional_text, mentions=st.lists(mentions, max_size=3).map(tuple))
quotes = st.builds(Quote, speaker=optional_text, speaker_id=optional_text,
                   kind=st.sampled_from(["direct", "indirect"]), text=text, cue=optional_text,
                   paragraph=small, start=small, end=small,
                   editorial_insertions=st.lists(text, max_size=2).map(tuple))
datelines = st.none() | st.builds(Dateline, place=optional_text, agency=optional_text, text=text)
articles = st.builds(
    Article, id=ids, source=text, language=languages, title=optional_text, subtitle=optional_text,
    body=st.lists(text, max_size=4).map(tuple), dateline=datelines, published=dates,
    published_from=optional_text, image_credits=st.lists(text, max_size=2).map(tuple),
    rights=st.lists(text, max_size=2).map(tuple), url=optional_text, error=st.none(),
    entities=st.lists(entities, max_size=3).map(tuple), quotes=st.lists(quotes, max_size=3).map(tuple))
problems = st.builds(Problem, code=text, message=text)
unique_articles = st.lists(articles, max_size=8, unique_by=lambda article: article.id)

memory_store = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def article(id, title="A title", language="en", published=None, keys=(), body=("A body.",), **more):
    return Article(id=id, source=f"{id}.html", language=language, title=title, published=published,
                   body=body, entities=tuple(Entity(key, key, "PER") for key in keys), **more)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as store:
        yield store


# --- round-trips ---

@memory_store
@given(articles)
def test_store_article_round_trip(stored):
    with Store(":memory:") as store:
        store.add([(stored, "story")])
        assert store.article(stored.id) == stored
        assert list(store.iter_articles()) == [stored]


@memory_store
@given(problems, text)
def test_store_error_record_round_trip(problem, source):
    with Store(":memory:") as store:
        store.add([(failed(source, problem.code, problem.message), None)])
        assert [Problem(code, message) for _, code, message in store.errors()] == [problem]
        assert store.counts()["articles"] == 0


@memory_store
@given(unique_articles)
def test_store_story_round_trip(members):
    with Store(":memory:") as store:
        store.add([(member, "story") for member in members])
        story = store.story("story")
        if not members:
            assert story is None
            return
        expected = {StoryArticle(m.id, m.source, m.language, m.title, m.published) for m in members}
        assert set(story.articles) == expected
        assert Story.from_json(story.as_json()) == story
        assert store.stories() == [story]


@memory_store
@given(unique_articles)
def test_store_iter_articles_keeps_insertion_order(members):
    with Store(":memory:") as store:
        store.add([(member, None) for member in members])
        assert list(store.iter_articles()) == members


# --- batches ---

def test_store_add_twice_stores_once(store):
    first = article("a" * 16, keys=["putin"])
    assert store.add([(first, "s1"), (first, "s1")]) == 1
    assert store.add([(first, "s2")]) == 0
    assert store.counts() == {"articles": 1, "stories": 1, "errors": 0, "entities": 1, "quotes": 0}
    assert store.article_story(first.id) == "s1"


def test_store_add_is_one_transaction(store):
    class Boom(Exception):
        pass

    def batch():
        yield article("1" * 16), None
        raise Boom

    with pytest.raises(Boom):
        store.add(batch())
    assert store.counts()["articles"] == 0


def test_store_known_tells_stored_ids(store):
    store.add([(article("1" * 16), None), (article("2" * 16), None)])
    assert store.known(["1" * 16, "3" * 16, "2" * 16]) == {"1" * 16, "2" * 16}
    assert store.known([]) == set()


def test_store_counts_every_kind(store):
    quote = Quote("Putin", "putin", "direct", "No.", "said", 0, 0, 3)
    store.add([
        (article("1" * 16, keys=["putin", "kremlin"], quotes=(quote, quote)), "s1"),
        (article("2" * 16, keys=["putin"]), "s2"),
        (failed("broken.html", "unreadable", "not UTF-8"), None),
        (failed("broken.html", "unreadable", "still not UTF-8"), None),
        (failed("empty.html", "empty", "no text"), None),
    ])
    assert store.counts() == {"articles": 2, "stories": 2, "errors": 2, "entities": 2, "quotes": 2}
    assert store.errors() == [("broken.html", "unreadable", "still not UTF-8"),
                              ("empty.html", "empty", "no text")]


def test_store_article_without_story_starts_its_own(store):
    store.add([(article("1" * 16), None)])
    assert store.story("1" * 16).articles[0].id == "1" * 16


def test_store_unknown_ids_are_none(store):
    assert store.article("nope") is None
    assert store.story("nope") is None
    assert store.article_story("nope") is None


def test_store_reopens_with_data(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([(article("1" * 16), "s1")])
    with Store(tmp_path / "s.db") as store:
        assert store.known(["1" * 16]) == {"1" * 16}
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- stories ---

def test_store_story_orders_articles_by_date_undated_last(store):
    store.add([
        (article("1" * 16, published=None), "s"),
        (article("2" * 16, published="--01-01"), "s"),
        (article("3" * 16, published="2024-03-02", language="ru", title="Позже"), "s"),
        (article("4" * 16, published="2024-03-01T10:00:00", language="ru", title="Раньше"), "s"),
        (article("5" * 16, published="2024-03-05", language="en", title="Later in English"), "s"),
    ])
    story = store.story("s")
    assert [a.id[0] for a in story.articles] == ["4", "3", "5", "2", "1"]
    assert dict(story.titles) == {"ru": "Раньше", "en": "Later in English"}
    assert story.languages == ("ru", "en")
    assert (story.first_published, story.last_published) == ("2024-03-01T10:00:00", "2024-03-05")


def said(speaker_id, text, kind="direct"):
    return Quote(speaker_id and speaker_id.title(), speaker_id, kind, text, "said", 0, 0, len(text))


def test_store_story_statements_once_per_statement_in_date_order(store):
    repeated = "We will not accept a deal that leaves the ports closed to grain ships"
    store.add([
        (article("1" * 16, published="2024-03-02", keys=["price"],
                 quotes=(said("price", repeated + "."), said(None, "It was a long night", "indirect"))), "s"),
        (article("2" * 16, published="2024-03-01", keys=["price", "lavrov"],
                 quotes=(said("lavrov", "The corridor will stay open for now"),)), "s"),
        (article("3" * 16, published="2024-03-03", keys=["price"],
                 quotes=(said("price", f"“{repeated}”", "indirect"),)), "s"),
    ])
    statements = store.story("s").statements
    assert [(s.speaker_id, s.published, s.articles) for s in statements] == [
        ("lavrov", "2024-03-01", ("2" * 16,)),
        ("price", "2024-03-02", ("1" * 16, "3" * 16)),
        (None, "2024-03-02", ("1" * 16,)),
    ]
    assert statements[1].kind == "direct"


def test_store_story_statements_join_translations_by_their_stored_vectors(store):
    english, russian = "The door to diplomacy with Moscow remains open", "Дверь для дипломатии с Москвой открыта"
    vector = vector_bytes(np.ones(512, dtype=np.float32) / np.sqrt(512))
    store.add([
        (article("1" * 16, published="2024-03-01", keys=["psaki"], quotes=(said("psaki", english),)), "s",
         Links(quote_vectors=(vector,))),
        (article("2" * 16, language="ru", published="2024-03-02", keys=["psaki"],
                 quotes=(said("psaki", russian),)), "s", Links(quote_vectors=(vector,))),
        (article("3" * 16, language="ru", published="2024-03-03", keys=["psaki"],
                 quotes=(said("psaki", russian + " для всех"),)), "s"),  # no vector: joins by its words
    ])
    (statement,) = store.story("s").statements
    assert (statement.language, statement.text) == ("en", english)
    assert statement.translations == (("ru", russian + " для всех"),)
    assert statement.articles == ("1" * 16, "2" * 16, "3" * 16)
    assert store.dossier("psaki").statements == (statement,)


def test_store_story_entities_most_named_first_merged_ones_as_one(store):
    store.add([(article("1" * 16, keys=["price", "lavrov"]), "s"),
               (article("2" * 16, keys=["price", "ned-price"]), "s"),
               (article("3" * 16, keys=["lavrov"]), "s")])
    store.merge_entities("price", "ned-price")
    assert [(e.id, e.articles) for e in store.story("s").entities] == [("lavrov", 2), ("price", 2)]


def test_store_dossier_follows_merges_and_gathers_names_articles_statements(store):
    price = Entity("ned-price", "Ned Price", "PER", Names("Ned Price", "Нед Прайс"))
    store.add([(article("1" * 16, published="2024-03-02", keys=["price"],
                        quotes=(said("price", "The door to diplomacy is open"),)), "s"),
               (Article(id="2" * 16, source="2.html", language="ru", published="2024-03-01",
                        entities=(price,), quotes=(said("ned-price", "Дверь открыта"),)), "t")])
    store.add_entity_names([("price", "PER", "Price")])
    store.merge_entities("price", "ned-price")
    dossier = store.dossier("ned-price")
    assert (dossier.id, dossier.type) == ("price", "PER")
    assert set(dossier.names) == {"price", "Price", "Ned Price", "Нед Прайс"}
    assert [a.id for a in dossier.articles] == ["2" * 16, "1" * 16]  # date order
    assert [s.text for s in dossier.statements] == ["Дверь открыта", "The door to diplomacy is open"]
    assert store.dossier("nobody") is None


def test_store_stories_newest_activity_first(store):
    store.add([
        (article("1" * 16, published="2024-01-01"), "old"),
        (article("2" * 16, published="--05-05"), "undated"),
        (article("3" * 16, published="2024-06-01"), "new"),
        (article("4" * 16, published="2023-01-01"), "old"),
    ])
    assert [story.id for story in store.stories()] == ["new", "old", "undated"]
    assert [story.id for story in store.stories(limit=1, offset=1)] == ["old"]


# --- candidates ---

def test_store_candidates_most_shared_keys_first(store):
    store.add([
        (article("1" * 16, keys=["putin"]), "s1"),
        (article("2" * 16, keys=["putin", "kremlin", "moscow"]), "s2"),
        (article("3" * 16, keys=["putin", "kremlin"]), "s3"),
        (article("4" * 16, keys=["biden"]), "s4"),
    ])
    found = store.candidates(["putin", "kremlin", "moscow", "unknown"])
    assert [(a.id[0], story) for a, story in found] == [("2", "s2"), ("3", "s3"), ("1", "s1")]
    assert len(store.candidates(["putin"], limit=2)) == 2
    assert store.candidates([]) == []


def test_store_candidates_use_the_key_index(store):
    plan = " ".join(row[3] for row in store.connection.execute(
        "EXPLAIN QUERY PLAN SELECT article_id FROM article_keys"
        " WHERE key IN (SELECT value FROM json_each(?))", ("[]",)))
    assert "SEARCH article_keys USING PRIMARY KEY" in plan


# --- merges ---

def test_store_merge_moves_articles_and_redirects(store):
    store.add([(article("1" * 16, published="2024-01-01"), "keep"),
               (article("2" * 16, published="2024-01-02"), "drop"),
               (article("3" * 16, published="2024-01-03"), "older-drop")])
    store.merge_stories("drop", "older-drop")
    store.merge_stories("keep", "drop")
    merged = store.story("keep")
    assert [a.id[0] for a in merged.articles] == ["1", "2", "3"]
    assert store.story("drop") == merged
    assert store.story("older-drop") == merged
    assert [story.id for story in store.stories()] == ["keep"]
    assert store.counts()["stories"] == 1


def test_store_merge_then_add_to_old_id_joins_kept_story(store):
    store.add([(article("1" * 16), "keep"), (article("2" * 16), "drop")])
    store.merge_stories("keep", "drop")
    store.add([(article("3" * 16), "drop")])
    assert store.article_story("3" * 16) == "keep"
    assert len(store.story("keep").articles) == 3


def test_store_merge_into_itself_changes_nothing(store):
    store.add([(article("1" * 16), "s")])
    store.merge_stories("s", "s")
    assert store.story("s").id == "s"


# --- search ---

@pytest.fixture
def searchable(store):
    store.add([
        (article("1" * 16, title="Putin visits Minsk", body=("Talks on gas prices.",)), None),
        (article("2" * 16, title="Ёлка у Кремля", language="ru", body=("Главную ёлку страны установили.",)), None),
        (article("3" * 16, title="Café opens", body=("A new café.",)), None),
    ])
    return store


@pytest.mark.parametrize("query, expected", [
    ("putin", {"1"}),
    ("gas prices", {"1"}),
    ("prices putin", {"1"}),
    ("елка", {"2"}),       # ё written е
    ("ёлка", {"2"}),
    ("cafe", {"3"}),       # accents folded
    ("putin café", set()),  # every term must match
])
def test_store_search_finds(searchable, query, expected):
    assert {a.id[0] for a, _ in searchable.search(query)} == expected


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "-", "", "   ", "a OR", "AND", '"unclosed',
                                   "title:putin", "putin*", "^", "(", ")", "NOT putin", "'; DROP TABLE articles; --"])
def test_store_search_hostile_queries_do_not_error(searchable, query):
    searchable.search(query)
    assert searchable.counts()["articles"] == 3


@memory_store
@given(st.text())
def test_store_search_any_text_is_a_query(query):
    with Store(":memory:") as store:
        store.add([(article("1" * 16), None)])
        store.search(query)


def test_store_search_snippet_marks_matches(searchable):
    [(found, snippet)] = searchable.search("gas")
    assert f"{MARK_START}gas{MARK_END}" in snippet


def test_store_search_marks_in_text_cannot_fake_highlights(store):
    sneaky = article("1" * 16, body=(f"{MARK_START}fake{MARK_END} gas",))
    store.add([(sneaky, None)])
    [(found, snippet)] = store.search("gas")
    assert snippet.count(MARK_START) == 1 and found == sneaky


def test_store_search_uses_lemmas_and_expansions(tmp_path):
    lemmas = {"кремля": "кремль", "кремль": "кремль"}

    def lemmatize(text, language):
        return " ".join(lemmas.get(word.lower(), word.lower()) for word in text.split())

    def transliterate(term):
        return ["кремль"] if term.lower() == "kreml" else []

    with Store(tmp_path / "l.db", lemmatize=lemmatize, expand_query=transliterate) as store:
        store.add([(article("1" * 16, title="У Кремля", language="ru"), None)])
        assert len(store.search("Кремль")) == 1
        assert len(store.search("kreml")) == 1




def test_store_search_uses_lemmas_computed_elsewhere(store):
    """Ingest's workers compute an article's lemmas; the store indexes them as given."""
    from storyline.store import Links

    store.add([(article("1" * 16, title="У Кремля", language="ru"), None, Links(lemmas="у кремль"))])
    assert len(store.search("кремль")) == 1


def test_store_stories_without_statements_skip_only_them(store):
    store.add([(article("1" * 16, published="2024-03-01", keys=["price"],
                        quotes=(said("price", "The door to diplomacy remains open"),)), "s")])
    (full,), (listed,) = store.stories(), store.stories(statements=False)
    assert len(full.statements) == 1 and listed.statements == ()
    assert listed == dataclasses.replace(full, statements=())
