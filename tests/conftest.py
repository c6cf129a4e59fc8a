"""Shared fixtures: the real seed corpus (beside the checkout, never copied), examples, stores
and the invented articles of the command-line tests."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_articles import AGREEING, GAZETTE, GAZETTE_BUDGET, HERALD, write

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# The benchmarks (``from benchmarks.generator import generate``) are not installed: reach
# them from the checkout. Appended, not prepended: ROOT/consistency lacks the rules and
# reports that the installed package has (they install from ROOT/rules and ROOT/reports).
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS / "expected.yaml").is_file():
        pytest.skip("the seed corpus ../shared/corpus/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def examples_result():  # type: ignore[no-untyped-def]
    """The checked examples/, once per test session (the language model loads once)."""
    from consistency.pipeline import check

    return check([EXAMPLES])


# --- stores -------------------------------------------------------------------------------

#: A DSN of a PostgreSQL server whose user may create databases (.ci/run starts one).
POSTGRES_ENV = "CONSISTENCY_TEST_POSTGRES"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped after it."""
    dsn = os.environ.get(POSTGRES_ENV)
    if not dsn:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} to a DSN (.ci/run starts one)")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"consistency_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(dsn).set(drivername="postgresql")
    conninfo = admin.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new store of each kind: an SQLite file, and a PostgreSQL database when one is up."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "store.sqlite")
    return str(request.getfixturevalue("postgres_url"))


# --- the command line: invented articles of cli_articles.py -------------------------------


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder: no consistency.toml or pyproject.toml of the checkout leaks in."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def disagreeing(tmp_path: Path) -> Path:
    """Two invented articles that disagree on a date (DT01) and one dated after publication."""
    return write(tmp_path / "dis", {"gazette.txt": GAZETTE, "herald.txt": HERALD})


@pytest.fixture
def agreeing(tmp_path: Path) -> Path:
    """Two invented articles that state the same fact and agree on it."""
    return write(tmp_path / "agree", {"gazette.txt": GAZETTE_BUDGET, "herald.txt": AGREEING})
