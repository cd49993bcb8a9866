"""Limits after substitution (issue 13, "No number too large"): a given never builds what the parser refuses.

:func:`symcond.parse.caps.bounded_xreplace` rebuilds every node a substitution touches through the parser's
checks; :meth:`symcond.model.context.Context.prepare` applies it, so every path that substitutes givens, equality
assumptions or registry definitions (``check`` expressions, ``--given``, ``--assume``, derivation files) is
bounded.  Each case here hung or crashed before.
"""

import itertools

import pytest
import sympy
from hypothesis import assume, given, seed, settings

from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.parse.caps import MAX_EXPRESSION_NODES
from symcond.parse.substitute import bounded_xreplace
from tests.strategies import expressions, rationals

x, y, z = sympy.symbols("x y z", positive=True)
BIG = sympy.Integer(10) ** 100

#: (expression, substitutions, the exact one-line message)
REFUSED = [
    (2**x, {x: BIG}, "substituting x = 1e100: exponent 1e100 in 2**x exceeds the limit of 1000 in magnitude"),
    (x**y, {x: BIG, y: BIG}, "substituting x = 1e100, y = 1e100: exponent 1e100 in x**y exceeds the limit of 1000"
     " in magnitude"),
    (x**1000, {x: sympy.Integer(10) ** 999}, "substituting x = 1e999: exponent 1000 in x**1000 would make a number"
     " of about 999001 digits, more than the limit of 1000"),
    (x * y, {x: sympy.Integer(10) ** 999, y: sympy.Integer(10) ** 999}, "substituting x = 1e999, y = 1e999:"
     " number of about 1999 digits in x*y exceeds the limit of 1000"),
    (sympy.gamma(x), {x: BIG}, "substituting x = 1e100: argument 1e100 of 'gamma' in gamma(x) exceeds the limit"
     " of 100 in magnitude"),
    (sympy.zeta(x), {x: -BIG - 1}, "substituting x = ~-1e100: argument ~-1e100 of 'zeta' in zeta(x) exceeds the"
     " limit of 100 in magnitude"),
    (sympy.polylog(x, z, evaluate=False), {x: sympy.Integer(-101)}, "substituting x = -101: argument -101 of"
     " 'polylog' in polylog(x, z) exceeds the limit of 100 in magnitude"),
    (sympy.factorial(x), {x: sympy.Integer(10) ** 6}, "substituting x = 1000000: argument 1000000 of 'factorial'"
     " in factorial(x) exceeds the limit of 100 in magnitude"),
    (sympy.exp(x * sympy.log(y)), {x: sympy.Integer(5000)}, "substituting x = 5000: exponent 5000 in"
     " exp(x*log(y)) exceeds the limit of 1000 in magnitude"),
    (sympy.Max(x, y), {x: sympy.Max(*sympy.symbols("a0:15", positive=True)),
                       y: sympy.Max(*sympy.symbols("b0:15", positive=True))},
     "substituting x = Max(a0, a1, ...(68 characters), y = Max(b0, b1, ...(68 characters): 'Max' in"
     " Max(x, y) makes Max and Min compare 435 pairs of arguments in one expression, more than the limit of 200"),
    (1 / x, {x: sympy.S.Zero}, "substituting x = 0: division by zero in 1/x"),
    (sympy.exp(x), {x: sympy.Integer(10) ** 999}, "substituting x = 1e999: argument 1e999 of 'exp' in exp(x)"
     " exceeds the limit of 10000 in magnitude"),
    (x**y, {x: sympy.Integer(2), y: sympy.Rational(1, 10**400)}, "substituting x = 2, y = 1e-400: exponent 1e-400"
     " in x**y takes a root of degree 1e400 of a number, more than the limit of 1000"),
]


@pytest.mark.parametrize(("expr", "mapping", "message"), REFUSED, ids=lambda v: str(v)[:20])
def test_substitution_beyond_a_limit_is_refused_with_one_line(expr, mapping, message):
    """A substitution that would build a number, exponent or closed form beyond the limits is a DefinitionError."""
    with pytest.raises(DefinitionError) as info:
        bounded_xreplace(expr, mapping)
    assert str(info.value) == message


def test_relation_is_bounded_like_an_expression():
    """An assumption's relation is rebuilt through the same checks (--assume "2**x > 1", x = 10**100)."""
    with pytest.raises(DefinitionError, match=r"exponent 1e100 in 2\*\*x exceeds"):
        bounded_xreplace(sympy.Gt(2**x, 1), {x: BIG})


def test_unprintable_result_is_refused():
    """log(y, x) + z with x = tanh(1001) cannot be printed (its log is 0 at 15 digits); refused, not a crash later."""
    with pytest.raises(DefinitionError) as info:
        bounded_xreplace(sympy.log(y, x) + z, {x: sympy.tanh(1001)})
    assert str(info.value) == (
        "substituting into z + log(y)/log(x): SymPy cannot print the expression (ZeroDivisionError)"
    )


def test_doubling_definitions_stop_at_the_node_limit():
    """Twenty definitions x_k = x_{k+1}**2 + x_{k+1} double the tree each round; prepare stops at the node limit."""
    chain = sympy.symbols("x0:21", positive=True)
    ctx = Context(givens={a: b**2 + b for a, b in itertools.pairwise(chain)})
    with pytest.raises(DefinitionError, match=f"grows to more than {MAX_EXPRESSION_NODES} nodes"):
        ctx.prepare(chain[0])


def test_prepare_refuses_a_huge_given():
    """Context.prepare (the path of derivation files and of every prover) is bounded: 2**x with x = 10**100."""
    with pytest.raises(DefinitionError, match=r"^substituting x = 1e100: exponent 1e100 in 2\*\*x"):
        Context(givens={x: BIG}).prepare(2**x)


def test_prepare_refuses_a_huge_equality_assumption():
    """An active equality assumption is a substitution too, and bounded the same way."""
    ctx = Context(assumptions=(Assumption("huge", sympy.Eq(x, BIG)),))
    with pytest.raises(DefinitionError, match=r"exponent 1e100 in 2\*\*x"):
        ctx.prepare(2**x, ctx.assumptions)


@pytest.mark.parametrize(("expr", "mapping"), [
    (2**x + x, {x: sympy.Integer(10)}),
    (sympy.Lt(x, 2), {x: sympy.Integer(3)}),
    (sympy.Max(x, y, 1), {x: sympy.Integer(2), y: z}),
    (sympy.polylog(2, x, evaluate=False), {x: sympy.Rational(1, 2)}),
    (sympy.Integral(x * y, (y, 0, z)), {z: x**2}),
    (sympy.exp(-x / y) * sympy.sqrt(y), {y: x * z}),
])
def test_ordinary_substitution_equals_xreplace(expr, mapping):
    """Within the limits, bounded_xreplace gives exactly what SymPy's xreplace gives."""
    assert bounded_xreplace(expr, mapping) == expr.xreplace(mapping)


@seed(20260513)
@settings(max_examples=60, deadline=None)
@given(expr=expressions(max_leaves=8), value=rationals(positive=True), other=expressions(max_leaves=3))
def test_substitution_within_limits_equals_xreplace(expr, value, other):
    """For parser-sized expressions and small values, the bounded substitution is xreplace.

    polylog is left out: it is rebuilt as the parser builds it, evaluated only at a numeric
    argument, where xreplace evaluates (and may raise, as for ``polylog(1/2, Min(1/sqrt(x), x))``).
    """
    assume(not expr.has(sympy.polylog))
    symbols = sorted(expr.free_symbols, key=str)
    mapping = {symbols[0]: value, symbols[-1]: other} if symbols else {}
    assert bounded_xreplace(expr, mapping) == expr.xreplace(mapping)


def test_untouched_expression_is_returned_as_is():
    """Nothing to replace: the very same object comes back (no rebuild, no check)."""
    expr = 2**x + y
    assert bounded_xreplace(expr, {z: BIG}) is expr


@pytest.mark.parametrize("argv", [
    ["check", "2**x", "1", "--given", "x=10**100"],
    ["check", "x", "1", "--assume", "2**x > 1", "--given", "x=10**100"],
    ["check", "x**y", "1", "--given", "y=10**99", "--given", "x=10**99"],
    ["check", "x**1000", "1", "--given", "x=10**999"],
    ["check", "gamma(x)", "1", "--given", "x=10**99"],
    ["check", "zeta(x)", "1", "--given", "x=-10**99-1"],
    ["check", "Max(x, y)", "1", "--given", "x=Max(" + ",".join(f"a{i}" for i in range(15)) + ")",
     "--given", "y=Max(" + ",".join(f"b{i}" for i in range(15)) + ")"],
], ids=lambda argv: " ".join(argv[1:])[:40])
def test_cli_refuses_a_given_beyond_the_limits(capsys, argv):
    """symcond check with such a --given exits 2 with one 'substituting ...' line (it hung before)."""
    code = main(["check", "--budget", "0.5", "--total-budget", "10", *argv[1:]])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err.startswith("symcond: error: substituting ") and captured.err.count("\n") == 1

