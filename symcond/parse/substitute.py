"""Substitution into a parsed expression under the parser's resource limits.

:func:`bounded_xreplace` is ``xreplace`` that rebuilds every node a substitution touches
through the checks of :mod:`symcond.parse.caps` and :mod:`symcond.parse.functions`, and
bounds the size of the resulting tree by :data:`~symcond.parse.caps.MAX_EXPRESSION_NODES`;
so ``2**x`` with ``x = 10**100`` is refused instead of computed.

>>> x = sympy.Symbol("x", positive=True)
>>> bounded_xreplace(2**x + x, {x: sympy.Integer(10)})
1034
>>> bounded_xreplace(2**x, {x: sympy.Integer(10)**100})
Traceback (most recent call last):
...
symcond.errors.DefinitionError: substituting x = 1e100: exponent 1e100 in 2**x exceeds the limit of 1000 in magnitude
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import sympy

from symcond.errors import DefinitionError, ParseError
from symcond.parse.caps import (
    _SYMPY_ERRORS,
    _check_power,
    _check_printable,
    _check_result,
    _check_size,
    _check_transient,
    _reason,
    _short,
)
from symcond.parse.functions import _polylog, _Tally

__all__ = ["bounded_xreplace"]

#: How a node is rebuilt after a substitution, where it differs from ``node.func(*args)``.
_CONSTRUCTORS: Mapping[Any, Callable[..., sympy.Basic]] = {sympy.polylog: _polylog}


def bounded_xreplace(expr: sympy.Basic, mapping: Mapping[sympy.Basic, sympy.Basic]) -> sympy.Basic:
    """``expr.xreplace(mapping)``, with every rebuilt node checked against the limits first.

    Like :meth:`sympy.Basic.xreplace`, a node that is a key of ``mapping`` is replaced
    (without looking inside the replacement) and every node with a replaced descendant is
    rebuilt with SymPy's evaluation, so the result equals ``expr.xreplace(mapping)``.
    Before a node is rebuilt, the checks of the parser bound its numbers and exponents, the
    special-function arguments and the Max/Min work; afterwards the result is checked too,
    and the whole tree must stay within :data:`MAX_EXPRESSION_NODES` nodes and be printable
    by SymPy.  Each distinct subexpression is visited once.

    Parameters
    ----------
    expr : sympy.Basic
        The expression (or relation) to substitute into.
    mapping : Mapping[sympy.Basic, sympy.Basic]
        What to replace (usually symbols) by what.

    Returns
    -------
    sympy.Basic
        The substituted expression; ``expr`` itself when nothing was replaced.

    Raises
    ------
    DefinitionError
        When the substitution would build a number, an exponent, a special-function
        argument, a Max/Min or a tree beyond the limits, or SymPy cannot build a node; the
        message names the substitutions involved and the node.
    """
    expr = sympy.sympify(expr)
    result = _Substitution(mapping).walk(expr)
    if result is not expr:
        try:
            _check_printable(result)
        except ParseError as exc:
            raise DefinitionError(f"substituting into {_short(expr)}: {exc}") from exc
    return result


class _Where(str):
    """``in <node>`` for a message, printed when first shown: SymPy orders a sum's terms by evaluating
    them, which takes seconds for an integral, on every rebuilt node."""

    _node: sympy.Basic

    def __new__(cls, node: sympy.Basic) -> _Where:
        where = super().__new__(cls, "in ...")
        where._node = node
        return where

    def __str__(self) -> str:
        return f"in {_short(self._node)}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class _Substitution:
    """One bounded ``xreplace``: memoised results and tree sizes of the nodes seen."""

    def __init__(self, mapping: Mapping[sympy.Basic, sympy.Basic]) -> None:
        self._mapping = mapping
        self._done: dict[sympy.Basic, sympy.Basic] = {}
        self._tally = _Tally()

    def walk(self, node: sympy.Basic) -> sympy.Basic:
        """``node`` with the mapping applied (recursively, memoised)."""
        if node in self._mapping:
            return self._mapping[node]
        result = self._done.get(node)
        if result is None:
            args = tuple(self.walk(arg) if isinstance(arg, sympy.Basic) else arg for arg in node.args)
            changed = any(new is not old for new, old in zip(args, node.args, strict=True))
            result = self._rebuild(node, args) if changed else node
            self._done[node] = result
        return result

    def _rebuild(self, node: sympy.Basic, args: tuple[Any, ...]) -> sympy.Basic:
        """``node.func(*args)`` after the limit checks; their ParseError becomes a DefinitionError."""
        where = _Where(node)  # printed only into an error message: printing can cost seconds (integrals)
        try:
            result = self._checked(node.func, args, where)
            _check_size(result, self._tally.sizes, where)
        except ParseError as exc:
            raise DefinitionError(f"substituting {self._involved(node)}: {exc}") from exc
        return result

    def _checked(self, func: Any, args: tuple[Any, ...], where: str) -> sympy.Basic:
        """Check the arguments of ``func``, build the node, check the result."""
        if func in (sympy.Add, sympy.Mul):
            _check_transient(args, func, where)
        elif func is sympy.Pow:
            _check_power(args[0], args[1], where)
        else:
            self._tally.check_call(func, getattr(func, "__name__", str(func)), args, where)
        try:
            result = _CONSTRUCTORS.get(func, func)(*args)
        except _SYMPY_ERRORS as exc:
            raise ParseError(f"cannot evaluate the expression {where}: {_reason(exc)}") from exc
        if isinstance(result, sympy.Expr):
            _check_result(result, where)
        return result

    def _involved(self, node: sympy.Basic) -> str:
        """The substitutions that reach ``node``, as ``x = 1e100, y = 2`` (at most three)."""
        used = [key for key in self._mapping if node.has(key)]
        shown = ", ".join(f"{_short(key)} = {_short(self._mapping[key])}" for key in used[:3])
        return shown + (f" and {len(used) - 3} more" if len(used) > 3 else "")
