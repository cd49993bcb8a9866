"""Ensemble Monte Carlo of the stochastic process whose master equation is Eq. (9) of Das & Green (2003).

Independent particles accelerate freely (``dx/dt = F``), flip ``x -> -x`` at the rate
``1 / (2 tau_el)`` and are re-drawn from ``f_eq / tau_in`` at the rate ``1 / tau_in``
(:mod:`symcond.montecarlo.process`).  Units and parameters are those of the kinetic
solver (:mod:`symcond.kinetic.params`, :class:`~symcond.kinetic.params.KineticParams`).

* :func:`drift` -- steady state under a field: ``<x>``, ``G / G_0`` with error bars;
* :func:`equilibrium` -- ``F = 0``: velocity autocorrelation and Green-Kubo ``G``,
  diffusion, current noise, and the fluctuation-dissipation / Einstein relations;
* :func:`simulate_subbands` -- several sub-bands summed (the ``symcond mc`` command).

>>> res = drift(KineticParams(eta=0.0, ratio=1.0, field=1.0), particles=2000, time=40.0, seed=1)
>>> tau_m = 1.0 / (1.0 + 1.0)       # 1/tau_m = 1/tau_el + 1/tau_in (units tau_el0): Drude at any F
>>> res.mobility.agrees(tau_m), res.counters.particles
(True, 2000)
"""

from symcond.kinetic.params import KineticParams
from symcond.montecarlo.progress import ProgressBar
from symcond.montecarlo.result import Counters, DriftResult, EquilibriumResult, MCStatus, Relations
from symcond.montecarlo.simulate import DEFAULT_PARTICLES, drift, equilibrium, simulate
from symcond.montecarlo.statistics import Estimate
from symcond.montecarlo.subbands import SubbandMCResult, simulate_subbands

__all__ = [
    "DEFAULT_PARTICLES",
    "Counters",
    "DriftResult",
    "EquilibriumResult",
    "Estimate",
    "KineticParams",
    "MCStatus",
    "ProgressBar",
    "Relations",
    "SubbandMCResult",
    "drift",
    "equilibrium",
    "simulate",
    "simulate_subbands",
]
