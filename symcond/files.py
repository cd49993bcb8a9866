"""Writing output files safely: checked early, written atomically, errors in one line.

Every file symcond writes (``verify --out``, ``export --to``, ``tables --out``, ``figure --out``
and ``--data``) goes through this module:

* :func:`check_target` validates a target without opening it, so a bad path fails in
  milliseconds, before any expensive work.  It refuses an empty path, a missing or unwritable
  folder, directories, FIFOs, devices (``/dev/null``, ``/dev/full``), sockets, dangling
  symbolic links, and an existing file unless ``force`` is given (``--force``).
* :func:`write_text`, :func:`write_bytes` and :func:`write_files` write a temporary file in the
  target's folder, ``fsync`` it and ``os.replace`` it onto the target: a reader sees the old
  file or the new one, never half of one.  A replaced file keeps its permission bits; a new
  one gets ``0o666`` less the umask, as ``open`` would give it.
* :func:`replacing` yields the temporary path for writers that need a file name (Matplotlib).

A file-system failure (permission denied, read-only file system, no space left, name too
long, ...) becomes one :class:`~symcond.errors.OutputError`: ``cannot write '<path>': <reason>``.

Examples
--------
>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "ledger.txt"
>>> write_text(target, "first\\n").read_text()
'first\\n'
>>> try:
...     write_text(target, "second\\n")
... except OutputError as exc:
...     print(exc.reason)
file exists (use --force to replace it)
>>> write_text(target, "second\\n", force=True).read_text()
'second\\n'
>>> try:
...     check_target("/dev/null")
... except OutputError as exc:
...     print(exc)
cannot write '/dev/null': it is a character device, not a regular file
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Union

from symcond.errors import OutputError, shown_path

__all__ = ["check_target", "replacing", "write_bytes", "write_files", "write_text"]

#: A path as the CLI and the Python API accept it.
StrPath = Union[str, "os.PathLike[str]"]

#: Kinds of file that are never written, with the words a message uses for them.
_NOT_REGULAR: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))

#: errno values of ``os.link`` on file systems without hard links (then ``os.replace`` is used).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV}

EXISTS = "file exists (use --force to replace it)"


def check_target(path: StrPath, force: bool = False) -> Path:
    """Return the file to write for ``path``, or raise; ``path`` is never opened.

    Parameters
    ----------
    path : str or os.PathLike
        The requested output file.
    force : bool
        Whether an existing regular file may be replaced.

    Returns
    -------
    Path
        ``path`` itself, or the regular file a symbolic link ``path`` points to.

    Raises
    ------
    OutputError
        If ``path`` is empty, names a folder, is not a regular file, is a dangling link, exists
        while ``force`` is false, or its folder is missing or not writable; or if the system
        refuses to look at it (``ENAMETOOLONG``, ``EACCES``, ...).
    """
    name = os.fspath(path)
    if not name:
        raise OutputError(name, "the path is empty")
    if name.endswith(os.sep):
        raise OutputError(name, "the path names a folder (it ends in a separator)")
    try:
        mode: int | None = os.lstat(name).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise system_error(name, exc) from exc
    if mode is not None and stat.S_ISLNK(mode):
        return _through_link(name, force)
    if mode is not None:
        _check_existing(name, mode, force)
    _check_folder(name, os.path.dirname(name) or os.curdir)
    return Path(name)


def _through_link(name: str, force: bool) -> Path:
    """The regular file the symbolic link ``name`` points to, checked; a dangling link is refused."""
    try:
        real = os.path.realpath(name, strict=True)
    except FileNotFoundError:
        raise OutputError(name, f"it is a dangling symbolic link (to {shown_path(os.readlink(name))}), "
                                "not a regular file") from None
    except OSError as exc:
        raise system_error(name, exc) from exc
    return check_target(real, force)


def _check_existing(name: str, mode: int, force: bool) -> None:
    """Refuse what is not a regular file, and a regular file unless ``force``."""
    kind = next((words for is_kind, words in _NOT_REGULAR if is_kind(mode)), None)
    if kind is not None or not stat.S_ISREG(mode):
        raise OutputError(name, f"it is {kind or 'a special file'}, not a regular file")
    if not force:
        raise OutputError(name, EXISTS)


def _check_folder(name: str, folder: str) -> None:
    """Refuse a folder that is missing, not a folder, or not writable (the temporary file goes there)."""
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise OutputError(name, f"the folder {shown_path(folder)} does not exist") from None
    except OSError as exc:
        raise system_error(name, exc) from exc
    if not stat.S_ISDIR(mode):
        raise OutputError(name, f"{shown_path(folder)} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(name, f"the folder {shown_path(folder)} is not writable")


def system_error(name: str, exc: OSError) -> OutputError:
    """The one-line :class:`OutputError` for an operating-system error while writing ``name``.

    >>> print(system_error("out.txt", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    cannot write 'out.txt': No space left on device
    """
    return OutputError(name, exc.strerror or type(exc).__name__)


@contextmanager
def replacing(path: StrPath, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it becomes ``path``.

    The target is checked first (:func:`check_target`).  The block writes the temporary
    file (by name); on leaving, the file is flushed to disk and renamed onto the target.
    On any error the temporary file is removed and the target is left untouched.

    Raises
    ------
    OutputError
        If the target is refused, or on an ``OSError`` in the block or while writing.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "figure.svg"
    >>> with replacing(target) as temporary:
    ...     _ = temporary.write_text("<svg/>")
    ...     print(temporary.name.startswith(".figure.svg."), temporary.suffix, target.exists())
    True .tmp False
    >>> target.read_text()
    '<svg/>'
    """
    name = os.fspath(path)
    target = check_target(name, force)
    with ExitStack() as cleanup:
        try:
            temporary = _temporary(target)
            cleanup.callback(_remove, temporary)
            yield temporary
            _fsync(temporary)
            _publish(name, temporary, target, force)
        except OSError as exc:
            raise system_error(name, exc) from exc


def _temporary(target: Path) -> Path:
    """Create an empty temporary file in ``target``'s folder with the mode the target will have."""
    mode = _mode_for(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:200]}.", suffix=".tmp")
    try:
        os.fchmod(handle, mode)
    finally:
        os.close(handle)
    return Path(temporary)


def _mode_for(target: Path) -> int:
    """The permission bits of the existing ``target``, or ``0o666`` less the umask for a new file."""
    with suppress(FileNotFoundError):
        return stat.S_IMODE(os.stat(target).st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync(path: Path) -> None:
    """Flush the file at ``path`` to the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _publish(name: str, temporary: Path, target: Path, force: bool) -> None:
    """Move ``temporary`` onto ``target``; without ``force`` never replace a file that appeared meanwhile."""
    if force or not _linked(name, temporary, target):
        os.replace(temporary, target)
    _sync_folder(target.parent)


def _linked(name: str, temporary: Path, target: Path) -> bool:
    """Hard-link ``temporary`` as ``target``, which must not exist; False where hard links are not supported."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputError(name, EXISTS) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        return False
    return True


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the new file to the disk (best effort: not every file system can)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove(path: Path) -> None:
    """Remove ``path`` if it is still there."""
    with suppress(OSError):
        os.unlink(path)


def _write_all(path: Path, data: bytes) -> None:
    """Write ``data`` to the (existing) file ``path``."""
    handle = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def write_bytes(path: StrPath, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; return the file written.

    Raises
    ------
    OutputError
        If the target is refused (:func:`check_target`) or the system fails to write it.
    """
    target = check_target(path, force)
    with replacing(path, force) as temporary:
        _write_all(temporary, data)
    return target


def write_text(path: StrPath, text: str, force: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; return the file written.

    Raises
    ------
    OutputError
        If the target is refused (:func:`check_target`) or the system fails to write it.
    """
    return write_bytes(path, text.encode("utf-8"), force)


def write_files(texts: Mapping[StrPath, str], force: bool = False) -> list[Path]:
    """Write several UTF-8 files, checking every target before writing any; return the files written.

    Each file is replaced atomically; all are written to temporary files before the first is
    renamed, so a failure while writing leaves every target untouched.

    Raises
    ------
    OutputError
        If any target is refused or the system fails to write one.
    """
    targets = [check_target(path, force) for path in texts]
    with ExitStack() as stack:
        for path, text in texts.items():
            _write_all(stack.enter_context(replacing(path, force)), text.encode("utf-8"))
    return targets
