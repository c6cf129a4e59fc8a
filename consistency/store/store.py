"""The store: documents and their readings, by content hash and reader version.

Every write is one transaction that holds a document together with its reading and the
reading's index rows, so a run killed at any point leaves the store as it was after its
last commit: nothing half-written. Readings are shared by content: the same article at two
paths is read once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from consistency.errors import StoreError
from consistency.extract.read import Reading
from consistency.models import Claim, Document
from consistency.store import codec, db, keys, schema
from consistency.store.schema import documents as T_DOC
from consistency.store.schema import readings as T_READ
from consistency.time.published import TRUSTED

# Rows sent in one statement: under SQLite's limit of bound parameters.
_BATCH = 500


def content_hash(d: Document) -> str:
    """What a reading depends on: the document less where it was found (id, path)."""
    fields = codec.document_json(replace(d, id="", path=""))
    return hashlib.sha256(codec.canonical_json(fields).encode("utf-8")).hexdigest()


def rebase(r: Reading, old: str, new: str) -> Reading:
    """The reading of the same text under another document id (claim ids carry it)."""
    if old == new:
        return r

    def move(c: Claim) -> Claim:
        after = c.after
        if after is not None and after.startswith(old + "#"):
            after = new + after[len(old) :]
        cid = new + c.id[len(old) :] if c.id.startswith(old + "#") else c.id
        return replace(c, id=cid, document=new, after=after)

    return replace(
        r,
        claims=[replace(d, claim=move(d.claim)) for d in r.claims],
        descriptions=[move(c) for c in r.descriptions],
        orders=[move(c) for c in r.orders],
    )


@dataclass(frozen=True)
class Saved:
    documents_added: int = 0
    documents_changed: int = 0
    readings_added: int = 0


class Store:
    """An open store. Use :func:`open_store`; close with :meth:`close` (or ``with``)."""

    def __init__(self, engine: Engine, where: str, reader: str) -> None:
        self.engine = engine
        self.where = where  # for messages, no password
        self.reader = reader

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only transaction."""
        with self._errors(), self.engine.connect() as conn:
            conn = conn.execution_options(read_only=True)
            with conn.begin():
                yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction that commits when the block ends and rolls back if it raises."""
        with self._errors(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.OperationalError as e:
            raise StoreError(f"store {self.where}: {_first_line(e)}") from None
        except sa_exc.DatabaseError as e:
            why = _first_line(e)
            raise StoreError(f"store {self.where}: damaged or not a store ({why})") from None

    # --- readings ---------------------------------------------------------------------

    def readings_of(self, hashes: Iterable[str]) -> dict[str, Reading]:
        """This reader's stored readings of these contents (document id ``""``)."""
        out: dict[str, Reading] = {}
        with self.reading() as conn:
            for part in chunks(sorted(set(hashes))):
                q = select(T_READ.c.content_hash, T_READ.c.data).where(
                    T_READ.c.reader == self.reader, T_READ.c.content_hash.in_(part)
                )
                for h, data in conn.execute(q):
                    try:
                        out[h] = codec.decode_reading(data)
                    except codec.CodecError:
                        continue  # read again, and stored anew
        return out

    def save(self, items: Sequence[tuple[Document, Reading | None]]) -> Saved:
        """Store documents, each with its reading (id ``""``) or None when the reading is
        stored already, in one transaction."""
        added = changed = new_readings = 0
        with self.writing() as conn:
            for d, r in items:
                h = content_hash(d)
                if r is not None and self._insert_reading(conn, h, d, r):
                    new_readings += 1
                state = self._upsert_document(conn, d, h)
                added += state == "added"
                changed += state == "changed"
        return Saved(added, changed, new_readings)

    def _insert_reading(self, conn: Connection, h: str, d: Document, r: Reading) -> bool:
        ins = _insert(conn, T_READ).values(
            content_hash=h, reader=self.reader, data=codec.encode_reading(r)
        )
        row = conn.execute(
            ins.on_conflict_do_nothing(index_elements=["content_hash", "reader"]).returning(
                T_READ.c.id
            )
        ).first()
        if row is None:
            return False  # another run stored it first
        rid = row[0]
        ix = keys.index(d, r)
        rows: dict[Any, list[dict[str, Any]]] = {
            schema.names: [
                {"reading_id": rid, "name": n, "key": keys.name_key(n), "n": k}
                for n, k in sorted(ix.names.items())
            ],
            schema.acronyms: [
                {
                    "reading_id": rid,
                    "long": lo,
                    "short": sh,
                    "long_key": keys.name_key(lo),
                    "short_key": keys.name_key(sh),
                }
                for lo, sh in ix.acronyms
            ],
            schema.things: [
                {"reading_id": rid, "head": head, "label": label, "n": k}
                for head, labels in sorted(ix.things.items())
                for label, k in sorted(labels.items())
            ],
            schema.links: [{"reading_id": rid, "kind": a, "key": b} for a, b in sorted(ix.links)],
        }
        for table, values in rows.items():
            for part in chunks(values):
                conn.execute(insert(table), part)
        filings = [{"filing": f, "key": k} for f, k in sorted(keys.key_filings(ix.name_keys()))]
        for part in chunks(filings):
            conn.execute(_insert(conn, schema.name_filings).on_conflict_do_nothing(), part)
        return True

    def _upsert_document(self, conn: Connection, d: Document, h: str) -> str:
        old = conn.execute(
            select(T_DOC.c.content_hash, T_DOC.c.path).where(T_DOC.c.doc_id == d.id)
        ).first()
        if old is not None and tuple(old) == (h, d.path):
            return "same"
        values = {
            "path": d.path,
            "content_hash": h,
            "outlet": d.outlet,
            "published": d.published.isoformat() if d.published else None,
            "published_from": d.published_from,
            "data": codec.encode_document(d),
        }
        ins = _insert(conn, T_DOC).values(doc_id=d.id, **values)
        conn.execute(ins.on_conflict_do_update(index_elements=["doc_id"], set_=values))
        return "added" if old is None else "changed"

    # --- documents --------------------------------------------------------------------

    def stored_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """Which of these document ids are stored, and their paths."""
        return self._documents_by(T_DOC.c.doc_id, T_DOC.c.path, ids)

    def ids_at(self, paths: Iterable[str]) -> dict[str, str]:
        """The ids of the stored documents at these paths, by path (as stored)."""
        return self._documents_by(T_DOC.c.path, T_DOC.c.doc_id, paths)

    def _documents_by(self, key: Any, value: Any, keys: Iterable[str]) -> dict[str, str]:
        """``value`` of the stored documents whose ``key`` is one of ``keys``, by key."""
        out: dict[str, str] = {}
        with self.reading() as conn:
            for part in chunks(sorted(set(keys))):
                q = select(key, value).where(key.in_(part))
                out.update({a: b for a, b in conn.execute(q)})
        return out

    def load(self, ids: Iterable[str]) -> list[tuple[Document, Reading]]:
        """Stored documents with this reader's readings, in id order."""
        out = []
        with self.reading() as conn:
            for part in chunks(sorted(set(ids))):
                q = (
                    select(T_DOC.c.doc_id, T_DOC.c.data, T_READ.c.data)
                    .join(T_READ, current_reading(self.reader))
                    .where(T_DOC.c.doc_id.in_(part))
                )
                for doc_id, ddata, rdata in conn.execute(q):
                    try:
                        d = codec.decode_document(ddata)
                        r = codec.decode_reading(rdata)
                    except codec.CodecError as e:
                        raise StoreError(
                            f"store {self.where}: {doc_id}: {e}; rebuild the store"
                            " (consistency store rebuild PATHS) or delete it"
                        ) from None
                    out.append((d, rebase(r, "", d.id)))
        out.sort(key=lambda dr: dr[0].id)
        return out

    def unread(self) -> list[Document]:
        """Stored documents without a reading by this reader (stored by another version)."""
        q = (
            select(T_DOC.c.doc_id, T_DOC.c.data)
            .outerjoin(T_READ, current_reading(self.reader))
            .where(T_READ.c.id.is_(None))
            .order_by(T_DOC.c.doc_id)
        )
        with self.reading() as conn:
            rows = list(conn.execute(q))
        out = []
        for doc_id, data in rows:
            try:
                out.append(codec.decode_document(data))
            except codec.CodecError as e:
                raise StoreError(f"store {self.where}: {doc_id}: {e}; rebuild the store") from None
        return out

    def trusted_dates(self) -> list[str]:
        with self.reading() as conn:
            q = select(T_DOC.c.published).where(T_DOC.c.published_from.in_(TRUSTED))
            return sorted(str(p) for (p,) in conn.execute(q) if p)

    def outlets(self) -> list[str]:
        with self.reading() as conn:
            q = select(T_DOC.c.outlet).where(T_DOC.c.outlet.is_not(None)).distinct()
            return sorted(str(o) for (o,) in conn.execute(q) if o)

    # --- management ---------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        with self.reading() as conn:
            docs = conn.execute(select(func.count()).select_from(T_DOC)).scalar_one()
            by_reader = {
                str(r): int(n)
                for r, n in conn.execute(
                    select(T_READ.c.reader, func.count()).group_by(T_READ.c.reader)
                )
            }
            size = self._size(conn)
        return {
            "store": self.where,
            "documents": int(docs),
            "readings": sum(by_reader.values()),
            "readings_by_version": dict(sorted(by_reader.items())),
            "this_version": self.reader,
            "size_bytes": size,
        }

    def _size(self, conn: Connection) -> int:
        if conn.dialect.name == "postgresql":
            q = text("SELECT pg_total_relation_size(CAST(:t AS regclass))")
            names = [t.name for t in schema.metadata.sorted_tables] + ["store_version"]
            return sum(int(conn.execute(q, {"t": n}).scalar_one()) for n in names)
        database = self.engine.url.database or ""
        files = [Path(database), Path(database + "-wal")]
        return sum(p.stat().st_size for p in files if p.is_file())

    def gc(self, gone_under: Sequence[str | os.PathLike[str]] = ()) -> dict[str, int]:
        """Drop readings of other versions, readings no document uses, and the documents
        under ``gone_under`` whose file is gone."""
        roots = [os.path.abspath(p) for p in gone_under]
        with self.writing() as conn:
            dropped_docs = 0
            if roots:
                gone = [
                    i
                    for i, p in conn.execute(select(T_DOC.c.id, T_DOC.c.path))
                    if _under(os.path.abspath(p), roots) and not os.path.exists(p)
                ]
                for part in chunks(gone):
                    conn.execute(delete(T_DOC).where(T_DOC.c.id.in_(part)))
                dropped_docs = len(gone)
            used = select(T_DOC.c.content_hash)
            stale = select(T_READ.c.id).where(
                (T_READ.c.reader != self.reader) | T_READ.c.content_hash.not_in(used)
            )
            ids = [i for (i,) in conn.execute(stale)]
            for part in chunks(ids):
                for table in schema.OF_READING:
                    conn.execute(delete(table).where(table.c.reading_id.in_(part)))
                conn.execute(delete(T_READ).where(T_READ.c.id.in_(part)))
            F = schema.name_filings
            res = conn.execute(delete(F).where(F.c.key.not_in(select(schema.names.c.key))))
        if self.engine.dialect.name == "sqlite":
            with self._errors():
                raw = self.engine.raw_connection()  # VACUUM runs outside any transaction
                try:
                    raw.cursor().execute("VACUUM")  # give the space back to the disk
                finally:
                    raw.close()
        return {"documents": dropped_docs, "readings": len(ids), "name_keys": res.rowcount}

    def clear(self) -> None:
        """Delete every document and reading (the schema stays)."""
        with self.writing() as conn:
            for table in reversed(schema.metadata.sorted_tables):
                conn.execute(delete(table))


def open_store(location: str | Path, reader: str) -> Store:
    """Open (creating and migrating as needed) the store at a path or database URL."""
    url = db.url_of(location)
    where = db.describe(location)
    if url.get_backend_name() == "sqlite" and url.database and Path(url.database).is_file():
        _check_sqlite_file(Path(url.database), where)
    engine = db.engine_for(url)
    try:
        db.upgrade(engine)
    except sa_exc.OperationalError as e:
        engine.dispose()
        raise StoreError(f"cannot open the store {where}: {_first_line(e)}") from None
    except sa_exc.DatabaseError as e:
        engine.dispose()
        raise StoreError(f"store {where}: damaged or not a store ({_first_line(e)})") from None
    except StoreError as e:
        engine.dispose()
        raise StoreError(f"store {where}: {e}") from None
    return Store(engine, where, reader)


def _check_sqlite_file(path: Path, where: str) -> None:
    with path.open("rb") as f:
        head = f.read(16)
    if head and head != b"SQLite format 3\x00":
        raise StoreError(f"store {where}: not an SQLite database (damaged, or another file)")


def current_reading(reader: str) -> Any:
    """The join of a document with its reading by ``reader``."""
    return (T_READ.c.content_hash == T_DOC.c.content_hash) & (T_READ.c.reader == reader)


def _insert(conn: Connection, table: Any) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def chunks(items: Sequence[Any], size: int = _BATCH) -> Iterator[Sequence[Any]]:
    """``items`` in parts small enough for one statement's bound parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _first_line(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__
