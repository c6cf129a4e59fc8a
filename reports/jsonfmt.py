"""The JSON report: the contract of DESIGN.md, ``"schema": "consistency/findings@1"``.

Keys come in a fixed order and lists in the order of the result, with no timestamps, so two
runs over the same inputs give byte-identical files. Keys beyond the contract (additions
only, never renames): ``skipped`` at the top; ``published_note``, ``notes`` and
``confidence`` on documents; ``reconcile`` and ``fingerprint`` on findings; ``how`` on
each cited claim.
"""

from __future__ import annotations

import json
import math
from typing import Any

from consistency.models import Cited, Document, Finding, Result

from .common import Documents, how, rounded

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


def _finding(finding: Finding, documents: Documents) -> dict[str, Any]:
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
        "findings": [_finding(finding, documents) for finding in result.findings_list],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
    }
    clean: dict[str, Any] = _finite(obj)
    return clean


def render_json(result: Result) -> str:
    """The JSON report as text, indented, UTF-8 characters kept, ending in a newline."""
    return json.dumps(json_object(result), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
