"""HTML pages: title, standfirst and date from the page's structure, main text cleaned."""

import pytest

from storyline.extract import ExtractOptions, extract_article, html as html_module
from storyline.records import Page

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
    "after engineers warned that its supports would not survive another winter of storms.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the summer, "
    "and a second survey in October showed that the cracks had grown by a third since then.",
    "\"We cannot wait for the next winter storm to decide for us,\" the mayor told reporters "
    "after the vote, adding that the council had set aside money for a new bridge.",
    "Buses and bicycles will still be allowed to cross while repairs go on for about a year, "
    "and a ferry will run every twenty minutes between the two harbour piers.",
    "Shop owners on the harbour side said they feared losing customers during the works, and "
    "asked the council to cut their rents until the bridge opens to cars again.",
]


def page(head="", h1="Harbour bridge to close to cars next spring", lead="", body=PARAGRAPHS,
         after="", url=None):
    html = (f"<html><head>{head}</head><body><header><nav><a href='/'>Home</a> <a href='/city'>City</a>"
            f"</nav></header><article>{f'<h1>{h1}</h1>' if h1 else ''}{lead}"
            + "".join(f"<p>{paragraph}</p>" for paragraph in body)
            + f"</article>{after}<footer><p>© 2024 Harbour News</p></footer></body></html>")
    return Page(source="test.html", content=html, kind="html", url=url)


@pytest.mark.parametrize("head, h1, title", [
    ("<title>Harbour bridge to close to cars next spring | Harbour News</title>",
     "Harbour bridge to close to cars next spring", "Harbour bridge to close to cars next spring"),
    ("<title>Bridge closes - Harbour News</title><meta property='og:site_name' content='Harbour News'>",
     "", "Bridge closes"),
    ("<title>Harbour News » Bridge closes</title><meta property='og:site_name' content='Harbour News'>",
     "Harbour News", "Bridge closes"),  # the h1 is the site's logo
    ("<meta property='og:title' content='Bridge to close - Harbour News'><title>Harbour News</title>",
     "", "Bridge to close"),
    ("<title>Council news | Harbour News</title>",  # a headline unlike the title is still the headline
     "Harbour bridge to close to cars next spring", "Harbour bridge to close to cars next spring"),
    ("", "", None),
])
def test_html_title_from_page_structure(head, h1, title):
    assert extract_article(page(head=head, h1=h1)).title == title


def test_html_description_shown_as_a_lead_is_the_subtitle():
    standfirst = "The council says the bridge cannot survive another winter."
    head = f"<meta name='description' content='{standfirst}'>"
    article = extract_article(page(head=head, lead=f"<p class='article-lead'>{standfirst}</p>"))
    assert article.subtitle == standfirst


def test_html_description_that_is_the_first_paragraph_is_no_subtitle():
    head = f"<meta name='description' content='{PARAGRAPHS[0]}'>"
    assert extract_article(page(head=head)).subtitle is None


@pytest.mark.parametrize("head, url, body, published, published_from", [
    ("<meta property='article:published_time' content='2024-03-05T10:00:00+00:00'>", None,
     PARAGRAPHS, "2024-03-05", "html-meta"),
    ("", "https://harbour.example/2024/03/06/bridge-to-close", PARAGRAPHS, "2024-03-06", "url"),
    ("", None, ["07.03.2024 - " + PARAGRAPHS[0]] + PARAGRAPHS[1:], "2024-03-07", "text"),
    ("", None, ["HARBOUR CITY, March 8 (Reuters) - " + PARAGRAPHS[0]] + PARAGRAPHS[1:], "--03-08", "dateline"),
    ("", None, PARAGRAPHS, None, None),
])
def test_html_published_date_and_where_it_came_from(head, url, body, published, published_from):
    article = extract_article(page(head=head, body=body, url=url))
    assert (article.published, article.published_from) == (published, published_from)


def test_html_dates_of_other_items_on_the_page_are_never_taken():
    sidebar = ("<aside class='sidebar'><h3>Most read</h3><ul class='most-read'><li>Ferry strike ends "
               "<time datetime='2023-11-02'>2 Nov 2023</time></li><li>Tram line opens <span>01.10.2023"
               "</span></li></ul></aside>")
    article = extract_article(page(after=sidebar))
    assert article.published is None


def test_html_date_in_the_text_is_taken_where_the_metadata_has_none():
    byline = "<p>By Jane Doe, published 12 March 2024</p>"
    article = extract_article(page(lead=byline))
    assert (article.published, article.published_from) == ("2024-03-12", "html-text")


def test_html_byline_date_in_a_container_named_like_a_teaser_is_taken():
    byline = "<div class='teaser-small__metadata'>VON JANE DOE am 12. März 2024</div>"
    sidebar = "<aside class='sidebar'><ul><li>Ferry strike ends <span>01.10.2023</span></li></ul></aside>"
    article = extract_article(page(lead=byline, after=sidebar))
    assert (article.published, article.published_from) == ("2024-03-12", "html-text")


def test_html_container_named_like_a_sidebar_that_holds_the_headline_keeps_its_date():
    html = ("<html><body><div class='content right-sidebar'><h1>Harbour bridge to close to cars next "
            "spring</h1><time datetime='2024-03-05'>5 March 2024</time>"
            + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS) + "</div></body></html>")
    article = extract_article(Page(source="test.html", content=html, kind="html"))
    assert (article.published, article.published_from) == ("2024-03-05", "html-meta")


def test_html_links_to_other_stories_after_the_article_are_cut():
    related = ("<div><h3>Related</h3><ul><li><a href='/a'>Ferry strike ends after talks</a></li>"
               "<li><a href='/b'>New tram line opens in the north</a></li></ul></div>")
    article = extract_article(page(body=PARAGRAPHS + [], after=related))
    assert list(article.body[-len(PARAGRAPHS):]) == PARAGRAPHS
    assert not any("Ferry strike" in paragraph for paragraph in article.body)


def test_html_mojibake_in_the_text_is_repaired():
    russian = ["Городской совет во вторник решил закрыть старый портовый мост для автомобилей с весны, "
               "потому что инженеры нашли трещины в опорах.",
               "Автобусы и велосипеды смогут проезжать по мосту, пока идет ремонт, около года, "
               "сообщили в мэрии города журналистам."]
    broken = [paragraph.encode("utf-8").decode("cp1251") for paragraph in russian]
    article = extract_article(page(h1="", body=broken * 2))
    assert article.body[:2] == tuple(russian)
    assert article.language == "ru"


@pytest.mark.parametrize("content, message", [
    ("<html><body></body></html>", "the HTML has no main text"),
    ("<html><body><div><a href='/'>Home</a> <a href='/login'>Sign in</a></div></body></html>",
     "the HTML's main text is page furniture"),
])
def test_html_page_without_article_says_why(content, message):
    article = extract_article(Page(source="empty.html", content=content, kind="html"))
    assert article.error.code == "no-article"
    assert message in article.error.message and "empty.html" in article.error.message


@pytest.mark.parametrize("fast_text, paragraph_text, escalates", [
    ("", "", True),  # nothing found: always try the full cascade
    ("short", "x" * 100, True),  # the page's paragraphs hold far more than was found
    ("short text found", "short text found", False),  # the page has no more to give
    ("y" * 700, "x" * 10_000, False),  # long enough to be an article
])
def test_html_full_extraction_runs_only_when_the_fast_one_found_too_little(
        monkeypatch, fast_text, paragraph_text, escalates):
    calls = []

    def extract_text(tree, url, fast, favor_precision):
        calls.append(fast)
        return fast_text if fast else "the full cascade's text"

    monkeypatch.setattr(html_module, "extract_text", extract_text)
    monkeypatch.setattr(html_module, "paragraph_chars", lambda tree: len(paragraph_text))
    text = html_module.main_text(tree=None, url=None)
    assert calls == ([True, False] if escalates else [True])
    assert (text == "the full cascade's text") is (escalates and len(fast_text) < len("the full cascade's text"))


def test_html_huge_page_is_read_up_to_a_bound(monkeypatch):
    monkeypatch.setattr("storyline.extract.MAX_HTML_CHARS", 3000)
    tail = "".join(f"<p>Filler paragraph number {i} of a page far too long to read whole.</p>" for i in range(5000))
    article = extract_article(Page(source="huge.html", content=page().content + tail, kind="html"))
    assert article.body and not any("Filler paragraph number 4999" in p for p in article.body)


def test_html_reference_date_is_not_needed_for_dated_metadata():
    head = "<meta property='article:published_time' content='2021-12-15'>"
    article = extract_article(page(head=head), ExtractOptions())
    assert article.published == "2021-12-15"
