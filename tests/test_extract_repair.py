"""Repairs of scraped text: mojibake and HTML entities."""

import pytest

from storyline.extract.repair import fix_mojibake, unescape_entities

TEXTS = ["Городской совет решил закрыть старый портовый мост для автомобилей с весны.",
         "Größere Straßen, naïve Cafés — „Zitate“ und “quotes”.",
         "The café owner said the bridge was «too old» to repair."]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("read_as", ["cp1251", "latin-1", "cp1252"])
def test_repair_undoes_utf8_read_in_a_single_byte_encoding(text, read_as):
    try:
        broken = text.encode("utf-8").decode(read_as)
    except UnicodeDecodeError:
        pytest.skip(f"{read_as} cannot show these bytes")
    if broken == text:
        pytest.skip("plain ASCII")
    assert fix_mojibake(broken) == text


@pytest.mark.parametrize("text", TEXTS + [
    "Ñandú, señor", "РС и ТВ", "Â¿", "Statistik: Ã in einer Formel",  # a pair or two in real text
])
def test_repair_leaves_sound_text_alone(text):
    assert fix_mojibake(text) == text


def test_repair_fixes_only_the_broken_lines_of_a_mixed_page():
    broken = TEXTS[0].encode("utf-8").decode("cp1251")
    assert fix_mojibake(f"Меню\n{broken}\nГлавная") == f"Меню\n{TEXTS[0]}\nГлавная"


@pytest.mark.parametrize("text, expected", [
    ("москва, 1 дек&nbsp;&mdash; риа новости.", "москва, 1 дек\u00a0— риа новости."),
    ("It&#8217;s a &quot;disaster&quot; &amp; more", "It’s a \"disaster\" & more"),
    ("Tom & Jerry; AT&T", "Tom & Jerry; AT&T"),  # no entity: unchanged
])
def test_repair_unescapes_entities_left_in_text(text, expected):
    assert unescape_entities(text) == expected
