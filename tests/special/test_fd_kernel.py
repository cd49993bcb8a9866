"""Tests of the compiled (numba) path of symcond.special.fermi_dirac, used for large arrays.

The compiled path must meet the accuracy of the NumPy path (relative error <= 5e-16 against
mpmath at 40 digits on the stored sweep, ``data/fd_reference.npz``), keep its limits and
subnormal results, and give results that do not depend on the order or number of points.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.special import SUPPORTED_ORDERS, _fd_coeffs, _fd_kernel, fermi_dirac, fermi_dirac_mp, polylog_negative
from symcond.special.fermi_dirac import COMPILED_MIN_SIZE

REFERENCE = np.load(Path(__file__).with_name("data") / "fd_reference.npz")
#: Largest relative error seen on the sweep is 4.4e-16 (the reference itself is rounded to double).
TOLERANCE = 5e-16
EXTREMES = np.array([-np.inf, -1e308, -800.0, -745.2, -708.5, -700.0, 0.0, 1e6, 1e200, 1e308, np.inf])
SEED = 20251203


def _large(eta: np.ndarray) -> np.ndarray:
    """Return ``eta`` repeated to at least COMPILED_MIN_SIZE points (so the compiled path runs)."""
    return np.tile(eta, -(-COMPILED_MIN_SIZE // eta.size))


def _reference_row(order: float) -> np.ndarray:
    """Return the stored 40-digit values of F_order on the sweep."""
    return REFERENCE["values"][list(REFERENCE["orders"]).index(order)]


@pytest.mark.parametrize("twice", sorted(_fd_coeffs.HIGH_ETA))
def test_intervals_end_where_large_eta_piece_starts(twice: int) -> None:
    """The kernel takes the end of the tabulated intervals as HIGH_ETA: the tables must agree."""
    end = _fd_coeffs.ETA_LO + _fd_coeffs.WIDTH * len(_fd_coeffs.MID_POLY[twice])
    assert end == _fd_coeffs.HIGH_ETA[twice]


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_compiled_sweep_within_tolerance(order: float) -> None:
    """On the stored sweep the compiled path is within 5e-16 of mpmath (40 digits)."""
    rel = np.abs(fermi_dirac(order, _large(REFERENCE["eta"])) / _large(_reference_row(order)) - 1.0)
    worst = int(np.argmax(rel))
    assert rel[worst] <= TOLERANCE, f"eta={_large(REFERENCE['eta'])[worst]!r}: relative error {rel[worst]:.2e}"


def test_stored_sweep_alone_takes_numpy_path() -> None:
    """The sweep has fewer than COMPILED_MIN_SIZE points, so test_fermi_dirac's sweep tests check the NumPy path."""
    assert REFERENCE["eta"].size < COMPILED_MIN_SIZE <= _large(REFERENCE["eta"]).size


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    order=st.sampled_from(SUPPORTED_ORDERS),
    eta=st.floats(-708.0, -690.0) | st.floats(-3.0, 60.0) | st.floats(60.0, 1e6),
)
def test_kernel_matches_live_mpmath(order: float, eta: float) -> None:
    """At random eta (tail switch, intervals, large-eta pieces) the kernel is within 5e-16 of mpmath."""
    value = _fd_kernel.evaluate(int(2 * order), np.array([eta]))[0]
    assert abs(mpmath.mpf(value) / fermi_dirac_mp(order, eta) - 1) <= TOLERANCE


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_compiled_extremes_agree_with_numpy_path(order: float) -> None:
    """At the extreme arguments both paths agree: the same zeros, subnormals and infinities, finite values to 5e-16."""
    small = fermi_dirac(order, EXTREMES)
    large = fermi_dirac(order, _large(EXTREMES))[: EXTREMES.size]
    np.testing.assert_array_equal(large[small < 1e-300], small[small < 1e-300])
    np.testing.assert_allclose(large, small, rtol=TOLERANCE, atol=0)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_compiled_subnormal_results_equal_exp(order: float) -> None:
    """Below eta = -708 the compiled result is the subnormal exp(eta)."""
    out = fermi_dirac(order, _large(np.array([-720.0, -745.0])))
    assert out[0] == math.exp(-720.0) and out[1] == math.exp(-745.0)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_compiled_path_raises_no_floating_point_warning(order: float) -> None:
    """Sweep and extremes through the compiled path raise no floating-point condition."""
    with np.errstate(all="raise"):
        fermi_dirac(order, _large(np.concatenate([REFERENCE["eta"], EXTREMES])))


@pytest.mark.parametrize("order", [-1.0, 0.0, 0.5, 2.0])
def test_result_does_not_depend_on_order_of_points(order: float) -> None:
    """Permuting the points (across blocks, not a multiple of the block size) permutes the results."""
    rng = np.random.default_rng(SEED)
    eta = np.concatenate([REFERENCE["eta"], EXTREMES, rng.uniform(-750.0, 80.0, COMPILED_MIN_SIZE + 37)])
    perm = rng.permutation(eta.size)
    np.testing.assert_array_equal(fermi_dirac(order, eta[perm]), fermi_dirac(order, eta)[perm])


def test_compiled_path_keeps_shape() -> None:
    """A large 2-D input gives a float64 array of the same shape."""
    out = fermi_dirac(0.5, np.zeros((COMPILED_MIN_SIZE, 2)))
    assert out.shape == (COMPILED_MIN_SIZE, 2) and out.dtype == np.float64


def test_polylog_negative_uses_compiled_path_consistently() -> None:
    """polylog_negative on a large array agrees with the small-array path to 5e-16."""
    z = -np.geomspace(1e-300, 1e300, 601)
    np.testing.assert_allclose(polylog_negative(2.5, _large(z))[: z.size], polylog_negative(2.5, z), rtol=TOLERANCE)


def test_small_arrays_do_not_import_numba() -> None:
    """Scalars and arrays below COMPILED_MIN_SIZE never import numba (it costs about half a second)."""
    code = (
        "import sys, numpy as np\n"
        "from symcond.special import fermi_dirac\n"
        f"fermi_dirac(0.5, 1.0); fermi_dirac(2, np.zeros({COMPILED_MIN_SIZE - 1}))\n"
        "print('numba' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert result.stdout.strip() == "False"


def test_large_arrays_take_compiled_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """An array of COMPILED_MIN_SIZE points is evaluated by _fd_kernel.evaluate, one point fewer is not."""
    calls: list[int] = []
    evaluate = _fd_kernel.evaluate
    monkeypatch.setattr(_fd_kernel, "evaluate", lambda twice, x: calls.append(x.size) or evaluate(twice, x))
    fermi_dirac(0.5, np.zeros(COMPILED_MIN_SIZE - 1))
    fermi_dirac(0.5, np.zeros(COMPILED_MIN_SIZE))
    assert calls == [COMPILED_MIN_SIZE]


def test_without_compiled_kernels_large_arrays_take_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the compiled kernels (no numba) a large array goes through the NumPy code, with the same accuracy."""
    monkeypatch.setattr(sys.modules["symcond.special.fermi_dirac"], "_compiled_kernels", lambda: None)
    monkeypatch.setattr(_fd_kernel, "evaluate", None)  # calling it would raise TypeError
    rel = np.abs(fermi_dirac(1.5, _large(REFERENCE["eta"])) / _large(_reference_row(1.5)) - 1.0)
    assert rel.max() <= TOLERANCE


def test_no_writable_numba_cache_falls_back_to_numpy_path() -> None:
    """If numba finds no writable cache directory (its import of the kernels raises), large arrays still work."""
    code = (
        "import sys, types, numpy as np\n"
        "module = types.ModuleType('nolocator')\n"
        "module.NoLocator = type('NoLocator', (), {'from_function': classmethod(lambda cls, f, p: None)})\n"
        "sys.modules['nolocator'] = module\n"
        "from symcond.special import fermi_dirac\n"
        f"print(fermi_dirac(0.5, np.zeros({COMPILED_MIN_SIZE}))[0], 'symcond.special._fd_kernel' in sys.modules)\n"
    )
    env = {**os.environ, "NUMBA_CACHE_LOCATOR_CLASSES": "nolocator.NoLocator"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env, check=True)
    assert result.stdout.split() == [repr(fermi_dirac(0.5, 0.0)), "False"]
