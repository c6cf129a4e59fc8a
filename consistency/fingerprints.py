"""Fingerprints: the stable id of a finding, the same from run to run.

A finding's fingerprint is built from what it says, never from where its files sit::

    rule | the facts of the cited claims | their values | the identities of their documents

A document's identity is its URL when it has one, else a hash of its article text (white
space folded). So a finding keeps its fingerprint when files are moved to another folder,
renamed, or read together with unrelated articles, and the ``accepted`` list and baselines
that name it keep working. It changes when what the finding says changes: another value,
another outlet's article (another URL or other text), another rule.

The fingerprint is stamped by the framework (:func:`stamp`) on each rule's findings before
findings of one fact are merged; a merged finding keeps the fingerprint of the finding that
leads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace

from consistency.models import Document, Finding

#: Hex digits of the hash kept in a fingerprint ("DT01-" + 12 hex digits).
DIGITS = 12


def identity(doc: Document) -> str:
    """What identifies an article whatever its file is called: ``url:<URL>`` when it has a
    URL, else ``sha256:<hash of its text>`` (white space folded, 16 hex digits)."""
    url = (doc.url or "").strip()
    if url:
        return f"url:{url}"
    folded = " ".join(doc.text.split())
    return "sha256:" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def fingerprint(finding: Finding, documents: Mapping[str, Document]) -> str:
    """The fingerprint of ``finding``; ``documents`` by id hold the documents it cites (a
    claim whose document is missing counts by its document id)."""
    # The facts are read from the claims, not from the finding's own entity and event:
    # those name one of the cited claims' entities, and which one may follow the order in
    # which the files were read (a quote given to two speakers).
    facts = sorted(
        {
            f"{c.claim.entity}/{c.claim.event}/{c.claim.key.label() if c.claim.key else ''}"
            for c in finding.cited
        }
    )
    values = sorted(f"{c.claim.entity}={c.value}" for c in finding.cited)
    sources = sorted(
        {
            identity(documents[c.claim.document])
            if c.claim.document in documents
            else c.claim.document
            for c in finding.cited
        }
    )
    raw = "\x1f".join([finding.rule, *facts, "", *values, "", *sources])
    return f"{finding.rule}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:DIGITS]}"


def stamp(finding: Finding, documents: Mapping[str, Document]) -> Finding:
    """``finding`` with its fingerprint."""
    return replace(finding, fingerprint=fingerprint(finding, documents))
