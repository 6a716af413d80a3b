"""The gate: each stage's quick run must keep its headline figures at or above the
floors in bench/floors.toml, so that no change lowers a score silently. CI runs it
after the tests; it skips cleanly where the data folder is absent.

    python -m bench.gate                 # every stage
    python -m bench.gate quotes stories  # some

A floor sits a little under the figure the quick run gives today (quick subsets are
small, so one page more or less moves a score by a point); raise floors as scores rise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from bench.common import REPO_ROOT, data_root, text_table

FLOORS = Path(__file__).with_name("floors.toml")


def run_quick(stage: str, figures_path: Path) -> int:
    """The stage's quick run in its own process, its figures written to `figures_path`."""
    environment = {**os.environ, "STORYLINE_FIGURES": str(figures_path)}
    return subprocess.run([sys.executable, "-m", f"bench.{stage}", "--quick"], cwd=REPO_ROOT,
                          env=environment).returncode


def verdicts(floors: dict, figures: dict) -> list[list]:
    """[stage, figure, value, floor, verdict] for every floor."""
    rows = []
    for stage, stage_floors in floors.items():
        for name, floor in stage_floors.items():
            value = figures.get(stage, {}).get(name)
            verdict = "missing" if value is None else ("ok" if value >= floor else "BELOW")
            rows.append([stage, name, value, floor, verdict])
    return rows


def main(argv=None) -> None:
    floors = tomllib.loads(FLOORS.read_text("utf-8"))
    stages = (argv if argv is not None else sys.argv[1:]) or list(floors)
    if not data_root().is_dir():
        print(f"SKIPPED: no data folder at {data_root()} (set STORYLINE_DATA)")
        return
    with tempfile.TemporaryDirectory() as folder:
        figures_path = Path(folder) / "figures.json"
        failed_runs = [stage for stage in stages if run_quick(stage, figures_path) != 0]
        figures = json.loads(figures_path.read_text("utf-8")) if figures_path.exists() else {}
    rows = verdicts({stage: floors[stage] for stage in stages}, figures)
    print("\ngate: quick-run figures against bench/floors.toml\n"
          + text_table(["stage", "figure", "value", "floor", "verdict"], rows))
    if failed_runs or any(row[-1] != "ok" for row in rows):
        sys.exit(f"gate failed: {', '.join(failed_runs) or 'figures below their floors'}")


if __name__ == "__main__":
    main()
