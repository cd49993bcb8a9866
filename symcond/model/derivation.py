"""Derivations: a cited sequence of steps, each produced by a rule (data; :mod:`symcond.prove.steps`
checks each step on its own).

>>> import sympy
>>> from symcond.rules.base import Substitute
>>> a, b = sympy.symbols("a b", positive=True)
>>> d = Derivation(id="demo:eq1", where="Eq. (1)", start=a * b / b,
...                steps=[Step(a * 2 / 2, Rewrite()), Step(b, Substitute({a: b}))])
>>> d.result, d.conditions
(b, ())
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sympy

from symcond.errors import DefinitionError
from symcond.model.claims import Claim, ClaimKind, SymbolNames, build, latex_printer
from symcond.model.context import Context
from symcond.quantities.dimensions import Dim
from symcond.rules.base import Assume, Rewrite, Rule

if TYPE_CHECKING:  # NumPy and SciPy are imported only when a derivation is compiled
    from symcond.numeric.lambdify import NumericFunction

__all__ = ["Derivation", "Step"]


@dataclass(frozen=True)
class Step:
    """One line of a derivation: the expression and the rule that produced it."""

    expr: sympy.Expr
    rule: Rule = field(default_factory=Rewrite)
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Derivation(Claim):
    """A cited chain ``start -> step_1 -> ... -> step_n``; it holds when every step does."""

    kind = ClaimKind.DERIVATION
    start: sympy.Expr
    steps: tuple[Step, ...]

    def __init__(self, *, start: sympy.Expr, steps: Sequence[Step], **kw: object) -> None:
        if not steps:
            raise DefinitionError("a derivation needs at least one step")
        build(self, kw, start=sympy.sympify(start), steps=tuple(steps))

    @property
    def result(self) -> sympy.Expr:
        """The last expression of the chain."""
        return self.steps[-1].expr

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.start, self.result

    def expressions(self) -> list[sympy.Expr]:
        """Start followed by every step's expression."""
        return [self.start, *(s.expr for s in self.steps)]

    @property
    def conditions(self) -> tuple[str, ...]:
        """Names of the stated assumptions the steps apply (:class:`~symcond.rules.base.Assume`)."""
        return tuple(s.rule.name for s in self.steps if isinstance(s.rule, Assume))

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        lines = [tex(self.start)]
        for step in self.steps:
            lines.append(f"&= {tex(step.expr)} && \\text{{{_latex_text(step.rule.describe())}}}")
        return "\\begin{aligned}\n& " + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def _repr_latex_(self) -> str:
        return f"$${self.latex()}$$"

    def _repr_markdown_(self) -> str:
        return f"**{self.id}** ({self.where})\n\n$${self.latex()}$$"

    def simplify(self, ctx: Context | None = None) -> sympy.Expr:
        """The result with the derivation's givens applied, simplified."""
        ctx = ctx if ctx is not None else Context(givens=self.givens)
        return sympy.simplify(ctx.prepare(self.result))

    def lambdify(self, backend: str = "numpy", ctx: Context | None = None) -> NumericFunction:
        """The result (givens applied, as written) compiled by :func:`symcond.numeric.lambdify.lambdify`."""
        from symcond.numeric.lambdify import lambdify

        ctx = ctx if ctx is not None else Context(givens=self.givens)
        return lambdify(ctx.prepare(self.result), backend=backend)

    def dimension(self, ctx: Context | None = None) -> Dim | None:
        """SI dimension of the result (None when a symbol's dimension is unknown)."""
        ctx = ctx if ctx is not None else Context(givens=self.givens)
        return ctx.dimension(self.result)


def _latex_text(text: str) -> str:
    return text.replace("_", r"\_").replace("**", "^")
