"""What every reader shares: what a reader gets (:class:`Source`), what it gives back
(:class:`Article`, or :class:`~consistency.models.Skipped` for an article it cannot read), the
error that skips the whole file with a one-line reason (:class:`Unreadable`), and the record
a reader is registered as (:class:`Reader`). See :mod:`consistency.reading` for the contract."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from consistency.models import Removed, Skipped
from consistency.time.published import Candidate, DateSource


class Unreadable(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""


@dataclass
class Article:
    """An article on its way to a Document."""

    lines: list[str]  # one paragraph a line; blank lines between blocks are fine
    format: str = ""  # the Document's format; empty: the reader's type
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    dates: list[Candidate] = field(default_factory=list)  # publication dates, in file order
    title_from: str = ""  # where the title and the outlet were read, for the report
    outlet_from: str = ""
    headings: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)  # list items: never taken for headings
    removed: list[Removed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    guess_title: bool = True

    def set_date(self, d: date | None, source: DateSource | str, note: str) -> None:
        """A publication date the file gives (None: none here), as a candidate of the
        choice made by :func:`consistency.time.published.choose`."""
        if d is not None:
            self.dates.append(Candidate(d, DateSource(source), (note,)))


def one_line(text: str) -> str:
    return " ".join(text.split())


def norm_line(line: str) -> str:
    return " ".join(line.split())


@dataclass(frozen=True)
class Source:
    """What a reader gets: one file, read within the size limit."""

    path: str
    name: str  # the file name, with its suffix
    data: bytes  # the bytes of the file
    text: str  # the bytes decoded and cleaned (one kind of line end, no control characters);
    # empty for a reader that reads bytes (``Reader.binary``)
    fields: Mapping[str, str] | None = None  # --field: our field names to a format's names


#: A reader's function: the articles of one file, in file order.
ReadFunction = Callable[[Source], Sequence["Article | Skipped"]]


@dataclass(frozen=True)
class Reader:
    """A reader as registered in the entry-point group ``consistency.readers``."""

    suffixes: tuple[str, ...]  # the file suffixes it reads, with the dot: (".md", ".markdown")
    read: ReadFunction
    binary: bool = False  # True: it gets the bytes only (``Source.text`` is empty)
