"""dasgreen2003 — A. Das and F. Green, "Landauer formula without Landauer's assumptions",
J. Phys.: Condens. Matter 15, L687 (2003).

Declarative: symbols, stated assumptions, then the claims in the paper's order.

Closed forms of Eqs. (10)-(11) for one parabolic sub-band (derived and checked below), with
eta = (mu - eps_i)/k_B T, R = tau_in/tau_el, k_T = sqrt(2 m* k_B T)/hbar, v_th = sqrt(2 k_B T/m*)
and the normalised complete Fermi–Dirac integrals F_j(eta) = -Li_{j+1}(-e^eta):

* n = k_T F_{-1/2}(eta)/sqrt(pi),   <|v| f_eq> = (2/pi)(k_B T/hbar) F_0(eta),
* vbar = <|v| f_eq>/n = (v_th/sqrt(pi)) F_0(eta)/F_{-1/2}(eta)  (the mean speed |v|),
* G_i/G_0 = pi F_{-1/2}(eta)^2/F_0(eta) * R/(1 + R)   (:data:`G_OVER_G0_LITERAL`).

Taken literally, vbar -> v_th/sqrt(pi) (not v_th) for a sparse classical population and
vbar -> v_F/2 (not v_F) for a degenerate one, so the plateau of Eq. (11) at tau_in = tau_el
is 2, not 1.  :data:`G_OVER_G0_PAPER` is the *paper-normalised* variant: vbar replaced by
2 <|v| f_eq>/n (twice the mean speed), which tends to v_F in the degenerate limit, so that the
plateau is T_KG = 2R/(1 + R) of Eq. (7) and is 1 at R = 1 as the paper states (its classical
limit is then 2 v_th/sqrt(pi); no constant normalisation of vbar meets both printed limits).
"""

from symcond import (
    Abs,
    ChangeVariable,
    Dash,
    Eq,
    Expect,
    FermiDirac,
    FoldEven,
    Integral,
    Integrate,
    Le,
    Paper,
    RatioLine,
    Rational,
    Recognize,
    Rewrite,
    Step,
    SubbandFigure,
    Substitute,
    TakeLimit,
    VelocityVariant,
    exp,
    log,
    oo,
    pi,
    sqrt,
)

paper = Paper(
    "dasgreen2003",
    title="Landauer formula without Landauer's assumptions",
    reference="A. Das and F. Green, J. Phys.: Condens. Matter 15, L687 (2003)",
)

# --- symbols ---------------------------------------------------------------------------------
e, h, hbar, L, tau_m, tau_el, tau_in, v_F, k_F, m_star = paper.symbols(
    "e h hbar L tau_m tau_el tau_in v_F k_F m_star")
t, k_B, T, v_th = paper.symbols("t k_B T v_th")
n = paper.declare("n", "1/length", "1D carrier density", latex="n")
t_p = paper.declare("t_p", "time", "integration time t' in the Kubo-Greenwood integral", latex="t'")
k = paper.declare("k", "1/length", "carrier wave number", latex="k", positive=False)
x = paper.declare("x", 1, "reduced wave number hbar k/sqrt(2 m* k_B T)", latex="x", positive=False)
u = paper.declare("u", 1, "reduced band energy eps_k/k_B T", latex="u")
eta = paper.declare("eta", 1, "reduced chemical potential (mu - eps_i)/k_B T", latex=r"\eta", positive=False)
R = paper.declare("R", 1, "collision-time ratio tau_in/tau_el", latex=r"\tau_{in}/\tau_{el}")
flux = paper.declare("flux", "1/time", "speed-weighted density <|v| f_eq>", latex=r"\langle |v| f^{eq} \rangle")
vbar = paper.declare("vbar", "velocity", "characteristic mean velocity v(n, T)", latex=r"\bar v")
nu = paper.declare("nu", 1, "chemical potential in units of k_B T, mu/k_B T", latex=r"\mu/k_B T", positive=False)
G = paper.declare("G", "conductance", "conductance of the wire", latex="G")
V = paper.declare("V", "voltage", "applied voltage", latex="V")
sigma = paper.declare("sigma", "conductance*length", "1D conductivity", latex=r"\sigma")
E_f = paper.declare("E_f", "voltage/length", "driving field", latex="E")
# Eq. (2) in a finite model: two levels E_1, E_2 populated p_1, p_2, velocity matrix elements v_11, v_22, w e^{i phi}
E_1 = paper.declare("E_1", "energy", "energy of level 1", latex="E_1", positive=False)
E_2 = paper.declare("E_2", "energy", "energy of level 2", latex="E_2", positive=False)
p_1 = paper.declare("p_1", 1, "equilibrium population of level 1", latex="p_1")
p_2 = paper.declare("p_2", 1, "equilibrium population of level 2", latex="p_2")
v_11 = paper.declare("v_11", "velocity", "diagonal velocity matrix element <1|v|1>", latex="v_{11}", positive=False)
v_22 = paper.declare("v_22", "velocity", "diagonal velocity matrix element <2|v|2>", latex="v_{22}", positive=False)
w = paper.declare("w", "velocity", "modulus of the off-diagonal element <1|v|2>", latex="|v_{12}|")
phi = paper.declare("phi", 1, "phase of the off-diagonal element <1|v|2>", latex=r"\phi", positive=False)

# --- stated assumptions ------------------------------------------------------------------------
# Eq. (6): the inelastic mean free path cannot exceed L
paper.assume("tau_in_le_tau_el", Le(tau_in, tau_el))
# Eq. (8): the optimum, no inelastic events inside the wire
paper.assume("optimum", Eq(tau_in, tau_el))

# Eq. (5) Matthiessen's rule and Eq. (6) tau_el = L/v_F
_MATTHIESSEN = {tau_m: 1 / (1 / tau_el + 1 / tau_in)}
_BALLISTIC = {tau_el: L / v_F}
T_KG = 2 * tau_in / (tau_in + L / v_F)

# Eq. (10): parabolic sub-band, Fermi-Dirac occupation, thermal wave number and velocity
EPS_K = hbar**2 * k**2 / (2 * m_star)
F_EQ = 1 / (1 + exp(EPS_K / (k_B * T) - eta))
K_T = sqrt(2 * m_star * k_B * T) / hbar
_THERMAL = {v_th: sqrt(2 * k_B * T / m_star)}
# degenerate Fermi velocity sqrt(2 (mu - eps_i)/m*) with mu - eps_i = eta k_B T
_FERMI = {v_F: sqrt(2 * eta * k_B * T / m_star)}
F_HALF, F_ZERO = FermiDirac(-Rational(1, 2), eta), FermiDirac(0, eta)
N_CLOSED = K_T * F_HALF / sqrt(pi)
FLUX_CLOSED = 2 * k_B * T * F_ZERO / (pi * hbar)
VBAR_LITERAL = v_th * F_ZERO / (sqrt(pi) * F_HALF)
VBAR_PAPER = 2 * VBAR_LITERAL
G_OVER_G0_LITERAL = pi * F_HALF**2 / F_ZERO * R / (1 + R)
G_OVER_G0_PAPER = G_OVER_G0_LITERAL / 2
#: Eq. (11) as printed, with n and v(n, T) still symbols
G_OVER_G0_PRINTED = (h * n / (2 * m_star * vbar)) * (1 - 1 / (1 + R))

# Eq. (1)'s Kubo-Greenwood prefactor at any degeneracy: e^2 <v^2 (-df_eq/d eps)>, the window written out
_EXPONENT = EPS_K / (k_B * T) - eta
WINDOW = exp(_EXPONENT) / (k_B * T * (1 + exp(_EXPONENT)) ** 2)

# Eq. (2) in a finite Hermitian model: H = diag(E_1, E_2), rho = diag(p_1, p_2), v Hermitian; Heisenberg
# v(t)_jl = v_jl exp(i (E_j - E_l) t/hbar); <A B> = Tr(rho A B) = sum_jl p_j A_jl B_lj
_I = sqrt(-1)
_LEVELS = (1, 2)
_ENERGY, _POPULATION = {1: E_1, 2: E_2}, {1: p_1, 2: p_2}
_VELOCITY = {(1, 1): v_11, (2, 2): v_22, (1, 2): w * exp(_I * phi), (2, 1): w * exp(-_I * phi)}
_V_T = {jl: v * exp(_I * (_ENERGY[jl[0]] - _ENERGY[jl[1]]) * t / hbar) for jl, v in _VELOCITY.items()}
_V2 = sum(_POPULATION[j] * _VELOCITY[j, m] * _VELOCITY[m, j] for j in _LEVELS for m in _LEVELS)
#: Eq. (2) as printed, <[v(t), v(0)]>/<v(0)^2>
C_VV_PRINTED = sum(_POPULATION[j] * (_V_T[j, m] * _VELOCITY[m, j] - _VELOCITY[j, m] * _V_T[m, j])
                   for j in _LEVELS for m in _LEVELS) / _V2
#: the symmetrised reading, <{v(t), v(0)}>/(2 <v(0)^2>)
C_VV_SYMMETRISED = sum(_POPULATION[j] * (_V_T[j, m] * _VELOCITY[m, j] + _VELOCITY[j, m] * _V_T[m, j])
                       for j in _LEVELS for m in _LEVELS) / (2 * _V2)

# --- before Eq. (1): the dissipation rate P = G V^2 ---------------------------------------------------
paper.derivation(
    "eq1.power",
    sigma * E_f**2 * L,
    Step(sigma * V**2 / L, Substitute({E_f: V / L})),
    Step(G * V**2, Substitute({sigma: G * L})),
    where="before Eq. (1)",
    statement=r"P = \int_0^L \sigma E^2 dx,\ E = V/L,\ G = \sigma/L \Rightarrow P = G V^2",
)
paper.dimension("eq1.power.dimension", G * V**2, "power", where="before Eq. (1)",
                statement=r"P = G V^2 \text{ is a power}")

# --- Eq. (1): the prefactor n e^2/m* is the f-sum rule, at any degeneracy ------------------------------
paper.derivation(
    "eq1.f_sum",
    Integral(e**2 * (hbar * k / m_star) ** 2 * WINDOW / pi, (k, -oo, oo)),
    Step(2 * Integral(e**2 * (hbar * k / m_star) ** 2 * WINDOW / pi, (k, 0, oo)), FoldEven(k)),
    Step(4 * e**2 * K_T / (pi * m_star) * Integral(x**2 * exp(x**2 - eta) / (1 + exp(x**2 - eta)) ** 2, (x, 0, oo)),
         ChangeVariable(k, x, K_T * x)),
    Step(2 * e**2 * K_T / (pi * m_star) * Integral(sqrt(u) * exp(u - eta) / (1 + exp(u - eta)) ** 2, (u, 0, oo)),
         ChangeVariable(x, u, sqrt(u))),
    Step(e**2 * N_CLOSED / m_star, Rewrite()),
    where="Eq. (1)",
    statement=r"e^2\int\frac{2\,dk}{2\pi} v_k^2\left(-\frac{\partial f^{eq}}{\partial\varepsilon_k}\right)"
              r" = \frac{e^2}{m^*}\frac{k_T}{\sqrt\pi}\mathcal{F}_{-1/2}(\eta) = \frac{ne^2}{m^*}"
              r" \text{ (f-sum rule; n of Eq. (10)) at any degeneracy}",
)

# --- Eq. (2): as printed a commutator, which vanishes at t = 0; the symmetrised reading is 1 there -------
paper.limit("eq2.printed", C_VV_PRINTED, var=t, point=0, value=1, where="Eq. (2)",
            statement=r"C_{vv}(t) = \langle[v(t), v(0)]\rangle/\langle v(0)^2\rangle \sim e^{-t/\tau_m}"
                      r" \text{ is } 1 \text{ at } t = 0",
            expect=Expect.refuted("the commutator <[v(t), v(0)]> vanishes at t = 0: C_vv(0) = 0, not 1"))
paper.equality("eq2.printed.odd", C_VV_PRINTED, -C_VV_PRINTED.subs(t, -t), where="Eq. (2)",
               statement=r"\langle[v(t), v(0)]\rangle \text{ is odd in } t \text{ (and imaginary): not }"
                         r" \sim e^{-|t|/\tau_m}")
paper.limit("eq2.symmetrised", C_VV_SYMMETRISED, var=t, point=0, value=1, where="Eq. (2), symmetrised",
            statement=r"\tfrac12\langle\{v(t), v(0)\}\rangle/\langle v(0)^2\rangle \to 1 \quad (t \to 0)")
paper.equality("eq2.symmetrised.even", C_VV_SYMMETRISED, C_VV_SYMMETRISED.subs(t, -t), where="Eq. (2), symmetrised",
               statement=r"\tfrac12\langle\{v(t), v(0)\}\rangle \text{ is even in } t")

# --- Eqs. (1)-(3): Kubo-Greenwood with C_vv = exp(-t/tau_m) gives Drude ---------------------------
paper.derivation(
    "eq3",
    n * e**2 / m_star * exp(-t_p / tau_m),
    Step(n * e**2 * tau_m / m_star * (1 - exp(-t / tau_m)), Integrate(t_p, 0, t)),
    Step(n * e**2 * tau_m / m_star, TakeLimit(t, oo)),
    where="Eqs. (1)-(3)",
    statement=r"\sigma(t) = \frac{ne^2}{m^*}\int_0^t C_{vv}(t')dt',\ C_{vv} = e^{-t'/\tau_m}"
              r" \Rightarrow \sigma \to ne^2\tau_m/m^*",
)
paper.dimension("eq3.dimension", n * e**2 * tau_m / m_star, "conductance*length", where="Eq. (3)",
                statement=r"\sigma = ne^2\tau_m/m^* \text{ is a 1D conductivity (S m)}")

# --- Eq. (4): G = sigma/L = (2e^2/h) T_KG in a degenerate 1D sub-band -------------------------
# n = <1> over |k| < k_F with 2 dk/(2 pi) (spin 2)
paper.derivation("eq4.density", 2 / (2 * pi), Step(2 * k_F / pi, Integrate(k, -k_F, k_F)), where="Eq. (4)",
                 statement=r"n = \int_{-k_F}^{k_F} \frac{2\,dk}{2\pi} = 2k_F/\pi")
paper.derivation(
    "eq4",
    n * e**2 * tau_m / (m_star * L),
    Step(2 * k_F * e**2 * tau_m / (pi * L * m_star), Substitute({n: 2 * k_F / pi})),
    Step((2 * e**2 / h) * (2 * hbar * k_F * tau_m / (L * m_star)), Rewrite()),
    Step((2 * e**2 / h) * (2 * v_F * tau_m / L), Substitute({v_F: hbar * k_F / m_star})),
    where="Eq. (4)",
    statement=r"G = \sigma/L = 2 k_F e^2 \tau_m/(\pi L m^*) = (2e^2/h) T_{KG},\ T_{KG} = 2 v_F \tau_m/L",
)
paper.equality("eq4.vF", hbar * k_F / m_star, h * n / (4 * m_star), givens={n: 2 * k_F / pi},
               where="Eq. (4), used in Eq. (11)", statement=r"v_F = \hbar k_F/m^* = h n/(4 m^*)")
paper.dimension("eq4.dimension", (2 * e**2 / h) * (2 * v_F * tau_m / L), "conductance", where="Eq. (4)",
                statement=r"G = (2e^2/h) T_{KG} \text{ is a conductance}")

# --- Eqs. (5)-(7): T_KG with Matthiessen's rule and tau_el = L/v_F ------------------------------
paper.equality("eq5", 1 / tau_m, 1 / tau_el + 1 / tau_in, givens=_MATTHIESSEN, where="Eq. (5)",
               statement=r"1/\tau_m = 1/\tau_{el} + 1/\tau_{in}")
paper.inequality("eq5.below_tau_in", tau_m, tau_in, strict=True, givens=_MATTHIESSEN, assumptions=(),
                 where="Eq. (5)", statement=r"\tau_m < \tau_{in}")
paper.inequality("eq5.below_tau_el", tau_m, tau_el, strict=True, givens=_MATTHIESSEN, assumptions=(),
                 where="Eq. (5)", statement=r"\tau_m < \tau_{el}")
paper.equality("eq6.elastic_mfp", v_F * tau_el, L, givens=_BALLISTIC, where="Eq. (6)",
               statement=r"\tau_{el} = L/v_F: \text{the elastic mean free path is } L", role="definition")
paper.inequality("eq6", v_F * tau_in, L, givens=_BALLISTIC, where="Eq. (6)",
                 statement=r"\tau_{in} \le \tau_{el} = L/v_F: \text{inelastic mean free path} \le L",
                 role="postulate")
paper.derivation(
    "eq7",
    2 * v_F * tau_m / L,
    Step(2 * v_F / L * (tau_el * tau_in / (tau_el + tau_in)), Substitute(_MATTHIESSEN)),
    Step(T_KG, Substitute(_BALLISTIC)),
    where="Eqs. (5)-(7)",
    statement=r"T_{KG} = \frac{2 v_F}{L}\frac{\tau_{el}\tau_{in}}{\tau_{el}+\tau_{in}}"
              r" = \frac{2\tau_{in}}{\tau_{in}+L/v_F}",
)
paper.inequality("eq7.bound", T_KG, 1, givens=_BALLISTIC, where="Eq. (7)",
                 statement=r"T_{KG} = 2\tau_{in}/(\tau_{in} + L/v_F) \le 1")

# --- Eq. (8): T_KG = 1 exactly when tau_in = tau_el, and then G = G_0 = 2e^2/h -------------------
paper.equality_iff("eq8", T_KG, 1, condition=Eq(tau_in, tau_el), givens=_BALLISTIC, assumptions=(), where="Eq. (8)",
                   statement=r"T_{KG} = 1 \iff \tau_{in} = \tau_{el} = L/v_F")
paper.equality("eq8.G0", (2 * e**2 / h) * T_KG, 2 * e**2 / h, givens=_BALLISTIC, where="Eq. (8)",
               statement=r"G = (2e^2/h) T_{KG} = G_0 = 2e^2/h \text{ at the optimum}")

# --- T = 0 (text before Eq. (10)): "populated even vestigially, G = G_0; empty, G = 0" ------------------
# Eq. (4) with Matthiessen's rule, the optimum tau_in = tau_el = L/v_F of Eq. (8) and v_F = hbar k_F/m*
G_EQ4 = 2 * k_F * e**2 * tau_m / (pi * L * m_star)
G_T0_OPTIMUM = G_EQ4.subs(_MATTHIESSEN).subs({tau_el: L / v_F, tau_in: L / v_F}).subs(v_F, hbar * k_F / m_star)
paper.limit("eq8.vestigial", G_T0_OPTIMUM, var=k_F, point=0, value=2 * e**2 / h, where="Eqs. (4)-(8), T = 0",
            statement=r"\text{a vestigially populated band } (k_F \to 0^+) \text{ gives } G = G_0")
paper.independent("eq8.vestigial.any_density", G_T0_OPTIMUM, of=k_F, where="Eqs. (4)-(8), T = 0",
                  statement=r"G = G_0 \text{ at every } k_F > 0")
paper.limit("eq8.empty", G_EQ4, var=k_F, point=0, value=0, where="Eqs. (4)-(8), T = 0",
            statement=r"\text{an empty band } (n = 2k_F/\pi \to 0,\ \tau_m \text{ finite}) \text{ gives } G = 0")
# the same statement with the literal Eq. (10) velocity: at T = 0, <|v| f_eq> over |k| < k_F
paper.derivation("eq10.zero_T.flux", Abs(hbar * k / m_star) / pi,
                 Step(hbar * k_F**2 / (pi * m_star), Integrate(k, -k_F, k_F)),
                 where="Eq. (10), T = 0",
                 statement=r"\langle |v| f^{eq}\rangle = \int_{-k_F}^{k_F}\frac{2\,dk}{2\pi}\frac{\hbar|k|}{m^*}"
                           r" = \frac{\hbar k_F^2}{\pi m^*}")
_ZERO_T = {n: 2 * k_F / pi, flux: hbar * k_F**2 / (pi * m_star)}
paper.equality("eq10.zero_T", L * n / flux, L / v_F, givens={**_ZERO_T, v_F: hbar * k_F / m_star},
               where="Eqs. (6), (10), T = 0",
               statement=r"\tau_{el} = Ln/\langle |v| f^{eq}\rangle = L/v_F \text{ at } T = 0",
               expect=Expect.refuted("at T = 0 the mean speed <|v| f_eq>/n is v_F/2: tau_el = 2 L/v_F"))
paper.limit("eq8.vestigial.literal", G_OVER_G0_PRINTED.subs(vbar, flux / n), var=k_F, point=0, value=1,
            givens={**_ZERO_T, R: Rational(1)}, where="Eqs. (10)-(11), T = 0",
            statement=r"\text{with } \bar v = \langle |v| f^{eq}\rangle/n \text{ of Eq. (10): a vestigially populated "
                      r"band gives } G_0",
            expect=Expect.refuted("the literal mean speed is v_F/2 at T = 0: every populated band gives 2 G_0"))

# --- Eq. (9): the kinetic equation, decided by the independent kinetic solver (symcond.kinetic) ---------------
# Times in units of tau_el0: tau_in = R tau_in_law(u), tau_el = tau_el_law(u), u = eps_k/k_B T; the tolerance of
# every run comes from the solver's own error estimate (symcond explain lists the runs and their deviations).
_LAWS_ANY = ((1, 1), (1 / (1 + u), 1), (sqrt(1 + u), 1), (1, 1 + u), (exp(-u / 10), 1 / (1 + u)))
paper.kinetic("eq9.conserves_number", "conserves-number", energy=u, laws=_LAWS_ANY, etas=(-3.0, 5.0),
              fields=(0.1, 1.0, 10.0), assumptions=(), where="Eq. (9)",
              statement=r"\text{Eq. (9) is microscopically conserving: } dn/dt = 0 \text{ for any } "
                        r"\tau_{in}(\varepsilon_k), \tau_{el}(\varepsilon_k) \text{ of an even band}")
paper.kinetic("eq9.drude", "drude", energy=u, laws=((1, 1),), etas=(-3.0, 0.0, 5.0), ratios=(0.5, 1.0),
              fields=(1e-3, 0.1, 1.0, 10.0, 100.0), witness=True, assumptions=(), where="Eq. (9), text after it",
              statement=r"\text{energy-independent times: } I = n e \tau_m E/m^* \text{ (Drude, Kubo-Greenwood)"
                        r" at every field, small to large}")
paper.kinetic("eq9.non_ohmic", "conductivity-decreases", energy=u, laws=((1 / (1 + u), 1),), etas=(-3.0, 0.0, 5.0),
              fields=(1.0, 3.0, 10.0), witness=True, assumptions=(), where="Eq. (9), text after it",
              statement=r"\text{high currents need energy-dependent times: with } \tau_{in} \propto 1/(1+\varepsilon)"
                        r",\ \sigma(E) = I/(nE) \text{ decreases with } E")
paper.kinetic("eq9.kubo_greenwood", "kubo-greenwood", energy=u,
              laws=((1, 1), (1 / (1 + u), 1), (sqrt(1 + u), 1 + u)), etas=(-3.0, 0.0, 5.0, 20.0), ratios=(0.5, 1.0),
              fields=(0.0,), assumptions=(), where="Eq. (9), text after it",
              statement=r"\text{at low currents the solution of Eq. (9) gives the Kubo-Greenwood } "
                        r"G = \frac{e^2}{L}\langle v^2 \tau_m(\varepsilon) "
                        r"(-\partial f^{eq}/\partial\varepsilon)\rangle")

# --- Eq. (10): n and <|v| f_eq> in closed form, tau_el(n, T) = L n/<|v| f_eq> ---------------------
paper.derivation(
    "eq10.density",
    Integral(F_EQ / pi, (k, -oo, oo)),
    Step(2 * Integral(F_EQ / pi, (k, 0, oo)), FoldEven(k)),
    Step(2 * K_T / pi * Integral(1 / (1 + exp(x**2 - eta)), (x, 0, oo)), ChangeVariable(k, x, K_T * x)),
    Step(K_T / pi * Integral(u ** Rational(-1, 2) / (1 + exp(u - eta)), (u, 0, oo)), ChangeVariable(x, u, sqrt(u))),
    Step(N_CLOSED, Recognize()),
    where="Eq. (10)",
    statement=r"n = \langle f^{eq}\rangle = \int_{-\infty}^{\infty}\frac{2\,dk}{2\pi} f^{eq}_k"
              r" = \frac{k_T}{\sqrt\pi}\mathcal{F}_{-1/2}(\eta)",
)
paper.derivation(
    "eq10.flux",
    Abs(hbar * k / m_star) * F_EQ / pi,
    Step(2 * k_B * T * log(1 + exp(eta)) / (pi * hbar), Integrate(k, -oo, oo)),
    Step(FLUX_CLOSED, Recognize()),
    where="Eq. (10)",
    statement=r"\langle |v| f^{eq}\rangle = \int\frac{2\,dk}{2\pi}\frac{\hbar|k|}{m^*} f^{eq}_k"
              r" = \frac{2}{\pi}\frac{k_B T}{\hbar}\mathcal{F}_0(\eta)",
)
paper.derivation(
    "eq10",
    L * n / flux,
    Step(L * N_CLOSED / FLUX_CLOSED, Substitute({n: N_CLOSED, flux: FLUX_CLOSED})),
    Step(L / VBAR_LITERAL, Substitute(_THERMAL)),
    where="Eq. (10)",
    statement=r"\tau_{el}(n,T) = \frac{L}{\bar v(n,T)} \equiv \frac{L n}{\langle |v| f^{eq}\rangle}"
              r" = \frac{\sqrt\pi L}{v_{th}}\frac{\mathcal{F}_{-1/2}(\eta)}{\mathcal{F}_0(\eta)}",
)
# the density itself: Maxwell-Boltzmann when sparse, n = 2 k_F/pi of Eq. (4) when degenerate
paper.asymptotic("eq10.density.classical", N_CLOSED, var=eta, point=-oo, value=K_T * exp(eta) / sqrt(pi),
                 where="Eq. (10)",
                 statement=r"n \sim (k_T/\sqrt\pi)\, e^{\eta} \quad (\eta \to -\infty)")
paper.asymptotic("eq10.density.degenerate", N_CLOSED, var=eta, point=oo, value=2 * K_T * sqrt(eta) / pi,
                 where="Eqs. (4), (10)",
                 statement=r"n \sim 2k_F/\pi,\ k_F = k_T\sqrt\eta \quad (\eta \to \infty)")
# the paper's two statements about v(n, T), as printed
paper.limit("eq10.classical", VBAR_LITERAL, var=eta, point=-oo, value=v_th, where="after Eq. (10)",
            statement=r"\text{sparse classical population: } \bar v(n,T) \to v_{th} = \sqrt{2k_BT/m^*}",
            expect=Expect.refuted("the mean speed <|v| f_eq>/n tends to v_th/sqrt(pi), not v_th"))
paper.asymptotic("eq10.degenerate", VBAR_LITERAL, var=eta, point=oo, value=v_F, givens={**_THERMAL, **_FERMI},
                 where="after Eq. (10)",
                 statement=r"\text{degenerate population: } \bar v = v_F = \sqrt{2(\mu-\varepsilon_i)/m^*}",
                 expect=Expect.refuted("the mean speed <|v| f_eq>/n tends to v_F/2, not v_F"))
# what the limits are
paper.limit("eq10.classical.value", VBAR_LITERAL, var=eta, point=-oo, value=v_th / sqrt(pi), where="after Eq. (10)",
            statement=r"\bar v(n,T) \to v_{th}/\sqrt\pi \quad (\eta \to -\infty)")
paper.asymptotic("eq10.degenerate.value", VBAR_LITERAL, var=eta, point=oo, value=v_F / 2, givens={**_THERMAL, **_FERMI},
                 where="after Eq. (10)", statement=r"\bar v(n,T) \sim v_F/2 \quad (\eta \to \infty)")

# --- Eq. (11): G_i/G_0 in closed form ----------------------------------------------------------
paper.derivation(
    "eq11",
    G_OVER_G0_PRINTED,
    Step((h * N_CLOSED / (2 * m_star * VBAR_LITERAL)) * R / (1 + R), Substitute({n: N_CLOSED, vbar: VBAR_LITERAL})),
    Step(G_OVER_G0_LITERAL, Substitute(_THERMAL)),
    where="Eqs. (10)-(11)",
    statement=r"\frac{G_i}{G_0} = \frac{h n_i}{2m^*\bar v(n_i,T)}\left(1 - \frac{1}{1+\tau_{in}/\tau_{el}}\right)"
              r" = \pi\frac{\mathcal{F}_{-1/2}(\eta)^2}{\mathcal{F}_0(\eta)}\frac{R}{1+R}",
)
paper.independent("eq11.universal_mass", (h * N_CLOSED / (2 * m_star * VBAR_LITERAL)) * R / (1 + R), of=m_star,
                  givens=_THERMAL, where="Eq. (11)",
                  statement=r"G_i/G_0 \text{ does not depend on the material (} m^* \text{)}")
paper.independent("eq11.universal_temperature", (h * N_CLOSED / (2 * m_star * VBAR_LITERAL)) * R / (1 + R), of=T,
                  givens=_THERMAL, where="Eq. (11)",
                  statement=r"G_i/G_0 \text{ depends on } \mu, \varepsilon_i, T \text{ only through } "
                            r"(\mu-\varepsilon_i)/k_BT")
paper.limit("eq11.vanishes", G_OVER_G0_LITERAL, var=eta, point=-oo, value=0, where="after Eq. (11)",
            statement=r"\text{low density } (\mu-\varepsilon_i \ll k_BT)\text{: the conductance vanishes}")
paper.asymptotic("eq11.low_density", G_OVER_G0_LITERAL, var=eta, point=-oo, value=pi * R / (1 + R) * exp(eta),
                 where="after Eq. (11), Fig. 1",
                 statement=r"G_i/G_0 \propto \exp[-(\varepsilon_i-\mu)/k_BT]\text{; the factor is } \pi R/(1+R)")
paper.limit("eq11.plateau", G_OVER_G0_LITERAL, var=eta, point=oo, value=1, givens={R: Rational(1)},
            where="after Eq. (11)",
            statement=r"\text{degenerate: a plateau, ideally quantized } (G_i = G_0) \text{ when } \tau_{in}=\tau_{el}",
            expect=Expect.refuted("with the literal v(n, T) = <|v| f_eq>/n the plateau at tau_in = tau_el is 2 G_0"))
paper.limit("eq11.plateau.value", G_OVER_G0_LITERAL, var=eta, point=oo, value=4 * R / (1 + R), where="after Eq. (11)",
            statement=r"G_i/G_0 \to 4R/(1+R) = 2 T_{KG} \quad (\eta \to \infty)")

# v_F = hbar k_F/m* = h n/(4 m*) holds at T = 0 (claim eq4.vF); Eq. (11) uses it at finite T
paper.equality("eq11.vF_finite_T", h * n / (4 * m_star), v_F, givens={n: N_CLOSED, **_FERMI},
               where="after Eq. (11)",
               statement=r"v_F = \sqrt{2(\mu-\varepsilon_i)/m^*} = h n_i/(4m^*) \text{ with } n_i \text{ of Eq. (10)}",
               expect=Expect.refuted("at finite T, h n/(4 m*) = v_F sqrt(pi) F_{-1/2}(eta)/(2 sqrt(eta)), "
                                     "not v_F: the identity is the T = 0 one"))
paper.asymptotic("eq11.vF_degenerate", h * N_CLOSED / (4 * m_star), var=eta, point=oo, value=v_F, givens=_FERMI,
                 where="after Eq. (11)", statement=r"h n_i/(4m^*) \sim v_F \quad (\eta \to \infty)")
# Eq. (11) from Eqs. (4)-(7) with tau_el = L/vbar, tau_in = R tau_el and v_F -> h n/(4 m*); it is Drude's
# G = n e^2 tau_m/(m* L) of Eq. (3), whatever n and vbar are (any degeneracy)
paper.derivation(
    "eq11.from_eq4",
    2 * v_F * tau_m / L,
    Step(2 * v_F / L * (tau_el * tau_in / (tau_el + tau_in)), Substitute(_MATTHIESSEN)),
    Step(2 * v_F / vbar * R / (1 + R), Substitute({tau_in: R * L / vbar, tau_el: L / vbar})),
    Step(G_OVER_G0_PRINTED, Substitute({v_F: h * n / (4 * m_star)})),
    where="Eqs. (4)-(7), (11)",
    statement=r"T_{KG} = \frac{2v_F\tau_m}{L},\ \tau_{el} = L/\bar v,\ v_F = \frac{hn}{4m^*}"
              r" \Rightarrow \frac{hn}{2m^*\bar v}\left(1 - \frac{1}{1+\tau_{in}/\tau_{el}}\right)",
)
paper.equality("eq11.drude", (2 * e**2 / h) * G_OVER_G0_PRINTED, n * e**2 * tau_m / (m_star * L),
               givens={tau_m: 1 / (vbar / L + vbar / (R * L))}, where="Eqs. (3), (11)",
               statement=r"G_i = G_0\frac{hn_i}{2m^*\bar v}\frac{R}{1+R} = \frac{n_i e^2\tau_m}{m^* L},\ "
                         r"1/\tau_m = \bar v/L + \bar v/(RL) \text{ at any degeneracy}")

# --- Eq. (11), paper-normalised variant: v(n, T) = 2 <|v| f_eq>/n, which tends to v_F -------------
paper.derivation(
    "eq11.paper_normalised",
    G_OVER_G0_PRINTED,
    Step((h * N_CLOSED / (2 * m_star * VBAR_PAPER)) * R / (1 + R), Substitute({n: N_CLOSED, vbar: VBAR_PAPER})),
    Step(G_OVER_G0_PAPER, Substitute(_THERMAL)),
    where="Eqs. (10)-(11), variant",
    statement=r"\bar v \to 2\langle |v| f^{eq}\rangle/n:\ "
              r"G_i/G_0 = \frac{\pi}{2}\frac{\mathcal{F}_{-1/2}(\eta)^2}{\mathcal{F}_0(\eta)}\frac{R}{1+R}",
)
paper.asymptotic("eq11.paper_normalised.vF", VBAR_PAPER, var=eta, point=oo, value=v_F, givens={**_THERMAL, **_FERMI},
                 where="after Eq. (10), variant", statement=r"2\langle |v| f^{eq}\rangle/n \sim v_F")
paper.limit("eq11.paper_normalised.classical", VBAR_PAPER, var=eta, point=-oo, value=2 * v_th / sqrt(pi),
            where="after Eq. (10), variant", statement=r"2\langle |v| f^{eq}\rangle/n \to 2v_{th}/\sqrt\pi")
paper.limit("eq11.paper_normalised.plateau", G_OVER_G0_PAPER, var=eta, point=oo, value=1, givens={R: Rational(1)},
            where="after Eq. (11), variant", statement=r"G_i \to G_0 \text{ when } \tau_{in} = \tau_{el}")
paper.limit("eq11.paper_normalised.plateau_is_TKG", G_OVER_G0_PAPER, var=eta, point=oo, value=T_KG,
            givens={tau_in: R * L / v_F},
            where="after Eq. (11), Fig. 1, variant",
            statement=r"\text{the plateau is } T_{KG} = 2R/(1+R) \text{ of Eq. (7): reduced by inelastic scattering}")
paper.asymptotic("eq11.paper_normalised.low_density", G_OVER_G0_PAPER, var=eta, point=-oo,
                 value=pi * R / (2 * (1 + R)) * exp(eta),
                 where="after Eq. (11), variant",
                 statement=r"G_i/G_0 \sim \frac{\pi}{2}\frac{R}{1+R} e^{\eta} \quad (\eta \to -\infty)")

# --- G = sum_i G_i((mu - eps_i)/k_B T) with the thresholds eps_i/k_B T of Fig. 1 ----------------------
# caption: "sub-band-energy thresholds set at eps_1 = 5 k_B T and eps_2 = 17 k_B T"
FIG1_THRESHOLDS = (5, 17)
G_TOTAL_LITERAL = sum(G_OVER_G0_LITERAL.subs(eta, nu - level) for level in FIG1_THRESHOLDS)
G_TOTAL_PAPER = sum(G_OVER_G0_PAPER.subs(eta, nu - level) for level in FIG1_THRESHOLDS)
paper.limit("eq11.sum", G_TOTAL_LITERAL, var=nu, point=oo, value=2, givens={R: Rational(1)},
            where="after Eq. (11), Fig. 1",
            statement=r"G = \sum_i G_i((\mu-\varepsilon_i)/k_BT) \text{ shows Landauer plateaux: } G \to 2G_0"
                      r" \text{ above both thresholds at } \tau_{in}=\tau_{el}",
            expect=Expect.refuted("each literal sub-band plateau is 2 G_0, so two sub-bands give 4 G_0"))
paper.limit("eq11.sum.paper_normalised", G_TOTAL_PAPER, var=nu, point=oo, value=2, givens={R: Rational(1)},
            where="after Eq. (11), Fig. 1, variant", statement=r"G \to 2G_0 \text{ above both thresholds}")
paper.limit("eq11.sum.vanishes", G_TOTAL_LITERAL, var=nu, point=-oo, value=0, where="after Eq. (11), Fig. 1",
            statement=r"G \to 0 \text{ below the first threshold}")

# --- Fig. 1: G/G_0 against mu/k_B T; the closed forms of Eq. (11) above as lines, the kinetic solver of
# Eq. (9) as markers (its G uses the literal vbar, rescaled to each panel's), the finite-T Landauer sum dashed
paper.attach_figure(SubbandFigure(
    number=1,
    title="Das & Green, J. Phys.: Condens. Matter 15, L687 (2003), Fig. 1: 1D wire",
    thresholds=FIG1_THRESHOLDS,
    # caption: solid tau_in/tau_el = 1, dot-dashed 0.75, dotted 0.5
    ratios=(RatioLine(1.0, Dash.SOLID, "black"), RatioLine(0.75, Dash.DASHDOT, "tab:blue"),
            RatioLine(0.5, Dash.DOTTED, "tab:red")),
    mu_range=(-5.0, 30.0),
    # the paper's figure first; the literal reading of Eq. (10) beside it (its plateaux, claims eq11.plateau
    # and eq11.sum, are refuted: 2 G_0 per sub-band)
    variants=(
        VelocityVariant("paper", G_OVER_G0_PAPER, VBAR_PAPER,
                        r"the paper's Fig. 1 (paper-normalised $\bar v = 2\langle |v| f^{eq}\rangle / n \to v_F$)"),
        VelocityVariant("literal", G_OVER_G0_LITERAL, VBAR_LITERAL,
                        r"refuted reading: Eq. (10) literal, $\bar v = \langle |v| f^{eq}\rangle / n$ "
                        r"(plateaux $2G_0$ per sub-band)"),
    ),
    solver_velocity=VBAR_LITERAL,
    eta=eta,
    ratio=R,
    closed_form_label="Eq. (11)",
    solver_label="kinetic solver, Eq. (9)",
    log_row=False,  # symcond figure --log adds the logarithmic panels
))
