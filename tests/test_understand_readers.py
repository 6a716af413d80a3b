"""The readers' post-rules on spans built by hand (natasha's records, spaCy's blank tokenizer): no models."""

import pytest
import spacy
from natasha.doc import DocSpan, DocToken
from razdel import tokenize

from storyline.understand.english import adapt_entity, truecase
from storyline.understand.russian import person_name, plural_place, split_listed, unquoted, with_surname_agreed


def natasha_span(text, type="PER"):
    tokens = [DocToken(t.start, t.stop, t.text) for t in tokenize(text)]
    return DocSpan(0, len(text), type, text, tokens=tokens)


@pytest.mark.parametrize("text, pieces", [
    ("Джошуа Вольфа (Joshua Wolf)", ["Джошуа Вольфа", "Joshua Wolf"]),
    ("Овечкин, Фёдоров", ["Овечкин", "Фёдоров"]),
    ("Бахрейн • Барбадос • Бермуды", ["Бахрейн", "Барбадос", "Бермуды"]),
    ("Бернс (", ["Бернс"]),
    ("Ахмат-Хаджи Кадыров", ["Ахмат-Хаджи Кадыров"]),
])
def test_readers_russian_names_run_together_are_split(text, pieces):
    assert [span.text for span in split_listed(natasha_span(text))] == pieces


@pytest.mark.parametrize("text, name", [
    ("ОАО «Газпром»", "Газпром"),
    ("концерн «Майкрософт»", "Майкрософт"),
    ("РИА «Новости»", "РИА «Новости»"),  # РИА is part of the agency's name
    ("Кориера делла Сера»", "Кориера делла Сера"),  # a stray closing mark
])
def test_readers_russian_organisation_in_quotation_marks(text, name):
    assert unquoted(natasha_span(text, "ORG")).text == name


@pytest.mark.parametrize("word, name", [
    ("Клинцах", "Клинцы"), ("Химках", "Химки"), ("Люберец", "Люберцы"), ("МЫТИЩАХ", "МЫТИЩИ"),
    ("Москве", None), ("Клинцов", "Клинцы"),  # a town in the singular is the normaliser's
])
def test_readers_russian_town_named_in_the_plural_only(word, name):
    from natasha import MorphVocab
    assert plural_place(MorphVocab(), word) == name


@pytest.mark.parametrize("name, read", [
    ("Захарова Мария", "Мария Захарова"),  # opens with a known surname: put last
    ("Мария Захарова", "Мария Захарова"),
    ("Азия Биби", None),  # the name grammar would put 'Биби' first
    ("Нур-уль-Хак Кадри", None),  # and keep only 'Нур' of this one
])
def test_readers_russian_person_name_order(name, read):
    from natasha import MorphVocab, NamesExtractor
    vocab = MorphVocab()
    assert person_name(NamesExtractor(vocab), vocab, name) == read


@pytest.mark.parametrize("name, agreed", [
    ("Андрей Ромашкова", "Андрей Ромашков"),  # natasha read a feminine
    ("Андрей Ромашковым", "Андрей Ромашков"),
    ("Юлия Галямину", "Юлия Галямина"),
    ("Мария Захарова", "Мария Захарова"),
    ("Анна Лапина", "Анна Лапина"),
    ("Барак Обамы", "Барак Обамы"),  # no Russian surname: left to the normaliser
    ("Ромашкова", "Ромашкова"),  # no first name to tell the gender
])
def test_readers_russian_surname_agrees_with_the_first_name(name, agreed):
    from natasha import MorphVocab
    assert with_surname_agreed(name, MorphVocab()) == agreed


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def entity_of(nlp, text, name, label):
    doc = nlp(text)
    start = text.index(name)
    return doc.char_span(start, start + len(name), label=label)


@pytest.mark.parametrize("text, name, label, found", [
    ("the Russian Federation's army", "the Russian Federation's", "GPE", ["Russian Federation"]),
    ("Surrey 429 ( G. Kersey 63 , J. Ratcliffe 63 )", "G. Kersey 63 , J. Ratcliffe 63", "PERSON",
     ["G. Kersey", "J. Ratcliffe"]),
    ("peace plan, Interfax news agency said", "Interfax news agency", "ORG", ["Interfax"]),
    ("Benetton ( Italy ) won", "Benetton ( Italy )", "ORG", ["Benetton", "Italy"]),
    ("the U.S. said", "U.S.", "GPE", ["U.S."]),
    ("Trump’s Twitter account", "’s Twitter", "ORG", ["Twitter"]),
])
def test_readers_english_names_are_trimmed_and_split(blank, text, name, label, found):
    spans = adapt_entity(entity_of(blank, text, name, label), text)
    assert [span.text for span in spans] == found


def test_readers_english_capital_lines_take_the_documents_casing():
    paragraphs = ["SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN", "LONDON 1996-08-30",
                  "Alan Shearer was named as the new England captain on Friday."]
    recased = truecase(paragraphs, {"as", "the", "on", "was"})
    assert recased == ["Soccer - Shearer named as England captain", "London 1996-08-30", paragraphs[2]]
    assert [len(p) for p in recased] == [len(p) for p in paragraphs]  # offsets do not move


def test_readers_english_ordinary_text_is_left_alone():
    paragraphs = ["NATO met in Brussels.", "The EU agreed."]
    assert truecase(paragraphs, set()) == paragraphs
