"""The plain-text line classifier: what each line is, and which run of lines is the article.

Pages are built from hand-written parts; each test changes one thing a real page does
(a comment thread, a box of links, a photo gallery, a list, a page printed twice)."""

import pytest

from storyline.extract.lines import (clean_paragraphs, count_words, furniture_kind, given_title, read_page_text,
                                     script_of, split_lines)

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the summer.",
    "\"We cannot wait for the next winter storm to decide for us,\" the mayor told reporters.",
    "Buses and bicycles will still be allowed to cross while repairs go on for about a year.",
    "Shop owners on the harbour side said they feared losing customers during the works.",
]
STATIA = [
    "Городской совет во вторник решил закрыть старый портовый мост для автомобилей с весны.",
    "Инженеры нашли трещины в двух опорах моста во время летней проверки.",
    "\"Мы не можем ждать, пока за нас решит следующий зимний шторм\", - сказал мэр журналистам.",
    "Автобусы и велосипеды смогут проезжать по мосту, пока идет ремонт, около года.",
]
TITLE = "Harbour bridge to close to cars next spring"


def body_of(lines):
    return list(read_page_text("\n".join(lines)).body)


@pytest.mark.parametrize("line, kind", [
    ("Sign in", "chrome"), ("Войти", "chrome"), ("Share", "chrome"), ("Comments", "chrome"),
    ("1534", "counter"), ("28.01 05:09", "counter"),
    ("Dee Rothman • 3 weeks ago", "time"), ("Posted on December 29, 2014 at 7:56 AM", "time"),
    ("вчера, 14:20", "time"), ("Jan 01, 2014", "time"),
    ("Related", "related"), ("You might also like:", "related"), ("Читайте также", "related"),
    ("Lesen Sie auch", "related"), ("À lire aussi", "related"), ("Most Read", "related"),
    ("Read more: Markets fall as oil prices rise", "chrome"),
    ("Читайте также: Мост закроют весной", "chrome"), ("Lea también: Cierran el puente", "chrome"),
    ("24 Comments", "comments"), ("Leave a Reply", "comments"), ("Комментарии (12)", "comments"),
    ("Report this Comment", "comments"),
    ("Photo: Jane Doe / Reuters", "credit"), ("Фото: РИА Новости", "credit"),
    ("© 2014 Harbour News. All rights reserved", "rights"),
    ("The material on this site may not be reproduced without permission.", "rights"),
    ("https://example.com/news/bridge", "link"), ("Gunman kills eight in Edmo...", "link"),
    ("Terms of Use | Privacy Policy", "chrome"),
    ("The council voted on Tuesday to close the bridge.", None),
    ("10 Web Predictions for 2014", None),  # a number and a year are no time stamp
    ("Foster Books, $18.99; ages 5-8", None),
    ("(Reporting by Jane Doe in London; Editing by John Roe)", "signoff"),
    ("-- Compiled by Jane Doe", "signoff"), ("Source: Reuters", "signoff"),
    ("Jane Doe may be reached at jdoe@harbour.example.", "signoff"),
    ("This article originally appeared on Harbour News.", "signoff"),
    ("To post a comment, log into your chosen social network and add your comment below.", "comments"),
    ("Post navigation", "chrome"), ("← Previous Next →", "chrome"),
    ("By submitting above you agree to the Harbour News privacy policy.", "chrome"),
    ("Accessibility links", "chrome"), ("Форма поиска", "chrome"), ("Выберите город", "chrome"), ("Your region", "chrome"),
    ("Хотите читать полную версию? Оформите подписку", "chrome"),
    ("Subscribe now for unlimited digital access to all our articles.", "chrome"),
    ("Чтобы получить неограниченный доступ к данным, хакеры взломали сервер.", None),
    ("Наш сайт использует файлы cookie, чтобы улучшить работу сайта.", "chrome"),
    ("Регистрация пройдена успешно! Перейдите по ссылке из письма", "chrome"),
    ("Сайт функционирует при финансовой поддержке фонда развития печати.", "rights"),
    ("Сейчас вы просматриваете новость «Мост закрыли». Другие новости читайте в разделе «Город».", "chrome"),
    ("Заметили ошибку?", "chrome"),
])
def test_lines_furniture_kind(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("text, pieces", [
    ("Если вы заметили ошибку, выделите её мышкой и нажмите Ctrl+Enter, чтобы сообщить об этом редакции.",
     [("Если вы заметили ошибку, выделите её мышкой и нажмите Ctrl+Enter, чтобы сообщить об этом редакции.",
       "chrome")]),
    # run into the text of a page that lost its line breaks, before or after it
    ("Причины пока не установлены. Выделите фрагмент с текстом ошибки и нажмите Ctrl+Enter",
     [("Причины пока не установлены.", "text"), ("Выделите фрагмент с текстом ошибки и нажмите Ctrl+Enter", "chrome")]),
    ("If you see a typo, highlight it and press Ctrl+Enter Police closed the bridge on Monday.",
     [("If you see a typo, highlight it and press Ctrl+Enter", "chrome"), ("Police closed the bridge on Monday.", "text")]),
    ("To send a message, press Ctrl+Enter in the chat window, the developers said.",
     [("To send a message, press Ctrl+Enter in the chat window, the developers said.", "text")]),
])
def test_lines_prompts_to_report_a_typo_are_chrome(text, pieces):
    assert [(line.text, line.kind) for line in split_lines(text)] == pieces


@pytest.mark.parametrize("text, script", [
    ("The bridge closes", "Latn"), ("Мост закроют", "Cyrl"), ("Größere Straße", "Latn"),
    ("香港行政长官", "Hani"), ("ผลการเลือกตั้ง", "Thai"), ("Ο δήμαρχος", "Grek"), ("1534 / 12", None),
])
def test_lines_script_of(text, script):
    assert script_of(text) == script


def test_lines_chinese_words_are_weighed_by_length():
    assert count_words("梁振英强调承诺将在两周内解决问题") == 8
    assert count_words("The bridge closes in spring") == 5


def test_lines_bullets_go_but_a_russian_dash_of_speech_stays():
    lines = split_lines("• Comments\n- Tweet this\n— Мы готовы, — сказал он.")
    assert [line.text for line in lines] == ["Comments", "Tweet this", "— Мы готовы, — сказал он."]
    assert [line.bulleted for line in lines] == [True, True, False]


# --- which run is the article ---------------------------------------------------------------

def test_lines_regression_comment_thread_longer_than_article_is_not_the_body():
    comments = []
    for name in ("Alice", "Bob", "Carol", "Dave", "Erin", "Frank"):
        comments += [f"{name} • 2 weeks ago", f"I have lived next to that bridge for thirty years and {name.lower()} "
                     "thinks the council should have repaired it a decade ago when the cracks were small.",
                     "Reply"]
    page = ["Menu", TITLE, *ARTICLE, "Share", "24 Comments", "Leave a Reply", *comments]
    assert body_of(page) == ARTICLE


def test_lines_regression_comments_link_above_the_article_does_not_hide_it():
    page = ["Menu", TITLE, "3 Comments", *ARTICLE, "Share", "Most Read", "Fire at the port", "Subscribe"]
    assert body_of(page) == ARTICLE


def test_lines_regression_article_printed_twice_is_read_once():
    page = ["Menu", TITLE, *ARTICLE, "Share", "Print", "Email", TITLE, *ARTICLE, "Share"]
    assert body_of(page) == ARTICLE


def test_lines_teasers_under_a_repeated_label_are_not_the_article():
    teasers = []
    for topic in ("river", "tram", "park", "school"):
        teasers += ["CITY", f"New plans for the {topic} unveiled",
                    f"Officials presented the new plans for the {topic} to residents at a meeting on Monday "
                    f"and promised that work on the {topic} would start before the end of the year.",
                    "by Staff Writer"]
    page = ["Menu", TITLE, *ARTICLE, "Share", *teasers, "About us"]
    assert body_of(page) == ARTICLE


def test_lines_box_of_links_inside_the_article_keeps_the_rest():
    page = ["Menu", TITLE, *ARTICLE[:3], "Related Articles", "Fire at the port", "Ferry strike ends",
            *ARTICLE[3:], "Share"]
    assert body_of(page) == ARTICLE


def test_lines_links_to_other_stories_after_the_article_are_cut():
    teasers = ["Ferry strike ends after three weeks of talks between the union and the port.",
               "Read the full story", "New tram line opens to passengers in the north of the city.",
               "Read the full story"]
    page = ["Menu", TITLE, *ARTICLE, "You might also like:", *teasers]
    assert body_of(page) == ARTICLE


def test_lines_photo_captions_above_credits_are_not_paragraphs():
    gallery = []
    for scene in ("The harbour bridge at dawn on Tuesday morning, seen from the old fish market.",
                  "A council worker measures a crack in one of the supports of the bridge.",
                  "Cyclists cross the bridge during the morning rush hour on Monday."):
        gallery += [scene, "Photo by Jane Doe/Getty Images"]
    page = ["Menu", TITLE, *ARTICLE[:2], *gallery, *ARTICLE[2:], "Share"]
    assert body_of(page) == ARTICLE


def test_lines_embedded_posts_stay_in_the_body():
    posts = ["Traffic already backing up on the harbour bridge, what a morning #harbour",
             "— Jane Commuter (@janecommutes) December 22, 2014",
             "Council says the bridge closes in spring, cars will have to take the ring road",
             "— Harbour News (@harbournews) December 22, 2014"]
    page = ["Menu", TITLE, *ARTICLE[:2], *posts, *ARTICLE[2:], "Share"]
    assert body_of(page) == ARTICLE[:2] + posts + ARTICLE[2:]


def test_lines_list_after_its_introduction_belongs_to_the_article():
    calendar = ["Jan. 5: Harbour Rowing Club, Winter Regatta, Old Pier, 300 guests",
                "Jan. 12: City Choir, New Year Concert, Town Hall, 500 guests",
                "Jan. 19: Fishermen's Union, Annual Meeting, Harbour Inn, 120 guests"]
    intro = "Here is the calendar of events the council expects at the harbour in January:"
    page = ["Menu", TITLE, *ARTICLE[:2], intro, *calendar, "Share", "About us"]
    assert body_of(page) == ARTICLE[:2] + [intro] + calendar


def test_lines_subheading_stays_but_another_storys_headline_goes():
    page = ["Menu", TITLE, *ARTICLE[:2], "What happens next", ARTICLE[2],
            "Ferry operator raises prices for the second time this year", *ARTICLE[3:], "Share"]
    assert body_of(page) == ARTICLE[:2] + ["What happens next"] + ARTICLE[2:]


def test_lines_title_case_subheadings_stay():
    subheads = ["What The Engineers Found In The Summer Inspection", "How Long The Repairs Will Take"]
    page = ["Menu", TITLE, ARTICLE[0], subheads[0], *ARTICLE[1:3], subheads[1], *ARTICLE[3:], "Share"]
    assert body_of(page) == [ARTICLE[0], subheads[0], *ARTICLE[1:3], subheads[1], *ARTICLE[3:]]


def test_lines_sign_off_after_the_last_paragraph_stays():
    signoff = "(Reporting by Jane Doe in Harbour City; Editing by John Roe)"
    page = ["Menu", TITLE, *ARTICLE, signoff, "Share", "Most Read", "Ferry prices rise again"]
    assert body_of(page) == ARTICLE + [signoff]


def test_lines_last_paragraph_without_its_final_stop_stays():
    clipped = ("The council will vote on the budget for the new bridge in March, when the engineers "
               "present their final report (c) Harbour News/Jane Doe")
    page = ["Menu", TITLE, *ARTICLE, clipped, "Share", "About us"]
    assert body_of(page) == ARTICLE + [clipped]


def test_lines_list_between_paragraphs_does_not_split_the_article():
    ingredients = ["1 pound parsnips, peeled and cut into pieces", "2 pounds sweet potatoes, peeled and cut",
                   "1/2 cup milk with a pinch of salt", "2 tablespoons unsalted butter, softened"]
    page = ["Menu", TITLE, *ARTICLE[:3], *ingredients, *ARTICLE[3:], "Share"]
    assert body_of(page) == ARTICLE[:3] + ingredients + ARTICLE[3:]


def test_lines_first_paragraph_cut_off_by_a_box_opens_the_article():
    first = ("I have tried every powder on the shelf over the years, and most of them either dried my "
             "skin out by noon or left it shining like a mirror by lunch, so I did not expect much here.")
    box = ["Product: Harbour Matte Powder", "Price: $31.00"]
    page = ["Menu", TITLE, first, *box, "Tags:", *ARTICLE, "Share"]
    assert body_of(page) == [first, *box, *ARTICLE]


def test_lines_calendar_of_dates_is_a_list():
    meetings = ["Tuesday, September 24, 2013 at 2:30 PM", "Monday, November 25, 2013 at 3:00 PM",
                "Tuesday, April 22, 2014 at 1:00 PM"]
    page = ["Menu", TITLE, *ARTICLE[:2], *meetings, *ARTICLE[2:], "Share"]
    assert body_of(page) == ARTICLE[:2] + meetings + ARTICLE[2:]


def test_lines_title_case_teasers_are_not_paragraphs():
    teasers = ["This Bride Got Dumped The Week Before Her Wedding, But Kept The Photos.",
               "He Visited This Gas Station Bathroom And Was Shocked By What He Found.",
               "27 People Who Should Not Have Bothered Getting Out Of Bed Today."]
    page = ["Menu", *teasers, TITLE, *ARTICLE, "Share", *teasers]
    assert body_of(page) == ARTICLE


def test_lines_truncated_teasers_are_links():
    teasers = ["Canada mass murder: Gunman kills ei...", "Shanghai shocked after New Year sta...",
               "Pope Francis: So many tears around ...", "Wide search for missing plane ..."]
    page = ["Menu", TITLE, ARTICLE[0], "Top Trending Videos", *teasers * 3, "About us"]
    assert body_of(page) == [ARTICLE[0]]


def test_lines_single_paragraph_article_beats_the_footer():
    footer = ["Use of this site constitutes acceptance of our User Agreement and Privacy Policy.",
              "Your California Privacy Rights",
              "The material on this site may not be reproduced, distributed or otherwise used."]
    page = ["Menu", TITLE, " ".join(ARTICLE[:2]), "Share", "Most Popular", *footer]
    assert body_of(page) == [" ".join(ARTICLE[:2])]


def test_lines_chinese_page_has_a_body():
    paragraphs = ["香港行政长官在各方压力下就其大宅的违章建筑问题到立法会接受质询。",
                  "他在星期二的答问大会开始之际在其演说中道歉，但强调他并非故意隐瞒。",
                  "泛民主派议员们普遍指责他撒谎，要求他马上辞职下台。"]
    page = ["浏览协助", "首页", "香港行政长官就违建问题道歉", *paragraphs, "评论", "分享"]
    assert body_of(page) == paragraphs


def test_lines_page_without_a_finished_sentence_is_read_with_relaxed_rules():
    clipped = ("It's a formerly 'forbidden fruit' sure to be enjoyed by cigar lovers on both sides of the "
               "straits, and on the list of the new policy's changes are legalised cigars,")
    page = ["Menu", "Cigar rollers thrilled with new policy", clipped, "Embed Reddit Twitter Facebook"]
    assert body_of(page) == [clipped]


def test_lines_embed_code_is_furniture_and_entities_are_decoded():
    embed = "<iframe width='670' height='437' src='http://example.com/video/embed/17/'>Video</iframe>"
    page = ["Menu", TITLE, ARTICLE[0], embed, ARTICLE[1] + " It&#8217;s a &quot;disaster&quot;.", ARTICLE[2]]
    assert body_of(page) == [ARTICLE[0], ARTICLE[1] + " It’s a \"disaster\".", ARTICLE[2]]


def test_lines_mojibake_is_repaired():
    statia = [STATIA[0], STATIA[2], STATIA[3]]  # 'И' is D0 98 in UTF-8, and cp1251 has no 98
    broken = "\n".join(statia).encode("utf-8").decode("cp1251")
    assert body_of(["Меню", broken]) == statia


def test_lines_other_script_lines_are_not_the_body():
    menu = ["Countries", "Projects", "The news mentions", "Subscribe to the daily digest of defence news"]
    page = ["Вход", "Портовый мост закроют для машин весной", *STATIA, *menu]
    reading = read_page_text("\n".join(page))
    assert list(reading.body) == STATIA
    assert reading.title == "Портовый мост закроют для машин весной"


# --- HTML mode: cleaning paragraphs another extractor chose ------------------------------------

@pytest.mark.parametrize("paragraphs, expected", [
    (ARTICLE + ["Share this", "Photo: Jane Doe / Reuters"], ARTICLE),
    (ARTICLE + ["Related", "- Ferry strike ends", "- New tram line opens"], ARTICLE),  # teasers end it
    (ARTICLE[:3] + ["Related", "- Ferry strike ends"] + ARTICLE[3:], ARTICLE[:3] + ARTICLE[3:]),
    (ARTICLE + ["— Jane Commuter (@janecommutes) December 22, 2014"],  # a post's signature stays
     ARTICLE + ["— Jane Commuter (@janecommutes) December 22, 2014"]),
])
def test_lines_clean_paragraphs_of_html_extraction(paragraphs, expected):
    assert clean_paragraphs(paragraphs) == expected


@pytest.mark.parametrize("text, sentence_like", [
    ("A story of one dog's humility in the confines of a plastic head cone. -- Sandstrom", True),
    ("Зима выдалась долгой, и мост закрыли на ремонт. — Анна Иванова", True),
    ("Most pages use at least one redirect — which seems high", False),
    ("Foster Books, $18.99; ages 5-8", False),
])
def test_lines_paragraph_signed_by_its_writer_ends_a_sentence(text, sentence_like):
    assert split_lines(text)[0].sentence_like is sentence_like


@pytest.mark.parametrize("text, title", [
    ("05 ноября 2020 21:40 Денис Давыдов, Валентин Богданов", None),  # a byline's stamp
    ("May 5, 2021 10:45 AM John Smith", None),
    ("Updated 3 hours ago", None),
    ("Subscribe to our newsletter", None),
    ("9 мая в Москве прошёл парад", "9 мая в Москве прошёл парад"),  # a headline may open with a date
    ("2020 election: Biden wins 306 electoral votes", "2020 election: Biden wins 306 electoral votes"),
    ("Harbour bridge to close for a year | Harbour News", "Harbour bridge to close for a year"),
    ("Opinion | Why the bridge must close", "Opinion | Why the bridge must close"),  # no site name after it
])
def test_lines_given_title_is_a_headline_unless_furniture(text, title):
    assert given_title(text) == title
