"""The quotation benchmark's harness: its readers, metrics and a run on a tiny synthetic
data folder (no shared data needed)."""

import dataclasses

import pytest

from bench import quotes
from bench.quotes import (Counts, Document, Relation, Run, align, match_one_to_one, parse_brat, score_relations,
                          score_tokens, storyline_relations, words_in)
from storyline.records import Mention, Quote
from storyline.understand.quotes import Attribution

TEXT = 'Talks will resume.\n\nSmith said that the talks would resume. "We are ready," Smith said.'


def at(part, after=0):
    start = TEXT.index(part, after)
    return f"{start} {start + len(part)}"


QUOTE = TEXT.index('"We')
ANN = f"""T1\tSource {at("Smith")}\tSmith
T2\tCue {at("said")}\tsaid
T3\tContent {at("that the talks would resume")}\tthat the talks would resume
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T4\tAttribution {at("said")}\tsaid
T5\tContent {QUOTE} {QUOTE + 14};{QUOTE + 14} {QUOTE + 15}\t"We are ready,"
T6\tSource {at("Smith", QUOTE)}\tSmith
T7\tCue {at("said", QUOTE)}\tsaid
E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6
T9\tDiscuss 0 5\tTalks
T10\tContent 0 17\tTalks will resume
T11\tCue 0 0\t
E3\tAttribution-no-source:T12 Content:T10 Cue:T11
"""


def span(text, part, after=0):
    start = TEXT.index(part, after)
    return ((start, start + len(part)),)


def test_bench_quotes_reads_brat_attributions():
    first, second, third = parse_brat(ANN)
    assert [TEXT[a:b] for a, b in first.source + first.cue] == ["Smith", "said"]
    assert second.content == ((QUOTE, QUOTE + 14), (QUOTE + 14, QUOTE + 15))
    assert third.source == () and TEXT[slice(*third.content[0])] == "Talks will resume"


def test_bench_quotes_compares_words_not_punctuation():
    assert words_in(TEXT, span(TEXT, '"We are ready,"')) == words_in(TEXT, span(TEXT, "We are ready"))
    # PolNeAR keeps the complementiser in the content, storyline does not
    assert words_in(TEXT, span(TEXT, "that the talks would resume"), "content") == \
        words_in(TEXT, span(TEXT, "the talks would resume"), "content")
    assert words_in(TEXT, span(TEXT, "that the talks"), "source") != words_in(TEXT, span(TEXT, "the talks"), "source")


def test_bench_quotes_matches_one_to_one():
    gold = [frozenset({1, 2, 3})]
    assert match_one_to_one([frozenset({1}), frozenset({2})], gold, lambda a, b: bool(a & b), lambda a, b: 1) == 1
    assert Counts(1, 2, 1).scores() == (0.5, 1.0, pytest.approx(2 / 3))
    assert Counts(0, 0, 3).scores() == (None, 0.0, None)


def test_bench_quotes_scores_roles_and_attributions():
    document = Document("d", TEXT, "en", (), parse_brat(ANN))
    exact = [Relation(span(TEXT, "Smith"), span(TEXT, "said"), span(TEXT, "the talks would resume")),
             Relation(span(TEXT, "Smith", QUOTE), span(TEXT, "said", QUOTE), span(TEXT, "We are ready"))]
    totals = score_relations([document], Run("s", [exact]))
    assert totals["content", "exact"].scores() == (1.0, pytest.approx(2 / 3), pytest.approx(0.8))
    assert totals["attribution", "exact"].matched == 2
    loose = [Relation((), span(TEXT, "said"), span(TEXT, "the talks"))]
    totals = score_relations([document], Run("s", [loose]))
    assert (totals["content", "exact"].matched, totals["content", "overlap"].matched) == (0, 1)
    assert totals["attribution", "overlap"].matched == 0  # the gold names a source, this one does not
    assert totals["quoted", "overlap"].gold == 1 and totals["saying", "overlap"].gold == 2


def test_bench_quotes_scores_word_tokens():
    text = "Он сказал, что все готовы."
    tokens = [("Он", "source"), ("сказал", "cue"), (",", "None"), ("что", "content"), ("все", "content"),
              ("готовы", "content"), (".", "None")]
    document = Document("s", text, "ru", ((0, text),), gold_tokens=align(text, tokens))
    predicted = [Relation(((0, 2),), ((3, 9),), ((15, 25),))]
    totals = score_tokens([document], Run("s", [predicted]))
    assert [totals[role].scores()[2] for role in quotes.ROLES] == [1.0, 1.0, 1.0]


def test_bench_quotes_joins_continued_quotations():
    document = Document("d", "a\nb", "en", ((0, "a"), (2, "b")))
    said = Mention(0, 0, 1, "a")

    def found(paragraph, continues):
        quote = Quote(speaker=None, speaker_id=None, kind="direct", text="x", cue=None, paragraph=paragraph,
                      start=0, end=1)
        return Attribution(quote, said, said, continues)

    (relation,) = storyline_relations(document, [found(0, False), found(1, True)])
    assert relation.content == ((0, 1), (2, 3))
    # a stance between a quotation and its continuation stays a relation of its own
    stance = dataclasses.replace(found(0, False), statement=False)
    relations = storyline_relations(document, [found(0, False), stance, found(1, True)])
    assert [r.content for r in relations] == [((0, 1), (2, 3)), ((0, 1),)]


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    polnear = tmp_path / "quotes" / "polnear_dev"
    (polnear / "train" / "text").mkdir(parents=True)
    (polnear / "train" / "attributions").mkdir()
    (polnear / "metadata.tsv").write_text("compartment\tfilename\tlevel\tannotators\npubl\tskipped\t1\tab12\n"
                                          "train\tnews\t1\tab12|cd34\n", encoding="utf-8")
    (polnear / "train" / "text" / "news.txt").write_text(TEXT, encoding="utf-8")
    (polnear / "train" / "attributions" / "news_ab12.ann").write_text(ANN, encoding="utf-8")
    adaq = tmp_path / "quotes" / "adaq_ru_cs_dev"
    adaq.mkdir()
    for language, sentence, words in (("ru", "Он сказал, что все готовы.", "Он сказал , что все готовы ."),
                                      ("cs", "Řekl, že jsou připraveni.", "Řekl , že jsou připraveni .")):
        (adaq / f"{language}_sentences.tsv").write_text(f"sentences\tsentence_id\n{sentence}\ts1\n", encoding="utf-8")
        rows = "".join(f"{w.lower()}\t{w}\ts1\t{i}\tNone\n" for i, w in enumerate(words.split(), 1))
        (adaq / f"{language}_tokens.tsv").write_text("lemmas\ttext\tsentence_num\tindex_of_token_sent\ttags\n" + rows,
                                                     encoding="utf-8")
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path))
    return tmp_path


@pytest.mark.slow
def test_bench_quotes_runs_every_set_and_system(data_folder, capsys):
    quotes.main([])
    out = capsys.readouterr().out
    assert "polnear: 1 articles, 3 attributions" in out
    assert "adaq: ru 1 sentences, cs 1 sentences" in out
    assert "golden seeds" in out and "storyline" in out and "textacy" in out
