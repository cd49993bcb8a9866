"""The compiled event loop for constant rates: one particle at a time, or 64 on SIMD lanes.

With constant rates ``r_in``, ``r_flip`` the bound ``B = r_in + r_flip`` is exact: every
checkpoint is a collision.  Per collision one 64-bit draw chooses flip or re-draw (a
re-draw picks its cell of the equal-mass table, :func:`~symcond.montecarlo._tables.draw_equal`,
with the same uniform, rescaled), then one draw for the position in the cell and the sign,
one for acceptance, and one ziggurat exponential gives the next collision time.

* :func:`advance_constant_particle` -- one particle at a time (any Pauli factors);
* :func:`advance_lanes` -- without Pauli factors, ``LANES = 64`` particles at once: one round
  gives every lane a collision -- flip and re-draw both computed, selected per lane -- and
  the few lanes that need a rejection step (under 1 % of collisions: the ziggurat's slow
  path, a re-draw the squeeze test does not accept) are finished one at a time with the same
  random words.  The result is bit for bit that of the one-particle loop (tested).

Units: :mod:`symcond.kinetic.params`.
"""

from __future__ import annotations

import math

import numpy as np

from symcond.montecarlo._tables import draw_equal, squeeze_accepts
from symcond.montecarlo.flight import CANDIDATES, CHECKPOINTS, FLIPS, INELASTIC, fly, pauli_factor
from symcond.montecarlo.scratch import ctz, stack_array
from symcond.montecarlo.streams import LAYER_MASK, jit, next_u64, standard_exponential, unit

__all__ = ["LANES", "advance_constant_particle", "advance_lanes"]

#: SIMD lanes of the constant-rate loop (one bit each in a ``uint64`` mask).
LANES = 64
_LAST_BELOW_ONE = 1.0 - 2.0**-53


@jit
def _constants(tables):  # type: ignore[no-untyped-def]
    """Return ``(1 / B, P(flip), B / r_in)`` of constant rates ``r_in``, ``r_flip`` with ``B = r_in + r_flip``."""
    rate_in, flip = tables[0][0], tables[1][0]
    return 1.0 / (rate_in + flip), flip / (rate_in + flip), (rate_in + flip) / rate_in


@jit
def _event(xi, when, clock, d, wd, p, model, constants, table, zig, s0, s1, s2, s3, weighting, fermi):  # type: ignore[no-untyped-def]
    """One collision at constant rates: fly to ``when``, flip or re-draw, draw the next collision time.

    Return ``(x, next time, clock, d, wd, p, flipped, s0, s1, s2, s3)``.  The lanes of
    :func:`advance_lanes` reproduce it exactly when no rejection step is needed.
    """
    field, eta = model[0], model[1]
    inverse, share, rescale = constants
    k, w, f = zig
    xi, d, wd = fly(when - clock, xi, d, wd, p, field, weighting)
    r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
    u = unit(r)
    flipped = u < share
    if flipped:
        xi = -xi
    else:  # (u - share) / (1 - share) is uniform on [0, 1) given u >= share
        xi, s0, s1, s2, s3 = draw_equal((u - share) * rescale, s0, s1, s2, s3, table)
        if fermi:
            p = pauli_factor(xi, eta)
    g, s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
    return xi, when + g * inverse, when, d, wd, p, flipped, s0, s1, s2, s3


@jit
def _count(counts, flips, events):  # type: ignore[no-untyped-def]
    """Add constant-rate collisions to a counter row (every candidate and checkpoint is a collision)."""
    counts[FLIPS] += flips
    counts[INELASTIC] += events - flips
    counts[CANDIDATES] += events
    counts[CHECKPOINTS] += events


@jit
def advance_constant_particle(i, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """:func:`~symcond.montecarlo.thinning.advance_particle` for constant rates: every candidate is a collision."""
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
    xi, d, wd = fly(dt - clock, xi, d, wd, p, model[0], weighting)
    x[i], wait[i], disp[i] = xi, when - dt, d
    if fermi:
        pauli[i] = p
    if weighting:
        wdisp[i] = wd
    streams[i, 0], streams[i, 1], streams[i, 2], streams[i, 3] = s0, s1, s2, s3
    _count(counts, flips, events)


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
        x[i], disp[i], _ = fly(dt, x[i], 0.0, 0.0, 0.0, field, False)
        wait[i] -= dt
    owner[lane] = -1
    lanes[1, lane] = math.inf
    return head


@jit
def advance_lanes(lo, hi, state, dt, model, tables, sampler, zig, streams, counts):  # type: ignore[no-untyped-def]
    """Advance particles ``lo .. hi - 1`` at constant rates (no Pauli factors) on ``LANES`` SIMD lanes.

    Each lane holds one particle; :func:`_round` gives every lane a collision at once, the
    lanes it could not complete get :func:`_event` (the same random words, so the same
    result), and a lane whose particle reached ``dt`` takes the next particle.  The result
    is identical to :func:`advance_constant_particle` on every particle.  Lane state lives on
    the stack (:func:`~symcond.montecarlo.scratch.stack_array`), so the round vectorises
    without overlap checks.
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
            x[i], disp[i], _ = fly(dt - lanes[2, lane], lanes[0, lane], lanes[3, lane], 0.0, 0.0, field, False)
            wait[i] = lanes[1, lane] - dt
            for j in range(4):
                streams[i, j] = words[j, lane]
            head = _load(lane, head, hi, lanes, words, owner, state, dt, field, streams)
            live -= owner[lane] < 0
    _count(counts, flips, events)
