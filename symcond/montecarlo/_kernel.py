"""The compiled event loop of :class:`~symcond.montecarlo.ensemble.Ensemble` (numba).

Same algorithm as the NumPy path of :mod:`symcond.montecarlo.ensemble` -- thinning with the
constant bound, the exact rate at ``F = 0`` or the local bound of
:meth:`~symcond.montecarlo.process.Process.local_bound`; flips and exact re-draws -- in
compiled code, each particle with its own xoshiro256++ stream
(:mod:`symcond.montecarlo.streams`, seeded from the ensemble's generator).  A run therefore
depends on the seed only, not on the number of threads; it differs sample by sample from
the NumPy path (other random numbers and re-draw tables, :mod:`symcond.montecarlo._tables`),
not in distribution.

Per collision: one 64-bit draw chooses flip / re-draw / nothing (thinning), one ziggurat
exponential gives the next candidate time; a re-draw picks its cell with the same uniform
(rescaled), then one draw for the position in the cell and the sign, one for acceptance.

Constant rates without Pauli factors (every drift run with constant times) run on
``LANES = 64`` SIMD lanes (:func:`_lanes`): one round gives every lane a collision at once
-- flip and re-draw both computed, selected per lane -- and the few lanes that need a
rejection step (under 1 % of collisions: the ziggurat's slow path, a re-draw the squeeze
test does not accept) are finished one at a time with the same random words.  The result is bit for
bit that of the one-particle loop (tested).  Particles are split in contiguous blocks run
on ``threads`` threads (GIL released, one pool reused).  Measured
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
>>> isinstance(kernel_for(proc, Backend.AUTO), Kernel) == AVAILABLE, kernel_for(proc, Backend.NUMPY)
(True, None)
>>> Kernel(proc).tables   # (1/t_in, 1/(2 t_el)), constant
(array([1.]), array([0.5]))
"""

from __future__ import annotations

import enum
import functools
import math
import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError
from symcond.montecarlo._tables import (
    alias_rows,
    draw,
    draw_equal,
    equal_mass_table,
    interpolate,
    squeeze_accepts,
)
from symcond.montecarlo.process import BOUND_SLACK, HORIZON, Process
from symcond.montecarlo.scratch import ctz, stack_array
from symcond.montecarlo.streams import (
    AVAILABLE,
    LAYER_MASK,
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
#: SIMD lanes of the constant-rate loop (one bit each in a ``uint64`` mask).
LANES = 64
_ZIGGURAT = ziggurat_tables()
_LAST_BELOW_ONE = 1.0 - 2.0**-53


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
def _total(tables, scale, x):  # type: ignore[no-untyped-def]
    """Total rate ``1/t_in + 1/(2 t_el)`` at ``x``."""
    return interpolate(tables[0], scale, x) + interpolate(tables[1], scale, x)


@jit
def _pauli(x, eta):  # type: ignore[no-untyped-def]
    """``1 - f_eq(x) = 1 / (1 + exp(eta - x**2))`` without overflow."""
    t = eta - x * x
    if t > 0.0:
        e = math.exp(-t)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(t))


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
    field, eta, scale, _, weighted, _ = model
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
            rate_in, flip = interpolate(tables[0], scale, xi), interpolate(tables[1], scale, xi)
            violations += rate_in + flip > b * (1.0 + 4.0 * TABLE_RTOL)  # bounds may be exact rates
            candidates += 1
            if u < flip:
                xi = -xi
                flips += 1
            elif u < flip + rate_in:
                xi, s0, s1, s2, s3, bad = draw((u - flip) / rate_in, s0, s1, s2, s3, sampler, tables[0], scale,
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
def _constants(tables):  # type: ignore[no-untyped-def]
    """Return ``(1 / B, P(flip), B / r_in)`` of constant rates ``r_in``, ``r_flip`` with ``B = r_in + r_flip``."""
    rate_in, flip = tables[0][0], tables[1][0]
    return 1.0 / (rate_in + flip), flip / (rate_in + flip), (rate_in + flip) / rate_in


@jit
def _event(xi, when, clock, d, wd, p, model, constants, table, zig, s0, s1, s2, s3, weighting, fermi):  # type: ignore[no-untyped-def]
    """One collision at constant rates: fly to ``when``, flip or re-draw, draw the next collision time.

    Return ``(x, next time, clock, d, wd, p, flipped, s0, s1, s2, s3)``.  The lanes of
    :func:`_lanes` reproduce it exactly when no rejection step is needed.
    """
    field, eta = model[0], model[1]
    inverse, share, rescale = constants
    k, w, f = zig
    xi, d, wd = _fly(when - clock, xi, d, wd, p, field, weighting)
    r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
    u = unit(r)
    flipped = u < share
    if flipped:
        xi = -xi
    else:  # (u - share) / (1 - share) is uniform on [0, 1) given u >= share
        xi, s0, s1, s2, s3 = draw_equal((u - share) * rescale, s0, s1, s2, s3, table)
        if fermi:
            p = _pauli(xi, eta)
    g, s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
    return xi, when + g * inverse, when, d, wd, p, flipped, s0, s1, s2, s3


@jit
def _constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """:func:`_particle` for constant rates, one particle at a time: every candidate is a collision."""
    x, wait, _, _, pauli, disp, wdisp = state
    constants, table = _constants(tables), sampler[3]
    s0, s1, s2, s3 = streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3]
    xi, when, clock, d, wd = x[i], wait[i], 0.0, 0.0, 0.0
    p = pauli[i] if pauli.size else 0.0
    weighting, fermi = wdisp.size > 0, pauli.size > 0
    flips = events = 0
    while when < dt:
        xi, when, clock, d, wd, p, flipped, s0, s1, s2, s3 = _event(xi, when, clock, d, wd, p, model, constants,
                                                                    table, zig, s0, s1, s2, s3, weighting, fermi)
        flips += flipped
        events += 1
    xi, d, wd = _fly(dt - clock, xi, d, wd, p, model[0], weighting)
    x[i], wait[i], disp[i] = xi, when - dt, d
    if fermi:
        pauli[i] = p
    if weighting:
        wdisp[i] = wd
    streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3] = s0, s1, s2, s3
    _count_constant(counts, flips, events)


@jit
def _count_constant(counts, flips, events):  # type: ignore[no-untyped-def]
    """Add constant-rate collisions to a counter row (every candidate and checkpoint is a collision)."""
    counts[FLIPS] += flips
    counts[INELASTIC] += events - flips
    counts[CANDIDATES] += events
    counts[CHECKPOINTS] += events


@jit
def _round(lanes, words, dt, field, constants, table, kz, wz):  # type: ignore[no-untyped-def]
    """One collision on every lane whose next collision falls before ``dt``, vectorised over the lanes.

    Computes :func:`_event` for the common case -- the re-draw accepted by the squeeze test,
    the ziggurat's first layer test passing -- for every lane at once: both outcomes (flip
    or re-draw), selected per lane, with the random words a flip and a re-draw would use
    (2 or 4).  A lane is committed only if that case holds; the others are left unchanged
    and reported in the returned bit mask (inactive lanes included), for :func:`_event`.
    Return ``(flips, collisions, mask)``.
    """
    inverse, share, rescale = constants
    count = table.shape[1]
    flips = events = np.int64(0)
    mask = np.uint64(0)
    for i in range(LANES):
        x, when, clock, d = lanes[0, i], lanes[1, i], lanes[2, i], lanes[3, i]
        s0, s1, s2, s3 = words[0, i], words[1, i], words[2, i], words[3, i]
        h = when - clock
        d_new = d + h * (x + 0.5 * field * h)
        x_new = x + field * h
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)
        flipped = u < share
        row = min(max(int(min((u - share) * rescale, _LAST_BELOW_ONE) * count), 0), count - 1)
        left, width = table[0, row], table[1, row]
        r2, a0, a1, a2, a3 = next_u64(s0, s1, s2, s3)
        offset = width * unit(r2)
        y = left + offset
        y = -y if r2 & np.uint64(1) else y
        r3, b0, b1, b2, b3 = next_u64(a0, a1, a2, a3)
        accepted = squeeze_accepts(unit(r3), offset * (2.0 * left + offset))
        r4, c0, c1, c2, c3 = next_u64(b0, b1, b2, b3)
        z = r2 if flipped else r4
        layer = z & LAYER_MASK
        j = z >> np.uint64(11)
        commit = when < dt and (flipped or accepted) and j < kz[layer]
        mask |= np.uint64(not commit) << np.uint64(i)
        flips += np.int64(commit and flipped)
        events += np.int64(commit)
        lanes[0, i] = (-x_new if flipped else y) if commit else x
        lanes[1, i] = when + j * wz[layer] * inverse if commit else when
        lanes[2, i] = when if commit else clock
        lanes[3, i] = d_new if commit else d
        words[0, i] = (a0 if flipped else c0) if commit else words[0, i]
        words[1, i] = (a1 if flipped else c1) if commit else words[1, i]
        words[2, i] = (a2 if flipped else c2) if commit else words[2, i]
        words[3, i] = (a3 if flipped else c3) if commit else words[3, i]
    return flips, events, mask


@jit
def _load(lane, head, hi, lanes, words, owner, state, dt, field, streams):  # type: ignore[no-untyped-def]
    """Put the next particle (from ``head``) with a collision before ``dt`` on ``lane``; return the new head.

    Particles without one fly to ``dt`` at once; a lane left empty gets ``owner = -1``.
    """
    x, wait, disp = state[0], state[1], state[5]
    while head < hi:
        i = head
        head += 1
        if wait[i] < dt:
            lanes[0, lane], lanes[1, lane], lanes[2, lane], lanes[3, lane] = x[i], wait[i], 0.0, 0.0
            for j in range(4):
                words[j, lane] = streams[i, j]
            owner[lane] = i
            return head
        x[i], disp[i], _ = _fly(dt, x[i], 0.0, 0.0, 0.0, field, False)
        wait[i] -= dt
    owner[lane] = -1
    lanes[1, lane] = math.inf
    return head


@jit
def _lanes(lo, hi, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particles ``lo .. hi - 1`` at constant rates (no Pauli factors) on ``LANES`` SIMD lanes.

    Each lane holds one particle; :func:`_round` gives every lane a collision at once, the
    lanes it could not complete get :func:`_event` (the same random words, so the same
    result), and a lane whose particle reached ``dt`` takes the next particle.  The result
    is identical to :func:`_constant_particle` on every particle.  Lane state lives on the
    stack (:func:`stack_array`), so the round vectorises without overlap checks.
    """
    x, wait, _, _, _, disp, _ = state
    field = model[0]
    constants, table = _constants(tables), sampler[3]
    kz, wz, _ = zig
    lanes = stack_array((4, LANES), np.float64)
    words = stack_array((4, LANES), np.uint64)
    owner = stack_array((LANES,), np.int64)
    head, live = lo, 0
    for lane in range(LANES):
        head = _load(lane, head, hi, lanes, words, owner, state, dt, field, streams)
        live += owner[lane] >= 0
    flips = events = 0
    while live:
        f, e, mask = _round(lanes, words, dt, field, constants, table, kz, wz)
        flips, events = flips + f, events + e
        while mask:
            lane = ctz(mask)
            mask &= mask - np.uint64(1)
            i = owner[lane]
            if i < 0:
                continue
            if lanes[1, lane] < dt:
                (lanes[0, lane], lanes[1, lane], lanes[2, lane], lanes[3, lane], _, _, flipped, words[0, lane],
                 words[1, lane], words[2, lane], words[3, lane]) = _event(
                    lanes[0, lane], lanes[1, lane], lanes[2, lane], lanes[3, lane], 0.0, 0.0, model, constants, table,
                    zig, words[0, lane], words[1, lane], words[2, lane], words[3, lane], False, False)
                flips += flipped
                events += 1
                continue
            x[i], disp[i], _ = _fly(dt - lanes[2, lane], lanes[0, lane], lanes[3, lane], 0.0, 0.0, field, False)
            wait[i] = lanes[1, lane] - dt
            for j in range(4):
                streams[i, j] = words[j, lane]
            head = _load(lane, head, hi, lanes, words, owner, state, dt, field, streams)
            live -= owner[lane] < 0
    _count_constant(counts, flips, events)


@jit
def _advance(lo, hi, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particles ``lo .. hi - 1`` of ``state`` by ``dt``."""
    if not model[3]:
        for i in range(lo, hi):
            _particle(i, state, dt, model, tables, sampler, zig, streams, counts)
    elif model[5] and state[4].size == 0 and state[6].size == 0 and hi - lo >= LANES:
        _lanes(lo, hi, state, dt, model, tables, sampler, zig, streams, counts)
    else:
        for i in range(lo, hi):
            _constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts)


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
    """Compiled :meth:`~symcond.montecarlo.ensemble.Ensemble.advance` for one process.

    Parameters
    ----------
    process : Process
        Rates and samplers; energy-dependent rates are tabulated (module docstring).
    threads : int, optional
        Threads to split the particles over (default :func:`default_threads`).

    Attributes
    ----------
    lanes : bool
        Whether constant rates without Pauli factors run on SIMD lanes (:func:`_lanes`,
        default) or one particle at a time; the results are identical.
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
                 self.sampler.weight is not None, self.lanes)
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


@functools.lru_cache(maxsize=8)
def _equal_mass(eta: float) -> FloatArray:
    """The equal-mass table of ``f_eq`` at ``eta`` (:func:`equal_mass_table`), read-only, built once per ``eta``."""
    table = equal_mass_table(eta)
    table.flags.writeable = False
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
