"""Quotations and their speakers, on documents built by hand (no models).

Entities are given as if a reader had found them, so these tests pin the
patterns and the speaker resolution alone.
"""

import re

import pytest

from storyline.records import Article, Entity, Mention, Quote
from storyline.understand.quotes import (SPEECH_VERBS, expand, find_attributions, find_quotes, insertions,
                                         load_speech_verbs, paragraph_claims)
from storyline.understand.readings import Reading
from storyline.understand.roles import load_role_words
from storyline.understand.sentences import quoted_passages, sentences
from storyline.understand.statements import group_statements, normalised_words


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
TRUMP = ("Donald Trump", "PER", ["Donald Trump", "Trump"], None)
CLINTON = ("Hillary Clinton", "PER", ["Hillary Clinton", "Clinton"], None)
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
    # reported speech without 'that', and sources the document does not name
    (['Smith said the talks would resume next week.'], [SMITH],
     [("indirect", "John Smith", "the talks would resume next week")]),
    (['Officials said the talks would resume next week.'], [],
     [("indirect", None, "the talks would resume next week")]),
    (['The talks will resume next week, a senior State Department official said.'], [],
     [("indirect", None, "The talks will resume next week")]),
    (['The talks will resume next week, said John Smith, the envoy to the region.'], [SMITH],
     [("indirect", "John Smith", "The talks will resume next week")]),
    (['Smith told reporters he expected a deal.'], [SMITH], [("indirect", "John Smith", "he expected a deal")]),
    (['Over the years, Smith said, the talks have stalled many times.'], [SMITH],
     [("indirect", "John Smith", "the talks have stalled many times")]),
    # the subject of the sentence speaks in a gerund; after an attribution, its speaker does
    (['Trump attacked Clinton on Tuesday, saying she was unfit to serve.'], [TRUMP, CLINTON],
     [("indirect", "Donald Trump", "she was unfit to serve")]),
    (['"We are ready," Smith said, adding that talks would go on.'], [SMITH],
     [("direct", "John Smith", "We are ready"), ("indirect", "John Smith", "talks would go on")]),
    (['"We are not ready," Smith, a veteran diplomat, said.'], [SMITH], [("direct", "John Smith", "We are not ready")]),
    # findings, demands, accusations, questions
    (['A Quinnipiac poll found that 74 percent of voters want the returns released.'], [],
     [("indirect", None, "74 percent of voters want the returns released")]),
    (['Smith accused the rebels of breaking the ceasefire.'], [SMITH],
     [("indirect", "John Smith", "the rebels of breaking the ceasefire")]),
    (['Smith called for a ceasefire in the region.'], [SMITH], [("indirect", "John Smith", "a ceasefire in the region")]),
    (['Smith asked whether the talks would resume.'], [SMITH],
     [("indirect", "John Smith", "whether the talks would resume")]),
    # a wire headline
    (['Smith: We will not accept these terms'], [SMITH], [("indirect", "John Smith", "We will not accept these terms")]),
    # two apostrophes for a quotation mark (archive and wire copy)
    (["''We are not ready yet,'' said Smith."], [SMITH], [("direct", "John Smith", "We are not ready yet")]),
    # a quotation over two paragraphs, attributed where it closes; one announced with a colon
    (['"We are ready to talk about everything.', '"But not on any terms," Smith said.'], [SMITH],
     [("direct", "John Smith", "We are ready to talk about everything"), ("direct", "John Smith", "But not on any terms")]),
    (['Smith concluded:', '"There is no other way forward for both sides now."'], [SMITH],
     [("direct", "John Smith", "There is no other way forward for both sides now")]),
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
    # dialogue after a dash, quotations over two paragraphs
    (['— Мы готовы к диалогу, — сказал Песков. — Но не на любых условиях.'], [PESKOV],
     [("direct", "Дмитрий Песков", "Мы готовы к диалогу"), ("direct", "Дмитрий Песков", "Но не на любых условиях")]),
    (['«Мы готовы продолжать переговоры в любом формате.', '«Но только на равных условиях», — подчеркнул Песков.'],
     [PESKOV], [("direct", "Дмитрий Песков", "Мы готовы продолжать переговоры в любом формате"),
                ("direct", "Дмитрий Песков", "Но только на равных условиях")]),
    # more reported speech
    (['По мнению Пескова, переговоры продолжатся.'], [("Дмитрий Песков", "PER", ["Пескова"], None)],
     [("indirect", "Дмитрий Песков", "переговоры продолжатся")]),
    (['По данным источника, переговоры продолжатся.'], [], [("indirect", None, "переговоры продолжатся")]),
    (['Песков заявил о готовности к диалогу с Киевом.'], [PESKOV],
     [("indirect", "Дмитрий Песков", "о готовности к диалогу с Киевом")]),
    (['Переговоры продолжатся в понедельник, о чем заявил Дмитрий Песков.'], [PESKOV],
     [("indirect", "Дмитрий Песков", "Переговоры продолжатся в понедельник")]),
    (['Песков сказал журналистам, что переговоры продолжатся, добавив, что Москва готова.'], [PESKOV],
     [("indirect", "Дмитрий Песков", "переговоры продолжатся"), ("indirect", "Дмитрий Песков", "Москва готова")]),
    (['Эксперты считают, что переговоры продолжатся.'], [], [("indirect", None, "переговоры продолжатся")]),
    (['Песков: Москва готова к диалогу'], [PESKOV], [("indirect", "Дмитрий Песков", "Москва готова к диалогу")]),
])
def test_quotes_russian(paragraphs, people, expected, role_words):
    assert quotes_of(paragraphs, people, "ru", role_words) == expected


@pytest.mark.parametrize("paragraphs, people", [
    # not reported speech: passives, actions, relative clauses, nouns that look like cues, titles
    (['Smith was declared the winner of the vote.'], [SMITH]),
    (['Smith stressed his experience as a diplomat.'], [SMITH]),
    (['Smith said in a documentary that showed the plane.'], [SMITH]),
    (['Voters in swing states want change.'], []),
    (['After Smith testified, the committee adjourned for the day.'], [SMITH]),
    (['That said, the talks will resume next week.'], []),
    (['The book "The Art of the Deal" was a bestseller for many years.'], []),
    (['A group called Citizens for Trump held a rally.'], [TRUMP]),
    (['Photo: Reuters'], [REUTERS]),  # a headline's speaker must be a name the reader found
    (['UN Secretary-General Antonio Guterres urged restraint.'], []),
])
def test_quotes_none_where_nothing_is_reported(paragraphs, people, role_words):
    assert quotes_of(paragraphs, people, "en", role_words) == []


@pytest.mark.parametrize("language, paragraphs, people, sources", [
    ("en", ['Sandra Inman, a Cruz supporter from Jackson, said she could not support Trump.'], [],
     [("Sandra Inman, a Cruz supporter from Jackson", "said")]),
    ("en", ['Mr. Smith, however, said the plan was dead.'], [SMITH], [("Mr. Smith", "said")]),
    ("en", ['Mr. Smith, who led the talks, said the plan was dead.'], [SMITH], [("Mr. Smith", "said")]),
    ("en", ['"Talks will resume," said John Smith, the envoy to the region, adding that he was hopeful.'], [SMITH],
     [("John Smith, the envoy to the region", "said"), ("John Smith, the envoy to the region", "adding")]),
    ("en", ['According to a Quinnipiac poll, 74 percent of voters want the returns released.'], [],
     [("a Quinnipiac poll", "According to")]),
    ("en", ['"We are ready," Smith said. "We always were ready to talk."'], [SMITH], [("Smith", "said"), (None, None)]),
    ("ru", ['Как сообщил Песков, переговоры продолжатся.'], [PESKOV], [("Песков", "сообщил")]),
])
def test_quotes_source_and_cue_words(language, paragraphs, people, sources, role_words):
    readings = [Reading(text) for text in paragraphs]
    found, _ = find_attributions(readings, entities_in(paragraphs, people), {}, language, role_words)
    assert [(a.source and a.source.text, a.cue and a.cue.text) for a in found] == sources
    for a in found:
        for mention in (a.source, a.cue):
            assert mention is None or paragraphs[mention.paragraph][mention.start:mention.end] == mention.text


@pytest.mark.parametrize("paragraphs, people, expected", [
    # beliefs, intentions, support and evidence: the subject holds the rest of the clause
    (['Trump wants to build a wall.'], [TRUMP], [("Trump", "wants", "to build a wall", "Donald Trump")]),
    (['Smith endorsed Clinton on Tuesday.'], [SMITH, CLINTON], [("Smith", "endorsed", "Clinton on Tuesday", "John Smith")]),
    (['Trump is worried about the polls.'], [TRUMP], [("Trump", "worried about", "the polls", "Donald Trump")]),
    (['Smith has long opposed the deal.'], [SMITH], [("Smith", "opposed", "the deal", "John Smith")]),
    # a cue of saying with a noun phrase after it
    (['Smith denied the charges.'], [SMITH], [("Smith", "denied", "the charges", "John Smith")]),
    # the agent of a passive, a relative pronoun, a gerund after a comma, no source at all
    (['Clinton was endorsed by Smith.'], [SMITH, CLINTON], [("Smith", "endorsed", "Clinton", "John Smith")]),
    (['Smith, who had championed the deal, lost.'], [SMITH], [("who", "championed", "the deal, lost", None)]),
    (['Trump attacked the plan, citing its cost.'], [TRUMP], [("Trump", "attacked", "the plan", "Donald Trump"),
                                                              ("Trump", "citing", "its cost", "Donald Trump")]),
    (['The talks seemed to stall.'], [], [(None, "seemed", "to stall", None)]),
    # findings opening a sentence and a headline whose source is no name
    (['In a CNN poll released Monday, Clinton led by five points.'], [CLINTON],
     [("a CNN poll released", "In", "Clinton led by five points", None)]),
    (['Poll: Sanders leads in Iowa'], [], [("Poll", ":", "Sanders leads in Iowa", None)]),
    # a noun of stance: its possessor holds it
    (["Trump's attacks on the press went on."], [TRUMP], [("Trump", "attacks on", "the press went on", "Donald Trump")]),
    # not stances: a participle before its noun, and a stance inside a statement, which is part of it
    (['The endorsed candidate lost the vote.'], [], []),
    (['Smith said he was convinced that the deal would fail.'], [SMITH], []),
])
def test_quotes_stances_are_attributions_not_quotations(paragraphs, people, expected, role_words):
    readings = [Reading(text) for text in paragraphs]
    entities = entities_in(paragraphs, people)
    found, _ = find_attributions(readings, entities, {}, "en", role_words)
    stances = [a for a in found if not a.statement]
    assert [(a.source and a.source.text, a.cue.text, a.quote.text, a.quote.speaker) for a in stances] == expected
    quotes, _ = find_quotes(readings, entities, {}, "en", role_words)
    assert len(quotes) == len(found) - len(stances)


def test_quotes_continuations_are_marked(role_words):
    paragraphs = ['"We are ready to talk about everything.', '"But not on any terms," Smith said. "Never."',
                  'Smith left the room.', '"Nothing more to add here today," he told reporters.']
    found, _ = find_attributions([Reading(t) for t in paragraphs], entities_in(paragraphs, [SMITH]), {}, "en",
                                 role_words)
    assert [(a.quote.text, a.continues) for a in found] == [
        ("We are ready to talk about everything", False), ("But not on any terms", True),
        ("Nothing more to add here today", False)]


def test_quotes_continuation_after_what_its_speaker_went_on_to_say(role_words):
    paragraphs = ['"The roads are a mess," Smith said, noting that repairs were late. '
                  '"We will fix every one of them this year."']
    found, _ = find_attributions([Reading(t) for t in paragraphs], entities_in(paragraphs, [SMITH]), {}, "en",
                                 role_words)
    assert [(a.quote.text, a.continues, a.quote.speaker) for a in found] == [
        ("The roads are a mess", False, "John Smith"), ("repairs were late", False, "John Smith"),
        ("We will fix every one of them this year", True, "John Smith")]


def test_quotes_quotation_after_reported_words_continues_their_speaker(role_words):
    paragraphs = ['Smith said the ferry would run all winter. "We have the crew and the fuel for it."']
    found, _ = find_attributions([Reading(t) for t in paragraphs], entities_in(paragraphs, [SMITH]), {}, "en",
                                 role_words)
    assert [(a.quote.text, a.continues, a.quote.speaker) for a in found] == [
        ("the ferry would run all winter", False, "John Smith"),
        ("We have the crew and the fuel for it", True, "John Smith")]


@pytest.mark.parametrize("headline, expected", [
    # a speaker the reader did not find in the headline, named in full further on
    ("Harlow: The bridge must stay open.", [("Harlow", "The bridge must stay open", "Dana Harlow")]),
    ("Photo: The bridge must stay open.", []),
])
def test_quotes_headline_speaker_named_later_in_the_article(headline, expected, role_words):
    paragraphs = [headline, "Dana Harlow, the county engineer, spoke at the hearing."]
    people = [("Dana Harlow", "PER", ["Dana Harlow"], None)]
    found, _ = find_attributions([Reading(t) for t in paragraphs], entities_in(paragraphs, people), {}, "en",
                                 role_words)
    assert [(a.source and a.source.text, a.quote.text, a.quote.speaker) for a in found] == expected


def test_quotes_speech_verbs_load_every_class():
    verbs = load_speech_verbs()
    assert {"speech", "telling", "belief", "gerund", "about", "stance", "state", "nominal", "raising",
            "clause"} <= {
        k for forms in verbs.values()
                                                                 for kinds in forms.values() for k in kinds}
    assert verbs == SPEECH_VERBS and {"en", "ru"} <= set(verbs)
    assert {"said", "according to"} - set(verbs["en"]) == {"according to"}  # a pattern of its own
    assert expand("заявил*") == ["заявил", "заявила", "заявило", "заявили"]
    assert expand("выразил* надежду")[1] == "выразила надежду"


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
    ("''We're anxious,'' said a Twitter user.", ["''We're anxious,''"]),
    ('"We go on and on', ['"We go on and on']),  # runs on into the next paragraph
    ('He said. "And then', ['"And then']),
    ('He said "yes and', []),  # opened inside a sentence: an unbalanced mark, not a quotation
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
    ("He is the editor of Mic.com. He said so.", 2),
    ("''We are ready.'' Then he left.", 2),
])
def test_quotes_sentences_do_not_end_inside_quotes_or_abbreviations(text, count):
    assert len(sentences(text, quoted_passages(text))) == count


# --- one statement, many reports -------------------------------------------------------

def article(id, language, *quotes):
    return Article(id=id, source=id, language=language, quotes=tuple(
        Quote(speaker=speaker, speaker_id=speaker and f"PER:{speaker}", kind="direct", text=text, cue="said",
              paragraph=0, start=0, end=len(text)) for speaker, text in quotes))


PSAKI_SAID = "We are ready (for further contacts - IF). The door of diplomacy remains open"


@pytest.mark.parametrize("articles, groups", [
    # the same words with other punctuation, case, quotation marks and an editor's note
    ([article("a", "en", ("Psaki", PSAKI_SAID)),
      article("b", "en", ("Psaki", "We are ready. The door of diplomacy remains open!")),
      article("c", "en", ("Psaki", "«we are ready — the door of diplomacy remains open»"))],
     [["a", "b", "c"]]),
    # a quotation cut short by one report is the same statement
    ([article("a", "en", ("Price", "There are areas where we will state our security concerns, Russia will state "
                                   "what concerns it, and we will see if there is an opportunity to resolve this")),
      article("b", "en", ("Price", "There are areas where we will state our security concerns"))],
     [["a", "b"]]),
    # an unknown speaker does not disagree; a different one does
    ([article("a", "en", ("Price", "The door of diplomacy remains open to Moscow today")),
      article("b", "en", (None, "The door of diplomacy remains open to Moscow today")),
      article("c", "en", ("Psaki", "The door of diplomacy remains open to Moscow today"))],
     [["a", "b"], ["c"]]),
    # another language is another report: without vectors, a translation is not matched
    ([article("a", "en", ("Psaki", "We are ready for further contacts with Moscow")),
      article("b", "ru", ("Psaki", "We are ready for further contacts with Moscow"))],
     [["a"], ["b"]]),
    # short quotations need the same words and the same named speaker
    ([article("a", "en", ("Price", "We are ready")), article("b", "en", ("Price", "we are ready.")),
      article("c", "en", (None, "We are ready")), article("d", "en", ("Price", "We are not ready"))],
     [["a", "b"], ["c"], ["d"]]),
    # two answers of one speaker that share a clause stay apart
    ([article("a", "en", ("Price", "If we want this, we need intensive, constructive, serious, sustainable "
                                   "diplomacy. We are ready for this")),
      article("b", "en", ("Price", "We are ready for this, and we have said so to our allies many times"))],
     [["a"], ["b"]]),
])
def test_statements_group_reports_of_one_statement(articles, groups):
    statements = group_statements(articles)
    assert sorted(sorted(id for id, _ in s.reports) for s in statements) == sorted(groups)


def test_statements_keep_the_longest_text_and_the_named_speaker():
    (statement,) = group_statements([article("a", "en", (None, PSAKI_SAID + " to everyone")),
                                     article("b", "en", ("Psaki", PSAKI_SAID))])
    assert statement.text == PSAKI_SAID + " to everyone"
    assert (statement.speaker, statement.speaker_id, statement.language) == ("Psaki", "PER:Psaki", "en")


def test_statements_normalise_words():
    assert normalised_words("«Ещё (к переговорам. - ред.) ГОТОВЫ!»") == ("еще", "готовы")
    assert group_statements([]) == []
