"""Renderers of a :class:`~consistency.models.Result`, one module per output format.

::

    codeclimate  GitLab Code Quality; also "gitlab"       (reports/codeclimate.py)
    csv          one row per cited claim, through pandas  (reports/csv.py)
    github       GitHub Actions annotations               (reports/github.py)
    html         one self-contained page for editors      (reports/html.py + templates/)
    json         the stable contract of DESIGN.md         (reports/jsonfmt.py)
    junit        JUnit XML for CI test views              (reports/junit.py)
    md           a Markdown summary for a PR comment      (reports/markdown.py)
    sarif        SARIF 2.1.0 for code-scanning views      (reports/sarif.py)
    text         a short listing for a terminal (the default)  (reports/text.py)

Every renderer is a function ``(result) -> str``; the same result gives the same text, byte
for byte. How findings stand (failing, accepted, below ``--fail-on``) comes from
``result.review`` (:mod:`consistency.accepted`); without one every finding fails.

Formats are found through the entry-point group ``consistency.formats``: the built-in ones
(pyproject.toml) as a third party's, ``name = "module:function"``. A format that fails to
load, or to render, is a :class:`~consistency.errors.ReportError` naming it, raised when
it is asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from consistency import atomic
from consistency.errors import ConfigError, ReportError
from consistency.models import FORMAT_GROUP, Result, plugins

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


def _load() -> tuple[dict[str, Renderer], dict[str, str], dict[str, str]]:
    """Every format's renderer by name (sorted), where each comes from, and the formats
    that failed to load (name -> message). The first entry point of a name wins: a
    built-in one before a plugin's."""
    formats: dict[str, Renderer] = {}
    origins: dict[str, str] = {}
    broken: dict[str, str] = {}
    for ep in plugins(FORMAT_GROUP):
        if ep.name in origins:
            continue
        origins[ep.name] = ep.value
        try:
            renderer = ep.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin is reported when asked for
            broken[ep.name] = _failed(ep.name, ep.value, "failed to load", exc)
            continue
        if not callable(renderer):
            broken[ep.name] = f"report format {ep.name!r} ({ep.value}) is not a function"
            continue
        formats[ep.name] = renderer
    return dict(sorted(formats.items())), origins, broken


def _failed(name: str, origin: str, what: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())  # one line
    return f"report format {name!r} ({origin}) {what}: {type(exc).__name__}: {detail}"


#: Output format name -> renderer, sorted by name (``consistency.models.FORMAT_NAMES``).
FORMATS, _ORIGINS, _BROKEN = _load()

__all__ = [
    "FORMATS",
    "Renderer",
    "render",
    "renderer",
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


def renderer(fmt: str) -> Renderer:
    """The renderer of format ``fmt``; a :class:`ConfigError` for an unknown format, a
    :class:`ReportError` for one that failed to load (asked before a long run)."""
    name = fmt.lower()
    if name in _BROKEN:
        raise ReportError(_BROKEN[name])
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown report format {fmt!r} (choose from {known})") from None


def render(result: Result, fmt: str) -> str:
    """``result`` as text in format ``fmt`` (a key of :data:`FORMATS`).

    Raises :class:`~consistency.errors.ConfigError` for an unknown format, and
    :class:`~consistency.errors.ReportError` for one that fails to load or to render.
    """
    name = fmt.lower()
    to_text = renderer(name)
    try:
        text = to_text(result)
    except Exception as exc:  # noqa: BLE001 - a renderer's failure is reported, not raised
        raise ReportError(_failed(name, _ORIGINS[name], "failed to render", exc)) from exc
    if not isinstance(text, str):
        kind = type(text).__name__
        raise ReportError(f"report format {name!r} ({_ORIGINS[name]}) gave {kind}, not text")
    return text


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
