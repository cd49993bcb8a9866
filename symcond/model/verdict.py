"""Verdicts: a closed set of outcomes plus the evidence that supports each.

:class:`Evidence` holds values, never text to parse again: SymPy expressions and numbers,
SI dimensions as :class:`~symcond.quantities.dimensions.Dim`, and a :class:`Finding` that
says what kind of fact it establishes (reports branch on it, never on the reason's wording).
Strings are made only at the edges (the JSON ledger, ``explain``, the reports, ``symcond
check``), all through :meth:`Evidence.shown`, so every edge prints the same text.

>>> o = Outcome(Verdict.FAILS, Evidence(ratio=sympy.Integer(2), finding=Finding.CONSTANT_FACTOR,
...                                     reason="the sides differ by the constant factor lhs/rhs = 2"))
>>> o.verdict.value, o.evidence.ratio, o.evidence.shown().ratio
('fails', 2, '2')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import Any

import mpmath
import sympy
from mpmath.libmp import dps_to_prec, mpc_to_str, to_str

from symcond.model.point import POINT_DIGITS, Counterexample, point_text, show_coordinate
from symcond.parse import parse_expression
from symcond.quantities.dimensions import Dim

__all__ = ["Verdict", "Finding", "Evidence", "ShownEvidence", "Outcome", "Expect", "number", "show_expr",
           "show_number", "POINT_DIGITS", "SIDE_DIGITS", "VALUE_DIGITS", "RATIO_DIGITS"]

#: Significant digits of a side's value at a counterexample as shown.
SIDE_DIGITS = 12
#: Significant digits of a numerically computed ``value`` (a CODATA value) as shown.
VALUE_DIGITS = 7
#: Significant digits of a numerically computed ``ratio`` (CODATA value / printed value) as shown.
RATIO_DIGITS = 10


class Verdict(Enum):
    """The computed status of a claim."""

    HOLDS = "holds"
    HOLDS_UNDER = "holds-under"
    FAILS = "fails"
    UNDECIDED = "undecided"
    #: A premise the paper takes as given (Das & Green's Eq. (6)); checked for dimensions and consistency only.
    POSTULATE = "postulate"
    #: A definition (a name for an expression, ``l = v tau``); checked for dimensions only.
    DEFINITION = "definition"
    #: External data the paper quotes (a measured value with its unit); checked for its dimension only.
    DATA = "data"

    @property
    def rank(self) -> int:
        """Severity order used to combine step verdicts (higher is worse); a premise ranks with holds."""
        return {"holds-under": 1, "undecided": 2, "fails": 3}.get(self.value, 0)

    @property
    def computed(self) -> bool:
        """False for the verdicts of premises (postulate, definition, data), which the paper takes as given.

        >>> Verdict.HOLDS.computed, Verdict.POSTULATE.computed
        (True, False)
        """
        return self not in (Verdict.POSTULATE, Verdict.DEFINITION, Verdict.DATA)


#: Computed verdicts in severity order, as reports list them.
COMPUTED = (Verdict.HOLDS, Verdict.HOLDS_UNDER, Verdict.FAILS, Verdict.UNDECIDED)
#: The verdict classes of premises (what the paper takes as given), listed apart from computed verdicts.
PREMISES = (Verdict.POSTULATE, Verdict.DEFINITION, Verdict.DATA)


def listed(counts: Mapping[str, int]) -> tuple[str, ...]:
    """The verdict columns of a summary: every computed verdict, then the premises that occur (counted apart).

    >>> listed({"holds": 3, "data": 1, "postulate": 0})
    ('holds', 'holds-under', 'fails', 'undecided', 'data')
    """
    return tuple(v.value for v in COMPUTED) + tuple(v.value for v in PREMISES if counts.get(v.value))


class Finding(Enum):
    """What a piece of evidence establishes: the kind of its reason, as a closed set.

    The reason (one line for humans) may be reworded or prefixed (a derivation names the
    step); the finding stays, and is what reports test.
    """

    #: Built without a finding: only the reason says.
    UNSPECIFIED = "unspecified"
    #: A symbolic proof (confirmed numerically where the prover does), or an exact dimensional analysis.
    PROVED = "proved"
    #: A numerically computed value agrees with the printed one to its last digit.
    AGREES = "agrees"
    #: It holds only under the listed conditions.
    CONDITIONAL = "conditional"
    #: The sides differ by a constant factor; the reason states ``lhs/rhs``.
    CONSTANT_FACTOR = "constant-factor"
    #: The sides (a limit, a computed value) differ, not by a stated constant factor: see ratio,
    #: residual, value and counterexample.
    DIFFERENT = "different"
    #: The expression depends on the variable: the residual is its (nonzero) derivative.
    DEPENDS = "depends"
    #: A point satisfying the assumptions violates the inequality (the counterexample).
    VIOLATED = "violated"
    #: The solution set of lhs = rhs is not the stated "exactly when" condition.
    CONDITION_MISMATCH = "condition-mismatch"
    #: The two sides (or value and printed unit) have different SI dimensions.
    DIMENSION_MISMATCH = "dimension-mismatch"
    #: An expression is dimensionally inconsistent by itself (a sum of unlike terms, ...).
    DIMENSION_INCONSISTENT = "dimension-inconsistent"
    #: A symbol has no declared dimension.
    DIMENSION_UNKNOWN = "dimension-unknown"
    #: The stated assumptions contradict each other (or one can never hold).
    CONTRADICTION = "contradiction"
    #: A violating point was found only without (some of) the stated assumptions.
    ONLY_WITHOUT_ASSUMPTIONS = "only-without-assumptions"
    #: Neither a proof nor a counterexample (numeric agreement, if any, is in the reason).
    NO_PROOF = "no-proof"
    #: A symbolic result that the numeric check did not confirm.
    UNCONFIRMED = "unconfirmed"
    #: A time budget ran out (of a step, a claim, a check or a whole run).
    BUDGET_EXCEEDED = "budget-exceeded"
    #: SymPy cannot carry out the operation (or the expression is too deeply nested).
    UNSUPPORTED = "unsupported"
    #: The check stopped without a verdict of its own: a worker crashed, ran out of memory or was not started.
    ABORTED = "aborted"


def number(value: mpmath.mpf | mpmath.mpc | None, dps: int) -> sympy.Expr:
    """An mpmath result as a SymPy number, every bit kept (``dps``: the digits it was computed with).

    A complex value becomes ``re + im*I``; None (not a finite number) becomes ``nan``.

    >>> number(mpmath.mpf(1) / 3, 15)
    0.333333333333333
    >>> number(None, 15)
    nan
    """
    if value is None:
        return sympy.nan
    if isinstance(value, mpmath.mpc):
        return number(value.real, dps) + sympy.I * number(value.imag, dps)
    bits = max(dps_to_prec(dps), value._mpf_[3])  # never fewer bits than the value has: nothing is rounded
    return sympy.Float(value, precision=bits)


def show_expr(expr: sympy.Expr | None, digits: int | None = None) -> str | None:
    """``expr`` as text: ``sympy.sstr``, or a Float with ``digits`` significant digits (when given).

    >>> show_expr(sympy.Rational(1, 2)), show_expr(sympy.Float("1.0002627681234", 20), 10), show_expr(None)
    ('1/2', '1.000262768', None)
    """
    if expr is None:
        return None
    if digits is not None and isinstance(expr, sympy.Float):
        return str(to_str(expr._mpf_, digits))
    return sympy.sstr(expr)


def show_number(value: sympy.Expr) -> str:
    """One counterexample entry as text: a coordinate (Rational) exactly as its shortest decimal (else with
    :data:`POINT_DIGITS` digits), a side's value (Float, or complex) with :data:`SIDE_DIGITS`, nan as ``undefined``.

    >>> show_number(sympy.Rational("0.217262")), show_number(number(mpmath.mpf(2) / 3, 30))
    ('0.217262', '0.666666666667')
    """
    if isinstance(value, sympy.Rational):
        return show_coordinate(value)
    if value is sympy.nan:
        return "undefined"
    if isinstance(value, sympy.Float):
        return str(to_str(value._mpf_, SIDE_DIGITS))
    real, imag = value.as_real_imag()
    if isinstance(real, sympy.Float) and isinstance(imag, sympy.Float):
        return "(" + str(mpc_to_str((real._mpf_, imag._mpf_), SIDE_DIGITS)) + ")"
    return sympy.sstr(value)


def _entry(name: str, value: object) -> sympy.Expr:
    """A counterexample entry as a number; text (the former format) is read back as it was written."""
    if not isinstance(value, str):
        return sympy.sympify(value)
    if value == "undefined":
        return sympy.nan
    return sympy.Float(value) if name in ("lhs", "rhs") else sympy.Rational(value)


def _counterexample(mapping: Mapping[str, object] | None) -> Counterexample | None:
    """A read-only :class:`~symcond.model.point.Counterexample` (units kept when ``mapping`` is one)."""
    if mapping is None:
        return None
    values = {k: _entry(k, v) for k, v in mapping.items()}
    return mapping.with_values(values) if isinstance(mapping, Counterexample) else Counterexample.of(values)


def _expr(value: object) -> sympy.Expr | None:
    """An expression field; a string (the former format) is read once, here, by the safe parser."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_expression(value)
    return sympy.sympify(value, strict=True)


@dataclass(frozen=True)
class ShownEvidence:
    """The values of an :class:`Evidence` as the text every edge prints (None where absent)."""

    ratio: str | None
    residual: str | None
    value: str | None
    counterexample: dict[str, str] | None
    lhs_dimension: str | None
    rhs_dimension: str | None
    #: The SI unit of each counterexample entry with a dimension (``{"T": "K", "lhs": "V"}``), None without one.
    units: dict[str, str] | None = None
    #: The counterexample's coordinates that are CODATA constants at their CODATA value.
    constants: tuple[str, ...] = ()

    def point_text(self) -> str:
        """The counterexample as one line with its units (``T = 275.3 K, e = 1.602176634e-19 C (CODATA)``)."""
        return point_text(self.counterexample or {}, self.units or {}, self.constants)


@dataclass(frozen=True)
class Evidence:
    """Why a verdict was reached.

    Attributes
    ----------
    ratio : sympy.Expr or None
        lhs/rhs when the sides differ, exact (simplified); for a limit, value/stated.  For a
        numeric value (``numeric``) the computed value / the printed one, a ``sympy.Float``.
    residual : sympy.Expr or None
        lhs - rhs after simplification (for an inequality rhs - lhs, for independence the
        derivative), exact.
    counterexample : Counterexample or None
        A point where the claim fails, a read-only mapping: symbol name -> the exact coordinate
        as reported (a ``sympy.Rational`` with at most :data:`POINT_DIGITS` significant digits,
        or a CODATA value: the point the re-checks used), and ``"lhs"``/``"rhs"`` -> each side's
        value there, a ``sympy.Float`` at the precision it was computed with (``re + im*I`` if
        complex, ``nan`` when undefined); with the SI dimension of its entries and its CODATA
        coordinates (:class:`~symcond.model.point.Counterexample`).  A plain mapping is accepted
        (no units); text in the former format (decimal strings) too.
    conditions : tuple of str
        The stated assumptions the claim needs (``holds-under``).
    reason : str
        One line for humans.
    lhs_dimension, rhs_dimension : Dim or None
        SI dimensions of the two sides (of a value and its printed unit), None when unknown.
    numeric_points : int
        Number of high-precision points at which both sides were compared.
    digits : int
        Working precision (decimal digits) of the numeric comparison.
    step : int or None
        For derivations: index of the first broken step.
    value : sympy.Expr or None
        The value found: a limit (exact), or the CODATA value of a numeric claim (``numeric``:
        a ``sympy.Float`` at the working precision).
    finding : Finding
        What the evidence establishes; reports test this, never the reason text.
    numeric : bool
        True when ``ratio`` and ``value`` are computed numbers (shown with :data:`RATIO_DIGITS`
        and :data:`VALUE_DIGITS` significant digits) rather than exact expressions (shown
        with ``sympy.sstr``).
    """

    ratio: sympy.Expr | None = None
    residual: sympy.Expr | None = None
    counterexample: Counterexample | Mapping[str, sympy.Expr] | None = None
    conditions: tuple[str, ...] = ()
    reason: str = ""
    lhs_dimension: Dim | None = None
    rhs_dimension: Dim | None = None
    numeric_points: int = 0
    digits: int = 0
    step: int | None = None
    value: sympy.Expr | None = None
    finding: Finding = Finding.UNSPECIFIED
    numeric: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "counterexample", _counterexample(self.counterexample))
        for name in ("ratio", "residual", "value"):
            object.__setattr__(self, name, _expr(getattr(self, name)))
        for name in ("lhs_dimension", "rhs_dimension"):
            if not isinstance(getattr(self, name), Dim | None):
                raise TypeError(f"Evidence.{name} must be a Dim or None (got {getattr(self, name)!r})")

    def with_(self, **changes: object) -> Evidence:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def shown(self) -> ShownEvidence:
        """The values as text, the same at every edge.

        >>> ev = Evidence(ratio=sympy.pi / 2, counterexample={"x": sympy.Rational(1, 4), "lhs": sympy.Float(2)})
        >>> ev.shown().ratio, ev.shown().counterexample
        ('pi/2', {'x': '0.25', 'lhs': '2.0'})
        """
        ratio_digits, value_digits = (RATIO_DIGITS, VALUE_DIGITS) if self.numeric else (None, None)
        point = self.counterexample
        return ShownEvidence(
            show_expr(self.ratio, ratio_digits), show_expr(self.residual), show_expr(self.value, value_digits),
            None if point is None else {k: show_number(v) for k, v in point.items()},
            None if self.lhs_dimension is None else str(self.lhs_dimension),
            None if self.rhs_dimension is None else str(self.rhs_dimension),
            *_shown_units(point))

    def portable(self) -> Evidence:
        """A copy whose expressions are symbols named by their printed text.

        For a worker process whose evidence holds objects of a derivation file's own classes
        (which cannot be pickled): the copy prints exactly the same at every edge.

        >>> F = sympy.Function("F")
        >>> Evidence(ratio=F(1) / 2).portable().shown().ratio
        'F(1)/2'
        """
        shown = self.shown()
        return self.with_(**{name: None if text is None else sympy.Symbol(text) for name, text in
                             (("ratio", shown.ratio), ("residual", shown.residual), ("value", shown.value))},
                          numeric=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle support (worker processes send evidence back): the counterexample as a dict."""
        return _evidence, ({f.name: getattr(self, f.name) for f in fields(self)},)


def _shown_units(point: Mapping[str, Any] | None) -> tuple[dict[str, str] | None, tuple[str, ...]]:
    """The units of a counterexample's dimensional entries as text, and its CODATA coordinates."""
    if not isinstance(point, Counterexample):  # always one after __post_init__
        return None, ()
    units = {name: dim.unit_name() for name, dim in point.units if not dim.is_dimensionless}
    return units or None, tuple(sorted(point.constants))


def _evidence(values: dict[str, Any]) -> Evidence:
    return Evidence(**values)


@dataclass(frozen=True)
class Outcome:
    """A verdict with its evidence."""

    verdict: Verdict
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def passed(self) -> bool:
        """True for holds and holds-under, and for a premise whose checks passed (postulate, definition, data)."""
        return self.verdict in (Verdict.HOLDS, Verdict.HOLDS_UNDER) or not self.verdict.computed


@dataclass(frozen=True)
class Expect:
    """A recorded expectation for a claim: the verdicts that count as "as expected".

    An erratum is recorded here (``Expect.refuted("...")``); it never sets the verdict.
    """

    verdicts: frozenset[Verdict] = frozenset({Verdict.HOLDS, Verdict.HOLDS_UNDER})
    note: str = ""

    @classmethod
    def refuted(cls, note: str) -> Expect:
        """The paper's statement is a known erratum: expect ``fails``."""
        return cls(frozenset({Verdict.FAILS}), note)

    @classmethod
    def undecided(cls, note: str) -> Expect:
        """The engine is known not to decide this claim (the note says why)."""
        return cls(frozenset({Verdict.UNDECIDED}), note)

    def met_by(self, verdict: Verdict) -> bool:
        """True when the computed verdict is one of the expected ones."""
        return verdict in self.verdicts
