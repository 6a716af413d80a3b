"""Entities and roles from readings built by hand, as a reader would return them (no models)."""

import re

import pytest

from storyline.understand.entities import find_entities, same_surname
from storyline.understand.names import load_name_book
from storyline.understand.readings import Reading, Span, Word
from storyline.understand.roles import load_role_words, with_roles


@pytest.fixture(scope="module")
def book():
    return load_name_book()


def reading(text, *spans):
    """A paragraph with its words and the given (surface, type[, normal]) names."""
    words = tuple(Word(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+(?:[-.]\w+)*|[^\w\s]", text))
    found = []
    for surface, type, *normal in spans:
        start = text.index(surface)
        found.append(Span(start, start + len(surface), surface, type, normal[0] if normal else surface))
    return Reading(text, words, tuple(found))


def summary(entities):
    return {e.id: (e.name, [m.text for m in e.mentions]) for e in entities}


def test_entities_surname_tagged_org_is_the_person(book):
    """spaCy calls a later 'Psaki' an ORG; the full name earlier in the text says otherwise."""
    readings = [reading("White House press secretary Jen Psaki spoke.", ("White House", "ORG"), ("Jen Psaki", "PER")),
                reading('"We are ready," Psaki said.', ("Psaki", "ORG"))]
    entities, _ = find_entities(readings, "en", book)
    assert summary(entities)["PER:jen-psaki"] == ("Jen Psaki", ["Jen Psaki", "Psaki"])
    assert "ORG:psaki" not in summary(entities)


def test_entities_untagged_surnames_are_found(book):
    readings = [reading("US State Department spokesman Ned Price said.", ("Ned Price", "PER")),
                reading('"I think so," Price said. The price is high.')]
    entities, _ = find_entities(readings, "en", book)
    assert summary(entities)["PER:ned-price"][1] == ["Ned Price", "Price"]


def test_entities_gazetteer_finds_what_the_model_missed(book):
    readings = [reading("Washington. 1st of February. INTERFAX - The reaction came.", ("Washington", "LOC"))]
    entities, _ = find_entities(readings, "en", book)
    assert summary(entities)["ORG:interfax"] == ("Interfax", ["INTERFAX"])


def test_entities_a_platform_read_as_a_person_is_an_organisation(book):
    english, _ = find_entities([reading("Twitter said the account was suspended.", ("Twitter", "PER"))], "en", book)
    russian, _ = find_entities([reading("В Твиттере написали об этом.", ("Твиттере", "ORG", "Твиттер"))], "ru", book)
    assert summary(english) == {"ORG:twitter": ("Twitter", ["Twitter"])}
    assert summary(russian) == {"ORG:twitter": ("Твиттер", ["Твиттере"])}


def test_entities_aliases_are_one_entity(book):
    readings = [reading("The United States and Russia met.", ("United States", "LOC"), ("Russia", "LOC")),
                reading("The Russian Federation and the US agreed.", ("Russian Federation", "LOC"), ("US", "LOC"))]
    entities, _ = find_entities(readings, "en", book)
    assert summary(entities) == {"LOC:united-states": ("United States", ["United States", "US"]),
                                 "LOC:russia": ("Russia", ["Russia", "Russian Federation"])}


def test_entities_russian_names_in_base_form_and_surnames_merged(book):
    readings = [reading("заявила официальный представитель МИД РФ Мария Захарова.",
                        ("МИД РФ", "ORG"), ("Мария Захарова", "PER")),
                reading("Позиция Захаровой и МИД известна в Москве.",
                        ("МИД", "ORG"), ("Москве", "LOC", "Москва"))]
    entities, _ = find_entities(readings, "ru", book)
    found = summary(entities)
    assert found["PER:maria-zakharova"] == ("Мария Захарова", ["Мария Захарова", "Захаровой"])
    assert found["ORG:ministry-of-foreign-affairs-of-russia"] == ("МИД России", ["МИД РФ", "МИД"])
    assert found["LOC:moscow"] == ("Москва", ["Москве"])
    assert {e.id: e.names.en for e in entities}["PER:maria-zakharova"] == "Maria Zakharova"


@pytest.mark.parametrize("surface, type", [("Читать", "PER"), ("Read", "PER"), ("2021", "ORG"), ("«", "LOC")])
def test_entities_chrome_and_non_names_are_dropped(book, surface, type):
    entities, _ = find_entities([reading(f"{surface} на сайте", (surface, type))], "ru", book)
    assert entities == []


def test_entities_a_person_in_quotation_marks_is_a_thing(book):
    readings = [reading("В США российский «Адмирал Кузнецов» назвали грудой обломков.",
                        ("США", "LOC"), ("Адмирал Кузнецов", "PER"))]
    entities, _ = find_entities(readings, "ru", book)
    assert [e.id for e in entities] == ["LOC:united-states"]


def test_entities_all_caps_person_names_are_title_cased(book):
    entities, _ = find_entities([reading("ЗАЯВЛЕНИЕ СЕРГЕЯ РЯБКОВА", ("СЕРГЕЯ РЯБКОВА", "PER", "СЕРГЕЙ РЯБКОВ"))],
                                "ru", book)
    assert [(e.id, e.name) for e in entities] == [("PER:sergei-ryabkov", "Сергей Рябков")]


@pytest.mark.parametrize("word, surname, same", [
    ("Захаровой", "Захарова", True), ("Путиным", "Путин", True), ("Байдена", "Байден", True),
    ("Price", "Price", True), ("Prices", "Price", False), ("Путинизм", "Путин", False),
])
def test_entities_surname_forms(word, surname, same):
    assert same_surname(word, surname) is same


@pytest.mark.parametrize("text, name, role", [
    ("otherwise, US State Department spokesman Ned Price said on Tuesday.", "Ned Price",
     "US State Department spokesman"),
    ("In turn, White House press Secretary Jen Psaki also said", "Jen Psaki", "White House press Secretary"),
    ("She reminded that US President Joe Biden would talk", "Joe Biden", "US President"),
    ("a conversation with Russian President Vladimir Putin.", "Vladimir Putin", "Russian President"),
    ("The Kremlin spokesman Dmitry Peskov said", "Dmitry Peskov", "Kremlin spokesman"),
    ("UN Secretary-General Antonio Guterres urged restraint.", "Antonio Guterres", "UN Secretary-General"),
    ("Earlier, Ned Price said that", "Ned Price", None),
    ("The meeting between Joe Biden and others", "Joe Biden", None),
])
def test_entities_english_roles(book, text, name, role):
    readings = [reading(text, (name, "PER"))]
    entities, _ = find_entities(readings, "en", book)
    (person,) = with_roles([e for e in entities if e.type == "PER"], readings, "en", load_role_words())
    assert person.role == role


def test_entities_untagged_full_name_in_a_list_is_found_whole(book):
    """natasha missed '• Веселин Топалов' in a list after tagging 'Веселина Топалова' in the lead."""
    readings = [reading("Чемпион мира Веселина Топалова", ("Веселина Топалова", "PER", "Веселин Топалов")),
                reading("• Веселин Топалов (Болгария)", ("Болгария", "LOC"))]
    entities, _ = find_entities(readings, "ru", book)
    assert summary(entities)["PER:veselin-topalov"][1] == ["Веселина Топалова", "Веселин Топалов"]


def test_entities_a_declined_name_left_as_it_was_takes_its_nominative(book):
    """The reader could not decline 'Асии Биби' back (the model does not know the name, and
    tags it a nominative); its nominative elsewhere in the document names the person."""
    first = "Асия Биби вышла на свободу."
    second = "Адвокат Асии Биби заявил об этом. Биби покинет страну."
    readings = [Reading(first, (), (Span(0, 9, "Асия Биби", "PER", "Асия Биби", "Nom"),)),
                Reading(second, (), (Span(8, 17, "Асии Биби", "PER", "Асии Биби", "Nom"),))]
    entities, _ = find_entities(readings, "ru", book)
    assert summary(entities) == {"PER:asiya-bibi": ("Асия Биби", ["Асия Биби", "Асии Биби"])}


def test_entities_a_nominative_is_not_taken_for_a_declined_name(book):
    readings = [Reading("Асии Биби нет.", (), (Span(0, 9, "Асии Биби", "PER", "Асии Биби", "Nom"),)),
                Reading("Асия Биби здесь.", (), (Span(0, 9, "Асия Биби", "PER", "Асия Биби", "Gen"),))]
    entities, _ = find_entities(readings, "ru", book)
    assert len(entities) == 2  # only a name in the nominative is a base form
