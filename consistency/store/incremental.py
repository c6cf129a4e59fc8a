"""Filling a store, and checking new articles against it.

:func:`add` reads what the store has not read yet (by content hash and reader version) and
stores documents with their readings, a chunk per transaction. :func:`check` adds the new
articles the same way, selects the stored documents to read with them (:mod:`.select`),
runs the corpus-wide stages over those alone, and keeps the findings that involve a new
article. Up to ``related`` other stored articles, the selection is every one that could
share a fact with a new one, with entities resolved and dates inferred as over the whole
archive: the findings of a full check of archive + new, restricted to the new articles.
Past that, it is each new article's story, checked as a corpus of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from consistency import pipeline
from consistency.config import Settings
from consistency.extract import lexicon as lexicon_mod
from consistency.extract import read as reading
from consistency.linking.resolve import resolver_of
from consistency.models import Document, Result, Skipped
from consistency.reading.ingest import ingest
from consistency.rules import Rule
from consistency.store import keys
from consistency.store.select import Selection, select_related
from consistency.store.store import Saved, Store, content_hash, rebase

# Documents read between two commits: a killed run loses at most this many readings.
_CHUNK = 16

Note = Callable[[str], None]


@dataclass(frozen=True)
class Added:
    """What :func:`add` did."""

    documents: int  # documents given
    read: int  # documents parsed (the others' readings were stored already)
    saved: Saved
    skipped: tuple[Skipped, ...] = ()


def add(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    lexicon: lexicon_mod.Lexicon,
    fields: dict[str, str] | None = None,
    jobs: int = 1,
    progress: bool | None = False,
) -> Added:
    """Store the articles under ``paths`` (read only if their content is new)."""
    ingested = ingest(list(paths), progress=progress, fields=fields)
    docs = settle_ids(store, ingested.documents)
    _, read, saved = read_through(store, docs, lexicon, jobs)
    return Added(len(docs), read, saved, tuple(ingested.skipped))


def read_through(
    store: Store, documents: Sequence[Document], lexicon: lexicon_mod.Lexicon, jobs: int = 1
) -> tuple[list[reading.Reading], int, Saved]:
    """The readings of ``documents``, from the store or read now; all of them stored.

    Returns the readings (in order), how many documents were parsed, and what was saved.
    """
    hashes = [content_hash(d) for d in documents]
    cached = store.readings_of(hashes)
    todo: dict[str, Document] = {}
    for d, h in zip(documents, hashes, strict=True):
        if h not in cached:
            todo.setdefault(h, d)
    totals = Saved()
    parse = list(todo.values())
    step = _CHUNK * max(1, jobs)
    for i in range(0, len(parse), step):
        part = parse[i : i + step]
        read = reading.read(part, lexicon, jobs)
        done = [rebase(r, d.id, "") for d, r in zip(part, read, strict=True)]
        totals = _plus(totals, store.save(list(zip(part, done, strict=True))))
        cached.update({content_hash(d): r for d, r in zip(part, done, strict=True)})
    first = {id(d) for d in parse}
    rest = [(d, None) for d in documents if id(d) not in first]
    totals = _plus(totals, store.save(rest))
    out = [rebase(cached[h], "", d.id) for d, h in zip(documents, hashes, strict=True)]
    return out, len(parse), totals


def _plus(a: Saved, b: Saved) -> Saved:
    return Saved(
        a.documents_added + b.documents_added,
        a.documents_changed + b.documents_changed,
        a.readings_added + b.readings_added,
    )


def settle_ids(store: Store, documents: Sequence[Document]) -> list[Document]:
    """Documents keep the id of the stored document at their own path (the same file, told
    from another root: "drop/a.txt" stored with the archive is "a.txt" given alone), so a
    file is never compared with itself. Others whose id a stored document at another path
    has take their path as id, as a full check does when two inputs share a relative path
    (the archive's came first)."""
    at = store.ids_at(p for d in documents for p in (d.path, os.path.normpath(d.path)))
    same: dict[str, str] = {}  # new id -> the stored id of the same file
    for d in documents:
        known = at.get(d.path) or at.get(os.path.normpath(d.path))
        if known is not None and known not in same.values():
            same[d.id] = known
    stored = store.stored_ids(d.id for d in documents)
    taken = set(stored) | {d.id for d in documents} | set(same.values())
    out = []
    for d in documents:
        if d.id in same:
            d = replace(d, id=same[d.id])
        elif d.id in stored and os.path.normpath(stored[d.id]) != os.path.normpath(d.path):
            ident = base = d.path.replace(os.sep, "/")
            k = 2
            while ident in taken:
                ident = f"{base}~{k}"
                k += 1
            taken.add(ident)
            d = replace(d, id=ident)
        out.append(d)
    return sorted(out, key=lambda d: d.id)


def check(
    store: Store,
    new_paths: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings | None = None,
    select: Iterable[str] = (),
    exclude: Iterable[str] = (),
    lexicon_files: Iterable[str | Path] = (),
    fields: dict[str, str] | None = None,
    jobs: int | None = None,
    progress: bool | None = False,
    note: Note = lambda _: None,
) -> Result:
    """Check the new articles against the stored ones that could share a fact with them;
    the new articles are stored. Findings involve at least one new article."""
    settings = settings or Settings()
    jobs = settings.jobs if jobs is None else jobs
    lex = lexicon_mod.load([*settings.lexicon, *lexicon_files])
    rules, problems = pipeline.select_rules(settings, select, exclude)
    ingested = ingest(list(new_paths), progress=progress, fields=fields)
    skipped = list(ingested.skipped) + [Skipped("(rules)", p, "rule") for p in problems]
    new_docs = settle_ids(store, ingested.documents)
    new_ids = {d.id for d in new_docs}
    _read_stale(store, new_ids, lex, jobs, note)
    new_readings, parsed, _ = read_through(store, new_docs, lex, jobs)
    note(f"{len(new_docs)} new article(s), {parsed} parsed; stored")
    indexes = [keys.index(d, r) for d, r in zip(new_docs, new_readings, strict=True)]
    chosen = select_related(store, indexes, new_ids, settings.related)
    note(_related_words(chosen, settings.related))
    pairs = [*zip(new_docs, new_readings, strict=True), *store.load(chosen.documents)]
    note(f"{len(chosen.documents)} stored article(s) loaded")
    pairs.sort(key=lambda dr: dr[0].id)
    return pipeline.only_involving(_assess(store, chosen, pairs, lex, rules, skipped), new_ids)


def _read_stale(
    store: Store, new_ids: set[str], lex: lexicon_mod.Lexicon, jobs: int, note: Note
) -> None:
    """Read again the stored articles an older reader read, so that every article of the
    check is read by this version."""
    stale = [d for d in store.unread() if d.id not in new_ids]
    if stale:
        note(
            f"reading {len(stale)} stored article(s) again: they were read by another version"
            " (run `consistency store add` after an upgrade to do this ahead of a check)"
        )
        read_through(store, stale, lex, jobs)


def _related_words(chosen: Selection, related: int) -> str:
    """What the progress note says of the stored articles chosen to check with."""
    if chosen.stories:
        return (
            f"{len(chosen.documents)} stored article(s) of their stories (the store holds more"
            f" than {related} others: see --related)"
        )
    return f"{len(chosen.documents)} stored article(s) could share a fact with them"


def _assess(
    store: Store,
    chosen: Selection,
    pairs: list[tuple[Document, reading.Reading]],
    lex: lexicon_mod.Lexicon,
    rules: Sequence[Rule],
    skipped: list[Skipped],
) -> Result:
    """Assess the new and chosen articles. When they are the whole store or the new
    articles' stories (``chosen.alone``) they are checked as a folder of their own; else
    names are resolved, and dates and assertions counted, over the whole store."""
    docs, readings = [d for d, _ in pairs], [r for _, r in pairs]
    if chosen.alone:
        return pipeline.assess(docs, readings, lex, rules, skipped)
    names = [n for n, k in sorted(chosen.names.items()) for _ in range(k)]
    apply = resolver_of(names, chosen.acronyms, store.outlets(), chosen.things)
    dates = [date.fromisoformat(p) for p in store.trusted_dates()]
    return pipeline.assess(
        docs,
        readings,
        lex,
        rules,
        skipped,
        apply=apply,
        corpus_dates=dates,
        corpus_documents=chosen.asserting,
    )
