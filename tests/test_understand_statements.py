"""Statements across languages: reports with no words in common join by their vectors."""

from __future__ import annotations

import numpy as np

from storyline.records import Article, Quote
from storyline.understand.statements import TRANSLATION_COSINE, group_statements

OPEN_EN = "The door of diplomacy remains open to Moscow"
OPEN_RU = "Дверь для дипломатии с Москвой остается открытой"
READY_EN = "We are ready to meet again in Geneva next week"


def unit(*values) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def article(id, language, *quotes):
    return Article(id=id, source=id, language=language, quotes=tuple(
        Quote(speaker, speaker and f"PER:{speaker}", "direct", text, "said", 0, 0, len(text))
        for speaker, text in quotes))


def grouped(statements) -> list[list[str]]:
    return sorted(sorted(id for id, _ in s.reports) for s in statements)


def test_a_translation_joins_the_statement_it_is_closest_to():
    articles = [article("en", "en", ("Psaki", OPEN_EN), ("Psaki", READY_EN)), article("ru", "ru", ("Psaki", OPEN_RU))]
    vectors = {"en": [unit(1, 0, 0), unit(0.6, 0.8, 0)], "ru": [unit(0.95, 0.1, 0)]}
    statements = group_statements(articles, vectors=vectors)
    (joined,) = [s for s in statements if len(s.reports) == 2]
    assert (joined.language, joined.text, joined.translations) == ("en", OPEN_EN, (("ru", OPEN_RU),))
    assert [quote.text for _, quote in joined.reports] == [OPEN_EN, OPEN_RU]


def test_translations_need_vectors_close_enough_and_speakers_that_agree():
    cosine = TRANSLATION_COSINE - 0.05
    far = unit(cosine, (1 - cosine ** 2) ** 0.5, 0)
    cases = [
        ([article("en", "en", ("Psaki", OPEN_EN)), article("ru", "ru", ("Psaki", OPEN_RU))], {"en": [unit(1, 0)]}),
        ([article("en", "en", ("Psaki", OPEN_EN)), article("ru", "ru", ("Psaki", OPEN_RU))],
         {"en": [unit(1, 0, 0)], "ru": [far]}),
        ([article("en", "en", ("Psaki", OPEN_EN)), article("ru", "ru", ("Price", OPEN_RU))],
         {"en": [unit(1, 0)], "ru": [unit(1, 0)]}),
        ([article("en", "en", ("Psaki", "We are ready")), article("ru", "ru", ("Psaki", "Мы готовы"))],
         {"en": [unit(1, 0)], "ru": [unit(1, 0)]}),  # too short to tell apart
    ]
    for articles, vectors in cases:
        assert grouped(group_statements(articles, vectors=vectors)) == [["en"], ["ru"]]


def test_an_unnamed_report_may_join_a_named_speakers_statement():
    articles = [article("en", "en", ("Psaki", OPEN_EN)), article("ru", "ru", (None, OPEN_RU))]
    (statement,) = group_statements(articles, vectors={"en": [unit(1, 0)], "ru": [unit(1, 0.1)]})
    assert (statement.speaker_id, statement.translations) == ("PER:Psaki", (("ru", OPEN_RU),))


def test_reports_of_one_language_join_on_words_before_translations_are_matched():
    articles = [article("a", "en", ("Psaki", OPEN_EN)), article("b", "en", ("Psaki", OPEN_EN + ".")),
                article("c", "ru", ("Psaki", OPEN_RU))]
    vectors = {"a": [unit(1, 0)], "b": [None], "c": [unit(1, 0.2)]}
    (statement,) = group_statements(articles, vectors=vectors)
    assert [id for id, _ in statement.reports] == ["a", "b", "c"]


def test_closest_pairs_are_the_same_compared_in_blocks(monkeypatch):
    from storyline.understand import statements

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(60, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    speakers = [None, "PER:a", "PER:b"]
    first = [(i, vectors[i], speakers[i % 3]) for i in range(35)]
    second = [(i, vectors[i], speakers[i % 2]) for i in range(35, 60)]
    whole = statements.closest_pairs(first, second, 0.2)
    monkeypatch.setattr(statements, "ROWS_AT_ONCE", 4)
    assert statements.closest_pairs(first, second, 0.2) == whole
    assert whole  # the blocks had pairs to agree on
