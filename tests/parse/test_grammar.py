"""The entry points: relations, assignments, the package's public names, and safety against code in the input."""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Iterator
from unittest import mock

import pytest
import sympy
from hypothesis import given, seed, settings

import symcond.parse
from symcond.errors import ParseError
from symcond.parse.grammar import DEFAULT_FUNCTIONS, parse_assignment, parse_expression, parse_relation
from tests.strategies import hostile_texts

x, y, L, l, tau_in, tau_el = (sympy.Symbol(name, positive=True) for name in "x y L l tau_in tau_el".split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tau_in<=tau_el", sympy.Le(tau_in, tau_el)),
        ("tau_in < tau_el", sympy.Lt(tau_in, tau_el)),
        ("x >= 2*y", sympy.Ge(x, 2 * y)),
        ("x > y", sympy.Gt(x, y)),
        ("x == y", sympy.Eq(x, y)),
    ],
)
def test_relation_table(text: str, expected: sympy.core.relational.Relational) -> None:
    """Each relational operator gives the matching SymPy relation."""
    assert parse_relation(text) == expected


def test_equality_may_have_a_non_real_side() -> None:
    """Only orderings need real sides: x == sqrt(-1) is a (false) equation, not an error."""
    assert parse_relation("x == sqrt(-1)") == sympy.Eq(x, sympy.I, evaluate=False)


def test_relation_is_not_evaluated() -> None:
    """A relation between numbers stays a Relational instead of becoming True."""
    relation = parse_relation("1 < 2")
    assert isinstance(relation, sympy.core.relational.Relational) and relation.args == (1, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "relation needs one of '<', '<=', '>', '>=', '==' (got none)"),
        ("a < b < c", "relation has a second relational operator '<' at position 6"),
        ("a = b", "unexpected '=' at position 2; use '==' for equality"),
        ("a => b", "unexpected '=' at position 2; use '==' for equality"),
        ("a != b", "character '!' (U+0021) is not allowed at position 2"),
        ("a <= ", "unexpected end of expression at position 5"),
        ("a <= b)", "unexpected ')' at position 6"),
        ("x<sqrt(-1)", "relation 'x<sqrt(-1)' compares with the non-real value I; '<', '<=', '>', '>=' need real,"
         " finite sides"),
        ("2*sqrt(-x) >= x", "relation '2*sqrt(-x) >= x' compares with the non-real value 2*I*sqrt(x); '<', '<=',"
         " '>', '>=' need real, finite sides"),
        ("x < oo", "relation 'x < oo' compares with the infinite value oo; '<', '<=', '>', '>=' need real, finite"
         " sides"),
        ("-oo<=x", "relation '-oo<=x' compares with the infinite value -oo; '<', '<=', '>', '>=' need real, finite"
         " sides"),
        ("1/2 > polylog(oo, -101)", "relation '1/2 > polylog(oo, -101)': cannot tell whether polylog(oo, -101) is"
         " real (ZeroDivisionError)"),
        ("x > Max(y, oo)", "relation 'x > Max(y, oo)' compares with the infinite value oo; '<', '<=', '>', '>='"
         " need real, finite sides"),
    ],
)
def test_relation_error_message(text: str, message: str) -> None:
    """Malformed relations give their exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_relation(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Gamma=l/L", ("Gamma", l / L)), (" tau = 2*x ", ("tau", 2 * x)), ("pi_0=1", ("pi_0", sympy.Integer(1)))],
)
def test_assignment_table(text: str, expected: tuple[str, sympy.Expr]) -> None:
    """NAME=EXPR gives the name and the parsed expression."""
    assert parse_assignment(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "assignment must have the form NAME=EXPR (got end of input at position 1)"),
        ("x+y=3", "assignment must have the form NAME=EXPR (got '+' at position 1)"),
        ("f(x)=3", "assignment must have the form NAME=EXPR (got '(' at position 1)"),
        ("2=x", "assignment must start with a name (got '2' at position 0)"),
        ("x==3", "use a single '=' in an assignment (got '==' at position 1)"),
        ("x=y=3", "unexpected '=' at position 3"),
        ("x=", "unexpected end of expression at position 2"),
        ("pi=3", "cannot assign to the constant 'pi'"),
        ("__class__=3", "name '__class__' at position 0 must start with a letter"),
    ],
)
def test_assignment_error_message(text: str, message: str) -> None:
    """Malformed assignments give their exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_assignment(text)
    assert str(info.value) == message


def test_package_exports_the_entry_points() -> None:
    """``symcond.parse`` re-exports the parser's entry points and the bounded substitution."""
    assert symcond.parse.parse_expression is parse_expression
    assert symcond.parse.parse_relation("x < y") == sympy.Lt(x, y)
    assert sorted(symcond.parse.__all__) == sorted(
        ["DEFAULT_FUNCTIONS", "bounded_xreplace", "is_identifier", "parse_assignment", "parse_expression",
         "parse_relation", "positive_symbol"]
    )


# --------------------------------------------------------------------------- safety
_FORBIDDEN_MODULES = {"os", "subprocess", "sys", "shutil", "socket", "importlib", "pickle", "ctypes", "builtins"}
_ALLOWED_HEADS = {
    *(func for func in DEFAULT_FUNCTIONS.values() if isinstance(func, type)),
    *(sympy.Add, sympy.Mul, sympy.Pow, sympy.polylog, sympy.dirichlet_eta),
}


@contextlib.contextmanager
def _nothing_may_run() -> Iterator[None]:
    """Make eval/exec/compile, string parsing in SymPy and imports of system modules fail loudly."""
    real_import = builtins.__import__

    def guarded_import(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in _FORBIDDEN_MODULES:
            raise AssertionError(f"parsing imported {name}")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsing tried to execute or parse code")

    with contextlib.ExitStack() as stack:
        for attribute in ("eval", "exec", "compile"):
            stack.enter_context(mock.patch.object(builtins, attribute, forbidden))
        stack.enter_context(mock.patch.object(builtins, "__import__", guarded_import))
        stack.enter_context(mock.patch("sympy.parsing.sympy_parser.parse_expr", forbidden))
        yield


def _only_allowed_nodes(expr: sympy.Expr) -> bool:
    """Whether every node is a symbol, a number or a whitelisted operation/function."""
    return all(
        node.is_Symbol or (node.is_number and node.is_Atom) or type(node) in _ALLOWED_HEADS
        for node in sympy.preorder_traversal(expr)
    )


def test_code_injection_is_rejected_and_not_run(tmp_path) -> None:
    """A classic injection string is a ParseError and its side effect never happens."""
    sentinel = tmp_path / "pwned"
    with _nothing_may_run(), pytest.raises(ParseError):
        parse_expression(f"__import__('os').system('touch {sentinel}')")
    assert not sentinel.exists()


@seed(20260502)
@settings(max_examples=300, deadline=None)
@given(hostile_texts())
def test_hostile_text_parses_safely_or_raises_parse_error(text: str) -> None:
    """Arbitrary hostile text gives a plain expression or a ParseError, and executes nothing."""
    with _nothing_may_run():
        try:
            expr = parse_expression(text)
        except ParseError:
            return
    assert isinstance(expr, sympy.Expr) and _only_allowed_nodes(expr)
