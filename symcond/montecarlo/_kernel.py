"""A numba-compiled event loop for :class:`~symcond.montecarlo.ensemble.Ensemble` (optional).

Same algorithm as the NumPy path of :mod:`symcond.montecarlo.ensemble` -- thinning with the
constant bound, the exact rate at ``F = 0`` or the local bound of
:meth:`~symcond.montecarlo.process.Process.local_bound`; flips and re-draws from the same
alias-table envelope -- but one particle at a time in compiled code, drawing from the
ensemble's own ``numpy.random.Generator`` (so a seed reproduces a run).  The random numbers
are consumed in another order than on the NumPy path, so the two paths agree in
distribution, not sample by sample.

Energy-dependent rates are user callables that compiled code cannot call: they are
tabulated on a grid of ``|x|`` with step ``TABLE_STEP`` and interpolated linearly.  The
kernel is used only if the interpolant is within ``TABLE_RTOL`` (relative) of the exact
total rate at every midpoint of the grid; the grid is extended before each interval to
cover every ``x`` a particle can reach in it.  Otherwise the ensemble keeps the NumPy path.

The kernel is opt-in: it runs only if numba is importable and :data:`ENABLED` is true
(environment ``SYMCOND_MC_NUMBA=1``, or set the attribute).  By default every run takes the
NumPy path, so a seed gives the same numbers whether or not numba is installed.  Measured
(``benchmarks/bench_montecarlo.py``, constant times): about 34 ns per collision against
about 80 ns on the NumPy path and 880 ns in a plain-Python loop, i.e. 25x that loop --
short of the 100x that would justify a dependency; with ``tau_in(eps)`` 1.2-2x the NumPy path.

Units: :mod:`symcond.kinetic.params`.

Examples
--------
>>> from symcond.kinetic.params import KineticParams
>>> from symcond.montecarlo.process import Process
>>> kernel = kernel_for(Process(KineticParams(eta=0.0, ratio=1.0, field=1.0)))
>>> (kernel is not None) == (AVAILABLE and ENABLED)
True
>>> Kernel(Process(KineticParams(eta=0.0, ratio=1.0, field=1.0))).tables   # (1/t_in, 1/(2 t_el)), constant
(array([1.]), array([0.5]))
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from symcond.montecarlo.process import BOUND_SLACK, HORIZON, Process
from symcond.montecarlo.sampler import EnvelopeSampler

if TYPE_CHECKING:
    from symcond.montecarlo.ensemble import Ensemble

__all__ = ["AVAILABLE", "ENABLED", "TABLE_RTOL", "TABLE_STEP", "Kernel", "kernel_for"]

FloatArray = NDArray[np.float64]

#: Whether numba is importable.
AVAILABLE = importlib.util.find_spec("numba") is not None
#: Whether ensembles use the kernel (when numba is importable); default from ``SYMCOND_MC_NUMBA=1``.
ENABLED = os.environ.get("SYMCOND_MC_NUMBA", "") == "1"
#: Grid step of the rate tables (units ``k_T``).
TABLE_STEP = 1.0 / 1024.0
#: Largest relative error of the interpolated total rate at the grid midpoints.
TABLE_RTOL = 1e-6
#: Indices of the counters the kernel increments.
EVENTS, FLIPS, INELASTIC, CANDIDATES, CHECKPOINTS, VIOLATIONS, ENVELOPE = range(7)


def _jit(func: Callable[..., Any]) -> Callable[..., Any]:
    """Compile ``func`` with numba if available, else leave it as Python.

    Cached on disk; inlined into its callers (no copies of the argument tuples per call);
    without reference counting (``_nrt=False``: the kernel allocates nothing, and the
    atomic increments around every call would cost more than the event itself).
    """
    if not AVAILABLE:
        return func
    import numba

    options: dict[str, Any] = {"cache": True, "inline": "always", "_nrt": False}
    return numba.njit(**options)(func)


@_jit
def _interp(table, scale, x):
    """Linear interpolation of ``table`` (values at ``|x| = j / scale``), constant past its end."""
    a = abs(x) * scale
    j = int(a)
    if j >= table.size - 1:
        return table[table.size - 1]
    return table[j] + (a - j) * (table[j + 1] - table[j])


@_jit
def _total(tables, scale, x):
    """Total rate ``1/t_in + 1/(2 t_el)`` at ``x``."""
    return _interp(tables[0], scale, x) + _interp(tables[1], scale, x)


@_jit
def _pauli(x, eta):
    """``1 - f_eq(x) = 1 / (1 + exp(eta - x**2))`` without overflow."""
    t = eta - x * x
    if t > 0.0:
        e = math.exp(-t)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(t))


@_jit
def _draw(rng, u, sampler, tables, scale, weighted, counts):
    """One draw from the envelope sampler (``EnvelopeSampler._attempt``), first uniform ``u``.

    ``squeeze[cell]`` is a lower bound of the acceptance ratio on the cell: below it a
    proposal is accepted without evaluating the density (and the sign is drawn from the
    lower half of ``[0, squeeze)``, otherwise from that of ``[squeeze, ratio)``).
    """
    keep, alias, left, width, empty, inverse_bound, squeeze = sampler
    while True:
        scaled = min(u, 0.9999999999999999) * keep.size
        cell = int(scaled)
        frac = scaled - cell
        if frac < keep[cell]:
            pos = frac / keep[cell]
        else:
            pos, cell = (frac - keep[cell]) / (1.0 - keep[cell]), alias[cell]
        offset = width[cell] * pos
        x = left[cell] + offset
        v, low = rng.random(), squeeze[cell]
        if v < low:
            return -x if v < 0.5 * low else x
        ratio = 1.0 / (1.0 + math.expm1(offset * (2.0 * left[cell] + offset)) * empty[cell])
        if weighted:
            ratio *= _interp(tables[0], scale, x) * inverse_bound[cell]
            counts[ENVELOPE] += ratio > 1.0
        if v < ratio:
            return -x if v < 0.5 * (low + ratio) else x
        u = rng.random()


@_jit
def _collide(rng, x, bound, constant, tables, scale, sampler, weighted, counts):
    """Apply one thinning candidate at ``x``; return the new ``x`` and whether it was re-drawn."""
    rate_in, flip = _interp(tables[0], scale, x), _interp(tables[1], scale, x)
    counts[CANDIDATES] += 1
    if not constant and rate_in + flip > bound * (1.0 + 4.0 * TABLE_RTOL):  # bounds may be exact rates
        counts[VIOLATIONS] += 1
    u = rng.random() * bound
    if u < flip:
        counts[FLIPS] += 1
        counts[EVENTS] += 1
        return -x, False
    if u < flip + rate_in:
        counts[INELASTIC] += 1
        counts[EVENTS] += 1
        return _draw(rng, (u - flip) / rate_in, sampler, tables, scale, weighted, counts), True
    return x, False


@_jit
def _schedule(rng, x, field, constant, tables, scale):
    """Return ``(bound, time to the next checkpoint, whether it is a candidate)`` (``Ensemble._schedule``)."""
    if constant or field == 0.0:
        bound = _total(tables, scale, x)
        horizon = math.inf
    else:
        horizon = HORIZON / abs(field)
        bound = max(_total(tables, scale, x), _total(tables, scale, x + 0.5 * field * horizon),
                    _total(tables, scale, x + field * horizon)) * (1.0 + BOUND_SLACK)
    gap = rng.standard_exponential() / bound if bound > 0.0 else math.inf
    return bound, min(gap, horizon), gap < horizon


@_jit
def _particle(i, state, dt, model, tables, sampler, rng, counts):
    """Advance particle ``i`` by ``dt``: free flights between checkpoints, thinning at candidates."""
    x, wait, bound, candidate, pauli, disp, wdisp = state
    field, eta, scale, constant, weighted = model
    xi, when, clock, d, wd = x[i], wait[i], 0.0, 0.0, 0.0
    while True:
        h = min(when, dt) - clock
        d += h * (xi + 0.5 * field * h)
        if wdisp.size:
            wd += pauli[i] * xi * h
        xi += field * h
        if when >= dt:
            break
        clock = when
        if candidate[i]:
            xi, redrawn = _collide(rng, xi, bound[i], constant, tables, scale, sampler, weighted, counts)
            if redrawn and pauli.size:
                pauli[i] = _pauli(xi, eta)
        bound[i], gap, candidate[i] = _schedule(rng, xi, field, constant, tables, scale)
        when = clock + gap
        counts[CHECKPOINTS] += 1
    x[i], wait[i], disp[i] = xi, when - dt, d
    if wdisp.size:
        wdisp[i] = wd


@_jit
def _advance(state, dt, model, tables, sampler, rng, counts):
    """Advance every particle of ``state`` by ``dt``."""
    for i in range(state[0].size):
        _particle(i, state, dt, model, tables, sampler, rng, counts)


class Kernel:
    """Compiled :meth:`~symcond.montecarlo.ensemble.Ensemble.advance` for one process.

    Parameters
    ----------
    process : Process
        Rates and samplers; energy-dependent rates are tabulated (module docstring).
    """

    def __init__(self, process: Process) -> None:
        self.process, self.field = process, process.params.field
        sampler = process.redraw if process.params.has_dissipation else process.equilibrium
        self.sampler = sampler
        self.arrays = (sampler.keep, sampler.alias, sampler.left, sampler.width, sampler.empty,
                       sampler.inverse_bound, _squeeze(sampler))
        self.end, self.tables = 0.0, (np.zeros(1), np.zeros(1))
        if process.constant:
            rate_in, flip = process.rates(np.zeros(1))
            self.end, self.tables = math.inf, (rate_in, flip)

    def covers(self, end: float) -> bool:
        """Tabulate the rates on ``[0, end]`` unless done; return whether the table is accurate there."""
        if end <= self.end:
            return True
        end = max(end, 1.25 * self.end)
        grid = np.arange(math.ceil(end / TABLE_STEP) + 2, dtype=np.float64) * TABLE_STEP
        rate_in, flip = self.process.rates(grid)
        if not _accurate(self.process, grid, rate_in + flip):
            return False
        self.end, self.tables = float(grid[-1]), (rate_in, flip)
        return True

    def advance(self, ens: Ensemble, dt: float, disp: FloatArray, wdisp: FloatArray | None) -> bool:
        """Advance ``ens`` by ``dt``, filling ``disp`` (and ``wdisp``); ``False`` if the table cannot cover it."""
        reach = float(np.max(np.abs(ens.x), initial=0.0)) + abs(self.field) * dt + 2.0 * HORIZON
        if not self.covers(reach):
            return False
        empty = np.zeros(0)
        state = (ens.x, ens.wait, ens.bound, ens.candidate, empty if ens.pauli is None else ens.pauli, disp,
                 empty if wdisp is None else wdisp)
        weighted = self.sampler.weight is not None
        model = (self.field, self.process.params.eta, 1.0 / TABLE_STEP, self.process.constant, weighted)
        counts = np.zeros(7, dtype=np.int64)
        _advance(state, float(dt), model, self.tables, self.arrays, ens.rng, counts)
        self._count(ens, counts)
        return True

    def _count(self, ens: Ensemble, counts: NDArray[np.int64]) -> None:
        """Add the kernel's counters to the ensemble's and the sampler's."""
        ens.events += int(counts[EVENTS])
        ens.flips += int(counts[FLIPS])
        ens.inelastic += int(counts[INELASTIC])
        ens.candidates += int(counts[CANDIDATES])
        ens.checkpoints += int(counts[CHECKPOINTS])
        ens.violations += int(counts[VIOLATIONS])
        self.sampler.violations += int(counts[ENVELOPE])


def _accurate(process: Process, grid: FloatArray, total: FloatArray) -> bool:
    """Whether linear interpolation of ``total`` on ``grid`` is finite and within ``TABLE_RTOL`` at the midpoints."""
    exact = np.sum(process.rates(0.5 * (grid[:-1] + grid[1:])), axis=0)
    interp = 0.5 * (total[:-1] + total[1:])
    return bool(np.all(np.isfinite(interp)) and np.all(np.abs(interp - exact) <= TABLE_RTOL * exact))


def _squeeze(sampler: EnvelopeSampler) -> FloatArray:
    """Return a lower bound of ``f_eq(x) / f_eq(left)`` on each cell (zeros for a weighted sampler)."""
    if sampler.weight is not None:
        return np.zeros_like(sampler.left)
    right = sampler.left + sampler.width
    ratio = 1.0 / (1.0 + np.expm1(sampler.width * (sampler.left + right)) * sampler.empty)
    return np.asarray(ratio * (1.0 - 1e-12), dtype=float)


def kernel_for(process: Process) -> Kernel | None:
    """Return a :class:`Kernel` for ``process``, or ``None`` (NumPy path) without numba or if disabled."""
    return Kernel(process) if AVAILABLE and ENABLED else None
