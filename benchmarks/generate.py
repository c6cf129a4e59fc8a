"""Generate a seeded corpus of invented multi-outlet news stories with known answers.

Run from the repository root::

    python benchmarks/generate.py OUT --stories 20 --outlets 4 --seed 7

or from Python::

    from benchmarks.generate import generate
    expected = generate(Path("out"), stories=20, outlets=4, seed=7)

It writes ``OUT/story-001/`` ... one folder per story, each with one article per invented
outlet (``.txt`` with a header, an ``.html`` page with metadata and site furniture, ``.md``
with YAML front matter, or a ``.json`` feed), and one ``OUT/expected.yaml`` for the whole
corpus, in the shape of ``../shared/corpus/seeds/expected.yaml``: ``discrepancies`` (what a
correct check must report) and ``consistent`` (traps that must not be reported). Every
``source`` is the file's path relative to OUT (``story-003/harbour-courier.txt``) and every
``says`` is a sentence that occurs verbatim in that file.

How a story is made:

* an invented cast (companies, a regulator whose acronym one outlet defines once, a city
  council, people named in full and then by surname, a festival, a scheme) and 5-8 true
  facts drawn from the event lexicon (``consistency/data/events.yaml``), each with a true
  date and, for some, a figure with a unit;
* each outlet has its own publication date (within three weeks of the others, after every
  true event), its own date style (US, UK or AP) and format, and tells a random subset of
  the facts (each fact by at least two outlets) through many sentence frames: active,
  passive, regulator as subject, attribution ("..., the CWA said", "told X", "said on
  Tuesday that it had ..."), hedges, relative clauses, coordinated clauses, group subjects,
  fronted time phrases; times absolute or relative to that outlet's own date (computed from
  the true date, so they are right); figures exact, rounded ("about") or bounded ("at
  least", "more than", "nearly"); filler sentences with no claim; page furniture (price
  tickers with a later capture date, "Recommended for you" teasers with their own dates,
  share and ad lines); some outlets repeat another outlet's sentence verbatim;
* 2-3 planted discrepancies per story, dealt from a shuffled deck (the five kinds below
  twice, the four others once) so that 20 stories have every kind:

  - ``date``, ``number``, ``first``, ``order``, ``anachronism`` (one outlet moves a date,
    a figure, calls a company the first, tells two events in the wrong order, or dates a
    past event after its own publication);
  - ``status``: one outlet has a company refused a licence, stripped of it, or still
    without one ("has yet to obtain", "is still waiting for"), an authority lifting a ban
    or rejecting a plan, while another tells the opposite state for the same time;
  - ``attribution``: the same direct quote (eight words or more) given to two different
    named people in two outlets, or the same report credited "according to" two different
    (invented) news agencies;
  - ``count`` (kind ``number``): "one of two companies to obtain a licence in May" against
    "the only company" or "one of three" for the same period;
  - ``internal`` (kind ``date`` or ``number``, both claims from one article): an article
    that dates an event, or gives a figure, two incompatible ways in two sentences;
* traps that are no discrepancy (a month inside a year, "about 13,000" and "13,200", a bound
  and a figure inside it, "retail" on one side only, a relative and an absolute time that
  agree, a true "first", a statement's date that is not the event's, a teaser's date).

Every claim is also kept as structured data (times, figures, statuses, counts, quotes and
their speakers, "according to" sources), and a small checker over that data (not over the
text) verifies the ground truth: every conflict among the claims comes from a planted
discrepancy (an extra kind it implies is listed under ``also``; for an internal one, every
kind it also shows against other outlets), and no trap is touched by one. Same seed, same
bytes: only ``random.Random(seed)`` is used, never the clock.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

KINDS = ("date", "number", "first", "order", "anachronism", "status", "attribution")
# What a story can have planted: a kind, or a form of one ("count" and "internal" are
# reported as kind number, and as date or number).
PLANTS = (*KINDS, "count", "internal")
# The deck the plants are dealt from: the five classic kinds twice a round, the others once.
DECK = (*KINDS[:5], *KINDS[:5], "status", "attribution", "count", "internal")
# The order plants are made in within a story: the ones that move true dates come first, and
# the count (whose truth depends on every licence's date) last.
PLANT_ORDER = ("first", "order", "date", "number", "anachronism", "internal", "status",
               "attribution", "count")  # fmt: skip
TRAPS = (
    "month_in_year",
    "rounding",
    "bound",
    "retail",
    "rel_abs",
    "true_first",
    "said_that",
    "teaser",
)
FORMATS = ("txt", "html", "md", "json")

# --------------------------------------------------------------------------------------
# Dates and time expressions
# --------------------------------------------------------------------------------------

MONTHS = (
    "January February March April May June July August September October November December"
).split()
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SMALL = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}

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


FORM_WEIGHT = {
    "yesterday": 4,
    "weekday": 4,
    "days_ago": 2,
    "earlier_this_month": 3,
    "last_month": 2,
    "last_monthname": 2,
}


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


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------

CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£"}
CURRENCY_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds"}


@dataclass(frozen=True)
class Qty:
    form: str  # exact | about | bound | nearly | wrong
    text: str
    low: float
    high: float
    value: float  # the figure as written
    word: str = ""  # "about", "at least", ...

    def overlaps(self, other: Qty) -> bool:
        return not (self.high < other.low or other.high < self.low)


def sig_round(v: float, digits: int, how: str = "round") -> float:
    if v <= 0:
        return v
    k = len(str(int(v))) - digits
    unit = 10**k if k > 0 else 1
    if how == "floor":
        return float((int(v) // unit) * unit)
    if how == "ceil":
        return float(-(-int(v) // unit) * unit)
    return float(int(v / unit + 0.5) * unit)


def is_round(v: float) -> bool:
    s = str(int(v)).rstrip("0")
    return len(s) <= 2 and v >= 100


def round_slack(v: float) -> float:
    """How far a bare round figure may be from the true one (half its last digit)."""
    if not is_round(v):
        return 0.0
    s = str(int(v))
    zeros = len(s) - len(s.rstrip("0"))
    return 10**zeros / 2


def fmt_count(v: float) -> str:
    return f"{int(v):,}"


def fmt_money(v: float, cur: str, style: str, words: bool = False) -> str:
    sym = CURRENCIES[cur]
    for size, name, short in ((1e9, "billion", "bn"), (1e6, "million", "m")):
        if v >= size:
            n = f"{v / size:.2f}".rstrip("0").rstrip(".")
            if words:
                return f"{n} {name} {CURRENCY_WORDS[cur]}"
            if style == "uk":
                return f"{sym}{n}{short}"
            return f"{sym}{n} {name}"
    return f"{sym}{int(v):,}"


@dataclass(frozen=True)
class Figure:
    """A fact's true figure: value, kind (count or money), unit word or currency."""

    value: float
    kind: str  # count | money
    unit: str  # "people", "workers", "jobs" ... or a currency code

    def phrase(self, v: float, style: str, rng: random.Random) -> str:
        if self.kind == "money":
            return fmt_money(v, self.unit, style, words=rng.random() < 0.15)
        return f"{fmt_count(v)} {self.unit}"

    def label(self, v: float, style: str = "us") -> str:
        if self.kind == "money":
            return fmt_money(v, self.unit, "us")
        return f"{fmt_count(v)} {self.unit}"


def qty_exact(fig: Figure, style: str, rng: random.Random) -> Qty:
    v = fig.value
    slack = round_slack(v)
    return Qty("exact", fig.phrase(v, style, rng), v - slack, v + slack, v)


def qty_about(fig: Figure, style: str, rng: random.Random) -> Qty | None:
    v = fig.value
    for digits in (1, 2):
        x = sig_round(v, digits)
        if x != v and 0.93 <= v / x <= 1.07:
            word = rng.choice(["about", "about", "around", "roughly", "some", "an estimated"])
            return Qty("about", f"{word} {fig.phrase(x, style, rng)}", 0.9 * x, 1.1 * x, x, word)
    return None


def qty_bound(fig: Figure, style: str, rng: random.Random) -> Qty | None:
    v = fig.value
    for digits in (1, 2):
        x = sig_round(v, digits, "floor")
        if x < v and x >= 0.6 * v:
            word = rng.choice(["at least", "more than", "over"])
            return Qty("bound", f"{word} {fig.phrase(x, style, rng)}", x, float("inf"), x, word)
    return None


def qty_nearly(fig: Figure, style: str, rng: random.Random) -> Qty | None:
    v = fig.value
    for digits in (2, 1):
        x = sig_round(v, digits, "ceil")
        if x > v and x <= 1.1 * v:
            word = rng.choice(["nearly", "almost", "close to"])
            return Qty("nearly", f"{word} {fig.phrase(x, style, rng)}", 0.85 * x, x, x, word)
    return None


def qty_wrong(fig: Figure, style: str, rng: random.Random, against: list[Qty]) -> Qty:
    v = fig.value
    for _ in range(200):
        f = rng.uniform(0.45, 0.75) if rng.random() < 0.5 else rng.uniform(1.35, 2.0)
        w = sig_round(v * f, rng.choice([1, 2]))
        slack = round_slack(w)
        q = Qty("wrong", fig.phrase(w, style, rng), w - slack, w + slack, w)
        if w > 0 and all(not q.overlaps(a) for a in against):
            return q
    raise AssertionError("no wrong figure")


# --------------------------------------------------------------------------------------
# Names and vocabulary (all invented)
# --------------------------------------------------------------------------------------

STEM_A = (
    "Tide Bright Salt North Blue Grey Silver Iron Clear Stone Red Amber Lark Fox Oak West "
    "Copper Wren Ash Elm Kings Moor Glen Raven Swift High Deep Storm Sun Frost Heron Marsh "
    "Fern Cinder Cobble Linden Sable Thistle Rowan Hazel"
).split()
STEM_B = (
    "well water wind fin line bark brook haven cliff gate field ridge mere leaf ford wood "
    "crest vale point holm stead wick more dale"
).split()
CITY_STEMS = (
    "Alder Brennick Calloway Dunmore Everly Fallowmere Garrow Hollis Ivers Jessop Kelby "
    "Lunden Marrow Nettleby Orrin Pellam Quenby Rookham Sallow Tavish Umberly Vance Warrick "
    "Yarrow Zellan Ambry Bexley Corran Dalby Esker Farrow Gilby Harrow Islay Jura Keld "
    "Lorne Maddox Norris Ormsby"
).split()
CITY_FORMS = ("Port {}", "{} Bay", "{}ton", "{} Harbour", "Lower {}", "{} Falls", "New {}", "{}")
REGION_ADJ = (
    "Coastal Northern Southern Eastern Western Central Metropolitan Regional National "
    "Provincial Island Valley Highland Lakeside Capital Peninsula Riverside Upland Borders "
    "Midland Federal Territorial Harbourside Delta"
).split()
BODIES = ("Authority", "Commission", "Board", "Agency", "Regulator")
FIRST_NAMES = (
    "Elena Daniel Priya Tomasz Amara Kenji Sofia Marcus Leila Oscar Ingrid Samuel Nadia "
    "Rafael Chloe Tariq Hannah Mateo Yuki Grace Felix Aisha Lukas Rosa Dmitri Imogen Kwame "
    "Clara Ravi Maeve Jonah Esther Tobias Noor Hugo Freya Ibrahim Lena Patrick Mei Anton "
    "Renée José Zoë Bruno Célia Niamh Arjun Sunita Viktor"
).split()
SURNAMES = (
    "Ruiz Okoro Lindqvist Haddad Brennan Castell Varga Mbeki Thorne Quill Sandoval Ferreira "
    "Kowalczyk Ashby Nakamura Delacroix Osei Whitlock Marchetti Abernathy Calder Duarte "
    "Fairbairn Galloway Hargreaves Iyer Jankowski Kavanagh Lachance Moreau Nwosu Ortega "
    "Pemberton Quinlan Rasmussen Sorensen Tremaine Ulloa Vasquez Wexley Yeoman Zamora "
    "Achterberg Bellweather Carrow Dunleavy Eskildsen Farquhar Grimaldi Holloway Ingram "
    "Jovanovic Kilbride Laramie Montague Nakashima Oduya Prescott Rautio Strand Tolliver "
    "Underhill Valcourt Winslow Yardley Zielinski Ambrose Blackwood Cardenas Devereux "
    "Ellery Fontaine Gutierrez Halvorsen Ikeda Jessup Kerrigan Lindgren Mallory Navarro "
    "Ostrander Pacheco Radcliffe Sahin Tanaka Ustinov Vidal Wolcott Ximenes Yilmaz Zeller "
    "Aldana Bramwell Chadwick Dinsmore Eberhardt Falconer Gilchrist Hathaway Iverson "
    "Jablonski Kinsella Lowther Merriweather Nilsen Okafor Pruitt Rourke Stanhope Trevino "
    "Urquhart Vandermeer Whitcombe"
).split()
SUR_A = "Ash Bram Cor Dun Fen Hal Kel Mar Pen Rad Stan Thorn Wel Whit Al Bel Cal Dal".split()
SUR_B = "worth ley by ford ton well wood field more ridge stone croft combe hurst".split()
OUTLETS = (
    ("Harbour Courier", "us"),
    ("Northgate Ledger", "uk"),
    ("Riverside Gazette", "ap"),
    ("Meridian Post", "us"),
    ("Crestline Herald", "uk"),
    ("Lantern Daily", "us"),
    ("Pinecrest Observer", "ap"),
    ("Bayview Chronicle", "us"),
    ("Summit Tribune", "uk"),
    ("Fenwick Times", "us"),
    ("Granite Wire", "ap"),
    ("Tidewater Journal", "uk"),
)
REPORTERS = (
    "Nadia Okonkwo",
    "Liam Hartigan",
    "Sara Bellamy",
    "Owen Prakash",
    "Maya Thorsen",
    "Ellis Greaves",
    "Ruth Ambler",
    "Caleb Moyo",
    "Tessa Lindell",
    "Jonas Friedl",
    "Alma Reyes",
    "Peter Voss",
)

DOMAINS: dict[str, dict[str, Any]] = {
    "water": {
        "reg": ["Water Authority", "Water Commission", "Water Services Board"],
        "co": ["Water", "Utilities", "Aqua", "Hydro"],
        "licence": ["desalination licence", "water supply licence", "abstraction licence"],
        "retail": "water supply licence",
        "act": ["run a desalination plant on the coast", "supply drinking water to homes"],
        "operator": "water supplier",
        "sector": "water",
        "product": [
            "a refill-station network",
            "the AquaTrack billing app",
            "a leak-alert service for households",
        ],
        "venue": ["a desalination plant", "a pumping station", "a new headquarters"],
        "ban": [
            ("single-use plastic bottles", True),
            ("garden hosepipes", True),
            ("lawn sprinklers", True),
        ],
        "law": [
            "the project's budget",
            "a water conservation ordinance",
            "the Clean Supply Bill",
            "an amendment to the city's drainage rules",
        ],
        "statement": [
            "a drought management plan",
            "new guidance on water pricing",
            "a consultation paper on metering",
            "its annual water quality report",
        ],
        "plan": ["the plant's environmental plan", "a new pipeline route", "the intake design"],
        "festival": ["Lights Festival", "Seafront Festival", "Water Week"],
        "scheme": ["Water Security Scheme", "Refill Rebate Scheme", "Metering Programme"],
        "reason": [
            "over a brine spill near the intake",
            "for missing leak-reduction targets",
            "over misleading bills",
        ],
        "site": ["at the site on the northern shore", "at its coastal plant", "across the region"],
        "topic": "water supply",
        "ticker": "TDW",
    },
    "energy": {
        "reg": ["Energy Regulator", "Energy Commission", "Power Authority"],
        "co": ["Energy", "Power", "Renewables", "Grid"],
        "licence": ["generation licence", "electricity supply licence", "offshore wind licence"],
        "retail": "electricity supply licence",
        "act": ["sell power to households", "build turbines off the coast"],
        "operator": "power supplier",
        "sector": "energy",
        "product": [
            "a home battery service",
            "the GridWise smart tariff",
            "a community solar offer",
        ],
        "venue": ["a solar plant", "a battery storage hub", "a control centre"],
        "ban": [
            ("new coal boilers", True),
            ("gas connections in new homes", True),
            ("diesel generators at festivals", True),
        ],
        "law": [
            "the renewable energy bill",
            "a grid upgrade budget",
            "an amendment to the planning code",
            "a heat network ordinance",
        ],
        "statement": [
            "a ten-year grid roadmap",
            "new guidance on smart meters",
            "a policy statement on wind farms",
            "its annual market report",
        ],
        "plan": [
            "the wind farm's environmental plan",
            "a new cable route",
            "the substation design",
        ],
        "festival": ["Energy Expo", "Solar Fair", "Green Homes Show"],
        "scheme": ["Green Tariff Scheme", "Warm Homes Programme", "Rooftop Solar Scheme"],
        "reason": [
            "over repeated billing errors",
            "for missing outage reports",
            "over misleading tariff adverts",
        ],
        "site": ["at its turbine yard", "across its sites", "at the port"],
        "topic": "energy",
        "ticker": "PWR",
    },
    "finance": {
        "reg": ["Financial Services Authority", "Securities Commission", "Markets Authority"],
        "co": ["Exchange", "Digital", "Capital", "Markets"],
        "licence": ["virtual asset trading licence", "exchange licence", "custody licence"],
        "retail": "virtual asset trading licence",
        "act": ["serve retail investors", "run a crypto exchange"],
        "operator": "crypto exchange",
        "sector": "crypto",
        "product": [
            "a bitcoin custody service",
            "the CoinDesk Pro trading app",
            "a stablecoin savings account",
        ],
        "venue": ["a regional headquarters", "a trading office", "an innovation hub"],
        "ban": [
            ("crypto lending to retail investors", False),
            ("anonymous wallets", True),
            ("crypto adverts on buses", True),
        ],
        "law": [
            "the stablecoin bill",
            "an amendment to the securities law",
            "the digital assets act",
            "a budget for the fintech office",
        ],
        "statement": [
            "a policy statement on virtual assets",
            "new guidance on token listings",
            "a consultation paper on staking",
            "its annual market report",
        ],
        "plan": ["the merger plan", "a new listing framework", "the exchange's custody plan"],
        "festival": ["Fintech Week", "Blockchain Summit", "Crypto Forum"],
        "scheme": [
            "Virtual Asset Licensing Regime",
            "Sandbox Programme",
            "Investor Protection Scheme",
        ],
        "reason": [
            "over weak money-laundering checks",
            "for late reporting of trades",
            "over misleading adverts",
        ],
        "site": ["at its trading floor", "in the city", "across three offices"],
        "topic": "crypto trading",
        "ticker": "BTC",
    },
    "transport": {
        "reg": ["Transport Authority", "Aviation Authority", "Rail Regulator"],
        "co": ["Air", "Ferries", "Rail", "Mobility"],
        "licence": ["operating licence", "air operator licence", "route licence"],
        "retail": None,
        "act": ["run passenger services", "fly the island route"],
        "operator": "transport operator",
        "sector": "transport",
        "product": ["a night bus service", "an electric ferry route", "a bike-share network"],
        "venue": ["a bus station", "a charging hub", "a maintenance depot"],
        "ban": [
            ("e-scooters on pavements", True),
            ("diesel buses in the old town", True),
            ("night flights", True),
        ],
        "law": [
            "the transport budget",
            "a congestion charge ordinance",
            "an amendment to the parking rules",
            "the rail safety bill",
        ],
        "statement": [
            "a five-year transport plan",
            "new guidance on e-scooters",
            "a consultation paper on fares",
            "its annual safety report",
        ],
        "plan": ["the airport expansion plan", "a new tram route", "the depot design"],
        "festival": ["Air Show", "Rail Festival", "Motor Show"],
        "scheme": ["Clean Air Zone", "Fare Cap Scheme", "Park and Ride Programme"],
        "reason": ["over safety failings", "for repeated delays", "over misleading timetables"],
        "site": ["at its depot", "across the network", "at the airport"],
        "topic": "transport",
        "ticker": "FRY",
    },
    "telecoms": {
        "reg": ["Communications Commission", "Telecoms Authority", "Spectrum Agency"],
        "co": ["Telecom", "Networks", "Mobile", "Fibre"],
        "licence": ["spectrum licence", "broadband licence", "mobile operator licence"],
        "retail": "broadband licence",
        "act": ["sell home broadband", "run a mobile network"],
        "operator": "network operator",
        "sector": "telecoms",
        "product": [
            "a 5G home broadband service",
            "a rural satellite service",
            "the LinkUp family tariff",
        ],
        "venue": ["a data centre", "a network operations centre", "a flagship store"],
        "ban": [
            ("unsolicited sales calls", True),
            ("phone masts near schools", True),
            ("hidden roaming fees", True),
        ],
        "law": [
            "the digital infrastructure bill",
            "a broadband budget",
            "an amendment to the planning code",
            "a mast siting ordinance",
        ],
        "statement": [
            "a rural coverage roadmap",
            "new guidance on mast sharing",
            "a consultation paper on spectrum fees",
            "its annual coverage report",
        ],
        "plan": ["the mast rollout plan", "a new fibre route", "the data centre design"],
        "festival": ["Tech Fair", "Digital Week", "Gaming Expo"],
        "scheme": [
            "Rural Broadband Programme",
            "Gigabit Voucher Scheme",
            "Digital Inclusion Scheme",
        ],
        "reason": [
            "over dropped emergency calls",
            "for misleading speed claims",
            "over billing errors",
        ],
        "site": ["at its call centre", "across the region", "at the data centre"],
        "topic": "broadband",
        "ticker": "TEL",
    },
    "mining": {
        "reg": ["Minerals Commission", "Mining Inspectorate", "Resources Authority"],
        "co": ["Minerals", "Resources", "Mining", "Metals"],
        "licence": ["exploration licence", "mining licence", "quarry permit"],
        "retail": None,
        "act": ["dig for lithium in the hills", "reopen the old quarry"],
        "operator": "miner",
        "sector": "mining",
        "product": [
            "a lithium recycling service",
            "a mine-water clean-up programme",
            "a community fund",
        ],
        "venue": ["a processing plant", "a training centre", "a field office"],
        "ban": [
            ("blasting near schools", False),
            ("open-pit mining in the national park", False),
            ("night-time haulage", False),
        ],
        "law": [
            "the mining royalties bill",
            "a budget for mine safety",
            "an amendment to the minerals act",
            "a haul road ordinance",
        ],
        "statement": [
            "a critical minerals roadmap",
            "new guidance on tailings dams",
            "a consultation paper on royalties",
            "its annual safety report",
        ],
        "plan": ["the mine's environmental plan", "a new haul road", "the tailings dam design"],
        "festival": ["Heritage Festival", "Minerals Show", "Miners' Gala"],
        "scheme": [
            "Mine Restoration Scheme",
            "Royalty Sharing Programme",
            "Dust Monitoring Scheme",
        ],
        "reason": [
            "over dust from the haul road",
            "for a tailings leak",
            "over missing safety checks",
        ],
        "site": ["at the mine", "across its sites", "at the processing plant"],
        "topic": "mining",
        "ticker": "LTH",
    },
    "food": {
        "reg": ["Food Standards Agency", "Food Safety Authority", "Health Products Board"],
        "co": ["Foods", "Dairy", "Pharma", "Labs"],
        "licence": ["manufacturing licence", "pharmacy licence", "food export licence"],
        "retail": "pharmacy licence",
        "act": ["make vaccines at its plant", "export cheese to the mainland"],
        "operator": "manufacturer",
        "sector": "food",
        "product": ["a plant-based milk range", "a home testing kit", "a school meals service"],
        "venue": ["a factory", "a research centre", "a flagship store"],
        "ban": [
            ("trans fats in restaurants", True),
            ("energy drinks for under-16s", True),
            ("plastic cutlery", False),
        ],
        "law": [
            "the food labelling bill",
            "a school meals budget",
            "an amendment to the hygiene rules",
            "a sugar tax ordinance",
        ],
        "statement": [
            "a national nutrition plan",
            "new guidance on allergen labels",
            "a consultation paper on sugar",
            "its annual food safety report",
        ],
        "plan": ["the factory's expansion plan", "a new recall framework", "the cold store design"],
        "festival": ["Food Festival", "Harvest Fair", "Cheese Week"],
        "scheme": ["Healthy Schools Scheme", "Food Waste Programme", "Hygiene Rating Scheme"],
        "reason": [
            "over a salmonella outbreak",
            "for mislabelled allergens",
            "over hygiene failings",
        ],
        "site": ["at its factory", "across the island", "at the creamery"],
        "topic": "food safety",
        "ticker": "FDS",
    },
}

FESTIVAL_STEMS = (
    "Seaglass Lantern Midsummer Pier Quayside Island Boardwalk Cathedral Meadow Riverbank "
    "Autumn Winter Spring Orchard Castle Skyline Harbourfront Lighthouse Promenade Dune"
).split()
FUND_WORDS = ("Ventures", "Capital", "Partners", "Investments")

# Lines of furniture; none of them makes a claim about the story.
SHARE_LINES = (
    "Share",
    "Tweet",
    "Share this article: Facebook | X | LinkedIn | Email",
    "Sign up for our morning newsletter",
    "Listen to this article (4 min)",
)
AD_LINES = ("Advertisement", "Sponsored content", "ADVERTISEMENT", "Story continues below")
GENERIC_TEASERS = (
    "Ferry fares rise for the third year running",
    "Five walks for a wet weekend",
    "School catchment changes explained",
    "Weather: storm warning for the coast",
    "Local bakery wins regional award",
    "Council tax bands: what the changes mean",
    "Letters: readers on parking and potholes",
    "Photos: the week in pictures",
    "Tide tables for the month ahead",
    "Quiz: how well do you know the coast?",
)
TITLE_FORMS = (
    "{C}'s {topic}: what we know",
    "Inside the {topic} debate in {C}",
    "{Co} and the future of {topic} in {C}",
    "Questions over {topic} as {C} weighs its options",
    "{Reg} under pressure over {topic}",
    "What the {topic} row means for {C}",
    "{topic_cap} in {C}: a timeline",
    "{C} residents want answers on {topic}",
)
LEDES = (
    "{C}'s plans for {topic} are under fresh scrutiny.",
    "The fight over {topic} in {C} is far from over.",
    "For {C}, the question of {topic} has become impossible to ignore.",
    "A long-running debate over {topic} in {C} has entered a new phase.",
    "Few subjects divide opinion in {C} quite like {topic}.",
    "The coastal city of {C} is once again arguing about {topic}.",
)
BACKGROUND = (
    "{C}, home to about {pop} residents, sits on a narrow strip of coast.",
    "Demand for {topic} in {C} has grown steadily for a decade.",
    "Critics say the rules leave too much to the discretion of officials.",
    "Environmental groups remain wary.",
    "The sector has been under scrutiny for years.",
    "Local business owners say they are watching closely.",
    "Residents packed a town hall meeting to ask questions about costs.",
    "Prices across the region have risen sharply.",
    "On a grey morning at the harbour, workers in orange vests moved between stacks of pipe.",
    "Gulls wheeled over the quay as the tide went out.",
    "Outside the town hall, a handful of protesters held hand-painted placards.",
    "{Reg} oversees {topic} across the region.",
    "{CoX} did not respond to a request for comment.",
    "{CoX} declined to comment on the figures.",
)
QUOTES = (
    "We have waited a long time for this",
    "This is a good day for the coast",
    "People want answers, and they want them soon",
    "We will keep asking hard questions",
    "It is a big step for a small city",
    "Nobody here takes the sea for granted",
    "The details matter more than the headlines",
    "We owe residents an honest explanation",
    "There is still a lot of work to do",
    "I understand why people are worried",
    "Our focus is on doing this properly",
    "The numbers speak for themselves",
    # eight words or more: these can also be planted (given to two people)
    "We are not going to rush a decision this important",
    "Residents deserve to know exactly what is being built and why",
    "Every family in this city should be able to trust the system",
    "We made mistakes early on and we have learned from them",
    "This is about the next twenty years, not the next election",
    "I would rather get this right than get it done quickly",
    "The rules are clear and everyone has to follow them",
    "We listened to the objections and changed the plans accordingly",
    "There is no shortcut when public safety is at stake",
    "Small businesses on the coast have carried this burden for too long",
    "Our door is open to anyone who wants to talk to us",
    "The town has changed a great deal since I was a child",
)
LONG_QUOTE_WORDS = 8
# Invented news agencies, for "according to" (none is an outlet of the corpus).
AGENCIES = (
    "Kittiwake Press Agency",
    "Lodestar Newswire",
    "Anchorline News Service",
    "Windrose Press Association",
    "Beaconfield Wire",
    "Saltire Newsdesk",
    "Cormorant News Agency",
    "Halyard Press",
)

# --------------------------------------------------------------------------------------
# Sentence frames per event. The subject of every verb phrase (vp) is the fact's entity.
# {T} a time phrase, {N} a figure, {A} the regulator, {L} "a <licence>", {O} an object,
# {X2} a second entity, {C} the city, {ROLE} a post, {R} a reason, {SITE} a place.
# --------------------------------------------------------------------------------------

EVENTS: dict[str, dict[str, list[str]]] = {
    "licensed": {
        "vp": [
            "obtained {L} from {A} {T}",
            "was granted {L} by {A} {T}",
            "received {L} from {A} {T}",
            "secured {L} {T}",
            "won {L} {T}",
            "was licensed by {A} {T} to {ACT}",
            "was awarded {L} by {A} {T}",
            "got the green light from {A} {T} to {ACT}",
        ],
        "pp": ["obtained {L} {T}", "been granted {L} {T}", "secured {L} {T}"],
        "full": [
            "{A} granted {S} {L} {T}.",
            "{A} awarded {L} to {S} {T}.",
            "{Lcap} was granted to {S} by {A} {T}.",
        ],
        "plural": [
            "obtained {Ls} from {A} {T}",
            "were licensed by {A} {T}",
            "were each granted {L} {T}",
        ],
        "first": [
            "became the first company to obtain {L} in {C} {T}",
            "was the first {SECTOR} company to be licensed by {A} {T}",
            "became the first operator to receive {L} from {A} {T}",
        ],
    },
    "banned": {
        "vp": [
            "banned {O} {T}",
            "prohibited {O} {T}",
            "outlawed {O} {T}",
            "imposed a ban on {O} {T}",
            "barred {O} {T}",
        ],
        "pp": ["banned {O} {T}"],
        "full": ["{Ocap} {were} banned by {S} {T}."],
    },
    "passed-law": {
        "vp": [
            "passed {O} {T}",
            "approved {O} {T}",
            "voted to adopt {O} {T}",
            "adopted {O} {T}",
            "voted through {O} {T}",
        ],
        "pp": ["passed {O} {T}", "approved {O} {T}"],
        "full": ["{Ocap} was passed by {S} {T}.", "{Ocap} was approved by {S} {T}."],
    },
    "released-statement": {
        "vp": [
            "released {O} {T}",
            "published {O} {T}",
            "issued {O} {T}",
            "unveiled {O} {T}",
            "put out {O} {T}",
        ],
        "pp": ["published {O} {T}", "released {O} {T}"],
        "full": ["{Ocap} was published by {S} {T}.", "{Ocap} was released by {S} {T}."],
    },
    "commenced": {
        "vp": [
            "took effect {T}",
            "came into force {T}",
            "began {T}",
            "kicked off {T}",
            "went live {T}",
            "started {T}",
        ],
        "pp": ["taken effect {T}", "come into force {T}"],
        "full": ["{S}, which {A} oversees, took effect {T}."],
    },
    "launched": {
        "vp": ["launched {O} {T}", "introduced {O} {T}", "rolled out {O} {T}", "unveiled {O} {T}"],
        "pp": ["launched {O} {T}"],
        "full": ["{Ocap} was launched by {S} {T}."],
    },
    "opened": {
        "vp": [
            "opened {O} in {C} {T}",
            "opened {O} {T}",
            "inaugurated {O} in {C} {T}",
            "cut the ribbon on {O} {T}",
        ],
        "pp": ["opened {O} {T}"],
        "full": ["{Ocap} was opened by {S} {T}."],
    },
    "acquired": {
        "vp": [
            "acquired {X2} for {N} {T}",
            "bought {X2} {T} in a deal worth {N}",
            "purchased {X2} for {N} {T}",
            "completed the {N} takeover of {X2} {T}",
        ],
        "pp": ["acquired {X2} for {N} {T}", "bought {X2} for {N} {T}"],
        "full": ["{X2} was acquired by {S} for {N} {T}."],
    },
    "raised-funds": {
        "vp": [
            "raised {N} from investors {T}",
            "raised {N} in a funding round led by {FUND} {T}",
            "closed a {N} funding round {T}",
            "secured {N} in new funding {T}",
            "landed {N} of fresh capital {T}",
        ],
        "pp": ["raised {N} {T}"],
        "full": ["Investors led by {FUND} put {N} into {S} {T}."],
    },
    "attracted": {
        "vp": ["drew {N} {T}", "attracted {N} {T}", "pulled in {N} {T}", "welcomed {N} {T}"],
        "pp": ["drawn {N} {T}", "attracted {N} {T}"],
        "full": ["{Ncap} attended {S} {T}."],
    },
    "employs": {
        "vp": [
            "employs {N} {SITE}",
            "now employs {N} {SITE}",
            "has a workforce of {N}",
            "has {N} on its payroll",
        ],
        "pp": [],
        "full": ["{Ncap} work for {S} {SITE}."],
    },
    "fined": {
        "vp": [
            "was fined {N} by {A} {T} {R}",
            "was ordered by {A} to pay {N} {T} {R}",
            "was hit with a {N} fine {T} {R}",
            "was penalised {N} by {A} {T}",
        ],
        "pp": ["been fined {N} {T}"],
        "full": [
            "{A} fined {S} {N} {T} {R}.",
            "{A} imposed a {N} penalty on {S} {T} {R}.",
            "{A} slapped {S} with a {N} fine {T}.",
        ],
    },
    "appointed": {
        "vp": [
            "was appointed {ROLE} {T}",
            "was named {ROLE} {T}",
            "took over as {ROLE} {T}",
            "became {ROLE} {T}",
        ],
        "pp": ["been appointed {ROLE} {T}"],
        "full": ["{X2} appointed {S} as {POST} {T}.", "{X2} named {S} its {POST} {T}."],
    },
    "resigned": {
        "vp": [
            "stepped down as {ROLE} {T}",
            "resigned as {ROLE} {T}",
            "quit as {ROLE} {T}",
            "left the post of {ROLE} {T}",
        ],
        "pp": ["stepped down as {ROLE} {T}"],
        "full": [],
    },
    "signed": {
        "vp": [
            "signed {DEAL} with {X2} {T}",
            "struck {DEAL} with {X2} {T}",
            "sealed {DEAL} with {X2} {T}",
        ],
        "pp": ["signed {DEAL} with {X2} {T}"],
        "full": [],
    },
    "approved": {
        "vp": [
            "approved {O} {T}",
            "cleared {O} {T}",
            "endorsed {O} {T}",
            "signed off on {O} {T}",
            "gave the go-ahead to {O} {T}",
        ],
        "pp": ["approved {O} {T}"],
        "full": ["{Ocap} was approved by {S} {T}."],
    },
    "cut-jobs": {
        "vp": ["cut {N} {T}", "shed {N} {T}", "axed {N} {T}", "eliminated {N} {T}"],
        "pp": ["cut {N} {T}"],
        "full": [],
    },
}
FIGURE_EVENTS = ("attracted", "employs", "raised-funds", "acquired", "fined", "cut-jobs")
UNDATED_EVENTS = ("employs",)
# Events whose entity can say "it had ...": a company, the regulator or the council.
SAID_EVENTS = (
    "licensed",
    "banned",
    "passed-law",
    "released-statement",
    "launched",
    "opened",
    "acquired",
    "raised-funds",
    "signed",
    "approved",
    "cut-jobs",
)

# (entity role, event): what a story's facts can be.
SLOTS = (
    ("co0", "licensed"),
    ("co1", "licensed"),
    ("co2", "licensed"),
    ("co0", "employs"),
    ("co1", "employs"),
    ("co0", "raised-funds"),
    ("co1", "raised-funds"),
    ("co0", "acquired"),
    ("co0", "launched"),
    ("co1", "opened"),
    ("co2", "signed"),
    ("co1", "fined"),
    ("co2", "cut-jobs"),
    ("reg", "released-statement"),
    ("reg", "approved"),
    ("reg", "banned"),
    ("council", "passed-law"),
    ("city", "banned"),
    ("festival", "attracted"),
    ("scheme", "commenced"),
    ("ceo", "appointed"),
    ("chair", "resigned"),
)

# A status planted against a fact: the opposite state, told as a sentence. Each key is
# (the fact's event, the status); the status is a lexicon event id (refused-licence,
# lost-licence, lifted-ban, rejected) dated {T} like the fact, or "not-..." (a negation,
# undated, which holds as of its article's date). {lic} is the licence without an article.
STATUS_EVENTS = {
    "licensed": ("refused-licence", "lost-licence", "not-licensed", "not-licensed"),
    "banned": ("lifted-ban", "not-banned"),
    "approved": ("rejected", "not-approved"),
}
STATUS: dict[str, list[str]] = {
    "refused-licence": [
        "{A} refused {S} {L} {T}.",
        "{S} was refused {L} by {A} {T}.",
        "{S} was denied {L} {T}.",
        "{A} rejected {S}'s application for {L} {T}.",
        "{A} turned down {S}'s application for {L} {T}.",
        "{S}'s bid for {L} was rejected by {A} {T}.",
        "{Tlead}, {A} declined to grant {S} {L}.",
    ],
    "lost-licence": [
        "{A} revoked {S}'s {lic} {T}.",
        "{A} suspended {S}'s {lic} {T}.",
        "{S} had its {lic} suspended by {A} {T}.",
        "{S} was stripped of its {lic} {T}.",
        "{S} lost its {lic} {T}, {A} said.",
    ],
    "not-licensed": [
        "{S} has not obtained {L}.",
        "{S} has yet to obtain {L} from {A}.",
        "{S} is still waiting for {L}.",
        "{S} is still awaiting {L} from {A}.",
        "{S} does not yet hold {L}.",
        "{S}, which has not been granted {L}, cannot {ACT} for now.",
        "{S} has applied for {L} but has not received one.",
        "{S} still lacks {L}, {A} said.",
    ],
    "lifted-ban": [
        "{S} lifted its ban on {O} {T}.",
        "{S} scrapped the ban on {O} {T}.",
        "{S} overturned its ban on {O} {T}.",
        "The ban on {O} was lifted by {S} {T}.",
        "{Tlead}, {S} lifted the ban on {O}.",
    ],
    "not-banned": [
        "{S} has not banned {O}.",
        "{S} has stopped short of banning {O}.",
        "{S} has so far refused to ban {O}.",
        "{S} has never banned {O}.",
    ],
    "rejected": [
        "{S} rejected {O} {T}.",
        "{S} turned down {O} {T}.",
        "{S} blocked {O} {T}.",
        "{Ocap} was rejected by {S} {T}.",
        "{S} refused to approve {O} {T}.",
    ],
    "not-approved": [
        "{S} has not approved {O}.",
        "{S} has yet to approve {O}.",
        "{S} is still reviewing {O}.",
        "{Ocap} still awaits approval from {S}.",
        "{S} has not signed off on {O}.",
    ],
}
STATUS_WORDS = {
    "refused-licence": "licence refused",
    "lost-licence": "licence revoked or suspended",
    "not-licensed": "no licence",
    "lifted-ban": "ban lifted",
    "not-banned": "not banned",
    "rejected": "rejected",
    "not-approved": "not approved",
}

# How many companies obtained the story's licence in a period: {K} is "two" or "three",
# {OPS} the domain's operators ("crypto exchanges"), {OP} one of them.
COUNT_ONE = [
    "became the only company to obtain {L} {T}",
    "was the only {OP} to win {L} {T}",
    "was the sole applicant granted {L} by {A} {T}",
    "was the only firm to receive {L} from {A} {T}",
]
COUNT_MANY = [
    "became one of {K} companies to obtain {L} {T}",
    "was one of {K} {OPS} granted {L} by {A} {T}",
    "was one of only {K} firms to receive {L} from {A} {T}",
    "became one of {K} {OPS} to secure {L} {T}",
]
COUNT_WORDS = {1: "the only", 2: "one of two", 3: "one of three"}

# A second mention of a fact in the same article (an internal contradiction's other
# sentence): a relative clause with a tail that claims nothing, a "since" clause, or a
# plain restatement with the time in front. {which} is "which" or "who".
ECHO_TAILS = (
    "has faced questions ever since",
    "remains at the centre of the debate",
    "is back in the spotlight",
    "has rarely been out of the news since",
)
# (not "did not respond to a request for comment": a background line of the same article
# may say that already)
ECHO_TAILS_AGENT = ("declined to comment for this article", "referred questions to a spokesperson")
SINCE_TAILS = (
    "kept a low profile",
    "faced repeated questions",
    "said little in public",
    "been at the centre of the debate",
)
SINCE: dict[str, list[str]] = {
    "licensed": ["winning its {lic}", "obtaining its {lic}", "being granted its {lic}"],
    "launched": ["launching {O}"],
    "opened": ["opening {O}"],
    "acquired": ["buying {X2}"],
    "signed": ["signing {DEAL} with {X2}"],
    "banned": ["banning {O}"],
    "passed-law": ["passing {O}"],
    "released-statement": ["publishing {O}"],
    "approved": ["approving {O}"],
    "appointed": ["being appointed {ROLE}"],
    "fined": ["being fined by {A}"],
    "raised-funds": ["raising fresh capital"],
}
ECHO_FIGURE: dict[str, list[str]] = {
    "employs": ["{S}, with a workforce of {N}, {TAIL}."],
    "fined": ["{S} has paid the {N} fine, {A} said."],
    "attracted": ["Organisers said {S} drew {N}."],
}


# --------------------------------------------------------------------------------------
# Story data
# --------------------------------------------------------------------------------------


@dataclass
class Entity:
    key: str
    name: str  # canonical full name, without "the"
    kind: str  # company | regulator | council | city | person | festival | scheme | other
    article: bool = False  # takes "the"
    short: str = ""  # company stem, person surname, regulator acronym
    desc: str = ""  # a person's post, for an appositive


@dataclass
class Fact:
    id: str
    key: str  # entity role
    event: str
    date: date | None
    fields: dict[str, Any]
    figure: Figure | None = None
    outlets: list[int] = field(default_factory=list)
    source: str = ""  # who every outlet's "according to ..." names for it ("{A}": the regulator)


@dataclass
class Outlet:
    name: str
    style: str
    slug: str
    fmt: str
    pub: date
    reporter: str
    path: str = ""
    quotes: str = "straight"  # straight "..." or curly “...” quotation marks


@dataclass
class Plan:
    """How one outlet tells one fact, and what the story's design requires of it."""

    fact: Fact
    outlet: int
    role: str = "free"  # free | planted | counter | trap | then | order
    forms: tuple[str, ...] | None = None  # allowed time forms
    time: TimeExpr | None = None
    dated: bool = False
    undated: bool = False
    qty: Qty | None = None
    qty_form: str | None = None
    retail: bool = False
    first: bool = False
    then_after: str | None = None
    said_day: date | None = None
    said_expr: TimeExpr | None = None
    copy_of: str | None = None
    planted: str | None = None
    # what the plant made wrong: time | qty | first | then | status | count | according
    bad: str | None = None
    status: str | None = None  # the opposite state this claim tells (STATUS key)
    count: int | None = None  # "the only" (1), "one of two" (2), "one of three" (3)
    agency: str | None = None  # a planted "according to <news agency>"
    no_according: bool = False  # never "according to ..." (another source is planted)
    pinned: bool = False  # keeps its time and figure: no group subject, no "said that"
    echo: Plan | None = None  # a second claim of the same fact in the same article
    is_echo: bool = False
    # filled when rendered
    sentence: str = ""
    hedged: bool = False
    frame: str = ""
    according: str | None = None  # the source an "according to" names, canonical

    @property
    def strict(self) -> bool:
        return self.role != "free"


@dataclass
class Planted:
    id: str
    kind: str
    facts: list[str]
    outlet: int  # the outlet whose claim is wrong
    counter: int | None  # an outlet whose claim shows it
    also: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    form: str = ""  # the plant: the kind, or count | internal | quote | according


@dataclass
class Quote:
    """A direct quote as one outlet gives it."""

    outlet: int
    who: str  # entity key of the speaker
    text: str
    sentence: str = ""
    planted: str | None = None


@dataclass
class Trap:
    id: str
    kind: str
    fact: str | None
    outlets: list[int]
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Story:
    index: int
    folder: str
    domain: str
    entities: dict[str, Entity]
    facts: list[Fact]
    outlets: list[Outlet]
    plans: dict[tuple[str, int], Plan] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)
    definer: int | None = None
    furniture: dict[int, list[str]] = field(default_factory=dict)
    teasers: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)  # speaker -> their quotes
    said: list[Quote] = field(default_factory=list)  # every quote in every article
    quote_plants: dict[int, Quote] = field(default_factory=dict)  # outlet -> planted quote
    wish: dict[str, str] = field(default_factory=dict)  # plant -> the variant it asks for

    def fact(self, fid: str) -> Fact:
        return next(f for f in self.facts if f.id == fid)

    def source(self, o: int) -> str:
        return self.outlets[o].path


class Registry:
    """Names already given in this corpus (membership only, never iterated)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, rng: random.Random, make: Any, *also: str) -> str:
        for _ in range(500):
            name = make()
            words = [name, *[w.format(name=name) for w in also]]
            if not any(w.lower() in self.used for w in words):
                for w in words:
                    self.used.add(w.lower())
                return name
        raise RuntimeError("ran out of invented names; generate fewer stories")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


# --------------------------------------------------------------------------------------
# Building a story
# --------------------------------------------------------------------------------------


def make_cast(rng: random.Random, domain: str, reg: Registry) -> dict[str, Entity]:
    voc = DOMAINS[domain]
    ents: dict[str, Entity] = {}
    city = reg.take(rng, lambda: rng.choice(CITY_FORMS).format(rng.choice(CITY_STEMS)))
    ents["city"] = Entity("city", city, "city")

    def reg_name() -> str:
        return f"{rng.choice(REGION_ADJ)} {rng.choice(voc['reg'])}"

    for _ in range(500):
        rname = reg_name()
        acr = acronym(rname)
        if rname.lower() not in reg.used and acr.lower() not in reg.used and len(acr) >= 3:
            reg.used.add(rname.lower())
            reg.used.add(acr.lower())
            break
    ents["reg"] = Entity("reg", rname, "regulator", article=True, short=acr)
    council = rng.choice(["{} City Council", "{} Council", "{} Municipal Council"]).format(city)
    ents["council"] = Entity("council", council, "council", article=True)

    heads: list[str] = []  # no two names of one story start alike (Heronwell, Herondale)

    def company() -> str:
        head = rng.choice([h for h in STEM_A if h not in heads])
        return f"{head}{rng.choice(STEM_B)}"

    def take_company() -> str:
        stem = reg.take(rng, company)
        heads.append(next(h for h in STEM_A if stem.startswith(h) and stem[len(h) :] in STEM_B))
        return stem

    for i in range(3):
        stem = take_company()
        name = f"{stem} {rng.choice(voc['co'])}"
        ents[f"co{i}"] = Entity(f"co{i}", name, "company", short=stem)
    stem = take_company()
    ents["target"] = Entity("target", f"{stem} {rng.choice(voc['co'])}", "company", short=stem)
    stem = take_company()
    ents["fund"] = Entity("fund", f"{stem} {rng.choice(FUND_WORDS)}", "other", short=stem)
    fest = reg.take(rng, lambda: f"{rng.choice(FESTIVAL_STEMS)} {rng.choice(voc['festival'])}")
    ents["festival"] = Entity("festival", fest, "festival", article=True)
    words = ["Green", "Blue", "Clean", "Safe", "Fair", "Open", "Bright", "Future", "Shared"]
    scheme = reg.take(rng, lambda: f"{rng.choice(words)} {rng.choice(voc['scheme'])}")
    ents["scheme"] = Entity("scheme", scheme, "scheme", article=True)

    def person() -> tuple[str, str]:
        for i in range(1000):
            sur = rng.choice(SURNAMES) if i < 300 else (rng.choice(SUR_A) + rng.choice(SUR_B))
            if sur.lower() not in reg.used:
                reg.used.add(sur.lower())
                return rng.choice(FIRST_NAMES), sur
        raise RuntimeError("ran out of surnames; generate fewer stories")

    for key, desc in (
        ("mayor", f"the mayor of {city}"),
        ("ceo", f"chief executive of {ents['co0'].name}"),
        ("chair", f"chair of the {ents['reg'].name}"),
    ):
        first, sur = person()
        ents[key] = Entity(key, f"{first} {sur}", "person", short=sur, desc=desc)
    return ents


def fact_fields(
    rng: random.Random, key: str, event: str, voc: dict[str, Any], ents: dict[str, Entity]
) -> dict[str, Any]:
    f: dict[str, Any] = {}
    if event == "licensed":
        f["licence"] = voc["story_licence"]
        f["ACT"] = rng.choice(voc["act"])
    elif event == "banned":
        f["O"], f["plural"] = rng.choice(voc["ban"])
    elif event == "passed-law":
        f["O"] = rng.choice(voc["law"])
    elif event == "released-statement":
        f["O"] = rng.choice(voc["statement"])
    elif event == "launched":
        f["O"] = rng.choice(voc["product"])
    elif event == "opened":
        f["O"] = rng.choice(voc["venue"])
    elif event == "approved":
        f["O"] = rng.choice(voc["plan"])
    elif event == "acquired":
        f["X2"] = "target"
    elif event == "signed":
        f["X2"] = "council"
        f["deal"] = rng.choice(
            [
                "a ten-year supply agreement",
                "a partnership agreement",
                "a service contract",
                "a joint venture deal",
            ]
        )
    elif event == "fined":
        f["R"] = rng.choice(voc["reason"])
    elif event == "employs":
        f["SITE"] = rng.choice(voc["site"] + [""])
    elif event == "appointed":
        f["X2"] = "co0"
        f["POST"] = "chief executive"
    elif event == "resigned":
        f["X2"] = "reg"
        f["POST"] = "chair"
    return f


def make_figure(rng: random.Random, event: str, cur: str, non_round: bool) -> Figure:
    def three(lo: int, hi: int, scale: int) -> float:
        v = rng.randint(lo, hi) * scale
        if not non_round and rng.random() < 0.4:
            v = int(sig_round(v, 2))
        return float(v)

    if event == "attracted":
        unit = rng.choice(["people", "visitors", "festival-goers", "spectators"])
        return Figure(three(120, 640, 100), "count", unit)
    if event == "employs":
        unit = rng.choice(["workers", "staff", "employees", "people"])
        return Figure(three(105, 990, rng.choice([1, 10])), "count", unit)
    if event == "cut-jobs":
        return Figure(three(105, 890, 1), "count", "jobs")
    if event == "raised-funds":
        return Figure(three(105, 990, rng.choice([10_000, 100_000])), "money", cur)
    if event == "acquired":
        return Figure(three(105, 990, rng.choice([100_000, 1_000_000])), "money", cur)
    if event == "fined":
        return Figure(three(105, 990, rng.choice([100, 1000])), "money", cur)
    raise ValueError(event)


class Deck:
    """Deals items in shuffled rounds, so that every item comes up in a few draws."""

    def __init__(self, rng: random.Random, items: tuple[str, ...]) -> None:
        self.rng, self.items, self.cards = rng, items, []  # type: list[str]

    def draw(self, n: int, ok: Any = None) -> list[str]:
        out: list[str] = []
        skipped: list[str] = []
        tries = 0
        while len(out) < n and tries < 4 * len(self.items):
            tries += 1
            if not self.cards:
                self.cards = list(self.items)
                self.rng.shuffle(self.cards)
            c = self.cards.pop()
            if c in out or (ok is not None and not ok(c, out)):
                skipped.append(c)
                continue
            out.append(c)
        self.cards.extend(reversed(skipped))
        return out


def build_story(
    index: int,
    rng: random.Random,
    n_outlets: int,
    kinds: list[str],
    traps: list[str],
    reg: Registry,
    outlet_pool: list[tuple[str, str, str]],
) -> Story:
    domain = rng.choice(sorted(DOMAINS))
    if "retail" in traps and DOMAINS[domain]["retail"] is None:
        domain = rng.choice(sorted(d for d in DOMAINS if DOMAINS[d]["retail"]))
    # one licensing regime per story: every licence in it is of one kind (a "first" claim
    # about another kind of licence would not be contradicted)
    voc = dict(DOMAINS[domain])
    voc["story_licence"] = voc["retail"] if "retail" in traps else rng.choice(voc["licence"])
    ents = make_cast(rng, domain, reg)
    cur = rng.choice(sorted(CURRENCIES))

    # Publication dates: the first outlet on P0, the others within three weeks.
    p0 = date(2021, 3, 1) + timedelta(days=rng.randint(0, 1700))
    chosen = rng.sample(outlet_pool, n_outlets)
    fmts = list(FORMATS)
    rng.shuffle(fmts)
    outlets: list[Outlet] = []
    for i, (name, style, reporter) in enumerate(chosen):
        # half the outlets publish within days of the first, the others up to three weeks on
        late = rng.randint(0, 3) if rng.random() < 0.5 else rng.randint(4, 21)
        pub = p0 if i == 0 else p0 + timedelta(days=late)
        o = Outlet(name, style, slug(name), fmts[i % len(fmts)], pub, reporter)
        o.path = f"story-{index:03d}/{o.slug}.{o.fmt}"
        # a JSON feed keeps its text in a string: curly quotation marks, so that a quote
        # reads the same in the file; a quarter of the other outlets use them too
        o.quotes = "curly" if o.fmt == "json" or rng.random() < 0.25 else "straight"
        outlets.append(o)

    # Facts: first what the plants and traps need, then random ones, 5-8 in all.
    slots: list[tuple[str, str]] = []
    need_figure_non_round: set[str] = set()

    def add(slot: tuple[str, str]) -> None:
        if slot not in slots:
            slots.append(slot)

    # a city ban and a regulator ban would share entity-less wording: keep one of them
    drop = rng.choice([("city", "banned"), ("reg", "banned")])
    free = [s for s in SLOTS if s != drop]
    rng.shuffle(free)
    licensed = [s for s in free if s[1] == "licensed"]
    # two licences: for a planted "first", or (often) two companies licensed on one day
    pair = "first" not in kinds and "true_first" not in traps and rng.random() < 0.6
    if "first" in kinds or pair:
        add(licensed[0])
        add(licensed[1])
    figure_slots = [s for s in free if s[1] in FIGURE_EVENTS]
    dated_slots = [s for s in free if s[1] not in UNDATED_EVENTS and s[1] != "licensed"]
    target = rng.randint(5, 8)
    if "count" in kinds:
        # two or three licences: a group to count
        for s in licensed[: rng.choice([2, 2, 3])]:
            add(s)
    if "number" in kinds:
        add(next(s for s in figure_slots if s not in slots))
    if "order" in kinds:
        for s in [s for s in dated_slots if s not in slots][:2]:
            add(s)
    for k in ("date", "anachronism"):
        if k in kinds:
            add(next(s for s in dated_slots + licensed if s not in slots))
    wish: dict[str, str] = {}
    if "internal" in kinds:
        wish["internal"] = "number" if rng.random() < 0.4 else "date"
        pool = figure_slots if wish["internal"] == "number" else dated_slots + licensed
        add(next(s for s in pool if s not in slots))
    if "status" in kinds:
        ev = rng.choice(["licensed", "licensed", "licensed", "banned", "approved"])
        wish["status"] = ev
        pick = next((s for s in free if s[1] == ev and s not in slots), None)
        add(pick or next(s for s in free if s[1] in STATUS_EVENTS and s not in slots))
    if "attribution" in kinds:
        wish["attribution"] = "according" if rng.random() < 0.4 else "quote"
        if wish["attribution"] == "according":
            add(next(s for s in dated_slots + licensed if s not in slots and s[0][:2] == "co"))
    for t in traps:
        if len(slots) >= 8:  # 5-8 facts a story; a trap without a fact of its own is skipped
            break
        if t in ("retail", "true_first"):
            s = next((s for s in licensed if s not in slots), None)
            if s is not None:
                add(s)
            if t == "true_first":
                add(next((s for s in licensed if s not in slots), licensed[0]))
        elif t in ("rounding", "bound"):
            s = next(s for s in figure_slots if s not in slots)
            add(s)
            if t == "rounding":
                need_figure_non_round.add(s[0] + s[1])
        elif t == "said_that":
            add(next(s for s in dated_slots + licensed if s not in slots and s[1] in SAID_EVENTS))
        else:
            add(next(s for s in dated_slots + licensed if s not in slots))
    for s in free:
        if len(slots) >= target:
            break
        add(s)
    if ("chair", "resigned") in slots:
        ents["chair"].desc = f"the former chair of the {ents['reg'].name}"

    facts: list[Fact] = []
    for i, (key, event) in enumerate(slots):
        fig = None
        if event in FIGURE_EVENTS:
            fig = make_figure(rng, event, cur, (key + event) in need_figure_non_round)
        facts.append(
            Fact(f"f{i + 1}", key, event, None, fact_fields(rng, key, event, voc, ents), fig)
        )
    # True dates: most within two years before P0, some within days of it.
    for f in facts:
        if f.event in UNDATED_EVENTS:
            continue
        r = rng.random()
        back = (
            rng.randint(1, 40)
            if r < 0.3
            else (rng.randint(41, 365) if r < 0.7 else rng.randint(366, 760))
        )
        f.date = p0 - timedelta(days=back)
    # often a news peg: one fact of the last few days ("yesterday", "on Tuesday")
    dated = [f for f in facts if f.date is not None]
    if dated and rng.random() < 0.6:
        rng.choice(dated).date = p0 - timedelta(days=rng.choice([1, 1, 2, 3, 4, 5]))
    # two companies licensed on one day, now and then (group subjects)
    lic = [f for f in facts if f.event == "licensed"]
    if len(lic) >= 2 and (pair or ("first" not in kinds and "true_first" not in traps)):
        lic[1].date = lic[0].date
        lic[1].fields["licence"] = lic[0].fields["licence"]
    if "count" in kinds and len(lic) >= 3 and lic[0].date and rng.random() < 0.4:
        # now and then a third licence in the same month
        d0 = lic[0].date
        lic[2].date = min(p0 - timedelta(days=1), d0.replace(day=rng.randint(1, 28)))
        if (lic[2].date.year, lic[2].date.month) != (d0.year, d0.month):
            lic[2].date = d0
    # who an "according to" names for each fact: one source, whichever outlet tells it
    for f in facts:
        opts = ["officials"]
        if f.key != "reg":
            opts.append("{A}")
        if ents[f.key].kind == "company":
            opts += ["the company", "company filings"]
        if f.key in ("council", "city"):
            opts += ["city officials"]
        f.source = rng.choice(opts)
    story = Story(index, f"story-{index:03d}", domain, ents, facts, outlets, wish=wish)
    # each quote has one speaker in the whole story (two outlets giving one quote to two
    # people would be a real attribution conflict, planted only on purpose)
    pool = list(QUOTES)
    rng.shuffle(pool)
    share = len(pool) // 3
    for i, who in enumerate(("mayor", "ceo", "chair")):
        story.quotes[who] = pool[share * i : share * (i + 1)]

    # Who tells what: each fact by at least two outlets.
    for f in facts:
        k = rng.randint(2, n_outlets) if n_outlets > 2 else 2
        f.outlets = sorted(rng.sample(range(n_outlets), k))
    return story


# --------------------------------------------------------------------------------------
# Planting discrepancies and traps
# --------------------------------------------------------------------------------------


def plan(story: Story, f: Fact, o: int) -> Plan:
    key = (f.id, o)
    if key not in story.plans:
        story.plans[key] = Plan(f, o)
    return story.plans[key]


def ensure_told(f: Fact, *outlets: int) -> None:
    for o in outlets:
        if o not in f.outlets:
            f.outlets.append(o)
    f.outlets.sort()


def pick_pair(rng: random.Random, story: Story, f: Fact) -> tuple[int, int]:
    a, b = rng.sample(f.outlets, 2)
    return a, b


def choose_time(
    rng: random.Random,
    d: date,
    o: Outlet,
    forms: tuple[str, ...] | None = None,
) -> TimeExpr | None:
    opts = time_options(d, o.pub, o.style)
    if forms is not None:
        opts = [t for t in opts if t.form in forms]
    if not opts:
        return None
    # one weight per form, whatever its number of variants; the phrases newsrooms use for
    # the last few days ("yesterday", "on Tuesday") weigh more when they are possible
    by_form: dict[str, list[TimeExpr]] = {}
    for t in opts:
        by_form.setdefault(t.form, []).append(t)
    names = sorted(by_form)
    weights = [FORM_WEIGHT.get(n, 1) for n in names]
    form = rng.choices(names, weights)[0]
    return rng.choice(by_form[form])


def plant(rng: random.Random, story: Story, kind: str, used: list[str]) -> Planted | None:
    facts = [f for f in story.facts if f.id not in used]
    outs = story.outlets
    pid = f"{story.folder}-{kind}"
    if kind == "date":
        cands = [f for f in facts if f.date is not None]
        if not cands:
            return None
        f = rng.choice(cands)
        a, b = pick_pair(rng, story, f)
        assert f.date is not None
        for _ in range(100):
            k = rng.choice([-9, -7, -5, -4, -3, -2, 2, 3, 4, 5])
            moved = add_months(f.date, k)
            if moved < outs[a].pub:
                break
        else:
            moved = add_months(f.date, -3)
        pa, pb = plan(story, f, a), plan(story, f, b)
        for _ in range(60):
            ta = choose_time(rng, moved, outs[a])
            tb = choose_time(rng, f.date, outs[b])
            if ta and tb and disjoint(ta, tb):
                break
        else:
            ta = choose_time(rng, moved, outs[a], ("abs_month",))
            tb = choose_time(rng, f.date, outs[b], ("abs_month",))
        assert ta and tb and disjoint(ta, tb)
        pa.role, pa.time, pa.planted, pa.bad = "planted", ta, pid, "time"
        pb.role, pb.time = "counter", tb
        return Planted(pid, kind, [f.id], a, b, extra={"moved": moved})
    if kind == "number":
        cands = [f for f in facts if f.figure is not None]
        if not cands:
            return None
        f = rng.choice(cands)
        assert f.figure is not None
        a, b = pick_pair(rng, story, f)
        pa, pb = plan(story, f, a), plan(story, f, b)
        style_b = outs[b].style
        qb = qty_about(f.figure, style_b, rng) if rng.random() < 0.35 else None
        pb.qty = qb or qty_exact(f.figure, style_b, rng)
        pa.qty = qty_wrong(f.figure, outs[a].style, rng, [pb.qty, qty_exact(f.figure, "us", rng)])
        pa.role, pa.planted, pa.bad, pb.role = "planted", pid, "qty", "counter"
        return Planted(pid, kind, [f.id], a, b)
    if kind == "first":
        lic = [f for f in facts if f.event == "licensed"]
        if len(lic) < 2:
            return None
        x, y = rng.sample(lic, 2)
        assert x.date and y.date
        if y.date > add_months(x.date, -2):
            y.date = add_months(x.date, -rng.randint(2, 10)) - timedelta(days=rng.randint(0, 20))
        a = rng.choice(x.outlets)
        b = rng.choice([o for o in range(len(outs)) if o != a])
        ensure_told(y, b)
        if a in y.outlets:
            # the "first" outlet may say that y holds a licence too, but not since when
            plan(story, y, a).undated = True
        pa, pb = plan(story, x, a), plan(story, y, b)
        for _ in range(60):
            ta = choose_time(rng, x.date, outs[a])
            tb = choose_time(rng, y.date, outs[b])
            if ta and tb and tb.end <= ta.start:
                break
        else:
            ta = choose_time(rng, x.date, outs[a], ("abs_month",))
            tb = choose_time(rng, y.date, outs[b], ("abs_month",))
        assert ta and tb and tb.end <= ta.start
        pa.role, pa.first, pa.time, pa.planted, pa.bad = "planted", True, ta, pid, "first"
        pb.role, pb.time = "counter", tb
        # nobody else says "first", and x's own outlet tells no earlier licence
        return Planted(pid, kind, [x.id, y.id], a, b)
    if kind == "order":
        cands = [f for f in facts if f.date is not None]
        if len(cands) < 2:
            return None
        p, q = rng.sample(cands, 2)
        assert p.date and q.date
        if q.date > add_months(p.date, -2):
            q.date = add_months(p.date, -rng.randint(2, 8)) - timedelta(days=rng.randint(0, 20))
        common = [o for o in p.outlets if o in q.outlets]
        if len(common) >= 2:
            a, b = rng.sample(common, 2)
        else:
            a, b = rng.sample(range(len(outs)), 2)
        ensure_told(p, a, b)
        ensure_told(q, a, b)
        pp_a, pq_a = plan(story, p, a), plan(story, q, a)
        pp_b, pq_b = plan(story, p, b), plan(story, q, b)
        pp_a.role, pp_a.dated = "order", True
        pq_a.role, pq_a.then_after, pq_a.undated, pq_a.planted = "then", p.id, True, pid
        pq_a.bad = "then"
        for _ in range(60):
            tp = choose_time(rng, p.date, outs[b])
            tq = choose_time(rng, q.date, outs[b])
            if tp and tq and tq.end <= tp.start:
                break
        else:
            tp = choose_time(rng, p.date, outs[b], ("abs_month",))
            tq = choose_time(rng, q.date, outs[b], ("abs_month",))
        assert tp and tq and tq.end <= tp.start
        pp_b.role, pp_b.time = "counter", tp
        pq_b.role, pq_b.time = "counter", tq
        return Planted(pid, kind, [q.id, p.id], a, b)
    if kind == "anachronism":
        cands = [f for f in facts if f.date is not None]
        if not cands:
            return None
        f = rng.choice(cands)
        a = rng.choice(f.outlets)
        pub = outs[a].pub
        later = add_months(date(pub.year, pub.month, 1), rng.randint(1, 6))
        later = later.replace(day=rng.randint(1, 28))
        ta = rng.choice(future_options(later, pub, outs[a].style))
        pa = plan(story, f, a)
        pa.role, pa.time, pa.planted, pa.bad = "planted", ta, pid, "time"
        # the other outlets mostly leave the date out or give a year that holds both
        for o in f.outlets:
            if o == a or rng.random() < 0.5:
                continue
            po = plan(story, f, o)
            assert f.date is not None
            yr = [
                t
                for t in time_options(f.date, outs[o].pub, outs[o].style)
                if t.form in YEAR_FORMS and t.contains(later)
            ]
            if yr:
                po.forms = (rng.choice(yr).form,)
            else:
                po.undated = True
        return Planted(pid, kind, [f.id], a, None, extra={"later": later})
    if kind == "status":
        return plant_status(rng, story, facts, pid)
    if kind == "attribution":
        return plant_attribution(rng, story, facts, pid)
    if kind == "count":
        return plant_count(rng, story, used, pid)
    if kind == "internal":
        return plant_internal(rng, story, facts, pid)
    raise ValueError(kind)


def same_time_pair(
    rng: random.Random, d: date, oa: Outlet, ob: Outlet, grans: tuple[str, ...]
) -> tuple[TimeExpr, TimeExpr]:
    """Two outlets' phrases for one true date, each of a granularity in ``grans``."""
    for _ in range(60):
        ta, tb = choose_time(rng, d, oa), choose_time(rng, d, ob)
        if ta and tb and ta.gran in grans and tb.gran in grans:
            return ta, tb
    ta = choose_time(rng, d, oa, ("abs_month",))
    tb = choose_time(rng, d, ob, ("abs_month",))
    assert ta and tb
    return ta, tb


def plant_status(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One outlet tells the opposite state: refused, revoked, lifted, rejected, or not yet."""
    cands = [f for f in facts if f.event in STATUS_EVENTS and f.date is not None]
    if not cands:
        return None
    want = story.wish.get("status", "licensed")
    f = rng.choice([f for f in cands if f.event == want] or cands)
    assert f.date is not None
    status = rng.choice(STATUS_EVENTS[f.event])
    a, b = pick_pair(rng, story, f)
    pa, pb = plan(story, f, a), plan(story, f, b)
    pa.role, pa.status, pa.planted, pa.bad = "planted", status, pid, "status"
    pb.role = "counter"
    if status.startswith("not-"):
        # "has not obtained a licence" holds as of its article; the other outlet dates the
        # licence wholly before that article ("in 2024" would not do in March 2024)
        pa.undated = True
        until = story.outlets[a].pub + timedelta(days=1)
        for _ in range(60):
            pb.time = choose_time(rng, f.date, story.outlets[b])
            if pb.time and pb.time.end <= until:
                break
        else:
            pb.time = choose_time(rng, f.date, story.outlets[b], ("abs_day",))
    else:
        # the opposite event at the same time: to the day or the month on both sides
        pa.time, pb.time = same_time_pair(
            rng, f.date, story.outlets[a], story.outlets[b], ("day", "month")
        )
    return Planted(pid, "status", [f.id], a, b, form="status", extra={"status": status})


def plant_attribution(
    rng: random.Random, story: Story, facts: list[Fact], pid: str
) -> Planted | None:
    """The same quote given to two people, or the same report to two news agencies."""
    outs = story.outlets
    if story.wish.get("attribution") == "according":
        cands = [f for f in facts if f.date is not None and story.entities[f.key].kind == "company"]
        if cands:
            f = rng.choice(cands)
            a, b = pick_pair(rng, story, f)
            ga, gb = rng.sample(AGENCIES, 2)
            for o in f.outlets:
                plan(story, f, o).no_according = True
            pa, pb = plan(story, f, a), plan(story, f, b)
            pa.role, pa.agency, pa.planted, pa.bad = "planted", ga, pid, "according"
            pb.role, pb.agency = "counter", gb
            return Planted(
                pid, "attribution", [f.id], a, b, form="according", extra={"agencies": [ga, gb]}
            )
    people = [w for w in ("mayor", "ceo", "chair") if long_quotes(story.quotes[w])]
    if not people:
        return None
    s1 = rng.choice(people)
    s2 = rng.choice([w for w in ("mayor", "ceo", "chair") if w != s1])
    q = rng.choice(long_quotes(story.quotes[s1]))
    story.quotes[s1].remove(q)  # no filler repeats it: these two are its only uses
    a, b = rng.sample(range(len(outs)), 2)
    story.quote_plants[a] = Quote(a, s2, q, planted=pid)
    story.quote_plants[b] = Quote(b, s1, q)
    return Planted(pid, "attribution", [], a, b, form="quote", extra={"quote": q})


def long_quotes(quotes: list[str]) -> list[str]:
    return [q for q in quotes if len(q.split()) >= LONG_QUOTE_WORDS]


def plant_count(rng: random.Random, story: Story, used: list[str], pid: str) -> Planted | None:
    """ "X became one of two companies to obtain a licence in May" against "the only"."""
    outs = story.outlets
    lic = [f for f in story.facts if f.event == "licensed" and f.date is not None]
    cands = [f for f in lic if f.id not in used]
    if not cands:
        return None
    x = rng.choice(cands)
    assert x.date is not None
    a, b = pick_pair(rng, story, x)
    gran = "month" if rng.random() < 0.7 else "year"
    for _ in range(60):
        ta = choose_time(rng, x.date, outs[a])
        if ta is None or ta.gran != gran:
            continue
        same = [
            t
            for t in time_options(x.date, outs[b].pub, outs[b].style)
            if (t.start, t.end) == (ta.start, ta.end)
        ]
        if same:
            tb = rng.choice(same)
            break
    else:
        ta = choose_time(rng, x.date, outs[a], ("abs_month",))
        tb = choose_time(rng, x.date, outs[b], ("abs_month",))
    assert ta and tb and (ta.start, ta.end) == (tb.start, tb.end)
    members = [f.id for f in lic if f.date and ta.contains(f.date)]
    n_true = len(members)
    n_wrong = rng.choice([n for n in (1, 2, 3) if n != n_true])
    pa, pb = plan(story, x, a), plan(story, x, b)
    pa.role, pa.count, pa.time, pa.planted, pa.bad = "planted", n_wrong, ta, pid, "count"
    pb.role, pb.count, pb.time = "counter", n_true, tb
    return Planted(
        pid,
        "number",
        [x.id],
        a,
        b,
        form="count",
        extra={"members": members, "counts": [n_wrong, n_true]},
    )


def plant_internal(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One article tells a fact twice: two dates that exclude each other, or two figures."""
    outs = story.outlets
    figs = [f for f in facts if f.figure is not None]
    dated = [f for f in facts if f.date is not None]
    variant = story.wish.get("internal", "date")
    if (variant == "number" and figs) or not dated:
        if not figs:
            return None
        variant, f = "number", rng.choice(figs)
    else:
        variant, f = "date", rng.choice(dated)
    a = rng.choice(f.outlets)
    out = outs[a]
    pa = plan(story, f, a)
    pa.role, pa.pinned = "counter", True
    echo = Plan(f, a, role="planted", planted=pid, is_echo=True, pinned=True)
    pa.echo = echo
    others = [o for o in f.outlets if o != a]
    if variant == "date":
        assert f.date is not None
        for _ in range(100):
            moved = add_months(f.date, rng.choice([-9, -7, -5, -4, -3, -2, 2, 3, 4, 5]))
            if moved < out.pub:
                break
        else:
            moved = add_months(f.date, -3)
        for _ in range(60):
            te, tm = choose_time(rng, moved, out), choose_time(rng, f.date, out)
            if te and tm and disjoint(te, tm):
                break
        else:
            te = choose_time(rng, moved, out, ("abs_month",))
            tm = choose_time(rng, f.date, out, ("abs_month",))
        assert te and tm and disjoint(te, tm)
        echo.time, echo.bad, pa.time = te, "time", tm
        if f.figure is not None:
            pa.qty = echo.qty = qty_exact(f.figure, out.style, rng)
        # the other outlets give a year that holds both dates, or none
        for o in others:
            po = plan(story, f, o)
            po.pinned = True
            yr = [
                t
                for t in time_options(f.date, outs[o].pub, outs[o].style)
                if t.gran == "year" and t.contains(moved)
            ]
            if yr:
                po.forms = (rng.choice(yr).form,)
            else:
                po.undated = True
        return Planted(pid, "date", [f.id], a, a, form="internal", extra={"moved": moved})
    assert f.figure is not None
    pa.qty = (qty_about(f.figure, out.style, rng) if rng.random() < 0.3 else None) or qty_exact(
        f.figure, out.style, rng
    )
    echo.qty = qty_wrong(f.figure, out.style, rng, [pa.qty, qty_exact(f.figure, "us", rng)])
    echo.bad, echo.undated = "qty", True
    # the other outlets give a lower bound that holds both figures
    low = min(f.figure.value, echo.qty.value)
    x = sig_round(low, 1, "floor")
    for o in others:
        po = plan(story, f, o)
        po.pinned = True
        word = "at least" if x >= low else rng.choice(["at least", "more than", "over"])
        text = f"{word} {f.figure.phrase(x, outs[o].style, rng)}"
        po.qty = Qty("bound", text, x, float("inf"), x, word)
    return Planted(pid, "number", [f.id], a, a, form="internal")


def set_trap(rng: random.Random, story: Story, kind: str, busy: list[str]) -> Trap | None:
    outs = story.outlets
    clean = [f for f in story.facts if f.id not in busy]
    tid = f"{story.folder}-{kind.replace('_', '-')}"

    def two(f: Fact) -> tuple[int, int]:
        a, b = rng.sample(f.outlets, 2)
        return a, b

    if kind == "month_in_year":
        for f in clean:
            if f.date is None:
                continue
            u, v = two(f)
            tu = choose_time(rng, f.date, outs[u], YEAR_FORMS)
            tv = choose_time(rng, f.date, outs[v], MONTH_FORMS)
            if tu and tv:
                pu, pv = plan(story, f, u), plan(story, f, v)
                pu.role = pv.role = "trap"
                pu.time, pv.time = tu, tv
                return Trap(tid, kind, f.id, [u, v], "a month inside the year: no conflict")
        return None
    if kind == "rel_abs":
        for f in clean:
            if f.date is None:
                continue
            for u, v in (two(f), two(f)[::-1]):
                tu = choose_time(rng, f.date, outs[u], RELATIVE_FORMS)
                if tu is None:
                    continue
                want = {"day": "abs_day", "month": "abs_month", "year": "abs_year"}.get(
                    tu.gran, rng.choice(["abs_day", "abs_month"])
                )
                tv = choose_time(rng, f.date, outs[v], (want,))
                assert tv is not None
                pu, pv = plan(story, f, u), plan(story, f, v)
                pu.role = pv.role = "trap"
                pu.time, pv.time = tu, tv
                return Trap(
                    tid,
                    kind,
                    f.id,
                    [u, v],
                    "a relative time read from its article's date and an absolute one agree",
                )
        return None
    if kind in ("rounding", "bound"):
        for f in clean:
            if f.figure is None:
                continue
            u, v = two(f)
            qu = (qty_about if kind == "rounding" else qty_bound)(f.figure, outs[u].style, rng)
            if qu is None:
                continue
            qv = qty_exact(f.figure, outs[v].style, rng)
            if kind == "rounding" and is_round(f.figure.value):
                continue
            pu, pv = plan(story, f, u), plan(story, f, v)
            pu.role = pv.role = "trap"
            pu.qty, pv.qty = qu, qv
            note = (
                "a rounded figure and the exact one agree"
                if kind == "rounding"
                else "a bound and a figure inside it agree"
            )
            return Trap(tid, kind, f.id, [u, v], note)
        return None
    if kind == "retail":
        retail = DOMAINS[story.domain]["retail"]
        for f in clean:
            if f.event != "licensed" or not retail:
                continue
            u, v = two(f)
            pu, pv = plan(story, f, u), plan(story, f, v)
            pu.role = pv.role = "trap"
            pu.retail = True
            return Trap(
                tid, kind, f.id, [u, v], "the same licence, with 'retail' in one outlet only"
            )
        return None
    if kind == "true_first":
        lic = [f for f in story.facts if f.event == "licensed" and f.date is not None]
        if not lic or any(p.first for p in story.plans.values()):
            return None
        x = min(lic, key=lambda f: f.date or date.max)
        if x.id in busy:
            return None
        others = [f for f in lic if f is not x]
        if any((f.date or date.max) <= (x.date or date.min) for f in others):
            return None
        u = rng.choice(x.outlets)
        pu = plan(story, x, u)
        if pu.role != "free":
            return None
        pu.role, pu.first, pu.dated = "trap", True, True
        note = "called the first, and no outlet has anyone licensed before it" + (
            " (the other licences come later)" if others else ""
        )
        return Trap(tid, kind, x.id, [u], note)
    if kind == "said_that":
        for f in clean:
            if (
                f.date is None
                or f.event not in SAID_EVENTS
                or story.entities[f.key].kind in ("person", "festival", "scheme")
            ):
                continue
            u, v = two(f)
            for gap in rng.sample(range(1, 5), 4):
                said = f.date + timedelta(days=gap)
                if said >= outs[u].pub:
                    continue
                ts = choose_time(rng, said, outs[u], DAY_FORMS)
                tv = choose_time(rng, f.date, outs[v], ("abs_day", "abs_day_noyear"))
                if ts and tv:
                    pu, pv = plan(story, f, u), plan(story, f, v)
                    pu.role = pv.role = "trap"
                    pu.said_day, pu.said_expr = said, ts
                    pv.time = tv
                    return Trap(
                        tid,
                        kind,
                        f.id,
                        [u, v],
                        "the date of a statement is not the date of the event it reports",
                    )
        return None
    if kind == "teaser":
        cands = [f for f in clean if f.date is not None and story.entities[f.key].kind != "person"]
        hosts = [i for i, o in enumerate(outs) if o.fmt in ("txt", "html", "md")]
        if not cands or not hosts:
            return None
        f = rng.choice(cands)
        h = rng.choice(hosts)
        return Trap(
            tid,
            kind,
            f.id,
            [h],
            "a teaser in the page furniture, with its own date",
            extra={"host": h},
        )
    raise ValueError(kind)


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------


class Voice:
    """One outlet's way of naming the cast, in reading order."""

    def __init__(self, story: Story, o: int, rng: random.Random) -> None:
        self.story, self.o, self.rng = story, o, rng
        self.seen: set[str] = set()

    def name(self, key: str, appositive: bool = False) -> str:
        e = self.story.entities[key]
        first = key not in self.seen
        self.seen.add(key)
        the = "the " if e.article else ""
        if e.kind == "regulator":
            # one outlet of the story defines the acronym, at its first mention
            if self.story.definer is None:
                self.story.definer = self.o
                return f"the {e.name} ({e.short})"
            if self.story.definer == self.o:
                return f"the {e.short}" if self.rng.random() < 0.8 else f"the {e.name}"
            return f"the {e.short}" if self.rng.random() < 0.5 else f"the {e.name}"
        if e.kind == "company":
            if first or self.rng.random() < 0.4:
                return e.name
            return e.short
        if e.kind == "person":
            if first:
                if appositive:
                    return f"{e.name}, {e.desc},"
                if e.key == "mayor" and self.rng.random() < 0.5:
                    return f"Mayor {e.name}"
                return e.name
            return e.short
        return the + e.name

    def pronoun(self, key: str) -> str:
        return "who" if self.story.entities[key].kind == "person" else "which"


FIELD_RE = re.compile(r"\{(\w+)\}")
ADJ_N = re.compile(r"\b(a|the) \{N\}")


def usable(templates: list[str], p: Plan, strict: bool = False) -> list[str]:
    """Templates that read well with this plan's figure: "a {N} fine" takes a bare figure
    only ("a $40,000 fine", never "a more than $40,000 fine")."""
    ok = [t for t in templates if not (p.qty and p.qty.word and ADJ_N.search(t))]
    if strict:
        return ok
    return ok or templates


def a_an(m: re.Match[str]) -> str:
    """'a $11 million deal' -> 'an $11 million deal' (eleven, eight, eighteen...)."""
    art, num = m.group(1), m.group(2)
    whole = num.lstrip("$€£").replace(",", "").split(".")[0]
    vowel = (
        whole.startswith("8")
        or whole in ("11", "18")
        or (len(whole) in (5, 8) and whole[:2] in ("11", "18"))
    )
    return f"{art}{'n' if vowel else ''} {num}"


def tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\b([Aa]) ([$€£]?\d[\d,.]*)", a_an, s)
    s = s.replace(" ,", ",").replace(" .", ".").replace(",,", ",").replace(",.", ".")
    return s[0].upper() + s[1:]


class Renderer:
    def __init__(self, story: Story, o: int, rng: random.Random) -> None:
        self.story, self.o, self.rng = story, o, rng
        self.out = story.outlets[o]
        self.voice = Voice(story, o, rng)
        self.voc = DOMAINS[story.domain]
        self.used: list[str] = []  # fillers already in this article (none twice)

    def fresh(self, options: list[str] | tuple[str, ...]) -> str:
        left = [x for x in options if x not in self.used] or list(options)
        pick = self.rng.choice(left)
        self.used.append(pick)
        return pick

    # -- fields -------------------------------------------------------------------------
    def fill(self, template: str, p: Plan | None, extra: dict[str, Any] | None = None) -> str:
        f = p.fact if p else None
        extra = extra or {}

        def lic(plural: bool = False) -> str:
            assert f is not None and p is not None
            name = f.fields["licence"]
            if p.retail:
                name = "retail " + name
            if plural:
                return name.replace("licence", "licences").replace("permit", "permits")
            return ("an " if name[0] in "aeiou" else "a ") + name

        def value(k: str) -> str:
            if k in extra:
                v = extra[k]
                return str(v() if callable(v) else v)
            assert f is not None and p is not None
            if k == "S":
                return self.voice.name(f.key)
            if k == "A":
                return self.voice.name("reg")
            if k in ("X2", "FUND", "C"):
                key = {"X2": f.fields.get("X2", ""), "FUND": "fund", "C": "city"}[k]
                return self.voice.name(key)
            if k == "T":
                return p.time.text if p.time else ""
            if k == "N":
                return p.qty.text if p.qty else ""
            if k == "Ncap":
                return (p.qty.text if p.qty else "")[:1].upper() + (p.qty.text if p.qty else "")[1:]
            if k == "L":
                return lic()
            if k == "lic":
                return lic()[2:].lstrip()
            if k == "Tlead":
                return p.time.lead if p.time else ""
            if k in ("OP", "OPS"):
                return self.voc["operator"] + ("s" if k == "OPS" else "")
            if k == "K":
                return SMALL[p.count or 2]
            if k == "which":
                return self.voice.pronoun(f.key)
            if k == "Ls":
                return lic(plural=True)
            if k == "Lcap":
                s = lic()
                return s[0].upper() + s[1:]
            if k == "O":
                return f.fields["O"]
            if k == "Ocap":
                o = re.sub(r"^its ", "the ", f.fields["O"])
                return o[0].upper() + o[1:]
            if k == "were":
                return "were" if f.fields.get("plural") else "was"
            if k == "ROLE":
                x2 = f.fields["X2"]
                return f"{f.fields['POST']} of {self.voice.name(x2)}"
            if k == "POST":
                return f.fields["POST"]
            if k == "DEAL":
                return f.fields["deal"]
            if k in ("ACT", "R", "SITE"):
                return f.fields.get(k, "")
            if k == "SECTOR":
                return self.voc["sector"]
            raise KeyError(k)

        return FIELD_RE.sub(lambda m: value(m.group(1)), template)

    # -- claims -------------------------------------------------------------------------
    def vp(self, p: Plan, kind: str = "vp", front: bool = False) -> str:
        options = usable(EVENTS[p.fact.event][kind], p)
        if p.retail or (p.strict and p.fact.event == "licensed" and not p.first):
            # a planted, counter or trap licence names the licence: "licensed to sell power"
            # could be read as another licence than "an electricity supply licence"
            options = [t for t in options if "{L" in t]
        tmpl = self.rng.choice(options)
        if p.fact.event == "acquired" and p.qty is None:
            tmpl = self.rng.choice(["acquired {X2} {T}", "bought {X2} {T}", "took over {X2} {T}"])
        if p.fact.event == "signed" and p.qty is not None:
            tmpl = tmpl.replace("{DEAL}", "a {N} contract")
        if front or p.time is None:
            tmpl = tmpl.replace(" {T}", "")
        return tmpl

    def single(self, p: Plan) -> str:
        rng, ev = self.rng, EVENTS[p.fact.event]
        ent = self.story.entities[p.fact.key]
        lead = ""
        if p.status is not None:
            return self.status(p)
        if p.count is not None:
            return self.counted(p)
        if p.agency is not None:
            return self.agency(p)
        frames = ["plain", "plain", "front", "attr", "told", "full"]
        if p.role == "free":
            frames += ["hedged", "hedged"]
            if p.time is None and ev["pp"]:
                frames += ["perfect"]
        if p.first:
            frames = ["plain", "front", "attr"]
        if p.time is None:
            frames = [x for x in frames if x != "front"]
        if not ev["full"]:
            frames = [x for x in frames if x != "full"]
        frame = rng.choice(frames)
        if p.then_after:
            adv = rng.choice(["then", "later", "subsequently", "after that"])
            body = self.vp(p)
            if adv in ("later", "after that"):
                s = f"{adv.capitalize()}, {{S}} {body}."
            elif body.startswith(("was ", "were ")):
                w, rest = body.split(" ", 1)
                s = f"{{S}} {w} {adv} {rest}."
            else:
                s = f"{{S}} {adv} {body}."
            p.frame = f"then:{adv}"
            return self.fill(s, p)
        if p.said_day is not None:
            assert p.said_expr is not None
            pp = self.vp_pp(p)
            if ent.kind == "company" and p.fact.event == "licensed" and rng.random() < 0.5:
                s = f"{{A}} said {p.said_expr.text} that {{S}} had {pp}."
            else:
                s = f"{{S}} said {p.said_expr.text} that it had {pp}."
            p.frame = "said-that"
            return self.fill(s, p)
        kind = "first" if p.first else "vp"
        if p.retail and frame == "full":
            frame = "plain"
        if frame == "full" and not p.first and usable(ev["full"], p, strict=True):
            tmpl = rng.choice(usable(ev["full"], p, strict=True))
            if "{T}" not in tmpl or p.time is None:
                tmpl = tmpl.replace(" {T}", "")
            if "{N}" in tmpl and p.qty is None:
                frame = "plain"
            else:
                p.frame = "full"
                return self.fill(tmpl, p)
        if frame == "front":
            assert p.time is not None
            body = self.vp(p, kind, front=True)
            p.frame = "front"
            return self.fill(f"{p.time.lead}, {{S}} {body}.", p)
        body = self.vp(p, kind)
        if frame == "hedged":
            p.hedged = True
            p.frame = "hedged"
            if body.startswith(("was ", "were ")):
                w, rest = body.split(" ", 1)
                return self.fill(f"{{S}} {w} reportedly {rest}.", p)
            if ev["pp"] and rng.random() < 0.4:
                pp = self.vp_pp(p)
                word = rng.choice(["is understood to have", "is said to have", "allegedly"])
                if word == "allegedly":
                    return self.fill(f"{{S}} allegedly {body}.", p)
                return self.fill(f"{{S}} {word} {pp}.", p)
            return self.fill(f"{{S}} reportedly {body}.", p)
        if frame == "perfect":
            p.frame = "perfect"
            pp = self.vp_pp(p)
            return self.fill(f"{{S}} has {pp}.", p)
        if frame == "attr":
            p.frame = "attr"
            # "according to" names the fact's one source, in whichever outlet tells it
            src = p.fact.source
            if rng.random() < 0.5 and not p.no_according and not (src == "{A}" and "{A}" in body):
                p.according = "reg" if src == "{A}" else src
                return self.fill(f"{lead}{{S}} {body}, according to {src}.", p)
            who = self.attributor(p, avoid_reg="{A}" in body)
            return self.fill(f"{lead}{{S}} {body}, {who} said.", p)
        if frame == "told":
            p.frame = "told"
            return self.fill(
                f"{{S}} {body}, {{W}} told {self.out.name}.", p, {"W": lambda: self.speaker(p)}
            )
        p.frame = "plain"
        return self.fill(f"{{S}} {body}.", p)

    def status(self, p: Plan) -> str:
        """The opposite state: "X was refused a licence in May", "X has yet to obtain one"."""
        assert p.status is not None
        tmpls = STATUS[p.status]
        if p.time is None:
            tmpls = [t for t in tmpls if "{T" not in t]
        p.frame = "status"
        return self.fill(self.rng.choice(tmpls), p)

    def counted(self, p: Plan) -> str:
        """ "X became one of two companies to obtain a licence in May 2023"."""
        rng = self.rng
        assert p.time is not None
        tmpl = rng.choice(COUNT_ONE if p.count == 1 else COUNT_MANY)
        p.frame = "count"
        r = rng.random()
        if r < 0.3:
            return self.fill(f"{p.time.lead}, {{S}} {tmpl.replace(' {T}', '')}.", p)
        if r < 0.45 and "{A}" not in tmpl:
            return self.fill(f"{{S}} {tmpl}, {{A}} said.", p)
        if r < 0.55:
            return self.fill(f"{{S}} {tmpl}, the company said.", p)
        return self.fill(f"{{S}} {tmpl}.", p)

    def agency(self, p: Plan) -> str:
        """The fact "according to" a news agency."""
        assert p.agency is not None
        g, body = p.agency, self.vp(p)
        p.according, p.frame = g, "according"
        r = self.rng.random()
        if r < 0.45:
            return self.fill(f"{{S}} {body}, according to {g}.", p)
        if r < 0.7:
            return self.fill(f"According to {g}, {{S}} {body}.", p)
        if r < 0.85:
            return self.fill(f"{{S}} {body}, according to a report by {g}.", p)
        return self.fill(f"{{S}} {body}, according to reporting by {g}.", p)

    def echo(self, p: Plan) -> str:
        """A second mention of a fact, in another sentence of the same article."""
        rng, f = self.rng, p.fact
        kind = self.story.entities[f.key].kind
        tails = list(ECHO_TAILS)
        if kind in ("company", "person", "regulator", "council"):
            tails += ECHO_TAILS_AGENT
        frames = ["rel", "rel"]
        if p.time is not None:
            frames.append("front")
            if f.event in SINCE:
                frames += ["since", "since"]
        if p.qty is not None and p.time is None and f.event in ECHO_FIGURE:
            frames.append("figure")
        frame = rng.choice(frames)
        p.frame = f"echo:{frame}"
        if frame == "front":
            assert p.time is not None
            return self.fill(f"{p.time.lead}, {{S}} {self.vp(p, front=True)}.", p)
        if frame == "since":
            g = rng.choice(SINCE[f.event])
            return self.fill(f"Since {g} {{T}}, {{S}} has {rng.choice(SINCE_TAILS)}.", p)
        if frame == "figure":
            return self.fill(
                rng.choice(ECHO_FIGURE[f.event]).replace("{TAIL}", rng.choice(tails)), p
            )
        return self.fill(f"{{S}}, {{which}} {self.vp(p)}, {rng.choice(tails)}.", p)

    def quote(self, who: str, q: str) -> str:
        """A direct quote with its speaker, named in full at the first mention."""
        rng = self.rng
        o, c = ('"', '"') if self.out.quotes == "straight" else ("\u201c", "\u201d")
        name = self.voice.name(who, appositive=True)
        r = rng.random()
        if r < 0.35:
            return f"{o}{q},{c} {name} said."
        if r < 0.6:
            return f"{o}{q},{c} said {name.rstrip(',')}."
        if r < 0.8:
            return f"{name} said: {o}{q}.{c}"
        if r < 0.87:
            return f"{o}{q},{c} {name} told {self.out.name}."
        if r < 0.94:
            return f"{o}{q},{c} {name} said in a statement."
        return f"Asked about {self.voc['topic']}, {name} said: {o}{q}.{c}"

    def vp_pp(self, p: Plan) -> str:
        pp = self.rng.choice(EVENTS[p.fact.event]["pp"])
        if p.fact.event == "acquired" and p.qty is None:
            pp = "acquired {X2} {T}"
        if p.time is None:
            pp = pp.replace(" {T}", "")
        return pp

    def attributor(self, p: Plan, avoid_reg: bool = False) -> str:
        key = p.fact.key
        opts = ["officials"]
        if key != "reg" and not avoid_reg:
            opts.append("{A}")
        if self.story.entities[key].kind == "company":
            opts += ["the company", "company filings"]
        if key in ("council", "city"):
            opts += ["city officials"]
        return self.rng.choice(opts)

    def speaker(self, p: Plan) -> str:
        kind = self.story.entities[p.fact.key].kind
        if kind == "company" and p.fact.key != "co0":
            return "a company spokesperson"
        key = {"regulator": "chair", "company": "ceo"}.get(kind, "mayor")
        if p.fact.key in ("ceo", "chair"):
            key = "mayor"
        return self.voice.name(key, appositive=True)

    def pair(self, p1: Plan, p2: Plan, how: str) -> str:
        """Two claims about one entity in one sentence."""
        s1 = self.vp(p1, "vp")
        s2 = self.vp(p2, "vp")
        p1.frame = p2.frame = how
        t = self.fill("{S}", p1)
        t1 = self.fill(s1, p1)
        t2 = self.fill(s2, p2)
        if how == "relative":
            return f"{t}, {self.voice.pronoun(p1.fact.key)} {t1}, {t2}."
        if how == "coord":
            return f"{t} {t1}, and it {t2}."
        return f"{t} {t1} and {t2}."

    def group(self, p1: Plan, p2: Plan) -> str:
        tmpl = self.rng.choice(EVENTS["licensed"]["plural"])
        if p1.time is None:
            tmpl = tmpl.replace(" {T}", "")
        p1.frame = p2.frame = "group"
        a = self.voice.name(p1.fact.key)
        b = self.voice.name(p2.fact.key)
        return self.fill(f"{a} and {b} {tmpl}.", p1)

    # -- filler -------------------------------------------------------------------------
    def filler(self, kind: str) -> str:
        rng, ents = self.rng, self.story.entities
        topic = self.voc["topic"]
        city = ents["city"].name
        if kind == "lede":
            return rng.choice(LEDES).format(C=city, topic=topic)
        if kind == "quote":
            who = rng.choice(["mayor", "ceo", "chair"])
            q = self.fresh(self.story.quotes[who])
            text = self.quote(who, q)
            self.story.said.append(Quote(self.o, who, q, text))
            return text
        tmpl = self.fresh(BACKGROUND)
        pop = fmt_count(rng.randint(30, 400) * 1000)
        out = tmpl.replace("{C}", city).replace("{topic}", topic).replace("{pop}", pop)
        if "{Reg}" in out:
            out = out.replace("{Reg}", self.voice.name("reg"))
        if "{CoX}" in out:
            out = out.replace("{CoX}", self.voice.name(rng.choice(["co0", "co1", "co2"])))
        return tidy(out)


def render_article(rng: random.Random, story: Story, o: int) -> list[list[str]]:
    """The outlet's paragraphs, each a list of sentences. Fills every plan's sentence."""
    r = Renderer(story, o, rng)
    plans = [story.plans[(f.id, o)] for f in story.facts if (f.id, o) in story.plans]
    units: list[tuple[str, list[Plan]]] = []
    taken: list[str] = []
    # the planted order: P (dated) then Q ("then") as adjacent sentences
    for p in plans:
        if p.then_after:
            units.append(("then", [story.plans[(p.then_after, o)], p]))
            taken += [p.then_after, p.fact.id]
    rest = [p for p in plans if p.fact.id not in taken]
    rng.shuffle(rest)
    loose = [p for p in rest if p.role == "free" and p.said_day is None and not p.pinned]
    # group subjects: two licences of one day and one kind
    for p1 in loose:
        for p2 in loose:
            if (
                p1 is not p2
                and p1.fact.event == p2.fact.event == "licensed"
                and p1.fact.id not in taken
                and p2.fact.id not in taken
                and p1.fact.date == p2.fact.date
                and p1.fact.fields["licence"] == p2.fact.fields["licence"]
                and rng.random() < 0.9
            ):
                p2.time = p1.time
                units.append(("group", [p1, p2]))
                taken += [p1.fact.id, p2.fact.id]
    # one entity, two claims, one sentence
    for p1 in loose:
        for p2 in loose:
            if (
                p1 is not p2
                and p1.fact.key == p2.fact.key
                and p1.fact.id not in taken
                and p2.fact.id not in taken
                and rng.random() < 0.6
            ):
                how = rng.choice(["relative", "coord", "and"])
                if how == "coord" and story.entities[p1.fact.key].kind == "person":
                    how = "relative"
                units.append((how, [p1, p2]))
                taken += [p1.fact.id, p2.fact.id]
    for p in rest:
        if p.fact.id not in taken:
            units.append(("single", [p]))
    # an internal contradiction's second mention: a sentence of its own
    for p in plans:
        if p.echo is not None:
            units.append(("echo", [p.echo]))
    rng.shuffle(units)

    # Lay the article out first (a lede, the claims in ones and twos, fillers, a closing
    # quote), then write it in reading order, so that names are introduced where they first
    # appear: full names before surnames, the acronym's definition before its uses.
    layout: list[list[tuple[str, Any]]] = [[("lede", None)]]
    i = 0
    while i < len(units):
        n = 1 if rng.random() < 0.5 else 2
        layout.append([("unit", u) for u in units[i : i + n]])
        i += n
    for _ in range(rng.randint(2, 4)):
        k = rng.randint(1, len(layout) - 1) if len(layout) > 1 else 0
        layout[k].append(("filler", rng.choice(["quote", "background", "background"])))
    if o in story.quote_plants:
        # a planted quote: in a paragraph of its own, or among the claims
        k = rng.randint(1, len(layout))
        if k == len(layout):
            layout.append([("pquote", story.quote_plants[o])])
        else:
            layout[k].insert(rng.randint(0, len(layout[k])), ("pquote", story.quote_plants[o]))
    layout.append([("filler", "quote")])

    paras: list[list[str]] = []
    for items in layout:
        para: list[str] = []
        for what, arg in items:
            if what == "lede":
                para.append(tidy(r.filler("lede")))
            elif what == "filler":
                para.append(r.filler(arg))
            elif what == "pquote":
                arg.sentence = r.quote(arg.who, arg.text)
                story.said.append(arg)
                para.append(arg.sentence)
            else:
                para += [text for text, _ in write_unit(r, story, *arg)]
        paras.append(para)
    return paras


def write_unit(r: Renderer, story: Story, how: str, ps: list[Plan]) -> list[tuple[str, list[Plan]]]:
    rng = r.rng
    out: list[tuple[str, list[Plan]]] = []
    if how in ("group", "relative", "coord", "and"):
        text = r.group(ps[0], ps[1]) if how == "group" else r.pair(ps[0], ps[1], how)
        out.append((tidy(text), ps))
    elif how == "echo":
        out.append((tidy(r.echo(ps[0])), ps))
    else:
        for p in ps:
            q = copy_source(story, p) if p.role == "free" and rng.random() < 0.25 else None
            if q is not None:
                p.time, p.qty, p.hedged, p.according = q.time, q.qty, q.hedged, q.according
                p.frame, p.copy_of = "copy", story.source(q.outlet)
                for k, e in story.entities.items():
                    if e.name in q.sentence:
                        r.voice.seen.add(k)
                out.append((q.sentence, [p]))
                continue
            out.append((tidy(r.single(p)), [p]))
    for text, plans in out:
        assert not set(text) & set('"<>&\\'), text
        for p in plans:
            p.sentence = text
    return out


def copy_source(story: Story, p: Plan) -> Plan | None:
    """An earlier outlet's sentence for the same fact that this outlet can repeat word for
    word: one claim, an absolute time (or none) that reads the same here, no acronym
    definition, nobody named by surname alone, and no trap or plant on it."""
    if p.role != "free" or p.said_day is not None:
        return None
    for (fid, o), q in sorted(story.plans.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if fid != p.fact.id or o >= p.outlet or not q.sentence or q.role != "free":
            continue
        if q.frame not in ("plain", "front", "attr", "full", "perfect", "hedged"):
            continue
        if q.time is not None and q.time.form not in ABSOLUTE_FORMS:
            continue
        if "(" in q.sentence or any(
            e.kind == "person"
            and re.search(rf"\b{re.escape(e.short)}\b", q.sentence)
            and e.name not in q.sentence
            for e in story.entities.values()
        ):
            continue
        if q.retail or q.first or q.said_day:
            continue
        return q
    return None


# --------------------------------------------------------------------------------------
# Deciding every claim before rendering
# --------------------------------------------------------------------------------------


def finish_plans(rng: random.Random, story: Story) -> None:
    outs = story.outlets
    for f in story.facts:
        for o in f.outlets:
            p = plan(story, f, o)
            if f.date is not None and p.time is None and p.said_day is None and not p.undated:
                if p.role == "then":
                    pass
                elif p.forms is not None:
                    p.time = choose_time(rng, f.date, outs[o], p.forms)
                elif p.dated or p.strict or rng.random() < 0.85:
                    p.time = choose_time(rng, f.date, outs[o])
            if f.figure is not None and p.qty is None:
                r = rng.random()
                st = outs[o].style
                q = None
                if r < 0.25:
                    q = qty_about(f.figure, st, rng)
                elif r < 0.4:
                    q = qty_bound(f.figure, st, rng)
                elif r < 0.5:
                    q = qty_nearly(f.figure, st, rng)
                p.qty = q or qty_exact(f.figure, st, rng)
                if f.event in ("acquired",) and p.role == "free" and rng.random() < 0.3:
                    p.qty = None
            if (
                p.role == "free"
                and not p.pinned
                and f.date is not None
                and f.event in SAID_EVENTS
                and story.entities[f.key].kind not in ("person", "festival", "scheme")
                and rng.random() < 0.12
            ):
                # "X said on Tuesday that it had ...": only a bound on the event's date
                gap = rng.randint(0, 3)
                said = f.date + timedelta(days=gap)
                if said < outs[o].pub:
                    ts = choose_time(rng, said, outs[o], DAY_FORMS)
                    if ts is not None:
                        p.said_day, p.said_expr, p.time = said, ts, None


# --------------------------------------------------------------------------------------
# The ground-truth check over structured claims
# --------------------------------------------------------------------------------------


@dataclass
class Conflict:
    kind: str
    plans: list[Plan]
    cause: str = ""  # the CAUSES entry, when not the kind ("count", "quote", "according")
    quotes: list[Quote] = field(default_factory=list)

    @property
    def internal(self) -> bool:
        """Every claim of it in one article."""
        return len({p.outlet for p in self.plans} | {q.outlet for q in self.quotes}) == 1


def claims_of(story: Story) -> list[Plan]:
    """Every claim of the story: one plan per fact and outlet, and the second mentions."""
    out: list[Plan] = []
    for k in sorted(story.plans, key=lambda k: (k[1], k[0])):
        p = story.plans[k]
        out.append(p)
        if p.echo is not None:
            out.append(p.echo)
    return out


def claim_interval(p: Plan) -> tuple[date, date] | None:
    if p.time is not None:
        return p.time.start, p.time.end
    if p.said_day is not None:
        return date.min, p.said_day + timedelta(days=1)
    return None


def apart(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and (a[1] <= b[0] or b[1] <= a[0])


def qty_of(p: Plan) -> Qty | None:
    return p.qty


def conflicts(story: Story) -> list[Conflict]:
    outs = story.outlets
    found: list[Conflict] = []
    plans = claims_of(story)
    told = [p for p in plans if p.status is None]  # the fact as it happened, not its opposite
    by_fact: dict[str, list[Plan]] = {}
    for p in told:
        by_fact.setdefault(p.fact.id, []).append(p)
    for fid in sorted(by_fact):
        ps = by_fact[fid]
        for i, a in enumerate(ps):
            for b in ps[i + 1 :]:
                ia, ib = claim_interval(a), claim_interval(b)
                if apart(ia, ib):
                    found.append(Conflict("date", [a, b]))
                qa, qb = qty_of(a), qty_of(b)
                if qa and qb and not qa.overlaps(qb):
                    found.append(Conflict("number", [a, b]))
                if (
                    a.according
                    and b.according
                    and a.according != b.according
                    and a.outlet != b.outlet
                    and not apart(ia, ib)
                ):
                    found.append(Conflict("attribution", [a, b], "according"))
    for p in told:
        iv = claim_interval(p)
        if iv and iv[0] > outs[p.outlet].pub:
            found.append(Conflict("anachronism", [p]))
        if p.first and iv:
            for e in told:
                ie = claim_interval(e)
                if e.outlet != p.outlet and e.fact.event == p.fact.event and ie and ie[1] <= iv[0]:
                    found.append(Conflict("first", [p, e]))
    # a status against the fact: an opposite event at an overlapping time, or a negation
    # ("has not obtained a licence") as of its article's date against an earlier one
    for s in plans:
        if s.status is None:
            continue
        pub = outs[s.outlet].pub
        for e in by_fact.get(s.fact.id, []):
            if e.outlet == s.outlet:
                continue
            ie = claim_interval(e)
            if s.status.startswith("not-"):
                hit = ie[0] < pub if ie else outs[e.outlet].pub <= pub
            else:
                hit = ie is not None and not apart(ie, claim_interval(s))
            if hit:
                found.append(Conflict("status", [s, e]))
    # counts: two counts of one group, and a count smaller than the group as told
    counted = [p for p in told if p.count is not None]
    for i, a in enumerate(counted):
        for b in counted[i + 1 :]:
            if (
                a.outlet != b.outlet
                and a.count != b.count
                and not apart(claim_interval(a), claim_interval(b))
            ):
                found.append(Conflict("number", [a, b], "count"))
    for c in counted:
        ic = claim_interval(c)
        assert ic is not None and c.count is not None
        inside = []
        for e in told:
            ie = claim_interval(e)
            if e.fact.event == c.fact.event and e.fact.key != c.fact.key and ie:
                if ic[0] <= ie[0] and ie[1] <= ic[1]:
                    inside.append(e)
        if len({e.fact.key for e in inside}) + 1 > c.count:
            found.append(Conflict("number", [c, *inside], "count"))
    # quotes: one quote, two speakers
    for i, qa in enumerate(story.said):
        for qb in story.said[i + 1 :]:
            if qa.outlet != qb.outlet and qa.text == qb.text and qa.who != qb.who:
                found.append(Conflict("attribution", [], "quote", [qa, qb]))
    # order: two outlets tell two events in opposite orders
    n = len(outs)

    def sign(px: Plan, py: Plan) -> int:
        if py.then_after == px.fact.id:
            return -1
        if px.then_after == py.fact.id:
            return 1
        ix, iy = claim_interval(px), claim_interval(py)
        if ix and iy:
            if ix[1] <= iy[0]:
                return -1
            if iy[1] <= ix[0]:
                return 1
        return 0

    def of(o: int, fid: str) -> list[Plan]:
        return [p for p in by_fact.get(fid, []) if p.outlet == o]

    fids = [f.id for f in story.facts]
    for a in range(n):
        for b in range(a + 1, n):
            for i, x in enumerate(fids):
                for y in fids[i + 1 :]:
                    for pxa in of(a, x):
                        for pya in of(a, y):
                            sa = sign(pxa, pya)
                            if not sa:
                                continue
                            for pxb in of(b, x):
                                for pyb in of(b, y):
                                    if sign(pxb, pyb) == -sa:
                                        found.append(Conflict("order", [pxa, pya, pxb, pyb]))
    return found


# Which planted error can make which kind of conflict.
CAUSES = {
    "date": ("time",),
    "number": ("qty",),
    "count": ("count", "time"),
    "anachronism": ("time",),
    "first": ("first", "time"),
    "order": ("time", "then"),
    "status": ("status",),
    "according": ("according",),
    "quote": (),
}


def check_names(story: Story, paras: dict[int, list[list[str]]]) -> None:
    """In each article a person is named in full before by surname alone, and the one
    outlet that defines the regulator's acronym does so at its first use."""
    reg = story.entities["reg"]
    defined = 0
    for o, ps in paras.items():
        body = " ".join(" ".join(p) for p in ps)
        for e in story.entities.values():
            if e.kind != "person":
                continue
            m = re.search(rf"\b{re.escape(e.short)}\b", body)
            if m:
                full = body.find(e.name)
                assert full != -1 and m.start() == full + len(e.name) - len(e.short), (
                    story.outlets[o].path,
                    e.name,
                    body,
                )
        defined += body.count(f"({reg.short})")
        if o == story.definer:
            assert body.find(reg.short) == body.find(f"({reg.short})") + 1, body
    assert defined == (story.definer is not None), (story.folder, defined)


def verify(story: Story) -> None:
    """Every conflict among the claims comes from a plant; traps stay clean; each planted
    discrepancy shows at least its own kind (an internal one within its own article)."""
    by_id = {d.id: d for d in story.planted}
    seen: dict[str, set[str]] = {d.id: set() for d in story.planted}
    touched: set[str] = set()

    def where(c: Conflict) -> str:
        return " | ".join(
            [f"{story.source(p.outlet)}: {p.sentence}" for p in c.plans]
            + [f"{story.source(q.outlet)}: {q.sentence}" for q in c.quotes]
        )

    for c in conflicts(story):
        causes = CAUSES[c.cause or c.kind]
        owners = sorted(
            {p.planted for p in c.plans if p.planted and p.bad in causes}
            | {q.planted for q in c.quotes if q.planted}
        )
        if not owners:
            raise AssertionError(f"{story.folder}: unplanned {c.kind} conflict: {where(c)}")
        for pid in owners:
            d = by_id[pid]
            if d.form == "internal":
                # its own kind inside its article; against other outlets, any kind is "also"
                if c.internal:
                    seen[pid].add(c.kind)
                elif c.kind not in d.also:
                    d.also.append(c.kind)
                continue
            seen[pid].add(c.kind)
            if c.kind != d.kind and c.kind not in d.also:
                d.also.append(c.kind)
        for p in c.plans:
            touched.add(p.fact.id)
    for d in story.planted:
        if d.kind not in seen[d.id]:
            raise AssertionError(f"{d.id}: the plant shows no {d.kind} conflict")
        d.also.sort()
    story.traps = [t for t in story.traps if t.fact is None or t.fact not in touched]


# --------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------


def teaser_lines(rng: random.Random, story: Story, o: int) -> list[tuple[str, str]]:
    """A "Recommended for you" list: headlines with their own dates. A teaser trap's item
    tells one of the story's facts again, with another (older) date."""
    out = story.outlets[o]
    ents = story.entities
    items: list[tuple[str, str]] = []
    for t in story.traps:
        if t.kind == "teaser" and t.extra.get("host") == o:
            f = story.fact(t.fact or "")
            assert f.date is not None
            wrong = add_months(f.date, -rng.randint(14, 40))
            texp = rng.choice(
                [
                    _expr(
                        "abs_month",
                        f"in {MONTHS[wrong.month - 1]} {wrong.year}",
                        month_span(wrong.year, wrong.month),
                        "month",
                    ),
                    _expr("abs_year", f"in {wrong.year}", year_span(wrong.year), "year"),
                ]
            )
            p = Plan(f, o, time=texp)
            if f.figure is not None:
                p.qty = qty_exact(f.figure, out.style, rng)
            r = Renderer(story, o, rng)
            full = {k: ("the " if e.article else "") + e.name for k, e in ents.items()}
            extra = {
                "S": full[f.key],
                "A": full["reg"],
                "C": full["city"],
                "FUND": full["fund"],
                "X2": full.get(f.fields.get("X2", ""), ""),
            }
            text = tidy(r.fill(f"{{S}} {r.vp(p)}", p, extra)).rstrip(".")
            text += rng.choice([", archive shows", ": a look back", ", records show", ""])
            when = out.pub - timedelta(days=rng.randint(1, 60))
            items.append((text, fmt_day(when, out.style)))
            t.extra.update(headline=text, date=when.isoformat(), wrong=texp.label())
    for h in rng.sample(GENERIC_TEASERS, rng.randint(1, 3)):
        when = out.pub - timedelta(days=rng.randint(1, 60))
        items.append((h, fmt_day(when, out.style)))
    rng.shuffle(items)
    return items


def ticker(rng: random.Random, story: Story, o: int) -> tuple[list[str], str]:
    capture = story.outlets[o].pub + timedelta(days=rng.randint(30, 400))
    sym = DOMAINS[story.domain]["ticker"]
    parts = [
        f"{s} {rng.uniform(10, 3000):,.2f} {rng.choice(['▲', '▼'])}{rng.uniform(0, 3):.2f}%"
        for s in ("BRNT", "GOLD", sym)
    ]
    return ["MARKETS | " + " | ".join(parts), f"Updated {capture.strftime('%m-%d-%Y')} 14:05"], (
        capture.isoformat()
    )


def write_article(
    rng: random.Random, story: Story, o: int, title: str, paras: list[list[str]]
) -> str:
    out = story.outlets[o]
    notes: list[str] = []
    use_teasers = any(t.kind == "teaser" and t.extra.get("host") == o for t in story.traps) or (
        out.fmt != "json" and rng.random() < 0.5
    )
    teasers = teaser_lines(rng, story, o) if use_teasers and out.fmt != "json" else []
    if teasers:
        notes.append("teasers: " + "; ".join(f"{h} ({d})" for h, d in teasers))
    tick: list[str] = []
    if out.fmt in ("txt", "html") and rng.random() < 0.35:
        tick, cap = ticker(rng, story, o)
        notes.append(f"price ticker captured {cap}")
    share = out.fmt != "json" and rng.random() < 0.6
    if out.fmt == "html":
        notes.append("navigation and footer")
    ad_at = (
        rng.randint(1, max(1, len(paras) - 1)) if out.fmt != "json" and rng.random() < 0.5 else -1
    )
    if share:
        notes.append("share lines")
    if ad_at >= 0:
        notes.append("an advertisement line")
    url = (
        f"https://{out.slug.replace('-', '')}.example/news/{out.pub:%Y/%m/%d}/"
        f"{slug(title)[:60].rstrip('-')}"
    )
    body_paras = [" ".join(p) for p in paras]
    story.furniture[o] = notes
    if out.fmt == "txt":
        lines = [f"date {out.pub.isoformat()}", f"Title: {title}", f"Outlet: {out.name}", ""]
        if tick:
            lines += tick + [""]
        if share:
            lines += ["Share", "Tweet", ""]
        for i, para in enumerate(body_paras):
            lines += [para, ""]
            if i == ad_at:
                lines += [rng.choice(AD_LINES), ""]
        if teasers:
            lines.append("Recommended for you")
            for h, d in teasers:
                lines += [h, d]
        return "\n".join(lines).rstrip("\n") + "\n"
    if out.fmt == "md":
        lines = [
            "---",
            f"title: {json.dumps(title, ensure_ascii=False)}",
            f"date: {out.pub.isoformat()}",
            f"outlet: {out.name}",
            f"url: {url}",
            "---",
            "",
            f"# {title}",
            "",
            f"*By {out.reporter}*",
            "",
        ]
        for i, para in enumerate(body_paras):
            lines += [para, ""]
            if i == ad_at:
                lines += [f"_{rng.choice(AD_LINES)}_", ""]
        if share:
            lines += ["*Share this article: Facebook | X | LinkedIn | Email*", ""]
        if teasers:
            lines += ["## Recommended for you", ""]
            for h, d in teasers:
                lines.append(
                    f"- [{h}](https://{out.slug.replace('-', '')}.example/{slug(h)[:40]}) · {d}"
                )
        return "\n".join(lines).rstrip("\n") + "\n"
    if out.fmt == "json":
        doc = {
            "articles": [
                {
                    "headline": title,
                    "outlet": out.name,
                    "url": url,
                    "published": out.pub.isoformat(),
                    "body": "\n\n".join(body_paras),
                }
            ]
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    e = html.escape
    hour = rng.randint(6, 20)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)} | {e(out.name)}</title>",
        f'<meta property="og:site_name" content="{e(out.name)}">',
        f'<meta property="og:title" content="{e(title)}">',
        f'<meta property="article:published_time" content="{out.pub.isoformat()}T{hour:02d}:'
        f'{rng.choice(["00", "15", "30", "45"])}:00+00:00">',
        f'<link rel="canonical" href="{e(url)}">',
        "</head>",
        "<body>",
        '<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/business">'
        'Business</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav></header>',
    ]
    if tick:
        lines.append(
            f'<div class="ticker">{e(tick[0], quote=False)} <span class="updated">'
            f"{e(tick[1], quote=False)}</span></div>"
        )
    lines += [
        "<main>",
        "<article>",
        f"<h1>{e(title, quote=False)}</h1>",
        f'<p class="byline">By {e(out.reporter)} · {fmt_day(out.pub, out.style)}</p>',
    ]
    for i, para in enumerate(body_paras):
        lines.append(f"<p>{e(para, quote=False)}</p>")
        if i == ad_at:
            lines.append(f'<div class="ad">{rng.choice(AD_LINES)}</div>')
    lines.append("</article>")
    if teasers:
        lines.append('<aside class="recommended"><h3>Recommended for you</h3><ul>')
        for h, d in teasers:
            lines.append(
                f'<li><a href="/news/{slug(h)[:40]}">{e(h, quote=False)}</a> '
                f'<span class="date">{e(d)}</span></li>'
            )
        lines.append("</ul></aside>")
    lines.append("</main>")
    foot = f"<footer><p>© {out.pub.year} {e(out.name)} Ltd. All rights reserved.</p>"
    if share:
        foot += "<p>Share: Facebook | X | LinkedIn | Email</p>"
    lines += [foot + "</footer>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def make_title(rng: random.Random, story: Story) -> str:
    ents = story.entities
    topic = DOMAINS[story.domain]["topic"]
    t = rng.choice(TITLE_FORMS)
    return t.format(
        C=ents["city"].name,
        topic=topic,
        topic_cap=topic[0].upper() + topic[1:],
        Co=ents["co0"].name,
        Reg=ents["reg"].short,
    )


# --------------------------------------------------------------------------------------
# Expected answers
# --------------------------------------------------------------------------------------

EVENT_WORDS = {
    "licensed": "licence",
    "banned": "ban",
    "passed-law": "vote",
    "released-statement": "publication",
    "commenced": "start",
    "launched": "launch",
    "opened": "opening",
    "acquired": "acquisition",
    "raised-funds": "funding round",
    "attracted": "attendance",
    "employs": "workforce",
    "fined": "fine",
    "appointed": "appointment",
    "resigned": "resignation",
    "signed": "deal",
    "approved": "approval",
    "cut-jobs": "job cuts",
}


def describe(story: Story, f: Fact) -> str:
    return f"{story.entities[f.key].name}'s {EVENT_WORDS[f.event]}"


def tvalue(p: Plan) -> str:
    if p.time is None:
        return "undated"
    return p.time.label()


def how(story: Story, p: Plan) -> str | None:
    if p.time is None or not p.time.relative:
        return None
    return f'"{p.time.text}" read from {story.outlets[p.outlet].pub.isoformat()}'


def claim_entry(story: Story, p: Plan, value: str) -> dict[str, Any]:
    d: dict[str, Any] = {"source": story.source(p.outlet), "says": p.sentence, "value": value}
    h = how(story, p)
    if h:
        d["how"] = h
    return d


def qlabel(p: Plan) -> str:
    assert p.qty is not None and p.fact.figure is not None
    prefix = f"{p.qty.word} " if p.qty.word else ""
    return prefix + p.fact.figure.label(p.qty.value)


def quote_entry(story: Story, d: Planted) -> dict[str, Any]:
    qa, qb = story.quote_plants[d.outlet], story.quote_plants[d.counter or 0]
    na, nb = story.entities[qa.who].name, story.entities[qb.who].name
    outs = story.outlets
    return {
        "entity": na,
        "event": "said",
        "speakers": [na, nb],
        "quote": qa.text,
        "claims": [
            {"source": story.source(q.outlet), "says": q.sentence, "value": f"said by {n}"}
            for q, n in ((qa, na), (qb, nb))
        ],
        "note": (
            f"{outs[d.outlet].name} gives the quote to {na}, {outs[d.counter or 0].name} to "
            f"{nb}; no other outlet gives it, and no other quote has two speakers."
        ),
    }


def new_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """The expected entry of a status, "according to", count or internal plant."""
    ents, outs = story.entities, story.outlets
    name, a = ents[f.key].name, outs[d.outlet]
    e: dict[str, Any] = {"entity": name, "event": f.event}
    if d.form == "internal":
        echo = pa.echo
        assert echo is not None
        if d.kind == "date":
            ve, vm = tvalue(echo), tvalue(pa)
            true = f.date.isoformat() if f.date else ""
        else:
            ve, vm = qlabel(echo), qlabel(pa)
            true = f.figure.label(f.figure.value) if f.figure else ""
        e["claims"] = [claim_entry(story, echo, ve), claim_entry(story, pa, vm)]
        e["note"] = (
            f"{a.name} tells {describe(story, f)} twice: {ve} in one sentence, {vm} in "
            f"another (the truth: {true}). The other outlets give "
            + ("a year that holds both dates, or none." if d.kind == "date" else "a lower bound.")
        )
        return e
    pb = story.plans[(f.id, d.counter or 0)]
    b = outs[d.counter or 0]
    if d.form == "status":
        st = pa.status or ""
        if st.startswith("not-"):
            va = f"{STATUS_WORDS[st]}, as of {a.pub.isoformat()} (its date)"
            e["negated"] = True
        else:
            va = f"{STATUS_WORDS[st]}, {tvalue(pa)}"
            e["opposite"] = st
        vb = f"{f.event}, {tvalue(pb)}"
        e["claims"] = [claim_entry(story, pa, va), claim_entry(story, pb, vb)]
        e["note"] = (
            f"{a.name}: {STATUS_WORDS[st]}; {b.name}: {f.event} {tvalue(pb)}, the truth "
            f"({f.date.isoformat() if f.date else ''}). Both cannot hold at once."
        )
    elif d.form == "according":
        ga, gb = pa.agency, pb.agency
        e["claims"] = [
            claim_entry(story, pa, f"according to {ga}"),
            claim_entry(story, pb, f"according to {gb}"),
        ]
        e["note"] = (
            f"{a.name} credits {describe(story, f)} to {ga}, {b.name} to {gb}; no other outlet "
            "tells it 'according to' anyone."
        )
    elif d.form == "count":
        members = [ents[story.fact(m).key].name for m in d.extra["members"]]
        assert pa.count and pb.count
        va = f"{COUNT_WORDS[pa.count]}, {tvalue(pa)}"
        vb = f"{COUNT_WORDS[pb.count]}, {tvalue(pb)}"
        e["claims"] = [claim_entry(story, pa, va), claim_entry(story, pb, vb)]
        e["group"] = members
        e["note"] = (
            f"{a.name} counts {name} as {COUNT_WORDS[pa.count]} licensed in {tvalue(pa)}, "
            f"{b.name} as {COUNT_WORDS[pb.count]}; licensed then: {', '.join(members)}."
        )
    return e


def expected_for(story: Story) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ents, outs = story.entities, story.outlets
    disc: list[dict[str, Any]] = []
    for d in story.planted:
        entry: dict[str, Any] = {"id": d.id, "kind": d.kind}
        if d.form != d.kind:
            entry["form"] = d.form
        if d.also:
            entry["also"] = list(d.also)
        if d.form == "quote":
            entry.update(quote_entry(story, d))
            disc.append(entry)
            continue
        f = story.fact(d.facts[0])
        pa = story.plans[(f.id, d.outlet)]
        if d.form in ("status", "according", "count", "internal"):
            entry.update(new_entry(story, d, f, pa))
        elif d.kind == "date":
            pb = story.plans[(f.id, d.counter or 0)]
            entry.update(
                entity=ents[f.key].name,
                event=f.event,
                claims=[claim_entry(story, pa, tvalue(pa)), claim_entry(story, pb, tvalue(pb))],
            )
            entry["note"] = (
                f"{outs[d.outlet].name} dates {describe(story, f)} {tvalue(pa)}; "
                f"{outs[d.counter or 0].name} dates it {tvalue(pb)}, the true date "
                f"({f.date.isoformat() if f.date else ''}). The two times do not overlap."
            )
        elif d.kind == "number":
            pb = story.plans[(f.id, d.counter or 0)]
            entry.update(
                entity=ents[f.key].name,
                event=f.event,
                claims=[claim_entry(story, pa, qlabel(pa)), claim_entry(story, pb, qlabel(pb))],
            )
            entry["note"] = (
                f"{qlabel(pa)} against {qlabel(pb)}: beyond any rounding. The "
                f"true figure is {f.figure.label(f.figure.value) if f.figure else ''}."
            )
        elif d.kind == "first":
            y = story.fact(d.facts[1])
            pb = story.plans[(y.id, d.counter or 0)]
            entry.update(
                entity=ents[y.key].name,
                event=f.event,
                claims=[
                    claim_entry(story, pa, f"first, {tvalue(pa)}"),
                    claim_entry(story, pb, tvalue(pb)),
                ],
            )
            entry["note"] = (
                f"{outs[d.outlet].name} calls {ents[f.key].name} the first ({tvalue(pa)}), but "
                f"{outs[d.counter or 0].name} has {ents[y.key].name} licensed already in "
                f"{tvalue(pb)}."
            )
            entry["first"] = ents[f.key].name
        elif d.kind == "order":
            q, p = story.fact(d.facts[0]), story.fact(d.facts[1])
            pa_p = story.plans[(p.id, d.outlet)]
            pb_q = story.plans[(q.id, d.counter or 0)]
            pb_p = story.plans[(p.id, d.counter or 0)]
            entry.update(
                entity=ents[q.key].name,
                event=q.event,
                claims=[
                    claim_entry(story, pa, f"after {describe(story, p)} of {tvalue(pa_p)}"),
                    claim_entry(
                        story,
                        pb_q,
                        f"{tvalue(pb_q)}, before {describe(story, p)} of {tvalue(pb_p)}",
                    ),
                ],
            )
            entry["note"] = (
                f"{outs[d.outlet].name} tells {describe(story, p)} ({tvalue(pa_p)}) and then, "
                f"undated, {describe(story, q)}; {outs[d.counter or 0].name} dates "
                f"{describe(story, q)} {tvalue(pb_q)}, before {describe(story, p)} "
                f"({tvalue(pb_p)})."
            )
            entry["context"] = [
                {"source": story.source(d.outlet), "says": pa_p.sentence},
                {"source": story.source(d.counter or 0), "says": pb_p.sentence},
            ]
        elif d.kind == "anachronism":
            pub = outs[d.outlet].pub.isoformat()
            entry.update(
                entity=ents[f.key].name,
                event=f.event,
                claims=[
                    claim_entry(story, pa, f"{tvalue(pa)}, after the article's own date {pub}")
                ],
            )
            entry["note"] = (
                f"{outs[d.outlet].name} (published {pub}) tells "
                f"{describe(story, f)} as past, dated {tvalue(pa)}."
            )
        disc.append(entry)
    cons: list[dict[str, Any]] = []
    for t in story.traps:
        entry = {"id": t.id, "trap": t.kind}
        if t.fact:
            f = story.fact(t.fact)
            entry.update(entity=ents[f.key].name, event=f.event)
        entry["sources"] = [story.source(o) for o in t.outlets]
        if t.kind == "teaser":
            entry["note"] = (
                f'{t.note}: "{t.extra.get("headline")}" ({t.extra.get("wrong")}, '
                f"teaser dated {t.extra.get('date')}) is page furniture, not the "
                "article."
            )
        else:
            f = story.fact(t.fact or "")
            claims = []
            for o in t.outlets:
                p = story.plans[(f.id, o)]
                if t.kind in ("rounding", "bound"):
                    v = qlabel(p)
                elif t.kind == "true_first":
                    v = f"first, {tvalue(p)}"
                elif t.kind == "said_that":
                    v = (
                        f"on or before {p.said_day.isoformat()} (the day it was said)"
                        if p.said_day
                        else tvalue(p)
                    )
                elif t.kind == "retail":
                    v = ("retail, " if p.retail else "") + tvalue(p)
                else:
                    v = tvalue(p)
                claims.append(claim_entry(story, p, v))
            entry["note"] = t.note
            entry["claims"] = claims
        cons.append(entry)
    furn = [f"{outs[o].path}: {', '.join(n)}" for o, n in sorted(story.furniture.items()) if n]
    if furn:
        cons.append(
            {
                "id": f"{story.folder}-furniture",
                "trap": "furniture",
                "sources": [outs[o].path for o, n in sorted(story.furniture.items()) if n],
                "note": "Page furniture, not the article: " + "; ".join(furn),
            }
        )
    return disc, cons


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------


# Plants that do not go together in one story (both rest on the licences' dates and count).
EXCLUSIVE = (frozenset({"count", "first"}), frozenset({"count", "status"}))


# The order plants keep their facts in, the scarcest kind of fact first.
RESERVE_ORDER = ("first", "count", "status", "number", "internal", "attribution", "order",
                 "date", "anachronism")  # fmt: skip


def reserve(rng: random.Random, story: Story, kind: str, taken: list[str]) -> list[str]:
    """The facts a plant needs, kept from the plants made before it: two licences for a
    "first", one for a count, a figure for a number, a status-bearing fact..."""
    free = [f for f in story.facts if f.id not in taken]
    dated = [f for f in free if f.date is not None]
    n = 1
    if kind == "first":
        cands, n = [f for f in dated if f.event == "licensed"], 2
    elif kind == "count":
        cands = [f for f in dated if f.event == "licensed"]
    elif kind == "status":
        cands = [f for f in dated if f.event in STATUS_EVENTS]
        cands = [f for f in cands if f.event == story.wish.get("status")] or cands
    elif kind == "number" or (kind == "internal" and story.wish.get("internal") == "number"):
        cands = [f for f in free if f.figure is not None]
    elif kind == "attribution" and story.wish.get("attribution") == "according":
        cands = [f for f in dated if story.entities[f.key].kind == "company"]
    elif kind == "attribution":
        return []
    else:
        cands, n = dated, 2 if kind == "order" else 1
    if len(cands) < n:
        return []
    return [f.id for f in rng.sample(cands, n)]


def compatible(card: str, got: list[str]) -> bool:
    return not any(frozenset({card, g}) in EXCLUSIVE for g in got)


def build_corpus(stories: int, outlets: int, seed: int) -> list[Story]:
    if stories < 1:
        raise ValueError("--stories must be at least 1")
    if outlets < 2:
        raise ValueError("--outlets must be at least 2 (a discrepancy needs two outlets)")
    rng = random.Random(seed)
    pool = [(n, s, REPORTERS[i % len(REPORTERS)]) for i, (n, s) in enumerate(OUTLETS)]
    k = 0
    while len(pool) < outlets:
        k += 1
        pool.append(
            (
                f"{CITY_STEMS[k % len(CITY_STEMS)]} {['Echo', 'Mercury', 'Sentinel'][k % 3]} {k}",
                ["us", "uk", "ap"][k % 3],
                REPORTERS[k % len(REPORTERS)],
            )
        )
    reg = Registry()
    for r in REPORTERS:
        reg.used.add(r.split()[-1].lower())
    kind_deck = Deck(rng, DECK)
    trap_deck = Deck(rng, TRAPS)
    out: list[Story] = []
    for i in range(1, stories + 1):
        srng = random.Random(rng.getrandbits(64))
        n_kinds = srng.choice([2, 2, 3, 3])
        kinds = sorted(kind_deck.draw(n_kinds, ok=compatible), key=PLANT_ORDER.index)
        no_first = "first" in kinds
        traps = trap_deck.draw(
            srng.randint(2, 4), ok=lambda c, got, no=no_first: not (c == "true_first" and no)
        )
        story = build_story(i, srng, outlets, kinds, traps, reg, pool)
        used: list[str] = []
        # the plants made last keep a fact of their own from the ones made first
        reserved: dict[str, list[str]] = {}
        for kind in sorted(kinds, key=RESERVE_ORDER.index):
            reserved[kind] = reserve(srng, story, kind, [x for v in reserved.values() for x in v])
        for kind in kinds:
            keep = [fid for k, v in reserved.items() if k != kind for fid in v]
            d = plant(srng, story, kind, used + keep)
            if d is not None:
                d.form = d.form or d.kind
                story.planted.append(d)
                used.extend(d.facts)
        for t in traps:
            tr = set_trap(srng, story, t, used + [x.fact for x in story.traps if x.fact])
            if tr is not None:
                story.traps.append(tr)
        finish_plans(srng, story)
        assert all(len(f.outlets) >= 2 for f in story.facts), story.folder
        title = make_title(srng, story)
        paras = {o: render_article(srng, story, o) for o in range(outlets)}
        for o in range(outlets):
            story.furniture[o] = []
        check_names(story, paras)
        verify(story)
        for o in range(outlets):
            story.texts[o] = write_article(srng, story, o, title, paras[o])
            if story.outlets[o].fmt != "html":
                pass
        out.append(story)
    return out


HEADER = """\
# What a correct check of this generated corpus finds (benchmarks/generate.py, seed {seed}:
# {stories} stories x {outlets} outlets). Same shape as ../shared/corpus/seeds/expected.yaml;
# every source is a path relative to this folder, every "says" occurs verbatim in it.
#
# discrepancies: planted, what the checker must report. kind is the planted kind; "also"
#   lists the other kinds the same planted change implies (a moved date that crosses a
#   "first" claim or flips the order of two events the same outlets tell). "form" tells
#   the plants reported under another kind's name: count (kind number: "one of two"
#   against "the only"), internal (kind date or number: both claims from one article;
#   its "also" lists every kind it shows against other outlets too), quote and according
#   (kind attribution: one quote given to two "speakers", or one report credited to two
#   news agencies). A status entry has "opposite" (the lexicon event one outlet tells) or
#   "negated" ("has not obtained a licence", as of its article's date).
# consistent: traps on facts that no plant touches, and page furniture. A finding on any of
#   these (entity and event, in the listed sources) is a false alarm.
# documents: every article, with its outlet, format and publication date.
"""


def generate(out: Path, stories: int, outlets: int, seed: int) -> dict[str, Any]:
    """Write the corpus under ``out`` and return the expected data (as in expected.yaml)."""
    corpus = build_corpus(stories, outlets, seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    disc: list[dict[str, Any]] = []
    cons: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    for story in corpus:
        folder = out / story.folder
        folder.mkdir(parents=True, exist_ok=True)
        for o, o_ in enumerate(story.outlets):
            (out / o_.path).write_text(story.texts[o], encoding="utf-8", newline="\n")
            docs.append(
                {
                    "source": o_.path,
                    "outlet": o_.name,
                    "format": o_.fmt,
                    "published": o_.pub.isoformat(),
                }
            )
        d, c = expected_for(story)
        disc.extend(d)
        cons.extend(c)
    data = {"discrepancies": disc, "consistent": cons, "documents": docs}
    text = (
        HEADER.format(seed=seed, stories=stories, outlets=outlets)
        + "\n"
        + yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
        )
    )
    (out / "expected.yaml").write_text(text, encoding="utf-8", newline="\n")
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write (story-001/ ... and expected.yaml)")
    ap.add_argument("--stories", type=int, default=20)
    ap.add_argument("--outlets", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.stories < 1 or args.outlets < 2:
        print(
            "error: --stories must be at least 1 and --outlets at least 2 (a discrepancy "
            "needs two outlets)",
            file=sys.stderr,
        )
        return 2
    data = generate(args.out, args.stories, args.outlets, args.seed)
    counts: dict[str, int] = {}
    for d in data["discrepancies"]:
        counts[d["kind"]] = counts.get(d["kind"], 0) + 1
        if d.get("form") in ("count", "internal"):
            counts[d["form"]] = counts.get(d["form"], 0) + 1
    summary = ", ".join(f"{k} {counts.get(k, 0)}" for k in KINDS)
    summary += f"; of these, count {counts.get('count', 0)}, internal {counts.get('internal', 0)}"
    print(
        f"{args.stories} stories x {args.outlets} outlets in {args.out}: "
        f"{len(data['discrepancies'])} discrepancies ({summary}), "
        f"{len(data['consistent'])} consistent entries",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
