"""symcond: symbolic derivation and verification for the physics of conductance and diffusion.

The public API: everything a derivation file needs (``from symcond import *`` gives all of it).

>>> import symcond
>>> paper = symcond.Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> symcond.decide(paper.equality("eq1", e**2 / h, e**2 / h), paper).verdict
<Verdict.HOLDS: 'holds'>

Names are imported on first use (PEP 562): ``python -m symcond check`` loads only what the
command needs, not the whole API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: (module, its public names), by topic.
_GROUPS: tuple[tuple[str, str], ...] = (
    # SymPy names paper files write formulas with (the functions of the expression grammar, among others).
    ("sympy", "Abs Eq Function Ge Gt Heaviside Integral LambertW Le Lt Rational Symbol acos asin atan besselj "
     "cos cosh diff erf erfc exp factorial gamma log oo pi polylog sin sinh sqrt tan tanh zeta"),
    # SymPy's units, for numbers with a unit in givens ({T: 300*units.kelvin}).
    ("sympy.physics", "units"),
    # Errors: one hierarchy.
    ("symcond.errors", "DefinitionError DimensionError NumericalError ParseError SolverError SymcondError "
     "UserCodeError"),
    # Quantities: the registry of symbols (CODATA constants, declared quantities) and SI dimensions.
    ("symcond.quantities.dimensions", "Dim dimension_of"),
    ("symcond.quantities.registry", "DEFAULT Quantity Registry codata dimension_from_name"),
    ("symcond.quantities.units", "Unit parse_unit"),
    # Special functions with SymPy, mpmath and NumPy forms.
    ("symcond.special.sympy_fd", "FermiDirac"),
    # Step rules of derivations.
    ("symcond.rules.base", "Assume Expand Integrate Rewrite Rule Substitute TakeLimit"),
    ("symcond.rules.integrals", "ChangeVariable FoldEven Recognize"),
    ("symcond.rules.series", "IntegrateBose"),
    # What a paper says: the paper, its claims, derivations, tables, figures, the context, verdicts.
    ("symcond.model.claims", "Asymptotic Claim ClaimKind DimensionClaim Equality EqualityIff Independence "
     "Inequality Limit NumericValue Role"),
    ("symcond.model.data", "DataValue"),
    ("symcond.model.solver_claims", "KineticClaim KineticProperty"),
    ("symcond.model.context", "Assumption Context"),
    ("symcond.model.derivation", "Derivation Step"),
    ("symcond.model.figures", "Dash RatioLine SubbandFigure VelocityVariant"),
    ("symcond.model.paper", "Paper"),
    ("symcond.model.tables", "Carrier Column Row Table latex_of"),
    ("symcond.model.verdict", "Evidence Expect Finding Outcome Verdict"),
    # Numbers from expressions.
    ("symcond.numeric.lambdify", "Backend NumericFunction lambdify"),
    # Deciding claims.
    ("symcond.prove", "decide"),
    # Running papers: the ledger, and its result cache.
    ("symcond.ledger.run", "Ledger load_papers verify"),
    ("symcond.ledger.cache", "ResultCache"),
)
#: Public name -> the module that defines it.
_SOURCES: dict[str, str] = {name: module for module, names in _GROUPS for name in names.split()}

__all__ = ["__version__", *_SOURCES]


def __getattr__(name: str) -> Any:
    """A public name, imported on first use and kept."""
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module 'symcond' has no attribute {name!r}")
    found = importlib.import_module(module)
    value = getattr(found, name) if hasattr(found, name) else importlib.import_module(f"{module}.{name}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# ruff: noqa: F401 (the names below are public through __all__, which is built from _GROUPS)
if TYPE_CHECKING:  # the names as type checkers see them
    from sympy import (
        Abs, Eq, Function, Ge, Gt, Heaviside, Integral, LambertW, Le, Lt, Rational, Symbol, acos, asin, atan, besselj,
        cos, cosh, diff, erf, erfc, exp, factorial, gamma, log, oo, pi, polylog, sin, sinh, sqrt, tan, tanh, zeta,
    )
    from sympy.physics import units
    from symcond.errors import (
        DefinitionError, DimensionError, NumericalError, ParseError, SolverError, SymcondError, UserCodeError,
    )
    from symcond.quantities.dimensions import Dim, dimension_of
    from symcond.quantities.registry import DEFAULT, Quantity, Registry, codata, dimension_from_name
    from symcond.quantities.units import Unit, parse_unit
    from symcond.special.sympy_fd import FermiDirac
    from symcond.rules.base import Assume, Expand, Integrate, Rewrite, Rule, Substitute, TakeLimit
    from symcond.rules.integrals import ChangeVariable, FoldEven, Recognize
    from symcond.rules.series import IntegrateBose
    from symcond.model.claims import (
        Asymptotic, Claim, ClaimKind, DimensionClaim, Equality, EqualityIff, Independence, Inequality, Limit,
        NumericValue, Role,
    )
    from symcond.model.data import DataValue
    from symcond.model.solver_claims import KineticClaim, KineticProperty
    from symcond.model.context import Assumption, Context
    from symcond.model.derivation import Derivation, Step
    from symcond.model.figures import Dash, RatioLine, SubbandFigure, VelocityVariant
    from symcond.model.paper import Paper
    from symcond.model.tables import Carrier, Column, Row, Table, latex_of
    from symcond.model.verdict import Evidence, Expect, Finding, Outcome, Verdict
    from symcond.numeric.lambdify import Backend, NumericFunction, lambdify
    from symcond.prove import decide
    from symcond.ledger.run import Ledger, load_papers, verify
    from symcond.ledger.cache import ResultCache
