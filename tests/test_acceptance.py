"""The acceptance checks of the seeds and of examples/: exactly what expected.yaml says."""

from __future__ import annotations

import re
from pathlib import Path

import expectations as ex
import pytest

from consistency.pipeline import check
from consistency.reports import render


def _plain(s: str) -> str:
    """Quotes compared without typographic differences (’ and ', “ and ")."""
    return " ".join(s.translate(str.maketrans("’‘“”", "''\"\"")).split())


def _assert_exact(result, expected) -> None:  # type: ignore[no-untyped-def]
    discrepancies = expected["discrepancies"]
    for d in discrepancies:
        found = [f for f in result.findings_list if ex.matches(result, f, d)]
        assert found, f"discrepancy {d['id']} not found; findings: " + "; ".join(
            f"{f.rule} {f.entity} {sorted(ex.names(result, f))}" for f in result.findings_list
        )
        # Each cites both sources with their sentences.
        for claim in d["claims"]:
            quotes = [
                c.claim.sentence
                for f in found
                for c in f.cited
                if ex.names(result, f) and c.claim.document.endswith(claim["source"])
            ]
            says = _plain(claim["says"])
            assert any(says in _plain(q) or _plain(q) in says for q in quotes), (
                d["id"],
                claim["source"],
                quotes,
            )
    assert ex.false_alarms(result, expected["consistent"]) == []
    assert ex.furniture_quotes(result) == []
    stray = [f for f in result.findings_list if not ex.covered(result, f, discrepancies)]
    assert stray == [], [f"{f.rule} {f.entity} {f.event} {f.message}" for f in stray]


def test_seeds_exactly_as_expected(seeds_dir: Path) -> None:
    result = check([seeds_dir])
    _assert_exact(result, ex.load(seeds_dir / "expected.yaml"))


def test_seed_dates_and_inference(seeds_dir: Path) -> None:
    docs = {d.name[:3]: d for d in check([seeds_dir]).documents}
    assert (docs["003"].published.isoformat(), docs["003"].published_from) == (
        "2023-08-03",
        "header",
    )
    assert (docs["004"].published.isoformat(), docs["004"].published_from) == (
        "2023-04-14",
        "dateline",
    )
    # 001 has no date: inferred into 2023 from the corpus, and the report says how.
    assert docs["001"].published_from == "inferred"
    assert docs["001"].published.year == 2023
    assert "003" in docs["001"].published_note
    # 002's ticker date is the capture date, not the publication date.
    assert docs["002"].published_from == "inferred"
    assert docs["002"].published.year == 2023
    assert any("capture date" in n for n in docs["002"].notes)


def test_seed_finding_explains_itself(seeds_dir: Path) -> None:
    # The key's two date discrepancies, in its order: a licence date (also a "first"
    # conflict) and the date of a statement by an undated source. Names and values come
    # from the key, which stays beside the checkout with the articles.
    key = ex.load(seeds_dir / "expected.yaml")["discrepancies"]
    licence, statement = [d for d in key if d["kind"] == "date"]
    result = check([seeds_dir])
    published = {d.id: d.published for d in result.documents}
    found = [f for f in result.findings_list if "date" in f.kinds and f.entity == licence["entity"]]
    assert len(found) == 1  # one disputed fact: the "first" and the dates, one finding
    f = found[0]
    values = {c.value for c in f.cited}
    assert {v.removeprefix("first, ") for v in values} == {c["value"] for c in licence["claims"]}
    assert any(v.startswith("first, ") for v in values)
    # Each relative date says which publication date it was read from, and how that was found.
    assert all(str(published[c.claim.document]) in c.how for c in f.cited)
    hows = " ".join(c.how for c in f.cited)
    assert "dateline" in hows and "header" in hows
    # The qualifier on one side only is shown, not hidden: a scope difference (SC01).
    assert "SC01:date" in f.also and '"retail"' in f.message
    assert any('"retail"' in r for r in f.reconcile)
    policy = [f for f in result.findings_list if f.entity == statement["entity"]]
    assert any("inferred" in r for f in policy for r in f.reconcile)


def test_examples_exactly_as_expected(examples_dir: Path) -> None:
    result = check([examples_dir])
    assert not result.skipped
    _assert_exact(result, ex.load(examples_dir / "expected.yaml"))
    kinds = {f.kind for f in result.findings_list}
    assert kinds == {"date", "number", "first", "order", "anachronism", "status", "attribution"}
    # One planted discrepancy per rule, each found by its own rule (the rules that compare
    # any values by fact key, NU02 and DT02, see some of them too: merged, listed in also).
    assert sorted(f.rule for f in result.findings_list) == sorted(
        ["DT01", "NU02", "FR01", "OR01", "AN01", "ST01", "CT01", "AT01", "IN01", "SC01"]
    )


@pytest.mark.parametrize("fmt", ["json", "html", "csv", "sarif", "junit", "md"])
def test_two_runs_are_byte_identical(seeds_dir: Path, fmt: str) -> None:
    # The HTML report says when it was made; everything else is the same byte for byte.
    stamp = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')
    first, second = (stamp.sub("", render(check([seeds_dir]), fmt)) for _ in range(2))
    assert first == second


def test_json_does_not_depend_on_hash_seeds(tmp_path: Path, examples_dir: Path) -> None:
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"f{seed}.json"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-m", "consistency.cli", "check", str(examples_dir), "-f", "json",
             "-o", str(out), "-q"],
            env=env,
            cwd=tmp_path,  # the installed package, not the source folder beside the tests
            check=False,
        )  # fmt: skip
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0]
