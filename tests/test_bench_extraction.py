"""The extraction benchmark's harness on a tiny synthetic data folder (no shared data needed)."""

import gzip
import json
import sys

import pytest

from bench import extraction
from bench.extraction import Case, Output, Run, as_text_mode, run_one

ARTICLE = ("<html><head><title>Rain in Oslo</title></head><body><nav>Home | World | Sport</nav>"
           "<article><h1>Rain in Oslo</h1>"
           + "".join(f"<p>Paragraph {i} says that the rain over Oslo kept falling through the night "
                     f"and the rivers rose faster than the city engineers had expected.</p>" for i in range(6))
           + "</article><footer>Copyright 2024 Example News</footer></body></html>")
GOLD = "\n".join(f"Paragraph {i} says that the rain over Oslo kept falling through the night and the "
                 f"rivers rose faster than the city engineers had expected." for i in range(6))


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    newspaper = tmp_path / "extraction" / "newspaper_en"
    (newspaper / "html").mkdir(parents=True)
    (newspaper / "text").mkdir()
    (newspaper / "html" / "example.com1.html").write_text(ARTICLE, encoding="utf-8")
    (newspaper / "text" / "example.com1.txt").write_text(GOLD, encoding="utf-8")
    (newspaper / "html" / "example.com2.html").write_text(ARTICLE, encoding="utf-8")
    (newspaper / "text" / "example.com2.txt").write_text("EXTRACTED NOTHING", encoding="utf-8")
    snippets = tmp_path / "extraction" / "trafilatura_dev"
    (snippets / "html").mkdir(parents=True)
    (snippets / "html" / "oslo.html.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    (snippets / "evaldata.json").write_text(json.dumps({"https://example.com/oslo": {
        "file": "oslo.html", "with": ["Paragraph 3 says that the rain"], "without": ["Home | World"],
        "title": "Rain in Oslo", "date": "2024-03-01"}}), encoding="utf-8")
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path))
    return tmp_path


def test_bench_extraction_runs_every_set_and_system(data_folder, capsys):
    extraction.main([])
    out = capsys.readouterr().out
    assert "newspaper_en: 1 pages" in out  # the note-only gold text is skipped
    assert "newspaper_en_text: 1 pages" in out
    assert "trafilatura_dev: 1 pages, 2 snippets" in out
    for system in extraction.SYSTEMS:
        assert system in out


def test_bench_extraction_text_mode_wraps_escaped_lines_as_paragraphs():
    case = as_text_mode(Case(id="p", html="<body><h1>A &amp; B</h1><p>x &lt; y</p></body>"))
    assert case.text == "A & B\nx < y"
    assert case.html == "<html><body><p>A &amp; B</p><p>x &lt; y</p></body></html>"


def test_bench_extraction_a_raising_system_scores_empty_and_is_counted():
    def broken(case):
        raise RuntimeError("parser exploded")

    run = Run(system="broken")
    run_one(broken, Case(id="p", html="<p>x</p>"), run)
    assert run.outputs == [Output()]
    assert sum(run.failures.values()) == 1


def test_bench_extraction_reports_storyline_unavailable_instead_of_crashing(data_folder, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "storyline.extract", None)  # import fails as if not written yet
    extraction.main([])
    out = capsys.readouterr().out
    assert "storyline unavailable" in out
    assert "trafilatura_dev: 1 pages" in out


def test_bench_extraction_warms_every_system_up_before_timing(monkeypatch):
    seen = []

    def build(name):
        def extract(case):
            seen.append((name, case.id))
            return Output(), 0.0
        return lambda: extract

    monkeypatch.setattr(extraction, "SYSTEMS", {
        name: extraction.System(name, build(name)) for name in ("one", "two")})
    extraction.build_systems()
    assert seen == [("one", "warm-up"), ("one", "warm-up:text"), ("two", "warm-up"), ("two", "warm-up:text")]
