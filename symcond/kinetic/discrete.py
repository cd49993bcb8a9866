"""One solution of Eq. (9) on one mesh, and the observables computed from it.

All integrals are GLL quadratures over the half line, doubled by parity; ``f`` and ``f_eq``
are carried divided by the peak ``f_eq(0)`` and multiplied back in the observables.
Units: :mod:`symcond.kinetic.params`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from symcond.kinetic.domain import fermi_edge
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
    ``restoring``.  For ``field = 0`` the odd part is the linear-response slope ``do/dF``.
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

    def at(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Return ``(u, o)`` interpolated at points ``0 <= x <= X``."""
        return self.mesh.evaluate(self.even, x), self.mesh.evaluate(self.odd, x)


def solve_on_mesh(params: KineticParams, mesh: Mesh) -> Discrete:
    """Solve Eq. (9) on ``mesh`` and normalise by ``<f> = <f_eq>``."""
    x = mesh.nodes
    source = scaled_fermi(x, params.eta)
    source[source < _FLUSH] = 0.0
    slope = -2.0 * x * source * scaled_fermi_slope_factor(x, params.eta)
    rates = collision_rates(params, x)
    check_positive_total(*rates, x)
    field = abs(params.field)
    if field == 0.0:
        deviation, odd = np.zeros_like(x), -slope / (rates[0] + rates[1])
    else:
        deviation = solve_deviation(mesh, field, rates, source, slope)
        odd = odd_part(mesh, field, rates, deviation, slope, fermi_edge(params.eta))
    scale = 1.0 / (1.0 + _dot(mesh.weights, deviation) / _dot(mesh.weights, source))
    sign = -1.0 if params.field < 0.0 else 1.0
    return Discrete(params, mesh, (source + deviation) * scale, deviation * scale,
                    sign * odd * scale, source, rates[0], rates[1], scale)


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
    """Return the observables of ``sol`` (``field = 0``: linear-response ``G``)."""
    field, peak = sol.params.field, fermi_peak(sol.params.eta)
    n_eq, n_f, flux, loss, energy = (2.0 * peak * v for v in _moments(sol))
    ratio = n_eq / mean_abs_velocity_integral(sol.params.eta)
    linear = field == 0.0
    return Observables(
        density=n_f / np.pi,
        current=0.0 if linear else flux / np.pi,
        G_G0=flux * ratio if linear else flux * ratio / field,
        mean_energy=energy / n_f,
        joule_power=2.0 * field * flux / np.pi,
        inelastic_loss=loss / np.pi,
        outflow=0.0 if linear else 2.0 * peak * field * sol.mesh.edges[-1] ** 2 * sol.odd[-1] / np.pi,
        density_residual=abs(n_f / n_eq - 1.0),
        restoring_residual=abs(_dot(sol.mesh.weights, sol.rate_in * sol.deviation)
                               / (sol.restoring * _dot(sol.mesh.weights, sol.rate_in * sol.source))),
    )


def _moments(sol: Discrete) -> tuple[float, float, float, float, float]:
    """Return half-line integrals of ``s``, ``u``, ``x o``, ``x**2 r_in d`` and ``x**2 u``."""
    w, x = sol.mesh.weights, sol.mesh.nodes
    return (_dot(w, sol.source), _dot(w, sol.even), _dot(w, x * sol.odd),
            _dot(w, x * x * sol.rate_in * sol.deviation), _dot(w, x * x * sol.even))


def _dot(a: FloatArray, b: FloatArray) -> float:
    """Return ``sum(a * b)`` without BLAS (avoids thread contention on shared cores)."""
    return float(np.einsum("i,i->", a, b))
