"""Edges found in review: each of these once gave a wrong answer or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.errors import ConfigError
from consistency.evaluate import load_expected
from consistency.extract.lexicon import load
from consistency.extract.quantities import find_quantities
from consistency.linking.entities import resolve_names


def _q(text: str) -> tuple[float, float, str | None]:
    (m,) = find_quantities(text)
    return m.quantity.low, m.quantity.high, m.quantity.unit


def test_hundred_is_a_multiplier() -> None:
    assert _q("The gala drew two hundred visitors")[:2] == (200.0, 200.0)
    low, high, unit = _q("a deal worth five hundred million dollars")
    assert unit == "USD" and low <= 500e6 <= high


def test_a_round_figure_with_a_scale_word_allows_rounding() -> None:
    low, high, _ = _q("raised $13 million")
    assert low <= 13.2e6 <= high  # "$13 million" and "$13.2 million" may both be right
    assert _q("raised $13.2 million")[:2] == (13.2e6, 13.2e6)


def test_a_surname_is_not_an_acronym_of_an_organisation() -> None:
    names = resolve_names(["Dana Ho", "Ho", "Harbour Office"])
    assert names["ho"] == "Dana Ho" and names["harbour office"] == "Harbour Office"
    phb = resolve_names(["Ports and Harbours Board", "PHB"])
    assert phb["phb"] == "Ports and Harbours Board"


def test_a_lexicon_word_list_may_be_one_word_but_not_a_mapping(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text("events:\n  recalled:\n    verbs: recall\n    opposite: rejected\n")
    lex = load([one])
    assert lex.events["recalled"].verbs == frozenset({"recall"})
    assert lex.events["recalled"].opposite == ("rejected",)
    bad = tmp_path / "bad.yaml"
    bad.write_text("events: [a, b]\n")
    with pytest.raises(ConfigError, match="events must be a mapping"):
        load([bad])
    worse = tmp_path / "worse.yaml"
    worse.write_text("events:\n  x:\n    verbs: {a: 1}\n")
    with pytest.raises(ConfigError, match="must be a list"):
        load([worse])


def test_expected_claims_must_name_their_sources(tmp_path: Path) -> None:
    p = tmp_path / "e.yaml"
    p.write_text("discrepancies:\n  - {id: x, kind: date, entity: A, claims: [{says: hi}]}\n")
    with pytest.raises(ConfigError, match="each with a source"):
        load_expected(p)


def test_a_report_that_cannot_be_written_exits_2(examples_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = CliRunner().invoke(main, ["check", str(examples_dir), "-o", str(blocker / "r.json")])
    assert out.exit_code == 2 and "cannot write the report" in out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_no_report_is_written_when_nothing_could_be_read(tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    out = CliRunner().invoke(main, ["check", str(tmp_path / "nothing-here"), "-o", str(report)])
    assert out.exit_code == 2 and not report.exists()


def test_title_and_outlet_say_where_they_were_read(examples_dir: Path) -> None:
    from consistency.reading.ingest import ingest

    docs = {d.name: d for d in ingest([examples_dir]).documents}
    assert (docs["alder-daily.txt"].outlet_from, docs["alder-daily.txt"].title_from) == (
        "header",
        "header",
    )
    assert docs["coastline-wire.md"].outlet_from == "front matter"
    assert docs["bayside-post.json"].title_from == "feed field"
    assert "site name" in docs["harbour-courier.html"].outlet_from


def test_a_fact_told_by_many_outlets_stays_small(tmp_path: Path) -> None:
    """120 outlets, four dates for one licence: one finding for the fact, listing the four
    dates and how many outlets give each, not one per pair of outlets or of dates."""
    from consistency.pipeline import check

    months = ["January", "March", "May", "July"]
    for i in range(120):
        (tmp_path / f"a{i:03d}.txt").write_text(
            f"date 2024-09-1{i % 9}\nOutlet: Wire {i}\n\n"
            f"Acme Corp obtained a licence in {months[i % 4]} 2023.\n",
            encoding="utf-8",
        )
    result = check([tmp_path])
    assert len(result.findings_list) == 1
    (f,) = result.findings_list
    assert f.kind == "date"
    assert {c.value for c in f.cited} == {"2023-01", "2023-03", "2023-05", "2023-07"}
    assert f.message.count("30 outlets") == 4
