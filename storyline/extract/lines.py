"""Plain-text pages: which lines are the article, and which are page furniture.

Scraped text keeps a page's chrome: log-in links, view counters, related headlines
wedged between paragraphs, comment prompts, sidebars. No library reads such text,
so we classify lines by signals that hold across sites:
- furniture phrases (data/page_lines.tsv), numeric-only lines, bullets;
- the script of a line against the document's (a Russian page's English menu);
- sentence shape: body paragraphs end in sentence punctuation, headlines do not;
- position: the body is the densest run of sentence-like lines; the title and
  subtitle are the first headline-like lines above it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

BULLET = re.compile(r"^[\s•·▪●◦‣∙*–—-]+(?=\S)")
NUMERIC = re.compile(r"^[\d\s.,:;/%+()\-–—|]*$")
TERMINAL = re.compile(r"[.!?…:;]$")
CLOSERS = "\"'»”’)]"
DOMAIN = re.compile(r"\b[\w-]+\.(ru|com|org|net|ua|by|kz|info|io|uk|de|рф)\b", re.IGNORECASE)
WORD = re.compile(r"\w+")
CREDIT_LABEL = re.compile(r"^(image source|image|photo|picture|credit|фото|источник фото|"
                          r"источник изображения|иллюстрация)\s*:\s*", re.IGNORECASE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")

# Tuned on the two bundled example pages and hand-made variants of them;
# to be re-tuned as a set on the development data (bench/extraction).
MIN_BODY_WORDS = 6          # a shorter line needs to sit inside the body run to count
LONG_LINE_CHARS = 200       # lines this long are body even without final punctuation
MAX_GAP_LINES = 2           # furniture lines allowed between two body paragraphs
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_CHARS = 300


@dataclass(frozen=True)
class Line:
    index: int
    text: str
    kind: str  # furniture kind (chrome, credit, rights, counter) or "text"
    script: str | None
    words: int
    bulleted: bool

    @property
    def sentence_like(self) -> bool:
        return bool(TERMINAL.search(self.text.rstrip(CLOSERS))) or len(self.text) >= LONG_LINE_CHARS


@dataclass(frozen=True)
class PageReading:
    title: str | None
    subtitle: str | None
    body: tuple[str, ...]
    image_credits: tuple[str, ...]
    rights: tuple[str, ...]


@cache
def furniture_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    table = resources.files("storyline.extract").joinpath("data/page_lines.tsv").read_text("utf-8")
    rows = [line.split("\t", 1) for line in table.splitlines() if line and not line.startswith("#")]
    return tuple((kind, re.compile(rf"(?:{pattern.strip()})", re.IGNORECASE)) for kind, pattern in rows)


def furniture_kind(text: str) -> str | None:
    """chrome, credit, rights or counter when the whole line is page furniture."""
    if NUMERIC.match(text):
        return "counter"
    bare = text.strip(" .!?:;—–-\"'«»“”()[]")
    for kind, pattern in furniture_patterns():
        if pattern.fullmatch(bare) or pattern.fullmatch(text):
            return kind
    return None


def script_of(text: str) -> str | None:
    cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if not cyrillic and not latin:
        return None
    return "Cyrl" if cyrillic >= latin else "Latn"


def split_lines(text: str) -> list[Line]:
    lines = []
    for raw in text.splitlines():
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        bare = BULLET.sub("", stripped)
        lines.append(Line(index=len(lines), text=bare, kind=furniture_kind(bare) or "text",
                          script=script_of(bare), words=len(WORD.findall(bare)),
                          bulleted=bare != stripped))
    return lines


def document_script(lines: list[Line]) -> str | None:
    """The script most of the sentence-like text is written in."""
    weight = Counter()
    for line in lines:
        if line.kind == "text" and line.sentence_like:
            weight[line.script] += len(line.text)
    return weight.most_common(1)[0][0] if weight else None


def is_body_like(line: Line, script: str | None) -> bool:
    return (line.kind == "text" and line.script == script and line.sentence_like
            and line.words >= MIN_BODY_WORDS)


def body_run(lines: list[Line], script: str | None) -> list[Line]:
    """The run of body-like lines with the most text, allowing short furniture gaps."""
    runs, current, gap = [], [], 0
    for line in lines:
        if is_body_like(line, script):
            current.append(line)
            gap = 0
        elif current:
            gap += 1
            if gap > MAX_GAP_LINES:
                runs.append(current)
                current, gap = [], 0
    if current:
        runs.append(current)
    return max(runs, key=lambda run: sum(len(line.text) for line in run), default=[])


def body_lines(lines: list[Line], script: str | None) -> list[Line]:
    """Body paragraphs: the best run, plus short sentences inside it (not wedged headlines)."""
    run = body_run(lines, script)
    if not run:
        return []
    first, last = run[0].index, run[-1].index
    return [line for line in lines[first:last + 1]
            if line.kind == "text" and line.script == script and line.sentence_like
            and line.words >= 2]


def is_headline_like(line: Line, script: str | None) -> bool:
    return (line.kind == "text" and not line.bulleted and line.words >= MIN_HEADLINE_WORDS
            and len(line.text) <= MAX_HEADLINE_CHARS and not DOMAIN.search(line.text)
            and (script is None or line.script == script))


def read_page_text(text: str, title_hint: str | None = None) -> PageReading:
    """Title, subtitle, body, credits and rights of a scraped plain-text page."""
    lines = split_lines(text)
    script = document_script(lines)
    body = body_lines(lines, script)
    start = body[0].index if body else len(lines)
    heads = [line.text for line in lines[:start] if is_headline_like(line, script)]
    if title_hint:
        heads = [title_hint] + [head for head in heads if head != title_hint]
    return PageReading(
        title=heads[0] if heads else None,
        subtitle=heads[1] if len(heads) > 1 else None,
        body=tuple(line.text for line in body),
        image_credits=tuple(CREDIT_LABEL.sub("", line.text) for line in lines if line.kind == "credit"),
        rights=tuple(line.text for line in lines if line.kind == "rights"),
    )


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drops furniture lines from paragraphs another extractor already chose (HTML mode)."""
    return [paragraph for paragraph in paragraphs
            if paragraph.strip() and furniture_kind(paragraph.strip()) is None]
