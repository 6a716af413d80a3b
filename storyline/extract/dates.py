"""Calendar words in Russian and English, how a date without a year gets one, and full dates
written in the running text of pages in the main European languages."""

from __future__ import annotations

import re
from datetime import date

# Stems match every inflection and abbreviation: 'дек', 'декабря', 'Dec.', 'December'.
MONTH_STEMS = {
    1: ("янв", "jan"), 2: ("фев", "feb"), 3: ("мар", "mar"), 4: ("апр", "apr"),
    5: ("мая", "май", "may"), 6: ("июн", "jun"), 7: ("июл", "jul"), 8: ("авг", "aug"),
    9: ("сен", "sep"), 10: ("окт", "oct"), 11: ("ноя", "nov"), 12: ("дек", "dec"),
}
MONTH_WORD = r"(?:янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zа-яё]*\.?"

WEEKDAYS = {  # Monday = 0, as date.weekday()
    0: r"monday|понедельник",
    1: r"tuesday|вторник",
    2: r"wednesday|сред[ау]",
    3: r"thursday|четверг",
    4: r"friday|пятниц[ау]",
    5: r"saturday|суббот[ау]",
    6: r"sunday|воскресенье",
}
# A weekday as the day something happened: 'on Tuesday', 'В среду', 'во вторник'.
# 'last Tuesday' / 'в прошлую среду' point to another week, so they pin nothing.
WEEKDAY_MENTION = re.compile(
    r"(?<![\w-])(?:on|в|во)\s+(" + "|".join(WEEKDAYS.values()) + r")(?![\w-])", re.IGNORECASE)

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for number, stems in MONTH_STEMS.items():
        if word.startswith(stems):
            return number
    return None


def weekdays_named(text: str) -> set[int]:
    found = set()
    for match in WEEKDAY_MENTION.finditer(text):
        word = match.group(1).lower()
        found |= {day for day, pattern in WEEKDAYS.items() if re.fullmatch(pattern, word)}
    return found


def year_for_weekday(month: int, day: int, weekday: int, reference: date) -> int | None:
    """The latest year in which month/day fell on `weekday`, on or before `reference`."""
    for year in range(reference.year, reference.year - 60, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if candidate <= reference and candidate.weekday() == weekday:
            return year
    return None


def partial_iso(month: int, day: int) -> str:
    return f"--{month:02d}-{day:02d}"


def full_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_url(url: str | None) -> str | None:
    match = URL_DATE.search(url or "")
    return full_iso(*map(int, match.groups())) if match else None


# A date that opens a paragraph: '01.02.2022 „Der Arbeitsmarkt …', '27.1.2022 - Bei der …',
# '2022-01-27: …', '15 декабря 2021 года …', '(21. November 2022) Energieverbraucher …',
# 'December 15, 2021 —'. Only at the very start: inside the text a date is usually another event's.
LEADING_DATE = re.compile(
    r"^\s*[(\[]?(?:(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)"
    rf"|(?P<d3>\d{{1,2}})\.?\s+(?P<m3>{MONTH_WORD})\s+(?P<y3>(?:19|20)\d\d)"
    rf"|(?P<m4>{MONTH_WORD})\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>(?:19|20)\d\d))"
    r"(?![\d.:-]\d)", re.IGNORECASE)


def leading_date(paragraph: str) -> str | None:
    """The ISO date a paragraph opens with, if it opens with a full one."""
    match = LEADING_DATE.match(paragraph[:60])
    if not match:
        return None
    for case in "1234":
        if match["y" + case]:
            month = match["m" + case]
            month = int(month) if month.isdigit() else month_number(month)
            return full_iso(int(match["y" + case]), month, int(match["d" + case])) if month else None
    return None


# Month names of the languages news pages are written in, for dates found in running text:
# English, German, French, Spanish, Italian, Russian, Ukrainian (stems match inflections).
TEXT_MONTHS = {
    1: "jan|jän|январ|січ", 2: "feb|fév|fev|феврал|лют", 3: "mar|mär|maerz|март|берез",
    4: "apr|avr|abr|апрел|квіт", 5: "may|mai|mag|ма[йя]|трав", 6: "jun|juin|giu|июн|черв",
    7: "jul|juil|lug|июл|лип", 8: "aug|aoû|aou|ago|август|серп", 9: "sep|set|сентябр|верес",
    10: "oct|okt|ott|октябр|жовт", 11: "nov|ноябр|листопад", 12: "dec|dez|déc|dic|декабр|груд",
}


def month_names(group: str) -> str:
    """A month name as a pattern, its number told by which group ('n1' … 'n12') matched."""
    names = "|".join(f"(?P<{group}{number}>{stems})" for number, stems in TEXT_MONTHS.items())
    return f"(?:{names})[a-zа-яёäéûіï]*\\.?"


TEXT_DATE = re.compile(
    r"(?<![\d.])(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)"
    r"|(?P<d3>\d{1,2})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?" + month_names("n")
    + r",?\s+(?:de\s+)?(?P<y3>(?:19|20)\d\d)"
    r"|(?<![\w])" + month_names("o") + r"\s+(?P<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d)"
    r")(?!\d)", re.IGNORECASE)


def first_date_in_text(text: str, latest: str) -> str | None:
    """The first full date written in `text` ('12.03.2024', '2024-03-12', '12. März 2024',
    '12 de marzo de 2024', '12 марта 2024'), none later than `latest` (ISO)."""
    for match in TEXT_DATE.finditer(text):
        found = iso_of_text_date(match)
        if found and found <= latest:
            return found
    return None


def iso_of_text_date(match: re.Match) -> str | None:
    if match["y1"]:
        return full_iso(int(match["y1"]), int(match["m1"]), int(match["d1"]))
    if match["y2"]:
        return full_iso(int(match["y2"]), int(match["m2"]), int(match["d2"]))
    if match["y3"]:
        month = next(number for number in TEXT_MONTHS if match[f"n{number}"])
        return full_iso(int(match["y3"]), month, int(match["d3"]))
    month = next(number for number in TEXT_MONTHS if match[f"o{number}"])
    return full_iso(int(match["y4"]), month, int(match["d4"]))
