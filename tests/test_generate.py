"""benchmarks/generate.py: a seeded corpus of invented stories with planted discrepancies."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"date", "number", "first", "order", "anachronism"}


def _load():
    spec = importlib.util.spec_from_file_location(
        "bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = mod
    spec.loader.exec_module(mod)
    return mod


gen = _load()


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus20(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("gen20")
    data = gen.generate(out, stories=20, outlets=4, seed=7)
    return out, data


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    gen.generate(a, stories=4, outlets=3, seed=11)
    gen.generate(b, stories=4, outlets=3, seed=11)
    fa, fb = _files(a), _files(b)
    assert sorted(fa) == sorted(fb)
    assert len(fa) == 4 * 3 + 1
    for name in fa:
        assert fa[name] == fb[name], name


def test_different_seeds_differ(tmp_path: Path) -> None:
    gen.generate(tmp_path / "a", stories=3, outlets=3, seed=1)
    gen.generate(tmp_path / "b", stories=3, outlets=3, seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")
    ea = (tmp_path / "a" / "expected.yaml").read_text(encoding="utf-8")
    eb = (tmp_path / "b" / "expected.yaml").read_text(encoding="utf-8")
    assert ea.split("\n", 3)[-1] != eb.split("\n", 3)[-1]


def test_each_story_has_one_article_per_outlet(corpus20: tuple[Path, dict]) -> None:
    out, _ = corpus20
    stories = sorted(p for p in out.iterdir() if p.is_dir())
    assert [p.name for p in stories] == [f"story-{i:03d}" for i in range(1, 21)]
    for s in stories:
        files = sorted(s.iterdir())
        assert len(files) == 4, s
        assert len({f.stem for f in files}) == 4  # four different outlets
        assert {f.suffix for f in files} <= {".txt", ".html", ".md", ".json"}


def test_expected_parses_and_quotes_are_verbatim(corpus20: tuple[Path, dict]) -> None:
    out, data = corpus20
    parsed = yaml.safe_load((out / "expected.yaml").read_text(encoding="utf-8"))
    assert parsed == json.loads(json.dumps(data))
    assert set(parsed) >= {"discrepancies", "consistent"}
    ids = [d["id"] for d in parsed["discrepancies"] + parsed["consistent"]]
    assert len(ids) == len(set(ids))
    texts = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file() and p.name != "expected.yaml"
    }
    n = 0
    for entry in parsed["discrepancies"] + parsed["consistent"]:
        for c in entry.get("claims", []) + entry.get("context", []):
            assert c["source"] in texts, c["source"]
            assert c["says"] in texts[c["source"]], (entry["id"], c["says"])
            n += 1
        for src in entry.get("sources", []):
            assert src in texts
    assert n > 80
    for d in parsed["discrepancies"]:
        assert d["kind"] in KINDS
        assert d["entity"] and d["event"]
        assert set(d.get("also", [])) <= KINDS - {d["kind"]}
        if d["kind"] == "anachronism":
            assert len(d["claims"]) == 1
        else:
            assert len({c["source"] for c in d["claims"]}) == 2
    for doc in parsed["documents"]:
        assert doc["source"] in texts


def test_every_kind_in_twenty_stories(corpus20: tuple[Path, dict]) -> None:
    _, data = corpus20
    kinds = [d["kind"] for d in data["discrepancies"]]
    assert set(kinds) == KINDS
    per_story: dict[str, int] = {}
    for d in data["discrepancies"]:
        s = d["claims"][0]["source"].split("/")[0]
        per_story[s] = per_story.get(s, 0) + 1
    assert len(per_story) == 20
    assert all(1 <= n <= 3 for n in per_story.values())
    traps = {c.get("trap") for c in data["consistent"]}
    assert set(gen.TRAPS) <= traps


def test_planted_values_hold(corpus20: tuple[Path, dict]) -> None:
    """Read back what the generator planted: the times and figures disagree as stated."""
    corpus = gen.build_corpus(20, 4, 7)
    for story in corpus:
        gen.verify(story)  # raises on any conflict no plant explains
        for d in story.planted:
            pa = story.plans[(d.facts[0], d.outlet)]
            pub = story.outlets[d.outlet].pub
            if d.kind == "date":
                pb = story.plans[(d.facts[0], d.counter)]
                assert pa.time and pb.time and gen.disjoint(pa.time, pb.time)
                assert pa.time.end <= pub + gen.timedelta(days=1)
            elif d.kind == "anachronism":
                assert pa.time and pa.time.start > pub and not pa.time.relative
            elif d.kind == "number":
                pb = story.plans[(d.facts[0], d.counter)]
                assert pa.qty and pb.qty and not pa.qty.overlaps(pb.qty)
            elif d.kind == "first":
                pb = story.plans[(d.facts[1], d.counter)]
                assert pa.first and pa.time and pb.time and pb.time.end <= pa.time.start
            elif d.kind == "order":
                pb_q = story.plans[(d.facts[0], d.counter)]
                pb_p = story.plans[(d.facts[1], d.counter)]
                assert pa.then_after == d.facts[1] and pa.time is None
                assert pb_q.time and pb_p.time and pb_q.time.end <= pb_p.time.start


def test_relative_times_are_right() -> None:
    d, pub = gen.date(2023, 11, 20), gen.date(2024, 3, 12)
    by_form = {t.form: t for t in gen.time_options(d, pub, "us")}
    assert by_form["last_monthname"].text == "last November"
    assert by_form["bare_month"].text == "in November"
    assert by_form["last_year"].label() == "2023"
    assert "yesterday" not in by_form
    near = {t.form: t for t in gen.time_options(gen.date(2024, 3, 11), pub, "ap")}
    assert near["yesterday"].label() == "2024-03-11"
    assert near["weekday"].text == "Monday"
    assert "earlier_this_month" not in near  # "earlier this month" for yesterday reads oddly
    week = {t.form: t for t in gen.time_options(gen.date(2024, 3, 7), pub, "us")}
    assert week["weekday"].text == "on Thursday"
    assert week["earlier_this_month"].label() == "2024-03-01..2024-03-12"
    for t in gen.time_options(gen.date(2024, 2, 29), pub, "uk"):
        assert t.contains(gen.date(2024, 2, 29)), t


def test_cli(tmp_path: Path) -> None:
    assert gen.main([str(tmp_path / "c"), "--stories", "2", "--outlets", "2", "--seed", "3"]) == 0
    assert (tmp_path / "c" / "story-002").is_dir()
    assert gen.main([str(tmp_path / "d"), "--stories", "2", "--outlets", "1"]) == 2
