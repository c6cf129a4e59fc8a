"""One outlet's sentences: the claims in many frames (plain, fronted time, attributed,
hedged, full, "said that", status, count, "according to", second mention), quotes and
fillers."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from .figures import fmt_count
from .model import Plan, Quote, Story
from .times import SMALL
from .vocabulary import (
    BACKGROUND,
    COUNT_MANY,
    COUNT_ONE,
    DOMAINS,
    ECHO_FIGURE,
    ECHO_TAILS,
    ECHO_TAILS_AGENT,
    EVENTS,
    LEDES,
    SINCE,
    SINCE_TAILS,
    STATUS,
)
from .wording import FIELD_RE, Voice, tidy, usable


class Renderer:
    def __init__(self, story: Story, o: int, rng: random.Random) -> None:
        self.story, self.o, self.rng = story, o, rng
        self.out = story.outlets[o]
        self.voice = Voice(story, o, rng)
        self.voc = DOMAINS[story.domain]
        self.used: list[str] = []  # fillers already in this article (none twice)

    def fresh(self, options: list[str] | tuple[str, ...]) -> str:
        left = [x for x in options if x not in self.used] or list(options)
        pick = self.rng.choice(left)
        self.used.append(pick)
        return pick

    # -- fields -------------------------------------------------------------------------
    def fill(self, template: str, p: Plan | None, extra: dict[str, Any] | None = None) -> str:
        """The template with each {FIELD} replaced: from ``extra`` first (a value, or a
        callable for a value drawn only when used), else from the plan and its fact."""
        extra = extra or {}

        def value(k: str) -> str:
            if k in extra:
                v = extra[k]
                return str(v() if callable(v) else v)
            assert p is not None
            if k not in _FIELDS:
                raise KeyError(k)
            return _FIELDS[k](self, p)

        return FIELD_RE.sub(lambda m: value(m.group(1)), template)

    def licence(self, p: Plan, plural: bool = False) -> str:
        """The fact's licence, "retail" when the plan says so: "a ... licence", or plural."""
        name = p.fact.fields["licence"]
        if p.retail:
            name = "retail " + name
        if plural:
            return name.replace("licence", "licences").replace("permit", "permits")
        return ("an " if name[0] in "aeiou" else "a ") + name

    # -- claims -------------------------------------------------------------------------
    def vp(self, p: Plan, kind: str = "vp", front: bool = False) -> str:
        options = usable(EVENTS[p.fact.event][kind], p)
        if p.retail or (p.strict and p.fact.event == "licensed" and not p.first):
            # a planted, counter or trap licence names the licence: "licensed to sell power"
            # could be read as another licence than "an electricity supply licence"
            options = [t for t in options if "{L" in t]
        tmpl = self.rng.choice(options)
        if p.fact.event == "acquired" and p.qty is None:
            tmpl = self.rng.choice(["acquired {X2} {T}", "bought {X2} {T}", "took over {X2} {T}"])
        if p.fact.event == "signed" and p.qty is not None:
            tmpl = tmpl.replace("{DEAL}", "a {N} contract")
        if front or p.time is None:
            tmpl = tmpl.replace(" {T}", "")
        return tmpl

    def single(self, p: Plan) -> str:
        """One claim in a sentence of its own, in a frame drawn at random."""
        if p.status is not None:
            return self.status(p)
        if p.count is not None:
            return self.counted(p)
        if p.agency is not None:
            return self.agency(p)
        frame = self.rng.choice(self.frames(p))
        if p.then_after:
            return self.then(p)
        if p.said_day is not None:
            return self.said_that(p)
        kind = "first" if p.first else "vp"
        if frame == "full" and not p.retail and not p.first:
            full = self.full(p)
            if full is not None:
                return full
        if frame == "front":
            assert p.time is not None
            body = self.vp(p, kind, front=True)
            p.frame = "front"
            return self.fill(f"{p.time.lead}, {{S}} {body}.", p)
        body = self.vp(p, kind)
        if frame == "hedged":
            return self.hedged(p, body)
        if frame == "perfect":
            p.frame = "perfect"
            pp = self.vp_pp(p)
            return self.fill(f"{{S}} has {pp}.", p)
        if frame == "attr":
            return self.attributed(p, body)
        if frame == "told":
            p.frame = "told"
            return self.fill(
                f"{{S}} {body}, {{W}} told {self.out.name}.", p, {"W": lambda: self.speaker(p)}
            )
        p.frame = "plain"
        return self.fill(f"{{S}} {body}.", p)

    def frames(self, p: Plan) -> list[str]:
        """The frames a claim can take (repeats weigh the draw): a "first" only the simple
        ones, a planted or trap claim no hedge, a frame only when the claim has its parts."""
        ev = EVENTS[p.fact.event]
        frames = ["plain", "plain", "front", "attr", "told", "full"]
        if p.role == "free":
            frames += ["hedged", "hedged"]
            if p.time is None and ev["pp"]:
                frames += ["perfect"]
        if p.first:
            frames = ["plain", "front", "attr"]
        if p.time is None:
            frames = [x for x in frames if x != "front"]
        if not ev["full"]:
            frames = [x for x in frames if x != "full"]
        return frames

    def then(self, p: Plan) -> str:
        """A claim told as coming after the one before it: "X then ...", "Later, X ..."."""
        adv = self.rng.choice(["then", "later", "subsequently", "after that"])
        body = self.vp(p)
        if adv in ("later", "after that"):
            s = f"{adv.capitalize()}, {{S}} {body}."
        elif body.startswith(("was ", "were ")):
            w, rest = body.split(" ", 1)
            s = f"{{S}} {w} {adv} {rest}."
        else:
            s = f"{{S}} {adv} {body}."
        p.frame = f"then:{adv}"
        return self.fill(s, p)

    def said_that(self, p: Plan) -> str:
        """A claim dated by the statement that reported it: "X said on Monday that it had ..."."""
        assert p.said_expr is not None
        pp = self.vp_pp(p)
        ent = self.story.entities[p.fact.key]
        if ent.kind == "company" and p.fact.event == "licensed" and self.rng.random() < 0.5:
            s = f"{{A}} said {p.said_expr.text} that {{S}} had {pp}."
        else:
            s = f"{{S}} said {p.said_expr.text} that it had {pp}."
        p.frame = "said-that"
        return self.fill(s, p)

    def full(self, p: Plan) -> str | None:
        """The claim in a full sentence of its event's own, or None when none fits (then
        the claim is told plainly)."""
        full = usable(EVENTS[p.fact.event]["full"], p, strict=True)
        if not full:
            return None
        tmpl = self.rng.choice(full)
        if "{T}" not in tmpl or p.time is None:
            tmpl = tmpl.replace(" {T}", "")
        if "{N}" in tmpl and p.qty is None:
            return None
        p.frame = "full"
        return self.fill(tmpl, p)

    def hedged(self, p: Plan, body: str) -> str:
        """A claim the outlet does not vouch for: "reportedly", "is said to have" ..."""
        p.hedged = True
        p.frame = "hedged"
        if body.startswith(("was ", "were ")):
            w, rest = body.split(" ", 1)
            return self.fill(f"{{S}} {w} reportedly {rest}.", p)
        if EVENTS[p.fact.event]["pp"] and self.rng.random() < 0.4:
            pp = self.vp_pp(p)
            word = self.rng.choice(["is understood to have", "is said to have", "allegedly"])
            if word == "allegedly":
                return self.fill(f"{{S}} allegedly {body}.", p)
            return self.fill(f"{{S}} {word} {pp}.", p)
        return self.fill(f"{{S}} reportedly {body}.", p)

    def attributed(self, p: Plan, body: str) -> str:
        """A claim with its source: "according to" the fact's one source (the same in
        whichever outlet tells it), or "..., officials said"."""
        p.frame = "attr"
        src = p.fact.source
        if self.rng.random() < 0.5 and not p.no_according and not (src == "{A}" and "{A}" in body):
            p.according = "reg" if src == "{A}" else src
            return self.fill(f"{{S}} {body}, according to {src}.", p)
        who = self.attributor(p, avoid_reg="{A}" in body)
        return self.fill(f"{{S}} {body}, {who} said.", p)

    def status(self, p: Plan) -> str:
        """The opposite state: "X was refused a licence in May", "X has yet to obtain one"."""
        assert p.status is not None
        tmpls = STATUS[p.status]
        if p.time is None:
            tmpls = [t for t in tmpls if "{T" not in t]
        p.frame = "status"
        return self.fill(self.rng.choice(tmpls), p)

    def counted(self, p: Plan) -> str:
        """ "X became one of two companies to obtain a licence in May 2023"."""
        rng = self.rng
        assert p.time is not None
        tmpl = rng.choice(COUNT_ONE if p.count == 1 else COUNT_MANY)
        p.frame = "count"
        r = rng.random()
        if r < 0.3:
            return self.fill(f"{p.time.lead}, {{S}} {tmpl.replace(' {T}', '')}.", p)
        if r < 0.45 and "{A}" not in tmpl:
            return self.fill(f"{{S}} {tmpl}, {{A}} said.", p)
        if r < 0.55:
            return self.fill(f"{{S}} {tmpl}, the company said.", p)
        return self.fill(f"{{S}} {tmpl}.", p)

    def agency(self, p: Plan) -> str:
        """The fact "according to" a news agency."""
        assert p.agency is not None
        g, body = p.agency, self.vp(p)
        p.according, p.frame = g, "according"
        r = self.rng.random()
        if r < 0.45:
            return self.fill(f"{{S}} {body}, according to {g}.", p)
        if r < 0.7:
            return self.fill(f"According to {g}, {{S}} {body}.", p)
        if r < 0.85:
            return self.fill(f"{{S}} {body}, according to a report by {g}.", p)
        return self.fill(f"{{S}} {body}, according to reporting by {g}.", p)

    def echo(self, p: Plan) -> str:
        """A second mention of a fact, in another sentence of the same article."""
        rng, f = self.rng, p.fact
        kind = self.story.entities[f.key].kind
        tails = list(ECHO_TAILS)
        if kind in ("company", "person", "regulator", "council"):
            tails += ECHO_TAILS_AGENT
        frames = ["rel", "rel"]
        if p.time is not None:
            frames.append("front")
            if f.event in SINCE:
                frames += ["since", "since"]
        if p.qty is not None and p.time is None and f.event in ECHO_FIGURE:
            frames.append("figure")
        frame = rng.choice(frames)
        p.frame = f"echo:{frame}"
        if frame == "front":
            assert p.time is not None
            return self.fill(f"{p.time.lead}, {{S}} {self.vp(p, front=True)}.", p)
        if frame == "since":
            g = rng.choice(SINCE[f.event])
            return self.fill(f"Since {g} {{T}}, {{S}} has {rng.choice(SINCE_TAILS)}.", p)
        if frame == "figure":
            return self.fill(
                rng.choice(ECHO_FIGURE[f.event]).replace("{TAIL}", rng.choice(tails)), p
            )
        return self.fill(f"{{S}}, {{which}} {self.vp(p)}, {rng.choice(tails)}.", p)

    def quote(self, who: str, q: str) -> str:
        """A direct quote with its speaker, named in full at the first mention."""
        rng = self.rng
        o, c = ('"', '"') if self.out.quotes == "straight" else ("\u201c", "\u201d")
        name = self.voice.name(who, appositive=True)
        r = rng.random()
        if r < 0.35:
            return f"{o}{q},{c} {name} said."
        if r < 0.6:
            return f"{o}{q},{c} said {name.rstrip(',')}."
        if r < 0.8:
            return f"{name} said: {o}{q}.{c}"
        if r < 0.87:
            return f"{o}{q},{c} {name} told {self.out.name}."
        if r < 0.94:
            return f"{o}{q},{c} {name} said in a statement."
        return f"Asked about {self.voc['topic']}, {name} said: {o}{q}.{c}"

    def vp_pp(self, p: Plan) -> str:
        pp = self.rng.choice(EVENTS[p.fact.event]["pp"])
        if p.fact.event == "acquired" and p.qty is None:
            pp = "acquired {X2} {T}"
        if p.time is None:
            pp = pp.replace(" {T}", "")
        return pp

    def attributor(self, p: Plan, avoid_reg: bool = False) -> str:
        key = p.fact.key
        opts = ["officials"]
        if key != "reg" and not avoid_reg:
            opts.append("{A}")
        if self.story.entities[key].kind == "company":
            opts += ["the company", "company filings"]
        if key in ("council", "city"):
            opts += ["city officials"]
        return self.rng.choice(opts)

    def speaker(self, p: Plan) -> str:
        kind = self.story.entities[p.fact.key].kind
        if kind == "company" and p.fact.key != "co0":
            return "a company spokesperson"
        key = {"regulator": "chair", "company": "ceo"}.get(kind, "mayor")
        if p.fact.key in ("ceo", "chair"):
            key = "mayor"
        return self.voice.name(key, appositive=True)

    def pair(self, p1: Plan, p2: Plan, how: str) -> str:
        """Two claims about one entity in one sentence."""
        s1 = self.vp(p1, "vp")
        s2 = self.vp(p2, "vp")
        p1.frame = p2.frame = how
        t = self.fill("{S}", p1)
        t1 = self.fill(s1, p1)
        t2 = self.fill(s2, p2)
        if how == "relative":
            return f"{t}, {self.voice.pronoun(p1.fact.key)} {t1}, {t2}."
        if how == "coord":
            return f"{t} {t1}, and it {t2}."
        return f"{t} {t1} and {t2}."

    def group(self, p1: Plan, p2: Plan) -> str:
        tmpl = self.rng.choice(EVENTS["licensed"]["plural"])
        if p1.time is None:
            tmpl = tmpl.replace(" {T}", "")
        p1.frame = p2.frame = "group"
        a = self.voice.name(p1.fact.key)
        b = self.voice.name(p2.fact.key)
        return self.fill(f"{a} and {b} {tmpl}.", p1)

    # -- filler -------------------------------------------------------------------------
    def filler(self, kind: str) -> str:
        rng, ents = self.rng, self.story.entities
        topic = self.voc["topic"]
        city = ents["city"].name
        if kind == "lede":
            return rng.choice(LEDES).format(C=city, topic=topic)
        if kind == "quote":
            who = rng.choice(["mayor", "ceo", "chair"])
            q = self.fresh(self.story.quotes[who])
            text = self.quote(who, q)
            self.story.said.append(Quote(self.o, who, q, text))
            return text
        tmpl = self.fresh(BACKGROUND)
        pop = fmt_count(rng.randint(30, 400) * 1000)
        out = tmpl.replace("{C}", city).replace("{topic}", topic).replace("{pop}", pop)
        if "{Reg}" in out:
            out = out.replace("{Reg}", self.voice.name("reg"))
        if "{CoX}" in out:
            out = out.replace("{CoX}", self.voice.name(rng.choice(["co0", "co1", "co2"])))
        return tidy(out)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _qty_text(p: Plan) -> str:
    return p.qty.text if p.qty else ""


# What each {FIELD} of a template stands for, from the plan and its fact.
_FIELDS: dict[str, Callable[[Renderer, Plan], str]] = {
    "S": lambda r, p: r.voice.name(p.fact.key),
    "A": lambda r, p: r.voice.name("reg"),
    "X2": lambda r, p: r.voice.name(p.fact.fields.get("X2", "")),
    "FUND": lambda r, p: r.voice.name("fund"),
    "C": lambda r, p: r.voice.name("city"),
    "T": lambda r, p: p.time.text if p.time else "",
    "N": lambda r, p: _qty_text(p),
    "Ncap": lambda r, p: _cap(_qty_text(p)),
    "L": lambda r, p: r.licence(p),
    "lic": lambda r, p: r.licence(p)[2:].lstrip(),
    "Tlead": lambda r, p: p.time.lead if p.time else "",
    "OP": lambda r, p: r.voc["operator"],
    "OPS": lambda r, p: r.voc["operator"] + "s",
    "K": lambda r, p: SMALL[p.count or 2],
    "which": lambda r, p: r.voice.pronoun(p.fact.key),
    "Ls": lambda r, p: r.licence(p, plural=True),
    "Lcap": lambda r, p: _cap(r.licence(p)),
    "O": lambda r, p: p.fact.fields["O"],
    "Ocap": lambda r, p: _cap(re.sub(r"^its ", "the ", p.fact.fields["O"])),
    "were": lambda r, p: "were" if p.fact.fields.get("plural") else "was",
    "ROLE": lambda r, p: f"{p.fact.fields['POST']} of {r.voice.name(p.fact.fields['X2'])}",
    "POST": lambda r, p: p.fact.fields["POST"],
    "DEAL": lambda r, p: p.fact.fields["deal"],
    "ACT": lambda r, p: p.fact.fields.get("ACT", ""),
    "R": lambda r, p: p.fact.fields.get("R", ""),
    "SITE": lambda r, p: p.fact.fields.get("SITE", ""),
    "SECTOR": lambda r, p: r.voc["sector"],
}
