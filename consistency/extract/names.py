"""Names as a sentence writes them: the mentions of names in a sentence's tokens, and the
forms a name is shown and compared in.

Mentions are found by shape (runs of capitalised words, a proper name completed by a
collective noun such as "Varrow authorities", or a common noun phrase naming a thing of
the story such as "the new permit scheme"). A name's comparison key drops possessives,
titles, leading articles and company suffixes; its display form keeps the name as written
without possessive or title. Acronyms defined in parentheses pair a long name with a short
one. Entity resolution across the corpus, a later stage, builds on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consistency.extract.lexicon import Lexicon, lemma
from consistency.extract.text import Token
from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

PREPOSITIONS = frozenset(
    "in of with from for at to on by into about between under alongside including like as"
    " than over across among against amid after before during since until via per toward"
    " towards within without upon near beside besides through throughout behind beyond"
    " except despite unlike such".split()
)
DETERMINERS = frozenset(
    "a an the this that these those its their his her our your my some any each every all"
    " both no another other such".split()
)
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "group", "who": "rel"}
RELATIVE = frozenset({"which", "who", "whom", "whose", "that"})
AUX = frozenset(
    "is are was were be been being am has have had having do does did will would shall should"
    " can could may might must 's 're 've 'd".split()
)

# Capitalised words that start sentences or modify names but are not names themselves.
_NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we you i his her their our my your
    in on at of for to from by with as and or but nor so yet if while when where what who
    whom whose which why how after before during since until although though because
    however meanwhile moreover furthermore nevertheless nonetheless despite following
    simultaneously currently recently earlier later then now today yesterday tomorrow also
    just still already even only many some several most more less all both each every no
    not there here such other another once last next first second third top new old
    according unlike like under over about among between into through across around
    according mr mrs ms dr prof sir madam yes oh well so thus hence instead indeed
    commentators people experts analysts officials critics sources observers investors
    skeptics sceptics supporters residents users customers readers""".split()
) | frozenset([*MONTHS, *WEEKDAYS])

TITLES = frozenset(
    """mr mrs ms dr prof sir dame lord lady president ceo cfo cto coo chairman chairwoman
    chair chief executive director minister secretary senator governor mayor judge justice
    general colonel captain honorable honourable rep representative lawmaker founder
    cofounder co-founder spokesperson spokesman spokeswoman head deputy vice premier
    king queen prince princess pope bishop rabbi professor""".split()
)
_ORG_SUFFIXES = frozenset(
    "inc inc. ltd ltd. llc corp corp. corporation co co. plc ag sa nv gmbh group holdings"
    " limited".split()
)

TIME_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS])


@dataclass(frozen=True)
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str  # as written
    kind: str  # proper, thing, pronoun
    head: str = ""  # lemma of the head noun (things) or pronoun


def _is_name_token(tok: Token, first: bool, capitalized_vocab: frozenset[str]) -> bool:
    if not tok.capitalized or not any(c.isalpha() for c in tok.text):
        return False
    low = tok.lower
    if low in TIME_WORDS:
        return False
    if low in _NOT_NAMES:
        # Sentence-initial "The", "In", "This": never a name start. Mid-sentence capitals
        # such as "The Lantern" are names.
        return not first and low not in {"i", "a", "an", "and", "or", "of", "in", "on"}
    if first and low not in capitalized_vocab and low.isalpha() and _common_word(low):
        return False
    return True


def _common_word(low: str) -> bool:
    # A word simplemma knows with a different lemma, or an -ly/-ing/-ed form, is a common
    # English word at the start of a sentence ("Despite", "Following", "Regrettably").
    return low.endswith(("ly", "ing", "ed")) or lemma(low) != low


def find_mentions(
    tokens: Sequence[Token],
    lexicon: Lexicon,
    capitalized_vocab: frozenset[str] = frozenset(),
    skip: Iterable[int] = (),
) -> list[Mention]:
    """Proper-name and pronoun mentions in a sentence's tokens, left to right."""
    skipped = set(skip)
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    # The first word of a sentence, or the first after an opening quote.
    while i < n:
        tok = tokens[i]
        first = i == 0 or tokens[i - 1].text in {"“", '"', "‘", "(", ":"}
        if i in skipped:
            i += 1
            continue
        low = tok.lower
        if low in PRONOUNS and low != "who":
            out.append(Mention(i, i + 1, tok.text, "pronoun", low))
            i += 1
            continue
        if not _is_name_token(tok, first, capitalized_vocab):
            i += 1
            continue
        j = i + 1
        while j < n and j not in skipped:
            t = tokens[j]
            if _is_name_token(t, False, capitalized_vocab):
                j += 1
                continue
            # "Bank of England", "Varrow's Harbour Assembly", "AT&T".
            if (
                t.lower in {"of", "'s", "&", "de", "du", "van", "von", "al", "'", "’"}
                and j + 1 < n
                and _is_name_token(tokens[j + 1], False, capitalized_vocab)
            ):
                j += 2
                continue
            break
        # "Varrow authorities", "Chinese regulators".
        if j < n and tokens[j].lower in lexicon.collective_nouns:
            j += 1
        out.append(Mention(i, j, _joined(tokens[i:j]), "proper"))
        i = j
    return out


def _joined(tokens: Sequence[Token]) -> str:
    """Tokens as written: "Winter Miners' Gala", not "Winter Miners ' Gala"."""
    out = tokens[0].text
    for prev, t in zip(tokens, tokens[1:], strict=False):
        out += ("" if t.start == prev.end else " ") + t.text
    return out


def thing_mention(tokens: Sequence[Token], end: int, lexicon: Lexicon) -> Mention | None:
    """A noun phrase ending at token ``end`` (exclusive) whose head names a thing."""
    k = end - 1
    while k >= 0 and tokens[k].text in {",", "—", "–"}:
        k -= 1
    if k < 0:
        return None
    head = tokens[k]
    if not head.text.isalpha() or (
        head.lemma not in lexicon.thing_nouns and head.lower not in lexicon.collective_nouns
    ):
        return None
    start = k
    while start - 1 >= 0:
        t = tokens[start - 1]
        low = t.lower
        if low in DETERMINERS or low in PREPOSITIONS or low in AUX or not _wordish(t.text):
            break
        if low in RELATIVE:
            break
        start -= 1
    words = [t.text for t in tokens[start : k + 1]]
    return Mention(start, k + 1, " ".join(words).replace(" 's", "'s"), "thing", head.lemma)


def _wordish(s: str) -> bool:
    return any(c.isalpha() for c in s) or s in {"'s", "’s"}


# --- name forms -------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"\s*['’]s\b")


def normalize(name: str) -> str:
    """The comparison key of a name: no possessive, title, leading article or org suffix."""
    s = _POSSESSIVE.sub("", name)
    s = re.sub(r"[“”\"‘’(),.]+$", "", s)
    words = s.split()
    while words and words[0].lower() in ({"the"} | TITLES):
        words = words[1:]
    # A leading initial ("A. Pruitt") says no more than the surname.
    while len(words) > 1 and re.fullmatch(r"[A-Z]\.?", words[0]):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _ORG_SUFFIXES:
        words = words[:-1]
    return " ".join(words).casefold()


def display(name: str) -> str:
    """A name as shown: no possessive, no leading article or title."""
    s = _POSSESSIVE.sub("", name).strip()
    words = s.split()
    while len(words) > 1 and words[0].lower() in ({"the"} | TITLES):
        words = words[1:]
    return " ".join(words)


_ACRONYM_DEF = re.compile(
    r"\b((?:[A-Z][\w&.-]*)(?:\s+(?:of|and|for|the|&|de|[A-Z][\w&.-]*))*)\s*\(([A-Z][A-Za-z0-9&.]{1,12})\)"
)


def acronym_definitions(text: str) -> list[tuple[str, str]]:
    """("Coastal Water Authority", "CWA") pairs defined in parentheses."""
    return [(m.group(1), m.group(2)) for m in _ACRONYM_DEF.finditer(text)]
