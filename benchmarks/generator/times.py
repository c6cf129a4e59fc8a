"""Time phrases as an outlet writes them, each with the interval a careful reader gives it.

An event of a date can be told absolutely ("on March 3, 2024", "in 2023") or relative to
the article's own date ("yesterday", "last November", "earlier this year"); every phrase
offered for a past event is true of it, read from that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS
from consistency.time.calendar import WEEKDAYS as CALENDAR_WEEKDAYS

# The names are the checker's own calendar (consistency/time/calendar.py), written as an
# outlet writes them.
MONTHS = MONTH_NAMES


def _ap_months() -> dict[int, str]:
    """AP style abbreviates a month of six letters or more with a date ("Sept. 3", "March
    3"), by the first abbreviation the calendar lists for it ("sept" before "sep")."""
    out: dict[int, str] = {}
    for abbreviation, n in MONTH_ABBREVIATIONS.items():
        if len(MONTHS[n - 1]) > 5:
            out.setdefault(n, f"{abbreviation.capitalize()}.")
    return out


AP_MONTHS = _ap_months()
WEEKDAYS = [w.capitalize() for w in CALENDAR_WEEKDAYS]
SMALL = {n: w for w, n in NUMBER_WORDS.items() if 2 <= n <= 7}
YEAR_FORMS = ("abs_year", "last_year", "this_year", "earlier_this_year")
MONTH_FORMS = ("abs_month", "bare_month", "last_monthname", "last_month")
DAY_FORMS = ("abs_day", "abs_day_noyear", "yesterday", "weekday", "days_ago")
ABSOLUTE_FORMS = ("abs_day", "abs_month", "abs_year")
RELATIVE_FORMS = (
    "yesterday",
    "weekday",
    "days_ago",
    "earlier_this_month",
    "last_month",
    "last_monthname",
    "bare_month",
    "last_year",
    "this_year",
    "earlier_this_year",
)


def add_months(d: date, k: int) -> date:
    m = d.month - 1 + k
    y = d.year + m // 12
    m = m % 12 + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1)


def year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y + 1, 1, 1)


def fmt_day(d: date, style: str, year: bool = True) -> str:
    if style == "uk":
        s = f"{d.day} {MONTHS[d.month - 1]}"
        return f"{s} {d.year}" if year else s
    month = AP_MONTHS.get(d.month, MONTHS[d.month - 1]) if style == "ap" else MONTHS[d.month - 1]
    s = f"{month} {d.day}"
    return f"{s}, {d.year}" if year else s


@dataclass(frozen=True)
class TimeExpr:
    """A time phrase as one outlet writes it, with the interval a careful reader gives it."""

    form: str
    text: str  # as it stands after a verb: "on March 3, 2024", "last November"
    lead: str  # as it opens a sentence: "On March 3, 2024", "Last November"
    start: date
    end: date  # exclusive
    gran: str  # day | month | year | range | bound

    @property
    def relative(self) -> bool:
        return self.form in RELATIVE_FORMS or self.form == "abs_day_noyear"

    def label(self) -> str:
        if self.gran == "day":
            return self.start.isoformat()
        if self.gran == "month":
            return self.start.strftime("%Y-%m")
        if self.gran == "year":
            return str(self.start.year)
        if self.gran == "bound":
            return f"on or before {(self.end - timedelta(days=1)).isoformat()}"
        return f"{self.start.isoformat()}..{(self.end - timedelta(days=1)).isoformat()}"

    def contains(self, d: date) -> bool:
        return self.start <= d < self.end


def _expr(form: str, text: str, span: tuple[date, date], gran: str, lead: str = "") -> TimeExpr:
    return TimeExpr(form, text, lead or text[0].upper() + text[1:], span[0], span[1], gran)


def time_options(d: date, pub: date, style: str) -> list[TimeExpr]:
    """Every way this outlet (published on ``pub``) can truly date a past event of ``d``."""
    assert d <= pub, (d, pub)
    out: list[TimeExpr] = []
    day = (d, d + timedelta(days=1))
    month = month_span(d.year, d.month)
    year = year_span(d.year)
    ago = (pub - d).days
    mname = MONTHS[d.month - 1]
    out.append(_expr("abs_day", f"on {fmt_day(d, style)}", day, "day"))
    out.append(_expr("abs_month", f"in {mname} {d.year}", month, "month"))
    out.append(_expr("abs_year", f"in {d.year}", year, "year"))
    if d.year == pub.year and ago >= 7:
        out.append(_expr("abs_day_noyear", f"on {fmt_day(d, style, year=False)}", day, "day"))
    if (d.year == pub.year and d.month <= pub.month) or (
        d.year == pub.year - 1 and d.month > pub.month
    ):
        out.append(_expr("bare_month", f"in {mname}", month, "month"))
    if ago == 1:
        out.append(_expr("yesterday", "yesterday", day, "day"))
        out.append(_expr("yesterday", "just yesterday", day, "day"))
    if 1 <= ago <= 6:
        wd = WEEKDAYS[d.weekday()]
        text = wd if style == "ap" else f"on {wd}"
        out.append(_expr("weekday", text, day, "day", lead=f"On {wd}"))
    if 2 <= ago <= 7:
        out.append(_expr("days_ago", f"{SMALL[ago]} days ago", day, "day"))
    if d.year == pub.year and d.month == pub.month and ago >= 2:
        span = (date(pub.year, pub.month, 1), pub + timedelta(days=1))
        out.append(_expr("earlier_this_month", "earlier this month", span, "range"))
    prev = add_months(date(pub.year, pub.month, 1), -1)
    if (d.year, d.month) == (prev.year, prev.month):
        out.append(_expr("last_month", "last month", month, "month"))
    if d.year == pub.year - 1 and d.month > pub.month:
        out.append(_expr("last_monthname", f"last {mname}", month, "month"))
    if d.year == pub.year - 1:
        out.append(_expr("last_year", "last year", year, "year"))
    if d.year == pub.year:
        out.append(_expr("this_year", "this year", year, "year"))
        if ago >= 14:
            span = (date(pub.year, 1, 1), pub + timedelta(days=1))
            out.append(_expr("earlier_this_year", "earlier this year", span, "range"))
    return out


def future_options(d: date, pub: date, style: str) -> list[TimeExpr]:
    """Absolute phrases for a date whose month starts after ``pub`` (an anachronism)."""
    month = month_span(d.year, d.month)
    assert month[0] > pub
    out = [
        _expr("abs_day", f"on {fmt_day(d, style)}", (d, d + timedelta(days=1)), "day"),
        _expr("abs_month", f"in {MONTHS[d.month - 1]} {d.year}", month, "month"),
    ]
    if d.year > pub.year:
        out.append(_expr("abs_year", f"in {d.year}", year_span(d.year), "year"))
    return out


def disjoint(a: TimeExpr, b: TimeExpr) -> bool:
    return a.end <= b.start or b.end <= a.start
