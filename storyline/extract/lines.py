"""Plain-text pages: which lines are the article, and which are page furniture.

Scraped text keeps a page's chrome: log-in links, view counters, related headlines
wedged between paragraphs, comment threads, sidebars. No library reads such text,
so we classify lines by signals that hold across sites and languages:
- what a line is on its own: furniture phrases in Russian, English and the main European
  languages (data/page_lines.tsv; among them sign-offs such as '(Reporting by …)', which
  close an article), numbers, time stamps, links and teasers cut short
  ('Gunman kills ei...'), leftover markup; the script of the line against the document's
  (a Russian page's English menu); sentence shape (paragraphs end in sentence punctuation,
  headlines do not or are in Title Case);
- what a line is in its place: repeated in different places (chrome), right above an
  image credit (a caption), above a post's signature (an embedded post);
- position: the body is the stretch of lines where paragraphs outweigh what lies between
  them (the best-scoring run); a paragraph standing alone counts less (teasers, comments);
  a comment section, or a section of links to other stories with no paragraphs after it,
  closes the article; lists and subheadings inside the run belong to it, headlines of
  other stories wedged between paragraphs do not; a list, a last paragraph without its
  final stop and a sign-off right after the run close it, a long paragraph cut off just
  above it by a box opens it; the title and subtitle are the
  headline-like lines just above the body.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache
from itertools import takewhile
from importlib import resources

from storyline.extract.repair import fix_mojibake, unescape_entities

# List bullets; a dash opening a line is direct speech in Russian text, so only '- ' is a bullet.
BULLET = re.compile(r"^(?:[\s•·▪●◦‣∙*]|-\s)+(?=\S)")
NUMERIC = re.compile(r"^[\d\s.,:;/%+()\-–—|#№]*$")
TERMINAL = re.compile(r"[.!?…:;。！？｡؟।]$")
CLOSERS = "\"'»”’)]"
DOMAIN = re.compile(r"\b[\w-]+\.(ru|com|org|net|ua|by|kz|info|io|uk|de|рф|co|us|ca|au|fr|tv|me)\b",
                    re.IGNORECASE)
URL = re.compile(r"^(https?://|www\.)\S+$|^\S+\.(com|org|net|ru|рф|html?|php)(/\S*)?$", re.IGNORECASE)
# A teaser cut to fit a box: 'Gunman kills ei...' (a sentence's own ellipsis ends a longer line)
# A paragraph signed at its end by its writer ('… a plastic head cone. -- Sandstrom'):
# review round-ups and letters pages sign each item so.
SIGNED = re.compile(r"(?<=[.!?…\"”»])\s+(?:--|—|–)\s*[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,2}$")
TRUNCATED = re.compile(r"\w ?(\.\.\.|…)$")
WORD = re.compile(r"\w+")
POST_SIGNATURE = re.compile(r"^[—–-]?\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")
# A sentence asking to select a typo and press Ctrl+Enter, to its end ('Если вы заметили
# ошибку, выделите её и нажмите Ctrl+Enter, чтобы сообщить редакции.', '… или Отправить ошибку').
TYPO_PROMPT = re.compile(r"(?:^|(?<=[.!?…»\"”]))[^.!?…]*?\b(?:выдел|select|highlight)\w*[^.!?…]*?"
                           r"\bctrl\s*\+\s*enter\b(?:,?\s+(?:чтобы|или|to|or)\b[^.!?…]*)?[.!]?", re.IGNORECASE)
TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
CLOCK_OR_DATE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
# Words of a date or time stamp: 'December 29, 2014 at 7:56 AM', '3 weeks ago', 'вчера, 14:20'.
TIME_WORD = re.compile(
    r"\d{1,4}(?:st|nd|rd|th)?|[ap]m|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|today|yesterday|ago|at|on|posted|published|updated|"
    r"(?:second|minute|hour|day|week|month|year)s?|(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\w*|"
    r"(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)\w*|сегодня|вчера|назад|в|во|"
    r"(?:секунд|минут|час|дн|день|недел|месяц|год|лет)\w*|опубликовано|обновлено", re.IGNORECASE)
CREDIT_LABEL = re.compile(r"^(image source|image|photo|picture|credit|фото|источник фото|"
                          r"источник изображения|иллюстрация)\s*:\s*", re.IGNORECASE)
# Letters of the scripts a news page is written in; other letters count for nothing.
SCRIPTS = (
    ("Latn", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("Cyrl", re.compile(r"[\u0400-\u04ff]")),
    ("Grek", re.compile(r"[\u0370-\u03ff]")),
    ("Arab", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("Hebr", re.compile(r"[\u0590-\u05ff]")),
    ("Hani", re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")),  # Chinese, Japanese kana
    ("Hang", re.compile(r"[\uac00-\ud7af]")),
    ("Thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("Deva", re.compile(r"[\u0900-\u097f]")),
)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
OTHER_SCRIPTS = re.compile(r"[\u0370-\u1fff\u3040-\ud7af]")  # letters of any script but Latin
DENSE_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # written without spaces
TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}")
# Kinds of lines articles carry between their paragraphs: photos and their credits, posts
# they quote, time stamps, embed codes, boxes of links to other stories, sign-offs.
INSIDE_ARTICLE = frozenset({"code", "caption", "credit", "time", "embed", "related", "listed", "signoff"})

# Calibrated as a set on newspaper_en rendered to text lines (bench/extraction.py,
# newspaper_en_text, 130 pages) with the two bundled examples and hand-made variants of them
# (tests/test_extract_*.py) held fixed; don't tune one value in isolation. Shingle F1 of the
# final set .940; one value moved at a time: CHROME_COST 4/8 .939/.940, SHORT_COST 1/3
# .932/.937, ISOLATED_SHARE .2/.5 .930/.930, MIN_INNER_PARAGRAPH_WORDS 15/30 .940/.938,
# LONG_LINE_CHARS 150/250 .929/.937, MIN_RELAXED_LINE_WORDS 8/16 .940/.939,
# MAX_FURNITURE_CHARS 300 .938, MIN_OPENING_WORDS 20/40 .940/.940; MAX_GAP_FACTOR,
# COMMENTS_DISCOUNT, MAX_SIGNOFF_LINES and MAX_OPENING_DISTANCE change little; MAX_SUBHEAD_WORDS 8 takes the examples' wedged headlines. The optimum is
# flat: differences under .002 are a page or two and no reason to move a value.
MAX_TEASER_CHARS = 80       # a line cut short with '...' is a teaser up to this length
MAX_STAMP_CHARS = 80        # a time stamp line: this many characters,
MAX_STAMP_WORDS = 10        # and words at most,
MAX_STAMP_NAME_WORDS = 3    # of which this many are not date or time words (a name)
MAX_FURNITURE_CHARS = 400   # longer lines are never furniture (comment policies run to ~350)
MARKUP_SHARE = 0.5          # a line with less text than this share outside its tags is code
MIN_BODY_WORDS = 6          # a shorter line needs to sit inside the body run to count
LONG_LINE_CHARS = 200       # lines this long are body even without final punctuation
DENSE_CHARS_PER_WORD = 2    # Chinese / Japanese: characters that weigh as one word
CHROME_COST = 6             # words of body a furniture line between paragraphs costs the run,
SHORT_COST = 2              # or a line that is no sentence (subheading, caption); times its place in the gap
ISOLATED_SHARE = 0.3        # a paragraph with no other next to it counts this share (teasers)
COMMENTS_DISCOUNT = 0.5     # weight of text after a comment-section head
MAX_GAP_FACTOR = 4          # the 4th and further lines of a gap cost 4 times their own cost
MIN_RELAXED_LINE_WORDS = 12  # without a finished sentence on the page, a paragraph is a line this long
MIN_RELAXED_WORDS = 20      # and the body this long
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_CHARS = 300
MAX_SITE_WORDS = 3          # a site's name after a given title's bar
MAX_TITLE_DISTANCE = 8      # title and subtitle sit at most this many lines above the body
TITLE_CASE_SHARE = 0.8      # 'The Bacon Shield, And 28 Other Examples Of …': a headline
MAX_CAPTION_WORDS = 60      # a longer paragraph above an image credit is a paragraph
MIN_LIST_ITEMS = 3          # no-punctuation lines in a row that make a list, not headlines
MIN_INNER_PARAGRAPH_WORDS = 20  # inside the body, a line this long is a paragraph, punctuated or not
MAX_SUBHEAD_WORDS = 6       # a no-punctuation line this short inside the body is a subheading
MAX_SIGNOFF_LINES = 2       # sign-off lines ('(Reporting by …)') right after the last paragraph
MAX_OPENING_DISTANCE = 5    # a first paragraph cut off from the run stands this many lines above it
MIN_OPENING_WORDS = 30      # and is this long (a teaser or a standfirst is shorter)


@dataclass(frozen=True)
class Line:
    index: int
    text: str
    kind: str  # furniture kind (chrome, related, comments, credit, rights, signoff, counter,
    #             time, link), "code" (markup), "caption", "embed" (a quoted post), "listed"
    #             (a link under a 'Related' head) or "text"
    script: str | None
    words: int
    bulleted: bool
    sentence_like: bool  # ends like a sentence, or is long enough to be a paragraph anyway
    title_cased: bool  # 'Most Words Capitalised': a headline even with a final stop
    repeats: int = 1  # how often the same line occurs in different places of the page


@dataclass(frozen=True)
class PageReading:
    title: str | None
    subtitle: str | None
    body: tuple[str, ...]
    image_credits: tuple[str, ...]
    rights: tuple[str, ...]


@cache
def furniture_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """All rows of data/page_lines.tsv as one pattern (one group per row, first row wins),
    and the kind of each group."""
    table = resources.files("storyline.extract").joinpath("data/page_lines.tsv").read_text("utf-8")
    rows = [line.split("\t", 1) for line in table.splitlines() if line and not line.startswith("#")]
    kinds = {f"row{number}": kind for number, (kind, _) in enumerate(rows)}
    pattern = "|".join(f"(?P<row{number}>{row.strip()})" for number, (_, row) in enumerate(rows))
    return re.compile(pattern, re.IGNORECASE), kinds


def furniture_kind(text: str) -> str | None:
    """The kind of furniture the whole line is (counter, time, link, or a kind of
    data/page_lines.tsv: related, chrome, comments, credit, rights), else None."""
    if NUMERIC.match(text):
        return "counter"
    if is_time_stamp(text):
        return "time"
    if URL.match(text) or TRUNCATED.search(text) and len(text) < MAX_TEASER_CHARS:
        return "link"
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    pattern, kinds = furniture_pattern()
    bare = text.strip(" .!?:;—–-\"'«»“”()[]|•")
    match = pattern.fullmatch(bare) or (bare != text and pattern.fullmatch(text))
    return kinds[match.lastgroup] if match else None


def is_time_stamp(text: str) -> bool:
    """A date or time, perhaps with a name: 'Dee Rothman • 3 weeks ago', 'on Dec 29, 2014'."""
    if len(text) > MAX_STAMP_CHARS:
        return False
    words = WORD.findall(text)
    if len(words) > MAX_STAMP_WORDS or len(words) < 2:
        return False
    stamp = sum(bool(TIME_WORD.fullmatch(word)) for word in words)
    anchored = bool(CLOCK_OR_DATE.search(text)) or any(
        not word.isdigit() and TIME_WORD.fullmatch(word) for word in words)
    return anchored and stamp >= 2 and len(words) - stamp <= MAX_STAMP_NAME_WORDS


def script_of(text: str) -> str | None:
    """The script most letters of `text` are written in (None when it has no letters)."""
    if not NON_ASCII.search(text):
        return "Latn" if SCRIPTS[0][1].search(text) else None
    if not OTHER_SCRIPTS.search(text):  # Latin with diacritics: German, French, Polish…
        return "Latn"
    counts = [(len(pattern.findall(text)), name) for name, pattern in SCRIPTS]
    count, name = max(counts)
    return name if count else None


def count_words(text: str) -> int:
    """Words, with runs of Chinese / Japanese characters weighed by their length."""
    if not NON_ASCII.search(text) or not DENSE_CHARS.search(text):
        return len(WORD.findall(text))
    dense = len(DENSE_CHARS.findall(text))
    return len(WORD.findall(DENSE_CHARS.sub(" ", text))) + max(1, dense // DENSE_CHARS_PER_WORD)


def split_lines(text: str, markup: bool = False) -> list[Line]:
    """The page's non-empty lines, whitespace collapsed, bullets off, each judged on its own.
    With `markup`, tags left in scraped text are dropped, and a line that was mostly tags
    (an embed code) is furniture."""
    lines = []
    for raw, prompt in (piece for line in text.splitlines() for piece in prompt_apart(line)):
        stripped = " ".join(raw.split())
        code = False
        if markup and "<" in stripped:
            stripped, code = strip_tags(stripped)
        if not stripped:
            continue
        bare = BULLET.sub("", stripped)
        kind = "code" if code else "chrome" if prompt else furniture_kind(bare) or "text"
        lines.append(Line(index=len(lines), text=bare, kind=kind, script=script_of(bare),
                          words=count_words(bare),
                          bulleted=bare != stripped, sentence_like=ends_sentence(bare),
                          title_cased=title_case(bare)))
    return mark_links(mark_embeds(mark_captions(count_repeats(lines))))


def prompt_apart(line: str) -> list[tuple[str, bool]]:
    """The line in pieces, each with whether it is a prompt to report a typo: the prompt may
    be a line of its own, or run into the article's text where the page lost its line
    breaks ('… не установлены. Выделите фрагмент с текстом ошибки и нажмите Ctrl+Enter')."""
    match = TYPO_PROMPT.search(line)
    if not match:
        return [(line, False)]
    pieces = [(line[:match.start()], False), (match.group(), True), (line[match.end():], False)]
    return [(text, prompt) for text, prompt in pieces if text.strip()]


def strip_tags(line: str) -> tuple[str, bool]:
    """(the line without HTML tags, whether tags were most of it)."""
    bare = " ".join(TAG.sub(" ", line).split())
    return bare, bare != line and len(bare) < MARKUP_SHARE * len(line)


def mark_links(lines: list[Line]) -> list[Line]:
    """Under a 'Related' head, the headlines listed up to the next paragraph are links ("listed")."""
    marked, listing = [], False
    for line in lines:
        if line.kind == "related":
            listing = True
        elif listing and line.kind == "text" and line.sentence_like and line.words >= MIN_BODY_WORDS:
            listing = False
        elif listing and line.kind == "text":
            line = replace(line, kind="listed")
        marked.append(line)
    return marked


def mark_embeds(lines: list[Line]) -> list[Line]:
    """A post embedded in the article: the signature under it ('— Stansted Airport
    (@STN_Airport) December 22, 2014') and its text, the line above."""
    embedded = set()
    for position, line in enumerate(lines):
        if POST_SIGNATURE.match(line.text):
            embedded.add(position)
            if position and lines[position - 1].kind == "text":
                embedded.add(position - 1)
    return [replace(line, kind="embed") if line.index in embedded else line for line in lines]


def mark_captions(lines: list[Line]) -> list[Line]:
    """A line right above an image credit is the image's caption, not a paragraph."""
    following = lines[1:] + lines[-1:]
    return [replace(line, kind="caption")
            if line.kind == "text" and after.kind == "credit" and line.words <= MAX_CAPTION_WORDS
            else line for line, after in zip(lines, following)]


def ends_sentence(text: str) -> bool:
    text = SIGNED.sub("", text)
    return bool(TERMINAL.search(text.rstrip(CLOSERS))) or len(text) >= LONG_LINE_CHARS


def count_repeats(lines: list[Line]) -> list[Line]:
    """Marks lines that recur in different places ('Reply' under each comment, a section
    label over each teaser). A page that holds its article twice (a mobile and a desktop
    copy) repeats whole stretches in the same order: those lines are not chrome."""
    keys = [line.text.casefold() for line in lines]
    before, after = defaultdict(set), defaultdict(set)
    for position, key in enumerate(keys):
        before[key].add(keys[position - 1] if position else None)
        after[key].add(keys[position + 1] if position + 1 < len(keys) else None)
    counts = Counter(keys)
    return [line if counts[key] == 1 or len(before[key]) == 1 or len(after[key]) == 1
            else replace(line, repeats=counts[key]) for line, key in zip(lines, keys)]


def title_case(text: str) -> bool:
    """Most longer words capitalised: an English-style headline, even with a final stop.
    A line in brackets is no headline ('(Reporting by Andy Bruce in London …)')."""
    if text.startswith("(") and text.endswith(")"):
        return False
    words = TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def document_script(lines: list[Line]) -> str | None:
    """The script most of the sentence-like text is written in (of any text, when no line
    is sentence-like)."""
    weight, fallback = Counter(), Counter()
    for line in lines:
        if line.kind == "text":
            (weight if line.sentence_like else fallback)[line.script] += len(line.text)
    return (weight or fallback).most_common(1)[0][0] if weight or fallback else None


@dataclass(frozen=True)
class Rules:
    """How lines of one page are judged: its script, and whether a body paragraph must
    end like a sentence (relaxed for pages without any: a list, a clipped paragraph)."""

    script: str | None
    strict: bool = True

    def is_body_like(self, line: Line) -> bool:
        if self.strict:
            return (line.kind == "text" and line.script == self.script and line.words >= MIN_BODY_WORDS
                    and line.sentence_like and not line.title_cased and line.repeats == 1)
        return line.kind == "text" and line.script == self.script and line.words >= MIN_RELAXED_LINE_WORDS

    def cost(self, line: Line) -> float:
        """What a line that is not body text costs a run of body passing over it."""
        if line.kind == "embed":  # a post the article quotes, and its signature
            return 0
        if line.kind in ("time", "caption", "credit", "signoff"):  # a byline's date, a photo: inside articles too
            return SHORT_COST
        if line.kind != "text" or line.repeats > 1 or line.script not in (self.script, None):
            return CHROME_COST
        return 0 if line.sentence_like else SHORT_COST

    def is_inner(self, line: Line) -> bool:
        """A line that belongs to the body only because it sits inside it: a sentence, a
        subheading (short, or in English Title Case), a paragraph without its final stop.
        A longer line in sentence case is another story's headline wedged in."""
        if line.kind == "embed":
            return True
        if line.kind != "text" or line.repeats > 1 or line.script != self.script or line.words < 2:
            return False
        return (line.sentence_like or line.title_cased or line.words <= MAX_SUBHEAD_WORDS
                or line.words >= MIN_INNER_PARAGRAPH_WORDS)


def best_run(lines: list[Line], rules: Rules) -> tuple[float, int, int]:
    """(score, first, last) of the stretch of lines with the most body text (in words) less
    the cost of what lies between its paragraphs (Kadane's maximum-sum run). A gap costs
    more with each further line: a subheading or a caption is crossed, a sidebar is not.
    A paragraph with no other next to it counts less: teasers and comments stand alone.
    A list (a recipe's ingredients, a calendar) is crossed at no cost."""
    body = [rules.is_body_like(line) for line in lines]
    alone = standing_alone(lines, body)
    listed = {line.index for line in list_items(lines, rules)}
    best, start, total, gap = (0.0, 0, -1), 0, 0.0, 0
    for position, line in enumerate(lines):
        if line.index in listed and not body[position]:
            continue
        if body[position]:
            if total <= 0:
                start, total = position, 0.0
            total, gap = total + line.words * (ISOLATED_SHARE if alone[position] else 1), 0
            if total > best[0]:
                best = (total, start, position)
        elif total > 0 and line.kind in INSIDE_ARTICLE:  # expected between paragraphs
            total -= rules.cost(line)
        elif total > 0:
            gap += 1
            total -= rules.cost(line) * min(gap, MAX_GAP_FACTOR)
    return best


def standing_alone(lines: list[Line], body: list[bool]) -> list[bool]:
    """Paragraphs with no other paragraph next to them, looking through what articles carry
    between their paragraphs (photos and their credits, embeds, time stamps)."""
    kept = [position for position, line in enumerate(lines) if line.kind not in INSIDE_ARTICLE]
    alone = [False] * len(lines)
    for before, position, after in zip([None] + kept, kept, kept[1:] + [None]):
        if body[position]:
            neighbours = [body[other] for other in (before, after) if other is not None]
            alone[position] = not any(neighbours)
    return alone


SECTION_HEADS = ("comments", "related")


def sections(lines: list[Line], rules: Rules) -> list[list[Line]]:
    """The page cut where the article ends: at the heads of comment sections ('24 Comments',
    'Leave a reply'), and at heads of links to other stories ('Related', 'Читайте также')
    that no paragraphs follow."""
    cuts = [0] + [position for position, line in enumerate(lines)
                  if position and line.kind in SECTION_HEADS and closes_article(lines, position, rules)]
    return [lines[start:end] for start, end in zip(cuts, cuts[1:] + [len(lines)])]


def closes_article(lines: list[Line], position: int, rules: Rules) -> bool:
    """Comments close the article; links to other stories close it unless two paragraphs
    in a row follow them before the next such head (a box of links inside the article)."""
    if lines[position].kind == "comments":
        return True
    body = [rules.is_body_like(line) for line in
            takewhile(lambda line: line.kind not in SECTION_HEADS, lines[position + 1:])]
    return not any(first and second for first, second in zip(body, body[1:]))


def body_run(lines: list[Line], rules: Rules) -> list[Line]:
    """The article's run of lines: the best run, where runs after the head of a comment
    section weigh less (the article comes before its comments; a '24 comments' link
    above the article must not hide it)."""
    best, discount = (0.0, []), 1.0
    for section in sections(lines, rules):
        score, first, last = best_run(section, rules)
        if score * discount > best[0]:
            best = (score * discount, section[first:last + 1])
        discount = COMMENTS_DISCOUNT
    return best[1]


def body_lines(lines: list[Line], script: str | None) -> list[Line]:
    """Body paragraphs: the best run's body-like lines, plus short sentences, subheadings
    and lists inside it (not wedged headlines of other stories), and what opens and closes
    it just outside (see opening, continuation). A page without a single sentence-like
    paragraph is read again with relaxed rules."""
    for rules in (Rules(script), Rules(script, strict=False)):
        run = body_run(lines, rules)
        if run:
            run = opening(lines[:run[0].index], rules) + run + continuation(lines[run[-1].index + 1:], rules)
        listed = {line.index for line in list_items(run, rules)}
        seen, body = set(), []
        for line in run:
            if line.text not in seen and (rules.is_body_like(line) or rules.is_inner(line)
                                          or line.index in listed or line.kind == "signoff"):
                seen.add(line.text)
                body.append(line)
        if body and (rules.strict or sum(line.words for line in body) >= MIN_RELAXED_WORDS):
            return body
    return []


def is_list_item(line: Line, rules: Rules) -> bool:
    """A line of a list: no sentence, but not short either; dates ('Monday, November 25, 2013
    at 3:00 PM') in a row are a calendar."""
    return (line.kind in ("text", "time") and line.repeats == 1 and line.script == rules.script
            and line.words >= MIN_BODY_WORDS and not line.sentence_like)


def list_items(lines: list[Line], rules: Rules) -> list[Line]:
    """Lines in blocks of at least MIN_LIST_ITEMS list-item lines in a row (a calendar,
    a list of facts): one headline between paragraphs is another story's, a block is a list."""
    items, block = [], []
    for line in lines + [None]:
        if line is not None and is_list_item(line, rules):
            block.append(line)
            continue
        if len(block) >= MIN_LIST_ITEMS:
            items += block
        block = []
    return items


def opening(lines: list[Line], rules: Rules) -> list[Line]:
    """The article's first paragraph where a box (a product's name and price, a byline, a
    'Tags:' label) stands between it and the rest, so that it stands alone and the best run
    leaves it out: a long paragraph a few lines above the run, nothing repeated in between."""
    for back in range(1, min(MAX_OPENING_DISTANCE, len(lines)) + 1):
        line = lines[-back]
        if rules.is_body_like(line) and line.words >= MIN_OPENING_WORDS:
            return lines[-back:]
        if line.repeats > 1:
            return []
    return []


def continuation(lines: list[Line], rules: Rules) -> list[Line]:
    """What continues the body right after its last paragraph: a list, a last paragraph
    that lost its final stop ('… (c)AFP/Aminu ABUBAKAR'), the article's sign-off
    ('(Reporting by …; Editing by …)', '-- Bryan Denson', 'Source: Reuters')."""
    block = list(takewhile(lambda line: is_list_item(line, rules), lines))
    if len(block) >= MIN_LIST_ITEMS:
        return block
    if lines and is_clipped_paragraph(lines[0], rules):
        return lines[:1] + signoff(lines[1:])
    return signoff(lines)


def is_clipped_paragraph(line: Line, rules: Rules) -> bool:
    return (line.kind == "text" and line.repeats == 1 and line.script == rules.script
            and not line.title_cased and line.words >= MIN_INNER_PARAGRAPH_WORDS)


def signoff(lines: list[Line]) -> list[Line]:
    """The sign-off lines among the first lines after the body."""
    return list(takewhile(lambda line: line.kind == "signoff", lines[:MAX_SIGNOFF_LINES]))


def is_headline_like(line: Line, script: str | None) -> bool:
    return (line.kind == "text" and not line.bulleted and line.words >= MIN_HEADLINE_WORDS
            and len(line.text) <= MAX_HEADLINE_CHARS and not DOMAIN.search(line.text)
            and (script is None or line.script == script))


def headlines_above(lines: list[Line], start: int, script: str | None) -> list[str]:
    """Title and subtitle: the headline-like lines closest above the body, in page order."""
    heads = []
    for line in reversed(lines[max(0, start - MAX_TITLE_DISTANCE):start]):
        if is_headline_like(line, script):
            heads.insert(0, line.text)
            if len(heads) == 2:
                break
    return heads


def given_title(text: str) -> str | None:
    """A title given with a page (a feed's, a record's), less a site's name after a bar
    ('Headline | Breitbart'). None where it is page furniture or a byline's time stamp
    ('05 ноября 2020 21:40 Денис Давыдов, Валентин Богданов'): the page's own headline
    is taken instead. (A headline may open with a date, '9 мая в Москве…', which
    `furniture_kind` calls a time.)"""
    if furniture_kind(text) not in (None, "time") or is_stamp_opening(text):
        return None
    headline, bar, site = text.rpartition(" | ")
    return headline if bar and len(site.split()) <= MAX_SITE_WORDS < len(headline.split()) else text


def is_stamp_opening(text: str) -> bool:
    """The line is date and time words alone, or opens with them up to a clock time."""
    end = 0
    for word in WORD.finditer(text):
        if not TIME_WORD.fullmatch(word.group()):
            return bool(CLOCK.search(text, 0, end))
        end = word.end()
    return True


def read_page_text(text: str, title_hint: str | None = None) -> PageReading:
    """Title, subtitle, body, credits and rights of a scraped plain-text page."""
    lines = split_lines(unescape_entities(fix_mojibake(text)), markup=True)
    script = document_script(lines)
    body = body_lines(lines, script)
    start = body[0].index if body else len(lines)
    heads = headlines_above(lines, start, script)
    if title_hint:
        heads = [title_hint] + [head for head in heads if head != title_hint]
    return PageReading(
        title=heads[0] if heads else None,
        subtitle=heads[1] if len(heads) > 1 else None,
        body=tuple(line.text for line in body),
        image_credits=tuple(CREDIT_LABEL.sub("", line.text) for line in lines if line.kind == "credit"),
        rights=tuple(line.text for line in lines if line.kind == "rights"),
    )


# Furniture an HTML extractor lets through. Time stamps and '...' lines stay: in chosen
# paragraphs they are tweets' signatures and list items more often than bylines or
# teasers (newspaper_en, trafilatura_dev).
HTML_FURNITURE = frozenset({"chrome", "related", "listed", "comments", "credit", "rights", "counter"})


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drops furniture lines from paragraphs another extractor already chose (HTML mode),
    and the links to other stories it took for the article's last part."""
    lines = split_lines("\n".join(paragraphs))
    lines = lines[:tail_start(lines, Rules(document_script(lines)))]
    return [line.text for line in lines if line.kind not in HTML_FURNITURE]


def tail_start(lines: list[Line], rules: Rules) -> int:
    """Where the article ends: at the first head of comments or of links to other stories
    that closes it (see closes_article), once some paragraph came before."""
    seen_body = False
    for position, line in enumerate(lines):
        if seen_body and line.kind in SECTION_HEADS and closes_article(lines, position, rules):
            return position
        seen_body = seen_body or rules.is_body_like(line)
    return len(lines)
