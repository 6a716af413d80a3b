"""Latin -> Cyrillic spelling rules for names, learned from the Wikidata EN -> RU slice;
and the registry's errors on the BSNLP name variants.

    .venv/bin/python -m bench.names [--write]
    .venv/bin/python -m bench.names --variants [--type ORG]

Reads `names/wikidata_en_ru_translit/wd_russian_64` (the training part of the
development slice, README §13), learns which Cyrillic letters each group of Latin
letters is written with, and prints the 1-best accuracy of the rules on
`wd_russian_16` (the validation part) beside the rules now shipped. With
`--write` it replaces `storyline/understand/data/latin_cyrillic.tsv`.

How: (1) every training pair is aligned letter to letters (each Latin letter to 0–2
Cyrillic letters: 'reed' р-и-∅-д) by expectation maximisation over a joint model of the
pairs, as m2m-aligner does; (2) each Latin letter's spelling in those alignments is
counted in its contexts, from two letters on either side (three after) down to none
(`SPELLING_CONTEXTS`); (3) the table keeps the general spelling of each letter, and a
spelling in a context only where it writes more of the training letters right than the
rules of the more general contexts do. Nothing is learned at run time:
`storyline.understand.names` reads the table and spells each letter by the rule of its
most specific context.

With `--variants` it reads `names/bsnlp_name_variants_dev.tsv` instead (README §15),
names each topic's entities with one fresh registry as `python -m bench.entities` does,
prints the cross-script pairwise scores (all topics, and asia_bibi alone, whose ids are
global) and lists the registry's errors: each gold entity it split, by the ids it gave
(the cause is in the names), and each entity it made of several gold ones.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from bench.common import REPO_ROOT, data_root, hash_order, skip
from storyline.understand.names import (SILENT, SPELLING_CONTEXTS, LatinSpelling, letters_after, letters_before,
                                        load_name_book, to_cyrillic)

TABLE = REPO_ROOT / "storyline" / "understand" / "data" / "latin_cyrillic.tsv"
LATIN = re.compile(r"^[a-z]+$")
CYRILLIC = re.compile(r"^[а-яё]+$")

# Alignment shapes: (Latin letters, Cyrillic letters) of one group. One Latin letter a
# group: with groups of 2–3 letters ('bl' -> 'бл' in one word, 'b' + 'l' in another) the
# letters' spellings disagreed, and spelling letter by letter doubled or dropped letters.
SHAPES = [(1, 0), (1, 1), (1, 2)]
ALIGNMENT_WORDS = 30_000  # the most frequent distinct pairs fit the EM model; all are then aligned
ITERATIONS = 6
# Weighted sightings a rule in context must write right beyond the more general rules
# (tuned on wd_russian_16): 5 kept 2 758 rules at 0.560 per token / 0.674 count-weighted,
# 4.5 kept 3 063 at 0.560 / 0.675; keeping every context seen lost 3 points (rules of a
# context seen once or twice mislead).
MIN_GAIN = 5


def load_pairs(path: Path) -> list[tuple[str, str, int]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            latin, cyrillic = parts[0].lower(), parts[1].replace(" ", "")
            if LATIN.match(latin) and CYRILLIC.match(cyrillic):
                pairs.append((latin, cyrillic, int(parts[2])))
    return pairs


# --- alignment ---------------------------------------------------------------

def steps(latin: str, cyrillic: str, i: int, j: int):
    for a, b in SHAPES:
        if i + a <= len(latin) and j + b <= len(cyrillic):
            yield a, b, (latin[i:i + a], cyrillic[j:j + b])


def expected_counts(pairs, scores: dict) -> Counter:
    """One EM step: soft counts of letter-group pairs over all alignments (forward-backward)."""
    counts = Counter()
    for latin, cyrillic, _ in pairs:
        n, m = len(latin), len(cyrillic)
        forward = defaultdict(float, {(0, 0): 1.0})
        for i in range(n + 1):
            for j in range(m + 1):
                if forward[i, j]:
                    for a, b, pair in steps(latin, cyrillic, i, j):
                        forward[i + a, j + b] += forward[i, j] * scores.get(pair, 1e-9)
        total = forward[n, m]
        if not total:
            continue
        backward = defaultdict(float, {(n, m): 1.0})
        for i in range(n, -1, -1):
            for j in range(m, -1, -1):
                for a, b, pair in steps(latin, cyrillic, i, j):
                    if backward[i + a, j + b]:
                        weight = forward[i, j] * scores.get(pair, 1e-9) * backward[i + a, j + b]
                        backward[i, j] += scores.get(pair, 1e-9) * backward[i + a, j + b]
                        if weight:
                            counts[pair] += weight / total
    return counts


def normalised(counts: Counter) -> dict:
    total = sum(counts.values())
    return {pair: count / total for pair, count in counts.items()}


def initial_scores(pairs) -> dict:
    """Every group pair that occurs, scored alike, with a mild preference for 1:1 letters."""
    scores = {}
    for latin, cyrillic, _ in pairs:
        for i in range(len(latin)):
            for j in range(len(cyrillic) + 1):
                for a, b, pair in steps(latin, cyrillic, i, j):
                    scores[pair] = 1.0 if (a, b) == (1, 1) else 0.5
    return normalised(Counter(scores))


def best_alignment(latin: str, cyrillic: str, scores: dict) -> list[tuple[str, str]] | None:
    """Viterbi: the most probable sequence of group pairs spelling `latin` as `cyrillic`."""
    n, m = len(latin), len(cyrillic)
    best = {(0, 0): (0.0, None, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in best:
                continue
            for a, b, pair in steps(latin, cyrillic, i, j):
                score = best[i, j][0] + math.log(scores.get(pair, 1e-12))
                if (i + a, j + b) not in best or score > best[i + a, j + b][0]:
                    best[i + a, j + b] = (score, (i, j), pair)
    if (n, m) not in best:
        return None
    path, at = [], (n, m)
    while best[at][1] is not None:
        path.append(best[at][2])
        at = best[at][1]
    return path[::-1]


def learn_alignment(pairs) -> dict:
    scores = initial_scores(pairs)
    for _ in range(ITERATIONS):
        scores = normalised(expected_counts(pairs, scores))
    return scores


# --- rules -------------------------------------------------------------------------

def sightings(pairs, scores) -> list[tuple[tuple, str, float]]:
    """(the letter in each of its contexts, its spelling, weight) for every letter of the
    training words, weighted by 1 + log(name frequency): frequent names count more, but
    not so much that a few of them make the rules (tried on wd_russian_16: +1.7 points
    count-weighted, -0.2 per token against weight 1)."""
    found = []
    for latin, cyrillic, frequency in pairs:
        path = best_alignment(latin, cyrillic, scores)
        if not path:
            continue
        padded = f"^{latin}$"
        for at, (_, spelled) in enumerate(path, start=1):  # one Latin letter a group (SHAPES)
            keys = tuple((padded[at], letters_before(padded, at, before), letters_after(padded, at, after))
                         for before, after in SPELLING_CONTEXTS)
            found.append((keys, spelled, 1 + math.log(frequency)))
    return found


def learned_rules(found) -> list[tuple[str, str, str, str]]:
    """(letter, before, after, Cyrillic) rules, from the most general context to the most
    specific: the general spelling of every letter, and a spelling in a context only where it
    writes at least MIN_GAIN more of the context's sightings right than the rules of the more
    general contexts do (a decision list, pruned as it grows)."""
    rules, decided, predicted = [], set(), [None] * len(found)
    for level in reversed(range(len(SPELLING_CONTEXTS))):
        by_context = defaultdict(list)
        for n, (keys, _, _) in enumerate(found):
            if keys[level] not in decided:  # at a word's ends a wider context is a narrower one
                by_context[keys[level]].append(n)
        for key, seen in sorted(by_context.items()):
            decided.add(key)
            spelled, right = spelling_of(found, seen)
            already = sum(found[n][2] for n in seen if predicted[n] == found[n][1])
            if level == len(SPELLING_CONTEXTS) - 1 or right - already >= MIN_GAIN:
                rules.append((*key, spelled or SILENT))
                for n in seen:
                    predicted[n] = spelled
    return rules


def spelling_of(found, seen) -> tuple[str, float]:
    """The commonest spelling among some sightings, and their weight."""
    weights = Counter()
    for n in seen:
        weights[found[n][1]] += found[n][2]
    return weights.most_common(1)[0]


def write_table(rules, path: Path, trained_on: int) -> None:
    header = [
        "# Latin -> Cyrillic spelling of names, learned by `python -m bench.names --write`",
        f"# from the {trained_on} name tokens of wd_russian_64 (Wikidata EN -> RU, training slice;",
        "# README §13 of the shared data), aligned letter to 0-2 letters by EM. Each Latin letter",
        "# is written as the rule of its most specific context says: 'before'/'after' are the",
        "# Latin letters around it ('^' word start, '$' word end, '*' any), 'cyrillic' '-' is",
        "# silent. A rule in context is kept only where it corrects the more general ones.",
        "# Letter rules only: no name of the data is copied.",
        "#",
        "# latin\tbefore\tafter\tcyrillic",
    ]
    lines = ["\t".join(rule) for rule in rules]
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")


# --- evaluation ---------------------------------------------------------------------

def accuracy(pairs, spell) -> tuple[float, float]:
    right = weighted = total = 0
    for latin, cyrillic, frequency in pairs:
        hit = spell(latin) == cyrillic
        right += hit
        weighted += hit * frequency
        total += frequency
    return right / len(pairs), weighted / total


# --- the registry on the name variants ---------------------------------------------

def print_variant_errors(type: str | None) -> None:
    from bench.entities import (
        TYPES,
        build_registry_ids,
        load_variants,
        score_variants,
        variant_ids,
    )

    path = data_root() / "names" / "bsnlp_name_variants_dev.tsv"
    if not path.is_file():
        skip(f"no name variants at {path}")
    rows = load_variants(path)
    ids = variant_ids(rows, build_registry_ids())
    for scope, scores in score_variants(rows, ids).items():
        print(f"{scope} cross-script P / R / F1:", " / ".join(f"{x:.3f}" for x in scores["cross"]))
        for one in TYPES:
            print(f"  {one}:", " / ".join(f"{x:.3f}" for x in scores[one]))
    chosen = [(row, id) for row, id in zip(rows, ids) if type in (None, row.type)]
    print("\nsplit (a gold entity under several ids, across scripts):")
    for gold, found in grouped(chosen, lambda row, id: f"{row.topic}|{row.id}", lambda row, id: id):
        if len(found) > 1 and len({row.script for rows in found.values() for row in rows}) > 1:
            print(gold, *(f"    {id}: {names_of_rows(rows)}" for id, rows in found.items()), sep="\n")
    print("\nmerged (one id for several gold entities):")
    for id, gold in grouped(chosen, lambda row, id: id, lambda row, id: row.id):
        if len(gold) > 1:
            print(id, *(f"    {one}: {names_of_rows(rows)}" for one, rows in gold.items()), sep="\n")


def grouped(pairs, outer, inner) -> list[tuple[str, dict]]:
    groups: dict = defaultdict(lambda: defaultdict(list))
    for row, id in pairs:
        groups[outer(row, id)][inner(row, id)].append(row)
    return sorted(groups.items())


def names_of_rows(rows) -> str:
    return " | ".join(f"{row.name} [{row.script} {row.type}]" for row in rows)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.names", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {TABLE.relative_to(REPO_ROOT)}")
    parser.add_argument("--variants", action="store_true", help="the registry's errors on the BSNLP name variants")
    parser.add_argument("--type", choices=("PER", "LOC", "ORG"), help="with --variants: errors of this type only")
    args = parser.parse_args(argv)
    if args.variants:
        print_variant_errors(args.type)
        return
    folder = data_root() / "names" / "wikidata_en_ru_translit"
    if not (folder / "wd_russian_64").is_file():
        skip(f"no transliteration data at {folder}")
    train = load_pairs(folder / "wd_russian_64")
    dev = load_pairs(folder / "wd_russian_16")
    by_frequency = sorted(train, key=lambda p: (-p[2], hash_order(p[0] + p[1])))
    scores = learn_alignment(by_frequency[:ALIGNMENT_WORDS])
    rules = learned_rules(sightings(by_frequency, scores))
    learned = LatinSpelling.from_rules(rules)
    print(f"{len(rules)} rules from {len(by_frequency)} training tokens")
    print("wd_russian_16 1-best accuracy (per token, count-weighted):")
    if TABLE.exists():
        book = load_name_book()
        print(f"  shipped  {accuracy(dev, lambda word: to_cyrillic(book, word, False).lower())}")
    print(f"  learned  {accuracy(dev, learned.spell)}")
    if args.write:
        write_table(rules, TABLE, len(by_frequency))
        print(f"wrote {TABLE.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
