"""The registry of entities across documents and scripts, and the sound skeletons it compares."""

import pytest

from storyline.understand.names import load_name_book, sound_tokens
from storyline.understand.registry import Registry, close


@pytest.fixture(scope="module")
def book():
    return load_name_book()


@pytest.mark.parametrize("a, b", [
    ("Trump", "Трамп"), ("Тръмп", "Trump"), ("Asia Bibi", "Азия Биби"), ("Merkel", "Меркель"),
    ("Joe Biden", "Джо Байден"), ("Pakistan", "Pákistán"), ("Hamburg", "Гамбург"),
    ("Saif-ul-Malook", "Саиф уль-Малук"), ("Juncker", "Юнкер"), ("Ivanov", "Iwanow"),
])
def test_registry_sound_tokens_agree_across_scripts(a, b):
    assert sound_tokens(a) == sound_tokens(b)


@pytest.mark.parametrize("a, b", [("Trump", "Tusk"), ("Kim", "Kama Bibi"), ("Biden", "Bidenko")])
def test_registry_sound_tokens_keep_other_names_apart(a, b):
    assert sound_tokens(a) != sound_tokens(b)


@pytest.mark.parametrize("a, b, same", [
    ("trmp", "trmp", True), ("trmp", "trmpm", True),  # Trump, Trumpem
    ("snvdn", "sndn", True),  # Snowden, Сноуден
    ("bb", "bbv", False),  # too short to take an ending
    ("mstf", "msrf", False),  # Mustafa, Musharraf
])
def test_registry_close_word_skeletons(a, b, same):
    assert close(a, b) is same


def test_registry_same_person_across_scripts_and_forms(book):
    registry = Registry(book)
    first = registry.identify("PER", "Asia Bibi")
    assert first == "PER:asia-bibi"
    for name in ["Азия Биби", "Асия Биби", "Aasiya Noreen Bibi", "Биби", "Asia Bibiová"]:
        assert registry.identify("PER", name) == first, name
    assert registry.identify("PER", "Rani Bibi") != first  # another first name: another woman


def test_registry_ambiguous_surname_stays_apart(book):
    registry = Registry(book)
    james = registry.identify("PER", "James Masih")
    ashiq = registry.identify("PER", "Ashiq Masih")
    assert james != ashiq
    assert registry.identify("PER", "Masih") not in (james, ashiq)


def test_registry_surname_first_then_full_name(book):
    registry = Registry(book)
    surname = registry.identify("PER", "Rizvi")
    assert registry.identify("PER", "Khadim Hussain Rizvi") == surname
    assert registry.identify("PER", "Saad Rizvi") != surname  # the entity has a full name now


def test_registry_ids_are_stable_and_types_separate(book):
    registry = Registry(book)
    person = registry.identify("PER", "Washington Irving")
    place = registry.identify("LOC", "Вашингтон")  # gazetteer
    assert place == "LOC:washington" and person == "PER:washington-irving"
    assert registry.identify("PER", "Washington Irving") == person
    assert registry.by_id[person].names == {"Washington Irving"}


def test_registry_gazetteer_names_share_the_gazetteer_id(book):
    registry = Registry(book)
    assert registry.identify("PER", "Дональд Трамп") == registry.identify("PER", "Donald Trump") == "PER:donald-trump"
    assert registry.identify("LOC", "США") == "LOC:united-states"


def test_registry_organisation_part_joins_a_unique_whole(book):
    registry = Registry(book)
    whole = registry.identify("ORG", "Komisja Europejska")
    assert registry.identify("ORG", "Komisji") == whole  # an inflected part of it


def test_registry_ambiguous_part_is_an_entity_of_its_own(book):
    registry = Registry(book)
    ids = {registry.identify("ORG", "Komisja Europejska"), registry.identify("ORG", "Komisja Wyborcza")}
    assert len(ids) == 2
    assert registry.identify("ORG", "Komisja") not in ids
