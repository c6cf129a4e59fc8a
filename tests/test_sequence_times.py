"""Times counted from the event told before: "three years down the line", "a year later"."""

from __future__ import annotations

from datetime import date

from consistency.extract import lexicon
from consistency.extract.events import extract
from consistency.models import Document
from consistency.time.temporal import counts_from_before, find_times, resolve


def test_found_and_counted_from_the_reference() -> None:
    text = "The city banned scooters in 2020, and three years down the line the rule stands."
    assert [m.text for m in find_times(text)] == ["2020", "three years down the line"]
    ref = resolve("2020", date(2023, 8, 3), "header")
    later = resolve("three years down the line", date(2023, 8, 3), "header", after=ref)
    assert (later.start, later.end, later.granularity) == (
        date(2023, 1, 1),
        date(2024, 1, 1),
        "year",
    )
    assert later.anchor_from == "sequence" and "2020" in later.note
    month = resolve("three months later", None, after=resolve("May 2022", None))
    assert (month.start, month.end) == (date(2022, 8, 1), date(2022, 9, 1))
    assert counts_from_before("a year on") and not counts_from_before("last year")


def test_without_a_reference_it_stays_unresolved() -> None:
    tv = resolve("two years later", date(2023, 8, 3), "header")
    assert not tv.resolved and "earlier event" in tv.note


def test_extraction_counts_from_the_event_before() -> None:
    text = (
        "Greenvale banned ride-hailing apps in 2020. The ban emptied the streets of drivers,"
        " and three years down the line, drivers see no sign of Greenvale lifting the ban."
    )
    doc = Document(
        id="a.txt", path="a.txt", name="a.txt", text=text,
        published=date(2023, 8, 3), published_from="header",
    )  # fmt: skip
    (lifted,) = [c for c in extract(doc, lexicon.default()) if c.event == "lifted-ban"]
    assert lifted.entity == "Greenvale" and lifted.negated
    assert lifted.time is not None and lifted.time.label() == "2023"
