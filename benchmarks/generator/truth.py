"""The ground truth, checked over the structured claims (never over the text): every conflict
among them comes from a plant, and each plant shows its own kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .figures import Qty
from .model import Plan, Quote, Story


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


def _same_fact_conflicts(by_fact: dict[str, list[Plan]]) -> list[Conflict]:
    """Two outlets' tellings of one fact: dates apart, figures apart, or different sources
    for one time."""
    found: list[Conflict] = []
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
    return found


def _anachronisms_and_firsts(story: Story, told: list[Plan]) -> list[Conflict]:
    """A claim dated after its own article, and a "first" that another outlet's earlier
    event of the same kind contradicts."""
    outs = story.outlets
    found: list[Conflict] = []
    for p in told:
        iv = claim_interval(p)
        if iv and iv[0] > outs[p.outlet].pub:
            found.append(Conflict("anachronism", [p]))
        if p.first and iv:
            for e in told:
                ie = claim_interval(e)
                if e.outlet != p.outlet and e.fact.event == p.fact.event and ie and ie[1] <= iv[0]:
                    found.append(Conflict("first", [p, e]))
    return found


def _status_conflicts(
    story: Story, plans: list[Plan], by_fact: dict[str, list[Plan]]
) -> list[Conflict]:
    """A status against the fact: an opposite event at an overlapping time, or a negation
    ("has not obtained a licence") as of its article's date against an earlier one."""
    outs = story.outlets
    found: list[Conflict] = []
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
    return found


def _count_conflicts(told: list[Plan]) -> list[Conflict]:
    """Two counts of one group, and a count smaller than the group as told."""
    found: list[Conflict] = []
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
    return found


def _quote_conflicts(story: Story) -> list[Conflict]:
    """One quote, two speakers."""
    found: list[Conflict] = []
    for i, q1 in enumerate(story.said):
        for q2 in story.said[i + 1 :]:
            if q1.outlet != q2.outlet and q1.text == q2.text and q1.who != q2.who:
                found.append(Conflict("attribution", [], "quote", [q1, q2]))
    return found


def _order_sign(px: Plan, py: Plan) -> int:
    """-1 when one outlet's telling puts ``px`` before ``py``, 1 after, 0 when it does not
    say (an explicit "then" wins over the dates)."""
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


def _order_conflicts(story: Story, by_fact: dict[str, list[Plan]]) -> list[Conflict]:
    """Two outlets tell two events in opposite orders."""

    def of(o: int, fid: str) -> list[Plan]:
        return [p for p in by_fact.get(fid, []) if p.outlet == o]

    def opposite(oa: int, ob: int, x: str, y: str) -> list[Conflict]:
        found: list[Conflict] = []
        for pxa, pya in ((pxa, pya) for pxa in of(oa, x) for pya in of(oa, y)):
            sa = _order_sign(pxa, pya)
            if not sa:
                continue
            for pxb, pyb in ((pxb, pyb) for pxb in of(ob, x) for pyb in of(ob, y)):
                if _order_sign(pxb, pyb) == -sa:
                    found.append(Conflict("order", [pxa, pya, pxb, pyb]))
        return found

    n = len(story.outlets)
    fids = [f.id for f in story.facts]
    found: list[Conflict] = []
    for oa in range(n):
        for ob in range(oa + 1, n):
            for i, x in enumerate(fids):
                for y in fids[i + 1 :]:
                    found += opposite(oa, ob, x, y)
    return found


def conflicts(story: Story) -> list[Conflict]:
    """Every conflict the story's claims make, planted or not, in a fixed order."""
    plans = claims_of(story)
    told = [p for p in plans if p.status is None]  # the fact as it happened, not its opposite
    by_fact: dict[str, list[Plan]] = {}
    for p in told:
        by_fact.setdefault(p.fact.id, []).append(p)
    return [
        *_same_fact_conflicts(by_fact),
        *_anachronisms_and_firsts(story, told),
        *_status_conflicts(story, plans, by_fact),
        *_count_conflicts(told),
        *_quote_conflicts(story),
        *_order_conflicts(story, by_fact),
    ]


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
