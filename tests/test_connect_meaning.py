"""The sentence model's two readings of a text, the lead's taken from the whole's pass."""

import numpy as np
import pytest

from storyline.connect.meaning import LEAD_CHARS, cut, load_encoder, shared_model

LONG = ("Переговоры о гарантиях безопасности продолжатся в Женеве на следующей неделе, сообщил "
        "заместитель министра. " * 12)


def separate_readings(texts: list[str]) -> np.ndarray:
    """The mean of the lead's and the whole's vectors, each read by the model on its own."""
    model = shared_model(1)
    vectors = np.asarray(model.encode([cut(text or " ", LEAD_CHARS) for text in texts]), dtype=np.float32)
    for row, text in enumerate(texts):
        if len(text) > LEAD_CHARS:
            vectors[row] += model.encode(text)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("texts", [
    [LONG],                                                   # the lead cut at a space
    ["Краткая заметка.", LONG, "Short English note on the talks."],  # short and long in one call
    ["переговоры" * 80 + " конец"],                           # cut inside one long word: read apart
    ["", "x"],
    [("The talks on security guarantees will go on in Geneva next week, the deputy minister said. " * 30)],
])
def test_meaning_one_pass_gives_the_vectors_of_two_readings(texts):
    together = load_encoder()(texts)
    assert together.shape == (len(texts), 512)
    assert np.allclose(np.linalg.norm(together, axis=1), 1, atol=1e-5)
    assert (together * separate_readings(texts)).sum(axis=1).min() > 0.99999


def test_meaning_lead_counts_in_the_vector():
    """A text's vector is not its whole's alone: a lead that differs from the rest moves it."""
    model = shared_model(1)
    text = "Землетрясение магнитудой 6,1 произошло у берегов Японии. " * 3 + "Футбольный клуб сменил тренера. " * 40
    whole = model.encode(text)
    assert float(load_encoder()([text])[0] @ whole) < 0.99
