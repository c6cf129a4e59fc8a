"""Alembic migrations of the store, run in code by :func:`consistency.store.migrate.upgrade`
(no alembic.ini). Each script in ``versions/`` builds on the one before."""
