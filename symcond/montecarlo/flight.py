"""Compiled pieces shared by both event loops of the kernel: free flight, Pauli factor, counters.

* :func:`fly` -- a free flight ``x -> x + F h``, accumulating ``Integral x dt`` and the
  Pauli-weighted ``Integral (1 - f_eq) x dt``;
* :func:`pauli_factor` -- ``1 - f_eq(x)`` without overflow;
* ``FLIPS`` ... ``ENVELOPE`` -- the columns of a counter row, which the loops of
  :mod:`symcond.montecarlo.thinning` and :mod:`symcond.montecarlo.constant_rates` increment
  and :class:`~symcond.montecarlo.kernel.Kernel` reads back.

Compiled with :func:`~symcond.montecarlo.streams.jit` (plain Python without numba).
Units: :mod:`symcond.kinetic.params`.

Examples
--------
>>> fly(2.0, 1.0, 0.0, 0.0, 0.5, 1.0, True)   # x: 1 -> 3, Integral x dt = 4, weighted 0.5 * 1 * 2
(3.0, 4.0, 1.0)
>>> round(pauli_factor(0.0, 0.0), 12)
0.5
"""

from __future__ import annotations

import math

from symcond.montecarlo.streams import jit

__all__ = ["CANDIDATES", "CHECKPOINTS", "ENVELOPE", "FLIPS", "INELASTIC", "VIOLATIONS", "fly", "pauli_factor"]

#: Columns of a counter row: flips, re-draws, thinning candidates, checkpoints, bound violations,
#: re-draw envelope violations.
FLIPS, INELASTIC, CANDIDATES, CHECKPOINTS, VIOLATIONS, ENVELOPE = range(6)


@jit
def pauli_factor(x, eta):  # type: ignore[no-untyped-def]
    """``1 - f_eq(x) = 1 / (1 + exp(eta - x**2))`` without overflow."""
    t = eta - x * x
    if t > 0.0:
        e = math.exp(-t)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(t))


@jit
def fly(h, xi, d, wd, p, field, weighting):  # type: ignore[no-untyped-def]
    """Free flight of duration ``h`` from ``xi``: return the new ``x``, ``Integral x dt`` and ``Integral p x dt``."""
    d += h * (xi + 0.5 * field * h)
    if weighting:
        wd += p * xi * h
    return xi + field * h, d, wd
