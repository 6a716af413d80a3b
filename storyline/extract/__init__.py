"""Extract: page → clean article (title, subtitle, body, dateline, date, language, credits, rights)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from storyline.extract.dates import (date_in_url, full_iso, leading_date, partial_iso,
                                     weekdays_named, year_for_weekday)
from storyline.extract.dateline import DatelineMatch, read_dateline
from storyline.extract.html import read_html
from storyline.extract.language import detect_language
from storyline.extract.lines import PageReading, clean_paragraphs, given_title, read_page_text
from storyline.records import Article, Page, failed

# Pages are read up to here; the article comes long before. A 10 MB scraped page took
# 10 s to read whole; these bounds keep one page under about 1.5 s (text) and 7 s (HTML).
MAX_TEXT_CHARS = 1_000_000
MAX_HTML_CHARS = 5_000_000
# HTML text often opens with the headline, a standfirst or a lone place name: wire copy's
# dateline was in the third paragraph on newspaper_en's Reuters pages, never further down.
DATELINE_PARAGRAPHS = 3
# A full date opening one of the first paragraphs (after a headline and a standfirst in
# HTML) is the article's: on trafilatura_dev 2 such dates, both right.
LEADING_DATE_PARAGRAPHS = 4


@dataclass(frozen=True)
class ExtractOptions:
    reference_date: date | None = None  # pins years of dates written without one


@dataclass(frozen=True)
class Reading:
    """What a page yields before dates and language are worked out."""

    text: PageReading
    date: str | None = None  # from the page's metadata
    text_date: str | None = None  # from the page's text (HTML), where its metadata has none
    url: str | None = None
    missing: str = "no article found"  # why, when the body is empty


@dataclass(frozen=True)
class DateClues:
    """Where an article's date may come from. Never sidebars or counters."""

    dateline: DatelineMatch | None
    near_dateline: tuple[str, ...]  # the dateline's paragraph and the next
    opening: tuple[str, ...]  # the first paragraphs
    meta: str | None  # the page's metadata
    url: str | None
    hint: str | None  # the source's own record (a JSON Lines field)
    page_text: str | None = None  # a date found elsewhere in an HTML page's text


def extract_article(page: Page, options: ExtractOptions = ExtractOptions()) -> Article:
    """The clean article of a page, or an error record saying why there is none."""
    reading = read_page(page)
    body = reading.text.body
    if not body:
        return failed(page, "no-article", f"{page.source}: {reading.missing}")
    match, near = find_dateline(body)
    published, published_from = published_date(
        DateClues(match, near, body[:LEADING_DATE_PARAGRAPHS], reading.date, reading.url, page.date,
                  reading.text_date),
        options.reference_date)
    return Article(
        id=page.id, source=page.source, url=reading.url,
        language=detect_language("\n".join(body)),
        title=reading.text.title, subtitle=reading.text.subtitle, body=body,
        dateline=match.dateline if match else None,
        published=published, published_from=published_from,
        image_credits=reading.text.image_credits, rights=reading.text.rights,
    )


def read_page(page: Page) -> Reading:
    if page.title:
        page = dataclasses.replace(page, title=given_title(page.title))
    if page.as_body:
        body = tuple(" ".join(line.split()) for line in page.content.splitlines() if line.strip())
        return Reading(PageReading(page.title, None, body, (), ()), url=page.url,
                       missing="the input has no text")
    if page.kind == "html":
        return read_html_page(page)
    text = read_page_text(page.content[:MAX_TEXT_CHARS], page.title)
    missing = ("no article found: no run of sentence-like paragraphs in the text"
               if page.content.strip() else "the page has no text")
    return Reading(text, url=page.url, missing=missing)


def read_html_page(page: Page) -> Reading:
    html = read_html(page.content[:MAX_HTML_CHARS], page.url)
    if html is None:
        return Reading(PageReading(page.title, None, (), (), ()), url=page.url,
                       missing="no article found: the HTML has no main text")
    body = tuple(clean_paragraphs(list(html.paragraphs)))
    return Reading(PageReading(page.title or html.title, html.subtitle, body, (), ()),
                   html.date, html.text_date, html.url,
                   "no article found: the HTML's main text is page furniture")


def find_dateline(body: tuple[str, ...]) -> tuple[DatelineMatch | None, tuple[str, ...]]:
    """The dateline opening one of the first paragraphs, and that paragraph with the next."""
    for index, paragraph in enumerate(body[:DATELINE_PARAGRAPHS]):
        match = read_dateline(paragraph)
        if match:
            return match, body[index:index + 2]
    return None, ()


def published_date(clues: DateClues, reference: date | None) -> tuple[str | None, str | None]:
    """(ISO date, where it came from): a dated dateline, the page's metadata, its URL, a
    date opening the text, a date found elsewhere in an HTML page's text, a year-less
    dateline (its year pinned by a weekday where the reference date allows), the source's
    record — in that order."""
    match = clues.dateline
    if match and match.month and match.year and full_iso(match.year, match.month, match.day):
        return full_iso(match.year, match.month, match.day), "dateline"
    if clues.meta:
        return clues.meta[:10], "html-meta"
    if date_in_url(clues.url):
        return date_in_url(clues.url), "url"
    opening = next(filter(None, map(leading_date, clues.opening)), None)
    if opening:
        return opening, "text"
    if clues.page_text:
        return clues.page_text[:10], "html-text"
    if match and match.month:
        year = year_from_weekday(match, clues.near_dateline, reference)
        if year:
            return full_iso(year, match.month, match.day), "dateline"
        return partial_iso(match.month, match.day), "dateline"
    if clues.hint:
        return clues.hint, "source"
    return None, None


def year_from_weekday(match: DatelineMatch, near: tuple[str, ...], reference: date | None) -> int | None:
    """'said on Tuesday' / 'В среду' next to a year-less dateline (in its paragraph or the
    next) pins the year, given a reference date: the latest such date on that weekday on or
    before it."""
    if reference is None:
        return None
    days = weekdays_named(" ".join(near))
    if len(days) != 1:  # no weekday, or several: nothing pins the year
        return None
    return year_for_weekday(match.month, match.day, days.pop(), reference)
