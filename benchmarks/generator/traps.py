"""The traps: pairs of claims that look like a discrepancy and are none (a month inside a
year, a rounded figure and the exact one, a statement's date, a teaser ...).

``set_trap`` hands each kind of trap to its own setter; a setter returns the trap it set, or
None when no fact of the story can carry it."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .figures import is_round, qty_about, qty_bound, qty_exact
from .model import Fact, Plan, Story, Trap
from .plans import choose_time, plan
from .times import DAY_FORMS, MONTH_FORMS, RELATIVE_FORMS, YEAR_FORMS
from .vocabulary import DOMAINS, SAID_EVENTS


@dataclass
class _Setting:
    """What every trap setter needs: the story, the trap's kind and id, and the facts no
    plant or earlier trap uses (``clean``)."""

    rng: random.Random
    story: Story
    kind: str
    busy: list[str]
    clean: list[Fact]
    tid: str

    def two(self, f: Fact) -> tuple[int, int]:
        """Two different outlets that tell fact ``f``."""
        a, b = self.rng.sample(f.outlets, 2)
        return a, b

    def trap_plans(self, f: Fact, u: int, v: int) -> tuple[Plan, Plan]:
        """The plans of outlets ``u`` and ``v`` for ``f``, both marked as a trap's."""
        pu, pv = plan(self.story, f, u), plan(self.story, f, v)
        pu.role = pv.role = "trap"
        return pu, pv

    def trap(self, f: Fact, outlets: list[int], note: str, **extra: int) -> Trap:
        """The trap set on ``f`` in ``outlets``; ``extra`` says where it sits (a teaser's host)."""
        return Trap(self.tid, self.kind, f.id, outlets, note, extra=dict(extra))


def _month_in_year(s: _Setting) -> Trap | None:
    """One outlet gives the year, another the month inside it."""
    outs = s.story.outlets
    for f in s.clean:
        if f.date is None:
            continue
        u, v = s.two(f)
        tu = choose_time(s.rng, f.date, outs[u], YEAR_FORMS)
        tv = choose_time(s.rng, f.date, outs[v], MONTH_FORMS)
        if tu and tv:
            pu, pv = s.trap_plans(f, u, v)
            pu.time, pv.time = tu, tv
            return s.trap(f, [u, v], "a month inside the year: no conflict")
    return None


def _relative_and_absolute(s: _Setting) -> Trap | None:
    """One outlet dates a fact relative to its own publication, another absolutely."""
    outs = s.story.outlets
    for f in s.clean:
        if f.date is None:
            continue
        for u, v in (s.two(f), s.two(f)[::-1]):
            tu = choose_time(s.rng, f.date, outs[u], RELATIVE_FORMS)
            if tu is None:
                continue
            want = {"day": "abs_day", "month": "abs_month", "year": "abs_year"}.get(
                tu.gran, s.rng.choice(["abs_day", "abs_month"])
            )
            tv = choose_time(s.rng, f.date, outs[v], (want,))
            assert tv is not None
            pu, pv = s.trap_plans(f, u, v)
            pu.time, pv.time = tu, tv
            return s.trap(
                f, [u, v], "a relative time read from its article's date and an absolute one agree"
            )
    return None


def _rounded_or_bound(s: _Setting) -> Trap | None:
    """One outlet rounds a figure (or gives a bound around it), another gives it exactly."""
    outs = s.story.outlets
    rounding = s.kind == "rounding"
    for f in s.clean:
        if f.figure is None:
            continue
        u, v = s.two(f)
        qu = (qty_about if rounding else qty_bound)(f.figure, outs[u].style, s.rng)
        if qu is None:
            continue
        qv = qty_exact(f.figure, outs[v].style, s.rng)
        if rounding and is_round(f.figure.value):
            continue
        pu, pv = s.trap_plans(f, u, v)
        pu.qty, pv.qty = qu, qv
        note = (
            "a rounded figure and the exact one agree"
            if rounding
            else "a bound and a figure inside it agree"
        )
        return s.trap(f, [u, v], note)
    return None


def _retail(s: _Setting) -> Trap | None:
    """Two outlets name one licence, one of them with 'retail' in its name."""
    retail = DOMAINS[s.story.domain]["retail"]
    for f in s.clean:
        if f.event != "licensed" or not retail:
            continue
        u, v = s.two(f)
        pu, _ = s.trap_plans(f, u, v)
        pu.retail = True
        return s.trap(f, [u, v], "the same licence, with 'retail' in one outlet only")
    return None


def _true_first(s: _Setting) -> Trap | None:
    """An outlet calls the earliest licence the first, and nothing contradicts it."""
    story = s.story
    lic = [f for f in story.facts if f.event == "licensed" and f.date is not None]
    if not lic or any(p.first for p in story.plans.values()):
        return None
    x = min(lic, key=lambda f: f.date or date.max)
    if x.id in s.busy:
        return None
    others = [f for f in lic if f is not x]
    if any((f.date or date.max) <= (x.date or date.min) for f in others):
        return None
    u = s.rng.choice(x.outlets)
    pu = plan(story, x, u)
    if pu.role != "free":
        return None
    pu.role, pu.first, pu.dated = "trap", True, True
    note = "called the first, and no outlet has anyone licensed before it" + (
        " (the other licences come later)" if others else ""
    )
    return s.trap(x, [u], note)


def _said_that(s: _Setting) -> Trap | None:
    """One outlet dates the statement that reported a fact, another the fact itself."""
    outs = s.story.outlets
    for f in s.clean:
        if (
            f.date is None
            or f.event not in SAID_EVENTS
            or s.story.entities[f.key].kind in ("person", "festival", "scheme")
        ):
            continue
        u, v = s.two(f)
        for gap in s.rng.sample(range(1, 5), 4):
            said = f.date + timedelta(days=gap)
            if said >= outs[u].pub:
                continue
            ts = choose_time(s.rng, said, outs[u], DAY_FORMS)
            tv = choose_time(s.rng, f.date, outs[v], ("abs_day", "abs_day_noyear"))
            if ts and tv:
                pu, pv = s.trap_plans(f, u, v)
                pu.said_day, pu.said_expr = said, ts
                pv.time = tv
                return s.trap(
                    f, [u, v], "the date of a statement is not the date of the event it reports"
                )
    return None


def _teaser(s: _Setting) -> Trap | None:
    """A teaser for another story, with its own date, in one outlet's page furniture."""
    story = s.story
    cands = [f for f in s.clean if f.date is not None and story.entities[f.key].kind != "person"]
    hosts = [i for i, o in enumerate(story.outlets) if o.fmt in ("txt", "html", "md")]
    if not cands or not hosts:
        return None
    f = s.rng.choice(cands)
    h = s.rng.choice(hosts)
    return s.trap(f, [h], "a teaser in the page furniture, with its own date", host=h)


_SETTERS: dict[str, Callable[[_Setting], Trap | None]] = {
    "month_in_year": _month_in_year,
    "rel_abs": _relative_and_absolute,
    "rounding": _rounded_or_bound,
    "bound": _rounded_or_bound,
    "retail": _retail,
    "true_first": _true_first,
    "said_that": _said_that,
    "teaser": _teaser,
}


def set_trap(rng: random.Random, story: Story, kind: str, busy: list[str]) -> Trap | None:
    """Set one trap of ``kind`` on a fact no plant uses (``busy`` holds the used ones)."""
    if kind not in _SETTERS:
        raise ValueError(kind)
    clean = [f for f in story.facts if f.id not in busy]
    tid = f"{story.folder}-{kind.replace('_', '-')}"
    return _SETTERS[kind](_Setting(rng, story, kind, busy, clean, tid))
