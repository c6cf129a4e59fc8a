"""Naming the cast in reading order (full names first, an acronym defined once), and the
small fixes of a written sentence ("a $11 million" -> "an $11 million")."""

from __future__ import annotations

import random
import re

from .model import Plan, Story


class Voice:
    """One outlet's way of naming the cast, in reading order."""

    def __init__(self, story: Story, o: int, rng: random.Random) -> None:
        self.story, self.o, self.rng = story, o, rng
        self.seen: set[str] = set()

    def name(self, key: str, appositive: bool = False) -> str:
        e = self.story.entities[key]
        first = key not in self.seen
        self.seen.add(key)
        the = "the " if e.article else ""
        if e.kind == "regulator":
            # one outlet of the story defines the acronym, at its first mention
            if self.story.definer is None:
                self.story.definer = self.o
                return f"the {e.name} ({e.short})"
            if self.story.definer == self.o:
                return f"the {e.short}" if self.rng.random() < 0.8 else f"the {e.name}"
            return f"the {e.short}" if self.rng.random() < 0.5 else f"the {e.name}"
        if e.kind == "company":
            if first or self.rng.random() < 0.4:
                return e.name
            return e.short
        if e.kind == "person":
            if first:
                if appositive:
                    return f"{e.name}, {e.desc},"
                if e.key == "mayor" and self.rng.random() < 0.5:
                    return f"Mayor {e.name}"
                return e.name
            return e.short
        return the + e.name

    def pronoun(self, key: str) -> str:
        return "who" if self.story.entities[key].kind == "person" else "which"


FIELD_RE = re.compile(r"\{(\w+)\}")
ADJ_N = re.compile(r"\b(a|the) \{N\}")


def usable(templates: list[str], p: Plan, strict: bool = False) -> list[str]:
    """Templates that read well with this plan's figure: "a {N} fine" takes a bare figure
    only ("a $40,000 fine", never "a more than $40,000 fine")."""
    ok = [t for t in templates if not (p.qty and p.qty.word and ADJ_N.search(t))]
    if strict:
        return ok
    return ok or templates


def a_an(m: re.Match[str]) -> str:
    """'a $11 million deal' -> 'an $11 million deal' (eleven, eight, eighteen...)."""
    art, num = m.group(1), m.group(2)
    whole = num.lstrip("$€£").replace(",", "").split(".")[0]
    vowel = (
        whole.startswith("8")
        or whole in ("11", "18")
        or (len(whole) in (5, 8) and whole[:2] in ("11", "18"))
    )
    return f"{art}{'n' if vowel else ''} {num}"


def tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\b([Aa]) ([$€£]?\d[\d,.]*)", a_an, s)
    s = s.replace(" ,", ",").replace(" .", ".").replace(",,", ",").replace(",.", ".")
    return s[0].upper() + s[1:]
