"""Prover strength on identities from SymPy's own tests (``tests/prove/sympy_identities.py``).

The corpus itself is checked first: every identity holds and every mutant is false, by mpmath at
40 digits at positive points.  Then ``symcond check --plain`` decides a seeded random sample of rows
(``SYMCOND_CORPUS=full``: all of them, slow; ``SYMCOND_CORPUS_SEED`` changes the sample): never a
``holds`` for a mutant, never a ``fails`` for a true identity, and the rates of the issue (parse
>= 95 %, prove >= 90 %, refute >= 95 %).  ``benchmarks/bench_prover.py`` measures the whole corpus
against SymPy alone.
"""

import os
import random

import mpmath
import pytest
import sympy

from symcond.cli.check import check_texts
from symcond.errors import SymcondError
from symcond.model.verdict import Verdict
from symcond.parse.functions import plain_symbol
from symcond.parse.grammar import parse_expression
from tests.prove.sympy_identities import IDENTITIES

#: Rows decided by default (about 1.5 s each with their mutant on one core).
SAMPLE = 16
#: CPU seconds per symbolic operation, as in benchmarks/bench_prover.py.
BUDGET = 2.0
SEED = int(os.environ.get("SYMCOND_CORPUS_SEED", "20260420"))
FULL = os.environ.get("SYMCOND_CORPUS") == "full"
DIGITS = 40


def _points(symbols: list[sympy.Symbol]) -> list[dict[sympy.Symbol, sympy.Rational]]:
    """Four points, each coordinate log-uniform in [1/8, 8] (the sampler's range), seeded."""
    rng = random.Random(5)
    return [{s: sympy.Rational(round(mpmath.e ** rng.uniform(-2.07, 2.07) * 1000), 1000) for s in symbols}
            for _ in range(4)]


def _value(expr: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational]) -> mpmath.mpc | None:
    """``expr`` at ``point`` with :data:`DIGITS` digits (mpmath through evalf); None when not a finite number."""
    with sympy.evaluate(False):
        at = expr.xreplace(point)
    value = at.evalf(DIGITS)
    if not value.is_number or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    real, imag = value.as_real_imag()
    with mpmath.workdps(DIGITS):
        return mpmath.mpc(mpmath.mpf(str(real)), mpmath.mpf(str(imag)))


def _differences(lhs: str, rhs: str) -> list[mpmath.mpf]:
    """Relative differences of the two sides at the points where both are finite."""
    left, right = parse_expression(lhs, plain_symbol), parse_expression(rhs, plain_symbol)
    found = []
    for point in _points(sorted(left.free_symbols | right.free_symbols, key=str)):
        a, b = _value(left, point), _value(right, point)
        if a is not None and b is not None:
            with mpmath.workdps(DIGITS):
                scale = max(abs(a), abs(b))
                found.append(mpmath.mpf(0) if scale == 0 else abs(a - b) / scale)
    return found


def test_the_corpus_is_large_and_from_sympy():
    """At least 250 rows, each naming its SymPy test file and function."""
    assert len(IDENTITIES) >= 250
    assert all(source.count(".py::test") == 1 for *_, source in IDENTITIES)
    assert len({(lhs, rhs) for lhs, rhs, _, _ in IDENTITIES}) == len(IDENTITIES)


@pytest.mark.parametrize(("lhs", "rhs", "mutant"), [row[:3] for row in IDENTITIES],
                         ids=[f"{i}" for i in range(len(IDENTITIES))])
def test_every_identity_holds_and_every_mutant_is_false(lhs, rhs, mutant):
    """mpmath at 40 digits: the sides agree to 30 digits at 3 of 4 positive points at least; the mutant differs."""
    true = _differences(lhs, rhs)
    assert len(true) >= 3 and max(true) < mpmath.mpf(10) ** -30
    false = _differences(lhs, mutant)
    assert len(false) >= 3 and max(false) > mpmath.mpf(10) ** -6


def _verdict(lhs: str, rhs: str) -> Verdict | None:
    try:
        return check_texts(lhs, rhs, budget=BUDGET, total_budget=30.0, plain=True).verdict
    except SymcondError:
        return None


@pytest.fixture(scope="module")
def decided() -> list[tuple[tuple[str, str, str, str], Verdict | None, Verdict | None]]:
    """(row, verdict on the identity, verdict on the mutant) for the sample (or every row)."""
    rows = IDENTITIES if FULL else random.Random(SEED).sample(IDENTITIES, SAMPLE)
    return [(row, _verdict(row[0], row[1]), _verdict(row[0], row[2])) for row in rows]


def test_no_mutant_holds(decided):
    """Never a false ``holds``."""
    assert [row for row, _, mutant in decided if mutant is Verdict.HOLDS] == []


def test_no_identity_fails(decided):
    """Never a false alarm."""
    assert [row for row, true, _ in decided if true is Verdict.FAILS] == []


def test_rates(decided):
    """parse >= 95 %, prove >= 90 % of the identities, refute >= 95 % of the mutants (SymPy alone proves
    about 84 %); on the default sample of 16 rows: at most 2 identities unproved, 1 mutant unrefuted."""
    verdicts = [v for _, true, mutant in decided for v in (true, mutant)]
    parsed = sum(v is not None for v in verdicts) / len(verdicts)
    proved = sum(true is Verdict.HOLDS for _, true, _ in decided) / len(decided)
    refuted = sum(mutant is Verdict.FAILS for _, _, mutant in decided) / len(decided)
    unproved = [row[:2] for row, true, _ in decided if true is not Verdict.HOLDS]
    unrefuted = [(row[0], row[2]) for row, _, mutant in decided if mutant is not Verdict.FAILS]
    assert parsed >= 0.95
    assert proved >= (0.9 if FULL else 14 / 16), unproved
    assert refuted >= (0.95 if FULL else 15 / 16), unrefuted
