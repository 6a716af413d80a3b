"""The main job: idempotent ingest, and a run killed mid-batch loses and duplicates nothing."""

import dataclasses
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import date

import numpy as np
import pytest

from storyline.extract import ExtractOptions, extract_article
from storyline.ingest import ingest
from storyline.settings import load_settings
from storyline.sources import read_inputs
from storyline.store import Store

TOPICS = ["grain exports", "gas prices", "rail freight", "fishing quotas", "steel tariffs", "wheat harvest"]


def write_corpus(folder, count):
    """Distinct small news pages, with some chrome, so each one yields an article."""
    folder.mkdir(exist_ok=True)
    for number in range(count):
        topic = TOPICS[number % len(TOPICS)]
        (folder / f"page{number:04d}.txt").write_text("\n".join([
            "Log in", f"Talks on {topic} resume, round {number}", "1534",
            f"LONDON, March {number % 28 + 1} (Reuters) - Delegations met for round {number} of talks "
            f"on {topic}, officials said.",
            f"The sides agreed an agenda of {number % 7 + 2} points and will meet again next month.",
            "Comments",
        ]), "utf-8")


def extract_only(page):
    return extract_article(page, ExtractOptions(reference_date=date(2026, 11, 22)))


def test_ingest_same_pages_twice_stores_them_once(tmp_path):
    write_corpus(tmp_path, 10)
    settings = load_settings(batch_size=3)
    with Store(tmp_path / "news.db") as store:
        first = ingest(read_inputs([str(tmp_path / "*.txt")]), store, [extract_only], settings)
        second = ingest(read_inputs([str(tmp_path / "*.txt")]), store, [extract_only], settings)
        assert (first["read"], second["read"], second["known"]) == (10, 0, 10)
        assert store.counts()["articles"] == 10


def test_ingest_records_bad_items_and_goes_on(tmp_path):
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "junk.txt").write_bytes(bytes(range(256)) * 8)
    seen = []
    with Store(tmp_path / "news.db") as store:
        tally = ingest(read_inputs([str(tmp_path / "in")]), store, [extract_only], load_settings(),
                       on_error=seen.append)
        assert (tally["read"], tally["failed"]) == (3, 2)
        assert {a.error.code for a in seen} == {"empty", "not-text"}
        assert len(store.errors()) == 2


def test_ingest_stage_exception_becomes_an_error_record(tmp_path):
    write_corpus(tmp_path / "in", 2)

    def explode(article):
        raise RuntimeError("model fell over")
    seen = []
    with Store(tmp_path / "news.db") as store:
        tally = ingest(read_inputs([str(tmp_path / "in")]), store, [extract_only, explode], load_settings(),
                       on_error=seen.append)
    assert tally["failed"] == 2
    assert all("explode failed: RuntimeError: model fell over" in a.error.message for a in seen)


def explode_on_round_4(article):
    if "round 4 " in article.title + " ":
        raise RuntimeError("model fell over")
    return article


def note_process(article):
    """Notes the process in a field that connecting does not read: a process id in the
    subtitle would move the article's sentence vector, and with it the stories."""
    return dataclasses.replace(article, rights=(str(os.getpid()),))


def test_ingest_worker_processes_store_what_one_process_stores(tmp_path):
    write_corpus(tmp_path / "in", 11)
    stored, seen, processes = {}, {}, {}
    for workers in (1, 2):
        seen[workers] = []
        with Store(tmp_path / f"news{workers}.db") as store:
            ingest(read_inputs([str(tmp_path / "in")]), store, [extract_only, explode_on_round_4, note_process],
                   load_settings(batch_size=3, workers=workers), on_error=seen[workers].append)
            stored[workers] = [(a.id, a.title, store.article_story(a.id)) for a in store.iter_articles()]
            processes[workers] = {a.rights[0] for a in store.iter_articles()}
    assert stored[1] == stored[2] and len(stored[2]) == 10
    assert processes[1] == {str(os.getpid())} and processes[2] and str(os.getpid()) not in processes[2]
    assert [a.source for a in seen[1]] == [a.source for a in seen[2]] == [str(tmp_path / "in" / "page0004.txt")]


def die_on_round_4(article):
    """Kills its process, as the kernel's OOM killer or a crash in a C extension would."""
    if "round 4 " in article.title + " " and multiprocessing.parent_process() is not None:
        os._exit(1)
    return article


def hang_on_round_4(article):
    """Never returns in a worker, as a stage caught in an endless loop would."""
    while "round 4 " in article.title + " " and multiprocessing.parent_process() is not None:
        time.sleep(0.01)
    return article


@pytest.mark.parametrize("stage, code, message", [
    (die_on_round_4, "worker-died", "the process reading it died"),
    (hang_on_round_4, "timeout", "took longer than 1 s"),
])
def test_ingest_page_that_kills_or_hangs_its_worker_fails_alone(tmp_path, stage, code, message):
    write_corpus(tmp_path / "in", 11)
    seen = []
    with Store(tmp_path / "news.db") as store:
        tally = ingest(read_inputs([str(tmp_path / "in")]), store, [extract_only, stage],
                       load_settings(batch_size=3, workers=2, page_timeout_s=1), on_error=seen.append)
        assert (tally["read"], tally["failed"]) == (10, 1)
        assert [(a.source, a.error.code) for a in seen] == [(str(tmp_path / "in" / "page0004.txt"), code)]
        assert message in seen[0].error.message
        ids = [article.id for article in store.iter_articles()]
        assert len(ids) == len(set(ids)) == 10


@pytest.mark.slow
def test_ingest_killed_mid_run_then_rerun_loses_and_duplicates_nothing(tmp_path):
    pages = tmp_path / "pages"
    write_corpus(pages, 150)
    db = tmp_path / "news.db"
    config = tmp_path / "config.toml"
    config.write_text("[pipeline]\nbatch_size = 5\n", "utf-8")
    command = [sys.executable, "-m", "storyline", "--config", str(config), "ingest", str(pages),
               "--db", str(db), "--no-progress"]
    run = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if db.exists():
            with Store(db) as store:
                stored = store.counts()["articles"]
        if stored >= 10:
            break
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert 0 < stored < 150, "the run must be killed part-way through"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        ids = [article.id for article in store.iter_articles()]
        assert len(ids) == len(set(ids)) == 150
        assert sum(len(story.articles) for story in store.stories(limit=1000)) == 150


@pytest.mark.slow
def test_ingest_command_with_mixed_bad_input_stores_the_good_and_names_the_bad(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 64)
    (folder / "huge.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))
    (folder / "broken-utf8.txt").write_bytes(
        "Talks resume\nLONDON, March 3 (Reuters) - Delegations met again, officials said.\n".encode()
        + b"\xff\xfe\xfa" + "The sides agreed on an agenda of five points.\n".encode())
    result = subprocess.run([sys.executable, "-m", "storyline", "ingest", str(folder),
                             "--db", str(tmp_path / "news.db"), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0
    for name, code in [("empty.txt", "empty"), ("binary.dat", "not-text"), ("huge.txt", "too-large")]:
        assert any(name in line and f"[{code}]" in line for line in result.stderr.splitlines()), name
    with Store(tmp_path / "news.db") as store:
        assert store.counts()["articles"] == 3  # two pages and the one with broken bytes
        assert {code for _, code, _ in store.errors()} == {"empty", "not-text", "too-large"}


def test_ingest_command_exits_1_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "storyline", "ingest", str(tmp_path / "empty.txt"),
                             "--db", str(tmp_path / "news.db"), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "[empty]" in result.stderr


def test_ingest_encodes_the_quotations_long_enough_to_match_across_languages():
    from storyline.connect.meaning import vector_from_bytes
    from storyline.ingest import prepare
    from storyline.records import Article, Quote

    calls = []

    def encode(texts):
        calls.append(texts)
        return np.array([[len(text), 1.0] for text in texts], dtype=np.float32)

    quotes = tuple(Quote("Psaki", "PER:psaki", "direct", text, "said", 0, 0, len(text))
                   for text in ("We are ready", "The door of diplomacy remains open to Moscow"))
    prepared = prepare(Article(id="a", source="a", title="Talks", body=("Talks resumed.",), quotes=quotes),
                       encode, None)
    short, long = prepared.quote_vectors
    assert short is None
    assert vector_from_bytes(long).tolist() == [len(quotes[1].text), 1.0]
    assert len(calls) == 1  # the lead and the quotations in one call
    assert prepare(Article(id="b", source="b", body=("Talks resumed.",)), encode, None).quote_vectors == ()
