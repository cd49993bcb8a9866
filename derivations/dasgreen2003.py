"""dasgreen2003 — A. Das and F. Green, "Landauer formula without Landauer's assumptions",
J. Phys.: Condens. Matter 15, L687 (2003).

Declarative: symbols, stated assumptions, then the claims in the paper's order.
"""

from symcond import Eq, Le, Paper, Rewrite, Step, Substitute, pi

paper = Paper(
    "dasgreen2003",
    title="Landauer formula without Landauer's assumptions",
    reference="A. Das and F. Green, J. Phys.: Condens. Matter 15, L687 (2003)",
)

# --- symbols ---------------------------------------------------------------------------------
e, h, hbar, L, tau_m, tau_el, tau_in, v_F, k_F, m_star = paper.symbols(
    "e h hbar L tau_m tau_el tau_in v_F k_F m_star")
n = paper.declare("n", "1/length", "1D carrier density", latex="n")

# --- stated assumptions ------------------------------------------------------------------------
# Eq. (6): the inelastic mean free path cannot exceed L
paper.assume("tau_in_le_tau_el", Le(tau_in, tau_el))
# Eq. (8): the optimum, no inelastic events inside the wire
paper.assume("optimum", Eq(tau_in, tau_el))

# Eq. (5) Matthiessen's rule and Eq. (6) tau_el = L/v_F
_MATTHIESSEN = {tau_m: 1 / (1 / tau_el + 1 / tau_in)}
_BALLISTIC = {tau_el: L / v_F}
T_KG = 2 * tau_in / (tau_in + L / v_F)

# --- Eq. (4): G = sigma/L = (2e^2/h) T_KG in a degenerate 1D sub-band -------------------------
paper.derivation(
    "eq4",
    n * e**2 * tau_m / (m_star * L),
    Step(2 * k_F * e**2 * tau_m / (pi * L * m_star), Substitute({n: 2 * k_F / pi})),
    Step((2 * e**2 / h) * (2 * hbar * k_F * tau_m / (L * m_star)), Rewrite()),
    Step((2 * e**2 / h) * (2 * v_F * tau_m / L), Substitute({v_F: hbar * k_F / m_star})),
    where="Eq. (4)",
    statement=r"G = \sigma/L = 2 k_F e^2 \tau_m/(\pi L m^*) = (2e^2/h) T_{KG},\ T_{KG} = 2 v_F \tau_m/L",
)

# --- Eqs. (5)-(7): T_KG with Matthiessen's rule and tau_el = L/v_F ------------------------------
paper.derivation(
    "eq7",
    2 * v_F * tau_m / L,
    Step(2 * v_F / L * (tau_el * tau_in / (tau_el + tau_in)), Substitute(_MATTHIESSEN)),
    Step(T_KG, Substitute(_BALLISTIC)),
    where="Eqs. (5)-(7)",
    statement=r"T_{KG} = \frac{2 v_F}{L}\frac{\tau_{el}\tau_{in}}{\tau_{el}+\tau_{in}} = \frac{2\tau_{in}}{\tau_{in}+L/v_F}",
)
paper.inequality("eq7.bound", T_KG, 1, givens=_BALLISTIC, where="Eq. (7)",
                 statement=r"T_{KG} = 2\tau_{in}/(\tau_{in} + L/v_F) \le 1")

# --- Eq. (8): T_KG = 1 exactly when tau_in = tau_el, and then G = G_0 = 2e^2/h -------------------
paper.equality_iff("eq8", T_KG, 1, Eq(tau_in, tau_el), givens=_BALLISTIC, assumptions=(), where="Eq. (8)",
                   statement=r"T_{KG} = 1 \iff \tau_{in} = \tau_{el} = L/v_F")
paper.equality("eq8.G0", (2 * e**2 / h) * T_KG, 2 * e**2 / h, givens=_BALLISTIC, where="Eq. (8)",
               statement=r"G = (2e^2/h) T_{KG} = G_0 = 2e^2/h \text{ at the optimum}")
