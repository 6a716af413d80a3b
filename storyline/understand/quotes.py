"""Quotations and reported speech, and who said them.

Two passes over a document. First, each paragraph yields `Claim`s: a span of
content, its cue ('said', 'заявила') and where the text names the speaker.
Patterns, kept to the clear ones news copy uses:

- direct: a quoted passage with an attribution after it ('"…," Price said',
  '"…", - сказала Захарова') or before it ('Price said: "…"');
- indirect: '<speaker> said (on Tuesday) that …', '<speaker> заявил(а), что …',
  the wire lead '<content>, <role> <Name> said (on Tuesday).' /
  '<content>, заявила <role> <Name>.', 'По его словам, …', 'По заявлению МИД, …',
  'According to <speaker>, …'.

Then the claims are read in document order and their speakers resolved to
the document's entities: names, pronouns (he/she/он/она: the last person
quoted, else the last person named) and descriptions ('the representative of
the State Department': the person whose role shares its words). A quoted
span of four words or fewer with no attribution is a scare quote ('"open
door" policy', «Адмирал Кузнецов») and is not a quotation.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import partial

from ..records import Entity, Mention, Quote
from .readings import Reading, is_shouting
from .sentences import Quoted, inside, quoted_passages, sentences

# Quoted spans this short with no attribution are scare quotes or titles.
SCARE_QUOTE_WORDS = 4

CUE_EN = (r"(?:said|says|say|told|tells|added|adds|stressed|stresses|noted|notes|stated|"
          r"explained|explains|warned|warns|insisted|insists|emphasi[sz]ed|emphasi[sz]es|"
          r"argued|argues|claimed|claims|reminded|recalled|announced|announces|wrote|writes|"
          r"asked|asks|replied|declared|concluded|commented|underlined|underscored|"
          r"pointed out|admitted|acknowledged|tweeted|confirmed|suggested|assured|"
          r"reiterated|complained|observed|continued|affirmed|alleged|revealed|reported|"
          r"predicted|promised|vowed|denied|responded)")
RUSSIAN_PAST = ("заявил|сказал|добавил|отметил|подчеркнул|сообщил|пояснил|указал|напомнил|"
                "заметил|уточнил|признал|написал|рассказал|констатировал|предупредил|"
                "ответил|заверил|резюмировал|акцентировал|допустил")
CUE_RU = (rf"(?:(?:{RUSSIAN_PAST})(?:а|о|и)?|заявляет|заявляют|говорит|говорят|отмечает|"
          r"отмечают|подчеркивает|подчёркивает|подчеркивают|сообщает|сообщают|добавляет|"
          r"поясняет|пишет|пишут|указывает|напоминает|уточняет|говорится в)")
# The words naming a speaker: no sentence punctuation, no quotation marks.
SPEAKER = r"[^\s,.;:!?\"“”«»„()\[\]\-–—][^,.;:!?\"“”«»„()\[\]]{0,79}?"
EN_ADVERBS = r"(?:(?:also|then|later|again|once again|further|earlier)\s+)?"


def compile_patterns(cue: str, language: str, flags: int = 0) -> dict:
    cue = rf"(?<!\w){cue}(?!\w)"
    build = partial(re.compile, flags=flags)
    patterns = {
        "cue": build(cue),
        # after a closing quotation mark
        "tail_speaker_first": build(
            rf"^\s*[,.!?…]?\s*[-–—]?\s*(?P<speaker>{SPEAKER})\s+{EN_ADVERBS}(?P<cue>{cue})"),
        "tail_cue_first": build(
            rf"^\s*[,.!?…]?\s*[-–—]?\s*(?P<cue>{cue})\s+(?P<speaker>{SPEAKER})(?=\s*(?:[,.;:!?]|$))"),
        # before an opening quotation mark
        "head_speaker_first": build(
            rf"(?P<speaker>{SPEAKER})\s+{EN_ADVERBS}(?P<cue>{cue})[^,.;:!?\"“”«»„]{{0,40}}[:,]\s*$"),
        "head_cue_first": build(rf"(?P<cue>{cue})\s+(?P<speaker>{SPEAKER})\s*:\s*$"),
        # after a cue: where reported content starts
        "complement": build(
            r"^(?:\s+(?!that\b)[\w’'.-]+){0,6}?\s+that\s+" if language == "en"
            else r"^(?:\s+[^\s,.;:!?\"«»„“”]+){0,4}?\s*,\s*что\s+"),
        "colon": build(r"^\s*:\s*(?![\"«„“\s])"),
        # a sentence that attributes the one before it
        "about_this": build(r"\s*(?:Об этом|This was)\s+(?:[\w-]+\s+){0,3}$"),
        # the rest of a wire lead's sentence after its cue: 'said on Tuesday.'
        "lead_end": build(r"^(?:\s+(?!that\b)[\w’'.-]+){0,6}\s*[.!?…]?\s*$"),
    }
    if language == "en":
        patterns["head_source"] = build(rf"(?P<cue>According to)\s+(?P<speaker>{SPEAKER}),\s*$")
        patterns["source_first"] = build(
            rf"(?<!\w)(?P<cue>[Aa]ccording to)\s+(?P<speaker>{SPEAKER})\s*,\s*")
        patterns["source_last"] = build(
            rf",\s*(?P<cue>according to)\s+(?P<speaker>{SPEAKER})\s*[.!?]?\s*$")
    else:
        # 'По словам Лаврова, …', 'Как сообщил Песков, …'
        source = r"(?P<cue>[Пп]о\s+(?:словам|заявлению|сообщению|утверждению))"
        patterns["head_source"] = build(rf"{source}\s+(?P<speaker>{SPEAKER}),\s*$")
        patterns["source_first"] = build(
            rf"(?<!\w)(?:{source}|[Кк]ак\s+(?P<as_cue>{cue}))\s+(?P<speaker>{SPEAKER})\s*,\s*")
        patterns["pronoun_source"] = build(
            r"(?<!\w)(?P<cue>[Пп]о\s+(?P<speaker>его|её|ее|их)\s+словам)\s*,\s*")
    return patterns


# Cues are matched in lower case ('said', not the 'Said' of a name), except in
# paragraphs typed in capitals, where case says nothing.
PATTERNS = {(language, loud): compile_patterns(cue, language, re.IGNORECASE if loud else 0)
            for language, cue in (("en", CUE_EN), ("ru", CUE_RU)) for loud in (False, True)}

# Pronouns that can name a speaker ('He added', 'По её словам'); 'they'/'их' are
# left unresolved: a plural is as often an institution as a person.
PRONOUNS = frozenset({"he", "she", "him", "her", "он", "она", "его", "её", "ее"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "он", "она"})  # these become the person's mentions
STOP_WORDS = frozenset("the a an of for and in on at to by from with в на и по с для из при".split())
CLAUSE_BREAKS = ",;:—–(\"“”«»„"
DATELINE = re.compile(r"^[^\s][^.!?]{0,60}?\s[-–—]\s+")
INSERTION = re.compile(
    r"\([^()]{1,200}?\s[-–—]\s?(?:[A-ZА-ЯЁ]{1,6}|ред|прим\.?\s*ред|[Ee]d)\.?\)"
    r"|\[[^\[\]]{1,200}\]")


@dataclass(frozen=True)
class Claim:
    """Content someone is reported to have said, before its speaker is known."""

    paragraph: int
    kind: str  # direct or indirect
    start: int
    end: int
    cue: str | None
    cue_start: int
    speaker_at: tuple[int, int] | None  # the words that name the speaker
    speaker_first: bool = True  # the speaker comes before the cue
    fallback: tuple[int, int] | None = None  # where else to look for a subject
    needs_speaker: bool = False  # a lead with no known speaker is not taken as speech


# --- claims in a paragraph ----------------------------------------------------------

def paragraph_claims(paragraph: int, text: str, language: str) -> list[Claim]:
    patterns = PATTERNS["ru" if language == "ru" else "en", is_shouting(text)]
    quoted = quoted_passages(text)
    spans = sentences(text, quoted)
    direct = [claim for q in quoted
              for claim in [direct_claim(paragraph, text, q, spans, quoted, patterns)] if claim]
    used = {claim.cue_start for claim in direct if claim.cue}
    indirect = [claim for previous, sentence in zip([None] + spans, spans)
                for claim in sentence_claims(paragraph, text, sentence, previous, quoted, used,
                                             direct, patterns)]
    return sorted(direct + indirect, key=lambda c: c.start)


def direct_claim(paragraph, text, q: Quoted, spans, quoted, patterns) -> Claim | None:
    start, end = trim(text, *q.inner)
    if end <= start:
        return None
    sentence_start, _ = sentence_of(spans, q.start)
    following = bisect_left(quoted, q.end, key=lambda other: other.start)
    tail_end = min(q.end + 200, quoted[following].start if following < len(quoted) else len(text))
    attribution = (tail_attribution(text, q.end, tail_end, patterns)
                   or head_attribution(text, max(sentence_start, q.start - 200), q.start, patterns))
    if attribution is None:
        if len(text[start:end].split()) <= SCARE_QUOTE_WORDS:
            return None
        return Claim(paragraph, "direct", start, end, None, start, None)
    cue, cue_start, speaker_at, speaker_first = attribution
    return Claim(paragraph, "direct", start, end, cue, cue_start, speaker_at, speaker_first)


def tail_attribution(text: str, start: int, end: int, patterns):
    tail = text[start:end]
    for name, speaker_first in (("tail_speaker_first", True), ("tail_cue_first", False)):
        match = patterns[name].match(tail)
        if match:
            return attribution(match, start, speaker_first)
    return None


def head_attribution(text: str, start: int, end: int, patterns):
    head = text[start:end]
    if not head.rstrip().endswith((":", ",")):  # every head pattern ends so; skip the search
        return None
    for name, speaker_first in (("head_speaker_first", True), ("head_cue_first", False),
                                ("head_source", False)):
        match = patterns[name].search(head)
        if match:
            return attribution(match, start, speaker_first)
    return None


def attribution(match: re.Match, offset: int, speaker_first: bool):
    speaker = (offset + match.start("speaker"), offset + match.end("speaker"))
    return match.group("cue"), offset + match.start("cue"), speaker, speaker_first


def sentence_claims(paragraph, text, sentence, previous, quoted, used, direct, patterns) -> list[Claim]:
    start, end = sentence
    found = source_claims(paragraph, text, sentence, quoted, patterns)
    # a cue inside 'Как сообщил Песков, …' belongs to that source claim
    used = used | {i for c in found for i in range(c.cue_start, c.start)}
    found += [claim for match in patterns["cue"].finditer(text, start, end)
              if match.start() not in used and not inside(quoted, match.start())
              for claim in [cue_claim(paragraph, text, sentence, previous, match, patterns)] if claim]
    found = [c for c in found if not overlaps_direct(c, direct)]
    return [bounded(claim, found, text, end) for claim in sorted(found, key=lambda c: c.start)]


def cue_claim(paragraph, text, sentence, previous, match: re.Match, patterns) -> Claim | None:
    start, end = sentence
    after = text[match.end():end]
    cue, cue_start = match.group(), match.start()
    if previous and patterns["about_this"].match(text, start, cue_start):
        # '<content>. Об этом заявил министр культуры Владимир Бородянский.'
        return Claim(paragraph, "indirect", *previous, cue, cue_start, (match.end(), end), False)
    opening = patterns["complement"].match(after) or patterns["colon"].match(after)
    if opening:
        return Claim(paragraph, "indirect", match.end() + opening.end(), end, cue, cue_start,
                     clause_before(text, start, cue_start), True, fallback=(start, cue_start))
    return lead_claim(paragraph, text, sentence, match, patterns)


def lead_claim(paragraph, text, sentence, match: re.Match, patterns) -> Claim | None:
    """'<content>, US State Department spokesman Ned Price said on Tuesday.' and
    '<content>, заявила официальный представитель МИД РФ Мария Захарова.'"""
    start, end = sentence
    before = text[start:match.start()]
    after = text[match.end():end]
    comma_right_before = re.search(r",\s*(?:[-–—]\s*)?$", before)
    if comma_right_before and len(after.split()) <= 12:
        speaker_at = (match.end(), end)
        content_end = start + comma_right_before.start()
        return lead(paragraph, text, start, content_end, match, speaker_at, False)
    if patterns["lead_end"].match(after) and "," in before:
        comma = start + before.rindex(",")
        return lead(paragraph, text, start, comma, match, (comma + 1, match.start()), True)
    return None


def lead(paragraph, text, start, content_end, match, speaker_at, speaker_first) -> Claim | None:
    content_start = start + dateline_length(text[start:content_end])
    if len(text[content_start:content_end].split()) < 3:
        return None
    cue = match.groupdict().get("cue") or match.group()
    return Claim(paragraph, "indirect", content_start, content_end, cue, match.start(),
                 speaker_at, speaker_first, needs_speaker=True)


def source_claims(paragraph, text, sentence, quoted, patterns) -> list[Claim]:
    """'По его словам, …', 'По заявлению МИД, …', 'According to X, …', '…, according to X.'"""
    start, end = sentence
    claims = []
    for name in ("source_first", "pronoun_source"):
        if name in patterns:
            for match in patterns[name].finditer(text, start, end):
                if not inside(quoted, match.start()):
                    cue = match.group("cue") or match.groupdict().get("as_cue")
                    claims.append(Claim(paragraph, "indirect", match.end(), end, cue,
                                        match.start(), match.span("speaker"), False))
    if "source_last" in patterns:
        match = patterns["source_last"].search(text, start, end)
        if match:
            claims.append(lead(paragraph, text, start, match.start(), match, match.span("speaker"), False))
    return [claim for claim in claims if claim]


def clause_before(text: str, start: int, cue_start: int) -> tuple[int, int]:
    """The words between the last clause break and the cue: where a subject sits."""
    breaks = [i for i in range(max(start, cue_start - 200), cue_start) if text[i] in CLAUSE_BREAKS]
    return (breaks[-1] + 1 if breaks else max(start, cue_start - 200)), cue_start


def bounded(claim: Claim, claims: list[Claim], text: str, sentence_end: int) -> Claim:
    """Content runs to the end of its sentence or to where the next attribution starts
    ('…, а также отметил, что <A>, Путин сказал главе США, что <B>')."""
    later = [attribution_start(c) for c in claims if attribution_start(c) > claim.start]
    end = min([sentence_end, claim.end] + later)
    start, end = trim(text, claim.start, end)
    return dataclasses.replace(claim, start=start, end=end)


def attribution_start(claim: Claim) -> int:
    if claim.speaker_at and claim.speaker_first:
        return min(claim.speaker_at[0], claim.cue_start)
    return claim.cue_start


def overlaps_direct(claim: Claim, direct: list[Claim]) -> bool:
    """A lead whose content is a quotation is that quotation's attribution, not reported speech."""
    return any(d.cue and claim.start <= d.start and d.end <= claim.end for d in direct)


def sentence_of(spans, position: int) -> tuple[int, int]:
    i = bisect_right(spans, position, key=lambda span: span[0]) - 1
    return spans[i] if i >= 0 else (0, position)


def dateline_length(text: str) -> int:
    """'INTERFAX - The reaction…': the dateline before a lead is not what was said."""
    match = DATELINE.match(text)
    if match and re.search(r"\b[A-ZА-ЯЁ]{3,}\b", match.group()):
        return match.end()
    return 0


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—."):
        end -= 1
    return start, end


def insertions(text: str) -> tuple[str, ...]:
    """Editors' notes inside a quotation: '(to the proposals - IF)', '(… — ред.)', '[…]'."""
    return tuple(match.group() for match in INSERTION.finditer(text))


# --- speakers -------------------------------------------------------------------------

@dataclass
class Speakers:
    """What resolution knows while reading the document in order."""

    mentions: dict  # paragraph -> [(start, end, entity, case)]
    language: str
    titles: frozenset
    last_speaker: Entity | None = None
    last_speaker_at: tuple[int, int] = (0, 0)  # (paragraph, cue) of their last attribution
    last_direct: tuple[int, Entity | None] | None = None
    resolved: list = field(default_factory=list)  # (claim, entity) so far


def find_quotes(readings: list[Reading], entities: list[Entity], cases: dict,
                language: str, role_words: dict) -> tuple[list[Quote], list[tuple[str, Mention]]]:
    """The quotations of a document, and the pronouns and descriptions that named their speakers."""
    speakers = Speakers(mention_index(entities, cases), language,
                        role_words.get("ru" if language == "ru" else "en", frozenset()))
    quotes, coreferences = [], []
    for i, reading in enumerate(readings):
        for claim in paragraph_claims(i, reading.text, language):
            speaker, reference = resolve(claim, reading.text, speakers)
            if claim.needs_speaker and speaker is None:
                continue
            remember(speakers, claim, speaker)
            quotes.append(quote(claim, reading.text, speaker))
            if speaker and reference:
                coreferences.append((speaker.id, reference))
    return quotes, coreferences


def mention_index(entities: list[Entity], cases: dict) -> dict:
    index: dict = {}
    for entity in entities:
        for m in entity.mentions:
            index.setdefault(m.paragraph, []).append((m.start, m.end, entity, cases.get((m.paragraph, m.start))))
    for mentions in index.values():
        mentions.sort(key=lambda item: item[0])
    return index


def quote(claim: Claim, text: str, speaker: Entity | None) -> Quote:
    content = text[claim.start:claim.end]
    return Quote(speaker=speaker.name if speaker else None, speaker_id=speaker.id if speaker else None,
                 kind=claim.kind, text=content, cue=claim.cue, paragraph=claim.paragraph,
                 start=claim.start, end=claim.end,
                 editorial_insertions=insertions(content) if claim.kind == "direct" else ())


def remember(speakers: Speakers, claim: Claim, speaker: Entity | None) -> None:
    if speaker and speaker.type == "PER":
        speakers.last_speaker = speaker
        speakers.last_speaker_at = (claim.paragraph, claim.cue_start)
    if claim.kind == "direct":
        speakers.last_direct = (claim.paragraph, speaker)
    speakers.resolved.append((claim, speaker))


def resolve(claim: Claim, text: str, speakers: Speakers) -> tuple[Entity | None, Mention | None]:
    if claim.speaker_at is None:
        return continued_speaker(claim, speakers), None
    start, end = claim.speaker_at
    named = named_speaker(claim, start, end, speakers)
    if named:
        return named, None
    pronoun = pronoun_in(text, start, end)
    if pronoun:
        entity = person_before(claim, speakers)
        reference = pronoun if pronoun[2].lower() in SUBJECT_PRONOUNS else None
        return entity, reference and Mention(claim.paragraph, *reference)
    described = described_person(text, start, end, speakers)
    if described:
        return described, description_mention(claim.paragraph, text, start, end)
    organisation = named_organisation(claim, start, end, text, speakers)
    if organisation or not claim.fallback:
        return organisation, None
    return named_speaker(claim, *claim.fallback, speakers, strict=True), None


def named_speaker(claim: Claim, start: int, end: int, speakers: Speakers, strict=False) -> Entity | None:
    """The person named where the speaker should be, nearest the cue; a Russian
    subject is in the nominative ('Путин сказал главе США', not 'главе США')."""
    people = [m for m in within(claim, start, end, speakers) if m[2].type == "PER"
              and subject_case(m, claim, speakers)]
    if not people and strict:
        people = [m for m in within(claim, start, end, speakers) if m[2].type != "PER"
                  and subject_case(m, claim, speakers) and m[3] is not None]
    return nearest(people, claim)


def named_organisation(claim: Claim, start, end, text, speakers: Speakers) -> Entity | None:
    """An organisation or country speaking: 'Белый дом сообщил', 'В МИД РФ заявили', 'Reuters reported'."""
    others = [m for m in within(claim, start, end, speakers) if m[2].type != "PER"]
    subjects = [m for m in others if subject_case(m, claim, speakers) or speaks_from(text, m)]
    chosen = nearest([m for m in subjects if m[2].type == "ORG"], claim) or nearest(subjects, claim)
    return chosen


def within(claim: Claim, start: int, end: int, speakers: Speakers) -> list:
    return [m for m in speakers.mentions.get(claim.paragraph, []) if start <= m[0] and m[1] <= end]


def subject_case(mention, claim: Claim, speakers: Speakers) -> bool:
    if speakers.language != "ru" or not claim.speaker_first:
        return True
    return mention[3] in (None, "Nom")


def speaks_from(text: str, mention) -> bool:
    """'В МИД РФ заявили': Russian names the speaking institution with 'в' and an impersonal verb."""
    return text[max(0, mention[0] - 2):mention[0]].lower() == "в "


def nearest(mentions: list, claim: Claim):
    if not mentions:
        return None
    if claim.speaker_first:
        return max(mentions, key=lambda m: m[1])[2]
    return min(mentions, key=lambda m: m[0])[2]


def pronoun_in(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    for match in re.finditer(r"\w+", text[start:end]):
        if match.group().lower() in PRONOUNS:
            return start + match.start(), start + match.end(), match.group()
    return None


def person_before(claim: Claim, speakers: Speakers) -> Entity | None:
    """He/She/Он/Она: whoever came last, the last person quoted or the last person named
    ('Guterres urged restraint. He stressed…' is Guterres even after a quote by Johnson)."""
    here = (claim.paragraph, claim.cue_start)
    earlier = [((p, m[0]), m[2]) for p, mentions in speakers.mentions.items() for m in mentions
               if m[2].type == "PER" and (p, m[0]) < here]
    if speakers.last_speaker:
        earlier.append((speakers.last_speaker_at, speakers.last_speaker))
    return max(earlier, key=lambda item: item[0])[1] if earlier else None


def described_person(text: str, start: int, end: int, speakers: Speakers) -> Entity | None:
    """'the representative of the State Department' -> the person whose role shares its words."""
    words = re.findall(r"\w[\w-]*", text[start:end].lower())
    if not any(is_title(word, speakers.titles) for word in words):
        return None
    wanted = stems(words)
    people = {m[2].id: m[2] for mentions in speakers.mentions.values() for m in mentions
              if m[2].type == "PER" and m[2].role}
    scored = [(len(wanted & stems(re.findall(r"\w[\w-]*", p.role.lower()))), p) for p in people.values()]
    scored = [(score, p) for score, p in scored if score]
    if not scored:
        return None
    best = max(score for score, _ in scored)
    matching = [p for score, p in scored if score == best]
    last = speakers.last_speaker
    return last if last in matching else matching[-1]


def is_title(word: str, titles) -> bool:
    # Russian titles are compared by stem: 'представителя' is a 'представитель'.
    return any(word == t or (len(t) > 4 and word.startswith(t[:max(3, len(t) - 2)])) for t in titles)


def stems(words) -> set[str]:
    return {word[:5] for word in words if word not in STOP_WORDS and len(word) > 2}


def description_mention(paragraph: int, text: str, start: int, end: int) -> Mention:
    start, end = trim(text, start, end)
    return Mention(paragraph, start, end, text[start:end])


def continued_speaker(claim: Claim, speakers: Speakers) -> Entity | None:
    """An unattributed quotation inside reported speech is that speaker's; one
    right after a quoted speaker continues them."""
    for earlier, speaker in reversed(speakers.resolved):
        if earlier.paragraph == claim.paragraph and earlier.start <= claim.start and claim.end <= earlier.end:
            return speaker
    last = speakers.last_direct
    if last and claim.paragraph - last[0] <= 1:
        return last[1]
    return None
