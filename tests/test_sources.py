"""Sources: every input becomes a page or a named error record; the content decides the kind."""

import io
import json

import pytest

from storyline.records import Article, Page
from storyline.sources import page_kind, read_inputs, read_stream
from storyline.sources.decode import Undecodable, decode_bytes

RUSSIAN = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_r", "utf-8-sig", "utf-16"])
def test_decode_detects_russian_encodings(encoding):
    text, _ = decode_bytes(RUSSIAN.encode(encoding))
    assert text.lstrip("\ufeff") == RUSSIAN


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4,
                                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_decode_refuses_binary(data):
    with pytest.raises(Undecodable):
        decode_bytes(data)


@pytest.mark.parametrize("text, kind", [
    ("<html><head><title>x</title></head><body><p>Hi</p></body></html>", "html"),
    ("<!DOCTYPE html><div>text</div>", "html"),
    ("Plain text with a <b> tag inside a sentence.\nAnd a second line.", "text"),
    ("Заголовок\n\nМОСКВА, 15 дек - РИА Новости. Текст.", "text"),
])
def test_sources_page_kind_comes_from_content(text, kind):
    assert page_kind(text) == kind


def read_all(*paths, **options):
    return list(read_inputs([str(p) for p in paths], **options))


def test_sources_read_folder_recursively_with_mixed_good_and_bad(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_text(RUSSIAN, "utf-8")
    (tmp_path / "sub" / "page.html").write_text("<html><body><p>Hi there</p></body></html>", "utf-8")
    (tmp_path / "sub" / "cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 10)
    records = read_all(tmp_path)
    pages = {r.source.split("/")[-1]: r for r in records if isinstance(r, Page)}
    errors = {r.source.split("/")[-1]: r.error.code for r in records if isinstance(r, Article)}
    assert set(pages) == {"good.txt", "page.html", "cp1251.txt"}
    assert pages["page.html"].kind == "html" and pages["cp1251.txt"].content == RUSSIAN
    assert errors == {"empty.txt": "empty", "binary.bin": "not-text"}


def test_sources_missing_path_is_reported(tmp_path):
    [record] = read_all(tmp_path / "nope.txt")
    assert record.error.code == "not-found" and "nope.txt" in record.error.message


def test_sources_huge_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB
    [record] = read_all(big, max_bytes=10_000_000)
    assert record.error.code == "too-large" and "10,000,000" in record.error.message


def test_sources_jsonl_lines_become_pages_and_bad_lines_errors(tmp_path):
    path = tmp_path / "feed.data"
    lines = [json.dumps({"text": RUSSIAN, "url": "https://x.ru/a", "title": "T", "date": "2021-12-15"},
                        ensure_ascii=False),
             "{not json", json.dumps({"html": "<html><body><p>Hello</p></body></html>"}),
             json.dumps({"text": ""}), "", json.dumps([1, 2])]
    path.write_text("\n".join(lines), "utf-8")
    records = read_all(path)
    assert [type(r).__name__ for r in records] == ["Page", "Article", "Page", "Article", "Article"]
    first = records[0]
    assert (first.url, first.title, first.date, first.kind) == ("https://x.ru/a", "T", "2021-12-15", "text")
    assert records[2].kind == "html"
    assert records[1].source.endswith("feed.data:2") and records[1].error.code == "bad-json"


def test_sources_stdin_stream():
    [page] = list(read_stream(io.BytesIO(RUSSIAN.encode("koi8_r")), "<stdin>", False, 1000))
    assert page.content == RUSSIAN and page.source == "<stdin>"


def test_sources_glob(tmp_path):
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(RUSSIAN, "utf-8")
    records = read_all(tmp_path / "*.txt")
    assert [r.source.split("/")[-1] for r in records] == ["a.txt", "b.txt"]


def test_decode_keeps_utf8_with_a_few_invalid_bytes():
    data = RUSSIAN.encode("utf-8") + b"\xff\xfe" + RUSSIAN.encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8" and text.startswith(RUSSIAN) and text.endswith(RUSSIAN)
