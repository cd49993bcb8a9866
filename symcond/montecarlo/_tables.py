"""Compiled draws of wave vectors for the kernel: equal-mass cells for ``f_eq``, alias rows for weights.

Two exact rejection samplers of the density ``f_eq(x) * weight(x**2)`` on the line (``|x|``
from a piecewise-constant envelope, the sign from one bit):

* **Equal-mass cells** (no weight: the equilibrium density and the re-draw density when
  ``t_in`` is constant).  The edges ``a_0 = 0 < a_1 < ... < a_n`` satisfy
  ``f_eq(a_c) (a_{c+1} - a_c) = m`` (equal up to rounding, about 1e-12 relative), so the
  envelope ``f_eq(a_c)`` on cell ``c`` -- the density's maximum there, ``f_eq`` decreasing
  in ``|x|`` -- gives every cell the same mass: the cell is ``floor(u n)``, no alias table.
  Cells are narrow where the density is large (``m / f_eq``), so the bound
  ``f_eq(a + o) / f_eq(a) >= exp(-o (2a + o)) >= 1 - o (2a + o)`` accepts almost every
  proposal without an exponential: ``d log f_eq / dx = -2 x (1 - f_eq) >= -2 x``.
  ``m`` is the smallest mass for which the cells reach past :func:`support_end`.
* **Alias rows** (a weight, e.g. ``1 / t_in``): the cells and Walker alias table of
  :class:`~symcond.montecarlo.sampler.EnvelopeSampler`, one 64-byte row per alias column.

Both use one uniform for the cell (passed in, so the caller can re-use the uniform that
chose the collision), one 64-bit draw for the position in the cell (top 53 bits) and the
sign (bit 0), and one for acceptance.

Examples
--------
>>> table = equal_mass_table(0.0, 1024)
>>> left, width, empty = table
>>> mass = 1.0 / (1.0 + np.exp(left**2)) * width
>>> bool(np.ptp(mass) / mass.mean() < 1e-10), bool(left[-1] + width[-1] >= support_end(0.0))
(True, True)
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

from symcond.montecarlo.sampler import EnvelopeSampler, support_end
from symcond.montecarlo.streams import jit, next_u64, unit

__all__ = ["ALIAS", "CELLS", "KEEP", "alias_rows", "draw", "draw_equal", "equal_mass_table", "interpolate",
           "squeeze_accepts"]

FloatArray = NDArray[np.float64]

#: Number of equal-mass cells (a power of two; 4096 cells, 96 kB).
CELLS = 4096
#: Columns of :func:`alias_rows`: keep probability, (left, width) of the column's own cell and of
#: its alias (columns 1 and 3), the alias index.
KEEP, ALIAS = 0, 5
_LAST_BELOW_ONE = 1.0 - 2.0**-53
#: Relative and absolute margins of :func:`squeeze_accepts` over rounding of ``1 - eps``.
_SQUEEZE_MARGIN = 1e-15


@jit
def _log_shape(a, eta):  # type: ignore[no-untyped-def]
    """``log(f_eq(a) / f_eq(0))`` without overflow: ``softplus(-eta) - softplus(a**2 - eta)``."""
    t, s = a * a - eta, -eta
    return (max(s, 0.0) + math.log1p(math.exp(-abs(s)))) - (max(t, 0.0) + math.log1p(math.exp(-abs(t))))


@jit
def _edges(eta, mass, end, edges):  # type: ignore[no-untyped-def]
    """Fill ``edges`` with ``a_{c+1} = a_c + mass / (f_eq(a_c) / f_eq(0))`` from 0 (``inf`` past ``end``).

    Return the last edge.
    """
    edges[:] = np.inf
    edges[0] = 0.0
    for c in range(edges.size - 1):
        if edges[c] >= end:
            break
        edges[c + 1] = edges[c] + mass / math.exp(_log_shape(edges[c], eta))
    return edges[edges.size - 1]


def equal_mass_table(eta: float, count: int = CELLS) -> FloatArray:
    """Return ``(left, width, 1 - f_eq(left))`` of ``count`` equal-mass cells of ``f_eq`` (shape ``(3, count)``).

    The last right edge is at or beyond :func:`support_end` (density below ``TAIL`` times
    its peak); the common mass is found by bisection to 1e-13 relative.

    Examples
    --------
    >>> left, width, empty = equal_mass_table(-400.0, 256)   # Boltzmann limit, f_eq ~ exp(eta - x**2)
    >>> float(left[0]), bool(np.all(width > 0.0)), bool(np.allclose(empty, 1.0))
    (0.0, True, True)
    """
    end, edges = support_end(eta), np.empty(count + 1)
    low, high = 0.0, end  # one cell of width ``end`` at the peak covers [0, end] for mass >= end
    while high - low > 1e-13 * high:
        middle = 0.5 * (low + high)
        if _edges(eta, middle, end, edges) >= end:
            high = middle
        else:
            low = middle
    _edges(eta, high, end, edges)
    left = edges[:-1]
    return np.stack((left, np.diff(edges), expit(left**2 - eta)))


def alias_rows(sampler: EnvelopeSampler) -> FloatArray:
    """Return the alias table of ``sampler`` with both candidates' cells in each row (shape ``(n, 8)``).

    Row ``i``: ``keep[i]``, ``left, width`` of cell ``i`` and of cell ``alias[i]``, and
    ``alias[i]`` (padded to 64 bytes, one cache line).

    Examples
    --------
    >>> rows = alias_rows(EnvelopeSampler(eta=0.0))
    >>> rows.shape[1], bool(np.all(rows[:, 2] > 0.0))
    (8, True)
    """
    alias = sampler.alias
    table = np.zeros((sampler.keep.size, 8))
    table[:, KEEP], table[:, ALIAS] = sampler.keep, alias
    for start, cells in ((1, np.arange(alias.size)), (3, alias)):
        table[:, start:start + 2] = np.stack((sampler.left[cells], sampler.width[cells]), axis=1)
    return table


@jit
def squeeze_accepts(v, eps):  # type: ignore[no-untyped-def]
    """Whether ``v < 1 - eps`` with a margin over rounding: then ``v < exp(-eps) <= f_eq(a + o) / f_eq(a)``."""
    return v + eps * (1.0 + _SQUEEZE_MARGIN) < 1.0 - _SQUEEZE_MARGIN


@jit
def interpolate(table, scale, x):  # type: ignore[no-untyped-def]
    """Linear interpolation of ``table`` (values at ``|x| = j / scale``), constant past its end."""
    a = abs(x) * scale
    j = int(a)
    if j >= table.size - 1:
        return table[table.size - 1]
    return table[j] + (a - j) * (table[j + 1] - table[j])


@jit
def _propose(left, width, s0, s1, s2, s3):  # type: ignore[no-untyped-def]
    """Return ``(x, offset, v, s0, s1, s2, s3)``: a proposal uniform in the cell, random sign, acceptance uniform.

    One draw gives the offset in the cell (top 53 bits) and the sign (bit 0), one more ``v``.
    """
    r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
    offset = width * unit(r)
    x = left + offset
    if r & np.uint64(1):
        x = -x
    r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
    return x, offset, unit(r), s0, s1, s2, s3


@jit
def draw_equal(u, s0, s1, s2, s3, table):  # type: ignore[no-untyped-def]
    """Return ``(x, s0, s1, s2, s3)``: one draw from ``f_eq`` with the equal-mass ``table``, cell from ``u``."""
    count = table.shape[1]
    while True:
        row = int(min(u, _LAST_BELOW_ONE) * count)
        left, width = table[0, row], table[1, row]
        x, offset, v, s0, s1, s2, s3 = _propose(left, width, s0, s1, s2, s3)
        eps = offset * (2.0 * left + offset)
        if squeeze_accepts(v, eps) or v * (1.0 + math.expm1(eps) * table[2, row]) < 1.0:
            return x, s0, s1, s2, s3
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)


@jit
def _draw_alias(u, s0, s1, s2, s3, sampler, weight_table, scale):  # type: ignore[no-untyped-def]
    """Return ``(x, s0, s1, s2, s3, over)``: one draw from ``f_eq * weight`` with the alias rows.

    ``weight_table`` holds the weight (``1 / t_in``) at ``|x| = j / scale``, interpolated
    linearly; ``over`` counts proposals whose density was found above the envelope.
    """
    rows, empty, inverse_bound = sampler[0], sampler[1], sampler[2]
    over = 0
    while True:
        scaled = min(u, _LAST_BELOW_ONE) * rows.shape[0]
        row = int(scaled)
        j = 0 if scaled - row < rows[row, KEEP] else 2
        left, width = rows[row, 1 + j], rows[row, 2 + j]
        cell = row if j == 0 else int(rows[row, ALIAS])
        x, offset, v, s0, s1, s2, s3 = _propose(left, width, s0, s1, s2, s3)
        ratio = 1.0 / (1.0 + math.expm1(offset * (2.0 * left + offset)) * empty[cell])
        ratio *= interpolate(weight_table, scale, x) * inverse_bound[cell]
        over += ratio > 1.0
        if v < ratio:
            return x, s0, s1, s2, s3, over
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)


@jit
def draw(u, s0, s1, s2, s3, sampler, weight_table, scale, weighted):  # type: ignore[no-untyped-def]
    """Return ``(x, s0, s1, s2, s3, over)``: one re-draw, from the alias rows if ``weighted`` else equal-mass cells.

    ``sampler = (alias rows, empty, inverse_bound, equal-mass table)``.
    """
    if weighted:
        return _draw_alias(u, s0, s1, s2, s3, sampler, weight_table, scale)
    x, s0, s1, s2, s3 = draw_equal(u, s0, s1, s2, s3, sampler[3])
    return x, s0, s1, s2, s3, 0
