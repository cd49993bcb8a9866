"""The text progress bar: silent off a terminal, one line on it."""

from __future__ import annotations

import io

from symcond.montecarlo.progress import ProgressBar


class _Terminal(io.StringIO):
    """A StringIO that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_bar_is_silent_when_stream_is_not_a_tty() -> None:
    """Nothing is written to a pipe or file."""
    stream = io.StringIO()
    bar = ProgressBar("mc", stream=stream)
    bar(0.3)
    bar(1.0)
    assert stream.getvalue() == ""


def test_bar_draws_on_a_tty_and_ends_the_line() -> None:
    """On a terminal the bar redraws in place and ends with a newline at 100 %."""
    stream = _Terminal()
    bar = ProgressBar("mc", stream=stream, interval=0.0, width=4)
    bar(0.5)
    bar(1.0)
    assert stream.getvalue() == "\rmc [##  ]  50%\rmc [####] 100%\n"


def test_bar_throttles_redraws() -> None:
    """Within the interval only the final 100 % is drawn after the first update."""
    stream = _Terminal()
    bar = ProgressBar("mc", stream=stream, interval=3600.0, width=2)
    for fraction in (0.1, 0.2, 0.3, 1.0):
        bar(fraction)
    assert stream.getvalue() == "\rmc [  ]  10%\rmc [##] 100%\n"
