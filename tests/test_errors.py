"""Errors carry their data: the position of a parse error, the two dimensions of a mismatch."""

from __future__ import annotations

import pickle

import pytest
import sympy

from symcond.errors import DimensionError, ParseError
from symcond.parse import parse_expression
from symcond.quantities.dimensions import Dim, dimension_of


@pytest.mark.parametrize(("text", "position"), [("a + ) b", 4), ("a $ b", 2), ("open(1)", 0), ("(a + b", 0)])
def test_parse_error_carries_the_position(text, position):
    """The position attribute points at the character the message names."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert info.value.position == position
    assert f"position {position}" in str(info.value)


def test_errors_pickle_with_their_data():
    """Worker processes send errors to the parent: message and data survive pickling."""
    parse = pickle.loads(pickle.dumps(ParseError("bad", position=7)))
    dim = pickle.loads(pickle.dumps(DimensionError("differ", lhs="length", rhs="time")))
    assert (str(parse), parse.position) == ("bad", 7)
    assert (str(dim), dim.lhs, dim.rhs) == ("differ", "length", "time")


def test_dimension_error_carries_both_dimensions():
    """Adding a length to a time names both dimensions as data, not only in the text."""
    x, t = sympy.symbols("x t")
    length, time = Dim.of(sympy.physics.units.length), Dim.of(sympy.physics.units.time)
    with pytest.raises(DimensionError) as info:
        dimension_of(x + t, {x: length, t: time}.get)
    assert {info.value.lhs, info.value.rhs} == {length, time}
