"""benchmarks/generator: a seeded corpus of invented stories with planted discrepancies."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from benchmarks import generator as gen
from benchmarks.generator import vocabulary
from benchmarks.generator.model import Planted, Story

KINDS = {"date", "number", "first", "order", "anachronism", "status", "attribution"}
CLASSIC = ("date", "number", "first", "order", "anachronism")


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


def test_same_seed_same_bytes_with_every_kind(tmp_path: Path, corpus20: tuple[Path, dict]) -> None:
    out, _ = corpus20
    gen.generate(tmp_path / "again", stories=20, outlets=4, seed=7)
    assert _files(tmp_path / "again") == _files(out)


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
        if d.get("form") == "internal":
            # both claims from one article, two different sentences of it
            assert set(d.get("also", [])) <= KINDS
            assert len({c["source"] for c in d["claims"]}) == 1
            assert len({c["says"] for c in d["claims"]}) == 2
        else:
            assert set(d.get("also", [])) <= KINDS - {d["kind"]}
            if d["kind"] == "anachronism":
                assert len(d["claims"]) == 1
            else:
                assert len({c["source"] for c in d["claims"]}) == 2
    for doc in parsed["documents"]:
        assert doc["source"] in texts


def _forms(data: dict) -> dict[str, int]:
    """How many of each plant: the classic kinds, status, attribution, count, internal."""
    n: dict[str, int] = {}
    for d in data["discrepancies"]:
        form = d.get("form", d["kind"])
        key = "attribution" if form in ("quote", "according") else form
        n[key] = n.get(key, 0) + 1
    return n


def test_every_kind_in_twenty_stories(corpus20: tuple[Path, dict]) -> None:
    _, data = corpus20
    kinds = [d["kind"] for d in data["discrepancies"]]
    assert set(kinds) == KINDS
    assert set(_forms(data)) == set(gen.PLANTS)
    per_story: dict[str, int] = {}
    for d in data["discrepancies"]:
        s = d["claims"][0]["source"].split("/")[0]
        per_story[s] = per_story.get(s, 0) + 1
    assert len(per_story) == 20
    assert all(1 <= n <= 3 for n in per_story.values())
    traps = {c.get("trap") for c in data["consistent"]}
    assert set(gen.TRAPS) <= traps


@pytest.mark.parametrize("seed", [7, 13, 14, 15, *range(100, 120)])
def test_deck_deals_enough_of_each(seed: int) -> None:
    """20 stories x 4 outlets: six or more of each classic kind, three of each other plant."""
    corpus = gen.build_corpus(20, 4, seed)
    n: dict[str, int] = {}
    for story in corpus:
        assert 2 <= len(story.planted) <= 3, story.folder
        for d in story.planted:
            n[d.form] = n.get(d.form, 0) + 1
    n["attribution"] = n.get("quote", 0) + n.get("according", 0)
    for k in CLASSIC:
        assert n.get(k, 0) >= 6, (k, n)
    for k in ("status", "attribution", "count", "internal"):
        assert n.get(k, 0) >= 3, (k, n)


def test_new_kinds_in_the_answers(corpus20: tuple[Path, dict]) -> None:
    """Status, attribution, count and internal entries say what the brief asks of them."""
    out, data = corpus20
    texts = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file() and p.name != "expected.yaml"
    }
    seen = set()
    for d in data["discrepancies"]:
        form = d.get("form", d["kind"])
        seen.add(form)
        a, b = d["claims"][0], d["claims"][-1]
        if form == "status":
            assert d["event"] in ("licensed", "banned", "approved")
            assert ("opposite" in d) != bool(d.get("negated"))
            assert d.get("opposite", "refused-licence") in (
                "refused-licence",
                "lost-licence",
                "lifted-ban",
                "rejected",
            )
            assert b["value"].startswith(d["event"])
        elif form == "quote":
            assert d["kind"] == "attribution" and d["event"] == "said"
            x, y = d["speakers"]
            assert x != y and d["entity"] == x
            assert len(d["quote"].split()) >= gen.LONG_QUOTE_WORDS
            for c, who in ((a, x), (b, y)):
                assert d["quote"] in c["says"]
                assert who in texts[c["source"]]  # named in full in its article
            # the quote is told by exactly these two articles of the story
            story = a["source"].split("/")[0]
            holders = [s for s, t in texts.items() if s.startswith(story) and d["quote"] in t]
            assert sorted(holders) == sorted({a["source"], b["source"]})
        elif form == "according":
            assert d["kind"] == "attribution"
            ga, gb = (c["value"].removeprefix("according to ") for c in (a, b))
            assert ga != gb and ga in gen.AGENCIES and gb in gen.AGENCIES
            assert f"according to {ga}" in a["says"] or f"According to {ga}" in a["says"]
            assert "according to" in b["says"].lower()
        elif form == "count":
            assert d["kind"] == "number" and d["event"] == "licensed"
            assert a["value"].split(",")[0] != b["value"].split(",")[0]
            assert d["entity"] in d["group"] or b["value"].startswith("the only")
        elif form == "internal":
            assert d["kind"] in ("date", "number")
            assert a["source"] == b["source"] and a["says"] != b["says"]
    assert {"status", "quote", "count", "internal"} <= seen


def test_one_source_per_claim_and_one_speaker_per_quote() -> None:
    """Outside the plants, "according to" never names two sources for one fact, and no
    quote has two speakers."""
    for seed in (7, 13, 14, 15):
        for story in gen.build_corpus(20, 4, seed):
            sources: dict[str, set[str]] = {}
            for p in gen.claims_of(story):
                if p.according and p.agency is None:  # not a planted news agency
                    sources.setdefault(p.fact.id, set()).add(p.according)
            assert all(len(v) == 1 for v in sources.values()), (story.folder, sources)
            speakers: dict[str, set[str]] = {}
            for q in story.said:
                speakers.setdefault(q.text, set()).add(q.who)
            shared = {t for t, who in speakers.items() if len(who) > 1}
            assert shared == {d.extra["quote"] for d in story.planted if d.form == "quote"}, (
                story.folder
            )


def test_quotes_are_distinct() -> None:
    """No two quotes of the pool share four words in a row (a checker would take them for
    one quote), and enough of them are long enough to plant."""

    def grams(q: str) -> set[tuple[str, ...]]:
        w = q.lower().replace(",", "").split()
        return {tuple(w[i : i + 4]) for i in range(len(w) - 3)}

    qs = gen.QUOTES
    assert len(set(qs)) == len(qs)
    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            assert not grams(a) & grams(b), (a, b)
    assert len([q for q in qs if len(q.split()) >= gen.LONG_QUOTE_WORDS]) >= 12


# What each planted discrepancy must look like in the plans, by its form (the forms that are
# not a kind of their own) or else by its kind. Each takes the story, the plant and the
# planting outlet's publication date, and asserts.


def _quote_holds(story: Story, d: Planted, pub: date) -> None:
    """One quote told by two outlets, each giving it to a different speaker."""
    qa, qb = story.quote_plants[d.outlet], story.quote_plants[d.counter]
    assert qa.text == qb.text and qa.who != qb.who and qa.outlet != qb.outlet


def _status_holds(story: Story, d: Planted, pub: date) -> None:
    """One outlet tells the opposite state (refused, revoked, not yet...) of what the other dates:
    a "not yet" undated while the other dates the event before that article; any other state
    at the same day or month as the other's date."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[0], d.counter)]
    assert pa.status and pb.status is None and pb.time
    if pa.status.startswith("not-"):
        assert pa.time is None and pb.time.end <= pub + timedelta(days=1)
    else:
        assert pa.time and not gen.disjoint(pa.time, pb.time)
        assert pa.time.gran in ("day", "month") and pb.time.gran in ("day", "month")


def _according_holds(story: Story, d: Planted, pub: date) -> None:
    """Two outlets credit the fact to different news agencies; no other outlet credits it."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[0], d.counter)]
    assert pa.according == pa.agency != pb.according == pb.agency
    others = [
        story.plans[(d.facts[0], o)]
        for o in story.fact(d.facts[0]).outlets
        if o not in (d.outlet, d.counter)
    ]
    assert all(p.according is None for p in others)


def _count_holds(story: Story, d: Planted, pub: date) -> None:
    """Over the same period, one outlet counts the licences right and the other wrong."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[0], d.counter)]
    assert (
        pa.time
        and pb.time
        and (pa.time.start, pa.time.end)
        == (
            pb.time.start,
            pb.time.end,
        )
    )
    members = [f for f in story.facts if f.event == "licensed" and f.date]
    truth = sum(pb.time.contains(f.date) for f in members)
    assert pb.count == truth != pa.count


def _internal_holds(story: Story, d: Planted, pub: date) -> None:
    """One outlet tells the fact twice, with dates or figures that cannot both be true."""
    pa = story.plans[(d.facts[0], d.outlet)]
    echo = pa.echo
    assert echo is not None and echo.outlet == pa.outlet == d.outlet == d.counter
    if d.kind == "date":
        assert pa.time and echo.time and gen.disjoint(pa.time, echo.time)
        assert echo.time.end <= pub + timedelta(days=1)
    else:
        assert pa.qty and echo.qty and not pa.qty.overlaps(echo.qty)


def _date_holds(story: Story, d: Planted, pub: date) -> None:
    """Two outlets give disjoint times, the planting outlet's not after its publication."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[0], d.counter)]
    assert pa.time and pb.time and gen.disjoint(pa.time, pb.time)
    assert pa.time.end <= pub + timedelta(days=1)


def _anachronism_holds(story: Story, d: Planted, pub: date) -> None:
    """A past event dated, in absolute terms, after the outlet's publication."""
    pa = story.plans[(d.facts[0], d.outlet)]
    assert pa.time and pa.time.start > pub and not pa.time.relative


def _number_holds(story: Story, d: Planted, pub: date) -> None:
    """Two outlets give figures that no reading makes overlap."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[0], d.counter)]
    assert pa.qty and pb.qty and not pa.qty.overlaps(pb.qty)


def _first_holds(story: Story, d: Planted, pub: date) -> None:
    """A "first" claim that another outlet's earlier event contradicts."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb = story.plans[(d.facts[1], d.counter)]
    assert pa.first and pa.time and pb.time and pb.time.end <= pa.time.start


def _order_holds(story: Story, d: Planted, pub: date) -> None:
    """One outlet tells the first fact as coming after the second ("then"); the other outlet's
    dates put it before."""
    pa = story.plans[(d.facts[0], d.outlet)]
    pb_q = story.plans[(d.facts[0], d.counter)]
    pb_p = story.plans[(d.facts[1], d.counter)]
    assert pa.then_after == d.facts[1] and pa.time is None
    assert pb_q.time and pb_p.time and pb_q.time.end <= pb_p.time.start


PlantCheck = Callable[[Story, Planted, date], None]
HOLDS_BY_FORM: dict[str, PlantCheck] = {
    "quote": _quote_holds,
    "status": _status_holds,
    "according": _according_holds,
    "count": _count_holds,
    "internal": _internal_holds,
}
HOLDS_BY_KIND: dict[str, PlantCheck] = {
    "date": _date_holds,
    "anachronism": _anachronism_holds,
    "number": _number_holds,
    "first": _first_holds,
    "order": _order_holds,
}


def test_planted_values_hold(corpus20: tuple[Path, dict]) -> None:
    """Read back what the generator planted: the times and figures disagree as stated."""
    corpus = gen.build_corpus(20, 4, 7)
    for story in corpus:
        gen.verify(story)  # raises on any conflict no plant explains
        for d in story.planted:
            pub = story.outlets[d.outlet].pub
            holds = HOLDS_BY_FORM.get(d.form) or HOLDS_BY_KIND.get(d.kind)
            if holds is not None:
                holds(story, d, pub)


def test_relative_times_are_right() -> None:
    d, pub = date(2023, 11, 20), date(2024, 3, 12)
    by_form = {t.form: t for t in gen.time_options(d, pub, "us")}
    assert by_form["last_monthname"].text == "last November"
    assert by_form["bare_month"].text == "in November"
    assert by_form["last_year"].label() == "2023"
    assert "yesterday" not in by_form
    near = {t.form: t for t in gen.time_options(date(2024, 3, 11), pub, "ap")}
    assert near["yesterday"].label() == "2024-03-11"
    assert near["weekday"].text == "Monday"
    assert "earlier_this_month" not in near  # "earlier this month" for yesterday reads oddly
    week = {t.form: t for t in gen.time_options(date(2024, 3, 7), pub, "us")}
    assert week["weekday"].text == "on Thursday"
    assert week["earlier_this_month"].label() == "2024-03-01..2024-03-12"
    for t in gen.time_options(date(2024, 2, 29), pub, "uk"):
        assert t.contains(date(2024, 2, 29)), t


def test_cli(tmp_path: Path) -> None:
    assert gen.main([str(tmp_path / "c"), "--stories", "2", "--outlets", "2", "--seed", "3"]) == 0
    assert (tmp_path / "c" / "story-002").is_dir()
    assert gen.main([str(tmp_path / "d"), "--stories", "2", "--outlets", "1"]) == 2


def test_the_readme_command(tmp_path: Path) -> None:
    """``python benchmarks/generate.py OUT ...`` runs from the repository root as written."""
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "benchmarks/generate.py", str(tmp_path / "c"), "--stories", "1"]
        + ["--outlets", "2", "--seed", "3"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "1 stories x 2 outlets" in run.stderr
    gen.generate(tmp_path / "d", stories=1, outlets=2, seed=3)
    assert _files(tmp_path / "c") == _files(tmp_path / "d")


def test_vocabulary_is_read_from_its_data_files() -> None:
    data = vocabulary.load_all()
    assert set(data) == {p.name for p in vocabulary.DATA.glob("*.yaml")}
    assert vocabulary.QUOTES == tuple(data["press.yaml"]["quotes"])
    assert ("single-use plastic bottles", True) in vocabulary.DOMAINS["water"]["ban"]
    assert vocabulary.STATUS_EVENTS["banned"] == ("lifted-ban", "not-banned")
    assert "plural" in vocabulary.EVENTS["licensed"] and "plural" not in vocabulary.EVENTS["fined"]


@pytest.mark.parametrize(
    "name, old, new, says",
    [
        ("cast.yaml", "surname_tails: [", "surname_tail: [", "unknown key 'surname_tail'"),
        ("domains.yaml", "  ticker: TDW\n", "  ticker: TDW\n  tickr: TDW\n", "water: unknown key"),
        ("events.yaml", "licensed:\n  word: licence\n", "licensed:\n", "missing key 'word'"),
        ("events.yaml", "  said: true\n", "  said: yes please\n", "expected true or false"),
        ("domains.yaml", "[lawn sprinklers, true]", "[lawn sprinklers]", "expected a list of 2"),
        ("counts.yaml", "  1: the only", "  one: the only", "key 'one' is not a whole number"),
        ("press.yaml", "style: us}", "style: usa}", "style 'usa' is not one of us, uk, ap"),
        ("events.yaml", "[lifted-ban, not-banned]", "[lifted-ban, unbanned]", "'unbanned'"),
        ("echoes.yaml", "tails:", "tails: [", "cannot read"),
    ],
)
def test_a_bad_data_file_is_named(tmp_path: Path, name: str, old: str, new: str, says: str) -> None:
    """An unknown key, a missing one, a value of the wrong type: the error names the file."""
    folder = tmp_path / "data"
    shutil.copytree(vocabulary.DATA, folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(vocabulary.VocabularyError) as e:
        vocabulary.load_all(folder)
    assert str(folder / name) in str(e.value) and says in str(e.value), str(e.value)


def test_modules_import_one_way() -> None:
    """Each module of the package imports only the ones before it here (the order of the
    package docstring): no cycles, and a reader can go top to bottom."""
    order = (
        "vocabulary times figures model cast story plans plants traps wording sentences "
        "article truth formats answers corpus cli"
    ).split()
    folder = Path(gen.__file__).parent
    assert sorted(order) == sorted(
        p.stem for p in folder.glob("*.py") if not p.stem.startswith("__")
    )
    for i, name in enumerate(order):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        deps = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
        assert deps <= set(order[:i]), (name, deps - set(order[:i]))
