"""symcond: symbolic derivation and verification for the physics of conductance and diffusion.

The public API: everything a derivation file needs (``from symcond import *`` gives all of it).

>>> import symcond
>>> paper = symcond.Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> symcond.decide(paper.equality("eq1", e**2 / h, e**2 / h), paper).verdict
<Verdict.HOLDS: 'holds'>
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]

# SymPy names paper files write formulas with (the functions of the expression grammar, among others).
from sympy import (
    Abs, Eq, Function, Ge, Gt, Heaviside, Integral, LambertW, Le, Lt, Rational, Symbol, acos, asin, atan, besselj,
    cos, cosh, diff, erf, erfc, exp, factorial, gamma, log, oo, pi, polylog, sin, sinh, sqrt, tan, tanh, zeta,
)

__all__ += ["Abs", "Eq", "Function", "Ge", "Gt", "Heaviside", "Integral", "LambertW", "Le", "Lt", "Rational",
            "Symbol", "acos", "asin", "atan", "besselj", "cos", "cosh", "diff", "erf", "erfc", "exp", "factorial",
            "gamma", "log", "oo", "pi", "polylog", "sin", "sinh", "sqrt", "tan", "tanh", "zeta"]

# SymPy's units, for numbers with a unit in givens ({T: 300*units.kelvin}).
from sympy.physics import units

__all__ += ["units"]

# Errors: one hierarchy.
from symcond.errors import (
    DefinitionError, DimensionError, NumericalError, ParseError, SolverError, SymcondError, UserCodeError,
)

__all__ += ["DefinitionError", "DimensionError", "NumericalError", "ParseError", "SolverError", "SymcondError",
            "UserCodeError"]

# Quantities: the registry of symbols (CODATA constants, declared quantities) and SI dimensions.
from symcond.quantities.dimensions import Dim, dimension_of
from symcond.quantities.registry import DEFAULT, Quantity, Registry, codata, dimension_from_name
from symcond.quantities.units import Unit, parse_unit

__all__ += ["Dim", "dimension_of", "DEFAULT", "Quantity", "Registry", "codata", "dimension_from_name", "Unit",
            "parse_unit"]

# Special functions with SymPy, mpmath and NumPy forms.
from symcond.special.sympy_fd import FermiDirac

__all__ += ["FermiDirac"]

# Step rules of derivations.
from symcond.rules.base import Assume, Expand, Integrate, Rewrite, Rule, Substitute, TakeLimit
from symcond.rules.integrals import ChangeVariable, FoldEven, Recognize
from symcond.rules.series import IntegrateBose

__all__ += ["Assume", "Expand", "Integrate", "Rewrite", "Rule", "Substitute", "TakeLimit", "ChangeVariable",
            "FoldEven", "Recognize", "IntegrateBose"]

# What a paper says: the paper, its claims, derivations, tables, figures, the context, verdicts.
from symcond.model.claims import (
    Asymptotic, Claim, ClaimKind, DimensionClaim, Equality, EqualityIff, Independence, Inequality, Limit, NumericValue,
)
from symcond.model.context import Assumption, Context
from symcond.model.derivation import Derivation, Step
from symcond.model.figures import Dash, RatioLine, SubbandFigure, VelocityVariant
from symcond.model.paper import Paper
from symcond.model.tables import Carrier, Column, Row, Table, latex_of
from symcond.model.verdict import Evidence, Expect, Finding, Outcome, Verdict

__all__ += ["Asymptotic", "Claim", "ClaimKind", "DimensionClaim", "Equality", "EqualityIff", "Independence",
            "Inequality", "Limit", "NumericValue", "Assumption", "Context", "Derivation", "Step", "Dash", "RatioLine",
            "SubbandFigure", "VelocityVariant", "Paper", "Carrier", "Column", "Row", "Table", "latex_of", "Evidence",
            "Expect", "Finding", "Outcome", "Verdict"]

# Numbers from expressions.
from symcond.numeric.lambdify import Backend, NumericFunction, lambdify

__all__ += ["Backend", "NumericFunction", "lambdify"]

# Deciding claims.
from symcond.prove import decide

__all__ += ["decide"]

# Running papers: the ledger.
from symcond.ledger.run import Ledger, load_papers, verify

__all__ += ["Ledger", "load_papers", "verify"]
