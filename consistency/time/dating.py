"""Publication dates for documents that have none, inferred from the corpus and the text.

A document without a date cannot resolve "this year" or "in December". We try candidate
dates (the day after each event that the undated document tells as past and a dated
document dates, the dates of the documents that tell the same facts, and the corpus's
median date; at most 24) and keep the one under which the document agrees best with the
dated sources:

- a relative time of the document that, read from the candidate, overlaps the time a dated
  source gives the same entity and event, counts for it; a disjoint one counts against;
- an event the document tells as past, which a dated source dates on or after the
  candidate, counts against (an article cannot report what had not happened yet);
- an absolute past date in the document after the candidate counts against.

Ties go to the latest lower bound the evidence gives, then to the candidate closest to
the corpus's median date. The date found is a :class:`~consistency.time.published.Candidate`
of source ``inferred``, with its reasons and a confidence below 1, set on the document by
:func:`~consistency.time.published.dated`: the document is marked ``inferred``, its reasons
say why, and the confidence of what depends on the date is lowered.

Any date a document gives outranks an inferred one
(:data:`~consistency.time.published.RANKING`), so inference dates only the documents without
one (:func:`infer_dates`), and a page date gives way only when it looks like the day the
page was captured (:func:`check_dates`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from consistency.models import Anchor, Claim, Document, Tense
from consistency.time.published import (
    SECOND_GUESSED,
    TRUSTED,
    Candidate,
    DateSource,
    candidate_of,
    dated,
)


def _trusted(d: Document) -> bool:
    """A document whose date the corpus may anchor inference on."""
    return d.published is not None and d.published_from in TRUSTED


@dataclass(frozen=True)
class _Score:
    score: int
    violations: int
    reasons: tuple[str, ...]


@dataclass
class _Corpus:
    """What inference reads from the corpus, built once: the dated sources' timed claims by
    (entity, event), each document's claims, and the documents' names and dates."""

    reference: dict[tuple[str, str], list[Claim]]
    by_doc: dict[str, list[Claim]]
    names: dict[str, str]
    dates: dict[str, date]
    median: date


# At most this many candidate dates are tried for one document.
_MAX_CANDIDATES = 24


def _corpus(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    corpus_dates: Sequence[date] | None = None,
) -> _Corpus | None:
    dated = [d for d in documents if _trusted(d)]
    if not (dated if corpus_dates is None else corpus_dates):
        return None
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document, []).append(c)
    dates = {d.id: d.published for d in dated if d.published is not None}
    ordered = sorted(dates.values() if corpus_dates is None else corpus_dates)
    return _Corpus(
        reference=_reference(documents, claims),
        by_doc=by_doc,
        names={d.id: d.name for d in documents},
        dates=dates,
        median=ordered[len(ordered) // 2],
    )


def _infer_one(
    doc: Document,
    corpus: _Corpus,
    claims_as: Callable[[Document], list[Claim]],
) -> tuple[date, _Score]:
    """The best candidate date for one document, and its score.

    Candidates: the day after each event the document tells as past that a dated source
    dates (a lower bound), the dates of the documents that tell the same facts, and the
    corpus's median date; at most :data:`_MAX_CANDIDATES`, nearest the bounds first.
    """
    own = corpus.by_doc.get(doc.id, [])
    bounds: set[date] = set()
    related: set[date] = set()
    for c in own:
        for r in corpus.reference.get((c.entity, c.event), ()):
            if r.document == doc.id:
                continue
            related.add(corpus.dates[r.document])
            if c.tense == Tense.PAST and not c.hedged and not c.negated:
                assert r.time is not None and r.time.end is not None
                bounds.add(r.time.end)
    pivot = max(bounds) if bounds else corpus.median
    # The latest bounds bind; with many sources only the last few are worth a try.
    kept = set(sorted(bounds)[-(_MAX_CANDIDATES // 2) :])
    pool = sorted(related | {corpus.median}, key=lambda d: (abs((d - pivot).days), d))
    candidates = sorted(kept | set(pool[: _MAX_CANDIDATES - len(kept)]))
    best: tuple[tuple[int, int, int, int], date, _Score] | None = None
    for cand in candidates:
        # Only the date changes for the trial (reasons are known once a date is chosen).
        trial = dated(doc, Candidate(cand, DateSource.INFERRED, (), doc.confidence))
        s = _score(claims_as(trial), corpus.reference, cand, corpus.names, exclude=doc.id)
        lower = max((b for b in bounds if b <= cand), default=None)
        rank = (-s.score, s.violations, 0 if lower == cand else 1, abs((cand - corpus.median).days))
        if best is None or rank < best[0]:
            best = (rank, cand, s)
    assert best is not None
    return best[1], best[2]


def infer_dates(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    claims_as: Callable[[Document], list[Claim]],
    corpus_dates: Sequence[date] | None = None,
) -> list[Document]:
    """Documents with a date inferred where they had none (others unchanged).

    ``claims`` are the resolved claims of all documents; ``claims_as(doc)`` gives the
    resolved claims of one document, their times read from its (candidate) date.
    ``corpus_dates`` are the trusted publication dates of the whole corpus when
    ``documents`` are only part of it (an incremental check): the corpus's median date is
    taken from them.
    """
    corpus = _corpus(documents, claims, corpus_dates)
    if corpus is None:
        return list(documents)
    # A date of the document's own outranks any inference: only the others are dated.
    return [
        doc if doc.published is not None else dated(doc, _inferred(doc, corpus, claims_as))
        for doc in documents
    ]


def _inferred(
    doc: Document, corpus: _Corpus, claims_as: Callable[[Document], list[Claim]]
) -> Candidate:
    """The date inference gives a document, as a candidate: why and how sure."""
    chosen, s = _infer_one(doc, corpus, claims_as)
    why, confidence = _inference_reasons(chosen, s, corpus.median)
    return Candidate(chosen, DateSource.INFERRED, why, confidence)


def _inference_reasons(chosen: date, s: _Score, median: date) -> tuple[tuple[str, ...], float]:
    """Why an inferred date was chosen, and how far to trust it: the median without
    evidence least, agreement with dated sources and no violation most."""
    if not s.reasons and chosen == median:
        # Worded like the other inferences ("inferred from the corpus: ..."): a finding
        # shows this first reason alone, after "publication date".
        why = (
            f"inferred from the corpus: its median date {chosen.isoformat()}, the text"
            " giving no evidence either way",
        )
        return why, 0.5
    if not s.reasons:
        return (f"inferred from the corpus: {chosen.isoformat()} fits the text's dates best",), 0.6
    return _from_corpus(s.reasons), 0.75 if s.violations == 0 else 0.6


def _from_corpus(reasons: tuple[str, ...]) -> tuple[str, ...]:
    """The first three reasons, the first saying they come from the corpus."""
    return (f"inferred from the corpus: {reasons[0] if reasons else ''}", *reasons[1:3])


def check_dates(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    claims_as: Callable[[Document], list[Claim]],
    corpus_dates: Sequence[date] | None = None,
) -> list[Document]:
    """Replace page dates that the text contradicts (a capture date taken for the article's).

    A date from page metadata or a dateline is tried against the same evidence as an
    inferred one. When another date fits the text clearly better (its relative dates agree
    with the other sources where the page date makes them disagree) and comes months before
    the page date, the page date is taken for the day the page was captured: the document
    gets the better date, marked ``inferred`` with a note saying why. A sidecar or header
    date is never second-guessed. ``corpus_dates``: as for :func:`infer_dates`.
    """
    trusted = [d for d in documents if _trusted(d)]
    enough = len(trusted if corpus_dates is None else corpus_dates) >= 2
    corpus = _corpus(documents, claims, corpus_dates) if enough else None
    if corpus is None:
        return list(documents)
    out = []
    for doc in documents:
        page = candidate_of(doc)
        if page is None or page.source not in SECOND_GUESSED:
            out.append(doc)
            continue
        own = _score(claims_as(doc), corpus.reference, page.date, corpus.names, exclude=doc.id)
        if own.score >= 0:
            out.append(doc)  # the text agrees with its page date: nothing to second-guess
            continue
        guess, alt = _infer_one(dated(doc, None), corpus, claims_as)
        # A page is captured after it is published: only a later page date can be a capture
        # date, and only agreement (not a missing event) may argue for it, or a real
        # discrepancy would be explained away.
        better = alt.score - own.score >= 3 and alt.violations <= own.violations and own.score < 0
        # Captures come long after publication; a few weeks' difference is a real dispute.
        if not (better and (page.date - guess).days > _CAPTURE_GAP_DAYS):
            out.append(doc)  # the page date stands: it outranks an inferred one
            continue
        # A page date taken for the day of capture is no candidate: the guess replaces it.
        inferred = _if_captured(page, guess, alt)
        out.append(replace(dated(doc, inferred), notes=(*doc.notes, inferred.reason[-1])))
    return out


def _if_captured(page: Candidate, guess: date, alt: _Score) -> Candidate:
    """The date ``guess`` as the candidate that replaces ``page``, taken for the day the page
    was captured; its last reason says so (and is the document's note)."""
    note = (
        f"the page's date {page.date.isoformat()} ({page.source.value}) looks like"
        f" the day the page was captured, not published: the text fits"
        f" {guess.isoformat()} better, which is used instead"
    )
    why = (*_from_corpus(alt.reasons), note)
    return Candidate(guess, DateSource.INFERRED, why, min(page.confidence, 0.6))


_CAPTURE_GAP_DAYS = 180


def _reference(
    documents: Sequence[Document], claims: Sequence[Claim]
) -> dict[tuple[str, str], list[Claim]]:
    dated_ids = {d.id for d in documents if _trusted(d)}
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
    exclude: str | None = None,
) -> _Score:
    score = 0
    violations = 0
    # (rank, text): agreements first, then the most recent event told as past (the bound).
    ranked: list[tuple[tuple[int, int], str]] = []
    for c in claims:
        if c.negated or c.hedged:
            continue
        refs = [r for r in reference.get((c.entity, c.event), ()) if r.document != exclude]
        t = c.time
        if t is not None and t.resolved and t.anchor_from != Anchor.ABSOLUTE:
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
        if c.tense == Tense.PAST:
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
            if t is not None and t.anchor_from == Anchor.ABSOLUTE and t.start is not None:
                if t.start > cand + timedelta(days=0):
                    score -= 1
                    violations += 1
    reasons = [text for _, text in sorted(ranked, key=lambda x: x[0])]
    return _Score(score, violations, tuple(dict.fromkeys(reasons)))
