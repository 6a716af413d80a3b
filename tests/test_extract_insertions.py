"""Editorial insertions: the editor's words inside a quotation, as character spans."""

import pytest

from storyline.extract.insertions import editorial_insertions


@pytest.mark.parametrize("quotation, insertions", [
    ("I think it was not a surprise that we stated in the response (to the proposals on security - IF), "
     "since we made it very clear", ["(to the proposals on security - IF)"]),
    ("We are ready (for further contacts - IF). The door remains open", ["(for further contacts - IF)"]),
    ("Мы готовы (к переговорам. - ред.) всегда", ["(к переговорам. - ред.)"]),
    ("Мы готовы (к переговорам. — Ред.) всегда", ["(к переговорам. — Ред.)"]),
    ("Это (договор о РСМД - ТАСС) важно", ["(договор о РСМД - ТАСС)"]),
    ("Это (речь о санкциях. - Прим. ред.) важно", ["(речь о санкциях. - Прим. ред.)"]),
    ("Это (Прим. ред.: речь о санкциях) важно", ["(Прим. ред.: речь о санкциях)"]),
    ("Это (слово неразборчиво – пер.) важно", ["(слово неразборчиво – пер.)"]),
    ("He said (editor's note: the treaty) it is void", ["(editor's note: the treaty)"]),
    ("We are ready [to talk] now", ["[to talk]"]),
    ("It was [sic] wrong", ["[sic]"]),
    ("We were (...) ready and (…) willing", ["(...)", "(…)"]),
    ("Мы (о контактах с США - ИФ) готовы [к диалогу]", ["(о контактах с США - ИФ)", "[к диалогу]"]),
    ("We are ready (and willing) now", []),  # the speaker's own parentheses
    ("In co-operation (re-ed) we agreed", []),
    ("The year (2021) was hard", []),
    ("Points (A - B) on the map", []),  # one capital is no signature
])
def test_insertions_found_as_spans(quotation, insertions):
    spans = editorial_insertions(quotation)
    assert [quotation[start:end] for start, end in spans] == insertions
    assert all(0 <= start < end <= len(quotation) for start, end in spans)


def test_insertions_of_the_golden_quotes_match_their_reading(seeds):
    for _, golden in seeds:
        for quote in golden["quotes"]:
            spans = editorial_insertions(quote["text"])
            assert [quote["text"][a:b] for a, b in spans] == quote.get("editorial_insertions", [])
