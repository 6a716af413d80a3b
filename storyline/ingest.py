"""The main job: sources → extract → understand → connect → store, in batches.

Each batch is one store transaction, and pages already stored are skipped before any
work is done, so a run killed at any point and started again loses nothing and
stores nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.connect import choose_story, story_keys
from storyline.extract.dateline import agencies
from storyline.pipeline import Stage, Tally, chop, process, progress_bar
from storyline.records import Article, Page
from storyline.settings import Settings


def agency_names() -> frozenset[str]:
    return frozenset(name.lower() for agency in agencies() for name in agency.aliases)


def ingest(records: Iterable[Page | Article], store, stages: list[Stage], settings: Settings,
           progress: bool = False, on_error=None) -> Tally:
    """Runs the pipeline over `records` into `store`; `on_error` sees every error record."""
    tally = Tally()
    with progress_bar(progress) as bar:
        task = bar.add_task("ingesting", total=None)
        for batch in chop(records, settings.batch_size):
            known = store.known(record.id for record in batch if isinstance(record, Page))
            fresh = {record.id: record for record in batch if record.id not in known}
            articles = [process(record, stages) for record in fresh.values()]
            store.add(place_in_stories(articles, store, settings))
            for article in articles:
                tally.add(article)
                if article.error and on_error:
                    on_error(article)
            tally.counts["known"] += len(batch) - len(fresh)
            bar.advance(task, len(batch))
    return tally


def place_in_stories(articles: list[Article], store, settings: Settings) -> list[tuple[Article, str | None]]:
    """Each article with the story it joins; earlier articles of the same batch count too."""
    placed: list[tuple[Article, str | None]] = []
    names = agency_names()
    for article in articles:
        if article.error:
            placed.append((article, None))
            continue
        keys = story_keys(article)
        in_batch = [(other, story) for other, story in placed if story and keys & story_keys(other)]
        candidates = store.candidates(keys) + in_batch if keys else []
        story = choose_story(article, candidates, settings.same_story_threshold,
                             settings.max_days_apart, names)
        placed.append((article, story))
    return placed
