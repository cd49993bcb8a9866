"""Outcomes as plain JSON data and back, for the result cache: no pickle, no ``eval``.

An :class:`~symcond.model.verdict.Outcome` becomes nested lists, dicts, strings and numbers;
its SymPy expressions become trees of nodes (a symbol with its assumptions, an integer, a
rational, a float with its bits and precision, a singleton such as ``pi``, an undefined
function, or a SymPy class named by module and name applied to its arguments).  Reading
builds the expression again from those nodes alone: a class is looked up only in modules of
``sympy`` or ``symcond`` and must be a SymPy ``Basic``; nothing read is ever executed.

:func:`encode_outcome` checks that its result reads back to exactly the same data and
raises :class:`Unencodable` otherwise (an expression holding a derivation file's own class,
say): such an outcome is simply not cached.

>>> x = sympy.Symbol("x", positive=True)
>>> o = Outcome(Verdict.FAILS, Evidence(ratio=sympy.pi * x / 2, finding=Finding.CONSTANT_FACTOR,
...                                     counterexample={"x": sympy.Rational(1, 4), "lhs": sympy.Float("2.5", 30)}))
>>> back = decode_outcome(json.loads(json.dumps(encode_outcome(o))))
>>> back == o, back.evidence.shown() == o.evidence.shown()
(True, True)
"""

from __future__ import annotations

import importlib
import json
from fractions import Fraction
from typing import Any

import sympy
from mpmath.libmp import MPZ
from sympy.core.function import AppliedUndef
from sympy.core.parameters import evaluate
from sympy.core.symbol import Str

from symcond.model.point import Counterexample
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.quantities.dimensions import Dim

__all__ = ["Unencodable", "decode_outcome", "encode_expr", "decode_expr", "encode_outcome"]

#: Modules whose SymPy classes may be named in an encoded expression.
_TRUSTED = ("sympy", "symcond")


class Unencodable(ValueError):
    """The value cannot be written as data that reads back to the same value (or the data is not valid)."""


def encode_expr(expr: sympy.Basic) -> Any:
    """``expr`` as JSON data (nested lists, dicts, strings).

    >>> encode_expr(sympy.Rational(1, 3) * sympy.Symbol("y", real=True))
    {'f': 'sympy.core.mul:Mul', 'a': [{'q': ['1', '3']}, {'S': 'y', 'as': {'real': True}}]}
    """
    if not isinstance(expr, sympy.Basic):
        raise Unencodable(f"not a SymPy object: {type(expr).__name__}")
    kind = type(expr)
    if kind in (sympy.Symbol, sympy.Dummy):
        orig = {k: v for k, v in expr._assumptions_orig.items() if v is not None}  # type: ignore[attr-defined]
        return {"D" if kind is sympy.Dummy else "S": expr.name, "as": orig}  # type: ignore[attr-defined]
    if isinstance(expr, sympy.Integer):
        return {"i": str(int(expr))}
    if isinstance(expr, sympy.Rational):
        return {"q": [str(expr.p), str(expr.q)]}
    if isinstance(expr, sympy.Float):
        sign, man, exp, bits = expr._mpf_  # type: ignore[attr-defined]
        return {"F": [sign, format(int(man), "x"), exp, bits], "p": expr._prec}  # type: ignore[attr-defined]
    if kind is Str:
        return {"str": expr.name}  # type: ignore[attr-defined]
    if not expr.args and getattr(sympy.S, kind.__name__, None) is expr:
        return {"s": kind.__name__}
    args = [encode_expr(a) for a in expr.args]
    if isinstance(expr, AppliedUndef):
        return {"u": expr.func.__name__, "a": args}
    if kind.__module__.split(".")[0] not in _TRUSTED:
        raise Unencodable(f"{kind.__name__} is not a class of SymPy or symcond")
    return {"f": f"{kind.__module__}:{kind.__qualname__}", "a": args}


def decode_expr(data: Any) -> sympy.Basic:
    """The expression :func:`encode_expr` wrote; :class:`Unencodable` on data it never writes."""
    try:
        return _decode(data)
    except Unencodable:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise Unencodable(f"not an encoded expression ({type(exc).__name__})") from exc


def _decode(data: Any) -> sympy.Basic:
    if not isinstance(data, dict):
        raise Unencodable("an expression node must be an object")
    if "S" in data or "D" in data:
        make = sympy.Symbol if "S" in data else sympy.Dummy
        flags = data["as"]
        if not isinstance(flags, dict) or not all(isinstance(v, bool) for v in flags.values()):
            raise Unencodable("bad symbol assumptions")
        return make(_text(data["S"] if "S" in data else data["D"]), **flags)
    if "i" in data:
        return sympy.Integer(int(_text(data["i"])))
    if "q" in data:
        p, q = data["q"]
        return sympy.Rational(int(_text(p)), int(_text(q)))
    if "F" in data:
        sign, man, exp, bits = data["F"]
        if not all(isinstance(v, int) for v in (sign, exp, bits, data["p"])):
            raise Unencodable("bad float")
        return sympy.Float._new((sign, MPZ(int(_text(man), 16)), exp, bits), data["p"])  # type: ignore[attr-defined]
    if "str" in data:
        return Str(_text(data["str"]))
    if "s" in data:
        found = getattr(sympy.S, _text(data["s"]))
        if not isinstance(found, sympy.Basic):
            raise Unencodable("not a SymPy singleton")
        return found
    args = [_decode(a) for a in data["a"]]
    if "u" in data:
        return sympy.Function(_text(data["u"]))(*args)  # type: ignore[no-any-return]
    return _build(_class(_text(data["f"])), args)


def _build(cls: type, args: list[sympy.Basic]) -> sympy.Basic:
    """``cls(*args)`` with exactly these arguments: evaluated (SymPy's ``expr.func(*expr.args) == expr``), else not."""
    for evaluated in (True, False):
        with evaluate(evaluated):
            built: Any = cls(*args)
        if getattr(built, "args", None) == tuple(args) and type(built) is cls:
            return built  # type: ignore[no-any-return]
    raise Unencodable(f"{cls.__name__} does not rebuild from its arguments")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Unencodable("expected a string")
    return value


def _class(name: str) -> type:
    """A SymPy class of a trusted module, from ``module:qualname``."""
    module, _, qualname = name.partition(":")
    if module.split(".")[0] not in _TRUSTED or not all(part.isidentifier() for part in [*module.split("."),
                                                                                      *qualname.split(".")]):
        raise Unencodable(f"{name!r} is not a class of SymPy or symcond")
    try:
        found: Any = importlib.import_module(module)
    except ImportError as exc:
        raise Unencodable(f"no module {module!r}") from exc
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, sympy.Basic)):
        raise Unencodable(f"{name!r} is not a SymPy class")
    return found


def _dim(dim: Dim | None) -> Any:
    return None if dim is None else [[name, str(power)] for name, power in dim.exponents]


def _undim(data: Any) -> Dim | None:
    return None if data is None else Dim(tuple((_text(n), Fraction(_text(p))) for n, p in data))


def _maybe(expr: sympy.Basic | None) -> Any:
    return None if expr is None else encode_expr(expr)


def _raw(outcome: Outcome) -> dict[str, Any]:
    ev = outcome.evidence
    point = ev.counterexample if isinstance(ev.counterexample, Counterexample) else None  # always one, or None
    return {
        "verdict": outcome.verdict.value, "finding": ev.finding.value, "reason": ev.reason,
        "conditions": list(ev.conditions), "numeric_points": ev.numeric_points, "digits": ev.digits,
        "step": ev.step, "numeric": ev.numeric, "ratio": _maybe(ev.ratio), "residual": _maybe(ev.residual),
        "value": _maybe(ev.value), "lhs_dimension": _dim(ev.lhs_dimension), "rhs_dimension": _dim(ev.rhs_dimension),
        "counterexample": None if point is None else [[k, encode_expr(v)] for k, v in point.items()],
        "counterexample_units": None if point is None else [[k, _dim(d)] for k, d in point.units],
        "counterexample_codata": None if point is None else sorted(point.constants),
    }


def encode_outcome(outcome: Outcome) -> dict[str, Any]:
    """``outcome`` as JSON data that :func:`decode_outcome` reads back to an equal outcome.

    Raises
    ------
    Unencodable
        When the outcome holds something that would not read back exactly.
    """
    data = _raw(outcome)
    data = json.loads(json.dumps(data))  # exactly what a file holds (tuples become lists)
    if _raw(decode_outcome(data)) != data:
        raise Unencodable("the outcome does not read back exactly")
    return data  # type: ignore[no-any-return]


def _point(point: Any, data: Any) -> Counterexample:
    """The counterexample of an encoded outcome, with its units and CODATA coordinates."""
    units = {_text(k): _undim(d) for k, d in data["counterexample_units"]}
    return Counterexample.of({_text(k): decode_expr(v) for k, v in point}, units,  # type: ignore[arg-type]
                             [_text(c) for c in data["counterexample_codata"]])


def decode_outcome(data: Any) -> Outcome:
    """The outcome :func:`encode_outcome` wrote; :class:`Unencodable` on anything else."""
    try:
        point = data["counterexample"]
        evidence = Evidence(
            ratio=_maybe_decoded(data["ratio"]), residual=_maybe_decoded(data["residual"]),
            value=_maybe_decoded(data["value"]),
            counterexample=None if point is None else _point(point, data),
            conditions=tuple(_text(c) for c in data["conditions"]), reason=_text(data["reason"]),
            lhs_dimension=_undim(data["lhs_dimension"]), rhs_dimension=_undim(data["rhs_dimension"]),
            numeric_points=_int(data["numeric_points"]), digits=_int(data["digits"]),
            step=None if data["step"] is None else _int(data["step"]), finding=Finding(data["finding"]),
            numeric=bool(data["numeric"]))
        return Outcome(Verdict(data["verdict"]), evidence)
    except Unencodable:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise Unencodable(f"not an encoded outcome ({type(exc).__name__}: {exc})") from exc


def _maybe_decoded(data: Any) -> sympy.Basic | None:
    return None if data is None else decode_expr(data)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Unencodable("expected an integer")
    return value
