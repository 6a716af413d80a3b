"""Names found in paragraphs -> the document's entities.

Within one document: page chrome is dropped, organisations the models miss
are added from the gazetteer, surnames are tied to the full names they
abbreviate ('Price' -> 'Ned Price', 'Захаровой' -> 'Мария Захарова', and
spaCy's habit of calling a later 'Psaki' an ORG is undone), and mentions that
get the same canonical id are one entity.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..records import Entity, Mention
from .names import NameBook, canonical_id, find_known, has_cyrillic, lookup, names_of
from .readings import Reading, Span, Word

DATA = Path(__file__).parent / "data"
NOT_NAMES = frozenset(
    line.strip() for line in (DATA / "not_names.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))

# Endings a Russian surname takes when declined: Захарова -> Захаровой,
# Путин -> Путиным, Шойгу stays. Compared after the surname's final vowel.
RUSSIAN_SURNAME_ENDINGS = frozenset(
    ["", "а", "у", "ю", "е", "ы", "и", "я", "ой", "ою", "ом", "ым", "ем", "ей", "ых", "ыми"])

# Entity types whose all-caps names are shouting, not acronyms, past this length:
# 'СЕРГЕЙ ЛАВРОВ' -> 'Сергей Лавров' but 'НАТО' stays.
TITLE_CASED = {"PER", "LOC"}
OPENING_MARKS = set('«"“„')
CLOSING_MARKS = set('»"”“')
LONGEST_ACRONYM = 4


@dataclass(frozen=True)
class Placed:
    """A span and the paragraph it is in."""

    paragraph: int
    span: Span


@dataclass(frozen=True)
class Named:
    """A placed name with the canonical id it was given in its document."""

    paragraph: int
    span: Span
    id: str


def find_entities(readings: list[Reading], language: str, book: NameBook) -> tuple[list[Entity], dict]:
    """The entities of a document, and the grammatical case of each mention where known.

    The cases (keyed by (paragraph, start)) let quote attribution prefer a
    subject ('Путин сказал') over an object ('сказал Путину').
    """
    named = find_named(readings, book)
    entities = build_entities(named, language, book)
    cases = {(n.paragraph, n.span.start): n.span.case for n in named}
    return entities, cases


def find_named(readings: list[Reading], book: NameBook) -> list[Named]:
    """Every name of a document in reading order, each with its entity's id."""
    placed = [Placed(i, span) for i, reading in enumerate(readings)
              for span in reading.spans if is_name(span) and not is_quoted_title(span, reading.text)]
    placed += known_organisations(readings, book, placed)
    placed = retype_surnames(placed)
    placed += repeated_surnames(readings, placed)
    placed.sort(key=lambda p: (p.paragraph, p.span.start))
    ids = identify_all(placed, book)
    return with_nominatives([Named(p.paragraph, p.span, id) for p, id in zip(placed, ids)])


def with_nominatives(named: list[Named]) -> list[Named]:
    """A declined name its reader could not bring to the nominative ('Асии Биби': the model
    does not know the name) takes the form of the same entity's mention in the nominative
    that it declines ('Асия Биби')."""
    nominatives: dict[str, list[str]] = {}
    for n in named:
        if n.span.case == "Nom":
            nominatives.setdefault(n.id, []).append(n.span.normal)
    return [with_normal(n, base) if (base := nominative_of(n, nominatives.get(n.id, ()))) else n for n in named]


def nominative_of(n: Named, nominatives) -> str | None:
    if n.span.normal != n.span.text:
        return None
    words = n.span.normal.split()
    return next((base for base in nominatives if declines(words, base.split())), None)


def declines(words: list[str], base: list[str]) -> bool:
    """The words are those of the base, declined: 'Асии Биби' of 'Асия Биби', not the reverse."""
    return (words != base and len(words) == len(base)
            and all(same_surname(word, other) for word, other in zip(words, base)))


def with_normal(n: Named, normal: str) -> Named:
    return Named(n.paragraph, dataclasses.replace(n.span, normal=normal), n.id)


def is_name(span: Span) -> bool:
    text = span.text.strip()
    return (any(c.isalpha() for c in text) and len(text) > 1
            and text.lower() not in NOT_NAMES)


def is_quoted_title(span: Span, text: str) -> bool:
    """«Адмирал Кузнецов» is a ship, not a person: a 'person' in quotation marks names a thing."""
    return (span.type == "PER" and text[span.start - 1:span.start] in OPENING_MARKS
            and text[span.end:span.end + 1] in CLOSING_MARKS and span.start > 0)


def known_organisations(readings, book, placed) -> list[Placed]:
    """Gazetteer organisations the model did not tag (spaCy misses 'INTERFAX')."""
    taken = occupied(placed)
    found = []
    for i, reading in enumerate(readings):
        for start, end, known in find_known(book, reading.text):
            if not overlaps(taken[i], start, end):
                text = reading.text[start:end]
                found.append(Placed(i, Span(start, end, text, known.type, text)))
    return found


def retype_surnames(placed: list[Placed]) -> list[Placed]:
    """A one-word ORG or LOC that is the surname of a person in the document is that person."""
    surnames = full_name_surnames(placed)
    return [Placed(p.paragraph, retyped(p.span)) if p.span.type != "PER"
            and " " not in p.span.text and any(same_surname(p.span.text, s) for s in surnames)
            else p for p in placed]


def retyped(span: Span) -> Span:
    return Span(span.start, span.end, span.text, "PER", span.normal, span.case)


def repeated_surnames(readings, placed) -> list[Placed]:
    """Surnames the model left untagged once it had seen the full name ('Price said'),
    with the first name when it stands right before ('• Веселин Топалов' in a list)."""
    people = full_names(placed)
    by_start = surnames_by_start(people)
    taken = occupied(placed)
    found = []
    for i, reading in enumerate(readings):
        for k, word in enumerate(reading.words):
            if not word.text[:1].isupper():
                continue
            surname = next((s for s in by_start.get(word.text[:3], ()) if same_surname(word.text, s)), None)
            if surname and not overlaps(taken[i], word.start, word.end):
                before = reading.words[k - 1] if k else None
                first = before and first_name_of(before, reading.text[before.end:word.start], people[surname])
                start, normal = (before.start, f"{first} {surname}") if first else (word.start, surname)
                case = before.case if first else word.case
                found.append(Placed(i, Span(start, word.end, reading.text[start:word.end], "PER", normal, case)))
    return found


def first_name_of(word: Word, gap: str, first_names: set[str]) -> str | None:
    """The first name (of those given) that `word`, right before a surname, is a form of."""
    if gap != " " or not word.text[:1].isupper():
        return None
    return next((name for name in first_names if same_surname(word.text, name)), None)


def full_name_surnames(placed) -> set[str]:
    return set(full_names(placed))


def full_names(placed) -> dict[str, set[str]]:
    """Surname -> the first names it was seen with, from the document's full person names."""
    people: dict[str, set[str]] = defaultdict(set)
    for p in placed:
        words = p.span.normal.split()
        if p.span.type == "PER" and len(words) > 1:
            people[words[-1]].add(words[0])
    return people


def surnames_by_start(surnames) -> dict[str, list[str]]:
    """Surnames by their first three letters, which any form of one shares (`same_surname`
    keeps a stem of three letters or more): a word is compared with a few, not all."""
    starts: dict[str, list[str]] = defaultdict(list)
    for surname in surnames:
        starts[surname[:3]].append(surname)
    return starts


def same_surname(word: str, surname: str) -> bool:
    if word == surname:
        return True
    if not has_cyrillic(surname):
        return False
    stem = surname.rstrip("аяйь")
    return len(stem) > 2 and word.startswith(stem) and word[len(stem):] in RUSSIAN_SURNAME_ENDINGS


def occupied(placed) -> dict:
    taken = defaultdict(list)
    for p in placed:
        taken[p.paragraph].append((p.span.start, p.span.end))
    return taken


def overlaps(ranges, start: int, end: int) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in ranges)


# --- one id per mention ----------------------------------------------------------

def identify_all(placed: list[Placed], book: NameBook) -> list[str]:
    """The canonical id of each placed span, surnames and short names resolved in the document."""
    ids = [own_id(p.span, book) for p in placed]
    for i, p in enumerate(placed):
        if lookup(book, p.span.normal, p.span.type):
            continue
        if p.span.type == "PER" and " " not in p.span.normal.strip():
            ids[i] = full_name_id(i, placed, ids) or ids[i]
        elif p.span.type == "PER":
            ids[i] = nominative_name_id(i, placed, ids) or ids[i]
        elif p.span.type == "ORG":
            ids[i] = longer_organisation_id(i, placed, ids) or ids[i]
    return ids


def own_id(span: Span, book: NameBook) -> str:
    known = lookup(book, span.normal, span.type) or lookup(book, span.text, span.type)
    if known:
        return canonical_id(known.type, known.en)
    return canonical_id(span.type, names_of(book, span.type, tidy(span.normal, span.type)).en)


def full_name_id(index: int, placed, ids) -> str | None:
    """The person whose surname this is: the nearest full name before it, else the first after."""
    surname = placed[index].span.normal
    matches = [j for j, p in enumerate(placed) if p.span.type == "PER"
               and len(p.span.normal.split()) > 1 and same_surname(surname, p.span.normal.split()[-1])]
    before = [j for j in matches if j < index]
    chosen = before[-1] if before else (matches[0] if matches else None)
    return None if chosen is None else ids[chosen]


def nominative_name_id(index: int, placed, ids) -> str | None:
    """The person a declined full name is, where its reader left it declined ('Асии Биби', a
    name the model does not know, at times even tagged as a nominative): the first name in
    the nominative whose words it declines ('Асия Биби')."""
    words = placed[index].span.normal.split()
    if placed[index].span.normal != placed[index].span.text:
        return None  # the reader brought it to its nominative
    return next((ids[j] for j, p in enumerate(placed) if p.span.type == "PER" and p.span.case == "Nom"
                 and declines(words, p.span.normal.split())), None)


def longer_organisation_id(index: int, placed, ids) -> str | None:
    """'МИД' after 'МИД РФ' in the same text is the same ministry: a unique longer name containing it."""
    words = placed[index].span.normal.lower().split()
    longer = {ids[j] for j, p in enumerate(placed) if ids[j].startswith("ORG:")
              and contains(p.span.normal.lower().split(), words)}
    return longer.pop() if len(longer) == 1 else None


def contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return len(words) > n and any(words[i:i + n] == part for i in range(len(words) - n + 1))


def tidy(name: str, type: str) -> str:
    """All-caps person and place names in title case: 'СЕРГЕЙ ЛАВРОВ' -> 'Сергей Лавров'."""
    if type not in TITLE_CASED:
        return name
    return " ".join(word.capitalize() if word.isupper() and len(word) > LONGEST_ACRONYM else word
                    for word in name.split(" "))


# --- entities ----------------------------------------------------------------------

def build_entities(named: list[Named], language: str, book: NameBook) -> list[Entity]:
    groups: dict[str, list[Named]] = {}
    for n in named:
        groups.setdefault(n.id, []).append(n)
    return [entity(id, group, language, book) for id, group in groups.items()]


def entity(id: str, group: list[Named], language: str, book: NameBook) -> Entity:
    type = id.split(":", 1)[0]
    # the fullest name, one in the nominative first, then the first on ties
    best = max(group, key=lambda p: (len(p.span.normal.split()), p.span.case in (None, "Nom")))
    known = lookup(book, best.span.normal, type) or lookup(book, best.span.text, type)
    if known:
        name = known.ru if language == "ru" else known.en
    else:
        name = tidy(best.span.normal, type)
    mentions = tuple(Mention(p.paragraph, p.span.start, p.span.end, p.span.text) for p in group)
    return Entity(id=id, name=name, type=type, names=names_of(book, type, name),
                  mentions=mentions)
