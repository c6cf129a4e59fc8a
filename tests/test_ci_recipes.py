"""The CI recipes, run as CI would run them, on a temporary git repository of articles.

examples/ci/github-actions.yml and examples/ci/gitlab-ci.yml and the top-level
.pre-commit-hooks.yaml are read as written: their shell steps run here with the variables
the CI service would set (the steps that install the checker or call other actions are the
service's, not ours). The GitHub workflow carries the whole story of a newsroom's drops:

1. drop 1 agrees with the archive: the job passes;
2. drop 2 contradicts it: the job fails, and the SARIF points at the right lines of both
   articles;
3. once the finding is accepted (``consistency accept``), the job passes;
4. moving drop 2 into the archive changes no fingerprint;
5. one new article against an archive of 2,000 still reports its contradiction.

All articles are invented here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import consistency

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / "examples" / "ci"
BIN = str(Path(sys.executable).parent)  # where this environment's `consistency` is

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARCHIVE = {
    "gazette.txt": (
        "Marlow Gazette\nMarch 4, 2024\n\n"
        "The Teller Bay council approved the new harbour budget on Monday.\n\n"
        "The council said 1,200 residents signed the petition for the harbour works.\n"
    ),
    "courier.txt": (
        "Harbour Courier\nMarch 5, 2024\n\n"
        "Work on the Teller Bay harbour is due to start in May.\n\n"
        "A spokesman for the council said 1,200 residents signed the petition.\n"
    ),
}
AGREEING = (
    "Bayside Post\nMarch 6, 2024\n\n"
    "The Teller Bay petition for the harbour works drew 1,200 signatures from residents.\n"
)
CONTRADICTING = (
    "Teller Herald\nMarch 6, 2024\n\n"
    "Residents of Teller Bay turned out for the vote.\n\n"
    "The council said 1,900 residents signed the petition for the harbour works.\n"
)


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=_env({})
    )
    return done.stdout.strip()


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        PATH=BIN + os.pathsep + env.get("PATH", ""),
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.org",
    )
    env.update(extra)
    return env


def _commit(repo: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    r = tmp_path / "newsroom"
    r.mkdir()
    _git(r, "init", "-q")
    return r


def _bash(script: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=repo, env=_env(env), capture_output=True, text=True
    )


# --- GitHub Actions --------------------------------------------------------------------


def _workflow() -> dict[str, Any]:
    data = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _github_job(repo: Path, since: str, summary: Path) -> int:
    """Run the workflow's own shell steps as the runner would; the job's exit code."""
    job = _workflow()["jobs"]["check"]
    env = {k: str(v) for k, v in job["env"].items() if "${{" not in str(v)}
    env.update(SINCE=since, GITHUB_STEP_SUMMARY=str(summary))
    failed = 0
    for step in job["steps"]:
        if "run" not in step or "pip install" in step["run"]:
            continue  # actions, and installing the checker: this environment has it
        if failed and "always()" not in str(step.get("if", "")):
            continue
        done = _bash(step["run"], repo, env)
        assert "Traceback" not in done.stderr, done.stderr
        if done.returncode:
            failed = failed or done.returncode
            assert done.returncode == 1, done.stderr  # findings, not a broken run
    return failed


def _sarif(repo: Path) -> dict[str, Any]:
    data = json.loads((repo / "consistency.sarif").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _points_at(repo: Path, location: dict[str, Any], words: str) -> bool:
    physical = location["physicalLocation"]
    path = repo / physical["artifactLocation"]["uri"]
    region = physical["region"]
    line = path.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    return line[region["startColumn"] - 1 :].startswith(words)


def _fingerprints(sarif: dict[str, Any]) -> set[str]:
    return {
        fp
        for run in sarif["runs"]
        for r in run["results"]
        for fp in r.get("partialFingerprints", {}).values()
    }


def test_the_github_workflow_on_a_newsroom_repository(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    start = _commit(repo, {f"stories/archive/{k}": v for k, v in ARCHIVE.items()}, "archive")

    # 1. Drop 1 agrees: the job passes.
    drop1 = _commit(repo, {"stories/drop-1/post.txt": AGREEING}, "drop 1")
    assert _github_job(repo, start, summary) == 0
    assert (repo / ".consistency/store.sqlite").exists()

    # 2. Drop 2 contradicts the archive: the job fails; the SARIF points at both articles.
    _commit(repo, {"stories/drop-2/herald.txt": CONTRADICTING}, "drop 2")
    assert _github_job(repo, drop1, summary) == 1
    assert "1,900" in summary.read_text(encoding="utf-8")  # the job summary tells it
    sarif = _sarif(repo)
    results = [r for run in sarif["runs"] for r in run["results"] if r["ruleId"] == "NU02"]
    assert results, sarif
    where = [loc for r in results for loc in r["locations"]]
    for r in results:  # the drop, stored with the archive too, is never compared with itself
        uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in r["locations"]]
        assert sum(u.endswith("drop-2/herald.txt") for u in uris) == 1, uris
    assert any(
        loc["physicalLocation"]["artifactLocation"]["uri"].endswith("drop-2/herald.txt")
        and _points_at(repo, loc, "The council said 1,900 residents")
        for loc in where
    ), where
    assert any(
        "/archive/" in loc["physicalLocation"]["artifactLocation"]["uri"]
        and (
            _points_at(repo, loc, "The council said 1,200")
            or _points_at(repo, loc, "A spokesman for the council")
        )
        for loc in where
    ), where
    before_move = _fingerprints(sarif)

    # 3. Accepted, the same drop passes; the acceptance is a file for review.
    for fp in sorted(before_move):
        done = _bash(f"consistency accept {fp} --reason 'two counts, both reported'", repo, {})
        assert done.returncode == 0, done.stderr
    assert "two counts" in (repo / ".consistency/accepted.yaml").read_text(encoding="utf-8")
    assert _github_job(repo, drop1, summary) == 0
    sarif = _sarif(repo)
    assert all(r.get("suppressions") for run in sarif["runs"] for r in run["results"])

    # 4. Moving drop 2 into the archive changes no fingerprint.
    _git(repo, "mv", "stories/drop-2/herald.txt", "stories/archive/herald.txt")
    _commit(repo, {}, "drop 2 into the archive")
    full = _bash("consistency check stories/ --format sarif --output moved.sarif", repo, {})
    assert full.returncode == 0, full.stderr  # accepted: the job stays green
    moved = json.loads((repo / "moved.sarif").read_text(encoding="utf-8"))
    assert before_move <= _fingerprints(moved)


def test_one_new_article_against_an_archive_of_2000(repo: Path, tmp_path: Path) -> None:
    towns = [f"Port {a}{b}" for a in ("Al", "Bel", "Cor", "Dun", "Fen") for b in range(400)]
    archive = {
        f"stories/archive/{i:04d}.txt": (
            f"Coast Wire\nMay {1 + i % 28}, 2024\n\n"
            f"The {town} council approved {100 + i} new permits for the harbour.\n"
        )
        for i, town in enumerate(towns)
    }
    archive.update({f"stories/archive/{k}": v for k, v in ARCHIVE.items()})
    start = _commit(repo, archive, "an archive of 2,002 articles")
    filled = _bash("consistency store add stories/ --store .consistency/store.sqlite", repo, {})
    assert filled.returncode == 0, filled.stderr
    _commit(repo, {"stories/drop-3/herald.txt": CONTRADICTING}, "drop 3")
    assert _github_job(repo, start, tmp_path / "summary.md") == 1
    results = [r for run in _sarif(repo)["runs"] for r in run["results"]]
    assert any(r["ruleId"] == "NU02" and "1,900" in r["message"]["text"] for r in results)


# --- GitLab CI ---------------------------------------------------------------------------


def test_the_gitlab_job_on_a_newsroom_repository(repo: Path) -> None:
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["consistency"]
    start = _commit(repo, {f"stories/archive/{k}": v for k, v in ARCHIVE.items()}, "archive")
    _commit(repo, {"stories/drop-2/herald.txt": CONTRADICTING}, "drop 2")
    env = {k: str(v) for k, v in job["variables"].items()}
    env["CI_COMMIT_BEFORE_SHA"] = start
    done = _bash("\n".join(job["script"]), repo, env)
    assert done.returncode == 1, done.stderr
    report = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text())
    assert any("1,900" in issue["description"] for issue in report)
    paths = {issue["location"]["path"] for issue in report}
    assert paths <= {
        "stories/drop-2/herald.txt",
        "stories/archive/gazette.txt",
        "stories/archive/courier.txt",
    }
    junit = (repo / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8")
    assert "<failure" in junit


# --- pre-commit ------------------------------------------------------------------------------


def test_the_pre_commit_hook_checks_the_staged_articles(repo: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    _commit(repo, {f"stories/archive/{k}": v for k, v in ARCHIVE.items()}, "archive")
    filled = _bash("consistency store add stories/ --store .consistency/store.sqlite", repo, {})
    assert filled.returncode == 0, filled.stderr

    def run_hook(files: dict[str, str]) -> subprocess.CompletedProcess[str]:
        for name, text in files.items():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_text(text, encoding="utf-8")
        _git(repo, "add", "-A")
        staged = _git(repo, "diff", "--cached", "--name-only").splitlines()
        chosen = [f for f in staged if re.search(hook["files"], f)]
        argv = [*hook["entry"].split(), *hook["args"], *chosen]
        return subprocess.run(argv, cwd=repo, env=_env({}), capture_output=True, text=True)

    assert run_hook({"stories/drop-1/post.txt": AGREEING}).returncode == 0
    _git(repo, "commit", "-q", "-m", "drop 1")
    bad = run_hook({"stories/drop-2/herald.txt": CONTRADICTING})
    assert bad.returncode == 1, bad.stderr
    assert "1,900" in bad.stdout and "Traceback" not in bad.stderr


def test_the_recipes_pin_this_version() -> None:
    """The recipes install the version this checkout is (``consistency.__version__``, the
    one place it is written): a release that changes it changes them, or this fails."""
    for recipe in sorted(CI.glob("*.yml")):
        pins = re.findall(r"CONSISTENCY: (\S+)", recipe.read_text(encoding="utf-8"))
        assert pins == [f"consistency=={consistency.__version__}"], recipe.name
