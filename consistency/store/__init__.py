"""The store: documents and their readings kept between runs, for incremental checks.

::

    from consistency.store import open_store, reader
    with open_store(".consistency/store.sqlite", reader()) as store:
        add(store, ["archive/"], lexicon=lexicon.load())
        result = check(store, ["drop/"])

SQLite (a file path) is the embedded default; ``postgresql://...`` a shared store. The
schema is migrated on open (Alembic, shipped in ``migrations/``). Losing a store loses
nothing: it is rebuilt from the articles.
"""

from consistency.store.incremental import Added, add, check
from consistency.store.store import Store, content_hash, open_store
from consistency.store.version import reader

__all__ = ["Added", "Store", "add", "check", "content_hash", "open_store", "reader"]
