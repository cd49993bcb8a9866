"""reggiani2026 — Reggiani, Alfinito, Intini, "The fundamental units of generalized quantum
conductance and quantum diffusion", arXiv:2604.19828 (2026).

Declarative: symbols, stated assumptions, then the claims in the paper's order, each citing
its equation; then Tables 1-4, whose rows are built once as data (``TABLE1``, ``TABLE2``,
``TABLE3``, ``TABLE4``) so that Tables 3 and 4 are checked against the G_0 and D_0 of
Table 2 rather than re-typed.  Verdicts are computed by symcond; nothing here states one.
An erratum is recorded (``Expect.refuted``) only after the engine refuted it.
"""

from symcond import (
    Assume,
    Carrier,
    Column,
    Eq,
    Expect,
    Integral,
    IntegrateBose,
    Le,
    Paper,
    Rational,
    Rewrite,
    Row,
    Step,
    Substitute,
    Table,
    codata,
    diff,
    exp,
    latex_of,
    oo,
    pi,
    sin,
    sqrt,
    zeta,
)

paper = Paper(
    "reggiani2026",
    title="The fundamental units of generalized quantum conductance and quantum diffusion",
    reference="L. Reggiani, E. Alfinito, F. Intini, arXiv:2604.19828 (2026)",
)

# --- symbols ---------------------------------------------------------------------------------
e, h, h_s, m, m_r, L, l, tau, tau_T, N, Gamma = paper.symbols("e h h_s m m_r L l tau tau_T N Gamma")
k_B, T, c, s, eps, eps0, mu0, f, lam, W, hbar, q_P, alpha, m_e = paper.symbols(
    "k_B T c s eps eps0 mu0 f lam W hbar q_P alpha m_e")
v_p = paper.declare("v_p", "velocity", "differential velocity sqrt(<v_x'^2>), Eq. (3)",
                    latex=r"\sqrt{\overline{v_x'^2}}")
dN2 = paper.declare("dN2", 1, "number variance <dN^2>", latex=r"\overline{\delta N^2}")
fano = paper.declare("fano", 1, "Fano factor <dN^2>/N, Eq. (4)", latex="F")
tau_Tr = paper.declare("tau_Tr", "time", "relativistic transit time L/c", latex=r"\tau_T^r")
N_ph = paper.declare("N_ph", 1, "black-body photon number, Eq. (18)", latex="N_{ph}")
N_p = paper.declare("N_p", 1, "average photon number, Eq. (27)", latex=r"\overline{N_p}")
D = paper.declare("D", "length**2/time", "diffusion coefficient", latex="D^m")
x = paper.declare("x", "length", "transverse coordinate", latex="x")
n = paper.declare("n", 1, "mini-band index", latex="n")
omega = paper.declare("omega", "frequency", "photon angular frequency", latex=r"\omega")
kappa_x = paper.declare("kappa_x", 1, "sqrt(<v_x^2>)/v: the part of a quasi-particle's speed along x",
                        latex=r"\sqrt{\overline{v_x^2}}/v")
Lam = paper.declare("Lam", 1, "Lorenz number in units of (k_B/e)^2: the variance of (E - mu)/k_BT over the "
                    "transport window", latex=r"\mathcal{L}")
u = paper.declare("u", 1, "reduced energy (E - mu)/k_BT or E/k_BT", latex="u")
eta = paper.declare("eta", 1, "reduced chemical potential (mu - E_c)/k_BT: the band bottom is at u = -eta",
                    positive=False, latex=r"\eta")
# 6Li atomic mass 6.0151228874 u: AME2020 (Wang et al., Chin. Phys. C 45, 030003 (2021)); m_u CODATA
m_Li6 = paper.declare("m_Li6", "mass", "mass of a neutral 6Li atom", latex=r"m_{^6\mathrm{Li}}",
                      value=codata("atomic mass constant") * 6.0151228874)

# --- stated assumptions ------------------------------------------------------------------------
# Eq. (7): h_s <= h, "h_s must be replaced by h"
paper.assume("quantum", Eq(h_s, h))
# Eq. (8): ballistic 1D model, l = L
paper.assume("ballistic", Eq(Gamma, 1))
# after Eq. (9): first mini-band, spin degeneracy neglected, N_e = n = 1
paper.assume("single_mode", Eq(N, 1))
# Sec. 2: "a classical three dimensional (3D) gas": Poisson statistics, Fano factor 1
paper.assume("classical_statistics", Eq(fano, 1))
# Eq. (5): 0 <= Gamma <= 1 "by definition", i.e. the mean free path does not exceed L
paper.assume("transmission_bound", Le(l, L))
# Table 1 relativistic row, Table 2 pht/phn/em: D = cL (sL) takes the whole speed along x,
# sqrt(<v_x^2>) = c; an isotropic 3D gas (the black body of Eq. (26)) has c/sqrt(3)
paper.assume("motion_along_x", Eq(kappa_x, 1))
# Eqs. (15)-(16): pi^2/3 is the variance of the Fermi window -df/dE over the whole line, i.e. a
# degenerate gas (mu - E_c >> k_B T); a classical gas has another window (below)
_FERMI_WINDOW = exp(u) / (exp(u) + 1)**2   # -k_BT df/dE, u = (E - mu)/k_BT


def _window_variance(weight, lower):
    """Variance of u over a transport window weight(u) du on (lower, oo): K2/K0 - (K1/K0)^2."""
    moment = [Integral(u**k * weight, (u, lower, oo)) for k in range(3)]
    return moment[2] / moment[0] - (moment[1] / moment[0])**2


# the whole-line Fermi window is even, so its first moment vanishes and the variance is K2/K0
# (a stated assumption with these integrals stalls every other claim's prover: used as givens instead)
# (the claims eq16.degenerate and eq16.band_edge take the window from the band bottom u = -eta instead)
DEGENERATE = {Lam: Integral(u**2 * _FERMI_WINDOW, (u, -oo, oo)) / Integral(_FERMI_WINDOW, (u, -oo, oo))}
# Maxwell-Boltzmann gas (givens, not assumptions), u = E/k_BT from the band edge: 3D with energy-
# independent tau (Eq. (15)): weight v_x^2 g(E) e^{-u} ~ u^{3/2} e^{-u}; one ballistic channel (Eq. (16)): e^{-u}
MB_3D = {Lam: _window_variance(u**Rational(3, 2) * exp(-u), 0)}
MB_1D_BALLISTIC = {Lam: _window_variance(exp(-u), 0)}

# --- definitions the paper gives (used as givens) ----------------------------------------------
DRUDE = {Gamma: l / L, l: v_p * tau, h_s: m * v_p * L}        # Eqs. (5), (6), (2)
STATISTICS = {v_p: sqrt(k_B * T * N / (m * dN2)), dN2: fano * N}  # Eqs. (3), (4)
PHOTON = {m_r: eps / c**2, eps: h * f, lam: c / f}              # Table 2 caption, text after Eq. (21)
BALLISTIC_PATH = {l: Gamma * L}                                  # Eq. (5) solved for l
ZETA5 = pi**5 / (15 * zeta(3))


def g_modified(q):
    """Modified Drude conductance q^2 N Gamma / h_s of Eqs. (1), (12)."""
    return q**2 * N * Gamma / h_s


G_TH = pi**2 * N * k_B**2 * T * Gamma / (3 * h_s)          # Eq. (15), second form
D_MODIFIED = h_s / m * Gamma                                 # Eq. (19), second form
N_PH = 2 * zeta(3) / (pi**2 * c**3 * hbar**3) * (L * k_B * T)**3   # Eq. (18)
N_P = 2**4 * pi * zeta(3) * L**3 / (h * c)**3 * (k_B * T)**3       # Eq. (27)
G_PHT_17 = pi**4 * N_ph * k_B * c / (15 * zeta(3) * L)               # Eq. (17)


def g_photon(velocity):
    """Eq. (26) with D_0^rel = velocity x L (Table 1, relativistic ballistic row)."""
    return ZETA5 * k_B * N_p * (velocity * L) / L**2


G_PH_28 = 2 * ZETA5 * k_B * c / L                                     # Eq. (28)

# --- Tables as printed, built once ---------------------------------------------------------------
# Table 1: row -> (D_x as printed, physics, regime, D_x from Eq. (19) in that regime, givens)
_RELATIVISTIC = {**BALLISTIC_PATH, v_p: kappa_x * c}   # motion_along_x: kappa_x = 1
TABLE1 = {
    "classical_diffusive": (v_p * l, "Classical", "Diffusive", v_p**2 * tau, {l: v_p * tau}),
    "classical_ballistic": (v_p * L, "Classical", "Ballistic", v_p * l, BALLISTIC_PATH),
    "relativistic_ballistic": (c * L, "Relativistic", "Ballistic", v_p * l, _RELATIVISTIC),
    "quantum_diffusive": (h / m * Gamma, "Quantum", "Diffusive", D_MODIFIED, {}),
    "quantum_ballistic": (h / m, "Quantum", "Ballistic", D_MODIFIED, {}),
    "quantum_relativistic": (c * lam, "Quantum", "Relativistic", h_s / m_r * Gamma, PHOTON),
}
# Table 2: row -> (qp label, D_0 as printed, G_0 as printed, SI dimension of G_0)
TABLE2 = {
    "N": ("$N$", h / m, 1 / h, "1/action"),
    "e": ("$e$", h / m, e**2 / h, "conductance"),
    "m": ("$m$", h / m, m**2 / h, "mass**2/energy/time"),
    "eps": (r"$\varepsilon$", h / m_r, eps**2 / h, "power"),
    "th": ("$th$", h / m, pi**2 / 3 * k_B * (k_B * T / h), "power/temperature"),
    "pht": ("$pht$", c * L, ZETA5 * k_B * (c / L), "power/temperature"),
    "phn": ("$phn$", s * L, ZETA5 * k_B * (s / L), "power/temperature"),
    "em": ("em-vacuum", c * L, eps0 * c, "conductance"),
}
# Table 2 rows from the paper's general formulas: row -> (D, givens of D, G, givens of G)
_PHOTON_COUNT = {N_p: Rational(1)}   # Eq. (28): "the case N_p = 1"
TABLE2_SOURCES = {
    "N": (D_MODIFIED, {}, g_modified(1), {}),                          # Eqs. (19), (1) with q = 1
    "e": (D_MODIFIED, {}, g_modified(e), {}),                          # Eqs. (19), (1)
    "m": (D_MODIFIED, {}, g_modified(m), {}),                          # Eqs. (19), (12)
    "eps": (h_s / m_r * Gamma, {}, g_modified(eps), {}),               # Eqs. (19), (1) with q = eps
    "th": (D_MODIFIED, {}, G_TH, {}),                                  # Eqs. (19), (15)
    "pht": (v_p * l, _RELATIVISTIC, g_photon(c), _PHOTON_COUNT),       # Table 1, Eq. (26)
    "phn": (v_p * l, {**BALLISTIC_PATH, v_p: kappa_x * s}, g_photon(s), _PHOTON_COUNT),  # s replaces c
    "em": (v_p * l, _RELATIVISTIC, (e**2 / h).xreplace({e: q_P}), {}),  # Eq. (11): q_P for e in e^2/h
}
# Tables 3 and 4 as printed: row -> (row of G_0, row of D_0, right-hand side)
TABLE3 = {
    "N": ("N", "N", m / h**2), "e": ("e", "e", e**2 * m / h**2), "m": ("m", "m", m**3 / h**2),
    "eps": ("eps", "eps", eps / lam**2), "th": ("th", "m", pi**2 / 3 * k_B**2 * T / h**2),
    "pht": ("pht", "th", ZETA5 * k_B**2 * T / h**2), "phn": ("phn", "th", ZETA5 * k_B**2 * T / h**2),
    "em": ("em", "em", eps0 / L),
}
TABLE4 = {
    "N": ("N", "N", 1 / m), "e": ("e", "e", e**2 / m), "m": ("m", "m", m), "eps": ("eps", "eps", eps * c**2),
    "th": ("th", "m", pi**2 / 3 * k_B * (k_B * T / m)), "pht": ("pht", "th", ZETA5 * k_B * c**2),
    "phn": ("phn", "th", ZETA5 * k_B * s**2), "em": ("em", "em", L / mu0),
}
# Errata the engine refuted (recorded after the verdict was computed; the ledger shows the ratio)
TABLE_ERRATA = {
    "table2:em": "q_P^2/h = 2 eps0 c: the printed eps0 c is half of what the construction of Eq. (11) gives (factor 2)",
    "table2:pht.eq28": "the pht entry is half of G_0^ph of Eq. (28), which has 2 pi^5 (factor 1/2)",
    "table2:pht.eq17": "the pht entry (pi^5) is pi times Eq. (17) at N_ph = 1 (pi^4) (factor pi)",
    "table2:phn.eq17": "the phn entry (pi^5) is pi times Eq. (17) with s for c at N_ph = 1 (pi^4) (factor pi)",
    "table3:th": "G_0^th/D_0^m = pi^2 k_B^2 T m/(3 h^2): the printed entry lacks the factor m (ratio m; dimensions "
                 "differ by kg)",
    "table3:pht": "G_0^pht/D_0^th = pi^5 k_B c m/(15 zeta(3) L h) is c h m/(L k_B T) (a mass) times the printed "
                  "entry; dimensions differ",
    "table3:pht.same_row": "G_0^pht/D_0^pht = pi^5 k_B/(15 zeta(3) L^2) is h^2/(L^2 k_B T) (a mass) times the "
                           "printed entry; dimensions differ",
    "table3:phn": "G_0^phn/D_0^th = pi^5 k_B s m/(15 zeta(3) L h) is h m s/(L k_B T) (a mass) times the printed "
                  "entry; dimensions differ",
    "table3:phn.same_row": "G_0^phn/D_0^phn = pi^5 k_B/(15 zeta(3) L^2) is h^2/(L^2 k_B T) (a mass) times the "
                           "printed entry; dimensions differ",
    "table4:pht": "G_0^pht x D_0^th = pi^5 k_B c h/(15 zeta(3) L m) is h/(m c L) times the printed entry; the printed "
                  "right side is G_0^pht x D_0^pht (label D_0^th misprinted)",
    "table4:phn": "G_0^phn x D_0^th = pi^5 k_B s h/(15 zeta(3) L m) is h/(m s L) times the printed entry; the printed "
                  "right side is G_0^phn x D_0^phn (label D_0^th misprinted)",
}


def _expect(claim_id):
    """The recorded expectation of a table claim (an erratum if listed in TABLE_ERRATA)."""
    return Expect.refuted(TABLE_ERRATA[claim_id]) if claim_id in TABLE_ERRATA else Expect()


_QP_NAMES = {"N": "N", "e": "e", "m": "m", "eps": r"\varepsilon", "th": "th", "pht": "pht", "phn": "phn",
             "em": "vacuum"}

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
paper.equality("eq1.recovers_drude", g_modified(e), e**2 * N * tau / (m * L**2), givens=DRUDE,
               where="text after Eq. (6)",
               statement=r"the modified Drude model recovers Drude, $e^2 N \tau/(m L^2)$, for $l < L$")
paper.equality_iff("eq1.ballistic", Gamma, 1, condition=Eq(l, L), givens={Gamma: l / L}, where="text after Eq. (6)",
                   statement=r"the ballistic regime $l = L$ is $\Gamma = 1$")
paper.equality_iff("eq1.transit_time", tau, tau_T, condition=Eq(l, L), givens={tau: l / v_p, tau_T: L / v_p},
                   where="text after Eq. (6)", statement=r"at $l = L$ the scattering time becomes $\tau_T = L/v'$")
paper.limit("eq1.vanishing_gamma", g_modified(e), var=Gamma, point=0, value=0, where="Sec. 3, second comment",
            statement=r"local scatterings decrease the conductance down to zero for vanishing $\Gamma$")
paper.inequality("eq1.ballistic_maximum", g_modified(e), e**2 * N / h_s, givens={Gamma: l / L},
                 where="Sec. 3, second comment", statement=r"$G^{qp} \le$ its maximum ballistic value")
# Eq. (2): h_s = m v' L = k_B T tau_T
paper.dimension("eq2", m * v_p * L, "action", where="Eq. (2)", statement=r"h_s = m \sqrt{\overline{v_x'^2}} L")
paper.equality("eq2.thermal", m * v_p * L, k_B * T * tau_T, givens={tau_T: L / v_p, **STATISTICS}, where="Eq. (2)",
               statement=r"m \sqrt{\overline{v_x'^2}} L = k_B T \tau_T,\ \tau_T = L/\sqrt{\overline{v_x'^2}}")
# Eq. (3) as printed, for any statistics (any number variance): it prints no k_B T/m
paper.equality("eq3", v_p**2, k_B * T / m * N / dN2, givens={v_p: STATISTICS[v_p]}, where="Eq. (3)",
               statement=r"\overline{v_x'^2} = \frac{k_B T}{m}\frac{\overline{N}}{\overline{\delta N^2}}")
paper.equality("eq3.poisson", v_p**2, k_B * T / m, givens=STATISTICS, where="Eq. (3); Sec. 2, classical gas",
               statement=r"for the classical (Poisson) gas of Sec. 2, $\overline{v_x'^2} = k_B T/m$")
paper.dimension("eq3.dim", k_B * T * N / (m * dN2), "velocity**2", where="Eq. (3)")
paper.equality("eq4", k_B * T * N / (m * dN2), k_B * T / (m * fano), givens={dN2: fano * N}, where="Eq. (4)",
               statement=r"Eq. (3) contains the Fano factor $\overline{\delta N^2}/\overline{N}$")
paper.dimension("eq5", l / L, "dimensionless", where="Eq. (5)", statement=r"\Gamma = l/L", role="definition")
paper.inequality("eq5.bound", Gamma, 1, givens={Gamma: l / L}, where="Eq. (5)", statement=r"\Gamma = l/L \le 1",
                 role="postulate")
paper.inequality("eq5.nonnegative", 0, Gamma, givens={Gamma: l / L}, where="Eq. (5)", statement=r"0 \le \Gamma")
paper.dimension("eq6", v_p * tau, "length", where="Eq. (6)", statement=r"l = \sqrt{\overline{v_x'^2}}\tau",
                role="definition")
paper.inequality("eq7", h_s, h, where="Eq. (7)", statement=r"h_s \le h", role="postulate")

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
paper.equality("eq8.transit", e**2 * N * tau_T / (m * L**2), e**2 / h, givens={tau_T: L / v_p, v_p: h_s / (m * L)},
               where="Eq. (8)", statement=r"G_0^e = e^2 N_e \tau_T/(m L^2) = e^2/h")
paper.equality("eq8.modified", g_modified(e), e**2 / h, where="Eq. (8)", statement=r"G^{qp} \to G_0^e = e^2/h")
# Eq. (9): sub-band energies of a hard-wall channel of width W
_psi = sin(n * pi * x / W)
paper.equality("eq9", -hbar**2 / (2 * m) * diff(_psi, x, 2) / _psi, hbar**2 * pi**2 * n**2 / (2 * m * W**2),
               where="Eq. (9)", statement=r"\varepsilon_n = \frac{\hbar^2\pi^2}{2 m W^2} n^2")
paper.equality("eq10", e**2 / q_P**2, alpha, where="Eq. (10)", statement=r"e^2/q_P^2 = \alpha")
paper.equality("eq10.alpha", alpha, e**2 / (2 * eps0 * h * c), where="Eq. (10)",
               statement=r"\alpha = e^2/(2\varepsilon_0 h c)")
paper.value("eq10.value", 2 * eps0 * h * c / e**2, "137", where="text after Eq. (10)",
            statement=r"\alpha \simeq 1/137")
paper.equality("eq11", q_P**2 / h, eps0 * c, where="Eq. (11)",
               statement=r"G^{em} = e^2/h|_{e \to q_P} = \varepsilon_0 c",
               expect=Expect.refuted("q_P^2/h = 2 eps0 c: substituting q_P for e in e^2/h gives twice the "
                                     "printed eps0 c (factor 2)"))
paper.equality("eq11.admittance", sqrt(eps0 / mu0), eps0 * c, where="Eq. (11)",
               statement=r"\varepsilon_0 c is the vacuum admittance 1/Z_0 = \sqrt{\varepsilon_0/\mu_0}")
# Eqs. (12)-(14): neutral-mass conductance
paper.equality("eq12", m**2 * N * tau / (m * L**2), g_modified(m), givens=DRUDE, where="Eq. (12)",
               statement=r"G^m = m^2 N_m \Gamma / h_s")
paper.dimension("eq12.dim", g_modified(m), "mass**2/energy/time", where="Eq. (12)")
paper.equality("eq13", g_modified(m), m**2 / h, where="Eq. (13)", statement=r"G^m_{0} = m^2/h")
paper.value("eq14", m_e**2 / h, "1.25e-27", unit="mass**2/energy/time", where="Eq. (14)",
            statement=r"G_0^m = 1.25\times10^{-27}\ \mathrm{kg^2/(J s)}")
# the 6Li experiment [11] "measured in unit of 1/h" validates Eq. (13), G_0^m = m^2/h
paper.equality("eq14.li6_units", m**2 / h, 1 / h, where="text after Eq. (14)",
               statement=r"the steps of $G_0^m = m^2/h$ are measured in units of $1/h$",
               expect=Expect.refuted("the 6Li steps in units of 1/h are the number conductance G_0^N of Table 2; "
                                     "G_0^m = m^2/h is m^2 times it (ratio m^2; dimensions differ by kg^2)"))
# Eqs. (15)-(16): electron thermal conductance
paper.equality("eq15", pi**2 * N * tau * k_B**2 * T / (3 * m * L**2), G_TH, givens=DRUDE, where="Eq. (15)",
               statement=r"G^{e,th} = \frac{\pi^2 N_e \tau}{3 m L^2} k_B^2 T = \frac{\pi^2 N_e k_B^2 T}{3 h_s}\Gamma")
paper.dimension("eq15.dim", G_TH, "power/temperature", where="Eq. (15)")
paper.equality("eq16", G_TH, pi**2 * k_B**2 * T / (3 * h), where="Eq. (16)",
               statement=r"G_0^{e,th} = \pi^2 k_B^2 T/(3 h)")
# the Lorenz factor pi^2/3 of Eqs. (15)-(16) is the variance of the Fermi window: a degenerate gas
_G_TH_LORENZ = Lam * k_B**2 * T * N * Gamma / h_s        # Wiedemann-Franz: Lam (k_B/e)^2 T G^qp(e)
paper.equality("eq15.classical", _G_TH_LORENZ, G_TH, givens=MB_3D, assumptions=(),
               where="Eq. (15); Sec. 2, classical 3D gas",
               statement=r"Eq. (15) for the classical 3D gas of Sec. 2 (energy-independent $\tau$)",
               expect=Expect.refuted("a Maxwell-Boltzmann 3D gas with energy-independent tau has Lorenz number "
                                     "5/2 (k_B/e)^2, not pi^2/3 (ratio 15/(2 pi^2))"))
paper.equality("eq16.lorenz", (pi**2 * k_B**2 * T / (3 * h)) / (e**2 / h), pi**2 / 3 * (k_B / e)**2 * T,
               where="Eqs. (8), (16)", statement=r"G_0^{e,th}/G_0^e = L_0 T (Wiedemann-Franz)")
# one ballistic channel (Eq. (16)) passes every state above its band bottom u = -eta: its Lorenz number is the
# variance of the Fermi window there, pi^2/3 only for a degenerate gas (eta -> oo), not at a finite eta
_LORENZ_CHANNEL = _window_variance(_FERMI_WINDOW, -eta)
paper.limit("eq16.degenerate", _LORENZ_CHANNEL, var=eta, point=oo, value=pi**2 / 3, assumptions=(),
            where="Eqs. (15)-(16), degenerate statistics",
            statement=r"\mathcal{L}(\eta) \to \pi^2/3 \text{ as } \eta = (\mu - E_c)/k_B T \to \infty"
                      r"\text{ (degenerate statistics)}")
paper.equality("eq16.band_edge", _LORENZ_CHANNEL.subs(eta, 0), pi**2 / 3, assumptions=(),
               where="Eqs. (15)-(16), mu at the band bottom",
               statement=r"\mathcal{L}(\eta = 0) = \pi^2/3 \text{ (}\mu = E_c\text{, not degenerate)}",
               expect=Expect.refuted("at eta = 0 the window variance is pi^2/3 - 4 ln(2)^2 = 1.37, not pi^2/3 "
                                     "(ratio 1 - 12 ln(2)^2/pi^2): the pi^2/3 needs degenerate statistics"))
# Eqs. (17)-(18): black-body photon conductance
paper.equality("eq17", G_PHT_17, pi**4 * N_ph * k_B / (15 * zeta(3) * tau_Tr), givens={tau_Tr: L / c},
               where="Eq. (17)",
               statement=r"\frac{\pi^4 N_{ph} k_B c}{15\zeta(3) L} = \frac{\pi^4 N_{ph} k_B}{15\zeta(3)\tau_T^r}")
paper.dimension("eq17.dim", G_PHT_17, "power/temperature", where="Eq. (17)")
paper.derivation(
    "eq18",
    L**3 * omega**2 / (pi**2 * c**3 * (exp(hbar * omega / (k_B * T)) - 1)),
    Step(N_PH, IntegrateBose(omega, 0, oo)),
    where="Eq. (18)",
    statement=r"N_{ph} = L^3 \int_0^\infty \frac{\omega^2 d\omega}{\pi^2 c^3 (e^{\hbar\omega/k_B T} - 1)}"
              r" = \frac{2\zeta(3)}{\pi^2 c^3 \hbar^3}(L k_B T)^3",
)
paper.dimension("eq18.dim", N_PH, "dimensionless", where="Eq. (18)")

# --- Eqs. (19)-(25): diffusion ------------------------------------------------------------------
paper.equality("eq19", v_p**2 * tau, D_MODIFIED, givens=DRUDE, where="Eq. (19)",
               statement=r"D_x = \overline{v_x'^2}\tau = \frac{h_s}{m}\Gamma")
paper.dimension("eq19.dim", D_MODIFIED, "length**2/time", where="Eq. (19)")
paper.equality("eq20", D_MODIFIED, h / m * Gamma, where="Eq. (20)", statement=r"D^m = \frac{h}{m}\Gamma")
paper.equality("eq21", h / m * Gamma, h / m, where="Eq. (21)", statement=r"D_0^m = h/m")
paper.dimension("eq21.dim", h / m, "length*velocity", where="text after Eq. (21)",
                statement=r"diffusion is dimensionally length $\times$ velocity")
paper.dimension("eq21.relativistic_mass", h * f / c**2, "mass", where="text after Eq. (21)",
                statement=r"m_r = h f/c^2")
# Fuerth (1933): Eq. (21) "represents the uncertainty relation between a particle position and velocity"
paper.equality("eq21.furth", h / m, hbar / (2 * m), where="text after Eq. (21)",
               statement=r"D_0^m = h/m \text{ is the position-velocity uncertainty bound } \hbar/(2m)",
               expect=Expect.refuted("Delta x Delta v >= hbar/(2m): h/m is 4 pi times the bound (factor 4 pi)"))
paper.inequality("eq21.furth_bound", h / m, hbar / (2 * m), relation=">=", where="text after Eq. (21)",
                 statement=r"D_0^m = h/m \ge \hbar/(2m)\ \text{(it satisfies the uncertainty bound)}")
paper.value("eq21.electron", h / m_e, "7.3e-4", unit="length**2/time", where="text after Eq. (21)",
            statement=r"D_0^m = 7.3\times10^{-4}\ \mathrm{m^2/s}")
# ... "compared with the experimental values in Si [30, 31]": quoted data, with the Einstein mobility
# mu = e D/(k_B T) each implies in the classical diffusive regime the text names
for _carrier, _temperature, _value in (("electrons", 77, "1.6e-2"), ("holes", 77, "0.61e-2"),
                                       ("electrons", 300, "3.5e-3"), ("holes", 300, "1.5e-3")):
    paper.data(f"eq21.si.{_carrier}_{_temperature}K", D, f"{_value} m^2/s", where="text after Eq. (21), Si [30, 31]",
               implies={"the Einstein mobility": e * D / (k_B * T)}, givens={T: f"{_temperature} K"},
               statement=rf"D_{{\mathrm{{Si}}}} = {_value}\ \mathrm{{m^2/s}}\ \text{{({_carrier}, {_temperature} K)}}")
paper.equality("eq22", h / m * (m**2 / h), m, where="Eq. (22)", statement=r"D_0^m G_0^m = m")
paper.equality("eq22.classical", D_MODIFIED * g_modified(m), m, where="text after Eq. (22)",
               statement=r"$D^m G^m = m$ is valid in the classical case")
paper.equality("eq22.relativistic", h / m_r * (m_r**2 / h), m_r, where="text after Eq. (22)",
               statement=r"$D^m G^m = m$ is valid in the relativistic case ($m \to m_r$)")
_G23 = e**2 * m * N / ((L * m)**2 * v_p**2) * D
paper.equality("eq23", e**2 * N * tau / (m * L**2), _G23, givens={D: v_p**2 * tau}, where="Eq. (23)",
               statement=r"G^e = \frac{e^2 m \overline{N_e}}{(L m)^2 \overline{v_x'^2}} D^m")
paper.equality("eq23.action", _G23, e**2 * m * N / h_s**2 * D, givens={h_s: m * v_p * L}, where="Eq. (23)",
               statement=r"\frac{e^2 m \overline{N_e}}{(L m)^2 \overline{v_x'^2}} D^m"
                         r" = \frac{e^2 m \overline{N_e}}{h_s^2} D^m")
paper.equality("eq23.modified", e**2 * m * N / h_s**2 * D, g_modified(e), givens={D: D_MODIFIED}, where="Eq. (23)",
               statement=r"with $D^m = (h_s/m)\Gamma$, Eq. (23) is the modified Drude $G^{qp}$ of Eq. (1)")
paper.equality("eq24", e**2 * m * N / h_s**2 * D, e**2 * m / h**2 * D, where="Eq. (24)",
               statement=r"Eq. (23) for the fundamental unit: $G_0^e = \frac{e^2 m}{h^2} D_0^m$")
paper.equality("eq24.eq8", e**2 * m / h**2 * (h / m), e**2 / h, where="Eqs. (8), (21), (24)",
               statement=r"\frac{e^2 m}{h^2} D_0^m = e^2/h = G_0^e")
paper.equality("eq25", h / m_r, c * lam, givens=PHOTON, where="Eq. (25)",
               statement=r"D_0^{qr} = h/m_r = c\lambda")
paper.dimension("eq25.dim", c * lam, "length**2/time", where="Eq. (25)")

# --- Eqs. (26)-(28): black-body photon conductance again ---------------------------------------
paper.equality("eq26", g_photon(c), G_PHT_17, givens={N_p: N_P, N_ph: N_PH}, where="Eqs. (26)-(27) vs (17)-(18)",
               statement=r"G^{ph} = \frac{\pi^5}{15\zeta(3)}\frac{k_B \overline{N_p} D_0^{rel}}{L^2}"
                         r" = G^{pht,bb}\ \text{of Eq. (17)},\ D_0^{rel} = cL",
               expect=Expect.refuted("with D_0^rel = cL and N_p of Eq. (27) (equal to N_ph of Eq. (18)), Eq. (26) "
                                     "is pi times Eq. (17): pi^5 against pi^4 (factor pi)"))
paper.dimension("eq26.dim", g_photon(c), "power/temperature", where="Eq. (26)")
paper.equality("eq27", N_P, N_PH, where="Eqs. (27), (18)",
               statement=r"\overline{N_p} = \frac{2^4\pi\zeta(3)L^3}{(hc)^3}(k_B T)^3 = N_{ph}\ \text{of Eq. (18)}")
paper.equality("eq28", G_PH_28, g_photon(c), givens={N_p: Rational(1)}, where="Eqs. (28), (26)",
               statement=r"G_0^{ph} = \frac{2\pi^5}{15\zeta(3)}k_B\frac{c}{L} = \text{Eq. (26) at } \overline{N_p} = 1",
               expect=Expect.refuted("Eq. (28) is twice Eq. (26) at N_p = 1 (factor 2)"))
paper.equality("eq28.eq17", G_PH_28, G_PHT_17, givens={N_ph: Rational(1)}, where="Eqs. (28), (17)",
               statement=r"G_0^{ph}\ \text{of Eq. (28)} = \text{Eq. (17) at } N_{ph} = 1",
               expect=Expect.refuted("Eq. (28) is 2 pi times Eq. (17) at N_ph = 1 (factor 2 pi)"))

# --- Table 1: diffusion in each physics and transport regime ------------------------------------
for _row, (_printed, _physics, _regime, _derived, _givens) in TABLE1.items():
    paper.equality(f"table1:{_row}", _derived, _printed, givens=_givens, where=f"Table 1, {_physics} {_regime}")
    paper.dimension(f"table1:{_row}.dim", _printed, "length**2/time", where=f"Table 1, {_physics} {_regime}")

# Eq. (26) is a black body, an isotropic 3D photon gas: sqrt(<v_x^2>) = c/sqrt(3), not c
paper.equality("table1:relativistic_ballistic.isotropic", v_p * l, c * L,
               givens={**_RELATIVISTIC, kappa_x: 1 / sqrt(3)}, assumptions=("ballistic",),
               where="Table 1, Relativistic Ballistic; Eq. (26)",
               statement=r"D_x = \sqrt{\overline{v_x'^2}}\,L = cL \text{ for the isotropic black-body gas of Eq. (26)}",
               expect=Expect.refuted("an isotropic gas of speed c has sqrt(<v_x^2>) = c/sqrt(3): D_x = cL/sqrt(3) "
                                     "(ratio 1/sqrt(3)); cL needs all motion along x"))
paper.equality("table2:phn.D.isotropic", v_p * l, s * L,
               givens={**BALLISTIC_PATH, v_p: kappa_x * s, kappa_x: 1 / sqrt(3)}, assumptions=("ballistic",),
               where="Table 2, row phn",
               statement=r"D_0^{phn} = sL \text{ for an isotropic phonon gas of sound velocity } s",
               expect=Expect.refuted("an isotropic phonon gas has sqrt(<v_x^2>) = s/sqrt(3): D = sL/sqrt(3) "
                                     "(ratio 1/sqrt(3)); sL needs all motion along x"))

# --- Table 2: G_0 and D_0 from the general formulas, and their SI dimensions ------------------------
for _row, (_label, _D0, _G0, _dim) in TABLE2.items():
    _D, _D_givens, _G, _G_givens = TABLE2_SOURCES[_row]
    _where = f"Table 2, row {_row}"
    paper.equality(f"table2:{_row}", _G, _G0, givens=_G_givens, where=_where, expect=_expect(f"table2:{_row}"),
                   statement=f"G_0^{{{_QP_NAMES[_row]}}} = {latex_of(paper, _G0)}")
    paper.equality(f"table2:{_row}.D", _D, _D0, givens=_D_givens, where=_where,
                   statement=f"D_0^{{{_QP_NAMES[_row]}}} = {latex_of(paper, _D0)}")
    paper.dimension(f"table2:{_row}.dim_G", _G0, _dim, where=_where)
    paper.dimension(f"table2:{_row}.dim_D", _D0, "length**2/time", where=_where)
paper.equality("table2:pht.eq28", TABLE2["pht"][2], G_PH_28, where="Table 2, row pht; Eq. (28)",
               statement=r"G_0^{pht}\ \text{of Table 2} = G_0^{ph}\ \text{of Eq. (28)}",
               expect=_expect("table2:pht.eq28"))
paper.equality("table2:pht.eq17", TABLE2["pht"][2], G_PHT_17, givens={N_ph: Rational(1)},
               where="Table 2, row pht; Eq. (17)",
               statement=r"G_0^{pht}\ \text{of Table 2} = \text{Eq. (17) at } N_{ph} = 1",
               expect=_expect("table2:pht.eq17"))
# text after Eq. (18): phonons, "with s the sound velocity replacing c in the definition of tau_T^r in Eq. (17)"
paper.equality("table2:phn.eq17", TABLE2["phn"][2], pi**4 * N_ph * k_B / (15 * zeta(3) * tau_Tr),
               givens={N_ph: Rational(1), tau_Tr: L / s}, where="Table 2, row phn; Eq. (17) and the text after (18)",
               statement=r"G_0^{phn}\ \text{of Table 2} = \frac{\pi^4 N_{ph} k_B}{15\zeta(3)\tau_T^r},"
                         r"\ \tau_T^r = L/s,\ N_{ph} = 1",
               expect=_expect("table2:phn.eq17"))


def _pairing(row_G, row_D, sign):
    """The printed left side, e.g. G_0^{th}/D_0^{m}."""
    return f"G_0^{{{_QP_NAMES[row_G]}}} {sign} D_0^{{{_QP_NAMES[row_D]}}}"


# --- Tables 3 and 4: G_0/D_0 and G_0 x D_0 of Table 2, against the printed right-hand sides ---------
_COMBINE = ((3, TABLE3, lambda g, d: g / d, "/"), (4, TABLE4, lambda g, d: g * d, r"\times"))
for _number, _table, _combine, _sign in _COMBINE:
    for _row, (_row_G, _row_D, _printed) in _table.items():
        _lhs = _combine(TABLE2[_row_G][2], TABLE2[_row_D][1])
        _id = f"table{_number}:{_row}"
        paper.equality(_id, _lhs, _printed, givens=PHOTON, where=f"Table {_number}, row {_row}", expect=_expect(_id),
                       statement=f"{_pairing(_row_G, _row_D, _sign)} = {latex_of(paper, _printed)}")
        if TABLE2[_row_D][1] != TABLE2[_row][1]:  # the printed pairing takes D_0 of another row: check its own too
            paper.equality(f"{_id}.same_row", _combine(TABLE2[_row][2], TABLE2[_row][1]), _printed, givens=PHOTON,
                           where=f"Table {_number}, row {_row}", expect=_expect(f"{_id}.same_row"),
                           statement=f"{_pairing(_row, _row, _sign)} = {latex_of(paper, _printed)}")
    # Table 4: "the product between conductance and diffusion is found to be independent of h"
for _row, (_label, _D0, _G0, _dim) in TABLE2.items():
    paper.independent(f"table4:{_row}.h_free", _G0 * _D0, of=h, where=f"Table 4, row {_row}",
                      statement=f"G_0 x D_0 for {_row} is independent of h")

# --- Eq. (29): "several equivalent forms" of the photon energy conductance ------------------------
paper.equality("eq29", eps**2 / h, m_r**2 * c**4 / h, givens=PHOTON, where="Eq. (29)",
               statement=r"G_0^\varepsilon = \varepsilon^2/h = m_r^2 c^4/h")
paper.equality("eq29.energy_frequency", eps**2 / h, eps * f, givens=PHOTON, where="Eq. (29)",
               statement=r"\varepsilon^2/h = \varepsilon f")
paper.equality("eq29.planck", eps**2 / h, h * f**2, givens=PHOTON, where="Eq. (29)",
               statement=r"\varepsilon^2/h = h f^2")
paper.equality("eq29.table2", TABLE2["eps"][2], eps**2 / h, where="Eq. (29), Table 2",
               statement=r"G_0^\varepsilon\ \text{of Table 2} = \text{Eq. (29)}")

# --- Tables 1-4 for `symcond tables reggiani2026`: cells are the right sides of the claims above -----
_CONSTANTS = Carrier("constants", "", {}, ("relativistic_ballistic", "pht", "phn", "em"))
_LI6 = Carrier("6Li", r"{}^6\mathrm{Li}", {m: m_Li6}, ("m",))
_MASSIVE = ("N", "e", "m", "th")
paper.attach_table(Table(
    1, "Diffusion expressions under different physics and transport regimes.",
    (Column(r"Diffusion $D_x$", claim="", values=True), Column("Physics"), Column("Transport regime")),
    tuple(Row(key, (physics, regime)) for key, (_, physics, regime, _, _) in TABLE1.items()),
    (Carrier("electron", "e^-", {m: m_e}, ("quantum_diffusive", "quantum_ballistic")), _CONSTANTS)))
paper.attach_table(Table(
    2, "Diffusion and universal units of quantum conductance for a 1D ballistic conductor of length $L$.",
    (Column("qp"), Column(r"Diffusion $D_0^{qp}$", claim="D", values=True),
     Column(r"Conductance $G_0^{qp}$", claim="", values=True)),
    tuple(Row(key, (label,)) for key, (label, _, _, _) in TABLE2.items()),
    (Carrier("electron", "e^-", {m: m_e}, _MASSIVE), _LI6, _CONSTANTS)))
for _number, _table, _, _sign in _COMBINE:
    _kind = "First quantum Einstein relation $(G/D)$" if _number == 3 else r"Second quantum Einstein relation $(GD)$"
    paper.attach_table(Table(
        _number, f"{_kind.split(' $')[0]}s of the quantum fundamental units of 1D ballistic conductors.",
        (Column("qp"), Column("printed pairing"), Column(_kind, claim="", values=True)),
        tuple(Row(key, (TABLE2[key][0], f"${_pairing(row_G, row_D, _sign)}$"))
              for key, (row_G, row_D, _) in _table.items()),
        (Carrier("electron", "e^-", {m: m_e}, _MASSIVE), _LI6, _CONSTANTS)))
