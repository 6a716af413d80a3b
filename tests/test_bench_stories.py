"""bench/stories.py: its metrics and the reprint generator."""

import random

import pytest

import numpy as np

from bench.stories import (CHROME, bcubed, best_threshold, f1_at, fit_logistic, gold_pairs, make_reprint,
                           pair_prf, pearson)

PARAGRAPHS = ["First sentence here. Second one follows.", "Another paragraph. With two sentences.",
              "A third paragraph stands alone.", "The fourth one ends it. Truly."]


def test_bench_stories_f1_counts_the_positive_class():
    assert f1_at([0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], 0.5) == (0.5, 0.5, 0.5, 0.5)
    assert best_threshold([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]) == 0.8


def test_bench_stories_pearson_none_for_constant_input():
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1, 2, 3], [-1, -2, -3]) == pytest.approx(-1.0)


def test_bench_stories_bcubed_perfect_and_all_in_one():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed({"a": 1, "b": 1, "c": 1}, gold)
    assert recall == 1.0 and precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_bench_stories_pairs_within_groups():
    pairs = gold_pairs({"o": "g", "c1": "g", "c2": "g", "x": "h"})
    assert pairs == {frozenset(p) for p in [("o", "c1"), ("o", "c2"), ("c1", "c2")]}
    assert pair_prf({frozenset(("o", "c1"))}, pairs) == pytest.approx((1.0, 1 / 3, 0.5))


def test_bench_stories_reprint_is_deterministic_and_keeps_text():
    one = make_reprint("Title", PARAGRAPHS, "en", random.Random(3))
    assert one == make_reprint("Title", PARAGRAPHS, "en", random.Random(3))
    kept = " ".join(p for p in one[1] if p not in CHROME["en"])
    assert len(kept.split()) >= 8


def test_bench_stories_fit_logistic_recovers_soft_targets():
    bias, weights = fit_logistic(np.array([[0.0], [1.0]]), np.array([0.25, 0.75]), l2=0.0)
    assert bias == pytest.approx(-np.log(3)) and weights[0] == pytest.approx(2 * np.log(3))


def test_bench_stories_fit_logistic_l2_shrinks_the_weights():
    features, targets = np.array([[0.0], [1.0]]), np.array([0.25, 0.75])
    assert 0 < fit_logistic(features, targets, l2=1.0)[1][0] < fit_logistic(features, targets, l2=0.0)[1][0]
