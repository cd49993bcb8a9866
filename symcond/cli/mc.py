"""The ``symcond mc`` subcommand: ensemble Monte Carlo of Eq. (9), drift or Green-Kubo.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).  The
physical parameters and their defaults are those of ``symcond solve``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult, counted
from symcond.cli.solve import add_physical_arguments, parse_law, parse_thresholds
from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams, TimeLaw
from symcond.montecarlo.process import Process
from symcond.montecarlo.progress import ProgressBar
from symcond.montecarlo.simulate import CANDIDATES_PER_STEP, DEFAULT_PARTICLES, SEGMENT, SPECTRUM_STRIDE
from symcond.montecarlo.subbands import SubbandMCResult, simulate_subbands

__all__ = ["MAX_COLLISIONS", "MAX_PARTICLES", "MAX_STEPS", "register", "run_size"]

#: Largest ensemble per sub-band.  An equilibrium run keeps about 14 kB per particle (noise
#: spectra, correlation curves), so 10**6 particles need about 14 GB; an ensemble of
#: 10**23 made NumPy fail inside the run.
MAX_PARTICLES = 1_000_000
#: Most sampling intervals of one sub-band's run (burn-in included): each costs about 40 us
#: of Python besides the collisions, so 10**6 take about 40 s.  (A drift run at
#: ``--ratio 1e6`` chooses 7e6 by default and took 4 minutes with 10 particles.)
MAX_STEPS = 10**6
#: Most collisions expected in one sub-band's run (particles x time x mean collision rate):
#: about 2 CPU hours at the compiled kernel's 6.7 ns per collision.
MAX_COLLISIONS = 10**12

_EPILOG = """\
units (as for symcond solve, see symcond.kinetic.params): energies in k_B T; x = k / k_T;
times in tau_el0; field F = e E tau_el0 / (hbar k_T); G / G_0 with G_0 = 2 e^2 / h and L
from Eq. (10).  F != 0: drift run, G from the steady-state current after a burn-in.
F = 0 (default): equilibrium run, linear-response G from the Green-Kubo correlation.
Error bars are standard errors over independent particles; band i uses seed S + i.
The numbers of a seed depend on the backend (numba and numpy draw other random numbers),
not on --threads.

worked example (Eq. (11) gives G/G0 = (N^2/M) R/(1+R) = 0.828906 at mu = eps_i, R = 1):
  $ symcond mc --mu-kT 0 --ratio 1 --field 1 --particles 100000 --time 40 --seed 1
  G/G0 = 0.82997 +- 0.00097  (drift, sum over 1 sub-band)
    eta=0: completed: G/G0 = 0.82997 +- 0.00097 from 9e+06 collisions of 100000 particles in 0.26 CPU s (numba)

more examples:
  symcond mc --mu-kT 10 --eps-kT 5,17 --ratio 0.75 --json        # Green-Kubo, 2 bands
  symcond mc --mu-kT 2 --ratio 1 --field 2 --tau-in-law "1/(1+eps)" --seed 7
exit: 0 completed, 1 a run is possibly biased / not stationary / too short, 2 bad input
"""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``mc`` subcommand to ``subparsers``."""
    p = subparsers.add_parser(
        "mc", help="ensemble Monte Carlo of Eq. (9) (Das & Green 2003): G/G0 with error bars",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    add_physical_arguments(p, ratio_note="inf allowed only at F = 0", field_note="linear response by Green-Kubo")
    p.add_argument("--particles", type=int, default=DEFAULT_PARTICLES, metavar="N",
                   help=f"ensemble size per sub-band (default {DEFAULT_PARTICLES})")
    p.add_argument("--time", type=float, default=None, metavar="T",
                   help="simulated time per particle in tau_el0 (drift: after the burn-in; default automatic)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--backend", choices=["auto", "numba", "numpy"], default="auto",
                   help="event loop: compiled kernel (numba) or vectorised NumPy (default auto: numba if installed)")
    p.add_argument("--threads", type=int, default=None, metavar="N",
                   help="threads of the compiled kernel (default: all CPUs; results do not depend on it)")
    p.add_argument("--json", action="store_true", help="print one JSON object (includes G_G0, G_G0_stderr)")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> CommandResult:
    """Simulate every sub-band and format the sums."""
    laws = {"tau_in_law": parse_law(args.tau_in_law, "tau_in_law"),
            "tau_el_law": parse_law(args.tau_el_law, "tau_el_law")}
    thresholds = parse_thresholds(args.eps_kT)
    _check_size(args, thresholds, laws)
    result = simulate_subbands(
        args.mu_kT, thresholds, ratio=args.ratio, field=args.field, **laws,
        particles=args.particles, time=args.time, seed=args.seed, progress=ProgressBar("symcond mc", sys.stderr),
        backend=args.backend, threads=args.threads)
    code = EXIT_OK if result.success else EXIT_FAILS
    if args.json:
        return CommandResult(json.dumps(_json(result, args), sort_keys=True, default=_jsonable), code)
    return CommandResult(_text(result), code)


def _check_size(args: argparse.Namespace, thresholds: list[float], laws: dict[str, TimeLaw | None]) -> None:
    """Refuse a run beyond :data:`MAX_PARTICLES`, :data:`MAX_STEPS` or :data:`MAX_COLLISIONS` before it starts."""
    if args.particles > MAX_PARTICLES:
        raise DefinitionError(f"'particles' must be at most {MAX_PARTICLES} (got {args.particles})")
    if args.particles < 2 or (args.time is not None and not 0.0 < args.time < math.inf):
        return  # the simulation names the broken rule
    for eps in thresholds:
        params = KineticParams.from_energies(args.mu_kT, eps, ratio=args.ratio, field=args.field, **laws)
        steps, collisions = run_size(params, args.particles, args.time)
        run = f"the run of sub-band eta={params.eta:g} ({_time_text(args.time)})"
        if steps > MAX_STEPS:
            raise DefinitionError(f"{run} needs about {steps:.2g} sampling steps,"
                                  f" more than the limit of {MAX_STEPS:.0e}")
        if collisions > MAX_COLLISIONS:
            raise DefinitionError(f"{run} with {args.particles} particles needs about {collisions:.2g} collisions,"
                                  f" more than the limit of {MAX_COLLISIONS:.0e}")


def _time_text(time: float | None) -> str:
    """How the simulated time was chosen, for a message."""
    return "automatic --time" if time is None else f"--time {time:g}"


def run_size(params: KineticParams, particles: int, time: float | None) -> tuple[float, float]:
    """Sampling steps and expected collisions of one run of :func:`~symcond.montecarlo.simulate.simulate`.

    The time span and step are chosen as the simulation chooses them: a drift run measures
    ``time`` (default ``200 tau_r``) after a burn-in of ``20 tau_r`` in steps of
    ``CANDIDATES_PER_STEP / mean_rate``; an equilibrium run steps ``tau_c / 2`` for ``time``
    (default ``2 * SEGMENT * SPECTRUM_STRIDE`` steps).

    Parameters
    ----------
    params : KineticParams
        The sub-band (units: :mod:`symcond.kinetic.params`).
    particles : int
        Ensemble size.
    time : float or None
        Simulated time per particle in ``tau_el0``; None for the automatic choice.

    Returns
    -------
    tuple of float
        ``(steps, collisions)``.
    """
    proc = Process(params)
    if params.field != 0.0:
        tau_r = proc.relaxation_time
        span = (200.0 * tau_r if time is None else time) + 20.0 * tau_r
        steps = span * proc.mean_rate / CANDIDATES_PER_STEP
    else:
        dt = 0.5 * proc.momentum_time
        span = 2 * SEGMENT * SPECTRUM_STRIDE * dt if time is None else time
        steps = span / dt
    return steps, particles * span * proc.mean_rate


def _jsonable(value: Any) -> Any:
    """Convert NumPy scalars (and NaN-free floats) for ``json.dumps``."""
    return value.item() if hasattr(value, "item") else str(value)


def _json(result: SubbandMCResult, args: argparse.Namespace) -> dict[str, Any]:
    """Return the JSON object: total, per-band summaries, inputs and units."""
    out = result.summary()
    out["inputs"] = {"mu_kT": args.mu_kT, "eps_kT": parse_thresholds(args.eps_kT), "ratio": args.ratio,
                     "field": args.field, "tau_in_law": args.tau_in_law, "tau_el_law": args.tau_el_law,
                     "particles": args.particles, "time": args.time, "seed": args.seed,
                     "backend": args.backend, "threads": args.threads}
    out["units"] = {"G_G0": "2 e^2 / h", "mean_velocity": "v_th", "mobility": "tau_el0",
                    "current": "e k_T v_th", "density": "k_T", "mean_energy": "k_B T",
                    "diffusion": "v_th^2 tau_el0", "noise": "v_th^2 tau_el0 (per particle, one-sided)",
                    "time": "tau_el0"}
    return out


def _text(result: SubbandMCResult) -> str:
    """Return a short human-readable report."""
    method = result.summary()["method"]
    lines = [f"G/G0 = {result.G_G0:.6g}  ({method}, sum over {counted(len(result.bands), 'sub-band')})"]
    for band in result.bands:
        lines.append(f"  eta={band.params.eta:g}: {band.message}")
    return "\n".join(lines)
