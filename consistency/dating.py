"""Publication dates for documents that have none, inferred from the corpus and the text.

A document without a date cannot resolve "this year" or "in December". We try candidate
dates (the dates of the corpus's dated documents, and the day after each event that the
undated document tells as past and a dated document dates) and keep the one under which
the document agrees best with the dated sources:

- a relative time of the document that, read from the candidate, overlaps the time a dated
  source gives the same entity and event, counts for it; a disjoint one counts against;
- an event the document tells as past, which a dated source dates on or after the
  candidate, counts against (an article cannot report what had not happened yet);
- an absolute past date in the document after the candidate counts against.

Ties go to the latest lower bound the evidence gives, then to the candidate closest to
the corpus's median date. The document is marked ``inferred``, the note says why, and the
confidence of what depends on the date is lowered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from consistency.models import Claim, Document

# Dates the corpus trusts as anchors for inference.
_TRUSTED = ("sidecar", "header", "meta", "dateline")


@dataclass(frozen=True)
class _Score:
    score: int
    violations: int
    reasons: tuple[str, ...]


def infer_dates(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    extract_with: Callable[[Document], list[Claim]],
) -> list[Document]:
    """Documents with a date inferred where they had none (others unchanged).

    ``claims`` are the resolved claims of all documents; ``extract_with(doc)`` extracts
    (and resolves) the claims of one document with a candidate date.
    """
    dated = [d for d in documents if d.published is not None and d.published_from in _TRUSTED]
    if not dated:
        return list(documents)
    reference = _reference(documents, claims)
    names = {d.id: d.name for d in documents}
    corpus_dates = sorted(d.published for d in dated if d.published)
    median = corpus_dates[len(corpus_dates) // 2]

    out = []
    for doc in documents:
        if doc.published is not None:
            out.append(doc)
            continue
        own = [c for c in claims if c.document == doc.id]
        bounds = set()
        for c in own:
            if c.tense == "past" and not c.hedged and not c.negated:
                for r in reference.get((c.entity, c.event), ()):
                    assert r.time is not None and r.time.end is not None
                    bounds.add(r.time.end)
        candidates = sorted(set(corpus_dates) | bounds)
        best: tuple[tuple[int, int, int, int], date, _Score] | None = None
        for cand in candidates:
            trial = replace(doc, published=cand, published_from="inferred")
            s = _score(extract_with(trial), reference, cand, names)
            lower = max((b for b in bounds if b <= cand), default=None)
            rank = (
                -s.score,
                s.violations,
                0 if lower == cand else 1,
                abs((cand - median).days),
            )
            if best is None or rank < best[0]:
                best = (rank, cand, s)
        assert best is not None
        _, chosen, s = best
        if not s.reasons:
            note = (
                f"no date in the text; set to the corpus's median date {chosen.isoformat()}"
                " (no evidence either way)"
            )
            confidence = 0.5
        else:
            note = "inferred from the corpus: " + "; ".join(s.reasons[:3])
            confidence = 0.75 if s.violations == 0 else 0.6
        out.append(
            replace(
                doc,
                published=chosen,
                published_from="inferred",
                published_note=note,
                confidence=confidence,
            )
        )
    return out


def check_dates(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    extract_with: Callable[[Document], list[Claim]],
) -> list[Document]:
    """Replace page dates that the text contradicts (a capture date taken for the article's).

    A date from page metadata or a dateline is tried against the same evidence as an
    inferred one. When another date fits the text clearly better (its relative dates agree
    with the other sources where the page date makes them disagree, or the text tells as
    past what the others date after the page date) and the two are months apart, the page
    date is taken for the day the page was captured: the document gets the better date,
    marked ``inferred`` with a note saying why. A sidecar date is never second-guessed.
    """
    others = [d for d in documents if d.published is not None and d.published_from in _TRUSTED]
    if len(others) < 2:
        return list(documents)
    out = []
    for doc in documents:
        if doc.published is None or doc.published_from not in ("meta", "dateline"):
            out.append(doc)
            continue
        rest = [d for d in documents if d.id != doc.id]
        rest_claims = [c for c in claims if c.document != doc.id]
        undated = replace(doc, published=None, published_from="none")
        guess = infer_dates([*rest, undated], [*rest_claims, *(
            c for c in claims if c.document == doc.id)], extract_with)  # fmt: skip
        inferred = next(d for d in guess if d.id == doc.id)
        reference = _reference(rest, rest_claims)
        names = {d.id: d.name for d in documents}
        own = _score(extract_with(doc), reference, doc.published, names)
        if inferred.published is None or inferred.published_from != "inferred":
            out.append(doc)
            continue
        alt = _score(
            extract_with(replace(doc, published=inferred.published, published_from="inferred")),
            reference,
            inferred.published,
            names,
        )
        # A page is captured after it is published: only a later page date can be a capture
        # date, and only agreement (not a missing event) may argue for it, or a real
        # discrepancy would be explained away.
        better = alt.score - own.score >= 3 and alt.violations <= own.violations and own.score < 0
        # Captures come long after publication; a few weeks' difference is a real dispute.
        if better and (doc.published - inferred.published).days > _CAPTURE_GAP_DAYS:
            note = (
                f"the page's date {doc.published.isoformat()} ({doc.published_from}) looks like"
                f" the day the page was captured, not published: the text fits"
                f" {inferred.published.isoformat()} better, which is used instead"
            )
            out.append(
                replace(
                    doc,
                    published=inferred.published,
                    published_from="inferred",
                    published_note=f"{inferred.published_note}; {note}",
                    notes=(*doc.notes, note),
                    confidence=min(doc.confidence, 0.6),
                )
            )
        else:
            out.append(doc)
    return out


_CAPTURE_GAP_DAYS = 180


def _reference(
    documents: Sequence[Document], claims: Sequence[Claim]
) -> dict[tuple[str, str], list[Claim]]:
    dated_ids = {
        d.id for d in documents if d.published is not None and d.published_from in _TRUSTED
    }
    reference: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.document in dated_ids and c.time is not None and c.time.resolved and not c.negated:
            reference.setdefault((c.entity, c.event), []).append(c)
    return reference


def _score(
    claims: Sequence[Claim],
    reference: dict[tuple[str, str], list[Claim]],
    cand: date,
    names: dict[str, str],
) -> _Score:
    score = 0
    violations = 0
    # (rank, text): agreements first, then the most recent event told as past (the bound).
    ranked: list[tuple[tuple[int, int], str]] = []
    for c in claims:
        if c.negated or c.hedged:
            continue
        refs = reference.get((c.entity, c.event), ())
        t = c.time
        if t is not None and t.resolved and t.anchor_from != "absolute":
            for r in refs:
                assert r.time is not None
                if t.disjoint(r.time):
                    score -= 1
                else:
                    score += 1
                    ranked.append(
                        (
                            (0, 0),
                            f'"{t.text}" ({c.entity} {c.event}) agrees with {names[r.document]}'
                            f" ({r.time.label()}) when read from {cand.isoformat()}",
                        )
                    )
        if c.tense == "past":
            for r in refs:
                assert r.time is not None and r.time.start is not None
                if r.time.start >= cand:
                    score -= 1
                    violations += 1
                elif t is None or not t.resolved:
                    ranked.append(
                        (
                            (1, -r.time.start.toordinal()),
                            f"tells {c.entity} {c.event} as past, which {names[r.document]}"
                            f" dates {r.time.label()}",
                        )
                    )
            if t is not None and t.anchor_from == "absolute" and t.start is not None:
                if t.start > cand + timedelta(days=0):
                    score -= 1
                    violations += 1
    reasons = [text for _, text in sorted(ranked, key=lambda x: x[0])]
    return _Score(score, violations, tuple(dict.fromkeys(reasons)))
