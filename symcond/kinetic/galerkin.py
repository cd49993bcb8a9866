"""Spectral-element Galerkin solution of the even/odd split of Eq. (9) on one mesh.

Write ``f = u + o`` with ``u`` even and ``o`` odd in ``x``, rates ``r_in = 1/t_in`` and
``r_el = 1/t_el``, ``r_m = r_in + r_el``, and fix the homogeneous equation by ``C = 1``.
The odd and even parts of Eq. (9) are, for ``F > 0``,

    F u' = -r_m o,            F o' = -r_in (u - s),      s = f_eq / f_eq(0),

so ``o = -F u' / r_m`` and ``u`` solves the self-adjoint second-order problem

    -F**2 (u' / r_m)' + r_in u = r_in s,    u'(0) = 0,    o(X) = sqrt(r_in / r_m) u(X),

the last condition keeping only the mode that decays as ``x -> inf``.  Its weak form is
symmetric positive definite whenever ``r_in > 0`` somewhere.  With GLL quadrature each
element couples only its own ``p + 1`` nodes: the interior nodes are eliminated element by
element (static condensation, vectorised over elements, no BLAS threads), leaving a
tridiagonal SPD system on the element ends (LAPACK ``ptsv``).  The cost is ``O(N p**2)``,
linear in the number of nodes ``N`` at fixed degree ``p``.

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
from scipy.linalg import lapack

from symcond.errors import SolverError
from symcond.kinetic.mesh import Mesh, gll_rule

__all__ = ["odd_part", "solve_even_part"]

FloatArray = NDArray[np.float64]


def solve_even_part(
    mesh: Mesh, field: float, rate_in: FloatArray, rate_el: FloatArray, source: FloatArray
) -> FloatArray:
    """Return the even part ``u`` at the mesh nodes (normalised by ``C = 1``).

    One step of iterative refinement with the residual in extended precision
    (``numpy.longdouble``) removes the round-off that the stiffness ``F**2 p**4 / h**2``
    would otherwise amplify.

    Parameters
    ----------
    mesh : Mesh
        Spectral-element mesh of ``[0, X]`` (units of ``k_T``), degree ``p >= 2``.
    field : float
        ``F > 0`` (dimensionless, see :mod:`symcond.kinetic.params`).
    rate_in, rate_el : ndarray
        ``tau_el0 / tau_in`` and ``tau_el0 / tau_el`` at the nodes (``>= 0``).
    source : ndarray
        Scaled equilibrium occupation ``f_eq / f_eq(0)`` at the nodes.

    Returns
    -------
    ndarray
        ``u`` at the nodes.

    Raises
    ------
    SolverError
        If the matrix is not positive definite (no dissipation anywhere).
    """
    operator = EvenOperator(mesh, field, rate_in, rate_el)
    load = mesh.weights * rate_in * source
    even = operator.solve(load)
    for _ in range(REFINEMENT_STEPS):
        even = even + operator.solve(operator.residual(load, even))
    return even


#: Steps of iterative refinement with an extended-precision residual.
REFINEMENT_STEPS = 2


class EvenOperator:
    """The SEM matrix of the even problem, factorised by static condensation.

    Each element couples only its own ``p + 1`` nodes; the ``p - 1`` interior nodes are
    eliminated element by element (vectorised over elements, no BLAS threads), leaving a
    tridiagonal SPD system on the element ends (LAPACK ``pttrf``/``pttrs``).  Setting up
    costs ``O(E p**3) = O(N p**2)``, each solve ``O(N p)``.
    """

    def __init__(self, mesh: Mesh, field: float, rate_in: FloatArray, rate_el: FloatArray):
        rule = gll_rule(mesh.degree)
        self.mesh = mesh
        self.coef = field**2 * mesh.scatter(1.0 / (rate_in + rate_el)) * rule.weights / mesh.half_widths[:, None]
        self.mass = mesh.element_weights * mesh.scatter(rate_in)
        self.robin = field * float(np.sqrt(rate_in[-1] / (rate_in[-1] + rate_el[-1])))
        matrix = np.einsum("eq,qi,qj->eij", self.coef, rule.diff, rule.diff)
        idx = np.arange(mesh.degree + 1)
        matrix[:, idx, idx] += self.mass
        self.inner = _BatchedCholesky(matrix[:, 1:-1, 1:-1])
        self.coupling = matrix[:, 1:-1][:, :, [0, -1]]
        self.lifted = self.inner.solve(self.coupling)
        schur = matrix[:, [0, -1]][:, :, [0, -1]] - np.einsum("eib,eic->ebc", self.coupling, self.lifted)
        self.ends = _Tridiagonal(schur, self.robin)

    def solve(self, load: FloatArray) -> FloatArray:
        """Return ``A^{-1} load`` for an assembled load vector (one value per node)."""
        per_element = self.mesh.scatter(load).copy()
        per_element[1:, 0] = 0.0
        inner = self.inner.solve(per_element[:, 1:-1, None])[:, :, 0]
        reduced = per_element[:, [0, -1]] - np.einsum("eib,ei->eb", self.coupling, inner)
        ends = self.ends.solve(reduced)
        pair = np.stack((ends[:-1], ends[1:]), axis=1)
        interior = inner - np.einsum("eib,eb->ei", self.lifted, pair)
        return self.mesh.gather(np.concatenate((ends[:-1, None], interior, ends[1:, None]), axis=1))

    def residual(self, load: FloatArray, values: FloatArray) -> FloatArray:
        """Return ``load - A values`` computed in ``numpy.longdouble``, rounded to float."""
        ext = np.longdouble
        diff = gll_rule(self.mesh.degree).diff.astype(ext)
        local = self.mesh.scatter(values).astype(ext)
        flux = self.coef.astype(ext) * np.einsum("qj,ej->eq", diff, local)
        applied = np.einsum("qi,eq->ei", diff, flux) + self.mass.astype(ext) * local
        total = np.zeros(self.mesh.n_nodes, dtype=ext)
        np.add.at(total, self.mesh.global_index, applied)
        total[-1] += ext(self.robin) * ext(values[-1])
        return np.asarray(load.astype(ext) - total, dtype=float)


class _BatchedCholesky:
    """LDL^T factors of a stack of SPD matrices ``(E, m, m)``, computed without BLAS."""

    def __init__(self, matrix: FloatArray):
        a = matrix.copy()
        for j in range(a.shape[1]):
            a[:, j + 1:, j] /= a[:, j, j, None]
            a[:, j + 1:, j + 1:] -= a[:, j + 1:, j, None] * a[:, None, j, j + 1:]
        self.factor = a

    def solve(self, rhs: FloatArray) -> FloatArray:
        """Solve every system for right-hand sides ``(E, m, k)``."""
        a, b = self.factor, rhs.copy()
        m = a.shape[1]
        for j in range(m):
            b[:, j + 1:, :] -= a[:, j + 1:, j, None] * b[:, None, j, :]
        for j in range(m - 1, -1, -1):
            tail = np.einsum("ei,eik->ek", a[:, j, j + 1:], b[:, j + 1:, :])
            b[:, j, :] = (b[:, j, :] - tail) / a[:, j, j, None]
        return b


class _Tridiagonal:
    """Assembled tridiagonal SPD system on the element ends, factorised by ``pttrf``."""

    def __init__(self, schur: FloatArray, robin: float):
        n = schur.shape[0] + 1
        diag = np.zeros(n)
        diag[:-1] += schur[:, 0, 0]
        diag[1:] += schur[:, 1, 1]
        diag[-1] += robin
        self.d, self.e, info = lapack.dpttrf(diag, schur[:, 0, 1].copy())
        if info != 0:
            raise SolverError(
                f"the discretised Eq. (9) is not positive definite (LAPACK pttrf info {info})"
            )

    def solve(self, reduced: FloatArray) -> FloatArray:
        """Return the end values for element-wise reduced loads ``(E, 2)``."""
        rhs = np.zeros(len(self.d))
        rhs[:-1] += reduced[:, 0]
        rhs[1:] += reduced[:, 1]
        ends, _ = lapack.dpttrs(self.d, self.e, rhs)
        return np.asarray(ends)


def odd_part(
    mesh: Mesh, field: float, rate_in: FloatArray, rate_m: FloatArray,
    even: FloatArray, source: FloatArray, edge: float,
) -> FloatArray:
    """Return the odd part ``o`` at the nodes from the even part ``u`` (``F > 0``).

    For ``F < 0.1`` uses ``o = -F u' / r_m`` (nodal derivative, averaged across element
    ends).  Otherwise integrates the even equation, ``F o' = -r_in (u - s)``: from ``x = 0``
    (``o(0) = 0``) below the Fermi edge ``x_c = edge``, and from ``x = X``
    (``o(X) = sqrt(r_in / r_m) u(X)``) above it, so that the small tail keeps its relative
    accuracy.  The two agree: the weak form with test function 1 is exactly the discrete
    flux balance.
    """
    if field < 0.1:
        return -field * _nodal_derivative(mesh, even) / rate_m
    integrand = rate_in * (even - source)
    left = _cumulative_integral(mesh, integrand)
    end_value = float(np.sqrt(rate_in[-1] / rate_m[-1])) * even[-1]
    right = end_value + (left[-1] - left) / field
    return np.where(mesh.nodes < edge, -left / field, right)


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
