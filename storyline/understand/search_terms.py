"""What search needs of language: Russian lemmas for the full-text index, and the
spellings of a query word in the other script, so that a Latin query finds Cyrillic
text and a Cyrillic one Latin text.

    lemmatize, spellings = build_search_terms()
    lemmatize("У Кремля", "ru")   # -> 'у кремль'
    spellings("Kremlin")          # -> ['Кремль', 'Кремлин']: the gazetteer's name, then transliteration
    spellings("Захарова")         # -> ['Zakharova']
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable

from .names import CYRILLIC, cyrillic_word, latin_word, load_name_book, lookup

RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# Distinct word forms of a large archive; past this the oldest fall out of the cache.
LEMMA_CACHE = 200_000


def build_search_terms() -> tuple[Callable[[str, str | None], str], Callable[[str], Iterable[str]]]:
    """(lemmatize(text, language) -> lemmas, spellings(word) -> the word in the other script)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    book = load_name_book()

    @functools.lru_cache(LEMMA_CACHE)
    def lemmas(word: str) -> str:
        """Every lemma the word may have. The likeliest alone is often wrong for names:
        pymorphy reads 'Рябков' as a form of 'рябок' but 'Рябковым' as 'рябков'; with all
        of them, a query and the text share one."""
        return " ".join(dict.fromkeys(parse.normal_form for parse in morph.parse(word)))

    def lemmatize(text: str, language: str | None) -> str:
        """Lemmas of the Russian words; other words are indexed as they are written."""
        return " ".join(lemmas(word.lower()) for word in RUSSIAN_WORD.findall(text))

    def spellings(word: str) -> list[str]:
        known = lookup(book, word)
        if CYRILLIC.search(word):
            found = [known.en if known else None, latin_word(word)]
        else:
            found = [known.ru if known else None, cyrillic_word(word, book.spelling)]
        return [spelling for spelling in dict.fromkeys(found) if spelling and spelling != word]

    return lemmatize, spellings
