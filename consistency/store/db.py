"""Opening a store: SQLite (a file, the default) or PostgreSQL (a newsroom's shared store).

SQLite runs in WAL mode with a busy timeout, and every writing transaction starts with
``BEGIN IMMEDIATE``: two runs on one file take turns instead of failing. The schema is
brought up to date on open by the Alembic migrations shipped in the package; on
PostgreSQL an advisory lock makes two runs that open a new store at once take turns.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import URL, Engine, make_url

from consistency.errors import StoreError

#: The newest migration (migrations/versions); a test checks it is Alembic's head.
HEAD = "0001"
# Any number: the advisory lock that serialises migrations on one PostgreSQL database.
_MIGRATION_LOCK = 7_300_801

_BUSY_MS = 120_000


def url_of(location: str | Path) -> URL:
    """The SQLAlchemy URL of a store given as a file path or a database URL."""
    loc = str(location)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", loc):
        try:
            url = make_url(loc)
        except (exc.ArgumentError, ValueError) as e:
            raise StoreError(f"{describe(loc)}: not a database URL ({e})") from None
        backend = url.get_backend_name()
        if backend in ("postgresql", "postgres"):
            return url.set(drivername="postgresql+psycopg")
        if backend == "sqlite":
            return url
        raise StoreError(
            f"{describe(loc)}: unsupported store {backend!r}; use a file path (SQLite) or"
            " postgresql://user@host/database"
        )
    path = Path(loc)
    if path.is_dir():
        raise StoreError(f"{loc}: is a folder; name the store's file, e.g. {path}/store.sqlite")
    return URL.create("sqlite", database=str(path))


def describe(location: str | Path | URL) -> str:
    """A store's location for messages, without a password."""
    if isinstance(location, URL):
        return location.render_as_string(hide_password=True)
    loc = str(location)
    try:
        return make_url(loc).render_as_string(hide_password=True) if "://" in loc else loc
    except (exc.ArgumentError, ValueError):
        return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", loc)


def engine_for(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": _BUSY_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun in _sqlite_begin
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # with WAL: a killed process loses nothing
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock now: a reader that later writes never deadlocks.
    read_only = connection.get_execution_options().get("read_only", False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def upgrade(engine: Engine) -> None:
    """Bring the schema to :data:`HEAD`, running the migrations that are missing."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        current = _version(conn)
        if current == HEAD:
            return
        if current is not None and not _known(current):
            raise StoreError(
                f"the store's schema is at version {current}, newer than this tool knows"
                f" ({HEAD}): use a newer consistency, or a new store"
            )
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _version(conn: Any) -> str | None:
    if not engine_has_table(conn, "store_version"):
        if engine_has_table(conn, "documents"):
            raise StoreError("this database has a 'documents' table but is no consistency store")
        return None
    row = conn.execute(text("SELECT version_num FROM store_version")).first()
    return row[0] if row else None


def engine_has_table(conn: Any, name: str) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(conn).has_table(name))


def _known(revision: str) -> bool:
    versions = Path(__file__).parent / "migrations" / "versions"
    return any(p.name.startswith(f"{revision}_") for p in versions.glob("*.py"))
