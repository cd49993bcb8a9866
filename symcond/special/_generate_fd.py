"""Generate ``_fd_coeffs.py``, the coefficient tables of :mod:`symcond.special.fermi_dirac`.

Run ``python -m symcond.special._generate_fd`` (about a minute); it overwrites
``symcond/special/_fd_coeffs.py`` and prints the fit error of every piece.  Importing
this module does nothing.

Pieces for order ``j`` (keys are ``2*j``):

* ``eta < ETA_LO``: ``F_j = z * P(z)`` with ``z = exp(eta) <= exp(ETA_LO)``; ``P`` is the
  truncated Chebyshev interpolant of ``-Li_{j+1}(-z)/z``, written in powers of ``z``.
* ``ETA_LO <= eta < eta_hi``: intervals of width ``WIDTH``; on each, ``F_j`` is a
  truncated Chebyshev interpolant written in powers of ``t = eta - centre`` (|t| <= 1).
  ``eta_hi`` is ``REFLECT_ETA`` for integer orders, which then use the exact reflection
  ``F_n(eta) = R_n(eta) + (-1)**n F_n(-eta)`` (``R_n`` is a polynomial).
* half-integer ``j`` and ``eta >= eta_hi``: the Sommerfeld series
  ``F_j = eta**(j+1)/Gamma(j+2) * sum_k A_k eta**(-2k)``, truncated where the first
  omitted term is below 1e-18 (the reflection term vanishes because cos(pi j) = 0).

Each interpolant uses ``NODES`` Chebyshev nodes evaluated by
:func:`symcond.special.reference.fermi_dirac_mp` and is truncated at the lowest degree
whose discarded coefficients sum to below ``TARGET`` times the smallest node value.
The rounded double-precision coefficients are then checked in mpmath on a fine grid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import mpmath

from symcond.special.reference import fermi_dirac_mp

ETA_LO = -2
WIDTH = 2
HALF_ORDERS = (-3, -1, 1, 3, 5)  # twice the order
INTEGER_ORDERS = (2, 4, 6)  # orders 1, 2, 3 (0 and -1 have closed forms)
REFLECT_ETA = 2  # integer orders: reflection from here on (R_n(eta) >> F_n(-eta))
NODES = 40
TARGET = mpmath.mpf("1e-17")
ASYM_TERM = mpmath.mpf("1e-18")
ASYM_MAX_TERMS = 12
CHECK_POINTS = 41
WORK_DPS = 60
REF_DPS = 40

Poly = list[mpmath.mpf]


def chebyshev_interpolant(f: Callable[[mpmath.mpf], mpmath.mpf], a: float, b: float) -> Poly:
    """Return Chebyshev coefficients c_m of the NODES-point interpolant of f on [a, b]."""
    theta = [mpmath.pi * (k + mpmath.mpf(1) / 2) / NODES for k in range(NODES)]
    vals = [f((a + b) / mpmath.mpf(2) + (b - a) / mpmath.mpf(2) * mpmath.cos(th)) for th in theta]
    coeffs = [
        2 * mpmath.fsum(v * mpmath.cos(m * th) for v, th in zip(vals, theta, strict=True)) / NODES for m in range(NODES)
    ]
    coeffs[0] /= 2
    return coeffs


def truncation_degree(coeffs: Poly, scale: mpmath.mpf) -> int:
    """Return the lowest degree n with sum_{m > n} |c_m| < TARGET * scale."""
    tail = mpmath.mpf(0)
    for n in range(len(coeffs) - 1, 0, -1):
        tail += abs(coeffs[n])
        if tail >= TARGET * scale:
            return n
    return 0


def chebyshev_to_monomial(coeffs: Poly) -> Poly:
    """Return a_i with sum_m c_m T_m(x) == sum_i a_i x**i."""
    result = [mpmath.mpf(0)] * len(coeffs)
    t_prev, t_cur = [mpmath.mpf(1)], [mpmath.mpf(0), mpmath.mpf(1)]
    for m, c in enumerate(coeffs):
        basis = t_prev if m == 0 else t_cur
        for i, b in enumerate(basis):
            result[i] += c * b
        if m >= 1:
            nxt = [-b for b in t_prev] + [mpmath.mpf(0)] * 2
            for i, b in enumerate(t_cur):
                nxt[i + 1] += 2 * b
            t_prev, t_cur = t_cur, nxt[: m + 2]
    return result


def rescale(mono: Poly, scale: mpmath.mpf, shift: mpmath.mpf) -> Poly:
    """Return b_i with sum_i a_i x**i == sum_i b_i z**i for x = scale * z + shift."""
    result = [mpmath.mpf(0)] * len(mono)
    power = [mpmath.mpf(1)]  # coefficients of (scale z + shift)**i
    for a in mono:
        for i, p in enumerate(power):
            result[i] += a * p
        power = _times_linear(power, scale, shift)
    return result


def _times_linear(poly: Poly, scale: mpmath.mpf, shift: mpmath.mpf) -> Poly:
    """Return the coefficients of poly(z) * (scale z + shift)."""
    out = [shift * p for p in poly] + [mpmath.mpf(0)]
    for i, p in enumerate(poly):
        out[i + 1] += scale * p
    return out


def horner(coeffs: Sequence[float | mpmath.mpf], x: mpmath.mpf) -> mpmath.mpf:
    """Evaluate sum_i coeffs[i] x**i in mpmath."""
    acc = mpmath.mpf(0)
    for c in reversed(coeffs):
        acc = acc * x + mpmath.mpf(c)
    return acc


def _relative_error(approx: mpmath.mpf, exact: mpmath.mpf) -> float:
    """Return |approx/exact - 1| as a float."""
    return float(abs(approx / exact - 1))


def z_piece(twice: int) -> tuple[list[float], float]:
    """Fit F_j(log z)/z on 0 <= z <= exp(ETA_LO); return powers of z and the checked error."""
    s = mpmath.mpf(twice) / 2 + 1
    z1 = mpmath.exp(ETA_LO)

    def g(z: mpmath.mpf) -> mpmath.mpf:
        return -mpmath.polylog(s, -z) / z

    cheb = chebyshev_interpolant(g, 0, z1)
    n = truncation_degree(cheb, min(g(z1), mpmath.mpf(1)))
    coeffs = [float(c) for c in rescale(chebyshev_to_monomial(cheb[: n + 1]), 2 / z1, -1)]
    grid = [z1 * mpmath.mpf(i) / (CHECK_POINTS - 1) for i in range(1, CHECK_POINTS)]
    err = max(_relative_error(horner(coeffs, z), g(z)) for z in grid)
    return coeffs, err


def _interval_fit(twice: int, a: int) -> tuple[Poly, mpmath.mpf]:
    """Return the Chebyshev interpolant of F_j on [a, a + WIDTH] and min F_j at its ends."""
    order = mpmath.mpf(twice) / 2

    def f(eta: mpmath.mpf) -> mpmath.mpf:
        return fermi_dirac_mp(order, eta, dps=REF_DPS)

    return chebyshev_interpolant(f, a, a + WIDTH), min(f(a), f(a + WIDTH))


def mid_pieces(twice: int, eta_hi: int) -> tuple[list[list[float]], float]:
    """Fit F_j on each interval of [ETA_LO, eta_hi) with one common degree; return powers of t."""
    fits = [_interval_fit(twice, a) for a in range(ETA_LO, eta_hi, WIDTH)]
    degree = max(truncation_degree(cheb, scale) for cheb, scale in fits)
    rows = [
        [float(c) for c in rescale(chebyshev_to_monomial(cheb[: degree + 1]), 2 / mpmath.mpf(WIDTH), 0)]
        for cheb, _ in fits
    ]
    order = mpmath.mpf(twice) / 2
    err = 0.0
    for row, a in zip(rows, range(ETA_LO, eta_hi, WIDTH), strict=True):
        for i in range(CHECK_POINTS):
            t = mpmath.mpf(WIDTH) * i / (CHECK_POINTS - 1) - mpmath.mpf(WIDTH) / 2
            exact = fermi_dirac_mp(order, a + WIDTH / 2 + t, dps=REF_DPS)
            err = max(err, _relative_error(horner(row, t), exact))
    return rows, err


def sommerfeld_coefficients(order: mpmath.mpf, count: int) -> Poly:
    """Return A_k/Gamma(j+2), k < count, of F_j ~ eta**(j+1) * sum_k A_k/Gamma(j+2) eta**(-2k)."""
    coeffs = [1 / mpmath.gamma(order + 2)]
    for k in range(1, count):
        coeffs.append(2 * mpmath.altzeta(2 * k) / mpmath.gamma(order + 2 - 2 * k))
    return coeffs


def asymptotic_piece(twice: int) -> tuple[int, list[float], float]:
    """Choose eta_hi and the Sommerfeld terms for half-integer order; return them and the error."""
    order = mpmath.mpf(twice) / 2
    full = sommerfeld_coefficients(order, ASYM_MAX_TERMS + 1)
    for eta_hi in range(20, 400, 2):
        kept = next(
            (
                k
                for k in range(1, ASYM_MAX_TERMS + 1)
                if abs(full[k]) * mpmath.gamma(order + 2) * mpmath.mpf(eta_hi) ** (-2 * k) < ASYM_TERM
            ),
            None,
        )
        if kept is not None:
            break
    coeffs = [float(c) for c in full[:kept]]
    points = [eta_hi, eta_hi + 0.7, eta_hi + 5, 2 * eta_hi, 1e3, 1e6]
    err = max(
        _relative_error(
            mpmath.mpf(e) ** (order + 1) * horner(coeffs, mpmath.mpf(e) ** -2), fermi_dirac_mp(order, e, dps=REF_DPS)
        )
        for e in points
    )
    return eta_hi, coeffs, err


def reflection_polynomial(n: int) -> tuple[list[float], float]:
    """Return powers of eta of R_n with F_n(eta) = R_n(eta) + (-1)**n F_n(-eta), and the error."""
    coeffs = [mpmath.mpf(0)] * (n + 2)
    for k in range((n + 1) // 2 + 1):
        coeffs[n + 1 - 2 * k] = 2 * mpmath.altzeta(2 * k) / mpmath.factorial(n + 1 - 2 * k)
    rounded = [float(c) for c in coeffs]
    err = max(
        _relative_error(horner(rounded, mpmath.mpf(e)) + (-1) ** n * fermi_dirac_mp(n, -e), fermi_dirac_mp(n, e))
        for e in (REFLECT_ETA, 3.0, 40.0)
    )
    return rounded, err


def _format_floats(values: Sequence[float], indent: str) -> list[str]:
    """Return source lines listing ``values`` three per line, each followed by a comma."""
    return [indent + " ".join(f"{v!r}," for v in values[i : i + 3]) for i in range(0, len(values), 3)]


def _format_dict(name: str, annotation: str, table: dict[int, list[float]]) -> list[str]:
    """Return the source of a ``{key: (floats...)}`` dictionary."""
    lines = [f"{name}: {annotation} = {{"]
    for key, values in table.items():
        lines += [f"    {key}: (", *_format_floats(values, " " * 8), "    ),"]
    return [*lines, "}", ""]


def _format_rows(name: str, table: dict[int, list[list[float]]]) -> list[str]:
    """Return the source of a ``{key: ((floats...), ...)}`` dictionary."""
    lines = [f"{name}: dict[int, tuple[tuple[float, ...], ...]] = {{"]
    for key, rows in table.items():
        lines.append(f"    {key}: (")
        for row in rows:
            lines += ["        (", *_format_floats(row, " " * 12), "        ),"]
        lines.append("    ),")
    return [*lines, "}", ""]


def build_tables() -> tuple[dict[str, dict], list[str]]:
    """Compute every table; return them and one report line per piece."""
    tables: dict[str, dict] = {"Z_POLY": {}, "MID_POLY": {}, "HIGH_ETA": {}, "ASYM_POLY": {}, "REFLECT_POLY": {}}
    report = []
    for twice in HALF_ORDERS + INTEGER_ORDERS:
        tables["Z_POLY"][twice], err = z_piece(twice)
        report.append(f"2j={twice:+d} z-polynomial degree {len(tables['Z_POLY'][twice]) - 1}: {err:.2e}")
        if twice in HALF_ORDERS:
            eta_hi, tables["ASYM_POLY"][twice], err = asymptotic_piece(twice)
            report.append(
                f"2j={twice:+d} Sommerfeld {len(tables['ASYM_POLY'][twice])} terms from eta={eta_hi}: {err:.2e}"
            )
        else:
            eta_hi = REFLECT_ETA
            tables["REFLECT_POLY"][twice], err = reflection_polynomial(twice // 2)
            report.append(f"2j={twice:+d} reflection polynomial: {err:.2e}")
        tables["HIGH_ETA"][twice] = float(eta_hi)
        tables["MID_POLY"][twice], err = mid_pieces(twice, eta_hi)
        report.append(
            f"2j={twice:+d} {len(tables['MID_POLY'][twice])} intervals of degree "
            f"{len(tables['MID_POLY'][twice][0]) - 1}: {err:.2e}"
        )
    return tables, report


def render(tables: dict[str, dict], report: list[str]) -> str:
    """Return the source text of ``_fd_coeffs.py``."""
    lines = (
        [
            '"""Coefficient tables of symcond.special.fermi_dirac.',
            "",
            "GENERATED by ``python -m symcond.special._generate_fd`` -- do not edit by hand.",
            "Keys are twice the order j.  Polynomials list ascending powers.  HIGH_ETA is where the",
            "Sommerfeld series (half-integer j) or the reflection (integer j) takes over.",
            "Relative error of",
            "each piece (rounded coefficients, exact arithmetic) against mpmath at 40 digits:",
            "",
        ]
        + [f"    {line}" for line in report]
        + ['"""', "", "# fmt: off", f"ETA_LO = {float(ETA_LO)!r}", f"WIDTH = {float(WIDTH)!r}", ""]
    )
    lines += _format_dict("Z_POLY", "dict[int, tuple[float, ...]]", tables["Z_POLY"])
    lines += _format_rows("MID_POLY", tables["MID_POLY"])
    lines += [f"HIGH_ETA: dict[int, float] = {tables['HIGH_ETA']!r}", ""]
    lines += _format_dict("ASYM_POLY", "dict[int, tuple[float, ...]]", tables["ASYM_POLY"])
    lines += _format_dict("REFLECT_POLY", "dict[int, tuple[float, ...]]", tables["REFLECT_POLY"])
    return "\n".join(lines)


def main() -> None:
    """Write ``_fd_coeffs.py`` next to this file and print the error report."""
    with mpmath.workdps(WORK_DPS):
        tables, report = build_tables()
    Path(__file__).with_name("_fd_coeffs.py").write_text(render(tables, report))
    print("\n".join(report))


if __name__ == "__main__":
    main()
