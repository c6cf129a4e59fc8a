"""GitLab Code Quality (the Code Climate issue format): a JSON array, one issue per finding.

Each issue has ``type`` "issue", ``check_name`` (the rule code), ``description`` (the
message), ``categories``, ``fingerprint`` (the finding's stable fingerprint), ``severity``
and a ``location`` with the first cited sentence's ``path`` and ``lines.begin``/``end`` in
the original file; the other cited sentences are ``other_locations``, and ``content.body``
lists every value with its outlets. Severity: an accepted finding is ``info``, otherwise
low is ``minor``, medium ``major`` and high ``critical``.

GitLab reads it as a ``codequality`` report (``artifacts: reports: codequality:``); the
paths are relative to the working folder, so run the check from the repository's root.
"""

from __future__ import annotations

import json
from typing import Any

from consistency.models import Finding, Result

from .common import Documents, Where, acceptance, accepted_words, where

SEVERITIES = {"high": "critical", "medium": "major", "low": "minor"}


def _location(at: Where) -> dict[str, Any]:
    return {"path": at.path, "lines": {"begin": at.line, "end": at.end_line}}


def _issue(finding: Finding, result: Result, documents: Documents) -> dict[str, Any]:
    entry = acceptance(result, finding)
    places = [where(c.claim, documents) for c in finding.cited]
    body = [
        f"- {cited.value}: {documents.source(cited.claim.document)} ({at.label})"
        for cited, at in zip(finding.cited, places, strict=True)
    ]
    if entry is not None:
        body.append(f"\n{accepted_words(entry)}")
    issue: dict[str, Any] = {
        "type": "issue",
        "check_name": finding.rule,
        "description": " ".join(finding.message.split()),
        "content": {"body": "\n".join(body)},
        "categories": ["Bug Risk"],
        "fingerprint": finding.fingerprint,
        "severity": "info" if entry is not None else SEVERITIES.get(finding.severity, "major"),
        "location": _location(places[0]),
    }
    if len(places) > 1:
        issue["other_locations"] = [_location(at) for at in places[1:]]
    return issue


def render_codeclimate(result: Result) -> str:
    """The issues as an indented JSON array ending in a newline."""
    documents = Documents(result)
    issues = [_issue(f, result, documents) for f in result.findings_list if f.cited]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
