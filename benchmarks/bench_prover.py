"""Prover strength on identities from SymPy's own tests: symcond (``check --plain``) vs SymPy alone.

The corpus is ``tests/prove/sympy_identities.py`` (true identities and one false mutant each).
symcond decides ``lhs = rhs`` through :func:`symcond.cli.check.check_texts` in plain-maths mode with
:data:`BUDGET` CPU seconds per symbolic operation; "SymPy alone" is ``simplify(lhs - rhs) == 0`` on the
same parsed expressions, stopped after :data:`BUDGET` CPU seconds.  SymPy alone has no refutation: a
mutant counts as refuted when ``simplify(lhs - rhs)`` is not 0, which it also says of the true
identities it cannot prove (reported as its false alarms).  ``python3 benchmarks/bench_prover.py``
prints every case symcond did not decide as expected.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import sympy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from symcond.budget import time_budget
from symcond.cli.check import check_texts
from symcond.errors import BudgetExceeded, SymcondError
from symcond.model.verdict import Verdict
from symcond.parse.functions import plain_symbol
from symcond.parse.grammar import parse_expression
from tests.prove.sympy_identities import IDENTITIES

#: CPU seconds per symbolic operation for symcond, and per identity for SymPy alone.
BUDGET = 2.0
#: Wall-clock limit of one symcond check.
TOTAL_BUDGET = 30.0


@dataclass(frozen=True)
class Case:
    """One decided pair: whether it is true, symcond's verdict (None: did not parse), SymPy alone's answer
    (True: simplify gave 0; False: it did not; None: did not parse or ran out of time) and both times."""

    lhs: str
    rhs: str
    true: bool
    verdict: Verdict | None
    sympy_zero: bool | None
    seconds: float
    sympy_seconds: float


def symcond_verdict(lhs: str, rhs: str, budget: float = BUDGET) -> Verdict | None:
    """symcond's verdict on ``lhs = rhs`` in plain mode; None when a side does not parse."""
    try:
        return check_texts(lhs, rhs, budget=budget, total_budget=TOTAL_BUDGET, plain=True).verdict
    except SymcondError:
        return None


def sympy_alone(lhs: str, rhs: str, budget: float = BUDGET) -> bool | None:
    """``simplify(lhs - rhs) == 0`` within ``budget`` CPU seconds; None on a parse error or when out of time."""
    try:
        left, right = parse_expression(lhs, plain_symbol), parse_expression(rhs, plain_symbol)
    except SymcondError:
        return None
    try:
        with time_budget(budget, "simplify"):
            return bool(sympy.simplify(left - right) == 0)
    except BudgetExceeded:
        return None
    except Exception:  # SymPy failing on the input: not proved
        return False


def decide(lhs: str, rhs: str, true: bool, budget: float = BUDGET) -> Case:
    """Both provers on one pair, timed (wall clock)."""
    started = time.perf_counter()
    verdict = symcond_verdict(lhs, rhs, budget)
    middle = time.perf_counter()
    zero = sympy_alone(lhs, rhs, budget)
    return Case(lhs, rhs, true, verdict, zero, middle - started, time.perf_counter() - middle)


def measure(rows: list[tuple[str, str, str, str]] = IDENTITIES, budget: float = BUDGET) -> list[Case]:
    """Every row's identity and mutant, decided by both."""
    cases = []
    for lhs, rhs, mutant, _ in rows:
        cases.append(decide(lhs, rhs, True, budget))
        cases.append(decide(lhs, mutant, False, budget))
    return cases


def rates(cases: list[Case]) -> dict[str, float]:
    """Parse, prove and refute rates of both, false holds and false alarms (counts), mean times (s)."""
    true = [c for c in cases if c.true]
    false = [c for c in cases if not c.true]
    return {
        "parsed": sum(c.verdict is not None for c in cases) / len(cases),
        "proved": sum(c.verdict is Verdict.HOLDS for c in true) / len(true),
        "refuted": sum(c.verdict is Verdict.FAILS for c in false) / len(false),
        "false holds": sum(c.verdict is Verdict.HOLDS for c in false),
        "false alarms": sum(c.verdict is Verdict.FAILS for c in true),
        "sympy proved": sum(c.sympy_zero is True for c in true) / len(true),
        "sympy refuted": sum(c.sympy_zero is False for c in false) / len(false),
        "sympy false alarms": sum(c.sympy_zero is False for c in true),
        "seconds": sum(c.seconds for c in cases) / len(cases),
        "sympy seconds": sum(c.sympy_seconds for c in cases) / len(cases),
    }


def _row(name: str, baseline: float, value: float, target: str, unit: str) -> dict[str, object]:
    return {"name": name, "baseline": baseline, "value": value, "ratio": value / baseline if baseline else
            float("inf"), "target": target, "unit": unit}


def run() -> list[dict[str, object]]:
    """Rows for benchmarks/run.py: rates and mean time per identity, symcond vs SymPy alone."""
    found = rates(measure())
    size = f"{len(IDENTITIES)} identities + {len(IDENTITIES)} mutants from SymPy's tests"
    return [
        _row(f"prover: proved true identities, symcond vs simplify(lhs-rhs)==0 ({size})", found["sympy proved"],
             found["proved"], ">= 0.9 proved", "rate"),
        _row("prover: refuted mutants, symcond vs simplify(lhs-rhs)!=0", found["sympy refuted"], found["refuted"],
             f">= 0.95 refuted; false holds {found['false holds']:.0f}, false alarms {found['false alarms']:.0f} "
             f"(SymPy alone: {found['sympy false alarms']:.0f})", "rate"),
        _row("prover: parsed by symcond's grammar", 1.0, found["parsed"], ">= 0.95", "rate"),
        _row(f"prover: mean time per identity, symcond check vs simplify ({BUDGET:g} s budget)",
             found["sympy seconds"], found["seconds"], "report", "s"),
    ]


def main() -> None:
    """Print the rates and every case symcond did not decide as expected."""
    cases = measure()
    for name, value in rates(cases).items():
        print(f"{name}: {value:.4g}")
    for c in cases:
        expected = Verdict.HOLDS if c.true else Verdict.FAILS
        if c.verdict is not expected:
            print(f"{'true ' if c.true else 'false'} {c.verdict and c.verdict.value}: {c.lhs} = {c.rhs} "
                  f"(SymPy alone {c.sympy_zero}; {c.seconds:.2f} s)")


if __name__ == "__main__":
    main()
