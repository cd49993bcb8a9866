"""The kernel's random streams: xoshiro256++ against its specification, the ziggurat exponential
and the compiled re-draw sampler against exact distributions (chi-square / KS with fixed seeds).

Each distribution test also shows it can fail: the same statistic rejects a sample that is
wrong by a small, known amount.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats
from scipy.special import expit

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import _tables, streams
from symcond.montecarlo.kernel import Kernel
from symcond.montecarlo.process import Process
from symcond.montecarlo.sampler import support_end
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
@pytest.mark.parametrize(("eta", "law"), [(-400.0, None), (-10.0, None), (0.0, None), (5.0, None), (100.0, None),
                                         (5.0, lorentzian)])
def test_compiled_redraw_has_the_exact_distribution(eta: float, law) -> None:
    """2*10^5 kernel re-draws: |x| passes chi-square against f_eq / t_in, signs balanced; a 2 % scale fails."""
    params = KineticParams(eta=eta, ratio=1.0, tau_in_law=law)
    proc = Process(params)
    kern = Kernel(proc)
    assert kern.covers(12.0)
    x = kern.sample(200_000, np.random.default_rng(7))
    cdf = _abs_cdf(eta, None if law is None else (lambda e: proc.rates(np.sqrt(e))[0]))
    assert _chi2_pvalue(np.abs(x), cdf) > P_MIN
    assert abs(np.count_nonzero(x > 0) - x.size / 2) <= 4.0 * np.sqrt(x.size / 4)
    assert _chi2_pvalue(1.02 * np.abs(x), cdf) < P_MIN
    assert kern.sampler.violations == 0


@pytest.mark.parametrize("eta", [-500.0, -10.0, 0.0, 5.0, 100.0, 5000.0])
def test_equal_mass_cells_tile_the_support_with_equal_envelope_mass(eta: float) -> None:
    """Cells start at 0, touch each other, reach past support_end, and f_eq(left) * width is one mass."""
    left, width, empty = _tables.equal_mass_table(eta, 1024)
    edges = left + width
    assert left[0] == 0.0 and np.all(width > 0.0) and edges[-1] >= support_end(eta)
    assert np.all(np.abs(edges[:-1] - left[1:]) <= 4.0 * np.spacing(left[1:]))
    log_shape = -np.logaddexp(0.0, left**2 - eta) + np.logaddexp(0.0, -eta)   # log f_eq(left) / f_eq(0)
    mass = np.exp(log_shape) * width
    assert np.ptp(mass) <= 1e-10 * mass.mean()
    assert np.allclose(empty, expit(left**2 - eta), rtol=1e-15, atol=0.0)


@settings(max_examples=300, deadline=None)
@given(st.floats(-500.0, 5000.0), st.floats(0.0, 80.0), st.floats(1e-9, 0.5), st.floats(0.0, 1.0),
       st.floats(0.0, 1.0, exclude_max=True))
def test_squeeze_never_accepts_above_the_exact_ratio(eta: float, left: float, width: float, frac: float,
                                                     v: float) -> None:
    """squeeze_accepts(v, o (2a + o)) implies v < f_eq(a + o) / f_eq(a) (50-digit mpmath)."""
    offset = width * frac
    if _tables.squeeze_accepts(v, offset * (2.0 * left + offset)):
        with mpmath.workdps(50):
            a, x = mpmath.mpf(left), mpmath.mpf(left) + mpmath.mpf(offset)
            ratio = (1 + mpmath.exp(a * a - eta)) / (1 + mpmath.exp(x * x - eta))
        assert v < ratio


def test_squeeze_accepts_most_proposals_of_narrow_cells() -> None:
    """The bound 1 - eps is tight on cells of small energy change: a 1e-4 change, v = 1 - 2e-4, accepted."""
    assert _tables.squeeze_accepts(1.0 - 2e-4, 1e-4) and not _tables.squeeze_accepts(1.0 - 2e-4, 3e-4)


def test_ziggurat_tail_start_closes_the_top_layer() -> None:
    """R is the root of the closure condition (sign change within 1e-9), the 256-layer R of the literature too."""
    r = streams.ZIGGURAT_R
    assert streams.ziggurat_closure(r - 1e-9) > 0.0 > streams.ziggurat_closure(r + 1e-9)
    assert abs(streams.ziggurat_closure(r)) < 1e-13
    assert streams.ziggurat_closure(7.69711747013104972 - 1e-9, 256) > 0.0 > streams.ziggurat_closure(
        7.69711747013104972 + 1e-9, 256)  # Marsaglia & Tsang (2000)


def test_ziggurat_fast_path_takes_over_99_percent() -> None:
    """One draw and one comparison decide 99.36 % of exponentials (fraction of the layers' first test)."""
    k, _, _ = streams.ziggurat_tables()
    assert 1.0 - float(np.mean(k.astype(float))) / 2.0**53 == pytest.approx(0.0064, abs=5e-5)
