"""Files written whole or not at all.

Every file the tool writes (reports of every format, ``--also`` outputs, the accepted
list) goes through :func:`write_text`: the text is written to a temporary file in the
target's own folder, flushed to disk, then moved over the target with :func:`os.replace`,
which is atomic on one file system. A CI step that reads the report, or a run that is
killed half way, never sees half a file, and a failed write leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 with ``\\n`` line ends, atomically.

    Missing parent folders are created. The file gets the mode of the file it replaces,
    else the default mode for new files (0666 less the umask). Raises :class:`OSError`.
    """
    target = Path(path)
    try:
        _write(target, text)
    except OSError as exc:
        # Name the file asked for, not the temporary one.
        raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from None


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
