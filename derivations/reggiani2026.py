"""reggiani2026 — Reggiani, Alfinito, Intini, "The fundamental units of generalized quantum
conductance and quantum diffusion", arXiv:2604.19828 (2026).

Declarative: symbols, stated assumptions, then the claims in the paper's order, each citing
its equation.  Verdicts are computed by symcond; nothing here states one.
"""

from symcond import Assume, Eq, Paper, Rewrite, Step, Substitute, pi, zeta

paper = Paper(
    "reggiani2026",
    title="The fundamental units of generalized quantum conductance and quantum diffusion",
    reference="L. Reggiani, E. Alfinito, F. Intini, arXiv:2604.19828 (2026)",
)

# --- symbols ---------------------------------------------------------------------------------
e, h, h_s, m, m_r, L, l, tau, N, Gamma = paper.symbols("e h h_s m m_r L l tau N Gamma")
k_B, T, c, s, eps, eps0 = paper.symbols("k_B T c s eps eps0")
# differential velocity sqrt(<v_x'^2>), Eq. (3)
v_p = paper.declare("v_p", "velocity", "differential velocity sqrt(<v_x'^2>)", latex=r"\sqrt{\overline{v_x'^2}}")

# --- stated assumptions ------------------------------------------------------------------------
# Eq. (7): h_s <= h, "h_s must be replaced by h"
paper.assume("quantum", Eq(h_s, h))
# Eq. (8): ballistic 1D model, l = L
paper.assume("ballistic", Eq(Gamma, 1))
# after Eq. (9): first mini-band, spin degeneracy neglected, N_e = n = 1
paper.assume("single_mode", Eq(N, 1))

# --- Eqs. (1)-(6): Drude -> modified Drude ------------------------------------------------------
paper.derivation(
    "eq1",
    e**2 * N * tau / (m * L**2),
    Step(e**2 * N * (v_p * tau) / (m * v_p * L**2), Rewrite()),
    Step(e**2 * N * l / (m * v_p * L**2), Substitute({l: v_p * tau})),  # Eq. (6)
    Step(e**2 * N * Gamma / (m * v_p * L), Substitute({Gamma: l / L})),  # Eq. (5)
    Step(e**2 * N * Gamma / h_s, Substitute({h_s: m * v_p * L})),  # Eq. (2)
    where="Eqs. (1)-(6)",
    statement=r"G^e = e^2 N \tau/(m L^2) \to G^{qp} = q^2 N \Gamma / h_s",
)

# --- Eqs. (7)-(8): quantum limit of the modified Drude conductance ------------------------------
paper.derivation(
    "eq8",
    e**2 * N * Gamma / h_s,
    Step(e**2 * N * Gamma / h, Assume({h_s: h}, name="quantum")),
    Step(e**2 * N / h, Assume({Gamma: 1}, name="ballistic")),
    Step(e**2 / h, Assume({N: 1}, name="single_mode")),
    where="Eqs. (7)-(8)",
    statement=r"h_s \le h \Rightarrow h_s \to h,\ \Gamma = 1,\ N = 1:\ G_0^e = e^2/h",
)

# --- Table 4: the product G_0 x D_0 is independent of h, row by row -----------------------------
# (G_0, D_0) as printed in Table 2; m_r c^2 = eps.
_ZETA = pi**5 / (15 * zeta(3))
_TABLE2 = {
    "N": (1 / h, h / m),
    "e": (e**2 / h, h / m),
    "m": (m**2 / h, h / m),
    "eps": (eps**2 / h, h / m_r),
    "th": (pi**2 / 3 * k_B * k_B * T / h, h / m),
    "pht": (_ZETA * k_B * c / L, c * L),
    "phn": (_ZETA * k_B * s / L, s * L),
    "em": (eps0 * c, c * L),
}
for _row, (_G0, _D0) in _TABLE2.items():
    paper.independent(f"table4:{_row}.h_free", _G0 * _D0, h, where=f"Table 4, row {_row}",
                      statement=f"G_0 x D_0 for {_row} is independent of h")
