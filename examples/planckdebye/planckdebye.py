"""planckdebye — "Black-body radiation and the heat capacity of solids: a one-page review"
(symcond's example paper, ``examples/planckdebye/paper.md``).

Declarative, public API only: symbols, then the claims in the paper's order, each as printed.
The paper has three slips; each is recorded as an expected refutation (``Expect.refuted``),
which never sets a verdict: symcond must find them.
"""

from symcond import (
    ChangeVariable,
    Expect,
    Integral,
    LambertW,
    Paper,
    Rewrite,
    Step,
    exp,
    oo,
    pi,
)

paper = Paper(
    "planckdebye",
    title="Black-body radiation and the heat capacity of solids: a one-page review",
    reference="symcond example paper, examples/planckdebye/paper.md",
)

# --- symbols: constants from the CODATA registry, the rest declared with their dimension ---------
h, c, k_B, T, R, sigma_SB = paper.symbols("h c k_B T R sigma_SB")
nu = paper.declare("nu", "frequency", "frequency of the radiation", latex=r"\nu")
lam = paper.declare("lam", "length", "wavelength of the radiation", latex=r"\lambda")
x = paper.declare("x", 1, "reduced photon or phonon energy", latex="x")
N = paper.declare("N", 1, "number of atoms", latex="N")
Theta_D = paper.declare("Theta_D", "temperature", "Debye temperature", latex=r"\Theta_D")

# --- Eq. (1) Planck's law ------------------------------------------------------------------------
U_NU = 8 * pi * h * nu**3 / c**3 / (exp(h * nu / (k_B * T)) - 1)
paper.dimension("eq1", U_NU, "energy*time/length**3", where="Eq. (1)",
                statement=r"[u_\nu] = \mathrm{J\,s\,m^{-3}}")

# --- Eq. (2) Rayleigh-Jeans and Wien limits ----------------------------------------------------
paper.asymptotic("eq2.rayleigh_jeans", U_NU, var=nu, point=0, value=8 * pi * nu**2 * k_B * T / c**3,
                 where="Eq. (2)")
paper.asymptotic("eq2.wien", U_NU, var=nu, point=oo, value=8 * pi * h * nu**3 / c**3 * exp(-h * nu / (k_B * T)),
                 where="Eq. (2)")

# --- Eq. (3) the Stefan-Boltzmann T^4 law, as printed and step by step ---------------------------
U_T = 8 * pi**5 * k_B**4 / (15 * h**3 * c**3) * T**4
paper.equality("eq3", Integral(U_NU, (nu, 0, oo)), U_T, where="Eq. (3)")
paper.equality("eq3.bose", Integral(x**3 / (exp(x) - 1), (x, 0, oo)), pi**4 / 15, where="text before Eq. (3)")
paper.derivation(
    "eq3.steps",
    Integral(U_NU, (nu, 0, oo)),
    Step(Integral(8 * pi * k_B**4 * T**4 / (h**3 * c**3) * x**3 / (exp(x) - 1), (x, 0, oo)),
         ChangeVariable(nu, x, k_B * T * x / h)),
    Step(U_T, Rewrite()),  # the Bose integral pi**4/15
    where="Eq. (3)",
)

# --- Eq. (4) radiant exitance and the Stefan-Boltzmann constant ----------------------------------
SIGMA_PRINTED = 2 * pi**5 * k_B**4 / (15 * h**3 * c**3)
paper.equality("eq4", c * U_T / 4, SIGMA_PRINTED * T**4, where="Eq. (4)",
               expect=Expect.refuted("sigma is printed with c**3; c*u/4 needs c**2 (a dimension slip)"))
paper.equality("eq4.registry", c * U_T / 4, sigma_SB * T**4, where="Eq. (4)",
               statement=r"c\,u/4 = \sigma_{SB} T^4")
paper.value("eq4.value", 2 * pi**5 * k_B**4 / (15 * h**3 * c**2), "5.670e-8 W/(m^2*K^4)", where="Eq. (4)")

# --- Eq. (5) Wien's displacement law -----------------------------------------------------------
X_LAMBDA = 5 + LambertW(-5 * exp(-5))
X_NU = 3 + LambertW(-3 * exp(-3))
paper.equality("eq5.root", 5 * (1 - exp(-X_LAMBDA)), X_LAMBDA, where="text before Eq. (5)",
               statement=r"5(1 - e^{-x_\lambda}) = x_\lambda,\ x_\lambda = 5 + W(-5e^{-5})")
paper.value("eq5.x", X_LAMBDA, "4.965", where="text before Eq. (5)")
paper.value("eq5", h * c / (X_LAMBDA * k_B), "2.898e-3 m*K", where="Eq. (5)")

# --- Eq. (6) the frequency peak, and the relation between the peaks ------------------------------
paper.equality("eq6.root", 3 * (1 - exp(-X_NU)), X_NU, where="text before Eq. (6)",
               statement=r"3(1 - e^{-x_\nu}) = x_\nu,\ x_\nu = 3 + W(-3e^{-3})")
paper.value("eq6.x", X_NU, "2.821", where="text before Eq. (6)")
paper.value("eq6.value", X_NU * k_B / h, "5.879e10 Hz/K", where="text before Eq. (6)")
LAMBDA_MAX, NU_MAX = h * c / (X_LAMBDA * k_B * T), X_NU * k_B * T / h
paper.equality("eq6", LAMBDA_MAX * NU_MAX, c, where="Eq. (6)",
               expect=Expect.refuted("the two spectra peak at different places: lambda_max nu_max = 0.568 c"))

# --- Eq. (7)-(9) the Debye heat capacity, Dulong-Petit and the T^3 law -----------------------------
C_V = 9 * N * k_B * (T / Theta_D)**3 * Integral(x**4 * exp(x) / (exp(x) - 1)**2, (x, 0, Theta_D / T))
paper.dimension("eq7", C_V, "energy/temperature", where="Eq. (7)")
paper.limit("eq8", C_V, var=T, point=oo, value=3 * N * k_B, where="Eq. (8)",
            statement=r"C_V \to 3Nk_B \quad (T \to \infty)")
paper.value("eq8.value", 3 * R, "24.94 J/(mol*K)", where="Eq. (8)")
paper.equality("eq9.integral", Integral(x**4 * exp(x) / (exp(x) - 1)**2, (x, 0, oo)), 4 * pi**4 / 15,
               where="text before Eq. (9)")
paper.asymptotic("eq9", C_V, var=T, point=0, value=12 * pi**4 / 5 * N * k_B * (T / Theta_D)**3, where="Eq. (9)")
paper.value("eq9.value", 12 * pi**4 / 5, "194", where="Eq. (9)",
            expect=Expect.refuted("12 pi^4/5 = 233.8, not 194"))
