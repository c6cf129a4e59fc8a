"""The first store: documents, readings and their index tables.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_READING = "readings.id"


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text, nullable=False, unique=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("published_from", sa.String(16), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_table(
        "readings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("reader", sa.String(80), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("content_hash", "reader", name="uq_readings_content_reader"),
    )
    columns: dict[str, list[tuple[str, Any]]] = {
        "names": [("name", sa.Text), ("key", sa.Text), ("n", sa.Integer)],
        "acronyms": [
            ("long", sa.Text),
            ("short", sa.Text),
            ("long_key", sa.Text),
            ("short_key", sa.Text),
        ],
        "things": [("head", sa.Text), ("label", sa.Text), ("n", sa.Integer)],
        "links": [("kind", sa.String(16)), ("key", sa.Text)],
    }
    for table, cols in columns.items():
        op.create_table(
            table,
            sa.Column(
                "reading_id",
                sa.Integer,
                sa.ForeignKey(_READING, ondelete="CASCADE"),
                nullable=False,
            ),
            *(sa.Column(name, kind, nullable=False) for name, kind in cols),
        )
        op.create_index(f"ix_{table}_reading_id", table, ["reading_id"])
    op.create_index("ix_names_key", "names", ["key"])
    op.create_index("ix_acronyms_long_key", "acronyms", ["long_key"])
    op.create_index("ix_acronyms_short_key", "acronyms", ["short_key"])
    op.create_index("ix_things_head", "things", ["head"])
    op.create_index("ix_links_kind_key", "links", ["kind", "key"])
    op.create_table(
        "name_filings",
        sa.Column("filing", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
    )


def downgrade() -> None:
    for table in ("name_filings", "links", "things", "acronyms", "names", "readings"):
        op.drop_table(table)
    op.drop_table("documents")
