"""The compiled event loop for energy-dependent rates: thinning against a local bound.

One particle at a time (:func:`advance_particle`), the algorithm of the NumPy path of
:mod:`symcond.montecarlo.ensemble`: the particle flies freely between *checkpoints*; at
each it draws a bound of the total rate over the next flight (:func:`thinning_bound`,
:meth:`~symcond.montecarlo.process.Process.local_bound` -- the exact rate at ``F = 0``) and
an exponential gap; a checkpoint inside the bound's horizon is a thinning candidate, which
flips ``x``, re-draws it, or does nothing, with one uniform.

The rates are user callables that compiled code cannot call: they come as tables on a grid
of ``|x|`` with step ``TABLE_STEP``, interpolated linearly (:func:`total_rate`);
:class:`~symcond.montecarlo.kernel.Kernel` builds them and keeps the kernel only if the
interpolant is within ``TABLE_RTOL`` of the exact total rate.

Units: :mod:`symcond.kinetic.params`.

Examples
--------
>>> import numpy as np
>>> tables = (np.array([1.0, 3.0]), np.array([0.5, 0.5]))   # r_in = 1 + 2|x|, r_flip = 1/2 on [0, 1]
>>> float(total_rate(tables, 1.0, 0.25)), float(total_rate(tables, 1.0, -0.25))
(2.0, 2.0)
>>> thinning_bound(0.25, 0.0, tables, 1.0)   # F = 0: the exact rate, for ever
(2.0, inf)
"""

from __future__ import annotations

import math

from symcond.montecarlo._tables import draw, interpolate
from symcond.montecarlo.flight import (
    CANDIDATES,
    CHECKPOINTS,
    ENVELOPE,
    FLIPS,
    INELASTIC,
    VIOLATIONS,
    fly,
    pauli_factor,
)
from symcond.montecarlo.process import BOUND_SLACK, HORIZON
from symcond.montecarlo.streams import jit, next_u64, standard_exponential, unit

__all__ = ["TABLE_RTOL", "TABLE_STEP", "advance_particle", "thinning_bound", "total_rate"]

#: Grid step of the rate tables (units ``k_T``).
TABLE_STEP = 1.0 / 1024.0
#: Largest relative error of the interpolated total rate at the grid midpoints.
TABLE_RTOL = 1e-6


@jit
def total_rate(tables, scale, x):  # type: ignore[no-untyped-def]
    """Total rate ``1/t_in + 1/(2 t_el)`` at ``x``."""
    return interpolate(tables[0], scale, x) + interpolate(tables[1], scale, x)


@jit
def thinning_bound(x, field, tables, scale):  # type: ignore[no-untyped-def]
    """Return the thinning bound at ``x`` and the time it holds (``Process.local_bound``)."""
    if field == 0.0:
        return total_rate(tables, scale, x), math.inf
    horizon = HORIZON / abs(field)
    top = max(total_rate(tables, scale, x), total_rate(tables, scale, x + 0.5 * field * horizon),
              total_rate(tables, scale, x + field * horizon))
    return top * (1.0 + BOUND_SLACK), horizon


@jit
def advance_particle(i, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
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
        xi, d, wd = fly(min(when, dt) - clock, xi, d, wd, p, field, weighting)
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
                    p = pauli_factor(xi, eta)
        g, s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
        checkpoints += 1
        b, horizon = thinning_bound(xi, field, tables, scale)
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
