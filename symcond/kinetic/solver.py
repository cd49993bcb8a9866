"""Steady-state solver of Eq. (9) with grid refinement to a requested tolerance.

Each pass solves on a mesh and on its bisection (every element split), measures the change
of ``f`` element by element, and bisects the elements whose change exceeds the tolerance.
The finer solution is returned, with the change as its error estimate.

References
----------
.. [1] A. Das and F. Green (2003), Eqs. (9)-(11).

Examples
--------
>>> res = solve(KineticParams(eta=5.0, ratio=1.0, field=0.5))
>>> res.success, res.error_estimate < 1e-12
(True, True)
>>> tau_m = 1.0 / (1.0 + 1.0)          # 1/tau_m = 1/tau_el + 1/tau_in, units of tau_el
>>> bool(abs(res.current - tau_m * 0.5 * res.density) < 1e-13 * res.density)   # Drude
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError, NumericalError
from symcond.kinetic.discrete import Discrete, Observables, observables, solve_on_mesh
from symcond.kinetic.domain import DECAY_EXPONENTS, domain_end, initial_mesh
from symcond.kinetic.equilibrium import fermi_peak
from symcond.kinetic.laws import require_dissipation
from symcond.kinetic.mesh import Mesh
from symcond.kinetic.params import KineticParams, TimeLaw
from symcond.kinetic.result import KineticChecks, KineticResult, SolveStatus, SubbandResult

__all__ = ["DEFAULT_DEGREE", "DEFAULT_TOL", "solve", "solve_subbands"]

FloatArray = NDArray[np.float64]

#: Default relative max-norm tolerance on ``f``.
DEFAULT_TOL = 1e-12
#: Default polynomial degree per spectral element.
DEFAULT_DEGREE = 20
#: Default number of refinement passes after the first.
DEFAULT_REFINEMENTS = 8
#: Attempts at widening the domain when too much Joule power flows past its end.
DOMAIN_EXTENSIONS = 3


def solve(
    params: KineticParams,
    *,
    tol: float = DEFAULT_TOL,
    degree: int = DEFAULT_DEGREE,
    max_refinements: int = DEFAULT_REFINEMENTS,
) -> KineticResult:
    """Solve Eq. (9) for one sub-band to relative accuracy ``tol`` in ``f``.

    Parameters
    ----------
    params : KineticParams
        Dimensionless parameters (units: :mod:`symcond.kinetic.params`).
    tol : float, default 1e-12
        Target relative max-norm error of ``f`` (dimensionless, ``> 0``).
    degree : int, default 20
        Polynomial degree per element, ``4 <= degree <= 40``.
    max_refinements : int, default 8
        Refinement passes allowed after the first solve.

    Returns
    -------
    KineticResult
        ``success`` is False if ``tol`` was not reached or a built-in check failed.

    Raises
    ------
    SolverError
        If Eq. (9) has no steady state (``ratio = inf``, no inelastic scattering, or
        carriers that run away), or the discrete problem is singular.
    NumericalError
        If a floating-point overflow, invalid operation or division by zero occurs, or
        ``G_G0`` is not finite (never returned as NaN or inf).
    DefinitionError
        If an option is out of range.
    """
    _check_options(tol, degree, max_refinements)
    require_dissipation(params)
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            result = _solve_extending(params, tol, degree, max_refinements)
    except FloatingPointError as exc:
        kind = str(exc).split(" encountered")[0]
        raise NumericalError(f"floating-point {kind} while solving Eq. (9) for {_point(params)}: "
                             "the solution is not representable in double precision") from exc
    if not math.isfinite(result.G_G0):
        raise NumericalError(f"G/G0 is {result.G_G0!r} for {_point(params)}")
    return result


def _solve_extending(params: KineticParams, tol: float, degree: int, max_refinements: int
                     ) -> KineticResult:
    """Solve, widening the domain while too much Joule power flows past its end."""
    exponents = DECAY_EXPONENTS
    for _ in range(DOMAIN_EXTENSIONS):
        mesh = initial_mesh(params, domain_end(params, exponents), degree)
        result = _result(*_refine(params, mesh, tol, max_refinements), tol)
        excess = result.checks.truncation_residual / (0.01 * result.checks.tolerance)
        if excess <= 1.0:
            break
        exponents += math.log(excess) + 3.0
    return result


def _point(params: KineticParams) -> str:
    """Return ``eta=..., ratio=..., field=...`` for messages."""
    return f"eta={params.eta!r}, ratio={params.ratio!r}, field={params.field!r}"


def _refine(params: KineticParams, mesh: Mesh, tol: float, max_refinements: int
            ) -> tuple[Discrete, Discrete, float, int]:
    """Bisect the elements that change by more than ``tol`` until none does."""
    for iteration in range(max_refinements + 1):
        coarse, fine = solve_on_mesh(params, mesh), solve_on_mesh(params, mesh.bisect())
        change = _element_change(coarse, fine)
        if change.max() <= tol or iteration == max_refinements:
            break
        mesh = mesh.bisect(change > 0.25 * tol)
    return coarse, fine, float(change.max()), iteration


def solve_subbands(
    mu_kT: float,
    eps_kT_list: Sequence[float],
    *,
    ratio: float = 1.0,
    field: float = 0.0,
    tau_in_law: TimeLaw | None = None,
    tau_el_law: TimeLaw | None = None,
    tol: float = DEFAULT_TOL,
    degree: int = DEFAULT_DEGREE,
) -> SubbandResult:
    """Solve every sub-band with threshold in ``eps_kT_list`` and sum, ``G = sum_i G_i``.

    Parameters
    ----------
    mu_kT : float
        Chemical potential in units of ``k_B T``.
    eps_kT_list : sequence of float
        Sub-band thresholds ``eps_i / k_B T`` (at least one).
    ratio, field, tau_in_law, tau_el_law
        As for :class:`~symcond.kinetic.params.KineticParams`, shared by all sub-bands.
    tol, degree
        As for :func:`solve`.

    Returns
    -------
    SubbandResult
        Per-band results and their sums.

    Examples
    --------
    >>> res = solve_subbands(30.0, [5.0, 17.0], ratio=1.0)
    >>> len(res.bands), bool(abs(res.G_G0 - sum(b.G_G0 for b in res.bands)) < 1e-15)
    (2, True)
    """
    if len(eps_kT_list) == 0:
        raise DefinitionError("'eps_kT_list' must hold at least one threshold (got [])")
    common = {"ratio": ratio, "field": field, "tau_in_law": tau_in_law, "tau_el_law": tau_el_law}
    bands = tuple(
        solve(KineticParams.from_energies(mu_kT, eps, **common), tol=tol, degree=degree)
        for eps in eps_kT_list
    )
    return SubbandResult(bands)


def _check_options(tol: float, degree: int, max_refinements: int) -> None:
    """Raise :class:`DefinitionError` if a solver option breaks its rule."""
    if not (isinstance(tol, (int, float)) and math.isfinite(tol) and tol > 0.0):
        raise DefinitionError(f"'tol' must be positive and finite (got {tol!r})")
    if not (isinstance(degree, int) and 4 <= degree <= 40):
        raise DefinitionError(f"'degree' must be an integer in [4, 40] (got {degree!r})")
    if not (isinstance(max_refinements, int) and max_refinements >= 0):
        raise DefinitionError(
            f"'max_refinements' must be a non-negative integer (got {max_refinements!r})"
        )


def _element_change(coarse: Discrete, fine: Discrete) -> FloatArray:
    """Return, per coarse element, the largest change of ``f`` relative to its peak."""
    mesh = coarse.mesh
    u, o = fine.at(mesh.nodes)
    if coarse.linear:
        scale_u, scale_o = np.max(np.abs(fine.even)), np.max(np.abs(fine.odd))
    else:
        scale_u = scale_o = np.max(np.abs(fine.even) + np.abs(fine.odd))
    change = np.abs(u - coarse.even) / scale_u + np.abs(o - coarse.odd) / max(scale_o, 1e-300)
    return np.asarray(mesh.scatter(change).max(axis=1))


def _result(coarse: Discrete, fine: Discrete, change: float, iteration: int, tol: float
            ) -> KineticResult:
    """Assemble the :class:`KineticResult` of the finer solution."""
    obs, obs_coarse = observables(fine), observables(coarse)
    g_change = abs(obs.G_G0 - obs_coarse.G_G0) / abs(obs.G_G0) if obs.G_G0 else 0.0
    checks = _checks(obs, change, tol)
    status = _status(change, tol, checks)
    x, f, f_eq = _whole_line(fine)
    return KineticResult(
        success=status is SolveStatus.CONVERGED, status=status,
        message=_message(status, change, tol, checks, len(x)), params=fine.params,
        x=x, f=f, f_eq=f_eq, density=obs.density, current=obs.current, G_G0=obs.G_G0,
        mean_energy=obs.mean_energy, joule_power=obs.joule_power,
        inelastic_loss=obs.inelastic_loss, restoring_constant=fine.restoring,
        error_estimate=change, G_error_estimate=g_change, checks=checks,
        grid_points=len(x), elements=fine.mesh.n_elements, degree=fine.mesh.degree,
        iterations=iteration + 1, domain_end=float(fine.mesh.edges[-1]), solution=fine,
    )


def _checks(obs: Observables, change: float, tol: float) -> KineticChecks:
    """Return the built-in checks; their threshold is ``max(100 tol, 1e-10)``."""
    scale = max(abs(obs.joule_power), abs(obs.inelastic_loss))
    balance = obs.joule_power - obs.outflow - obs.inelastic_loss
    return KineticChecks(
        density_residual=obs.density_residual, restoring_residual=obs.restoring_residual,
        energy_residual=float(abs(balance) / scale) if scale > 0.0 else 0.0,
        truncation_residual=float(abs(obs.outflow) / scale) if scale > 0.0 else 0.0,
        convergence=change, tolerance=max(100.0 * tol, 1e-10),
    )


def _status(change: float, tol: float, checks: KineticChecks) -> SolveStatus:
    """Return the outcome code."""
    if not change <= tol:
        return SolveStatus.NOT_CONVERGED
    return SolveStatus.CONVERGED if checks.passed else SolveStatus.CHECK_FAILED


def _message(status: SolveStatus, change: float, tol: float, checks: KineticChecks,
             points: int) -> str:
    """Return the one-line outcome message."""
    if status is SolveStatus.CONVERGED:
        return f"converged: error estimate {change:.2g} <= tol {tol:.2g} on {points} k points"
    if status is SolveStatus.NOT_CONVERGED:
        return f"not converged: error estimate {change:.2g} > tol {tol:.2g} on {points} k points"
    return f"converged, but checks failed: {', '.join(checks.failed)}"


def _whole_line(sol: Discrete) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return ``x``, ``f`` and ``f_eq`` on the whole line (absolute occupations)."""
    x, peak = sol.mesh.nodes, fermi_peak(sol.params.eta)
    odd = sol.odd_occupation
    full_x = np.concatenate((-x[:0:-1], x))
    full_f = np.concatenate(((sol.even - odd)[:0:-1], sol.even + odd)) * peak
    full_eq = np.concatenate((sol.source[:0:-1], sol.source)) * peak
    for array in (full_x, full_f, full_eq):
        array.setflags(write=False)
    return full_x, full_f, full_eq
