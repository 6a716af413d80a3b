"""One statement, many reports: the quotations of several articles that are the same statement.

    statements = group_statements(articles)   # annotated Articles, any number
    for statement in statements:
        statement.text, statement.speaker, [article_id for article_id, _ in statement.reports]

Wire copy and rewrites quote the same words with other punctuation, other quotation
marks, an editor's note inside or a sentence cut off. Quotations are compared by their
normalised words: the same statement when the shorter one's word trigrams are nearly all
in the longer one (a cut quotation is the same statement) and the speakers do not
disagree. A Russian report of an English statement is a translation, with no words in
common: given the quotations' sentence-model vectors (connect/meaning.py, any language into
one space), statements of two languages whose vectors are each other's closest join too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple, Sequence

import numpy as np

from ..records import Article, Quote
from .quotes import INSERTION

# Share of the shorter quotation's word trigrams that must be in the longer one. Set by
# reasoning and pinned by the tests (no labelled set of repeated quotations yet): 0.8 keeps
# a quotation cut at either end or with a word changed, and keeps apart two answers of
# one speaker that share a clause ('we are ready for this').
CONTAINMENT = 0.8
# Below this many words a quotation ('We are ready') is too common to be matched on
# overlap: only the same words from the same speaker make one statement.
SHORT_WORDS = 5
SHINGLE = 3
# A trigram shared by more quotations than this ('it is important') says nothing; skipping
# it keeps the comparison near-linear on large collections.
COMMON_SHINGLE = 500
# Statements of two languages are one, translated, when their vectors are each other's
# closest across the two and at least this alike (both SHORT_WORDS long or more: 'You' and
# 'Давай' are close). On 153 English news items and their Russian machine translations
# (bench/statements.py), every pair so joined at 0.6 came from one item and its
# translation, against 0.993 at 0.5; each 0.05 higher finds about 2 points fewer.
TRANSLATION_COSINE = 0.6

ROWS_AT_ONCE = 1024  # statements compared with all those of another language in one block
Vectors = Mapping[str, Sequence["np.ndarray | None"]]  # article id -> its quotes' vectors, in order


class Report(NamedTuple):
    article_id: str
    language: str | None
    quote: Quote
    vector: np.ndarray | None = None


@dataclass(frozen=True)
class Statement:
    """What was said once, with every report of it: (article id, quote) in input order."""

    text: str  # the longest report in `language`
    speaker: str | None
    speaker_id: str | None
    language: str | None  # the first report's; `text` is the longest report in it
    reports: tuple[tuple[str, Quote], ...]
    translations: tuple[tuple[str, str], ...] = ()  # (language, longest report) in the others


def group_statements(articles: Iterable[Article], containment: float = CONTAINMENT,
                     vectors: Vectors | None = None, translation_cosine: float = TRANSLATION_COSINE
                     ) -> list[Statement]:
    """Every quotation of `articles` in one statement; statements with most reports first.
    With `vectors`, statements in different languages join as translations."""
    vectors = vectors or {}
    reports = [Report(article.id, article.language, quote, vector)
               for article in articles
               for quote, vector in zip(article.quotes, vectors.get(article.id) or [None] * len(article.quotes))
               if normalised_words(quote.text)]
    groups = UnionFind([report.quote.speaker_id for report in reports])
    for i, j in sorted(candidate_pairs(reports)):
        if same_statement(reports[i], reports[j], containment):
            groups.union(i, j)
    for i, j in translation_pairs(reports, groups.members(), translation_cosine):
        groups.union(i, j)
    statements = [statement([reports[i] for i in members]) for members in groups.members()]
    return sorted(statements, key=lambda s: -len(s.reports))


def normalised_words(text: str) -> tuple[str, ...]:
    """Words in lower case, without editors' notes, quotation marks or punctuation; ё is е."""
    text = INSERTION.sub(" ", text).lower().replace("ё", "е")
    return tuple(re.findall(r"\w+", text))


def shingles(words: tuple[str, ...], size: int = SHINGLE) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {words}
    return {words[i:i + size] for i in range(len(words) - size + 1)}


def candidate_pairs(reports) -> set[tuple[int, int]]:
    """Pairs that share a trigram in the same language: the only ones worth comparing."""
    index: dict = {}
    for i, report in enumerate(reports):
        for shingle in shingles(normalised_words(report.quote.text)):
            index.setdefault((report.language, shingle), []).append(i)
    return {(a, b) for members in index.values() if len(members) <= COMMON_SHINGLE
            for k, a in enumerate(members) for b in members[k + 1:]}


def same_statement(a: Report, b: Report, containment: float = CONTAINMENT) -> bool:
    quote_a, quote_b = a.quote, b.quote
    if a.language != b.language or speakers_disagree(quote_a, quote_b):
        return False
    words_a, words_b = normalised_words(quote_a.text), normalised_words(quote_b.text)
    if min(len(words_a), len(words_b)) < SHORT_WORDS:
        return words_a == words_b and quote_a.speaker_id is not None and quote_a.speaker_id == quote_b.speaker_id
    shingles_a, shingles_b = shingles(words_a), shingles(words_b)
    shared = len(shingles_a & shingles_b)
    return shared >= containment * min(len(shingles_a), len(shingles_b))


def speakers_disagree(a: Quote, b: Quote) -> bool:
    return a.speaker_id is not None and b.speaker_id is not None and a.speaker_id != b.speaker_id


def translation_pairs(reports: list[Report], statements: list[list[int]], cosine: float = TRANSLATION_COSINE
                      ) -> list[tuple[int, int]]:
    """(a report of one statement, a report of another) for each two statements in two
    languages that are each other's closest by the mean vector of their reports, and
    alike enough; statements whose named speakers differ are never compared."""
    by_language: dict = {}
    for members in statements:
        vectors = [reports[i].vector for i in members if reports[i].vector is not None]
        if vectors and min(len(normalised_words(reports[i].quote.text)) for i in members) >= SHORT_WORDS:
            mean = np.mean(vectors, axis=0)
            speaker = next((reports[i].quote.speaker_id for i in members if reports[i].quote.speaker_id), None)
            by_language.setdefault(reports[members[0]].language, []).append(
                (members[0], mean / np.linalg.norm(mean), speaker))
    languages = sorted(by_language, key=str)
    return [pair for k, first in enumerate(languages) for second in languages[k + 1:]
            for pair in closest_pairs(by_language[first], by_language[second], cosine)]


def closest_pairs(first: list, second: list, cosine: float) -> list[tuple[int, int]]:
    """The report indexes of (report index, vector, speaker id) entries of the two lists
    that are each other's closest, at least `cosine` alike. Rows go in blocks, so that a
    much-quoted speaker's page holds a block of cosines in memory, not all of them."""
    codes: dict = {None: 0}  # speakers as numbers; 0 is no named speaker
    speakers_a = np.array([codes.setdefault(s, len(codes)) for _, _, s in first])
    speakers_b = np.array([codes.setdefault(s, len(codes)) for _, _, s in second])
    vectors_b = np.array([v for _, v, _ in second])
    best_in_second = np.empty(len(first), dtype=int)
    best_cosine, best_in_first = np.full(len(second), -np.inf), np.zeros(len(second), dtype=int)
    for start in range(0, len(first), ROWS_AT_ONCE):
        rows = slice(start, start + ROWS_AT_ONCE)
        similar = np.array([v for _, v, _ in first[rows]]) @ vectors_b.T
        a, b = speakers_a[rows, None], speakers_b[None, :]
        similar[(a != 0) & (b != 0) & (a != b)] = -1.0
        best_in_second[rows] = similar.argmax(axis=1)
        block_best = similar.max(axis=0)
        better = block_best > best_cosine
        best_cosine[better], best_in_first[better] = block_best[better], start + similar.argmax(axis=0)[better]
    return [(first[row][0], second[column][0]) for row, column in enumerate(best_in_second)
            if best_in_first[column] == row and best_cosine[column] >= cosine]


def statement(members: list[Report]) -> Statement:
    language = members[0].language
    longest = longest_quote(m for m in members if m.language == language)
    named = next((m.quote for m in members if m.quote.speaker_id), longest)
    translations = tuple((other, longest_quote(m for m in members if m.language == other).text)
                         for other in dict.fromkeys(m.language for m in members) if other != language)
    return Statement(longest.text, named.speaker, named.speaker_id, language,
                     tuple((m.article_id, m.quote) for m in members), translations)


def longest_quote(reports: Iterable[Report]) -> Quote:
    return max((report.quote for report in reports), key=lambda quote: len(quote.text))


class UnionFind:
    """Disjoint sets of reports that never join two named speakers: a report with no
    speaker may join Price's or Psaki's statement, not both into one."""

    def __init__(self, speaker_ids: list[str | None]):
        self.parent = list(range(len(speaker_ids)))
        self.speaker = list(speaker_ids)  # the named speaker of each set, at its root

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = sorted((self.find(a), self.find(b)))
        if a == b or (self.speaker[a] and self.speaker[b] and self.speaker[a] != self.speaker[b]):
            return
        self.parent[b] = a
        self.speaker[a] = self.speaker[a] or self.speaker[b]

    def members(self) -> list[list[int]]:
        sets: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            sets.setdefault(self.find(i), []).append(i)
        return list(sets.values())
