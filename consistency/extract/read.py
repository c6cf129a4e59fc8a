"""The per-document work of a run, in this process or in a pool of worker processes.

Reading a document means splitting it into sentences, parsing the sentences that can hold a
value, a description or an order (spaCy, each sentence once) into mentions and claims, and
taking its lexicon claims and proper names. Each
document is read on its own, so the work splits across processes: with ``jobs`` > 1 the
documents go in contiguous chunks to a process pool (``fork`` where the platform has it:
the parent loads the spaCy model once and the workers share it; elsewhere each worker
loads it once, when it starts), and the readings come back in input order. A sentence's
parse does not depend on the other sentences of its batch, so the result is the same
whatever ``jobs`` is.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from consistency.extract import confirmations, descriptions, facts, nlp, orders, records
from consistency.extract.events import Draft, extract_with_names
from consistency.extract.lexicon import Lexicon
from consistency.models import Claim, Document

# Chunks per worker: small enough to balance stories of uneven length, large enough that a
# chunk fills the parser's batches.
_CHUNKS_PER_JOB = 4


@dataclass(frozen=True)
class Reading:
    """What one document yields before the corpus-wide stages."""

    mentions: list[facts.Mention]  # value mentions, times not yet resolved
    claims: list[Draft]  # lexicon claims, not yet dated (extract.dated) nor resolved
    names: list[str]  # every proper name mentioned, for entity resolution
    descriptions: list[Claim]  # "the village of X" (DS01), entities not yet resolved
    orders: list[Claim]  # "caught fire after docking" (OR02), "unconfirmed reports" (ST02)
    records: list[records.Record]  # "the largest ever" (FR02), dated after dating


def read(documents: Sequence[Document], lexicon: Lexicon, jobs: int = 1) -> list[Reading]:
    """The reading of every document, in the order given, using ``jobs`` processes."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1 or len(documents) < 2:
        return _read_chunk(documents, lexicon)
    jobs = min(jobs, len(documents))
    size = -(-len(documents) // (jobs * _CHUNKS_PER_JOB))
    chunks = [documents[i : i + size] for i in range(0, len(documents), size)]
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        nlp.load()  # once, shared by every forked worker
    context = multiprocessing.get_context("fork" if fork else None)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(lexicon,)
    ) as pool:
        return [r for chunk in pool.map(_read_in_worker, chunks) for r in chunk]


# Documents whose parses are shared at once: enough to fill the parser's batches, few
# enough that holding their parses costs little memory.
_SHARED_PARSES = 32


def _read_chunk(documents: Sequence[Document], lexicon: Lexicon) -> list[Reading]:
    out = []
    for i in range(0, len(documents), _SHARED_PARSES):
        part = documents[i : i + _SHARED_PARSES]
        with nlp.shared_parses():  # one parse per sentence for all three extractors
            found = facts.mentions(part)
            described = _by_document(descriptions.claims(part))
            ordered = _by_document(orders.claims(part) + confirmations.claims(part))
            ranked = records.read(part)
        for d in part:
            claims, names = extract_with_names(d, lexicon)
            out.append(
                Reading(
                    found[d.id],
                    claims,
                    names,
                    described.get(d.id, []),
                    ordered.get(d.id, []),
                    ranked[d.id],
                )
            )
    return out


def _by_document(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.document, []).append(c)
    return out


_worker_lexicon: Lexicon | None = None


def _start_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon
    nlp.load()  # once per worker (a no-op when forked from a process that loaded it)


def _read_in_worker(documents: Sequence[Document]) -> list[Reading]:
    assert _worker_lexicon is not None, "worker not started by read()"
    return _read_chunk(documents, _worker_lexicon)
