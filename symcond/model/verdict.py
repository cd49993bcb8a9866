"""Verdicts: a closed set of outcomes plus the evidence that supports each.

>>> o = Outcome(Verdict.FAILS, Evidence(ratio="2", reason="sides differ by a constant factor"))
>>> o.verdict.value, o.evidence.ratio
('fails', '2')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

__all__ = ["Verdict", "Evidence", "Outcome", "Expect"]


class Verdict(Enum):
    """The computed status of a claim."""

    HOLDS = "holds"
    HOLDS_UNDER = "holds-under"
    FAILS = "fails"
    UNDECIDED = "undecided"

    @property
    def rank(self) -> int:
        """Severity order used to combine step verdicts (higher is worse)."""
        return {"holds": 0, "holds-under": 1, "undecided": 2, "fails": 3}[self.value]


def _frozen(mapping: Mapping[str, str] | None) -> Mapping[str, str] | None:
    return None if mapping is None else MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Evidence:
    """Why a verdict was reached.

    Attributes
    ----------
    ratio : str or None
        Exact lhs/rhs (SymPy string) when the sides differ; for limits, value/stated.
    residual : str or None
        Exact lhs - rhs after simplification, when nonzero.
    counterexample : mapping or None
        A point (symbol -> value) with the numeric values of both sides there.
    conditions : tuple of str
        The stated assumptions the claim needs (``holds-under``).
    reason : str
        One line for humans.
    lhs_dimension, rhs_dimension : str or None
        SI dimensions of the two sides (base units), None when unknown.
    numeric_points : int
        Number of high-precision points at which both sides were compared.
    digits : int
        Working precision (decimal digits) of the numeric comparison.
    step : int or None
        For derivations: index of the first broken step.
    """

    ratio: str | None = None
    residual: str | None = None
    counterexample: Mapping[str, str] | None = None
    conditions: tuple[str, ...] = ()
    reason: str = ""
    lhs_dimension: str | None = None
    rhs_dimension: str | None = None
    numeric_points: int = 0
    digits: int = 0
    step: int | None = None
    value: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "counterexample", _frozen(self.counterexample))

    def with_(self, **changes: object) -> Evidence:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle support (worker processes send evidence back): the counterexample as a dict."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        if values["counterexample"] is not None:
            values["counterexample"] = dict(values["counterexample"])
        return _evidence, (values,)


def _evidence(values: dict[str, Any]) -> Evidence:
    return Evidence(**values)


@dataclass(frozen=True)
class Outcome:
    """A verdict with its evidence."""

    verdict: Verdict
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def passed(self) -> bool:
        """True for holds and holds-under."""
        return self.verdict in (Verdict.HOLDS, Verdict.HOLDS_UNDER)


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
