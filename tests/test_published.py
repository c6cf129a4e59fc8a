"""The choice of a publication date among the candidates a reading found
(``consistency.time.published``), and the reasons a document keeps for it
(``Document.published_why``): joined in one place for the reports, and the first shown whole
in a finding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from consistency.models import DATE_SOURCES, Claim, Document, Granularity, TimeValue
from consistency.reading.ingest import ingest
from consistency.rules.base import Context, time_how
from consistency.rules.dt01_dates import Rule_DT01
from consistency.time.published import (
    RANKING,
    Candidate,
    DateSource,
    candidate_of,
    choose,
    dated,
)


def test_the_ranking_holds_every_source_most_trusted_first() -> None:
    assert tuple(s.value for s in RANKING) == DATE_SOURCES
    assert set(RANKING) == set(DateSource)


def test_the_most_trusted_source_wins_whatever_the_order() -> None:
    dateline = Candidate(date(2031, 5, 1), DateSource.DATELINE, ('dateline "May 1, 2031"',))
    meta = Candidate(date(2031, 5, 2), DateSource.META, ("page markup (htmldate)",))
    header = Candidate(date(2031, 5, 3), DateSource.HEADER, ('header "Date: 2031-05-03"',))
    assert choose([dateline, meta, header]) == header
    assert choose([header, dateline, meta]) == header
    assert choose([dateline, meta]) == meta


def test_among_equals_the_first_found_wins() -> None:
    first = Candidate(date(2031, 5, 1), DateSource.HEADER, ('header "Date: 2031-05-01"',))
    second = Candidate(date(2031, 5, 9), DateSource.HEADER, ('header "Updated: 2031-05-09"',))
    assert choose([first, second]) == first
    assert choose([second, first]) == second


def test_no_candidate_no_date() -> None:
    assert choose([]) is None


def test_a_date_the_page_gives_outranks_an_inferred_one() -> None:
    inferred = Candidate(date(2031, 5, 9), DateSource.INFERRED, ("inferred from the corpus",), 0.6)
    header = Candidate(date(2031, 5, 3), DateSource.HEADER, ('header "Date: 2031-05-03"',))
    dateline = Candidate(date(2031, 5, 1), DateSource.DATELINE, ('dateline "May 1, 2031"',))
    assert choose([inferred, header]) == header
    assert choose([inferred, dateline]) == dateline
    assert choose([inferred]) == inferred


def test_a_document_is_dated_by_the_chosen_candidate_and_gives_it_back() -> None:
    doc = Document("a.txt", "a.txt", "a.txt", "Text.", notes=("a note",))
    why = ("inferred from the corpus: agrees with b.txt", "tells it as past")
    inferred = Candidate(date(2031, 5, 9), DateSource.INFERRED, why, 0.75)
    d = dated(doc, inferred)
    assert (d.published, d.published_from, d.published_why, d.confidence) == (
        date(2031, 5, 9), "inferred", why, 0.75,
    )  # fmt: skip
    assert (d.text, d.notes) == (doc.text, doc.notes)  # only the date's fields change
    assert candidate_of(d) == inferred and dated(d, candidate_of(d)) == d
    assert candidate_of(doc) is None
    undated = dated(d, None)
    assert (undated.published, undated.published_from, undated.published_why) == (None, "none", ())


def test_a_candidate_keeps_its_reasons_as_a_tuple() -> None:
    c = Candidate(date(2031, 5, 1), DateSource("sidecar"), ('sidecar sources.yaml "2031-05-01"',))
    assert c.source is DateSource.SIDECAR and c.source == "sidecar"
    assert c.reason == ('sidecar sources.yaml "2031-05-01"',)


def test_a_document_keeps_its_reasons_and_the_note_joins_them() -> None:
    why = ('header "Date: 2031-05-01; 09:00"', "the second reason")
    doc = Document("a.txt", "a.txt", "a.txt", "Text.", published_why=why)
    assert doc.published_why == why  # a reason holding "; " stays whole
    assert doc.published_note == 'header "Date: 2031-05-01; 09:00"; the second reason'
    assert Document("a.txt", "a.txt", "a.txt", "Text.").published_note == ""


def test_reading_gives_the_document_its_reason_as_a_tuple(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Date: 2031-05-01\n\nOrlen Harbour opened its ferry terminal.\n", encoding="utf-8"
    )
    (doc,) = ingest([tmp_path / "a.txt"]).documents
    assert doc.published_from == "header" and len(doc.published_why) == 1
    assert doc.published_note == doc.published_why[0] and "2031-05-01" in doc.published_note


# A reason holding "; " itself: the quoted time of the article it agrees with.
_FIRST = 'inferred from the corpus: "the week of May 2; 2031" (Acme opened) agrees with a.txt'


def _inferred_pair() -> Context:
    """a.txt dates Acme's opening May 2031; b.txt, dated by inference, August 2030."""
    a = Document("a.txt", "a.txt", "a.txt", "", published=date(2031, 6, 1), published_from="header")
    why = (_FIRST, "tells Acme licensed as past, which a.txt dates 2031-04")
    b = Document(
        "b.txt", "b.txt", "b.txt", "", published=date(2031, 9, 1), published_from="inferred",
        published_why=why, confidence=0.6,
    )  # fmt: skip
    may = TimeValue("May 2031", date(2031, 5, 1), date(2031, 6, 1), Granularity.MONTH,
                    None, "absolute")  # fmt: skip
    august = TimeValue("last August", date(2030, 8, 1), date(2030, 9, 1), Granularity.MONTH,
                       date(2031, 9, 1), "inferred")  # fmt: skip
    ca = Claim("a.txt#1", "a.txt", "Acme opened it in May 2031.", (0, 27), "Acme", "opened",
               time=may)  # fmt: skip
    cb = Claim("b.txt#1", "b.txt", "Acme opened it last August.", (0, 27), "Acme", "opened",
               time=august)  # fmt: skip
    return Context(
        documents={"a.txt": a, "b.txt": b}, claims=[ca, cb], groups={("Acme", "opened"): [ca, cb]}
    )


def test_a_finding_shows_the_first_reason_whole_though_it_holds_a_semicolon() -> None:
    (finding,) = Rule_DT01().evaluate(_inferred_pair())
    how = finding.cited[1].how
    assert how == f'"last August" read from 2031-09-01 (publication date {_FIRST})'
    (hint,) = finding.reconcile
    assert f"its date was inferred ({_FIRST}), so" in hint
    assert "tells Acme licensed" not in how + hint  # the first reason only


def test_how_a_time_was_read_names_where_its_anchor_came_from() -> None:
    """An inferred date shows its first reason after "publication date" (or the bare word
    without one), a date from the page its source after "publication date from"; an
    absolute date or one read from the event told before names no publication date."""
    ctx = _inferred_pair()
    (_, cb) = ctx.claims
    august = cb.time
    assert august is not None

    def how(anchor_from: str, why: tuple[str, ...] = (_FIRST,)) -> str:
        doc = replace(ctx.documents["b.txt"], published_why=why)
        claim = replace(cb, time=replace(august, anchor_from=anchor_from))
        return time_how(claim, replace(ctx, documents={**ctx.documents, "b.txt": doc}))

    read = '"last August" read from 2031-09-01'
    assert how("inferred") == f"{read} (publication date {_FIRST})"
    assert how("inferred", ()) == f"{read} (publication date inferred)"
    assert how("meta") == f"{read} (publication date from meta)"
    assert how(DateSource.DATELINE) == f"{read} (publication date from dateline)"
    assert how("sequence") == read
    assert how("absolute") == '"last August" is an absolute date'
