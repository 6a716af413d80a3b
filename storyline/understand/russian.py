"""The natasha adapter: Russian paragraphs -> `Reading`s. The only module that imports natasha.

natasha's NER, morphology and name extraction are built once by
`load_russian_reader` and closed over; the reader returns our own `Word` and
`Span` records with names already in the nominative. natasha's spans are
corrected on the way: names it runs together are split, and organisations it
misses or cuts short ('китайского МИДа', 'сообщает news.example.ru') are
completed by the conventions of Russian news.
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

from .names import concept_of, load_name_book
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
    people = functools.lru_cache(FORM_CACHE)(functools.partial(person_name, names, vocab))
    parse = functools.lru_cache(FORM_CACHE)(lambda word: vocab(word)[0])
    places = functools.lru_cache(FORM_CACHE)(functools.partial(is_place_adjective, vocab, load_name_book().concepts))

    def read(paragraphs: Sequence[str]) -> list[Reading]:
        docs = [Doc(recase(seen, vocab) if is_shouting(seen) else seen)
                for seen in map(model_text, paragraphs)]
        for doc in docs:
            doc.segment(segmenter)
        tag_names(docs, ner)
        for doc in docs:
            doc.spans = corrected(doc, vocab, parse, places)
        tag_named_sentences(docs, morph)
        for doc in docs:  # extending needs the morphology of the named sentences
            persons = {span.start for span in doc.spans if span.type == "PER"}
            doc.spans = [extended(span, doc.tokens, places, persons, vocab) for span in doc.spans]
        return [reading(doc, cap(paragraph), vocab, forms, people) for doc, paragraph in zip(docs, paragraphs)]

    return read


def corrected(doc, vocab, parse, places) -> list:
    """natasha's spans split, retyped and trimmed, with the organisations it missed added."""
    spans = [as_known_kind(piece, vocab) for span in doc.spans for piece in split_listed(span)
             if not is_common_acronym(piece)]
    spans = [unquoted(name) for span in spans for name in split_quoted(span)]
    return added(spans, described_ministries(doc.tokens, parse, places) + cited_sites(doc.text, doc.tokens, parse))


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
# what is inside the marks, or what follows a legal form without them ('ИА Север').
# (Stems: the word may be declined.)
LEGAL_FORMS = frozenset("ОАО ООО ЗАО ПАО АО ГУП МУП ФГУП НКО АНО НПО ФГУ ИП ИА ИД РКК".split())
DESCRIPTOR_STEMS = ("концерн", "компани", "корпораци", "холдинг", "фирм", "газет", "журнал",
                    "агентств", "издани", "телеканал", "радиостанци", "банк", "фонд", "парти",
                    "движени", "организаци", "объединени", "театр", "клуб", "групп", "завод", "обществ")


def unquoted(span):
    """'ОАО «Газпром»' -> 'Газпром', 'ИА Север' -> 'Север'; a stray quotation mark at either end is dropped."""
    tokens = span.tokens
    if span.type == "ORG" and len(tokens) > 3 and tokens[1].text in QUOTES and tokens[-1].text in QUOTES \
            and is_descriptor(tokens[0].text):
        tokens = tokens[2:-1]
    elif span.type == "ORG" and len(tokens) > 1 and tokens[0].text in LEGAL_FORMS and tokens[1].text[:1].isalpha():
        tokens = tokens[1:]
    if tokens and tokens[0].text in QUOTES and not any(t.text in QUOTES for t in tokens[1:]):
        tokens = tokens[1:]
    if tokens and tokens[-1].text in QUOTES and not any(t.text in QUOTES for t in tokens[:-1]):
        tokens = tokens[:-1]
    if tokens is span.tokens or not tokens:
        return span
    start, stop = tokens[0].start, tokens[-1].stop
    return DocSpan(start, stop, span.type, span.text[start - span.start:stop - span.start], tokens=tokens)


def is_descriptor(word: str) -> bool:
    # compounds too: 'телерадиокомпания', 'медиахолдинг', 'госкорпорация'
    return word in LEGAL_FORMS or any(stem in word.lower() for stem in DESCRIPTOR_STEMS)


OPENING_QUOTES = frozenset('«„"“')


def split_quoted(span) -> list:
    """'Украинской службе «Радио Свобода»' -> 'Украинской службе', 'Радио Свобода': a part of an
    outlet or a body, named before the quoted name of the whole, which natasha runs together.
    After a kind word ('Информационное агентство «X»') the quoted name alone is kept."""
    tokens = span.tokens
    k = next((i for i, token in enumerate(tokens) if token.text in OPENING_QUOTES), 0)
    if span.type != "ORG" or k < 2 or is_descriptor(tokens[0].text) or not tokens[0].text[:1].isupper():
        return [span]
    close = next((i for i in range(k + 1, len(tokens)) if tokens[i].text in QUOTES), len(tokens))
    if close == k + 1:
        return [span]
    named = [] if is_descriptor(tokens[k - 1].text) else [tokens[:k]]
    after = tokens[close + 1:]  # the body the quoted one belongs to: '«Альфа» Минздрава'
    while after and not after[-1].text[:1].isalnum():
        after = after[:-1]
    named += [tokens[k + 1:close]] + ([after] if any(t.text[:1].isupper() for t in after) else [])
    return [covering(part, span.type) for part in named]


def covering(tokens: list, type: str):
    """A span over consecutive tokens, its text rebuilt from theirs."""
    text, offset = "", tokens[0].start
    for token in tokens:
        text, offset = text + " " * (token.start - offset) + token.text, token.stop
    return DocSpan(tokens[0].start, tokens[-1].stop, type, text, tokens=list(tokens))


def added(spans: list, found: list) -> list:
    """The spans with those found by rules that overlap none of them, in text order."""
    kept = [f for f in found if not any(f.start < s.stop and s.start < f.stop for s in spans)]
    return sorted(spans + kept, key=lambda span: span.start)


# --- organisations natasha misses or cuts short ---------------------------------------

def is_place_adjective(vocab, concepts: dict, word: str) -> bool:
    """'японского', 'французской', 'мюнхенский': a lower-case adjective of a country (CLDR's,
    through the name book) or of a place the dictionary knows ('мюнхенский' <- 'Мюнхен')."""
    if not word[:1].islower():
        return False
    parse = vocab(word)[0]
    if parse.tag.POS != "ADJF":
        return False
    if any(concept.startswith("@") for concept in concept_of(concepts, word)):
        return True
    return any(is_place(vocab, noun) for noun in place_nouns(parse.normal_form))


def place_nouns(adjective: str) -> set[str]:
    """The names an adjective in -ский may be made from: 'японский' <- 'япония', 'китайский' <-
    'китай', 'российский' <- 'россия', 'американский' <- 'америка', 'московский' <- 'москва'."""
    for ending in ("ский", "цкий"):
        if adjective.endswith(ending):
            stem = adjective[:-len(ending)]
            return {stem, stem + "а", stem + "ия", stem[:-1], stem[:-1] + "я", stem[:-1] + "а",
                    stem + "ь", stem[:-2] + "ва"}
    return set()


def is_place(vocab, word: str) -> bool:
    # pymorphy guesses a grammeme for words it does not know: only its dictionary's places count.
    return vocab.word_is_known(word) and any("Geox" in parse.tag for parse in vocab(word))


# A country's ministry named by description, not by name: 'французское внешнеполитическое
# ведомство', 'британское министерство обороны', as 'МИД Франции' is named by its place.
# Only ministries: 'китайское правительство', 'российские банки' describe, they do not name.
MINISTRY_STEMS = ("министерств", "ведомств")


def described_ministries(tokens: list, parse, places) -> list:
    found, i = [], 0
    while i < len(tokens):
        j = i + 1
        while places(tokens[i].text) and j < len(tokens) and is_lower_adjective(tokens[j].text, parse):
            j += 1
        if places(tokens[i].text) and j < len(tokens) and tokens[j].text.startswith(MINISTRY_STEMS):
            end = j + 1 + len(genitive_phrase(tokens[j + 1:], parse))
            found.append(covering(tokens[i:end], "ORG"))
            i = end
        else:
            i += 1
    return found


def is_lower_adjective(word: str, parse) -> bool:
    return word[:1].islower() and parse(word).tag.POS == "ADJF"


def genitive_phrase(tokens: list, parse) -> list:
    """'иностранных дел', 'финансов': lower-case words in the genitive, up to the last noun."""
    end = 0
    for i, token in enumerate(tokens):
        tag = parse(token.text).tag
        if not token.text[:1].islower() or tag.case != "gent" or tag.POS not in ("NOUN", "ADJF"):
            break
        end = i + 1 if tag.POS == "NOUN" else end
    return tokens[:end]


# A web site quoted as the source of news is an outlet: 'сообщает news.example.ru', 'Gazeta.ru
# напоминает'. natasha finds such names when capitalised; an address that nobody is said to
# report through ('зарегистрировал адрес shop.example.com', 'Источник: example.net') stays one.
SITE = re.compile(r"(?<![\w@/.-])(?:[\w-]+\.)+(?:ru|su|рф|com|net|org|info|ua|by|kz|eu|uk|de|fm|tv)(?![\w-]|\.\w)",
                  re.IGNORECASE)
REPORTING_VERBS = frozenset("""сообщить сообщать писать написать передать передавать цитировать процитировать
    отметить отмечать напомнить напоминать уточнить уточнять заявить заявлять рассказать рассказывать
    утверждать пояснить пояснять информировать выяснить узнать""".split())


def cited_sites(text: str, tokens: list, parse) -> list:
    found = []
    for match in SITE.finditer(text):
        inside = [i for i, token in enumerate(tokens) if match.start() <= token.start and token.stop <= match.end()]
        if not inside or tokens[inside[0]].start != match.start() or tokens[inside[-1]].stop != match.end():
            continue
        neighbours = tokens[inside[0] - 1:inside[0]] + tokens[inside[-1] + 1:inside[-1] + 2]
        if any(parse(token.text).normal_form in REPORTING_VERBS for token in neighbours):
            found.append(covering(tokens[inside[0]:inside[-1] + 1], "ORG"))
    return found


def extended(span, tokens: list, places, persons: set, vocab):
    """An organisation with the place adjective before a one-word name that needs it
    ('китайского МИДа', 'германского Минфина', as in 'МИД Китая') and the complement after
    its head ('Совет при президенте')."""
    if span.type != "ORG" or not span.tokens:
        return span
    start = next((i for i, token in enumerate(tokens) if token is span.tokens[0]), None)
    if start is None:
        return span
    first, stop = start, start + len(span.tokens)
    while len(span.tokens) == 1 and first > 0 and places(tokens[first - 1].text) and needs_place(span.text, vocab):
        first -= 1
    last = stop + len(complement(tokens[stop:], span.tokens, persons))
    return span if (first, last) == (start, stop) else covering(tokens[first:last], "ORG")


# Compounds naming a ministry or a state body of whichever country: 'Минфин', 'Госдума', 'Генштаб'.
STATE_BODY_PREFIXES = ("Мин", "Гос", "Ген", "Глав")


def needs_place(name: str, vocab) -> bool:
    """A one-word name that any country's body may bear: an acronym ('МИД', 'ФБР'), a compound
    of a state body ('Минфин') or a common noun ('Парламент'). A brand ('Apple', 'Газпром')
    is one company wherever it is, and a longer name ('Верховный суд') a name in itself:
    an adjective before them only describes them ('индийского Верховного суда')."""
    if not RUSSIAN_WORD.fullmatch(name):
        return False
    if name.isupper() or DECLINED_ACRONYM.fullmatch(name) or name.startswith(STATE_BODY_PREFIXES):
        return True
    grammemes = set().union(*(parse.tag.grammemes for parse in vocab(name)))
    return vocab.word_is_known(name) and not grammemes & (NAME_GRAMMEMES | {"Orgn"})


# Heads of bodies named with what they are attached to: 'Совет при президенте', 'Комиссия при
# правительстве'. After other names 'при' starts a circumstance ('НАТО при поддержке').
# natasha takes in 'по …' complements itself ('Комитет по делам молодёжи'); where it stops
# before one, the complement is mostly not the name's ('Советом по согласованию с …': tried on
# factRuEval dev and BSNLP, it gained nothing on the one and cost on the other).
BODY_STEMS = ("министерств", "ведомств", "комитет", "комисси", "совет", "агентств", "служб", "управлени",
              "бюро", "отдел", "департамент", "палат", "инспекци", "сборн", "федераци", "ассоциаци")


def complement(tokens: list, name: list, persons: set) -> list:
    """'при главе администрации города': 'при', nouns and adjectives in the prepositional case,
    then in the genitive or joined by 'и', up to the last noun; no person's name."""
    head = next((token for token in name if token.pos in NOUNS), None)
    if not tokens or tokens[0].text.lower() != "при" or head is None or not head.text.lower().startswith(BODY_STEMS):
        return []
    end, opened = 0, False
    for i, token in enumerate(tokens[1:], 1):
        case = (token.feats or {}).get("Case")
        if token.start in persons or not (token.text == "и" or token.pos in INFLECTED
                                         and case in ({"Loc", "Gen"} if opened else {"Loc"})):
            break
        if token.pos in NOUNS:
            end, opened = i + 1, True
    return tokens[:end]


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
    """A tagged noun or adjective gets its lemma and nominative, which titles are read by
    (roles.py); other words need only their part of speech, and pymorphy's lemmas and
    inflections cost a fifth of reading a Russian page."""
    if token.pos not in INFLECTED:
        return Word(token.start, token.stop, text[token.start:token.stop], token.pos,
                    case=token.feats.get("Case") if token.feats else None)
    lemma, base = forms(token.text, token.pos, tuple(sorted(token.feats.items())))
    return Word(token.start, token.stop, text[token.start:token.stop], token.pos, lemma,
                token.feats.get("Case"), base)


def word_forms(vocab, word: str, pos: str, feats: tuple) -> tuple[str, str]:
    """The lemma of a tagged noun or adjective, and the word in the nominative (same number
    and letter case): itself where it is one."""
    token = DocToken(0, len(word), word, pos=pos, feats=dict(feats))
    token.lemmatize(vocab)
    base = word if token.feats.get("Case") == "Nom" else recover_shape(inflect_word(vocab, token), word)
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
        name = with_surname_agreed(with_surname_lemma(span, vocab), vocab)
        return people(name) or name
    if span.type == "LOC" and len(span.tokens) == 1:
        return plural_place(vocab, span.tokens[0].text) or span.normal
    return span.normal


# A Russian surname declined, by the gender of the first name before it: masculine 'Лаврова',
# 'Ромашковым' -> 'Лавров', 'Ромашков'; feminine 'Родиной', 'Галямину' -> 'Родина', 'Галямина'.
# natasha inflects each word by the gender its tagger read, which for a surname it does not
# know is often the other one ('Андрея Ромашкова' -> 'Андрей Ромашкова').
DECLINED_SURNAME = {"masc": re.compile(r"(?P<stem>\w{2,}(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ом)"),
                    "femn": re.compile(r"(?P<stem>\w{2,}(?:ов|ев|ёв|ин|ын))(?:ой|у)")}
NOMINATIVE_ENDING = {"masc": "", "femn": "а"}


def with_surname_agreed(name: str, vocab) -> str:
    """The name with its last word in the nominative of its first name's gender, where that
    is a Russian surname ('-ов', '-ин' …) the first name's gender decides."""
    words = name.split()
    if len(words) < 2:
        return name
    genders = {gender for form in vocab(words[0]) if {"Name", "nomn"} <= form.tag.grammemes
               for gender in ("masc", "femn") if gender in form.tag.grammemes}  # not 'Юлия' of 'Юлий'
    if len(genders) != 1:
        return name
    gender = genders.pop()
    declined = DECLINED_SURNAME[gender].fullmatch(words[-1])
    if not declined:
        return name
    return " ".join(words[:-1] + [declined.group("stem") + NOMINATIVE_ENDING[gender]])


def with_surname_lemma(span, vocab) -> str:
    """The span's normal form, with a last word the normaliser left in the case of the first
    ('Барака Обамы' -> 'Барак Обамы': a man's surname in '-а') in the dictionary's nominative
    of that case's reading ('Обама')."""
    words = span.normal.split()
    case = span.tokens[0].feats.get("Case") if len(span.tokens) > 1 and span.tokens[0].feats else None
    if len(words) < 2 or case in (None, "Nom") or words[-1] != span.tokens[-1].text:
        return span.normal
    forms = [form for form in vocab(words[-1]) if form.pos == "NOUN"]
    if any(form.feats.get("Case") == "Nom" and form.feats.get("Number") == "Sing" for form in forms):
        return span.normal  # it may be the nominative itself ('Малук'), the tagger's case aside
    form = next((form for form in forms if form.feats.get("Case") == case), None)
    return " ".join(words[:-1] + [recover_shape(form.normal, words[-1])]) if form else span.normal


def plural_place(vocab, word: str) -> str | None:
    """'Клинцах', 'Химках', 'Люберец' -> 'Клинцы', 'Химки', 'Люберцы': a town named in the
    plural only, which natasha's normaliser (inflecting to the number the tagger read, the
    singular) leaves in its case."""
    form = next((form for form in vocab(word) if {"Geox", "Pltm"} <= form.tag.grammemes), None)
    return recover_shape(form.normal, word) if form else None


def person_name(names, vocab, normal: str) -> str | None:
    """'Захарова Мария' -> 'Мария Захарова': first, middle and last name as natasha's name
    grammar reads them, where it reads every word of the name, in another order only where
    the name opens with a known surname. (It read 'Азия Биби' as 'Биби Азия' and 'Нур-уль-Хак
    Кадри' as 'Нур' alone.)"""
    match = names.find(normal)
    if not match:
        return None
    fact = DocFact(list(match.fact.slots)).as_dict
    found = [fact[part] for part in ("first", "middle", "last") if fact.get(part)]
    words = normal.split()
    if sorted(found) != sorted(words) or (found != words and not is_surname(vocab, words[0])):
        return None
    return " ".join(found)


def is_surname(vocab, word: str) -> bool:
    return any("Surn" in form.tag.grammemes for form in vocab(word))


# An acronym declined with a lower-case ending: 'МИДа', 'ЮКОСом'. Its nominative is the
# capitals (pymorphy gives 'мид', which no shape recovers).
DECLINED_ACRONYM = re.compile(r"([А-ЯЁ]{2,})[а-яё]{1,3}")


def inflect_head(tokens, vocab) -> str:
    text, offset, inflecting = "", None, True
    for token in tokens:
        word = token.text
        acronym = DECLINED_ACRONYM.fullmatch(word)
        if inflecting and acronym:
            word = acronym.group(1)
        elif inflecting and token.pos in INFLECTED:
            word = recover_shape(inflect_word(vocab, token), token.text)
        inflecting = inflecting and token.pos not in NOUNS
        gap = "" if offset is None else " " * (token.start - offset)
        text, offset = text + gap + word, token.stop
    return text


PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}


# What a word the dictionary knows only as an organisation's or a place's name is.
DICTIONARY_TYPES = (("Orgn", "ORG"), ("Geox", "LOC"))


def as_known_kind(span, vocab):
    """A one-word 'person' the dictionary knows only as an organisation ('Талибана', 'ЮНЕСКО')
    or only as a place ('Клинцах') is one: natasha reads a capitalised word in the genitive
    or the locative as a surname."""
    if span.type != "PER" or len(span.tokens) != 1 or not vocab.word_is_known(span.text):
        return span
    grammemes = [parse.tag.grammemes for parse in vocab(span.text)]
    if any(PERSON_GRAMMEMES & found for found in grammemes):
        return span
    for grammeme, type in DICTIONARY_TYPES:
        if any(grammeme in found for found in grammemes):
            return DocSpan(span.start, span.stop, type, span.text, tokens=span.tokens)
    return span


# Common nouns written as acronyms, which natasha tags as organisations: 'СМИ' (the media),
# 'вуз' (a university), 'ДТП' (a road accident), 'ЧП' (an emergency), 'ЖКХ' (housing services).
COMMON_ACRONYMS = frozenset("СМИ ВУЗ ДТП ЧП ЖКХ".split())


def is_common_acronym(span) -> bool:
    return len(span.tokens) == 1 and span.tokens[0].text.upper() in COMMON_ACRONYMS


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
