"""Latin -> Cyrillic spelling rules for names, learned from the Wikidata EN -> RU slice;
and the registry's errors on the BSNLP name variants.

    .venv/bin/python -m bench.names [--write]
    .venv/bin/python -m bench.names --variants [--type ORG]

Reads `names/wikidata_en_ru_translit/wd_russian_64` (the training part of the
development slice, README §13), learns which Cyrillic letters each group of Latin
letters is written with, and prints the 1-best accuracy of the rules on
`wd_russian_16` (the validation part) beside the rules now shipped. With
`--write` it replaces `storyline/understand/data/latin_cyrillic.tsv`.

How: (1) every training pair is aligned letter group to letter group (Latin groups
of 1–3 letters, Cyrillic groups of 0–2) by expectation maximisation over a joint
model of the pairs, as m2m-aligner does; (2) in the final alignments, each Latin
group's Cyrillic spelling is counted in context (the Latin letter before and after
it); (3) the table keeps the spelling of each group in general, and a spelling in
a context only where it differs from what the general rule would write. Nothing is
learned at run time: `storyline.understand.names` reads the table.

With `--variants` it reads `names/bsnlp_name_variants_dev.tsv` instead (README §15),
names each topic's entities with one fresh registry as `python -m bench.entities` does,
prints the cross-script pairwise scores and lists the registry's errors: each gold
entity it split, by the ids it gave (the cause is in the names), and each entity it
made of several gold ones.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from bench.common import REPO_ROOT, data_root, hash_order, skip

TABLE = REPO_ROOT / "storyline" / "understand" / "data" / "latin_cyrillic.tsv"
LATIN = re.compile(r"^[a-z]+$")
CYRILLIC = re.compile(r"^[а-яё]+$")

# Alignment shapes: (Latin letters, Cyrillic letters) of one group.
SHAPES = [(1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2), (3, 1), (3, 2)]
TRAINING_WORDS = 30_000  # the most frequent distinct pairs; more changed accuracy by < 0.5 point
ITERATIONS = 6
MIN_COUNT = 16  # weighted sightings a rule needs; 16 kept 1 717 rules at the accuracy of 4 (4 307)
ANY = "*"


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

def context_counts(pairs, scores) -> dict:
    """(latin group, letter before, letter after) -> Counter of Cyrillic spellings in the
    final alignments, weighted by 1 + log(name frequency); '*' stands for any letter."""
    counts: dict = defaultdict(Counter)
    for latin, cyrillic, frequency in pairs:
        path = best_alignment(latin, cyrillic, scores)
        if not path:
            continue
        at = 0
        for group, spelled in path:
            before = latin[at - 1] if at else "^"
            after = latin[at + len(group)] if at + len(group) < len(latin) else "$"
            weight = 1 + math.log(frequency)
            for key in ((group, ANY, ANY), (group, ANY, after), (group, before, ANY), (group, before, after)):
                counts[key][spelled] += weight
            at += len(group)
    return counts


def total(counts: dict, key) -> float:
    return sum(counts.get(key, {}).values())


def spelling_rules(counts: dict) -> list[tuple]:
    """('spell', group, before, after, cyrillic): the general spelling of every group seen
    often enough, and a spelling in context only where it changes what the decoder (most
    specific context first: both sides, after, before, none) would otherwise write."""
    rules, general, one_sided = [], {}, {}
    for (group, before, after), spellings in sorted(counts.items()):
        if before == ANY and after == ANY and sum(spellings.values()) >= MIN_COUNT:
            general[group] = spellings.most_common(1)[0][0]
            rules.append(("spell", group, ANY, ANY, general[group]))
    for (group, before, after), spellings in sorted(counts.items()):
        if group in general and (before == ANY) != (after == ANY) and sum(spellings.values()) >= MIN_COUNT:
            spelled = spellings.most_common(1)[0][0]
            if spelled != general[group]:
                one_sided[group, before, after] = spelled
                rules.append(("spell", group, before, after, spelled))
    for (group, before, after), spellings in sorted(counts.items()):
        if group in general and ANY not in (before, after) and sum(spellings.values()) >= MIN_COUNT:
            spelled = spellings.most_common(1)[0][0]
            fallback = (one_sided.get((group, ANY, after)) or one_sided.get((group, before, ANY))
                        or general[group])
            if spelled != fallback:
                rules.append(("spell", group, before, after, spelled))
    return rules


def unit_rules(counts: dict, groups) -> list[tuple]:
    """('unit', group, before, '*', yes|no): whether letters that can form a group are read
    as that group, in general and after a given letter where that differs. A group is
    read as one when the training words aligned it so more often than its first letter
    alone before its second."""
    rules = []
    for group in sorted(g for g in groups if len(g) > 1):
        default = total(counts, (group, ANY, ANY)) > total(counts, (group[0], ANY, group[1]))
        rules.append(("unit", group, ANY, ANY, "yes" if default else "no"))
        for before in sorted({key[1] for key in counts if key[0] == group and key[2] == ANY} - {ANY}):
            whole, alone = total(counts, (group, before, ANY)), total(counts, (group[0], before, group[1]))
            if whole + alone >= MIN_COUNT and (whole > alone) != default:
                rules.append(("unit", group, before, ANY, "yes" if whole > alone else "no"))
    return rules


def learned_rules(counts: dict) -> list[tuple]:
    spelled = spelling_rules(counts)
    return spelled + unit_rules(counts, {rule[1] for rule in spelled})


def write_table(rules, path: Path, trained_on: int) -> None:
    header = [
        "# Latin -> Cyrillic spelling of names, learned by `python -m bench.names --write`",
        f"# from the {trained_on} most frequent name tokens of wd_russian_64 (Wikidata EN -> RU,",
        "# training slice; README §13 of the shared data), aligned letter group to letter group",
        "# by EM. 'before'/'after' are the Latin letters around a group ('^' word start, '$' word",
        "# end, '*' any). spell: how a group is written (in context only where that differs);",
        "# unit: whether letters that can form a group are read as that group (after a given",
        "# letter only where that differs). Letter rules only: no name of the data is copied.",
        "#",
        "# kind\tlatin\tbefore\tafter\tvalue",
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
    scores = score_variants(rows, ids)["all topics"]
    print("cross-script P / R / F1:", " / ".join(f"{x:.3f}" for x in scores["cross"]))
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
    by_frequency = sorted(train, key=lambda p: (-p[2], hash_order(p[0] + p[1])))[:TRAINING_WORDS]
    scores = learn_alignment(by_frequency)
    rules = learned_rules(context_counts(by_frequency, scores))
    from storyline.understand.names import LatinSpelling, load_name_book, to_cyrillic

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
