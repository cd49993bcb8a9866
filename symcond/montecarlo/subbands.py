"""Independent sub-bands simulated one by one and summed, ``G = sum_i G_i``.

Sub-band ``i`` (threshold ``eps_i``) is simulated with seed ``seed + i``; the bands are
independent, so the standard errors add in quadrature.

Examples
--------
>>> res = simulate_subbands(2.0, [0.0, 1.0], ratio=1.0, field=1.0, particles=500, time=20.0, seed=3)
>>> len(res.bands), bool(res.G_G0.value == sum(b.G_G0.value for b in res.bands))
(2, True)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams, TimeLaw
from symcond.montecarlo.result import DriftResult, EquilibriumResult
from symcond.montecarlo.simulate import DEFAULT_PARTICLES, simulate
from symcond.montecarlo.statistics import Estimate

__all__ = ["SubbandMCResult", "simulate_subbands"]

BandResult = DriftResult | EquilibriumResult


@dataclass(frozen=True, eq=False)
class SubbandMCResult:
    """Monte Carlo results of independent sub-bands and their sum.

    Attributes
    ----------
    bands : tuple of DriftResult or EquilibriumResult
        One result per threshold, in the order given (drift if ``F != 0``, else Green-Kubo).
    """

    bands: tuple[BandResult, ...]

    @property
    def success(self) -> bool:
        """Whether every sub-band run completed without a warning status."""
        return all(band.success for band in self.bands)

    @property
    def G_G0(self) -> Estimate:
        """Total ``G / G_0`` with its standard error (bands independent)."""
        value = sum(band.G_G0.value for band in self.bands)
        return Estimate(value, math.sqrt(sum(band.G_G0.stderr**2 for band in self.bands)))

    def summary(self) -> dict[str, Any]:
        """Return the total, per-band summaries and the status as a JSON-ready dictionary."""
        total = self.G_G0
        return {"success": self.success, "G_G0": total.value, "G_G0_stderr": total.stderr,
                "method": self.bands[0].summary()["method"], "bands": [band.summary() for band in self.bands]}


def simulate_subbands(mu_kT: float, eps_kT_list: Sequence[float], *, ratio: float = 1.0, field: float = 0.0,
                      tau_in_law: TimeLaw | None = None, tau_el_law: TimeLaw | None = None,
                      particles: int = DEFAULT_PARTICLES, time: float | None = None, seed: int = 0,
                      progress: Callable[[float], None] | None = None, backend: str = "auto",
                      threads: int | None = None) -> SubbandMCResult:
    """Simulate every sub-band with threshold in ``eps_kT_list`` and sum (drift or Green-Kubo).

    Parameters
    ----------
    mu_kT : float
        Chemical potential in units of ``k_B T``.
    eps_kT_list : sequence of float
        Sub-band thresholds ``eps_i / k_B T`` (at least one).
    ratio, field, tau_in_law, tau_el_law
        As for :class:`~symcond.kinetic.params.KineticParams`, shared by all sub-bands.
    particles, time, seed, progress, backend, threads
        As for :func:`~symcond.montecarlo.simulate.drift` (``field != 0``) or
        :func:`~symcond.montecarlo.simulate.equilibrium` (``field = 0``); band ``i`` uses
        ``seed + i``.

    Returns
    -------
    SubbandMCResult
        Per-band results and the total ``G / G_0``.
    """
    if len(eps_kT_list) == 0:
        raise DefinitionError("'eps_kT_list' must hold at least one threshold (got [])")
    common = {"ratio": ratio, "field": field, "tau_in_law": tau_in_law, "tau_el_law": tau_el_law}
    count = len(eps_kT_list)
    bands = []
    for i, eps in enumerate(eps_kT_list):
        params = KineticParams.from_energies(mu_kT, eps, **common)
        band_progress = None if progress is None else _scaled(progress, i, count)
        bands.append(simulate(params, particles=particles, time=time, seed=seed + i, progress=band_progress,
                              backend=backend, threads=threads))
    return SubbandMCResult(tuple(bands))


def _scaled(progress: Callable[[float], None], index: int, count: int) -> Callable[[float], None]:
    """Map the progress of band ``index`` of ``count`` onto the whole run."""
    return lambda fraction: progress((index + fraction) / count)
