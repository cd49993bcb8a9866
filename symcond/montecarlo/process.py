"""The jump process whose master equation is Eq. (9) of Das & Green (2003).

Written as a master equation for the density ``f(x, t)`` of independent particles
(units of :mod:`symcond.kinetic.params`: ``x = k / k_T``, times in ``tau_el0``)::

    df/dt + F df/dx = - f(x) / t_in(x)  +  C f_eq(x) / t_in(x)         (inelastic)
                      - f(x) / (2 t_el(x)) + f(-x) / (2 t_el(-x))       (elastic)

so one particle accelerates freely, ``dx/dt = F``; flips ``x -> -x`` at the rate
``1 / (2 t_el)`` (the loss term ``f(x) / (2 t_el)``: each flip reverses the velocity, so
velocity correlations decay at ``2 / (2 t_el) = 1 / t_el``); and at the rate ``1 / t_in``
is re-drawn from the density ``f_eq / t_in`` (normalised: the gain
``C f_eq / t_in`` with ``C = <f / t_in> / <f_eq / t_in>`` is exactly the loss
``<f / t_in>`` redistributed in proportion to ``f_eq / t_in``).  The equation is linear in
``f``, so independent particles solve it for Fermi-Dirac ``f_eq`` too.  At ``F = 0`` the
process is reversible with stationary density ``f_eq``.

References
----------
.. [1] A. Das and F. Green (2003), Eq. (9) and the ``f_eq`` below it.

Examples
--------
>>> from symcond.kinetic.params import KineticParams
>>> proc = Process(KineticParams(eta=0.0, ratio=0.5))
>>> proc.rates(np.array([0.0, 1.0]))        # (1/t_in, flip rate 1/(2 t_el)), units 1/tau_el0
(array([2., 2.]), array([0.5, 0.5]))
>>> proc.bound, proc.momentum_time       # constant total rate; 1/tau_m = 1/t_in + 1/t_el
(2.5, 0.3333333333333333)
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from numpy.typing import NDArray

from symcond.errors import SolverError
from symcond.kinetic.equilibrium import mean_abs_velocity_integral, scaled_fermi_slope_factor
from symcond.kinetic.laws import collision_rates, require_dissipation
from symcond.kinetic.params import KineticParams
from symcond.montecarlo.sampler import EnvelopeSampler, support_end
from symcond.special import fermi_dirac

__all__ = ["BOUND_SLACK", "HORIZON", "Process"]

FloatArray = NDArray[np.float64]

#: Relative margin of a local thinning bound over the largest total rate found on the flight.
BOUND_SLACK = 0.05
#: Change of ``x`` (units ``k_T``) over which one local thinning bound is used.
HORIZON = 0.25
#: Points of the tables of time scales.
BOUND_POINTS = 4096


class Process:
    """Rates, samplers and time scales of the process of Eq. (9) for one sub-band.

    Parameters
    ----------
    params : KineticParams
        Dimensionless parameters (units: :mod:`symcond.kinetic.params`).  ``ratio = inf``
        (no inelastic scattering) is accepted only with ``field = 0``.

    Raises
    ------
    SolverError
        If ``ratio = inf`` with a field (no steady state), if no collision happens at all,
        or if a rate is infinite (a time law returned a time too small to invert).
    """

    def __init__(self, params: KineticParams) -> None:
        if params.field != 0.0:
            require_dissipation(params)
        self.params = params
        self.constant = params.constant_times
        self.density_integral = float(np.sqrt(np.pi) * fermi_dirac(-0.5, params.eta))
        self.velocity_integral = mean_abs_velocity_integral(params.eta)
        self.equilibrium = EnvelopeSampler(params.eta)
        self._redraw: EnvelopeSampler | None = None
        top = self._check_rates()
        self.bound = top if self.constant else math.nan

    def rates(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Return ``(1 / t_in, 1 / (2 t_el))`` at wave vectors ``x``, in units of ``1/tau_el0``."""
        x = np.asarray(x, dtype=float)
        if self.params.has_dissipation:
            rate_in, rate_el = collision_rates(self.params, x)
        else:
            rate_el = collision_rates(dataclasses.replace(self.params, ratio=1.0), x)[1]
            rate_in = np.zeros_like(rate_el)
        return rate_in, 0.5 * rate_el

    @property
    def redraw(self) -> EnvelopeSampler:
        """The sampler of the inelastic re-draw density ``f_eq / t_in`` (built on first use)."""
        if self._redraw is None:
            self._redraw = self.equilibrium if self.params.tau_in_law is None else EnvelopeSampler(
                self.params.eta, lambda eps: self.rates(np.sqrt(eps))[0])
        return self._redraw

    @property
    def redraw_violations(self) -> int:
        """Envelope violations of a separate re-draw sampler (0 if none was built)."""
        built = self._redraw
        return built.violations if built is not None and built is not self.equilibrium else 0

    def pauli(self, x: FloatArray) -> FloatArray:
        """Return the Pauli factor ``1 - f_eq(x)`` (dimensionless)."""
        return scaled_fermi_slope_factor(x, self.params.eta)

    def _check_rates(self) -> float:
        """Return the largest total rate on the support of ``f_eq``; raise if none or infinite."""
        x = np.linspace(0.0, support_end(self.params.eta), BOUND_POINTS)
        total = np.sum(self.rates(x), axis=0)
        if not np.all(np.isfinite(total)):
            raise SolverError("a collision rate is infinite: a time law returned a time too small to invert")
        top = float(np.max(total))
        if top <= 0.0:
            raise SolverError("no collisions: tau_in and tau_el are infinite at every energy")
        return top

    def local_bound(self, x: FloatArray) -> tuple[FloatArray, float]:
        """Return thinning bounds valid for a free flight of ``HORIZON / |F|`` from ``x``, and that time.

        The bound is the largest total rate at the start, middle and end of the flight
        (exact for rates monotonic in ``|x|``), times ``1 + BOUND_SLACK``; at ``F = 0`` it is
        the exact rate at ``x`` and the horizon is infinite.

        Raises
        ------
        SolverError
            If a rate is infinite.
        """
        field = self.params.field
        if field == 0.0:
            return np.sum(self.rates(x), axis=0), math.inf
        horizon = HORIZON / abs(field)
        path = x[None, :] + np.array([0.0, 0.5, 1.0])[:, None] * (field * horizon)
        total = np.sum(self.rates(path), axis=0).max(axis=0)
        if not np.all(np.isfinite(total)):
            raise SolverError("a collision rate is infinite: a time law returned a time too small to invert")
        return total * (1.0 + BOUND_SLACK), horizon

    @property
    def mean_rate(self) -> float:
        """Return ``<1/t_in + 1/(2 t_el)>`` over ``f_eq``: collisions per ``tau_el0`` at equilibrium."""
        x = np.linspace(0.0, support_end(self.params.eta), BOUND_POINTS)
        weight = self.equilibrium.density(x)
        return float(np.sum(weight * np.sum(self.rates(x), axis=0)) / np.sum(weight))

    @property
    def momentum_time(self) -> float:
        """Return ``tau_c = 1 / <1/t_in + 1/t_el>`` over ``f_eq`` (units ``tau_el0``).

        For constant times this is ``tau_m`` of Matthiessen's rule, Eq. (5):
        ``1 / tau_m = 1 / tau_el + 1 / tau_in``; otherwise a velocity-correlation time scale.
        """
        x = np.linspace(0.0, support_end(self.params.eta), BOUND_POINTS)
        weight = self.equilibrium.density(x)
        rate_in, flip = self.rates(x)
        return float(np.sum(weight) / np.sum(weight * (rate_in + 2.0 * flip)))

    @property
    def relaxation_time(self) -> float:
        """Return the slowest of ``1 / <1/t_in>`` and ``tau_c`` over ``f_eq`` (units ``tau_el0``)."""
        x = np.linspace(0.0, support_end(self.params.eta), BOUND_POINTS)
        weight = self.equilibrium.density(x)
        rate_in = self.rates(x)[0]
        inelastic = np.sum(weight) / max(float(np.sum(weight * rate_in)), 1e-300)
        return float(min(max(inelastic, self.momentum_time), 1e6))

    @property
    def length(self) -> float:
        """Return ``L / (v_th tau_el0) = M / N`` from Eq. (10), ``tau_el0 = L n / <|v| f_eq>``."""
        return self.velocity_integral / self.density_integral

    def g_scale(self) -> float:
        """Return ``N**2 / M``: ``G / G_0 = (N**2 / M) <x> / F`` (:mod:`symcond.kinetic.params`)."""
        return self.density_integral * (self.density_integral / self.velocity_integral)  # no underflow

    def __repr__(self) -> str:
        return f"Process({self.params!r})"
