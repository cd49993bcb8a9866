"""Streaming estimators of equilibrium correlations, diffusion and current noise.

Fed one sample at a time (every ``dt``): the instantaneous velocities ``x``, the Pauli
factors ``w = 1 - f_eq(x)`` and the cumulative displacements ``pos`` (``pos`` is the exact
time integral of ``x``).  Every time origin ``t0`` of the stationary equilibrium run is
used:

* ``C(k dt) = <x(t0 + k dt) x(t0)>`` and ``C_w(k dt) = <x(t0 + k dt) w(t0) x(t0)>``, summed
  over particles within each of ``groups`` groups (the groups give the error bars);
* per particle, the exact integrals ``Integral_0^T C dt = <x(t0) (pos(t0 + T) - pos(t0))>``
  and the same with ``w x`` (no quadrature error), ``T = lags * dt``;
* per particle, the mean-square displacements at ``T`` and ``2 T``.

:class:`Spectra` estimates the one-sided power spectral density of each particle's velocity
(averaged over ``h``) with Hann-windowed segments of ``segment`` points, and the cross
spectrum with the Pauli-weighted velocity ``w x``.

Units: velocities in ``v_th``, times in ``tau_el0``, displacements in ``v_th tau_el0``,
spectral densities in ``v_th**2 tau_el0``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.signal import get_window

__all__ = ["LOW_BINS", "Correlations", "Spectra"]

FloatArray = NDArray[np.float64]

#: Frequency bins (from 0) averaged into the low-frequency spectral density.
LOW_BINS = 3


class Correlations:
    """Velocity correlations and mean-square displacements of ``n`` particles.

    Parameters
    ----------
    n : int
        Number of particles (a multiple of ``groups``).
    lags : int
        Largest lag ``K`` (in samples) of the correlation curves; the integrals run to
        ``K dt`` and the displacements are taken at ``K dt`` and ``2 K dt``.
    groups : int
        Number of particle groups for the error bars of the curves.
    """

    def __init__(self, n: int, lags: int, groups: int) -> None:
        self.n, self.lags, self.groups, self.samples = n, lags, groups, 0
        shape = (groups, lags + 1, n // groups)
        self.ring_x, self.ring_wx = np.zeros(shape), np.zeros(shape)
        self.ring_pos = np.zeros((2 * lags + 1, n))
        self.curve, self.curve_w = np.zeros((groups, lags + 1)), np.zeros((groups, lags + 1))
        self.pairs = np.zeros(lags + 1)
        names = ("x2", "w", "x2w", "gk", "kubo", "msd1", "msd2")
        self.sums = {name: np.zeros(n) for name in names}
        self.counts = dict.fromkeys(names, 0)

    def add(self, x: FloatArray, w: FloatArray, pos: FloatArray) -> None:
        """Add the sample ``j = self.samples`` (velocities, Pauli factors, positions)."""
        j, slot = self.samples, self.samples % (self.lags + 1)
        wx = w * x
        self.ring_x[:, slot, :] = x.reshape(self.groups, -1)
        self.ring_wx[:, slot, :] = wx.reshape(self.groups, -1)
        self.ring_pos[j % (2 * self.lags + 1)] = pos
        self._curves(j, x)
        self._accumulate("x2", x * x)
        self._accumulate("w", w)
        self._accumulate("x2w", x * x * w)
        self._integrals(j, pos)
        self.samples += 1

    def _accumulate(self, name: str, values: FloatArray) -> None:
        self.sums[name] += values
        self.counts[name] += 1

    def _curves(self, j: int, x: FloatArray) -> None:
        """Add ``x_j`` times every stored origin to the lag curves (one batched matmul)."""
        column = x.reshape(self.groups, -1, 1)
        slots = np.arange(self.lags + 1)
        lag = (j - slots) % (self.lags + 1)
        valid = lag <= j
        prods = (self.ring_x @ column)[:, :, 0]
        prods_w = (self.ring_wx @ column)[:, :, 0]
        self.curve[:, lag[valid]] += prods[:, valid]
        self.curve_w[:, lag[valid]] += prods_w[:, valid]
        self.pairs[lag[valid]] += 1.0

    def _integrals(self, j: int, pos: FloatArray) -> None:
        """Close the origin ``j - K`` (integrals) and add displacements at ``K`` and ``2 K``."""
        k = self.lags
        if j >= k:
            slot = (j - k) % (k + 1)
            start = self.ring_pos[(j - k) % (2 * k + 1)]
            step = pos - start
            self._accumulate("gk", self.ring_x[:, slot, :].reshape(-1) * step)
            self._accumulate("kubo", self.ring_wx[:, slot, :].reshape(-1) * step)
            self._accumulate("msd1", step * step)
        if j >= 2 * k:
            step = pos - self.ring_pos[(j - 2 * k) % (2 * k + 1)]
            self._accumulate("msd2", step * step)

    def means(self) -> dict[str, FloatArray]:
        """Return the per-particle time averages (NaN where no origin was complete)."""
        return {name: self.sums[name] / self.counts[name] if self.counts[name] else np.full(self.n, np.nan)
                for name in self.sums}

    def group_curves(self) -> tuple[FloatArray, FloatArray]:
        """Return the per-group curves ``C`` and ``C_w`` (shape ``(groups, lags + 1)``)."""
        pairs = np.maximum(self.pairs, 1.0) * (self.n // self.groups)
        return self.curve / pairs, self.curve_w / pairs


class Spectra:
    """Welch estimates of the velocity spectral density, per particle.

    Parameters
    ----------
    n : int
        Number of particles.
    segment : int
        Points per Hann-windowed segment (no overlap).
    h : float
        Sampling interval (units ``tau_el0``); each point is the velocity averaged over ``h``.
    """

    def __init__(self, n: int, segment: int, h: float) -> None:
        self.n, self.segment, self.h, self.filled, self.segments = n, segment, h, 0, 0
        self.buffer, self.buffer_w = np.zeros((segment, n)), np.zeros((segment, n))
        self.window = get_window("hann", segment)
        self.norm = 2.0 * h / float(np.sum(self.window**2))
        bins = segment // 2 + 1
        self.power, self.power_sq = np.zeros(bins), np.zeros(bins)
        self.cross, self.cross_sq = np.zeros(bins), np.zeros(bins)
        self.low, self.low_w = np.zeros(n), np.zeros(n)

    @property
    def frequencies(self) -> FloatArray:
        """Return the frequencies of the bins (units ``1 / tau_el0``)."""
        return np.asarray(np.fft.rfftfreq(self.segment, d=self.h), dtype=float)

    def add(self, v: FloatArray, wv: FloatArray) -> None:
        """Add one point: velocities ``v`` and Pauli-weighted velocities ``wv`` averaged over ``h``."""
        self.buffer[self.filled], self.buffer_w[self.filled] = v, wv
        self.filled += 1
        if self.filled == self.segment:
            self._close()

    def _close(self) -> None:
        """Transform the full segment and accumulate the spectra."""
        spec = np.fft.rfft(self.window[:, None] * self.buffer, axis=0)
        spec_w = np.fft.rfft(self.window[:, None] * self.buffer_w, axis=0)
        power = self.norm * np.abs(spec) ** 2
        cross = self.norm * np.real(spec * np.conj(spec_w))
        self.power += power.sum(axis=1)
        self.power_sq += (power**2).sum(axis=1)
        self.cross += cross.sum(axis=1)
        self.cross_sq += (cross**2).sum(axis=1)
        self.low += power[:LOW_BINS].mean(axis=0)
        self.low_w += cross[:LOW_BINS].mean(axis=0)
        self.segments += 1
        self.filled = 0

    def curves(self) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        """Return ``(S, stderr S, S_w, stderr S_w)`` per particle, one value per frequency bin."""
        count = max(self.segments * self.n, 1)
        out = []
        for total, square in ((self.power, self.power_sq), (self.cross, self.cross_sq)):
            mean = total / count
            var = np.maximum(square / count - mean**2, 0.0) / max(count - 1, 1)
            out += [mean, np.sqrt(var)]
        return out[0], out[1], out[2], out[3]

    def low_frequency(self) -> tuple[FloatArray, FloatArray]:
        """Return per-particle low-frequency densities ``S(0)`` and ``S_w(0)`` (NaN if no segment)."""
        if not self.segments:
            return np.full(self.n, np.nan), np.full(self.n, np.nan)
        return self.low / self.segments, self.low_w / self.segments
