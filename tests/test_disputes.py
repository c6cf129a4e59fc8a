"""rules/disputes.py: the interval a figure allows (``bounds``), when two figures agree
(``figures_compatible``) and when they can be two tellings of one fact (``figures_related``)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from consistency.extract.quantities import find_quantities
from consistency.linking.entities import speaks_for
from consistency.models import STORY, Claim, Quantity, TimeValue
from consistency.rules.disputes import anchors_meet, bounds, figures_compatible, figures_related


def q(text: str) -> Quantity:
    """The one quantity written in ``text``, as the extractor reads it."""
    (found,) = find_quantities(text)
    return found.quantity


def claim(text: str | None, n: int = 1) -> Claim:
    return Claim(
        id=f"d{n}#v1",
        document=f"d{n}",
        sentence=text or "",
        span=(0, len(text or "")),
        entity=STORY,
        event="death (count)",
        quantity=q(text) if text else None,
    )


def contains(outer: str, inner: float) -> bool:
    low, high = bounds(q(outer))
    return low <= inner <= high


def compatible(a: str, b: str) -> bool:
    return figures_compatible(claim(a, 1), claim(b, 2))


def test_rounded_thousands_are_disjoint() -> None:
    assert bounds(q("48,000 members"))[1] < bounds(q("49,000 members"))[0]
    assert not compatible("48,000 members", "49,000 members")
    assert contains("48,000 members", 48_400) and not contains("48,000 members", 48_600)


def test_nearly_contains_a_figure_just_below() -> None:
    assert contains("nearly 50,000 residents", 49_000)
    assert not contains("nearly 50,000 residents", 50_500)
    assert compatible("nearly 50,000 residents", "49,000 residents")


def test_whole_percent_contains_its_rounding() -> None:
    assert contains("57%", 57.2)
    assert compatible("57%", "57.2%")


def test_whole_percent_does_not_contain_a_figure_a_point_away() -> None:
    assert not contains("56%", 57.2)
    assert not compatible("56%", "57.2%")


def test_decimal_percent_is_read_to_its_last_digit() -> None:
    low, high = bounds(q("57.2%"))
    assert 57.1 < low < 57.2 < high < 57.3
    assert not compatible("57.2%", "57.4%")


def test_round_sums_of_money_are_disjoint() -> None:
    assert not compatible("$10,000", "$11,000")
    assert bounds(q("$10,000"))[1] < bounds(q("$11,000"))[0]
    assert compatible("$10,000", "$10,400")


def test_billions_read_to_a_tenth() -> None:
    low, high = bounds(q("$2 billion"))
    assert 1.9e9 < low < 2e9 < high < 2.1e9
    assert compatible("$2 billion", "$2.04 billion")
    assert not compatible("$2 billion", "$2.1 billion")
    assert not compatible("$2 billion", "$3 billion")


def test_lower_bound_is_compatible_with_a_higher_count() -> None:
    low, high = bounds(q("at least 12 people"))
    assert low == 12 and math.isinf(high)
    assert compatible("at least 12 people", "15 people")
    assert not compatible("at least 12 people", "10 people")


def test_small_exact_counts() -> None:
    assert bounds(q("14 people")) == (14, 14)
    assert not compatible("14 people", "15 people")
    assert compatible("up to 20 people", "15 people")


def test_a_claim_without_a_figure_is_compatible() -> None:
    assert figures_compatible(claim(None, 1), claim("15 people", 2))


def test_bounds_of_a_quantity_without_its_value() -> None:
    assert bounds(Quantity(text="", low=3.0, high=7.0)) == (3.0, 7.0)


def test_figures_related_within_a_ratio() -> None:
    assert figures_related(claim("100 people", 1), claim("250 people", 2))
    assert figures_related(claim("100 people", 1), claim("300 people", 2))
    assert not figures_related(claim("100 people", 1), claim("400 people", 2))
    assert not figures_related(claim("400 people", 1), claim("100 people", 2))
    assert figures_related(claim("100 people", 1), claim("400 people", 2), ratio=5.0)
    assert not figures_related(claim("100 people", 1), claim("250 people", 2), ratio=2.0)


def test_figures_related_without_a_value() -> None:
    assert figures_related(claim(None, 1), claim("400 people", 2))
    zero = Claim(
        id="z#v1",
        document="z",
        sentence="",
        span=(0, 0),
        entity=STORY,
        event="e",
        quantity=Quantity(text="0", low=0.0, high=0.0, value=0.0),
    )
    assert figures_related(zero, claim("400 people", 2))


def _at(c: Claim, start: date | None, end: date | None, tense: str = "past") -> Claim:
    time = TimeValue("t", start, end, "year") if start else None
    return replace(c, time=time, tense=tense)


def test_figures_anchored_at_different_times_are_two_facts() -> None:
    published = {"d1": date(2023, 5, 4), "d2": date(2023, 5, 5)}.get
    pub = lambda c: published(c.document)  # noqa: E731
    y2021 = _at(claim("300 workers", 1), date(2021, 1, 1), date(2022, 1, 1))
    y2023 = _at(claim("480 workers", 2), date(2023, 1, 1), date(2024, 1, 1))
    assert not anchors_meet(y2021, y2023, pub)
    # A present-tense figure without a time holds around its article's publication.
    now = _at(claim("480 workers", 2), None, None, tense="present")
    assert not anchors_meet(y2021, now, pub)
    assert anchors_meet(y2023, now, pub)
    # A past figure without a time may be the other's: compared.
    then = _at(claim("480 workers", 2), None, None, tense="past")
    assert anchors_meet(y2021, then, pub)


def test_an_officer_speaks_for_the_body_named_in_the_title() -> None:
    assert speaks_for("Harlow Motors chief executive Dana Pike", "Harlow Motors")
    assert speaks_for("NRW vice president Sam Okafor", "Northern Rail Workers")
    assert not speaks_for("Harlow Motors", "Harlow Motors chief executive Dana Pike")
    assert not speaks_for("Dana Pike", "Harlow Motors")
    assert not speaks_for("Northern Rail Workers", "NRW")


def test_vague_magnitudes_are_intervals() -> None:
    cost = q("The stoppage cost the firm hundreds of millions of euros.")
    assert (cost.unit, cost.low, cost.high) == ("EUR", 2e8, 1e9)
    crowd = q("Dozens of people gathered outside.")
    assert (crowd.unit, crowd.low, crowd.high) == ("people", 24, 100)
    assert find_quantities("Hundreds of them stayed.") == []
    assert find_quantities("Thousands of years ago the valley flooded.") == []
    # A vague figure conflicts with a precise one outside it, and agrees with one inside.
    two_billion = claim("It cost about €2 billion.")
    assert not figures_compatible(claim("hundreds of millions of euros", 2), two_billion)
    assert figures_compatible(claim("hundreds of millions of euros", 2), claim("€400 million"))


def test_a_hedged_share_is_hedged_by_points() -> None:
    assert bounds(q("nearly 49%")) == (47.53, 49.0)
    assert bounds(q("about 6%")) == (5.0, 7.0)
    assert not figures_compatible(claim("nearly 49%"), claim("about 45%", 2))
    assert figures_compatible(claim("about 57%"), claim("56%", 2))
