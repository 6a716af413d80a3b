"""The shapes of a paragraph that quotations hang on, found without a parse: quotation
marks, sentences, and the clauses and noun phrases around a cue of speech.

Quoted passages are paired first, so that a sentence never ends inside a
quotation ('"… in contact. We are ready," she said' is one sentence).

The English reader parses only the few sentences where the quotation patterns leave
a verb of attribution unread (spaCy's tagger and parser on every sentence would
double its time), so English clauses and noun phrases are read here from function
words, auxiliaries and capitals; Russian ones from the cases and parts of speech
natasha gives the sentences that hold a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .readings import Word

# Two apostrophes stand for a double quotation mark in some wire and archive copy (the
# New York Times' in PolNeAR: ''We're anxious,'' said …); two backticks open one, as TeX
# writes it, and in copy that lost the apostrophes close it too (``We're ready,`` he said).
CLOSERS = {"«": "»", "“": "”", "„": "“”", '"': '"', "''": "''", "``": "''``"}
# Marks that open and close alike: which one a mark is depends on what is around it.
SYMMETRIC = frozenset({'"', "''"})
# A straight quote opens after these (or at the start); elsewhere it closes.
BEFORE_OPENING = set(" \t\n([{-—–:;,/«“„")
MARK = re.compile(r"''|``|[«»“”„\"]")

SENTENCE_END = re.compile(r"[.!?…]+(?:''|``|[\"»”“])?(\s+)(?=[A-ZА-ЯЁ0-9\"«“„'`\-—–(])")
# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr gen col lt sgt gov sen rep prof vs etc no inc corp co ltd jan feb
mar apr jun jul aug sep sept oct nov dec г гг ул им ст млн млрд тыс руб долл ред см т д
""".split())


@dataclass(frozen=True)
class Quoted:
    """A top-level quoted passage: `start` is the opening mark, `end` is after the closing one.

    A passage that opens a sentence and never closes is a quotation running on
    into the next paragraph (news copy repeats the opening mark on each paragraph
    of a long quotation and closes it only on the last): it ends with the
    paragraph and has no closing mark (`closing` is 0)."""

    start: int
    end: int
    opening: int = 1  # length of the opening mark
    closing: int = 1  # length of the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.opening, self.end - self.closing

    @property
    def runs_on(self) -> bool:
        return self.closing == 0


def quoted_passages(text: str) -> list[Quoted]:
    """Top-level quotations; nested ones («… „…“ …») stay inside their outer quote."""
    stack: list[tuple[str, int]] = []
    passages = []
    for match in MARK.finditer(text):
        mark, i = match.group(), match.start()
        if stack and mark in CLOSERS[stack[-1][0]] and closes(text, i, stack[-1][0]):
            opener, opened = stack.pop()
            if not stack:
                passages.append(Quoted(opened, i + len(mark), len(opener), len(mark)))
        elif mark in CLOSERS and opens(text, i, mark):
            stack.append((mark, i))
    if stack and starts_sentence(text, stack[0][1]):
        mark, opened = stack[0]
        passages.append(Quoted(opened, len(text.rstrip()), len(mark), 0))
    return passages


def starts_sentence(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    return before == "" or before[-1] in ".!?…:"


def opens(text: str, i: int, mark: str) -> bool:
    if mark not in SYMMETRIC:
        return True
    after = text[i + len(mark):i + len(mark) + 1]
    return (i == 0 or text[i - 1] in BEFORE_OPENING) and after != "" and not after.isspace()


def closes(text: str, i: int, opener: str) -> bool:
    # A straight quote right after a space or an opening bracket opens a nested quote instead.
    return opener not in SYMMETRIC or text[i - 1] not in " \t\n([{"


def sentences(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; ends are never inside a quotation or after an abbreviation."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        gap = match.start(1)
        if inside(quoted, gap) or is_abbreviation(text, match.start()):
            continue
        spans.append((start, gap))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def inside(quoted: list[Quoted], position: int) -> bool:
    """Whether a position falls within a quotation (`quoted` is in text order)."""
    i = bisect_right(quoted, position, key=lambda q: q.start) - 1
    return i >= 0 and quoted[i].start < position < quoted[i].end


def is_abbreviation(text: str, dot: int) -> bool:
    """'Mr.', 'U.S.', 'Ms. B.': not 'Mic.com.', which ends its sentence."""
    word = re.search(r"[\w.]*$", text[max(0, dot - 20):dot]).group()
    return len(word) == 1 or bool(INITIALS.fullmatch(word)) or word.lower() in ABBREVIATIONS


INITIALS = re.compile(r"(?:\w{1,2}\.)+\w{0,2}")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces, commas, colons and dashes at its ends (and a final stop)."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—."):
        end -= 1
    return start, end


def trim_quotes(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without quotation marks and punctuation at its ends; None when nothing is left."""
    while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS + ",.;:" or text[end - 1].isspace()):
        end -= 1
    return (start, end) if start < end else None


QUOTE_MARKS = "\"“”«»„'`"


def clause_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the stretches between commas, brackets, dashes and quotation marks."""
    parts, offset = [], start
    for piece in re.split(r"([,;:—–()\"“”«»]|''|\s-\s)", text[start:end]):
        if piece.strip() and not re.fullmatch(r"[,;:—–()\"“”«»]|''|\s-\s", piece):
            parts.append((offset, offset + len(piece)))
        offset += len(piece)
    return parts


SMALL_WORDS = frozenset("a an the of and or in on at to for with from by vs as de".split())


def is_title_case(text: str) -> bool:
    """'The Art of the Deal', 'Secret Lives of the Super Rich': a title, not a quotation."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if w.lower() not in SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not re.search(r"[.!?]\s", text)


# --- English clauses ------------------------------------------------------------------

TIME_WORDS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
              r"this week|last week|last month|last year|this year|recently|earlier|later|again|"
              r"repeatedly|previously|publicly|privately|flatly|bluntly|simply|also|then|once again)")
MEDIA = (r"(?:statement|interview|email|letter|speech|tweet|post|op-ed|release|address|rally|conference|"
         r"briefing|hearing|debate|appearance|event|call|meeting|message|video|broadcast|show|radio|session)")
# What may stand between an English cue and its content: 'said on Tuesday', 'said in a statement'.
EN_ASIDE = (rf"(?:(?:\s+(?:on|late|early|last)?\s*{TIME_WORDS}\b"
            rf"|\s+(?:in|at|during|on)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?{MEDIA}"
            r"(?:\s+(?:with|on|to)\s+[\w.’'-]+(?:\s+[A-Z][\w.’'-]*)*)?)+,?)?")

# Words that can open the subject of a clause after 'said': 'said the plan would …'.
SUBJECT_PRONOUNS_EN = frozenset("he she it they we i you there this these those".split())
DETERMINERS_EN = frozenset("""
the a an his her their its our my your some many most all both several no any each every one two three
four five six seven eight nine ten more few nobody everyone everybody nothing none half another other such
""".split())
CLAUSE_START_EN = re.compile(rf"(?:(?P<pronoun>(?i:{'|'.join(SUBJECT_PRONOUNS_EN)}))\b"
                             rf"|(?i:{'|'.join(DETERMINERS_EN)})\b|[A-Z0-9])")
AUXILIARIES = (r"is|are|was|were|will|would|could|can|should|may|might|must|has|have|had|does|did|"
               r"won[’']t|\w+n[’']t|cannot")
AUXILIARY_EN = re.compile(rf"(?<![\w’'])(?:{AUXILIARIES})(?![\w’'])")
# A finite verb soon after that subject: a clause, not an object ('said the words'). A word
# in -ed counts only before what follows a verb ('said the plan failed', not 'elected officials').
FINITE_EN = re.compile(
    rf"(?<![\w’'])(?:{AUXILIARIES}|do|am"
    r"|[a-z]{3,}ed(?=[\s,.]+(?:$|[,.]|the|a|an|his|her|their|its|him|them|it|us|to|that|in|on|at|by|for|"
    r"with|from|of|into|out|up|[a-z]+ly)\b|[,.]|$)"
    r"|said|told|thought|knew|felt|made|went|got|took|came|saw|gave|found|left|kept|lost|met|ran|won|began|"
    r"became|brought|held|led|paid|put|sent|spent|stood|wrote|needs|wants|plans|believes|supports|remains|"
    r"seems|appears|means|lacks|deserves|belongs)(?![\w’'])")
# An -s verb before its object: 'Trump’s use of social media gives his campaign …'.
PRESENT_EN = re.compile(r"(?<=\w )[a-z]{3,}s (?:the|a|an|his|her|their|its|our|this|that|these|those|him|"
                        r"them|us|me|it)\b")
PRESENT_VERB_EN = re.compile(r"(?<=\w )[a-z]{2,}s(?=\s)")


def clause_after(text: str, start: int, end: int, strict: bool = False) -> int | None:
    """Where a clause starts right after an English cue ('said [the plan would fail]'); None
    when no clause follows. `strict`: only an auxiliary makes a clause (after 'thinks')."""
    begin = start + len(text[start:end]) - len(text[start:end].lstrip())
    match = CLAUSE_START_EN.match(text, begin, end)
    if match and match.group("pronoun"):
        return begin
    window = re.split(r"[,;:()]", text[begin:min(end, begin + 90)], maxsplit=1)[0]
    if not match:  # a bare plural or a gerund: 'said investigators were', 'said succeeding is'
        window = " ".join(window.split()[:4])
        if not re.match(r"[a-z][\w-]*\s", window) or window.split()[0] in NP_BREAKS_EN:
            return None
    if strict:
        return begin if AUXILIARY_EN.search(window) else None
    return begin if finite_verb(window) else None


def finite_verb(window: str) -> bool:
    return bool(FINITE_EN.search(window) or PRESENT_EN.search(window))


def is_clause_en(text: str) -> bool:
    return clause_after(text, 0, len(text)) is not None


# --- English noun phrases --------------------------------------------------------------

# Words that end a noun phrase read backwards from its verb.
NP_BREAKS_EN = frozenset("""
in on at during after before with by for to into about over under since until while when as than like
that which who whom whose where because if but and or so then also however meanwhile said says told
would will could should can may might must has have had is are was were be been being not
""".split())
INTRO_EN = re.compile(r"^(?:(?:But|And|Yet|So|Still|Now|Then|Meanwhile|However|Instead|Also|Indeed|Separately|"
                      r"Although|Though|While|Whereas|Even though|Because|Since|Unless|"
                      r"Later|Earlier|Today|Yesterday|Finally|Moreover|Thus|Ultimately|Similarly|Likewise|"
                      r"In turn|For (?:his|her|their|its) part|At the same time|On (?:Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday))\b[,\s]*)+")
OPENING_PREPOSITION = re.compile(r"(?i)(?:in|on|at|during|after|before|since|for|with|from|by|as|when|while|"
                                 r"although|though|if|because|despite|amid|following|last|this|earlier)\b")
PARENTHETICAL_EN = frozenset((
    "however", "too", "though", "also", "meanwhile", "instead", "indeed", "moreover", "nonetheless",
    "nevertheless", "still", "in turn", "for his part", "for her part", "for their part", "for its part",
    "in a statement", "in an interview", "in response", "at the time", "for example", "for instance",
    "of course", "in fact", "in addition"))
# Adverbs and auxiliaries between a subject and its cue ('Trump has long criticized'): not the subject.
ADVERB_TAIL_EN = re.compile(rf"(?:\s+(?:{TIME_WORDS}|has|have|had|would|will|further|first|now|too|never|often|"
                            r"long|always|still|not|did|does|do|just|even|already|[a-z]+n[’']t|"
                            r"[a-z]+ly|on\s+\w+|in\s+\w+(?:\s+\w+)?))*\s*$")
# After the first words of a speaker named after its cue, these start what is not the speaker.
SPEAKER_END_EN = re.compile(
    r",\s+(?:who|which|where|whose|when|while|as|after|before|and|but|according|[a-z]+ing)\b"
    rf"|\s+(?:on|late|early|last)?\s*{TIME_WORDS}\b"
    rf"|\s+(?:in|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?{MEDIA}\b"
    r"|\s+told\s|\s*[;:(—–]|\s+-\s")
# Nouns that name sources ('…, said a senior official.'); a name starts with a capital.
SOURCE_NOUNS_EN = re.compile(
    r"(?i)\b(?:officials?|spokes(?:man|woman|person|people)|sources?|analysts?|experts?|aides?|advis[eo]rs?|"
    r"people|person|lawyers?|attorneys?|statement|report|polls?|survey|study|documents?|secretary|minister|"
    r"president|director|chairman|chairwoman|leaders?|senators?|members?|voters?|residents?|police|"
    r"authorities|campaign|representatives?|diplomats?|ambassador|envoy|economists?|professor|researchers?|"
    r"investigators?|prosecutors?|officers?|witnesses|lawmakers?|governor|mayor|chief|head|editor|author|"
    r"organi[sz]er|activists?|supporters?|critics?|observers?|participants?|delegates?|democrats?|"
    r"republicans?|friends?|strategists?|consultants?|operatives?|executives?|manager|founder|candidates?|"
    r"historians?|scientists?|doctors?|teachers?|students?|workers?|owners?)\b")


def names_a_source(words: str) -> bool:
    """'Tim Selaty, organizer of …', 'a senior official': not 'his executive experience'."""
    first = words.split()[:6]
    return bool(first) and (first[0][:1].isupper() or bool(SOURCE_NOUNS_EN.search(" ".join(first))))


def is_noun_phrase_en(text: str, start: int, end: int) -> bool:
    """'US envoy John Smith', 'the Census', 'experts': not 'Sanders was', 'the only one who'."""
    words = text[start:end].split()
    if not words or len(words) > 10 or FINITE_EN.search(text[start:end]):
        return False
    phrase = noun_phrase_back(text, start, len(text[:end].rstrip()))
    return phrase is not None and not text[start:phrase[0]].strip(" ,'\"“”")


def noun_phrase_back(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ending at `end`, read back to a preposition, verb or conjunction
    ('Jeb Bush in [a Medium post]'; 'of' and a 'from' after a common noun stay in:
    'the senator from Vermont')."""
    cleaned = INTRO_EN.sub("", text[start:end].lstrip())
    start = end - len(cleaned) if cleaned else end
    tokens = [match.group() for match in re.finditer(r"[\w.’'&-]+", text[start:end])]
    spans = [match.span() for match in re.finditer(r"[\w.’'&-]+", text[start:end])]
    if not tokens or tokens[-1].lower() in NP_BREAKS_EN:
        return None
    first = len(tokens) - 1
    for i in range(len(tokens) - 2, -1, -1):
        word = tokens[i].lower()
        if word in NP_BREAKS_EN and word != "of":
            kept = word in ("from", "at", "with", "for") and i > 0 and tokens[i - 1][:1].islower()
            if not kept:
                break
        first = i
    return trim_quotes(text, start + spans[first][0], start + spans[-1][1])


def english_phrase_before(text: str, start: int, cue: int) -> tuple[int, int] | None:
    """The subject before a cue: the words back to the clause start, with leading
    connectives and trailing adverbs cut ('But Mr. Trump, however, also said'), and
    with its appositives ('Sandra Inman, a Cruz supporter from Jackson, Miss., said')."""
    end = start + len(ADVERB_TAIL_EN.sub("", text[start:cue]))
    parts = clause_parts(text, start, end)
    if not parts:
        return None
    if not text[start:end].rstrip().endswith(","):
        return noun_phrase_back(text, *parts[-1])
    name_at = None
    for i in range(len(parts) - 1, -1, -1):
        a, b = parts[i]
        lowered = text[a:b].strip().lower()
        if lowered in PARENTHETICAL_EN or re.match(r"(?:who|which|whose)\b", lowered):
            end = a  # 'Mr. Khan, who had addressed the convention, said': not part of his name
            continue
        if text[a:b].strip()[:1].isupper() or lowered in SUBJECT_PRONOUNS_EN:
            name_at = i
            break
        if len(text[a:end].split()) > 30:
            return None
    phrase = noun_phrase_back(text, *parts[name_at]) if name_at is not None else None
    if phrase is None:
        return None
    first = phrase[0]
    opening = text[parts[0][0]:parts[0][1]]
    if name_at == 1 and is_noun_phrase_en(text, *parts[0]) and not INTRO_EN.match(opening.lstrip()):
        first = parts[0][0]  # "Nevada's governor, Brian Sandoval, a Republican,"
    return trim_quotes(text, first, end)


def english_phrase_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker after a cue, up to what is no longer the speaker: 'said David Autor, an
    influential scholar … at MIT[, who …]', 'said Mr. Burr[, adding …]'."""
    aside = re.match(EN_ASIDE, text[start:end])
    begin = start + (aside.end() if aside else 0)
    head = SPEAKER_END_EN.split(text[begin:end], maxsplit=1)[0]
    phrase = trim(text, begin, begin + len(head))
    return trim_quotes(text, *phrase) if phrase[0] < phrase[1] else None


def english_subject(text: str, start: int, cue: int) -> tuple[int, int] | None:
    """The subject opening an English sentence, up to its verb ('In May, [a U.S. District
    Court judge] sided with the Democrats, saying …')."""
    for a, b in clause_parts(text, start, cue):
        piece = text[a:b]
        stripped = INTRO_EN.sub("", piece.lstrip())
        if not stripped or OPENING_PREPOSITION.match(stripped):
            continue
        verb = FINITE_EN.search(piece) or PRESENT_VERB_EN.search(piece)
        if not verb:
            return None
        return trim_quotes(text, a + len(piece) - len(stripped), a + verb.start())
    return None


# --- Russian noun phrases --------------------------------------------------------------

NP_PARTS_RU = {"NOUN", "PROPN", "ADJ", "DET", "NUM"}
HEADS_RU = {"NOUN", "PROPN", "PRON"}
# Words the reader left untagged (it tags only the sentences holding a name) are read by
# shape: adverbs end in -о/-е ('нацисты постоянно подчеркивали').
ADVERB_RU = re.compile(r"(?i)^(?:\w+о|\w+е|также|еще|ещё|уже|тоже|вновь|снова|лишь|и|а|но|не)$")


def russian_phrase(text: str, words: tuple[Word, ...], start: int, end: int, before_cue: bool,
                   subject: bool) -> tuple[int, int] | None:
    """The subject in the nominative between `start` and `end`: the last one in the clause
    before a cue (else the sentence's first, a name first), or the first one after a cue
    past a preposition ('сказал в интервью РБК [старший директор … Владимир Редькин]')."""
    words = [w for w in words if start <= w.start and w.end <= end]
    if not any(w.pos for w in words):
        return untagged_phrase_ru(words, before_cue, subject)
    if before_cue and not subject:
        clause = words[last_break(words) + 1:]
        heads = [i for i, w in enumerate(clause) if is_subject_ru(w)]
        if heads:
            return phrase_around(text, words, len(words) - len(clause) + heads[-1])
    heads = [i for i, w in enumerate(words) if is_subject_ru(w) and not after_preposition(words, i)]
    names = [i for i in heads if words[i].pos == "PROPN"]
    if subject and names:
        return phrase_around(text, words, names[0])
    return phrase_around(text, words, heads[0]) if heads else None


def after_preposition(words: list[Word], i: int) -> bool:
    """'в интервью РБК': the nouns right after a preposition belong to it."""
    for j in range(i - 1, -1, -1):
        if words[j].pos == "ADP":
            return True
        if words[j].pos not in HEADS_RU:
            return False
    return False


def untagged_phrase_ru(words: list[Word], before_cue: bool, subject: bool) -> tuple[int, int] | None:
    """The subject of untagged words: a sentence's capitalised first word, the first word
    after a cue, or the last word before it past adverbs ('Мама сказала')."""
    if subject:
        first = words[0] if words and words[0].text[:1].isupper() else None
        return (first.start, first.end) if first else None
    if not before_cue:
        head = next((w for w in words if w.text[:1].isalpha()), None)
        return (head.start, head.end) if head else None
    clause = words[last_break(words) + 1:]
    while clause and ADVERB_RU.match(clause[-1].text) and not clause[-1].text[:1].isupper():
        clause = clause[:-1]
    return (clause[-1].start, clause[-1].end) if clause and clause[-1].text[:1].isalpha() else None


def last_break(words: list[Word]) -> int:
    breaks = [i for i, w in enumerate(words) if w.text in {",", ";", ":", "—", "–", "(", ")"}]
    return breaks[-1] if breaks else -1


def is_subject_ru(word: Word) -> bool:
    return word.pos in HEADS_RU and word.case in (None, "Nom") and word.text.lower() not in ("что", "это")


def phrase_around(text: str, words: list[Word], head: int) -> tuple[int, int] | None:
    """The head with the adjectives and names before it and the genitives and names after
    it: 'глава ВТБ Андрей Костин', 'пресс-атташе компании "British Airways"'."""
    first = head
    while first > 0 and (fits_phrase_ru(words[first - 1]) or words[first - 1].text in "-\"«»"):
        first -= 1
    last = head
    if words[head].pos != "PRON":
        while last + 1 < len(words) and (fits_phrase_ru(words[last + 1]) or words[last + 1].text in "-\"«»"):
            last += 1
    while first < last and words[first].text in "-\"»":
        first += 1
    return trim_quotes(text, words[first].start, words[last].end) or (words[head].start, words[head].end)


def fits_phrase_ru(word: Word) -> bool:
    return word.pos in NP_PARTS_RU or (word.pos is None and word.text[:1].isupper())
