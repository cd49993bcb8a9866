"""Numeric values at printed precision, with CODATA constants."""

from decimal import Decimal

import pytest
import scipy.constants as sc

from symcond.model.verdict import Verdict
from symcond.prove import check_numeric_value
from symcond.prove.values import printed_tolerance


def test_electron_mass_conductance(ctx):
    """m_e^2/h = 1.25e-27 kg^2/(J s) at the printed precision, and the value is CODATA's."""
    m_e, h = ctx.registry.symbols("m_e h")
    out = check_numeric_value(m_e**2 / h, "1.25e-27", ctx)
    assert out.verdict is Verdict.HOLDS
    assert float(out.evidence.value) == pytest.approx(sc.m_e**2 / sc.h, rel=1e-6)


def test_last_digit_matters(ctx):
    """1.26e-27 is refuted: the tolerance is half a unit of the last printed digit."""
    m_e, h = ctx.registry.symbols("m_e h")
    out = check_numeric_value(m_e**2 / h, "1.26e-27", ctx)
    assert out.verdict is Verdict.FAILS
    assert float(out.evidence.ratio) == pytest.approx(sc.m_e**2 / sc.h / 1.26e-27, rel=1e-9)


@pytest.mark.parametrize(("text", "half"), [("7.3e-4", "5e-6"), ("137", "0.5"), ("0.61", "0.005")])
def test_printed_tolerance(text, half):
    """Half a unit of the last printed digit."""
    assert printed_tolerance(text)[1] == Decimal(half)
