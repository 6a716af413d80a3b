"""Stories online: joining, opening, bridging merges with stable ids, wire copies in the store.

Most tests use a tiny bag-of-words encoder instead of the sentence model, so they run fast
and say exactly which articles are alike; the slow ones load the real model once.
"""

import re
import zlib

import numpy as np
import pytest

from storyline.connect import SAME_STORY_THRESHOLD, choose_story, profile
from storyline.connect.stories import MERGE_MARGIN
from storyline.ingest import build_connector, ingest
from storyline.records import Article, Entity
from storyline.settings import load_settings
from storyline.store import Store

THRESHOLD = SAME_STORY_THRESHOLD


def bag_encoder(texts):
    """Words hashed into 512 dimensions: texts sharing words get close vectors."""
    vectors = np.zeros((len(texts), 512), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w{4,}", text.lower()):
            vectors[row, zlib.crc32(word.encode()) % 512] += 1
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def entity(id, type="PER"):
    return Entity(id, id.split(":")[1], type)


def article(id, title, body, entities=(), published="2024-03-01", language="en", url=None):
    return Article(id=id, source=f"{id}.txt", language=language, title=title, body=tuple(body),
                   entities=tuple(entity(e) for e in entities), published=published, url=url)


GRAIN = article("grain1", "Grain talks in Geneva end without deal",
                ["Grain export talks in Geneva ended without a deal on Monday."], ["PER:ivan-petrov"])
GRAIN_RU = article("grain2", "Geneva grain talks: no deal, says Petrov",  # a later report of the same talks
                   ["Grain export talks in Geneva ended with no deal, Ivan Petrov said."], ["PER:ivan-petrov"])
FOOTBALL = article("ball1", "City win the cup final", ["City beat United 3-1 in the cup final."],
                   ["ORG:city"])
WIRE_BODY = [
    "Delegations from both countries met in Geneva on Monday to discuss grain exports, officials said.",
    "The talks lasted six hours and ended without a joint statement. A second round is planned for March.",
    "Exporters have warned that prices will rise if the corridor stays closed for another month.",
    "The ministry said the inspections of ships would resume on Wednesday under the old rules.",
    "Insurers raised premiums for vessels calling at the ports by a third since January.",
]


def run(store, articles, batch_size=32):
    settings = load_settings(batch_size=batch_size, same_story_threshold=THRESHOLD)
    return ingest(articles, store, [], settings, connector=build_connector(bag_encoder))


def story_of(store, article_id):
    return store.resolve_story(store.article_story(article_id))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


# --- choose_story, on profiles ---

def test_connect_stories_join_the_best_story_above_the_threshold():
    vectors = bag_encoder(["grain talks geneva", "grain talks geneva deal", "football final cup"])
    me, grain, ball = (profile(a, v) for a, v in zip([GRAIN, GRAIN_RU, FOOTBALL], vectors))
    choice = choose_story(me, [(grain, "s-grain"), (ball, "s-ball")], THRESHOLD)
    assert choice.story_id == "s-grain" and choice.bridged == ()


def test_connect_stories_nothing_close_opens_a_story_named_after_the_article():
    me = profile(GRAIN, bag_encoder(["grain"])[0])
    ball = profile(FOOTBALL, bag_encoder(["football"])[0])
    assert choose_story(me, [(ball, "s-ball")], THRESHOLD).story_id == "sgrain1"


def test_connect_stories_close_to_two_stories_bridges_them_into_the_older():
    vector = bag_encoder(["grain talks geneva"])[0]
    me, one, two = (profile(a, vector) for a in (GRAIN, GRAIN_RU, GRAIN_RU))
    order = {"s-new": 2, "s-old": 1}.get
    choice = choose_story(me, [(one, "s-new"), (two, "s-old")], THRESHOLD, story_order=order)
    assert choice.score >= THRESHOLD + MERGE_MARGIN
    assert (choice.story_id, choice.bridged) == ("s-old", ("s-new",))


# --- ingest: the online path through the store ---

def test_connect_stories_ingest_groups_by_story_across_batches(store):
    run(store, [GRAIN, FOOTBALL], batch_size=1)
    run(store, [GRAIN_RU], batch_size=1)
    assert story_of(store, "grain2") == story_of(store, "grain1") == "sgrain1"
    assert story_of(store, "ball1") == "sball1"


def test_connect_stories_ingest_keeps_story_ids_across_reruns(store, tmp_path):
    run(store, [GRAIN, FOOTBALL, GRAIN_RU])
    with Store(tmp_path / "again.db") as again:
        run(again, [GRAIN, FOOTBALL, GRAIN_RU], batch_size=1)
        assert {a.id: s for a, s in again.iter_with_stories()} == {a.id: s for a, s in store.iter_with_stories()}


def test_connect_stories_bridging_article_merges_two_stories(store):
    left = article("left", "Geneva grain talks", ["Geneva grain talks opened."], ["PER:ivan-petrov"])
    right = article("right", "Geneva ship insurers", ["Geneva ship insurers raised premiums."], ["ORG:lloyds"])
    run(store, [left, right])
    assert story_of(store, "left") != story_of(store, "right")
    bridge = article("bridge", "Geneva grain talks, ship insurers",
                     ["Geneva grain talks opened; ship insurers raised premiums."],
                     ["PER:ivan-petrov", "ORG:lloyds"])
    run(store, [bridge])
    assert story_of(store, "left") == story_of(store, "right") == story_of(store, "bridge") == "sleft"
    assert store.story("sright").id == "sleft"  # the dropped id redirects


def test_connect_stories_wire_copy_joins_its_original_and_shows_in_the_story(store):
    original = article("orig", "Grain talks end", WIRE_BODY, published="2024-03-01")
    copy = article("copy", "Grain talks end | Daily", ["Share this article", *WIRE_BODY[:4]],
                   published="2024-03-02")
    run(store, [original])
    run(store, [copy])
    assert store.original("copy")[0] == "orig" and store.copies("orig")[0][0] == "copy"
    story = store.story(story_of(store, "orig"))
    assert {a.id: a.wire_copy_of for a in story.articles} == {"orig": None, "copy": "orig"}
    assert story.as_json()["articles"][1]["wire_copy_of"] == "orig"


def test_connect_stories_earlier_copy_arriving_late_becomes_the_original(store):
    first_seen = article("late", "Grain talks end", WIRE_BODY, published="2024-03-03")
    second = article("second", "Grain talks end", WIRE_BODY[:4], published="2024-03-04")
    earliest = article("early", "Grain talks end", ["Advertisement", *WIRE_BODY], published="2024-03-01")
    run(store, [first_seen, second])
    run(store, [earliest])
    assert store.original("late")[0] == store.original("second")[0] == "early"
    assert store.original("early") is None


def test_connect_stories_copies_in_one_batch_group_under_the_first(store):
    articles = [article(f"c{n}", "Grain talks end", WIRE_BODY[n:] + WIRE_BODY[:n]) for n in range(3)]
    run(store, articles)
    assert [store.original(a.id) and store.original(a.id)[0] for a in articles] == [None, "c0", "c0"]


def test_connect_stories_error_records_are_stored_as_errors(store):
    from storyline.records import failed
    run(store, [failed("bad.txt", "empty", "bad.txt: empty"), GRAIN])
    assert store.counts()["articles"] == 1 and len(store.errors()) == 1


# --- the real model ---

@pytest.fixture(scope="module")
def comparer():
    from storyline.connect import build_comparer
    return build_comparer()


@pytest.mark.slow
def test_connect_stories_model_links_a_translation_and_not_another_event(comparer):
    en = article("en", "Russia hands security proposals to the United States",
                 ["Russia has handed the United States its draft treaty on security guarantees, "
                  "the foreign ministry said on Wednesday."])
    ru = article("ru", "Россия передала США предложения по гарантиям безопасности",
                 ["Россия передала США проект договора о гарантиях безопасности, сообщили в МИД в среду."],
                 language="ru")
    other = article("ot", "Heavy snow closes schools in Scotland",
                    ["Hundreds of schools were closed on Wednesday after heavy snowfall."])
    assert comparer(en, ru).meaning > 0.6 and comparer(en, ru).score >= THRESHOLD
    assert comparer(en, other).score < THRESHOLD
