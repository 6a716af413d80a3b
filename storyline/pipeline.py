"""Runs stages over records in batches: error records instead of crashes, progress, counters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from storyline.records import Article, Page, failed

Stage = Callable[[Any], Article]


def chop(items: Iterable, size: int) -> Iterator[list]:
    buffer = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield buffer
            buffer = []
    if buffer:
        yield buffer


def process(record: Page | Article, stages: list[Stage]) -> Article:
    """Feeds one record through the stages; an exception becomes that item's error record."""
    page = record
    for stage in stages:
        if isinstance(record, Article) and record.error:
            return record
        try:
            record = stage(record)
        except Exception as exc:  # noqa: BLE001 - one bad item must not stop the run
            name = getattr(stage, "__name__", type(stage).__name__)
            return failed(page, "stage-failed", f"{page.source}: {name} failed: "
                          f"{type(exc).__name__}: {exc}")
    return record


class Tally:
    """Counts what a run did, for the summary line and the exit status."""

    def __init__(self):
        self.counts = Counter()

    def add(self, article: Article, stored: bool = True):
        if article.error:
            self.counts["failed"] += 1
        elif stored:
            self.counts["read"] += 1
        else:
            self.counts["known"] += 1

    def __getitem__(self, key: str) -> int:
        return self.counts[key]

    def summary(self) -> str:
        return ", ".join(f"{count} {key}" for key, count in sorted(self.counts.items())) or "nothing read"


def progress_bar(enabled: bool):
    """A rich progress display on stderr for long runs, or a silent stand-in."""
    if not enabled:
        return _Silent()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), transient=True)


class _Silent:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def add_task(self, *args, **kwargs):
        return 0

    def advance(self, *args, **kwargs):
        pass
