"""Latency of ``symcond check`` (a whole process) against importing SymPy (issue 17, point 3).

Two checks: the README's example, whose ``e`` is a CODATA constant (so it reads scipy.constants and
sympy.physics.units), and one in plain symbols, which needs neither.  The first row keeps its
historical baseline (SymPy and scipy.constants); the others compare with ``import sympy`` alone,
the issue's yardstick.  All rows come from one run, baselines included.
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks._timing import best_time, row

_CHECK = [sys.executable, "-m", "symcond", "check", "e**2*N*tau/(m*L**2)", "e**2*N*Gamma/h_s",
          "--given", "Gamma=l/L", "--given", "l=v*tau", "--given", "h_s=m*v*L"]
_PLAIN_CHECK = [sys.executable, "-m", "symcond", "check", "x+x", "2*x"]


def _process(argv: list[str]) -> float:
    """Best wall-clock seconds of the whole process ``argv``."""
    return best_time(lambda: subprocess.run(argv, check=True, capture_output=True), repeat=3)


def run() -> list[dict[str, object]]:
    """Whole-process wall time of the README's check example and of a plain-symbol check vs importing SymPy."""
    sympy_scipy = _process([sys.executable, "-c", "import sympy, scipy.constants"])
    sympy_only = _process([sys.executable, "-c", "import sympy"])
    check, plain = _process(_CHECK), _process(_PLAIN_CHECK)
    return [row("symcond check latency vs import sympy+scipy", sympy_scipy, check, "report"),
            row("symcond check (README example, CODATA e) vs import sympy", sympy_only, check, "<= 2x"),
            row("symcond check x+x 2*x (plain symbols) vs import sympy", sympy_only, plain, "<= 2x")]
