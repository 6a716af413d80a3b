"""Understand: article -> entities (with names in both scripts and roles) and quotations.

    annotate = build_annotator()       # loads natasha and spaCy once (about 2 s)
    article = annotate(article)        # fills `entities` and `quotes`

Russian text goes to natasha, everything else to spaCy's English model; the
rest of the stage (entities.py, roles.py, quotes.py, names.py) works on our
own `Reading` records and is the same for both languages. registry.py links
the entities of many documents to one id across scripts.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from ..records import Article, Entity, Mention

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


def build_annotator() -> Callable[[Article], Article]:
    """Load the models and the name tables once; return `annotate(article) -> article`."""
    from threadpoolctl import threadpool_limits

    from .names import load_name_book
    from .roles import load_role_words

    # The models multiply small matrices: BLAS threads spent five times the CPU time on
    # the same news (natasha, raw news pool, 2 cores). storyline runs in parallel by
    # processes instead (ingest's workers), each on one thread.
    threadpool_limits(limits=1, user_api="blas")
    read = build_reader()
    book = load_name_book()
    role_words = load_role_words()

    def annotate(article: Article) -> Article:
        if article.error is not None:
            return article
        language, readings = read(article)
        if language is None:
            return dataclasses.replace(article, entities=(), quotes=())
        return annotated(article, readings, language, book, role_words)

    return annotate


def build_reader() -> Callable[[Article], tuple[str | None, list]]:
    """Load both models once; return `read(article) -> (language, readings)`.

    The language is None (and there are no readings) for a body in neither script."""
    # Imported here so that importing storyline does not load the NLP libraries.
    from .english import load_english_reader
    from .quotes import sentences_to_parse
    from .russian import load_russian_reader

    readers = {"ru": load_russian_reader(), "en": load_english_reader(sentences_to_parse)}

    def read(article: Article) -> tuple[str | None, list]:
        language = reader_language(article)
        if language is None:
            return None, []
        return language, readers[language](list(article.body))

    return read


def annotated(article: Article, readings, language: str, book, role_words) -> Article:
    from .entities import find_entities
    from .quotes import find_quotes
    from .roles import with_roles

    entities, cases = find_entities(readings, language, book)
    entities = with_roles(entities, readings, language, role_words)
    quotes, coreferences = find_quotes(readings, entities, cases, language, role_words)
    entities = with_coreferences(entities, coreferences)
    return dataclasses.replace(article, entities=tuple(entities), quotes=tuple(quotes))


def reader_language(article: Article) -> str | None:
    """'ru' for a body mostly in Cyrillic letters, 'en' for one mostly in Latin letters,
    whatever its language was named: the models read a script, and a named language can be
    wrong (a Russian page opening with a run of links was taken for English, and spaCy read
    it). A body in neither script (Chinese, Arabic…) is not read at all: the English model
    tags whole lines of Chinese as one PERSON, which would only add false entities."""
    text = " ".join(article.body)
    cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    letters = sum(c.isalpha() for c in text)
    if not letters or cyrillic + latin < letters / 2:
        return None
    if cyrillic == latin:
        return article.language if article.language in ("ru", "en") else None
    return "ru" if cyrillic > latin else "en"


def with_coreferences(entities: list[Entity], coreferences: list[tuple[str, Mention]]) -> list[Entity]:
    """Pronouns and descriptions that named a quote's speaker become that speaker's mentions."""
    extra: dict[str, set] = {}
    for entity_id, mention in coreferences:
        extra.setdefault(entity_id, set()).add(mention)
    return [dataclasses.replace(e, mentions=tuple(sorted(set(e.mentions) | extra[e.id],
                                                         key=lambda m: (m.paragraph, m.start, m.end))))
            if e.id in extra else e for e in entities]
