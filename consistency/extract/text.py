"""Sentences and tokens with character offsets into the document text (syntok)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import syntok.segmenter as segmenter

from consistency.extract.lexicon import lemma


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the sentence
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def lemma(self) -> str:
        return lemma(self.text)

    @property
    def capitalized(self) -> bool:
        t = self.text
        return bool(t) and (t[0].isupper() or (t[0].isalpha() and any(c.isupper() for c in t[1:])))


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offset in the document text
    end: int
    text: str
    tokens: tuple[Token, ...]


def sentences(text: str) -> list[Sentence]:
    """Split a document text into sentences; each keeps its exact source span."""
    return list(_sentences(text))


@lru_cache(maxsize=512)
def _sentences(text: str) -> tuple[Sentence, ...]:
    # Cached: date inference extracts an undated document once per candidate date.
    out: list[Sentence] = []
    for paragraph in segmenter.analyze(text):
        for sent in paragraph:
            toks = _join_split_words([t for t in sent if t.value], text)
            if not toks:
                continue
            start = toks[0].offset
            end = toks[-1].offset + len(toks[-1].value)
            sentence_text = text[start:end]
            # A sentence never spans a paragraph break: split where the text has one.
            pieces = [
                piece
                for b_start, b_end in _split_on_breaks(sentence_text, start)
                for piece in _split_after_figures(text, b_start, b_end)
            ]
            for p_start, p_end in pieces:
                p_text = text[p_start:p_end]
                p_toks = tuple(
                    Token(t.value, t.offset - p_start, t.offset - p_start + len(t.value))
                    for t in toks
                    if p_start <= t.offset < p_end
                )
                if p_toks:
                    out.append(Sentence(len(out), p_start, p_end, p_text, p_toks))
    return tuple(out)


@dataclass(frozen=True)
class _Raw:
    value: str
    offset: int


def _join_split_words(toks: list, text: str) -> list:  # type: ignore[type-arg]
    """Undo syntok's splits inside a word: "QuillNet" is one word, not "Quill" "Net", and
    "go-ahead" or "crypto-related" one word, not two."""
    out: list[_Raw] = []
    for t in toks:
        prev = out[-1] if out else None
        gap = text[prev.offset + len(prev.value) : t.offset] if prev is not None else " "
        if (
            prev is not None
            and gap in ("", "-")
            and prev.value[-1:].isalnum()
            and t.value[:1].isalnum()
        ):
            out[-1] = _Raw(prev.value + gap + t.value, prev.offset)
        else:
            out.append(_Raw(t.value, t.offset))
    return out


_FIGURE_END = re.compile(
    r"(?:\d[\d.,]*(?:[kmb]n?|%)?\.\s+(?=[A-Z0-9])"
    r"|\b(?!(?:approx|vs|no|est|ca|nr|fig)\.)[a-z]{2,}\.\s+(?=\d))"
)


def _split_after_figures(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split where syntok glues two sentences after a figure: "raised £81.4m. Last
    December, ..." or "in May 2020. 480 people work ...". A month abbreviation before a
    day ("Oct. 6") has no digit before its full stop and is left alone."""
    spans = []
    pos = start
    for m in _FIGURE_END.finditer(text, start, end):
        cut = m.end()
        if text[m.start() - 1 : m.start()].isalpha():
            continue  # part of a word or code ("K27x.")
        dot = text.rfind(".", m.start(), cut)
        spans.append((pos, dot + 1))
        pos = cut
    spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _split_on_breaks(s: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for part in s.split("\n"):
        stripped = part.strip()
        if stripped:
            lead = len(part) - len(part.lstrip())
            spans.append((offset + pos + lead, offset + pos + lead + len(stripped)))
        pos += len(part) + 1
    return spans
