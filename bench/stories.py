"""Stories benchmark: same-story pairs, graded similarity, cross-lingual clusters,
near-duplicates and whole-pipeline throughput; storyline beside TF-IDF cosine and plain
MinHash, in one run.

    .venv/bin/python -m bench.stories [--quick] [--write]

Sets (../shared/data/README.md, read in place; exits 0 when the folder is absent):
  toloka     §10 same-story pairs (ru, en): F1 of the OK class and accuracy. The train
             pools were used to fit storyline's weights (connect/similarity.py); exam and
             honey are reported apart as the held-out part. Baselines get their threshold
             from the same train pools.
  semeval    §11 SemEval-2022 Task 8 training pairs: Pearson r between a system's score and
             `Overall`, sign flipped (Overall 1 = very similar, 4 = not: r is of score vs
             -Overall, so higher is better), per language pair, monolingual and
             cross-lingual apart. All pairs were part of storyline's fit (four weights
             and a bias: in 10-fold cross-validation r fell from 0.758 to 0.756).
  bsnlp      §6 raw documents of the dev topics, read in date order as a stream: online
             stories against the topics as coarse gold clusters, B-cubed P/R/F1. A topic
             holds many stories, so recall is bounded well below 1 by design.
  msrp       §16 sentence paraphrases as a near-duplicate proxy: a 'copy' verdict against
             the paraphrase label, P/R/F1 (paraphrases are rewrites, not copies: low recall
             is expected of a copy detector).
  reprints   reprints generated from the raw news pool (§18, ru and en): each original
             gets copies with chrome lines added, paragraphs cut, sentences reordered and a
             few words edited; every pool document is in the stream as a distractor.
             Pairwise P/R over copy groups.
  pipeline   `ingest` over the raw news pool: extract → entities → quotes → sentence
             vector, copy keys and search lemmas in two worker processes, registry, copies,
             stories and store in the main one; docs/s, CPU per document and peak RSS.
  fit        only when named (--only fit): refits storyline's weights in
             connect/similarity.py on the SemEval pairs and the Toloka train pools, and
             prints them with the 10-fold cross-validated SemEval r and F1 by
             threshold on the train pools; writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import random
import re
import resource
import statistics
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from bench.common import (command_line, data_root, hash_order, markdown_table, pick_quick, record_figures,
                          skip, text_table, today, write_section)

QUICK = {"toloka": 60, "semeval": 150, "bsnlp": 120, "msrp": 400, "originals": 30,
         "distractors": 300, "pipeline": 120}
# Full runs cap the two slowest sections (they annotate every document, about 14 docs/s on two cores):
# a fixed hash-ordered sample of BSNLP documents across all five topics, and of the pool.
FULL = {"originals": 300, "distractors": 100_000, "bsnlp": 800, "pipeline": 600}
WORKERS = 2  # the target machine has two cores
TRAIN_POOLS = ("ru_train", "en_train")
WORD = re.compile(r"\w+")
csv.field_size_limit(1 << 30)


# --- reading the sets ------------------------------------------------------

@dataclass(frozen=True)
class Doc:
    key: str
    text: str
    title: str | None = None
    as_body: bool = False  # structured input: every line is a paragraph
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Pair:
    set: str  # toloka pool name or semeval language pair
    a: str
    b: str
    gold: float  # 1/0 for toloka; Overall (1-4) for semeval


def read_toloka(root: Path) -> tuple[list[Doc], list[Pair]]:
    docs, pairs = [], []
    for path in sorted((root / "stories/tgcontest_toloka/clustering_pairs").glob("*_pool.tsv")):
        pool = "_".join(path.stem.split("_")[:2])
        with path.open(encoding="utf-8") as f:
            for number, row in enumerate(csv.DictReader(f, delimiter="\t")):
                keys = [f"toloka:{pool}:{number}:{side}" for side in ("first", "second")]
                for key, side in zip(keys, ("first", "second")):
                    docs.append(Doc(key, row[f"INPUT:{side}_text"], row[f"INPUT:{side}_title"], True))
                pairs.append(Pair(pool, *keys, 1.0 if row["GOLDEN:quality"] == "OK" else 0.0))
    return docs, pairs


def read_semeval(root: Path) -> tuple[list[Doc], list[Pair]]:
    docs, pairs = [], []
    with (root / "stories/semeval2022_train/training_set.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            keys = [f"semeval:{row['pair_id']}:{n}" for n in (1, 2)]
            docs += [Doc(keys[0], row["text1"]), Doc(keys[1], row["text2"])]
            pairs.append(Pair(f"{row['lang1']}-{row['lang2']}", *keys, float(row["Overall"])))
    return docs, pairs


def read_bsnlp(root: Path) -> list[tuple[Doc, str]]:
    """(document, topic) of every raw BSNLP document; line 5 is the title."""
    found = []
    for path in sorted((root / "ner/bsnlp2021_dev").glob("*/raw/*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) < 6:
            continue
        topic = path.parts[-4]
        found.append((Doc(f"bsnlp:{topic}:{path.parent.name}:{path.name}", "\n".join(lines[5:]),
                          lines[4].strip() or None, False, lines[2].strip()[:10] or None,
                          lines[3].strip() or None), topic))
    return found


def read_msrp(root: Path) -> list[tuple[str, str, int]]:
    with (root / "dedup/msrp/msr_paraphrase_train.txt").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_MINIMAL))
    return [(row[3], row[4], int(row[0])) for row in rows[1:] if len(row) >= 5]


def read_pool(root: Path) -> list[dict]:
    with gzip.open(root / "raw/news_pool.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# --- reading documents with storyline (two worker processes) --------------

_ANNOTATE = None


def _read_doc(doc: Doc, annotate: bool = True):
    """Extract (and annotate) one document as `storyline compare` / ingest would."""
    global _ANNOTATE
    from storyline.extract import extract_article
    from storyline.records import Page

    page = Page(source=doc.key, content=doc.text, title=doc.title, as_body=doc.as_body,
                date=doc.date, url=doc.url)
    started = time.perf_counter()
    article = extract_article(page)
    if article.error and not doc.as_body:  # a short text the page reader finds no article in
        article = extract_article(replace(page, as_body=True))
    extracted = time.perf_counter()
    if annotate and not article.error:
        if _ANNOTATE is None:
            from storyline.understand import build_annotator
            _ANNOTATE = build_annotator()
        article = _ANNOTATE(article)
    return doc.key, article, extracted - started, time.perf_counter() - extracted


def read_docs(docs: list[Doc], annotate: bool = True) -> dict:
    """key -> article, read by two worker processes."""
    with Pool(WORKERS) as pool:
        results = pool.starmap(_read_doc, [(doc, annotate) for doc in docs], chunksize=8)
    return {key: article for key, article, _, _ in results}


# --- systems ---------------------------------------------------------------

def article_text(article) -> str:
    return " ".join(filter(None, [article.title, *article.body]))


class TfIdf:
    """TF-IDF cosine over lowercased words of title and body, IDF from the set itself."""

    name = "TF-IDF cosine"

    def __init__(self, articles: dict):
        from scipy.sparse import csr_matrix

        self.keys = list(articles)
        counts = [Counter(WORD.findall(article_text(articles[k]).lower())) for k in self.keys]
        vocabulary = {w: i for i, w in enumerate({w for c in counts for w in c})}
        df = Counter(w for c in counts for w in c)
        rows, cols, values = [], [], []
        for row, c in enumerate(counts):
            for word, n in c.items():
                rows.append(row)
                cols.append(vocabulary[word])
                values.append((1 + math.log(n)) * math.log((1 + len(counts)) / (1 + df[word])))
        matrix = csr_matrix((values, (rows, cols)), shape=(len(counts), max(1, len(vocabulary))))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
        norms[norms == 0] = 1
        from scipy.sparse import diags
        self.matrix = diags(1 / norms) @ matrix
        self.row = {k: i for i, k in enumerate(self.keys)}

    def score(self, a: str, b: str) -> float:
        return float(self.matrix[self.row[a]].multiply(self.matrix[self.row[b]]).sum())

    def all_pairs(self):
        return (self.matrix @ self.matrix.T).tocsr()


class MinHashWords:
    """Plain MinHash: estimated Jaccard of the sets of words (stories) or word 4-grams (copies)."""

    name = "MinHash"

    def __init__(self, articles: dict, shingle: int = 1, num_perm: int = 128):
        from datasketch import MinHash

        self.signatures = {}
        for key, article in articles.items():
            words = WORD.findall(article_text(article).lower())
            grams = {" ".join(words[i:i + shingle]).encode() for i in range(max(1, len(words) - shingle + 1))}
            signature = MinHash(num_perm=num_perm, seed=7)
            signature.update_batch(list(grams))
            self.signatures[key] = signature

    def score(self, a: str, b: str) -> float:
        return float(self.signatures[a].jaccard(self.signatures[b]))


class Storyline:
    name = "storyline"

    def __init__(self, articles: dict):
        from storyline.connect import lead_text, load_encoder, profile
        from storyline.ingest import agency_names

        encode = load_encoder(threads=WORKERS)
        keys = [k for k, a in articles.items() if not a.error]
        vectors = encode([lead_text(articles[k]) for k in keys])
        names = agency_names()
        self.profiles = {k: profile(articles[k], v, names) for k, v in zip(keys, vectors)}

    def score(self, a: str, b: str) -> float:
        from storyline.connect import compare_profiles
        if a not in self.profiles or b not in self.profiles:
            return 0.0
        return compare_profiles(self.profiles[a], self.profiles[b]).score


def systems_for(articles: dict) -> list:
    return [Storyline(articles), TfIdf(articles), MinHashWords(articles)]


# --- metrics ---------------------------------------------------------------

def f1_at(scores, golds, threshold) -> tuple[float, float, float, float]:
    """(precision, recall, F1 of the positive class, accuracy)."""
    predicted = [s >= threshold for s in scores]
    tp = sum(p and g == 1 for p, g in zip(predicted, golds))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(g == 1 for g in golds))
    f1 = 2 * tp / max(1, sum(predicted) + sum(g == 1 for g in golds))
    accuracy = sum(p == (g == 1) for p, g in zip(predicted, golds)) / max(1, len(golds))
    return precision, recall, f1, accuracy


def best_threshold(scores, golds) -> float:
    candidates = sorted(set(round(s, 4) for s in scores)) or [0.5]
    return max(candidates, key=lambda t: f1_at(scores, golds, t)[2])


def pearson(xs, ys) -> float | None:
    if len(xs) < 3 or statistics.pstdev(xs) == 0 or statistics.pstdev(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])


def bcubed(predicted: dict, gold: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of item -> cluster against item -> class."""
    by_cluster, by_class = defaultdict(set), defaultdict(set)
    for item in gold:
        by_cluster[predicted[item]].add(item)
        by_class[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        cluster, klass = by_cluster[predicted[item]], by_class[gold[item]]
        shared = len(cluster & klass)
        precision += shared / len(cluster)
        recall += shared / len(klass)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pair_prf(predicted: set, gold: set) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- sections --------------------------------------------------------------

def bench_toloka(root: Path, quick: bool) -> tuple[list, list]:
    docs, pairs = read_toloka(root)
    if quick:
        pairs = pick_quick(pairs, lambda p: p.a, QUICK["toloka"])
    wanted = {k for p in pairs for k in (p.a, p.b)}
    articles = read_docs([d for d in docs if d.key in wanted])
    rows = []
    for system in systems_for(articles):
        scores = {p: system.score(p.a, p.b) for p in pairs}
        train = [p for p in pairs if p.set in TRAIN_POOLS]
        if isinstance(system, Storyline):
            from storyline.connect import SAME_STORY_THRESHOLD
            threshold = SAME_STORY_THRESHOLD
        else:
            threshold = best_threshold([scores[p] for p in train], [p.gold for p in train])
        for name, subset in [("ru held-out (exam+honey)", [p for p in pairs if p.set in ("ru_exam", "ru_honey")]),
                             ("ru train", [p for p in pairs if p.set == "ru_train"]),
                             ("en train", [p for p in pairs if p.set == "en_train"]),
                             ("all", pairs)]:
            if subset:
                p, r, f, a = f1_at([scores[x] for x in subset], [x.gold for x in subset], threshold)
                rows.append([system.name, name, len(subset), p, r, f, a, threshold])
    return rows, pairs


def bench_semeval(root: Path, quick: bool) -> list:
    docs, pairs = read_semeval(root)
    if quick:
        pairs = pick_quick(pairs, lambda p: p.a, QUICK["semeval"])
    wanted = {k for p in pairs for k in (p.a, p.b)}
    articles = read_docs([d for d in docs if d.key in wanted])
    groups = sorted({p.set for p in pairs}, key=lambda s: (s.split("-")[0] != s.split("-")[1], s))
    rows = []
    for system in systems_for(articles):
        scores = {p: system.score(p.a, p.b) for p in pairs}

        def r(subset):
            return pearson([scores[p] for p in subset], [-p.gold for p in subset])
        mono = [p for p in pairs if p.set.split("-")[0] == p.set.split("-")[1]]
        cross = [p for p in pairs if p not in set(mono)]
        row = [system.name, r(pairs), r(mono), r(cross),
               r([p for p in pairs if p.set in ("en-en", "ru-ru")])]
        row += [r([p for p in pairs if p.set == g]) for g in groups]
        rows.append(row)
    header = ["system", f"all (n={len(pairs)})", "monolingual", "cross-lingual", "en-en + ru-ru"]
    header += [f"{g} (n={sum(p.set == g for p in pairs)})" for g in groups]
    return [header, *rows]


def online_clusters(keys: list[str], score, threshold: float) -> dict:
    """Single-pass clustering for a baseline: join the best earlier item's cluster above the
    threshold, else open a cluster."""
    cluster = {}
    for i, key in enumerate(keys):
        best, best_score = None, threshold
        for other in keys[:i]:
            s = score(key, other)
            if s >= best_score:
                best, best_score = other, s
        cluster[key] = cluster[best] if best else key
    return cluster


def bench_bsnlp(root: Path, quick: bool, thresholds: dict) -> list:
    items = read_bsnlp(root)
    items = pick_quick(items, lambda item: item[0].key, (QUICK if quick else FULL)["bsnlp"])
    items.sort(key=lambda item: (item[0].date or "", item[0].key))
    gold = {doc.key: topic for doc, topic in items}
    articles = read_docs([doc for doc, _ in items])
    keys = [doc.key for doc, _ in items if not articles[doc.key].error]
    gold = {k: gold[k] for k in keys}
    stories = storyline_stories(articles, keys)
    rows = [["storyline", len(keys), *bcubed(stories, gold), len(set(stories.values()))]]
    for system in (TfIdf({k: articles[k] for k in keys}), MinHashWords({k: articles[k] for k in keys})):
        if isinstance(system, TfIdf):
            sims = system.all_pairs()
            row = system.row
            score = lambda a, b: sims[row[a], row[b]]
        else:
            score = system.score
        clusters = online_clusters(keys, score, thresholds[system.name])
        rows.append([system.name, len(keys), *bcubed(clusters, gold), len(set(clusters.values()))])
    return rows


def storyline_stories(articles: dict, keys: list[str]) -> dict:
    """key -> story id from the real ingest path into a fresh store."""
    from storyline.ingest import ingest
    from storyline.settings import load_settings
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "b.db") as store:
        ingest([articles[k] for k in keys], store, [], load_settings(batch_size=32))
        by_id = {articles[k].id: k for k in keys}
        found = {by_id[a.id]: story for a, story in store.iter_with_stories() if a.id in by_id}
    return {k: found.get(k, k) for k in keys}


def bench_msrp(root: Path, quick: bool) -> list:
    from rapidfuzz import fuzz

    from storyline.connect.copies import COPY_THRESHOLD, SENTENCE_MATCH
    pairs = read_msrp(root)
    if quick:
        pairs = pick_quick(pairs, lambda p: p[0], QUICK["msrp"])
    golds = [g for _, _, g in pairs]
    # storyline's copy test on one sentence each: aligned when token_sort_ratio ≥ SENTENCE_MATCH
    ours = [1.0 if fuzz.token_sort_ratio(a.lower(), b.lower()) >= SENTENCE_MATCH else 0.0 for a, b, _ in pairs]
    from datasketch import MinHash

    def jaccard(a, b):
        signatures = []
        for text in (a, b):
            words = WORD.findall(text.lower())
            signature = MinHash(num_perm=128, seed=7)
            signature.update_batch([" ".join(words[i:i + 4]).encode() for i in range(max(1, len(words) - 3))])
            signatures.append(signature)
        return signatures[0].jaccard(signatures[1])
    minhash = [jaccard(a, b) for a, b, _ in pairs]
    rows = [["storyline copy test", len(pairs), *f1_at(ours, golds, 0.5), COPY_THRESHOLD]]
    rows.append(["MinHash 4-gram J ≥ 0.5", len(pairs), *f1_at(minhash, golds, 0.5), 0.5])
    return rows


# --- generated reprints ----------------------------------------------------

CHROME = {
    "en": ["Subscribe to our newsletter", "Share this article", "Read more:", "Advertisement",
           "Follow us on Twitter", "Sign up for breaking news alerts", "Related stories",
           "Click here to comment", "© All rights reserved", "Photo: Getty Images"],
    "ru": ["Подписывайтесь на наш канал в Telegram", "Поделиться", "Читайте также:", "Реклама",
           "Новости партнеров", "Все новости", "Комментарии", "Фото: ТАСС",
           "При использовании материалов ссылка обязательна", "Подпишитесь на рассылку"],
}
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def pool_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n+", text) if p.strip()]


def make_reprint(title: str, paragraphs: list[str], language: str, rng: random.Random) -> tuple[str, list[str]]:
    """A copy of an item as another site republishes it."""
    paragraphs = list(paragraphs)
    changes = rng.sample(["chrome", "cut", "reorder", "edit", "title"], k=rng.randint(2, 4))
    if "cut" in changes and len(paragraphs) > 3:
        keep = max(2, round(len(paragraphs) * rng.uniform(0.6, 0.9)))
        paragraphs = paragraphs[:keep] if rng.random() < 0.6 else sorted(
            rng.sample(paragraphs, keep), key=paragraphs.index)
    if "reorder" in changes:
        for i in rng.sample(range(len(paragraphs)), k=min(2, len(paragraphs))):
            sentences = SENTENCE.split(paragraphs[i])
            rng.shuffle(sentences)
            paragraphs[i] = " ".join(sentences)
    if "edit" in changes:
        for i in range(len(paragraphs)):
            words = paragraphs[i].split()
            for j in rng.sample(range(len(words)), k=len(words) // 40):
                words[j] = words[j].upper() if rng.random() < 0.5 else ""
            paragraphs[i] = " ".join(w for w in words if w)
    if "title" in changes:
        title = f"{title} | {rng.choice(['News', 'Lenta', 'Daily', 'Online'])}"
    if "chrome" in changes:
        chrome = CHROME[language]
        paragraphs = rng.sample(chrome, 2) + paragraphs + rng.sample(chrome, rng.randint(1, 3))
    return title, paragraphs


POOL_DUPLICATE_COSINE = 0.6


def without_pool_duplicates(docs: list[dict]) -> list[dict]:
    """The pool holds natural reprints (BSNLP gathered one story from several sites): keep
    one of each pair with word TF-IDF cosine ≥ 0.6, by a measure independent of storyline's,
    so that every copy pair left in the set is one we generated and knows about."""
    from storyline.records import Article

    articles = {d["id"]: Article(id=d["id"], source="pool", title=d["title"], body=(d["text"],)) for d in docs}
    sims = TfIdf(articles).all_pairs().tocoo()
    dropped = {max(i, j) for i, j, v in zip(sims.row, sims.col, sims.data) if i != j and v >= POOL_DUPLICATE_COSINE}
    return [d for n, d in enumerate(docs) if n not in dropped]


def reprint_set(pool: list[dict], quick: bool) -> tuple[list[Doc], dict]:
    """Documents (originals, copies, distractors) and key -> group for the copies' groups."""
    usable = [d for d in pool if d["lang"] in ("ru", "en") and "<p>" not in d["text"]
              and len(pool_paragraphs(d["text"])) >= 3 and len(d["text"].split()) >= 120]
    usable.sort(key=lambda d: hash_order(d["id"]))
    usable = without_pool_duplicates(usable)
    sizes = QUICK if quick else FULL
    originals, distractors = usable[:sizes["originals"]], usable[sizes["originals"]:][:sizes["distractors"]]
    docs, groups = [], {}
    for d in originals:
        rng = random.Random(hash_order(d["id"]))
        title, paragraphs = d["title"] or pool_paragraphs(d["text"])[0][:80], pool_paragraphs(d["text"])
        docs.append(Doc(f"orig:{d['id']}", "\n".join(paragraphs), title, True))
        groups[f"orig:{d['id']}"] = d["id"]
        for n in range(rng.randint(1, 3)):
            copy_title, copy_paragraphs = make_reprint(title, paragraphs, d["lang"], rng)
            docs.append(Doc(f"copy{n}:{d['id']}", "\n".join(copy_paragraphs), copy_title, True))
            groups[f"copy{n}:{d['id']}"] = d["id"]
    for d in distractors:
        docs.append(Doc(f"pool:{d['id']}", "\n".join(pool_paragraphs(d["text"])), d["title"], True))
    return docs, groups


def gold_pairs(groups: dict) -> set:
    members = defaultdict(list)
    for key, group in groups.items():
        members[group].append(key)
    return {frozenset((a, b)) for keys in members.values() for i, a in enumerate(keys) for b in keys[i + 1:]}


def group_pairs(links: list[tuple[str, str]]) -> set:
    """All pairs within the groups that the links join (copy groups are transitive: two
    copies that cut different paragraphs are one group through their original)."""
    parent: dict[str, str] = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for a, b in links:
        parent[root(a)] = root(b)
    return gold_pairs({x: root(x) for x in parent})


def storyline_copies(articles: dict, keys: list[str]) -> set:
    """Copy groups as ingest forms them: LSH keys, rapidfuzz confirmation, each article
    joining the group of its best-matching earlier article."""
    from storyline.connect import copy_keys, is_copy

    buckets, links = defaultdict(list), []
    for key in keys:
        article = articles[key]
        bands = copy_keys(article)
        scored = [(is_copy(articles[other], article), other) for other in {o for b in bands for o in buckets[b]}]
        scored = [(s, other) for s, other in scored if s is not None]
        if scored:
            links.append((key, max(scored)[1]))
        for band in bands:
            buckets[band].append(key)
    return group_pairs(links)


def minhash_copies(articles: dict, keys: list[str], threshold: float = 0.5) -> set:
    from datasketch import MinHashLSH

    system = MinHashWords({k: articles[k] for k in keys}, shingle=4)
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    links = []
    for key in keys:
        signature = system.signatures[key]
        links += [(key, other) for other in lsh.query(signature)
                  if signature.jaccard(system.signatures[other]) >= threshold]
        lsh.insert(key, signature)
    return group_pairs(links)


def tfidf_copies(articles: dict, keys: list[str], threshold: float = 0.9) -> set:
    links = []
    for language in {articles[k].language for k in keys}:
        same = [k for k in keys if articles[k].language == language]
        if len(same) < 2:
            continue
        system = TfIdf({k: articles[k] for k in same})
        sims = system.all_pairs().tocoo()
        links += [(same[i], same[j]) for i, j, v in zip(sims.row, sims.col, sims.data) if i < j and v >= threshold]
    return group_pairs(links)


def bench_reprints(pool: list[dict], quick: bool) -> list:
    docs, groups = reprint_set(pool, quick)
    articles = read_docs(docs, annotate=False)
    keys = [d.key for d in docs if not articles[d.key].error]
    gold = {pair for pair in gold_pairs({k: g for k, g in groups.items() if k in set(keys)})}
    rows = []
    for name, found in [("storyline (LSH + rapidfuzz)", storyline_copies(articles, keys)),
                        ("MinHash LSH, J ≥ 0.5", minhash_copies(articles, keys)),
                        ("TF-IDF cosine ≥ 0.9", tfidf_copies(articles, keys))]:
        rows.append([name, len(keys), len(gold), len(found), *pair_prf(found, gold)])
    return rows


# --- whole pipeline --------------------------------------------------------

def bench_pipeline(pool: list[dict], quick: bool) -> list:
    """`ingest` as the CLI runs it: two worker processes extract, annotate and prepare
    for connecting (forked after the models load), the main process connects and stores."""
    from storyline.extract import ExtractOptions, extract_article
    from storyline.ingest import ingest
    from storyline.records import Page
    from storyline.settings import load_settings
    from storyline.store import Store
    from storyline.understand import build_annotator
    from storyline.understand.search_terms import build_search_terms

    records = pick_quick(pool, lambda d: d["id"], (QUICK if quick else FULL)["pipeline"])
    pages = [Page(source=d["id"], content=d["text"], title=d["title"], date=d["date"], url=d["url"])
             for d in records]
    options = ExtractOptions()
    stages = [lambda page: extract_article(page, options), build_annotator()]
    lemmatize, spellings = build_search_terms()  # the search index's lemmas, as `storyline ingest` has
    settings = load_settings(batch_size=32, workers=WORKERS)
    main_cpu, children_cpu = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with (tempfile.TemporaryDirectory() as folder,
          Store(Path(folder) / "p.db", lemmatize=lemmatize, expand_query=spellings) as store):
        tally = ingest(pages, store, stages, settings)
        stored = store.counts()
    wall = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = children.ru_utime + children.ru_stime - children_cpu.ru_utime - children_cpu.ru_stime
    main_cpu = time.process_time() - main_cpu
    peak_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(pages)
    return [[n, tally["failed"], wall, n / wall, 1000 * worker_cpu / n, 1000 * main_cpu / n,
             stored["articles"], stored["stories"], peak_main, children.ru_maxrss / 1024]]


# --- refitting storyline's weights ------------------------------------------

def fit_logistic(features: np.ndarray, targets: np.ndarray, l2: float = 1.0, steps: int = 30):
    """(bias, weights) of a logistic regression with L2 on the weights (sklearn's with C =
    1/l2), by Newton's method. Targets may be soft (0-1): the loss is the cross-entropy."""
    design = np.hstack([np.ones((len(features), 1)), features])
    penalty = np.diag([0.0] + [l2] * features.shape[1])
    beta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (p - targets) + penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        beta -= np.linalg.solve(hessian, gradient)
    return beta[0], beta[1:]


def pair_signals(root: Path, read) -> list[tuple[Pair, list[float]]]:
    """Each pair of a set with storyline's signals, in the order of WEIGHTS."""
    from storyline.connect import compare_profiles
    from storyline.connect.similarity import WEIGHTS

    docs, pairs = read(root)
    wanted = {k for p in pairs for k in (p.a, p.b)}
    system = Storyline(read_docs([d for d in docs if d.key in wanted]))
    found = [p for p in pairs if p.a in system.profiles and p.b in system.profiles]
    return [(p, [getattr(compare_profiles(system.profiles[p.a], system.profiles[p.b]), name) for name in WEIGHTS])
            for p in found]


def cross_validated(features: np.ndarray, targets: np.ndarray, pairs: list[Pair], folds: int = 10) -> np.ndarray:
    """Each pair's score from a fit on the other folds; a pair's fold is a hash of its first
    document, so that every run splits alike."""
    fold = np.array([zlib.crc32(p.a.encode()) % folds for p in pairs])
    scores = np.zeros(len(pairs))
    for k in range(folds):
        bias, weights = fit_logistic(features[fold != k], targets[fold != k])
        scores[fold == k] = 1 / (1 + np.exp(-(bias + features[fold == k] @ weights)))
    return scores


def bench_fit(root: Path) -> None:
    """Prints refitted weights: SemEval pairs with soft targets (4 - Overall) / 3, Toloka
    train pools with OK = 1, BAD = 0; the 10-fold cross-validated SemEval Pearson r; and F1
    by threshold on the train pools, in-sample and cross-validated."""
    from storyline.connect.similarity import WEIGHTS

    semeval = pair_signals(root, read_semeval)
    train = [(p, x) for p, x in pair_signals(root, read_toloka) if p.set in TRAIN_POOLS]
    features = np.array([x for _, x in semeval + train])
    targets = np.array([(4 - p.gold) / 3 for p, _ in semeval] + [p.gold for p, _ in train])
    bias, weights = fit_logistic(features, targets)
    print("WEIGHTS =", {name: round(float(w), 2) for name, w in zip(WEIGHTS, weights)}, f"BIAS = {bias:.2f}")
    held = cross_validated(features, targets, [p for p, _ in semeval + train])
    print(f"SemEval Pearson r, 10-fold cross-validated: {pearson(held[:len(semeval)], targets[:len(semeval)]):.4f}")
    scores = 1 / (1 + np.exp(-(bias + np.array([x for _, x in train]) @ weights)))
    golds = [p.gold for p, _ in train]
    for threshold in np.arange(0.40, 0.90, 0.02):
        print(f"threshold {threshold:.2f}: F1 on the train pools {f1_at(scores, golds, threshold)[2]:.3f}, "
              f"cross-validated {f1_at(held[len(semeval):], golds, threshold)[2]:.3f}")


# --- main ------------------------------------------------------------------

def report(sections: dict, args, seconds: float) -> str:
    lines = [f"## Stories\n\n{today()}, {'--quick subsets' if args.quick else 'full development sets'}, "
             f"{seconds:.0f} s so far, 1-minute load average {os.getloadavg()[0]:.1f} on "
             f"{os.cpu_count()} cores (timings rise with other work on the machine). "
             f"Command: `{command_line('bench.stories')}`\n"]
    for title, (header, rows, note) in sections.items():
        lines += [f"{title}: {note}\n", markdown_table(header, rows), ""]
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small fixed subsets, for a smoke run")
    parser.add_argument("--write", action="store_true", help="write the stories section of docs/benchmarks.md")
    parser.add_argument("--only", default=None, help="comma-separated sections to run")
    args = parser.parse_args(argv)
    root = data_root()
    if not (root / "stories").is_dir():
        skip(f"no data folder at {root} (set STORYLINE_DATA)")
    only = set(args.only.split(",")) if args.only else None
    wanted = lambda name: only is None or name in only
    if only and "fit" in only:
        bench_fit(root)
    started = time.perf_counter()
    sections = {}

    def done(title, header, rows, note):
        """Print a finished section at once, and with --write keep what is done so far."""
        sections[title] = (header, rows, note)
        print(f"\n{title}: {note}\n{text_table(header, rows)}", flush=True)
        if args.write:
            write_section("stories", report(sections, args, time.perf_counter() - started))
    thresholds = {"TF-IDF cosine": 0.3, "MinHash": 0.2}
    if wanted("toloka"):
        rows, _ = bench_toloka(root, args.quick)
        thresholds.update({row[0]: row[7] for row in rows if row[0] != "storyline"})
        done("Toloka same-story pairs",
            ["system", "pairs", "n", "P", "R", "F1 (OK)", "acc", "threshold"], rows,
            "F1 of the OK class. Thresholds: storyline's shipped one; the baselines' best F1 "
            "on the train pools (also used for them on BSNLP).")
    if wanted("semeval"):
        header, *rows = bench_semeval(root, args.quick)
        done("SemEval-2022 Task 8 training pairs",
            header, rows, "Pearson r of the score against −Overall (Overall 1 = very similar, "
            "4 = unrelated, so the sign is flipped: higher is better). storyline's four weights "
            "and bias were fit on all these pairs and the Toloka train pools: in-sample for "
            "storyline (10-fold cross-validated r over all: 0.756).")
    if wanted("bsnlp"):
        rows = bench_bsnlp(root, args.quick, thresholds)
        done("BSNLP dev topics as clusters",
            ["system", "docs", "B³ P", "B³ R", "B³ F1", "clusters"], rows,
            "online single pass in date order; gold = the topic (coarse: one topic holds many "
            "stories, so B³ recall stays low by design).")
    if wanted("msrp"):
        rows = bench_msrp(root, args.quick)
        done("MSRP paraphrases (near-duplicate proxy)",
            ["system", "pairs", "P", "R", "F1", "acc", "threshold"], rows,
            "a copy verdict against the paraphrase label; paraphrases are rewrites, so a copy "
            "detector should be precise here and is not meant to find them all.")
    pool = read_pool(root) if wanted("reprints") or wanted("pipeline") else []
    if wanted("reprints"):
        rows = bench_reprints(pool, args.quick)
        done("Generated reprints (near-duplicates)",
            ["system", "docs", "gold pairs", "found pairs", "P", "R", "F1"], rows,
            "originals from the raw news pool (ru, en) with 1–3 copies each (chrome lines, cut "
            "paragraphs, reordered sentences, edited words, retitled), every other pool document "
            "as a distractor after the pool's own reprints are removed (TF-IDF cosine ≥ 0.6); "
            "pairs within a copy group, groups closed transitively for every system.")
    if wanted("pipeline"):
        rows = bench_pipeline(pool, args.quick)
        done("Whole pipeline on the raw news pool",
            ["docs", "failed", "wall s", "docs/s", "workers CPU ms/doc", "main CPU ms/doc",
             "articles", "stories", "peak RSS main MB", "peak RSS worker MB"], rows,
            f"`ingest` as the CLI runs it: extract → entities → quotes → sentence vector, copy keys "
            f"and search lemmas in {WORKERS} worker processes, wire copies, entity registry, stories "
            "and store in the main one. CPU ms/doc: the workers' summed, and the main process's "
            "(connect, store, loading the sentence model).")
    record_figures("stories", headline_figures(sections))
    if wanted("scale"):
        done("Placing one article beside a full store",
            ["stored articles", "fill s", "median ms/article", "max ms/article"], bench_scale(args.quick),
            "synthetic articles (Zipf entities, random vectors, no model): candidate search by "
            "entity keys, copy keys and the vector index, scoring, store write; one article per "
            "transaction.")



def headline_figures(sections: dict) -> dict[str, float]:
    """storyline's figures that the gate (bench/gate.py) holds at their floors."""
    def ours(title: str, first: str = "storyline") -> list[list]:
        header, rows, _ = sections.get(title, (None, [], None))
        return [row for row in rows if str(row[0]).startswith(first)]
    figures = {}
    for row in ours("Toloka same-story pairs"):
        figures[f"toloka {row[1]} F1"] = row[5]
    for row in ours("SemEval-2022 Task 8 training pairs"):
        figures["semeval Pearson all"] = row[1]
    for row in ours("BSNLP dev topics as clusters"):
        figures["bsnlp B3 F1"] = row[4]
    for row in ours("Generated reprints (near-duplicates)", "storyline"):
        figures |= {"reprints P": row[4], "reprints R": row[5]}
    return figures


# --- scale: placing one article beside 100 000 stored ones -----------------

def synthetic_articles(count: int, rng: np.random.Generator) -> list:
    """Articles with Zipf-distributed entities (a few in a third of all news, most rare)
    and random words, enough to exercise candidate search; no data needed."""
    from storyline.records import Article, Entity

    entity_ids = [f"PER:person-{n}" for n in range(20_000)]
    words = [f"word{n}" for n in range(30_000)]
    articles = []
    for n in range(count):
        chosen = {entity_ids[min(int(i), len(entity_ids)) - 1] for i in rng.zipf(1.3, size=6)}
        body = " ".join(words[min(int(i), len(words)) - 1] for i in rng.zipf(1.2, size=120))
        articles.append(Article(id=f"syn{n:07d}", source="synthetic", language="en", title=body[:60],
                                body=(body,), published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                entities=tuple(Entity(e, e, "PER") for e in sorted(chosen))))
    return articles


def bench_scale(quick: bool) -> list:
    from storyline.connect import copy_keys, vector_bytes
    from storyline.ingest import build_connector, connect_and_store
    from storyline.settings import load_settings
    from storyline.store import Links, Store

    stored_count = 10_000 if quick else 100_000
    rng = np.random.default_rng(7)
    random_vectors = lambda n: (lambda m: m / np.linalg.norm(m, axis=1, keepdims=True))(
        rng.standard_normal((n, 512)).astype(np.float32))
    connector = build_connector(lambda texts: random_vectors(len(texts)))  # the model's time: see `pipeline`
    settings = load_settings(batch_size=1)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "scale.db") as store:
        started = time.perf_counter()
        for chunk_start in range(0, stored_count, 5000):
            chunk = synthetic_articles(min(5000, stored_count - chunk_start), rng)
            chunk = [replace(a, id=f"s{chunk_start + i:07d}") for i, a in enumerate(chunk)]
            store.add([(a, None, Links(tuple(copy_keys(a)), vector_bytes(v)))
                       for a, v in zip(chunk, random_vectors(len(chunk)))])
        filled = time.perf_counter() - started
        new = [replace(a, id=f"new{i}") for i, a in enumerate(synthetic_articles(50, rng))]
        connect_and_store(new[:1], store, settings, connector)  # loads the vector index once
        times = []
        for article in new[1:]:
            t = time.perf_counter()
            connect_and_store([article], store, settings, connector)
            times.append(time.perf_counter() - t)
    return [[stored_count, filled, 1000 * statistics.median(times), 1000 * max(times)]]


if __name__ == "__main__":
    main()
