"""Exports: JSON Lines round-trips, CSV has the documented columns."""

from __future__ import annotations

import csv
import io
import json

import pytest

from storyline.records import Article, Dateline, Entity
from storyline.store import Store, export
from storyline.store.export import CSV_COLUMNS

MOSCOW = Article(
    id="1" * 16, source="tass.html", url="https://example.org/1", language="ru",
    title="Заголовок, с запятой", subtitle="Подзаголовок", body=("Первый абзац.", 'Второй "абзац".'),
    dateline=Dateline(place="МОСКВА", agency="ТАСС", text="МОСКВА, 1 марта. /ТАСС/."),
    published="2024-03-01",
    entities=(Entity("moscow", "Москва", "LOC"), Entity("tass", "ТАСС", "ORG")))
BARE = Article(id="2" * 16, source="bare.txt")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "export.db") as store:
        store.add([(MOSCOW, "story-1"), (BARE, None)])
        yield store


def test_store_export_jsonl_round_trips(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line.pop("story_id") for line in lines] == ["story-1", BARE.id]
    assert [Article.from_json(line) for line in lines] == [MOSCOW, BARE]


def test_store_export_csv_columns(store):
    out = io.StringIO()
    assert export(store, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0] == {
        "id": MOSCOW.id, "source": "tass.html", "url": "https://example.org/1", "language": "ru",
        "title": "Заголовок, с запятой", "subtitle": "Подзаголовок", "published": "2024-03-01",
        "dateline_place": "МОСКВА", "dateline_agency": "ТАСС", "story_id": "story-1",
        "body": 'Первый абзац.\n\nВторой "абзац".', "entities": "Москва; ТАСС"}
    assert rows[1]["title"] == "" and rows[1]["story_id"] == BARE.id


def test_store_export_unknown_format(store):
    with pytest.raises(ValueError, match="jsonl, csv"):
        export(store, "xml", io.StringIO())
