"""The SARIF 2.1.0 report, for code-scanning views and CI annotations.

One run. ``tool.driver.rules`` holds one entry per rule with results (sorted by code), named
and described from the rule class (:meth:`Rule.documentation`: the summary line, the
paragraph on why it matters, the whole docstring as help); a rule no longer installed is
described from its findings' kind. One result per finding, its level ``error``, ``warning``
or ``note`` for high, medium or low severity, with one location per cited claim.

A location's region is where the cited sentence starts and ends in the ORIGINAL file, as
lines and columns counted in code points (``columnKind`` is ``unicodeCodePoints``), with
the sentence as the region's snippet: for a text or Markdown file the lines of the file,
for an HTML page the line where the sentence starts in the HTML source, for a JSON feed the
line (and column) inside the field that holds the text (see :mod:`consistency.reading.positions`).
A sentence that could not be found in its file is placed on line 1.

``partialFingerprints`` carry the finding's fingerprint (``consistency/v2``: from rule,
fact, values and the articles' URLs or text, see :mod:`consistency.fingerprints`). An
accepted finding (the accepted list, or a ``--baseline``) has a ``suppressions`` entry of
kind ``external`` with its reason as justification. With a baseline, every result has a
``baselineState``: ``unchanged`` (in the baseline), ``new``, or ``absent`` for the
baseline's findings that this run no longer has (results without locations).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from consistency.models import Acceptance, Finding, Result

from .common import Documents, acceptance, how, kind_info, rounded, status, tool_version, where

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

LEVELS = {"high": "error", "medium": "warning", "low": "note"}

#: The key of the fingerprint in ``partialFingerprints``; v1 was built from file paths.
FINGERPRINT_KEY = "consistency/v2"


def artifact_uri(path: str) -> str:
    """A document path as a SARIF URI: a relative reference with forward slashes,
    percent-encoded, or a ``file://`` URI for an absolute path."""
    windows = PureWindowsPath(path)
    if windows.drive or "\\" in path:
        if windows.is_absolute():
            return windows.as_uri()
        path = windows.as_posix()
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return posix.as_uri()
    return quote(path, safe="/@!$&'()*+,;=-._~")


def _rules(codes: list[str], kinds: dict[str, str]) -> list[dict[str, Any]]:
    from consistency.rules import registry

    available, _ = registry()
    rules = []
    for code in codes:
        cls = available.get(code)
        info = kind_info(kinds.get(code) or (cls.kind if cls else "other"))
        if cls is None:
            name, short, full, help_text = info.rule_name, info.description, info.description, ""
        else:
            name, short, full = cls.name or info.rule_name, cls.summary(), cls.description()
            help_text = cls.documentation()
        entry: dict[str, Any] = {
            "id": code,
            "name": name,
            "shortDescription": {"text": short or info.description},
            "fullDescription": {"text": full or short or info.description},
        }
        if help_text:
            entry["help"] = {"text": help_text, "markdown": help_text}
        if cls is not None:
            entry["defaultConfiguration"] = {"level": LEVELS.get(cls.severity, "warning")}
        entry["properties"] = {
            "kind": kinds.get(code) or (cls.kind if cls else "other"),
            "tags": sorted({"consistency", info.label.lower()}),
        }
        rules.append(entry)
    return rules


def _location(finding: Finding, index: int, documents: Documents) -> dict[str, Any]:
    cited = finding.cited[index]
    claim = cited.claim
    doc = documents.get(claim.document)
    text = f"{documents.source(claim.document)}: {cited.value}"
    resolved = how(cited, finding.kind)
    if resolved:
        text += f" ({resolved})"
    at = where(claim, documents)
    region: dict[str, Any] = {
        "startLine": at.line,
        "startColumn": at.column,
        "endLine": at.end_line,
        "endColumn": at.end_column,
        "snippet": {"text": claim.sentence},
    }
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(doc.path if doc else claim.document)},
            "region": region,
        },
        "message": {"text": text},
    }


def _result(finding: Finding, rule_index: dict[str, int], result: Result) -> dict[str, Any]:
    documents = Documents(result)
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [_location(finding, i, documents) for i in range(len(finding.cited))],
    }
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    review = result.review
    if review is not None and review.baseline is not None:
        out["baselineState"] = "unchanged" if finding.fingerprint in review.baseline else "new"
    entry = acceptance(result, finding)
    if entry is not None:
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": entry.reason}
        ]
    out["properties"] = {
        "kind": finding.kind,
        "severity": finding.severity,
        "confidence": rounded(finding.confidence),
        "entity": finding.entity,
        "event": finding.event,
        "values": [cited.value for cited in finding.cited],
        "reconcile": list(finding.reconcile),
        "status": status(result, finding),
    }
    return out


def _absent(entry: Acceptance, rule_index: dict[str, int]) -> dict[str, Any]:
    """A finding of the baseline that this run no longer has."""
    return {
        "ruleId": entry.rule,
        "ruleIndex": rule_index[entry.rule],
        "level": "none",
        "message": {"text": entry.summary or entry.fingerprint},
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
        "baselineState": "absent",
    }


def sarif_log(result: Result) -> dict[str, Any]:
    """The SARIF log as plain JSON-ready data."""
    kinds: dict[str, str] = {}
    for finding in result.findings_list:
        kinds.setdefault(finding.rule, finding.kind)
    absent = list(result.review.absent) if result.review is not None else []
    rules = _rules(sorted(set(kinds) | {a.rule for a in absent}), kinds)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"Skipped: {skipped.reason}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(skipped.path)}}}
            ],
        }
        for skipped in result.skipped
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "consistency",
                        "version": tool_version(),
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index, result) for f in result.findings_list]
                + [_absent(a, rule_index) for a in absent],
            }
        ],
    }


def render_sarif(result: Result) -> str:
    """The SARIF report as indented JSON text ending in a newline."""
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
