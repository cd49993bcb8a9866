"""The base rules are data; a Substitute that is not a substitution is refused when it is built."""

import pytest
import sympy

from symcond import DefinitionError, Integral, Substitute


def test_substitute_keys_must_be_symbols():
    """An expression as a key used to crash the step check (AttributeError: 'Integral' has no 'name')."""
    x = sympy.Symbol("x", positive=True)
    with pytest.raises(DefinitionError, match=r"Substitute replaces symbols; Integral\(x, \(x, 0, 1\)\) is not one"):
        Substitute({Integral(x, (x, 0, 1)): sympy.Rational(1, 2)})


def test_substitute_of_a_symbol_is_accepted():
    x, y = sympy.symbols("x y", positive=True)
    assert Substitute({x: 2 * y}).describe() == "substitute x = 2*y"
