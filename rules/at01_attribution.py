"""AT01: the same quote or claim given to different people or sources."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from rapidfuzz import fuzz

from consistency.extract.quotes import normalize_quote
from consistency.linking.entities import speaks_for
from consistency.models import Claim, Finding
from consistency.rules.base import Context, Rule, cite


class Rule_AT01(Rule):
    """Two sources give the same quote, or the same claim, to different people or sources.

    Quotes are compared by their words (one may be a part of the other, or differ by a
    word or two); the speakers are compared after name resolution, so "Okafor" and "Dana Okafor"
    are one person. A claim told "according to Reuters" in one outlet and "according to
    Bloomberg" in another is reported with low severity: both may have reported it.

    **Contradiction**

    - Outlet A: "We will not back down," Mayor Elena Ruiz said.
    - Outlet B: "We will not back down," said council leader Tom Hale.

    **Consistent**

    - Outlet A: "We will not back down," Mayor Elena Ruiz said.
    - Outlet B: "We will not back down," Ruiz said on Tuesday.
    """

    name = "attribution.conflict"
    kind = "attribution"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-03-12: "The Ashby council voted on Monday to keep the new '
        'bus lanes on Market Street. ... "We will not back down on the bus lanes," Mayor '
        'Elena Ruiz said."',
        'Outlet B, published 2024-03-12: "The Ashby council voted on Monday to keep the new '
        'bus lanes on Market Street. ... "We will not back down on the bus lanes," said Tom '
        'Hale, the council leader."',
    )
    defaults = {"min_words": 6, "similarity": 90}

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        yield from self._quotes(ctx)
        yield from self._according_to(ctx)

    def _quotes(self, ctx: Context) -> Iterator[Finding]:
        quotes = [c for c in ctx.claims if c.event == "said" and c.object]
        done: set[tuple[str, str]] = set()
        for a, b in _candidate_pairs(quotes):
            if a.document == b.document or a.entity == b.entity:
                continue
            # "Harlow Motors" and "Harlow Motors Chairwoman Dana Pike": one speaker, two levels.
            if speaks_for(a.entity, b.entity) or speaks_for(b.entity, a.entity):
                continue
            a, b = sorted((a, b), key=lambda c: (c.document, c.index, c.id))
            if not self._same_quote(a.object or "", b.object or ""):
                continue
            key = tuple(sorted((a.id, b.id)))
            if key in done:
                continue
            done.add(key)  # type: ignore[arg-type]
            msg = (
                f'{ctx.source(a)} gives the quote "{_short(a.object)}" to {a.entity};'
                f" {ctx.source(b)} gives it to {b.entity}."
            )
            yield self.finding(
                entity=a.entity,
                event="said",
                message=msg,
                cited=[cite(a, f"said by {a.entity}", ctx), cite(b, f"said by {b.entity}", ctx)],
                confidence=min(a.confidence, b.confidence),
                reconcile=[
                    "both may have said it (a line repeated at an event, or a joint statement)"
                ],
            )

    def _same_quote(self, x: str, y: str) -> bool:
        nx_, ny = normalize_quote(x), normalize_quote(y)
        shorter = min(nx_, ny, key=len)
        if len(shorter.split()) < int(self.options["min_words"]):
            return False
        if shorter in (ny if shorter is nx_ else nx_):
            return True
        return fuzz.partial_ratio(nx_, ny) >= float(self.options["similarity"])

    def _according_to(self, ctx: Context) -> Iterator[Finding]:
        for (entity, event), claims in sorted(ctx.groups.items()):
            sourced = [
                c
                for c in claims
                if c.attributed_to and "according to" in c.sentence.lower() and not c.negated
            ]
            for a, b in combinations(sourced, 2):
                if a.document == b.document or a.attributed_to == b.attributed_to:
                    continue
                if a.time is not None and b.time is not None and a.time.disjoint(b.time):
                    continue  # different events: the date rule speaks of those
                msg = (
                    f"{entity} {event}: {ctx.source(a)} has it according to {a.attributed_to},"
                    f" {ctx.source(b)} according to {b.attributed_to}."
                )
                yield self.finding(
                    entity=entity,
                    event=event,
                    message=msg,
                    cited=[
                        cite(a, f"according to {a.attributed_to}", ctx),
                        cite(b, f"according to {b.attributed_to}", ctx),
                    ],
                    confidence=min(a.confidence, b.confidence) * 0.8,
                    severity="low",
                    reconcile=["both sources may have reported it; check who reported it first"],
                )


def _candidate_pairs(quotes: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of quotes to compare, without comparing every pair of a large corpus.

    Quotes with the same words form one group: one quote per speaker is compared with one
    of each other speaker. Distinct texts are paired when they share a run of four words
    (the same quote, reworded a little, always does).
    """
    by_text: dict[str, dict[str, Claim]] = {}
    for q in quotes:
        by_text.setdefault(normalize_quote(q.object or ""), {}).setdefault(q.entity, q)
    texts = sorted(by_text)
    pairs: list[tuple[Claim, Claim]] = []
    for t in texts:  # the same words, different speakers
        speakers = [by_text[t][e] for e in sorted(by_text[t])]
        pairs.extend(combinations(speakers, 2))
    index: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        words = t.split()
        for k in range(max(1, len(words) - 3)):
            index.setdefault(" ".join(words[k : k + 4]), []).append(i)
    linked: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= 50:  # a stock phrase in every article is no evidence
            linked.update(combinations(sorted(set(members)), 2))
    for i, j in sorted(linked):
        for a in by_text[texts[i]].values():
            for b in by_text[texts[j]].values():
                pairs.append((a, b))
    return pairs


def _short(text: str | None, n: int = 80) -> str:
    t = (text or "").strip()
    return t if len(t) <= n else t[: n - 1] + "…"


__all__ = ["Rule_AT01", "Claim"]
