"""Runs stages over records in batches: error records instead of crashes, progress, counters."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


class Workers:
    """Runs stages in forked worker processes that share the models loaded here (copy on
    write) instead of loading their own; in this process when given one worker.

    A worker that dies (killed for memory, a crash in a C extension) takes down the pool
    and every record in flight; a record not done within `page_timeout_s` of being waited
    for (a stage looping on it, or taking minutes) has the pool's workers killed, with the
    same effect. Each record in flight is then run again in a process of its own, so only
    the record that kills its process, or overruns alone, ends as an error record. In
    this process (one worker) there is no bound: nothing could stop a stage there.

    `setup`, when given, runs here once before the first workers start: it loads what
    the stages would otherwise each load in every worker."""

    def __init__(self, stages: list[Stage], count: int, page_timeout_s: float | None = None,
                 setup: Callable[[], Any] | None = None):
        self.stages = stages
        self.count = count or os.cpu_count() or 1
        self.page_timeout_s = page_timeout_s or None  # 0: no bound
        self.setup = setup
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, records: list) -> Callable[[], list[Article]]:
        """Starts work on `records`; the returned callable waits for their articles."""
        if self.count < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return lambda: [process(record, self.stages) for record in records]
        jobs = [self.submit_one(record) for record in records]
        return lambda: [self.result(job, record) for job, record in zip(jobs, records)]

    def submit_one(self, record) -> tuple[ProcessPoolExecutor, Future]:
        if self.pool is None:
            self.pool = self.start(self.count)
        try:
            return self.pool, self.pool.submit(_process_in_worker, record)
        except BrokenProcessPool:  # broke while earlier work ran: start a new one
            self.pool = None
            return self.submit_one(record)

    def start(self, count: int) -> ProcessPoolExecutor:
        global _WORKER_STAGES
        if self.setup:
            self.setup()
            self.setup = None
        _WORKER_STAGES = self.stages  # what the forked workers inherit
        # What is loaded by now (models, name tables) lives as long as the process: out of
        # the collector's sight, full collections neither scan it (5 of 130 ms of a
        # worker's CPU per page of the raw news pool) nor copy the pages it shares.
        gc.freeze()
        return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))

    def result(self, job: tuple[ProcessPoolExecutor, Future], record) -> Article:
        """The record's article. Records are waited for in the order they were submitted
        and the pool starts them in that order, so the one waited for is already running
        and the bound is at least its own time."""
        pool, future = job
        try:
            return future.result(timeout=self.page_timeout_s)
        except (BrokenProcessPool, TimeoutError):
            if self.pool is pool:
                self.pool = None  # later work gets a new pool
            stop(pool)  # a looping worker would otherwise run on; in flight elsewhere: rerun alone
            return self.alone(record)

    def alone(self, record) -> Article:
        with self.start(1) as pool:
            try:
                return pool.submit(_process_in_worker, record).result(timeout=self.page_timeout_s)
            except BrokenProcessPool:
                return failed(record, "worker-died", f"{record.source}: the process reading it died "
                                                     "(out of memory, or a crash in a library)")
            except TimeoutError:
                stop(pool)
                return failed(record, "timeout", f"{record.source}: reading it took longer than "
                                                 f"{self.page_timeout_s:g} s (pipeline.page_timeout_s)")

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self.pool is not None and exc_type is None:
            self.pool.shutdown(cancel_futures=True)
        elif self.pool is not None:  # the caller gave up: work in flight is not wanted
            stop(self.pool)
        gc.unfreeze()  # a long-lived caller (web app, tests) collects as before


def stop(pool: ProcessPoolExecutor) -> None:
    """Ends the pool now, killing its workers: `shutdown` alone waits for the work they
    hold, forever for a page that loops. Work still pending fails as BrokenProcessPool.
    (`_processes` is private; Python 3.14's `kill_workers` is the public form.)"""
    for worker in list((pool._processes or {}).values()):
        worker.kill()
    pool.shutdown()  # reaps the killed workers


_WORKER_STAGES: list[Stage] = []


def _process_in_worker(record: Page | Article) -> Article:
    return process(record, _WORKER_STAGES)


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
