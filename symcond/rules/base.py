"""The step rules of a derivation, as data: how each line was obtained from the previous one.

A rule names the operation (:meth:`Rule.describe`) and carries it out (:meth:`Rule.apply`);
it never decides anything.  :mod:`symcond.prove.steps` checks a step by comparing the stated
expression with the rule's result, in a context that adds the rule's definitions.

>>> import sympy
>>> a, b = sympy.symbols("a b", positive=True)
>>> Substitute({a: b}).apply(a + 1), Substitute({a: b}).definitions_used()
(a + 1, {a: b})
>>> Assume({a: b}, name="equal").apply(a + 1)
b + 1
>>> TakeLimit(a, 0).apply(sympy.sin(a) / a)
1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sympy

__all__ = ["Rule", "Rewrite", "Substitute", "Assume", "Integrate", "TakeLimit", "Expand"]

_ZERO = sympy.S.Zero
_INFINITY = sympy.S.Infinity


@dataclass(frozen=True)
class Rule:
    """How a step was obtained from the previous expression (the default: unchanged, an identity)."""

    def describe(self) -> str:
        """One line for humans."""
        return type(self).__name__.lower()

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        """The expression the rule produces from ``previous``."""
        return previous

    def definitions_used(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        """Definitions the step may use besides the claim's givens (none by default)."""
        return {}


@dataclass(frozen=True)
class Rewrite(Rule):
    """An algebraic identity: the step equals the previous expression."""

    def describe(self) -> str:
        return "algebraic rewrite"


@dataclass(frozen=True)
class Substitute(Rule):
    """Substitute given definitions ``{symbol: expression}`` (either direction)."""

    definitions: Mapping[sympy.Symbol, sympy.Expr] = field(default_factory=dict)

    def describe(self) -> str:
        return "substitute " + ", ".join(f"{k} = {sympy.sstr(v)}" for k, v in self.definitions.items())

    def definitions_used(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        return self.definitions


@dataclass(frozen=True)
class Assume(Substitute):
    """Apply a stated assumption (an equality used as substitution); recorded as a condition."""

    name: str = ""

    def describe(self) -> str:
        return f"assume {self.name}: " + ", ".join(f"{k} = {sympy.sstr(v)}" for k, v in self.definitions.items())

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        return previous.xreplace(dict(self.definitions))

    def definitions_used(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        return {}


@dataclass(frozen=True)
class Integrate(Rule):
    """Integrate the previous expression over ``var`` from ``lower`` to ``upper``."""

    var: sympy.Symbol
    lower: sympy.Expr = _ZERO
    upper: sympy.Expr = _INFINITY

    def describe(self) -> str:
        return f"integrate over {self.var} from {self.lower} to {self.upper}"

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        return sympy.integrate(previous, (self.var, self.lower, self.upper))


@dataclass(frozen=True)
class TakeLimit(Rule):
    """Take the limit ``var -> point`` of the previous expression."""

    var: sympy.Symbol
    point: sympy.Expr = _INFINITY
    direction: str = "+-"

    def describe(self) -> str:
        return f"limit {self.var} -> {self.point}"

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        return sympy.limit(previous, self.var, self.point, self.direction)


@dataclass(frozen=True)
class Expand(Rule):
    """Asymptotic expansion: the step is equivalent to the previous one as ``var -> point``."""

    var: sympy.Symbol
    point: sympy.Expr = _INFINITY

    def describe(self) -> str:
        return f"asymptotic as {self.var} -> {self.point}"
