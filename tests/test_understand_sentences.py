"""Quotation marks and sentences as the quotation stage sees them."""

import pytest

from storyline.records import Article
from storyline.understand.sentences import quoted_passages, sentences


@pytest.mark.parametrize("text, inner", [
    ("``We are ready,'' he said.", "We are ready,"),  # TeX's marks
    ("``We are ready,`` he said.", "We are ready,"),  # backticks on both sides, as some copy has them
    ("`` Мы готовы, `` сказал он.", " Мы готовы, "),
    ("''We are ready,'' he said.", "We are ready,"),
])
def test_sentences_backticks_mark_quotations(text, inner):
    (passage,) = quoted_passages(text)
    start, end = passage.inner
    assert text[start:end] == inner


def test_sentences_a_sentence_ends_after_a_closing_backtick_mark():
    text = "He said: ``We are ready.`` The talks begin on Monday."
    spans = sentences(text, quoted_passages(text))
    assert [text[start:end] for start, end in spans] == ["He said: ``We are ready.``", "The talks begin on Monday."]


@pytest.mark.parametrize("language, text, speaker, quoted", [
    ("en", "``We will regroup and set new goals,`` Hansen said.", "Hansen", "We will regroup and set new goals"),
    ("ru", "`` Мы перегруппируемся и поставим новые цели, `` сказал Хансен.", "Хансен",
     "Мы перегруппируемся и поставим новые цели"),
])
def test_sentences_backtick_quotations_get_their_speaker(annotator, language, text, speaker, quoted):
    article = annotator(Article(id="x", source="test", language=language, body=(text,)))
    assert [(q.speaker, q.kind, q.text) for q in article.quotes] == [(speaker, "direct", quoted)]
