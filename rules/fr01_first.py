"""FR01: "first" (or "only") claims that the corpus contradicts."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.models import Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints, same_object, usable


class Rule_FR01(Rule):
    """A source calls an entity the first to do something, but it or another already had.

    "X became the first to obtain a licence on D" is contradicted by any source that dates
    the same event, for X or for anyone else, entirely before D. A qualifier on the "first"
    side only ("first retail licence") may scope the claim: the finding says so.

    **Contradiction**

    - Outlet A (2024-07-09): "Yesterday Acme became the first lender to obtain a licence."
    - Outlet B (2024-03-11): "Acme obtained a licence last November."

    **Consistent**

    - Outlet A: "Acme became the first lender to obtain a licence in July 2024."
    - Outlet B: "Beta obtained a licence in October 2024."
    """

    name = "first.conflict"
    kind = "first"
    severity = "high"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-07-09: "Yesterday Acme Corp became the first lender to '
        'obtain a licence."',
        'Outlet B, published 2024-03-11: "Acme Corp obtained a licence last November."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        by_event: dict[str, list] = {}
        for c in ctx.claims:
            if usable(c) and c.time is not None and c.time.resolved:
                by_event.setdefault(c.event, []).append(c)
        done: set[tuple[str, str, str]] = set()
        for event, claims in sorted(by_event.items()):
            firsts = [c for c in claims if "first" in c.qualifiers and not c.hedged]
            for f in firsts:
                for e in claims:
                    if e.document == f.document or not e.time.before(f.time):
                        continue
                    if not same_object(ctx, f, e):
                        continue  # the first desalination licence, not a grazing permit
                    key = (e.entity, f.document, e.document)
                    if key in done:
                        continue
                    done.add(key)
                    same = e.entity == f.entity or e.entity in f.group
                    who = e.entity if same else f"{e.entity} (not {f.entity})"
                    firsts_of = ", ".join(f.group) if f.group else f.entity
                    msg = (
                        f"{ctx.source(f)} calls {firsts_of} the first ({event},"
                        f" {f.time.label()}), but {ctx.source(e)} has {who} {event}"
                        f" already in {e.time.label()}."
                    )
                    hints = reconcile_hints([f, e], ctx)
                    scoped = [q for q in f.qualifiers if q != "first" and q not in e.qualifiers]
                    yield self.finding(
                        entity=e.entity,
                        event=event,
                        message=msg,
                        cited=[
                            cite(f, f"first, {f.time.label()}", ctx),
                            cite(e, e.time.label(), ctx),
                        ],
                        confidence=min(f.confidence, e.confidence),
                        severity="medium" if scoped else "high",
                        reconcile=hints,
                    )
