"""Plain-text pages: the golden readings, and variants that show the rules generalise."""

import random
from datetime import date

import pytest

from storyline.extract import ExtractOptions, extract_article
from storyline.records import Page
from tests.conftest import golden_readings

REFERENCE = ExtractOptions(reference_date=date(2026, 11, 22))


@pytest.mark.parametrize("path, golden", golden_readings(), ids=lambda v: getattr(v, "stem", ""))
def test_extract_golden_seed(path, golden):
    article = extract_article(Page(source=path.name, content=path.read_text("utf-8")), REFERENCE)
    assert article.title == golden["title"]
    assert article.subtitle == golden["subtitle"]
    assert list(article.body) == golden["body"]
    assert article.dateline.place == golden["dateline"]["place"]
    assert article.dateline.agency == golden["dateline"]["agency"]
    assert article.published == golden["dateline"]["date_with_reference_2026-11-22"]
    assert article.published_from == "dateline"
    assert article.language == golden["language"]
    assert list(article.image_credits) == ([golden["image_credit"]] if golden.get("image_credit") else [])
    assert list(article.rights) == golden.get("rights_notice", [])
    for chrome in golden["boilerplate_examples"]:
        assert chrome.lstrip("• ") not in article.body


@pytest.mark.parametrize("path, golden", golden_readings(), ids=lambda v: getattr(v, "stem", ""))
def test_extract_without_reference_date_keeps_date_partial(path, golden):
    article = extract_article(Page(source=path.name, content=path.read_text("utf-8")))
    month, day = golden["dateline"]["month"], golden["dateline"]["day"]
    assert article.published == f"--{month:02d}-{day:02d}"


# A page is assembled from parts, so each variant changes one thing the rules must not depend on.
EN_BODY = [
    "{dateline} The minister said the talks on grain exports would resume next month, "
    "officials in the capital said on {weekday}.",
    "\"We expect a constructive discussion and a quick result,\" the minister told reporters.",
    "He added that the delegations had agreed on an agenda of five points.",
    "The previous round of talks ended without an agreement in the spring.",
]
RU_BODY = [
    "{dateline} Переговоры об экспорте зерна возобновятся в следующем месяце, заявил министр "
    "сельского хозяйства.",
    "{weekday} в столице прошла встреча делегаций двух стран.",
    "\"Мы ожидаем конструктивного обсуждения и быстрого результата\", - сказал министр журналистам.",
    "Предыдущий раунд переговоров завершился без соглашения весной.",
]
EN_CHROME = ["Sign in", "Menu", "1534", "0", "Share", "Subscribe to our newsletter",
             "Do you want to leave a comment? Register and/or Log in", "• Comments", "Read more"]
RU_CHROME = ["Вход", "Меню", "874", "12", "Поделиться", "Подписаться на рассылку",
             "Хотите оставить комментарий? Войдите", "• Обсуждение", "Читать далее", "Реклама"]
EN_RELATED = ["Farmers protest against new export quotas in the south",
              "Central bank keeps its key rate unchanged for a third month"]
RU_RELATED = ["Фермеры протестуют против новых экспортных квот на юге",
              "Центробанк сохранил ключевую ставку третий месяц подряд"]
EN_SIDEBAR = ["• 14.03 10:15", "• 211", "Ministers of three countries met in Geneva to discuss prices",
              "• 13.03 22:40", "Комментарий к \"Министры трех стран встретились в Женеве\""]
RU_SIDEBAR = ["• 14.03 10:15", "• 211", "Министры трех стран встретились в Женеве",
              "• 13.03 22:40", "Comment on \"Ministers of three countries met in Geneva\""]


def build_page(title, subtitle, body, chrome, related, sidebar, seed):
    """Chrome around and between the parts, related headlines wedged between paragraphs."""
    rng = random.Random(seed)
    chrome = chrome[:]
    rng.shuffle(chrome)
    lines = chrome[:2] + [title] + ([subtitle] if subtitle else []) + chrome[2:4]
    for index, paragraph in enumerate(body):
        lines.append(paragraph)
        if 0 < index < len(body) - 1 and related and rng.random() < 0.7:
            lines.append(related.pop())
    return "\n".join(lines + chrome[4:] + sidebar)


EN_CASES = [  # dateline, weekday, expected place, agency, date
    ("London. 3rd of March. REUTERS -", "Friday", "London", "Reuters", "2023-03-03"),
    ("WASHINGTON, July 9 (AP) —", "Tuesday", "Washington", "AP", "2024-07-09"),
    ("BEIJING, Oct. 14 (Xinhua) -", "Tuesday", "Beijing", "Xinhua", "2025-10-14"),
    ("Kyiv, 20 November (Ukrinform) –", "Friday", "Kyiv", "Ukrinform", "2026-11-20"),
]
RU_CASES = [
    ("КИЕВ, 3 мар — ТАСС.", "В пятницу", "Киев", "ТАСС", "2023-03-03"),
    ("МИНСК, 9 июля - БелТА.", "Во вторник", "Минск", "БелТА", "2024-07-09"),
    ("НЬЮ-ЙОРК, 30 апреля /ИТАР-ТАСС/.", "Во вторник", "Нью-Йорк", "ТАСС", "2024-04-30"),
    ("Москва. 14 октября. INTERFAX.RU -", "Во вторник", "Москва", "Interfax", "2025-10-14"),
]


# language: (body template, paragraphs that keep their place, title, subtitle, chrome, related, sidebar)
PAGES = {
    "en": (EN_BODY, 1, "Grain export talks to resume next month, minister says", None,
           EN_CHROME, EN_RELATED, EN_SIDEBAR),
    "ru": (RU_BODY, 2, "Переговоры об экспорте зерна возобновятся в следующем месяце",
           "Министр: делегации согласовали повестку из пяти пунктов", RU_CHROME, RU_RELATED, RU_SIDEBAR),
}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("language, dateline, weekday, place, agency, published",
                         [("en", *case) for case in EN_CASES] + [("ru", *case) for case in RU_CASES])
def test_extract_variants(language, dateline, weekday, place, agency, published, seed):
    template, fixed, title, subtitle, chrome, related, sidebar = PAGES[language]
    body = [p.format(dateline=dateline, weekday=weekday) for p in template]
    body[fixed:] = random.Random(seed).sample(body[fixed:], len(body) - fixed)
    text = build_page(title, subtitle, body, chrome, related[:], sidebar, seed)
    article = extract_article(Page(source="variant", content=text), REFERENCE)
    assert (article.title, article.subtitle, list(article.body)) == (title, subtitle, body)
    assert (article.dateline.place, article.dateline.agency) == (place, agency)
    assert article.published == published
    assert article.language == language


def test_extract_weekday_far_from_dateline_pins_nothing():
    text = ("Talks resume\nLONDON, March 3 (Reuters) - Talks resumed, officials said.\n"
            "Nothing else happened here at all today.\nOn Friday a market opened in another town.")
    assert extract_article(Page(source="x", content=text), REFERENCE).published == "--03-03"


def test_extract_sidebar_dates_are_never_taken():
    text = "\n".join(["Talks resume in London", "The delegations met again and agreed on an agenda.",
                      "They will meet once more next month to sign it.", "• 28.01 05:09", "• 27.01 20:57"])
    article = extract_article(Page(source="x", content=text), REFERENCE)
    assert article.published is None and article.dateline is None


@pytest.mark.parametrize("text", ["", "Menu\nLog in\n1234\n0", "Just a headline without a body"])
def test_extract_page_without_article_is_an_error_record(text):
    article = extract_article(Page(source="x", content=text or " "))
    assert article.error.code == "no-article"
    assert article.body == ()


def test_extract_as_body_takes_every_line():
    text = "МОСКВА, 15 дек - РИА Новости. Первый абзац.\n\nВторой абзац\n"
    article = extract_article(Page(source="x", content=text, as_body=True))
    assert article.body == ("МОСКВА, 15 дек - РИА Новости. Первый абзац.", "Второй абзац")
    assert article.dateline.agency == "РИА Новости"


# Furniture real pages add around the same article: each must leave the reading unchanged.
EN_EXTRAS = {
    "comment thread": ["24 Comments", "Leave a Reply"] + [
        line for name in ("Alice", "Bob", "Carol", "Dave", "Erin")
        for line in (f"{name} • 2 weeks ago", f"{name} thinks the delegations should have met months ago, when the "
                     "prices were still low and the harvest was not yet sold to other buyers.", "Reply")],
    "teasers": ["You might also like:"] + [
        line for topic in ("rice", "coffee", "sugar")
        for line in ("WORLD", f"{topic.title()} prices climb again", f"Traders expect {topic} prices to keep "
                     "climbing through the winter as stocks shrink in the main exporting countries.", "By Staff")],
    "photo gallery": ["Ships wait to load grain in the port of Odesa on Monday morning.", "Photo: Jane Doe / Reuters",
                      "Farmers unload wheat at a silo near the border.", "Photo: John Roe / AP"],
}
RU_EXTRAS = {
    "comment thread": ["Комментарии (12)", "Оставить комментарий"] + [
        line for name in ("Иван", "Петр", "Анна", "Олег", "Мария")
        for line in (f"{name} • 2 недели назад", f"{name} считает, что делегациям следовало встретиться еще "
                     "несколько месяцев назад, когда цены были ниже и урожай не был продан.", "Ответить")],
    "teasers": ["Читайте также"] + [
        line for topic in ("рис", "кофе", "сахар")
        for line in ("МИР", f"Цены на {topic} снова растут", f"Трейдеры ожидают, что цены на {topic} будут расти "
                     "всю зиму, пока запасы сокращаются в главных странах-экспортерах.", "Редакция")],
    "photo gallery": ["Суда ждут погрузки зерна в порту в понедельник утром.", "Фото: РИА Новости",
                      "Фермеры разгружают пшеницу у элеватора.", "Фото: ТАСС"],
}


@pytest.mark.parametrize("extra", sorted(EN_EXTRAS))
def test_extract_english_page_with_more_furniture(extra):
    dateline, weekday, place, agency, published = EN_CASES[1]
    body = [p.format(dateline=dateline, weekday=weekday) for p in EN_BODY]
    title = "Grain export talks to resume next month, minister says"
    text = build_page(title, None, body, EN_CHROME, [], [], 0)
    if extra == "photo gallery":  # between the paragraphs, where photos stand
        text = text.replace(body[1], "\n".join(EN_EXTRAS[extra] + [body[1]]))
    else:  # after the article
        text += "\n" + "\n".join(EN_EXTRAS[extra])
    article = extract_article(Page(source="variant", content=text), REFERENCE)
    assert (article.title, list(article.body)) == (title, body)
    assert (article.dateline.place, article.published) == (place, published)


@pytest.mark.parametrize("extra", sorted(RU_EXTRAS))
def test_extract_russian_page_with_more_furniture(extra):
    dateline, weekday, place, agency, published = RU_CASES[0]
    body = [p.format(dateline=dateline, weekday=weekday) for p in RU_BODY]
    title = "Переговоры об экспорте зерна возобновятся в следующем месяце"
    subtitle = "Министр: делегации согласовали повестку из пяти пунктов"
    text = build_page(title, subtitle, body, RU_CHROME, [], [], 0)
    if extra == "photo gallery":
        text = text.replace(body[2], "\n".join(RU_EXTRAS[extra] + [body[2]]))
    else:
        text += "\n" + "\n".join(RU_EXTRAS[extra])
    article = extract_article(Page(source="variant", content=text), REFERENCE)
    assert (article.title, article.subtitle, list(article.body)) == (title, subtitle, body)
    assert (article.dateline.place, article.published) == (place, published)


@pytest.mark.parametrize("content, message", [
    (" ", "the page has no text"),
    ("Menu\nLog in\n1234\n0", "no run of sentence-like paragraphs"),
])
def test_extract_page_without_article_says_why(content, message):
    article = extract_article(Page(source="empty.txt", content=content))
    assert message in article.error.message and article.error.message.startswith("empty.txt: ")


def test_extract_regression_lower_cased_record_gets_its_dateline():
    text = ("в канаде из нефтепровода вытекла нефть\n"
            "москва, 1 дек — риа новости. около 60 тысяч литров нефти вытекли из нефтепровода на "
            "севере провинции, сообщил в воскресенье регулятор.\n"
            "инцидент произошел в минувший четверг в 350 километрах к северу от административного центра.")
    article = extract_article(Page(source="record", content=text))
    assert (article.dateline.place, article.dateline.agency, article.published) == ("Москва", "РИА Новости", "--12-01")


def test_extract_given_title_that_is_a_byline_gives_way_to_the_page_headline():
    text = "\n".join(["Город закрывает старый портовый мост для машин", *[
        "Городской совет во вторник решил закрыть старый портовый мост для автомобилей с весны.",
        "Инженеры нашли трещины в двух опорах моста во время летней проверки.",
        "Автобусы и велосипеды смогут ездить по мосту, пока идёт ремонт."]])
    stamped = extract_article(Page(source="feed", content=text, title="05 ноября 2020 21:40 Денис Давыдов"))
    titled = extract_article(Page(source="feed", content=text, title="Мост закроют весной"))
    assert stamped.title == "Город закрывает старый портовый мост для машин"
    assert titled.title == "Мост закроют весной"


def test_extract_language_is_not_taken_from_links():
    links = " ".join(f"https://example.ru/i/logo/{name}.png" for name in ("social", "subscription", "print"))
    page = Page(source="x", content=f"{links} Городской совет во вторник решил закрыть старый портовый мост "
                                    "для автомобилей с весны. Инженеры нашли трещины в двух опорах моста.")
    assert extract_article(page).language == "ru"
