"""The compiled event loop of :class:`~symcond.montecarlo.ensemble.Ensemble` (numba).

Same algorithm as the NumPy path of :mod:`symcond.montecarlo.ensemble` -- thinning with the
constant bound, the exact rate at ``F = 0`` or the local bound of
:meth:`~symcond.montecarlo.process.Process.local_bound`; flips and re-draws from the same
alias-table envelope -- but one particle at a time in compiled code, each particle with its
own xoshiro256++ stream (:mod:`symcond.montecarlo.streams`, seeded from the ensemble's
generator).  A run therefore depends on the seed only, not on the number of threads; it
differs sample by sample from the NumPy path (other random numbers), not in distribution.

Per collision: one 64-bit draw chooses flip / re-draw / nothing (thinning), one ziggurat
exponential gives the next candidate time; a re-draw picks an alias column with the same
uniform (rescaled), then one draw for the position in the cell (top 53 bits) and the sign
(bit 0), one for acceptance -- most proposals pass the squeeze test without evaluating
``f_eq``.  Constant rates take a specialised loop.  Particles are split in contiguous blocks
run on ``threads`` threads (GIL released, one pool reused).  Measured
(``benchmarks/bench_montecarlo.py``): about 15 ns per collision per core against about
50 ns on the NumPy path and 890 ns in a plain-Python loop.

Energy-dependent rates are user callables that compiled code cannot call: they are
tabulated on a grid of ``|x|`` with step ``TABLE_STEP`` and interpolated linearly.  The
kernel is used only if the interpolant is within ``TABLE_RTOL`` (relative) of the exact
total rate at every midpoint of the grid; the grid is extended before each interval to
cover every ``x`` a particle can reach in it.  Otherwise the ensemble keeps the NumPy path.

Units: :mod:`symcond.kinetic.params`.

Examples
--------
>>> from symcond.kinetic.params import KineticParams
>>> from symcond.montecarlo.process import Process
>>> proc = Process(KineticParams(eta=0.0, ratio=1.0, field=1.0))
>>> isinstance(kernel_for(proc, Backend.AUTO), Kernel) == AVAILABLE, kernel_for(proc, Backend.NUMPY)
(True, None)
>>> Kernel(proc).tables   # (1/t_in, 1/(2 t_el)), constant
(array([1.]), array([0.5]))
"""

from __future__ import annotations

import enum
import math
import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError
from symcond.montecarlo.process import BOUND_SLACK, HORIZON, Process
from symcond.montecarlo.sampler import EnvelopeSampler
from symcond.montecarlo.streams import (
    AVAILABLE,
    jit,
    next_u64,
    seed_states,
    standard_exponential,
    unit,
    ziggurat_tables,
)

if TYPE_CHECKING:
    from symcond.montecarlo.ensemble import Ensemble

__all__ = ["AVAILABLE", "MIN_BLOCK", "TABLE_RTOL", "TABLE_STEP", "Backend", "Kernel", "default_threads",
           "kernel_for"]

FloatArray = NDArray[np.float64]

#: Grid step of the rate tables (units ``k_T``).
TABLE_STEP = 1.0 / 1024.0
#: Largest relative error of the interpolated total rate at the grid midpoints.
TABLE_RTOL = 1e-6
#: Fewest particles per thread (smaller ensembles run on fewer threads).
MIN_BLOCK = 4096
#: Indices of the counters the kernel increments.
FLIPS, INELASTIC, CANDIDATES, CHECKPOINTS, VIOLATIONS, ENVELOPE = range(6)
_ZIGGURAT = ziggurat_tables()
_LAST_BELOW_ONE = 1.0 - 2.0**-53
_SIGN = np.array([1.0, -1.0])
#: Columns of :func:`cell_table`: keep probability, (left, width, squeeze) of the column's own cell
#: and of its alias (from column 1 and 4), the alias index.
KEEP, ALIAS = 0, 7


class Backend(enum.Enum):
    """Where an ensemble's event loop runs."""

    #: The compiled kernel if numba is importable, else NumPy.
    AUTO = "auto"
    #: The compiled kernel (an error if numba is missing).
    NUMBA = "numba"
    #: Vectorised NumPy (the reference implementation).
    NUMPY = "numpy"

    @classmethod
    def parse(cls, value: Backend | str) -> Backend:
        """Return the backend named ``value``; raise :class:`DefinitionError` for another name.

        >>> Backend.parse("numpy")
        <Backend.NUMPY: 'numpy'>
        """
        if isinstance(value, Backend):
            return value
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(repr(b.value) for b in cls)
            raise DefinitionError(f"'backend' must be one of {names} (got {value!r})") from None


def default_threads() -> int:
    """Return the CPUs this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not on Linux
        return max(os.cpu_count() or 1, 1)


@jit
def _interp(table, scale, x):  # type: ignore[no-untyped-def]
    """Linear interpolation of ``table`` (values at ``|x| = j / scale``), constant past its end."""
    a = abs(x) * scale
    j = int(a)
    if j >= table.size - 1:
        return table[table.size - 1]
    return table[j] + (a - j) * (table[j + 1] - table[j])


@jit
def _total(tables, scale, x):  # type: ignore[no-untyped-def]
    """Total rate ``1/t_in + 1/(2 t_el)`` at ``x``."""
    return _interp(tables[0], scale, x) + _interp(tables[1], scale, x)


@jit
def _pauli(x, eta):  # type: ignore[no-untyped-def]
    """``1 - f_eq(x) = 1 / (1 + exp(eta - x**2))`` without overflow."""
    t = eta - x * x
    if t > 0.0:
        e = math.exp(-t)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(t))


@jit
def _draw(u, s0, s1, s2, s3, sampler, tables, scale, weighted):  # type: ignore[no-untyped-def]
    """Return ``(x, s0, s1, s2, s3, over)``: one draw from an envelope sampler, alias column from ``u``.

    ``sampler = (cells, empty, inverse_bound)`` with ``cells`` the alias table holding both
    candidates of a column in one 64-byte row (:func:`cell_table`): a proposal that passes
    the squeeze test reads one row.  ``over`` counts proposals whose density was found above
    the envelope (weighted samplers only).
    """
    cells, empty, inverse_bound = sampler
    over = 0
    while True:
        scaled = min(u, _LAST_BELOW_ONE) * cells.shape[0]
        row = int(scaled)
        j = 0 if scaled - row < cells[row, KEEP] else 3
        left, width, squeeze = cells[row, 1 + j], cells[row, 2 + j], cells[row, 3 + j]
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        offset = width * unit(r)
        x = (left + offset) * _SIGN[r & np.uint64(1)]
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        v = unit(r)
        if v < squeeze:
            return x, s0, s1, s2, s3, over
        cell = row if j == 0 else int(cells[row, ALIAS])
        ratio = 1.0 / (1.0 + math.expm1(offset * (2.0 * left + offset)) * empty[cell])
        if weighted:
            ratio *= _interp(tables[0], scale, x) * inverse_bound[cell]
            over += ratio > 1.0
        if v < ratio:
            return x, s0, s1, s2, s3, over
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)


@jit
def _bound(x, field, tables, scale):  # type: ignore[no-untyped-def]
    """Return the thinning bound at ``x`` and the time it holds (``Process.local_bound``)."""
    if field == 0.0:
        return _total(tables, scale, x), math.inf
    horizon = HORIZON / abs(field)
    top = max(_total(tables, scale, x), _total(tables, scale, x + 0.5 * field * horizon),
              _total(tables, scale, x + field * horizon))
    return top * (1.0 + BOUND_SLACK), horizon


@jit
def _fly(h, xi, d, wd, p, field, weighting):  # type: ignore[no-untyped-def]
    """Free flight of duration ``h`` from ``xi``: return the new ``x``, ``Integral x dt`` and ``Integral p x dt``."""
    d += h * (xi + 0.5 * field * h)
    if weighting:
        wd += p * xi * h
    return xi + field * h, d, wd


@jit
def _particle(i, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particle ``i`` by ``dt`` (rates depending on ``x``): free flights between checkpoints, thinning.

    ``counts`` (one row per thread) is written once per particle: the event counters live in
    registers (incrementing a shared row costs more than the event, and rows of different
    threads on one cache line would thrash).
    """
    x, wait, bound, candidate, pauli, disp, wdisp = state
    field, eta, scale, _, weighted = model
    k, w, f = zig
    s0, s1, s2, s3 = streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3]
    xi, when, b, cand, clock, d, wd = x[i], wait[i], bound[i], candidate[i], 0.0, 0.0, 0.0
    p = pauli[i] if pauli.size else 0.0
    weighting = wdisp.size > 0
    flips = redraws = candidates = checkpoints = violations = over = 0
    while True:
        xi, d, wd = _fly(min(when, dt) - clock, xi, d, wd, p, field, weighting)
        if when >= dt:
            break
        clock = when
        if cand:
            r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
            u = unit(r) * b
            rate_in, flip = _interp(tables[0], scale, xi), _interp(tables[1], scale, xi)
            violations += rate_in + flip > b * (1.0 + 4.0 * TABLE_RTOL)  # bounds may be exact rates
            candidates += 1
            if u < flip:
                xi = -xi
                flips += 1
            elif u < flip + rate_in:
                xi, s0, s1, s2, s3, bad = _draw((u - flip) / rate_in, s0, s1, s2, s3, sampler, tables, scale,
                                                weighted)
                over += bad
                redraws += 1
                if pauli.size:
                    p = _pauli(xi, eta)
        g, s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
        checkpoints += 1
        b, horizon = _bound(xi, field, tables, scale)
        gap = g / b if b > 0.0 else math.inf
        cand = gap < horizon
        when = clock + min(gap, horizon)
    x[i], wait[i], bound[i], candidate[i], disp[i] = xi, when - dt, b, cand, d
    if pauli.size:
        pauli[i] = p
    if wdisp.size:
        wdisp[i] = wd
    streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3] = s0, s1, s2, s3
    counts[FLIPS] += flips
    counts[INELASTIC] += redraws
    counts[CANDIDATES] += candidates
    counts[CHECKPOINTS] += checkpoints
    counts[VIOLATIONS] += violations
    counts[ENVELOPE] += over


@jit
def _constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """:func:`_particle` for constant rates: every candidate is a collision, one bound for all."""
    x, wait, _, _, pauli, disp, wdisp = state
    field, eta, scale, _, _ = model
    k, w, f = zig
    s0, s1, s2, s3 = streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3]
    xi, when, clock, d, wd = x[i], wait[i], 0.0, 0.0, 0.0
    p = pauli[i] if pauli.size else 0.0
    rate_in, flip = tables[0][0], tables[1][0]
    inverse, share, rescale = 1.0 / (rate_in + flip), flip / (rate_in + flip), (rate_in + flip) / rate_in
    weighting, fermi = wdisp.size > 0, pauli.size > 0
    flips = redraws = 0
    while True:
        xi, d, wd = _fly(min(when, dt) - clock, xi, d, wd, p, field, weighting)
        if when >= dt:
            break
        clock = when
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)
        if u < share:
            xi = -xi
            flips += 1
        else:  # (u - share) / (1 - share) is uniform on [0, 1) given u >= share
            xi, s0, s1, s2, s3, _ = _draw((u - share) * rescale, s0, s1, s2, s3, sampler, tables, scale, False)
            redraws += 1
            if fermi:
                p = _pauli(xi, eta)
        g, s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
        when = clock + g * inverse
    x[i], wait[i], disp[i] = xi, when - dt, d
    if fermi:
        pauli[i] = p
    if weighting:
        wdisp[i] = wd
    streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3] = s0, s1, s2, s3
    counts[FLIPS] += flips
    counts[INELASTIC] += redraws
    counts[CANDIDATES] += flips + redraws
    counts[CHECKPOINTS] += flips + redraws


@jit
def _advance(lo, hi, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particles ``lo .. hi - 1`` of ``state`` by ``dt``."""
    if model[3]:
        for i in range(lo, hi):
            _constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts)
    else:
        for i in range(lo, hi):
            _particle(i, state, dt, model, tables, sampler, zig, streams, counts)


@jit
def _sample(cells, tables, scale, weighted, state, out):  # type: ignore[no-untyped-def]
    """Fill ``out`` with draws of :func:`_draw` from one stream ``state`` (for tests); return envelope violations."""
    s0, s1, s2, s3 = state[0], state[1], state[2], state[3]
    over = 0
    for i in range(out.size):
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        out[i], s0, s1, s2, s3, bad = _draw(unit(r), s0, s1, s2, s3, cells, tables, scale, weighted)
        over += bad
    state[0], state[1], state[2], state[3] = s0, s1, s2, s3
    return over


class Kernel:
    """Compiled :meth:`~symcond.montecarlo.ensemble.Ensemble.advance` for one process.

    Parameters
    ----------
    process : Process
        Rates and samplers; energy-dependent rates are tabulated (module docstring).
    threads : int, optional
        Threads to split the particles over (default :func:`default_threads`).
    """

    def __init__(self, process: Process, threads: int | None = None) -> None:
        self.process, self.field = process, process.params.field
        self.threads = default_threads() if threads is None else threads
        sampler = process.redraw if process.params.has_dissipation else process.equilibrium
        self.sampler = sampler
        self.arrays = (cell_table(sampler), sampler.empty, sampler.inverse_bound)
        self.end, self.tables = 0.0, (np.zeros(1), np.zeros(1))
        self.streams: NDArray[np.uint64] | None = None
        if process.constant:
            rate_in, flip = process.rates(np.zeros(1))
            self.end, self.tables = math.inf, (rate_in, flip)

    def sample(self, n: int, rng: np.random.Generator, equilibrium: bool = False) -> FloatArray:
        """Return ``n`` draws from ``f_eq / t_in`` (re-draws) or ``f_eq``, compiled, one stream seeded by ``rng``.

        Rates must be tabulated far enough (:meth:`covers`) for a weighted sampler.
        """
        sampler = self.process.equilibrium if equilibrium else self.sampler
        arrays = self.arrays if sampler is self.sampler else (cell_table(sampler), sampler.empty,
                                                              sampler.inverse_bound)
        out = np.empty(n)
        over = _sample(arrays, self.tables, 1.0 / TABLE_STEP, sampler.weight is not None, seed_states(rng, 1)[0], out)
        sampler.violations += int(over)
        return out

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
        if not self.process.constant:
            reach = float(np.max(np.abs(ens.x), initial=0.0)) + abs(self.field) * dt + 2.0 * HORIZON
            if not self.covers(reach):
                return False
        if self.streams is None:
            self.streams = seed_states(ens.rng, ens.size)
        empty = np.zeros(0)
        state = (ens.x, ens.wait, ens.bound, ens.candidate, empty if ens.pauli is None else ens.pauli, disp,
                 empty if wdisp is None else wdisp)
        model = (self.field, self.process.params.eta, 1.0 / TABLE_STEP, self.process.constant,
                 self.sampler.weight is not None)
        blocks = np.linspace(0, ens.size, min(self.threads, max(ens.size // MIN_BLOCK, 1)) + 1).astype(int)
        counts = np.zeros((blocks.size - 1, 16), dtype=np.int64)  # rows 128 bytes apart
        args = (state, float(dt), model, self.tables, self.arrays, _ZIGGURAT, self.streams)
        if counts.shape[0] == 1:
            _advance(0, ens.size, *args, counts[0])
        else:
            list(_pool(counts.shape[0]).map(lambda j: _advance(blocks[j], blocks[j + 1], *args, counts[j]),
                                            range(counts.shape[0])))
        self._count(ens, counts.sum(axis=0)[:6])
        return True

    def _count(self, ens: Ensemble, counts: NDArray[np.int64]) -> None:
        """Add the kernel's counters to the ensemble's and the sampler's."""
        ens.flips += int(counts[FLIPS])
        ens.inelastic += int(counts[INELASTIC])
        ens.events += int(counts[FLIPS] + counts[INELASTIC])
        ens.candidates += int(counts[CANDIDATES])
        ens.checkpoints += int(counts[CHECKPOINTS])
        ens.violations += int(counts[VIOLATIONS])
        self.sampler.violations += int(counts[ENVELOPE])


_POOLS: dict[int, ThreadPoolExecutor] = {}


def _pool(threads: int) -> ThreadPoolExecutor:
    """Return a thread pool of ``threads`` workers, created once per size and reused."""
    if threads not in _POOLS:
        _POOLS[threads] = ThreadPoolExecutor(threads, thread_name_prefix="symcond-mc")
    return _POOLS[threads]


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


def cell_table(sampler: EnvelopeSampler) -> FloatArray:
    """Return the alias table of ``sampler`` with both candidates' cell data in each row (shape ``(n, 8)``).

    Row ``i``: ``keep[i]``, ``left, width, squeeze`` of cell ``i`` and of cell ``alias[i]``,
    and ``alias[i]``: 64 bytes, one cache line, all that a proposal passing the squeeze
    test reads.

    Examples
    --------
    >>> t = cell_table(EnvelopeSampler(eta=0.0))
    >>> t.shape[1], bool(np.all((t[:, 3] > 0.9) & (t[:, 3] < 1.0)))   # squeeze of f_eq on narrow cells
    (8, True)
    """
    squeeze, alias = _squeeze(sampler), sampler.alias
    table = np.zeros((sampler.keep.size, 8))
    table[:, KEEP], table[:, ALIAS] = sampler.keep, alias
    for start, cells in ((1, np.arange(alias.size)), (4, alias)):
        table[:, start:start + 3] = np.stack((sampler.left[cells], sampler.width[cells], squeeze[cells]), axis=1)
    return table


def kernel_for(process: Process, backend: Backend, threads: int | None = None) -> Kernel | None:
    """Return a :class:`Kernel` for ``process``, or ``None`` for the NumPy path.

    Raises
    ------
    DefinitionError
        If ``backend`` is ``NUMBA`` and numba is not importable, or ``threads < 1``.
    """
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise DefinitionError(f"'threads' must be an integer >= 1 (got {threads!r})")
    if backend is Backend.NUMBA and not AVAILABLE:
        raise DefinitionError("backend 'numba' needs numba, which is not installed (pip install numba)")
    if backend is Backend.NUMPY or not AVAILABLE:
        return None
    return Kernel(process, threads)
