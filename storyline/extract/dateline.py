"""Datelines: 'МОСКВА, 15 дек - РИА Новости.', 'WASHINGTON (Reuters) -', 'LONDON, Jan 5 (AP) —'.

A dateline opens the first paragraph of wire copy: a place, often a date, often the
agency. We read it with one pattern built from the agency list, and normalise the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storyline.extract.dates import MONTH_WORD, month_number
from storyline.records import Dateline

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LOWER_PLACE_WORDS = {"на", "де", "ла", "de", "la", "le", "upon", "on", "am", "an", "del", "dos"}


@dataclass(frozen=True)
class Agency:
    en: str
    ru: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class DatelineMatch:
    dateline: Dateline
    month: int | None
    day: int | None
    year: int | None
    end: int  # where the article text proper begins


@cache
def agencies() -> tuple[Agency, ...]:
    rows = resources.files("storyline.extract").joinpath("data/agencies.tsv").read_text("utf-8")
    found = []
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            en, ru, aliases = line.split("\t")
            found.append(Agency(en, ru, (en, ru, *(a.strip() for a in aliases.split(",")))))
    return tuple(found)


@cache
def dateline_pattern() -> re.Pattern:
    aliases = sorted({alias for agency in agencies() for alias in agency.aliases}, key=len, reverse=True)
    agency = "(?P<agency>(?i:" + "|".join(re.escape(alias) for alias in aliases) + r"))(?![\w])"
    word = r"[^\W\d_][\w'’-]*"  # any case: datasets lower-case whole texts (see read_dateline)
    place = rf"(?P<place>{word}(?:[ -]{word}){{0,2}})"
    # RIA's correspondent after the agency: 'магас, 1 дек — риа новости, адам буражев.'
    byline = rf"(?:,\s*(?P<byline>{word}(?:\s+{word}){{1,2}})(?=\.))?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = (rf"(?:(?P<day1>{day})(?:\s+of)?\s+(?P<month1>(?i:{MONTH_WORD}))|"
            rf"(?P<month2>(?i:{MONTH_WORD}))\s+(?P<day2>{day}))(?:,?\s+(?P<year>(?:19|20)\d\d))?(?:\s*г\.)?")
    dash = r"(?:--|[-–—])"
    return re.compile(
        rf"^\s*{place}(?:\s*[,.]\s*{date})?\s*[.,]?\s*"
        rf"(?:(?:{dash}\s*)?[(/]?\s*{agency}\s*[)/]?{byline})?\s*\.?\s*(?:{dash}\s*)?")


def read_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline at the start of `paragraph`, if it has one (a date or an agency is required)."""
    match = dateline_pattern().match(paragraph[:300])
    if not match or not (match["agency"] or match["day1"] or match["day2"]):
        return None
    if not place_case_fits(match["place"], bool(match["agency"] and (match["day1"] or match["day2"]))):
        return None
    if not match.group(0).rstrip().endswith(("-", "–", "—", ".", ")", "/")):
        return None
    month_word = match["month1"] or match["month2"]
    return DatelineMatch(
        dateline=Dateline(place=normalise_place(match["place"]),
                          agency=agency_name(match["agency"]),
                          text=match.group(0).strip()),
        month=month_number(month_word) if month_word else None,
        day=int(re.match(r"\d+", match["day1"] or match["day2"]).group()) if month_word else None,
        year=int(match["year"]) if match["year"] else None,
        end=match.end(),
    )


def place_case_fits(place: str, dated_agency: bool) -> bool:
    """Every word of a place is capitalised ('New York', 'Ростов-на-Дону'), or, in texts a
    dataset lower-cased, none is; then a date and an agency must follow to make it a
    dateline ('москва, 1 дек — риа новости.'), not a sentence ('he said (Reuters) that')."""
    words = [word for word in place.split() if word not in LOWER_PLACE_WORDS]
    if all(word[0].isupper() for word in words):
        return True
    return place.islower() and dated_agency


def agency_name(alias: str | None) -> str | None:
    """The agency's name in the script the page used for it: INTERFAX → Interfax, РИА → РИА Новости."""
    if not alias:
        return None
    for agency in agencies():
        if any(alias.casefold() == known.casefold() for known in agency.aliases):
            return agency.ru if CYRILLIC.search(alias) else agency.en
    return alias


def normalise_place(place: str) -> str:
    """МОСКВА → Москва, НЬЮ-ЙОРК → Нью-Йорк, РОСТОВ-НА-ДОНУ → Ростов-на-Дону, москва → Москва;
    mixed case stays."""
    if not (place.isupper() or place.islower()):
        return place
    parts = re.split(r"([ -])", place.lower())
    return "".join(part if part in LOWER_PLACE_WORDS and index else part.capitalize()
                   for index, part in enumerate(parts))
