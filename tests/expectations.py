"""Compare a run's findings with an ``expected.yaml`` (the seeds' format).

A discrepancy is found when a finding of its kind cites every one of its sources and names
its entity. A finding is a false alarm when it speaks of a ``consistent`` entry's entity
and event, or cites page furniture, or matches no discrepancy at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from consistency.evaluate import entity_matches, event_matches, names_of
from consistency.models import Finding, Result


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def names(result: Result, f: Finding) -> set[str]:
    docs = {d.id: d for d in result.documents}
    return {docs[c.claim.document].name for c in f.cited}


def matches(result: Result, f: Finding, d: dict[str, Any]) -> bool:
    sources = {c["source"] for c in d["claims"]}
    return (
        f.kind == d["kind"]
        and sources <= names(result, f)
        and any(entity_matches(e, f.entity) for e in names_of(d))
    )


def covered(result: Result, f: Finding, discrepancies: list[dict[str, Any]]) -> bool:
    """The finding speaks of a listed discrepancy (its entity, within its sources)."""
    for d in discrepancies:
        sources = {c["source"] for c in d["claims"]}
        if names(result, f) <= sources and any(entity_matches(e, f.entity) for e in names_of(d)):
            return True
    return False


def false_alarms(result: Result, consistent: list[dict[str, Any]]) -> list[str]:
    out = []
    for f in result.findings_list:
        for c in consistent:
            if "entity" not in c:
                continue
            if entity_matches(c["entity"], f.entity) and event_matches(c["event"], f.event):
                if "sources" in c and not set(c["sources"]) & names(result, f):
                    continue
                out.append(f"{f.rule} {f.entity} {f.event} matches consistent {c['id']}")
    return out


def furniture_quotes(result: Result) -> list[str]:
    """Cited quotes that come from page furniture rather than the article text."""
    docs = {d.id: d for d in result.documents}
    bad = []
    for f in result.findings_list:
        for c in f.cited:
            d = docs[c.claim.document]
            if c.claim.sentence not in d.text or any(c.claim.sentence in r.text for r in d.removed):
                bad.append(f"{f.rule}: {c.claim.sentence[:80]}")
    return bad
