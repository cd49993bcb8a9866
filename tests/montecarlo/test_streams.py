"""The kernel's random streams: xoshiro256++ against its specification, the ziggurat exponential
and the compiled re-draw sampler against exact distributions (chi-square / KS with fixed seeds).

Each distribution test also shows it can fail: the same statistic rejects a sample that is
wrong by a small, known amount.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats
from scipy.special import expit

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import _kernel, streams
from symcond.montecarlo.process import Process
from tests.montecarlo.conftest import lorentzian

needs_numba = pytest.mark.skipif(not streams.AVAILABLE, reason="numba is not installed")
#: Smallest p-value accepted for a fixed-seed goodness-of-fit test.
P_MIN = 1e-4
U64 = st.integers(min_value=0, max_value=2**64 - 1)


def _chi2_pvalue(sample: np.ndarray, cdf, bins: int = 200) -> float:
    """p-value of Pearson's chi-square over ``bins`` cells of equal probability under ``cdf``."""
    counts = np.bincount(np.minimum((cdf(sample) * bins).astype(int), bins - 1), minlength=bins)
    return float(stats.chisquare(counts).pvalue)


@needs_numba
@settings(max_examples=50, deadline=None)
@given(st.lists(U64, min_size=4, max_size=4).filter(any))
def test_compiled_generator_follows_the_specification(state: list[int]) -> None:
    """The compiled xoshiro256++ gives the reference outputs (Python integers) for any non-zero state."""
    words = np.array(state, dtype=np.uint64)
    u = streams.uniforms(words.copy(), 8)
    expected = [(r >> 11) * 2.0**-53 for r in streams.reference_u64(state, 8)]
    assert u.tolist() == expected


def test_seed_states_are_reproducible_distinct_and_nonzero() -> None:
    """Equal seeds give equal states; rows are distinct and never all zero."""
    a = streams.seed_states(np.random.default_rng(3), 1000)
    b = streams.seed_states(np.random.default_rng(3), 1000)
    assert np.array_equal(a, b) and len({tuple(r) for r in a.tolist()}) == 1000 and np.all(a.any(axis=1))


@needs_numba
def test_uniforms_are_uniform() -> None:
    """10^6 uniforms pass chi-square on 200 equal cells; shifted by 0.5 % they fail."""
    u = streams.uniforms(streams.seed_states(np.random.default_rng(4), 1)[0], 1_000_000)
    assert _chi2_pvalue(u, lambda v: v) > P_MIN
    assert _chi2_pvalue(np.minimum(u * 1.005, 0.999999), lambda v: v) < P_MIN


@needs_numba
def test_ziggurat_exponential_is_exponential() -> None:
    """10^6 ziggurat draws pass chi-square against 1 - exp(-x); scaled by 1 % they fail."""
    e = streams.exponentials(streams.seed_states(np.random.default_rng(5), 1)[0], 1_000_000)
    assert _chi2_pvalue(e, lambda v: -np.expm1(-v)) > P_MIN
    assert _chi2_pvalue(1.01 * e, lambda v: -np.expm1(-v)) < P_MIN


@needs_numba
@pytest.mark.parametrize("cut", [streams.ZIGGURAT_R, 9.0, 11.0])
def test_ziggurat_tail_has_the_exact_weight(cut: float) -> None:
    """P(E > cut) beyond the ziggurat's base (the log tail) within 4 binomial sigma, 10^7 draws."""
    n = 10_000_000
    e = streams.exponentials(streams.seed_states(np.random.default_rng(6), 1)[0], n)
    p = np.exp(-cut)
    assert abs(np.count_nonzero(e > cut) - n * p) <= 4.0 * np.sqrt(n * p * (1.0 - p))


def test_ziggurat_tables_are_consistent() -> None:
    """Layer edges: f = exp(-x_i) decreasing from 1, acceptance k = x_i / x_(i+1), base layer at R."""
    k, w, f = streams.ziggurat_tables()
    edges = w[1:] * 2.0**53
    assert f[0] == 1.0 and np.all(np.diff(f) < 0.0)
    assert np.allclose(k[2:].astype(float) / 2.0**53, edges[:-1] / edges[1:], rtol=1e-12)
    assert np.allclose(f[1:], np.exp(-edges), rtol=1e-12) and edges[-1] == pytest.approx(streams.ZIGGURAT_R)


def _abs_cdf(eta: float, weight=None):
    """CDF of |x| under f_eq(x) * weight(x**2) on [0, 8 + sqrt(max(eta, 0))] (tabulated by quadrature)."""
    end = 8.0 + np.sqrt(max(eta, 0.0))
    grid = np.linspace(0.0, end, 40_001)
    dens = expit(eta - grid**2) * (1.0 if weight is None else weight(grid**2))
    cum = integrate.cumulative_trapezoid(dens, grid, initial=0.0)
    return lambda v: np.interp(v, grid, cum / cum[-1])


@needs_numba
@pytest.mark.parametrize(("eta", "law"), [(-10.0, None), (0.0, None), (5.0, None), (5.0, lorentzian)])
def test_compiled_redraw_has_the_exact_distribution(eta: float, law) -> None:
    """2*10^5 kernel re-draws: |x| passes chi-square against f_eq / t_in, signs balanced; a 2 % scale fails."""
    params = KineticParams(eta=eta, ratio=1.0, tau_in_law=law)
    proc = Process(params)
    kern = _kernel.Kernel(proc)
    assert kern.covers(12.0)
    x = kern.sample(200_000, np.random.default_rng(7))
    cdf = _abs_cdf(eta, None if law is None else (lambda e: proc.rates(np.sqrt(e))[0]))
    assert _chi2_pvalue(np.abs(x), cdf) > P_MIN
    assert abs(np.count_nonzero(x > 0) - x.size / 2) <= 4.0 * np.sqrt(x.size / 4)
    assert _chi2_pvalue(1.02 * np.abs(x), cdf) < P_MIN
    assert kern.sampler.violations == 0
