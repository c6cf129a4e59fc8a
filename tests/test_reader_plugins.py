"""Third-party readers through the ``consistency.readers`` entry-point group.

A tiny distribution is built by hand as a wheel (a zip holding the module and its
``.dist-info``: METADATA, WHEEL, RECORD, entry_points.txt), installed with pip into a folder
(no network, no build backend) and put on PYTHONPATH of a ``consistency check`` run: its
files are found and read like the built-in formats. A plugin that fails to load or to read
costs its own files only, with a one-line reason naming it; the other files are checked.
(All text here is invented.)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

NOTE_READER = '''
from datetime import date

from consistency.reading import Article, Reader


def read(source):
    """A .note file: "% key: value" lines at the top, then paragraphs."""
    meta, body = {}, []
    for line in source.text.split("\\n"):
        if line.startswith("%") and not body:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
        else:
            body.append(line)
    article = Article(
        lines=body,
        title=meta.get("title"),
        title_from="note header",
        outlet=meta.get("outlet"),
        outlet_from="note header",
    )
    article.set_date(date.fromisoformat(meta["date"]), "meta", f'note header "{meta["date"]}"')
    return [article]


READER = Reader(suffixes=(".note",), read=read)
'''

BROKEN_ON_IMPORT = "raise ImportError('missing dependency')\n"

BROKEN_ON_READ = """
from consistency.reading import Reader


def read(source):
    raise KeyError("no such field")


READER = Reader(suffixes=(".boom",), read=read)
"""

NOTE = """% title: Valdoria opens its new river bridge
% outlet: The Valdoria Courier
% date: 2031-05-02

The new river bridge in Valdoria opened to traffic on Monday after four years of work.

Kestrel Works raised $40 million from investors in 2030 to build the bridge.

Mayor Ilse Brandt said the town had waited long enough for a second crossing.
"""

TEXT = """Valdoria bridge opens to cars

The new river bridge in Valdoria opened to traffic this week, the council said.

Kestrel Works raised $55 million from investors in 2030 to build the bridge.

Officials said the crossing would cut journey times by half.
"""


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _wheel(folder: Path, name: str, module: str, kind: str) -> Path:
    """A wheel of one module registering ``name:READER`` as the reader of type ``kind``."""
    info = f"{name}-0.1.dist-info"
    files = {
        f"{name}.py": module.encode(),
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n".encode(),
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: by-hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
        f"{info}/entry_points.txt": f"[consistency.readers]\n{kind} = {name}:READER\n".encode(),
    }
    record = [_record_line(path, data) for path, data in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = folder / f"{name}-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for path, data in files.items():
            z.writestr(path, data)
    return wheel


def _install(target: Path, *wheels: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
        + ["--disable-pip-version-check", "--target", str(target), *map(str, wheels)],
        check=True,
        capture_output=True,
    )


def _check(site: Path, folder: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site))
    return subprocess.run(
        [sys.executable, "-m", "consistency.cli", "check", str(folder)]
        + ["--format", "json", "-o", str(out), *options],
        cwd=folder.parent,  # not the checkout: the installed package is the one run
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "courier.note").write_text(NOTE, encoding="utf-8")
    (folder / "post.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_a_plugin_reader_is_found_and_used_like_the_builtins(tmp_path: Path, stories: Path) -> None:
    site = tmp_path / "site"
    _install(site, _wheel(tmp_path, "zz_note_reader", NOTE_READER, "note"))
    out = tmp_path / "report.json"
    run = _check(site, stories, out)
    assert run.returncode == 1, run.stderr  # a finding fails the check, as for any input
    assert "Traceback" not in run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in report["documents"]}
    assert set(docs) == {"courier.note", "post.txt"}
    note = docs["courier.note"]
    assert note["title"] == "Valdoria opens its new river bridge"
    assert note["outlet"] == "The Valdoria Courier"
    assert (note["published"], note["published_from"]) == ("2031-05-02", "meta")
    assert "courier.note" in {c["document"] for c in report["claims"]}
    cited = [{c["document"] for c in f["claims"]} for f in report["findings"]]
    assert {"courier.note", "post.txt"} in cited  # $40 million against $55 million
    assert report["skipped"] == []


def test_a_broken_plugin_costs_its_own_files_only(tmp_path: Path, stories: Path) -> None:
    site = tmp_path / "site"
    _install(
        site,
        _wheel(tmp_path, "zz_broken_import", BROKEN_ON_IMPORT, "bad"),
        _wheel(tmp_path, "zz_broken_read", BROKEN_ON_READ, "boom"),
    )
    (stories / "courier.note").rename(stories / "courier.txt")  # no .note reader here
    (stories / "wire.boom").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "report.json"
    run = _check(site, stories, out, "--strict")
    assert run.returncode == 2, run.stderr  # --strict: an input was skipped
    assert "Traceback" not in run.stderr
    errors = run.stderr.splitlines()
    load = (
        "consistency: skipped (readers): reader plugin 'bad' (zz_broken_import:READER) "
        "failed to load: ImportError: missing dependency"
    )
    read = (
        f"consistency: skipped {stories / 'wire.boom'}: reader 'boom' "
        "(zz_broken_read:READER) failed: KeyError: 'no such field'"
    )
    assert load in errors and read in errors
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {d["id"] for d in report["documents"]} == {"courier.txt", "post.txt"}
    assert report["findings"]  # the other files were checked
    assert len(report["skipped"]) == 2
