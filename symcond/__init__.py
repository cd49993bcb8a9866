"""symcond: symbolic derivation and verification for the physics of conductance and diffusion.

The public API used by derivation files and by Python users:

>>> import symcond
>>> paper = symcond.Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> paper.check(paper.equality("eq1", e**2 / h, e**2 / h)).verdict
<Verdict.HOLDS: 'holds'>
"""

from __future__ import annotations

from sympy import Eq, Ge, Gt, Integral, Le, Lt, Rational, Symbol, exp, log, oo, pi, sqrt, zeta

from symcond.errors import (
    DefinitionError,
    DimensionError,
    NumericalError,
    ParseError,
    SolverError,
    SymcondError,
    UserCodeError,
)
from symcond.ledger.run import Ledger, load_papers, verify
from symcond.model.claims import (
    Asymptotic,
    Claim,
    ClaimKind,
    DimensionClaim,
    Equality,
    EqualityIff,
    Independence,
    Inequality,
    Limit,
    NumericValue,
)
from symcond.model.context import Assumption, Context
from symcond.model.derivation import Assume, Derivation, Expand, Integrate, Rewrite, Rule, Step, Substitute, TakeLimit
from symcond.model.paper import Paper
from symcond.model.verdict import Evidence, Expect, Outcome, Verdict
from symcond.numeric.lambdify import Backend, NumericFunction, lambdify
from symcond.quantities.dimensions import Dim, dimension_of
from symcond.quantities.registry import DEFAULT, Quantity, Registry, dimension_from_name

__version__ = "0.1.0"

__all__ = [
    "Assume", "Assumption", "Backend", "NumericFunction", "lambdify", "Asymptotic", "Claim", "ClaimKind",
    "Context", "DEFAULT", "DefinitionError",
    "Derivation", "Dim", "DimensionClaim", "DimensionError", "Eq", "Equality", "EqualityIff", "Evidence",
    "Expand", "Expect", "Ge", "Gt", "Independence", "Inequality", "Integral", "Integrate", "Le", "Ledger",
    "Limit", "Lt", "NumericValue", "NumericalError", "Outcome", "Paper", "ParseError", "Quantity", "Rational",
    "Registry", "Rewrite", "Rule", "SolverError", "Step", "Substitute", "Symbol", "SymcondError", "TakeLimit",
    "UserCodeError", "Verdict", "dimension_from_name", "dimension_of", "exp", "load_papers", "log", "oo", "pi",
    "sqrt", "verify", "zeta", "sin", "cos", "diff", "__version__",
]
