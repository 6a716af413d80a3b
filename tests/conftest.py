"""Shared fixtures: the bundled example pages and their golden readings."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "storyline" / "examples"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"


def golden_readings() -> list[tuple[Path, dict]]:
    return [(EXAMPLES / path.name.replace(".json", ".txt"), json.loads(path.read_text("utf-8")))
            for path in sorted(GOLDEN.glob("*.json"))]


@pytest.fixture(scope="session")
def seeds() -> list[tuple[Path, dict]]:
    return golden_readings()


@pytest.fixture(scope="session")
def annotator():
    from storyline.understand import build_annotator
    return build_annotator()
