"""Configuration, read once: shipped defaults, overridden by an optional user file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    db_path: str
    batch_size: int
    workers: int
    max_page_bytes: int
    page_timeout_s: float
    host: str
    port: int
    same_story_threshold: float
    max_days_apart: int


def load_settings(user_file: str | Path | None = None, **overrides) -> Settings:
    """Defaults from the package, then the user file, then explicit overrides (CLI flags)."""
    data = tomllib.loads(resources.files("storyline").joinpath("defaults.toml").read_text("utf-8"))
    user_file = user_file or os.environ.get("STORYLINE_CONFIG")
    if user_file:
        for section, values in tomllib.loads(Path(user_file).read_text("utf-8")).items():
            data.setdefault(section, {}).update(values)
    flat = {
        "db_path": data["store"]["path"],
        "batch_size": data["pipeline"]["batch_size"],
        "workers": data["pipeline"]["workers"],
        "max_page_bytes": data["pipeline"]["max_page_bytes"],
        "page_timeout_s": data["pipeline"]["page_timeout_s"],
        "host": data["serve"]["host"],
        "port": data["serve"]["port"],
        "same_story_threshold": data["stories"]["same_story_threshold"],
        "max_days_apart": data["stories"]["max_days_apart"],
    }
    flat.update({key: value for key, value in overrides.items() if value is not None})
    return Settings(**flat)
