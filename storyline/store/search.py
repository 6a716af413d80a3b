"""User queries → FTS5 match expressions that cannot be syntax errors.

Every term is quoted, so FTS operators typed by a user (`"`, `*`, `NEAR(`, `-`,
`AND`) are searched as words or dropped, never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Lemmatize = Callable[[str, "str | None"], str]  # (text, language) -> lemmas joined by spaces
ExpandTerm = Callable[[str], Iterable[str]]       # a query term -> more spellings (transliterations)

# Marks around matches in snippets. Control characters never occur in clean news
# text (the store strips them from what it indexes), so the web app can escape a
# snippet first and then turn these into <mark> safely.
MARK_START = "\x02"
MARK_END = "\x03"

# Close to what FTS5's unicode61 tokenizer treats as one token.
WORD = re.compile(r"\w+")


def query_terms(query: str) -> list[str]:
    return WORD.findall(query)


def fold_yo(text: str) -> str:
    """Russian ё is often written е: index and search both spellings."""
    return text.replace("ё", "е").replace("Ё", "Е")


def has_yo(text: str) -> bool:
    return "ё" in text or "Ё" in text


def term_spellings(term: str, lemmatize: Lemmatize | None, expand: ExpandTerm | None) -> list[str]:
    """The term, its other-script spellings, and the lemmas of both: 'Zakharova' also
    finds 'Захаровой', whose lemma the index holds. A spelling of several words ('Putin'
    -> 'Владимир Путин') stays a phrase: its words alone would find any Vladimir."""
    spellings = [term, *(expand(term) if expand else ())]
    spellings += [fold_yo(spelling) for spelling in spellings]
    if lemmatize:
        spellings += [lemma for spelling in spellings if len(query_terms(spelling)) == 1
                      for lemma in query_terms(lemmatize(spelling, None))]
    return list(dict.fromkeys(spelling for spelling in spellings if spelling))


def quote_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str, lemmatize: Lemmatize | None = None,
                     expand: ExpandTerm | None = None) -> str | None:
    """All terms must match, each in any of its spellings; None when nothing is searchable."""
    groups = []
    for term in query_terms(query):
        spellings = term_spellings(term, lemmatize, expand)
        groups.append("(" + " OR ".join(quote_term(s) for s in spellings) + ")")
    return " AND ".join(groups) or None


def index_text(text: str) -> str:
    """Text as it goes into the full-text index: without the snippet marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def lemma_text(text: str, language: str | None, lemmatize: Lemmatize | None) -> str:
    """The `lemmas` column: lemmas when a lemmatizer is given, plus ё-words spelled with е."""
    lemmas = lemmatize(text, language) if lemmatize else ""
    folded = []
    if has_yo(text):  # most texts have none: skip the word scan
        folded = [fold_yo(word) for word in query_terms(text) if has_yo(word)]
    return " ".join([lemmas, *folded]).strip()
