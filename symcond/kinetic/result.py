"""Result objects of the kinetic solver, modelled on ``scipy.integrate.OdeSolver`` results.

All quantities are dimensionless, in the units of :mod:`symcond.kinetic.params`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from symcond.kinetic.discrete import Discrete
from symcond.kinetic.equilibrium import fermi_peak
from symcond.kinetic.params import KineticParams

__all__ = ["KineticChecks", "KineticResult", "SolveStatus", "SubbandResult"]

FloatArray = NDArray[np.float64]


class SolveStatus(IntEnum):
    """Outcome of a solve: ``0`` success, positive values name what went wrong."""

    CONVERGED = 0
    NOT_CONVERGED = 1
    CHECK_FAILED = 2


@dataclass(frozen=True)
class KineticChecks:
    """Built-in consistency checks of one solution (relative residuals, dimensionless).

    Attributes
    ----------
    density_residual : float
        ``|<f> / <f_eq> - 1|`` (density conservation).
    restoring_residual : float
        ``|<f/tau_in> / (C <f_eq/tau_in>) - 1|``: the inelastic term conserves particles.
    energy_residual : float
        ``|P_joule - P_out - P_inelastic| / P_joule``.  Eq. (9) times ``eps_k``, integrated
        over the whole line, gives ``e E <v f> = <eps (f - C f_eq) / tau_in>``; on the
        computed range ``|x| <= X`` the flux ``P_out`` through ``X`` joins the balance.
    truncation_residual : float
        ``|P_out| / P_joule``: the share of the Joule power lost by truncating at ``X``.
    convergence : float
        Relative max-norm change of ``f`` between the grid and its bisection.
    tolerance : float
        Threshold applied to every residual above.
    """

    density_residual: float
    restoring_residual: float
    energy_residual: float
    truncation_residual: float
    convergence: float
    tolerance: float

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the checks whose residual exceeds ``tolerance``."""
        names = ("density_residual", "restoring_residual", "energy_residual",
                 "truncation_residual", "convergence")
        return tuple(name for name in names if not getattr(self, name) <= self.tolerance)

    @property
    def passed(self) -> bool:
        """Whether every check is within ``tolerance``."""
        return not self.failed


@dataclass(frozen=True, eq=False)
class KineticResult:
    """Steady state of Eq. (9) for one sub-band.

    Attributes
    ----------
    success : bool
        ``status == SolveStatus.CONVERGED``.
    status : SolveStatus
        Outcome code.
    message : str
        One-line human-readable outcome.
    params : KineticParams
        The parameters solved for.
    x : ndarray
        Wave vectors ``k / k_T`` on the whole line, increasing.
    f, f_eq : ndarray
        Occupation and equilibrium occupation at ``x`` (``f = f_eq`` when ``field = 0``).
    density : float
        ``n / k_T``.
    current : float
        ``I / (e k_T v_th)``.
    G_G0 : float
        ``G / G_0`` with ``L`` from Eq. (10) (linear-response limit when ``field = 0`` or
        :attr:`linear_response`).
    mean_energy : float
        ``<eps f> / <f>`` in units of ``k_B T``.
    joule_power, inelastic_loss : float
        ``e E <v f>`` and ``<eps (f - C f_eq) / tau_in>`` in units of ``k_B T k_T / tau_el0``.
    restoring_constant : float
        ``C = <f/tau_in> / <f_eq/tau_in>`` of Eq. (9).
    error_estimate : float
        Relative max-norm error of ``f`` estimated from the second (bisected) grid.
    G_error_estimate : float
        Relative change of ``G_G0`` between the two grids.
    checks : KineticChecks
        Built-in consistency checks.
    grid_points, elements, degree : int
        Size of ``x``, number of spectral elements on ``x >= 0``, polynomial degree.
    iterations : int
        Grid-refinement passes performed.
    domain_end : float
        ``X``: ``f`` is computed on ``|x| <= X`` and is below ``~1e-18`` of its peak there.
    solution : Discrete
        The spectral-element solution behind ``f`` (used by :meth:`occupation`).
    """

    success: bool
    status: SolveStatus
    message: str
    params: KineticParams
    x: FloatArray
    f: FloatArray
    f_eq: FloatArray
    density: float
    current: float
    G_G0: float
    mean_energy: float
    joule_power: float
    inelastic_loss: float
    restoring_constant: float
    error_estimate: float
    G_error_estimate: float
    checks: KineticChecks
    grid_points: int
    elements: int
    degree: int
    iterations: int
    domain_end: float
    solution: Discrete = field(repr=False)

    @property
    def linear_response(self) -> bool:
        """Whether ``field`` was solved to first order (zero, or too weak to matter).

        See :func:`~symcond.kinetic.domain.is_linear_response`: ``f = f_eq + F f_1`` and
        ``G_G0`` is the ``F -> 0`` limit, exact to double precision at such a field.
        """
        return self.solution.linear

    def occupation(self, x: FloatArray) -> FloatArray:
        """Return ``f`` at arbitrary wave vectors ``x`` (units ``k_T``), spectrally interpolated.

        Zero for ``|x| > domain_end``; for ``field = 0`` this is ``f_eq``, in linear response
        ``f_eq + F f_1``.
        """
        x = np.asarray(x, dtype=float)
        inside = np.abs(x) <= self.domain_end
        even, odd = self.solution.at(np.minimum(np.abs(x), self.domain_end))
        if self.solution.linear:
            odd = self.params.field * odd
        f = (even + np.sign(x) * odd) * fermi_peak(self.params.eta)
        return np.where(inside, f, 0.0)

    def summary(self) -> dict[str, float | int | bool | str]:
        """Return the scalar outputs as a JSON-ready dictionary."""
        keys = ("success", "message", "G_G0", "density", "current", "mean_energy",
                "joule_power", "inelastic_loss", "restoring_constant", "error_estimate",
                "G_error_estimate", "grid_points", "elements", "degree", "iterations",
                "domain_end")
        out: dict[str, float | int | bool | str] = {key: getattr(self, key) for key in keys}
        out["status"] = int(self.status)
        out["eta"] = self.params.eta
        out.update({f"check_{k}": v for k, v in vars(self.checks).items()})
        return out


@dataclass(frozen=True, eq=False)
class SubbandResult:
    """Independent sub-bands summed: ``G = sum_i G_i`` (paper, after Eq. (11)).

    Attributes
    ----------
    bands : tuple of KineticResult
        One result per threshold, in the order given.
    """

    bands: tuple[KineticResult, ...]

    @property
    def success(self) -> bool:
        """Whether every sub-band converged."""
        return all(band.success for band in self.bands)

    def total(self, name: str) -> float:
        """Return the sum over sub-bands of the scalar attribute ``name``."""
        return float(sum(getattr(band, name) for band in self.bands))

    @property
    def G_G0(self) -> float:
        """Total ``G / G_0``."""
        return self.total("G_G0")

    @property
    def error_estimate(self) -> float:
        """Largest relative error estimate of ``f`` among the sub-bands."""
        return max(band.error_estimate for band in self.bands)

    def summary(self) -> dict[str, Any]:
        """Return sums, per-band summaries and the status as a JSON-ready dictionary."""
        sums = ("G_G0", "density", "current", "joule_power", "inelastic_loss", "grid_points")
        out: dict[str, Any] = {"success": self.success}
        out.update({name: self.total(name) for name in sums})
        out["grid_points"] = int(self.total("grid_points"))
        out["error_estimate"] = self.error_estimate
        out["G_error_estimate"] = max(band.G_error_estimate for band in self.bands)
        out["bands"] = [band.summary() for band in self.bands]
        return out
