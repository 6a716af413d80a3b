"""Statements across languages: is a quotation's translation found as the same statement?

    .venv/bin/python -m bench.statements [--quick] [--write]

Set (../shared/data/README.md §10, read in place; exits 0 when the folder is absent): the
English news of the Toloka category pools, each with its Russian machine translation. Both
versions of each article are read by storyline (extract-free: title and text as given),
their entities linked through one registry, their quotations encoded as `storyline ingest`
encodes them, and all of them grouped into statements at once, as a story's or a speaker's
page groups them.

No gold pairs exist, so two things are counted, both honest bounds:
  precision  of the (English report, Russian report) pairs that one statement holds, the
             share whose two reports come from one article and its translation (pairs
             across articles are errors; articles whose English text is the same count
             as one);
  found      the share of English quotations long enough to match (`SHORT_WORDS`) that
             are joined with a Russian report of their own translation. The translation
             may hold no such quotation (the Russian reading finds fewer quotations on
             machine-translated text), so 1.0 is out of reach: the most that one-to-one
             matching could find is printed beside it.
A machine's translation keeps more of the words than a journalist's: real reports of one
statement in two languages will come out less alike than these.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from dataclasses import replace
from pathlib import Path

from bench.common import (command_line, data_root, markdown_table, pick_quick, record_figures, skip, text_table,
                          today, write_section)

QUICK = 60
COSINES = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
csv.field_size_limit(1 << 30)


def read_translated(root: Path) -> list[tuple[str, dict]]:
    """(article group, row) for each English news item with its Russian translation; items
    with the same English text share one group."""
    rows = []
    for path in sorted((root / "stories/tgcontest_toloka/categories").glob("en_cat_*.tsv")):
        with path.open(encoding="utf-8", newline="") as lines:
            rows += [row for row in csv.DictReader(lines, delimiter="\t") if row.get("INPUT:trans_text")]
    groups: dict[str, str] = {}
    return [(groups.setdefault(row["INPUT:text"].strip(), str(len(groups))), row) for row in rows]


def read_articles(items: list[tuple[str, dict]]) -> tuple[list, dict, dict, float]:
    """Both versions of each item annotated, linked and with their quotations' vectors as
    ingest prepares them: the articles, their groups, the vectors by article, and what the
    quotations add to preparing an article, CPU ms per article."""
    from storyline.connect.identities import link_entities
    from storyline.connect.meaning import load_encoder
    from storyline.ingest import prepare
    from storyline.records import Article
    from storyline.understand import build_annotator
    from storyline.understand.names import load_name_book
    from storyline.understand.registry import Registry

    annotate, registry, encode = build_annotator(), Registry(load_name_book()), load_encoder()
    articles, groups, vectors, encoding = [], {}, {}, 0.0
    for number, (group, row) in enumerate(items):
        for language, title, text in (("en", row["INPUT:title"], row["INPUT:text"]),
                                      ("ru", row["INPUT:trans_title"], row["INPUT:trans_text"])):
            body = tuple(line.strip() for line in re.split(r"\n+", text) if line.strip())
            article = annotate(Article(id=f"{number}:{language}", source="toloka", language=language,
                                       title=title, body=body))
            article = link_entities(article, registry.identify)
            started = time.process_time()
            vectors[article.id] = prepare(article, encode, None).quote_vectors
            middle = time.process_time()
            prepare(replace(article, quotes=()), encode, None)  # the same but the quotations: their cost
            encoding += 2 * middle - started - time.process_time()
            articles.append(article)
            groups[article.id] = group
    # speakers under the ids they ended with: a later name may have merged two entities
    articles = [replace(a, quotes=tuple(replace(q, speaker_id=q.speaker_id and registry.resolve(q.speaker_id))
                                        for q in a.quotes)) for a in articles]
    return articles, groups, vectors, 1000 * encoding / max(1, len(articles))


def score(articles: list, groups: dict, vectors: dict | None, cosine: float) -> list:
    """[pairs, precision, found, English quotations counted] for one setting."""
    from storyline.connect.meaning import vector_from_bytes
    from storyline.understand.statements import SHORT_WORDS, group_statements, normalised_words

    decoded = {id: [vector_from_bytes(v) if v else None for v in row] for id, row in (vectors or {}).items()}
    statements = group_statements(articles, vectors=decoded, translation_cosine=cosine)
    right = wrong = 0
    joined: set = set()
    for statement in statements:
        english = [(id, quote) for id, quote in statement.reports if id.endswith(":en")]
        russian = [id for id, _ in statement.reports if id.endswith(":ru")]
        for id, quote in english:
            for other in russian:
                if groups[id] == groups[other]:
                    right += 1
                    joined.add((id, quote))
                else:
                    wrong += 1
    counted = [(a.id, q) for a in articles if a.language == "en" for q in a.quotes
               if len(normalised_words(q.text)) >= SHORT_WORDS]
    found = sum(1 for item in counted if item in joined)
    pairs = right + wrong
    return [pairs, right / pairs if pairs else None, found / len(counted) if counted else None, len(counted)]


def one_to_one_bound(articles: list) -> float:
    """The most `found` can be when each quotation has at most one translation: per item, the
    fewer of its English and its Russian quotations long enough to match."""
    from storyline.understand.statements import SHORT_WORDS, normalised_words

    long = {a.id: sum(len(normalised_words(q.text)) >= SHORT_WORDS for q in a.quotes) for a in articles}
    english = [id for id in long if id.endswith(":en")]
    possible = sum(min(long[id], long[id.replace(":en", ":ru")]) for id in english)
    return possible / max(1, sum(long[id] for id in english))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.statements", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small fixed subset")
    parser.add_argument("--write", action="store_true", help="update the statements section of docs/benchmarks.md")
    args = parser.parse_args(argv)
    root = data_root()
    if not (root / "stories/tgcontest_toloka/categories").is_dir():
        skip(f"no Toloka categories under {root}")
    from storyline.understand.statements import TRANSLATION_COSINE

    items = read_translated(root)
    if args.quick:
        items = pick_quick(items, lambda item: item[1]["INPUT:url"], QUICK)
    started = time.perf_counter()
    articles, groups, vectors, encoding_ms = read_articles(items)
    reachable = one_to_one_bound(articles)
    rows = [["words only (within a language)", "–", *score(articles, groups, None, TRANSLATION_COSINE)]]
    rows += [[f"storyline{' (shipped)' if cosine == TRANSLATION_COSINE else ''}", cosine,
              *score(articles, groups, vectors, cosine)] for cosine in COSINES]
    header = ["system", "cosine", "en-ru pairs", "precision", "found", "en quotations"]
    caption = (f"{len(items)} English news items with their Russian machine translations ({len(set(groups.values()))} "
               f"distinct). Most that can be found, one to one (the fewer of each item's English and "
               f"Russian quotations): {reachable:.3f}. "
               f"Encoding the quotations adds {encoding_ms:.1f} ms of CPU to preparing an article.")
    print(caption)
    print(text_table(header, rows))
    shipped = next(row for row in rows if "shipped" in row[0])
    record_figures("statements", {"translations precision": shipped[3], "translations found": shipped[4]})
    if args.write:
        write_section("statements", "\n\n".join([
            "## Statements across languages",
            f"{today()}, {'quick subset' if args.quick else 'all items'}, {time.perf_counter() - started:.0f} s. "
            f"Command: `{command_line('bench.statements')}`",
            caption + " Precision: the share of joined (English, Russian) report pairs that come from one "
            "article and its translation. Found: the share of English quotations joined with a report of "
            "their own translation (see bench/statements.py for why both are bounds).",
            markdown_table(header, rows)]))


if __name__ == "__main__":
    main()
