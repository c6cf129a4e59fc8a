"""consistency.time.temporal: the case table in tests/data/temporal_cases.yaml plus the parts of
the API a table cannot show (after=, notes, anchors, date strings, containment)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from consistency.models import TimeValue
from consistency.time.temporal import TimeMention, find_times, parse_date_string, resolve

CASES_FILE = Path(__file__).parent / "data" / "temporal_cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['sentence'][:60]}@{case['anchor']}/{case['tense']}"


def test_table_is_large_and_varied() -> None:
    assert len(CASES) >= 220
    negatives = [c for c in CASES if not c["expect"]]
    assert len(negatives) >= 25
    assert sum(1 for c in CASES if c["anchor"] is None) >= 20
    assert len({c["sentence"] for c in CASES}) == len(CASES), "duplicate sentences"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case(case: dict[str, Any]) -> None:
    sentence: str = case["sentence"]
    anchor = _day(case["anchor"])
    found = find_times(sentence)
    assert [m.text for m in found] == [e["text"] for e in case["expect"]]
    at = 0
    for mention, expect in zip(found, case["expect"], strict=True):
        start = sentence.index(expect["text"], at)
        assert (mention.start, mention.end) == (start, start + len(expect["text"]))
        assert sentence[mention.start : mention.end] == mention.text
        at = mention.end
        tv = resolve(mention.text, anchor, "dateline", tense=case["tense"])
        got = (tv.start, tv.end, tv.granularity)
        want = (_day(expect["start"]), _day(expect["end"]), expect["granularity"])
        assert got == want, tv.note


# ------------------------------------------------------------------------------ after=

AUG = date(2023, 8, 3)


def test_after_picks_first_period_on_or_after_the_event() -> None:
    year = resolve("2023", AUG, "dateline")
    tv = resolve("December", AUG, "dateline", tense="past", after=year)
    assert (tv.start, tv.end, tv.granularity) == (date(2023, 12, 1), date(2024, 1, 1), "month")
    assert tv.anchor_from == "sequence"
    assert tv.anchor == date(2023, 1, 1)
    assert "read after" in tv.note and '"2023"' in tv.note
    # Without after=, the same past-tense words are the December before the anchor.
    plain = resolve("December", AUG, "dateline", tense="past")
    assert plain.start == date(2022, 12, 1)


def test_after_for_days_weekdays_seasons_and_ranges() -> None:
    event = resolve("March 2021", AUG)
    assert resolve("June 1", AUG, after=event).start == date(2021, 6, 1)
    assert resolve("the summer", AUG, after=event).start == date(2021, 6, 1)
    assert resolve("March", AUG, after=event).start == date(2021, 3, 1)
    assert resolve("February", AUG, after=event).start == date(2022, 2, 1)
    monday = resolve("Monday", AUG, after=resolve("September 16, 2024", AUG))
    assert monday.start == date(2024, 9, 16)  # 2024-09-16 is itself a Monday
    rng = resolve("between November and January", AUG, after=event)
    assert (rng.start, rng.end) == (date(2021, 11, 1), date(2022, 2, 1))


def test_after_works_without_an_anchor_and_is_ignored_by_full_and_relative_dates() -> None:
    event = resolve("2019", None)
    tv = resolve("December", None, after=event)
    assert tv.resolved and tv.start == date(2019, 12, 1) and tv.anchor_from == "sequence"
    full = resolve("September 16, 2024", AUG, "dateline", after=event)
    assert full.start == date(2024, 9, 16) and full.anchor_from == "absolute"
    rel = resolve("yesterday", AUG, "dateline", after=event)
    assert rel.start == date(2023, 8, 2) and rel.anchor_from == "dateline"
    explicit = resolve("last November", AUG, "dateline", after=event)
    assert explicit.start == date(2022, 11, 1)


def test_unresolved_after_is_ignored() -> None:
    undated = resolve("last week", None)
    tv = resolve("December", AUG, "header", after=undated)
    assert tv.start == date(2022, 12, 1) and tv.anchor_from == "header"


# ------------------------------------------------------------------ notes and anchors


def test_note_and_anchor_of_an_anchored_value() -> None:
    tv = resolve("last November", date(2023, 4, 14), "dateline")
    assert tv.note == '"last November" read from 2023-04-14: the November before'
    assert tv.anchor == date(2023, 4, 14) and tv.anchor_from == "dateline"
    assert tv.label() == "2022-11"
    assert tv.to_json()["anchor_from"] == "dateline"


def test_anchor_from_is_passed_through() -> None:
    for source in ("header", "meta", "sidecar", "inferred", None):
        assert resolve("yesterday", AUG, source).anchor_from == source


def test_absolute_values_need_no_anchor() -> None:
    tv = resolve("September 2021", None)
    assert tv.anchor_from == "absolute" and tv.anchor is None
    assert (tv.start, tv.end, tv.granularity) == (date(2021, 9, 1), date(2021, 10, 1), "month")
    assert tv.note and "absolute" in tv.note


def test_relative_without_anchor_is_unresolved_not_guessed() -> None:
    tv = resolve("last November", None, "none")
    assert tv == TimeValue(
        "last November", None, None, "month", None, None, note="no anchor: the document has no date"
    )
    assert not tv.resolved


def test_just_yesterday() -> None:
    tv = resolve("just yesterday", AUG, "header")
    assert (tv.start, tv.end, tv.granularity) == (date(2023, 8, 2), date(2023, 8, 3), "day")


def test_resolve_accepts_a_leading_preposition_and_rejects_non_times() -> None:
    assert resolve("in December", AUG).start == date(2022, 12, 1)
    assert resolve("on Tuesday", AUG).start == date(2023, 8, 1)
    bad = resolve("recently", AUG)
    assert not bad.resolved and bad.granularity == "unknown"


def test_unknown_tense_reads_as_past() -> None:
    assert resolve("December", AUG, tense="conditional").start == date(2022, 12, 1)


def test_invented_precision_is_never_added() -> None:
    tv = resolve("November", date(2023, 4, 14))
    assert (tv.start, tv.end) == (date(2022, 11, 1), date(2022, 12, 1))
    assert resolve("2021", None).granularity == "year"
    assert resolve("the 1990s", None).granularity == "decade"


# ------------------------------------------------------------------------- containment


def test_containment_and_conflict() -> None:
    month = resolve("September 2021", None)
    year = resolve("2021", None)
    assert year.start <= month.start and month.end <= year.end  # type: ignore[operator]
    assert not month.disjoint(year)
    other = resolve("last November", date(2023, 4, 14))
    assert other.disjoint(year) and year.before(other)
    assert not resolve("summer 2021", None).disjoint(year)
    assert not resolve("the third quarter of 2021", None).disjoint(month)
    assert resolve("Q3 2022", None).disjoint(month)


# ---------------------------------------------------------------------------- finding


def test_mentions_are_spans_of_the_text() -> None:
    s = "In December 2021, the firm said on Tuesday it had 13,000 users, up from 2,500 in 2019."
    found = find_times(s)
    assert found == [
        TimeMention(3, 16, "December 2021"),
        TimeMention(35, 42, "Tuesday"),
        TimeMention(81, 85, "2019"),
    ]
    for m in found:
        assert s[m.start : m.end] == m.text


def test_longest_match_wins() -> None:
    texts = [
        m.text for m in find_times("It opened on Tuesday, March 5, 2024, and in mid-March 2023.")
    ]
    assert texts == ["Tuesday, March 5, 2024", "mid-March 2023"]


def test_find_times_is_fast_on_a_sentence_without_a_date() -> None:
    s = (
        "The exchange, which is regulated by the Securities and Futures Commission, said it "
        "would serve retail investors in the city."
    )
    find_times(s)
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        find_times(s)
    per_call = (time.perf_counter() - t0) / n
    assert per_call < 100e-6, f"{per_call * 1e6:.1f} us per sentence"


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 9, 2022, 7:41 PM", (date(2022, 3, 9), "day")),
        ("11-05-2024", (date(2024, 11, 5), "day")),
        ("2024-06-17", (date(2024, 6, 17), "day")),
        ("Oct 21, 2024", (date(2024, 10, 21), "day")),
        ("Published: March 9, 2022 7:41 PM EDT", (date(2022, 3, 9), "day")),
        ("Updated Wed, 09 Mar 2022 19:41:00 +0000", (date(2022, 3, 9), "day")),
        ("2024-06-17T10:00:00Z", (date(2024, 6, 17), "day")),
        ("21.10.2024", (date(2024, 10, 21), "day")),
        ("November 2019", (date(2019, 11, 1), "month")),
        ("2021", (date(2021, 1, 1), "year")),
        ("garbage", None),
        ("", None),
        ("March 9", None),  # no year: never taken from today
        ("yesterday", None),
        ("3 days ago", None),
        ("13,000 people", None),
        ("The company said it would appeal the ruling in 2021 or later", None),
    ],
)
def test_parse_date_string(text: str, expected: tuple[date, str] | None) -> None:
    assert parse_date_string(text) == expected


# ------------------------------------------------------------------------- properties

anchors = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
months = st.sampled_from("January February March April May June July August September October "
                         "November December".split())  # fmt: skip


@given(anchor=anchors, month=months)
def test_bare_month_tense_rules(anchor: date, month: str) -> None:
    past = resolve(month, anchor, tense="past")
    future = resolve(month, anchor, tense="future")
    present = resolve(month, anchor, tense="present")
    last = resolve(f"last {month}", anchor)
    assert past.start and future.start and present.start and last.start
    assert past.start <= anchor and (past.start.year - anchor.year) in (0, -1)
    # Future: the first such month not over at the anchor (this month counts).
    assert future.end and future.end > anchor and (future.start.year - anchor.year) in (0, 1)
    assert present.start.year == anchor.year
    assert last.end and last.end <= anchor.replace(day=1)
    assert last.start > date(anchor.year - 1, anchor.month, 1) or last.start.month == anchor.month


@given(anchor=anchors, weekday=st.sampled_from(["Monday", "Tuesday", "Friday", "Sunday"]))
def test_weekday_rules(anchor: date, weekday: str) -> None:
    past = resolve(weekday, anchor, tense="past")
    future = resolve(weekday, anchor, tense="future")
    last = resolve(f"last {weekday}", anchor)
    assert past.start and future.start and last.start
    assert 0 <= (anchor - past.start).days <= 6
    assert 0 <= (future.start - anchor).days <= 6
    assert 1 <= (anchor - last.start).days <= 7
    assert past.start.strftime("%A") == weekday == last.start.strftime("%A")


@given(anchor=anchors)
def test_relative_units_hold_or_border_the_anchor(anchor: date) -> None:
    for words in ("this week", "this month", "this year", "this quarter", "today"):
        tv = resolve(words, anchor)
        assert tv.start and tv.end and tv.start <= anchor < tv.end
    for words in ("last week", "last month", "last year", "last quarter", "yesterday"):
        tv = resolve(words, anchor)
        assert tv.end and tv.end <= anchor
        assert tv.end == resolve(words.replace("last", "this").replace("yesterday", "today"),
                                 anchor).start  # fmt: skip
