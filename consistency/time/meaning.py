"""What a found time expression means, before a publication date is applied.

:func:`parse` matches one expression against :data:`~consistency.time.patterns.PARSE` and
hands the named groups to the handler of the matched alternative's kind. The handler
returns a :class:`Spec`: an absolute interval ("March 5, 2023"), a recurring period picked
later by tense or sequence ("in March", "on Tuesday"), a function of the anchor ("last
week", "three days ago"), a range of two recurring ends, or a mention that is found but
never resolved (fiscal years).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from consistency.models import Granularity, Tense
from consistency.time import periods
from consistency.time.calendar import HOLIDAYS, MONTH_NAMES, WEEKDAYS, month_number
from consistency.time.patterns import ALTS, NUMBERS, PARSE

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4}  # fmt: skip


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))  # "16th" -> 16


@dataclass(frozen=True)
class Spec:
    """What an expression means, before an anchor is applied.

    kind: "abs" (start/end known), "rec" (a recurring period: a month, a day of the year, a
    season, a weekday, a quarter, a half, a weekend; picked by rel/tense/after), "rel" (a
    function of the anchor), "rrange" (a range of two recurring ends), "unres" (found,
    but never resolvable).
    """

    kind: str
    gran: Granularity
    start: date | None = None
    end: date | None = None
    unit: str = ""
    key: tuple[Any, ...] = ()
    rel: str | None = None
    part: str | None = None
    label: str = ""
    how: str = ""
    fn: Callable[[date, Tense], tuple[date, date, str] | None] | None = field(
        default=None, compare=False
    )


def _abs(start: date, end: date, gran: Granularity, part: str | None = None) -> Spec:
    if part:
        start, end = periods.narrow(start, end, gran, part)
        gran = Granularity.RANGE
    return Spec("abs", gran, start, end, part=part)


def _field(g: dict[str, str], name: str) -> str | None:
    return next((v for key, v in g.items() if key.startswith(name)), None)


def _partial(g: dict[str, str], k: str = "") -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date or of one end of a range; None where not written."""
    if k:
        y, m = _field(g, f"y{k}x"), _field(g, f"m{k}x")
        d = _field(g, f"d{k}x") or _field(g, f"dd{k}x")
    else:
        y, m, d = g.get("y"), g.get("m") or g.get("m2"), g.get("d") or g.get("d2")
    return (
        int(y) if y else None,
        month_number(m) if m else None,
        _day_number(d) if d else None,
    )


def _partial_interval(p: tuple[int | None, int | None, int | None]) -> tuple[date, date] | None:
    y, m, d = p
    assert y is not None
    if m is None:
        return periods.year(y)
    if d is None:
        return periods.month(y, m)
    day = periods.safe_date(y, m, d)
    return periods.day(day) if day else None


def _h_date(g: dict[str, str], text: str) -> Spec | None:
    y, m, d = _partial(g)
    assert m is not None
    if d is not None and d > 31:
        return None
    if y is None:
        if d is None:
            return Spec("rec", Granularity.MONTH, unit="month", key=(m,), label=MONTH_NAMES[m - 1])
        if periods.safe_date(2024, m, d) is None:
            return None
        return Spec(
            "rec", Granularity.DAY, unit="day", key=(m, d), label=f"{MONTH_NAMES[m - 1]} {d}"
        )
    iv = _partial_interval((y, m, d))
    if iv is None:
        return None
    return _abs(*iv, Granularity.DAY if d else Granularity.MONTH)


def _h_iso(g: dict[str, str], text: str) -> Spec | None:
    day = periods.safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
    return _abs(*periods.day(day), Granularity.DAY) if day and 1800 <= day.year < 2100 else None


def _h_numeric(g: dict[str, str], text: str) -> Spec | None:
    a, b, y = int(g["a"]), int(g.get("b") or g["b2"]), int(g["y"])
    day = periods.safe_date(y, a, b) or periods.safe_date(y, b, a)
    return _abs(*periods.day(day), Granularity.DAY) if day and 1800 <= y < 2100 else None


def _h_range(g: dict[str, str], text: str) -> Spec | None:
    p1, p2 = _partial(g, "1"), _partial(g, "2")
    (y1, m1, d1), (y2, m2, d2) = p1, p2
    yy = _field(g, "yy2x") or (_field(g, "dd2x") if m1 is None else None)
    if yy:  # "2019-21", "1990-95": the second year written with two digits
        if y1 is None or m1 is not None or not yy.isdigit():
            return None
        y2, d2 = y1 // 100 * 100 + int(yy), None
    if m1 is None and d1 is not None:  # "5-7 March": the first end borrows the month
        m1 = m2
    if m2 is None and d2 is not None:  # "March 5-7": the second end borrows it
        m2 = m1
    if (m1 is None and y1 is None) or (m2 is None and y2 is None):
        return None
    if (m1 is None) != (m2 is None) and (y1 is None or y2 is None):
        return None
    if y1 is None and y2 is None:
        return Spec("rrange", Granularity.RANGE, key=((m1, d1), (m2, d2)))
    if y1 is None:
        assert y2 is not None and m1 is not None and m2 is not None
        y1 = y2 if (m1, d1 or 1) <= (m2, d2 or 31) else y2 - 1
    elif y2 is None:
        assert m1 is not None and m2 is not None
        y2 = y1 if (m2, d2 or 31) >= (m1, d1 or 1) else y1 + 1
    a, b = _partial_interval((y1, m1, d1)), _partial_interval((y2, m2, d2))
    if a is None or b is None or not (a[0] < b[0] and a[1] <= b[1]):
        return None
    return _abs(a[0], b[1], Granularity.RANGE)


def _two_digit_year(yy: str) -> int:
    return 2000 + int(yy)


def _h_quarter(g: dict[str, str], text: str) -> Spec | None:
    q = int(g["q"]) if g["q"].isdigit() else _ORDINALS[g["q"].lower()]
    y = g.get("y") or g.get("y2")
    if y or g.get("yy"):
        return _abs(
            *periods.quarter(int(y) if y else _two_digit_year(g["yy"]), q), Granularity.QUARTER
        )
    if g.get("rel") or re.search(r"(?i)\bof\s+the\b", text):
        return Spec(
            "rel",
            Granularity.QUARTER,
            unit="quarter",
            key=(q,),
            rel=(g.get("rel") or "this"),
            fn=_of_year("quarter", q, (g.get("rel") or "this").lower()),
        )
    return Spec("rec", Granularity.QUARTER, unit="quarter", key=(q,), label=f"Q{q}")


def _h_half(g: dict[str, str], text: str) -> Spec | None:
    h = int(g["h"]) if g["h"].isdigit() else _ORDINALS[g["h"].lower()]
    if g.get("y"):
        return _abs(*periods.half(int(g["y"]), h), Granularity.HALF)
    rel = (g.get("rel") or "this").lower()
    return Spec("rel", Granularity.HALF, fn=_of_year("half", h, rel))


def _season_key(g: dict[str, str], name: str = "s") -> str:
    s = (g.get(name) or g.get("s2") or "").lower()
    return "autumn" if s == "fall" else s


def _h_season(g: dict[str, str], text: str) -> Spec | None:
    s = _season_key(g)
    if g.get("y"):
        y = int(g["y"])
        second = int(g["y2"]) if g.get("y2") else (y // 100 * 100 + int(g["yy"]) if g.get("yy")
                                                   else None)  # fmt: skip
        if second is not None:  # "the winter of 2021-22"
            if second != y + 1:
                return None
            if s == "winter":
                return _abs(*periods.season(s, y), Granularity.SEASON)
            return _abs(periods.season(s, y)[0], periods.season(s, second)[1], Granularity.RANGE)
        return _abs(*periods.season(s, y - 1 if s == "winter" else y), Granularity.SEASON)
    rel = g.get("rel")
    return Spec("rec", Granularity.SEASON, unit="season", key=(s,), label=s,
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _norm_rel(rel: str) -> str:
    r = " ".join(rel.lower().split())
    return {"this past": "last", "this coming": "next"}.get(r, r)


def _h_of_year(g: dict[str, str], text: str) -> Spec | None:
    rel = g["rel"].lower()
    if g.get("d"):
        key = (month_number(g["m"]), _day_number(g["d"]))
        if periods.safe_date(2024, *key) is None:
            return None
        return Spec("rel", Granularity.DAY, fn=_of_year("day", key, rel))
    if g.get("m"):
        return Spec("rel", Granularity.MONTH, fn=_of_year("month", month_number(g["m"]), rel))
    return Spec("rel", Granularity.SEASON, fn=_of_year("season", _season_key(g), rel))


def _of_year(
    unit: str, key: Any, rel: str
) -> Callable[[date, Tense], tuple[date, date, str] | None]:
    """A period of the anchor's year, the year before or after: "March of last year"."""
    shift = {"last": -1, "this": 0, "next": 1}[rel]

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str] | None:
        y = anchor.year + shift
        if unit == "month":
            s, e = periods.month(y, key)
        elif unit == "day":
            day = periods.safe_date(y, *key)
            if day is None:
                return None
            s, e = periods.day(day)
        elif unit == "quarter":
            s, e = periods.quarter(y, key)
        elif unit == "half":
            s, e = periods.half(y, key)
        else:
            s, e = periods.season(key, y - 1 if key == "winter" else y)
        which = {"last": "the year before", "this": "the anchor's year", "next": "the year after"}
        return s, e, f"in {which[rel]}"

    return fn


def _h_decade(g: dict[str, str], text: str) -> Spec | None:
    if g.get("dd"):
        dd = int(g["dd"])
        if dd == 20:  # the 1920s or the 2020s: not guessed
            return None
        y = 2000 + dd if dd < 20 else 1900 + dd
        return _abs(date(y, 1, 1), date(y + 10, 1, 1), Granularity.DECADE)
    y = int(g["dec"])
    if y % 100 == 0 and y < 2000:  # "the 1900s" is a century in news English
        return _abs(date(y, 1, 1), date(y + 100, 1, 1), Granularity.RANGE)
    return _abs(date(y, 1, 1), date(y + 10, 1, 1), Granularity.DECADE)


def _h_part(g: dict[str, str], text: str) -> Spec | None:
    part = g["part"].lower()
    if g.get("dec"):
        y = int(g["dec"])
        return _abs(date(y, 1, 1), date(y + 10, 1, 1), Granularity.DECADE, part)
    if g.get("m"):
        m = month_number(g["m"])
        if g.get("my"):
            return _abs(*periods.month(int(g["my"]), m), Granularity.MONTH, part)
        return Spec("rec", Granularity.RANGE, unit="month", key=(m,), part=part,
                     label=MONTH_NAMES[m - 1])  # fmt: skip
    if g.get("y"):
        return _abs(*periods.year(int(g["y"])), Granularity.YEAR, part)
    if g.get("u"):
        return Spec("rel", Granularity.RANGE, unit=_unit(g["u"]), part=part,
                     fn=_rel_unit(g["rel"], g["u"]))  # fmt: skip
    s = _season_key(g)
    if g.get("sy"):
        y = int(g["sy"])
        return _abs(*periods.season(s, y - 1 if s == "winter" else y), Granularity.SEASON, part)
    return Spec("rec", Granularity.RANGE, unit="season", key=(s,), part=part, label=s)


def _rel_unit(rel_word: str, unit_word: str) -> Callable[[date, Tense], tuple[date, date, str]]:
    """this/last/next week, month, quarter, year, decade, weekend."""
    rel = _norm_rel(rel_word)
    rel = "this" if rel == "the current" else rel
    unit = _unit(unit_word.lower())
    k = {"last": -1, "this": 0, "next": 1}[rel]
    words = {-1: f"the {unit} before", 0: f"the anchor's {unit}", 1: f"the {unit} after"}

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        if unit in ("week", "weekend"):
            s, e = periods.week(anchor + timedelta(days=7 * k))
            if unit == "weekend":
                s = s + timedelta(days=5)
            return s, e, words[k]
        if unit == "month":
            s, e = periods.month(*periods.add_months(anchor.year, anchor.month, k))
        elif unit == "quarter":
            q = (anchor.month - 1) // 3 + 1
            y, m = periods.add_months(anchor.year, 3 * q - 2, 3 * k)
            s, e = periods.quarter(y, (m - 1) // 3 + 1)
        elif unit == "year":
            s, e = periods.year(anchor.year + k)
        else:
            y = anchor.year // 10 * 10 + 10 * k
            s, e = date(y, 1, 1), date(y + 10, 1, 1)
        return s, e, words[k]

    return fn


_UNIT_GRAN = {
    "week": Granularity.WEEK,
    "weekend": Granularity.RANGE,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
}


def _h_unit(g: dict[str, str], text: str) -> Spec | None:
    rel = _norm_rel(g["rel"])
    unit = _unit(g["u"])
    if rel == "last" and "past" in g["rel"].lower() and unit == "week":
        return Spec("rel", Granularity.RANGE, fn=_span("past", 1, "week"))
    if unit == "weekend" and "coming" in g["rel"].lower():  # the weekend ahead, not next week's
        return Spec("rel", Granularity.RANGE, fn=_rel_unit("this", "weekend"))
    return Spec("rel", _UNIT_GRAN[unit], fn=_rel_unit(g["rel"], g["u"]))


def _h_day(g: dict[str, str], text: str) -> Spec | None:
    t = " ".join(text.lower().split())
    offsets = [("before yesterday", -2), ("after tomorrow", 2), ("yesterday", -1),
               ("last night", -1), ("tomorrow", 1)]  # fmt: skip
    k = next((o for w, o in offsets if w in t), 0)
    how = {-2: "two days before", -1: "the day before", 0: "the anchor day",
           1: "the day after", 2: "two days after"}[k]  # fmt: skip

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        return (*periods.day(anchor + timedelta(days=k)), how)

    return Spec("rel", Granularity.DAY, fn=fn)


def _h_earlier(g: dict[str, str], text: str) -> Spec | None:
    direction = (g.get("dir") or g.get("dir2") or "").lower()
    unit = _unit(g["u"]) if g.get("u") else "day"

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        if unit == "day":
            return (*periods.day(anchor), "the anchor day")
        if unit == "week":
            s, e = periods.week(anchor)
        elif unit == "month":
            s, e = periods.month(anchor.year, anchor.month)
        else:
            s, e = periods.year(anchor.year)
        if direction == "earlier":
            return s, anchor + timedelta(days=1), f"from the start of the {unit} to the anchor"
        return anchor, e, f"from the anchor to the end of the {unit}"

    return Spec("rel", Granularity.DAY if unit == "day" else Granularity.RANGE, fn=fn)


_AGO_GRAN = {
    "minute": Granularity.DAY,
    "hour": Granularity.DAY,
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
}


def _offset(anchor: date, n: int, unit: str) -> tuple[date, date]:
    """The unit-sized period n units away from the anchor (n < 0: before it)."""
    if unit in ("minute", "hour"):  # "48 hours ago" is two days back, "3 hours ago" the day
        return periods.day(anchor + timedelta(days=round(n / (24 if unit == "hour" else 1440))))
    if unit == "day":
        return periods.day(anchor + timedelta(days=n))
    if unit == "week":
        return periods.week(anchor + timedelta(days=7 * n))
    if unit == "month":
        return periods.month(*periods.add_months(anchor.year, anchor.month, n))
    if unit == "year":
        return periods.year(anchor.year + n)
    y = (anchor.year + 10 * n) // 10 * 10
    return date(y, 1, 1), date(y + 10, 1, 1)


def _h_ago(g: dict[str, str], text: str) -> Spec | None:
    n, unit = _number(g["n"]), _unit(g["u"])

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        return (*_offset(anchor, -n, unit), f"{n} {unit}{'s' if n != 1 else ''} before")

    return Spec("rel", _AGO_GRAN[unit], fn=fn)


def _h_in(g: dict[str, str], text: str) -> Spec | None:
    n, unit = _number(g["n"]), _unit(g["u"])

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str] | None:
        if tense == Tense.PAST:
            return None
        return (*_offset(anchor, n, unit), f"{n} {unit}{'s' if n != 1 else ''} after")

    return Spec("rel", _AGO_GRAN[unit], fn=fn, how="a duration in a past-tense sentence")


def _span(direction: str, n: int, unit: str) -> Callable[[date, Tense], tuple[date, date, str]]:
    """The past/next n units, counted back or forward from the anchor day."""
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    days = {"minute": 1, "hour": 1, "day": 1, "week": 7}.get(unit, 0)
    said = f"{n} {unit}{'s' if n != 1 else ''}"
    if unit in ("minute", "hour"):  # whole days, at least one
        n = max(1, -(-n // (24 if unit == "hour" else 1440)))

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        if direction in ("past", "last"):
            s = (
                periods.shift_months(anchor, -n * months)
                if months
                else anchor - timedelta(n * days)
            )
            return s, anchor + timedelta(days=1), f"{said} back to the anchor"
        e = periods.shift_months(anchor, n * months) if months else anchor + timedelta(n * days)
        return anchor, e + timedelta(days=1), f"{said} on from the anchor"

    return fn


def _h_span(g: dict[str, str], text: str) -> Spec | None:
    n = _number(g["n"]) if g.get("n") else 1
    if g.get("n") and g["n"].lower() in ("a", "an"):
        return None
    return Spec("rel", Granularity.RANGE, fn=_span(g["dir"].lower(), n, _unit(g["u"])))


def _h_month(g: dict[str, str], text: str) -> Spec | None:
    m = month_number(g["m"])
    rel = g.get("rel")
    return Spec("rec", Granularity.MONTH, unit="month", key=(m,), label=MONTH_NAMES[m - 1],
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _h_weekday(g: dict[str, str], text: str) -> Spec | None:
    wd = WEEKDAYS.index(g["wd"].lower())
    rel = g.get("rel")
    return Spec("rec", Granularity.DAY, unit="weekday", key=(wd,), label=WEEKDAYS[wd].capitalize(),
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _h_weekend(g: dict[str, str], text: str) -> Spec | None:
    return Spec("rec", Granularity.RANGE, unit="weekend", key=(), label="weekend")


def _h_unitof(g: dict[str, str], text: str) -> Spec | None:
    unit, pos = _unit(g["u"]), g["pos"].lower()
    base = _rel_unit("this", unit)

    def fn(anchor: date, tense: Tense) -> tuple[date, date, str]:
        s, e, _ = base(anchor, tense)
        if pos in ("rest", "remainder"):
            return anchor, e, f"from the anchor to the end of the {unit}"
        return s, e, f"the anchor's {unit}"

    gran = Granularity.RANGE if pos in ("rest", "remainder") else _UNIT_GRAN[unit]
    return Spec("rel", gran, fn=fn)


def _h_holiday(g: dict[str, str], text: str) -> Spec | None:
    name = " ".join(g["hol"].lower().replace("’", "'").split())
    m, d = HOLIDAYS[name]
    if g.get("y"):
        return _abs(*periods.day(date(int(g["y"]), m, d)), Granularity.DAY)
    return Spec("rec", Granularity.DAY, unit="day", key=(m, d), label=g["hol"])


def _h_fiscal(g: dict[str, str], text: str) -> Spec | None:
    if g.get("q"):
        return Spec(
            "unres", Granularity.QUARTER, how=f"{quoted(text)}: the fiscal calendar is not known"
        )
    y = int(g["y"]) if g.get("y") else _two_digit_year(g["yy"])
    return Spec("unres", Granularity.YEAR, how=f"fiscal year {y}: the fiscal calendar is not known")


def _h_year(g: dict[str, str], text: str) -> Spec | None:
    return _abs(*periods.year(int(g["y"])), Granularity.YEAR)


_HANDLERS: dict[str, Callable[[dict[str, str], str], Spec | None]] = {
    "range": _h_range, "in": _h_in, "iso": _h_iso, "numeric": _h_numeric, "date": _h_date,
    "of_year": _h_of_year, "quarter": _h_quarter, "half": _h_half, "season": _h_season,
    "decade": _h_decade, "part": _h_part, "earlier": _h_earlier, "day": _h_day, "ago": _h_ago,
    "span": _h_span, "unit": _h_unit, "month": _h_month, "weekday": _h_weekday,
    "unitof": _h_unitof, "holiday": _h_holiday, "fiscal": _h_fiscal, "year": _h_year,
    "weekend": _h_weekend,
}  # fmt: skip


@lru_cache(maxsize=4096)
def parse(text: str) -> Spec | None:
    """The meaning of one expression, or None if it is not a (valid) time expression."""
    m = PARSE.fullmatch(text)
    if m is None or m.lastgroup is None:
        return None
    i = int(m.lastgroup[1:])
    prefix = f"a{i}_"
    g = {k[len(prefix) :]: v for k, v in m.groupdict().items() if v and k.startswith(prefix)}
    return _HANDLERS[ALTS[i][0]](g, text)


def quoted(text: str) -> str:
    return f'"{" ".join(text.split())}"'
