"""The expected answers: one entry per planted discrepancy and per trap, in the shape of
``../shared/corpus/seeds/expected.yaml``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Fact, Plan, Planted, Story, Trap
from .vocabulary import COUNT_WORDS, EVENT_WORDS, STATUS_WORDS


def describe(story: Story, f: Fact) -> str:
    return f"{story.entities[f.key].name}'s {EVENT_WORDS[f.event]}"


def tvalue(p: Plan) -> str:
    if p.time is None:
        return "undated"
    return p.time.label()


def how(story: Story, p: Plan) -> str | None:
    if p.time is None or not p.time.relative:
        return None
    return f'"{p.time.text}" read from {story.outlets[p.outlet].pub.isoformat()}'


def claim_entry(story: Story, p: Plan, value: str) -> dict[str, Any]:
    d: dict[str, Any] = {"source": story.source(p.outlet), "says": p.sentence, "value": value}
    h = how(story, p)
    if h:
        d["how"] = h
    return d


def qlabel(p: Plan) -> str:
    assert p.qty is not None and p.fact.figure is not None
    prefix = f"{p.qty.word} " if p.qty.word else ""
    return prefix + p.fact.figure.label(p.qty.value)


def quote_entry(story: Story, d: Planted) -> dict[str, Any]:
    qa, qb = story.quote_plants[d.outlet], story.quote_plants[d.counter or 0]
    na, nb = story.entities[qa.who].name, story.entities[qb.who].name
    outs = story.outlets
    return {
        "entity": na,
        "event": "said",
        "speakers": [na, nb],
        "quote": qa.text,
        "claims": [
            {"source": story.source(q.outlet), "says": q.sentence, "value": f"said by {n}"}
            for q, n in ((qa, na), (qb, nb))
        ],
        "note": (
            f"{outs[d.outlet].name} gives the quote to {na}, {outs[d.counter or 0].name} to "
            f"{nb}; no other outlet gives it, and no other quote has two speakers."
        ),
    }


def new_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """The expected entry of a status, "according to", count or internal plant."""
    ents, outs = story.entities, story.outlets
    name, a = ents[f.key].name, outs[d.outlet]
    e: dict[str, Any] = {"entity": name, "event": f.event}
    if d.form == "internal":
        echo = pa.echo
        assert echo is not None
        if d.kind == "date":
            ve, vm = tvalue(echo), tvalue(pa)
            true = f.date.isoformat() if f.date else ""
        else:
            ve, vm = qlabel(echo), qlabel(pa)
            true = f.figure.label(f.figure.value) if f.figure else ""
        e["claims"] = [claim_entry(story, echo, ve), claim_entry(story, pa, vm)]
        e["note"] = (
            f"{a.name} tells {describe(story, f)} twice: {ve} in one sentence, {vm} in "
            f"another (the truth: {true}). The other outlets give "
            + ("a year that holds both dates, or none." if d.kind == "date" else "a lower bound.")
        )
        return e
    pb = story.plans[(f.id, d.counter or 0)]
    b = outs[d.counter or 0]
    if d.form == "status":
        st = pa.status or ""
        if st.startswith("not-"):
            va = f"{STATUS_WORDS[st]}, as of {a.pub.isoformat()} (its date)"
            e["negated"] = True
        else:
            va = f"{STATUS_WORDS[st]}, {tvalue(pa)}"
            e["opposite"] = st
        vb = f"{f.event}, {tvalue(pb)}"
        e["claims"] = [claim_entry(story, pa, va), claim_entry(story, pb, vb)]
        e["note"] = (
            f"{a.name}: {STATUS_WORDS[st]}; {b.name}: {f.event} {tvalue(pb)}, the truth "
            f"({f.date.isoformat() if f.date else ''}). Both cannot hold at once."
        )
    elif d.form == "according":
        ga, gb = pa.agency, pb.agency
        e["claims"] = [
            claim_entry(story, pa, f"according to {ga}"),
            claim_entry(story, pb, f"according to {gb}"),
        ]
        e["note"] = (
            f"{a.name} credits {describe(story, f)} to {ga}, {b.name} to {gb}; no other outlet "
            "tells it 'according to' anyone."
        )
    elif d.form == "count":
        members = [ents[story.fact(m).key].name for m in d.extra["members"]]
        assert pa.count and pb.count
        va = f"{COUNT_WORDS[pa.count]}, {tvalue(pa)}"
        vb = f"{COUNT_WORDS[pb.count]}, {tvalue(pb)}"
        e["claims"] = [claim_entry(story, pa, va), claim_entry(story, pb, vb)]
        e["group"] = members
        e["note"] = (
            f"{a.name} counts {name} as {COUNT_WORDS[pa.count]} licensed in {tvalue(pa)}, "
            f"{b.name} as {COUNT_WORDS[pb.count]}; licensed then: {', '.join(members)}."
        )
    return e


def two_claims(
    story: Story, f: Fact, pa: Plan, pb: Plan, value: Callable[[Plan], str]
) -> dict[str, Any]:
    """The entity, event and claims of a fact that two outlets tell two ways."""
    return {
        "entity": story.entities[f.key].name,
        "event": f.event,
        "claims": [claim_entry(story, pa, value(pa)), claim_entry(story, pb, value(pb))],
    }


def planted_entry(story: Story, d: Planted) -> dict[str, Any]:
    """The expected entry of one planted discrepancy."""
    entry: dict[str, Any] = {"id": d.id, "kind": d.kind}
    if d.form != d.kind:
        entry["form"] = d.form
    if d.also:
        entry["also"] = list(d.also)
    if d.form == "quote":
        entry.update(quote_entry(story, d))
        return entry
    f = story.fact(d.facts[0])
    pa = story.plans[(f.id, d.outlet)]
    if d.form in ("status", "according", "count", "internal"):
        entry.update(new_entry(story, d, f, pa))
    elif d.kind in _CLASSIC_ENTRIES:
        entry.update(_CLASSIC_ENTRIES[d.kind](story, d, f, pa))
    return entry


def _date_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """A moved date against the true one."""
    outs = story.outlets
    pb = story.plans[(f.id, d.counter or 0)]
    entry = two_claims(story, f, pa, pb, tvalue)
    entry["note"] = (
        f"{outs[d.outlet].name} dates {describe(story, f)} {tvalue(pa)}; "
        f"{outs[d.counter or 0].name} dates it {tvalue(pb)}, the true date "
        f"({f.date.isoformat() if f.date else ''}). The two times do not overlap."
    )
    return entry


def _number_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """A wrong figure against the true one."""
    pb = story.plans[(f.id, d.counter or 0)]
    entry = two_claims(story, f, pa, pb, qlabel)
    entry["note"] = (
        f"{qlabel(pa)} against {qlabel(pb)}: beyond any rounding. The "
        f"true figure is {f.figure.label(f.figure.value) if f.figure else ''}."
    )
    return entry


def _first_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """A "first" against another outlet's earlier licence."""
    ents, outs = story.entities, story.outlets
    y = story.fact(d.facts[1])
    pb = story.plans[(y.id, d.counter or 0)]
    return {
        "entity": ents[y.key].name,
        "event": f.event,
        "claims": [
            claim_entry(story, pa, f"first, {tvalue(pa)}"),
            claim_entry(story, pb, tvalue(pb)),
        ],
        "note": (
            f"{outs[d.outlet].name} calls {ents[f.key].name} the first ({tvalue(pa)}), but "
            f"{outs[d.counter or 0].name} has {ents[y.key].name} licensed already in "
            f"{tvalue(pb)}."
        ),
        "first": ents[f.key].name,
    }


def _order_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """One outlet's "then" against another's dates in the other order."""
    ents, outs = story.entities, story.outlets
    q, p = story.fact(d.facts[0]), story.fact(d.facts[1])
    pa_p = story.plans[(p.id, d.outlet)]
    pb_q = story.plans[(q.id, d.counter or 0)]
    pb_p = story.plans[(p.id, d.counter or 0)]
    return {
        "entity": ents[q.key].name,
        "event": q.event,
        "claims": [
            claim_entry(story, pa, f"after {describe(story, p)} of {tvalue(pa_p)}"),
            claim_entry(
                story, pb_q, f"{tvalue(pb_q)}, before {describe(story, p)} of {tvalue(pb_p)}"
            ),
        ],
        "note": (
            f"{outs[d.outlet].name} tells {describe(story, p)} ({tvalue(pa_p)}) and then, "
            f"undated, {describe(story, q)}; {outs[d.counter or 0].name} dates "
            f"{describe(story, q)} {tvalue(pb_q)}, before {describe(story, p)} "
            f"({tvalue(pb_p)})."
        ),
        "context": [
            {"source": story.source(d.outlet), "says": pa_p.sentence},
            {"source": story.source(d.counter or 0), "says": pb_p.sentence},
        ],
    }


def _anachronism_entry(story: Story, d: Planted, f: Fact, pa: Plan) -> dict[str, Any]:
    """A past event dated after its own article."""
    outs = story.outlets
    pub = outs[d.outlet].pub.isoformat()
    return {
        "entity": story.entities[f.key].name,
        "event": f.event,
        "claims": [claim_entry(story, pa, f"{tvalue(pa)}, after the article's own date {pub}")],
        "note": (
            f"{outs[d.outlet].name} (published {pub}) tells "
            f"{describe(story, f)} as past, dated {tvalue(pa)}."
        ),
    }


# The entries of the five classic kinds, each of two claims (or one, for an anachronism).
_CLASSIC_ENTRIES: dict[str, Callable[[Story, Planted, Fact, Plan], dict[str, Any]]] = {
    "date": _date_entry,
    "number": _number_entry,
    "first": _first_entry,
    "order": _order_entry,
    "anachronism": _anachronism_entry,
}


def trap_entry(story: Story, t: Trap) -> dict[str, Any]:
    """The consistent entry of one trap: its claims agree."""
    ents = story.entities
    entry: dict[str, Any] = {"id": t.id, "trap": t.kind}
    if t.fact:
        f = story.fact(t.fact)
        entry.update(entity=ents[f.key].name, event=f.event)
    entry["sources"] = [story.source(o) for o in t.outlets]
    if t.kind == "teaser":
        entry["note"] = (
            f'{t.note}: "{t.extra.get("headline")}" ({t.extra.get("wrong")}, '
            f"teaser dated {t.extra.get('date')}) is page furniture, not the "
            "article."
        )
    else:
        f = story.fact(t.fact or "")
        claims = []
        for o in t.outlets:
            p = story.plans[(f.id, o)]
            if t.kind in ("rounding", "bound"):
                v = qlabel(p)
            elif t.kind == "true_first":
                v = f"first, {tvalue(p)}"
            elif t.kind == "said_that":
                v = (
                    f"on or before {p.said_day.isoformat()} (the day it was said)"
                    if p.said_day
                    else tvalue(p)
                )
            elif t.kind == "retail":
                v = ("retail, " if p.retail else "") + tvalue(p)
            else:
                v = tvalue(p)
            claims.append(claim_entry(story, p, v))
        entry["note"] = t.note
        entry["claims"] = claims
    return entry


def expected_for(story: Story) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    outs = story.outlets
    disc = [planted_entry(story, d) for d in story.planted]
    cons = [trap_entry(story, t) for t in story.traps]
    furn = [f"{outs[o].path}: {', '.join(n)}" for o, n in sorted(story.furniture.items()) if n]
    if furn:
        cons.append(
            {
                "id": f"{story.folder}-furniture",
                "trap": "furniture",
                "sources": [outs[o].path for o, n in sorted(story.furniture.items()) if n],
                "note": "Page furniture, not the article: " + "; ".join(furn),
            }
        )
    return disc, cons
