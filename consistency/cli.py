"""The command line: a thin layer that parses options and calls the library.

Exit codes: 0 no findings at or above ``--fail-on`` (that the baseline does not accept),
1 such findings, 2 the run could not be done (usage, unreadable input, bad config).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from consistency import __version__
from consistency import accepted as accepted_mod
from consistency import config as config_mod
from consistency.errors import (
    ConfigError,
    ConsistencyError,
    InputError,
    ReportError,
    RuleError,
    StoreError,
)
from consistency.linking import graph as graph_mod
from consistency.models import FORMAT_NAMES, SEVERITIES
from consistency.rules import catalogue

#: The exit code of each error the tool reports instead of a traceback: each says the run
#: could not be done. Every one is written as "consistency: error: <message>" (_fail).
EXIT_CODES: dict[type[ConsistencyError], int] = {
    InputError: 2,  # "PATH: no readable articles", "--new PATH: no such file or folder"
    ConfigError: 2,  # the option, setting or file at fault, and what is wrong with it
    RuleError: 2,  # why no rule could be loaded
    ReportError: 2,  # "report format 'NAME' (module:function) failed to ...: Error: why"
    StoreError: 2,  # the store and what failed
    ConsistencyError: 2,
}


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"consistency: error: {message}", err=True)
    sys.exit(code)


@contextmanager
def _reported(writing: str = "", target: object = None) -> Iterator[None]:
    """The tool's errors, and with ``writing`` a failed write of it to ``target`` (an
    OSError), as one line on standard error and their exit code, never a traceback."""
    try:
        yield
    except ConsistencyError as exc:
        _fail(str(exc), next(c for cls, c in EXIT_CODES.items() if isinstance(exc, cls)))
    except OSError as exc:
        if not writing:
            raise
        _fail(f"cannot write {writing}: {exc.strerror or exc} ({exc.filename or target})")


def _fields(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        key, sep, name = v.partition("=")
        if not sep or key not in {"text", "title", "url", "published", "outlet"}:
            raise click.BadParameter(
                f"{v!r}: use FIELD=NAME with FIELD one of text, title, url, published, outlet",
                param_hint="--field",
            )
        out[key] = name
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
def main() -> None:
    """Find where news outlets disagree: dates, figures, firsts, order of events."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="-", help="Report file; '-' for standard output.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    default=None,
    help="Report format (default: text on standard output; for a file, from its suffix,"
    " else html).",
)
@click.option(
    "--also",
    multiple=True,
    metavar="FORMAT=FILE",
    help="Write another format in the same run, e.g. --also json=findings.json (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES[::-1]),  # offered least serious first, as --help shows
    default=None,
    help="Exit 1 when a finding is at or above this severity (default: low).",
)
@click.option("--rules", "select", default="", help="Comma-separated rule codes or groups to run.")
@click.option("--exclude-rules", default="", help="Comma-separated rule codes to skip.")
@click.option(
    "--lexicon", multiple=True, type=click.Path(path_type=Path), help="Extra event lexicon YAML."
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Settings file.")
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="A previous JSON report: its findings are accepted and do not fail the run.",
)
@click.option(
    "--accepted",
    "accepted_path",
    type=click.Path(path_type=Path),
    help="The accepted findings (default: the settings' accepted, else"
    " .consistency/accepted.yaml when it exists).",
)
@click.option(
    "--new",
    "new_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Report only findings that involve these files or folders (the new drop), checked"
    " against everything in PATHS.",
)
@click.option(
    "--field",
    "field_map",
    multiple=True,
    metavar="FIELD=NAME",
    help="JSON feed field names, e.g. --field text=body --field published=date.",
)
@click.option("--strict", is_flag=True, help="Exit 2 when any input file was skipped.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading and parsing the articles (default: 1, or the"
    " settings' jobs); the report is the same whatever the number.",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a tty).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on standard error.")
@click.option(
    "--store",
    "store_at",
    default=None,
    help="Incremental check: PATHS are new articles, checked against the articles stored in"
    " this file (SQLite) or postgresql://... store, then stored (default: the settings' store).",
)
@click.option(
    "--related",
    type=click.IntRange(min=1),
    default=None,
    help="With a store: compare each new article with at most this many stored ones, those of"
    " its story (sharing its rarest names; default 100, or the settings' related).",
)
@click.option("--no-store", is_flag=True, help="A full check even when the settings name a store.")
@click.option(
    "--archive",
    multiple=True,
    type=click.Path(path_type=Path),
    help="With a store: store these articles first (only new content is read).",
)
@click.option(
    "--changed-since",
    metavar="REV",
    default=None,
    help="With a store: the new articles are those git lists as added or modified since REV"
    " under PATHS.",
)
def check(
    paths: tuple[Path, ...],
    output: str,
    fmt: str | None,
    also: tuple[str, ...],
    fail_on: str | None,
    select: str,
    exclude_rules: str,
    lexicon: tuple[Path, ...],
    config_path: Path | None,
    baseline: Path | None,
    accepted_path: Path | None,
    new_paths: tuple[Path, ...],
    field_map: tuple[str, ...],
    strict: bool,
    jobs: int | None,
    progress: bool | None,
    quiet: bool,
    store_at: str | None,
    related: int | None,
    no_store: bool,
    archive: tuple[Path, ...],
    changed_since: str | None,
) -> None:
    """Check the articles in PATHS (files or folders) against each other, or, with a store,
    the new articles in PATHS against the stored ones."""
    from consistency.reports import write as write_report

    with _reported("the report", output):
        settings = config_mod.load(config_path)
        fmt = fmt or _format_from(output)
        reports = _reports(fmt, output, also, new_paths)
        entries, base = accepted_mod.sources(accepted_path, settings.accepted, baseline)
        options = _options(select, exclude_rules, progress, field_map, jobs)
        if related is not None:
            settings.related = related
        store = (None if no_store else store_at or settings.store, archive, changed_since)
        result = _run(paths, new_paths, settings, lexicon, options, store, quiet)
        result = _reviewed(result, settings, options, (entries, base), new_paths, fail_on)
        if result.documents or not changed_since:  # nothing changed: an empty report
            _report_skipped(result, paths)
        for name, target in reports:
            write_report(result, name, target)
    _finish(result, output, fmt, quiet=quiet, strict=strict)


def _reports(
    fmt: str, output: str, also: tuple[str, ...], new_paths: tuple[Path, ...]
) -> list[tuple[str, str]]:
    """The reports to write, (format, file), the main one first. Whatever would stop the
    run after it is done is checked before it starts: a report path that is a folder, a
    format that failed to load, a --new path that does not exist."""
    from consistency.reports import renderer

    _writable(output)
    for p in new_paths:
        if not p.exists():
            raise InputError(f"--new {p}", "no such file or folder")
    reports = [(fmt, output), *(_also(a) for a in also)]
    for name, _ in reports:
        renderer(name)  # a format that failed to load stops the run before it starts
    return reports


def _options(
    select: str,
    exclude_rules: str,
    progress: bool | None,
    field_map: tuple[str, ...],
    jobs: int | None,
) -> dict[str, Any]:
    """The keyword arguments a check takes from the command line's options."""
    return {
        "select": [s for s in select.split(",") if s.strip()],
        "exclude": [s for s in exclude_rules.split(",") if s.strip()],
        "progress": progress,
        "fields": _fields(field_map) or None,
        "jobs": jobs,
    }


def _run(
    paths: tuple[Path, ...],
    new_paths: tuple[Path, ...],
    settings: config_mod.Settings,
    lexicon: tuple[Path, ...],
    options: dict[str, Any],
    store: tuple[str | None, tuple[Path, ...], str | None],
    quiet: bool,
) -> Any:
    """The check itself: of every path (PATHS and --new), or, given a store (where, what to
    archive first, --changed-since), of PATHS, the new articles, against the store's."""
    from consistency import pipeline

    store_at, archive, changed_since = store
    if not (store_at or archive or changed_since):
        all_paths = list(paths) + [p for p in new_paths if p not in paths]
        return pipeline.check(all_paths, settings=settings, lexicon_files=lexicon, **options)
    from consistency.store.commands import incremental_check

    if not store_at or new_paths:
        raise ConfigError(
            "--archive and --changed-since need a store (--store FILE or URL), and"
            " with a store PATHS are the new articles: leave out --new"
        )
    return incremental_check(
        store_at,
        paths,
        archive=archive,
        changed_since=changed_since,
        settings=settings,
        lexicon_files=lexicon,
        quiet=quiet,
        **options,
    )


def _reviewed(
    result: Any,
    settings: config_mod.Settings,
    options: dict[str, Any],
    accepted: tuple[Any, Any],
    new_paths: tuple[Path, ...],
    fail_on: str | None,
) -> Any:
    """The result as reported: reviewed against the accepted list and the baseline (stale
    entries judged on the whole run, before it is narrowed to the new drop), narrowed to
    the new drop, and with the findings that fail the run."""
    from consistency import pipeline

    chosen = pipeline.select_rules(settings, options["select"], options["exclude"])[0]
    review = accepted_mod.review(result, *accepted, rules_run=[r.code for r in chosen])
    if new_paths:
        result = pipeline.only_involving(result, _documents_under(result, new_paths))
    fail_on = fail_on or settings.fail_on
    failing = pipeline.failing(result.findings_list, fail_on, set(review.accepted))
    result.review = replace(
        review, fail_on=fail_on, failing=frozenset(f.fingerprint for f in failing)
    )
    return result


def _finish(result: Any, output: str, fmt: str, *, quiet: bool, strict: bool) -> NoReturn:
    """Notices and the summary line on standard error, then the exit code: 2 with --strict
    when an input was skipped, else 1 when a finding fails the run, else 0."""
    for notice in accepted_mod.notices(result.review):
        click.echo(f"consistency: {notice}", err=True)
    if not quiet and not (output == "-" and fmt == "text"):  # the listing ends in its own
        click.echo(_summary_line(result, output), err=True)
    if strict and result.skipped_inputs:
        sys.exit(2)
    sys.exit(1 if result.review.failing else 0)


def _summary_line(result: Any, output: str) -> str:
    from consistency import pipeline

    s = pipeline.summary(result)
    kinds = ", ".join(f"{k} {n}" for k, n in s["by_kind"].items()) or "none"
    line = f"{s['documents']} documents, {s['claims']} claims, {s['findings']} findings ({kinds})"
    accepted = [
        f for f in result.findings_list if accepted_mod.status(f, result.review) == "accepted"
    ]
    if accepted:
        line += f", {len(accepted)} accepted"
    line += f"; {s['skipped']} skipped"
    if s["rule_problems"]:
        line += f"; {s['rule_problems']} rule problem{'s' if s['rule_problems'] > 1 else ''}"
    return line + (f"; wrote {output}" if output != "-" else "")


def _report_skipped(result: Any, paths: tuple[Path, ...]) -> None:
    """Say on standard error what was skipped; no readable article at all is an error."""
    for skip in result.skipped:
        click.echo(f"consistency: skipped {skip.path}: {skip.reason}", err=True)
    if not result.documents:
        raise InputError(", ".join(str(p) for p in paths), "no readable articles")


def _writable(output: str) -> None:
    if output != "-" and Path(output).is_dir():
        raise ConfigError(f"{output}: is a folder; give a file name for the report")


def _format_from(output: str) -> str:
    if output == "-":
        return "text"  # a terminal: the short listing
    suffix = Path(output).suffix.lower().lstrip(".")
    aliases = {"htm": "html", "xml": "junit", "markdown": "md", "txt": "text"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in FORMAT_NAMES else "html"


def _also(value: str) -> tuple[str, str]:
    fmt, sep, path = value.partition("=")
    if not sep or fmt not in FORMAT_NAMES or not path:
        raise click.BadParameter(
            f"{value!r}: use FORMAT=FILE with FORMAT one of {', '.join(FORMAT_NAMES)}",
            param_hint="--also",
        )
    return fmt, path


def _documents_under(result: Any, new_paths: tuple[Path, ...]) -> set[str]:
    roots = [p.resolve() for p in new_paths]
    out = set()
    for d in result.documents:
        p = Path(d.path).resolve()
        if any(p == r or r in p.parents for r in roots):
            out.add(d.id)
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, help="File: .graphml, .gexf or .json.")
@click.option("-f", "--format", "fmt", type=click.Choice(graph_mod.FORMATS))
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path))
def graph(paths: tuple[Path, ...], output: str, fmt: str | None, lexicon: tuple[Path, ...]) -> None:
    """Write the story graph (documents, claims, entities, events) of PATHS."""
    from consistency import pipeline

    with _reported("the graph", output):
        _writable(output)
        result = pipeline.check(list(paths), lexicon_files=lexicon, settings=config_mod.load())
        _report_skipped(result, paths)
        written = graph_mod.write(result.graph, output, fmt)
    g = result.graph
    click.echo(
        f"wrote {output} ({written}): {g.number_of_nodes()} nodes, {g.number_of_edges()} edges",
        err=True,
    )


@main.command(name="eval")
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option(
    "--expected",
    "expected_path",
    type=click.Path(path_type=Path),
    help="The answers for the whole corpus (default: each story's gold.yaml or expected.yaml).",
)
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Settings file.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    help="text: tables, then misses and false alarms with causes; json: the figures.",
)
@click.option(
    "--min-precision", type=float, default=None, help="Exit 1 when overall precision is lower."
)
@click.option("--min-recall", type=float, default=None, help="Exit 1 when overall recall is lower.")
def eval_(
    corpus: Path,
    expected_path: Path | None,
    lexicon: tuple[Path, ...],
    config_path: Path | None,
    fmt: str,
    min_precision: float | None,
    min_recall: float | None,
) -> None:
    """Score the checker on CORPUS against its answer keys, as score.py scores: recall,
    precision and findings on agreed facts per story, per kind and overall."""
    from consistency.evaluate import evaluate, format_report, report_json

    with _reported():
        report = evaluate(
            corpus,
            expected_path,
            settings=config_mod.load(config_path),
            lexicon_files=lexicon,
        )
    if fmt == "json":
        click.echo(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report), nl=False)
    overall = report.overall
    low_p = min_precision is not None and overall.precision < min_precision
    low_r = min_recall is not None and overall.recall < min_recall
    sys.exit(1 if low_p or low_r else 0)


@main.command()
@click.argument("code", required=False)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(tuple(catalogue.FORMATS)),
    default="text",
    help="text: one line per rule; json: every rule (or CODE) with its options and an"
    " example; md: the README's table.",
)
def rules(code: str | None, fmt: str) -> None:
    """List every rule: code, name, kind, what it checks; or tell one rule, CODE, in words."""
    from consistency.rules import registry

    with _reported():
        available, problems = registry()
        if code is not None and code.upper() not in available:
            raise ConfigError(f"unknown rule {code!r}; rules: {', '.join(available)}")
    if code is not None and fmt == "json":
        click.echo(catalogue.as_json({code.upper(): available[code.upper()]}), nl=False)
    elif code is not None:
        click.echo(catalogue.in_words(available[code.upper()]), nl=False)
    else:
        click.echo(catalogue.FORMATS[fmt](available), nl=False)
    for p in problems:
        click.echo(f"consistency: {p}", err=True)


@main.command()
@click.argument("fingerprint")
@click.option("--reason", required=True, help="Why the finding is accepted (kept in the file).")
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Accepted through this day (YYYY-MM-DD); after it the finding fails again.",
)
@click.option(
    "--file",
    "file_path",
    type=click.Path(path_type=Path),
    default=None,
    help="The accepted list (default: the settings' accepted, else .consistency/accepted.yaml).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="A JSON report holding the finding: its rule, a summary and its articles are kept.",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Settings file.")
def accept(
    fingerprint: str,
    reason: str,
    until: Any,
    file_path: Path | None,
    report_path: Path | None,
    config_path: Path | None,
) -> None:
    """Accept the finding FINGERPRINT: `check` reports it but does not fail on it."""
    with _reported():
        settings = config_mod.load(config_path)
    path = file_path or Path(settings.accepted or accepted_mod.DEFAULT_FILE)
    with _reported("the accepted list", path):
        day = until.date() if until is not None else None
        if day is not None and day < date.today():
            raise ConfigError(f"--until {day.isoformat()} has already passed")
        report = accepted_mod.read_report(report_path) if report_path else None
        entry, new = accepted_mod.accept(path, fingerprint, reason, day, report)
    until_text = f" until {entry.until.isoformat()}" if entry.until else ""
    click.echo(
        f"{'accepted' if new else 'updated'} {entry.fingerprint}{until_text} in {path}", err=True
    )


def _store_commands() -> None:
    from consistency.store.commands import store

    main.add_command(store)


_store_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
