"""Extraction is read once; a document's times are read again for each date it is given.

Date inference tries many candidate dates for an undated document. :func:`extract.dated`
reads the drafts' times against each without extracting again, and must give exactly what
extracting the document under that date gives.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from consistency.extract import lexicon
from consistency.extract.events import dated, extract_with_names
from consistency.models import Claim, Document

TEXT = (
    "Greenvale banned ride-hailing apps in March. The council then lifted the ban,"
    " and three years down the line the drivers returned. Mayor Ada Quill reportedly"
    " opened the new depot last week. \u201cWe are done waiting,\u201d said Ada Quill."
)


def _doc(**kw: object) -> Document:
    return replace(Document(id="a.txt", path="a.txt", name="a.txt", text=TEXT), **kw)


def _read(c: Claim) -> tuple[object, ...]:
    t = c.time
    return (c.event, t and t.label(), t and t.anchor_from, c.after, c.confidence)


def test_drafts_read_once_are_dated_against_each_date() -> None:
    drafts, _ = extract_with_names(_doc(), lexicon.default())  # read once, undated
    header = dated(_doc(published=date(2024, 5, 2), published_from="header"), drafts)
    assert [_read(c) for c in header] == [
        ("banned", "2024-03", "header", None, 1.0),
        # counted from the event told before it ("then", "three years down the line")
        ("lifted-ban", "2027-03", "sequence", "a.txt#1", 0.9),
        ("opened", "2024-04-22..2024-04-28", "header", None, 0.7),  # hedged: "reportedly"
        ("said", None, None, None, 0.9),  # the quote
    ]
    # An inferred date: its times and the document weigh less.
    guessed = _doc(published=date(2021, 11, 30), published_from="inferred", confidence=0.6)
    assert [_read(c) for c in dated(guessed, drafts)] == [
        ("banned", "2021-03", "inferred", None, 0.42),  # 0.7 for the date, 0.6 the document's
        ("lifted-ban", "2024-03", "sequence", "a.txt#1", 0.378),
        ("opened", "2021-11-22..2021-11-28", "inferred", None, 0.294),
        ("said", None, None, None, 0.54),
    ]
    undated = dated(_doc(), drafts)
    assert [c.time.resolved for c in undated if c.time is not None] == [False, False, False]


def test_drafts_do_not_depend_on_the_date() -> None:
    lex = lexicon.default()
    undated, _ = extract_with_names(_doc(), lex)
    dated_doc, _ = extract_with_names(
        _doc(published=date(2024, 5, 2), published_from="header"), lex
    )
    assert undated == dated_doc
    assert any(d.time_text for d in undated)  # the test reads times at all
    assert all(d.claim.time is None for d in undated)


def test_times_follow_the_date_and_weigh_less_when_it_is_inferred() -> None:
    lex = lexicon.default()
    drafts, _ = extract_with_names(_doc(), lex)
    header = dated(_doc(published=date(2024, 5, 2), published_from="header"), drafts)
    guessed = dated(_doc(published=date(2024, 5, 2), published_from="inferred"), drafts)
    undated = dated(_doc(), drafts)
    timed = [i for i, c in enumerate(header) if c.time is not None and c.time.resolved]
    assert timed, "some claim is dated from the header"
    for i in timed:
        assert guessed[i].confidence < header[i].confidence
        assert guessed[i].time == replace(header[i].time, anchor_from="inferred") or (
            guessed[i].time is not None and guessed[i].time.start == header[i].time.start
        )
    assert any(c.time is not None and not c.time.resolved for c in undated)
