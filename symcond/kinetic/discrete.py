"""One solution of Eq. (9) on one mesh, and the observables computed from it.

All integrals are GLL quadratures over the half line, doubled by parity; ``f`` and ``f_eq``
are carried divided by the peak ``f_eq(0)`` and multiplied back in the observables.
Units: :mod:`symcond.kinetic.params`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from symcond.kinetic.domain import fermi_edge, is_linear_response
from symcond.kinetic.equilibrium import (
    fermi_peak,
    mean_abs_velocity_integral,
    scaled_fermi,
    scaled_fermi_slope_factor,
)
from symcond.kinetic.galerkin import odd_part, solve_deviation
from symcond.kinetic.laws import check_positive_total, collision_rates
from symcond.kinetic.mesh import Mesh
from symcond.kinetic.params import KineticParams

__all__ = ["Discrete", "Observables", "solve_on_mesh"]

FloatArray = NDArray[np.float64]

#: Scaled occupations below this are set to zero (avoids subnormal arithmetic).
_FLUSH = 1e-200


@dataclass(frozen=True, eq=False)
class Discrete:
    """Even part ``u``, its deviation ``u - C s`` and odd part ``o`` on a mesh.

    All three are scaled by ``1/f_eq(0)`` and normalised by ``<f> = <f_eq>``; ``C`` is
    ``restoring``.  In linear response (``linear``; ``field = 0`` or below the threshold
    of :func:`~symcond.kinetic.domain.is_linear_response`) ``u = s``, ``d = 0`` and the
    odd part is the slope ``do/dF``, so that ``f = u + F o``.
    """

    params: KineticParams
    mesh: Mesh
    even: FloatArray
    deviation: FloatArray
    odd: FloatArray
    source: FloatArray
    rate_in: FloatArray
    rate_el: FloatArray
    restoring: float
    linear: bool

    @property
    def odd_occupation(self) -> FloatArray:
        """Return the odd part of ``f / f_eq(0)`` itself (``F do/dF`` in linear response)."""
        return self.params.field * self.odd if self.linear else self.odd

    def at(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Return ``(u, o)`` interpolated at points ``0 <= x <= X``."""
        return self.mesh.evaluate(self.even, x), self.mesh.evaluate(self.odd, x)


def solve_on_mesh(params: KineticParams, mesh: Mesh) -> Discrete:
    """Solve Eq. (9) on ``mesh`` and normalise by ``<f> = <f_eq>``.

    In linear response (:func:`~symcond.kinetic.domain.is_linear_response`) the odd part
    is the first-order slope ``do/dF = -s' / r_m`` and ``u = s``.
    """
    x = mesh.nodes
    source = scaled_fermi(x, params.eta)
    source[source < _FLUSH] = 0.0
    slope = -2.0 * x * source * scaled_fermi_slope_factor(x, params.eta)
    rates = collision_rates(params, x)
    check_positive_total(*rates, x)
    linear = is_linear_response(params)
    if linear:
        deviation, odd = np.zeros_like(x), -slope / (rates[0] + rates[1])
    else:
        deviation, odd = _field_driven(params, mesh, rates, source, slope)
    scale = 1.0 / (1.0 + _dot(mesh.weights, deviation) / _dot(mesh.weights, source))
    return Discrete(params, mesh, (source + deviation) * scale, deviation * scale,
                    odd * scale, source, rates[0], rates[1], scale, linear)


def _field_driven(params: KineticParams, mesh: Mesh, rates: tuple[FloatArray, FloatArray],
                  source: FloatArray, slope: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Return the deviation ``d`` and the odd part ``o`` for a field beyond linear response.

    ``d`` and ``o`` depend on ``F`` and the rates only through ``F / r``, so both are
    divided by a power of two near ``max r_m`` when the rates leave ``[2**-64, 2**64]``:
    exact, and it keeps ``F**2`` and ``r_in r_m`` finite (e.g. ``ratio = 1e-300``).
    """
    unit = _rate_unit(rates[0] + rates[1])
    scaled = (rates[0] / unit, rates[1] / unit)
    field = abs(params.field) / unit
    deviation = solve_deviation(mesh, field, scaled, source, slope)
    odd = odd_part(mesh, field, scaled, deviation, slope, fermi_edge(params.eta))
    return deviation, -odd if params.field < 0.0 else odd


def _rate_unit(rate_m: FloatArray) -> float:
    """Return ``1``, or a power of two near ``max rate_m`` if that lies outside ``2**+-64``."""
    exponent = int(np.frexp(np.max(rate_m))[1])
    return 1.0 if abs(exponent) <= 64 else float(np.ldexp(1.0, exponent - 1))


@dataclass(frozen=True)
class Observables:
    """Dimensionless observables of one solution (units: :mod:`symcond.kinetic.params`).

    ``outflow = (2 F / pi) X**2 o(X)`` is the energy flux through the domain end: on
    ``|x| <= X``, Eq. (9) times ``x**2`` gives ``joule_power = inelastic_loss + outflow``.
    """

    density: float
    current: float
    G_G0: float
    mean_energy: float
    joule_power: float
    inelastic_loss: float
    outflow: float
    density_residual: float
    restoring_residual: float


def observables(sol: Discrete) -> Observables:
    """Return the observables of ``sol``.

    In linear response the current is ``F`` times the computed slope, ``G`` is the slope
    itself, and the inelastic loss is set to the Joule power: integrating ``x**2`` times
    the ``O(F**2)`` even part of Eq. (9) by parts gives exactly that equality.
    """
    field, peak = sol.params.field, fermi_peak(sol.params.eta)
    moments = _moments(sol)
    n_eq, n_f, flux, loss, energy = (2.0 * peak * v for v in moments)
    ratio = n_eq / mean_abs_velocity_integral(sol.params.eta)
    slope = moments[2] * ratio if sol.linear else moments[2] * ratio / field
    current = field * flux if sol.linear else flux
    outflow = 0.0 if sol.linear else 2.0 * peak * field * sol.mesh.edges[-1] ** 2 * sol.odd[-1]
    joule = 2.0 * field * current
    return Observables(
        density=n_f / np.pi,
        current=current / np.pi,
        G_G0=2.0 * peak * slope,
        mean_energy=energy / n_f,
        joule_power=joule / np.pi,
        inelastic_loss=(joule if sol.linear else loss) / np.pi,
        outflow=outflow / np.pi,
        density_residual=abs(n_f / n_eq - 1.0),
        restoring_residual=abs(_dot(sol.mesh.weights, sol.rate_in * sol.deviation)
                               / (sol.restoring * _dot(sol.mesh.weights, sol.rate_in * sol.source))),
    )


def _moments(sol: Discrete) -> tuple[float, float, float, float, float]:
    """Return half-line integrals of ``s``, ``u``, ``x o``, ``x**2 r_in d`` and ``x**2 u``."""
    w, x = sol.mesh.weights, sol.mesh.nodes
    return (_dot(w, sol.source), _dot(w, sol.even), _dot(w, x * sol.odd),
            _dot(w, x * x * (sol.rate_in * sol.deviation)), _dot(w, x * x * sol.even))


def _dot(a: FloatArray, b: FloatArray) -> float:
    """Return ``sum(a * b)`` without BLAS (avoids thread contention on shared cores)."""
    return float(np.einsum("i,i->", a, b))
