"""The length gap: how unequal two lead readings are, and what it gives back to the cosine."""

import math
from dataclasses import replace

import numpy as np
import pytest

from storyline.connect import profile, similarity
from storyline.connect.meaning import LEAD_CHARS
from storyline.connect.similarity import LEAD_PARAGRAPHS, lead_chars
from storyline.records import Article


def unit(*values):
    vector = np.zeros(512, dtype=np.float32)
    vector[:len(values)] = values
    return vector / np.linalg.norm(vector)


def article(id, title, body=()):
    return Article(id=id, source=id, language="en", title=title, body=tuple(body))


BRIEF = article("a", "Flood in Porto", ["Rivers rose overnight."])
REPORT = article("b", "Flood in Porto", ["Rivers rose overnight. " * 20, "Schools closed. " * 20])


@pytest.mark.parametrize("body, expected", [
    (["Rivers rose."], len("Title Rivers rose.")),
    (["word " * 500], LEAD_CHARS),                                      # capped: the lead reading's length
    (["one", "two", "three", "four and more"], len("Title one two three")),  # lead paragraphs only
])
def test_similarity_lead_chars_counts_title_and_lead_paragraphs(body, expected):
    assert lead_chars(article("a", "Title", body)) == expected


def test_similarity_lead_chars_are_alike_for_a_stored_article():
    """A stored article is profiled from its title and lead paragraphs, without subtitle."""
    fresh = replace(REPORT, subtitle="A long subtitle " * 10, body=REPORT.body + ("Later news.",) * 5)
    stored = replace(fresh, subtitle=None, body=fresh.body[:LEAD_PARAGRAPHS])
    assert profile(fresh).lead_chars == profile(stored).lead_chars


def test_similarity_length_gap_is_zero_for_equal_leads_and_symmetric():
    vectors = (unit(1, 0.2), unit(1, 0.3))
    assert similarity(BRIEF, BRIEF, vectors=vectors).length_gap == 0.0
    forward, backward = similarity(BRIEF, REPORT, vectors=vectors), similarity(REPORT, BRIEF, vectors=vectors)
    assert forward.length_gap == backward.length_gap == pytest.approx(
        math.log((LEAD_CHARS + 1) / (lead_chars(BRIEF) + 1)), abs=1e-4)


def test_similarity_a_brief_and_a_long_report_get_back_what_the_cosine_loses():
    vectors = (unit(1, 0.5), unit(1, 0.6))
    equal = similarity(REPORT, replace(REPORT, id="c"), vectors=vectors)
    unequal = similarity(BRIEF, REPORT, vectors=vectors)
    assert unequal.meaning == equal.meaning and unequal.score > equal.score
