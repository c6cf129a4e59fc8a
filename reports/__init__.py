"""Renderers of a :class:`~consistency.models.Result`, one module per output format.

::

    html   one self-contained page for editors      (reports/html.py + templates/)
    json   the stable contract of DESIGN.md         (reports/jsonfmt.py)
    csv    one row per cited claim, through pandas  (reports/csv.py)
    sarif  SARIF 2.1.0 for code-scanning views      (reports/sarif.py)
    junit  JUnit XML for CI test views              (reports/junit.py)
    md     a Markdown summary for a PR comment      (reports/markdown.py)

Every renderer is a function ``(result) -> str``; the same result gives the same text, byte
for byte.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from consistency.errors import ConfigError
from consistency.models import Result

from .csv import render_csv
from .html import render_html
from .jsonfmt import render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif

Renderer = Callable[[Result], str]

#: Output format name -> renderer.
FORMATS: dict[str, Renderer] = {
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "sarif": render_sarif,
    "junit": render_junit,
    "md": render_markdown,
}

__all__ = [
    "FORMATS",
    "Renderer",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "write",
]


def render(result: Result, fmt: str) -> str:
    """``result`` as text in format ``fmt`` (a key of :data:`FORMATS`).

    Raises :class:`~consistency.errors.ConfigError` for an unknown format.
    """
    try:
        renderer = FORMATS[fmt.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown report format {fmt!r} (choose from {known})") from None
    return renderer(result)


def write(result: Result, fmt: str, path_or_dash: str | os.PathLike[str]) -> None:
    """Render ``result`` as ``fmt`` into a file, or to standard output for ``-``.

    Files are written as UTF-8 with ``\\n`` line ends on every platform; missing parent
    folders are created.
    """
    text = render(result, fmt)
    if os.fspath(path_or_dash) == "-":
        # Bytes, so a console code page (cp1252, ...) cannot fail on a quote's characters.
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    path = Path(path_or_dash)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
