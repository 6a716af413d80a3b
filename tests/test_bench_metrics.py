"""The extraction benchmark's metrics, on hand-made strings with numbers worked out by hand."""

import datetime
from collections import Counter

import pytest

from bench.extraction import (Case, average_scores, date_matches, exact_match, is_note,
                              language_groups, page_precision_recall, shingles, snippet_counts,
                              snippet_scores, title_matches)


def test_bench_metrics_shingles_are_lowercase_word_4grams_with_counts():
    assert shingles("The cat sat on the mat.", 4) == Counter({
        ("the", "cat", "sat", "on"): 1, ("cat", "sat", "on", "the"): 1, ("sat", "on", "the", "mat"): 1})
    assert shingles("A b c d a b c d", 4)[("a", "b", "c", "d")] == 2


def test_bench_metrics_short_text_is_one_short_shingle_and_empty_text_none():
    assert shingles("Hello world", 4) == Counter({("hello", "world"): 1})
    assert shingles(" ,. ", 4) == Counter()


@pytest.mark.parametrize("gold, output, n, expected", [
    ("a b c d e f", "a b c d e x", 4, (2 / 3, 2 / 3)),  # abcd, bcde match; cdef / cdex do not
    ("a b c d a b c d", "a b c d", 4, (1.0, 1 / 5)),  # multiset: gold holds abcd twice, output once
    ("a b c d", "a b c d a b c d", 4, (1 / 5, 1.0)),
    ("Hello, World!", "hello world", 1, (1.0, 1.0)),  # tokens are \w+, lowercased
    ("one two three", "one one four", 1, (1 / 3, 1 / 3)),  # counts matched: "one" once
    ("a b c d e", "", 4, (0.0, 0.0)),  # empty output scores zero, it is not skipped
])
def test_bench_metrics_page_precision_recall(gold, output, n, expected):
    assert page_precision_recall(gold, output, n) == pytest.approx(expected)


def test_bench_metrics_averages_pages_then_takes_f1_of_the_means():
    precision, recall, f1 = average_scores([(1.0, 0.5), (0.5, 0.5)])
    assert (precision, recall, f1) == pytest.approx((0.75, 0.5, 0.6))
    assert average_scores([]) == (0.0, 0.0, 0.0)


def test_bench_metrics_exact_match_compares_token_sequences():
    assert exact_match("Hello,   world", "hello world!")
    assert not exact_match("hello world", "world hello")


def test_bench_metrics_snippets_found_after_whitespace_normalisation():
    output = "Main  text\nhere.\n\nMore text"
    counts = snippet_counts(output, ["Main text here.", "missing"], ["More  text", "Footer"])
    assert counts == Counter(tp=1, fn=1, fp=1, tn=1)


def test_bench_metrics_snippets_are_case_sensitive():
    assert snippet_counts("main text", ["Main text"], [])["fn"] == 1


def test_bench_metrics_snippet_scores():
    precision, recall, f1, accuracy = snippet_scores(Counter(tp=2, fn=2, fp=1, tn=3))
    assert (precision, recall, f1, accuracy) == pytest.approx((2 / 3, 1 / 2, 4 / 7, 5 / 8))
    assert snippet_scores(Counter()) == (0.0, 0.0, 0.0, 0.0)


@pytest.mark.parametrize("gold, title, expected", [
    ("Bootsdienst Ausbildung", "Bootsdienst  Ausbildung ", True),
    ("Bootsdienst Ausbildung", "Bootsdienst Ausbildung - Feuerwehr", False),
    ("Hottest Year Ever", "Hottest year ever", False),  # exact: case counts
    ("Hottest Year Ever", None, False),
])
def test_bench_metrics_title_exact_match(gold, title, expected):
    assert title_matches(gold, title) is expected


@pytest.mark.parametrize("date, expected", [
    ("2019-11-17", True),
    ("2019-11-17T08:30:00+01:00", True),
    (datetime.datetime(2019, 11, 17, 23, 59), True),
    (datetime.date(2019, 11, 18), False),
    ("--11-17", False),  # a partial date without the year is not the gold day
    (None, False),
])
def test_bench_metrics_date_accuracy_compares_the_day(date, expected):
    assert date_matches("2019-11-17", date) is expected


def test_bench_metrics_rare_languages_pool_into_other():
    cases = [Case(id=str(i), html="", language=lang) for i, lang in enumerate("de de de de de en fr".split())]
    assert language_groups(cases) == {"de": [0, 1, 2, 3, 4], "other": [5, 6]}


@pytest.mark.parametrize("gold, expected", [
    ("EXTRACTED NOTHING", True),  # README §1: under 50 characters
    ("", True),
    ("MISSED ENTIRE ARTICLE BECAUSE IT'S LOADED DYNAMICALLY BY JAVASCRIPT", True),
    ('ONLY "More coming soon!" AT END OF ARTICLE WAS EXTRACTED', True),
    ("Going Gray This season, designers updated a classic color by way of modern silhouettes.", False),
    ("香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并就此道歉。" * 2, False),
    ("NASA SAYS THE PROBE REACHED ORBIT. " * 8, False),  # capitals, but as long as an article
])
def test_bench_metrics_notes_in_place_of_gold_text_are_recognised(gold, expected):
    assert is_note(gold) is expected
