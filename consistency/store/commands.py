"""The ``consistency store`` commands, and the store side of ``consistency check``.

The database libraries are imported when a command runs, not when the CLI starts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from consistency import config as config_mod
from consistency.errors import ConfigError, ConsistencyError
from consistency.models import Result

DEFAULT = ".consistency/store.sqlite"


def location(given: str | None, settings: config_mod.Settings) -> str:
    """The store to use: the option, else the settings' ``store``, else the default file."""
    return given or settings.store or DEFAULT


def _open(where: str, lexicon_files: Sequence[str | Path] = ()) -> Any:
    from consistency.store import open_store, reader

    return open_store(where, reader(lexicon_files))


def incremental_check(
    where: str,
    paths: Sequence[Path],
    *,
    archive: Sequence[Path],
    changed_since: str | None,
    settings: config_mod.Settings,
    lexicon_files: Sequence[Path],
    **options: Any,
) -> Result:
    """``consistency check NEW... --store S``: the new articles against the stored ones."""
    from consistency.extract import lexicon
    from consistency.store import add, check

    new: Sequence[Path] = paths
    if changed_since is not None:
        from consistency.store.git import changed_since as changed

        new = changed(changed_since, paths)
        if not new:
            _note(f"no article added or changed since {changed_since} under the given paths")
            return Result(documents=[], claims_list=[], findings_list=[])
    files = [*settings.lexicon, *map(str, lexicon_files)]
    with _open(where, files) as store:
        if archive:
            lex = lexicon.load(files)
            done = add(store, archive, lexicon=lex, fields=options.get("fields"))
            _note(f"archive: {done.documents} article(s), {done.read} read, stored in {where}")
        quiet = options.pop("quiet", False)
        return check(
            store,
            list(new),
            settings=settings,
            lexicon_files=lexicon_files,
            note=(lambda _: None) if quiet else _note,
            **options,
        )


def _note(message: str) -> None:
    click.echo(f"consistency: {message}", err=True)


def _fail(message: str) -> None:
    click.echo(f"consistency: error: {message}", err=True)
    sys.exit(2)


_STORE = click.option(
    "--store",
    "where",
    default=None,
    help="A file (SQLite) or postgresql://user@host/db (default: the settings' store, else"
    f" {DEFAULT}).",
)
_CONFIG = click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Settings file."
)


@click.group()
def store() -> None:
    """Keep articles and their readings between runs, for incremental checks."""


@store.command(name="add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_STORE
@_CONFIG
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a tty).")
def add_cmd(
    paths: tuple[Path, ...],
    where: str | None,
    config_path: Path | None,
    lexicon: tuple[Path, ...],
    jobs: int | None,
    progress: bool | None,
) -> None:
    """Store the articles in PATHS; only new or changed content is read."""
    from consistency.extract import lexicon as lexicon_mod
    from consistency.store import add

    try:
        settings = config_mod.load(config_path)
        where = location(where, settings)
        files = [*settings.lexicon, *map(str, lexicon)]
        with _open(where, files) as st:
            done = add(
                st,
                paths,
                lexicon=lexicon_mod.load(files),
                jobs=jobs or settings.jobs,
                progress=progress,
            )
    except ConsistencyError as exc:
        _fail(str(exc))
        return
    for skip in done.skipped:
        _note(f"skipped {skip.path}: {skip.reason}")
    s = done.saved
    _note(
        f"{done.documents} article(s): {s.documents_added} added, {s.documents_changed} changed,"
        f" {done.documents - s.documents_added - s.documents_changed} already stored;"
        f" {done.read} read, {s.readings_added} reading(s) stored in {where}"
    )


@store.command()
@_STORE
@_CONFIG
@click.option("--json", "as_json", is_flag=True, help="As a JSON object.")
def stats(where: str | None, config_path: Path | None, as_json: bool) -> None:
    """Documents, readings, size on disk and tool versions of the store."""
    try:
        settings = config_mod.load(config_path)
        where = location(where, settings)
        _exists(where)
        with _open(where, settings.lexicon) as st:
            s = st.stats()
    except ConsistencyError as exc:
        _fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(s, sort_keys=True, indent=2))
        return
    click.echo(f"store         {s['store']}")
    click.echo(f"documents     {s['documents']}")
    click.echo(f"readings      {s['readings']}")
    click.echo(f"size on disk  {s['size_bytes']:,} bytes")
    click.echo(f"this version  {s['this_version']}")
    for version, n in s["readings_by_version"].items():
        mark = " (this version)" if version == s["this_version"] else ""
        click.echo(f"  {version}: {n} reading(s){mark}")


@store.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_STORE
@_CONFIG
def gc(paths: tuple[Path, ...], where: str | None, config_path: Path | None) -> None:
    """Drop readings of other tool versions and unused ones, and the stored articles under
    PATHS whose file is gone."""
    try:
        settings = config_mod.load(config_path)
        where = location(where, settings)
        _exists(where)
        with _open(where, settings.lexicon) as st:
            dropped = st.gc(paths)
    except ConsistencyError as exc:
        _fail(str(exc))
        return
    _note(
        f"dropped {dropped['documents']} article(s) whose file is gone and"
        f" {dropped['readings']} reading(s) of other versions or unused, in {where}"
    )


@store.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_STORE
@_CONFIG
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes.")
def rebuild(
    paths: tuple[Path, ...],
    where: str | None,
    config_path: Path | None,
    lexicon: tuple[Path, ...],
    jobs: int | None,
) -> None:
    """Empty the store and read the articles in PATHS into it again."""
    from consistency.extract import lexicon as lexicon_mod
    from consistency.store import add

    try:
        settings = config_mod.load(config_path)
        where = location(where, settings)
        for p in paths:
            if not p.exists():
                raise ConfigError(f"{p}: no such file or folder")
        files = [*settings.lexicon, *map(str, lexicon)]
        with _open(where, files) as st:
            st.clear()
            done = add(st, paths, lexicon=lexicon_mod.load(files), jobs=jobs or settings.jobs)
    except ConsistencyError as exc:
        _fail(str(exc))
        return
    _note(f"rebuilt {where}: {done.documents} article(s), {done.read} read")


def _exists(where: str) -> None:
    """A store to inspect must exist: no new empty file for a mistyped name."""
    if "://" not in where and not Path(where).is_file():
        raise ConfigError(f"{where}: no such store (make one with consistency store add PATHS)")
