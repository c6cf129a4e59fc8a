"""Planting one discrepancy of a kind in a story: which outlet is wrong about which fact,
which outlet shows it, and what each of their claims must say."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from .figures import Qty, qty_about, qty_exact, qty_wrong, sig_round
from .model import Fact, Plan, Planted, Quote, Story
from .plans import choose_time, ensure_told, pick_pair, plan, same_time_pair, time_pair
from .times import YEAR_FORMS, TimeExpr, add_months, disjoint, future_options, time_options
from .vocabulary import AGENCIES, STATUS_EVENTS

LONG_QUOTE_WORDS = 8


def moved_date(rng: random.Random, d: date, pub: date) -> date:
    """A planted wrong date: ``d`` moved by two to nine months, to before ``pub``."""
    for _ in range(100):
        moved = add_months(d, rng.choice([-9, -7, -5, -4, -3, -2, 2, 3, 4, 5]))
        if moved < pub:
            return moved
    return add_months(d, -3)


def after(ta: TimeExpr, tb: TimeExpr) -> bool:
    """``ta`` begins when ``tb`` has ended."""
    return tb.end <= ta.start


def plant(rng: random.Random, story: Story, kind: str, used: list[str]) -> Planted | None:
    """Plant one discrepancy of ``kind`` on facts not ``used`` by an earlier plant; None
    when the story has no fact that can carry it."""
    facts = [f for f in story.facts if f.id not in used]
    pid = f"{story.folder}-{kind}"
    if kind == "count":
        return plant_count(rng, story, used, pid)
    if kind not in _PLANTERS:
        raise ValueError(kind)
    return _PLANTERS[kind](rng, story, facts, pid)


def plant_date(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One outlet moves a fact's date by months; another gives the true date."""
    outs = story.outlets
    cands = [f for f in facts if f.date is not None]
    if not cands:
        return None
    f = rng.choice(cands)
    a, b = pick_pair(rng, story, f)
    assert f.date is not None
    moved = moved_date(rng, f.date, outs[a].pub)
    pa, pb = plan(story, f, a), plan(story, f, b)
    ta, tb = time_pair(rng, moved, outs[a], f.date, outs[b], disjoint)
    pa.role, pa.time, pa.planted, pa.bad = "planted", ta, pid, "time"
    pb.role, pb.time = "counter", tb
    return Planted(pid, "date", [f.id], a, b, extra={"moved": moved})


def plant_number(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One outlet gives a wrong figure; another the true one, exact or rounded."""
    outs = story.outlets
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
    return Planted(pid, "number", [f.id], a, b)


def plant_first(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One outlet calls a licence the first; another tells an earlier one (moved to two
    months or more before it when needed)."""
    outs = story.outlets
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
    ta, tb = time_pair(rng, x.date, outs[a], y.date, outs[b], after)
    pa.role, pa.first, pa.time, pa.planted, pa.bad = "planted", True, ta, pid, "first"
    pb.role, pb.time = "counter", tb
    # nobody else says "first", and x's own outlet tells no earlier licence
    return Planted(pid, "first", [x.id, y.id], a, b)


def plant_order(rng: random.Random, story: Story, facts: list[Fact], pid: str) -> Planted | None:
    """One outlet tells two events in one order ("then"), another dates them the other way
    round (the earlier one moved back when needed)."""
    outs = story.outlets
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
    tp, tq = time_pair(rng, p.date, outs[b], q.date, outs[b], after)
    pp_b.role, pp_b.time = "counter", tp
    pq_b.role, pq_b.time = "counter", tq
    return Planted(pid, "order", [q.id, p.id], a, b)


def plant_anachronism(
    rng: random.Random, story: Story, facts: list[Fact], pid: str
) -> Planted | None:
    """One outlet dates a fact after its own publication; the others mostly leave the
    date out or give a year that holds both."""
    outs = story.outlets
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
    return Planted(pid, "anachronism", [f.id], a, None, extra={"later": later})


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
    tb: TimeExpr | None
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
        moved = moved_date(rng, f.date, out.pub)
        te, tm = time_pair(rng, moved, out, f.date, out, disjoint)
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


# Who plants each kind but "count" (which reads every licence, used or not).
_PLANTERS: dict[str, Callable[[random.Random, Story, list[Fact], str], Planted | None]] = {
    "date": plant_date,
    "number": plant_number,
    "first": plant_first,
    "order": plant_order,
    "anachronism": plant_anachronism,
    "status": plant_status,
    "attribution": plant_attribution,
    "internal": plant_internal,
}
