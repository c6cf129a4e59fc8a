"""What the command-line tests share: running the CLI and telling the report formats apart.

Each CLI test runs the CLI in-process with click's CliRunner, in an empty working folder (the
``in_empty_folder`` fixture of conftest.py, so no ``consistency.toml`` or ``pyproject.toml``
of the checkout leaks in), over the project's ``examples/`` or over the small invented
articles of cli_articles.py.

Exit codes (DESIGN.md): 0 no failing findings, 1 failing findings, 2 the run could not be done.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from consistency.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FORMATS = ("text", "html", "json", "csv", "sarif", "junit", "md", "github", "codeclimate")


def run(*args: Any) -> Result:
    """Invoke the CLI; an exception other than SystemExit is a bug (a user sees a traceback)."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"uncaught {type(exc).__name__}: {exc}") from exc
    assert "Traceback" not in result.output
    return result


def report(*args: Any) -> tuple[Result, dict[str, Any]]:
    """Run ``check`` with the JSON report on standard output; the result and the report."""
    result = run("check", *args, "--format", "json", "-o", "-")
    return result, json.loads(result.stdout)


def sniff(text: str) -> str:
    """Which of our formats ``text`` is."""
    if text.startswith("<!DOCTYPE html"):
        return "html"
    last = text.rstrip("\n").splitlines()[-1]
    if re.match(r"^\d+ findings? .*\d+ skipped inputs?\.$", last):
        body = text.splitlines()[:-1]
        if body and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in body):
            return "github"
        return "text"
    if text.lstrip().startswith("["):
        issues = json.loads(text)
        assert all({"check_name", "fingerprint", "severity", "location"} <= set(i) for i in issues)
        return "codeclimate"
    if text.startswith("<?xml"):
        assert ET.fromstring(text.encode("utf-8")).tag in {"testsuites", "testsuite"}
        return "junit"
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        if data.get("schema") == "consistency/findings@1":
            return "json"
        assert data["version"] == "2.1.0" and isinstance(data["runs"], list)
        return "sarif"
    if text.startswith("#"):
        return "md"
    header = next(csv.reader(io.StringIO(text)))
    assert {"rule", "severity", "quote"} <= set(header), header
    return "csv"


# The HTML report says when it was made; everything else is the same byte for byte.
STAMP = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')
