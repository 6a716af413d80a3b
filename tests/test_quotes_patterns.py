"""English attribution patterns: the cue, content and source words found in a
paragraph, on sentences written for these tests (no models)."""

import pytest

from storyline.understand.quotes import find_attributions, pattern_claims, quotations
from storyline.understand.readings import Reading
from storyline.understand.roles import load_role_words


def claims_of(text):
    return [(c.kind, c.cue, text[c.start:c.end], c.statement) for c in pattern_claims(text, "en")]


def sources_of(paragraphs):
    """(cue, source words, content) of each attribution, with no entities known."""
    readings = [Reading(text) for text in paragraphs]
    found, _ = find_attributions(readings, [], {}, "en", load_role_words())
    return [(a.cue and a.cue.text, a.source and a.source.text, a.quote.text) for a in found]


@pytest.mark.parametrize("text, expected", [
    # a speaker with an appositive before the quotation
    ('Maria Lopez, the mayor of Riverton, said, "We will rebuild the bridge by spring."',
     [("direct", "said", "We will rebuild the bridge by spring", True)]),
    # a second cue coordinated with the first: both are the subject's
    ('The mayor said the budget was tight but added, "We will find the money somewhere."',
     [("indirect", "said", "the budget was tight", True),
      ("direct", "added", "We will find the money somewhere", True)]),
    # a time after the cue is no clause of its own
    ('"The vote is set for Friday," the clerk said this morning.',
     [("direct", "said", "The vote is set for Friday", True)]),
    ('The clerk said last night the vote would go ahead.',
     [("indirect", "said", "the vote would go ahead", True)]),
    # a question attributes its quotation as a saying does
    ('"Who pays for the repairs?" the councillor asked.',
     [("direct", "asked", "Who pays for the repairs?", True)]),
])
def test_quotes_patterns_direct_and_indirect(text, expected):
    assert claims_of(text) == expected


def test_quotes_patterns_gerund_after_a_dash():
    text = "The senator rejected the audit — saying the figures were invented by her rivals."
    claims = claims_of(text)
    assert ("indirect", "saying", "the figures were invented by her rivals", True) in claims


@pytest.mark.parametrize("text", [
    "Voters in towns like Millbrook and Ashford turned out early.",
    "Rivals like the governor have stayed silent.",
])
def test_quotes_patterns_like_after_a_noun_is_a_preposition(text):
    assert not [c for c in claims_of(text) if c[1] == "like"]


def test_quotes_patterns_like_after_a_pronoun_is_a_stance():
    assert ("indirect", "like", "the new schedule", False) in claims_of("They like the new schedule.")


def test_quotes_patterns_so_called_is_no_cue():
    assert not [c for c in claims_of("The so-called reform package passed on Monday.") if c[1] == "called"]


@pytest.mark.parametrize("text, expected", [
    ("Harbor Town Mayor Says Ferry Service Will Resume Next Month",
     [("indirect", "Says", "Ferry Service Will Resume Next Month", True)]),
    ("Veterans Group Endorses Senator Alvarez for Second Term",
     [("indirect", "Endorses", "Senator Alvarez for Second Term", False)]),
    ("Five Places to Visit This Summer", []),
])
def test_quotes_patterns_title_case_headline(text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize("text, content", [
    ('"We are not done yet,” the coach said after the game.', "We are not done yet"),
    ('“Not this year,“ the coach said.', "Not this year"),
])
def test_quotes_patterns_mixed_quotation_marks(text, content):
    assert claims_of(text)[0][:3] == ("direct", "said", content)


def test_quotes_patterns_quotation_marks_that_pair_keep_their_pairing():
    text = '“The plan, which he called "bold," failed,” she said.'
    assert [(q.start, q.end) for q in quotations(text)] == [(0, len(text) - len(" she said."))]


def test_quotes_patterns_appositive_speaker_is_the_source():
    found = sources_of(['Maria Lopez, the mayor of Riverton, said, "We will rebuild the bridge by spring."'])
    assert found == [("said", "Maria Lopez, the mayor of Riverton", "We will rebuild the bridge by spring")]


@pytest.mark.parametrize("text, expected", [
    ("The mayor leads her rival by six points in a new county poll, up from two in May.",
     [("indirect", "in", "The mayor leads her rival by six points", False)]),
    # the polls at large are no one's finding
    ("The mayor is ahead in the polls.", []),
    ("The company is reportedly weighing a sale of its shipping unit.",
     [("indirect", "reportedly", "The company is reportedly weighing a sale of its shipping unit", False)]),
    ("Reportedly, the talks broke down over the harbour fees.",
     [("indirect", "Reportedly", "the talks broke down over the harbour fees", False)]),
])
def test_quotes_patterns_attribution_after_its_content(text, expected):
    assert claims_of(text) == expected


def test_quotes_patterns_lead_before_a_dash():
    text = "The ferry will resume in May, the harbour master said on Monday — a month later than planned."
    assert claims_of(text) == [("indirect", "said", "The ferry will resume in May", True)]


def test_quotes_patterns_headline_with_a_cue_in_its_content():
    text = "Alvarez: Voters think the ferry plan costs too much"
    claims = claims_of(text)
    assert ("indirect", ":", "Voters think the ferry plan costs too much", True) in claims


@pytest.mark.parametrize("paragraph, expected", [
    # a gerund before a quotation speaks for the sentence's subject, or for the speaker named before it
    ('The senator defended the plan, saying, "It will pay for itself within a decade."',
     [("defended", "The senator", "the plan"), ("saying", "The senator", "It will pay for itself within a decade")]),
    ('"We are ready," the envoy said, adding, "But not on any terms."',
     [("said", "the envoy", "We are ready"), ("adding", "the envoy", "But not on any terms")]),
    ('The envoy said the talks were slow but added, "We are not leaving."',
     [("said", "The envoy", "the talks were slow"), ("added", "The envoy", "We are not leaving")]),
    # 'As X reported, …'
    ("As the local paper reported, the council voted to close the library.",
     [("reported", "the local paper", "the council voted to close the library")]),
])
def test_quotes_patterns_speaker_named_earlier_in_the_sentence(paragraph, expected):
    assert sources_of([paragraph]) == expected


def test_quotes_patterns_relative_clause_in_a_subject_is_no_lead():
    text = ("Ana Ruiz, the councillor who chairs the budget committee, which meets on Mondays, "
            "said the library would close.")
    assert not [c for c in claims_of(text) if c[2].startswith("Ana Ruiz")]


def test_quotes_patterns_speaker_with_a_relative_clause_after_a_quotation():
    text = '"We want answers," said a council member who backs the plan, asking not to be named.'
    assert claims_of(text)[0] == ("direct", "said", "We want answers", True)


@pytest.mark.parametrize("paragraph, expected", [
    # a belief reported inside a statement is part of what was said
    ("The mayor said voters believe the ferry costs too much.",
     [("said", "The mayor", "voters believe the ferry costs too much")]),
    ("The clerk asked whether the council wanted a second vote.",
     [("asked", "The clerk", "whether the council wanted a second vote")]),
])
def test_quotes_patterns_attribution_inside_content_is_not_its_own(paragraph, expected):
    assert sources_of([paragraph]) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a sign or a message 'reads' its words after a quotation or before a colon, never a stance
    ('"Go home," read one sign.', [("read", "one sign", "Go home")]),
    ('The sign read: "Closed for repairs."', [("read", "The sign", "Closed for repairs")]),
    ("He read the statement aloud.", []),
    ("The governor made clear that the tax would stay.", [("made clear", "The governor", "the tax would stay")]),
    ("The senator filed a motion, stating that the vote was invalid.",
     [("stating", "The senator", "the vote was invalid")]),
    ("The coach knew the team was tired.", [("knew", "The coach", "the team was tired")]),
])
def test_quotes_patterns_cues_of_signs_and_positions(paragraph, expected):
    assert sources_of([paragraph]) == expected


def test_quotes_patterns_reported_content_runs_into_its_quotation():
    text = "The mayor says if elected she “will fix every road in the county.”"
    assert sources_of([text]) == [("says", "The mayor", "if elected she “will fix every road in the county")]


def test_quotes_patterns_quotation_split_around_its_cue_is_one():
    text = "“Judge,” he said, “I have never seen a case like this one in thirty years.”"
    readings = [Reading(text)]
    found, _ = find_attributions(readings, [], {}, "en", load_role_words())
    assert [(a.cue.text, a.quote.text, a.continues) for a in found] == [
        ("said", "Judge", False), ("said", "I have never seen a case like this one in thirty years", True)]


def test_quotes_patterns_coordinated_cue_ends_the_content_before_it():
    text = "The mayor said the ferry had paid its way and said that the bridge would wait."
    assert sources_of([text]) == [("said", "The mayor", "the ferry had paid its way"),
                                  ("said", "The mayor", "the bridge would wait")]


@pytest.mark.parametrize("paragraph, expected", [
    # a progressive attributes as its finite verb does, and is no passive
    ("The senator is highlighting her win in the county caucus.",
     [("highlighting", "The senator", "her win in the county caucus")]),
    ("The senator is emphasizing that she finished third.",
     [("emphasizing", "The senator", "she finished third")]),
])
def test_quotes_patterns_progressive_cue(paragraph, expected):
    assert sources_of([paragraph]) == expected


def test_quotes_patterns_addressee_after_a_quotation_is_no_content():
    text = '"We do not take orders from anyone," she told the radio station in an interview taped on Monday.'
    assert sources_of([text]) == [("told", "she", "We do not take orders from anyone")]


@pytest.mark.parametrize("paragraph, expected", [
    # a form that is as often a noun is a verb after a subject pronoun
    ("She fears the ferry will close.", [("fears", "She", "the ferry will close")]),
    # and a noun after a determiner, a preposition or a comma, or when 'that' does not follow it
    ("He toured Ohio and Iowa, states that vote in March.", []),
    ("The race moves to western states this week that the mayor hopes to win.", []),
])
def test_quotes_patterns_form_that_is_as_often_a_noun(paragraph, expected):
    assert [a for a in sources_of([paragraph]) if a[0] in ("fears", "states")] == expected


@pytest.mark.parametrize("paragraph, expected", [
    ("The statement that the port would close alarmed the crew.",
     [("statement that", None, "the port would close alarmed the crew")]),
    # a noun of stance that is the object of a cue is part of that cue's content
    ("The senator expressed doubts about the budget.",
     [("expressed", "The senator", "doubts about the budget")]),
])
def test_quotes_patterns_nouns_of_stance(paragraph, expected):
    assert sources_of([paragraph]) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # participles and passives whose source the sentence leaves unnamed
    ("The spring contests known as the Big Weekend decide the race.",
     [("known as", None, "the Big Weekend decide the race")]),
    ("The vote is not expected to take place until May.", [("not expected", None, "to take place until May")]),
    ("The driver was charged with reckless driving.", [("charged with", None, "reckless driving")]),
    ("The mayor is seen as the favourite in the race.", [("seen as", None, "the favourite in the race")]),
    # a question put to someone
    ("The senator was asked about her speeches to the bankers.",
     [("asked", None, "about her speeches to the bankers")]),
    ("Just as asked, the senator left early.", []),
])
def test_quotes_patterns_attribution_with_no_source_named(paragraph, expected):
    assert sources_of([paragraph]) == expected


def test_quotes_patterns_question_put_to_a_speaker_is_part_of_what_she_said():
    text = "The clerk said she was asked to give a talk on the budget."
    assert sources_of([text]) == [("said", "The clerk", "she was asked to give a talk on the budget")]


@pytest.mark.parametrize("paragraph, expected", [
    ("The council is looking to raise the levy.", [("looking to", "The council", "raise the levy")]),
    ("The council is considering a new levy.", [("considering", "The council", "a new levy")]),
    ("The coach is hopeful that the team will win.", [("hopeful", "The coach", "that the team will win")]),
    ("The council nominated the harbour master for the award.",
     [("nominated", "The council", "the harbour master for the award")]),
    ("The senator voted to delay the ferry contract.", [("voted to", "The senator", "delay the ferry contract")]),
])
def test_quotes_patterns_stances_of_intentions_votes_and_nominations(paragraph, expected):
    assert sources_of([paragraph]) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a gerund after a preposition speaks for the sentence's subject
    ("The mayor defended the levy by citing a poll of local owners.",
     ("citing", "The mayor", "a poll of local owners")),
    ("The mayor left the hall after saying the levy had failed.", ("saying", "The mayor", "the levy had failed")),
    ("The mayor erred in saying the levy had failed.", ("saying", "The mayor", "the levy had failed")),
])
def test_quotes_patterns_gerund_after_a_preposition(paragraph, expected):
    assert expected in sources_of([paragraph])


@pytest.mark.parametrize("paragraph, expected", [
    ("The mayor has been criticized for the state of the roads.", [("criticized", None, "The mayor")]),
    # an expletive subject stands for the clause after 'that'
    ("It was announced on Monday that the ferry would close.", [("announced", None, "the ferry would close")]),
    # with neither an agent nor words after it, a passive is an event
    ("The count stopped after the race was called.", []),
])
def test_quotes_patterns_passive_without_its_agent_names_no_source(paragraph, expected):
    assert sources_of([paragraph]) == expected


def test_quotes_patterns_state_after_a_perfect_copula():
    text = "Local owners have been critical of the harbour levy."
    assert sources_of([text]) == [("critical of", "Local owners", "the harbour levy")]


def test_quotes_patterns_according_to_after_a_colon_opens_its_clause():
    text = "It has not gone unnoticed: According to recent polls, the mayor holds only a tenth of the vote."
    assert sources_of([text]) == [("According to", "recent polls", "the mayor holds only a tenth of the vote")]


@pytest.mark.parametrize("text, expected", [
    # where and when the words were said close a lead: no object of the cue
    ("The bridge will reopen in May, the county engineer said after the inspection.",
     [("indirect", "said", "The bridge will reopen in May", True)]),
    # whom they were told, a name of several words
    ("The plant will close in March, a company spokesman told The Harbour Daily Ledger.",
     [("indirect", "told", "The plant will close in March", True)]),
    # a belief and a finding lead as a saying does
    ("The tax will fail, most economists believe.", [("indirect", "believe", "The tax will fail", True)]),
    ("Turnout fell in every ward, the survey found.", [("indirect", "found", "Turnout fell in every ward", True)]),
    # a participle closing a noun phrase is no finding
    ("The law bans PFAS, chemicals found in carpets.", []),
])
def test_quotes_patterns_lead_closing_its_sentence(text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a party and state after the name, then where it was said
    ("“We have the votes,” said Senator Ann Roe (D-Maine) in an interview.",
     [("direct", "said", "We have the votes", True)]),
    # a role in lower case before the name
    ('"The figures are wrong," columnist Dana Wu wrote in the Ledger.',
     [("direct", "wrote", "The figures are wrong", True)]),
    ("“We never saw the memo,” former treasurer Jo Park said.", [("direct", "said", "We never saw the memo", True)]),
    # after a quotation closing on a question or a comma, any verb in the past attributes it
    ("“Can the town afford it?” Councillor Reyes pressed.",
     [("direct", "pressed", "Can the town afford it?", True)]),
    # but not words quoted inside a sentence
    ("The report says the river is “badly polluted” near the mill.",
     [("indirect", "says", "the river is “badly polluted” near the mill", True)]),
    ("The “Green Deal” plan stalled.", []),
])
def test_quotes_patterns_attribution_after_a_quotation(text, expected):
    assert claims_of(text) == expected


def test_quotes_patterns_clause_closed_by_a_colon_attributes_the_quotation():
    text = 'A spokesman for the mayor could only quip: "The calendar was full that day."'
    assert sources_of([text]) == [("could only quip", "A spokesman for the mayor", "The calendar was full that day")]


def test_quotes_patterns_gerund_after_a_closing_quotation_mark():
    text = "The mayor insisted that the town had “turned the corner,” claiming that jobs were returning."
    assert ("indirect", "claiming", "jobs were returning", True) in claims_of(text)


def test_quotes_patterns_lead_holds_the_attributions_in_its_content():
    # 'according to' the paper: what the mayor said is part of what the paper reported
    text = "On Monday, the mayor said the plan was dead, according to the Ledger."
    assert sources_of([text]) == [("according to", "the Ledger", "On Monday, the mayor said the plan was dead")]


def test_quotes_patterns_passive_question_is_asked_by_its_agent():
    text = "Reyes was asked by the moderator whether the plan would cost more."
    assert sources_of([text]) == [("asked", "the moderator", "whether the plan would cost more")]


def test_quotes_patterns_attribution_after_a_quotation_stays_in_its_sentence():
    # the words after a scare quote run into the next sentence, whose cue is its own
    text = "The council will “end” the levy. He told reporters it would stay."
    assert claims_of(text) == [("indirect", "told", "it would stay", True)]


@pytest.mark.parametrize("text, expected", [
    # a manner or an addressee between the verb and what it speaks of
    ("The mayor spoke briefly of her years on the council.",
     [("indirect", "spoke briefly of", "her years on the council", False)]),
    ("Reyes talked with The Daily Ledger about the harbour levy.",
     [("indirect", "talked with The Daily Ledger about", "the harbour levy", False)]),
])
def test_quotes_patterns_speaking_of_a_topic(text, expected):
    assert claims_of(text) == expected


def test_quotes_patterns_according_to_after_a_short_subject_attributes_the_rest():
    text = "Turnout, according to the clerk, has doubled since May."
    assert sources_of([text]) == [("according to", "the clerk", "has doubled since May")]


@pytest.mark.parametrize("text, expected", [
    # an exclamation in title case with its attribution is a quotation, not a title
    ("“Happy New Year to All!,” the mayor tweeted.", [("direct", "tweeted", "Happy New Year to All!", True)]),
    ("“The Art of the Deal,” the mayor said, is her favourite book.",
     [("indirect", "said", "“The Art of the Deal,” the mayor said, is her favourite book", True)]),
])
def test_quotes_patterns_exclamation_in_title_case(text, expected):
    assert claims_of(text) == expected
