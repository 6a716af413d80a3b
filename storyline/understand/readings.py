"""What a language reader makes of one paragraph, in our own terms.

The natasha and spaCy adapters turn their libraries' documents into these
records, so that everything else in `understand/` works the same for both
languages and never sees a library type. They are internal to this stage:
the pipeline's records (`Entity`, `Quote`) are built from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Paragraphs are cut to this many characters before a model or a pattern sees
# them. News paragraphs are well under 2,000 characters (the longest in the
# seeds is 700); a longer "paragraph" is a page that lost its line breaks or
# a dump of chrome. spaCy took 2 s on a 100k-character paragraph and natasha
# longer, so without a cap one bad page would stall a batch.
MAX_PARAGRAPH_CHARS = 10_000


@dataclass(frozen=True)
class Word:
    """A token; `pos`, `lemma`, `case`, `base`, `dep` and `head` only where the reader tags them
    (English words are tagged and parsed only in sentences that may attribute something)."""

    start: int
    end: int
    text: str
    pos: str | None = None  # universal part of speech: NOUN, ADJ, VERB…
    lemma: str | None = None
    case: str | None = None  # Nom, Gen, Dat…: Russian only
    base: str | None = None  # the word in the nominative, same number, same letter case
    dep: str | None = None  # dependency label (spaCy's English labels: nsubj, ccomp, dobj…)
    head: int | None = None  # index of the head word in the reading's words; None at a root


@dataclass(frozen=True)
class Span:
    """A name the reader found: offsets into the paragraph, type and base form."""

    start: int
    end: int
    text: str
    type: str  # PER, ORG or LOC
    normal: str  # nominative / base form: 'Марии Захаровой' -> 'Мария Захарова'
    case: str | None = None  # grammatical case of its first word, where the language has one


@dataclass(frozen=True)
class Reading:
    """One paragraph as read: its (possibly capped) text, words and names."""

    text: str
    words: tuple[Word, ...] = ()
    spans: tuple[Span, ...] = ()


# spaCy's tokenizer peels punctuation off an unbroken run one character at a
# time: 10,000 quotation marks in a row took it 9 s. No name is this long, so
# such runs (ASCII art, mojibake) are blanked before a model sees them; so are
# web addresses, which natasha reads as people.
LONGEST_WORD = 50
LONG_RUN = re.compile(r"\S{%d,}|https?://\S+" % LONGEST_WORD)


def cap(text: str) -> str:
    return text[:MAX_PARAGRAPH_CHARS]


def model_text(text: str) -> str:
    """What a model reads: the capped text with over-long runs blanked, offsets kept."""
    return LONG_RUN.sub(lambda match: " " * len(match.group()), cap(text))


def is_shouting(text: str) -> bool:
    """Mostly capital letters: headlines and wire flashes typed in caps."""
    letters = sum(map(str.isalpha, text))  # map: C speed, where a generator took ~2% of reading
    return letters >= 10 and sum(map(str.isupper, text)) >= 0.8 * letters
