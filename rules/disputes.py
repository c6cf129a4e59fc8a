"""One finding per disputed fact: the values of a fact key, and which outlets give each.

Shared by the rules that read the graph's fact keys (NU02 figures, DT02 dates). A value
of one document is *disputed* when another document states the same fact and none of its
values is compatible with it: a document may give several values of one key ("approved
6,914 to 5,230"), and each one only needs a match on the other side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from consistency.models import (
    STORY,
    Cited,
    Claim,
    FactKey,
    Finding,
    Quantity,
    Tense,
    owners_agree,
)
from consistency.rules.base import Context, Rule


@dataclass(frozen=True)
class Dispute:
    """The claims of one disputed fact, grouped by value (most outlets first)."""

    claims: tuple[Claim, ...]
    values: tuple[tuple[str, tuple[Claim, ...]], ...]  # (value label, claims stating it)
    sources_differ: bool  # each side attributes its value to a different named source


def disputes(
    groups: dict[FactKey, list[Claim]],
    value: Callable[[Claim], str | None],
    compatible: Callable[[Claim, Claim], bool],
    related: Callable[[Claim, Claim], bool] = lambda a, b: True,
) -> Iterator[tuple[FactKey, Dispute]]:
    """The disputed facts among the groups whose claims carry a value.

    ``related`` says whether two incompatible values can be two tellings of one fact at
    all (figures an order of magnitude apart are more likely two facts under one key).
    A document that itself gives incompatible values of one fact (related ones) in different
    sentences does not pin the fact down, and is left out of the comparison.
    """
    for key, group in sorted(groups.items()):
        claims = [c for c in group if c.key is not None and not c.negated and value(c)]
        docs = sorted({c.document for c in claims})
        if len(docs) < 2:
            continue
        by_doc = {d: [c for c in claims if c.document == d] for d in docs}
        # Documents that state the same values are interchangeable: compare one of each,
        # so 2,000 outlets with three values cost 3 x 3 comparisons, not 2,000 x 2,000.
        reps = list({_signature(by_doc[d]): d for d in reversed(docs)}.values())[::-1]
        # Values too far apart or at other times are other facts, not an article's doubt.
        agree = lambda a, b: compatible(a, b) or not related(a, b)  # noqa: E731
        reps = [d for d in reps if not _ambiguous(by_doc[d], agree)]
        if len(reps) < 2:
            continue
        cited: dict[str, Claim] = {}
        for d in reps:
            for o in reps:
                if o == d:
                    continue
                for c in by_doc[d]:
                    near = [x for x in by_doc[o] if owners_agree(c, x) and related(c, x)]
                    if near and not any(compatible(c, x) for x in near):
                        for x in (c, *near):
                            cited[x.id] = x
        if not cited:
            continue
        # Everyone else who gives one of the disputed values, so the editor sees who says
        # what (a coarser value compatible with both sides, "2023", takes no side).
        values = {value(c) for c in cited.values()}
        shown = [c for c in claims if c.id in cited or value(c) in values]
        sources = {c.attributed_to for c in shown}
        yield key, by_value(shown, value, sources_differ=None not in sources and len(sources) > 1)


def by_value(
    shown: Sequence[Claim], value: Callable[[Claim], str | None], sources_differ: bool = False
) -> Dispute:
    """The dispute of these claims, grouped by value, the value most outlets give first."""
    labels: dict[str, list[Claim]] = {}
    for c in shown:
        labels.setdefault(str(value(c)), []).append(c)
    ordered = sorted(labels.items(), key=lambda kv: (-len({c.document for c in kv[1]}), kv[0]))
    return Dispute(
        claims=tuple(shown),
        values=tuple((v, tuple(cs)) for v, cs in ordered),
        sources_differ=sources_differ,
    )


def entity_of(d: Dispute) -> str:
    """The owner most sources name, or :data:`~consistency.models.STORY`."""
    named = [c.entity for c in d.claims if c.entity != STORY]
    return max(sorted(set(named)), key=named.count) if named else STORY


def _signature(cs: Sequence[Claim]) -> tuple[str, ...]:
    """What a document states of one fact, as compared: values, whose, attributed to whom."""
    return tuple(sorted(repr((c.quantity, c.time, c.entity, c.attributed_to)) for c in cs))


def _ambiguous(cs: Sequence[Claim], compatible: Callable[[Claim, Claim], bool]) -> bool:
    return any(
        a.sentence != b.sentence and owners_agree(a, b) and not compatible(a, b)
        for i, a in enumerate(cs)
        for b in cs[i + 1 :]
    )


def report(
    rule: Rule,
    ctx: Context,
    key: FactKey,
    d: Dispute,
    *,
    what: str,
    cited: Sequence[Cited],
    uncertain: bool,
    hints: Sequence[str],
) -> Finding:
    """The finding of one disputed fact: who says what, why the claims were compared.
    ``uncertain`` (a hedged figure, an inferred date) lowers severity and confidence."""
    severity = "low" if d.sources_differ else ("medium" if uncertain else "high")
    return rule.finding(
        entity=entity_of(d),
        event=key.label(),
        message=(
            f"{key.label()}: {outlets_say(ctx, d)}. The {what} do not overlap."
            f" Compared because {d.claims[0].why or 'they share a fact key'}."
        ),
        cited=cited,
        confidence=min(c.confidence for c in d.claims) * (0.8 if uncertain else 1.0),
        severity=severity,
        reconcile=hints,
    )


def outlets_say(ctx: Context, d: Dispute) -> str:
    """ "2 outlets (A, B): 37,000; 1 outlet (C): 36,000"."""
    parts = []
    for v, cs in d.values:
        names = sorted({ctx.source(c) for c in cs})
        n = len(names)
        shown = ", ".join(names[:4]) + (f" and {n - 4} more" if n > 4 else "")
        parts.append(f"{n} outlet{'s' if n != 1 else ''} ({shown}): {v}")
    return "; ".join(parts)


# --- figures -------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def bounds(q: Quantity) -> tuple[float, float]:
    """The interval a figure allows: its bounds and hedges, and for a bare figure the
    rounding its written digits imply ("36,000" is 35,500..36,500; "64.3%" is exact to a
    tenth; "$2 billion" is 1.95..2.05 billion)."""
    v = q.value
    if v is None:
        return q.low, q.high
    if q.unit == "%" and q.approx and q.low < v:
        # A hedged share is hedged by points, not by a tenth of itself: "nearly 38%" is
        # not 33%, "about 64%" is 62..66.
        margin = max(1.0, 0.03 * v)
        return v - margin, (v if q.high == v else v + margin)
    exact_or_round = (q.low == q.high == v) or (not q.approx and q.low < v < q.high)
    if not exact_or_round:
        return q.low, q.high
    m = _DIGITS.search(q.text or "")
    if not m:
        return v, v
    digits = m.group().replace(",", "")
    written = float(digits)
    scale = v / written if written else 1.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        # Rounded at its last non-zero digit, but read to at least two significant digits:
        # "10,000" may be 9,500..10,500, not 5,000..15,000 ("$10,000 bonus" is exact).
        stripped = digits.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0"))
        step = 10.0 ** min(zeros, max(len(stripped) - 2, 0))
        if len(stripped) == 1 and scale > 1:
            step = 0.1  # "$2 billion": 1.95..2.05 billion
    # Half a step either way, a hair less so that 36,000 and 37,000 do not touch. A whole
    # percentage is a rounded share ("55%" of 6,914 in 12,460); a whole count is exact.
    rounded = step != 1.0 or scale > 1 or "." in digits or q.unit == "%"
    half = step * scale * 0.4999 if rounded else 0.0
    return v - half, v + half


def figures_related(a: Claim, b: Claim, ratio: float = 3.0) -> bool:
    """Figures close enough to be two tellings of one fact: within ``ratio`` of each other."""
    va = a.quantity.value if a.quantity else None
    vb = b.quantity.value if b.quantity else None
    if not va or not vb:
        return True
    return max(va, vb) / min(va, vb) <= ratio


def anchors_meet(a: Claim, b: Claim, published: Callable[[Claim], date | None]) -> bool:
    """Whether two figures can hold at the same time. A figure's anchor is the time in its
    own clause ("employed 300 in 2021"); a figure told in the present without one holds
    around its article's publication (the fortnight before it); a past or future figure
    without one may hold at any time. Figures at times that do not overlap are two facts
    ("300 in 2021" and "480 in 2023"), not one disputed."""
    spans = []
    for c in (a, b):
        t = c.time
        day = published(c)
        if t is not None and t.resolved:
            assert t.start and t.end
            spans.append((t.start, t.end))
        elif c.tense == Tense.PRESENT and day is not None:
            spans.append((day - timedelta(days=14), day + timedelta(days=1)))
        else:
            return True  # nothing says when it holds: it may be the other's time
    (s1, e1), (s2, e2) = spans
    return s1 < e2 and s2 < e1


def figures_compatible(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return True
    la, ha = bounds(qa)
    lb, hb = bounds(qb)
    return la <= hb and lb <= ha
