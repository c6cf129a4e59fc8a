"""People's ages as figures: "a 58-year-old nurse", "Ana Ruiz, 37,", "in her mid-sixties".

An age is a common place for outlets to differ, and none of these forms is a count: the
quantity reader would take "58-year-old Norwegian" for 58 Norwegians and "Ana Ruiz, 37," for
37 of something. They are found here by their written form, as intervals in years
("mid-sixties" is 64 to 66), and :mod:`consistency.extract.facts` keys them by the person they
describe, read from the parse.
"""

from __future__ import annotations

import re

from consistency.extract.quantities import QuantityMention
from consistency.models import Quantity

AGE = "years of age"  # the unit of an age, never a unit the quantity reader gives

_DECADES = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "": (0, 9)}

_YEAR_OLD = re.compile(r"\b(?P<n>\d{1,3})[-\s]years?[-\s]old\b", re.IGNORECASE)
_AGED = re.compile(r"\baged\s+(?P<n>\d{1,3})\b", re.IGNORECASE)
# "Ana Ruiz, 37, was ...": a number alone between commas after a capitalised word.
_APPOSED = re.compile(r"\b[A-Z][\w’'-]+,\s(?P<n>\d{1,2}),\s")
_DECADE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[-\s]?)?"
    r"(?:(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    r"|(?P<tens>[2-9]0)s)\b",
    re.IGNORECASE,
)


def find_ages(text: str) -> list[QuantityMention]:
    """The ages written in a sentence, left to right, as intervals in years."""
    out = []
    for pattern in (_YEAR_OLD, _AGED, _APPOSED):
        for m in pattern.finditer(text):
            n = float(m.group("n"))
            q = Quantity(text=m.group().strip(", "), low=n, high=n, unit=AGE, value=n)
            out.append(QuantityMention(m.start("n"), m.end("n"), q))
    for m in _DECADE.finditer(text):
        decade = _DECADES[m.group("word").lower()] if m.group("word") else int(m.group("tens"))
        lo, hi = _PART[(m.group("part") or "").lower()]
        q = Quantity(
            text=m.group(), low=float(decade + lo), high=float(decade + hi), unit=AGE, approx=True
        )
        out.append(QuantityMention(m.start(), m.end(), q))
    return sorted(out, key=lambda a: a.start)
