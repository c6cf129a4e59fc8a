"""Calendar periods as half-open date intervals ``[start, end)``.

A month, week (Monday to Sunday), quarter, half, season (northern meteorological) or year
that holds a date, and the early, mid or late part of one. Reading an expression and
anchoring it both count in these periods, so they are defined once.
"""

from __future__ import annotations

from datetime import date, timedelta

from consistency.time.calendar import SEASONS


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def month(y: int, m: int) -> tuple[date, date]:
    ny, nm = add_months(y, m, 1)
    return date(y, m, 1), date(ny, nm, 1)


def shift_months(d: date, k: int) -> date:
    """The same day k months away, clamped to the month's length (Feb 29 -> Feb 28)."""
    y, m = add_months(d.year, d.month, k)
    last = (month(y, m)[1] - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=7)


def quarter(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y: int, h: int) -> tuple[date, date]:
    return date(y, 6 * h - 5, 1), month(y, 6 * h)[1]


def season(name: str, y: int) -> tuple[date, date]:
    """The season of that name that starts in year y."""
    m = SEASONS[name]
    return date(y, m, 1), month(*add_months(y, m, 2))[1]


def year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y + 1, 1, 1)


def day(d: date) -> tuple[date, date]:
    return d, d + timedelta(days=1)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def narrow(start: date, end: date, gran: str, part: str) -> tuple[date, date]:
    """early/mid/late of an interval, overlapping at the edges (see the module docstring)."""
    if gran == "year":
        y = start.year
        first, stop = {"early": (1, 5), "mid": (4, 10), "late": (9, 13)}[part]
        return date(y, first, 1), (date(y + 1, 1, 1) if stop == 13 else date(y, stop, 1))
    if gran == "month":
        cut = {"early": (1, 11), "mid": (10, 21), "late": (20, None)}[part]
        return start.replace(day=cut[0]), (end if cut[1] is None else start.replace(day=cut[1]))
    if gran == "decade":
        y = start.year
        lo, hi = {"early": (0, 4), "mid": (3, 8), "late": (6, 10)}[part]
        return date(y + lo, 1, 1), date(y + hi, 1, 1)
    if gran == "season":  # three months: early the first two, mid the middle, late the last two
        second = date(*add_months(start.year, start.month, 1), 1)
        third = date(*add_months(start.year, start.month, 2), 1)
        return {"early": (start, third), "mid": (second, third), "late": (second, end)}[part]
    return start, end
