"""Quotation marks and sentences of a paragraph, found without a model.

Quoted passages are paired first, so that a sentence never ends inside a
quotation ('"… in contact. We are ready," she said' is one sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

CLOSERS = {"«": "»", "“": "”", "„": "“”", '"': '"'}
# A straight quote opens after these (or at the start); elsewhere it closes.
BEFORE_OPENING = set(" \t\n([{-—–:;,/«“„")

SENTENCE_END = re.compile(r"[.!?…]+[\"»”“]?(\s+)(?=[A-ZА-ЯЁ0-9\"«“„\-—–(])")
# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr gen col lt sgt gov sen rep prof vs etc no inc corp co ltd jan feb
mar apr jun jul aug sep sept oct nov dec г гг ул им ст млн млрд тыс руб долл ред см т д
""".split())


@dataclass(frozen=True)
class Quoted:
    """A top-level quoted passage: `start` is the opening mark, `end` is after the closing one."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def quoted_passages(text: str) -> list[Quoted]:
    """Top-level quotations; nested ones («… „…“ …») stay inside their outer quote."""
    stack: list[tuple[str, int]] = []
    passages = []
    for i, char in enumerate(text):
        if stack and char in CLOSERS[stack[-1][0]] and closes(text, i, stack[-1][0]):
            _, opened = stack.pop()
            if not stack:
                passages.append(Quoted(opened, i + 1))
        elif char in CLOSERS and opens(text, i):
            stack.append((char, i))
    return passages


def opens(text: str, i: int) -> bool:
    if text[i] != '"':
        return True
    after = text[i + 1:i + 2]
    return (i == 0 or text[i - 1] in BEFORE_OPENING) and after != "" and not after.isspace()


def closes(text: str, i: int, opener: str) -> bool:
    # A straight quote right after a space or an opening bracket opens a nested quote instead.
    return opener != '"' or text[i - 1] not in " \t\n([{"


def sentences(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; ends are never inside a quotation or after an abbreviation."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        gap = match.start(1)
        if inside(quoted, gap) or is_abbreviation(text, match.start()):
            continue
        spans.append((start, gap))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def inside(quoted: list[Quoted], position: int) -> bool:
    """Whether a position falls within a quotation (`quoted` is in text order)."""
    i = bisect_right(quoted, position, key=lambda q: q.start) - 1
    return i >= 0 and quoted[i].start < position < quoted[i].end


def is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[\w.]*$", text[max(0, dot - 20):dot]).group()
    return len(word) == 1 or "." in word or word.lower() in ABBREVIATIONS
