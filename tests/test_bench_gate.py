"""The benchmark gate: figures against floors, and how runs hand their figures over."""

import json

from bench.common import record_figures
from bench.gate import FLOORS, verdicts


def test_bench_gate_verdicts_flag_figures_below_or_missing():
    floors = {"quotes": {"content F1": 0.8, "source F1": 0.7, "seeds": 1.0}}
    figures = {"quotes": {"content F1": 0.81, "source F1": 0.69}}
    assert [row[-1] for row in verdicts(floors, figures)] == ["ok", "BELOW", "missing"]


def test_bench_gate_record_figures_merges_stages_into_the_named_file(tmp_path, monkeypatch):
    path = tmp_path / "figures.json"
    monkeypatch.setenv("STORYLINE_FIGURES", str(path))
    record_figures("quotes", {"a": 0.5})
    record_figures("stories", {"b": 0.25})
    record_figures("quotes", {"c": 1.0})
    assert json.loads(path.read_text()) == {"quotes": {"a": 0.5, "c": 1.0}, "stories": {"b": 0.25}}


def test_bench_gate_record_figures_without_a_file_records_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYLINE_FIGURES", raising=False)
    monkeypatch.chdir(tmp_path)
    record_figures("quotes", {"a": 0.5})
    assert list(tmp_path.iterdir()) == []


def test_bench_gate_floors_name_stages_that_have_a_bench():
    import tomllib
    from importlib import util
    for stage in tomllib.loads(FLOORS.read_text("utf-8")):
        assert util.find_spec(f"bench.{stage}") is not None, stage
