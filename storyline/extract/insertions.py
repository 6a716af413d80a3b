"""Editorial insertions: what an editor put inside a quotation that the speaker did not say.

    "We are ready (for further contacts - IF). The door of diplomacy remains open."
    «Мы готовы (к переговорам. — Ред.) всегда»
    "We are ready [to talk] now"

Wire agencies mark their own words in parentheses ending with a dash and a signature: the
agency's initials (IF, ТАСС), 'ред.' / 'прим. ред.' (the editors), 'пер.' (the translator),
'ed.'. Square brackets and omission marks ('(…)', '[…]') are the editor's in any style.
The speaker's own parentheses ('We are ready (and willing) now') carry no signature.
"""

from __future__ import annotations

import re

SIGNATURE = (r"(?:(?i:прим(?:ечание)?\.?\s*(?:ред|авт|пер)\w*|ред|авт|пер|ed|eds|editor|transl?)\.?"
             r"|[A-ZА-ЯЁ]{2,6})")
INSERTION = re.compile(
    rf"\((?:[^()]{{1,300}}?\s[-–—]\s*{SIGNATURE}"  # (to the proposals on security - IF)
    r"|(?i:прим(?:ечание)?\.?\s*ред\w*|editor'?s note)\s*[.:][^()]{1,300}"  # (Прим. ред.: …)
    r"|\.\.\.|…)\)"  # (…)
    r"|\[[^\[\]]{1,300}\]")  # [to talk], […], [sic]


def editorial_insertions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character offsets of the editors' insertions in a quotation's text."""
    return tuple(match.span() for match in INSERTION.finditer(text))
