"""Exports of the whole store: JSON Lines (full records) and CSV (one flat row per article)."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from storyline.records import Article

CSV_COLUMNS = ("id", "source", "url", "language", "title", "subtitle", "published",
               "dateline_place", "dateline_agency", "story_id", "body", "entities")


def export(store, fmt: str, out: TextIO) -> int:
    """Write every article to `out` as `jsonl` or `csv`; returns how many were written."""
    writers = {"jsonl": write_jsonl, "csv": write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(writers)}")
    return writers[fmt](store.iter_with_stories(), out)


def write_jsonl(placed, out: TextIO) -> int:
    count = 0
    for count, (article, story_id) in enumerate(placed, start=1):
        out.write(json.dumps({**article.as_json(), "story_id": story_id}, ensure_ascii=False) + "\n")
    return count


def write_csv(placed, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for count, (article, story_id) in enumerate(placed, start=1):
        writer.writerow(csv_row(article, story_id))
    return count


def csv_row(article: Article, story_id: str) -> list[str]:
    dateline = article.dateline
    return [
        article.id, article.source, article.url or "", article.language or "",
        article.title or "", article.subtitle or "", article.published or "",
        (dateline and dateline.place) or "", (dateline and dateline.agency) or "", story_id,
        "\n\n".join(article.body), "; ".join(entity.name for entity in article.entities),
    ]
