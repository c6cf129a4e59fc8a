"""An article's paragraphs: its claims grouped into sentences (group subjects, two claims of
one entity, sentences repeated from an earlier outlet), fillers and quotes, in reading
order."""

from __future__ import annotations

import random
import re
from typing import Any

from .model import Plan, Story
from .sentences import Renderer
from .times import ABSOLUTE_FORMS
from .wording import tidy

Unit = tuple[str, list[Plan]]  # how the claims are told together, and their plans


def render_article(rng: random.Random, story: Story, o: int) -> list[list[str]]:
    """The outlet's paragraphs, each a list of sentences. Fills every plan's sentence."""
    r = Renderer(story, o, rng)
    plans = [story.plans[(f.id, o)] for f in story.facts if (f.id, o) in story.plans]
    units = claim_units(rng, story, o, plans)
    return write_layout(r, story, lay_out(rng, story, o, units))


def claim_units(rng: random.Random, story: Story, o: int, plans: list[Plan]) -> list[Unit]:
    """The outlet's claims grouped into sentences, shuffled: a planted order's two
    claims, group subjects, two claims of one entity, single claims, second mentions."""
    units: list[Unit] = []
    taken: list[str] = []
    # the planted order: P (dated) then Q ("then") as adjacent sentences
    for p in plans:
        if p.then_after:
            units.append(("then", [story.plans[(p.then_after, o)], p]))
            taken += [p.then_after, p.fact.id]
    rest = [p for p in plans if p.fact.id not in taken]
    rng.shuffle(rest)
    loose = [p for p in rest if p.role == "free" and p.said_day is None and not p.pinned]
    units += group_units(rng, loose, taken)
    units += same_entity_units(rng, story, loose, taken)
    for p in rest:
        if p.fact.id not in taken:
            units.append(("single", [p]))
    # an internal contradiction's second mention: a sentence of its own
    for p in plans:
        if p.echo is not None:
            units.append(("echo", [p.echo]))
    rng.shuffle(units)
    return units


def group_units(rng: random.Random, loose: list[Plan], taken: list[str]) -> list[Unit]:
    """Group subjects: two licences of one day and one kind ("X and Y were licensed ...").
    Adds the facts told to ``taken``."""
    units: list[Unit] = []
    for p1 in loose:
        for p2 in loose:
            if (
                p1 is not p2
                and p1.fact.event == p2.fact.event == "licensed"
                and p1.fact.id not in taken
                and p2.fact.id not in taken
                and p1.fact.date == p2.fact.date
                and p1.fact.fields["licence"] == p2.fact.fields["licence"]
                and rng.random() < 0.9
            ):
                p2.time = p1.time
                units.append(("group", [p1, p2]))
                taken += [p1.fact.id, p2.fact.id]
    return units


def same_entity_units(
    rng: random.Random, story: Story, loose: list[Plan], taken: list[str]
) -> list[Unit]:
    """One entity, two claims, one sentence (a relative clause, or two coordinated verbs).
    Adds the facts told to ``taken``."""
    units: list[Unit] = []
    for p1 in loose:
        for p2 in loose:
            if (
                p1 is not p2
                and p1.fact.key == p2.fact.key
                and p1.fact.id not in taken
                and p2.fact.id not in taken
                and rng.random() < 0.6
            ):
                how = rng.choice(["relative", "coord", "and"])
                if how == "coord" and story.entities[p1.fact.key].kind == "person":
                    how = "relative"
                units.append((how, [p1, p2]))
                taken += [p1.fact.id, p2.fact.id]
    return units


def lay_out(
    rng: random.Random, story: Story, o: int, units: list[Unit]
) -> list[list[tuple[str, Any]]]:
    """The article's paragraphs before any is written: a lede, the claims in ones and
    twos, fillers, a planted quote if any, a closing quote. The layout comes first so that
    the article can then be written in reading order and names introduced where they first
    appear: full names before surnames, the acronym's definition before its uses."""
    layout: list[list[tuple[str, Any]]] = [[("lede", None)]]
    i = 0
    while i < len(units):
        n = 1 if rng.random() < 0.5 else 2
        layout.append([("unit", u) for u in units[i : i + n]])
        i += n
    for _ in range(rng.randint(2, 4)):
        k = rng.randint(1, len(layout) - 1) if len(layout) > 1 else 0
        layout[k].append(("filler", rng.choice(["quote", "background", "background"])))
    if o in story.quote_plants:
        # a planted quote: in a paragraph of its own, or among the claims
        k = rng.randint(1, len(layout))
        if k == len(layout):
            layout.append([("pquote", story.quote_plants[o])])
        else:
            layout[k].insert(rng.randint(0, len(layout[k])), ("pquote", story.quote_plants[o]))
    layout.append([("filler", "quote")])
    return layout


def write_layout(r: Renderer, story: Story, layout: list[list[tuple[str, Any]]]) -> list[list[str]]:
    """Write the laid-out paragraphs in reading order."""
    paras: list[list[str]] = []
    for items in layout:
        para: list[str] = []
        for what, arg in items:
            if what == "lede":
                para.append(tidy(r.filler("lede")))
            elif what == "filler":
                para.append(r.filler(arg))
            elif what == "pquote":
                arg.sentence = r.quote(arg.who, arg.text)
                story.said.append(arg)
                para.append(arg.sentence)
            else:
                para += [text for text, _ in write_unit(r, story, *arg)]
        paras.append(para)
    return paras


def write_unit(r: Renderer, story: Story, how: str, ps: list[Plan]) -> list[tuple[str, list[Plan]]]:
    rng = r.rng
    out: list[tuple[str, list[Plan]]] = []
    if how in ("group", "relative", "coord", "and"):
        text = r.group(ps[0], ps[1]) if how == "group" else r.pair(ps[0], ps[1], how)
        out.append((tidy(text), ps))
    elif how == "echo":
        out.append((tidy(r.echo(ps[0])), ps))
    else:
        for p in ps:
            q = copy_source(story, p) if p.role == "free" and rng.random() < 0.25 else None
            if q is not None:
                p.time, p.qty, p.hedged, p.according = q.time, q.qty, q.hedged, q.according
                p.frame, p.copy_of = "copy", story.source(q.outlet)
                for k, e in story.entities.items():
                    if e.name in q.sentence:
                        r.voice.seen.add(k)
                out.append((q.sentence, [p]))
                continue
            out.append((tidy(r.single(p)), [p]))
    for text, plans in out:
        assert not set(text) & set('"<>&\\'), text
        for p in plans:
            p.sentence = text
    return out


def copy_source(story: Story, p: Plan) -> Plan | None:
    """An earlier outlet's sentence for the same fact that this outlet can repeat word for
    word: one claim, an absolute time (or none) that reads the same here, no acronym
    definition, nobody named by surname alone, and no trap or plant on it."""
    if p.role != "free" or p.said_day is not None:
        return None
    for (fid, o), q in sorted(story.plans.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if fid != p.fact.id or o >= p.outlet or not q.sentence or q.role != "free":
            continue
        if q.frame not in ("plain", "front", "attr", "full", "perfect", "hedged"):
            continue
        if q.time is not None and q.time.form not in ABSOLUTE_FORMS:
            continue
        if "(" in q.sentence or any(
            e.kind == "person"
            and re.search(rf"\b{re.escape(e.short)}\b", q.sentence)
            and e.name not in q.sentence
            for e in story.entities.values()
        ):
            continue
        if q.retail or q.first or q.said_day:
            continue
        return q
    return None
