"""Spectral-element meshes on the half line ``0 <= x <= X`` (Gauss-Lobatto-Legendre nodes).

A mesh is a sorted array of element edges and one polynomial degree ``p``; each element
carries the ``p + 1`` Gauss-Lobatto-Legendre (GLL) nodes mapped onto it, neighbours share
their end node, so a mesh of ``E`` elements has ``E p + 1`` nodes.

References
----------
.. [1] C. Canuto, M. Y. Hussaini, A. Quarteroni, T. A. Zang, *Spectral Methods:
   Fundamentals in Single Domains* (Springer, 2006), Sec. 2.2.3 (GLL rule) and
   Sec. 2.3 (differentiation matrix).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.polynomial import legendre
from numpy.typing import NDArray

__all__ = ["GLLRule", "Mesh", "gll_rule"]

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class GLLRule:
    """GLL nodes, weights, differentiation and Legendre-transform matrices on [-1, 1]."""

    nodes: FloatArray
    weights: FloatArray
    diff: FloatArray
    to_legendre: FloatArray
    bary: FloatArray


@lru_cache(maxsize=16)
def gll_rule(degree: int) -> GLLRule:
    """Return the GLL rule of polynomial ``degree`` (``degree + 1`` nodes).

    Examples
    --------
    >>> rule = gll_rule(4)
    >>> round(float(rule.weights.sum()), 14), np.allclose(rule.diff @ rule.nodes, 1.0)
    (2.0, True)
    """
    c = np.zeros(degree + 1)
    c[-1] = 1.0
    inner = np.sort(legendre.legroots(legendre.legder(c)).real)
    nodes = np.concatenate(([-1.0], inner, [1.0]))
    p_n = legendre.legval(nodes, c)
    weights = 2.0 / (degree * (degree + 1) * p_n**2)
    vander = legendre.legvander(nodes, degree)
    bary = 1.0 / np.prod(nodes[:, None] - nodes[None, :] + np.eye(degree + 1), axis=1)
    diff = _diff_matrix(nodes, bary)
    rule = GLLRule(nodes, np.asarray(weights, dtype=float), diff,
                   np.asarray(np.linalg.inv(vander), dtype=float), bary)
    for array in (nodes, weights, diff, rule.to_legendre, bary):
        array.setflags(write=False)
    return rule


def _diff_matrix(nodes: FloatArray, bary: FloatArray) -> FloatArray:
    """Return the barycentric differentiation matrix for ``nodes`` with weights ``bary``."""
    gap = nodes[:, None] - nodes[None, :]
    np.fill_diagonal(gap, 1.0)
    diff = (bary[None, :] / bary[:, None]) / gap
    np.fill_diagonal(diff, 0.0)
    np.fill_diagonal(diff, -diff.sum(axis=1))
    return diff


@dataclass(frozen=True, eq=False)
class Mesh:
    """Element edges ``0 = e_0 < ... < e_E = X`` (units of ``k_T``) and a degree ``p``.

    Examples
    --------
    >>> mesh = Mesh(np.array([0.0, 1.0, 3.0]), 4)
    >>> mesh.n_nodes, float(mesh.weights.sum())
    (9, 3.0)
    """

    edges: FloatArray
    degree: int

    @property
    def n_elements(self) -> int:
        """Number of elements ``E``."""
        return len(self.edges) - 1

    @property
    def n_nodes(self) -> int:
        """Number of distinct nodes ``E p + 1``."""
        return self.n_elements * self.degree + 1

    @property
    def half_widths(self) -> FloatArray:
        """Half width of each element (units of ``k_T``)."""
        return 0.5 * np.diff(self.edges)

    @property
    def element_nodes(self) -> FloatArray:
        """Node positions, shape ``(E, p + 1)``; shared end nodes appear twice."""
        mid = 0.5 * (self.edges[1:] + self.edges[:-1])
        return mid[:, None] + self.half_widths[:, None] * gll_rule(self.degree).nodes[None, :]

    @property
    def nodes(self) -> FloatArray:
        """The distinct node positions in increasing order, shape ``(E p + 1,)``."""
        return self.gather(self.element_nodes)

    @property
    def element_weights(self) -> FloatArray:
        """GLL quadrature weights on each element, shape ``(E, p + 1)``."""
        return self.half_widths[:, None] * gll_rule(self.degree).weights[None, :]

    @property
    def weights(self) -> FloatArray:
        """Quadrature weights of the distinct nodes (shared nodes summed)."""
        total = np.zeros(self.n_nodes)
        np.add.at(total, self.global_index, self.element_weights)
        return total

    @property
    def global_index(self) -> NDArray[np.intp]:
        """Global node number of each element node, shape ``(E, p + 1)``."""
        local = np.arange(self.degree + 1)
        return np.arange(self.n_elements)[:, None] * self.degree + local[None, :]

    def gather(self, per_element: FloatArray) -> FloatArray:
        """Return the distinct-node vector from per-element values (left value kept)."""
        flat = per_element[:, :-1].reshape(-1)
        return np.concatenate((flat, per_element[-1, -1:]))

    def scatter(self, values: FloatArray) -> FloatArray:
        """Return per-element values, shape ``(E, p + 1)``, from a distinct-node vector."""
        return np.asarray(values)[self.global_index]

    def bisect(self, marked: NDArray[np.bool_] | None = None) -> Mesh:
        """Return the mesh with the ``marked`` elements (default: all) split in two."""
        if marked is None:
            marked = np.ones(self.n_elements, dtype=bool)
        mids = 0.5 * (self.edges[1:] + self.edges[:-1])[marked]
        return Mesh(np.sort(np.concatenate((self.edges, mids))), self.degree)

    def legendre_tail(self, values: FloatArray) -> FloatArray:
        """Return, per element, the size of the last two Legendre coefficients of ``values``."""
        coeffs = np.einsum("ej,ij->ei", self.scatter(values), gll_rule(self.degree).to_legendre)
        return np.abs(coeffs[:, -2:]).max(axis=1)

    def evaluate(self, values: FloatArray, x: FloatArray) -> FloatArray:
        """Interpolate the piecewise polynomial with node ``values`` at points ``x``."""
        x = np.asarray(x, dtype=float)
        element = np.clip(np.searchsorted(self.edges, x, side="right") - 1, 0, self.n_elements - 1)
        mid = 0.5 * (self.edges[element] + self.edges[element + 1])
        xi = (x - mid) / self.half_widths[element]
        rule = gll_rule(self.degree)
        gap = xi[:, None] - rule.nodes[None, :]
        exact = np.isclose(gap, 0.0, rtol=0.0, atol=1e-15)
        gap[exact] = 1.0
        terms = rule.bary[None, :] / gap
        local = self.scatter(values)[element]
        result = (terms * local).sum(axis=1) / terms.sum(axis=1)
        hit = exact.any(axis=1)
        result[hit] = local[hit][exact[hit]]
        return result
