"""English attributions read from a dependency parse, on parses built by hand (no models):
the words carry the labels and heads spaCy's English parser gives such sentences."""

import re

import pytest

from storyline.records import Entity, Mention
from storyline.understand.quotes import find_attributions, is_attribution_verb, paragraph_claims, sentences_to_parse
from storyline.understand.readings import Reading, Word


def parsed_reading(text: str, parse: list[tuple[str, str, str, int | None]]) -> Reading:
    """(word, pos, dep, head index) per word, in order; offsets found in `text`."""
    words, at = [], 0
    for word, pos, dep, head in parse:
        start = text.index(word, at)
        at = start + len(word)
        words.append(Word(start, at, word, pos=pos, dep=dep, head=head))
    return Reading(text, tuple(words))


def person(name: str, text: str) -> Entity:
    mentions = tuple(Mention(0, m.start(), m.end(), name) for m in re.finditer(name, text))
    return Entity(id=f"PER:{name}", name=name, type="PER", mentions=mentions)


CHIDED = "Trump chided the voters who stayed home."
CHIDED_PARSE = [("Trump", "PROPN", "nsubj", 1), ("chided", "VERB", "ROOT", None),
                ("the", "DET", "det", 3), ("voters", "NOUN", "dobj", 1), ("who", "PRON", "nsubj", 5),
                ("stayed", "VERB", "relcl", 3), ("home", "ADV", "advmod", 5), (".", "PUNCT", "punct", 1)]


def test_quotes_parsed_object_is_content_subject_is_source():
    reading = parsed_reading(CHIDED, CHIDED_PARSE)
    found, _ = find_attributions([reading], [person("Trump", CHIDED)], {}, "en", {})
    [attribution] = found
    assert attribution.cue.text == "chided"
    assert attribution.source.text == "Trump"
    assert attribution.quote.text == "the voters who stayed home"
    assert attribution.quote.speaker == "Trump"


def test_quotes_parsed_needs_a_parse():
    found, _ = find_attributions([Reading(CHIDED)], [person("Trump", CHIDED)], {}, "en", {})
    assert found == []


def test_quotes_parsed_coordinated_verb_shares_the_subject_and_a_clause_is_content():
    text = "Trump stood up and bemoaned that the election was rigged."
    parse = [("Trump", "PROPN", "nsubj", 1), ("stood", "VERB", "ROOT", None), ("up", "ADP", "prt", 1),
             ("and", "CCONJ", "cc", 1), ("bemoaned", "VERB", "conj", 1), ("that", "SCONJ", "mark", 9),
             ("the", "DET", "det", 7), ("election", "NOUN", "nsubjpass", 9), ("was", "AUX", "auxpass", 9),
             ("rigged", "VERB", "ccomp", 4), (".", "PUNCT", "punct", 1)]
    found, _ = find_attributions([parsed_reading(text, parse)], [person("Trump", text)], {}, "en", {})
    [attribution] = found
    assert (attribution.source.text, attribution.cue.text, attribution.quote.text) == (
        "Trump", "bemoaned", "that the election was rigged")


def test_quotes_parsed_verb_outside_the_lexicon_is_no_cue():
    text = "Trump figures the election is rigged."
    parse = [("Trump", "PROPN", "nsubj", 1), ("figures", "VERB", "ROOT", None), ("the", "DET", "det", 3),
             ("election", "NOUN", "nsubjpass", 5), ("is", "AUX", "auxpass", 5), ("rigged", "VERB", "ccomp", 1),
             (".", "PUNCT", "punct", 1)]
    found, _ = find_attributions([parsed_reading(text, parse)], [person("Trump", text)], {}, "en", {})
    assert found == []


def test_quotes_parsed_stance_is_no_quotation():
    """A verb of attribution that is no verb of saying ('chided') is an attribution, not a quotation."""
    found, _ = find_attributions([parsed_reading(CHIDED, CHIDED_PARSE)], [person("Trump", CHIDED)], {}, "en", {})
    assert [a.statement for a in found] == [False]


@pytest.mark.parametrize("form, attributes", [
    ("praised", True), ("praises", True), ("praising", True), ("criticized", True), ("admitted", True),
    ("said", True), ("told", True), ("figured", False), ("walked", False),
])
def test_quotes_parsed_verb_forms_find_their_lemma(form, attributes):
    assert is_attribution_verb(form) is attributes


def test_quotes_parsed_sentences_to_parse_are_those_that_may_attribute():
    """Sentences with a verb of attribution that the patterns did not take as a cue: the
    patterns read 'said …' themselves."""
    text = "The rally began at noon. Trump said the crowd was huge. Cruz chided him."
    picked = [text[start:end] for start, end in sentences_to_parse(text)]
    assert picked == ["Cruz chided him."]


def test_quotes_parsed_sentence_with_a_stance_is_parsed_for_its_source():
    """'endorsed' is a stance the patterns read, but its subject is better read from a parse."""
    text = "Trump said the crowd was huge. The mayor of the town endorsed him."
    picked = [text[start:end] for start, end in sentences_to_parse(text)]
    assert picked == ["The mayor of the town endorsed him."]


@pytest.mark.slow
def test_quotes_parsed_english_reader_parses_only_sentences_that_may_attribute():
    from storyline.understand.english import load_english_reader

    [reading] = load_english_reader(sentences_to_parse)(["The rally began at noon. Trump chided the crowd."])
    parsed = {word.text: word for word in reading.words if word.dep}
    assert list(parsed) == ["Trump", "chided", "the", "crowd", "."]
    assert parsed["chided"].pos == "VERB" and parsed["chided"].head is None
    assert parsed["Trump"].dep == "nsubj" and reading.words[parsed["Trump"].head].text == "chided"
    assert parsed["crowd"].dep == "dobj"


def test_quotes_parsed_cue_found_by_the_patterns_takes_its_parsed_subject():
    text = "Ned Price, the spokesman, said talks would go on."
    parse = [("Ned", "PROPN", "compound", 1), ("Price", "PROPN", "nsubj", 5), (",", "PUNCT", "punct", 1),
             ("the", "DET", "det", 4), ("spokesman", "NOUN", "appos", 1), ("said", "VERB", "ROOT", None),
             ("talks", "NOUN", "nsubj", 8), ("would", "AUX", "aux", 8), ("go", "VERB", "ccomp", 5),
             ("on", "ADP", "prt", 8), (".", "PUNCT", "punct", 5)]
    reading = parsed_reading(text, parse)
    [claim] = paragraph_claims(0, text, "en", reading.words)
    assert claim.cue == "said"
    assert text[slice(*claim.parsed_source)] == "Ned Price, the spokesman"
    found, _ = find_attributions([reading], [person("Price", text)], {}, "en", {})
    assert [(a.source.text, a.quote.text) for a in found] == [("Ned Price, the spokesman", "talks would go on")]


def test_quotes_parsed_verb_governing_a_noun_of_stance_keeps_it_in_its_content():
    text = "The mayor downplayed concerns that the levy would fail."
    parse = [("The", "DET", "det", 1), ("mayor", "NOUN", "nsubj", 2), ("downplayed", "VERB", "ROOT", None),
             ("concerns", "NOUN", "dobj", 2), ("that", "SCONJ", "mark", 8), ("the", "DET", "det", 6),
             ("levy", "NOUN", "nsubj", 8), ("would", "AUX", "aux", 8), ("fail", "VERB", "acl", 3),
             (".", "PUNCT", "punct", 2)]
    found, _ = find_attributions([parsed_reading(text, parse)], [], {}, "en", {})
    assert [(a.cue.text, a.source.text, a.quote.text) for a in found] == [
        ("downplayed", "The mayor", "concerns that the levy would fail")]


def test_quotes_parsed_passive_subject_is_content_agent_is_source():
    text = "The delay was downplayed by the mayor."
    parse = [("The", "DET", "det", 1), ("delay", "NOUN", "nsubjpass", 3), ("was", "AUX", "auxpass", 3),
             ("downplayed", "VERB", "ROOT", None), ("by", "ADP", "agent", 3), ("the", "DET", "det", 6),
             ("mayor", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 3)]
    found, _ = find_attributions([parsed_reading(text, parse)], [], {}, "en", {})
    assert [(a.cue.text, a.source.text, a.quote.text) for a in found] == [("downplayed", "the mayor", "The delay")]


def test_quotes_parsed_passive_subject_of_a_question_is_who_was_asked():
    text = "Reyes was asked by reporters about the budget."
    parse = [("Reyes", "PROPN", "nsubjpass", 2), ("was", "AUX", "auxpass", 2), ("asked", "VERB", "ROOT", None),
             ("by", "ADP", "agent", 2), ("reporters", "NOUN", "pobj", 3), ("about", "ADP", "prep", 2),
             ("the", "DET", "det", 7), ("budget", "NOUN", "pobj", 5), (".", "PUNCT", "punct", 2)]
    found, _ = find_attributions([parsed_reading(text, parse)], [person("Reyes", text)], {}, "en", {})
    assert "Reyes" not in [a.quote.text for a in found]
    assert [(a.source and a.source.text, a.quote.text) for a in found] == [("reporters", "about the budget")]
