"""The natasha adapter: Russian paragraphs -> `Reading`s. The only module that imports natasha.

natasha's NER, morphology and name extraction are built once by
`load_russian_reader` and closed over; the reader returns our own `Word` and
`Span` records with names already in the nominative.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Sequence

from natasha import (Doc, MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger,
                     NewsNERTagger, Segmenter)
from natasha.doc import DocFact, DocSpan, DocToken, adapt_spans
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


# Word forms and names repeat across a batch of news; the pymorphy and yargy
# work on them is memoised (a news page has 300–800 tokens).
FORM_CACHE = 50_000


def load_russian_reader() -> Callable[[Sequence[str]], list[Reading]]:
    segmenter = Segmenter()
    vocab = MorphVocab()
    embedding = NewsEmbedding()
    ner = NewsNERTagger(embedding)
    morph = NewsMorphTagger(embedding)
    names = NamesExtractor(vocab)
    forms = functools.lru_cache(FORM_CACHE)(functools.partial(word_forms, vocab))
    people = functools.lru_cache(FORM_CACHE)(functools.partial(person_name, names))

    def read(paragraphs: Sequence[str]) -> list[Reading]:
        docs = [Doc(recase(seen, vocab) if is_shouting(seen) else seen)
                for seen in map(model_text, paragraphs)]
        for doc in docs:
            doc.segment(segmenter)
        tag_names(docs, ner)
        for doc in docs:
            doc.spans = [unquoted(piece) for span in doc.spans for piece in split_listed(span)]
        tag_named_sentences(docs, morph)
        return [reading(doc, cap(paragraph), vocab, forms, people) for doc, paragraph in zip(docs, paragraphs)]

    return read


def reading(doc, text: str, vocab, forms, people) -> Reading:
    words = tuple(adapt_token(token, forms, text) for token in doc.tokens)
    spans = [adapt_span(span, vocab, people, text) for span in doc.spans if not is_chrome(span, vocab)]
    return Reading(text, words, tuple(attach_qualifiers(spans, text)))


def tag_names(docs: list, ner) -> None:
    """natasha's `doc.tag_ner`, for all paragraphs of an article in one go: the model runs
    on batches of similar length (little padding) instead of one paragraph at a time."""
    by_length = sorted((i for i, doc in enumerate(docs) if doc.text.strip()), key=lambda i: len(docs[i].text))
    markups = dict(zip(by_length, ner.map([docs[i].text for i in by_length])))
    for i, doc in enumerate(docs):
        doc.spans = list(adapt_spans(doc, markups[i].spans)) if i in markups else []
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()


# Tokens that never sit inside one name. natasha runs names together across
# them in lists and glosses: 'Джошуа Вольфа (Joshua Wolf)', 'Овечкин, Фёдоров',
# 'Бахрейн • Барбадос', 'Бернс ('. (factRuEval dev: 40 such spans.)
SEPARATORS = frozenset("()[],;•·|—–")


def split_listed(span) -> list:
    """A span split at separator tokens into the names it runs together."""
    if not any(token.text in SEPARATORS for token in span.tokens):
        return [span]
    pieces, run = [], []
    for token in span.tokens + [None]:
        if token is None or token.text in SEPARATORS:
            if any(t.text[:1].isalpha() for t in run):
                start, stop = run[0].start, run[-1].stop
                pieces.append(DocSpan(start, stop, span.type, span.text[start - span.start:stop - span.start],
                                      tokens=run))
            run = []
        else:
            run.append(token)
    return pieces


QUOTES = frozenset('«»"“”„‟')
# What a company or an outlet is, before its name in quotation marks:
# 'ОАО «Газпром»', 'концерн «Майкрософт»', 'газета «Ведомости»'. The name is
# what is inside the marks. (Stems: the word may be declined.)
LEGAL_FORMS = frozenset("ОАО ООО ЗАО ПАО АО ГУП МУП ФГУП НКО АНО НПО ФГУ ИП".split())
DESCRIPTOR_STEMS = ("концерн", "компани", "корпораци", "холдинг", "фирм", "газет", "журнал",
                    "агентств", "издани", "телеканал", "радиостанци", "банк", "фонд", "парти",
                    "движени", "организаци", "объединени", "театр", "клуб", "групп", "завод")


def unquoted(span):
    """'ОАО «Газпром»' -> 'Газпром'; a stray quotation mark at either end is dropped."""
    tokens = span.tokens
    if span.type == "ORG" and len(tokens) > 3 and tokens[1].text in QUOTES and tokens[-1].text in QUOTES \
            and is_descriptor(tokens[0].text):
        tokens = tokens[2:-1]
    if tokens and tokens[0].text in QUOTES and not any(t.text in QUOTES for t in tokens[1:]):
        tokens = tokens[1:]
    if tokens and tokens[-1].text in QUOTES and not any(t.text in QUOTES for t in tokens[:-1]):
        tokens = tokens[:-1]
    if tokens is span.tokens or not tokens:
        return span
    start, stop = tokens[0].start, tokens[-1].stop
    return DocSpan(start, stop, span.type, span.text[start - span.start:stop - span.start], tokens=tokens)


def is_descriptor(word: str) -> bool:
    return word in LEGAL_FORMS or word.lower().startswith(DESCRIPTOR_STEMS)


# A news paragraph has a handful of sentences; one with hundreds is a page that
# lost its line breaks. Past this many, names keep their surface form as base
# form (10,000 characters of named sentences took 3 s of morphology).
MAX_TAGGED_SENTENCES = 40


def tag_named_sentences(docs: list, morph) -> None:
    """Morphology for the sentences that hold a name, and only those.

    The morphology model costs five times the NER model; its tags serve the
    names (base forms, case) and the titles before them (roles.py), which sit
    in the same sentence. Other words keep no part of speech."""
    named = sorted((sentence for doc in docs for sentence in named_sentences(doc)),
                   key=lambda sentence: len(sentence.tokens))  # batches of similar length
    for sentence, markup in zip(named, morph.map([[t.text for t in s.tokens] for s in named])):
        for token, tagged in zip(sentence.tokens, markup.tokens):
            token.pos, token.feats = tagged.pos, tagged.feats


def named_sentences(doc) -> list:
    return [sentence for sentence in doc.sents
            if any(span.start < sentence.stop and sentence.start < span.stop for span in doc.spans)
            ][:MAX_TAGGED_SENTENCES]


def adapt_token(token, forms, text: str) -> Word:
    if token.pos is None:
        return Word(token.start, token.stop, text[token.start:token.stop])
    lemma, base = forms(token.text, token.pos, tuple(sorted(token.feats.items())))
    return Word(token.start, token.stop, text[token.start:token.stop], token.pos, lemma,
                token.feats.get("Case"), base)


def word_forms(vocab, word: str, pos: str, feats: tuple) -> tuple[str, str]:
    """The lemma of a tagged word, and the word in the nominative (same number and letter case)."""
    token = DocToken(0, len(word), word, pos=pos, feats=dict(feats))
    token.lemmatize(vocab)
    base = recover_shape(inflect_word(vocab, token), word) if pos in INFLECTED else word
    return token.lemma, base


def adapt_span(span, vocab, people, text: str) -> Span:
    feats = span.tokens[0].feats if span.tokens else None
    return Span(span.start, span.stop, text[span.start:span.stop], span.type,
                normalise(span, vocab, people), feats.get("Case") if feats else None)


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


def normalise(span, vocab, people) -> str:
    if span.type == "ORG":
        # natasha normalises ORG along a syntax tree we do not parse (it costs
        # another model); an organisation's name is inflected up to its head
        # noun only: 'Министерства иностранных дел' -> 'Министерство иностранных дел'.
        return inflect_head(span.tokens, vocab)
    span.normalize(vocab)
    if span.type == "PER":
        return people(span.normal) or span.normal
    return span.normal


def person_name(names, normal: str) -> str | None:
    """'Захарова Мария' -> 'Мария Захарова': first, middle and last name as natasha's
    name grammar reads them."""
    match = names.find(normal)
    if not match:
        return None
    fact = DocFact(list(match.fact.slots)).as_dict
    return " ".join(fact[part] for part in ("first", "middle", "last") if fact.get(part)) or None


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
    """'МИД' + 'РФ' -> 'МИД РФ' ⊃ 'РФ': natasha tags the country of a ministry as a separate LOC.

    An organisation followed directly by a place in the genitive is that
    place's organisation ('посольство США', 'Минобороны России'): the place is
    part of the organisation's name, and stays a mention of the place as well
    (factRuEval annotates such names the same way, an Org holding a LocOrg).
    """
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous and qualifies(previous, span, text):
            merged[-1] = Span(previous.start, span.end, text[previous.start:span.end], "ORG",
                              f"{previous.normal} {span.text}", previous.case)
        merged.append(span)
    return merged


def qualifies(organisation: Span, place: Span, text: str) -> bool:
    return (organisation.type == "ORG" and place.type == "LOC" and place.case == "Gen"
            and text[organisation.end:place.start] == " ")
