"""The articles a commit range added or changed: ``--changed-since REV``."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from consistency.errors import ConfigError


def changed_since(rev: str, paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files added or modified since ``rev`` under ``paths`` (as ``git diff --name-only
    --diff-filter=AM REV -- PATHS`` lists them), relative to the current folder."""
    top = _git(["rev-parse", "--show-toplevel"], "--changed-since needs a git repository")
    if rev.startswith("-"):
        raise ConfigError(f"--changed-since {rev!r}: not a revision")
    _git(
        ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
        f"--changed-since {rev}: no such revision",
    )
    where = [os.fspath(p) for p in paths]
    out = _git(
        ["diff", "--name-only", "--diff-filter=AM", "-z", rev, "--", *where],
        f"--changed-since {rev}: git diff failed",
    )
    root = Path(top.strip())
    found = []
    for name in out.split("\0"):
        if name:
            p = root / name
            if p.is_file():
                found.append(Path(os.path.relpath(p)))
    return sorted(found)


def _git(args: list[str], problem: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise ConfigError(f"{problem}: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"{problem}: git did not answer") from None
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["(no message)"])[0]
        if "not a git repository" in why:
            raise ConfigError(f"{problem}; {os.getcwd()} is not in one ({why})")
        raise ConfigError(f"{problem} ({why})")
    return done.stdout
