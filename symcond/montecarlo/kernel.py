"""The compiled event loop of :class:`~symcond.montecarlo.ensemble.Ensemble` (numba), driven from Python.

Same algorithm as the NumPy path of :mod:`symcond.montecarlo.ensemble` -- thinning with the
constant bound, the exact rate at ``F = 0`` or the local bound of
:meth:`~symcond.montecarlo.process.Process.local_bound`; flips and exact re-draws -- in
compiled code, each particle with its own xoshiro256++ stream
(:mod:`symcond.montecarlo.streams`, seeded from the ensemble's generator).  A run therefore
depends on the seed only, not on the number of threads; it differs sample by sample from
the NumPy path (other random numbers and re-draw tables, :mod:`symcond.montecarlo._tables`),
not in distribution.

The compiled loops: energy-dependent rates in :mod:`symcond.montecarlo.thinning`, constant
rates (one particle at a time, or ``LANES = 64`` SIMD lanes without Pauli factors) in
:mod:`symcond.montecarlo.constant_rates`, their shared pieces in
:mod:`symcond.montecarlo.flight`.  This module tabulates the rates, splits the particles in
contiguous blocks run on ``threads`` threads (GIL released, one pool reused) and adds up
the counters.  It works on the ensemble's arrays (:class:`Particles`) and returns the
counters (:class:`Tally`): it does not know the ensemble.  Measured
(``benchmarks/bench_montecarlo.py``): about 7 ns per collision per core on the lanes,
13 ns one particle at a time, 50 ns on the NumPy path, 890 ns in a plain-Python loop.

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
>>> isinstance(kernel_for(proc, EventLoopBackend.AUTO), Kernel) == AVAILABLE, kernel_for(proc, EventLoopBackend.NUMPY)
(True, None)
>>> Kernel(proc).tables   # (1/t_in, 1/(2 t_el)), constant
(array([1.]), array([0.5]))
"""

from __future__ import annotations

import functools
import math
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError
from symcond.montecarlo._tables import alias_rows, draw, equal_mass_table
from symcond.montecarlo.backend import EventLoopBackend, default_threads
from symcond.montecarlo.constant_rates import LANES, advance_constant_particle, advance_lanes
from symcond.montecarlo.flight import CANDIDATES, CHECKPOINTS, ENVELOPE, FLIPS, INELASTIC, VIOLATIONS
from symcond.montecarlo.process import HORIZON, Process
from symcond.montecarlo.streams import AVAILABLE, jit, next_u64, seed_states, unit, ziggurat_tables
from symcond.montecarlo.thinning import TABLE_RTOL, TABLE_STEP, advance_particle

__all__ = ["AVAILABLE", "MIN_BLOCK", "Kernel", "Particles", "Tally", "kernel_for"]

FloatArray = NDArray[np.float64]

#: Fewest particles per thread (smaller ensembles run on fewer threads).
MIN_BLOCK = 4096
_ZIGGURAT = ziggurat_tables()


class Particles(NamedTuple):
    """The per-particle arrays of an ensemble, which :meth:`Kernel.advance` updates in place."""

    #: Wave vectors ``k / k_T``.
    x: FloatArray
    #: Time from the common clock to each particle's next checkpoint.
    wait: FloatArray
    #: Thinning bound of each particle's current flight.
    bound: FloatArray
    #: Whether the next checkpoint is a thinning candidate (else the end of a horizon).
    candidate: NDArray[np.bool_]
    #: Pauli factors ``1 - f_eq(x)`` (kept at ``F = 0`` only).
    pauli: FloatArray | None


class Tally(NamedTuple):
    """Counters of one :meth:`Kernel.advance`, for the ensemble to add to its own."""

    #: Flips ``x -> -x``.
    flips: int
    #: Re-draws from ``f_eq / t_in``.
    inelastic: int
    #: Thinning candidates.
    candidates: int
    #: Checkpoints (candidates and horizon ends).
    checkpoints: int
    #: Candidates that found the rate above their bound.
    violations: int


@jit
def _advance(lo, hi, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particles ``lo .. hi - 1`` of ``state`` by ``dt``."""
    if not model[3]:
        for i in range(lo, hi):
            advance_particle(i, state, dt, model, tables, sampler, zig, streams, counts)
    elif model[5] and state[4].size == 0 and state[6].size == 0 and hi - lo >= LANES:
        advance_lanes(lo, hi, state, dt, model, tables, sampler, zig, streams, counts)
    else:
        for i in range(lo, hi):
            advance_constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts)


@jit
def _sample(sampler, tables, scale, weighted, state, out):  # type: ignore[no-untyped-def]
    """Fill ``out`` with draws of :func:`draw` from one stream ``state`` (for tests); return envelope violations."""
    s0, s1, s2, s3 = state[0], state[1], state[2], state[3]
    over = 0
    for i in range(out.size):
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        out[i], s0, s1, s2, s3, bad = draw(unit(r), s0, s1, s2, s3, sampler, tables[0], scale, weighted)
        over += bad
    state[0], state[1], state[2], state[3] = s0, s1, s2, s3
    return over


class Kernel:
    """The compiled :meth:`~symcond.montecarlo.ensemble.Ensemble.advance` of one process.

    Parameters
    ----------
    process : Process
        Rates and samplers; energy-dependent rates are tabulated (module docstring).
    threads : int, optional
        Threads to split the particles over (default :func:`default_threads`).

    Attributes
    ----------
    lanes : bool
        Whether constant rates without Pauli factors run on SIMD lanes (default,
        :func:`~symcond.montecarlo.constant_rates.advance_lanes`) or one particle at a time;
        the results are identical.
    """

    def __init__(self, process: Process, threads: int | None = None) -> None:
        self.process, self.field = process, process.params.field
        self.threads = default_threads() if threads is None else threads
        sampler = process.redraw if process.params.has_dissipation else process.equilibrium
        self.sampler, self.lanes = sampler, True
        rows = alias_rows(sampler) if sampler.weight is not None else np.zeros((1, 8))
        self.arrays = (rows, sampler.empty, sampler.inverse_bound, _equal_mass(process.params.eta))
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
        out = np.empty(n)
        over = _sample(self.arrays, self.tables, 1.0 / TABLE_STEP, sampler.weight is not None, seed_states(rng, 1)[0],
                       out)
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

    def advance(self, particles: Particles, rng: np.random.Generator, dt: float, disp: FloatArray,
                wdisp: FloatArray | None) -> Tally | None:
        """Advance ``particles`` by ``dt`` in place, filling ``disp`` (and ``wdisp``); return the counters.

        ``rng`` (the ensemble's generator) seeds the per-particle streams on the first call.
        Return ``None``, with nothing changed, if the rate table cannot cover the interval.
        """
        x = particles.x
        if not self.process.constant:
            reach = float(np.max(np.abs(x), initial=0.0)) + abs(self.field) * dt + 2.0 * HORIZON
            if not self.covers(reach):
                return None
        if self.streams is None:
            self.streams = seed_states(rng, x.size)
        empty = np.zeros(0)
        state = (x, particles.wait, particles.bound, particles.candidate,
                 empty if particles.pauli is None else particles.pauli, disp, empty if wdisp is None else wdisp)
        model = (self.field, self.process.params.eta, 1.0 / TABLE_STEP, self.process.constant,
                 self.sampler.weight is not None, self.lanes)
        blocks = np.linspace(0, x.size, min(self.threads, max(x.size // MIN_BLOCK, 1)) + 1).astype(int)
        counts = np.zeros((blocks.size - 1, 16), dtype=np.int64)  # rows 128 bytes apart
        args = (state, float(dt), model, self.tables, self.arrays, _ZIGGURAT, self.streams)
        if counts.shape[0] == 1:
            _advance(0, x.size, *args, counts[0])
        else:
            list(_pool(counts.shape[0]).map(lambda j: _advance(blocks[j], blocks[j + 1], *args, counts[j]),
                                            range(counts.shape[0])))
        return self._tally(counts.sum(axis=0)[:6])

    def _tally(self, counts: NDArray[np.int64]) -> Tally:
        """Return the ensemble's share of the kernel's counters; add the envelope violations to the sampler's."""
        self.sampler.violations += int(counts[ENVELOPE])
        return Tally(flips=int(counts[FLIPS]), inelastic=int(counts[INELASTIC]), candidates=int(counts[CANDIDATES]),
                     checkpoints=int(counts[CHECKPOINTS]), violations=int(counts[VIOLATIONS]))


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


@functools.lru_cache(maxsize=8)
def _equal_mass(eta: float) -> FloatArray:
    """The equal-mass table of ``f_eq`` at ``eta`` (:func:`equal_mass_table`), read-only, built once per ``eta``."""
    table = equal_mass_table(eta)
    table.flags.writeable = False
    return table


def kernel_for(process: Process, backend: EventLoopBackend, threads: int | None = None) -> Kernel | None:
    """Return a :class:`Kernel` for ``process``, or ``None`` for the NumPy path.

    Raises
    ------
    DefinitionError
        If ``backend`` is ``NUMBA`` and numba is not importable, or ``threads < 1``.
    """
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise DefinitionError(f"'threads' must be an integer >= 1 (got {threads!r})")
    if backend is EventLoopBackend.NUMBA and not AVAILABLE:
        raise DefinitionError("backend 'numba' needs numba, which is not installed (pip install numba)")
    if backend is EventLoopBackend.NUMPY or not AVAILABLE:
        return None
    return Kernel(process, threads)
