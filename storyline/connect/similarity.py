"""How alike two articles are, in any pair of languages.

For now two signals: the canonical entities both name (script-independent, so
it works across languages) and a word cosine of title and lead (same language
only). A multilingual sentence model joins them in the stories work.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from storyline.records import Article

# People identify a story best, places least ('Russia' is in half the news).
TYPE_WEIGHTS = {"PER": 3.0, "ORG": 2.0, "LOC": 1.0}
WORD = re.compile(r"\w{4,}")  # words under four letters are mostly function words
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True)
class Similarity:
    score: float
    entities: float
    words: float
    days_apart: int | None


def entity_weights(article: Article, agencies: frozenset[str] = frozenset()) -> dict[str, float]:
    """Canonical entity id → weight; the wire agencies of datelines say nothing of the story.
    `agencies` holds lowercased agency names."""
    return {entity.id: TYPE_WEIGHTS.get(entity.type, 1.0) for entity in article.entities
            if not {entity.name.lower(), (entity.names.en or "").lower()} & agencies}


def dice(a: dict[str, float], b: dict[str, float]) -> float:
    total = sum(a.values()) + sum(b.values())
    shared = sum(min(a[key], b[key]) for key in a.keys() & b.keys())
    return 2 * shared / total if total else 0.0


def word_vector(article: Article) -> Counter:
    text = " ".join([article.title or "", *article.body[:LEAD_PARAGRAPHS]]).lower()
    return Counter(WORD.findall(text))


def cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[word] * b[word] for word in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def days_between(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):  # missing or partial (--MM-DD) dates
        return None


def similarity(a: Article, b: Article, max_days_apart: int = 120,
               agencies: frozenset[str] = frozenset()) -> Similarity:
    entities = dice(entity_weights(a, agencies), entity_weights(b, agencies))
    words = cosine(word_vector(a), word_vector(b)) if a.language == b.language else 0.0
    days = days_between(a.published, b.published)
    score = max(entities, words)
    if days is not None and days > max_days_apart:
        score /= 2  # far apart in time: more likely two stories about the same actors
    return Similarity(round(score, 4), round(entities, 4), round(words, 4), days)
