"""Which stored documents an incremental check must read with the new ones.

A full check over archive + new compares a new article's claims with every claim that
shares its fact key, its entity (once resolved), or, for a "first" or an "only", its
event; with every quote that shares four words in a row with one of its quotes; and its
publication date, when it has to be inferred or checked, rests on the dated documents
that tell its entities' events. Those documents are found here through the store's index
(:mod:`.keys`), never by loading the archive, and so are the ones that documents of this
selection need for their own dates (two steps at most: see :func:`select_related`).

What a check then reads grows with the stored articles that share a fact, an entity or
an event told as a "first" with the new ones, not with the archive: a drop on a story the
archive has never told reads little; one whose facts are told everywhere ("licensed",
"the first") reads every article that tells them, as the full check compares them all.
When that is most of a large store, the selection is the whole store, read without the
closure (the same findings: it is the full check, less the parse).

Entity resolution is corpus-wide: "Okafor" is Dana Okafor only if no other Okafor is named anywhere.
So the names of the selected documents are closed over everything resolution may join
them with (:func:`consistency.linking.entities.lookups`, acronyms defined in any text), and their
names are resolved from the whole archive's counts of those names: the same canonical
names as the full check gives them.

That exactness costs what the archive holds: in an archive of many stories, common facts
("said", "killed") and common surnames reach most of it. So past ``related`` stored
documents besides the new ones (the ``related`` setting, 100 by default), a new document
is checked against its story instead (:func:`story`): the stored documents that share
its rarest names, at most ``related`` of them, read as a corpus of their own. A full
check of one story's folder is the same kind of check.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, tuple_

from consistency.linking.entities import lookups, resolve_names
from consistency.store import keys, schema
from consistency.store.schema import documents as T_DOC
from consistency.store.schema import readings as T_READ
from consistency.store.store import Store, chunks, current_reading
from consistency.time.published import SECOND_GUESSED, TRUSTED


@dataclass
class Selection:
    """The stored documents to read with the new ones, and what resolution needs."""

    documents: list[str]  # stored document ids, new ones excluded
    name_keys: set[str] = field(default_factory=set)  # closed under resolution
    names: Counter[str] = field(default_factory=Counter)  # archive-wide counts of those
    acronyms: list[tuple[str, str]] = field(default_factory=list)
    things: dict[str, Counter[str]] = field(default_factory=dict)  # head -> label counts
    asserting: int = 0  # stored documents that assert a lexicon claim (OR01's scale)
    alone: bool = False  # check these documents as a corpus of their own: resolve, date as usual
    stories: bool = False  # they are the new documents' stories, not all that could share a fact


# Past this share of a store of at least _BIG documents, the selection is the whole store:
# closing the names of most of an archive costs more than reading it all, and the result
# is the same.
_MOST = 0.5
_BIG = 100

# The share of a new document's name weight a stored document must share to be of its
# story (see :func:`story`): a fifth keeps articles that tell the same people, places and
# organisations, and drops those that share a name or two by chance.
STORY_SHARE = 0.2


def select_related(
    store: Store, new: Sequence[keys.Index], new_ids: Iterable[str], related: int
) -> Selection:
    """Everything a check of the new documents (stored already) needs from the archive,
    within each new document's story when the store holds more than ``related`` others."""
    exclude = set(new_ids)
    with store.reading() as conn:
        q = _Query(conn, store.reader)
        stored = q.stored()
        others = stored - exclude
        if len(others) > related:  # each new document's story, checked on its own
            scope = set().union(*(story(q, ix, len(stored), related) for ix in new)) - exclude
            return Selection(documents=sorted(scope), alone=True, stories=True)
        whole = Selection(documents=sorted(others), alone=True)
        # Facts, quotes and events need no resolution: when they reach most of the store,
        # the check is a check of all of it.
        chosen = q.documents_with(_links_of(new, None)) - exclude
        if len(stored) >= _BIG and len(chosen) > _MOST * len(stored):
            return whole
        names = _Closure(q)
        names.extend(_name_seeds(new))
        chosen |= q.documents_with(_links_of(new, names)) - exclude
        if len(stored) >= _BIG and len(chosen) > _MOST * len(stored):
            return whole
        names.extend(q.name_keys_of(chosen))
        # Dating: an undated document's date is inferred from the dated documents that tell
        # its entities' events (refs), and a page date (meta, dateline) is checked against
        # them. Inference trusts a page date only if its own check keeps it, so the refs of
        # undated documents bring their refs too; a check reads dates as given: no further.
        subset = chosen | exclude
        refs = _refs(q, names, q.dated_by(subset, undated=True), exclude)
        checked = q.dated_by(subset, undated=False) | q.dated_by(refs, undated=False)
        self_refs = _refs(q, names, checked, exclude)
        chosen |= refs | self_refs
        heads = q.heads_of(chosen | exclude)
        return Selection(
            documents=sorted(chosen),
            name_keys=set(names.keys),
            names=q.name_counts(names.keys),
            acronyms=q.acronyms(names.keys),
            things=q.thing_labels(heads),
            asserting=len(q.documents_with({("asserts", "")})),
        )


def story(q: _Query, new: keys.Index, stored: int, related: int) -> set[str]:
    """The stored documents of a new document's story.

    A name weighs the more the fewer stored documents name it: log(stored / those that do).
    A stored document is of the story when it shares with the new one a name specific
    enough to mark a story (one that at most ``related`` stored documents name) and names
    that weigh at least a fifth (:data:`STORY_SHARE`) of the new one's names the store
    knows. Of those, the ``related`` that share the most weight; ties go by document id.
    """
    counts = q.name_document_counts(new.name_keys())
    specific = {k for k, n in counts.items() if n <= related}
    weight = {k: math.log(max(stored, 2) / n) for k, n in counts.items()}
    sharing = q.documents_naming(specific)
    if not sharing:
        return set()
    score: dict[str, float] = {}
    for doc, key in sorted(q.names_in(sharing, set(counts))):
        score[doc] = score.get(doc, 0.0) + weight[key]
    least = STORY_SHARE * sum(weight[k] for k in sorted(weight))
    ranked = sorted((d for d in score if score[d] >= least), key=lambda d: (-score[d], d))
    return set(ranked[:related])


def _refs(q: _Query, names: _Closure, ids: set[str], exclude: set[str]) -> set[str]:
    """The dated documents that tell an event of an entity that ``ids`` tell."""
    if not ids:
        return set()
    wanted = {
        ("pair", keys.pair_key(e, event))
        for entity, event in q.pairs_of(ids)
        for e in names.cluster(entity)
    }
    found = q.documents_with(wanted, trusted=True) - exclude
    names.extend(q.name_keys_of(found))
    return found


def _name_seeds(indexes: Sequence[keys.Index]) -> set[str]:
    out: set[str] = set()
    for ix in indexes:
        out |= ix.name_keys()
        named = (keys.name_key_of(k) for kind, k in ix.links if kind == "resolves")
        out |= {k for k in named if k is not None}
    return out


def _links_of(indexes: Sequence[keys.Index], names: _Closure | None) -> set[tuple[str, str]]:
    """The links through which a stored document may share a fact with the new ones
    (entities only with ``names``, which resolves them)."""
    out: set[tuple[str, str]] = set()
    for ix in indexes:
        for kind, key in ix.links:
            if kind in ("fact", "quote"):
                out.add((kind, key))
            elif kind == "entity":
                if names is not None:
                    out |= {("entity", e) for e in names.cluster(key)}
            elif kind in ("first", "only"):  # FR01, CT01: against any claim of the event
                out.add(("event", key))
            elif kind == "event":  # ... and any event against a stored first or only
                out |= {("first", key), ("only", key)}
            elif kind == "sized":
                out.add(("sized", key))
    return out


def _cluster(entity: str, canon: dict[str, str], members: dict[str, list[str]]) -> set[str]:
    """The entity keys that resolve to the same name as ``entity`` (itself included);
    ``members`` maps each canonical name to its keys."""
    key = keys.name_key_of(entity)
    if key is None:
        return {entity}  # a thing: its head decides
    name = canon.get(key)
    if name is None:
        return {entity}
    return {entity} | {keys.name_entity_key(k) for k in members.get(name, ())}


class _Query:
    """The index look-ups, over the documents stored with this reader's readings."""

    def __init__(self, conn: Connection, reader: str) -> None:
        self.conn = conn
        self.reader = reader

    def _live(self, table: Any) -> Any:
        """``table``'s rows that belong to a stored document's current reading."""
        return (
            select()
            .select_from(table)
            .join(T_READ, T_READ.c.id == table.c.reading_id)
            .join(T_DOC, current_reading(self.reader))
        )

    def documents_with(self, links: set[tuple[str, str]], trusted: bool = False) -> set[str]:
        out: set[str] = set()
        L = schema.links
        for part in chunks(sorted(links)):
            q = self._live(L).add_columns(T_DOC.c.doc_id).where(tuple_(L.c.kind, L.c.key).in_(part))
            if trusted:
                q = q.where(T_DOC.c.published_from.in_(TRUSTED))
            out.update(d for (d,) in self.conn.execute(q.distinct()))
        return out

    def name_document_counts(self, name_keys: set[str]) -> dict[str, int]:
        """How many stored documents name each of ``name_keys`` (those none name left out)."""
        N = schema.names
        out: dict[str, int] = {}
        for part in chunks(sorted(name_keys)):
            q = (
                self._live(N)
                .add_columns(N.c.key, func.count(T_DOC.c.doc_id.distinct()))
                .where(N.c.key.in_(part))
                .group_by(N.c.key)
            )
            out.update((k, int(n)) for k, n in self.conn.execute(q))
        return out

    def documents_naming(self, name_keys: set[str]) -> set[str]:
        N = schema.names
        out: set[str] = set()
        for part in chunks(sorted(name_keys)):
            q = self._live(N).add_columns(T_DOC.c.doc_id).where(N.c.key.in_(part)).distinct()
            out.update(d for (d,) in self.conn.execute(q))
        return out

    def names_in(self, ids: set[str], name_keys: set[str]) -> set[tuple[str, str]]:
        """(document, name key) for each of ``name_keys`` that each of ``ids`` names."""
        N = schema.names
        out: set[tuple[str, str]] = set()
        for part in chunks(sorted(ids)):
            q = (
                self._live(N)
                .add_columns(T_DOC.c.doc_id, N.c.key)
                .where(T_DOC.c.doc_id.in_(part))
                .distinct()
            )
            out.update((d, k) for d, k in self.conn.execute(q) if k in name_keys)
        return out

    def stored(self) -> set[str]:
        """Every stored document with this reader's reading."""
        q = select(T_DOC.c.doc_id).join(T_READ, current_reading(self.reader))
        return {d for (d,) in self.conn.execute(q)}

    def dated_by(self, ids: set[str], undated: bool) -> set[str]:
        """Those of ``ids`` without a date (``undated``), or with a page date a check may
        replace (meta, dateline)."""
        out: set[str] = set()
        kinds = [t for t in TRUSTED if t not in SECOND_GUESSED] if undated else SECOND_GUESSED
        for part in chunks(sorted(ids)):
            q = select(T_DOC.c.doc_id).where(T_DOC.c.doc_id.in_(part))
            if undated:
                q = q.where(T_DOC.c.published_from.not_in(kinds))
            else:
                q = q.where(T_DOC.c.published_from.in_(kinds))
            out.update(d for (d,) in self.conn.execute(q))
        return out

    def _links_of_docs(self, ids: set[str], kind: str) -> set[str]:
        L = schema.links
        out: set[str] = set()
        for part in chunks(sorted(ids)):
            q = (
                self._live(L)
                .add_columns(L.c.key)
                .where(T_DOC.c.doc_id.in_(part), L.c.kind == kind)
                .distinct()
            )
            out.update(k for (k,) in self.conn.execute(q))
        return out

    def pairs_of(self, ids: set[str]) -> set[tuple[str, str]]:
        return {tuple(k.split(keys.SEP, 1)) for k in self._links_of_docs(ids, "pair")}  # type: ignore[misc]

    def heads_of(self, ids: set[str]) -> set[str]:
        heads = (keys.head_of(k) for k in self._links_of_docs(ids, "resolves"))
        return {h for h in heads if h is not None}

    def name_keys_of(self, ids: set[str]) -> set[str]:
        N = schema.names
        out: set[str] = set()
        for part in chunks(sorted(ids)):
            q = self._live(N).add_columns(N.c.key).where(T_DOC.c.doc_id.in_(part)).distinct()
            out.update(k for (k,) in self.conn.execute(q))
        named = (keys.name_key_of(k) for k in self._links_of_docs(ids, "resolves"))
        return out | {k for k in named if k is not None}

    def related_keys(self, frontier: set[str]) -> set[str]:
        """Keys filed where the frontier's keys look, and the other side of acronyms."""
        F = schema.name_filings
        probes = sorted({f for k in frontier for f in lookups(k)})
        out: set[str] = set()
        for part in chunks(probes):
            out.update(k for (k,) in self.conn.execute(select(F.c.key).where(F.c.filing.in_(part))))
        for lo, sh in self.acronyms(frontier):
            out |= {keys.name_key(lo), keys.name_key(sh)}
        return out

    def acronyms(self, name_keys: set[str]) -> list[tuple[str, str]]:
        A = schema.acronyms
        out: list[tuple[str, str]] = []
        for part in chunks(sorted(name_keys)):
            q = (
                self._live(A)
                .add_columns(A.c.long, A.c.short, T_DOC.c.id)
                .where(A.c.long_key.in_(part) | A.c.short_key.in_(part))
            )
            out.extend((lo, sh) for lo, sh, _ in self.conn.execute(q))
        return sorted(set(out))

    def name_counts(self, name_keys: set[str]) -> Counter[str]:
        N = schema.names
        out: Counter[str] = Counter()
        for part in chunks(sorted(name_keys)):
            q = (
                self._live(N)
                .add_columns(N.c.name, func.sum(N.c.n))
                .where(N.c.key.in_(part))
                .group_by(N.c.name)
            )
            for name, n in self.conn.execute(q):
                out[name] += int(n)
        return out

    def thing_labels(self, heads: set[str]) -> dict[str, Counter[str]]:
        T = schema.things
        out: dict[str, Counter[str]] = {}
        for part in chunks(sorted(heads)):
            q = (
                self._live(T)
                .add_columns(T.c.head, T.c.label, func.sum(T.c.n))
                .where(T.c.head.in_(part))
                .group_by(T.c.head, T.c.label)
            )
            for head, label, n in self.conn.execute(q):
                out.setdefault(head, Counter())[label] += int(n)
        return out


class _Closure:
    """Name keys closed under what entity resolution may join."""

    def __init__(self, q: _Query) -> None:
        self.q = q
        self.keys: set[str] = set()
        self._canon: dict[str, str] | None = None
        self._members: dict[str, list[str]] = {}  # canonical name -> its keys

    def extend(self, seeds: set[str]) -> None:
        frontier = set(seeds) - self.keys
        while frontier:
            self.keys |= frontier
            self._canon = None
            frontier = self.q.related_keys(frontier) - self.keys

    def canonical(self) -> dict[str, str]:
        """key -> canonical name, as the whole corpus resolves these keys."""
        if self._canon is None:
            counts = self.q.name_counts(self.keys)
            names = [n for n, k in sorted(counts.items()) for _ in range(k)]
            self._canon = resolve_names(names, self.q.acronyms(self.keys), self._outlets())
            self._members = {}
            for k, name in self._canon.items():
                self._members.setdefault(name, []).append(k)
        return self._canon

    def cluster(self, entity: str) -> set[str]:
        """The entity keys that resolve to the same name as ``entity``."""
        return _cluster(entity, self.canonical(), self._members)

    def _outlets(self) -> list[str]:
        q = select(T_DOC.c.outlet).where(T_DOC.c.outlet.is_not(None)).distinct()
        return sorted(str(o) for (o,) in self.q.conn.execute(q))


__all__ = ["Selection", "select_related"]
