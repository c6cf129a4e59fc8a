"""``--jobs N``: the per-document work in N processes gives the same report, byte for byte.

Compared on ``examples/`` and, when ``../shared/corpus/real`` is beside the checkout, on the
real stories (read, never copied); also under another hash seed in a fresh process. Bad
values are usage errors (exit 2). No timings are asserted here: see benchmarks/throughput.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency import config as config_mod
from consistency import pipeline
from consistency.cli import main
from consistency.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _json_report(tmp_path: Path, corpus: Path, *options: str) -> bytes:
    out = tmp_path / f"report{'-'.join(options)}.json"
    result = CliRunner().invoke(
        main, ["check", str(corpus), "--format", "json", "-o", str(out), "-q", *options]
    )
    assert result.exit_code in (0, 1), result.output
    return out.read_bytes()


def test_jobs_2_gives_the_same_json_as_jobs_1_on_examples(tmp_path: Path) -> None:
    one = _json_report(tmp_path, EXAMPLES, "--jobs", "1")
    assert _json_report(tmp_path, EXAMPLES, "--jobs", "2") == one
    assert _json_report(tmp_path, EXAMPLES) == one  # the default is one process


def test_jobs_2_gives_the_same_json_as_jobs_1_on_the_real_stories(tmp_path: Path) -> None:
    if not REAL.is_dir():
        pytest.skip("the real corpus ../shared/corpus/real is not beside the checkout")
    one = _json_report(tmp_path, REAL, "--jobs", "1")
    assert _json_report(tmp_path, REAL, "--jobs", "2") == one


def test_jobs_under_another_hash_seed_gives_the_same_json(tmp_path: Path) -> None:
    one = _json_report(tmp_path, EXAMPLES)
    out = tmp_path / "seeded.json"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    cmd = [sys.executable, "-m", "consistency.cli", "check", str(EXAMPLES), "-q"]
    cmd += ["--format", "json", "-o", str(out), "--jobs", "3"]
    # Run from elsewhere: from the checkout, its consistency/ would shadow the installed
    # package (whose consistency.rules comes from rules/).
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert out.read_bytes() == one


def test_the_api_takes_jobs_and_gives_the_same_findings() -> None:
    one = pipeline.check(EXAMPLES)
    two = pipeline.check(EXAMPLES, jobs=2)
    assert [f.fingerprint for f in two.findings_list] == [f.fingerprint for f in one.findings_list]
    assert two.claims_list == one.claims_list


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_a_bad_jobs_value_is_a_usage_error(value: str) -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLES), "--jobs", value])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_the_api_refuses_fewer_than_one_job() -> None:
    with pytest.raises(ConfigError, match="jobs"):
        pipeline.check(EXAMPLES, jobs=0)


def test_jobs_is_read_from_the_settings(tmp_path: Path) -> None:
    (tmp_path / "consistency.toml").write_text("jobs = 2\n", encoding="utf-8")
    assert config_mod.load(start=tmp_path).jobs == 2
    for bad in ("0", "true", '"2"', "1.5"):
        (tmp_path / "consistency.toml").write_text(f"jobs = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="jobs"):
            config_mod.load(start=tmp_path)
