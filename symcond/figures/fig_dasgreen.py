"""Figure 1 of Das & Green (2003), declared as data (caption and Eqs. (9)-(11)).

``G/G_0`` of a 1D ballistic wire against ``mu / k_B T`` from -5 to 30, sub-band thresholds
``eps_1 = 5 k_B T`` and ``eps_2 = 17 k_B T``, ``tau_in/tau_el`` = 1 (solid), 0.75
(dot-dashed) and 0.5 (dotted) as in the caption.  The closed forms are the ones the
derivation ``derivations/dasgreen2003.py`` derives and checks: ``G_OVER_G0_LITERAL``
(Eq. (10) taken literally, ``vbar = <|v| f_eq>/n``, plateau ``4R/(1+R)``) and
``G_OVER_G0_PAPER`` (``vbar = 2 <|v| f_eq>/n -> v_F``, plateau ``2R/(1+R)``, 1 at
``R = 1`` as the paper states).  The kinetic solver's ``G`` uses the literal velocity.

References
----------
.. [1] A. Das and F. Green, J. Phys.: Condens. Matter 15, L687 (2003), Figure 1 and
   Eqs. (9)-(11).

Examples
--------
>>> FIG1.thresholds, [line.ratio for line in FIG1.ratios]
((5.0, 17.0), [1.0, 0.75, 0.5])
>>> FIG1.velocity_factor(FIG1.variant("paper"))
0.5
"""

from __future__ import annotations

from symcond.figures.model import Dash
from symcond.figures.registry import register_figure
from symcond.figures.sweep import RatioLine, SubbandFigure, VelocityVariant

__all__ = ["FIG1"]

FIG1 = SubbandFigure(
    key="dasgreen2003:fig1",
    title="Das & Green, J. Phys.: Condens. Matter 15, L687 (2003), Fig. 1: "
          r"1D wire, $\varepsilon_1 = 5\,k_BT$, $\varepsilon_2 = 17\,k_BT$",
    # caption: "sub-band-energy thresholds set at eps_1 = 5 k_B T and eps_2 = 17 k_B T"
    thresholds=(5.0, 17.0),
    # caption: solid tau_in/tau_el = 1, dot-dashed 0.75, dotted 0.5
    ratios=(RatioLine(1.0, Dash.SOLID, "black"), RatioLine(0.75, Dash.DASHDOT, "tab:blue"),
            RatioLine(0.5, Dash.DOTTED, "tab:red")),
    mu_range=(-5.0, 30.0),
    variants=(
        VelocityVariant("literal", "G_OVER_G0_LITERAL", "VBAR_LITERAL",
                        r"Eq. (10) literal: $\bar v = \langle |v| f^{eq}\rangle / n$"),
        VelocityVariant("paper", "G_OVER_G0_PAPER", "VBAR_PAPER",
                        r"paper-normalised: $\bar v = 2\langle |v| f^{eq}\rangle / n \to v_F$"),
    ),
    solver_velocity="VBAR_LITERAL",
)

register_figure(FIG1.spec("G/G0 vs mu/kT, thresholds 5 and 17 kT, tau_in/tau_el = 1, 0.75, 0.5"))
