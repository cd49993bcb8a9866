"""Claims exported by the tests: real bundled claims and a synthetic paper that exercises every helper."""

import functools

import numpy as np
import sympy
from sympy import Rational, exp, log

from symcond.export.spec import functions_for
from symcond.ledger.run import load_papers
from symcond.model.paper import Paper
from symcond.prove import decide
from symcond.report.explain import resolve_claim
from symcond.special.sympy_fd import FermiDirac

#: Bundled claims: a refuted equality (registry definitions), a derivation, a zeta(3) derivation, inequalities
#: (one side the constant 0: an integer-valued C result).
REAL = ("reggiani2026:eq11", "reggiani2026:eq1", "reggiani2026:eq18", "reggiani2026:eq5.bound",
        "reggiani2026:eq5.nonnegative")


def synthetic_paper() -> Paper:
    """A paper whose claims need the softplus, logistic, scaled-product and Fermi-Dirac helpers."""
    paper = Paper("exporttest", title="Export helpers", reference="tests/export")
    x = paper.declare("x", 1, "reduced energy", positive=False)
    y = paper.declare("y", 1, "collision-time ratio")
    paper.equality("eq1", log(1 + exp(x)) * y / (1 + exp(x)), y * log(1 + exp(x)) / (1 + exp(x)))
    paper.equality("eq2", FermiDirac(-Rational(1, 2), x) ** 2 / FermiDirac(0, x) * y / (1 + y),
                   FermiDirac(-Rational(1, 2), x) ** 2 * y / (FermiDirac(0, x) * (1 + y)))
    paper.equality("eq3", sympy.sqrt(y) * exp(-x**2) + log(1 + y), sympy.sqrt(y) * exp(-x**2) + log(1 + y))
    return paper


@functools.lru_cache(maxsize=1)
def specs_by_claim():
    """claim id -> (paper, claim, specs) for every exported claim."""
    papers = [*load_papers(), synthetic_paper()]
    found = {}
    for wanted in [*REAL, "exporttest:eq1", "exporttest:eq2", "exporttest:eq3"]:
        paper, claim = resolve_claim(papers, wanted)
        found[wanted] = (paper, claim, functions_for(paper, claim, decide(claim, paper)))
    return found


def sample_points(spec, count: int, seed: int) -> list[list[float]]:
    """``count`` argument vectors: log-uniform in [0.3, 3] for positive symbols, uniform in [-30, 30] otherwise."""
    rng = np.random.default_rng(seed)
    columns = [rng.uniform(-30.0, 30.0, count) if a.is_positive is not True else np.exp(rng.uniform(-1.2, 1.1, count))
               for a in spec.args]
    return [[float(c[i]) for c in columns] for i in range(count)]
