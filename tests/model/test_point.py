"""Counterexample: a mapping with SI units and CODATA coordinates as data; coordinates shown exactly."""

import pickle

import pytest
import sympy
from sympy.physics.units import charge, temperature, voltage

from symcond.model.point import Counterexample, point_text, show_coordinate
from symcond.model.verdict import Evidence
from symcond.quantities.dimensions import Dim

POINT = Counterexample.of({"T": sympy.Rational("275.3"), "e": sympy.Rational("1.602176634e-19"),
                           "lhs": sympy.Float("0.0237", 30)},
                          {"T": Dim.of(temperature), "e": Dim.of(charge), "lhs": Dim.of(voltage)}, {"e"})


def test_reads_as_the_mapping_it_was():
    """Names, values and length are those of the plain mapping."""
    assert list(POINT) == ["T", "e", "lhs"] and POINT["T"] == sympy.Rational(2753, 10) and len(POINT) == 3
    assert POINT == {"T": sympy.Rational("275.3"), "e": sympy.Rational("1.602176634e-19"),
                     "lhs": sympy.Float("0.0237", 30)}


def test_equality_includes_the_units():
    """Two counterexamples with the same values but different units differ."""
    assert POINT != Counterexample.of(dict(POINT))


def test_units_survive_the_evidence_and_pickling():
    """Evidence keeps the units (a worker process pickles it)."""
    ev = pickle.loads(pickle.dumps(Evidence(counterexample=POINT)))
    assert ev.counterexample.unit("lhs") == Dim.of(voltage) and ev.counterexample.constants == {"e"}


def test_shown_units_are_si_names():
    """shown() gives each dimensional entry its SI unit name and lists the CODATA coordinates."""
    shown = Evidence(counterexample=POINT).shown()
    assert shown.units == {"T": "K", "e": "C", "lhs": "V"} and shown.constants == ("e",)
    assert shown.point_text() == "T = 275.3 K, e = 1.602176634e-19 C (CODATA), lhs = 0.0237 V"


def test_a_plain_mapping_has_no_units():
    """A counterexample built from a plain dict has no units, and its text is name = value."""
    shown = Evidence(counterexample={"x": sympy.Rational(1, 4)}).shown()
    assert shown.units is None and shown.point_text() == "x = 0.25"


@pytest.mark.parametrize(("value", "text"), [
    (sympy.Rational("0.807756"), "0.807756"),
    (sympy.Rational("9.1093837139e-31"), "9.1093837139e-31"),
    (sympy.Rational(1, 3), "0.33333333"),
    (sympy.Integer(5), "5.0"),
])
def test_show_coordinate(value, text):
    """The shortest exact decimal, or 8 significant digits when there is none."""
    assert show_coordinate(value) == text


def test_undefined_side_has_no_unit():
    """An undefined side is not given a unit."""
    assert point_text({"lhs": "undefined"}, {"lhs": "V"}, ()) == "lhs = undefined"
