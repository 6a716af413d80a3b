"""HTML pages: the only module that imports trafilatura (and its date finder, htmldate).

The page is parsed once. Title, standfirst and date come from the page's structure and
metadata (cheap look-ups, not trafilatura's full metadata pass, which also reads authors,
tags and categories we do not use); the main text from trafilatura in its fast,
precision-minded mode, escalated to its full cascade of fallbacks only when that finds
too little text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import datetime

import trafilatura
from htmldate import find_date
from trafilatura.utils import load_html

from storyline.extract.dates import date_in_url, first_date_in_text
from storyline.extract.repair import fix_mojibake

# Calibrated on newspaper_en and trafilatura_dev (bench/extraction.py). The fast, precise
# extraction has missed the article when it finds under ESCALATION_CHARS of text while the
# page's <p> elements hold ESCALATION_RATIO times as much (a gallery, an article built of
# divs): then the full cascade recovers it. Escalating on length alone (under 600 characters)
# gave F1 .930 / .933 on the two sets at twice the escalations; the full cascade on every
# page .923 / .934 at 1.4 times the time. Where <p> text is no longer than what was found,
# escalating mostly swapped a right short text for a longer wrong one.
ESCALATION_CHARS = 600
ESCALATION_RATIO = 4
MAX_TITLE_CHARS = 300
STANDFIRST_PARAGRAPHS = 3  # after the headline and a kicker at most
LEAD_MARK = re.compile(r"lead|intro|standfirst|subtitle|sub-?head|\bdek\b|deck|summary|excerpt|abstract|"
                       r"teaser|epigraph|bajada|kicker", re.IGNORECASE)
MIN_H1_WORDS = 4  # an h1 this long is the headline even when the <title> says otherwise
# ' | ', ' - ', ' – ', ' — ', ' » ', ' :: ', ' · ' between a headline and the site's name
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—»·•/]|-{1,2}|::)\s+")
META_TITLES = ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
               '//meta[@property="twitter:title"]/@content', "//head/title/text()", "//title/text()")
META_SITE = ('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content')
DESCRIPTIONS = ('//meta[@property="og:description"]/@content', '//meta[@name="description"]/@content',
                '//meta[@name="twitter:description"]/@content')
CANONICAL = ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content')
# Containers of other items' dates: class or id words naming a sidebar, related or popular
# stories, comments, menus. (Page footers and <aside> often hold the article's own date.)
SIDEBAR = re.compile(r"(?<![a-z])(?:sidebar|related|popular|most[-_]?read|trending|recommend\w*|"
                     r"teasers?|comments?|nav|navigation|menu|breadcrumbs?)(?![a-z])")
# The date a page was first published: htmldate's quick search (metadata, then date elements
# of the page once menus, sidebars, related lists and comments are gone). Its extensive
# search through the text is slow (it hands odd strings to dateparser) and takes dates of
# other items ('updated' lines, quoted events). Where neither the metadata nor the URL has a
# date, the first full date of the byline, else of the text, is the last resort, after the
# article's own first paragraphs (extract.published_date). Date accuracy on trafilatura_dev
# (291 gold dates): .856 with the quick search alone, .866 keeping the containers that hold
# the headline, .890 with the text's dates as the last resort (htmldate's extensive search in
# their place: .887 at about a hundred times the time; trafilatura: .887).
DATE_PARAMS = {"extensive_search": False, "original_date": True}
VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
BYLINE_TEXT = "following::text()[position() <= 40][not(ancestor::script or ancestor::style)]"
BYLINE_END_CHARS = 40  # the first paragraph is found by its opening
MAX_BYLINE_CHARS = 100  # a longer line under the headline is a standfirst (checked on trafilatura_dev)


@dataclass(frozen=True)
class HtmlReading:
    title: str | None
    subtitle: str | None  # the standfirst: the page's description, shown as its own paragraph
    paragraphs: tuple[str, ...]
    date: str | None  # from the page's metadata and date elements
    text_date: str | None  # found in the page's text, where the metadata has none
    url: str | None


def read_html(html: str, url: str | None = None) -> HtmlReading | None:
    """Main text and metadata of an HTML page; None when no article text is found."""
    tree = load_html(html)
    if tree is None:
        return None
    title, canonical = page_title(tree), first_value(tree, CANONICAL)
    text = fix_mojibake(main_text(tree, url or canonical))
    if not text.strip():
        return None
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    subtitle = standfirst(tree, first_value(tree, DESCRIPTIONS), paragraphs[:STANDFIRST_PARAGRAPHS])
    page_url = url or absolute(canonical)
    byline = byline_text(tree, paragraphs[:STANDFIRST_PARAGRAPHS])
    tree = drop_sidebars(tree)  # last: it prunes the tree
    meta_date = page_date(tree)
    return HtmlReading(
        title=fix_mojibake(title) if title else None,
        subtitle=subtitle,
        paragraphs=paragraphs,
        date=meta_date,
        text_date=None if meta_date or date_in_url(page_url) else text_date(byline, tree),
        url=page_url,
    )


def main_text(tree, url: str | None) -> str:
    """trafilatura's text in fast, precise mode, or from its full cascade when that finds too little."""
    text = extract_text(tree, url, fast=True, favor_precision=True)
    if len(text) < ESCALATION_CHARS and (not text or paragraph_chars(tree) >= ESCALATION_RATIO * len(text)):
        text = max(text, extract_text(tree, url, fast=False, favor_precision=False), key=len)
    return text


def paragraph_chars(tree) -> int:
    return sum(len(element_text(paragraph)) for paragraph in tree.iter("p"))


def extract_text(tree, url: str | None, fast: bool, favor_precision: bool) -> str:
    document = trafilatura.bare_extraction(  # copies the tree: ours stays as it is
        tree, url=url, fast=fast, favor_precision=favor_precision, with_metadata=False,
        include_comments=False, include_tables=True)
    return (document.text or "") if document is not None else ""


def drop_sidebars(tree):
    """The tree without what holds other items' dates: menus, sidebars, lists of related or
    popular stories, comments. A container that holds the headline is the article's, whatever
    its name ('content_block right-sidebar', 'nav-header container'). Changes the tree in place."""
    doomed = [element for element in tree.iter("nav", "aside", "div", "section", "ul", "ol", "li")
              if (element.tag == "nav"
                  or SIDEBAR.search(f"{element.get('class', '')} {element.get('id', '')}".lower()))
              and element.find(".//h1") is None]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return tree


def page_date(tree) -> str | None:
    """The date the page's metadata gives (the page's URL is read apart, as the URL's)."""
    try:
        return find_date(tree, **DATE_PARAMS)
    except (ValueError, TypeError):  # htmldate raises on odd markup; no date is a fine answer
        return None


def byline_text(tree, paragraphs: tuple[str, ...]) -> str:
    """The short lines between the headline (h1) and the article's first paragraph: a byline
    and its date, in whatever container ('teaser-small__metadata'); not a standfirst, whose
    dates are those of the events it tells of."""
    headline = tree.find(".//h1")
    if headline is None:
        return ""
    openings = tuple(" ".join(paragraph.split())[:BYLINE_END_CHARS] for paragraph in paragraphs)
    lines = []
    for node in headline.xpath(BYLINE_TEXT):
        line = " ".join(node.split())
        if line and line.startswith(openings):
            return " ".join(lines)
        if len(line) <= MAX_BYLINE_CHARS:
            lines.append(line)
    return ""


def text_date(byline: str, tree) -> str | None:
    """For a page whose metadata has no date: the first full date in its byline, else in its
    text once sidebars are gone. (htmldate's extensive search finds no more, at a hundred
    times the time: it hands odd strings to dateparser.)"""
    latest = datetime.date.today().isoformat()
    text = " ".join(" ".join(tree.xpath(VISIBLE_TEXT)).split())
    return first_date_in_text(byline, latest) or first_date_in_text(text, latest)


def page_title(tree) -> str | None:
    """The headline: the page's h1 where it is the document title less the site's name,
    else the document title (og:title, <title>) less the site's name."""
    document_title, site = first_value(tree, META_TITLES), first_value(tree, META_SITE)
    headings = [heading for heading in map(element_text, tree.iterfind(".//h1"))
                if heading and len(heading) <= MAX_TITLE_CHARS and heading != site]
    for heading in headings:
        if document_title and fits(heading, document_title) and len(heading.split()) > 1:
            return heading
    if len(headings) == 1 and len(headings[0].split()) >= MIN_H1_WORDS:
        return headings[0]
    if document_title:
        return strip_site_name(document_title, site)
    return headings[0] if headings else None


def standfirst(tree, description: str | None, opening: tuple[str, ...]) -> str | None:
    """The page's description where it is the standfirst: shown whole as one of the first
    paragraphs, in an element marked as a lead ('lead', 'intro', 'dek', 'subtitle' …) or a
    subheading. A description is as often the first paragraph itself, or a text for search
    engines the reader never sees; neither is a standfirst. It stays in the body too, where
    the page shows it."""
    if not description or description not in (" ".join(paragraph.split()) for paragraph in opening):
        return None
    for element in tree.iter("p", "h2"):
        if element_text(element) == description and marked_as_lead(element):
            return description
    return None


def marked_as_lead(element) -> bool:
    """An h2, or a paragraph that it or one of its two nearest containers marks as a lead."""
    if element.tag == "h2":
        return True
    node = element
    for _ in range(3):
        if node is None:
            return False
        if LEAD_MARK.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    return False


def fits(heading: str, document_title: str) -> bool:
    """The document title is the heading, perhaps with the site's name around it."""
    heading, title = heading.casefold(), document_title.casefold()
    parts = (part.strip() for part in TITLE_SEPARATOR.split(title))
    return title == heading or title.startswith(heading + " ") or heading in parts


def strip_site_name(title: str, site: str | None) -> str:
    """'Headline | Site' → 'Headline': the longest part that is not the site's name."""
    parts = [part.strip() for part in TITLE_SEPARATOR.split(title) if part.strip()]
    if site:
        parts = [part for part in parts if part.casefold() != site.strip().casefold()] or parts
    return max(parts, key=len) if parts else title


def first_value(tree, xpaths) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            value = " ".join(str(value).split())
            if value:
                return value
    return None


def element_text(element) -> str:
    return " ".join(element.text_content().split())


def absolute(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None
