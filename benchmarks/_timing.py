"""Timing helpers shared by the benchmarks: best-of-N wall-clock with warm-up."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(func: Callable[[], object], repeat: int = 15, number: int = 1) -> float:
    """Best wall-clock seconds per call over ``repeat`` rounds of ``number`` calls (after one warm-up)."""
    func()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def row(name: str, baseline: float, value: float, target: str, unit: str = "s") -> dict[str, object]:
    """One benchmark row: ratio = value / baseline."""
    return {"name": name, "baseline": baseline, "value": value, "ratio": value / baseline, "target": target,
            "unit": unit}
