"""A one-line progress display for ``verify`` on a terminal: claims done of total and the claim being decided.

The standard library does it (a carriage return and a line padded to the terminal's width,
no escape codes); a progress-bar library would add a dependency for one line.  The line is
written to stderr and only when stderr is a terminal, so pipes, files and ``--format json``
see nothing of it; :meth:`ProgressLine.close` erases it before the ledger is printed.

>>> import io
>>> stream = io.StringIO()
>>> line = ProgressLine(stream, width=40)
>>> line(3, 10, ("paper:eq4",))
>>> line(4, 10, ())
>>> line.close()
>>> parts = stream.getvalue().split("\\r")
>>> parts[1].rstrip(), parts[2].rstrip(), parts[3].strip(), parts[4]
('[3/10] paper:eq4', '[4/10]', '', '')
"""

from __future__ import annotations

import shutil
from typing import TextIO

__all__ = ["ProgressLine", "wanted"]


def wanted(stream: TextIO, stdout: TextIO, fmt: str, out: str | None) -> bool:
    """True when ``stream`` (stderr) is a terminal, the ledger is not JSON and goes to a terminal or ``out``."""
    def tty(s: TextIO) -> bool:
        try:
            return s.isatty()
        except (AttributeError, ValueError):  # a closed or odd stream
            return False

    return fmt != "json" and tty(stream) and (out is not None or tty(stdout))


class ProgressLine:
    """Callable as ``line(done, total, running)`` (:data:`symcond.ledger.run.Progress`); rewrites one line."""

    def __init__(self, stream: TextIO, width: int | None = None) -> None:
        self.stream = stream
        self.width = max(20, width if width is not None else shutil.get_terminal_size().columns) - 1
        self.shown = False

    def __call__(self, done: int, total: int, running: tuple[str, ...]) -> None:
        text = f"[{done}/{total}] {', '.join(running)}"
        self._write(text[:self.width].ljust(self.width))
        self.shown = True

    def close(self) -> None:
        """Erase the line (nothing when nothing was shown)."""
        if self.shown:
            self._write(" " * self.width + "\r")
            self.shown = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write("\r" + text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: progress is not worth failing for
            pass
