"""Anchoring: a found time expression resolved to a :class:`~consistency.models.TimeValue`.

Absolute dates stand alone. A relative expression is read from the document's
publication date (the anchor) and the sentence's tense; a bare month, day, season or
weekday that follows a dated event is read from that event (``after``). Without an
anchor a relative expression stays unresolved: it is never guessed from today's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from consistency.models import Anchor, Granularity, Tense, TimeValue
from consistency.time import periods
from consistency.time.calendar import MONTH_NAMES
from consistency.time.expressions import LATER, LATER_N
from consistency.time.meaning import Spec, parse, quoted


def _instances(spec: Spec, ref: date) -> list[tuple[date, date]]:
    """The periods a recurring expression can name, around ref, in time order."""
    out: list[tuple[date, date]] = []
    if spec.unit in ("weekday", "weekend"):
        target = spec.key[0] if spec.unit == "weekday" else 5
        first = ref - timedelta(days=21)
        first += timedelta(days=(target - first.weekday()) % 7)
        for k in range(7):
            s = first + timedelta(days=7 * k)
            out.append((s, s + timedelta(days=1 if spec.unit == "weekday" else 2)))
        return out
    for y in range(ref.year - 3, ref.year + 4):
        if spec.unit == "month":
            out.append(periods.month(y, spec.key[0]))
        elif spec.unit == "day":
            d = periods.safe_date(y, *spec.key)
            if d:
                out.append(periods.day(d))
        elif spec.unit == "season":
            out.append(periods.season(spec.key[0], y))
        elif spec.unit == "quarter":
            out.append(periods.quarter(y, spec.key[0]))
        elif spec.unit == "half":
            out.append(periods.half(y, spec.key[0]))
    return out


def _current(spec: Spec, anchor: date) -> tuple[date, date]:
    """The period of the expression's own size that holds the anchor ("last" counts back
    from its start, "next" on from its end)."""
    if spec.unit == "month":
        return periods.month(anchor.year, anchor.month)
    if spec.unit == "season":
        for y in (anchor.year - 1, anchor.year):
            for name in ("spring", "summer", "autumn", "winter"):
                s, e = periods.season(name, y)
                if s <= anchor < e:
                    return s, e
    if spec.unit == "quarter":
        return periods.quarter(anchor.year, (anchor.month - 1) // 3 + 1)
    if spec.unit == "half":
        return periods.half(anchor.year, 1 if anchor.month <= 6 else 2)
    if spec.unit == "weekend":
        return periods.week(anchor)
    return periods.day(anchor)


def _pick(spec: Spec, anchor: date, tense: Tense) -> tuple[tuple[date, date], str] | None:
    """Choose one instance of a recurring expression from the anchor: rel first, then tense."""
    items = _instances(spec, anchor)
    label = spec.label
    if spec.rel == "last":
        cur = _current(spec, anchor)
        found = [iv for iv in items if iv[1] <= cur[0]]
        return (found[-1], f"the {label} before") if found else None
    if spec.rel == "next":
        cur = _current(spec, anchor)
        found = [iv for iv in items if iv[0] >= cur[1]]
        return (found[0], f"the next {label}") if found else None
    if spec.rel == "this" and spec.unit != "weekday":
        if spec.unit == "season" and spec.key[0] == "winter":
            y = anchor.year if anchor.month > 6 else anchor.year - 1
            return periods.season("winter", y), "this winter"
        if spec.unit == "weekend":
            s, e = periods.week(anchor)
            return (s + timedelta(days=5), e), "the weekend of the anchor's week"
        found = [iv for iv in items if iv[0].year == anchor.year]
        return (found[0], f"the {label} of the anchor's year") if found else None
    containing = [iv for iv in items if iv[0] <= anchor < iv[1]]
    if tense == Tense.FUTURE:
        if spec.unit in ("quarter", "half", "month", "season"):
            # "will be debated in January" in an article of January 5: this January.
            found = [iv for iv in items if iv[1] > anchor]
            return (found[0], f"the first {label} not over at the anchor (future tense)")
        found = [iv for iv in items if iv[0] >= anchor]
        return (found[0], f"the next {label} on or after it (future tense)") if found else None
    if tense == Tense.PRESENT:
        if spec.unit == "weekday":
            best = min(items, key=lambda iv: (abs((iv[0] - anchor).days), iv[0] > anchor))
            return best, f"the nearest {label} (present tense)"
        if spec.unit in ("season", "weekend") and containing:
            return containing[0], f"the {label} under way (present tense)"
        if spec.unit == "weekend":
            found = [iv for iv in items if iv[0] >= anchor]
            return found[0], "the next weekend (present tense)"
        if spec.unit == "season":
            return _pick(Spec("rec", spec.gran, unit="season", key=spec.key, rel="this",
                               label=label), anchor, tense)  # fmt: skip
        found = [iv for iv in items if iv[0].year == anchor.year]
        return (found[0], f"the {label} of the anchor's year (present tense)") if found else None
    found = [iv for iv in items if iv[0] <= anchor]
    return (found[-1], f"the most recent {label} on or before it (past tense)") if found else None


def _unresolved(
    text: str, gran: Granularity, note: str = "no anchor: the document has no date"
) -> TimeValue:
    return TimeValue(text, None, None, gran, None, None, note=note)


@lru_cache(maxsize=8192)
def resolve(
    text: str,
    anchor: date | None,
    anchor_from: str | None = None,
    tense: Tense | str = Tense.PAST,
    after: TimeValue | None = None,
) -> TimeValue:
    """One expression (as :func:`~consistency.time.expressions.find_times` finds it) as a
    TimeValue ``[start, end)``.

    ``anchor`` is the document's publication date and ``anchor_from`` where it came from
    (passed through on anchored values). ``tense`` (a :class:`Tense`, or its word) picks the
    instance of a bare month, day, season or weekday. ``after``: the time of the event this
    sentence follows; a bare month/day/season/weekday then resolves to the first such period
    starting on or after ``after.start`` (anchor_from "sequence"). Absolute dates ignore
    both and get anchor_from "absolute". A relative expression without an anchor stays
    unresolved (start and end None) with a note; it is never guessed from today's date.
    """
    tense = Tense.of(tense)
    if isinstance(anchor, datetime):  # a datetime compares badly with the dates below
        return resolve(text, anchor.date(), anchor_from, tense, after)
    later = LATER.fullmatch(text)
    if later is not None:
        return _resolve_later(text, later, after)
    spec = parse(text)
    if spec is None:
        return _unresolved(
            text, Granularity.UNKNOWN, note=f"{quoted(text)} is not a time expression"
        )
    if spec.kind == "unres":
        return _unresolved(text, spec.gran, note=spec.how)
    if spec.kind == "abs":
        return _absolute(text, spec)
    seq = after is not None and after.resolved and spec.rel is None
    if spec.kind in ("rec", "rrange") and seq:
        assert after is not None and after.start is not None
        return _after(text, spec, after)
    if anchor is None:
        return _unresolved(text, spec.gran)
    return _from_anchor(text, spec, anchor, anchor_from, tense)


def _absolute(text: str, spec: Spec) -> TimeValue:
    assert spec.start and spec.end
    tv = TimeValue(text, spec.start, spec.end, spec.gran, None, Anchor.ABSOLUTE)
    return TimeValue(text, spec.start, spec.end, spec.gran, None, Anchor.ABSOLUTE,
                     note=f"{quoted(text)} is absolute: {tv.label()}")  # fmt: skip


def _from_anchor(
    text: str, spec: Spec, anchor: date, anchor_from: str | None, tense: Tense
) -> TimeValue:
    """A relative or recurring expression read from the publication date."""
    read = f"{quoted(text)} read from {anchor.isoformat()}"
    if spec.kind == "rrange":
        return _rrange(text, spec, anchor, anchor_from, tense, None)
    if spec.kind == "rel":
        assert spec.fn is not None
        got = spec.fn(anchor, tense)
        if got is None:
            return TimeValue(text, None, None, spec.gran, anchor, anchor_from,
                             note=f"{read}: {spec.how}, not a point in time")  # fmt: skip
        s, e, how = got
    else:
        picked = _pick(spec, anchor, tense)
        if picked is None:
            return TimeValue(text, None, None, spec.gran, anchor, anchor_from,
                             note=f"{read}: no such date near the anchor")  # fmt: skip
        (s, e), how = picked
    if spec.part:
        s, e = periods.narrow(s, e, spec.unit, spec.part)
        how = f"{spec.part} part of {how}"
    return TimeValue(text, s, e, spec.gran, anchor, anchor_from, note=f"{read}: {how}")


def _after(text: str, spec: Spec, after: TimeValue) -> TimeValue:
    assert after.start is not None
    ref = after.start
    note = f"{quoted(text)} read after {quoted(after.text)} ({after.label()})"
    if spec.kind == "rrange":
        return _rrange(text, spec, ref, Anchor.SEQUENCE, Tense.FUTURE, after)
    found = [iv for iv in _instances(spec, ref) if iv[0] >= ref]
    if not found:
        return _unresolved(text, spec.gran, note=f"{note}: no such date after it")
    s, e = found[0]
    if spec.part:
        s, e = periods.narrow(s, e, spec.unit, spec.part)
    how = f"the first {spec.label} on or after {ref.isoformat()}"
    return TimeValue(text, s, e, spec.gran, ref, Anchor.SEQUENCE, note=f"{note}: {how}")


def _rrange(
    text: str,
    spec: Spec,
    anchor: date,
    anchor_from: str | None,
    tense: Tense,
    after: TimeValue | None,
) -> TimeValue:
    """A range whose ends have no year: the first end by tense (or after), the second end
    the first such date on or after the first."""
    (m1, d1), (m2, d2) = spec.key

    def rec(m: int, d: int | None) -> Spec:
        if d is None:
            return Spec("rec", Granularity.MONTH, unit="month", key=(m,), label=MONTH_NAMES[m - 1])
        return Spec(
            "rec", Granularity.DAY, unit="day", key=(m, d), label=f"{MONTH_NAMES[m - 1]} {d}"
        )

    first, second = rec(m1, d1), rec(m2, d2)
    if after is not None:
        found = [iv for iv in _instances(first, anchor) if iv[0] >= anchor]
        a = found[0] if found else None
        how = f"the first {first.label} on or after {anchor.isoformat()}"
        read = f"{quoted(text)} read after {quoted(after.text)} ({after.label()})"
    else:
        picked = _pick(first, anchor, tense)
        a, how = (picked[0], picked[1]) if picked else (None, "")
        read = f"{quoted(text)} read from {anchor.isoformat()}"
    if a is None:
        return TimeValue(text, None, None, Granularity.RANGE, anchor, anchor_from,
                         note=f"{read}: no such date")  # fmt: skip
    b = next(iv for iv in _instances(second, a[0]) if iv[0] >= a[0])
    return TimeValue(text, a[0], b[1], Granularity.RANGE, anchor, anchor_from,
                     note=f"{read}: from {how}, to the {second.label} after it")  # fmt: skip


def _resolve_later(text: str, m: re.Match[str], after: TimeValue | None) -> TimeValue:
    n_word = m.group("n").lower()
    n = LATER_N.get(n_word) or int(n_word)
    unit = m.group("unit").lower()
    if after is None or after.start is None or after.end is None:
        return _unresolved(
            text,
            Granularity(unit),
            note=f"{quoted(text)} counts from an earlier event that was not dated",
        )
    if unit == "year":
        start, end = (
            periods.shift_months(after.start, 12 * n),
            periods.shift_months(after.end, 12 * n),
        )
    elif unit == "month":
        start, end = periods.shift_months(after.start, n), periods.shift_months(after.end, n)
    else:
        days = n * (7 if unit == "week" else 1)
        start, end = after.start + timedelta(days=days), after.end + timedelta(days=days)
    return TimeValue(
        text, start, end, after.granularity, after.anchor, Anchor.SEQUENCE,
        note=f"{quoted(text)} counted from {after.label()}, the event told before",
    )  # fmt: skip
