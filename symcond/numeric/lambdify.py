"""Fast numerics from symbolic results: vectorized NumPy and arbitrary-precision mpmath.

>>> import sympy
>>> a, b = sympy.symbols("tau_in tau_el", positive=True)
>>> f = lambdify(2 * a / (a + b))
>>> f.names
('tau_el', 'tau_in')
>>> float(f(tau_in=1.0, tau_el=1.0))
1.0
>>> g = lambdify(2 * a / (a + b), backend="mpmath")
>>> mpmath.nstr(g(tau_in=1, tau_el=2, dps=30), 30)
'0.666666666666666666666666666667'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

import mpmath
import sympy

from symcond.errors import DefinitionError
from symcond.numeric import rewrites, special_functions
from symcond.special import sympy_fd

__all__ = ["Backend", "NumericFunction", "lambdify", "NUMPY_FUNCTIONS", "NUMPY_REWRITES"]


class Backend(Enum):
    """Numeric back ends."""

    NUMPY = "numpy"
    MPMATH = "mpmath"


#: Extra NumPy implementations of SymPy functions, by the name SymPy's printer uses: the fixed
#: tables of :mod:`symcond.numeric.special_functions` (Shi, Chi, li, expint, dirichlet_eta, a real
#: lambertw), :mod:`symcond.special.sympy_fd` (Fermi–Dirac integrals) and
#: :mod:`symcond.numeric.rewrites` (softplus, expit, scaled products), a later table winning where
#: two name a function.
NUMPY_FUNCTIONS: Mapping[str, Callable[..., Any]] = MappingProxyType(
    {**special_functions.NUMPY_FUNCTIONS, **sympy_fd.NUMPY_FUNCTIONS, **rewrites.NUMPY_FUNCTIONS})

#: Rewrites applied, in order, before NumPy code generation to keep results accurate: the
#: Fermi–Dirac form of ``polylog(s, -exp(x))`` first, so that :func:`symcond.numeric.rewrites.stable_rewrite`
#: sees a Fermi–Dirac integral, then the stability rewrites (softplus, log1p, scaled products, ...).
NUMPY_REWRITES: tuple[Callable[[sympy.Expr], sympy.Expr], ...] = (*sympy_fd.NUMPY_REWRITES,
                                                                  *rewrites.NUMPY_REWRITES)


@dataclass(frozen=True)
class NumericFunction:
    """A compiled expression callable with positional or named arguments.

    Attributes
    ----------
    expr : sympy.Expr
        The expression that was compiled.
    args : tuple of sympy.Symbol
        Argument order for positional calls.
    backend : Backend
        NumPy (float64, vectorized) or mpmath (``dps`` keyword sets the digits).
    """

    expr: sympy.Expr
    args: tuple[sympy.Symbol, ...]
    backend: Backend
    func: Callable[..., Any] = field(repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Argument names, in positional order."""
        return tuple(a.name for a in self.args)

    def __call__(self, *values: Any, dps: int = 30, **named: Any) -> Any:
        ordered = self._bind(values, named)
        if self.backend is Backend.MPMATH:
            with mpmath.workdps(dps):
                return self.func(*(mpmath.mpmathify(v) for v in ordered))
        return self.func(*ordered)

    def _bind(self, values: Sequence[Any], named: Mapping[str, Any]) -> list[Any]:
        if len(values) > len(self.args):
            raise DefinitionError(f"expected at most {len(self.args)} arguments (got {len(values)})")
        bound = dict(zip(self.names, values, strict=False))
        for name, value in named.items():
            if name not in self.names:
                raise DefinitionError(f"unknown argument {name!r}; arguments are {', '.join(self.names)}")
            if name in bound:
                raise DefinitionError(f"argument {name!r} given twice")
            bound[name] = value
        missing = [n for n in self.names if n not in bound]
        if missing:
            raise DefinitionError(f"missing argument(s) {', '.join(missing)}")
        return [bound[n] for n in self.names]


def lambdify(expr: sympy.Expr, args: Sequence[sympy.Symbol] | None = None,
             backend: Backend | str = Backend.NUMPY) -> NumericFunction:
    """Compile ``expr`` for the chosen back end; arguments default to its symbols by name."""
    chosen = Backend(backend)
    expr = sympy.sympify(expr)
    ordered = tuple(args) if args is not None else tuple(sorted(expr.free_symbols, key=lambda s: s.name))
    extra = set(expr.free_symbols) - set(ordered)
    if extra:
        raise DefinitionError(f"expression has symbols not among the arguments: {', '.join(sorted(map(str, extra)))}")
    if chosen is Backend.NUMPY:
        for rewrite in NUMPY_REWRITES:
            expr = rewrite(expr)
        modules: list[Any] = [dict(NUMPY_FUNCTIONS), "scipy", "numpy"]
    else:
        modules = ["mpmath"]
    func = sympy.lambdify(ordered, expr, modules=modules, dummify=False, cse=chosen is Backend.NUMPY)
    return NumericFunction(expr, ordered, chosen, func)
