"""Russian organisations natasha misses or cuts short: the post-rules of russian.py on
tokens built by hand, then the whole reader on invented sentences."""

import functools

import pytest
from natasha import MorphVocab
from natasha.doc import DocSpan, DocToken
from razdel import tokenize

from storyline.understand.names import load_name_book
from storyline.understand.russian import (added, cited_sites, complement, covering, described_ministries,
                                          as_known_kind, extended, is_place_adjective, load_russian_reader,
                                          place_nouns,
                                          split_quoted, unquoted)


@pytest.fixture(scope="module")
def vocab():
    return MorphVocab()


@pytest.fixture(scope="module")
def parse(vocab):
    return lambda word: vocab(word)[0]


@pytest.fixture(scope="module")
def places(vocab):
    return functools.partial(is_place_adjective, vocab, load_name_book().concepts)


def tokens_of(text, tags=None):
    """razdel's tokens, with (pos, case) given by hand for the words in `tags`."""
    tags = tags or {}
    found = []
    for t in tokenize(text):
        pos, case = tags.get(t.text, (None, None))
        found.append(DocToken(t.start, t.stop, t.text, pos=pos, feats={"Case": case} if case else {}))
    return found


def span_over(tokens, text, surface, type="ORG"):
    start = text.index(surface)
    inside = [t for t in tokens if start <= t.start and t.stop <= start + len(surface)]
    return DocSpan(start, start + len(surface), type, surface, tokens=inside)


@pytest.mark.parametrize("word, place", [
    ("японского", True),  # Япония, a country of the name book
    ("французской", True),
    ("мюнхенский", True),  # Мюнхен, a place of the dictionary
    ("российские", True),
    ("влиятельного", False),
    ("президентского", False),
    ("государственной", False),
    ("Японского", False),  # capitalised: part of a name, not a qualifier
])
def test_russian_place_adjectives(places, word, place):
    assert places(word) is place


def test_russian_place_nouns_an_adjective_may_come_from():
    assert {"япония", "китай", "америка"} <= place_nouns("японский") | place_nouns("китайский") \
        | place_nouns("американский")
    assert place_nouns("новый") == set()


@pytest.mark.parametrize("text, surface, name", [
    ("визит главы китайского МИДа в Берлин", "МИДа", "китайского МИДа"),
    ("решение германского Минфина удивило", "Минфина", "германского Минфина"),
    # a longer name is a name in itself: the adjective describes it
    ("здание индийского Верховного суда", "Верховного суда", "Верховного суда"),
    ("председатель влиятельного Комитета", "Комитета", "Комитета"),
    # a brand is one company wherever it is
    ("смартфоны американской Apple подешевели", "Apple", "Apple"),
    ("акции российского Газпрома выросли", "Газпрома", "Газпрома"),
])
def test_russian_place_adjective_before_a_one_word_organisation(vocab, places, text, surface, name):
    tokens = tokens_of(text)
    assert extended(span_over(tokens, text, surface), tokens, places, set(), vocab).text == name


@pytest.mark.parametrize("text, surface, tags, name", [
    ("глава Совета при президенте Чили заявил", "Совета",
     {"Совета": ("NOUN", "Gen"), "президенте": ("NOUN", "Loc"), "Чили": ("PROPN", "Gen")},
     "Совета при президенте Чили"),
    ("представитель Ревизионной комиссии при министерстве Иван Петров", "Ревизионной комиссии",
     {"Ревизионной": ("ADJ", "Gen"), "комиссии": ("NOUN", "Gen"), "министерстве": ("NOUN", "Loc"),
      "Иван": ("PROPN", "Nom")},
     "Ревизионной комиссии при министерстве"),
    # not a body word: 'при' starts a circumstance
    ("войска НАТО при поддержке авиации", "НАТО", {"НАТО": ("PROPN", "Gen"), "поддержке": ("NOUN", "Loc")}, "НАТО"),
])
def test_russian_organisation_attached_with_pri(vocab, places, text, surface, tags, name):
    tokens = tokens_of(text, tags)
    assert extended(span_over(tokens, text, surface), tokens, places, set(), vocab).text == name


def test_russian_complement_stops_at_a_person():
    text = "члены Совета при президенте Ивана Петрова"
    tokens = tokens_of(text, {"Совета": ("NOUN", "Gen"), "президенте": ("NOUN", "Loc"), "Ивана": ("PROPN", "Gen")})
    name = span_over(tokens, text, "Совета").tokens
    persons = {text.index("Ивана")}
    assert [t.text for t in complement(tokens[2:], name, persons)] == ["при", "президенте"]


@pytest.mark.parametrize("text, names", [
    ("в интервью Русской службе «Радио Свобода» министр", ["Русской службе", "Радио Свобода"]),
    ("материалы Информационного агентства «Заря» основаны", ["Заря"]),  # after a kind word
    ("акции ОАО «Северсталь» выросли", ["Северсталь"]),
    ("Научным центром «Альфа» Минздрава.", ["Научным центром", "Альфа", "Минздрава"]),
    ("Акционерное общество «Телекомпания Восток» сообщило", ["Телекомпания Восток"]),
])
def test_russian_quoted_name_run_together_with_another(text, names):
    start = text.index(next(w for w in text.split() if w[:1].isupper() or w[:1] == "«"))
    end = max(text.index(n) + len(n) for n in names) + 1  # with the closing mark or full stop
    tokens = tokens_of(text)
    span = span_over(tokens, text, text[start:end])
    assert [unquoted(piece).text for piece in split_quoted(span)] == names


@pytest.mark.parametrize("text, type", [
    ("Талибана", "ORG"),  # the dictionary knows it only as an organisation
    ("Клинцах", "LOC"),  # or only as a place
    ("Петрова", "PER"),
    ("Кузнецов", "PER"),
    ("Орлова", "PER"),  # a surname and a town's name (Орлов)
])
def test_russian_one_word_person_known_only_as_organisation_or_place(vocab, text, type):
    assert as_known_kind(span_over(tokens_of(text), text, text, "PER"), vocab).type == type


def test_russian_legal_form_before_an_unquoted_name():
    text = "цитирует ИА Север"
    tokens = tokens_of(text)
    assert unquoted(span_over(tokens, text, "ИА Север")).text == "Север"


@pytest.mark.parametrize("text, names", [
    ("В британском министерстве обороны заявили", ["британском министерстве обороны"]),
    ("представитель французского внешнеполитического ведомства уехал", ["французского внешнеполитического ведомства"]),
    ("китайское правительство заявило", []),  # a government is described, not named
    ("влиятельное министерство финансов", []),
])
def test_russian_ministries_named_by_description(parse, places, text, names):
    assert [span.text for span in described_ministries(tokens_of(text), parse, places)] == names


@pytest.mark.parametrize("text, names", [
    ("Об этом сообщает news.example.ru.", ["news.example.ru"]),
    ("как пишет gazeta.ru, сделка сорвалась", ["gazeta.ru"]),
    ("Компания зарегистрировала короткий адрес shop.example.com в прошлом году", []),
    ("Источник: example.net Подпишитесь на рассылку", []),
    ("пишите на info@mail.ru", []),
])
def test_russian_web_sites_quoted_as_sources(parse, text, names):
    assert [span.text for span in cited_sites(text, tokens_of(text), parse)] == names


def test_russian_rule_spans_never_overlap_the_models():
    text = "сообщает Lenta.ru сегодня"
    tokens = tokens_of(text)
    model = span_over(tokens, text, "Lenta.ru")
    rule = covering(tokens[1:4], "ORG")
    later = covering(tokens[4:], "ORG")
    assert added([model], [rule, later]) == [model, later]


@pytest.fixture(scope="module")
def read():
    return load_russian_reader()


def organisations(read, text):
    return [(s.text, s.normal) for s in read([text])[0].spans if s.type == "ORG"]


@pytest.mark.parametrize("text, name", [
    ("Глава китайского МИДа прибыл в Берлин.", ("китайского МИДа", "китайский МИД")),
    ("Об этом сообщает region.example.ru со ссылкой на источники.", ("region.example.ru", "region.example.ru")),
    ("Представитель британского министерства иностранных дел отказался от комментариев.",
     ("британского министерства иностранных дел", "британское министерство иностранных дел")),
])
def test_russian_reader_finds_the_whole_organisation(read, text, name):
    assert name in organisations(read, text)


def test_russian_reader_drops_common_acronyms(read):
    assert organisations(read, "По сообщению местных СМИ, переговоры прошли успешно.") == []
