"""The traps: pairs of claims that look like a discrepancy and are none (a month inside a
year, a rounded figure and the exact one, a statement's date, a teaser ...)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from .figures import is_round, qty_about, qty_bound, qty_exact
from .model import Fact, Story, Trap
from .plans import choose_time, plan
from .times import DAY_FORMS, MONTH_FORMS, RELATIVE_FORMS, YEAR_FORMS
from .vocabulary import DOMAINS, SAID_EVENTS


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
