"""Whole-process ``symcond verify`` of the bundled papers, cold (empty result cache) and warm (cache kept),
against ``python -c 'import sympy'``.

Each run gets its own cache folder (``SYMCOND_CACHE_DIR``), never the user's.  The cold run is
timed once (it takes about a minute); the warm one is the best of three after it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from benchmarks._timing import best_time, row

_VERIFY = [sys.executable, "-m", "symcond", "verify", "--format", "json"]


def _verify(folder: str) -> float:
    """Wall-clock seconds of one ``symcond verify`` with the cache in ``folder``."""
    env = {**os.environ, "SYMCOND_CACHE_DIR": folder}
    start = time.perf_counter()
    subprocess.run(_VERIFY, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def run() -> list[dict[str, object]]:
    """The cold and the warm verify against importing SymPy alone."""
    baseline = best_time(lambda: subprocess.run([sys.executable, "-c", "import sympy"], check=True), repeat=5)
    with tempfile.TemporaryDirectory(prefix="symcond-bench-cache-") as folder:
        cold = _verify(folder)
        warm = min(_verify(folder) for _ in range(3))
    return [row("symcond verify cold (empty cache) vs import sympy", baseline, cold, "<= 20x"),
            row("symcond verify warm (cache kept) vs import sympy", baseline, warm, "<= 3x")]

