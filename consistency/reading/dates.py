"""Calendar days written in headers, datelines and structured fields; never today's clock."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from consistency.models import Granularity
from consistency.reading.shapes import DATE_RE
from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTHS, date_parser
from consistency.time.temporal import parse_date_string

_MONTHS = {**MONTHS, **MONTH_ABBREVIATIONS}


def parse_date(text: str) -> date | None:
    """The calendar day written in ``text`` (the first one), or None. Never today's clock.

    The day is read by :func:`consistency.time.temporal.parse_date_string`; a month or a
    year alone is no day. What it cannot read is tried as numbers and month names, then with
    dateparser."""
    m = DATE_RE.search(text)
    if m is None:
        return None
    found = m.group(0)
    read = parse_date_string(found)
    if read is not None and read[1] == Granularity.DAY:
        return read[0]
    return _plain_date(found) or _dateparser_date(found)


def _plain_date(found: str) -> date | None:
    s = found.strip().lower().replace(",", " ").replace(".", " ")
    nums = re.findall(r"\d+", s)
    words = re.findall(r"[a-z]+", s)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    try:
        if month is not None:
            day_str = next(n for n in nums if len(n) <= 2)
            year_str = next(n for n in nums if len(n) == 4)
            return date(int(year_str), month, int(day_str))
        a, b, c = (int(n) for n in nums[:3])
        if len(nums[0]) == 4:
            return date(a, b, c)
        if a > 12:
            return date(c, b, a)
        return date(c, a, b)  # US order, as dateparser reads English
    except (StopIteration, ValueError):
        return None


def _dateparser_date(found: str) -> date | None:
    try:
        data = date_parser("whole_day").get_date_data(found)
    except Exception:  # dateparser raises assorted errors on odd strings: no date, then
        return None
    if data is None or data.date_obj is None or getattr(data, "period", "day") != "day":
        return None
    return data.date_obj.date()  # type: ignore[no-any-return]


def date_value(value: Any) -> date | None:
    """A date from a structured field: a string, a date, or a Unix timestamp."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value) / 1000 if value > 1e11 else float(value)
        if 0 < seconds < 4_102_444_800:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        return None
    if isinstance(value, str):
        return parse_date(value)
    return None
