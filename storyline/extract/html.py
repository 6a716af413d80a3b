"""HTML pages: the only module that imports trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True)
class HtmlReading:
    title: str | None
    paragraphs: tuple[str, ...]
    date: str | None  # from the page's metadata
    url: str | None


def read_html(html: str, url: str | None = None) -> HtmlReading | None:
    """Main text and metadata of an HTML page; None when no article text is found."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        # metadata and URL only: a search through the text takes dates of other items
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or not (document.text or "").strip():
        return None
    return HtmlReading(
        title=document.title or None,
        paragraphs=tuple(line.strip() for line in document.text.splitlines() if line.strip()),
        date=document.date or None,
        url=document.url or url,
    )
