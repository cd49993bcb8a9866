"""Kinetic solver of Eq. (9): O(N) spectral-element solve against dense LAPACK, error vs N,
and the Figure 1 sweep.

Run ``python -m benchmarks.bench_kinetic`` from the repository root.  Case: ``eta = 5``,
``tau_in/tau_el = 0.75``, field ``F = 1`` (units of :mod:`symcond.kinetic.params`), on
uniform meshes of degree 20 with ``N`` nodes on ``[0, X]``.

* ``O(N) vs dense``: set-up and solve of the even problem by static condensation
  (:class:`~symcond.kinetic.operator.EvenOperator`) against ``numpy.linalg.solve`` of the
  assembled matrix (assembly not timed), same load; for the sizes a dense solve can handle.
* ``scaling``: the O(N) time at ``N`` against ``N / 1000`` times the time at ``N = 1000``
  (ratio ~1 means linear cost), and the log-log slope of time against ``N``.
* ``f error``: max-norm error of the whole solve on the mesh (``f`` relative to its peak)
  against the exact constant-time solution (mpmath convolution, ``tests/kinetic/reference.py``);
  baseline is the 1e-12 target.
* ``Figure 1 sweep``: solver (3 ratios x 401 mu points x 2 bands) against the lambdified
  closed form of the same sweep.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # threaded BLAS fights over the cores

import functools
import time
from collections.abc import Callable

import numpy as np

from benchmarks._timing import best_time, row
from symcond.kinetic import KineticParams
from symcond.kinetic.discrete import solve_on_mesh
from symcond.kinetic.domain import domain_end
from symcond.kinetic.equilibrium import fermi_peak
from symcond.kinetic.laws import collision_rates
from symcond.kinetic.mesh import Mesh
from symcond.kinetic.operator import EvenOperator

PARAMS = KineticParams(eta=5.0, ratio=0.75, field=1.0)
DEGREE = 20
DENSE_SIZES = (1_000, 2_000, 4_000)
LARGE_SIZES = (10_000, 100_000, 1_000_000)
ERROR_SIZES = (1_000, 10_000, 100_000, 1_000_000)
PROBES = np.array([0.0, 0.7, 1.5, 2.1, 2.236, 2.4, 3.0, 4.5, 7.0])  # core, Fermi edge sqrt(5), tail
TARGET_F_ERROR = 1e-12


def uniform_mesh(nodes: int) -> Mesh:
    """Return a degree-20 mesh of ``[0, X]`` with ``nodes`` nodes (rounded to whole elements)."""
    return Mesh(np.linspace(0.0, domain_end(PARAMS), nodes // DEGREE + 1), DEGREE)


def once(func: Callable[[], object]) -> float:
    """Return the wall-clock seconds of one call (for sizes too slow to repeat)."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _operator(mesh: Mesh) -> tuple[Callable[[], np.ndarray], np.ndarray]:
    """Return the O(N) set-up-and-solve closure and its load for ``mesh``."""
    rates = collision_rates(PARAMS, mesh.nodes)
    load = mesh.weights * np.exp(-mesh.nodes**2)
    return (lambda: EvenOperator(mesh, PARAMS.field, *rates).solve(load)), load


def dense_rows() -> tuple[list[dict[str, object]], float]:
    """Return O(N)-vs-dense rows and the O(N) time at the smallest size."""
    rows, first = [], 0.0
    for size in DENSE_SIZES:
        mesh = uniform_mesh(size)
        fast, load = _operator(mesh)
        matrix = EvenOperator(mesh, PARAMS.field, *collision_rates(PARAMS, mesh.nodes)).dense()
        t_fast = best_time(fast, repeat=5)
        t_dense = best_time(functools.partial(np.linalg.solve, matrix, load), repeat=2 if size > 2000 else 5)
        diff = np.max(np.abs(fast() - np.linalg.solve(matrix, load))) / np.max(np.abs(fast()))
        first = first or t_fast
        rows.append(row(f"Eq. (9) even solve, O(N) vs dense numpy.linalg.solve, N={mesh.n_nodes}",
                        t_dense, t_fast, f"< 1 (solutions differ by {diff:.1e})"))
    return rows, first


def scaling_rows(t_first: float) -> list[dict[str, object]]:
    """Return rows of the O(N) time against linear extrapolation from N = 1000."""
    rows, seconds = [], t_first
    for size in LARGE_SIZES:
        fast, _ = _operator(uniform_mesh(size))
        seconds = best_time(fast, repeat=3) if size <= 100_000 else once(fast)
        rows.append(row(f"Eq. (9) even solve, O(N) scaling, N={size} vs (N/1000) x t(N=1000)",
                        t_first * size / DENSE_SIZES[0], seconds, "~1 (linear cost)"))
    slope = np.log(seconds / t_first) / np.log(LARGE_SIZES[-1] / DENSE_SIZES[0])
    rows.append(row(f"Eq. (9) even solve, cost exponent d ln t / d ln N, N=1000..{LARGE_SIZES[-1]}",
                    1.0, float(slope), "~1 (O(N))", unit=""))
    return rows


def error_rows() -> list[dict[str, object]]:
    """Return rows of the max error of ``f`` (relative to its peak) against the exact solution."""
    from tests.kinetic.reference import exact_f

    x = np.concatenate((-PROBES[:0:-1], PROBES))
    exact = np.array([exact_f(v, PARAMS.eta, PARAMS.ratio, PARAMS.field) for v in x])
    rows = []
    for size in ERROR_SIZES:
        sol = solve_on_mesh(PARAMS, uniform_mesh(size))
        even, odd = sol.at(np.abs(x))
        f = (even + np.sign(x) * odd) * fermi_peak(PARAMS.eta)
        error = float(np.max(np.abs(f - exact)) / np.max(exact))
        rows.append(row(f"Eq. (9) f error vs exact constant-time solution, N={size}", TARGET_F_ERROR, error,
                        "<= 1 (1e-12 of the peak)", unit="rel"))
    return rows


def figure_row() -> dict[str, object]:
    """Return the Figure 1 sweep: solver against the closed form of the same sweep."""
    from symcond import load_papers
    from symcond.figures.subbands import closed_form_sum, solver_sweep
    from symcond.figures.sweep import abscissae, closed_form, thresholds

    (fig1,) = [f for p in load_papers() if p.key == "dasgreen2003" for f in p.figures if f.number == 1]
    mu, g_i, levels = abscissae(fig1, fig1.default_points), closed_form(fig1, fig1.variant("literal")), thresholds(fig1)
    ratios = [line.ratio for line in fig1.ratios]
    closed = best_time(lambda: [closed_form_sum(g_i, mu, levels, r) for r in ratios], repeat=5)
    solver = once(lambda: [solver_sweep(mu, levels, r) for r in ratios])
    solves = len(ratios) * len(mu) * len(levels)
    return row(f"Figure 1 sweep ({solves} solves), solver vs closed form", closed, solver,
               f"informational ({1e3 * solver / solves:.2f} ms per solve)")


def run() -> list[dict[str, object]]:
    """Return every kinetic benchmark row."""
    dense, t_first = dense_rows()
    return dense + scaling_rows(t_first) + error_rows() + [figure_row()]


if __name__ == "__main__":
    from benchmarks.run import table

    print(table(run()))
