"""Story records built from the articles the store holds: pure functions, no SQL."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.records import Article, Dossier, Quote, Story, StoryArticle, StoryEntity, StoryStatement
from storyline.understand.statements import Vectors, group_statements

# A story page lists the entities named most often; the long tail is in the articles.
STORY_ENTITIES = 20


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


def build_story(story_id: str, articles: Iterable[StoryArticle], entities: Iterable[StoryEntity] = (),
                quotes: Iterable[tuple[str, Quote]] = (), quote_vectors: Vectors | None = None) -> Story:
    """A story from its articles, which must come in insertion order (the tie-break), the
    entities they name (with article counts), their (article id, quote) pairs and the
    quotes' vectors by article, which join statements across languages."""
    ordered = tuple(sorted(articles, key=lambda article: date_order(article.published)))
    dates = [article.published for article in ordered if is_full_date(article.published)]
    return Story(
        id=story_id,
        titles=earliest_titles(ordered),
        languages=tuple(dict.fromkeys(a.language for a in ordered if a.language)),
        first_published=min(dates, default=None),
        last_published=max(dates, default=None),
        articles=ordered,
        entities=tuple(sorted(entities, key=lambda e: (-e.articles, e.type, e.name)))[:STORY_ENTITIES],
        statements=story_statements(ordered, quotes, quote_vectors),
    )


def build_dossier(id: str, type: str, names: list[str], articles: Iterable[StoryArticle],
                  quotes: Iterable[tuple[str, Quote]], quote_vectors: Vectors | None = None) -> Dossier:
    """An entity from its names (most used first), the articles naming it in insertion
    order, the (article id, quote) pairs it is the speaker of, and their vectors."""
    ordered = tuple(sorted(articles, key=lambda article: date_order(article.published)))
    return Dossier(id=id, name=names[0], type=type, names=tuple(names), articles=ordered,
                   statements=story_statements(ordered, quotes, quote_vectors))


def story_statements(ordered: tuple[StoryArticle, ...], quotes: Iterable[tuple[str, Quote]],
                     quote_vectors: Vectors | None = None) -> tuple[StoryStatement, ...]:
    """The story's quotations as statements, each once with all its reports, earliest first."""
    position = {article.id: number for number, article in enumerate(ordered)}
    by_article: dict[str, list[Quote]] = {}  # in each article's own order
    for article_id, quote in quotes:
        by_article.setdefault(article_id, []).append(quote)
    reporting = [Article(id=a.id, source=a.source, language=a.language, quotes=tuple(by_article[a.id]))
                 for a in ordered if a.id in by_article]
    timeline = []
    for statement in group_statements(reporting, vectors=quote_vectors):
        ids = sorted({article_id for article_id, _ in statement.reports}, key=position.__getitem__)
        kind = "direct" if any(quote.kind == "direct" for _, quote in statement.reports) else "indirect"
        first = min(by_article[ids[0]].index(quote) for article_id, quote in statement.reports
                    if article_id == ids[0])
        timeline.append(((position[ids[0]], first), StoryStatement(
            statement.speaker, statement.speaker_id, kind, statement.text, statement.language,
            ordered[position[ids[0]]].published, tuple(ids), statement.translations)))
    return tuple(statement for _, statement in sorted(timeline, key=lambda pair: pair[0]))


def earliest_titles(ordered: Iterable[StoryArticle]) -> tuple[tuple[str, str], ...]:
    """(language, title) of the earliest titled article in each language."""
    titles: dict[str, str] = {}
    for article in ordered:
        if article.language and article.title:
            titles.setdefault(article.language, article.title)
    return tuple(titles.items())
