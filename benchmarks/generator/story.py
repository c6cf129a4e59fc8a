"""A story before anything is planted: its domain, cast, outlets, 5-8 true facts with their
dates and figures, and which outlets tell each fact."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from .cast import Registry, make_cast, slug
from .figures import CURRENCIES, FIGURE_EVENTS, make_figure
from .model import FORMATS, Entity, Fact, Outlet, Story
from .vocabulary import DEALS, DOMAINS, QUOTES, SAID_EVENTS, STATUS_EVENTS

UNDATED_EVENTS = ("employs",)
# (entity role, event): what a story's facts can be.
SLOTS = (
    ("co0", "licensed"),
    ("co1", "licensed"),
    ("co2", "licensed"),
    ("co0", "employs"),
    ("co1", "employs"),
    ("co0", "raised-funds"),
    ("co1", "raised-funds"),
    ("co0", "acquired"),
    ("co0", "launched"),
    ("co1", "opened"),
    ("co2", "signed"),
    ("co1", "fined"),
    ("co2", "cut-jobs"),
    ("reg", "released-statement"),
    ("reg", "approved"),
    ("reg", "banned"),
    ("council", "passed-law"),
    ("city", "banned"),
    ("festival", "attracted"),
    ("scheme", "commenced"),
    ("ceo", "appointed"),
    ("chair", "resigned"),
)


def fact_fields(
    rng: random.Random, key: str, event: str, voc: dict[str, Any], ents: dict[str, Entity]
) -> dict[str, Any]:
    f: dict[str, Any] = {}
    if event == "licensed":
        f["licence"] = voc["story_licence"]
        f["ACT"] = rng.choice(voc["act"])
    elif event == "banned":
        f["O"], f["plural"] = rng.choice(voc["ban"])
    elif event == "passed-law":
        f["O"] = rng.choice(voc["law"])
    elif event == "released-statement":
        f["O"] = rng.choice(voc["statement"])
    elif event == "launched":
        f["O"] = rng.choice(voc["product"])
    elif event == "opened":
        f["O"] = rng.choice(voc["venue"])
    elif event == "approved":
        f["O"] = rng.choice(voc["plan"])
    elif event == "acquired":
        f["X2"] = "target"
    elif event == "signed":
        f["X2"] = "council"
        f["deal"] = rng.choice(DEALS)
    elif event == "fined":
        f["R"] = rng.choice(voc["reason"])
    elif event == "employs":
        f["SITE"] = rng.choice(voc["site"] + [""])
    elif event == "appointed":
        f["X2"] = "co0"
        f["POST"] = "chief executive"
    elif event == "resigned":
        f["X2"] = "reg"
        f["POST"] = "chair"
    return f


class _Slots:
    """The (entity role, event) pairs chosen for a story's facts, in order, and the pools
    they are drawn from (after one of two look-alike bans is dropped)."""

    def __init__(self, free: list[tuple[str, str]]) -> None:
        self.free = free
        self.licensed = [s for s in free if s[1] == "licensed"]
        self.figure = [s for s in free if s[1] in FIGURE_EVENTS]
        self.dated = [s for s in free if s[1] not in UNDATED_EVENTS and s[1] != "licensed"]
        self.chosen: list[tuple[str, str]] = []
        # facts whose figure must not be round (a rounding trap needs something to round)
        self.non_round: set[str] = set()

    def add(self, slot: tuple[str, str]) -> None:
        if slot not in self.chosen:
            self.chosen.append(slot)

    def unused(self, pool: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [s for s in pool if s not in self.chosen]


def _story_vocabulary(rng: random.Random, traps: list[str]) -> tuple[str, dict[str, Any]]:
    """The story's domain and its words, with one licensing regime for the whole story:
    every licence in it is of one kind (a "first" claim about another kind of licence would
    not be contradicted)."""
    domain = rng.choice(sorted(DOMAINS))
    if "retail" in traps and DOMAINS[domain]["retail"] is None:
        domain = rng.choice(sorted(d for d in DOMAINS if DOMAINS[d]["retail"]))
    voc = dict(DOMAINS[domain])
    voc["story_licence"] = voc["retail"] if "retail" in traps else rng.choice(voc["licence"])
    return domain, voc


def _make_outlets(
    rng: random.Random,
    index: int,
    p0: date,
    n_outlets: int,
    outlet_pool: list[tuple[str, str, str]],
) -> list[Outlet]:
    """The outlets: the first publishes on ``p0``, the others within three weeks."""
    chosen = rng.sample(outlet_pool, n_outlets)
    fmts = list(FORMATS)
    rng.shuffle(fmts)
    outlets: list[Outlet] = []
    for i, (name, style, reporter) in enumerate(chosen):
        # half the outlets publish within days of the first, the others up to three weeks on
        late = rng.randint(0, 3) if rng.random() < 0.5 else rng.randint(4, 21)
        pub = p0 if i == 0 else p0 + timedelta(days=late)
        o = Outlet(name, style, slug(name), fmts[i % len(fmts)], pub, reporter)
        o.path = f"story-{index:03d}/{o.slug}.{o.fmt}"
        # a JSON feed keeps its text in a string: curly quotation marks, so that a quote
        # reads the same in the file; a quarter of the other outlets use them too
        o.quotes = "curly" if o.fmt == "json" or rng.random() < 0.25 else "straight"
        outlets.append(o)
    return outlets


def _slots_for_kinds(rng: random.Random, slots: _Slots, kinds: list[str]) -> dict[str, str]:
    """The facts the planted kinds need; returns the form each wished-for plant takes."""
    if "count" in kinds:
        # two or three licences: a group to count
        for s in slots.licensed[: rng.choice([2, 2, 3])]:
            slots.add(s)
    if "number" in kinds:
        slots.add(slots.unused(slots.figure)[0])
    if "order" in kinds:
        for s in slots.unused(slots.dated)[:2]:
            slots.add(s)
    for k in ("date", "anachronism"):
        if k in kinds:
            slots.add(slots.unused(slots.dated + slots.licensed)[0])
    wish: dict[str, str] = {}
    if "internal" in kinds:
        wish["internal"] = "number" if rng.random() < 0.4 else "date"
        pool = slots.figure if wish["internal"] == "number" else slots.dated + slots.licensed
        slots.add(slots.unused(pool)[0])
    if "status" in kinds:
        ev = rng.choice(["licensed", "licensed", "licensed", "banned", "approved"])
        wish["status"] = ev
        pick = next((s for s in slots.unused(slots.free) if s[1] == ev), None)
        slots.add(pick or next(s for s in slots.unused(slots.free) if s[1] in STATUS_EVENTS))
    if "attribution" in kinds:
        wish["attribution"] = "according" if rng.random() < 0.4 else "quote"
        if wish["attribution"] == "according":
            pool = slots.unused(slots.dated + slots.licensed)
            slots.add(next(s for s in pool if s[0][:2] == "co"))
    return wish


def _slots_for_traps(slots: _Slots, traps: list[str]) -> None:
    """The facts the traps need, while the story has fewer than eight (a trap without a
    fact of its own is skipped)."""
    for t in traps:
        if len(slots.chosen) >= 8:
            break
        if t in ("retail", "true_first"):
            spare = next(iter(slots.unused(slots.licensed)), None)
            if spare is not None:
                slots.add(spare)
            if t == "true_first":
                slots.add(next(iter(slots.unused(slots.licensed)), slots.licensed[0]))
        elif t in ("rounding", "bound"):
            s = slots.unused(slots.figure)[0]
            slots.add(s)
            if t == "rounding":
                slots.non_round.add(s[0] + s[1])
        elif t == "said_that":
            pool = slots.unused(slots.dated + slots.licensed)
            slots.add(next(s for s in pool if s[1] in SAID_EVENTS))
        else:
            slots.add(slots.unused(slots.dated + slots.licensed)[0])


def _choose_slots(
    rng: random.Random, kinds: list[str], traps: list[str]
) -> tuple[_Slots, bool, dict[str, str]]:
    """The story's 5-8 facts: first what the plants and traps need, then random ones.
    Also returns whether two companies are licensed together, and the plants' wishes."""
    # a city ban and a regulator ban would share entity-less wording: keep one of them
    drop = rng.choice([("city", "banned"), ("reg", "banned")])
    free = [s for s in SLOTS if s != drop]
    rng.shuffle(free)
    slots = _Slots(free)
    # two licences: for a planted "first", or (often) two companies licensed on one day
    pair = "first" not in kinds and "true_first" not in traps and rng.random() < 0.6
    if "first" in kinds or pair:
        slots.add(slots.licensed[0])
        slots.add(slots.licensed[1])
    target = rng.randint(5, 8)
    wish = _slots_for_kinds(rng, slots, kinds)
    _slots_for_traps(slots, traps)
    for s in free:
        if len(slots.chosen) >= target:
            break
        slots.add(s)
    return slots, pair, wish


def _make_facts(
    rng: random.Random,
    slots: _Slots,
    voc: dict[str, Any],
    ents: dict[str, Entity],
    cur: str,
) -> list[Fact]:
    """One fact for each chosen slot, with its wording fields and figure (no date yet)."""
    facts: list[Fact] = []
    for i, (key, event) in enumerate(slots.chosen):
        fig = None
        if event in FIGURE_EVENTS:
            fig = make_figure(rng, event, cur, (key + event) in slots.non_round)
        facts.append(
            Fact(f"f{i + 1}", key, event, None, fact_fields(rng, key, event, voc, ents), fig)
        )
    return facts


def _date_facts(
    rng: random.Random, facts: list[Fact], p0: date, kinds: list[str], together: bool
) -> None:
    """True dates: most within two years before ``p0``, some within days of it, often a
    news peg of the last few days; licences granted together share a day."""
    for f in facts:
        if f.event in UNDATED_EVENTS:
            continue
        r = rng.random()
        back = (
            rng.randint(1, 40)
            if r < 0.3
            else (rng.randint(41, 365) if r < 0.7 else rng.randint(366, 760))
        )
        f.date = p0 - timedelta(days=back)
    # often a news peg: one fact of the last few days ("yesterday", "on Tuesday")
    dated = [f for f in facts if f.date is not None]
    if dated and rng.random() < 0.6:
        rng.choice(dated).date = p0 - timedelta(days=rng.choice([1, 1, 2, 3, 4, 5]))
    # two companies licensed on one day, now and then (group subjects)
    lic = [f for f in facts if f.event == "licensed"]
    if len(lic) >= 2 and together:
        lic[1].date = lic[0].date
        lic[1].fields["licence"] = lic[0].fields["licence"]
    if "count" in kinds and len(lic) >= 3 and lic[0].date and rng.random() < 0.4:
        # now and then a third licence in the same month
        d0 = lic[0].date
        lic[2].date = min(p0 - timedelta(days=1), d0.replace(day=rng.randint(1, 28)))
        if (lic[2].date.year, lic[2].date.month) != (d0.year, d0.month):
            lic[2].date = d0


def _pick_sources(rng: random.Random, facts: list[Fact], ents: dict[str, Entity]) -> None:
    """Who an "according to" names for each fact: one source, whichever outlet tells it."""
    for f in facts:
        opts = ["officials"]
        if f.key != "reg":
            opts.append("{A}")
        if ents[f.key].kind == "company":
            opts += ["the company", "company filings"]
        if f.key in ("council", "city"):
            opts += ["city officials"]
        f.source = rng.choice(opts)


def _share_quotes(rng: random.Random, story: Story) -> None:
    """Each quote has one speaker in the whole story (two outlets giving one quote to two
    people would be a real attribution conflict, planted only on purpose)."""
    quotes = list(QUOTES)
    rng.shuffle(quotes)
    share = len(quotes) // 3
    for i, who in enumerate(("mayor", "ceo", "chair")):
        story.quotes[who] = quotes[share * i : share * (i + 1)]


def build_story(
    index: int,
    rng: random.Random,
    n_outlets: int,
    kinds: list[str],
    traps: list[str],
    reg: Registry,
    outlet_pool: list[tuple[str, str, str]],
) -> Story:
    """A story with room for the planted ``kinds`` and the ``traps``, nothing planted yet."""
    domain, voc = _story_vocabulary(rng, traps)
    ents = make_cast(rng, domain, reg)
    cur = rng.choice(sorted(CURRENCIES))
    p0 = date(2021, 3, 1) + timedelta(days=rng.randint(0, 1700))
    outlets = _make_outlets(rng, index, p0, n_outlets, outlet_pool)
    slots, pair, wish = _choose_slots(rng, kinds, traps)
    if ("chair", "resigned") in slots.chosen:
        ents["chair"].desc = f"the former chair of the {ents['reg'].name}"
    facts = _make_facts(rng, slots, voc, ents, cur)
    together = pair or ("first" not in kinds and "true_first" not in traps)
    _date_facts(rng, facts, p0, kinds, together)
    _pick_sources(rng, facts, ents)
    story = Story(index, f"story-{index:03d}", domain, ents, facts, outlets, wish=wish)
    _share_quotes(rng, story)
    # Who tells what: each fact by at least two outlets.
    for f in facts:
        n = rng.randint(2, n_outlets) if n_outlets > 2 else 2
        f.outlets = sorted(rng.sample(range(n_outlets), n))
    return story
