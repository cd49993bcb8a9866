"""Bounded substitution: xreplace through the parser's limits (more cases in tests/soundness/test_bounds.py)."""

from __future__ import annotations

import pytest
import sympy

from symcond.errors import DefinitionError
from symcond.parse.substitute import bounded_xreplace

x, y, z = sympy.symbols("x y z", positive=True)


def test_polylog_is_rebuilt_as_the_parser_builds_it() -> None:
    """polylog stays unevaluated at a symbolic argument and is evaluated at a number, as in the parser."""
    expr = sympy.polylog(2, x, evaluate=False)
    assert bounded_xreplace(expr, {x: y * z}) == sympy.polylog(2, y * z, evaluate=False)
    assert bounded_xreplace(expr, {x: sympy.Rational(1, 2)}) == sympy.pi**2 / 12 - sympy.log(2) ** 2 / 2


def test_message_names_at_most_three_substitutions() -> None:
    """The message lists the first three substitutions that reach the refused node and counts the rest."""
    names = sympy.symbols("a0:5", positive=True)
    with pytest.raises(DefinitionError) as info:
        bounded_xreplace(2 ** sympy.Add(*names), dict.fromkeys(names, sympy.Integer(300)))
    assert str(info.value) == (
        "substituting a0 = 300, a1 = 300, a2 = 300 and 2 more: exponent 1500 in 2**(a0 + a1 + a2 + a3 + a4)"
        " exceeds the limit of 1000 in magnitude"
    )


def test_replacements_are_not_substituted_again() -> None:
    """As in xreplace, a replacement is not looked into: swapping x and y in x**2*y gives y**2*x."""
    assert bounded_xreplace(x**2 * y, {x: y, y: x}) == y**2 * x
