"""Datelines, dates that open a text, and where an article's date comes from."""

from datetime import date

import pytest

from storyline.extract import DateClues, ExtractOptions, extract_article, published_date
from storyline.extract.dateline import read_dateline
from storyline.extract.dates import first_date_in_text, leading_date
from storyline.records import Page


@pytest.mark.parametrize("paragraph, place, agency, text, month_day", [
    ("МОСКВА, 15 дек - РИА Новости. Текст новости.", "Москва", "РИА Новости", "МОСКВА, 15 дек - РИА Новости.", (12, 15)),
    ("москва, 1 дек — риа новости. около 60 тысяч литров нефти",  # a dataset that lower-cased all
     "Москва", "РИА Новости", "москва, 1 дек — риа новости.", (12, 1)),
    ("магас, 1 дек — риа новости, адам буражев. дед мороз зажег елку",  # the correspondent follows
     "Магас", "РИА Новости", "магас, 1 дек — риа новости, адам буражев.", (12, 1)),
    ("МОСКВА, 15 дек — РИА Новости, Мария Иванова. Текст.", "Москва", "РИА Новости",
     "МОСКВА, 15 дек — РИА Новости, Мария Иванова.", (12, 15)),
    ("москва, 1 дек — р-спорт. нападающий заявил", "Москва", "Р-Спорт", "москва, 1 дек — р-спорт.", (12, 1)),
    ("москва, 1 дек- риа новости. министерство обороны", "Москва", "РИА Новости", "москва, 1 дек- риа новости.", (12, 1)),
    ("МОСКВА, 15 дек (Интерфакс) - Текст.", "Москва", "Интерфакс", "МОСКВА, 15 дек (Интерфакс) -", (12, 15)),
    ("Москва (Интерфакс) — Текст.", "Москва", "Интерфакс", "Москва (Интерфакс) —", None),
    ("MOSCOW. Dec 15 (Interfax) - The text.", "Moscow", "Interfax", "MOSCOW. Dec 15 (Interfax) -", (12, 15)),
    ("Москва. 14 октября. INTERFAX.RU - Текст.", "Москва", "Interfax", "Москва. 14 октября. INTERFAX.RU -", (10, 14)),
    ("НЬЮ-ЙОРК, 30 апреля /ИТАР-ТАСС/. Текст.", "Нью-Йорк", "ТАСС", "НЬЮ-ЙОРК, 30 апреля /ИТАР-ТАСС/.", (4, 30)),
    ("WASHINGTON (Reuters) - The text.", "Washington", "Reuters", "WASHINGTON (Reuters) -", None),
    ("LONDON, Jan 5 (AP) — The text.", "London", "AP", "LONDON, Jan 5 (AP) —", (1, 5)),
    ("Rostov-on-Don, Jan 5 (Reuters) - The text.", "Rostov-on-Don", "Reuters",
     "Rostov-on-Don, Jan 5 (Reuters) -", (1, 5)),
])
def test_dateline_forms(paragraph, place, agency, text, month_day):
    match = read_dateline(paragraph)
    assert (match.dateline.place, match.dateline.agency, match.dateline.text) == (place, agency, text)
    assert ((match.month, match.day) if match.month else None) == month_day


@pytest.mark.parametrize("paragraph", [
    "He said (Reuters) that the talks failed.",  # a sentence, not a place
    "москва (риа новости) - текст",  # lower case needs both a date and an agency
    "В Москве прошла встреча.",
    "Путин заявил, что 5 декабря ТАСС сообщит.",
    "The council met on Tuesday.",
])
def test_dateline_not_found_in_ordinary_sentences(paragraph):
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize("paragraph, expected", [
    ("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet.", "2022-02-01"),
    ("27.1.2022 - Bei der Erinnerung an die Verfolgten", "2022-01-27"),
    ("2022-01-27: the council met", "2022-01-27"),
    ("15 декабря 2021 года в Москве прошла встреча", "2021-12-15"),
    ("December 15, 2021 — The council met", "2021-12-15"),
    ("(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung", "2022-11-21"),
    ("12.03.2022.5 is a version number", None),
    ("In 2021 the council met", None),
    ("3.5 percent more than last year", None),
    ("The council met on 15 December 2021.", None),  # only a date that opens the paragraph
])
def test_dateline_leading_date(paragraph, expected):
    assert leading_date(paragraph) == expected


@pytest.mark.parametrize("text, expected", [
    ("Harbour City. By Jane Doe, 12.03.2024, 10:15", "2024-03-12"),
    ("Veröffentlicht am 12. März 2024 von Jane Doe", "2024-03-12"),
    ("Publicado el 12 de marzo de 2024", "2024-03-12"),
    ("Опубликовано 12 марта 2024 года", "2024-03-12"),
    ("Posted on March 12th, 2024 by Jane Doe", "2024-03-12"),
    ("Updated 2024-03-12, first published 2024-03-10", "2024-03-12"),  # the first one
    ("Sales rose 3.5 percent in 2024", None),
    ("The harbour will reopen on 1 March 2031.", None),  # later than the latest date allowed
])
def test_dateline_first_date_in_text(text, expected):
    assert first_date_in_text(text, "2026-11-22") == expected


MATCH = read_dateline("LONDON, March 3 (Reuters) - Talks resumed on Friday, officials said.")
DATED = read_dateline("LONDON, March 3, 2023 (Reuters) - Talks resumed, officials said.")


@pytest.mark.parametrize("clues, reference, expected", [
    (DateClues(DATED, (), (), "2023-03-04", "https://x.example/2023/03/05/a", "2023-03-06"), None,
     ("2023-03-03", "dateline")),  # a dateline with its year comes first
    (DateClues(MATCH, (), (), "2023-03-04T10:00:00", "https://x.example/2023/03/05/a", None), None,
     ("2023-03-04", "html-meta")),
    (DateClues(MATCH, (), (), None, "https://x.example/2023/03/05/a", None), None, ("2023-03-05", "url")),
    (DateClues(MATCH, (), ("07.03.2023 - Talks resumed.",), None, None, None), None, ("2023-03-07", "text")),
    (DateClues(None, (), ("Talks resumed.",), None, None, None, "2023-03-08"), None, ("2023-03-08", "html-text")),
    (DateClues(MATCH, ("Talks resumed on Friday.",), (), None, None, None), date(2026, 11, 22),
     ("2023-03-03", "dateline")),  # 3 March fell on a Friday in 2023
    (DateClues(MATCH, ("Talks resumed on Friday.",), (), None, None, "2023-03-09"), None, ("--03-03", "dateline")),
    (DateClues(None, (), (), None, None, "2023-03-09"), None, ("2023-03-09", "source")),
    (DateClues(None, (), (), None, None, None), None, (None, None)),
])
def test_dateline_published_date_comes_from_the_most_trusted_clue(clues, reference, expected):
    assert published_date(clues, reference) == expected


def test_dateline_of_a_news_record_with_markup_and_entities():
    record = ("<p><strong></strong></p>\n<p><strong>кишинев, 30 ноя&nbsp;&mdash; риа новости.</strong> "
              "после подсчета голосов на выборах в&nbsp;парламент лидируют социалисты, сообщила "
              "центральная избирательная комиссия республики.</p>\n<p>явка на&nbsp;выборах составила "
              "около 55&nbsp;процентов, сообщили в&nbsp;комиссии в&nbsp;понедельник вечером.</p>")
    article = extract_article(Page(source="record", content=record, kind="html", title="выборы в молдавии"))
    assert (article.dateline.place, article.dateline.agency) == ("Кишинев", "РИА Новости")
    assert article.dateline.text == "кишинев, 30 ноя — риа новости."
    assert (article.published, article.published_from) == ("--11-30", "dateline")
    assert article.language == "ru"


def test_dateline_in_the_third_paragraph_of_html_text_is_found():
    body = ["Talks to resume", "LONDON",
            "LONDON, March 3 (Reuters) - Talks on grain exports resumed on Friday, officials said.",
            "The delegations agreed on an agenda of five points and will meet again next month."]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in body * 2) + "</article></body></html>"
    article = extract_article(Page(source="x.html", content=html, kind="html"),
                              ExtractOptions(reference_date=date(2026, 11, 22)))
    assert (article.dateline.place, article.dateline.agency) == ("London", "Reuters")
    assert article.published == "2023-03-03"
