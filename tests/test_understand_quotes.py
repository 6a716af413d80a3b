"""Quotations and their speakers, on documents built by hand (no models).

Entities are given as if a reader had found them, so these tests pin the
patterns and the speaker resolution alone.
"""

import re

import pytest

from storyline.records import Entity, Mention
from storyline.understand.quotes import find_quotes, insertions, paragraph_claims
from storyline.understand.readings import Reading
from storyline.understand.roles import load_role_words
from storyline.understand.sentences import quoted_passages, sentences


@pytest.fixture(scope="module")
def role_words():
    return load_role_words()


def entities_in(paragraphs, people):
    """Entities whose mentions are every whole-word occurrence of their surface forms."""
    entities = []
    for name, type, surfaces, role in people:
        mentions = tuple(Mention(i, m.start(), m.end(), m.group())
                         for i, text in enumerate(paragraphs) for surface in surfaces
                         for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
        entities.append(Entity(id=f"{type}:{name}", name=name, type=type, role=role, mentions=mentions))
    return entities


def quotes_of(paragraphs, people, language, role_words):
    readings = [Reading(text) for text in paragraphs]
    quotes, _ = find_quotes(readings, entities_in(paragraphs, people), {}, language, role_words)
    return [(q.kind, q.speaker, q.text) for q in quotes]


PRICE = ("Ned Price", "PER", ["Ned Price", "Price"], "US State Department spokesman")
PSAKI = ("Jen Psaki", "PER", ["Jen Psaki", "Psaki"], "White House press secretary")
SMITH = ("John Smith", "PER", ["John Smith", "Smith"], "US envoy")
REUTERS = ("Reuters", "ORG", ["Reuters"], None)
STATE_DEPARTMENT = ("US Department of State", "ORG", ["State Department"], None)
ZAKHAROVA = ("Мария Захарова", "PER", ["Мария Захарова", "Захарова"], "официальный представитель МИД РФ")
LAVROV = ("Сергей Лавров", "PER", ["Сергей Лавров", "Лаврова"], None)
PESKOV = ("Дмитрий Песков", "PER", ["Дмитрий Песков", "Песков"], None)
MFA = ("МИД России", "ORG", ["МИД РФ", "МИД"], None)
WHITE_HOUSE = ("Белый дом", "ORG", ["Белый дом"], None)


@pytest.mark.parametrize("paragraphs, people, expected", [
    (['"We are ready," Price said.'], [PRICE],
     [("direct", "Ned Price", "We are ready")]),
    (['"We are ready," said Price.'], [PRICE],
     [("direct", "Ned Price", "We are ready")]),
    (['Price said: "We are ready for talks."'], [PRICE],
     [("direct", "Ned Price", "We are ready for talks")]),
    (['“We are ready,” Price told reporters.'], [PRICE],
     [("direct", "Ned Price", "We are ready")]),
    (['Price said on Tuesday that talks would go on.'], [PRICE],
     [("indirect", "Ned Price", "talks would go on")]),
    (['In turn, Jen Psaki also said that the door is still open.'], [PSAKI],
     [("indirect", "Jen Psaki", "the door is still open")]),
    (['LONDON, May 2 (Reuters) - Talks will resume next week, US envoy John Smith said on Monday.'],
     [SMITH, REUTERS],
     [("indirect", "John Smith", "Talks will resume next week")]),
    (['According to Reuters, talks will resume next week.'], [REUTERS],
     [("indirect", "Reuters", "talks will resume next week")]),
    (['Talks will resume next week, according to Reuters.'], [REUTERS],
     [("indirect", "Reuters", "Talks will resume next week")]),
    (['"We are ready," an official said.'], [],
     [("direct", None, "We are ready")]),
    # pronouns: the last person quoted or named
    (['"We are ready," Psaki said.', 'She added that the door remains open.'], [PSAKI],
     [("direct", "Jen Psaki", "We are ready"), ("indirect", "Jen Psaki", "the door remains open")]),
    # a description: the person whose role shares its words
    (['"We are ready," Price said.', '"We will talk," Psaki said.',
      '"It is clear," the representative of the State Department stressed.'],
     [PRICE, PSAKI, STATE_DEPARTMENT],
     [("direct", "Ned Price", "We are ready"), ("direct", "Jen Psaki", "We will talk"),
      ("direct", "Ned Price", "It is clear")]),
    # an unattributed quotation right after a quoted speaker continues them
    (['"We are ready," Price said. "We have always been ready to talk."'], [PRICE],
     [("direct", "Ned Price", "We are ready"), ("direct", "Ned Price", "We have always been ready to talk")]),
    # scare quotes are not quotations
    (['NATO\'s "open door" policy is not up for discussion.'], [], []),
    (['The so-called “special operation” continues.'], [], []),
])
def test_quotes_english(paragraphs, people, expected, role_words):
    assert quotes_of(paragraphs, people, "en", role_words) == expected


@pytest.mark.parametrize("paragraphs, people, expected", [
    (['"Мы готовы", - сказала Захарова.'], [ZAKHAROVA],
     [("direct", "Мария Захарова", "Мы готовы")]),
    (['«Мы готовы к диалогу», — добавила Захарова на брифинге.'], [ZAKHAROVA],
     [("direct", "Мария Захарова", "Мы готовы к диалогу")]),
    (['Захарова заявила: «Мы готовы к диалогу».'], [ZAKHAROVA],
     [("direct", "Мария Захарова", "Мы готовы к диалогу")]),
    (['Захарова заявила, что Москва готова к диалогу.'], [ZAKHAROVA],
     [("indirect", "Мария Захарова", "Москва готова к диалогу")]),
    (['Москва готова к диалогу, заявила официальный представитель МИД РФ Мария Захарова.'],
     [ZAKHAROVA, MFA],
     [("indirect", "Мария Захарова", "Москва готова к диалогу")]),
    (['По словам Лаврова, Москва готова к диалогу.'], [LAVROV],
     [("indirect", "Сергей Лавров", "Москва готова к диалогу")]),
    (['Как сообщил Песков, переговоры продолжатся.'], [PESKOV],
     [("indirect", "Дмитрий Песков", "переговоры продолжатся")]),
    (['В МИД РФ ранее заявили, что Москва настаивает на гарантиях.'], [MFA],
     [("indirect", "МИД России", "Москва настаивает на гарантиях")]),
    (['По заявлению МИД, это может привести к конфронтации.'], [MFA],
     [("indirect", "МИД России", "это может привести к конфронтации")]),
    (['По итогам Белый дом сообщил, что переговоры прошли успешно.'], [WHITE_HOUSE],
     [("indirect", "Белый дом", "переговоры прошли успешно")]),
    (['Переговоры продолжатся в понедельник. Об этом заявил Дмитрий Песков.'], [PESKOV],
     [("indirect", "Дмитрий Песков", "Переговоры продолжатся в понедельник")]),
    (['"Мы готовы", - сказал Песков.', 'По его словам, переговоры продолжатся.'], [PESKOV],
     [("direct", "Дмитрий Песков", "Мы готовы"), ("indirect", "Дмитрий Песков", "переговоры продолжатся")]),
    # content ends where the next attribution starts
    (['Песков отметил, что НАТО наращивает силы, Лавров сказал Блинкену, что "красные линии" - это НАТО.'],
     [PESKOV, ("Сергей Лавров", "PER", ["Лавров"], None)],
     [("indirect", "Дмитрий Песков", "НАТО наращивает силы"),
      ("indirect", "Сергей Лавров", '"красные линии" - это НАТО')]),
    (['В США российский «Адмирал Кузнецов» назвали грудой обломков.'], [], []),
])
def test_quotes_russian(paragraphs, people, expected, role_words):
    assert quotes_of(paragraphs, people, "ru", role_words) == expected


def test_quotes_pronoun_and_description_become_mentions(role_words):
    paragraphs = ['"We are ready," Price said.', 'He added that talks go on.',
                  '"It is clear," the representative of the State Department stressed.']
    readings = [Reading(text) for text in paragraphs]
    entities = entities_in(paragraphs, [PRICE, STATE_DEPARTMENT])
    _, references = find_quotes(readings, entities, {}, "en", role_words)
    assert [(id, m.text) for id, m in references] == [
        ("PER:Ned Price", "He"), ("PER:Ned Price", "the representative of the State Department")]


@pytest.mark.parametrize("text, expected", [
    ("I think (to the proposals on security - IF) it is clear", ("(to the proposals on security - IF)",)),
    ("Мы готовы (к переговорам. - ред.) всегда", ("(к переговорам. - ред.)",)),
    ("We are ready [to talk] now", ("[to talk]",)),
    ("We are ready (and willing) now", ()),  # the speaker's own parentheses
])
def test_quotes_editorial_insertions(text, expected):
    assert insertions(text) == expected


def test_quotes_offsets_point_into_the_paragraph():
    text = 'Earlier, "We are ready (for talks - IF)," Psaki said.'
    (claim,) = paragraph_claims(0, text, "en")
    assert text[claim.start:claim.end] == "We are ready (for talks - IF)"


@pytest.mark.parametrize("text, passages", [
    ('He said "yes" and "no".', ['"yes"', '"no"']),
    ("«Он сказал „да“ и ушёл», — сообщил он.", ["«Он сказал „да“ и ушёл»"]),
    ("“Straight” and „German“", ["“Straight”", "„German“"]),
    ('An open "quote that never closes.', []),
    ('5" screen and 7" screen', []),
])
def test_quotes_quotation_marks_pair(text, passages):
    assert [text[q.start:q.end] for q in quoted_passages(text)] == passages


@pytest.mark.parametrize("text, count", [
    ('"We are ready. We always were," he said. Then he left.', 2),
    ("U.S. President Joe Biden spoke. Mr. Price agreed.", 2),
    ("Washington. 1st of February. INTERFAX - The reaction came.", 3),
    ("МОСКВА, 15 дек - РИА Новости. РФ передала США предложения.", 2),
])
def test_quotes_sentences_do_not_end_inside_quotes_or_abbreviations(text, count):
    assert len(sentences(text, quoted_passages(text))) == count
