"""The compiled thinning loop's rate tables and local bounds against Process."""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo.kernel import AVAILABLE, Kernel
from symcond.montecarlo.process import Process
from symcond.montecarlo.thinning import TABLE_RTOL, TABLE_STEP, thinning_bound, total_rate
from tests.montecarlo.conftest import lorentzian

needs_numba = pytest.mark.skipif(not AVAILABLE, reason="numba is not installed")


@needs_numba
def test_rate_table_interpolates_the_exact_rates() -> None:
    """The compiled interpolation of the rate tables is within TABLE_RTOL of Process.rates at random x."""
    proc = Process(KineticParams(eta=0.0, ratio=1.0, field=2.0, tau_in_law=lorentzian))
    kern = Kernel(proc)
    x = np.random.default_rng(5).uniform(-6.0, 6.0, 200)
    assert kern.covers(6.0)
    got = np.array([total_rate(kern.tables, 1.0 / TABLE_STEP, v) for v in x])
    assert np.allclose(got, np.sum(proc.rates(x), axis=0), rtol=TABLE_RTOL, atol=0.0)


@needs_numba
@pytest.mark.parametrize("field", [0.0, 2.0, -1.5])
def test_thinning_bound_matches_process_local_bound(field: float) -> None:
    """The compiled bound and horizon equal Process.local_bound, up to the table's interpolation error."""
    proc = Process(KineticParams(eta=0.0, ratio=1.0, field=field, tau_in_law=lorentzian))
    kern = Kernel(proc)
    assert kern.covers(8.0)
    x = np.random.default_rng(6).uniform(-6.0, 6.0, 100)
    want, horizon = proc.local_bound(x)
    got = [thinning_bound(v, field, kern.tables, 1.0 / TABLE_STEP) for v in x]
    assert all(h == horizon for _, h in got)
    assert np.allclose([b for b, _ in got], want, rtol=2.0 * TABLE_RTOL, atol=0.0)
