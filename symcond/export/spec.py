"""What an exported function is: its expression, arguments with units, provenance and verdict.

:func:`functions_for` turns a claim into one or two :class:`FunctionSpec` — a derivation
exports its result, an equality or inequality its two sides (``<id>_lhs``, ``<id>_rhs``), a
limit its expression and the stated limit (``<id>``, ``<id>_limit``), any other claim its
expression.  Givens and registry definitions (``hbar = h/(2 pi)``) are substituted, so the
arguments are the symbols that remain, in alphabetical order (as in
:func:`symcond.numeric.lambdify.lambdify`).  The code generators only format these records.

>>> from symcond import decide
>>> from symcond.model.paper import Paper
>>> paper = Paper("demo2026", title="A demo")
>>> e, hbar = paper.symbols("e hbar")
>>> claim = paper.equality("eq1", e**2 / (2 * sympy.pi * hbar), e**2 / paper.symbols("h")[0])
>>> [(f.name, f.formula) for f in functions_for(paper, claim, decide(claim, paper))]
[('eq1_lhs', 'e**2/h'), ('eq1_rhs', 'e**2/h')]
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from enum import Enum

import sympy

from symcond import __version__
from symcond.errors import DefinitionError, DimensionError
from symcond.model.claims import Claim, ClaimKind
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.verdict import Outcome

__all__ = ["ExportBackend", "Argument", "FunctionSpec", "functions_for", "function_base_name", "PRECISION"]


class ExportBackend(Enum):
    """Targets of ``symcond export``."""

    NUMPY = "numpy"
    MPMATH = "mpmath"
    C = "c"


#: What each back end computes with (written into every docstring).
PRECISION = {
    ExportBackend.NUMPY: "NumPy float64 (IEEE-754 binary64, 53-bit significand, about 15.9 significant digits); "
                         "elementary functions from NumPy, relative error of a few units in the last place for "
                         "well-conditioned inputs; vectorised over arrays (broadcasting).",
    ExportBackend.MPMATH: "mpmath arbitrary precision: the result carries `dps` significant decimal digits "
                          "(default 30); arguments go through mpmath.mpmathify (pass strings for exact decimals).",
    ExportBackend.C: "C double (IEEE-754 binary64, about 15.9 significant digits) with <math.h> functions; "
                     "scalar arguments.",
}

_RESERVED = {"numpy", "mpmath", "scipy", "dps", "CONSTANTS"}


@dataclass(frozen=True)
class Argument:
    """One argument of an exported function: name, SI unit, description, CODATA value if known."""

    name: str
    unit: str
    description: str
    value: str | None


@dataclass(frozen=True)
class FunctionSpec:
    """Everything a code generator needs to write one function and its documentation."""

    name: str
    role: str
    expr: sympy.Expr
    args: tuple[sympy.Symbol, ...]
    arguments: tuple[Argument, ...]
    unit: str
    claim_id: str
    where: str
    statement: str
    source: str
    verdict: str
    detail: str
    formula_latex: str = ""

    @property
    def formula(self) -> str:
        """The expression in Python syntax (``**`` for powers)."""
        return sympy.sstr(self.expr)

    @property
    def generator(self) -> str:
        """Provenance line: symcond version."""
        return f"symcond {__version__}"


def function_base_name(claim_id: str) -> str:
    """A Python/C identifier from a claim id: ``'demo:table2:e.dim_D'`` -> ``'table2_e_dim_D'``.

    >>> function_base_name("dasgreen2003:eq11.paper_normalised")
    'eq11_paper_normalised'
    """
    local = claim_id.partition(":")[2] or claim_id
    name = re.sub(r"\W+", "_", local).strip("_")
    return name if name and not name[0].isdigit() else f"f_{name}"


def _parts(claim: Claim) -> list[tuple[str, str, sympy.Expr]]:
    """(suffix, role, expression) of each function to export."""
    kind = claim.kind
    if isinstance(claim, Derivation):
        return [("", "result of the derivation", claim.result)]
    lhs, rhs = claim.sides()
    if kind in (ClaimKind.EQUALITY, ClaimKind.INEQUALITY, ClaimKind.EQUALITY_IFF):
        return [("_lhs", "left-hand side", lhs), ("_rhs", "right-hand side", rhs)]
    if kind in (ClaimKind.LIMIT, ClaimKind.ASYMPTOTIC):
        where = f"{claim.var} -> {claim.point}"  # type: ignore[attr-defined]
        return [("", f"expression whose limit {where} is claimed", lhs), ("_limit", f"stated limit as {where}", rhs)]
    return [("", "expression", lhs)]


def _unit(paper: Paper, claim: Claim, expr: sympy.Expr) -> str:
    try:
        dim = paper.context(claim).dimension(expr)
    except DimensionError as exc:
        return f"inconsistent ({exc})"
    return "unknown" if dim is None else dim.unit_name()


def _argument(paper: Paper, symbol: sympy.Symbol) -> Argument:
    if keyword.iskeyword(symbol.name) or symbol.name in _RESERVED or not symbol.name.isidentifier():
        raise DefinitionError(f"cannot export an argument named {symbol.name!r}: it is reserved in generated code")
    quantity = paper.registry.get(symbol.name)
    if quantity is None or quantity.symbol != symbol:
        return Argument(symbol.name, "unknown", "undeclared symbol", None)
    unit = "unknown" if quantity.dimension is None else quantity.dimension.unit_name()
    return Argument(symbol.name, unit, quantity.description, quantity.value)


def functions_for(paper: Paper, claim: Claim, outcome: Outcome) -> tuple[FunctionSpec, ...]:
    """The functions that export ``claim`` (decided as ``outcome``), givens and definitions applied.

    Parameters
    ----------
    paper : Paper
        The claim's paper (registry: dimensions, descriptions, CODATA values).
    claim : Claim
        The claim to export.
    outcome : Outcome
        Its computed verdict, written into each docstring.

    Returns
    -------
    tuple of FunctionSpec
        One per exported expression.
    """
    ctx = paper.context(claim)
    source = f"{paper.key}, {claim.where}" + (f": {paper.reference}" if paper.reference else "")
    detail = " ".join(outcome.evidence.reason.split())
    names = {q.symbol: q.latex for q in paper.registry}
    specs = []
    for suffix, role, written in _parts(claim):
        expr = ctx.prepare(written)
        args = tuple(sorted(expr.free_symbols, key=lambda s: s.name))
        specs.append(FunctionSpec(
            function_base_name(claim.id) + suffix, role, expr, args, tuple(_argument(paper, a) for a in args),
            _unit(paper, claim, written), claim.id, claim.where, claim.statement, source,
            outcome.verdict.value, detail, sympy.latex(expr, symbol_names=names)))
    return tuple(specs)


def describe(spec: FunctionSpec, backend: ExportBackend) -> list[str]:
    """The documentation of an exported function, numpydoc-style lines (docstring or C comment).

    Includes the formula, each argument's SI unit, the source (paper, equation), the computed
    verdict and the precision of ``backend``.
    """
    lines = [f"{spec.role.capitalize()} of {spec.claim_id} ({spec.where}).", "",
             f"Formula: {spec.formula}", f"LaTeX: {spec.formula_latex}", f"As printed: {spec.statement}", "",
             "Parameters", "----------"]
    for arg in spec.arguments:
        where = "" if backend is ExportBackend.C else " (see CONSTANTS)"
        codata = f"; CODATA value {arg.value}{where}" if arg.value else ""
        lines += [f"{arg.name} : {'float or array_like' if backend is ExportBackend.NUMPY else 'real'}",
                  f"    {arg.description or arg.name} [{arg.unit}]{codata}"]
    if not spec.arguments:
        lines.append("(none)")
    lines += ["", "Returns", "-------", f"value [{spec.unit}]", "", "Notes", "-----",
              f"Source: {spec.source}.", f"Verdict computed by {spec.generator}: {spec.verdict} -- {spec.detail}.",
              f"Precision: {PRECISION[backend]}"]
    return lines
