"""Alembic's entry point: migrate the connection that consistency.store.migrate passes."""

from __future__ import annotations

from alembic import context

from consistency.store.schema import metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    version_table="store_version",
    render_as_batch=True,  # SQLite alters a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
