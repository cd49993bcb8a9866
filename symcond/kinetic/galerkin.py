"""Spectral-element Galerkin solution of the even/odd split of Eq. (9) on one mesh.

Write ``f = u + o`` with ``u`` even and ``o`` odd in ``x``, rates ``r_in = 1/t_in`` and
``r_el = 1/t_el``, ``r_m = r_in + r_el``, and fix the homogeneous equation by ``C = 1``.
The even and odd parts of Eq. (9) are, for ``F > 0``,

    F o' = -r_in (u - s),      F u' = -r_m o,      s = f_eq / f_eq(0),

so ``o = -F u' / r_m`` and ``u`` solves the self-adjoint second-order problem

    -F**2 (u' / r_m)' + r_in u = r_in s,    u'(0) = 0.

The unknown is the deviation ``d = u - s``, which obeys the same operator with the load
``-Integral F**2 s' v' / r_m dx`` (``s'`` known in closed form): the inelastic loss and
``o = -(1/F) Integral r_in d`` are then free of the cancellation ``u - s``, even when ``d``
is ``1e-10`` of ``s``.  At the domain end ``X`` the deviation keeps only the mode that
decays as ``x -> inf`` while ``s`` passes through adiabatically,
``o(X) = -F s'(X) / r_m + sqrt(r_in / r_m) d(X)``, which adds ``F**2 s'(X) v(X) / r_m`` to
the load.  Its weak form is symmetric
positive definite whenever ``r_in > 0`` somewhere (:class:`~symcond.kinetic.operator.
EvenOperator`).  Iterative refinement with the residual in ``numpy.longdouble`` removes the
round-off that the stiffness ``F**2 p**4 / h**2`` would otherwise amplify (on platforms
where ``longdouble`` is plain double it does nothing and errors stay near ``1e-12``).

References
----------
.. [1] A. Das and F. Green (2003), Eq. (9).
.. [2] A. T. Patera, J. Comput. Phys. 54, 468 (1984): the spectral element method.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.polynomial import legendre
from numpy.typing import NDArray

from symcond.kinetic.mesh import Mesh, gll_rule
from symcond.kinetic.operator import EvenOperator

__all__ = ["BROAD", "REFINEMENT_STEPS", "odd_part", "solve_deviation"]

FloatArray = NDArray[np.float64]

#: Steps of iterative refinement with an extended-precision residual.
REFINEMENT_STEPS = 2
#: Below this peak ratio ``max u / max s`` the even part is solved for directly.
BROAD = 0.1


def solve_deviation(
    mesh: Mesh, field: float, rates: tuple[FloatArray, FloatArray],
    source: FloatArray, slope: FloatArray,
) -> FloatArray:
    """Return ``d = u - s`` at the mesh nodes (normalised by ``C = 1``).

    When the field spreads the distribution so far that ``max u < BROAD max s``, ``d``
    is close to ``-s`` and its round-off would swamp ``u``; ``u`` itself is then solved
    for (load ``r_in s`` plus the end terms) and ``d = u - s`` returned.

    Parameters
    ----------
    mesh : Mesh
        Spectral-element mesh of ``[0, X]`` (units of ``k_T``), degree ``p >= 2``.
    field : float
        ``F > 0`` (dimensionless, see :mod:`symcond.kinetic.params`).
    rates : tuple of ndarray
        ``(tau_el0 / tau_in, tau_el0 / tau_el)`` at the nodes (``>= 0``).
    source, slope : ndarray
        ``s = f_eq / f_eq(0)`` and ``ds/dx`` at the nodes.

    Returns
    -------
    ndarray
        The deviation ``d`` at the nodes.

    Raises
    ------
    SolverError
        If the matrix is not positive definite (no dissipation anywhere).
    """
    operator = EvenOperator(mesh, field, *rates)
    deviation = _refined_solve(operator, _deviation_load(operator, field, rates, slope))
    if np.max(np.abs(source + deviation)) >= BROAD * np.max(source):
        return deviation
    return _refined_solve(operator, _even_load(operator, field, rates, source, slope)) - source


def _refined_solve(operator: EvenOperator, load: NDArray[np.longdouble]) -> FloatArray:
    """Solve ``A v = load`` with :data:`REFINEMENT_STEPS` extended-precision refinements."""
    values = operator.solve(np.asarray(load, dtype=float))
    for _ in range(REFINEMENT_STEPS):
        values = values + operator.solve(operator.residual(load, values))
    return values


def _even_load(
    operator: EvenOperator, field: float, rates: tuple[FloatArray, FloatArray],
    source: FloatArray, slope: FloatArray,
) -> NDArray[np.longdouble]:
    """Return the load ``Integral r_in s v dx`` plus the end terms of the ``u`` problem."""
    ext, rate_in = np.longdouble, rates[0]
    load = operator.mesh.weights.astype(ext) * rate_in.astype(ext) * source.astype(ext)
    end = ext(operator.robin) * ext(source[-1])
    load[-1] += end + ext(field) ** 2 * ext(slope[-1]) / (ext(rate_in[-1]) + ext(rates[1][-1]))
    return load


def _deviation_load(
    operator: EvenOperator, field: float, rates: tuple[FloatArray, FloatArray], slope: FloatArray
) -> NDArray[np.longdouble]:
    """Return the load of the deviation problem, summed in ``numpy.longdouble``.

    The load is ``O(F**2)``; rounding its sums in double precision would leave an error
    of ``1e-16 F**2 / r_in`` in ``d`` that no refinement step could remove.
    """
    ext, mesh = np.longdouble, operator.mesh
    flux = (operator.coef * mesh.half_widths[:, None]).astype(ext) * mesh.scatter(slope).astype(ext)
    load = np.zeros(mesh.n_nodes, dtype=ext)
    np.add.at(load, mesh.global_index, -np.einsum("eq,qi->ei", flux, gll_rule(mesh.degree).diff.astype(ext)))
    load[-1] += ext(field) ** 2 * ext(slope[-1]) / (ext(rates[0][-1]) + ext(rates[1][-1]))
    return load


def odd_part(
    mesh: Mesh, field: float, rates: tuple[FloatArray, FloatArray],
    deviation: FloatArray, even_slope: FloatArray, edge: float,
) -> FloatArray:
    """Return the odd part ``o`` at the nodes (``F > 0``).

    For ``F < 0.1`` uses ``o = -F u' / r_m`` with ``u' = s' + d'`` (nodal derivative of
    ``d``, averaged across element ends).  Otherwise integrates ``F o' = -r_in d``: from
    ``x = 0`` (``o(0) = 0``) up to the Fermi edge ``x_c = edge`` or the peak of ``|o|``,
    whichever is farther, and from ``x = X`` (the boundary condition above) beyond, so
    both the small ``o`` near ``x = 0`` and the small tail keep their relative accuracy.
    The two agree: the weak form tested with ``v = 1`` is exactly the discrete flux balance.
    """
    rate_in, rate_el = rates
    rate_m = rate_in + rate_el
    if field < 0.1:
        return -field * (even_slope + _nodal_derivative(mesh, deviation)) / rate_m
    left = _cumulative_integral(mesh, rate_in * deviation)
    end_value = (-field * even_slope[-1] + np.sqrt(rate_in[-1] * rate_m[-1]) * deviation[-1]) / rate_m[-1]
    right = end_value + (left[-1] - left) / field
    switch = max(edge, float(mesh.nodes[np.argmax(np.abs(left))]))
    return np.where(mesh.nodes <= switch, -left / field, right)


def _nodal_derivative(mesh: Mesh, values: FloatArray) -> FloatArray:
    """Return ``d values / dx`` at the nodes, averaging the two sides at element ends."""
    rule = gll_rule(mesh.degree)
    local = np.einsum("ej,ij->ei", mesh.scatter(values), rule.diff) / mesh.half_widths[:, None]
    total = np.zeros(mesh.n_nodes)
    count = np.zeros(mesh.n_nodes)
    np.add.at(total, mesh.global_index, local)
    np.add.at(count, mesh.global_index, 1.0)
    return total / count


def _cumulative_integral(mesh: Mesh, values: FloatArray) -> FloatArray:
    """Return ``Integral_0^x values dy`` at the nodes (spectrally accurate)."""
    local = np.einsum("ej,ij->ei", mesh.scatter(values), _integration_matrix(mesh.degree))
    local *= mesh.half_widths[:, None]
    offsets = np.concatenate(([0.0], np.cumsum(local[:, -1])[:-1]))
    return mesh.gather(local + offsets[:, None])


@lru_cache(maxsize=16)
def _integration_matrix(degree: int) -> FloatArray:
    """Return ``Q`` with ``(Q g)_i = Integral_{-1}^{xi_i} g`` for GLL nodal values ``g``."""
    rule = gll_rule(degree)
    coeffs = legendre.legint(rule.to_legendre, axis=0, lbnd=-1.0)
    return np.asarray(legendre.legvander(rule.nodes, degree + 1) @ coeffs)
