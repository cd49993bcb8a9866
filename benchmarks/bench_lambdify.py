"""Lambdified NumPy vs hand-written NumPy for T_KG = 2 tau_in/(tau_in + L/v_F) on 10^6 points."""

from __future__ import annotations

import numpy as np

from benchmarks._timing import best_time, row
from symcond.ledger.run import load_papers


def run() -> list[dict[str, object]]:
    """Time both on the same arrays; target ratio <= 1.1."""
    paper = next(p for p in load_papers() if p.key == "dasgreen2003")
    func = paper.claim("eq7").lambdify()  # type: ignore[attr-defined]
    rng = np.random.default_rng(7)
    tau_in, L, v_F = (rng.uniform(0.5, 2.0, 10**6) for _ in range(3))

    def hand() -> np.ndarray:
        return 2 * tau_in / (tau_in + L / v_F)

    def generated() -> np.ndarray:
        return func(tau_in=tau_in, L=L, v_F=v_F)

    assert np.allclose(hand(), generated(), rtol=1e-15, atol=0)
    return [row("T_KG lambdified vs hand-written NumPy (10^6 points)", best_time(hand), best_time(generated),
                "<= 1.1")]
