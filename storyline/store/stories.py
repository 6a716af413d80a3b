"""Story records built from the articles the store holds: pure functions, no SQL."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.records import Story, StoryArticle


def is_full_date(published: str | None) -> bool:
    """A date with a year (ISO 8601); partial dates such as `--12-15` have none."""
    return bool(published) and published[0].isdigit()


def date_order(published: str | None) -> tuple[int, str]:
    """Sort key: full dates first in time order, then partial dates, then undated."""
    if is_full_date(published):
        return (0, published)
    if published:
        return (1, published)
    return (2, "")


def build_story(story_id: str, articles: Iterable[StoryArticle]) -> Story:
    """A story from its articles, which must come in insertion order (the tie-break)."""
    ordered = tuple(sorted(articles, key=lambda article: date_order(article.published)))
    dates = [article.published for article in ordered if is_full_date(article.published)]
    return Story(
        id=story_id,
        titles=earliest_titles(ordered),
        languages=tuple(dict.fromkeys(a.language for a in ordered if a.language)),
        first_published=min(dates, default=None),
        last_published=max(dates, default=None),
        articles=ordered,
    )


def earliest_titles(ordered: Iterable[StoryArticle]) -> tuple[tuple[str, str], ...]:
    """(language, title) of the earliest titled article in each language."""
    titles: dict[str, str] = {}
    for article in ordered:
        if article.language and article.title:
            titles.setdefault(article.language, article.title)
    return tuple(titles.items())
