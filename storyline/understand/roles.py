"""A person's title or function, as the text gives it right before the name.

'US State Department spokesman Ned Price' -> 'US State Department spokesman';
'встреча замглавы МИД РФ Сергея Рябкова' -> 'замглавы МИД РФ'. The words
before a name are read back to a comma, a verb or a function word; a role is
kept only when a title word from `data/role_words.tsv` heads it, so that an
ordinary noun phrase before a name is not taken for a title.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..records import Entity
from .readings import Reading, Word

DATA = Path(__file__).parent / "data"

# Lower-case words that sit inside English titles without heading them.
ENGLISH_MODIFIERS = frozenset("""
press foreign deputy vice former acting national security defense defence interior
finance health state general senior executive federal first top military assistant
special presidential department ministry affairs council committee party opposition
trade economy energy justice education policy intelligence armed forces communications
political campaign prime chief white house
""".split())
# Capitalised words that start sentences or clauses rather than titles.
ENGLISH_STOPS = frozenset("""
The A An In On At By For From With And But Or Earlier Later Meanwhile Also However Then
Now Today Yesterday He She It They We I This That These Those When While After Before
As If Since Although Mr Mrs Ms Dr
""".split())
RUSSIAN_PARTS = {"NOUN", "PROPN", "ADJ"}


def load_role_words(path: Path = DATA / "role_words.tsv") -> dict[str, frozenset]:
    words: dict[str, set] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, word = line.split("\t")
            words.setdefault(language, set()).add(word.strip())
    return {language: frozenset(ws) for language, ws in words.items()}


def with_roles(entities, readings: list[Reading], language: str, role_words) -> list[Entity]:
    return [dataclasses.replace(e, role=best_role(e, readings, language, role_words))
            if e.type == "PER" else e for e in entities]


def best_role(entity: Entity, readings, language: str, role_words) -> str | None:
    """The fullest role given at any mention: a lead's 'замглавы МИД РФ' is
    often spelled out later ('заместителя министра иностранных дел России')."""
    roles = [role_before(readings[m.paragraph], m.start, language, role_words)
             for m in entity.mentions if m.paragraph < len(readings)]
    roles = [role for role in roles if role]
    return max(roles, key=lambda role: len(role.split())) if roles else None


def role_before(reading: Reading, start: int, language: str, role_words) -> str | None:
    titles = role_words.get("ru" if language == "ru" else "en", frozenset())
    words = adjacent_run(reading, start, language, titles)
    if language == "ru":
        return russian_role(reading.text, words, titles)
    return english_role(reading.text, words, titles)


def adjacent_run(reading: Reading, start: int, language: str, titles) -> list[Word]:
    """The words right before `start` that could belong to a title, nearest last."""
    run: list[Word] = []
    edge = start
    for word in reversed([w for w in reading.words if w.end <= start]):
        fits = fits_russian(word) if language == "ru" else fits_english(word, titles)
        if not (joined(reading.text[word.end:edge], word, run) and fits):
            break
        run.append(word)
        edge = word.start
    while run and run[-1].text == "-":
        run.pop()
    return run[::-1]


def joined(gap: str, word: Word, run: list[Word]) -> bool:
    """Words of one title are apart by spaces, or by nothing around a hyphen
    (spaCy splits 'vice-president' into three tokens)."""
    if gap.isspace():
        return True
    return gap == "" and bool(run) and "-" in (word.text, run[-1].text)


def fits_english(word: Word, titles) -> bool:
    text = word.text
    if text == "-":
        return True
    if not text.replace("-", "").replace(".", "").isalpha():
        return False
    lower = text.lower()
    return (lower in ENGLISH_MODIFIERS or lower in titles
            or (text[0].isupper() and text not in ENGLISH_STOPS))


def fits_russian(word: Word) -> bool:
    return word.pos in RUSSIAN_PARTS


def english_role(text: str, words: list[Word], titles) -> str | None:
    """English titles end in their head: 'White House press Secretary'."""
    if not words or not any(part in titles for part in words[-1].text.lower().split("-")):
        return None
    return text[words[0].start:words[-1].end]


def russian_role(text: str, words: list[Word], titles) -> str | None:
    """Russian titles start with their head, after its adjectives: 'официальный
    представитель МИД РФ'. The head and its adjectives go to the nominative."""
    head = next((i for i, w in enumerate(words) if (w.lemma or w.text.lower()) in titles), None)
    if head is None:
        return None
    first = head
    while first > 0 and words[first - 1].pos == "ADJ":
        first -= 1
    parts, edge = [], words[first].start
    for i, word in enumerate(words[first:], start=first):
        parts.append(text[edge:word.start])
        parts.append(word.base or word.text if i <= head else word.text)
        edge = word.end
    role = "".join(parts)
    # 'Глава МИД РФ Сергей Лавров заявил': capitalised only because it starts the sentence.
    if words[first].pos != "PROPN" and not words[first].text.isupper():
        role = role[:1].lower() + role[1:]
    return role
