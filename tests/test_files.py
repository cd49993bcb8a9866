"""Output files: checked before any work, written atomically, every refusal and failure one line.

The first part tests :mod:`symcond.files`; the second runs every writer of the command line
(``verify --out``, ``tables --out``, ``export --to``, ``figure --out``/``--data``) in-process
against the same laws.  A FIFO is refused from ``os.lstat`` before anything opens it, so the
FIFO tests cannot block.
"""

from __future__ import annotations

import errno
import os
import pickle
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from symcond.cli.main import main
from symcond.errors import OutputError, SymcondError
from symcond.files import check_target, replacing, write_bytes, write_files, write_text

OLD = "old content\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A regular file with content ``OLD`` and mode 0o640."""
    path = tmp_path / "existing.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe without a reader: opening it for writing would block."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def umask_022():
    """Run with the usual umask 022, restoring the previous one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _reason(path: str | Path, force: bool = False) -> str:
    """The reason check_target gives for refusing ``path``."""
    with pytest.raises(OutputError) as caught:
        check_target(path, force)
    return caught.value.reason


def _leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- symcond.files -------------------------------------------------------------------------------


def test_new_file_is_written_with_umask_mode(tmp_path: Path, umask_022) -> None:
    """A new file gets the text and mode 0o666 less the umask (0o644), like open() gives."""
    target = write_text(tmp_path / "new.txt", "hello\n")
    assert (target.read_text(encoding="utf-8"), stat.S_IMODE(target.stat().st_mode)) == ("hello\n", 0o644)


def test_write_bytes_writes_the_bytes(tmp_path: Path) -> None:
    """write_bytes writes the bytes unchanged and returns the target."""
    assert write_bytes(tmp_path / "b.bin", b"\x00\xff").read_bytes() == b"\x00\xff"


def test_existing_file_is_refused_without_force(existing: Path) -> None:
    """An existing file is not replaced without force; the message says how to replace it."""
    with pytest.raises(OutputError) as caught:
        write_text(existing, "new\n")
    assert str(caught.value) == f"cannot write '{existing}': file exists (use --force to replace it)"
    assert existing.read_text(encoding="utf-8") == OLD


def test_force_replaces_and_keeps_the_mode(existing: Path) -> None:
    """With force the content is replaced and the original permission bits are kept."""
    write_text(existing, "new\n", force=True)
    assert (existing.read_text(encoding="utf-8"), stat.S_IMODE(existing.stat().st_mode)) == ("new\n", 0o640)


def test_fifo_is_refused_without_opening_it(fifo: Path) -> None:
    """A FIFO is refused from its mode (opening it would block without a reader)."""
    assert _reason(fifo, force=True) == "it is a FIFO (named pipe), not a regular file"


def test_write_to_a_fifo_is_refused(fifo: Path) -> None:
    """write_text refuses a FIFO too, and leaves it a FIFO."""
    with pytest.raises(OutputError):
        write_text(fifo, "x", force=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_directory_is_refused(tmp_path: Path) -> None:
    """A directory is not a regular file, with or without force."""
    assert _reason(tmp_path, force=True) == "it is a directory, not a regular file"


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    """Character devices are refused (nothing is written to /dev/null or /dev/full)."""
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    assert _reason(device, force=True) == "it is a character device, not a regular file"


def test_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Unix socket is refused."""
    monkeypatch.chdir(tmp_path)  # a short relative name: socket paths are limited to ~100 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")
        assert _reason("sock", force=True) == "it is a socket, not a regular file"


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    """A link to a missing file is refused, naming where it points; nothing is created there."""
    (tmp_path / "link").symlink_to(tmp_path / "missing.txt")
    assert _reason(tmp_path / "link", force=True) == (
        f"it is a dangling symbolic link (to '{tmp_path / 'missing.txt'}'), not a regular file")
    assert not (tmp_path / "missing.txt").exists()


def test_symlink_to_a_file_replaces_the_file_it_points_to(existing: Path, tmp_path: Path) -> None:
    """With force, writing through a link to a regular file replaces that file and keeps the link."""
    link = tmp_path / "link"
    link.symlink_to(existing)
    write_text(link, "new\n", force=True)
    assert (link.is_symlink(), existing.read_text(encoding="utf-8")) == (True, "new\n")


def test_empty_path_is_refused() -> None:
    """An empty path is refused as such (not as the current folder)."""
    assert _reason("") == "the path is empty"


def test_trailing_separator_is_refused(tmp_path: Path) -> None:
    """A path ending in a separator names a folder, not a file."""
    assert _reason(f"{tmp_path}/new/") == "the path names a folder (it ends in a separator)"


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    """A target whose folder does not exist is refused, naming the folder."""
    assert _reason(tmp_path / "nope" / "out.txt") == f"the folder '{tmp_path / 'nope'}' does not exist"


def test_file_as_folder_is_refused(existing: Path) -> None:
    """A path through a regular file reports the system's reason."""
    assert _reason(existing / "out.txt") == os.strerror(errno.ENOTDIR)


def test_too_long_name_is_one_short_line(tmp_path: Path) -> None:
    """A 5000-character name fails with ENAMETOOLONG in one line that elides the name."""
    with pytest.raises(OutputError) as caught:
        write_text(tmp_path / ("x" * 5000), "x")
    message = str(caught.value)
    assert caught.value.reason == os.strerror(errno.ENAMETOOLONG) and "\n" not in message and len(message) < 200


def test_longest_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    """A 255-byte name (the usual limit) is written: the temporary name is shortened to fit."""
    assert write_text(tmp_path / ("y" * 255), "ok").read_text(encoding="utf-8") == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    """A folder without write permission is refused before anything is written."""
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    assert _reason(folder / "out.txt") == f"the folder '{folder}' is not writable"


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
def test_system_failure_leaves_target_and_no_temporary(existing: Path, monkeypatch: pytest.MonkeyPatch,
                                                       call: str) -> None:
    """ENOSPC while writing, syncing or renaming: one-line error, old content kept, temporary removed."""
    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, fail)
    with pytest.raises(OutputError) as caught:
        write_text(existing, "new\n", force=True)
    monkeypatch.undo()
    assert str(caught.value) == f"cannot write '{existing}': No space left on device"
    assert (existing.read_text(encoding="utf-8"), _leftovers(existing.parent)) == (OLD, [])


def test_permission_denied_on_rename_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EACCES from the system becomes 'cannot write ...: Permission denied' (not an OSError traceback)."""
    def deny(*args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "link", deny)
    with pytest.raises(OutputError, match=r": Permission denied$"):
        write_text(tmp_path / "new.txt", "x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_file_appearing_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    """Without force, a file created while the output was being written is kept, not clobbered."""
    target = tmp_path / "race.txt"
    with pytest.raises(OutputError, match=r"file exists"), replacing(target) as temporary:
        temporary.write_text("mine", encoding="utf-8")
        target.write_text("theirs", encoding="utf-8")
    assert (target.read_text(encoding="utf-8"), _leftovers(tmp_path)) == ("theirs", [])


def test_without_hard_links_the_file_is_still_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system without hard links (EPERM from link) the file is renamed into place."""
    def no_links(*args: object) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    assert write_text(tmp_path / "new.txt", "x").read_text(encoding="utf-8") == "x"


def test_error_in_the_block_removes_the_temporary(tmp_path: Path) -> None:
    """An exception raised by the writer propagates unchanged; no target and no temporary remain."""
    with pytest.raises(KeyError), replacing(tmp_path / "fig.png"):
        raise KeyError("drawing failed")
    assert list(tmp_path.iterdir()) == []


def test_write_files_checks_every_target_first(existing: Path, tmp_path: Path) -> None:
    """When the second target is refused, the first is not written either."""
    with pytest.raises(OutputError):
        write_files({tmp_path / "a.c": "source", existing: "header"})
    assert not (tmp_path / "a.c").exists()


def test_write_files_failure_writes_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while writing the second file leaves neither target nor temporary behind."""
    writes = iter([None, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))])
    real_write = os.write

    def write(handle: int, data: bytes) -> int:
        failure = next(writes, None)
        if failure is not None:
            raise failure
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(OutputError, match="No space left on device"):
        write_files({tmp_path / "a.c": "source", tmp_path / "a.h": "header"})
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_output_error_is_a_symcond_value_error_that_pickles() -> None:
    """OutputError is a SymcondError and a ValueError, and survives pickling with its data."""
    error = pickle.loads(pickle.dumps(OutputError("a.txt", "file exists")))
    assert isinstance(error, SymcondError) and isinstance(error, ValueError)
    assert (error.path, error.reason, str(error)) == ("a.txt", "file exists", "cannot write 'a.txt': file exists")


# --- every writer of the command line ---------------------------------------------------------------

TINY = '''
from symcond import Paper
from symcond.model.tables import Column, Row, Table

paper = Paper("tiny2026", title="Tiny")
e, h = paper.symbols("e h")
paper.equality("table1:e", e**2 / h, e**2 / h)
paper.attach_table(Table(1, "Units", (Column("qp"), Column("$G_0$", claim="")), (Row("e", ("$e$",)),)))
'''


@pytest.fixture
def tiny(tmp_path: Path) -> str:
    """A derivation file with one true claim and one table."""
    path = tmp_path / "tiny.py"
    path.write_text(TINY, encoding="utf-8")
    return str(path)


#: Writer -> (command line writing to TARGET given the tiny derivation file, suffix of TARGET).
WRITERS: dict[str, tuple[Callable[[str, str], list[str]], str]] = {
    "verify --out": (lambda tiny, target: ["verify", tiny, "--out", target], ".txt"),
    "tables --out": (lambda tiny, target: ["tables", "tiny2026", "--derivation", tiny, "--out", target], ".tex"),
    "export --to": (lambda tiny, target: ["export", "tiny2026:table1:e", "--derivation", tiny, "--to", target],
                    ".py"),
    "figure --out": (lambda tiny, target: ["figure", "dasgreen2003:fig1", "--points", "3", "--variant", "literal",
                                           "--out", target], ".svg"),
    "figure --data": (lambda tiny, target: ["figure", "dasgreen2003:fig1", "--points", "3", "--variant",
                                            "literal", "--data", target], ".csv"),
}


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    """Run the CLI in-process; return (exit code, stderr)."""
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_refuses_an_existing_file(writer: str, tiny: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Without --force an existing target exits 2 with one line and is left unchanged."""
    argv, suffix = WRITERS[writer]
    target = tmp_path / f"out{suffix}"
    target.write_text(OLD, encoding="utf-8")
    code, err = _run(capsys, argv(tiny, str(target)))
    assert (code, err) == (2, f"symcond: error: cannot write '{target}': file exists (use --force to replace it)\n")
    assert target.read_text(encoding="utf-8") == OLD


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_replaces_an_existing_file_with_force(writer: str, tiny: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """With --force the command succeeds and the target holds the new output."""
    argv, suffix = WRITERS[writer]
    target = tmp_path / f"out{suffix}"
    target.write_text(OLD, encoding="utf-8")
    code, err = _run(capsys, [*argv(tiny, str(target)), "--force"])
    assert (code, err) == (0, "") and target.read_text(encoding="utf-8") not in ("", OLD)


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_refuses_a_fifo(writer: str, tiny: str, fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO target exits 2 with one line (refused before opening, so it cannot block), even with --force."""
    argv, suffix = WRITERS[writer]
    target = fifo.rename(fifo.with_suffix(suffix))
    code, err = _run(capsys, [*argv(tiny, str(target)), "--force"])
    assert (code, err) == (2, f"symcond: error: cannot write '{target}': it is a FIFO (named pipe), not a regular "
                              "file\n")


#: Writer -> the function that starts its expensive work (replaced by one that fails the test).
FIRST_WORK = {"verify --out": "symcond.ledger.run.load_papers", "tables --out": "symcond.ledger.run.load_papers",
              "export --to": "symcond.ledger.run.load_papers", "figure --out": "symcond.figures.figure_spec",
              "figure --data": "symcond.figures.figure_spec"}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_checks_the_target_before_any_work(writer: str, tiny: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused target exits 2 before derivations are loaded or the figure is built."""
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the target should have been refused first")

    monkeypatch.setattr(FIRST_WORK[writer], no_work)
    argv, suffix = WRITERS[writer]
    code, err = _run(capsys, argv(tiny, str(tmp_path / "missing" / f"out{suffix}")))
    assert (code, err) == (2, f"symcond: error: cannot write '{tmp_path / 'missing' / f'out{suffix}'}': the folder "
                              f"'{tmp_path / 'missing'}' does not exist\n")
