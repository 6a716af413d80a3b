"""The natasha adapter: Russian paragraphs -> `Reading`s. The only module that imports natasha.

natasha's NER, morphology and name extraction are built once by
`load_russian_reader` and closed over; the reader returns our own `Word` and
`Span` records with names already in the nominative.
"""

from __future__ import annotations

import re
from typing import Callable

from natasha import (Doc, MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger,
                     NewsNERTagger, Segmenter)
from natasha.norm import inflect_word
from natasha.shape import recover_shape

from .readings import Reading, Span, Word, cap, is_shouting, model_text

NOUNS = {"NOUN", "PROPN"}
INFLECTED = NOUNS | {"ADJ"}
# pymorphy marks a word as a first name, surname, patronymic, place or
# organisation with these grammemes; a PER span without any of them that the
# dictionary knows as a verb or adverb is page chrome ('Читать', 'Обсудить').
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}
RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]+")


def load_russian_reader() -> Callable[[str], Reading]:
    segmenter = Segmenter()
    vocab = MorphVocab()
    embedding = NewsEmbedding()
    ner = NewsNERTagger(embedding)
    morph = NewsMorphTagger(embedding)
    names = NamesExtractor(vocab)

    def read(paragraph: str) -> Reading:
        text = cap(paragraph)
        seen = model_text(paragraph)
        doc = Doc(recase(seen, vocab) if is_shouting(seen) else seen)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        words = tuple(adapt_token(token, vocab, text) for token in doc.tokens)
        spans = [adapt_span(span, vocab, names, text) for span in doc.spans
                 if not is_chrome(span, vocab)]
        return Reading(text, words, tuple(attach_qualifiers(spans, text)))

    return read


def adapt_token(token, vocab, text: str) -> Word:
    token.lemmatize(vocab)
    base = token.text
    if token.pos in INFLECTED:
        base = recover_shape(inflect_word(vocab, token), token.text)
    return Word(token.start, token.stop, text[token.start:token.stop], token.pos, token.lemma,
                token.feats.get("Case"), base)


def adapt_span(span, vocab, names, text: str) -> Span:
    case = span.tokens[0].feats.get("Case") if span.tokens else None
    return Span(span.start, span.stop, text[span.start:span.stop], span.type,
                normalise(span, vocab, names), case)


def recase(text: str, vocab) -> str:
    """'ЗАХАРОВА ЗАЯВИЛА' -> 'Захарова заявила': natasha reads capitals as names,
    so text in caps is given to it in the case a dictionary expects; offsets do not move."""
    return RUSSIAN_WORD.sub(lambda match: recased_word(match.group(), vocab), text)


def recased_word(word: str, vocab) -> str:
    if len(word) < 2 or not word.isupper():
        return word
    grammemes = set().union(*(form.tag.grammemes for form in vocab(word)))
    if "Abbr" in grammemes:
        return word  # МИД, РФ, США stay acronyms
    if grammemes & NAME_GRAMMEMES or not vocab.word_is_known(word):
        return word.capitalize()
    return word.lower()


def normalise(span, vocab, names) -> str:
    if span.type == "ORG":
        # natasha normalises ORG along a syntax tree we do not parse (it costs
        # another model); an organisation's name is inflected up to its head
        # noun only: 'Министерства иностранных дел' -> 'Министерство иностранных дел'.
        return inflect_head(span.tokens, vocab)
    span.normalize(vocab)
    if span.type == "PER":
        span.extract_fact(names)
        if span.fact:
            return person_name(span.fact.as_dict) or span.normal
    return span.normal


def person_name(fact: dict) -> str:
    return " ".join(fact[part] for part in ("first", "middle", "last") if fact.get(part))


def inflect_head(tokens, vocab) -> str:
    text, offset, inflecting = "", None, True
    for token in tokens:
        word = token.text
        if inflecting and token.pos in INFLECTED:
            word = recover_shape(inflect_word(vocab, token), token.text)
        inflecting = inflecting and token.pos not in NOUNS
        gap = "" if offset is None else " " * (token.start - offset)
        text, offset = text + gap + word, token.stop
    return text


def is_chrome(span, vocab) -> bool:
    """A 'person' made only of dictionary words, none a name, one not a noun:
    'Читать', 'Ещё одна'. ('Александр Лебедь' keeps its first name.)"""
    if span.type != "PER":
        return False
    words = [token.text for token in span.tokens]
    if not all(vocab.word_is_known(word) for word in words):
        return False
    forms = [vocab(word) for word in words]
    if any(NAME_GRAMMEMES & set(form.tag.grammemes) for parses in forms for form in parses):
        return False
    return any(parses[0].pos not in NOUNS for parses in forms)


def attach_qualifiers(spans: list[Span], text: str) -> list[Span]:
    """'МИД' + 'РФ' -> 'МИД РФ': natasha tags the country of a ministry as a separate LOC.

    An organisation followed directly by a place in the genitive is that
    place's organisation ('посольство США', 'Минобороны России'); the place is
    then part of the name, not a mention of its own.
    """
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous and qualifies(previous, span, text):
            merged[-1] = Span(previous.start, span.end, text[previous.start:span.end], "ORG",
                              f"{previous.normal} {span.text}", previous.case)
        else:
            merged.append(span)
    return merged


def qualifies(organisation: Span, place: Span, text: str) -> bool:
    return (organisation.type == "ORG" and place.type == "LOC" and place.case == "Gen"
            and text[organisation.end:place.start] == " ")
