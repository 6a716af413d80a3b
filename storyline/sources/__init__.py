"""Sources: files, folders, globs, stdin and JSON Lines → pages, or error records.

This is one of the few places with I/O. Every input yields either a `Page` or an
error `Article` naming the item and the reason, so a run never stops on bad input.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.records import Article, Page, failed
from storyline.sources.decode import Undecodable, decode_bytes

HTML_SIGNS = re.compile(r"<(!doctype|html|head|body|div|p|article|section|span|br|meta|title|a)\b",
                        re.IGNORECASE)


def page_kind(text: str) -> str:
    """'html' when the content is markup, 'text' otherwise: the content decides, not the name."""
    head = text[:20000]
    tags = len(HTML_SIGNS.findall(head))
    return "html" if tags >= 3 or (tags and head.lstrip().startswith("<")) else "text"


def read_inputs(inputs: Iterable[str], *, as_body: bool = False,
                max_bytes: int = 10_000_000) -> Iterator[Page | Article]:
    """Pages from paths, folders (recursively), globs and '-' (stdin), in a stable order."""
    for item in inputs:
        if item == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", as_body, max_bytes)
            continue
        paths = expand(item)
        if not paths:
            yield failed(item, "not-found", f"{item}: no such file, folder or matching glob")
        for path in paths:
            with open_or_error(path) as (stream, problem):
                if problem:
                    yield problem
                else:
                    yield from read_stream(stream, str(path), as_body, max_bytes)


def expand(item: str) -> list[Path]:
    path = Path(item)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    if path.exists():
        return [path]
    return [Path(p) for p in sorted(glob.glob(item, recursive=True)) if os.path.isfile(p)]


class open_or_error:
    """Opens a file for reading; a file that cannot be opened becomes an error record."""

    def __init__(self, path: Path):
        self.path = path
        self.stream = None

    def __enter__(self):
        try:
            self.stream = open(self.path, "rb")
            return self.stream, None
        except OSError as exc:
            return None, failed(str(self.path), "unreadable", f"{self.path}: {exc.strerror or exc}")

    def __exit__(self, *exc_info):
        if self.stream:
            self.stream.close()


def read_stream(stream, source: str, as_body: bool, max_bytes: int) -> Iterator[Page | Article]:
    head = stream.read(65536)
    if not head.strip():
        yield failed(source, "empty", f"{source}: empty input, no text to read")
        return
    if looks_like_jsonl(head):
        yield from read_jsonl(head, stream, source, as_body, max_bytes)
        return
    data = head + stream.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield failed(source, "too-large",
                     f"{source}: larger than the page limit of {max_bytes:,} bytes "
                     "(pipeline.max_page_bytes); not read")
        return
    yield page_from_bytes(data, source, as_body)


def page_from_bytes(data: bytes, source: str, as_body: bool) -> Page | Article:
    try:
        text, _ = decode_bytes(data)
    except Undecodable as exc:
        return failed(source, "not-text", f"{source}: {exc}")
    if not text.strip():
        return failed(source, "empty", f"{source}: no text after decoding")
    return Page(source=source, content=text, kind=page_kind(text), as_body=as_body)


def looks_like_jsonl(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def read_jsonl(head: bytes, stream, source: str, as_body: bool,
               max_bytes: int) -> Iterator[Page | Article]:
    """One page per line: {text | html, url?, title?, date?}. A bad line is an error, not the end."""
    lines = iter_lines(head, stream)
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield failed(where, "too-large", f"{where}: line larger than {max_bytes:,} bytes")
            continue
        yield page_from_json_line(raw, where, as_body)


def page_from_json_line(raw: bytes, where: str, as_body: bool) -> Page | Article:
    try:
        record = json.loads(raw.decode("utf-8", errors="replace"))
    except ValueError as exc:
        return failed(where, "bad-json", f"{where}: not a JSON object ({exc})")
    if not isinstance(record, dict):
        return failed(where, "bad-json", f"{where}: a JSON {type(record).__name__}, not an object")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return failed(where, "empty", f"{where}: no 'text' or 'html' field with content")
    return Page(source=record.get("url") or where, content=content,
                kind="html" if content is html else page_kind(content),
                url=str_or_none(record.get("url")), title=str_or_none(record.get("title")),
                date=str_or_none(record.get("date")), as_body=as_body)


def iter_lines(head: bytes, stream) -> Iterator[bytes]:
    buffer = head
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        yield from lines
    yield from buffer.split(b"\n")


def str_or_none(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
