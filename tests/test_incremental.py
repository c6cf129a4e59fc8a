"""An incremental check gives the findings of a full check of archive + new, restricted to
the new articles, byte for byte: on examples/, on articles written here (names that only
the archive resolves, an acronym only the archive defines, an undated new article), and on
a generated corpus of many stories. Also: resolution from a closed set of names is the
resolution of the whole corpus for them."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.extract.names import normalize
from consistency.linking.entities import filings, lookups, resolve_names

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _report(args: list[str], out: Path) -> dict:
    res = CliRunner().invoke(main, [*args, "-f", "json", "-o", str(out), "-q"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(out.read_text(encoding="utf-8"))


def _same_as_full(tmp_path: Path, archive: Path, new: Path, store: str) -> list[dict]:
    """Full check of archive + new (--new) against store add + check --store; the findings'
    JSON must be identical. Returns them."""
    full = _report(["check", str(archive), "--new", str(new)], tmp_path / "full.json")
    runner = CliRunner()
    res = runner.invoke(main, ["store", "add", str(archive), "--store", store])
    assert res.exit_code == 0, res.output
    inc = _report(["check", str(new), "--store", store], tmp_path / "inc.json")
    dump = lambda r: json.dumps(r["findings"], indent=1, sort_keys=True)  # noqa: E731
    assert dump(inc) == dump(full)
    # run again: the same report, nothing read or added
    again = _report(["check", str(new), "--store", store], tmp_path / "again.json")
    assert dump(again) == dump(inc)
    return inc["findings"]


@pytest.mark.parametrize(
    "new", [["harbour-courier.html"], ["alder-daily.txt", "coastline-wire.md"]]
)
def test_examples(tmp_path: Path, store_url: str, new: list[str]) -> None:
    archive, drop = tmp_path / "archive", tmp_path / "drop"
    archive.mkdir()
    drop.mkdir()
    for f in EXAMPLES.iterdir():
        if f.is_file() and f.name != "expected.yaml":  # the articles, not examples/ci/
            shutil.copy(f, (drop if f.name in new else archive) / f.name)
    findings = _same_as_full(tmp_path, archive, drop, store_url)
    assert findings  # the examples disagree: there is something to compare


ARTICLES = {
    # The archive names two Okonkwos in another story: "Okonkwo" alone is no one there, so
    # the new article's "Okonkwo" must not resolve to either.
    "archive/ferry/quay-herald.txt": (
        "2024-05-02",
        "Quay Herald",
        "The Lakeside Ferry Board (LFB) approved a new timetable on April 29, 2024. "
        "Board chair Miriam Okonkwo said the change was overdue. "
        "The LFB hired 42 deckhands in March 2024. "
        "Lakeside Ferries became the first operator to win a night licence in April 2024.",
    ),
    "archive/ferry/pier-gazette.txt": (
        "2024-05-03",
        "Pier Gazette",
        "The LFB approved the timetable on April 29, 2024, officials said. "
        "Chief engineer Tomas Okonkwo said 40 deckhands were hired in March 2024. "
        "Lakeside Ferries won a night licence in April 2024.",
    ),
    "archive/mill/valley-times.txt": (
        "2023-11-20",
        "Valley Times",
        "Redfern Paper Mill closed its northern plant on November 14, 2023. "
        "The mill laid off 310 workers, according to the union. "
        "Mayor Ines Calloway said the town would seek new tenants.",
    ),
    "archive/mill/ridge-post.txt": (
        "2023-11-21",
        "Ridge Post",
        "Redfern Paper Mill closed the plant on November 15, 2023. "
        "About 300 workers were laid off. "
        "Calloway said the town had lost its biggest employer.",
    ),
    # New: the ferry story again (the acronym is defined only in the archive), with a
    # different date and count, and an article with no date of its own.
    "drop/harbour-wire.txt": (
        "2024-05-04",
        "Harbour Wire",
        "The LFB approved the new timetable on May 2, 2024. "
        "Okonkwo said 55 deckhands were hired in March 2024. "
        "Westshore Ferries won a night licence in March 2024.",
    ),
    "drop/undated-note.txt": (
        None,
        "Lake Notes",
        "Redfern Paper Mill closed its northern plant last week. "
        "The mill laid off 310 workers, the union said.",
    ),
}


def _write_articles(root: Path) -> None:
    for rel, (day, outlet, body) in ARTICLES.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        head = (f"date {day}\n" if day else "") + f"Title: {outlet} report\nOutlet: {outlet}\n\n"
        p.write_text(head + body.replace(". ", ".\n\n") + "\n", encoding="utf-8")


@pytest.mark.parametrize("whole", [False, True], ids=["selected", "whole-store"])
def test_articles_written_here(
    tmp_path: Path, store_url: str, whole: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if whole:  # the path a large store takes when most of it could share a fact
        from consistency.store import select

        monkeypatch.setattr(select, "_BIG", 0)
        monkeypatch.setattr(select, "_MOST", 0.0)
    _write_articles(tmp_path)
    findings = _same_as_full(tmp_path, tmp_path / "archive", tmp_path / "drop", store_url)
    assert any("harbour-wire.txt" in json.dumps(f) for f in findings)


_TOWNS = "Ashby Brome Carlow Dunmore Elsworth Fenwick Garston Hexley Ilford Jarrow Kelso".split()
_SHOPS = "Rye Crumb Hearth Kiln".split()


def test_more_than_thirty_other_articles_in_the_store(tmp_path: Path) -> None:
    """Rules that compare one article per way of telling a story past 30 articles (OR01)
    must see the store's size, not the few articles an incremental check reads."""
    _write_articles(tmp_path)
    for i, (town, shop) in enumerate((t, s) for t in _TOWNS for s in _SHOPS):
        p = tmp_path / "archive" / "shops" / f"{i:02d}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(
            f"date 2022-0{1 + i % 9}-1{i % 10}\nTitle: Shop\nOutlet: {town} Crier\n\n"
            f"{shop} {town} Bakery opened a shop in {town} on March {1 + i % 27}, 2022.\n",
            encoding="utf-8",
        )
    # One story told twice word for word (a syndicated copy: one way of telling it), and
    # a new article that tells its two events in the other order.
    told = (
        "Tern Mills closed its plant on May 3, 2023.\n\n"
        "Tern Mills opened a plant on June 9, 2023.\n"
    )
    for name in ("a-wire", "b-wire"):
        p = tmp_path / "archive" / "mills" / f"{name}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(f"date 2023-07-01\nTitle: Mills\nOutlet: {name}\n\n{told}", encoding="utf-8")
    (tmp_path / "drop" / "mills-daily.txt").write_text(
        "date 2023-07-02\nTitle: Mills\nOutlet: Mills Daily\n\nTern Mills opened a plant on"
        " April 2, 2023.\n\nTern Mills closed its plant on May 3, 2023.\n",
        encoding="utf-8",
    )
    from consistency.extract import lexicon
    from consistency.store import add, check, open_store, reader

    findings = _same_as_full(tmp_path, tmp_path / "archive", tmp_path / "drop", str(tmp_path / "s"))
    orders = [f for f in findings if f["rule"] == "OR01" or "OR01" in json.dumps(f)]
    assert orders  # the order is disputed, against one of the two copies only
    with open_store(tmp_path / "s", reader()) as st:
        add(st, [tmp_path / "archive"], lexicon=lexicon.load())
        result = check(st, [tmp_path / "drop"])
    assert not any("shops/" in d.id for d in result.documents)  # read none of them


def test_a_generated_corpus_of_many_stories(tmp_path: Path) -> None:
    from benchmarks.generator import generate

    corpus = tmp_path / "gen"
    generate(corpus, stories=9, outlets=3, seed=31)
    archive, drop = tmp_path / "archive", tmp_path / "drop"
    for story in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for i, f in enumerate(sorted(story.iterdir())):
            # story 2 is new; story 5 half new: facts shared with stored articles
            new = story.name == "story-002" or (story.name == "story-005" and i % 2 == 0)
            dest = (drop if new else archive) / story.name
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest / f.name)
    findings = _same_as_full(tmp_path, archive, drop, str(tmp_path / "s.sqlite"))
    assert findings


def test_the_store_is_no_bigger_than_what_could_share_a_fact(tmp_path: Path) -> None:
    """Two stories that share no name, fact or event: checking one loads none of the other."""
    _write_articles(tmp_path)
    shutil.rmtree(tmp_path / "archive" / "mill")
    (tmp_path / "drop" / "undated-note.txt").unlink()
    mill = tmp_path / "other"
    mill.mkdir()
    (mill / "bakery.txt").write_text(
        "date 2022-02-02\nTitle: Bakery\nOutlet: Crumb Weekly\n\n"
        "Sourdough Corner opened a second shop on Elm Street.\n",
        encoding="utf-8",
    )
    from consistency.extract import lexicon
    from consistency.store import add, check, open_store, reader

    with open_store(tmp_path / "s.sqlite", reader()) as st:
        add(st, [tmp_path / "archive", mill], lexicon=lexicon.load())
        result = check(st, [tmp_path / "drop"])
    ids = {d.id for d in result.documents}
    assert "bakery.txt" not in ids
    assert {"ferry/quay-herald.txt", "ferry/pier-gazette.txt", "harbour-wire.txt"} <= ids


# --- resolution from a closed set of names ---------------------------------------------

_FIRST = ["Ana", "Ben", "Chen", "Dana", "Eli", "Farah", "Gus", "Hana"]
_LAST = ["Okafor", "Pike", "Ng", "Quist", "Ruiz", "Stone", "Okafore", "Pikes"]
_ORG = ["Harbour", "Water", "Authority", "Mills", "Bank", "Group", "Council"]


def _random_names(rng: random.Random) -> list[str]:
    out = []
    for _ in range(rng.randint(5, 40)):
        kind = rng.random()
        if kind < 0.4:
            out.append(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
        elif kind < 0.6:
            out.append(rng.choice(_LAST + _FIRST))
        elif kind < 0.85:
            out.append(" ".join(rng.sample(_ORG, rng.randint(2, 4))))
        else:
            out.append("".join(w[0] for w in rng.sample(_ORG, rng.randint(2, 3))).upper())
    return out


@pytest.mark.parametrize("seed", range(60))
def test_names_closed_by_filings_resolve_as_in_the_whole_corpus(seed: int) -> None:
    rng = random.Random(seed)
    names = _random_names(rng)
    keys = {normalize(n) for n in names if normalize(n)}
    filed: dict[str, set[str]] = {}
    for k in keys:
        for f in filings(k):
            filed.setdefault(f, set()).add(k)
    seeds = set(rng.sample(sorted(keys), max(1, len(keys) // 4)))
    closed, frontier = set(), set(seeds)
    while frontier:
        closed |= frontier
        frontier = {k for f in set().union(*map(lookups, frontier)) for k in filed.get(f, ())}
        frontier -= closed
    whole = resolve_names(names)
    part = resolve_names([n for n in names if normalize(n) in closed])
    for k in closed:  # the closure is closed: every key of it resolves as in the whole
        assert part.get(k) == whole.get(k), (k, sorted(closed))
