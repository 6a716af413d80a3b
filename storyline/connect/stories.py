"""Stories, online: each new article joins the story of its most similar stored article,
or opens a story of its own. Candidates come from an index of shared entities."""

from __future__ import annotations

from storyline.connect.similarity import similarity
from storyline.records import Article


def story_keys(article: Article) -> set[str]:
    """What candidate search looks up: the article's canonical entity ids."""
    return {entity.id for entity in article.entities}


def choose_story(article: Article, candidates: list[tuple[Article, str]], threshold: float,
                 max_days_apart: int, agencies: frozenset[str] = frozenset()) -> str:
    """The story id the article belongs to: the best candidate's above the threshold, else new."""
    best_score, best_story = 0.0, None
    for candidate, story_id in candidates:
        if candidate.id == article.id:
            continue
        score = similarity(article, candidate, max_days_apart, agencies).score
        if score > best_score:
            best_score, best_story = score, story_id
    if best_story is not None and best_score >= threshold:
        return best_story
    return new_story_id(article)


def new_story_id(article: Article) -> str:
    """A story is named after the article that opened it, so ids are stable across reruns."""
    return f"s{article.id}"
