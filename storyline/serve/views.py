"""What the templates show, as pure functions: dates, safe links, marked snippets, entity spans.

Everything here takes text from news pages, which is hostile: values go out
either as plain strings for Jinja to escape, or as Markup built from escaped text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from storyline.records import Article, Entity, Mention, Quote, StoryArticle, StoryEntity, StoryStatement
from storyline.store import MARK_END, MARK_START
from storyline.store.stories import is_full_date

ENTITY_TYPES = {"PER", "ORG", "LOC"}  # anything else is shown as "other", never as a raw class name


def display_date(published: str | None) -> str:
    """`2024-03-01T10:00:00+03:00` → `2024-03-01 10:00`; `--03-01` → `03-01, year unknown`."""
    if not published:
        return ""
    if not is_full_date(published):
        return f"{published.lstrip('-')}, year unknown"
    day, _, time = published.partition("T")
    return f"{day} {time[:5]}" if time else day


def safe_url(url: str | None) -> str | None:
    """Only web links are links: `javascript:` and friends from a page must not become hrefs."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def snippet_html(snippet: str) -> Markup:
    """Escape the snippet first, then turn the store's match marks into <mark>."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def snippet_text(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def entity_class(entity: Entity | StoryEntity | None) -> str:
    if entity is None:
        return ""
    return entity.type if entity.type in ENTITY_TYPES else "other"


@dataclass(frozen=True)
class Segment:
    """A run of paragraph text, and the entity it mentions, if any."""

    text: str
    entity: Entity | None = None


def paragraph_segments(paragraph: str, number: int, entities: Iterable[Entity]) -> list[Segment]:
    """Split a paragraph at its entity mentions; bad or overlapping offsets are skipped."""
    spans = sorted(((m, e) for e in entities for m in e.mentions
                    if m.paragraph == number and 0 <= m.start < m.end <= len(paragraph)),
                   key=_mention_order)
    segments, cursor = [], 0
    for mention, entity in spans:
        if mention.start < cursor:
            continue
        segments += [Segment(paragraph[cursor:mention.start]), Segment(paragraph[mention.start:mention.end], entity)]
        cursor = mention.end
    segments.append(Segment(paragraph[cursor:]))
    return [segment for segment in segments if segment.text]


def quote_segments(quote: Quote) -> list[tuple[str, bool]]:
    """(text, is an editor's insertion) runs of a quotation: '(to the proposals - IF)' is the
    editor's, not the speaker's, and is shown apart."""
    segments, cursor = [], 0
    for insertion in quote.editorial_insertions:
        start = quote.text.find(insertion, cursor) if insertion else -1
        if start < 0:
            continue
        segments += [(quote.text[cursor:start], False), (insertion, True)]
        cursor = start + len(insertion)
    segments.append((quote.text[cursor:], False))
    return [(text, inserted) for text, inserted in segments if text]


def article_summary(article: Article) -> dict:
    return {"id": article.id, "source": article.source, "url": article.url, "language": article.language,
            "title": article.title, "published": article.published}


@dataclass(frozen=True)
class Entry:
    """An article of a column, with the wire copies that republish it."""

    article: Article | StoryArticle
    copies: tuple[Article | StoryArticle, ...] = ()


def by_language(articles: Iterable[Article | StoryArticle], originals: Mapping[str, str | None] | None = None
                ) -> dict[str, list[Entry]]:
    """Articles grouped into one column per language, in the order given (date order); a
    wire copy goes under its original (`originals`: copy id -> original id, else the
    articles' own `wire_copy_of`) when that is among them."""
    articles = list(articles)
    originals = originals if originals is not None else {a.id: getattr(a, "wire_copy_of", None) for a in articles}
    present = {article.id for article in articles}
    copies: dict[str, list] = {}
    for article in articles:
        if originals.get(article.id) in present:
            copies.setdefault(originals[article.id], []).append(article)
    columns: dict[str, list[Entry]] = {}
    for article in articles:
        if originals.get(article.id) not in present:
            columns.setdefault(article.language or "", []).append(Entry(article, tuple(copies.get(article.id, ()))))
    return columns


def by_speaker(statements: Iterable[StoryStatement]) -> list[tuple[str | None, str | None, list[StoryStatement]]]:
    """(speaker, speaker id, their statements in date order), the most quoted speaker first
    and statements whose speaker the text does not name last."""
    speakers: dict[str | None, list[StoryStatement]] = {}
    for statement in statements:
        speakers.setdefault(statement.speaker_id, []).append(statement)
    ranked = sorted(speakers.items(), key=lambda item: (item[0] is None, -len(item[1])))
    return [(said[0].speaker if id else None, id, said) for id, said in ranked]


def _mention_order(pair: tuple[Mention, Entity]) -> tuple[int, int]:
    # Earliest first; of two starting together the longer wins ("Vladimir Putin" over "Vladimir").
    return pair[0].start, -pair[0].end
