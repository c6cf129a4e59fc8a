"""ST01: a status in conflict (licensed against refused, banned against lifted)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import combinations

from consistency.models import Claim, Finding, Tense
from consistency.rules.base import (
    Context,
    Rule,
    cite,
    reconcile_hints,
    same_object,
    scope_difference,
)


class Rule_ST01(Rule):
    """Two sources give the same entity opposite statuses at the same time.

    Opposites come from the event lexicon (``opposite``: licensed / refused-licence /
    lost-licence, banned / lifted-ban, approved / rejected) and from negation ("has not
    obtained a licence"). A claim without a date holds as of its article's date; claims
    at disjoint times are a sequence, not a conflict (banned in 2021, lifted in 2023).

    **Contradiction**

    - Outlet A (2024-03-01): "Acme obtained a licence in January."
    - Outlet B (2024-03-05): "Acme has not obtained a licence."

    **Consistent**

    - Outlet A: "The city banned the scooters in 2021."
    - Outlet B: "The city lifted the ban on scooters in 2023."
    """

    name = "status.conflict"
    kind = "status"
    severity = "high"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "Quarrydale Mining obtained a licence in May 2023."',
        'Outlet B: "Quarrydale Mining was refused a licence in May 2023."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        by_entity: dict[str, list[Claim]] = {}
        for c in ctx.claims:
            if c.event != "said" and not c.hedged and c.tense != Tense.FUTURE:
                by_entity.setdefault(c.entity, []).append(c)
        opposites = _opposites(ctx)
        done: set[tuple[str, str, str]] = set()
        for entity, claims in sorted(by_entity.items()):
            for a, b in combinations(claims, 2):
                if a.document == b.document:
                    continue
                if a.event == b.event:
                    if a.negated == b.negated:
                        continue
                elif (a.event, b.event) not in opposites or a.negated or b.negated:
                    continue
                if not _same_time(a, b, ctx) or not same_object(ctx, a, b):
                    continue
                if scope_difference(a, b):
                    continue  # "not yet a permit" against "a temporary permit": a scope
                key = (entity, *sorted((a.document, b.document)))
                if key in done:
                    continue
                done.add(key)  # type: ignore[arg-type]
                va, vb = _status(a), _status(b)
                msg = f"{entity}: {ctx.source(a)} has it {va}, {ctx.source(b)} has it {vb}."
                yield self.finding(
                    entity=entity,
                    event=a.event,
                    message=msg,
                    cited=[cite(a, va, ctx), cite(b, vb, ctx)],
                    confidence=min(a.confidence, b.confidence),
                    reconcile=reconcile_hints([a, b], ctx)
                    + ["the status may have changed between the two articles' dates"],
                )


def _opposites(ctx: Context) -> set[tuple[str, str]]:
    from consistency.extract import lexicon

    lex = ctx.lexicon or lexicon.default()
    out = set()
    for ev in lex.events.values():
        for o in ev.opposite:
            out.add((ev.id, o))
            out.add((o, ev.id))
    return out


def _status(c: Claim) -> str:
    when = f" ({c.time.label()})" if c.time is not None and c.time.resolved else ""
    return ("not " if c.negated else "") + c.event + when


def _as_of(c: Claim, ctx: Context) -> tuple[date | None, date | None]:
    if c.time is not None and c.time.resolved:
        return c.time.start, c.time.end
    published = ctx.doc(c).published
    return None, published  # holds up to its article's date


def _same_time(a: Claim, b: Claim, ctx: Context) -> bool:
    """Could both statuses hold at one moment, so that they contradict?"""
    if a.time is not None and b.time is not None and a.time.resolved and b.time.resolved:
        return not a.time.disjoint(b.time)
    neg, pos = (a, b) if a.negated else (b, a)
    if neg.negated != pos.negated:
        # "has not obtained" as of its date, against a licence dated before that date.
        _, neg_until = _as_of(neg, ctx)
        pos_start, _ = _as_of(pos, ctx)
        if neg_until is None:
            return False
        if pos_start is not None:
            return pos_start < neg_until
        pos_pub = ctx.doc(pos).published
        return pos_pub is not None and pos_pub <= neg_until
    # Opposite events, both undated: each holds as of its article; articles far apart may
    # tell a sequence (banned in one year, lifted in another).
    if (a.time is None or not a.time.resolved) and (b.time is None or not b.time.resolved):
        pa, pb = ctx.doc(a).published, ctx.doc(b).published
        return pa is not None and pb is not None and abs((pa - pb).days) <= _SAME_NEWS_DAYS
    return False


_SAME_NEWS_DAYS = 14
