"""Extract: page → clean article (title, subtitle, body, dateline, date, language, credits, rights)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyline.extract.dates import (date_in_url, full_iso, partial_iso, weekdays_named,
                                     year_for_weekday)
from storyline.extract.dateline import DatelineMatch, read_dateline
from storyline.extract.html import read_html
from storyline.extract.language import detect_language
from storyline.extract.lines import PageReading, clean_paragraphs, read_page_text
from storyline.records import Article, Page, failed


@dataclass(frozen=True)
class ExtractOptions:
    reference_date: date | None = None  # pins years of dates written without one


def extract_article(page: Page, options: ExtractOptions = ExtractOptions()) -> Article:
    """The clean article of a page, or an error record saying why there is none."""
    reading, meta_date, url = read_page(page)
    if not reading.body:
        return failed(page, "no-article", f"{page.source}: no article found "
                      "(no run of sentence-like paragraphs)")
    match = read_dateline(reading.body[0])
    published, published_from = published_date(
        match, reading.body, meta_date, url, page.date, options.reference_date)
    return Article(
        id=page.id, source=page.source, url=url,
        language=detect_language("\n".join(reading.body)),
        title=reading.title, subtitle=reading.subtitle, body=reading.body,
        dateline=match.dateline if match else None,
        published=published, published_from=published_from,
        image_credits=reading.image_credits, rights=reading.rights,
    )


def read_page(page: Page) -> tuple[PageReading, str | None, str | None]:
    """(reading, date from metadata, url) for any kind of page."""
    if page.as_body:
        body = tuple(" ".join(line.split()) for line in page.content.splitlines() if line.strip())
        return PageReading(page.title, None, body, (), ()), None, page.url
    if page.kind == "html":
        html = read_html(page.content, page.url)
        if html is None:
            return PageReading(None, None, (), (), ()), None, page.url
        body = tuple(clean_paragraphs(list(html.paragraphs)))
        return PageReading(page.title or html.title, None, body, (), ()), html.date, html.url
    return read_page_text(page.content, page.title), None, page.url


def published_date(match: DatelineMatch | None, body: tuple[str, ...], meta_date: str | None,
                   url: str | None, hint: str | None, reference: date | None
                   ) -> tuple[str | None, str | None]:
    """(ISO date, where it came from). Never taken from sidebars or counters: only the
    dateline, the page's metadata, its URL or the source's own record."""
    if match and match.month and match.year and full_iso(match.year, match.month, match.day):
        return full_iso(match.year, match.month, match.day), "dateline"
    if meta_date:
        return meta_date[:10], "html-meta"
    if date_in_url(url):
        return date_in_url(url), "url"
    if match and match.month:
        year = year_from_weekday(match, body, reference)
        if year:
            return full_iso(year, match.month, match.day), "dateline"
        return partial_iso(match.month, match.day), "dateline"
    if hint:
        return hint, "source"
    return None, None


def year_from_weekday(match: DatelineMatch, body: tuple[str, ...], reference: date | None) -> int | None:
    """'said on Tuesday' / 'В среду' next to a year-less dateline pins the year, given a
    reference date: the latest such date on that weekday on or before it."""
    if reference is None:
        return None
    days = weekdays_named(" ".join(body[:2]))
    if len(days) != 1:  # no weekday, or several: nothing pins the year
        return None
    return year_for_weekday(match.month, match.day, days.pop(), reference)
