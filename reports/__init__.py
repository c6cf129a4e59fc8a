"""Renderers of a :class:`~consistency.models.Result`, one module per output format.

::

    text         a short listing for a terminal (the default)  (reports/text.py)
    html         one self-contained page for editors      (reports/html.py + templates/)
    json         the stable contract of DESIGN.md         (reports/jsonfmt.py)
    csv          one row per cited claim, through pandas  (reports/csv.py)
    sarif        SARIF 2.1.0 for code-scanning views      (reports/sarif.py)
    junit        JUnit XML for CI test views              (reports/junit.py)
    md           a Markdown summary for a PR comment      (reports/markdown.py)
    github       GitHub Actions annotations               (reports/github.py)
    codeclimate  GitLab Code Quality; also "gitlab"       (reports/codeclimate.py)

Every renderer is a function ``(result) -> str``; the same result gives the same text, byte
for byte. How findings stand (failing, accepted, below ``--fail-on``) comes from
``result.review`` (:mod:`consistency.accepted`); without one every finding fails.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from consistency import atomic
from consistency.errors import ConfigError
from consistency.models import Result

from .codeclimate import render_codeclimate
from .csv import render_csv
from .github import render_github
from .html import render_html
from .jsonfmt import render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

Renderer = Callable[[Result], str]

#: Output format name -> renderer, in the order of ``consistency.models.FORMAT_NAMES``.
FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "sarif": render_sarif,
    "junit": render_junit,
    "md": render_markdown,
    "github": render_github,
    "codeclimate": render_codeclimate,
    "gitlab": render_codeclimate,
}

__all__ = [
    "FORMATS",
    "Renderer",
    "render",
    "render_codeclimate",
    "render_csv",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
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

    Files are written as UTF-8 with ``\\n`` line ends on every platform, atomically (a
    temporary file in the same folder, then renamed over the target: see
    :mod:`consistency.atomic`); missing parent folders are created.
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
    atomic.write_text(path_or_dash, text)
