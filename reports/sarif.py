"""The SARIF 2.1.0 report, for code-scanning views and CI annotations.

One run; ``tool.driver.rules`` holds the rule codes present (sorted), each named and
described from its findings' kind; one result per finding, its level ``error``, ``warning``
or ``note`` for high, medium or low severity, and one location per cited claim.

A location's region is the claim's sentence in the document's article text, as lines and
columns (``startLine`` ... ``endColumn``, what code-scanning views need) and as a character
span (``charOffset``, ``charLength``), counted in code points (``columnKind`` is
``unicodeCodePoints``), with the sentence as the region's snippet. For a plain-text article
the article text is the file's text; for a page or a feed it is the text extracted from it,
so positions are approximate there and the snippet says what was meant.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from consistency.models import Finding, Result

from .common import Documents, how, kind_info, rounded, tool_version

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

LEVELS = {"high": "error", "medium": "warning", "low": "note"}


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


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _rules(findings: list[Finding]) -> list[dict[str, Any]]:
    kinds: dict[str, str] = {}
    for finding in findings:
        kinds.setdefault(finding.rule, finding.kind)
    rules = []
    for code in sorted(kinds):
        info = kind_info(kinds[code])
        rules.append(
            {
                "id": code,
                "name": info.rule_name,
                "shortDescription": {"text": info.description},
                "properties": {"kind": kinds[code]},
            }
        )
    return rules


def _location(finding: Finding, index: int, documents: Documents) -> dict[str, Any]:
    cited = finding.cited[index]
    claim = cited.claim
    doc = documents.get(claim.document)
    start, end = claim.span
    text = f"{documents.source(claim.document)}: {cited.value}"
    resolved = how(cited, finding.kind)
    if resolved:
        text += f" ({resolved})"
    region: dict[str, Any] = {}
    if doc is not None and 0 <= start <= end <= len(doc.text):
        # Viewers such as GitHub code scanning place a result by its lines.
        region["startLine"], region["startColumn"] = line_column(doc.text, start)
        region["endLine"], region["endColumn"] = line_column(doc.text, end)
    region["charOffset"] = start
    region["charLength"] = max(0, end - start)
    region["snippet"] = {"text": claim.sentence}
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(doc.path if doc else claim.document)},
            "region": region,
        },
        "message": {"text": text},
    }


def _result(finding: Finding, rule_index: dict[str, int], documents: Documents) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [_location(finding, i, documents) for i in range(len(finding.cited))],
    }
    if finding.fingerprint:
        out["partialFingerprints"] = {"consistency/v1": finding.fingerprint}
    out["properties"] = {
        "kind": finding.kind,
        "severity": finding.severity,
        "confidence": rounded(finding.confidence),
        "entity": finding.entity,
        "event": finding.event,
        "values": [cited.value for cited in finding.cited],
        "reconcile": list(finding.reconcile),
    }
    return out


def sarif_log(result: Result) -> dict[str, Any]:
    """The SARIF log as plain JSON-ready data."""
    documents = Documents(result)
    rules = _rules(result.findings_list)
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
                "results": [
                    _result(finding, rule_index, documents) for finding in result.findings_list
                ],
            }
        ],
    }


def render_sarif(result: Result) -> str:
    """The SARIF report as indented JSON text ending in a newline."""
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
