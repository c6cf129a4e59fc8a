"""FR02: record claims that cannot all be true ("the largest ever" / "the largest since")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from consistency.extract import records
from consistency.models import Claim, FactKey, Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints
from consistency.rules.disputes import Dispute, disputes, entity_of, outlets_say


def _compatible(a: Claim, b: Claim) -> bool:
    """Two record claims agree when both are all-time or both bounded ("since 1931" and
    "since 1990" both deny a record; how far back is not compared)."""
    return records.scope(a) == records.scope(b)


class Rule_FR02(Rule):
    """One outlet calls something a record, another the biggest only since a year.

    A superlative with a scope is a record claim: "the biggest defeat ever", "in history",
    "on record", "a record defeat" are all-time; "the heaviest defeat since 1931", "the
    worst in 30 years" and "the last time a cabinet was so heavily defeated was in 1931" say
    an equal or bigger one came before, so it is no record. Claims are compared per noun
    ranked and direction (biggest, heaviest and worst meet; smallest does not), leniently
    by owner. The scope of a "since" claim may be another measure or category than the
    record's, so this is a medium finding at most, with that hint.

    **Contradiction**

    - Outlet A: "The cabinet suffered the heaviest defeat in the assembly's history."
    - Outlet B: "It was the biggest defeat for a cabinet since 1931."

    **Consistent**

    - Outlet A: "The storm was the deadliest since 1990."
    - Outlet B: "It was the deadliest storm to hit the coast since 1990."
    """

    name = "first.records"
    kind = "first"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-03-06: "The Harbour Lights Festival drew its largest crowd '
        'ever on Saturday, organisers said."',
        "Outlet B, published 2024-03-06: \"Organisers said Saturday's crowd at the Harbour "
        'Lights Festival was the biggest crowd since 1990."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        mine = ctx.facts_of("first", "record")
        for key, d in disputes(mine, records.scope_label, _compatible):
            yield self._finding(ctx, key, d)

    def _finding(self, ctx: Context, key: FactKey, d: Dispute) -> Finding:
        bounded = [c for c in d.claims if records.scope(c) == records.SINCE]
        # The scope is what is compared, not a qualifier that could reconcile the claims.
        hints = reconcile_hints([replace(c, qualifiers=()) for c in d.claims], ctx)
        scopes = sorted({c.time.text for c in bounded if c.time is not None})
        shown = ", ".join(f"'{s}'" for s in scopes) or "the bounded claim"
        hints.append(f"{shown} may compare with a different measure or category than the record")
        hints.append(
            f"the record may be for a narrower kind of {key.measure}"
            f" (for one body, one place or one period), not any {key.measure}"
        )
        if any(c.time is not None and c.time.text.startswith("in ") for c in bounded):
            hints.append("'in N years' may be a loose figure of speech rather than a bound")
        owners = {c.entity for c in d.claims}
        if len(owners) > 1:
            hints.append(
                "the claims name different owners ("
                + ", ".join(sorted(owners))
                + "): one may be a record of its own"
            )
        cited = []
        for c in d.claims:
            trigger = c.trigger or key.role
            how = f"{c.why}" if c.why else f'"{trigger}"'
            if c.attributed_to:
                how += f", according to {c.attributed_to}"
            cited.append(cite(c, str(records.scope_label(c)), ctx, how=how))
        uncertain = d.sources_differ or len(owners) > 1 or any(c.hedged for c in d.claims)
        rule = (
            "A first has none before it"
            if key.role == "first"
            else "A record has no equal or bigger one before it"
        )
        msg = (
            f"{key.label()}: {outlets_say(ctx, d)}. {rule}."
            f" Compared because both rank {key.measure!r} ({key.role})."
        )
        return self.finding(
            entity=entity_of(d),
            event=key.label(),
            message=msg,
            cited=cited,
            confidence=min(c.confidence for c in d.claims) * (0.7 if uncertain else 0.9),
            severity="low" if uncertain else self.severity,
            reconcile=hints,
        )
