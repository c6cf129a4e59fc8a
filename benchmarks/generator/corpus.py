"""The corpus: plants and traps dealt from shuffled decks, each story built, planted,
rendered and checked, then written with its ``expected.yaml``."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from .answers import expected_for
from .article import render_article
from .cast import Registry
from .formats import make_title, write_article
from .model import DECK, PLANT_ORDER, TRAPS, Story
from .plans import finish_plans
from .plants import plant
from .story import build_story
from .traps import set_trap
from .truth import check_names, verify
from .vocabulary import CITY_STEMS, OUTLETS, REPORTERS, STATUS_EVENTS


class Deck:
    """Deals items in shuffled rounds, so that every item comes up in a few draws."""

    def __init__(self, rng: random.Random, items: tuple[str, ...]) -> None:
        self.rng, self.items = rng, items
        self.cards: list[str] = []

    def draw(self, n: int, ok: Any = None) -> list[str]:
        out: list[str] = []
        skipped: list[str] = []
        tries = 0
        while len(out) < n and tries < 4 * len(self.items):
            tries += 1
            if not self.cards:
                self.cards = list(self.items)
                self.rng.shuffle(self.cards)
            c = self.cards.pop()
            if c in out or (ok is not None and not ok(c, out)):
                skipped.append(c)
                continue
            out.append(c)
        self.cards.extend(reversed(skipped))
        return out


# Plants that do not go together in one story (both rest on the licences' dates and count).
EXCLUSIVE = (frozenset({"count", "first"}), frozenset({"count", "status"}))
# The order plants keep their facts in, the scarcest kind of fact first.
RESERVE_ORDER = ("first", "count", "status", "number", "internal", "attribution", "order",
                 "date", "anachronism")  # fmt: skip


def reserve(rng: random.Random, story: Story, kind: str, taken: list[str]) -> list[str]:
    """The facts a plant needs, kept from the plants made before it: two licences for a
    "first", one for a count, a figure for a number, a status-bearing fact..."""
    free = [f for f in story.facts if f.id not in taken]
    dated = [f for f in free if f.date is not None]
    n = 1
    if kind == "first":
        cands, n = [f for f in dated if f.event == "licensed"], 2
    elif kind == "count":
        cands = [f for f in dated if f.event == "licensed"]
    elif kind == "status":
        cands = [f for f in dated if f.event in STATUS_EVENTS]
        cands = [f for f in cands if f.event == story.wish.get("status")] or cands
    elif kind == "number" or (kind == "internal" and story.wish.get("internal") == "number"):
        cands = [f for f in free if f.figure is not None]
    elif kind == "attribution" and story.wish.get("attribution") == "according":
        cands = [f for f in dated if story.entities[f.key].kind == "company"]
    elif kind == "attribution":
        return []
    else:
        cands, n = dated, 2 if kind == "order" else 1
    if len(cands) < n:
        return []
    return [f.id for f in rng.sample(cands, n)]


def compatible(card: str, got: list[str]) -> bool:
    return not any(frozenset({card, g}) in EXCLUSIVE for g in got)


def build_corpus(stories: int, outlets: int, seed: int) -> list[Story]:
    if stories < 1:
        raise ValueError("--stories must be at least 1")
    if outlets < 2:
        raise ValueError("--outlets must be at least 2 (a discrepancy needs two outlets)")
    rng = random.Random(seed)
    pool = [(n, s, REPORTERS[i % len(REPORTERS)]) for i, (n, s) in enumerate(OUTLETS)]
    k = 0
    while len(pool) < outlets:
        k += 1
        pool.append(
            (
                f"{CITY_STEMS[k % len(CITY_STEMS)]} {['Echo', 'Mercury', 'Sentinel'][k % 3]} {k}",
                ["us", "uk", "ap"][k % 3],
                REPORTERS[k % len(REPORTERS)],
            )
        )
    reg = Registry()
    for r in REPORTERS:
        reg.used.add(r.split()[-1].lower())
    kind_deck = Deck(rng, DECK)
    trap_deck = Deck(rng, TRAPS)
    out: list[Story] = []
    for i in range(1, stories + 1):
        srng = random.Random(rng.getrandbits(64))
        n_kinds = srng.choice([2, 2, 3, 3])
        kinds = sorted(kind_deck.draw(n_kinds, ok=compatible), key=PLANT_ORDER.index)
        no_first = "first" in kinds
        traps = trap_deck.draw(
            srng.randint(2, 4), ok=lambda c, got, no=no_first: not (c == "true_first" and no)
        )
        story = build_story(i, srng, outlets, kinds, traps, reg, pool)
        used: list[str] = []
        # the plants made last keep a fact of their own from the ones made first
        reserved: dict[str, list[str]] = {}
        for kind in sorted(kinds, key=RESERVE_ORDER.index):
            reserved[kind] = reserve(srng, story, kind, [x for v in reserved.values() for x in v])
        for kind in kinds:
            keep = [fid for k, v in reserved.items() if k != kind for fid in v]
            d = plant(srng, story, kind, used + keep)
            if d is not None:
                d.form = d.form or d.kind
                story.planted.append(d)
                used.extend(d.facts)
        for t in traps:
            tr = set_trap(srng, story, t, used + [x.fact for x in story.traps if x.fact])
            if tr is not None:
                story.traps.append(tr)
        finish_plans(srng, story)
        assert all(len(f.outlets) >= 2 for f in story.facts), story.folder
        title = make_title(srng, story)
        paras = {o: render_article(srng, story, o) for o in range(outlets)}
        for o in range(outlets):
            story.furniture[o] = []
        check_names(story, paras)
        verify(story)
        for o in range(outlets):
            story.texts[o] = write_article(srng, story, o, title, paras[o])
        out.append(story)
    return out


HEADER = """\
# What a correct check of this generated corpus finds (benchmarks/generate.py, seed {seed}:
# {stories} stories x {outlets} outlets). Same shape as ../shared/corpus/seeds/expected.yaml;
# every source is a path relative to this folder, every "says" occurs verbatim in it.
#
# discrepancies: planted, what the checker must report. kind is the planted kind; "also"
#   lists the other kinds the same planted change implies (a moved date that crosses a
#   "first" claim or flips the order of two events the same outlets tell). "form" tells
#   the plants reported under another kind's name: count (kind number: "one of two"
#   against "the only"), internal (kind date or number: both claims from one article;
#   its "also" lists every kind it shows against other outlets too), quote and according
#   (kind attribution: one quote given to two "speakers", or one report credited to two
#   news agencies). A status entry has "opposite" (the lexicon event one outlet tells) or
#   "negated" ("has not obtained a licence", as of its article's date).
# consistent: traps on facts that no plant touches, and page furniture. A finding on any of
#   these (entity and event, in the listed sources) is a false alarm.
# documents: every article, with its outlet, format and publication date.
"""


def generate(out: Path, stories: int, outlets: int, seed: int) -> dict[str, Any]:
    """Write the corpus under ``out`` and return the expected data (as in expected.yaml)."""
    corpus = build_corpus(stories, outlets, seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    disc: list[dict[str, Any]] = []
    cons: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    for story in corpus:
        folder = out / story.folder
        folder.mkdir(parents=True, exist_ok=True)
        for o, o_ in enumerate(story.outlets):
            (out / o_.path).write_text(story.texts[o], encoding="utf-8", newline="\n")
            docs.append(
                {
                    "source": o_.path,
                    "outlet": o_.name,
                    "format": o_.fmt,
                    "published": o_.pub.isoformat(),
                }
            )
        d, c = expected_for(story)
        disc.extend(d)
        cons.extend(c)
    data = {"discrepancies": disc, "consistent": cons, "documents": docs}
    text = (
        HEADER.format(seed=seed, stories=stories, outlets=outlets)
        + "\n"
        + yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
        )
    )
    (out / "expected.yaml").write_text(text, encoding="utf-8", newline="\n")
    return data
