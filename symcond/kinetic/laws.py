"""Collision rates ``1/tau_in`` and ``1/tau_el`` of Eq. (9) at given wave vectors.

Rates are in units of ``1/tau_el0`` (see :mod:`symcond.kinetic.params`); the energy laws
are called with ``eps / k_B T = x**2``.  An infinite time is a zero rate.

Examples
--------
>>> from symcond.kinetic.params import KineticParams
>>> r_in, r_el = collision_rates(KineticParams(eta=0.0, ratio=0.5), np.array([0.0, 2.0]))
>>> r_in.tolist(), r_el.tolist()
([2.0, 2.0], [1.0, 1.0])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError, SolverError, UserCodeError
from symcond.kinetic.params import KineticParams, TimeLaw

__all__ = ["NO_STEADY_STATE", "check_positive_total", "collision_rates", "require_dissipation"]

FloatArray = NDArray[np.float64]

#: The message of the paper's central claim, raised when nothing dissipates energy.
NO_STEADY_STATE = (
    "no steady state: without inelastic scattering (tau_in -> infinity) Eq. (9) has no "
    "steady state, because nothing dissipates the Joule power e E <v f> that the field "
    "feeds into the carriers"
)


def require_dissipation(params: KineticParams) -> None:
    """Raise :class:`SolverError` with :data:`NO_STEADY_STATE` if ``ratio`` is infinite.

    Examples
    --------
    >>> require_dissipation(KineticParams(eta=0.0, ratio=float("inf")))
    Traceback (most recent call last):
    ...
    symcond.errors.SolverError: no steady state: without inelastic scattering ...
    """
    if not params.has_dissipation:
        raise SolverError(NO_STEADY_STATE)


def collision_rates(params: KineticParams, x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Return ``(tau_el0 / tau_in, tau_el0 / tau_el)`` at wave vectors ``x`` (units ``k_T``).

    Raises
    ------
    SolverError
        If ``ratio`` is infinite.
    DefinitionError
        If a law returns a NaN or non-positive time.
    UserCodeError
        If a law raises.
    """
    require_dissipation(params)
    eps = np.asarray(x, dtype=float) ** 2
    times_in = params.ratio * _times("tau_in_law", params.tau_in_law, eps)
    times_el = _times("tau_el_law", params.tau_el_law, eps)
    with np.errstate(over="ignore", divide="ignore"):
        return 1.0 / times_in, 1.0 / times_el


def _times(name: str, law: TimeLaw | None, eps: FloatArray) -> FloatArray:
    """Return ``law(eps)`` as a validated float array (ones if ``law`` is None)."""
    if law is None:
        return np.ones_like(eps)
    try:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            raw = law(eps)
        times = np.broadcast_to(np.asarray(raw, dtype=float), eps.shape).copy()
    except Exception as exc:
        raise UserCodeError(f"'{name}' raised {type(exc).__name__}: {exc}") from exc
    bad = np.isnan(times) | (times <= 0.0)
    if np.any(bad):
        where = int(np.argmax(bad))
        got, at = float(times[where]), float(eps[where])
        raise DefinitionError(
            f"'{name}' must return positive times (got {got!r} at eps={at:.6g})"
        )
    return times


def check_positive_total(rate_in: FloatArray, rate_el: FloatArray, x: FloatArray) -> None:
    """Raise :class:`SolverError` if nothing dissipates or nothing scatters somewhere.

    Raises
    ------
    SolverError
        With :data:`NO_STEADY_STATE` if ``1/tau_in`` vanishes at every ``x``; otherwise if
        ``1/tau_in + 1/tau_el`` vanishes at some ``x`` or a rate is infinite.
    """
    if not np.any(rate_in > 0.0):
        raise SolverError(NO_STEADY_STATE)
    dead = (rate_in + rate_el) <= 0.0
    if np.any(dead):
        at = float(np.asarray(x)[int(np.argmax(dead))] ** 2)
        raise SolverError(
            f"no collisions at eps={at:.6g}: tau_in and tau_el are both infinite there, "
            "so carriers accelerate freely"
        )
    infinite = ~np.isfinite(rate_in + rate_el)
    if np.any(infinite):
        at = float(np.asarray(x)[int(np.argmax(infinite))] ** 2)
        raise SolverError(
            f"a collision rate is infinite at eps={at:.6g}: a time law returned a time too small to invert"
        )
