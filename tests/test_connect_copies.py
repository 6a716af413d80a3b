"""Wire copies: LSH keys find candidates, sentence alignment confirms them, differences show."""

import pytest

from storyline.connect import copy_differences, copy_keys, earlier_original, is_copy, match_copy
from storyline.records import Article

STORY = [
    "Delegations from both countries met in Geneva on Monday to discuss grain exports, officials said.",
    "The talks lasted six hours and ended without a joint statement. A second round is planned for March.",
    "Exporters have warned that prices will rise if the corridor stays closed for another month.",
    "The ministry said the inspections of ships would resume on Wednesday under the old rules.",
    "Insurers raised premiums for vessels calling at the ports by a third since January.",
    "Analysts expect the harvest to be the smallest in five years because of the dry spring.",
]


def article(id, body, language="en", title="Grain talks end without a deal", published=None, url=None):
    return Article(id=id, source=f"{id}.txt", language=language, title=title, body=tuple(body),
                   published=published, url=url)


def test_connect_copies_identical_texts_share_every_key():
    a, b = article("a", STORY), article("b", STORY)
    assert copy_keys(a) == copy_keys(b) and len(copy_keys(a)) == 32


def test_connect_copies_keys_need_length():
    assert copy_keys(article("short", ["Grain talks end."])) == []


@pytest.mark.parametrize("change", [
    lambda body: ["Subscribe to our newsletter", "Share this article", *body, "Advertisement"],  # chrome
    lambda body: body[:4],                                                                     # cut
    lambda body: ["Share this article", *body[:3], "Advertisement"],                           # both
    lambda body: [body[1].split(". ")[1], body[0], body[1].split(". ")[0] + ".", *body[2:]],   # reordered
    lambda body: [" ".join(body[:2]), *body[2:]],                                              # paragraphs joined
])
def test_connect_copies_reprint_is_a_copy(change):
    similarity = is_copy(article("orig", STORY), article("copy", change(list(STORY))))
    assert similarity is not None and similarity >= 0.8


def test_connect_copies_same_story_in_other_words_is_not_a_copy():
    other = [
        "Officials from the two governments held talks in Geneva about exporting grain.",
        "After six hours the meeting closed with no shared declaration; they will meet again in March.",
        "Traders fear higher prices should the sea route remain shut for a further month.",
        "Ship inspections restart midweek under the previous regime, according to the ministry.",
        "Premiums for ships using the ports are up by about a third this year, insurers say.",
        "A dry spring means the smallest harvest in half a decade, analysts predict.",
    ]
    assert is_copy(article("a", STORY), article("b", other)) is None


def test_connect_copies_translation_is_not_a_copy():
    russian = [
        "Делегации двух стран встретились в Женеве в понедельник, чтобы обсудить экспорт зерна.",
        "Переговоры длились шесть часов и завершились без совместного заявления.",
        "Экспортеры предупредили, что цены вырастут, если коридор останется закрытым.",
        "Министерство сообщило, что досмотры судов возобновятся в среду по старым правилам.",
        "Страховщики с января подняли премии для судов, заходящих в порты, на треть.",
        "Аналитики ожидают самого низкого урожая за пять лет из-за засушливой весны.",
    ]
    translation = article("ru", russian, language="ru")
    assert not set(copy_keys(article("en", STORY))) & set(copy_keys(translation))
    assert match_copy(article("en", STORY), translation).similarity == 0.0


def test_connect_copies_mislabelled_language_still_a_copy():
    assert is_copy(article("a", STORY, language="en"), article("b", STORY, language="de")) == 1.0


def test_connect_copies_differences_show_chrome_and_cuts():
    copy = article("copy", ["Read more:", STORY[0].replace(", officials", " - officials"), *STORY[1:3],
                            STORY[3].replace("Wednesday", "Thursday")])
    differences = copy_differences(article("orig", STORY), copy)
    assert differences.added == ("Read more:",)
    assert differences.cut == (STORY[4], STORY[5])
    assert differences.edited == ((STORY[3], STORY[3].replace("Wednesday", "Thursday")),)  # not the dash


@pytest.mark.parametrize("a, b, original", [
    (dict(published="2024-03-02"), dict(published="2024-03-01"), "b"),   # earlier date wins
    (dict(published="2024-03-01"), dict(published="2024-03-01"), "a"),   # tie: first stored
    (dict(published=None), dict(published="2024-03-05"), "b"),           # a full date beats none
    (dict(published="2024-03-01", url="https://news.example/x"),
     dict(published="2024-03-02", url="https://www.reuters.com/world/x"), "b"),  # the agency's own site
])
def test_connect_copies_original_is_agency_site_then_earliest(a, b, original):
    first, second = article("a", STORY, **a), article("b", STORY, **b)
    assert earlier_original(first, second, frozenset({"reuters"})).id == original


def test_connect_copies_an_edit_is_a_change_of_words():
    from storyline.connect.copies import reworded

    assert not reworded("Осуждённая отрицала свою вину.", "Осужденная отрицала свою вину")
    assert not reworded("В столице страны Исламабаде", "В столице страны - Исламабаде -")
    assert reworded("приходится на 700 тыс. человек", "приходится на 718 тысяч человек")
