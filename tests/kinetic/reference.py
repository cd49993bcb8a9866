"""Independent high-precision references for the kinetic solver (mpmath, 30 digits).

Exact constant-time solution of Eq. (9).  With constant ``t_in = R``, ``t_el = 1`` (units of
``tau_el0``) and ``C = 1``, the even/odd parts ``f = u + o`` obey ``F o' = -(u - f_eq)/R``
and ``F u' = -o / tau_m`` with ``1/tau_m = 1/R + 1``.  Eliminating ``o``:
``u - a**2 u'' = f_eq`` with ``a = |F| sqrt(R tau_m)``, whose decaying solution is the
convolution ``u = K * f_eq``, ``K(t) = exp(-|t|/a) / (2a)``; then
``o = -tau_m F u' = K_o * f_eq`` with ``K_o(t) = sign(F t) exp(-|t|/a) tau_m |F| / (2 a**2)``.
So ``f = Integral exp(-|x-y|/a) (1 + sign(F (x-y)) / sqrt(1+R)) f_eq(y) dy / (2a)``.
"""

from __future__ import annotations

import mpmath as mp

__all__ = ["closed_form_G_G0", "drude_G_G0", "exact_f", "fermi_integrals", "linear_response_G_G0"]

DPS = 30


def _feq(eta: mp.mpf):
    return lambda y: 1 / (1 + mp.exp(y * y - eta))


def _breaks(eta: float, *extra: float) -> list:
    edge = mp.sqrt(eta) if eta > 0 else mp.mpf(0)
    return sorted({-edge, edge, mp.mpf(0), *map(mp.mpf, extra)})


def exact_f(x: float, eta: float, ratio: float, field: float) -> float:
    """Return the exact steady-state ``f(x)`` of Eq. (9) for constant times (absolute)."""
    with mp.workdps(DPS):
        x, eta, ratio, field = (mp.mpf(v) for v in (x, eta, ratio, field))
        tau_m = ratio / (1 + ratio)
        a = abs(field) * mp.sqrt(ratio * tau_m)
        skew = mp.sign(field) / mp.sqrt(1 + ratio)
        feq = _feq(eta)

        def integrand(y):
            t = x - y
            return mp.exp(-abs(t) / a) * (1 + mp.sign(t) * skew) * feq(y) / (2 * a)

        return float(mp.quad(integrand, [-mp.inf, *_breaks(eta, x), mp.inf]))


def fermi_integrals(eta: float) -> tuple[float, float]:
    """Return ``N = Integral f_eq dx`` and ``M = Integral |x| f_eq dx`` over the whole line."""
    with mp.workdps(DPS):
        feq = _feq(mp.mpf(eta))
        pts = [mp.mpf(0), *[b for b in _breaks(eta) if b > 0], mp.inf]
        n = 2 * mp.quad(feq, pts)
        m = 2 * mp.quad(lambda y: y * feq(y), pts)
        return float(n), float(m)


def drude_G_G0(eta: float, ratio: float) -> float:
    """Return Eq. (11) with Eq. (10): ``G/G0 = (h n / (2 m vbar)) R / (1 + R) = (N**2/M) R/(1+R)``."""
    n, m = fermi_integrals(eta)
    return n * n / m * ratio / (1 + ratio)


def linear_response_G_G0(eta: float, ratio: float, tau_in_law, tau_el_law=None) -> float:
    """Return ``G/G0`` for ``F -> 0`` with energy-dependent times by direct quadrature.

    To first order in ``F``, Eq. (9) gives ``f = f_eq - F t_m(x**2) f_eq'(x)``, so
    ``G/G0 = (N / M) Integral x t_m (-f_eq') dx`` with ``1/t_m = 1/t_in + 1/t_el``.
    """
    n, m = fermi_integrals(eta)
    with mp.workdps(DPS):
        eta_m = mp.mpf(eta)

        def integrand(y):
            e = y * y
            t_in = ratio * tau_in_law(e)
            t_el = tau_el_law(e) if tau_el_law else 1
            t_m = 1 / (1 / t_in + 1 / t_el)
            slope = -2 * y * mp.exp(e - eta_m) / (1 + mp.exp(e - eta_m)) ** 2
            return y * t_m * (-slope)

        pts = [mp.mpf(0), *[b for b in _breaks(eta) if b > 0], mp.inf]
        return float(2 * mp.quad(integrand, pts) * n / m)


def closed_form_G_G0(eta: float, ratio: float) -> mp.mpf:
    """Return ``(N**2/M) R/(1+R)`` with ``N = sqrt(pi) F_{-1/2}(eta)``, ``M = F_0(eta)`` (mpmath).

    The complete Fermi-Dirac integrals are ``F_j(eta) = -Li_{j+1}(-exp(eta))``, so this
    holds at any ``eta`` (no quadrature), also where ``G/G0`` is far below ``1e-300``.
    """
    with mp.workdps(DPS):
        x = mp.mpf(eta)
        n = mp.sqrt(mp.pi) * -mp.re(mp.polylog(mp.mpf(0.5), -mp.exp(x)))
        m = mp.log1p(mp.exp(x))
        r = mp.mpf(ratio)
        return n**2 / m * r / (1 + r)
