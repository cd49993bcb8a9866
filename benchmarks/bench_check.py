"""Latency of ``symcond check`` (a whole process) against ``python -c 'import sympy'``."""

from __future__ import annotations

import subprocess
import sys

from benchmarks._timing import best_time, row

_CHECK = [sys.executable, "-m", "symcond", "check", "e**2*N*tau/(m*L**2)", "e**2*N*Gamma/h_s",
          "--given", "Gamma=l/L", "--given", "l=v*tau", "--given", "h_s=m*v*L"]


def run() -> list[dict[str, object]]:
    """Whole-process wall time of the README's check example vs importing SymPy alone."""
    baseline = best_time(lambda: subprocess.run([sys.executable, "-c", "import sympy, scipy.constants"],
                                                check=True), repeat=3)
    check = best_time(lambda: subprocess.run(_CHECK, check=True, capture_output=True), repeat=3)
    return [row("symcond check latency vs import sympy+scipy", baseline, check, "report")]
