"""Standalone date strings (headers, datelines, page metadata) to a date and granularity."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from consistency.models import Granularity
from consistency.time.calendar import WEEKDAY_ABBREVIATIONS, WEEKDAYS, date_parser
from consistency.time.expressions import find_times
from consistency.time.patterns import cases
from consistency.time.resolution import resolve

# "Mon", "Tues.": capitalised only (a lower-case "sat" or "sun" is a word, not a day).
_WEEKDAY_ABBREVIATIONS = "|".join(w.capitalize() for w in WEEKDAY_ABBREVIATIONS)
_JUNK = re.compile(
    r"(?:\s|[,.;:|()\[\]/@–—-]|(?i:published|updated|posted|last|modified|on|at|by|am|pm|"
    r"a\.m\.|p\.m\.|utc|gmt|z|edt|est|cdt|cst|mdt|mst|pdt|pst|bst|cet|cest|ist|jst|hkt|sgt|"
    r"aest|aedt|et|pt)\b|[A-Z]{2,4}T\b|T?\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?|[+-]\d\d:?\d\d|"
    rf"{cases(WEEKDAYS)}|(?:{_WEEKDAY_ABBREVIATIONS})\b\.?)*"
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
# What a standalone date string may name.
_STANDALONE = (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)


@lru_cache(maxsize=1024)
def parse_date_string(text: str) -> tuple[date, Granularity] | None:
    """A standalone date string -> ``(date, granularity)`` or None.

    For headers and datelines: 'March 9, 2022, 7:41 PM' -> (2022-03-09, "day"),
    '2024-06-17', 'Oct 21, 2024', '11-05-2024', 'Wed, 09 Mar 2022 19:41:00 +0000',
    'November 2019' -> (2019-11-01, "month"). The string must be a date with little else
    around it (times, zones, weekdays, "Published", "Updated"); the year must be written in
    it, never taken from today. Anything else, including relative words, gives None.
    """
    s = " ".join(text.split())
    if not s or not _HAS_YEAR.search(s):
        return None
    for tm in find_times(s):
        tv = resolve(tm.text, None)
        if not tv.resolved or tv.granularity not in _STANDALONE:
            continue
        rest = s[: tm.start] + " " + s[tm.end :]
        if _JUNK.fullmatch(rest):
            assert tv.start is not None
            return tv.start, tv.granularity
        break
    data = date_parser("standalone").get_date_data(s)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if str(d.year) not in s:
        return None
    period = Granularity(data.period) if data.period in _STANDALONE else Granularity.DAY
    if period == Granularity.YEAR:
        d = date(d.year, 1, 1)
    elif period == Granularity.MONTH:
        d = d.replace(day=1)
    return d, period
