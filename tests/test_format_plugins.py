"""Third-party report formats through the ``consistency.formats`` entry-point group.

A tiny distribution is built as a wheel by hand (a module, its ``.dist-info`` with
``METADATA``, ``WHEEL``, ``RECORD`` and ``entry_points.txt``), installed by pip into a
folder, and the command line, run with that folder on ``PYTHONPATH``, writes the plugin's
report. A plugin that fails to load or to render stops the run with one line naming it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from consistency.models import FORMAT_GROUP, FORMAT_NAMES, is_builtin, plugins
from consistency.reports import FORMATS

ROOT = Path(__file__).resolve().parents[1]

MODULE = '''
def render_tally(result):
    """One line: how many documents and findings (a test plugin)."""
    return f"tally: {len(result.documents)} documents, {len(result.findings_list)} findings\\n"


def render_failing(result):
    raise ValueError("the tally is not ready\\nsecond line")
'''

ENTRY_POINTS = """[consistency.formats]
tally = tally_format:render_tally
tally-failing = tally_format:render_failing
tally-missing = tally_format_gone:render
"""


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _wheel(folder: Path) -> Path:
    """tally_format 0.1 as a wheel, written by hand."""
    info = "tally_format-0.1.dist-info"
    files = {
        "tally_format.py": MODULE.encode(),
        f"{info}/METADATA": b"Metadata-Version: 2.1\nName: tally-format\nVersion: 0.1\n",
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: by-hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
        f"{info}/entry_points.txt": ENTRY_POINTS.encode(),
    }
    record = [_record_line(name, data) for name, data in files.items()]
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = folder / "tally_format-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return wheel


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the plugin's wheel is installed into, as pip installs it."""
    tmp = tmp_path_factory.mktemp("format_plugin")
    site = tmp / "site"
    wheel = _wheel(tmp)
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    done = subprocess.run(
        [*pip, "--target", str(site), str(wheel)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (site / "tally_format.py").is_file()
    return site


def _check(site: Path, fmt: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    cmd = [sys.executable, "-m", "consistency.cli", "check", "examples/", "-f", fmt]
    return subprocess.run(
        [*cmd, "-o", str(out), "-q"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_builtin_formats_are_entry_points() -> None:
    builtin = sorted(ep.name for ep in plugins(FORMAT_GROUP) if is_builtin(ep))
    assert builtin == list(FORMAT_NAMES) == list(FORMATS)


def test_a_plugin_format_writes_its_report(plugin_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.tally"
    run = _check(plugin_site, "tally", out)
    assert run.returncode in (0, 1), run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("tally: ") and text.endswith(" findings\n"), text
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("fmt", "what"),
    [
        ("tally-missing", "failed to load: ModuleNotFoundError"),
        ("tally-failing", "failed to render: ValueError: the tally is not ready second line"),
    ],
)
def test_a_broken_plugin_format_is_one_line(
    plugin_site: Path, tmp_path: Path, fmt: str, what: str
) -> None:
    out = tmp_path / "report.tally"
    run = _check(plugin_site, fmt, out)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"consistency: error: report format {fmt!r} (tally_format")
    assert what in lines[0]
    assert not out.exists()
