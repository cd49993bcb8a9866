"""Numeric values at printed precision, with CODATA constants."""

from decimal import Decimal

import mpmath
import pytest
import scipy.constants as sc
import sympy
from sympy.physics.units import conductance

from symcond.errors import DefinitionError
from symcond.model.verdict import Finding, Verdict
from symcond.prove import check_numeric_value
from symcond.prove.values import printed_tolerance
from symcond.quantities.dimensions import Dim


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


def test_value_is_kept_whole_and_shown_with_its_printed_digits(ctx):
    """The CODATA value and the ratio are Floats at the working precision; text has 7 and 10 digits."""
    m_e, h = ctx.registry.symbols("m_e h")
    ev = check_numeric_value(m_e**2 / h, "1.30e-27", ctx).evidence
    assert ev.numeric and ev.finding is Finding.DIFFERENT
    assert isinstance(ev.value, sympy.Float) and ev.value._prec >= mpmath.libmp.dps_to_prec(ctx.dps)
    assert ev.shown().value == "1.252339e-27" and ev.shown().ratio == mpmath.nstr(ev.ratio, 10)
    assert ev.reason == "CODATA value 1.252339e-27 does not round to the printed 1.30e-27"


def test_printed_unit_of_another_dimension_fails(ctx):
    """A value whose printed unit has another dimension fails with both dimensions."""
    m_e, h = ctx.registry.symbols("m_e h")
    out = check_numeric_value(m_e**2 / h, "1.25e-27", ctx, Dim.of(conductance))
    assert out.verdict is Verdict.FAILS and out.evidence.finding is Finding.DIMENSION_MISMATCH
    assert (out.evidence.lhs_dimension, out.evidence.rhs_dimension) == (ctx.dimension(m_e**2 / h), Dim.of(conductance))


@pytest.mark.parametrize(("text", "half"), [("7.3e-4", "5e-6"), ("137", "0.5"), ("0.61", "0.005")])
def test_printed_tolerance(text, half):
    """Half a unit of the last printed digit."""
    assert printed_tolerance(text)[1] == Decimal(half)


@pytest.mark.parametrize(("stated", "verdict", "reason"), [
    ("12.906 kOhm", Verdict.HOLDS, "CODATA value 12.9064 kOhm rounds to the printed 12.906 kOhm"),
    ("12906.40 ohm", Verdict.HOLDS, "CODATA value 12906.4 ohm rounds to the printed 12906.40 ohm"),
    ("12.907 kOhm", Verdict.FAILS, "CODATA value 12.9064 kOhm does not round to the printed 12.907 kOhm"),
    ("0.012906 MOhm", Verdict.HOLDS, "CODATA value 0.0129064 MOhm rounds to the printed 0.012906 MOhm"),
])
def test_printed_value_with_a_unit_is_compared_in_that_unit(ctx, stated, verdict, reason):
    """h/(2 e^2) against a number with its unit: the tolerance is half a unit of the last digit, in that unit."""
    e, h = ctx.registry.symbols("e h")
    out = check_numeric_value(h / (2 * e**2), stated, ctx)
    assert (out.verdict, out.evidence.reason) == (verdict, reason)
    assert out.evidence.rhs_dimension.unit_name() == "Ω"


def test_printed_electronvolts_are_converted_exactly(ctx):
    """m_e c^2 = 510.999 keV (the eV is exactly 1.602176634e-19 J); the value is shown in keV."""
    m_e, c = ctx.registry.symbols("m_e c")
    out = check_numeric_value(m_e * c**2, "510.999 keV", ctx)
    assert out.verdict is Verdict.HOLDS
    assert float(out.evidence.value) == pytest.approx(sc.m_e * sc.c**2 / sc.e / 1e3, rel=1e-12)


def test_a_bare_number_times_k_B_is_not_an_energy(ctx):
    """300*k_B printed in meV is a dimension mismatch: the kelvin of T = 300 K is missing."""
    k_B = ctx.registry.symbol("k_B")
    out = check_numeric_value(300 * k_B, "25.852 meV", ctx)
    assert out.verdict is Verdict.FAILS and out.evidence.finding is Finding.DIMENSION_MISMATCH


def test_an_unknown_printed_unit_is_a_definition_error(ctx):
    """A unit that sympy.physics.units does not know is refused with its name."""
    e, h = ctx.registry.symbols("e h")
    with pytest.raises(DefinitionError, match=r"^unknown unit 'kOhmm'"):
        check_numeric_value(h / e**2, "25.8 kOhmm", ctx)
