"""bench/statements.py's counting, on hand-made articles."""

from __future__ import annotations

import numpy as np

from bench.statements import one_to_one_bound, score
from storyline.connect.meaning import vector_bytes
from storyline.records import Article, Quote

OPEN_EN = "The door of diplomacy remains open to Moscow"
OPEN_RU = "Дверь для дипломатии с Москвой остается открытой"


def article(id, language, *texts):
    return Article(id=id, source=id, language=language,
                   quotes=tuple(Quote(None, None, "direct", text, "said", 0, 0, len(text)) for text in texts))


def test_pairs_within_one_item_are_right_and_across_items_wrong():
    one = vector_bytes(np.array([1.0, 0.0], dtype=np.float32))
    articles = [article("0:en", "en", OPEN_EN, "Short"), article("0:ru", "ru", OPEN_RU),
                article("1:en", "en", "We will meet again in Geneva next week"),
                article("1:ru", "ru", "Мы снова встретимся в Женеве на следующей неделе")]
    groups = {"0:en": "0", "0:ru": "0", "1:en": "1", "1:ru": "1"}
    right = {"0:en": [one, None], "0:ru": [one]}
    assert score(articles, groups, right, 0.6) == [1, 1.0, 0.5, 2]
    wrong = {"1:en": [one], "0:ru": [one]}  # item 1's quotation joins item 0's translation
    assert score(articles, groups, wrong, 0.6) == [1, 0.0, 0.0, 2]
    assert score(articles, groups, None, 0.6) == [0, None, 0.0, 2]
    assert one_to_one_bound(articles) == 1.0
