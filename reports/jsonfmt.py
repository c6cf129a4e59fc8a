"""The JSON report: the contract of DESIGN.md, ``"schema": "consistency/findings@1"``.

Keys come in a fixed order and lists in the order of the result, with no timestamps, so two
runs over the same inputs give byte-identical files. Keys beyond the contract (additions
only, never renames): ``skipped`` (each with its ``kind``: ``input`` or ``rule``) and
``summary`` at the top; ``published_note``, ``notes``, ``confidence`` and ``identity`` (the
URL or text hash that fingerprints use) on documents; ``reconcile``, ``fingerprint``,
``status`` (``failing``, ``accepted``, ``passing``: below ``--fail-on``) and ``accepted``
(``{"reason", "until", "from"}`` or null) on findings; ``how`` on each cited claim.

``summary`` says how the run stands: ``fail_on``, counts of findings, failing and accepted
ones, and the entries of the accepted list that are ``stale`` (their finding no longer
appears) or ``expired``, and the baseline's findings now ``absent``.
"""

from __future__ import annotations

import json
import math
from typing import Any

from consistency.fingerprints import identity
from consistency.models import Acceptance, Cited, Document, Finding, Result

from .common import Documents, acceptance, fail_on, how, rounded, status

SCHEMA = "consistency/findings@1"


def _document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "name": doc.name,
        "outlet": doc.outlet,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "published_from": doc.published_from,
        "published_note": doc.published_note,
        "notes": list(doc.notes),
        "confidence": rounded(doc.confidence),
        "outlet_from": doc.outlet_from or None,
        "title_from": doc.title_from or None,
        "identity": identity(doc),
    }


def _cited(cited: Cited, kind: str, documents: Documents) -> dict[str, Any]:
    claim = cited.claim
    return {
        "claim": claim.id,
        "document": claim.document,
        "name": documents.name(claim.document),
        "quote": claim.sentence,
        "value": cited.value,
        "how": how(cited, kind),
    }


def _accepted(entry: Acceptance | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "reason": entry.reason,
        "until": entry.until.isoformat() if entry.until else None,
        "from": entry.source,
    }


def _entry(entry: Acceptance) -> dict[str, Any]:
    return {
        "fingerprint": entry.fingerprint,
        "rule": entry.rule,
        "reason": entry.reason,
        "until": entry.until.isoformat() if entry.until else None,
        "summary": entry.summary,
    }


def _summary(result: Result) -> dict[str, Any]:
    statuses = [status(result, f) for f in result.findings_list]
    review = result.review
    return {
        "fail_on": fail_on(result),
        "findings": len(statuses),
        "failing": statuses.count("failing"),
        "accepted": statuses.count("accepted"),
        "stale": [_entry(e) for e in review.stale] if review else [],
        "expired": [_entry(e) for e in review.expired] if review else [],
        "absent": [_entry(e) for e in review.absent] if review else [],
    }


def _finding(finding: Finding, result: Result, documents: Documents) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "kind": finding.kind,
        "kinds": list(finding.kinds),
        "also": [a.split(":", 1)[0] for a in finding.also],
        "severity": finding.severity,
        "confidence": rounded(finding.confidence),
        "entity": finding.entity,
        "event": finding.event,
        "message": finding.message,
        "claims": [_cited(cited, finding.kind, documents) for cited in finding.cited],
        "reconcile": list(finding.reconcile),
        "fingerprint": finding.fingerprint,
        "status": status(result, finding),
        "accepted": _accepted(acceptance(result, finding)),
    }


def _finite(value: Any) -> Any:
    # JSON has no Infinity or NaN: an unbounded or missing number is null.
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def json_object(result: Result) -> dict[str, Any]:
    """The report as plain JSON-ready data, keys in the contract's order."""
    documents = Documents(result)
    obj = {
        "schema": SCHEMA,
        "documents": [_document(doc) for doc in result.documents],
        "claims": [claim.to_json() for claim in result.claims_list],
        "findings": [_finding(finding, result, documents) for finding in result.findings_list],
        "skipped": [{"path": s.path, "reason": s.reason, "kind": s.kind} for s in result.skipped],
        "summary": _summary(result),
    }
    clean: dict[str, Any] = _finite(obj)
    return clean


def render_json(result: Result) -> str:
    """The JSON report as text, indented, UTF-8 characters kept, ending in a newline."""
    return json.dumps(json_object(result), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
