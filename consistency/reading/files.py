"""Finding the files to read: walking folders, skipping what is not an article, reading
the bytes within the size limit; every problem becomes a one-line reason, never a raise."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from consistency.models import Skipped
from consistency.reading.base import Unreadable
from consistency.reading.sidecar import SIDECAR_NAMES


@dataclass
class Job:
    """One file to read: its path, its id in the run, its name and its folder."""

    path: str
    id: str
    name: str
    folder: str


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def with_progress(jobs: list[Job], show: bool) -> Iterable[Job]:
    if not show:
        return jobs
    from tqdm import tqdm

    bar: Iterable[Job] = tqdm(jobs, file=sys.stderr, unit="file", desc="reading")
    return bar


def suffix_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return (exc.strerror or str(exc)).lower()


def collect(
    paths: Sequence[str | os.PathLike[str]], skipped: list[Skipped], known: Collection[str]
) -> list[Job]:
    """The files to read under ``paths``, in a stable order, each real file once; a folder is
    walked for files whose suffix is in ``known``. Problems go to ``skipped``."""
    collector = _Collector(skipped, known)
    for raw in paths:
        collector.take(os.fspath(raw))
    return collector.jobs


class _Collector:
    """What has been found so far: the jobs, the real files and folders seen, the ids used."""

    def __init__(self, skipped: list[Skipped], known: Collection[str]) -> None:
        self.jobs: list[Job] = []
        self.skipped = skipped
        self.known = known
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_dirs: set[tuple[int, int]] = set()
        self.used_ids: set[str] = set()

    def take(self, path: str) -> None:
        """One path given by the user: a file (whatever its suffix) or a folder."""
        if not os.path.lexists(path):
            self.skipped.append(Skipped(path, "no such file or folder"))
            return
        try:
            st = os.stat(path)
        except OSError as exc:
            self.skipped.append(Skipped(path, f"cannot read: {_why(exc)}"))
            return
        if stat.S_ISDIR(st.st_mode):
            found: list[tuple[str, str]] = []
            self.walk(path, found)
            found.sort(key=lambda f: f[1])
            for file_path, rel in found:
                self.add(file_path, rel)
        elif stat.S_ISREG(st.st_mode):
            if os.path.basename(path).lower() in SIDECAR_NAMES:
                return  # a sidecar named with its articles (a shell glob) is not an article
            self.add(path, os.path.basename(path))
        else:
            self.skipped.append(Skipped(path, "not a regular file or folder"))

    def add(self, path: str, rel: str) -> None:
        """A file to read, once per real file, with an id unique in the run."""
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
            if key in self.seen_files:
                return
            self.seen_files.add(key)
        except OSError:
            pass  # reported when it is read
        ident = rel
        if ident in self.used_ids:
            ident = path.replace(os.sep, "/")
            k = 2
            while ident in self.used_ids:
                ident = f"{path.replace(os.sep, '/')}~{k}"
                k += 1
        self.used_ids.add(ident)
        name = os.path.basename(path)
        self.jobs.append(Job(path, ident, name, os.path.dirname(path)))

    def walk(self, root: str, found: list[tuple[str, str]]) -> None:
        """Files under ``root`` with a known suffix; symlinks followed, each real dir once."""
        try:
            st = os.stat(root)
        except OSError:
            return
        if (st.st_dev, st.st_ino) in self.seen_dirs:
            return
        self.seen_dirs.add((st.st_dev, st.st_ino))
        stack: list[tuple[str, str]] = [(root, "")]
        while stack:
            folder, rel = stack.pop()
            stack.extend(reversed(self.scan(folder, rel, found)))

    def scan(self, folder: str, rel: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The articles of one folder into ``found``; its subfolders not yet seen returned."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.skipped.append(Skipped(folder, f"cannot list folder: {_why(exc)}"))
            return []
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel_path = f"{rel}/{name}" if rel else name
            if _is_dir(entry):
                if self.new_dir(entry.path):
                    subdirs.append((entry.path, rel_path))
                continue
            if name.lower() in SIDECAR_NAMES or suffix_of(name) not in self.known:
                continue  # images and other files next to articles are normal
            found.append((entry.path, rel_path))
        return subdirs

    def new_dir(self, path: str) -> bool:
        """Whether the folder is readable and not seen before (it is marked seen)."""
        try:
            dst = os.stat(path)
        except OSError as exc:
            self.skipped.append(Skipped(path, f"cannot read folder: {_why(exc)}"))
            return False
        key = (dst.st_dev, dst.st_ino)
        if key in self.seen_dirs:
            return False
        self.seen_dirs.add(key)
        return True


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise Unreadable("broken symbolic link (its target does not exist)") from None
        raise Unreadable(f"cannot read: {_why(exc)}") from None
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable("not a regular file")
    if st.st_size > max_bytes:
        raise Unreadable(f"file is {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise Unreadable(f"cannot read: {_why(exc)}") from None
    if len(data) > max_bytes:
        raise Unreadable(f"file is over the limit of {max_bytes:,} bytes")
    if not data:
        raise Unreadable("empty file (0 bytes)")
    return data
