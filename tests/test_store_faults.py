"""The store under faults: a run killed with SIGKILL in the middle of filling a store leaves
it usable with nothing half-written, and the next run gives the findings of a fresh store;
two runs at once on one store both finish and leave one consistent store (SQLite in WAL
mode with a busy timeout; PostgreSQL when CONSISTENCY_TEST_POSTGRES names a server)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from consistency.store import db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An archive of generated stories and a drop of one more (sharing facts with them)."""
    tmp_path = tmp_path_factory.mktemp("corpus")
    stories = 8
    from benchmarks.generator import generate

    gen = tmp_path / "gen"
    generate(gen, stories=stories + 1, outlets=3, seed=77)
    archive, drop = tmp_path / "archive", tmp_path / "drop"
    for story in sorted(p for p in gen.iterdir() if p.is_dir()):
        dest = drop if story.name == "story-001" else archive / story.name
        dest.mkdir(parents=True, exist_ok=True)
        for f in story.iterdir():
            shutil.copy(f, dest / f.name)
    return archive, drop


def _cli(*args: str, cwd: Path) -> list[str]:
    return [sys.executable, "-m", "consistency.cli", *args]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        _cli(*args, cwd=cwd), cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _count(url: str, table: str) -> int:
    engine = create_engine(db.url_of(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    except Exception:  # noqa: BLE001 - not created yet
        return 0
    finally:
        engine.dispose()


def _findings(store: str, drop: Path, out: Path, cwd: Path) -> str:
    done = _run("check", str(drop), "--store", store, "-f", "json", "-o", str(out), "-q", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return json.dumps(json.loads(out.read_text())["findings"], sort_keys=True)


def _consistent(url: str) -> None:
    """Every document has its reading, and every reading its index rows."""
    engine = create_engine(db.url_of(url))
    with engine.connect() as conn:
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM documents d LEFT JOIN readings r"
                " ON r.content_hash = d.content_hash WHERE r.id IS NULL"
            )
        ).scalar_one()
        bare = conn.execute(
            text(
                "SELECT count(*) FROM readings r WHERE NOT EXISTS"
                " (SELECT 1 FROM links l WHERE l.reading_id = r.id)"
            )
        ).scalar_one()
        dup = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT content_hash, reader FROM readings"
                " GROUP BY content_hash, reader HAVING count(*) > 1) x"
            )
        ).scalar_one()
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()
    assert (orphans, bare, dup) == (0, 0, 0)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The findings of the drop against a store filled in one quiet run."""
    from click.testing import CliRunner

    from consistency.cli import main

    archive, drop = corpus
    tmp = tmp_path_factory.mktemp("fresh")
    fresh, out = str(tmp / "fresh.sqlite"), tmp / "r.json"
    runner = CliRunner()
    assert runner.invoke(main, ["store", "add", str(archive), "--store", fresh]).exit_code == 0
    args = ["check", str(drop), "--store", fresh, "-f", "json", "-o", str(out), "-q"]
    assert runner.invoke(main, args).exit_code in (0, 1)
    return json.dumps(json.loads(out.read_text())["findings"], sort_keys=True)


def test_sigkill_while_filling_leaves_a_usable_store(
    tmp_path: Path, store_url: str, corpus: tuple[Path, Path], reference: str
) -> None:
    archive, drop = corpus
    total = sum(1 for _ in archive.rglob("*.*"))
    proc = subprocess.Popen(
        _cli("store", "add", str(archive), "--store", store_url, cwd=tmp_path),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while _count(store_url, "documents") == 0 and time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(store_url, "documents")
    assert 0 < stored < total  # killed in the middle, after a commit
    _consistent(store_url)

    done = _run("store", "add", str(archive), "--store", store_url, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{total - stored} read" in done.stderr  # what the killed run stored is kept
    _consistent(store_url)
    assert _findings(store_url, drop, tmp_path / "a.json", tmp_path) == reference


def test_two_runs_at_once_on_one_store(
    tmp_path: Path, store_url: str, corpus: tuple[Path, Path], reference: str
) -> None:
    archive, drop = corpus
    runs = [
        subprocess.Popen(
            _cli(*args, cwd=tmp_path),
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in (
            ("store", "add", str(archive), "--store", store_url),
            ("check", str(drop), "--store", store_url, "--archive", str(archive), "-q"),
        )
    ]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode in (0, 1), err
        assert "Traceback" not in err
    _consistent(store_url)
    archived = sum(1 for _ in archive.rglob("*.*"))
    assert _count(store_url, "documents") == archived + sum(1 for _ in drop.iterdir())
    again = _run("store", "add", str(archive), "--store", store_url, cwd=tmp_path)
    assert "0 read" in again.stderr
    assert _findings(store_url, drop, tmp_path / "a.json", tmp_path) == reference
