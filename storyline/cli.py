"""The command line: thin commands over the library.

Exit status of the reading commands (extract, annotate, ingest): 0 when at least one
document was read (bad items are reported and skipped), 1 when nothing could be read,
2 for usage errors.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import click

from storyline.extract import ExtractOptions, extract_article
from storyline.pipeline import process
from storyline.records import Article, Page
from storyline.settings import Settings, load_settings
from storyline.sources import read_inputs

EXTRACT_ONLY = ("entities", "quotes")


def reference_date_option(function):
    return click.option(
        "--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
        help="Date of reading (YYYY-MM-DD): pins the year of dates written without one.")(function)


def reading_options(function):
    function = click.option("--as-body", is_flag=True,
                            help="Input is already clean text: every non-empty line is a body paragraph.")(function)
    return reference_date_option(function)


def db_option(function):
    return click.option("--db", "db_path", default=None,
                        help="The store (default ./storyline.db, created on first use).")(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A TOML file overriding the shipped defaults.")
@click.pass_context
def main(context, config):
    """storyline: raw news pages in, clean articles, entities, quotations and stories out."""
    context.obj = load_settings(config)


def extract_stage(reference_date: date | None):
    options = ExtractOptions(reference_date=reference_date)

    def extract(page: Page) -> Article:
        return extract_article(page, options)
    return extract


def build_annotator():
    from storyline.understand import build_annotator as build
    return build()


def emit(article: Article, drop: tuple[str, ...] = ()) -> None:
    data = {key: value for key, value in article.as_json().items() if key not in drop}
    click.echo(json.dumps(data, ensure_ascii=False))


def read_and_print(settings: Settings, paths, as_body, stages, drop=()) -> None:
    read = 0
    for record in read_inputs(paths or ["-"], as_body=as_body, max_bytes=settings.max_page_bytes):
        article = process(record, stages)
        emit(article, drop)
        read += article.error is None
    sys.exit(0 if read else 1)


@main.command()
@click.argument("paths", nargs=-1)
@reading_options
@click.pass_obj
def extract(settings, paths, reference_date, as_body):
    """Print the clean article of each document as one JSON object per line.

    PATHS are files, folders (read recursively), globs or '-' for standard input;
    HTML, plain text and JSON Lines are told apart by their content.

    Example: storyline extract page.html news/ --reference-date 2026-11-22
    """
    stages = [extract_stage(reference_date and reference_date.date())]
    read_and_print(settings, paths, as_body, stages, drop=EXTRACT_ONLY)


@main.command()
@click.argument("paths", nargs=-1)
@reading_options
@click.pass_obj
def annotate(settings, paths, reference_date, as_body):
    """Like extract, plus the entities and quotations of each article.

    Example: storyline annotate article.txt --reference-date 2026-11-22
    """
    stages = [extract_stage(reference_date and reference_date.date()), build_annotator()]
    read_and_print(settings, paths, as_body, stages)


@main.command()
@click.argument("documents", nargs=-1)
@click.option("--pairs", type=click.File("r", encoding="utf-8"), default=None,
              help='JSON Lines of {"a": PATH, "b": PATH} or {"a_text": ..., "b_text": ...}.')
@reference_date_option
@click.pass_obj
def compare(settings, documents, pairs, reference_date):
    """Say whether two documents (any languages) tell the same story.

    Prints {"same_story": bool, "score": float}. The score (0-1) combines a multilingual
    sentence model's cosine of the leads, the numbers both leads give, the entities both
    titles name and how unequal the leads are in length; far-apart dates lower it.

    Example: storyline compare ru.txt en.txt
    """
    from storyline.connect import build_comparer
    from storyline.ingest import agency_names

    if (len(documents) == 2) == bool(pairs):
        raise click.UsageError("give two documents, or --pairs FILE")
    stages = [extract_stage(reference_date and reference_date.date()), build_annotator()]
    similarity = build_comparer(agency_names())

    def read(path=None, text=None) -> Article:
        record = Page(source="<text>", content=text) if text is not None else next(
            iter(read_inputs([path], max_bytes=settings.max_page_bytes)))
        return process(record, stages)

    for a_spec, b_spec in pair_specs(documents, pairs):
        a, b = read(**a_spec), read(**b_spec)
        if a.error or b.error:
            problem = (a.error or b.error)
            click.echo(json.dumps({"same_story": None, "score": None, "error": problem.as_json()},
                                  ensure_ascii=False))
            continue
        result = similarity(a, b, settings.max_days_apart)
        click.echo(json.dumps({"same_story": result.score >= settings.same_story_threshold,
                               "score": result.score}))


def pair_specs(documents, pairs):
    if documents:
        yield {"path": documents[0]}, {"path": documents[1]}
        return
    for line in pairs:
        if not line.strip():
            continue
        item = json.loads(line)
        yield ({"text": item["a_text"]} if "a_text" in item else {"path": item["a"]},
               {"text": item["b_text"]} if "b_text" in item else {"path": item["b"]})


def open_store(settings: Settings, db_path: str | None, searching: bool = False):
    """The store; `searching` adds Russian lemmas and cross-script spellings, which
    indexing and search need (they take a second to load)."""
    from storyline.store import Store
    if not searching:
        return Store(db_path or settings.db_path)
    from storyline.understand.search_terms import build_search_terms
    lemmatize, spellings = build_search_terms()
    return Store(db_path or settings.db_path, lemmatize=lemmatize, expand_query=spellings)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--examples", is_flag=True, help="Also ingest the bundled example pages.")
@reading_options
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Processes that extract and annotate (default: one per CPU core).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_obj
def ingest(settings, paths, examples, reference_date, as_body, db_path, workers, progress):
    """Read documents into the store: extract, annotate, group into stories.

    Pages already stored are skipped, so running it again (say, after a crash)
    neither loses nor duplicates anything. Bad items are reported by name with a
    reason on stderr; the exit status is 1 only when nothing at all could be read.

    Example: storyline ingest news/ feeds.jsonl --db news.db
    """
    from storyline.ingest import ingest as run_ingest

    inputs = list(paths) + ([str(examples_folder())] if examples else [])
    if not inputs:
        raise click.UsageError("give PATHS to read, or --examples")
    # Ingesting reads news as of today unless told otherwise: today pins year-less dates.
    reading_date = reference_date.date() if reference_date else date.today()
    stages = [extract_stage(reading_date), build_annotator()]
    report = lambda article: click.echo(f"skipped {article.error.message} [{article.error.code}]", err=True)
    if workers is not None:
        settings = dataclasses.replace(settings, workers=workers)
    with open_store(settings, db_path, searching=True) as store:
        records = read_inputs(inputs, as_body=as_body, max_bytes=settings.max_page_bytes)
        tally = run_ingest(records, store, stages, settings,
                           progress=sys.stderr.isatty() if progress is None else progress,
                           on_error=report)
    click.echo(f"ingested: {tally.summary()}", err=True)
    sys.exit(0 if tally["read"] or tally["known"] else 1)


def examples_folder() -> Path:
    return Path(str(resources.files("storyline").joinpath("examples")))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story per line.")
@click.option("--limit", default=100, show_default=True)
@db_option
@click.pass_obj
def stories(settings, as_json, limit, db_path):
    """List stories, newest first.

    Example: storyline stories --json --db news.db
    """
    with open_store(settings, db_path) as store:
        for story in store.stories(limit=limit, statements=as_json):
            if as_json:
                click.echo(json.dumps(story.as_json(), ensure_ascii=False))
                continue
            span = " – ".join(dict.fromkeys(filter(None, [story.first_published, story.last_published])))
            titles = " | ".join(title for _, title in story.titles)
            click.echo(f"{story.id}  {span or 'undated'}  [{','.join(story.languages)}] "
                       f"{len(story.articles)} articles  {titles}")


@main.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit per line.")
@click.option("--limit", default=20, show_default=True)
@db_option
@click.pass_obj
def search(settings, query, as_json, limit, db_path):
    """Full-text search over stored articles.

    Example: storyline search "гарантии безопасности"
    """
    with open_store(settings, db_path, searching=True) as store:
        for article, snippet in store.search(query, limit=limit):
            if as_json:
                click.echo(json.dumps({"id": article.id, "title": article.title, "source": article.source,
                                       "language": article.language, "published": article.published,
                                       "snippet": snippet}, ensure_ascii=False))
            else:
                click.echo(f"{article.id}  {article.published or 'undated'}  {article.title}\n    {snippet}")


@main.command()
@db_option
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default 8765).")
@click.pass_obj
def serve(settings, db_path, host, port):
    """Serve the web app and JSON API over the store.

    Example: storyline serve --db news.db --port 8765
    """
    import uvicorn

    from storyline.serve import create_app

    from storyline.understand.search_terms import build_search_terms

    open_store(settings, db_path).close()  # create the store if it is new
    lemmatize, spellings = build_search_terms()
    uvicorn.run(create_app(db_path or settings.db_path, lemmatize, spellings), host=host or settings.host,
                port=port or settings.port, log_level="info")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
@db_option
@click.pass_obj
def export(settings, fmt, output, db_path):
    """Export stored articles for analysis: JSON Lines (every field) or CSV (one row per article).

    Example: storyline export --format csv -o articles.csv
    """
    from storyline.store.export import export as write_export

    with open_store(settings, db_path) as store:
        write_export(store, fmt, output)
