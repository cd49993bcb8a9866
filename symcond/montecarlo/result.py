"""Result objects of the Monte Carlo runs, modelled on ``scipy.integrate.OdeSolver`` results.

Every value is dimensionless in the units of :mod:`symcond.kinetic.params` (velocities in
``v_th``, times in ``tau_el0``, diffusion in ``v_th**2 tau_el0``, spectral densities per
particle in ``v_th**2 tau_el0``, ``G`` in ``G_0 = 2 e**2 / h`` with ``L`` from Eq. (10)), and
every statistical quantity is an :class:`~symcond.montecarlo.statistics.Estimate`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from symcond.kinetic.params import KineticParams
from symcond.montecarlo.statistics import Estimate

__all__ = ["Counters", "DriftResult", "EquilibriumResult", "MCStatus", "Relations", "outcome_message", "status_of"]

FloatArray = NDArray[np.float64]


class MCStatus(IntEnum):
    """Outcome of a run: ``0`` success; positive values name a reason to distrust it."""

    COMPLETED = 0
    BOUND_EXCEEDED = 1
    NOT_STATIONARY = 2
    TOO_SHORT = 3


@dataclass(frozen=True)
class Counters:
    """Work done by a run.

    Attributes
    ----------
    events : int
        Real collisions (elastic flips plus inelastic re-draws).
    flips, redraws : int
        Elastic flips ``x -> -x`` and inelastic re-draws.
    candidates : int
        Thinning candidates (``>= events``).
    checkpoints : int
        Candidates plus ends of the horizons of local thinning bounds.
    particles : int
        Ensemble size.
    steps : int
        Sampling intervals advanced (burn-in included).
    simulated_time : float
        Time per particle, burn-in included (units ``tau_el0``).
    cpu_seconds : float
        Process CPU time of the run (all threads).
    bound_violations, envelope_violations : int
        Candidates that found the total rate above their thinning bound, and re-draws that
        found their density above the sampling envelope (both bias the run; normally 0).
    wall_seconds : float
        Elapsed time of the run.
    backend : str
        Where the run ended: ``"numba"`` (compiled kernel) or ``"numpy"``.
    """

    events: int
    flips: int
    redraws: int
    candidates: int
    checkpoints: int
    particles: int
    steps: int
    simulated_time: float
    cpu_seconds: float
    bound_violations: int
    envelope_violations: int
    wall_seconds: float = math.nan
    backend: str = "numpy"

    @property
    def events_per_second(self) -> float:
        """Collisions simulated per CPU second."""
        return self.events / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")

    @property
    def events_per_wall_second(self) -> float:
        """Collisions simulated per second of elapsed time (all threads together)."""
        return self.events / self.wall_seconds if self.wall_seconds > 0 else float("inf")


@dataclass(frozen=True, eq=False)
class DriftResult:
    """Steady state under a field: drift velocity, ``G / G_0`` and mean energy.

    Attributes
    ----------
    success, status, message
        As for ``OdeSolver`` results (``success`` is ``status == COMPLETED``).
    params : KineticParams
        The parameters simulated.
    seed : int
        The seed of the run.
    mean_velocity : Estimate
        ``<x> = <v> / v_th`` in the steady state.
    mobility : Estimate
        ``<x> / F`` (units ``tau_el0``); ``tau_m`` for constant times.
    G_G0 : Estimate
        ``G / G_0 = (N**2 / M) <x> / F``, the normalisation of the kinetic solver.
    current : Estimate
        ``I / (e k_T v_th) = (N / pi) <x>``.
    density : float
        ``n / k_T = N / pi`` (exact: the dynamics conserves particles).
    mean_energy : Estimate
        ``<x**2>`` (units ``k_B T``).
    drift_halves : tuple of Estimate
        ``<x>`` over the first and the second half of the measurement (stationarity check).
    counters : Counters
        Work done.
    """

    success: bool
    status: MCStatus
    message: str
    params: KineticParams
    seed: int
    mean_velocity: Estimate
    mobility: Estimate
    G_G0: Estimate
    current: Estimate
    density: float
    mean_energy: Estimate
    drift_halves: tuple[Estimate, Estimate]
    counters: Counters

    def summary(self) -> dict[str, Any]:
        """Return the scalar outputs as a JSON-ready dictionary."""
        out: dict[str, Any] = {"success": self.success, "status": int(self.status), "message": self.message,
                               "method": "drift", "seed": self.seed, "density": self.density}
        for name in ("G_G0", "mean_velocity", "mobility", "current", "mean_energy"):
            est = getattr(self, name)
            out[name], out[f"{name}_stderr"] = est.value, est.stderr
        out.update(_counters(self.counters))
        return out


@dataclass(frozen=True)
class Relations:
    """Fluctuation-dissipation and Einstein relations measured at ``F = 0`` (each 1 if it holds).

    Notation: ``Y = 2 Integral <x(t) w x(0)> dt`` is the exact linear-response mobility
    (``G = (N**2/M) Y``), ``w = 1 - f_eq``, ``D`` the diffusion coefficient, ``S(0)`` the
    low-frequency velocity noise per particle, ``v'**2 = <x**2 w> / <w>`` (Eq. (3) of
    reggiani2026, measured), ``Fano = <w> = <dN**2> / N``, ``tau = Integral C_vv dt``.

    Attributes
    ----------
    johnson : Estimate
        ``S_I(0) / (4 k_B T G) = S(0) / (2 Y)`` for independent particles.
    johnson_pauli : Estimate
        The same with the Pauli-weighted (Boltzmann-Langevin fermion) noise ``S_w(0)``.
    johnson_fano : Estimate
        reggiani2026's Fano-corrected noise ``4 (e/L)**2 dN**2 v'**2 tau`` over ``4 k_B T G``:
        ``2 Fano v'**2 tau / Y``.
    einstein_classical : Estimate
        Classical Einstein ``G = e**2 N D / (k_B T L**2)`` over ``G``: ``2 D / Y``.
    einstein_eq23 : Estimate
        reggiani2026 Eq. (23), ``G = e**2 m N D / h_s**2`` with ``h_s = m v' L`` (Eq. (2)),
        over ``G``: ``D / (v'**2 Y)``.
    eq19 : Estimate
        reggiani2026 Eq. (19), ``D = v'**2 tau``: ``D / (v'**2 tau)``.
    eq19_differential : Estimate
        The same with the Pauli-weighted diffusion ``D' = Y / (2 Fano)``.
    gamma : Estimate
        ``Gamma = l / L`` with ``l = sqrt(v'**2) tau`` (reggiani2026 Eqs. (5)-(6)) and ``L``
        from Eq. (10) of dasgreen2003 (a value, not a ratio to 1).
    """

    johnson: Estimate
    johnson_pauli: Estimate
    johnson_fano: Estimate
    einstein_classical: Estimate
    einstein_eq23: Estimate
    eq19: Estimate
    eq19_differential: Estimate
    gamma: Estimate


@dataclass(frozen=True, eq=False)
class EquilibriumResult:
    """Equilibrium (``F = 0``) fluctuations: Green-Kubo, diffusion and noise.

    Attributes
    ----------
    success, status, message, params, seed, counters
        As for :class:`DriftResult`.
    lags : ndarray
        Times of the correlation curves (units ``tau_el0``).
    cvv, cvv_stderr : ndarray
        Normalised ``C_vv(t) = <v(t) v(0)> / <v(0)**2>`` (dasgreen2003 Eq. (2)).
    cvv_integral : Estimate
        ``Integral_0^T C_vv dt`` (units ``tau_el0``): ``tau_m`` of Eqs. (2)-(3).
    mobility : Estimate
        ``Y = 2 Integral <x(t) (1 - f_eq(x(0))) x(0)> dt``: the exact linear response
        ``<x> / F`` of the process as ``F -> 0`` (units ``tau_el0``).
    G_G0 : Estimate
        ``(N**2 / M) Y``: linear-response ``G / G_0`` (comparable with the solver).
    G_G0_eq3 : Estimate
        ``(N**2 / M) Integral C_vv dt``: dasgreen2003 Eqs. (1)-(3) with normalised ``C_vv``.
    mean_square_velocity, fano, differential_velocity2 : Estimate
        ``<x**2>``, ``<1 - f_eq> = <dN**2> / N`` and ``v'**2 / v_th**2`` over ``f_eq``.
    diffusion : Estimate
        ``D`` from the slope of the mean-square displacement (units ``v_th**2 tau_el0``).
    frequencies, spectrum, spectrum_stderr, spectrum_pauli, spectrum_pauli_stderr : ndarray
        One-sided velocity spectral density per particle and the Pauli-weighted cross
        spectrum (units ``v_th**2 tau_el0``), at ``frequencies`` (units ``1 / tau_el0``).
    noise, noise_pauli : Estimate
        Their low-frequency values ``S(0)`` and ``S_w(0)``.
    relations : Relations
        The fluctuation-dissipation and Einstein ratios.
    """

    success: bool
    status: MCStatus
    message: str
    params: KineticParams
    seed: int
    lags: FloatArray
    cvv: FloatArray
    cvv_stderr: FloatArray
    cvv_integral: Estimate
    mobility: Estimate
    G_G0: Estimate
    G_G0_eq3: Estimate
    mean_square_velocity: Estimate
    fano: Estimate
    differential_velocity2: Estimate
    diffusion: Estimate
    frequencies: FloatArray
    spectrum: FloatArray
    spectrum_stderr: FloatArray
    spectrum_pauli: FloatArray
    spectrum_pauli_stderr: FloatArray
    noise: Estimate
    noise_pauli: Estimate
    relations: Relations
    counters: Counters

    def summary(self) -> dict[str, Any]:
        """Return the scalar outputs as a JSON-ready dictionary."""
        out: dict[str, Any] = {"success": self.success, "status": int(self.status), "message": self.message,
                               "method": "green-kubo", "seed": self.seed}
        names = ("G_G0", "G_G0_eq3", "mobility", "cvv_integral", "mean_square_velocity", "fano",
                 "differential_velocity2", "diffusion", "noise", "noise_pauli")
        for name in names:
            est = getattr(self, name)
            out[name], out[f"{name}_stderr"] = est.value, est.stderr
        for name, est in vars(self.relations).items():
            out[name], out[f"{name}_stderr"] = est.value, est.stderr
        out.update(_counters(self.counters))
        return out


def _counters(counters: Counters) -> dict[str, Any]:
    """Return the counters as JSON-ready items."""
    out: dict[str, Any] = dict(vars(counters))
    out["events_per_second"] = counters.events_per_second
    return out


def status_of(counters: Counters) -> MCStatus:
    """Return ``BOUND_EXCEEDED`` if a thinning bound or a sampling envelope was exceeded."""
    return MCStatus.BOUND_EXCEEDED if counters.bound_violations or counters.envelope_violations else MCStatus.COMPLETED


def outcome_message(status: MCStatus, headline: str, counters: Counters) -> str:
    """Return the one-line outcome message."""
    work = (f"{counters.events:.3g} collisions of {counters.particles} particles in {counters.cpu_seconds:.2g} CPU s"
            f" ({counters.backend})")
    reasons = {
        MCStatus.COMPLETED: "completed",
        MCStatus.BOUND_EXCEEDED: (f"possibly biased: {counters.bound_violations} thinning-bound and "
                                f"{counters.envelope_violations} sampling-envelope violations"),
        MCStatus.NOT_STATIONARY: "not stationary: the two halves of the run differ by > 4 standard errors",
        MCStatus.TOO_SHORT: "too short: some equilibrium estimates are NaN (see 'time')",
    }
    return f"{reasons[status]}: {headline} from {work}"
