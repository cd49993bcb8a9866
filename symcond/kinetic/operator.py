"""The spectral-element matrix of the even problem of Eq. (9), factorised in ``O(N)``.

The matrix is the GLL-quadrature weak form of ``-F**2 (u' / r_m)' + r_in u`` on
``[0, X]`` with the natural condition ``u'(0) = 0`` and the Robin condition
``F**2 u'(X) / r_m = -F sqrt(r_in / r_m) u(X)`` (see :mod:`symcond.kinetic.galerkin`).
Each element couples only its own ``p + 1`` nodes, so the interior nodes are eliminated
element by element (static condensation, vectorised over elements, without BLAS calls
that would spawn threads), leaving a tridiagonal SPD system on the element ends that
LAPACK ``pttrf``/``pttrs`` solve.  Set-up costs ``O(N p**2)``, each solve ``O(N p)``.

References
----------
.. [1] M. O. Deville, P. F. Fischer, E. H. Mund, *High-Order Methods for Incompressible
   Fluid Flow* (Cambridge, 2002), Sec. 4.5 (static condensation).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.linalg import lapack

from symcond.errors import SolverError
from symcond.kinetic.mesh import Mesh, gll_rule

__all__ = ["EvenOperator"]

FloatArray = NDArray[np.float64]


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
        self.element_matrices = matrix
        self.inner = _BatchedCholesky(matrix[:, 1:-1, 1:-1])
        self.coupling = matrix[:, 1:-1][:, :, [0, -1]]
        self.lifted = self.inner.solve(self.coupling)
        schur = matrix[:, [0, -1]][:, :, [0, -1]] - np.einsum("eib,eic->ebc", self.coupling, self.lifted)
        self.ends = _Tridiagonal(schur, self.robin)

    def dense(self) -> FloatArray:
        """Return the assembled ``N x N`` matrix (for cross-checks and dense baselines only).

        Examples
        --------
        >>> mesh = Mesh(np.array([0.0, 1.0, 2.5]), 4)
        >>> op = EvenOperator(mesh, 1.0, np.ones(9), np.ones(9))
        >>> load = np.linspace(1.0, 2.0, 9)
        >>> bool(np.allclose(op.solve(load), np.linalg.solve(op.dense(), load), rtol=1e-13))
        True
        """
        n, idx = self.mesh.n_nodes, self.mesh.global_index
        full = np.zeros((n, n))
        np.add.at(full, (idx[:, :, None], idx[:, None, :]), self.element_matrices)
        full[-1, -1] += self.robin
        return full

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

    def residual(self, load: NDArray[np.longdouble], values: FloatArray) -> FloatArray:
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
