"""Repairs of scraped text: the only module that imports ftfy.

Mojibake is UTF-8 read in a single-byte encoding: 'РџСЂРёРІРµС‚' for 'Привет' and
'GrГ¶Гџe' for 'Größe' (read as cp1251), 'GrÃ¶ÃŸe' for 'Größe' (read as latin-1 / cp1252). ftfy undoes it, but checking a
whole page costs more than extracting it, so a cheap pattern of such byte pairs decides
whether ftfy runs at all.
"""

from __future__ import annotations

import html
import re

import ftfy

# The lead byte of a two-byte UTF-8 sequence (Cyrillic D0/D1, Latin-1 C2/C3) as cp1251 /
# latin-1 / cp1252 show it, then a continuation byte (0x80–0xBF) as the same encoding shows
# it; and the E2 80 of typographic punctuation ('вЂ”', 'â€”').
MOJIBAKE = re.compile(
    r"[РСГВ][ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§Ё©Є«¬®Ї°±Ііґµ¶·ё№є»јЅѕї]"
    r"|[ÃÂÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    r"|â€|вЂ")
GARBLING_ENCODINGS = ("cp1251", "cp1252", "latin-1")
MIN_MOJIBAKE_PAIRS = 3  # one or two such pairs occur in real text ('Ñ' in Spanish, 'РС' in Russian)
ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def fix_mojibake(text: str) -> str:
    """`text` with UTF-8 mojibake undone, line by line (pages mix sources); unchanged when
    it shows none."""
    if not shows_mojibake(text):
        return text
    return "\n".join(fix_line(line) if MOJIBAKE.search(line) else line for line in text.split("\n"))


def fix_line(line: str) -> str:
    """ftfy's repair; where ftfy sees too little evidence ('The cafГ© owner'), the line read
    back as UTF-8 from the encoding that garbled it, if that decodes cleanly."""
    fixed = ftfy.fix_encoding(line)
    if fixed != line:
        return fixed
    for encoding in GARBLING_ENCODINGS:
        try:
            return line.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return line


def shows_mojibake(text: str) -> bool:
    found = 0
    for _ in MOJIBAKE.finditer(text):
        found += 1
        if found >= MIN_MOJIBAKE_PAIRS:
            return True
    return False


def unescape_entities(text: str) -> str:
    """'&nbsp;', '&mdash;', '&#8212;' left in scraped text, as the characters they stand for."""
    return html.unescape(text) if ENTITY.search(text) else text
