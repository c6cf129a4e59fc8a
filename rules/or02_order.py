"""OR02: two events told in opposite order ("caught fire after docking" / "docked after
catching fire"), across outlets or within one article."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.extract import orders
from consistency.models import Cited, Claim, FactKey, Finding, owners_agree
from consistency.rules.base import Context, Rule, cite
from consistency.rules.disputes import Dispute, entity_of, outlets_say


class Rule_OR02(Rule):
    """Two events told in opposite order, on open vocabulary.

    An order claim relates a sentence's main event to the event a connective introduces:
    "after", "following", "before", "prior to", "A, then B", or a state that already held
    "when" an event came ("was already on fire when it docked"). Events are compared by class
    ("caught fire", "burst into flames" and "a blaze broke out" are one event). When one
    outlet, or one article in another sentence, tells A before B and another B before A,
    one of them is wrong. Events told as simultaneous ("upon landing", "as it landed")
    contradict neither order and are only listed.

    **Contradiction**

    - Outlet A: "The Kestrel Air freighter caught fire after landing at Port Alder."
    - Outlet B: "The Kestrel Air freighter landed at Port Alder after catching fire."

    **Consistent**

    - Outlet A: "The freighter caught fire after landing at Port Alder."
    - Outlet B: "The freighter landed, then burst into flames on the apron."
    """

    name = "order.opposite"
    kind = "order"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "The roof collapsed after the fire started."',
        'Outlet B: "The fire started after the roof collapsed."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for key, group in ctx.facts_of(orders.KIND).items():
            finding = self._check(ctx, key, group)
            if finding is not None:
                yield finding

    def _check(self, ctx: Context, key: FactKey, group: list[Claim]) -> Finding | None:
        read = [(c, orders.relation(c)) for c in group if not c.negated]
        sides = _opposite_sides(read)
        if sides is None:
            return None
        a, b, one, other = sides
        at = [c for c, r in read if r is not None and r[1] == orders.AT]
        ranked = sorted(
            [(f"{a} before {b}", one), (f"{b} before {a}", other)],
            key=lambda kv: (-len({c.document for c in kv[1]}), kv[0]),
        )
        values = [(label, tuple(cs)) for label, cs in ranked]
        if at:
            values.append((f"{a} and {b} at the same time", tuple(at)))
        shown = tuple(c for _, cs in values for c in cs)
        sources = {c.attributed_to for c in one + other}
        d = Dispute(
            claims=shown,
            values=tuple(values),
            sources_differ=None not in sources and len(sources) > 1,
        )
        internal = sorted({c.document for c in one} & {c.document for c in other})
        cited = [_cite_order(ctx, c) for c in shown]
        hints = _hints(ctx, group, (a, b), at, internal, one + other)
        uncertain = d.sources_differ or any(c.hedged for c in one + other)
        where = " (also within one article)" if internal else ""
        msg = (
            f"{key.label()}: {outlets_say(ctx, d)}{where}. Two events cannot each come first."
            f" Compared because both relate the {a} and the {b} by a temporal connective"
            f" (event classes, not just the same words)."
        )
        return self.finding(
            entity=entity_of(d),
            event=key.label(),
            message=msg,
            cited=cited,
            confidence=min(c.confidence for c in one + other) * (0.6 if uncertain else 0.8),
            severity="low" if uncertain else self.severity,
            reconcile=hints,
        )


Relation = tuple[str, str, str]


def _opposite_sides(
    read: list[tuple[Claim, Relation | None]],
) -> tuple[str, str, list[Claim], list[Claim]] | None:
    """The two events A and B, the claims that tell A before B and those that tell B
    before A, kept only where two of them dispute (their owners agree, and they are not
    one sentence); None when no two claims tell opposite orders."""
    strict = [(c, r) for c, r in read if r is not None and r[1] == orders.BEFORE]
    firsts = sorted({r[0] for _, r in strict})
    if len(firsts) < 2:
        return None
    a, b = firsts
    one = [c for c, r in strict if r[0] == a]
    other = [c for c, r in strict if r[0] == b]
    pairs = [
        (x, y)
        for x in one
        for y in other
        if owners_agree(x, y) and (x.document != y.document or x.sentence != y.sentence)
    ]
    if not pairs:
        return None
    disputed = {c.id for p in pairs for c in p}
    one = [c for c in one if c.id in disputed]
    other = [c for c in other if c.id in disputed]
    return a, b, one, other


def _cite_order(ctx: Context, c: Claim) -> Cited:
    """A claim cited with the order it tells and the connective it was read from."""
    rel = orders.relation(c)
    assert rel is not None
    value = (
        f"{rel[0]} before {rel[2]}"
        if rel[1] == orders.BEFORE
        else f"{rel[0]} and {rel[2]} at the same time"
    )
    how = f'"{c.trigger}": {c.why}' if c.why else f'"{c.trigger}"'
    if c.attributed_to:
        how += f", according to {c.attributed_to}"
    return cite(c, value, ctx, how=how)


def _hints(
    ctx: Context,
    group: list[Claim],
    events: tuple[str, str],
    at: list[Claim],
    internal: list[str],
    disputing: list[Claim],
) -> list[str]:
    """How both orders could be true: a start and a spread, loose wording, outlets that
    tell the two as simultaneous, an article telling both, a hedge."""
    a, b = events
    hints = [
        f"the {a} may have begun before the {b} and gone on or spread after it: one"
        f" outlet may tell its start, the other its spread"
        f" (a fire may have started in flight and spread after landing)",
        "'after' or 'following' may be loose wording for 'at the time of'",
    ]
    if at:
        hints.append(
            f"{len({c.document for c in at})} outlet(s) tell the {a} and the {b} as"
            " simultaneous ('upon', 'when', 'as'), which fits either order loosely"
        )
    if internal:
        names = sorted({ctx.source(c) for c in group if c.document in internal})
        verb = "tells" if len(names) == 1 else "each tell"
        hints.append(
            f"{', '.join(names)} {verb} both orders: it may report an early account"
            " and a later correction, or quote two sources"
        )
    if any(c.hedged for c in disputing):
        hints.append("a side hedges its account ('reportedly', 'apparently')")
    return hints
