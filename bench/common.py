"""Helpers shared by the benchmark scripts: the data folder, HTML decoding and
rendering, per-call time limits, tables, and the docs/benchmarks.md writer."""

from __future__ import annotations

from importlib import metadata

import codecs
import contextlib
import datetime
import hashlib
import json
import os
import re
import signal
import sys
from pathlib import Path

from lxml import etree
from lxml.html import HTMLParser, document_fromstring

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS_MD = REPO_ROOT / "docs" / "benchmarks.md"


# --- the data folder -------------------------------------------------------

def data_root() -> Path:
    """`$STORYLINE_DATA`, else ../shared/data next to the repository."""
    configured = os.environ.get("STORYLINE_DATA")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "data"


def skip(message: str) -> None:
    """Leave cleanly when the data is not there: CI without data is not a failure."""
    print(f"SKIPPED: {message}")
    sys.exit(0)


def hash_order(key: str) -> int:
    """The data README's split hash; also a fixed, content-blind order for --quick."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16)


def pick_quick(items: list, key, size: int) -> list:
    """A small deterministic subset: the first `size` items in hash order."""
    return sorted(items, key=lambda item: hash_order(key(item)))[:size]


# --- HTML bytes -> text ----------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares (BOM, <meta charset>, http-equiv, <?xml?>), if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """Bytes to text: the declared charset when it decodes cleanly, else charset-normalizer's guess."""
    charset = declared_charset(data)
    if charset:
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(charset)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


# --- HTML -> visible text lines ------------------------------------------

# Never shown on screen, so a person copying the page would not get them.
INVISIBLE = frozenset({"head", "script", "style", "noscript", "template", "svg", "math",
                       "iframe", "object", "embed", "canvas", "select", "datalist"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})


def parse_html(html: str):
    """An lxml tree of an HTML string, or None when there is nothing to parse."""
    if not html.strip():
        return None
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def is_invisible(element) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return (element.tag.lower() in INVISIBLE or element.get("hidden") is not None
            or "display:none" in style)


def html_to_lines(html: str) -> list[str]:
    """All visible text of a page as a scraper would copy it: one line per block element,
    whitespace collapsed, empty lines dropped. Table cells of one row share a line."""
    root = parse_html(html)
    if root is None:
        return []
    lines, words = [], []

    def flush():
        line = " ".join("".join(words).split())
        if line:
            lines.append(line)
        words.clear()

    hidden_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if hidden_depth or is_invisible(element):
                hidden_depth += 1
                continue
            if element.tag.lower() in BLOCKS:
                flush()
            words.append(element.text or "")
            continue
        if hidden_depth:
            hidden_depth -= 1
            if hidden_depth == 0:  # the hidden element itself ends; its tail is visible
                words.append(element.tail or "")
            continue
        if element.tag.lower() in BLOCKS:
            flush()
        elif element.tag.lower() in ("td", "th"):
            words.append(" ")
        words.append(element.tail or "")
    flush()
    return lines


# --- running peers safely ------------------------------------------------

class TimeLimit(Exception):
    """A system spent longer than the limit on one document."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the body after `seconds` (main thread, POSIX): one stuck page must not stall a run."""
    def interrupt(signum, frame):
        raise TimeLimit(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- output ----------------------------------------------------------------

def format_cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.3f}"
    return str(value)


def text_table(header: list[str], rows: list[list]) -> str:
    """A fixed-width table for the terminal."""
    cells = [header] + [[format_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(format_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def today() -> str:
    return datetime.date.today().isoformat()


def command_line(module: str) -> str:
    """The exact command that ran this script, as the docs should show it."""
    return " ".join([".venv/bin/python -m", module] + sys.argv[1:])


def write_section(name: str, body: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace the text between `<!-- name:start -->` and `<!-- name:end -->`, appending
    the section (and creating the file) when missing; other sections stay as they are."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Benchmarks\n\nLatest scores of each stage beside the peer tools, written by "
        "`bench/` (`--write`). Data: `../shared/data` (development split).\n")
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def package_version(distribution: str) -> str:
    """The installed version of a package, '?' when it is not installed."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def record_figures(stage: str, figures: dict[str, float | None]) -> None:
    """Hand a run's headline figures to the gate (`bench.gate`), which names the file in
    `$STORYLINE_FIGURES`; a run without it records nothing."""
    path = os.environ.get("STORYLINE_FIGURES")
    if not path:
        return
    path = Path(path)
    recorded = json.loads(path.read_text("utf-8")) if path.exists() else {}
    recorded.setdefault(stage, {}).update(figures)
    path.write_text(json.dumps(recorded, indent=1), "utf-8")
