"""Exact, vectorised sampling of wave vectors from ``f_eq(x) * weight(x**2)`` on the line.

The density is even in ``x``; ``|x|`` is drawn by rejection from a piecewise-constant
envelope on fine cells of ``[0, X]`` (cells narrow enough that ``x**2`` changes by at most
``0.05`` across one), and the sign is drawn separately.  ``f_eq`` decreases with ``|x|``, so
its maximum on a cell is at the left end; a non-constant ``weight`` is bounded on each cell
by its largest value on nine points times ``1 + WEIGHT_SLACK``.  A draw that finds the
density above its envelope is counted in :attr:`EnvelopeSampler.violations`.

Units: :mod:`symcond.kinetic.params` (``x = k / k_T``, energies ``x**2`` in ``k_B T``).

Examples
--------
Draw from ``f_eq`` at ``eta = 0`` and compare ``<x**2> = F_{1/2}(eta) / (2 F_{-1/2}(eta))``
(normalised Fermi-Dirac integrals) within three standard errors:

>>> from symcond.special import fermi_dirac
>>> x = EnvelopeSampler(eta=0.0).draw(100_000, np.random.default_rng(1))
>>> exact = fermi_dirac(0.5, 0.0) / (2.0 * fermi_dirac(-0.5, 0.0))
>>> bool(abs(np.mean(x * x) - exact) < 3.0 * np.std(x * x) / np.sqrt(x.size))
True
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

from symcond.errors import DefinitionError, SolverError
from symcond.kinetic.params import ETA_MAX, ETA_MIN

__all__ = ["TAIL", "WEIGHT_SLACK", "EnvelopeSampler", "alias_table", "support_end"]

FloatArray = NDArray[np.float64]
Weight = Callable[[FloatArray], FloatArray]

#: The density beyond the sampled range is below ``TAIL`` times its peak (neglected).
TAIL = 1e-17
#: Relative safety margin on the envelope of a non-constant weight.
WEIGHT_SLACK = 0.02
#: Largest change of ``x**2`` (energy in ``k_B T``) across one envelope cell.
CELL_ENERGY = 0.05


def support_end(eta: float) -> float:
    """Return ``X`` with ``f_eq(x) / f_eq(0) < TAIL`` for ``|x| > X`` (units ``k_T``).

    Examples
    --------
    >>> bool(expit(3.0 - support_end(3.0) ** 2) / expit(3.0) < TAIL)
    True
    """
    return float(np.sqrt(max(eta, 0.0) - np.log(TAIL) + 2.0))


def _cell_edges(end: float) -> FloatArray:
    """Return cell edges on ``[0, end]``: step ``<= 0.05`` in ``x`` and ``<= 0.05`` in ``x**2``."""
    inner = np.arange(0.0, 0.5, CELL_ENERGY)
    count = int(np.ceil((end * end - 0.25) / CELL_ENERGY)) + 1
    outer = np.sqrt(0.25 + CELL_ENERGY * np.arange(max(count, 1)))
    edges = np.concatenate((inner, outer[outer < end], [end]))
    return edges


class EnvelopeSampler:
    """Draw ``x`` with probability density proportional to ``f_eq(x) * weight(x**2)``.

    Parameters
    ----------
    eta : float
        Reduced chemical potential ``(mu - eps_i) / k_B T``.
    weight : callable or None, default None
        Non-negative weight of the energy ``x**2`` (array in, array out); ``None`` is 1.
        The inelastic re-draw of Eq. (9) uses ``weight = 1 / tau_in``.

    Raises
    ------
    SolverError
        If the weighted density vanishes everywhere or is not finite.
    """

    def __init__(self, eta: float, weight: Weight | None = None) -> None:
        if not ETA_MIN <= eta <= ETA_MAX:
            raise DefinitionError(f"'eta' must lie in [{ETA_MIN:g}, {ETA_MAX:g}] (got {eta!r})")
        self.eta, self.weight, self.violations = eta, weight, 0
        edges = _cell_edges(support_end(eta))
        self.left, self.width = edges[:-1], np.diff(edges)
        bound = self._weight_bound()
        envelope = expit(eta - self.left**2) * bound
        if not np.all(np.isfinite(envelope)) or not np.any(envelope > 0.0):
            raise SolverError("the re-draw density f_eq / tau_in must be positive and finite somewhere")
        # f_eq(x) / f_eq(a) = 1 / (1 + expm1(x**2 - a**2) (1 - f_eq(a))) on the cell [a, b].
        self.empty = expit(self.left**2 - eta)
        self.inverse_bound = np.divide(1.0, bound, out=np.zeros_like(bound), where=bound > 0.0)
        self.keep, self.alias = alias_table(envelope * self.width)

    def _weight_bound(self) -> FloatArray:
        """Return the weight's bound on each cell (ones if there is no weight)."""
        if self.weight is None:
            return np.ones_like(self.left)
        probe = self.left[:, None] + self.width[:, None] * np.linspace(0.0, 1.0, 9)[None, :]
        values = np.asarray(self.weight(probe**2), dtype=float)
        return np.max(values, axis=1) * (1.0 + WEIGHT_SLACK)

    def density(self, x: FloatArray) -> FloatArray:
        """Return the unnormalised density ``f_eq(x) * weight(x**2)`` (dimensionless)."""
        values = expit(self.eta - x * x)
        return values if self.weight is None else values * np.asarray(self.weight(x * x), dtype=float)

    def _attempt(self, m: int, rng: np.random.Generator) -> tuple[FloatArray, NDArray[np.bool_]]:
        """Return ``m`` proposals with random signs, and which of them are accepted.

        Two uniforms per proposal: the first picks the alias-table cell and, rescaled, the
        position inside it; the second decides acceptance and, rescaled, the sign.
        """
        u = rng.random(2 * m)
        scaled = u[:m] * self.keep.size
        cells = scaled.astype(np.intp)
        frac, keep = scaled - cells, self.keep[cells]
        low = frac < keep
        with np.errstate(divide="ignore", invalid="ignore"):
            pos = np.where(low, frac / keep, (frac - keep) / (1.0 - keep))
        cells = np.where(low, cells, self.alias[cells])
        left, offset = self.left[cells], self.width[cells] * pos
        x = left + offset
        ratio = 1.0 / (1.0 + np.expm1(offset * (2.0 * left + offset)) * self.empty[cells])
        if self.weight is not None:
            ratio *= np.asarray(self.weight(x * x), dtype=float) * self.inverse_bound[cells]
            self.violations += int(np.count_nonzero(ratio > 1.0))
        v = u[m:]
        return np.where(v < 0.5 * ratio, -x, x), v < ratio

    def draw(self, n: int, rng: np.random.Generator) -> FloatArray:
        """Return ``n`` independent wave vectors (units ``k_T``), both signs equally likely."""
        out, accept = self._attempt(n, rng)
        todo = np.flatnonzero(~accept)
        while todo.size:
            x, accept = self._attempt(todo.size, rng)
            out[todo[accept]] = x[accept]
            todo = todo[~accept]
        return out


def alias_table(mass: FloatArray) -> tuple[FloatArray, NDArray[np.intp]]:
    """Return Walker's alias table ``(keep, alias)`` for drawing indices with weights ``mass``.

    Index ``i`` is kept with probability ``keep[i]`` and replaced by ``alias[i]`` otherwise
    (Vose's construction, exact up to rounding).

    Examples
    --------
    >>> keep, alias = alias_table(np.array([1.0, 3.0]))
    >>> keep.tolist(), alias.tolist()
    ([0.5, 1.0], [1, 1])
    """
    scaled = np.asarray(mass, dtype=float) * (mass.size / np.sum(mass))
    keep, alias = np.ones(mass.size), np.arange(mass.size)
    small = [i for i in range(mass.size) if scaled[i] < 1.0]
    large = [i for i in range(mass.size) if scaled[i] >= 1.0]
    while small and large:
        s, g = small.pop(), large.pop()
        keep[s], alias[s] = scaled[s], g
        scaled[g] -= 1.0 - scaled[s]
        (small if scaled[g] < 1.0 else large).append(g)
    return keep, alias
