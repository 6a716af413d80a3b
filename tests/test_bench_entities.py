"""The entities benchmark: loaders on a tiny synthetic data folder, metrics worked out by hand."""

import gzip
import json
from collections import Counter

import pytest

from bench import entities
from bench.entities import (Name, aligned, cross_pairs, drop_nested, flatten_factru, iob_names,
                            load_bsnlp, load_conll, load_factru, load_variants, pair_scores,
                            paragraphs, razdel_tokens, span_counts, token_counts)

FACTRU_TEXT = "Встреча с послом Италии в миде Грузии. Сергей Лавров приехал."


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    factru = tmp_path / "ner" / "factru_dev" / "devset"
    factru.mkdir(parents=True)
    (factru / "book_1.txt").write_text(FACTRU_TEXT, encoding="utf-8")
    (factru / "book_1.spans").write_text(
        "1 loc_name 17 6 10 1  # 10 Италии\n2 org_name 26 4 12 1  # 12 миде\n"
        "3 loc_name 31 6 13 1  # 13 Грузии\n4 name 39 6 14 1  # 14 Сергей\n"
        "5 surname 46 6 15 1  # 15 Лавров\n", encoding="utf-8")
    (factru / "book_1.objects").write_text(
        "101 LocOrg 1 # Италии\n102 Org 2 3 # миде Грузии\n103 LocOrg 3 # Грузии\n"
        "104 Person 4 5 # Сергей Лавров\n", encoding="utf-8")
    conll = tmp_path / "ner" / "conll2003_en"
    conll.mkdir(parents=True)
    (conll / "valid.txt").write_text(
        "-DOCSTART- -X- -X- O\n\nPhil NNP I-NP B-PER\nSimmons NNP I-NP I-PER\nwon VBD I-VP O\n"
        "in IN I-PP O\nLeicester NNP I-NP B-LOC\n. . O O\n\nEnglish JJ I-NP B-MISC\nfans NNS I-NP O\n\n",
        encoding="utf-8")
    bsnlp = tmp_path / "ner" / "bsnlp2021_dev" / "asia_bibi"
    (bsnlp / "raw" / "ru").mkdir(parents=True)
    (bsnlp / "annotated" / "ru").mkdir(parents=True)
    (bsnlp / "raw" / "ru" / "doc_1.txt").write_text(
        "ru-1\nru\n2018-11-01\nhttp://example.com\nАсия Биби на свободе.\nАсию Биби освободили в Пакистане.\n",
        encoding="utf-8")
    (bsnlp / "annotated" / "ru" / "doc_1.out").write_text(
        "ru-1\nАсия Биби\tАсия Биби\tPER\tPER-Asia-Bibi\nАсию Биби\tАсия Биби\tPER\tPER-Asia-Bibi\n"
        "Пакистане\tПакистан\tLOC\tGPE-Pakistan\n", encoding="utf-8")
    names = tmp_path / "names"
    names.mkdir()
    (names / "bsnlp_name_variants_dev.tsv").write_text(
        "crosslingual_id\tlang\tscript\tmention\tbase_form\ttype\n"
        "PER-Asia-Bibi\tru\tCyrl\tАсии Биби\tАсия Биби\tPER\n"
        "PER-Asia-Bibi\tpl\tLatn\tAsia Bibi\tAsia Bibi\tPER\n"
        "trump:1\tcs\tLatn\tTrumpa\tTrump\tPER\n"
        "trump:1\tru\tCyrl\tТрампа\tТрамп\tPER\n"
        "EVT-Christmas\tbg\tCyrl\tРождество\tРождество\tEVT\n", encoding="utf-8")
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path))
    return tmp_path


def test_bench_entities_factru_gold_is_naevals_simplification(data_folder):
    (document,) = load_factru(data_folder / "ner" / "factru_dev" / "devset")
    gold = {(FACTRU_TEXT[n.start:n.end], n.type) for n in document.gold}
    # the Org 'миде Грузии' keeps its org_name part; LocOrg is a place; a Person is its whole extent
    assert gold == {("Италии", "LOC"), ("миде", "ORG"), ("Грузии", "LOC"), ("Сергей Лавров", "PER")}


def test_bench_entities_conll_documents_drop_misc(data_folder):
    (document,) = load_conll(data_folder / "ner" / "conll2003_en" / "valid.txt")
    assert document.text == "Phil Simmons won in Leicester .\nEnglish fans"
    assert [(document.text[n.start:n.end], n.type) for n in document.gold] == [
        ("Phil Simmons", "PER"), ("Leicester", "LOC")]


def test_bench_entities_bsnlp_mentions_are_found_in_the_text(data_folder):
    (document,) = load_bsnlp(data_folder / "ner" / "bsnlp2021_dev")
    found = [(document.text[n.start:n.end], n.type, n.normal) for n in document.gold]
    assert found == [("Асия Биби", "PER", "Асия Биби"), ("Асию Биби", "PER", "Асия Биби"),
                     ("Пакистане", "LOC", "Пакистан")]
    assert document.text.startswith("Асия Биби на свободе.")  # the title line is text too


def test_bench_entities_variants_keep_our_types_and_topics(data_folder):
    rows = load_variants(data_folder / "names" / "bsnlp_name_variants_dev.tsv")
    assert {(row.name, row.topic) for row in rows} == {
        ("Асия Биби", "asia_bibi"), ("Asia Bibi", "asia_bibi"), ("Trump", "trump"), ("Трамп", "trump")}


def test_bench_entities_token_f1_counts_tokens_as_naeval():
    text = "Сергей Лавров и Мария Захарова"
    tokens = razdel_tokens(text)
    gold = [Name(0, 13, "PER"), Name(16, 30, "PER")]
    found = [Name(7, 13, "PER"), Name(16, 30, "LOC")]
    counts = token_counts(tokens, gold, found)
    assert counts["PER"] == Counter(tp=1, fp=0, fn=3)
    assert counts["LOC"] == Counter(tp=0, fp=2, fn=0)


def test_bench_entities_span_counts_need_exact_span_and_type():
    gold = [Name(0, 12, "PER"), Name(20, 29, "LOC")]
    found = [Name(0, 12, "PER"), Name(20, 29, "ORG"), Name(30, 33, "MISC")]
    counts = span_counts(gold, found)
    assert counts["PER"] == Counter(tp=1)
    assert counts["ORG"] == Counter(fp=1) and counts["LOC"] == Counter(fn=1)


def test_bench_entities_nested_names_flatten_like_factru_gold():
    text = "Позиция МИД РФ известна."
    found = [Name(8, 14, "ORG"), Name(12, 14, "LOC")]
    assert flatten_factru(text, found) == [Name(8, 11, "ORG"), Name(12, 14, "LOC")]
    assert drop_nested(found) == [Name(8, 14, "ORG")]  # elsewhere the outer name stands


def test_bench_entities_spans_off_token_bounds_are_dropped():
    text = "Биби-Асия"
    assert aligned(text, [Name(0, 4, "PER"), Name(0, 9, "PER")]) == [Name(0, 9, "PER")]


@pytest.mark.parametrize("gold, found, groups, scores", [
    (["a", "a", "b"], ["x", "x", "y"], None, (1.0, 1.0, 1.0)),
    (["a", "a", "b"], ["x", "x", "x"], None, (1 / 3, 1.0, 0.5)),  # one right pair of three merged
    (["a", "a", "a"], ["x", "y", "z"], None, (0.0, 0.0, 0.0)),
    # across groups only: of the gold pairs (1,2) and (1,3), (2,3) is within one group
    (["a", "a", "a"], ["x", "x", "y"], ["C", "L", "L"], (1.0, 0.5, 2 / 3)),
])
def test_bench_entities_pairwise_scores(gold, found, groups, scores):
    assert pair_scores(gold, found, groups) == pytest.approx(scores)


def test_bench_entities_cross_pairs_count_pairs_of_different_groups():
    assert cross_pairs(["k", "k", "k", "j"], ["C", "L", "L", "C"]) == 2


def test_bench_entities_iob_tags_to_names():
    sentence = [("New", "B-LOC"), ("York", "I-LOC"), ("Times", "B-ORG"), ("reports", "O"), ("Bob", "I-PER")]
    assert iob_names(sentence, [0, 4, 9, 15, 23]) == [Name(0, 8, "LOC"), Name(9, 14, "ORG"),
                                                      Name(23, 26, "PER")]


def test_bench_entities_paragraphs_keep_offsets():
    lines, starts = paragraphs("  Title\n\n Body text \n")
    assert lines == ["Title", "Body text"] and starts == [2, 10]


def test_bench_entities_names_only_run_needs_no_models(data_folder, capsys):
    entities.main([])
    out = capsys.readouterr().out
    assert "BSNLP name variants, all topics" in out
    assert "storyline registry" in out


@pytest.mark.slow
def test_bench_entities_full_run_on_a_tiny_folder(data_folder, capsys):
    pool = data_folder / "raw"
    pool.mkdir()
    with gzip.open(pool / "news_pool.jsonl.gz", "wt", encoding="utf-8") as out:
        for lang, text in [("ru", "Сергей Лавров приехал в Москву."), ("en", "Joe Biden met Olaf Scholz.")]:
            out.write(json.dumps({"id": lang, "lang": lang, "text": text}) + "\n")
    entities.main([])
    out = capsys.readouterr().out
    for caption in ("factru_dev", "conll_valid", "bsnlp_ru", "speed"):
        assert caption in out
