"""verify's progress line: on a terminal only, on stderr, never with --format json or into a pipe."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import textwrap

import pytest

from symcond.cli import main as cli_main
from symcond.cli.progress import ProgressLine, wanted

DEMO = textwrap.dedent('''
    from symcond import Paper
    paper = Paper("progressdemo", plain=True)
    x, y = paper.symbols("x y")
    paper.equality("eq1", 2 * x, x + x)
    paper.equality("eq2", x * y, y * x)
''')


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_wanted_only_on_a_terminal_and_not_for_json():
    """stderr a terminal and the ledger on a terminal (or in --out); never for JSON."""
    tty, pipe = _Terminal(), io.StringIO()
    assert wanted(tty, tty, "text", None) and wanted(tty, tty, "markdown", None)
    assert wanted(tty, pipe, "text", "ledger.txt")
    assert not wanted(tty, tty, "json", None) and not wanted(tty, tty, "json", "ledger.json")
    assert not wanted(pipe, tty, "text", None) and not wanted(tty, pipe, "text", None)


def test_line_fits_the_width_and_is_erased():
    """Each update rewrites one line no wider than the terminal; close() blanks it."""
    stream = _Terminal()
    line = ProgressLine(stream, width=30)
    line(0, 130, ())
    line(1, 130, ("dasgreen2003:eq10.density", "dasgreen2003:eq10.flux"))
    line.close()
    parts = stream.getvalue().split("\r")
    assert parts[0] == "" and all(len(p) == 29 for p in parts[1:4]) and parts[-1] == ""
    assert parts[2] == "[1/130] dasgreen2003:eq10.den"
    assert parts[3].strip() == ""


@pytest.mark.parametrize("fmt, shown", [("text", True), ("json", False)])
def test_verify_shows_progress_on_a_terminal(monkeypatch, capsys, tmp_path, fmt, shown):
    """With stderr and stdout terminals, verify writes [done/total] lines to stderr, erased; JSON gets none."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    err, out = _Terminal(), _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(cli_main.sys, "stderr", err)
    monkeypatch.setattr(cli_main.sys, "stdout", out)
    assert cli_main.main(["verify", "--jobs", "0", "--format", fmt, str(path)]) == 0
    text = err.getvalue()
    if shown:
        assert "[0/2] progressdemo:eq1" in text and "[2/2]" in text and text.endswith("\r")
    else:
        assert text == ""
    assert "\r" not in out.getvalue()


def test_nothing_on_stderr_when_not_a_terminal(capsys, tmp_path):
    """Captured (not a terminal): stderr stays empty."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    assert cli_main.main(["verify", "--jobs", "0", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_progress_on_a_pseudo_terminal(tmp_path):
    """A real run with stdout and stderr on a pseudo-terminal shows the progress line (two workers)."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "symcond", "verify", "--jobs", "2", str(path)],
                            stdout=secondary, stderr=secondary, stdin=subprocess.DEVNULL)
    os.close(secondary)
    seen = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the pseudo-terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    assert proc.wait(timeout=60) == 0
    text = seen.decode()
    assert "\r[0/2]" in text and "[2/2]" in text and "progressdemo:eq1" in text
    assert "2 claims; 0 verdicts differ" in text
