"""From the equilibrium accumulators to estimates, curves and relations with error bars.

Per-particle time averages (independent across particles) from
:class:`~symcond.montecarlo.observables.Correlations` and
:class:`~symcond.montecarlo.observables.Spectra`, with ``w = 1 - f_eq(x)``:

=================  ===============================================================
``x2, w, x2w``     ``<x**2>``, ``<w>``, ``<x**2 w>`` at one time
``gk``             ``Integral_0^T <x(t) x(0)> dt``
``kubo``           ``Integral_0^T <x(t) w(0) x(0)> dt``; ``Y = 2 kubo``
``msd1, msd2``     mean-square displacements at ``T`` and ``2 T``;
                   ``D = (msd2 - msd1) / (2 T)``
``S0, Sw0``        low-frequency velocity noise and Pauli-weighted cross noise
=================  ===============================================================

Units: :mod:`symcond.kinetic.params`; definitions of the ratios:
:class:`~symcond.montecarlo.result.Relations`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from symcond.montecarlo.observables import Correlations, Spectra
from symcond.montecarlo.process import Process
from symcond.montecarlo.result import Counters, EquilibriumResult, MCStatus, Relations, outcome_message, status_of
from symcond.montecarlo.statistics import Estimate, delta_method, mean_of

__all__ = ["equilibrium_result", "relations"]

FloatArray = NDArray[np.float64]


def relations(m: dict[str, FloatArray], length: float) -> Relations:
    """Return the relation ratios from per-particle means ``m`` (keys: module table).

    ``length`` is ``L / (v_th tau_el0) = M / N`` of Eq. (10).  ``m["D"]`` holds the
    per-particle diffusion samples ``(msd2 - msd1) / (2 T)``.
    """
    def ratio(func, *names: str) -> Estimate:  # type: ignore[no-untyped-def]
        return delta_method(lambda v: func(*v), *(m[name] for name in names))

    return Relations(
        johnson=ratio(lambda s, k: s / (4.0 * k), "S0", "kubo"),
        johnson_pauli=ratio(lambda s, k: s / (4.0 * k), "Sw0", "kubo"),
        johnson_fano=ratio(lambda x2w, gk, x2, k: x2w * (gk / x2) / k, "x2w", "gk", "x2", "kubo"),
        einstein_classical=ratio(lambda d, k: d / k, "D", "kubo"),
        einstein_eq23=ratio(lambda d, w, x2w, k: d * w / (2.0 * x2w * k), "D", "w", "x2w", "kubo"),
        eq19=ratio(lambda d, w, x2, x2w, gk: d * w * x2 / (x2w * gk), "D", "w", "x2", "x2w", "gk"),
        eq19_differential=ratio(lambda k, x2, x2w, gk: k * x2 / (x2w * gk), "kubo", "x2", "x2w", "gk"),
        gamma=ratio(lambda x2w, w, gk, x2: np.sqrt(x2w / w) * gk / (x2 * length), "x2w", "w", "gk", "x2"),
    )


def _curves(corr: Correlations) -> tuple[FloatArray, FloatArray]:
    """Return normalised ``C_vv`` and its standard error over particle groups."""
    curve = corr.group_curves()[0]
    normalised = curve / curve[:, :1]
    groups = normalised.shape[0]
    return normalised.mean(axis=0), normalised.std(axis=0, ddof=1) / np.sqrt(groups)


def _per_particle(corr: Correlations, spectra: Spectra, dt: float) -> dict[str, FloatArray]:
    """Return the per-particle samples, including ``D`` and the low-frequency noises."""
    m = corr.means()
    m["D"] = (m["msd2"] - m["msd1"]) / (2.0 * corr.lags * dt)
    m["S0"], m["Sw0"] = spectra.low_frequency()
    return m


def equilibrium_result(proc: Process, seed: int, corr: Correlations, spectra: Spectra, dt: float,
                       counters: Counters) -> EquilibriumResult:
    """Assemble the :class:`EquilibriumResult` of a finished equilibrium run."""
    m = _per_particle(corr, spectra, dt)
    cvv, cvv_err = _curves(corr)
    tau = delta_method(lambda v: v[0] / v[1], m["gk"], m["x2"])
    mobility = mean_of(2.0 * m["kubo"])
    G = mobility.scaled(proc.g_scale())
    power, power_err, cross, cross_err = spectra.curves()
    status = status_of(counters)
    if status is MCStatus.COMPLETED and (not spectra.segments or not corr.counts["msd2"]):
        status = MCStatus.TOO_SHORT
    return EquilibriumResult(
        success=status is MCStatus.COMPLETED, status=status,
        message=outcome_message(status, f"G/G0 = {G:.6g} (Green-Kubo)", counters), params=proc.params, seed=seed,
        lags=np.arange(corr.lags + 1, dtype=float) * dt, cvv=cvv, cvv_stderr=cvv_err, cvv_integral=tau,
        mobility=mobility, G_G0=G, G_G0_eq3=tau.scaled(proc.g_scale()),
        mean_square_velocity=mean_of(m["x2"]), fano=mean_of(m["w"]),
        differential_velocity2=delta_method(lambda v: v[0] / v[1], m["x2w"], m["w"]),
        diffusion=mean_of(m["D"]), frequencies=spectra.frequencies, spectrum=power, spectrum_stderr=power_err,
        spectrum_pauli=cross, spectrum_pauli_stderr=cross_err, noise=mean_of(m["S0"]),
        noise_pauli=mean_of(m["Sw0"]), relations=relations(m, proc.length), counters=counters)
