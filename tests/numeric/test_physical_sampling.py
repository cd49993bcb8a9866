"""Sampler.physical_points: constants fixed at their values, free quantities drawn in physical ranges."""

import sympy

from symcond.numeric.sampling import PHYSICAL_DIGITS, Sampler

T, e, x = sympy.symbols("T e x", positive=True)
E_CHARGE = sympy.Rational("1.602176634e-19")


def _points(count=20, constraints=()):
    return Sampler().physical_points([T, e, x], count, constraints, "test", {e: E_CHARGE}, {T: (1.0, 1000.0)})


def test_fixed_values_are_exact():
    """A constant takes exactly its given value at every point."""
    assert {p[e] for p in _points()} == {E_CHARGE}


def test_ranged_values_stay_in_range_with_few_digits():
    """A ranged quantity lies in its bounds and is written with at most PHYSICAL_DIGITS significant digits."""
    values = [p[T] for p in _points()]
    assert all(1 <= v <= 1000 for v in values)
    assert all(len(str(sympy.Float(v, 15)).rstrip("0").replace(".", "").lstrip("0")) <= PHYSICAL_DIGITS
               for v in values)
    assert max(values) / min(values) > 10  # log-uniform over three decades, not stuck at one value


def test_other_symbols_are_drawn_as_usual():
    """A symbol without a range or value is drawn log-uniformly in [1/span, span]."""
    span = Sampler().span
    assert all(sympy.Rational(1) / int(span) - sympy.Rational(1, 10**6) <= p[x] <= span for p in _points())


def test_constraints_are_honoured():
    """Every point kept satisfies the constraints."""
    assert all(p[T] < 10 for p in _points(5, [sympy.Lt(T, 10)]))


def test_points_are_reproducible():
    """The same seed and salt give the same points run to run."""
    assert _points() == _points()
