"""The invented cast of a story: city, regulator, council, companies, fund, festival,
scheme and people, never a name twice in one corpus."""

from __future__ import annotations

import random
import re
from typing import Any

from .model import Entity
from .vocabulary import (
    CITY_FORMS,
    CITY_STEMS,
    COUNCIL_FORMS,
    DOMAINS,
    FESTIVAL_STEMS,
    FIRST_NAMES,
    FUND_WORDS,
    REGION_ADJ,
    SCHEME_WORDS,
    STEM_A,
    STEM_B,
    SUR_A,
    SUR_B,
    SURNAMES,
)


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
    council = rng.choice(COUNCIL_FORMS).format(city)
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
    scheme = reg.take(rng, lambda: f"{rng.choice(SCHEME_WORDS)} {rng.choice(voc['scheme'])}")
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
