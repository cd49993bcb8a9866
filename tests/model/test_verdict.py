"""Evidence holds values (expressions, numbers, dimensions, a Finding); text is made by shown() only."""

import pickle

import mpmath
import pytest
import sympy
from sympy.physics.units import length, time

from symcond.errors import ParseError
from symcond.model.verdict import (
    Evidence,
    Finding,
    Outcome,
    Verdict,
    number,
    show_expr,
    show_number,
)
from symcond.quantities.dimensions import Dim

x = sympy.Symbol("x", positive=True)


def _full() -> Evidence:
    with mpmath.workdps(30):
        side = number(mpmath.mpf(2) / 3, 30)
    return Evidence(ratio=2 * sympy.pi / x, residual=x - 1, value=sympy.Rational(1, 2),
                    counterexample={"x": sympy.Rational("0.217262"), "lhs": side, "rhs": sympy.nan},
                    lhs_dimension=Dim.of(length), rhs_dimension=Dim.of(length / time), reason="r",
                    finding=Finding.DIFFERENT, digits=30, numeric_points=3, step=2)


def test_evidence_survives_pickling():
    """Worker processes send evidence back: every value, the precision of every Float and the finding."""
    ev = _full()
    back = pickle.loads(pickle.dumps(Outcome(Verdict.FAILS, ev))).evidence
    assert back == ev and back.finding is Finding.DIFFERENT
    assert back.counterexample["lhs"]._prec == ev.counterexample["lhs"]._prec
    assert back.shown() == ev.shown()


def test_shown_is_the_text_of_every_edge():
    """sstr for expressions, 8 digits for a coordinate, 12 for a side, str for a dimension."""
    shown = _full().shown()
    assert (shown.ratio, shown.residual, shown.value) == ("2*pi/x", "x - 1", "1/2")
    assert shown.counterexample == {"x": "0.217262", "lhs": "0.666666666667", "rhs": "undefined"}
    assert (shown.lhs_dimension, shown.rhs_dimension) == ("m", "m s^-1")
    assert Evidence().shown().counterexample is None


def test_a_computed_value_is_shown_with_its_digits():
    """numeric=True: ratio with 10 significant digits, value with 7 (trailing zeros stripped)."""
    with mpmath.workdps(30):
        value, ratio = number(mpmath.mpf("137.0359990840"), 30), number(mpmath.mpf("1.000262768123"), 30)
    ev = Evidence(value=value, ratio=ratio, numeric=True)
    assert (ev.shown().value, ev.shown().ratio) == ("137.036", "1.000262768")
    assert Evidence(value=value).shown().value == sympy.sstr(value)


def test_a_float_expression_keeps_sympy_text():
    """An exact-path Float (from the claim) is printed by sstr, as before."""
    assert show_expr(sympy.Float(0.5)) == "0.500000000000000"


def test_former_text_is_read_back_as_written():
    """Strings (the former format) become the numbers they wrote (a coordinate shown as its shortest decimal)."""
    ev = Evidence(ratio="2*x", counterexample={"x": "0.21726200", "lhs": "1.80799037827", "rhs": "undefined"})
    assert sympy.sstr(ev.ratio) == "2*x" and isinstance(ev.counterexample["x"], sympy.Rational)
    assert ev.shown().counterexample == {"x": "0.217262", "lhs": "1.80799037827", "rhs": "undefined"}


def test_counterexample_is_read_only():
    """The mapping cannot be changed after the fact (the evidence is frozen)."""
    with pytest.raises(TypeError):
        _full().counterexample["x"] = sympy.Integer(1)  # type: ignore[index]


def test_a_dimension_must_be_a_dim():
    """Dimensions are Dim objects, never text."""
    with pytest.raises(TypeError, match="lhs_dimension"):
        Evidence(lhs_dimension="m")  # type: ignore[arg-type]


def test_finding_defaults_and_survives_with_():
    """A finding is set once and kept when the reason is reworded (a derivation step prefix)."""
    assert Evidence().finding is Finding.UNSPECIFIED
    ev = Evidence(finding=Finding.CONSTANT_FACTOR, reason="lhs/rhs = 2").with_(reason="step 1: lhs/rhs = 2")
    assert ev.finding is Finding.CONSTANT_FACTOR


def test_number_keeps_every_bit_and_complex_values():
    """number() rounds nothing; a complex value becomes re + im*I, shown like mpmath."""
    with mpmath.workdps(60):
        third = mpmath.mpf(1) / 3
        z = mpmath.mpc(1, 2) / 3
    assert number(third, 30)._mpf_ == third._mpf_
    assert show_number(number(z, 60)) == mpmath.nstr(z, 12)
    assert number(None, 30) is sympy.nan


def test_former_text_is_never_evaluated():
    """Text given for an expression field goes through the safe parser, never eval."""
    with pytest.raises(ParseError):
        Evidence(ratio="__import__('os').getcwd()")


def test_portable_evidence_prints_the_same_and_pickles():
    """An expression of a user's own function class becomes a symbol named by its text: same print, picklable."""
    class Unpicklable(sympy.Function):
        pass

    ev = Evidence(ratio=Unpicklable(sympy.Integer(1)) / 2, residual=sympy.Integer(3))
    portable = pickle.loads(pickle.dumps(ev.portable()))
    assert portable.shown() == ev.shown()
