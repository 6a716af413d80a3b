"""Shared benchmark helpers: page decoding, rendering to visible lines, the docs writer."""

import importlib

import pytest

from bench.common import decode_html, html_to_lines, pick_quick, write_section


def test_bench_common_renders_one_line_per_block_and_drops_invisible_text():
    html = ("<html><head><title>Tab title</title><style>p {}</style></head><body>"
            "<div>Lead <b>bo</b>ld<script>var x = 1</script> tail"
            "<p>First &amp; one<br>second</p><!-- note -->after"
            "<table><tr><td>cell a</td><td>cell b</td></tr></table>"
            "<noscript>enable js</noscript><div hidden>hidden</div>"
            "<span style='display: none'>gone</span>shown</div></body></html>")
    assert html_to_lines(html) == ["Lead bold tail", "First & one", "second", "after",
                                   "cell a cell b", "shown"]


@pytest.mark.parametrize("html", ["", "   ", "<!-- only a comment -->"])
def test_bench_common_renders_empty_pages_as_no_lines(html):
    assert html_to_lines(html) == []


def test_bench_common_decodes_the_declared_charset():
    page = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'
    assert "Привет" in decode_html(page.encode("cp1251"))


def test_bench_common_decodes_undeclared_utf8():
    page = "<html><body><p>Größere Straße, naïve café</p></body></html>"
    assert "Größere Straße" in decode_html(page.encode("utf-8"))


def test_bench_common_quick_subset_is_fixed_and_order_blind():
    items = [f"page{i}" for i in range(50)]
    assert pick_quick(items, str, 5) == pick_quick(list(reversed(items)), str, 5)
    assert len(pick_quick(items, str, 5)) == 5


def test_bench_common_write_section_replaces_only_its_own_section(tmp_path):
    path = tmp_path / "benchmarks.md"
    write_section("extraction", "first", path)
    write_section("entities", "other stage", path)
    write_section("extraction", "second", path)
    text = path.read_text()
    assert text.startswith("# Benchmarks")
    assert "<!-- extraction:start -->\nsecond\n<!-- extraction:end -->" in text
    assert "first" not in text and "other stage" in text


@pytest.mark.parametrize("stage", ["extraction", "entities", "quotes", "stories"])
def test_bench_skips_cleanly_without_data(stage, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path / "absent"))
    with pytest.raises(SystemExit) as exit_info:
        importlib.import_module(f"bench.{stage}").main(["--quick"])
    assert exit_info.value.code == 0
    assert "SKIPPED" in capsys.readouterr().out
