"""The store's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

The migrations in ``migrations/versions`` build exactly these tables (a test compares
them); change both together, with a new migration.

::

    documents   the archive: one row per article (its Document as JSON, its content hash)
    readings    what reading.read made of a content hash, per reader version (JSON)
    names       proper names of a reading, as often as they occur (for entity resolution)
    name_filings  where each name key is filed, to find the keys resolution may join
    acronyms    "Coastal Water Authority (CWA)" pairs defined in a reading's text
    things      labels a reading gives to the head nouns of things ("licensing regime")
    links       what a reading could share a fact through: fact keys, entities, events,
                quote shingles (see consistency.store.keys)
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False, unique=True),  # Document.id
    Column("path", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("outlet", Text),
    Column("published", String(10)),  # YYYY-MM-DD
    Column("published_from", String(16), nullable=False),  # Document.published_from
    Column("data", LargeBinary, nullable=False),  # codec.encode_document
)

readings = Table(
    "readings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False),
    Column("reader", String(80), nullable=False),  # consistency.store.version.reader()
    Column("data", LargeBinary, nullable=False),  # codec.encode_reading
    UniqueConstraint("content_hash", "reader", name="uq_readings_content_reader"),
)


def _of_reading(name: str, *columns: Column[object]) -> Table:
    """An index table whose rows belong to one reading (deleted with it)."""
    return Table(
        name,
        metadata,
        Column(
            "reading_id",
            Integer,
            ForeignKey("readings.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        *columns,
    )


names = _of_reading(
    "names",
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False, index=True),
    Column("n", Integer, nullable=False),
)

acronyms = _of_reading(
    "acronyms",
    Column("long", Text, nullable=False),
    Column("short", Text, nullable=False),
    Column("long_key", Text, nullable=False, index=True),
    Column("short_key", Text, nullable=False, index=True),
)

things = _of_reading(
    "things",
    Column("head", Text, nullable=False, index=True),
    Column("label", Text, nullable=False),
    Column("n", Integer, nullable=False),
)

links = _of_reading(
    "links",
    Column("kind", String(16), nullable=False),
    Column("key", Text, nullable=False),
)
Index("ix_links_kind_key", links.c.kind, links.c.key)

name_filings = Table(
    "name_filings",
    metadata,
    Column("filing", Text, primary_key=True),
    Column("key", Text, primary_key=True),
)

#: The tables whose rows belong to a reading.
OF_READING = (names, acronyms, things, links)
