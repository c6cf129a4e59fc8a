"""Figures: a fact's true figure, and the ways an outlet states it.

Exact, rounded ("about 13,000"), bounded ("at least", "more than"), "nearly", or wrong
(a planted figure that no reading of the true one reaches), each with the range a reader
gives it; counts and money in US, UK or AP style.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

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


FIGURE_EVENTS = ("attracted", "employs", "raised-funds", "acquired", "fined", "cut-jobs")


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
