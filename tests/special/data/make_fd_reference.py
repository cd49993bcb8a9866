"""Write ``fd_reference.npz``: F_j(eta) from mpmath for the dense test sweep.

Run from the repository root: ``python tests/special/data/make_fd_reference.py``
(about 10 minutes).  Every value is computed by
:func:`symcond.special.reference.fermi_dirac_mp` at 40 and at 60 digits and must agree
to 1e-30; every 25th point with eta > -40 is also checked against direct quadrature
(:func:`quad_reference`) to 1e-25.  The file stores the 40-digit values rounded to
float64 together with the eta grid.
"""

from __future__ import annotations

from pathlib import Path

import mpmath
import numpy as np

from symcond.special.fermi_dirac import SUPPORTED_ORDERS
from symcond.special.reference import fermi_dirac_mp

SEED = 20251121
OUTPUT = Path(__file__).with_name("fd_reference.npz")


def sweep_points() -> np.ndarray:
    """Return the sorted eta grid: linear and log spaced, interval edges +-1 ulp, random."""
    rng = np.random.default_rng(SEED)
    edges = np.arange(-2.0, 62.0, 2.0)
    parts = [
        np.linspace(-700.0, -40.0, 200),
        np.linspace(-40.0, 80.0, 1801),
        np.geomspace(80.0, 1e6, 300),
        edges,
        np.nextafter(edges, -np.inf),
        np.nextafter(edges, np.inf),
        np.array([-1e-12, 1e-12, 1e6]),
        rng.uniform(-700.0, -40.0, 150),
        rng.uniform(-40.0, 80.0, 1200),
        10.0 ** rng.uniform(np.log10(80.0), 6.0, 250),
    ]
    return np.unique(np.concatenate(parts))


def quad_reference(order: float, eta: float) -> mpmath.mpf:
    """F_j(eta) by quadrature in u = sqrt(t) (j > -1), or of dF_{-1/2}/deta (j = -3/2)."""
    j, x = mpmath.mpf(order), mpmath.mpf(eta)

    def fermi(u: mpmath.mpf) -> mpmath.mpf:
        return 1 / (1 + mpmath.exp(u * u - x))

    if j == -1.5:
        integrand = lambda u: 2 * fermi(u) * (1 - fermi(u))  # noqa: E731
        norm = mpmath.gamma(mpmath.mpf(0.5))
    else:
        integrand = lambda u: 2 * u ** (2 * j + 1) * fermi(u)  # noqa: E731
        norm = mpmath.gamma(j + 1)
    edges = [mpmath.sqrt(x)] if x > 0 else []
    points = [mpmath.mpf(0), *edges, mpmath.sqrt(max(x, 0) + 50), mpmath.inf]
    return mpmath.quad(integrand, points) / norm


def reference_row(order: float, eta: np.ndarray) -> np.ndarray:
    """Return F_j at every eta (40 digits), after the 60-digit and quadrature checks."""
    values = []
    for i, e in enumerate(eta):
        v40, v60 = fermi_dirac_mp(order, e, dps=40), fermi_dirac_mp(order, e, dps=60)
        assert abs(v40 / v60 - 1) < 1e-30, (order, e, v40, v60)
        if i % 25 == 0 and e > -40 and order != -1.0:
            with mpmath.workdps(40):
                q = quad_reference(order, e)
            assert abs(q / v60 - 1) < 1e-25, (order, e, q, v60)
        values.append(float(v40))
    return np.array(values)


def main() -> None:
    """Compute and save the reference table."""
    eta = sweep_points()
    rows = []
    for order in SUPPORTED_ORDERS:
        rows.append(reference_row(order, eta))
        print(f"order {order}: done", flush=True)
    np.savez_compressed(OUTPUT, eta=eta, orders=np.array(SUPPORTED_ORDERS), values=np.array(rows))


if __name__ == "__main__":
    main()
