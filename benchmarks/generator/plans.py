"""How each outlet tells each fact (a ``Plan``): choosing its time phrases, and deciding,
after the plants and traps, every time, figure and "said that" not yet decided."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from .figures import qty_about, qty_bound, qty_exact, qty_nearly
from .model import Fact, Outlet, Plan, Story
from .times import DAY_FORMS, TimeExpr, time_options
from .vocabulary import SAID_EVENTS

FORM_WEIGHT = {
    "yesterday": 4,
    "weekday": 4,
    "days_ago": 2,
    "earlier_this_month": 3,
    "last_month": 2,
    "last_monthname": 2,
}


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


def time_pair(
    rng: random.Random,
    da: date,
    oa: Outlet,
    db: date,
    ob: Outlet,
    ok: Callable[[TimeExpr, TimeExpr], bool],
) -> tuple[TimeExpr, TimeExpr]:
    """A phrase for ``da`` in outlet ``oa`` and one for ``db`` in ``ob`` of which ``ok``
    holds: up to 60 draws, then both to the month ("in May 2023")."""
    for _ in range(60):
        ta, tb = choose_time(rng, da, oa), choose_time(rng, db, ob)
        if ta and tb and ok(ta, tb):
            return ta, tb
    ta = choose_time(rng, da, oa, ("abs_month",))
    tb = choose_time(rng, db, ob, ("abs_month",))
    assert ta and tb and ok(ta, tb)
    return ta, tb


def same_time_pair(
    rng: random.Random, d: date, oa: Outlet, ob: Outlet, grans: tuple[str, ...]
) -> tuple[TimeExpr, TimeExpr]:
    """Two outlets' phrases for one true date, each of a granularity in ``grans``."""
    return time_pair(rng, d, oa, d, ob, lambda ta, tb: ta.gran in grans and tb.gran in grans)


def finish_plans(rng: random.Random, story: Story) -> None:
    outs = story.outlets
    for f in story.facts:
        for o in f.outlets:
            p = plan(story, f, o)
            if f.date is not None and p.time is None and p.said_day is None and not p.undated:
                if p.role == "then":
                    pass  # a planted "then" stays undated: its order is the claim
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
