"""A tiny text progress bar for long runs, written to a terminal stream.

The Monte Carlo runs call ``progress(fraction)`` with ``0 <= fraction <= 1``; this class is
one such callback.  It draws only when its stream is a TTY (so pipes, files and test
captures stay clean), at most every ``interval`` seconds, and ends its line at 100 %.

Examples
--------
>>> import io
>>> stream = io.StringIO()
>>> bar = ProgressBar("mc", stream=stream)         # a StringIO is not a TTY: disabled
>>> bar(0.5); bar(1.0); stream.getvalue()
''
>>> bar = ProgressBar("mc", stream=stream, enabled=True, interval=0.0, width=10)
>>> bar(1.0); stream.getvalue()
'\\rmc [##########] 100%\\n'
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """Callback ``bar(fraction)`` that redraws ``label [####    ]  42%`` on ``stream``.

    Parameters
    ----------
    label : str
        Text before the bar.
    stream : text stream, optional
        Where to draw (default ``sys.stderr``).
    enabled : bool, optional
        Force drawing on or off; by default, on only if ``stream.isatty()``.
    interval : float, default 0.2
        Least time between redraws (seconds); the final 100 % is always drawn.
    width : int, default 30
        Characters inside the brackets.
    """

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None,
                 interval: float = 0.2, width: int = 30) -> None:
        self.label, self.stream = label, stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = enabled if enabled is not None else bool(isatty and isatty())
        self.interval, self.width, self._last, self._done = interval, width, -float("inf"), False

    def __call__(self, fraction: float) -> None:
        if not self.enabled or self._done:
            return
        fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        if fraction < 1.0 and now - self._last < self.interval:
            return
        self._last, filled = now, round(self.width * fraction)
        end = "\n" if fraction >= 1.0 else ""
        self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (self.width - filled)}] {fraction:4.0%}{end}")
        self.stream.flush()
        self._done = fraction >= 1.0
