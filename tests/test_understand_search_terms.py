"""Search across scripts and inflections: Russian lemmas in the index, other-script spellings of query words."""

import pytest

from storyline.records import Article
from storyline.store import Store
from storyline.understand.search_terms import build_search_terms


@pytest.fixture(scope="module")
def terms():
    return build_search_terms()


def test_search_terms_lemmatize_russian_words_only(terms):
    lemmatize, _ = terms
    assert lemmatize("У Кремля заявили Reuters", "ru") == "у кремль заявить"


@pytest.mark.parametrize("word, spelling", [
    ("Kremlin", "Кремль"),      # the gazetteer's name
    ("Zakharova", "Захарова"),  # transliterated
    ("Захарова", "Zakharova"),
    ("NATO", "НАТО"),
])
def test_search_terms_spell_a_word_in_the_other_script(terms, word, spelling):
    assert spelling in terms[1](word)


@pytest.mark.parametrize("query", ["Zakharova", "захарова", "Kremlin", "Кремль", "kremlin zakharova"])
def test_search_terms_latin_query_finds_inflected_cyrillic_text(terms, tmp_path, query):
    lemmatize, spellings = terms
    article = Article(id="1" * 16, source="ria.txt", language="ru", title="Захарова ответила Кремлю",
                      body=("Официальный представитель МИД Марии Захаровой напомнили о позиции Кремля.",))
    with Store(tmp_path / "s.db", lemmatize=lemmatize, expand_query=spellings) as store:
        store.add([(article, None)])
        assert [found.id for found, _ in store.search(query)] == [article.id]


def test_search_terms_one_word_of_a_phrase_spelling_does_not_match_alone(terms, tmp_path):
    lemmatize, spellings = terms
    article = Article(id="2" * 16, source="x.txt", language="ru", title="Владимир Зеленский",
                      body=("Владимир Зеленский выступил.",))
    with Store(tmp_path / "s.db", lemmatize=lemmatize, expand_query=spellings) as store:
        store.add([(article, None)])
        assert store.search("Putin") == []
