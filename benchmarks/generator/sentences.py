"""One outlet's sentences: the claims in many frames (plain, fronted time, attributed,
hedged, full, "said that", status, count, "according to", second mention), quotes and
fillers."""

from __future__ import annotations

import random
import re
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
        f = p.fact if p else None
        extra = extra or {}

        def lic(plural: bool = False) -> str:
            assert f is not None and p is not None
            name = f.fields["licence"]
            if p.retail:
                name = "retail " + name
            if plural:
                return name.replace("licence", "licences").replace("permit", "permits")
            return ("an " if name[0] in "aeiou" else "a ") + name

        def value(k: str) -> str:
            if k in extra:
                v = extra[k]
                return str(v() if callable(v) else v)
            assert f is not None and p is not None
            if k == "S":
                return self.voice.name(f.key)
            if k == "A":
                return self.voice.name("reg")
            if k in ("X2", "FUND", "C"):
                key = {"X2": f.fields.get("X2", ""), "FUND": "fund", "C": "city"}[k]
                return self.voice.name(key)
            if k == "T":
                return p.time.text if p.time else ""
            if k == "N":
                return p.qty.text if p.qty else ""
            if k == "Ncap":
                return (p.qty.text if p.qty else "")[:1].upper() + (p.qty.text if p.qty else "")[1:]
            if k == "L":
                return lic()
            if k == "lic":
                return lic()[2:].lstrip()
            if k == "Tlead":
                return p.time.lead if p.time else ""
            if k in ("OP", "OPS"):
                return self.voc["operator"] + ("s" if k == "OPS" else "")
            if k == "K":
                return SMALL[p.count or 2]
            if k == "which":
                return self.voice.pronoun(f.key)
            if k == "Ls":
                return lic(plural=True)
            if k == "Lcap":
                s = lic()
                return s[0].upper() + s[1:]
            if k == "O":
                return f.fields["O"]
            if k == "Ocap":
                o = re.sub(r"^its ", "the ", f.fields["O"])
                return o[0].upper() + o[1:]
            if k == "were":
                return "were" if f.fields.get("plural") else "was"
            if k == "ROLE":
                x2 = f.fields["X2"]
                return f"{f.fields['POST']} of {self.voice.name(x2)}"
            if k == "POST":
                return f.fields["POST"]
            if k == "DEAL":
                return f.fields["deal"]
            if k in ("ACT", "R", "SITE"):
                return f.fields.get(k, "")
            if k == "SECTOR":
                return self.voc["sector"]
            raise KeyError(k)

        return FIELD_RE.sub(lambda m: value(m.group(1)), template)

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
        rng, ev = self.rng, EVENTS[p.fact.event]
        ent = self.story.entities[p.fact.key]
        lead = ""
        if p.status is not None:
            return self.status(p)
        if p.count is not None:
            return self.counted(p)
        if p.agency is not None:
            return self.agency(p)
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
        frame = rng.choice(frames)
        if p.then_after:
            adv = rng.choice(["then", "later", "subsequently", "after that"])
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
        if p.said_day is not None:
            assert p.said_expr is not None
            pp = self.vp_pp(p)
            if ent.kind == "company" and p.fact.event == "licensed" and rng.random() < 0.5:
                s = f"{{A}} said {p.said_expr.text} that {{S}} had {pp}."
            else:
                s = f"{{S}} said {p.said_expr.text} that it had {pp}."
            p.frame = "said-that"
            return self.fill(s, p)
        kind = "first" if p.first else "vp"
        if p.retail and frame == "full":
            frame = "plain"
        if frame == "full" and not p.first and usable(ev["full"], p, strict=True):
            tmpl = rng.choice(usable(ev["full"], p, strict=True))
            if "{T}" not in tmpl or p.time is None:
                tmpl = tmpl.replace(" {T}", "")
            if "{N}" in tmpl and p.qty is None:
                frame = "plain"
            else:
                p.frame = "full"
                return self.fill(tmpl, p)
        if frame == "front":
            assert p.time is not None
            body = self.vp(p, kind, front=True)
            p.frame = "front"
            return self.fill(f"{p.time.lead}, {{S}} {body}.", p)
        body = self.vp(p, kind)
        if frame == "hedged":
            p.hedged = True
            p.frame = "hedged"
            if body.startswith(("was ", "were ")):
                w, rest = body.split(" ", 1)
                return self.fill(f"{{S}} {w} reportedly {rest}.", p)
            if ev["pp"] and rng.random() < 0.4:
                pp = self.vp_pp(p)
                word = rng.choice(["is understood to have", "is said to have", "allegedly"])
                if word == "allegedly":
                    return self.fill(f"{{S}} allegedly {body}.", p)
                return self.fill(f"{{S}} {word} {pp}.", p)
            return self.fill(f"{{S}} reportedly {body}.", p)
        if frame == "perfect":
            p.frame = "perfect"
            pp = self.vp_pp(p)
            return self.fill(f"{{S}} has {pp}.", p)
        if frame == "attr":
            p.frame = "attr"
            # "according to" names the fact's one source, in whichever outlet tells it
            src = p.fact.source
            if rng.random() < 0.5 and not p.no_according and not (src == "{A}" and "{A}" in body):
                p.according = "reg" if src == "{A}" else src
                return self.fill(f"{lead}{{S}} {body}, according to {src}.", p)
            who = self.attributor(p, avoid_reg="{A}" in body)
            return self.fill(f"{lead}{{S}} {body}, {who} said.", p)
        if frame == "told":
            p.frame = "told"
            return self.fill(
                f"{{S}} {body}, {{W}} told {self.out.name}.", p, {"W": lambda: self.speaker(p)}
            )
        p.frame = "plain"
        return self.fill(f"{{S}} {body}.", p)

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
