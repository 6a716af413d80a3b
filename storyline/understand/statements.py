"""One statement, many reports: the quotations of several articles that are the same statement.

    statements = group_statements(articles)   # annotated Articles, any number
    for statement in statements:
        statement.text, statement.speaker, [article_id for article_id, _ in statement.reports]

Wire copy and rewrites quote the same words with other punctuation, other quotation
marks, an editor's note inside or a sentence cut off. Quotations are compared by their
normalised words: the same statement when the shorter one's word trigrams are nearly all
in the longer one (a cut quotation is the same statement) and the speakers do not
disagree. Within a language for now: a Russian report of an English statement is a
translation, which needs cross-lingual similarity (connect/), not equal words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

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


@dataclass(frozen=True)
class Statement:
    """What was said once, with every report of it: (article id, quote) in input order."""

    text: str  # the longest report's words
    speaker: str | None
    speaker_id: str | None
    language: str | None
    reports: tuple[tuple[str, Quote], ...]


def group_statements(articles: Iterable[Article], containment: float = CONTAINMENT) -> list[Statement]:
    """Every quotation of `articles` in one statement; statements with most reports first."""
    reports = [(article.id, article.language, quote) for article in articles for quote in article.quotes
               if normalised_words(quote.text)]
    groups = UnionFind([quote.speaker_id for _, _, quote in reports])
    for i, j in sorted(candidate_pairs(reports)):
        if same_statement(reports[i], reports[j], containment):
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
    for i, (_, language, quote) in enumerate(reports):
        for shingle in shingles(normalised_words(quote.text)):
            index.setdefault((language, shingle), []).append(i)
    return {(a, b) for members in index.values() if len(members) <= COMMON_SHINGLE
            for k, a in enumerate(members) for b in members[k + 1:]}


def same_statement(a, b, containment: float = CONTAINMENT) -> bool:
    (_, language_a, quote_a), (_, language_b, quote_b) = a, b
    if language_a != language_b or speakers_disagree(quote_a, quote_b):
        return False
    words_a, words_b = normalised_words(quote_a.text), normalised_words(quote_b.text)
    if min(len(words_a), len(words_b)) < SHORT_WORDS:
        return words_a == words_b and quote_a.speaker_id is not None and quote_a.speaker_id == quote_b.speaker_id
    shingles_a, shingles_b = shingles(words_a), shingles(words_b)
    shared = len(shingles_a & shingles_b)
    return shared >= containment * min(len(shingles_a), len(shingles_b))


def speakers_disagree(a: Quote, b: Quote) -> bool:
    return a.speaker_id is not None and b.speaker_id is not None and a.speaker_id != b.speaker_id


def statement(members) -> Statement:
    longest = max(members, key=lambda report: len(report[2].text))[2]
    named = next((quote for _, _, quote in members if quote.speaker_id), longest)
    return Statement(longest.text, named.speaker, named.speaker_id, members[0][1],
                     tuple((article_id, quote) for article_id, _, quote in members))


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
