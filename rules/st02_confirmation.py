"""ST02: a thing told as confirmed by one outlet and as unconfirmed by another."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.extract import confirmations
from consistency.models import STORY, Claim, FactKey, Finding
from consistency.rules.base import Context, Rule, cite
from consistency.rules.disputes import Dispute, by_value, outlets_say


class Rule_ST02(Rule):
    """One outlet tells a thing as confirmed, another as unconfirmed.

    Read from the parse: "unconfirmed reports of X", "X has not been confirmed" against
    "officials confirmed X" or "confirmed that ... X". Things meet by their noun and its
    compound words ("lightning strike"). An outlet that says both is left out: it may tell
    how the news moved.

    **Contradiction**

    - Outlet A: "There were unconfirmed reports of a gas explosion."
    - Outlet B: "Firefighters confirmed that a gas explosion caused the collapse."

    **Consistent**

    - Outlet A: "Police confirmed the gas explosion."
    - Outlet B: "Firefighters confirmed a gas explosion at the depot."
    """

    name = "status.confirmation"
    kind = "status"
    severity = "low"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "Officials confirmed a gas leak at the plant."',
        'Outlet B: "There were unconfirmed reports of a gas leak at the plant."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for key, group in ctx.facts_of(confirmations.KIND, confirmations.UNIT).items():
            d = _dispute(group)
            if d is not None:
                yield self._finding(ctx, key, d)

    def _finding(self, ctx: Context, key: FactKey, d: Dispute) -> Finding:
        msg = (
            f"{key.measure}: {outlets_say(ctx, d)}. Compared because both speak of {key.measure!r}."
        )
        return self.finding(
            entity=STORY,
            event=key.label(),
            message=msg,
            cited=[cite(c, str(c.object), ctx, how=c.why) for c in d.claims],
            confidence=0.6,
            reconcile=[
                "the thing may have been confirmed after the unconfirming article was written",
                "one outlet may report a source's confirmation that others do not trust",
            ],
        )


def _dispute(group: list[Claim]) -> Dispute | None:
    by_doc: dict[str, set[str]] = {}
    for c in group:
        by_doc.setdefault(c.document, set()).add(str(c.object))
    steady = {doc for doc, said in by_doc.items() if len(said) == 1}
    said = {s for doc in steady for s in by_doc[doc]}
    if said != {confirmations.CONFIRMED, confirmations.UNCONFIRMED}:
        return None
    return by_value([c for c in group if c.document in steady], lambda c: c.object)
