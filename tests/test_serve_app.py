"""The web app and JSON API over a store of hand-built records, hostile ones included."""

from __future__ import annotations

import re

import numpy as np
import pytest
from fastapi.testclient import TestClient

from storyline.connect.meaning import vector_bytes
from storyline.records import Article, Dateline, Entity, Mention, Names, Quote
from storyline.serve import create_app
from storyline.serve.views import display_date, paragraph_segments, safe_url, snippet_html
from storyline.store import MARK_END, MARK_START, Links, Store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=window.__xss=1>"

PUTIN = Entity("putin", "Владимир Путин", "PER", Names("Vladimir Putin", "Владимир Путин"),
               mentions=(Mention(0, 0, 14, "Владимир Путин"),))
RU = Article(
    id="a" * 16, source="tass.ru/1.html", language="ru", title="Путин провёл переговоры в Минске",
    subtitle="Встреча длилась три часа", published="2024-03-01T10:00:00+03:00",
    dateline=Dateline("МИНСК", "ТАСС", "МИНСК, 1 марта. /ТАСС/."),
    body=("Владимир Путин провёл переговоры о ценах на газ.", "«Мы договорились о ценах на газ», — сказал он."),
    entities=(PUTIN,), quotes=(Quote("Владимир Путин", "putin", "direct", "Мы договорились о ценах на газ",
                                     "сказал", 1, 1, 31),),
    url="https://tass.ru/1")
EN = Article(
    id="b" * 16, source="reuters.com/2.html", language="en", title="Putin holds talks in Minsk",
    published="2024-03-01T12:00:00Z", dateline=Dateline("MINSK", "Reuters", "MINSK, March 1 (Reuters) -"),
    body=("Vladimir Putin held talks on gas prices.", "He said they had agreed on gas prices."),
    entities=(Entity("putin", "Vladimir Putin", "PER", Names("Vladimir Putin", "Владимир Путин"),
                     mentions=(Mention(0, 0, 14, "Vladimir Putin"),)),),
    quotes=(Quote("Vladimir Putin", "putin", "indirect", "they had agreed on gas prices", "said", 1, 8, 37),))
LATER = Article(id="c" * 16, source="tass.ru/3.html", language="ru", title="Итоги переговоров",
                published="2024-03-02", body=("Итоги.",))
HOSTILE = Article(
    id="d" * 16, source=f"evil{SCRIPT}.html", language=f'en"{SCRIPT}', title=SCRIPT, subtitle=IMG,
    body=(f"Before {IMG} after onerror text.", SCRIPT), url="javascript:alert(1)",
    dateline=Dateline(SCRIPT, IMG, SCRIPT), published="2024-01-01",
    entities=(Entity(SCRIPT, IMG, 'PER" onmouseover="alert(1)', mentions=(Mention(0, 0, 6, "Before"),)),),
    quotes=(Quote(SCRIPT, None, "direct", IMG, SCRIPT, 0, 0, 1),))
HOSTILE_RU = Article(id="e" * 16, source="evil.ru", language="ru", title="Враждебный текст", published="2024-01-02",
                     quotes=(Quote(None, None, "direct", f"{SCRIPT} {IMG}", "сказал", 0, 0, 1),))
WIRE_BODY = ("Grain talks resumed in Geneva on Monday after a week of delays.",
             "The delegations agreed on an agenda of five points for the next round.",
             "Inspections of ships will resume on Wednesday under the old rules.")
READY = "We are ready (for further contacts - IF). The door remains open"
ORIGINAL = Article(id="f" * 16, source="interfax.com/5.html", language="en", title="Grain talks resume",
                   published="2023-12-01", body=WIRE_BODY,
                   quotes=(Quote(None, None, "direct", READY, "said", 0, 0, 1, ("(for further contacts - IF)",)),))
COPY = Article(id="9" * 16, source="aggregator.example/5.html", language="en", title="Grain talks resume",
               published="2023-12-02",
               body=(WIRE_BODY[0], WIRE_BODY[1].replace("five", "six"), f"Subscribe to our newsletter {SCRIPT}"))
# One statement in two languages: the same vector for both reports of each.
SAME = (vector_bytes(np.ones(512, dtype=np.float32) / np.sqrt(512)),)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "serve.db"
    with Store(path) as store:
        store.add([(RU, "minsk", Links(quote_vectors=SAME)), (EN, "minsk", Links(quote_vectors=SAME)),
                   (LATER, "follow-up"), (HOSTILE, "hostile", Links(quote_vectors=SAME)),
                   (HOSTILE_RU, "hostile", Links(quote_vectors=SAME)),
                   (ORIGINAL, "wire"), (COPY, "wire", Links(copy_of=ORIGINAL.id, copy_similarity=0.8))])
        store.merge_stories("minsk", "follow-up")
    return str(path)


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path))


def assert_no_live_markup(html: str) -> None:
    assert SCRIPT not in html and IMG not in html
    assert "<script" not in html.lower()
    assert 'href="javascript' not in html.lower()
    assert 'onmouseover="' not in html


# --- pages ---

def test_serve_story_list_shows_titles_languages_dates_counts(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<span class="title" lang="ru">Путин провёл переговоры в Минске</span>' in html
    assert '<span class="title" lang="en">Putin holds talks in Minsk</span>' in html
    assert "2024-03-01 10:00 – 2024-03-02" in html
    assert "3 articles" in html
    assert 'href="/stories/minsk"' in html and 'href="/stories/hostile"' in html
    assert html.index("/stories/minsk") < html.index("/stories/hostile")  # newest first


def test_serve_story_page_lists_articles_by_language_in_date_order(client):
    html = client.get("/stories/minsk").text
    ru_column, en_column = html.split('<section class="column">')[1:]
    assert ru_column.index(RU.title) < ru_column.index(LATER.title)
    assert EN.title in en_column
    assert "МИНСК, ТАСС" in ru_column and "MINSK, Reuters" in en_column
    assert f'<a href="/articles/{RU.id}" lang="ru">' in html
    assert "2024-03-01 12:00" in en_column and "reuters.com/2.html" in en_column


def test_serve_story_page_shows_who_and_what_was_said(client):
    html = client.get("/stories/minsk").text
    who = html.split('<section class="story-entities">')[1].split("</section>")[0]
    assert ('title="PER · 2 articles"><a href="/entities/putin">Vladimir Putin</a>'
            ' <span class="alias">Владимир Путин</span></li>') in who
    said = html.split('<section class="statements">')[1].split("</section>")[0]
    assert '<h3><a href="/entities/putin">Владимир Путин</a></h3>' in said
    assert '<blockquote lang="ru">Мы договорились о ценах на газ</blockquote>' in said
    assert ('<blockquote class="translation" lang="en"><span class="lang">en</span>'
            ' they had agreed on gas prices</blockquote>') in said
    assert (f'<time>2024-03-01 10:00</time> · <a href="/articles/{RU.id}">report</a>,'
            f' <a href="/articles/{EN.id}">2</a>') in said


def test_serve_story_page_lists_wire_copies_under_their_original(client):
    html = client.get("/stories/wire").text
    assert html.count(f'href="/articles/{COPY.id}"') == 1  # not an entry of its own
    assert ('<p class="meta copies">Wire copies: <a href="/articles/9999999999999999">aggregator.example/5.html</a>'
            '</p>') in html


def test_serve_article_pages_show_wire_copies_and_what_a_copy_changed(client):
    copy = client.get(f"/articles/{COPY.id}").text
    assert f'Republishes <a href="/articles/{ORIGINAL.id}" lang="en">Grain talks resume</a>' in copy
    assert "80% of the shorter text the same" in copy
    added = copy.split("<h3>Added in this copy</h3>")[1].split("</ul>")[0]
    assert "Subscribe to our newsletter &lt;script&gt;alert(1)" in added
    assert WIRE_BODY[2] in copy.split("<h3>Cut from the original</h3>")[1].split("</ul>")[0]
    assert f"<li><del>{WIRE_BODY[1]}</del> <ins>{COPY.body[1]}</ins></li>" in copy
    assert_no_live_markup(copy)
    original = client.get(f"/articles/{ORIGINAL.id}").text
    assert ('<blockquote lang="en">We are ready <span class="insertion" title="the editor\'s, not the'
            ' speaker\'s">(for further contacts - IF)</span>. The door remains open</blockquote>') in original
    assert f'<h2>Republished as</h2>\n  <ul><li><a href="/articles/{COPY.id}">aggregator.example/5.html</a>' in original


def test_serve_api_article_says_whose_copy_it_is_and_its_copies(client):
    copy = client.get(f"/api/articles/{COPY.id}").json()
    assert (copy["wire_copy_of"]["id"], copy["wire_copy_of"]["similarity"]) == (ORIGINAL.id, 0.8)
    assert copy["wire_copy_of"]["cut"] == [WIRE_BODY[2]]
    assert copy["copies"] == []
    original = client.get(f"/api/articles/{ORIGINAL.id}").json()
    assert (original["wire_copy_of"], original["copies"]) == (None, [{"id": COPY.id, "similarity": 0.8}])


def test_serve_entity_page_shows_names_statements_and_articles(client):
    html = client.get("/entities/putin").text
    # Both names are used as often: the first seen leads.
    assert '<h1><span class="entity entity-PER">Владимир Путин</span></h1>' in html
    assert "PER · 2 articles · 1 statement" in html
    assert 'Also named: <span class="alias">Vladimir Putin</span>' in html
    assert '<blockquote lang="ru">Мы договорились о ценах на газ</blockquote>' in html
    ru_column, en_column = html.split('<section class="column">')[1:]
    assert RU.title in ru_column and EN.title in en_column


def test_serve_api_entity_and_unknown_entity(client):
    data = client.get("/api/entities/putin").json()
    assert (data["name"], data["type"], data["names"]) == ("Владимир Путин", "PER", ["Владимир Путин", "Vladimir Putin"])
    assert [a["id"] for a in data["articles"]] == [RU.id, EN.id]
    assert [(s["speaker_id"], s["text"], s["translations"]) for s in data["statements"]] == [
        ("putin", "Мы договорились о ценах на газ", [["en", "they had agreed on gas prices"]])]
    assert client.get("/api/entities/nobody").status_code == 404
    assert client.get("/entities/nobody").status_code == 404


def test_serve_merged_story_link_redirects(client):
    response = client.get("/stories/follow-up", follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"].endswith("/stories/minsk")


def test_serve_article_page_shows_the_clean_article(client):
    html = client.get(f"/articles/{RU.id}").text
    assert '<article class="article" lang="ru">' in html
    assert f"<h1>{RU.title}</h1>" in html
    assert RU.subtitle in html and "МИНСК, 1 марта. /ТАСС/." in html
    assert '<span class="entity entity-PER" title="PER: Владимир Путин">Владимир Путин</span> провёл' in html
    assert "<blockquote lang=\"ru\">Мы договорились о ценах на газ</blockquote>" in html
    assert '<td lang="en">Vladimir Putin</td>' in html
    assert 'href="https://tass.ru/1"' in html and 'href="/stories/minsk"' in html


def test_serve_search_page_marks_matches(client):
    html = client.get("/search", params={"q": "gas"}).text
    assert "<mark>gas</mark>" in html
    assert EN.title in html


def test_serve_search_page_without_query(client):
    response = client.get("/search")
    assert response.status_code == 200 and "every word must occur" in response.text


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/nope"])
def test_serve_unknown_ids_are_404_pages(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"] and "Not found" in response.text


def test_serve_pages_use_no_external_resources(client):
    html = client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', html)
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "url(" not in css.text and "@import" not in css.text


def test_serve_pages_forbid_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


# --- hostile text ---

@pytest.mark.parametrize("path", ["/", "/stories/hostile", f"/articles/{HOSTILE.id}", "/entities/" + SCRIPT,
                                  "/search?q=onerror", "/search?q=script"])
def test_serve_hostile_text_is_escaped(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_no_live_markup(response.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_serve_hostile_article_shows_as_text(client):
    html = client.get(f"/articles/{HOSTILE.id}").text
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "&lt;img src=x onerror=window.__xss=1&gt;" in html
    assert "entity-other" in html  # an unknown entity type never becomes a class name


def test_serve_hostile_snippet_is_escaped_before_marking(client):
    html = client.get("/search", params={"q": "onerror"}).text
    assert "&lt;img src=x <mark>onerror</mark>=window.__xss=1&gt;" in html


def test_serve_hostile_query_is_escaped(client):
    html = client.get("/search", params={"q": SCRIPT}).text
    assert_no_live_markup(html)
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


# --- JSON API ---

def test_serve_api_stories(client):
    data = client.get("/api/stories", params={"limit": 1}).json()
    assert data["limit"] == 1 and data["offset"] == 0
    [story] = data["stories"]
    assert story["id"] == "minsk"
    assert story["titles"] == {"ru": RU.title, "en": EN.title}
    assert story["languages"] == ["ru", "en"]
    assert [a["id"] for a in story["articles"]] == [RU.id, EN.id, LATER.id]


def test_serve_api_story_follows_redirects(client):
    assert client.get("/api/stories/follow-up").json()["id"] == "minsk"


def test_serve_api_article_round_trips(client):
    data = client.get(f"/api/articles/{HOSTILE.id}").json()
    assert data.pop("story_id") == "hostile"
    assert Article.from_json(data) == HOSTILE


def test_serve_api_search(client):
    data = client.get("/api/search", params={"q": "onerror"}).json()
    [result] = data["results"]
    assert result["article"]["id"] == HOSTILE.id
    assert "<img" in result["snippet"] and MARK_START not in result["snippet"]
    assert "&lt;img src=x <mark>onerror</mark>" in result["snippet_html"]


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "-", ""])
def test_serve_api_search_hostile_queries(client, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200 and response.json()["query"] == query


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/articles/nope"])
def test_serve_api_unknown_ids_are_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "nope" in response.json()["detail"]


# --- view helpers ---

@pytest.mark.parametrize("published, shown", [
    ("2024-03-01T10:00:00+03:00", "2024-03-01 10:00"),
    ("2024-03-01", "2024-03-01"),
    ("--12-15", "12-15, year unknown"),
    (None, ""),
])
def test_serve_display_date(published, shown):
    assert display_date(published) == shown


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//evil.example", None),
    (None, None),
])
def test_serve_safe_url(url, link):
    assert safe_url(url) == link


def test_serve_snippet_html_escapes_then_marks():
    assert str(snippet_html(f"<b>{MARK_START}x{MARK_END}</b>")) == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"


def test_serve_paragraph_segments_skip_bad_and_overlapping_mentions():
    entity = Entity("e", "Vladimir Putin", "PER", mentions=(
        Mention(0, 0, 14, "Vladimir Putin"), Mention(0, 0, 8, "Vladimir"),  # overlap: longer wins
        Mention(0, 30, 99, "out of range"), Mention(1, 0, 3, "other paragraph")))
    segments = paragraph_segments("Vladimir Putin met the press.", 0, [entity])
    assert [(s.text, s.entity is not None) for s in segments] == [
        ("Vladimir Putin", True), (" met the press.", False)]


def test_serve_columns_put_copies_under_originals_that_are_there():
    from storyline.records import StoryArticle
    from storyline.serve.views import by_language

    original, copy = StoryArticle("o", "a.ru", "ru", "T", None), StoryArticle("c", "b.ru", "ru", "T", None, "o")
    stray = StoryArticle("s", "c.ru", "ru", "T", None, "elsewhere")  # its original is in another story
    columns = by_language([original, copy, stray])
    assert [(entry.article.id, [c.id for c in entry.copies]) for entry in columns["ru"]] == [("o", ["c"]), ("s", [])]
    assert [entry.article.id for entry in by_language([original, copy], originals={})["ru"]] == ["o", "c"]


def test_serve_quote_segments_set_editors_insertions_apart():
    from storyline.serve.views import quote_segments

    quote = Quote(None, None, "direct", "A (b - IF) c (b - IF)", "said", 0, 0, 1, ("(b - IF)", "(b - IF)", "(x)", ""))
    assert quote_segments(quote) == [("A ", False), ("(b - IF)", True), (" c ", False), ("(b - IF)", True)]
