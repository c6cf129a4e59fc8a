"""The data flow, stage by stage: ingest, extract, resolve, date, graph, rules."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from consistency import fingerprints
from consistency.config import Settings
from consistency.errors import ConfigError
from consistency.extract import descriptions, facts, records
from consistency.extract import lexicon as lexicon_mod
from consistency.extract import read as reading
from consistency.extract.events import Draft, dated
from consistency.linking import graph
from consistency.linking.resolve import resolver
from consistency.models import (
    KINDS,
    SEVERITY_RANK,
    STORY,
    Claim,
    Document,
    Finding,
    Result,
    Skipped,
)
from consistency.reading.ingest import ingest
from consistency.rules import Context, Rule, registry
from consistency.time import dating


def select_rules(
    settings: Settings, select: Iterable[str] = (), exclude: Iterable[str] = ()
) -> tuple[list[Rule], list[str]]:
    """Instantiate the rules chosen by code or group, with their options."""
    available, problems = registry()
    selected = [s.upper() for s in select]
    wanted = selected or [s.upper() for s in settings.rules]
    # What the command line names explicitly wins over the configuration's exclusions.
    skip = {s.upper() for s in settings.exclude_rules if s.upper() not in selected}
    skip |= {s.upper() for s in exclude}
    unknown_opts = set(settings.rule_options) - set(available)
    if unknown_opts:
        raise ConfigError(
            f"options given for unknown rule(s) {', '.join(sorted(unknown_opts))};"
            f" rules: {', '.join(available)}"
        )
    chosen: list[type[Rule]] = []
    for w in wanted:
        if w in available:
            chosen.append(available[w])
            continue
        group = [r for r in available.values() if w.lower() in r.groups]
        if not group:
            raise ConfigError(
                f"unknown rule or group {w!r}; rules: {', '.join(available)}; groups: all, core"
            )
        chosen.extend(group)
    unknown_skip = skip - set(available)
    if unknown_skip:
        raise ConfigError(f"unknown rule(s) to exclude: {', '.join(sorted(unknown_skip))}")
    rules = []
    for cls in dict.fromkeys(chosen):
        if cls.code in skip:
            continue
        rules.append(cls(**settings.rule_options.get(cls.code, {})))
    return rules, problems


def check(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    settings: Settings | None = None,
    select: Iterable[str] = (),
    exclude: Iterable[str] = (),
    lexicon_files: Iterable[str | Path] = (),
    progress: bool | None = False,
    fields: dict[str, str] | None = None,
    jobs: int | None = None,
) -> Result:
    """Check a set of articles against each other.

    ``paths`` are files and folders (read recursively). Returns a :class:`Result` with
    ``.findings`` and ``.claims`` as pandas DataFrames, ``.documents``, ``.skipped`` and
    ``.graph`` (networkx). Bad input files are skipped and listed, never raised.
    ``jobs`` processes read the documents (default: the settings' ``jobs``, 1); the
    result does not depend on it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not a sequence of letters
    settings = settings or Settings()
    jobs = settings.jobs if jobs is None else jobs
    if jobs < 1:
        raise ConfigError(f"jobs must be a whole number of at least 1, not {jobs}")
    lex = lexicon_mod.load([*settings.lexicon, *lexicon_files])
    rules, problems = select_rules(settings, select, exclude)
    ingested = ingest(paths, progress=progress, fields=fields)
    documents = ingested.documents
    skipped = list(ingested.skipped) + [Skipped("(rules)", p, "rule") for p in problems]
    # Every document is parsed once; its values are keyed now and dated after dating.
    readings = reading.read(documents, lex, jobs)
    return assess(documents, readings, lex, rules, skipped)


def assess(
    documents: Sequence[Document],
    readings: Sequence[reading.Reading],
    lex: lexicon_mod.Lexicon,
    rules: Sequence[Rule],
    skipped: Sequence[Skipped] = (),
    *,
    apply: Callable[[Claim], Claim] | None = None,
    corpus_dates: Sequence[date] | None = None,
    corpus_documents: int = 0,
) -> Result:
    """The corpus-wide stages over documents already read: resolve, date, graph, rules.

    An incremental check (:mod:`consistency.store`) passes part of a corpus with what the
    whole corpus decides for it: ``apply`` resolves entities as the whole corpus would,
    ``corpus_dates`` are the whole corpus's trusted publication dates (for its median) and
    ``corpus_documents`` its number of documents that assert a lexicon claim (OR01).
    """
    documents = list(documents)
    found = {d.id: r.mentions for d, r in zip(documents, readings, strict=True)}
    ranked = {d.id: r.records for d, r in zip(documents, readings, strict=True)}  # FR02
    drafts = {d.id: r.claims for d, r in zip(documents, readings, strict=True)}
    claims = [c for d in documents for c in dated(d, drafts[d.id])]
    mentions = [n for r in readings for n in r.names]
    apply = apply or resolver(documents, claims, mentions)
    claims = [apply(c) for c in claims]
    documents, claims = _dated(documents, claims, drafts, apply, corpus_dates)
    for d in documents:
        claims += [apply(c) for c in facts.claims(d, found[d.id])]
        claims += [apply(c) for c in records.claims_of(d, ranked[d.id])]  # "the largest ever"
    # "the village of X" (DS01), keyed by the entity once resolved
    claims += [descriptions.keyed(apply(c)) for r in readings for c in r.descriptions]
    claims += [apply(c) for r in readings for c in r.orders]  # "caught fire after docking" (OR02)
    claims.sort(key=lambda c: (c.document, c.index, _claim_no(c.id)))

    g = graph.build(documents, claims)
    findings, failed = _run_rules(rules, _context(documents, claims, lex, corpus_documents))
    skipped = [*skipped, *(Skipped("(rules)", reason, "rule") for reason in failed)]
    return Result(
        documents=documents, claims_list=claims, findings_list=findings, skipped=skipped, graph=g
    )


def _dated(
    documents: list[Document],
    claims: list[Claim],
    drafts: dict[str, list[Draft]],
    apply: Callable[[Claim], Claim],
    corpus_dates: Sequence[date] | None,
) -> tuple[list[Document], list[Claim]]:
    """The documents with their publication dates checked, and inferred where missing, and
    the lexicon claims, those of a document whose date changed dated again from it."""
    # Date inference reads a document's times once per candidate date: remember each. The
    # document's confidence is part of the key: it weighs every claim (an inferred date's
    # below 1), so a trial at full confidence must not stand for the final document.
    redone: dict[tuple[str, object, str, float], list[Claim]] = {}

    def claims_as(d: Document) -> list[Claim]:  # the document's claims, dated as d says
        key = (d.id, d.published, d.published_from, d.confidence)
        if key not in redone:
            redone[key] = [apply(c) for c in dated(d, drafts[d.id])]
        return redone[key]

    before = {d.id: d for d in documents}
    documents = dating.check_dates(documents, claims, claims_as, corpus_dates)
    if any(d.published is None for d in documents):
        if corpus_dates is not None:  # a page date taken for a capture date is trusted no more
            corpus_dates = _without(corpus_dates, documents, before)
        documents = dating.infer_dates(documents, claims, claims_as, corpus_dates)
    redated = {d.id: d for d in documents if d.published != before[d.id].published}
    if redated:
        claims = [c for c in claims if c.document not in redated]
        claims += [c for d in redated.values() for c in claims_as(d)]
    return documents, claims


def _context(
    documents: list[Document], claims: list[Claim], lex: lexicon_mod.Lexicon, corpus_documents: int
) -> Context:
    """What the rules see: the documents, the lexicon claims, and the claims grouped by
    entity and event and by fact key (linking.graph)."""
    ctx = Context(
        documents={d.id: d for d in documents},
        claims=[c for c in claims if c.key is None],  # the lexicon rules' claims
        groups=graph.groups(claims),
        facts=graph.facts(claims),
        lexicon=lex,
        corpus_documents=corpus_documents,
    )
    for c in ctx.claims:
        ctx.by_document.setdefault(c.document, []).append(c)
    return ctx


def _without(
    dates: Sequence[date], documents: Sequence[Document], before: dict[str, Document]
) -> list[date]:
    """The trusted dates less those of the documents whose page date was replaced."""
    out = list(dates)
    for d in documents:
        was = before[d.id]
        if was.published is not None and d.published != was.published and was.published in out:
            out.remove(was.published)
    return out


def _claim_no(claim_id: str) -> int:
    tail = claim_id.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _run_rules(rules: Sequence[Rule], ctx: Context) -> tuple[list[Finding], list[str]]:
    """Every rule's findings, one per disputed fact (no cap: a cap applied before ``--new``
    once dropped a new drop's contradiction silently), and the rules that failed.

    A rule that raises while it runs (a plugin's bug, a built-in's) is skipped with its
    error, and the other rules' findings stand: the run is reported, never a traceback.
    """
    seen: dict[str, Finding] = {}
    failed: list[str] = []
    for rule in rules:
        try:
            found = list(rule.evaluate(ctx))
        except Exception as exc:  # noqa: BLE001 - any rule failure is reported, not raised
            failed.append(f"rule {rule.code} failed and was skipped: {type(exc).__name__}: {exc}")
            continue
        for f in found:
            f = fingerprints.stamp(f, ctx.documents)
            seen.setdefault(f.fingerprint, f)
    generic = {r.code for r in rules if r.by_fact_key}
    merged = merge(list(seen.values()), generic)
    ordered = sorted(
        merged,
        key=lambda f: (
            -SEVERITY_RANK[f.severity],
            KINDS.index(f.kind),  # a Finding holds a kind of KINDS (models.Kind)
            f.entity,
            f.event,
            f.fingerprint,
        ),
    )
    return ordered, failed


def merge(findings: Sequence[Finding], generic: Iterable[str] = ()) -> list[Finding]:
    """One finding per disputed fact: findings of several rules that cite the same
    sentences (a moved date seen as a date conflict, an order change and an anachronism;
    a "first" also seen as a scope difference) become one, which lists every kind.

    Two findings are one fact when one cites only sentences the other cites too. The
    finding kept is the one citing most sentences, then one of a specific rule (a "first",
    a scope difference that explains the values) before one of the ``generic`` rules that
    compare any values by fact key, then the most severe; the others' messages, hints and
    claims (from sentences it does not already cite) are added to it.
    """
    general = set(generic)
    cites = [frozenset((c.claim.document, c.claim.sentence) for c in f.cited) for f in findings]
    # "One cites only what the other cites" joins two findings; a finding over the whole
    # fact joins the pairwise findings inside it.
    joined = nx.Graph()
    joined.add_nodes_from(range(len(findings)))
    joined.add_edges_from(nested(cites))
    kept: list[tuple[Finding, list[Finding]]] = []
    for members in nx.connected_components(joined):
        ranked = sorted(
            members,
            key=lambda i: (
                -len(cites[i]),
                findings[i].rule in general,
                -SEVERITY_RANK[findings[i].severity],
                findings[i].rule,
                findings[i].fingerprint,
            ),
        )
        kept.append((findings[ranked[0]], [findings[i] for i in ranked[1:]]))
    out = []
    for f, absorbed in kept:
        if not absorbed:
            out.append(f)
            continue
        cited = list(f.cited)
        quoted = {(c.claim.document, c.claim.sentence) for c in cited}
        for a in absorbed:
            cited += [c for c in a.cited if (c.claim.document, c.claim.sentence) not in quoted]
            quoted |= {(c.claim.document, c.claim.sentence) for c in a.cited}
        out.append(
            replace(
                f,
                cited=tuple(cited),
                entity=f.entity if f.entity != STORY else _named(absorbed, f.entity),
                message=" ".join([f.message, *(f"Also ({a.rule}): {a.message}" for a in absorbed)]),
                reconcile=tuple(
                    dict.fromkeys([*f.reconcile, *(h for a in absorbed for h in a.reconcile)])
                ),
                also=tuple(dict.fromkeys(f"{a.rule}:{a.kind}" for a in absorbed)),
            )
        )
    return out


def nested(cites: Sequence[frozenset[Any]]) -> list[tuple[int, int]]:
    """The pairs (i, j) where ``cites[i]``, not empty, is within ``cites[j]``. The sets that
    hold all of one set's items are among those holding its rarest item: only those are
    compared with it, not every pair sharing an item (millions, when thousands of findings
    cite one sentence)."""
    holding: dict[Any, list[int]] = {}
    for i, c in enumerate(cites):
        for item in c:
            holding.setdefault(item, []).append(i)
    return [
        (i, j)
        for i, c in enumerate(cites)
        if c
        for j in min((holding[x] for x in c), key=len)
        if j != i and c <= cites[j]
    ]


def _named(findings: Sequence[Finding], default: str) -> str:
    return next((f.entity for f in findings if f.entity != STORY), default)


def failing(
    findings: Iterable[Finding], fail_on: str, accepted: set[str] | None = None
) -> list[Finding]:
    """Findings at or above ``fail_on`` that the baseline does not accept."""
    floor = SEVERITY_RANK[fail_on]
    accepted = accepted or set()
    return [
        f for f in findings if SEVERITY_RANK[f.severity] >= floor and f.fingerprint not in accepted
    ]


def only_involving(result: Result, new_ids: set[str]) -> Result:
    """The result restricted to findings that cite at least one of the given documents."""
    kept = [f for f in result.findings_list if any(c.claim.document in new_ids for c in f.cited)]
    return replace(result, findings_list=kept, narrowed_to=frozenset(new_ids))


def summary(result: Result) -> dict[str, Any]:
    by_kind: dict[str, int] = {}
    for f in result.findings_list:
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
    return {
        "documents": len(result.documents),
        "claims": len(result.claims_list),
        "findings": len(result.findings_list),
        "by_kind": dict(sorted(by_kind.items())),
        "skipped": len(result.skipped_inputs),
        "rule_problems": len(result.skipped) - len(result.skipped_inputs),
    }


__all__ = ["check", "failing", "only_involving", "select_rules", "summary", "Claim", "Document"]
