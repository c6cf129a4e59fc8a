"""Publication dates: inferred for undated documents, and capture dates recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.models import Result
from consistency.pipeline import check

A = """date 2023-08-03
Outlet: First Wire

Acme Exchange obtained a licence on August 1, 2023, the regulator said.

The Harbour Council passed the stablecoin bill in June 2023.
"""
B = """date 2023-08-10
Outlet: Second Post

Acme Exchange obtained its licence on August 1, 2023.

The Harbour Council passed the stablecoin bill in June 2023, weeks before the licences.
"""
CAPTURED = """<html><head>
<meta property="article:published_time" content="2024-09-23T10:00:00Z">
<meta property="og:site_name" content="Third Page"></head>
<body><article><h1>Acme licensed</h1>
<p>Acme Exchange obtained a licence earlier this month, the first in the city.</p>
<p>The Harbour Council passed the stablecoin bill in June, after months of debate.</p>
</article></body></html>
"""
UNDATED = """Harbour licences

Acme Exchange obtained a licence earlier this month.

The Harbour Council passed the stablecoin bill in June.
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_capture_date_is_recognised_and_replaced(tmp_path: Path) -> None:
    result = check([_write(tmp_path, {"a.txt": A, "b.txt": B, "c.html": CAPTURED})])
    c = next(d for d in result.documents if d.name == "c.html")
    assert c.published_from == "inferred"
    assert c.published.isoformat().startswith("2023-08")
    assert any("captured" in n and "2024-09-23" in n for n in c.notes)
    # Its reasons: the corpus's first, the capture last (the note too), joined for the report.
    assert isinstance(c.published_why, tuple) and len(c.published_why) >= 2
    assert c.published_why[0].startswith("inferred from the corpus: ")
    assert c.published_why[-1] == c.notes[-1]
    assert c.published_note == "; ".join(c.published_why)
    assert c.confidence == 0.6
    # Read from the capture date, "earlier this month" and "in June" would be 2024: with
    # the date recognised there is nothing to report.
    assert result.findings_list == []


def test_an_earlier_page_date_is_never_taken_for_a_capture_date(tmp_path: Path) -> None:
    # The page says 2023-04-14 and tells the licence as past: a real anachronism, not a
    # capture date (a page is captured after it is published).
    page = CAPTURED.replace("2024-09-23", "2023-04-14").replace(
        "earlier this month", "on August 1, 2023"
    )
    result = check([_write(tmp_path, {"a.txt": A, "b.txt": B, "c.html": page})])
    c = next(d for d in result.documents if d.name == "c.html")
    assert (c.published.isoformat(), c.published_from) == ("2023-04-14", "meta")
    assert any(f.rule == "AN01" for f in result.findings_list)


def test_an_undated_document_gets_an_inferred_date_with_its_reasons(tmp_path: Path) -> None:
    result = check([_write(tmp_path, {"a.txt": A, "b.txt": B, "u.txt": UNDATED})])
    u = next(d for d in result.documents if d.name == "u.txt")
    assert u.published_from == "inferred"
    assert u.published.isoformat().startswith("2023-08")
    assert "a.txt" in u.published_note or "b.txt" in u.published_note
    assert u.confidence < 1.0
    # The reasons are a tuple, the first saying where they come from; the note joins them.
    assert isinstance(u.published_why, tuple) and u.published_why
    assert u.published_why[0].startswith("inferred from the corpus: ")
    assert u.published_note == "; ".join(u.published_why)
    assert result.findings_list == []
    # Its relative dates are anchored on the inferred date, and say so.
    times = [c.time for c in result.claims_list if c.document == u.id and c.time]
    assert times and all(t.anchor_from == "inferred" for t in times)


def test_an_inferred_date_weighs_the_claims_that_depend_on_it(tmp_path: Path) -> None:
    # A lexicon claim dated from an inferred date is weighed twice: by its time's inferred
    # anchor (x0.7, events._weighed) and by the document's own confidence, which the claims
    # dated during inference must not miss (they were once remembered at full confidence).
    undated = check([_write(tmp_path, {"a.txt": A, "b.txt": B, "u.txt": UNDATED})])
    u = next(d for d in undated.documents if d.name == "u.txt")
    assert u.confidence < 1.0

    def lexical(result: Result, doc: str) -> dict[str, float]:
        return {
            c.sentence: c.confidence
            for c in result.claims_list
            if c.document == doc and c.key is None
        }

    guessed = lexical(undated, u.id)
    alone = tmp_path / "alone"
    alone.mkdir()
    header = f"date {u.published.isoformat()}\n" + UNDATED
    dated = check([_write(alone, {"u.txt": header})])
    known = lexical(dated, dated.documents[0].id)
    assert guessed and set(guessed) == set(known)
    for sentence, confidence in guessed.items():
        assert confidence == pytest.approx(known[sentence] * 0.7 * u.confidence, abs=0.001)


def test_a_text_without_evidence_gets_the_median_date_said_as_inferred(tmp_path: Path) -> None:
    # Nothing in the text dates it: the corpus's median date, with its reason worded as an
    # inference, so that a finding reads "publication date inferred from the corpus: ...".
    plain = "Harbour notes\n\nThe harbour front was busy with visitors, traders said.\n"
    result = check([_write(tmp_path, {"a.txt": A, "b.txt": B, "u.txt": plain})])
    u = next(d for d in result.documents if d.name == "u.txt")
    assert u.published_from == "inferred" and u.confidence == 0.5
    assert u.published_why == (
        f"inferred from the corpus: its median date {u.published.isoformat()}, the text"
        " giving no evidence either way",
    )


def test_without_any_dated_document_nothing_is_guessed(tmp_path: Path) -> None:
    result = check([_write(tmp_path, {"u.txt": UNDATED})])
    (u,) = result.documents
    assert u.published is None and u.published_from == "none"
    times = [c.time for c in result.claims_list if c.time]
    assert times and all(not t.resolved for t in times)
