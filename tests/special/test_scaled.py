"""Fermi–Dirac integrals as (mantissa, power of two) pairs: against mpmath at 40 digits."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from symcond.special import SUPPORTED_ORDERS, fermi_dirac, fermi_dirac_mp
from symcond.special.scaled import SPLIT_BELOW, exp_frexp, fermi_dirac_frexp, fermi_dirac_tracked, frexp_exact


def _value(m: float, e: float) -> mpmath.mpf:
    return mpmath.mpf(m) * mpmath.mpf(2) ** int(e)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
@pytest.mark.parametrize("eta", [-40.5, -800.0, -1e4, -1e6])
def test_frexp_pair_matches_mpmath(order, eta):
    """mantissa * 2**exponent equals F_j(eta) (mpmath, 40 digits) to 2e-16 relative, far below underflow."""
    m, e = fermi_dirac_frexp(order, eta)
    with mpmath.workdps(40):
        ref = fermi_dirac_mp(order, mpmath.mpf(eta), dps=40)
        assert abs(_value(float(m), float(e)) / ref - 1) < 2e-16
    assert 0.5 <= float(m) < 1.0


@pytest.mark.parametrize("eta", [-1e10, -1e15])
def test_exp_pair_is_exact_for_huge_arguments(eta):
    """exp(eta) = mantissa * 2**exponent to 2e-16 even at eta = -1e15 (exact argument reduction)."""
    m, e = exp_frexp(eta)
    with mpmath.workdps(60):
        assert abs(_value(float(m), float(e)) / mpmath.exp(eta) - 1) < 2e-16


def test_pair_is_continuous_at_the_split():
    """Either side of eta = -40 the pair agrees with frexp of the ordinary value to 1e-15."""
    eta = np.array([SPLIT_BELOW - 1e-9, SPLIT_BELOW + 1e-9])
    m, e = fermi_dirac_frexp(0.5, eta)
    np.testing.assert_allclose(np.ldexp(m, e.astype(int)), fermi_dirac(0.5, eta), rtol=1e-15)


def test_tracked_values_behave_as_plain_values():
    """Tracked values print and compute like fermi_dirac's, and arithmetic drops the tag."""
    eta = np.array([-800.0, 0.0])
    tracked = fermi_dirac_tracked(0, eta)
    assert repr(tracked) == repr(fermi_dirac(0, eta))
    assert getattr(tracked * 2.0, "fd_args", None) is None
    assert float(frexp_exact(tracked)[1][0]) == -1154.0
