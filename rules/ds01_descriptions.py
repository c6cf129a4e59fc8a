"""DS01: a named entity described as different kinds of thing by different outlets."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.extract import descriptions
from consistency.models import Claim, FactKey, Finding
from consistency.rules.base import Context, Rule, cite
from consistency.rules.disputes import Dispute, by_value, entity_of, outlets_say


def _conflict(a: Claim, b: Claim, *, strict: bool) -> bool:
    """Two descriptions that cannot both hold. ``strict`` (across outlets) also asks that a
    person and an organisation be written the same way, not "Roe" and "Roe Holdings" merged
    into one name by resolution."""
    w = descriptions.words()
    if not a.object or not b.object or not w.conflict(a.object, b.object):
        return False
    if strict and descriptions.family(a) != descriptions.family(b):
        return a.mention.lower() == b.mention.lower()
    return True


class Rule_DS01(Rule):
    """One outlet calls a named entity one kind of thing, another a different kind.

    Descriptions are read from the parse: "the village of X", "X district", "X, a bank
    based in ...", "insurer X", "chief executive X", "X is a union". Type nouns map to
    classes in families (place, organisation, person) listed in data/descriptions.yaml.
    Two outlets disagree when their classes are different ones of one family (a village and
    a district) or of families that exclude each other (a person and an organisation); a
    generic class (a company, an area) and a loose pair (a town and a city) agree. An outlet
    that itself gives the entity two conflicting types ("X district" and "the town of X")
    shows that both exist under one name: it is left out, and that pair of types is then no
    conflict between other outlets either. Only outlets that are each consistent with
    themselves and whose types all differ from each other's are reported.

    **Contradiction**

    - Outlet A: "The landslide buried part of the village of Tarnwick."
    - Outlet B: "The landslide struck the upland district of Tarnwick."

    **Consistent**

    - Outlet A: "Halvard Mutual is a bank based in Corlow."
    - Outlet B: "The company Halvard Mutual said it would appeal."
    """

    name = "other.descriptions"
    kind = "other"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "Floods cut off the village of Larkmoor."',
        'Outlet B: "Floods cut off the Larkmoor district."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for key, group in ctx.facts_of(descriptions.KIND, descriptions.UNIT).items():
            d = _dispute(group)
            if d is not None:
                yield self._finding(ctx, key, d)

    def _finding(self, ctx: Context, key: FactKey, d: Dispute) -> Finding:
        families = sorted({descriptions.family(c) or "" for c in d.claims})
        classes = [v for v, _ in d.values]
        hints: list[str] = []
        if families == ["place"]:
            hints.append(
                "a district and its main village or town may share a name:"
                " the outlets may speak of two places"
            )
        elif families == ["organisation"]:
            hints.append(
                "one group may be both (a bank with an insurance arm), or the outlets may"
                " name different companies of one group"
            )
        elif len(families) > 1:
            hints.append(
                "a company may bear its founder's name: one outlet may mean the person,"
                " the other the organisation"
            )
        else:
            hints.append("two different things may share a name")
        for c in d.claims:
            if c.hedged:
                hints.append(f"{ctx.source(c)} hedges the description")
        cited = [cite(c, str(c.object), ctx, how=c.why) for c in d.claims]
        uncertain = any(c.hedged for c in d.claims)
        why = (
            f"{' and '.join(classes)} are different kinds of {families[0]}"
            if len(families) == 1
            else f"a {families[0]} cannot be a {families[1]}"
        )
        msg = (
            f"{key.measure} is described differently: {outlets_say(ctx, d)}."
            f" Compared because {why}, and each outlet describes {key.measure} one way only."
        )
        return self.finding(
            entity=entity_of(d),
            event=key.label(),
            message=msg,
            cited=cited,
            confidence=min(c.confidence for c in d.claims) * (0.6 if uncertain else 0.8),
            severity="low" if uncertain else self.severity,
            reconcile=hints,
        )


def _dispute(group: list[Claim]) -> Dispute | None:
    """The outlets that describe one entity in ways that cannot both hold, each consistent
    with itself; None when there are none."""
    claims = [c for c in group if not c.negated and c.object]
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document, []).append(c)
    # An outlet that gives two conflicting types itself ("X district" and "the town of X")
    # shows that both exist under one name: that pair of types is no conflict for anyone.
    both = {
        frozenset((str(a.object), str(b.object)))
        for cs in by_doc.values()
        for i, a in enumerate(cs)
        for b in cs[i + 1 :]
        if _conflict(a, b, strict=False)
    }
    steady = {
        doc: cs
        for doc, cs in by_doc.items()
        if not any(
            frozenset((str(c.object), str(x.object))) in both for c in cs for x in cs if c is not x
        )
    }
    # Outlets that give the same classes are interchangeable: compare one of each.
    reps: dict[frozenset[str], str] = {}
    for doc in sorted(steady):
        reps.setdefault(frozenset(str(c.object) for c in steady[doc]), doc)
    disputed: set[str] = set()  # classes on either side of a conflict
    sigs = sorted(reps, key=sorted)
    for i, a in enumerate(sigs):
        for b in sigs[i + 1 :]:
            ca, cb = steady[reps[a]], steady[reps[b]]
            # Two outlets differ only when no description of one fits one of the other.
            if all(
                _conflict(x, y, strict=True)
                and frozenset((str(x.object), str(y.object))) not in both
                for x in ca
                for y in cb
            ):
                disputed |= a | b
    if not disputed:
        return None
    shown = [c for doc in sorted(steady) for c in steady[doc] if c.object in disputed]
    return by_value(shown, lambda c: c.object)
