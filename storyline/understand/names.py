"""Names across scripts: the gazetteer, transliteration both ways, canonical ids.

The only module that imports iuliia and pycountry. An entity's id is
`canonical_id(type, english name)`, so 'США' in a Russian article and 'US' in
an English one get the same id whenever the gazetteer or transliteration
gives the same English name. A persistent registry will replace
`canonical_id` later; nothing else builds ids.
"""

from __future__ import annotations

import gettext
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import iuliia
import pycountry

from ..records import Names

DATA = Path(__file__).parent / "data"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# The gazetteer finds these organisations in text by itself (spaCy misses the
# all-caps 'INTERFAX' of a dateline). Aliases under 3 characters ('AP', 'ЕС')
# are too ambiguous to look for without a model's say-so.
MIN_SEARCHED_ALIAS = 3


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: what a name stands for, in both languages."""

    type: str
    en: str
    ru: str


@dataclass(frozen=True)
class NameBook:
    """Everything needed to name an entity in both scripts, loaded once."""

    known: dict  # name_key(alias) -> Known
    searched: re.Pattern | None  # organisations to look for in text
    first_en: dict  # Russian first name (key) -> conventional English spelling
    first_ru: dict  # English first name (key) -> conventional Russian spelling


def load_name_book(data: Path = DATA) -> NameBook:
    hand_made = read_gazetteer(data / "gazetteer.tsv")
    groups = unify(country_groups(), hand_made) + hand_made
    known = {name_key(alias): entry for entry, aliases in groups for alias in aliases}
    first_en, first_ru = read_first_names(data / "first_names.tsv")
    return NameBook(known, searched_pattern(hand_made), first_en, first_ru)


def name_key(name: str) -> str:
    """How names are compared: case, ё/е, a leading 'the' and spacing do not count."""
    key = " ".join(name.lower().replace("ё", "е").split())
    return key[4:] if key.startswith("the ") else key


def lookup(book: NameBook, name: str) -> Known | None:
    return book.known.get(name_key(name))


def find_known(book: NameBook, text: str):
    """(start, end, Known) for each gazetteer organisation named in the text."""
    if book.searched is None:
        return
    for match in book.searched.finditer(text):
        yield match.start(), match.end(), lookup(book, match.group())


def names_of(book: NameBook, type: str, name: str) -> Names:
    known = lookup(book, name)
    if known:
        return Names(en=known.en, ru=known.ru)
    if CYRILLIC.search(name):
        return Names(en=to_latin(book, name, type == "PER"), ru=name)
    return Names(en=name, ru=to_cyrillic(book, name, type == "PER"))


def canonical_id(type: str, english_name: str) -> str:
    return f"{type}:{slug(english_name)}"


def slug(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.sub(r"[\W_]+", "-", plain.lower().replace("&", " and ")).strip("-")
    return words or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


# --- the gazetteer ---------------------------------------------------------------

def read_gazetteer(path: Path) -> list[tuple[Known, list[str]]]:
    groups = []
    for fields in read_rows(path):
        type, en, ru = fields[:3]
        aliases = fields[3].split("|") if len(fields) > 3 and fields[3] else []
        groups.append((Known(type, en, ru), [en, ru, *aliases]))
    return groups


def read_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def country_groups() -> list[tuple[Known, list[str]]]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    groups = []
    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        names = [name for name in names if name]
        translated = [russian.gettext(name) for name in names]
        groups.append((Known("LOC", names[0], translated[0]), names + translated))
    return groups


def unify(countries, hand_made) -> list[tuple[Known, list[str]]]:
    """A country the hand-made table also names takes the table's names ('Russia', not 'Russian Federation')."""
    by_key = {name_key(alias): entry for entry, aliases in hand_made for alias in aliases}
    unified = []
    for entry, aliases in countries:
        override = next((by_key[name_key(a)] for a in aliases if name_key(a) in by_key), None)
        unified.append((override or entry, aliases))
    return unified


def searched_pattern(groups) -> re.Pattern | None:
    aliases = {variant for entry, names in groups if entry.type == "ORG"
               for name in names if len(name) >= MIN_SEARCHED_ALIAS
               for variant in (name, name.upper())}
    if not aliases:
        return None
    alternatives = "|".join(re.escape(alias) for alias in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def read_first_names(path: Path) -> tuple[dict, dict]:
    first_en, first_ru = {}, {}
    for russian, english in read_rows(path):
        variants = english.split("|")
        first_en.setdefault(name_key(russian), variants[0])
        for variant in variants:
            first_ru.setdefault(name_key(variant), russian)
    return first_en, first_ru


# --- transliteration -----------------------------------------------------------

def to_latin(book: NameBook, name: str, person: bool) -> str:
    """Cyrillic -> Latin: conventional first names, iuliia's Wikipedia schema for the rest."""
    words = name.split(" ")
    if person and len(words) > 1 and name_key(words[0]) in book.first_en:
        first = book.first_en[name_key(words[0])]
        return " ".join([first] + [iuliia.WIKIPEDIA.translate(word) for word in words[1:]])
    return iuliia.WIKIPEDIA.translate(name)


def to_cyrillic(book: NameBook, name: str, person: bool) -> str:
    words = name.split(" ")
    if person and len(words) > 1 and name_key(words[0]) in book.first_ru:
        return " ".join([book.first_ru[name_key(words[0])]] + [cyrillic_word(w) for w in words[1:]])
    return " ".join(cyrillic_word(word) for word in words)


# Rough English spelling -> Russian rendering, longest letter groups first.
# Good enough to give a Russian reader a recognisable name ('Ned Price' ->
# 'Нед Прайс', 'Psaki' -> 'Псаки'); the gazetteer covers names where it is not.
LETTER_GROUPS = [
    ("tch", "ч"), ("sch", "ш"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
    ("th", "т"), ("ph", "ф"), ("ts", "ц"), ("tz", "ц"), ("ck", "к"), ("qu", "кв"),
    ("wh", "у"), ("gh", "г"), ("oo", "у"), ("ee", "и"), ("ea", "и"), ("ie", "и"),
    ("ou", "ау"), ("ow", "оу"), ("aw", "оу"), ("ay", "ей"), ("ai", "ей"), ("oy", "ой"),
    ("ya", "я"), ("yu", "ю"), ("yo", "йо"), ("ye", "е"), ("ce", "се"), ("ci", "си"),
    ("cy", "си"), ("x", "кс"), ("j", "дж"),
]
LETTERS = dict(zip("abcdefghiklmnopqrstuvwyz", "абкдефгхиклмнопкрстувуиз"))
# A vowel before a consonant and a silent final e is read by its name: Price -> Прайс.
MAGIC_E = re.compile(r"^(.*[^aeiouy])([aiou])([bcdfgklmnprstvz])e$")
MAGIC_VOWELS = {"a": "ей", "i": "ай", "o": "оу", "u": "ю"}


def cyrillic_word(word: str) -> str:
    if not re.search(r"[A-Za-z]", word):
        return word
    lower = word.lower()
    magic = MAGIC_E.match(lower) if len(lower) > 3 else None
    if magic:
        prefix, vowel, consonant = magic.groups()
        consonant = "с" if consonant == "c" else spell_cyrillic(consonant)
        spelled = spell_cyrillic(prefix) + MAGIC_VOWELS[vowel] + consonant
    else:
        spelled = spell_cyrillic(lower)
    return recover_case(spelled, word)


def spell_cyrillic(lower: str) -> str:
    out, i = [], 0
    while i < len(lower):
        group = next((g for g in LETTER_GROUPS if lower.startswith(g[0], i)), None)
        if i == 0 and lower[0] == "e":
            out.append("э")
            i += 1
        elif lower.endswith("ey") and i == len(lower) - 2:
            out.append("и")
            i += 2
        elif group:
            out.append(group[1])
            i += len(group[0])
        else:
            out.append(LETTERS.get(lower[i], lower[i]))
            i += 1
    return "".join(out)


def recover_case(spelled: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return spelled.upper()
    if original[:1].isupper():
        return spelled[:1].upper() + spelled[1:]
    return spelled
