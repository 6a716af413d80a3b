"""Hostile input: extraction never raises; every result is an article or an error record."""

from hypothesis import given, settings, strategies as st

from storyline.extract import extract_article
from storyline.records import Page
from tests.conftest import EXAMPLES

SEED_TEXT = sorted(EXAMPLES.glob("*.txt"))[1].read_text("utf-8")
MARKUP = ["<p>", "</p>", "<div>", "</div>", "<script>alert(1)</script>", "<html>", "<body>",
          "<!--", "-->", "<![CDATA[", "&nbsp;", "&#0;", "<title>", "\x00", "\ufffd", "<a href='x'>"]


def assert_article_or_error(article):
    assert article.error is not None or article.body
    if article.error:
        assert article.error.code and article.error.message and article.body == ()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_extract_random_text(text):
    assert_article_or_error(extract_article(Page(source="fuzz", content=text or " ")))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(MARKUP) | st.text(max_size=80), max_size=60))
def test_extract_random_markup(parts):
    content = "<html><body>" + "".join(parts)
    assert_article_or_error(extract_article(Page(source="fuzz", content=content, kind="html")))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_extract_mutated_seed_page(data):
    lines = SEED_TEXT.splitlines()
    for _ in range(data.draw(st.integers(0, 10))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "duplicate", "garble", "upper"]))
        if action == "drop":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "garble":
            lines[index] = data.draw(st.text(max_size=120))
        else:
            lines[index] = lines[index].upper()
        if not lines:
            lines = [" "]
    assert_article_or_error(extract_article(Page(source="fuzz", content="\n".join(lines))))


def test_extract_huge_page_finds_one_run_of_body():
    text = "\n".join([SEED_TEXT] * 2000)  # about 10 MB, the default page limit
    article = extract_article(Page(source="huge", content=text))
    assert article.title and article.body


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_extract_helpers_take_any_text(text):
    from storyline.extract.insertions import editorial_insertions
    from storyline.extract.repair import fix_mojibake, unescape_entities

    assert isinstance(fix_mojibake(text), str) and isinstance(unescape_entities(text), str)
    spans = editorial_insertions(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(first[1] <= second[0] for first, second in zip(spans, spans[1:]))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Related", "24 Comments", "Photo: AP", "— A B (@ab) May 1, 2020",
                                 "<iframe src='x'></iframe>", "&nbsp;", "РџСЂРёРІРµС‚", "Reply", ""])
                | st.text(max_size=60), max_size=40))
def test_extract_furniture_heavy_text_pages(lines):
    article = extract_article(Page(source="fuzz", content="\n".join(lines + [SEED_TEXT]) or " "))
    assert_article_or_error(article)
