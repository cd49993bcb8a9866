"""The constant-rate loops: the SIMD lanes against the one-particle loop, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo.constant_rates import LANES
from symcond.montecarlo.ensemble import Ensemble
from symcond.montecarlo.process import Process
from symcond.montecarlo.streams import AVAILABLE

needs_numba = pytest.mark.skipif(not AVAILABLE, reason="numba is not installed")


@needs_numba
@pytest.mark.parametrize("particles", [LANES - 1, 1000])
def test_lanes_reproduce_the_one_particle_loop(particles: int) -> None:
    """Constant rates: the SIMD lanes and the one-particle loop give bit-identical ensembles.

    Several advances (lanes finish and reload particles, some collisions need the rejection
    steps), then positions, clocks, streams and counters are compared exactly.
    """
    proc = Process(KineticParams(eta=0.0, ratio=0.7, field=1.5))
    ensembles = [Ensemble(proc, particles, seed=11, threads=1) for _ in range(2)]
    on_lanes, in_loop = (e._kernel for e in ensembles)
    assert on_lanes is not None and in_loop is not None
    in_loop.lanes = False
    steps = [[e.advance(dt).displacement for dt in (0.3, 7.0, 2.5)] for e in ensembles]
    for a, b in zip(steps[0], steps[1], strict=True):
        assert np.array_equal(a, b)
    lanes, loop = ensembles
    assert np.array_equal(lanes.x, loop.x) and np.array_equal(lanes.wait, loop.wait)
    assert on_lanes.streams is not None and in_loop.streams is not None
    assert np.array_equal(on_lanes.streams, in_loop.streams)
    assert (lanes.flips, lanes.inelastic, lanes.events) == (loop.flips, loop.inelastic, loop.events)
    assert lanes.events > 10 * particles
