"""Deciding solver-backed claims (:class:`~symcond.model.solver_claims.KineticClaim`) with the kinetic solver.

Every point ``(law pair, eta, ratio, field)`` of the claim is one run of :func:`symcond.kinetic.solve`;
what the run measures is compared with a reference computed independently (mpmath, 30 digits), with
a tolerance derived from the run's own error estimate:

``tolerance = SAFETY * (e * (A_I + A_n) + g) + 4 P u``

where ``e`` is the solver's relative max-norm error estimate of ``f`` (the change between its grid
and the bisected grid), ``A_I`` and ``A_n`` propagate that max-norm error through the current and
density moments (``max|f| * Integral |x| dx / |Integral x f dx|`` and ``max|f| * Integral dx /
Integral f dx`` on the solver's quadrature), ``g`` is the solver's own grid change of ``G``, ``P``
the number of quadrature points and ``u = 2**-53`` (the rounding bound of a ``P``-term sum).  A
verdict is ``holds`` only when every run is converged (all the solver's own checks passed) and within
its tolerance; ``fails`` names the first run outside it; anything else is ``undecided`` with the
reason.  The optional Monte Carlo witness (:func:`symcond.montecarlo.drift`, fixed seed, one thread)
must agree with the solver's ``G`` within :data:`WITNESS_SIGMAS` standard errors at every nonzero
field, or the verdict is ``undecided``.

The evidence records the worst run: ``value`` its measured deviation, ``ratio`` deviation / tolerance
(a decrease: tolerance / drop; at most 1 when it holds), ``numeric_points`` the number of solver runs;
the reason lists every run (``symcond explain`` prints one per line).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING, Any

import mpmath
import numpy as np
import sympy

from symcond.errors import DefinitionError, SymcondError
from symcond.model.context import Context
from symcond.model.solver_claims import KineticClaim, KineticProperty
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict

if TYPE_CHECKING:
    from symcond.kinetic import KineticResult

__all__ = ["RUNS_MARK", "SAFETY", "WITNESS_SIGMAS", "check_kinetic"]

#: Factor between the propagated error estimate and the tolerance.
SAFETY = 10.0
#: Largest |G_MC - G_solver| / stderr the Monte Carlo witness may show.
WITNESS_SIGMAS = 4.0
#: Particles of a witness run (its seed is fixed: the verdict is reproducible).
WITNESS_PARTICLES = 2000
#: Separates the reason's summary from its list of runs (``symcond explain`` splits there).
RUNS_MARK = "; runs: "
_U = 2.0**-53
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(32)


@dataclass(frozen=True)
class Run:
    """One solver run: where, what it measured against what tolerance, and what the witness said."""

    law: int
    eta: float
    ratio: float
    field: float
    deviation: float = math.nan
    tolerance: float = math.nan
    witness: str = ""

    def where(self, laws: int) -> str:
        law = f"law {self.law + 1}, " if laws > 1 else ""
        return f"{law}eta={self.eta:g}, ratio={self.ratio:g}, F={self.field:g}"

    def shown(self, laws: int, decrease: bool = False) -> str:
        extra = f", MC {self.witness}" if self.witness else ""
        if decrease:
            return f"{self.where(laws)}: drop {self.deviation:.2g} vs tolerance {self.tolerance:.2g}{extra}"
        return f"{self.where(laws)}: {self.deviation:.2g} <= {self.tolerance:.2g}{extra}"


def check_kinetic(claim: KineticClaim, ctx: Context) -> Outcome:
    """The verdict of ``claim``: run the solver at every point and compare (module docstring)."""
    from symcond.kinetic import KineticParams, solve  # when a claim is decided: not in check's start-up

    del ctx  # the claim carries its numbers; no symbolic context is needed
    laws = [(_numpy_law(t_in, claim.energy), _numpy_law(t_el, claim.energy)) for t_in, t_el in claim.laws]
    results: dict[Run, KineticResult] = {}
    for (index, pair), eta, ratio, field in product(enumerate(laws), claim.etas, claim.ratios, claim.fields):
        run = Run(index, eta, ratio, field)
        params = KineticParams(eta=eta, ratio=ratio, field=field, tau_in_law=pair[0], tau_el_law=pair[1])
        try:
            result = solve(params)
        except SymcondError as exc:
            return _undecided(f"the solver stopped at {run.where(len(laws))}: {exc}", claim)
        if not result.success:
            return _undecided(f"the solver did not converge at {run.where(len(laws))}: {result.message}", claim)
        results[run] = result
    if claim.asserts is KineticProperty.CONDUCTIVITY_DECREASES:
        return _decreasing(claim, results)
    measure = _MEASURES[claim.asserts]
    runs = [_measured(run, *measure(claim, run, result)) for run, result in results.items()]
    return _verdict(claim, runs, "|deviation|")


def _measured(run: Run, deviation: float, tolerance: float) -> Run:
    return Run(run.law, run.eta, run.ratio, run.field, deviation, tolerance)


# ----------------------------------------------------------------------------- measurements
def _g_tolerance(result: KineticResult) -> float:
    """Relative tolerance of ``G`` (and the current): the module docstring's formula."""
    sol = result.solution
    w, x, even, odd = sol.mesh.weights, sol.mesh.nodes, sol.even, sol.odd
    if sol.linear:
        scale_u, scale_o = float(np.max(np.abs(even))), float(np.max(np.abs(odd)))
    else:
        scale_u = scale_o = float(np.max(np.abs(even) + np.abs(odd)))
    current = abs(float(np.sum(w * x * odd)))
    a_i = scale_o * float(np.sum(w * np.abs(x))) / current if current > 0.0 else math.inf
    a_n = scale_u * float(np.sum(w)) / float(np.sum(w * even))
    return SAFETY * (result.error_estimate * (a_i + a_n) + result.G_error_estimate) + 4.0 * len(w) * _U


def _drude(claim: KineticClaim, run: Run, result: KineticResult) -> tuple[float, float]:
    """``|G / (tau_m N**2 / M) - 1|``: the current against ``n e tau_m E / m*`` (constant times)."""
    t_in, t_el = claim.laws[run.law]
    if t_in.free_symbols or t_el.free_symbols:
        raise DefinitionError(f"{claim.id}: the Drude value needs energy-independent times (got {t_in}, {t_el})")
    with mpmath.workdps(30):
        tau_in, tau_el = run.ratio * mpmath.mpf(str(sympy.N(t_in, 30))), mpmath.mpf(str(sympy.N(t_el, 30)))
        n, m = _fermi_integrals(run.eta)
        reference = float(n * n / m / (1 / tau_in + 1 / tau_el))
    return abs(result.G_G0 / reference - 1.0), _g_tolerance(result)


def _kubo_greenwood(claim: KineticClaim, run: Run, result: KineticResult) -> tuple[float, float]:
    """``|G / G_KG - 1|`` with ``G_KG = (N/M) Integral x tau_m(x**2) (-df_eq/dx) dx`` (mpmath quadrature)."""
    if run.field != 0.0 and not result.linear_response:
        raise DefinitionError(f"{claim.id}: the Kubo-Greenwood comparison is at F = 0 (got F = {run.field:g})")
    t_in, t_el = (sympy.lambdify(claim.energy, law, "mpmath") for law in claim.laws[run.law])
    with mpmath.workdps(30):
        eta = mpmath.mpf(run.eta)

        def integrand(y: Any) -> Any:
            e = y * y
            tau_m = 1 / (1 / (run.ratio * t_in(e)) + 1 / t_el(e))
            slope = 2 * y / (4 * mpmath.cosh((e - eta) / 2) ** 2)
            return y * tau_m * slope

        edge = [mpmath.sqrt(eta)] if eta > 0 else []
        n, m = _fermi_integrals(run.eta)
        reference = float(2 * mpmath.quad(integrand, [0, *edge, mpmath.inf]) * n / m)
    return abs(result.G_G0 / reference - 1.0), _g_tolerance(result)


def _conserves(claim: KineticClaim, run: Run, result: KineticResult) -> tuple[float, float]:
    """``|dn/dt| / gross rate``: Eq. (9)'s three terms integrated over the band with an own quadrature.

    ``dn/dt = -F [f(X) - f(-X)] - Integral (f - C f_eq) / tau_in dx - Integral (f(x) - f(-x)) / (2 tau_el) dx``
    on the solver's interpolated ``f`` and constant ``C``, by 32-point Gauss-Legendre on each of its elements.
    """
    t_in, t_el = (_numpy_law(law, claim.energy) or (lambda e: np.ones_like(e)) for law in claim.laws[run.law])
    edges = result.solution.mesh.edges
    half = 0.5 * np.diff(edges)
    x = ((edges[:-1] + half)[:, None] + half[:, None] * _GL_NODES[None, :]).ravel()
    w = (half[:, None] * _GL_WEIGHTS[None, :]).ravel()
    x, w = np.concatenate((-x[::-1], x)), np.concatenate((w[::-1], w))
    f, f_mirror = result.occupation(x), result.occupation(-x)
    f_eq = np.exp(-np.logaddexp(0.0, x * x - run.eta))
    r_in = 1.0 / (run.ratio * np.broadcast_to(t_in(x * x), x.shape))
    r_el = 1.0 / np.broadcast_to(t_el(x * x), x.shape)
    end = result.domain_end
    ends = result.occupation(np.array([end, -end]))
    field = -run.field * float(ends[0] - ends[1])
    inelastic = -float(np.sum(w * (f - result.restoring_constant * f_eq) * r_in))
    elastic = -float(np.sum(w * (f - f_mirror) * r_el)) / 2.0
    gross = float(np.sum(w * np.abs(f) * r_in) + np.sum(w * np.abs(f - f_mirror) * r_el) / 2.0
                  + abs(run.field) * np.sum(np.abs(ends)))
    f_max = float(np.max(np.abs(result.f)))
    spread = result.error_estimate * f_max * float(np.sum(w * (2.0 * r_in + r_el)))
    return abs(field + inelastic + elastic) / gross, SAFETY * spread / gross + 4.0 * len(w) * _U


_MEASURES: dict[KineticProperty, Callable[[KineticClaim, Run, KineticResult], tuple[float, float]]] = {
    KineticProperty.CONSERVES_NUMBER: _conserves,
    KineticProperty.DRUDE: _drude,
    KineticProperty.KUBO_GREENWOOD: _kubo_greenwood,
}


def _decreasing(claim: KineticClaim, results: dict[Run, KineticResult]) -> Outcome:
    """``sigma(F)`` (that is ``G``) strictly decreasing from each field to the next, beyond both tolerances."""
    if list(claim.fields) != sorted(set(claim.fields)) or len(claim.fields) < 2 or min(claim.fields) < 0.0:
        raise DefinitionError(f"{claim.id}: the fields must be at least two, non-negative and increasing")
    runs: list[Run] = []
    by_point = {(r.law, r.eta, r.ratio, r.field): (r, res) for r, res in results.items()}
    for (law, eta, ratio), (low, high) in product(
            {(r.law, r.eta, r.ratio) for r in results}, zip(claim.fields, claim.fields[1:], strict=False)):
        res_low, res_high = by_point[(law, eta, ratio, low)][1], by_point[(law, eta, ratio, high)][1]
        tol = _g_tolerance(res_low) * res_low.G_G0 + _g_tolerance(res_high) * res_high.G_G0
        drop = res_low.G_G0 - res_high.G_G0
        runs.append(Run(law, eta, ratio, high, drop / res_low.G_G0, tol / res_low.G_G0))
    runs.sort(key=lambda r: (r.law, r.eta, r.ratio, r.field))
    return _verdict(claim, runs, "relative drop of sigma", results=results)


# ----------------------------------------------------------------------------- verdict
def _verdict(claim: KineticClaim, runs: list[Run], measured: str,
             results: dict[Run, KineticResult] | None = None) -> Outcome:
    decrease = claim.asserts is KineticProperty.CONDUCTIVITY_DECREASES
    laws = len(claim.laws)
    if claim.witness:
        runs, disagreement = _witnessed(claim, runs)
        if disagreement:
            return _undecided(disagreement, claim, runs)
    if decrease:
        bad = [r for r in runs if r.deviation < -r.tolerance]
        unresolved = [r for r in runs if abs(r.deviation) <= r.tolerance]
        margin = [r.tolerance / r.deviation if r.deviation > 0 else math.inf for r in runs]
    else:
        bad = [r for r in runs if not r.deviation <= r.tolerance]
        unresolved = []
        margin = [r.deviation / r.tolerance for r in runs]
    worst = (bad or unresolved or [runs[int(np.argmax(margin))]])[0]
    ratio = worst.tolerance / worst.deviation if decrease else worst.deviation / worst.tolerance
    evidence = Evidence(value=sympy.Float(worst.deviation, 15),
                        ratio=sympy.Float(ratio, 15) if math.isfinite(ratio) else None,
                        numeric_points=len(runs), digits=15, numeric=True)
    listing = RUNS_MARK + "; ".join(r.shown(laws, decrease) for r in runs)
    if bad:
        run = bad[0]
        what = "sigma increases" if decrease else f"{measured} {run.deviation:.3g} exceeds the tolerance"
        point = {"eta": sympy.Rational(str(run.eta)), "ratio": sympy.Rational(str(run.ratio)),
                 "F": sympy.Rational(str(run.field))}
        return Outcome(Verdict.FAILS, evidence.with_(
            counterexample=point, finding=Finding.VIOLATED,
            reason=f"kinetic solver: {what} at {run.where(laws)} ({run.deviation:.3g} vs tolerance "
                   f"{run.tolerance:.3g}){listing}"))
    if unresolved:
        run = unresolved[0]
        return Outcome(Verdict.UNDECIDED, evidence.with_(
            finding=Finding.NO_PROOF,
            reason=f"kinetic solver: the change of sigma at {run.where(laws)} ({run.deviation:.3g}) is within "
                   f"its tolerance {run.tolerance:.3g}{listing}"))
    if decrease:
        summary = (f"kinetic solver: sigma = I/(nF) drops beyond the tolerance from the solver's error estimates "
                   f"at each of {len(runs)} steps; least resolved: drop {worst.deviation:.3g} (tolerance "
                   f"{worst.tolerance:.3g}) up to {worst.where(laws)}")
    else:
        summary = (f"kinetic solver: {len(runs)} comparisons, {measured} within the tolerance from the solver's "
                   f"error estimate at each; worst {worst.deviation:.3g} (tolerance {worst.tolerance:.3g}) at "
                   f"{worst.where(laws)}")
    if claim.witness:
        summary += f"; Monte Carlo witness within {WITNESS_SIGMAS:g} standard errors at every nonzero field"
    return Outcome(Verdict.HOLDS, evidence.with_(finding=Finding.AGREES, reason=summary + listing))


def _witnessed(claim: KineticClaim, runs: list[Run]) -> tuple[list[Run], str]:
    """Run the Monte Carlo at each nonzero field of ``runs``; the runs with the witness noted, or a disagreement."""
    from symcond.kinetic import KineticParams, solve  # when a claim is decided: not in check's start-up
    from symcond.montecarlo import drift  # imported only when a witness is asked for (numba start-up)

    laws = [(_numpy_law(t_in, claim.energy), _numpy_law(t_el, claim.energy)) for t_in, t_el in claim.laws]
    out = []
    for run in runs:
        if run.field == 0.0:
            out.append(run)
            continue
        pair = laws[run.law]
        params = KineticParams(eta=run.eta, ratio=run.ratio, field=run.field, tau_in_law=pair[0], tau_el_law=pair[1])
        mc = drift(params, particles=WITNESS_PARTICLES, seed=1, threads=1)
        if not mc.success:
            return runs, f"the Monte Carlo witness did not complete at {run.where(len(laws))}: {mc.message}"
        g = solve(params).G_G0
        z = mc.G_G0.z(g)
        noted = Run(run.law, run.eta, run.ratio, run.field, run.deviation, run.tolerance,
                    f"G {mc.G_G0.value:.4g} +- {mc.G_G0.stderr:.1g} (z = {z:+.1f})")
        out.append(noted)
        if not abs(z) <= WITNESS_SIGMAS:
            return out, (f"the Monte Carlo witness disagrees with the solver at {run.where(len(laws))}: "
                         f"G_MC = {mc.G_G0.value:.5g} +- {mc.G_G0.stderr:.2g}, solver {g:.6g} (z = {z:+.1f})")
    return out, ""


def _undecided(reason: str, claim: KineticClaim, runs: list[Run] | None = None) -> Outcome:
    decrease = claim.asserts is KineticProperty.CONDUCTIVITY_DECREASES
    listing = RUNS_MARK + "; ".join(r.shown(len(claim.laws), decrease) for r in runs) if runs else ""
    return Outcome(Verdict.UNDECIDED, Evidence(finding=Finding.NO_PROOF, reason=f"kinetic solver: {reason}{listing}"))


def _numpy_law(law: sympy.Expr, energy: sympy.Symbol) -> Callable[[Any], Any] | None:
    """A NumPy function of the energy for the solver; None for the constant 1 (the solver's default)."""
    if law == 1:
        return None
    return sympy.lambdify(energy, law, "numpy")  # type: ignore[no-any-return]


def _fermi_integrals(eta: float) -> tuple[Any, Any]:
    """``N = Integral f_eq dx = sqrt(pi) F_{-1/2}(eta)`` and ``M = Integral |x| f_eq dx = ln(1 + e^eta)`` (mpmath)."""
    x = mpmath.mpf(eta)
    n = mpmath.sqrt(mpmath.pi) * -mpmath.re(mpmath.polylog(mpmath.mpf(0.5), -mpmath.exp(x)))
    return n, mpmath.log1p(mpmath.exp(x))
