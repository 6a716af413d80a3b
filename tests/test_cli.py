"""One test per command of the stable machine interface, on the bundled example pages."""

import json
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from storyline.cli import main
from tests.conftest import EXAMPLES, ROOT, golden_readings

SEEDS = sorted(str(path) for path in EXAMPLES.glob("*.txt"))
EXTRACT_FIELDS = {"id", "source", "language", "title", "subtitle", "body", "dateline", "published",
                  "published_from", "image_credits", "rights", "error", "url"}


def run(*args, input=None):
    result = CliRunner().invoke(main, [str(arg) for arg in args], input=input, catch_exceptions=False)
    return result


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_extract_matches_the_golden_readings():
    result = run("extract", *SEEDS, "--reference-date", "2026-11-22")
    assert result.exit_code == 0
    by_source = {row["source"]: row for row in json_lines(result.output)}
    for path, golden in golden_readings():
        row = by_source[str(path)]
        assert set(row) == EXTRACT_FIELDS
        assert (row["title"], row["subtitle"], row["body"]) == (golden["title"], golden["subtitle"], golden["body"])
        assert row["dateline"]["place"] == golden["dateline"]["place"]
        assert row["dateline"]["agency"] == golden["dateline"]["agency"]
        assert row["published"] == golden["dateline"]["date_with_reference_2026-11-22"]
        assert row["error"] is None


def test_cli_extract_reads_stdin_and_reports_bad_items(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", "-", tmp_path / "empty.txt", input=open(SEEDS[0], encoding="utf-8").read())
    rows = json_lines(result.output)
    assert result.exit_code == 0
    assert rows[0]["source"] == "<stdin>" and rows[0]["error"] is None
    assert rows[1]["error"]["code"] == "empty"


def test_cli_extract_exits_1_when_nothing_could_be_read(tmp_path):
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 8)
    result = run("extract", tmp_path / "junk.bin")
    assert result.exit_code == 1
    assert json_lines(result.output)[0]["error"]["code"] == "not-text"


def test_cli_extract_as_body():
    result = run("extract", "--as-body", "-", input="First paragraph here.\n\nSecond one.\n")
    assert json_lines(result.output)[0]["body"] == ["First paragraph here.", "Second one."]


@pytest.mark.slow
def test_cli_annotate_adds_entities_and_quotes():
    rows = json_lines(run("annotate", *SEEDS, "--reference-date", "2026-11-22").output)
    for row in rows:
        assert row["entities"] and row["quotes"]
        entity = row["entities"][0]
        assert {"id", "name", "names", "type", "role", "mentions"} <= set(entity)
        assert set(row["quotes"][0]) >= {"speaker", "speaker_id", "kind", "text", "cue", "paragraph", "start", "end"}


@pytest.mark.slow
def test_cli_compare_the_two_seeds_tell_one_story():
    result = run("compare", *SEEDS, "--reference-date", "2026-11-22")
    verdict = json.loads(result.output)
    assert verdict["same_story"] is True and 0 < verdict["score"] <= 1


@pytest.mark.slow
def test_cli_compare_pairs_file(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join([
        json.dumps({"a": SEEDS[0], "b": SEEDS[1]}),
        json.dumps({"a_text": "Apple released a new phone with a better camera on Monday in California.",
                    "b_text": "В Новосибирске прошел фестиваль ледяных скульптур, собравший тысячи зрителей."}),
    ]), "utf-8")
    rows = json_lines(run("compare", "--pairs", pairs).output)
    assert [row["same_story"] for row in rows] == [True, False]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "news.db"
    result = run("ingest", "--examples", "--db", db, "--reference-date", "2026-11-22")
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.slow
def test_cli_ingest_twice_stores_once(ingested):
    again = run("ingest", "--examples", "--db", ingested)
    assert again.exit_code == 0 and "2 known" in again.output
    rows = json_lines(run("export", "--db", ingested).output)
    assert len(rows) == 2 and len({row["id"] for row in rows}) == 2


@pytest.mark.slow
def test_cli_stories_hold_both_seeds_in_date_order(ingested):
    [story] = json_lines(run("stories", "--json", "--db", ingested).output)
    assert set(story) >= {"id", "titles", "languages", "first_published", "last_published", "articles"}
    assert sorted(story["languages"]) == ["en", "ru"]
    assert [a["published"] for a in story["articles"]] == ["2021-12-15", "2022-02-01"]
    assert (story["first_published"], story["last_published"]) == ("2021-12-15", "2022-02-01")


@pytest.mark.slow
def test_cli_search_finds_russian_and_english(ingested):
    ru = json_lines(run("search", "гарантиях", "--json", "--db", ingested).output)
    en = json_lines(run("search", "diplomacy", "--json", "--db", ingested).output)
    assert [row["language"] for row in ru] == ["ru"] and [row["language"] for row in en] == ["en"]


def test_cli_search_across_scripts_and_inflections(ingested):
    """'Zakharova' finds the Russian seed's 'Захаровой'; 'гарантия' its 'гарантиях'."""
    for query in ("Zakharova", "гарантия", "Ryabkov"):
        rows = json_lines(run("search", query, "--json", "--db", ingested).output)
        assert [row["language"] for row in rows] == ["ru"], query


@pytest.mark.slow
def test_cli_export_csv(ingested, tmp_path):
    out = tmp_path / "articles.csv"
    assert run("export", "--format", "csv", "-o", out, "--db", ingested).exit_code == 0
    assert out.read_text("utf-8").splitlines()[0].startswith("id,")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_cli_serve_answers_on_its_port(ingested):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", str(ingested),
                               "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert page.status_code == 200 and "В МИД рассказали" in page.text
    finally:
        server.terminate()
        server.wait(10)


def test_cli_every_command_help_has_an_example():
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), name


def test_cli_every_command_is_documented():
    usage = (ROOT / "docs" / "usage.md").read_text("utf-8")
    for name in main.commands:
        assert f"### {name}\n`storyline {name}" in usage, name
