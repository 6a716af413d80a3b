"""Wire copies: the same item republished, with added chrome, cut paragraphs or light edits.

Two steps, as near-duplicate detection is usually done:

1. Candidates by MinHash LSH (datasketch's MinHash over word shingles). The banding is
   the one `datasketch.MinHashLSH` does, but each band becomes a plain string key
   (`copy_keys`) that the store indexes beside the entity keys, so the buckets persist
   across runs and need no server.
2. Confirmation by sentence alignment with rapidfuzz: a copy is an article whose
   sentences are, nearly all, sentences of the other one (cut paragraphs and added
   chrome cost nothing, reordered sentences nothing, small edits within one little).

Same language only, by construction: a translation shares no shingles and no sentences.
The declared language is not required to match, as language ID can call an English page
with a German quote 'de' while its copy reads 'en'.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from storyline.records import Article

WORD = re.compile(r"\w+")
SHINGLE_WORDS = 4  # word 4-grams: rare enough across different texts, robust to single-word edits
# 32 bands of 2 rows: a pair becomes a candidate with probability 1 - (1 - J^2)^32, i.e.
# 0.95 at shingle Jaccard 0.3 (a copy that keeps about half of the original) and 0.08
# at 0.05. Unrelated news sits near 0.001, so false candidates are rare and the
# confirmation step sees few (bench/stories.py, generated reprints: LSH misses < 1 %).
BANDS, ROWS = 32, 2
SEED = 1  # fixed: keys must be the same in every run and process
MIN_WORDS = 40  # shorter texts (a headline, a one-line brief) match too easily to call copies
# Sentences shorter than this (chrome lines, captions, datelines) may align but do not
# count towards containment: 'Share this article' says nothing of whose copy it is.
MIN_UNIT_WORDS = 6
SENTENCE_MATCH = 85.0  # rapidfuzz token_sort_ratio (0-100) for 'the same sentence, lightly edited'
# Share of the shorter text's characters in aligned sentences for a copy. Swept on the
# generated reprints of bench/stories.py (1 945 docs): precision 0.995 from 0.6 to 0.85,
# recall 0.998 at 0.6, 0.991 at 0.75, 0.983 at 0.8, 0.947 at 0.9. 0.75 keeps a margin
# above the point where two reports sharing a quoted statement or two would start to
# count, which the generated set does not measure.
COPY_THRESHOLD = 0.75


@dataclass(frozen=True)
class CopyMatch:
    """How much of the shorter article the other one contains, sentence by sentence."""

    similarity: float            # 0-1, share of the shorter text's characters aligned
    pairs: tuple[tuple[int, int, float], ...]  # (sentence of a, sentence of b, score 0-100)


@dataclass(frozen=True)
class CopyDifferences:
    """What a copy changed against its original, sentence by sentence."""

    added: tuple[str, ...]       # in the copy only: chrome, local additions
    cut: tuple[str, ...]         # in the original only
    edited: tuple[tuple[str, str], ...]  # (original, copy) sentences aligned, words changed


def copy_words(article: Article) -> list[str]:
    text = " ".join(filter(None, [article.title, *article.body]))
    return WORD.findall(text.lower())


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(1, len(words) - size + 1))}


def copy_keys(article: Article) -> list[str]:
    """LSH band keys of the article's text: two articles that share a key are copy candidates.
    None for texts too short to judge."""
    words = copy_words(article)
    if len(words) < MIN_WORDS:
        return []
    from datasketch import MinHash

    signature = MinHash(num_perm=BANDS * ROWS, seed=SEED)
    signature.update_batch(list(shingles(words)))
    bands = np.asarray(signature.hashvalues, dtype=np.uint64).reshape(BANDS, ROWS)
    return [f"copy:{band}:{hashlib.blake2b(row.tobytes(), digest_size=6).hexdigest()}"
            for band, row in enumerate(bands)]


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«„“(]?[A-ZА-ЯЁ0-9])")


def units(article: Article) -> list[str]:
    """What alignment compares: the sentences of the body. Sentences, not paragraphs, so
    that a copy which splits or joins paragraphs, or moves sentences, still aligns."""
    return [sentence for paragraph in article.body for sentence in SENTENCE_END.split(paragraph)
            if WORD.search(sentence)]


def match_copy(a: Article, b: Article) -> CopyMatch:
    """Align sentences greedily, best pairs first, each sentence used once."""
    from rapidfuzz import fuzz, process

    left, right = units(a), units(b)
    if not left or not right:
        return CopyMatch(0.0, ())
    scores = process.cdist(left, right, scorer=fuzz.token_sort_ratio, processor=str.lower,
                           score_cutoff=SENTENCE_MATCH, workers=1)
    pairs, used_left, used_right = [], set(), set()
    for i, j in sorted(zip(*np.nonzero(scores)), key=lambda ij: -scores[ij]):
        if i not in used_left and j not in used_right:
            pairs.append((int(i), int(j), float(scores[i, j])))
            used_left.add(i)
            used_right.add(j)
    return CopyMatch(round(containment(left, right, pairs), 4), tuple(sorted(pairs)))


def weight(unit: str) -> int:
    return len(unit) if len(unit.split()) >= MIN_UNIT_WORDS else 0


def containment(left: list[str], right: list[str], pairs) -> float:
    """Aligned characters over the characters of the shorter side (short units left out)."""
    left_aligned = sum(weight(left[i]) for i, _, _ in pairs)
    right_aligned = sum(weight(right[j]) for _, j, _ in pairs)
    left_total, right_total = sum(map(weight, left)), sum(map(weight, right))
    shorter = min((left_total, left_aligned), (right_total, right_aligned))
    return shorter[1] / shorter[0] if shorter[0] else 0.0


def is_copy(a: Article, b: Article, threshold: float = COPY_THRESHOLD) -> float | None:
    """The copy similarity when one is a copy of the other, else None."""
    if min(len(copy_words(a)), len(copy_words(b))) < MIN_WORDS:
        return None
    match = match_copy(a, b)
    return match.similarity if match.similarity >= threshold else None


def copy_differences(original: Article, copy: Article) -> CopyDifferences:
    """Added, cut and edited sentences of `copy` against `original`."""
    left, right = units(original), units(copy)
    pairs = match_copy(original, copy).pairs
    aligned_left, aligned_right = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    return CopyDifferences(
        added=tuple(p for j, p in enumerate(right) if j not in aligned_right),
        cut=tuple(p for i, p in enumerate(left) if i not in aligned_left),
        edited=tuple((left[i], right[j]) for i, j, _ in pairs if reworded(left[i], right[j])),
    )


def reworded(before: str, after: str) -> bool:
    """Whether an aligned sentence changed its words: a dash, a comma or ё for е is no edit
    a reader needs shown."""
    def words(text: str) -> list[str]:
        return WORD.findall(text.lower().replace("ё", "е"))
    return words(before) != words(after)


def earlier_original(a: Article, b: Article, agency_hosts: frozenset[str] = frozenset()) -> Article:
    """Which of two copies is the original: one on a wire agency's own site, else the
    earlier full date, else `a` (the one stored first)."""
    def rank(article: Article):
        on_agency_site = any(host in (article.url or "").lower() for host in agency_hosts)
        published = article.published if article.published and article.published[0].isdigit() else "9999"
        return (not on_agency_site, published)
    return b if rank(b) < rank(a) else a
