"""Numeric values (with the precision the paper prints) and SI dimensions of expressions."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import mpmath
import sympy

from symcond.errors import DefinitionError, DimensionError
from symcond.model.context import Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict, number
from symcond.numeric.sampling import evaluate
from symcond.prove.boundary import prover
from symcond.quantities.dimensions import Dim
from symcond.quantities.units import Unit, parse_unit, split_number

__all__ = ["check_numeric_value", "check_dimension", "printed_tolerance"]


def printed_tolerance(stated: str) -> tuple[Decimal, Decimal]:
    """The value a printed number stands for and half a unit of its last digit.

    >>> printed_tolerance("1.25e-27")
    (Decimal('1.25E-27'), Decimal('5E-30'))
    >>> printed_tolerance("137")
    (Decimal('137'), Decimal('0.5'))
    """
    try:
        number = Decimal(stated.strip())
    except InvalidOperation:
        raise DefinitionError(f"stated value {stated!r} is not a decimal number") from None
    if not number.is_finite():
        raise DefinitionError(f"stated value {stated!r} must be finite")
    return number, Decimal(5).scaleb(number.as_tuple().exponent - 1)  # type: ignore[operator]


@prover
def check_numeric_value(expr: sympy.Expr, stated: str, ctx: Context, dimension: Dim | None = None) -> Outcome:
    """Decide that ``expr``, evaluated with CODATA values, rounds to the printed ``stated``.

    Parameters
    ----------
    expr : sympy.Expr
        Expression in symbols that all have SI values in ``ctx.registry``.
    stated : str
        The number as printed (``"1.25e-27"``), optionally with its unit (``"12.906 kOhm"``, see
        :func:`~symcond.quantities.units.parse_unit`); its last digit sets the tolerance.  With a
        unit, the value is compared in that unit (the SI value over the unit's SI scale).
    dimension : Dim, optional
        The SI dimension of the printed unit (default: the unit's, if printed); a mismatch refutes the claim.

    Examples
    --------
    >>> from symcond.model.context import Context
    >>> ctx = Context()
    >>> m_e, h = ctx.registry.symbols("m_e h")
    >>> check_numeric_value(m_e**2 / h, "1.25e-27", ctx).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_numeric_value(m_e**2 / h, "1.30e-27", ctx).evidence.shown().value
    '1.252339e-27'
    >>> e, = ctx.registry.symbols("e")
    >>> check_numeric_value(h / (2 * e**2), "12.906 kOhm", ctx).evidence.reason
    'CODATA value 12.9064 kOhm rounds to the printed 12.906 kOhm'
    >>> check_numeric_value(h / (2 * e**2), "12.906 kOhm", ctx, Dim.of(sympy.physics.units.length)).verdict
    <Verdict.FAILS: 'fails'>
    """
    prepared = ctx.prepare(expr)
    values = {s: sympy.Rational(v) for s, v in ctx.registry.values().items()}
    missing = sorted(s.name for s in prepared.free_symbols if s not in values)
    if missing:
        raise DefinitionError(f"no SI value for {', '.join(missing)} in the numeric claim {expr}")
    number, unit = _printed_unit(stated)
    printed, half_unit = printed_tolerance(number)
    computed = evaluate(prepared, values, ctx.dps)
    if not isinstance(computed, mpmath.mpf):
        raise DefinitionError(f"the numeric claim {expr} does not evaluate to a real number")
    if unit is not None:  # compare in the printed unit: the SI value over the unit's SI scale
        dimension = unit.dimension if dimension is None else dimension
        computed = computed / evaluate(unit.scale, {}, ctx.dps)
    evidence = _value_evidence(computed, printed, ctx, prepared, dimension)
    if evidence.finding is Finding.DIMENSION_MISMATCH:
        return Outcome(Verdict.FAILS, evidence)
    within = abs(Decimal(mpmath.nstr(computed, 30)) - printed) <= half_unit
    verdict = Verdict.HOLDS if within else Verdict.FAILS
    relation = "rounds to" if within else "does not round to"
    shown = f"{evidence.shown().value}" + ("" if unit is None else f" {unit.text}")
    return Outcome(verdict, evidence.with_(reason=f"CODATA value {shown} {relation} the printed {stated}",
                                           finding=Finding.AGREES if within else Finding.DIFFERENT))


def _printed_unit(stated: str) -> tuple[str, Unit | None]:
    """The printed number and its unit (``"12.906 kOhm"``); a text without a leading number is left whole."""
    parts = split_number(stated)
    if parts is None or not parts[1]:
        return stated, None
    return parts[0], parse_unit(parts[1])


def _value_evidence(computed: mpmath.mpf, printed: Decimal, ctx: Context, expr: sympy.Expr,
                    dimension: Dim | None) -> Evidence:
    with mpmath.workdps(ctx.dps):
        ratio = number(computed / mpmath.mpf(str(printed)), ctx.dps) if printed != 0 else None
    ev = Evidence(value=number(computed, ctx.dps), ratio=ratio, digits=ctx.dps, numeric_points=1, numeric=True)
    if dimension is None:
        return ev
    found = ctx.dimension(expr)
    ev = ev.with_(lhs_dimension=found, rhs_dimension=dimension)
    if found is not None and found != dimension:
        return ev.with_(reason=f"dimension mismatch: value is {found.unit_name()} but printed unit is "
                               f"{dimension.unit_name()}", finding=Finding.DIMENSION_MISMATCH)
    return ev


@prover
def check_dimension(expr: sympy.Expr, dimension: Dim, ctx: Context) -> Outcome:
    """Decide that ``expr`` has the SI ``dimension``.

    Examples
    --------
    >>> from sympy.physics.units import conductance
    >>> from symcond.model.context import Context
    >>> ctx = Context()
    >>> e, h = ctx.registry.symbols("e h")
    >>> check_dimension(e**2 / h, Dim.of(conductance), ctx).verdict
    <Verdict.HOLDS: 'holds'>
    """
    prepared = ctx.prepare(expr)
    try:
        found = ctx.dimension(prepared)
    except DimensionError as exc:
        return Outcome(Verdict.FAILS, Evidence(reason=f"dimensionally inconsistent: {exc}",
                                               finding=Finding.DIMENSION_INCONSISTENT))
    ev = Evidence(lhs_dimension=found, rhs_dimension=dimension)
    if found is None:
        return Outcome(Verdict.UNDECIDED, ev.with_(reason="a symbol has no declared dimension",
                                                   finding=Finding.DIMENSION_UNKNOWN))
    if found != dimension:
        return Outcome(Verdict.FAILS, ev.with_(
            reason=f"dimension of {expr} is {found.unit_name()}, but it should be {dimension.unit_name()}",
            finding=Finding.DIMENSION_MISMATCH))
    return Outcome(Verdict.HOLDS, ev.with_(reason=f"dimension is {found.unit_name()}", finding=Finding.PROVED))
