"""Similarity: the signals, their combination, dates; built from hand-made records (no model)."""

import numpy as np
import pytest

from storyline.connect import SAME_STORY_THRESHOLD, VectorIndex, compare_profiles, profile, similarity
from storyline.connect.meaning import LEAD_CHARS, TEXT_CHARS, cut, lead_text, vector_bytes, vector_from_bytes
from storyline.connect.similarity import short_forms, title_entities
from storyline.records import Article, Entity, Names


def unit(*values):
    vector = np.zeros(512, dtype=np.float32)
    vector[:len(values)] = values
    return vector / np.linalg.norm(vector)


def article(id, title, body=(), language="en", entities=(), published=None):
    return Article(id=id, source=id, language=language, title=title, body=tuple(body),
                   entities=tuple(entities), published=published)


PUTIN = Entity("PER:vladimir-putin", "Vladimir Putin", "PER", Names("Vladimir Putin", "Владимир Путин"))
REUTERS = Entity("ORG:reuters", "Reuters", "ORG")
USA = Entity("LOC:united-states", "United States", "LOC", Names("United States", "США"))
MFA = Entity("ORG:mfa-russia", "МИД России", "ORG", Names("Ministry of Foreign Affairs of Russia", "МИД России"))


def test_connect_similarity_close_vectors_and_shared_title_entities_are_one_story():
    a = article("a", "Putin meets envoy", entities=[PUTIN])
    b = article("b", "Путину представили посла", language="ru", entities=[PUTIN])  # another case
    result = similarity(a, b, vectors=(unit(1, 0.1), unit(1, 0.15)))
    assert result.title_entities == 1.0
    assert result.score >= SAME_STORY_THRESHOLD


def test_connect_similarity_unrelated_articles_score_low():
    a = article("a", "Grain talks in Geneva", ["Delegations met on Monday."])
    b = article("b", "Football club wins cup", ["The final ended 3-1."])
    assert similarity(a, b, vectors=(unit(1, 0), unit(0, 1))).score < SAME_STORY_THRESHOLD


def test_connect_similarity_score_grows_with_each_signal():
    base = article("a", "Putin talks on grain 2024", entities=[PUTIN])
    scores = [similarity(base, other, vectors=(unit(1, 0), unit(1, 1))).score for other in [
        article("b", "Nothing alike 1999", entities=[REUTERS]),
        article("b", "Nothing alike 1999", entities=[REUTERS, PUTIN]),  # named in the body only
        article("b", "Nothing alike, says Putin", entities=[PUTIN]),
        article("b", "Putin: grain in 2024", entities=[PUTIN]),
    ]]
    assert scores == sorted(scores) and len(set(scores)) == 3


def test_connect_similarity_wire_agency_is_not_a_shared_entity():
    a, b = article("a", "Reuters: x", entities=[REUTERS]), article("b", "Reuters: y", entities=[REUTERS])
    assert similarity(a, b).title_entities == 1.0
    assert similarity(a, b, agencies=frozenset({"reuters"})).title_entities == 0.5  # no entity: neutral


@pytest.mark.parametrize("title, entity, named", [
    ("Putin meets envoy", PUTIN, True),
    ("Встреча с Путиным", PUTIN, True),        # the stem carries the name through its cases
    ("The US answers Russia", USA, True),      # initials of a place's name
    ("Контакты с США", USA, True),
    ("В МИД рассказали о контактах", MFA, True),  # a word in capitals
    ("Users of the app", USA, False),          # a short form is a whole word, not a start
    ("Grain talks in Geneva", PUTIN, False),
])
def test_connect_similarity_title_names_an_entity(title, entity, named):
    assert (entity.id in title_entities(article("a", title, entities=[entity]))) == named


def test_connect_similarity_people_have_no_initials_as_short_forms():
    assert short_forms("Vladimir Putin", initials=False) == set() and short_forms("NATO") == {"nato"}


@pytest.mark.parametrize("published, halved", [(("2024-01-01", "2024-01-05"), False),
                                               (("2024-01-01", "2024-09-01"), True),
                                               (("2024-01-01", "--09-01"), False)])
def test_connect_similarity_far_apart_dates_halve_the_score(published, halved):
    a = article("a", "Putin meets envoy", entities=[PUTIN], published=published[0])
    b = article("b", "Putin meets envoy", entities=[PUTIN], published=published[1])
    near = article("b", "Putin meets envoy", entities=[PUTIN], published=published[0])
    vectors = (unit(1), unit(1))
    result, reference = similarity(a, b, vectors=vectors), similarity(a, near, vectors=vectors)
    assert result.score == pytest.approx(reference.score / 2 if halved else reference.score, abs=1e-4)


def test_connect_similarity_numbers_tell_alike_events_apart():
    a = article("a", "Weather for 8 November")
    same, other = article("b", "Weather for 8 November"), article("c", "Weather for 16 November")
    vectors = (unit(1), unit(1))
    assert similarity(a, same, vectors=vectors).numbers == 1.0
    assert similarity(a, other, vectors=vectors).numbers == 0.0


def test_connect_similarity_profile_compares_like_articles():
    a, b = article("a", "Putin meets envoy", entities=[PUTIN]), article("b", "Putin meets envoy")
    assert compare_profiles(profile(a, unit(1)), profile(b, unit(1))) == similarity(a, b, vectors=(unit(1), unit(1)))


def test_connect_similarity_lead_text_is_title_and_start_cut_at_a_word():
    text = lead_text(article("a", "Title", ["word " * 200, "more " * 300]))
    assert text.startswith("Title word") and "more" in text and len(text) <= TEXT_CHARS
    assert not text.endswith("mor") and len(cut(text, LEAD_CHARS)) <= LEAD_CHARS


def test_connect_similarity_vectors_round_trip_through_bytes():
    vector = unit(0.3, 0.4, 0.5)
    assert np.allclose(vector_from_bytes(vector_bytes(vector)), vector, atol=1e-3)


def test_connect_index_finds_nearest_and_forgets_the_oldest():
    index = VectorIndex(capacity=3)
    for id, vector in [("a", unit(1, 0)), ("b", unit(0, 1)), ("c", unit(1, 1)), ("d", unit(1, 0.1))]:
        index.add(id, vector)
    assert len(index) == 3
    found = index.nearest(unit(1, 0), k=3, min_cosine=0.5)
    assert [id for id, _ in found] == ["d", "c"]  # 'a' was the oldest: dropped; 'b' is too far
