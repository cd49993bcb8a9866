"""Total conductance of independent sub-bands, ``G = sum_i G_i``, three ways.

* :func:`solver_sweep` -- the kinetic solver of Eq. (9) (:mod:`symcond.kinetic`), linear
  response, constant collision times, with an error bound from the solver's own estimates;
* :func:`closed_form_sum` -- a lambdified closed form ``G_i/G_0(eta, R)`` summed over bands;
* :func:`landauer_sum` -- the finite-temperature Landauer reference
  ``sum_i 1/(1 + exp((eps_i - mu)/k_B T))``.

Energies are in units of ``k_B T``; conductances in ``G_0 = 2 e**2/h``.

Examples
--------
>>> import numpy as np
>>> mu = np.array([-5.0, 30.0])
>>> sweep = solver_sweep(mu, (5.0, 17.0), ratio=1.0)
>>> bool(sweep.success.all()), np.round(sweep.G_G0, 3).tolist()
(True, [0.0, 3.987])
>>> np.round(landauer_sum(mu, (5.0, 17.0)), 6).tolist()
[4.5e-05, 1.999998]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

from symcond.kinetic import KineticParams, solve

__all__ = ["ERROR_FACTOR", "RELATIVE_FLOOR", "SolverSweep", "closed_form_sum", "landauer_sum", "solver_sweep"]

FloatArray = NDArray[np.float64]

#: The error bound of a solver value is ``max(ERROR_FACTOR * estimate, RELATIVE_FLOOR) |G_i|``.
ERROR_FACTOR = 10.0
#: Smallest relative error bound (round-off of the quadratures and closed forms).
RELATIVE_FLOOR = 1e-12


@dataclass(frozen=True, eq=False)
class SolverSweep:
    """Solver results along a sweep of ``mu``.

    Attributes
    ----------
    mu : ndarray
        Chemical potentials in ``k_B T``.
    bands : ndarray
        ``G_i/G_0`` per band, shape ``(bands, points)`` (literal Eq. (10) velocity).
    G_G0 : ndarray
        ``sum_i G_i/G_0``.
    tolerance : ndarray
        Absolute error bound of ``G_G0`` per point, from the solver's estimates.
    success : ndarray of bool
        Whether every band converged with its checks passed, per point.
    """

    mu: FloatArray
    bands: FloatArray
    G_G0: FloatArray
    tolerance: FloatArray
    success: NDArray[np.bool_]


def solver_sweep(mu: FloatArray, thresholds: Sequence[float], ratio: float, tol: float = 1e-12) -> SolverSweep:
    """Solve Eq. (9) in linear response for every ``mu`` and threshold and sum the bands.

    Parameters
    ----------
    mu : ndarray
        Chemical potentials ``mu / k_B T``.
    thresholds : sequence of float
        Sub-band thresholds ``eps_i / k_B T``.
    ratio : float
        ``tau_in / tau_el`` (constant times).
    tol : float, default 1e-12
        Solver tolerance on ``f`` (relative).
    """
    shape = (len(thresholds), len(mu))
    bands, bound, ok = np.zeros(shape), np.zeros(shape), np.ones(shape, dtype=bool)
    for i, eps in enumerate(thresholds):
        for j, value in enumerate(np.asarray(mu, dtype=float).tolist()):
            res = solve(KineticParams.from_energies(value, eps, ratio=ratio), tol=tol)
            estimate = max(res.error_estimate, res.G_error_estimate)
            bands[i, j], ok[i, j] = res.G_G0, res.success
            bound[i, j] = max(ERROR_FACTOR * estimate, RELATIVE_FLOOR) * abs(res.G_G0)
    return SolverSweep(np.asarray(mu, dtype=float), bands, bands.sum(axis=0), bound.sum(axis=0),
                       np.asarray(ok.all(axis=0)))


def closed_form_sum(g_i: Callable[[FloatArray, float], Any], mu: FloatArray, thresholds: Sequence[float],
                    ratio: float) -> FloatArray:
    """Return ``sum_i g_i(eta = mu - eps_i, R = ratio)`` for a callable ``g_i(eta, R)``."""
    mu = np.asarray(mu, dtype=float)
    total = np.zeros_like(mu)
    for eps in thresholds:
        total += np.broadcast_to(g_i(mu - eps, ratio), mu.shape)
    return total


def landauer_sum(mu: FloatArray, thresholds: Sequence[float]) -> FloatArray:
    """Return the finite-temperature Landauer reference ``sum_i 1/(1 + exp(eps_i - mu))``."""
    mu = np.asarray(mu, dtype=float)
    return np.sum([expit(mu - eps) for eps in thresholds], axis=0)
