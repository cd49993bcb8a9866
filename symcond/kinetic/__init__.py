"""Steady-state solver of the 1D kinetic equation (9) of Das & Green (2003).

Units and parameters: :mod:`symcond.kinetic.params`; method: :mod:`symcond.kinetic.galerkin`.

>>> res = solve(KineticParams(eta=200.0, ratio=1.0))
>>> round(res.G_G0, 6)      # degenerate plateau with Eq. (10) taken literally: 4 R/(1+R)
1.999959
"""

from symcond.kinetic.laws import NO_STEADY_STATE
from symcond.kinetic.params import ETA_MAX, ETA_MIN, RATIO_MIN, KineticParams, TimeLaw
from symcond.kinetic.result import KineticChecks, KineticResult, SolveStatus, SubbandResult
from symcond.kinetic.solver import DEFAULT_DEGREE, DEFAULT_TOL, solve, solve_subbands

__all__ = [
    "DEFAULT_DEGREE",
    "DEFAULT_TOL",
    "ETA_MAX",
    "ETA_MIN",
    "NO_STEADY_STATE",
    "RATIO_MIN",
    "KineticChecks",
    "KineticParams",
    "KineticResult",
    "SolveStatus",
    "SubbandResult",
    "TimeLaw",
    "solve",
    "solve_subbands",
]
