"""What every reader shares: the article on its way to a Document, and the error that
skips an input with a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from consistency.models import Removed


class Unreadable(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""


@dataclass
class Article:
    """An article on its way to a Document."""

    lines: list[str]
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str = "none"
    published_note: str = ""
    title_from: str = ""  # where the title and the outlet were read, for the report
    outlet_from: str = ""
    headings: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)  # list items: never taken for headings
    removed: list[Removed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    guess_title: bool = True

    def set_date(self, d: date | None, source: str, note: str) -> None:
        if d is not None and self.published is None:
            self.published, self.published_from, self.published_note = d, source, note


def one_line(text: str) -> str:
    return " ".join(text.split())


def norm_line(line: str) -> str:
    return " ".join(line.split())
