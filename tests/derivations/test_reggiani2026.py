"""reggiani2026: every equation and table row has a computed verdict, refutations are genuine
(checked by an independent mpmath evaluation of both sides, not through the prover), true rows
are proven, and holds-under conditions are really needed."""

import random
from decimal import Decimal

import mpmath
import pytest
import sympy

from symcond import Verdict
from symcond.ledger.run import load_papers, verify

KEY = "reggiani2026"
DPS = 40
TABLE_ROWS = {
    1: ("classical_diffusive", "classical_ballistic", "relativistic_ballistic", "quantum_diffusive",
        "quantum_ballistic", "quantum_relativistic"),
    2: ("N", "e", "m", "eps", "th", "pht", "phn", "em"),
    3: ("N", "e", "m", "eps", "th", "pht", "phn", "em"),
    4: ("N", "e", "m", "eps", "th", "pht", "phn", "em"),
}
NAMES = ("e", "h", "m", "c", "L", "T", "k_B", "s", "eps0", "f", "h_s", "Gamma", "N", "fano", "v_p", "tau", "eps")


@pytest.fixture(scope="module")
def paper():
    """The reggiani2026 paper, loaded from the bundled derivations."""
    return next(p for p in load_papers() if p.key == KEY)


@pytest.fixture(scope="module")
def ledger(paper):
    """Every claim of the paper with its computed outcome, computed once."""
    return {entry.claim.id: entry for entry in verify([paper]).entries}


@pytest.fixture(scope="module")
def point():
    """A seeded random point: every symbol a positive number with 40 digits."""
    rng = random.Random(2604_19828)
    with mpmath.workdps(DPS):
        return {name: mpmath.mpf(rng.randint(10**6, 9 * 10**6)) / 10**6 for name in NAMES}


def zeta5():
    """pi^5 / (15 zeta(3)), the black-body prefactor of Tables 2-4."""
    return mpmath.pi**5 / (15 * mpmath.zeta(3))


def n_photon_18(v):
    """Eq. (18): black-body photon number with hbar = h / (2 pi)."""
    hbar = v["h"] / (2 * mpmath.pi)
    return 2 * mpmath.zeta(3) / (mpmath.pi**2 * v["c"]**3 * hbar**3) * (v["L"] * v["k_B"] * v["T"])**3


def n_photon_27(v):
    """Eq. (27): average photon number."""
    return 2**4 * mpmath.pi * mpmath.zeta(3) * v["L"]**3 / (v["h"] * v["c"])**3 * (v["k_B"] * v["T"])**3


def g_pht(v, velocity="c"):
    """Table 2: G_0 of the black-body photon (c) or phonon (s) row."""
    return zeta5() * v["k_B"] * v[velocity] / v["L"]


def g_pht_17(v):
    """Eq. (17) at N_ph = 1."""
    return mpmath.pi**4 * v["k_B"] * v["c"] / (15 * mpmath.zeta(3) * v["L"])


def g_th(v):
    """Table 2 / Eq. (16): thermal conductance quantum."""
    return mpmath.pi**2 / 3 * v["k_B"]**2 * v["T"] / v["h"]


def printed_t3_photon(v):
    """The right side printed in Table 3 for the pht and phn rows."""
    return zeta5() * v["k_B"]**2 * v["T"] / v["h"]**2


def q_planck_squared(v):
    """Planck charge squared, 4 pi eps0 hbar c."""
    return 4 * mpmath.pi * v["eps0"] * (v["h"] / (2 * mpmath.pi)) * v["c"]


def fermi_window_variance(eta):
    """Variance of u over the Fermi window e^u/(e^u + 1)^2 from the band bottom u = -eta, by quadrature."""
    window = [mpmath.quad(lambda u, k=k: u**k * mpmath.exp(u) / (mpmath.exp(u) + 1)**2, [-eta, 0, 10, 40, mpmath.inf])
              for k in range(3)]
    return window[2] / window[0] - (window[1] / window[0])**2


# claim id -> (lhs, rhs) typed from the paper, independently of the derivation file
REFUTED = {
    "eq11": (lambda v: q_planck_squared(v) / v["h"], lambda v: v["eps0"] * v["c"]),
    "table2:em": (lambda v: q_planck_squared(v) / v["h"], lambda v: v["eps0"] * v["c"]),
    "eq26": (lambda v: zeta5() * v["k_B"] * n_photon_27(v) * v["c"] * v["L"] / v["L"]**2,
             lambda v: mpmath.pi**4 * n_photon_18(v) * v["k_B"] * v["c"] / (15 * mpmath.zeta(3) * v["L"])),
    "eq28": (lambda v: 2 * g_pht(v), lambda v: zeta5() * v["k_B"] * v["c"] * v["L"] / v["L"]**2),
    "table2:pht.eq28": (g_pht, lambda v: 2 * g_pht(v)),
    "eq28.eq17": (lambda v: 2 * g_pht(v), lambda v: g_pht_17(v)),
    "table2:pht.eq17": (g_pht, lambda v: g_pht_17(v)),
    "table3:th": (lambda v: g_th(v) / (v["h"] / v["m"]), lambda v: mpmath.pi**2 / 3 * v["k_B"]**2 * v["T"] / v["h"]**2),
    "table3:pht": (lambda v: g_pht(v) / (v["h"] / v["m"]), printed_t3_photon),
    "table3:pht.same_row": (lambda v: g_pht(v) / (v["c"] * v["L"]), printed_t3_photon),
    "table3:phn": (lambda v: g_pht(v, "s") / (v["h"] / v["m"]), printed_t3_photon),
    "table3:phn.same_row": (lambda v: g_pht(v, "s") / (v["s"] * v["L"]), printed_t3_photon),
    "table4:pht": (lambda v: g_pht(v) * v["h"] / v["m"], lambda v: zeta5() * v["k_B"] * v["c"]**2),
    "table4:phn": (lambda v: g_pht(v, "s") * v["h"] / v["m"], lambda v: zeta5() * v["k_B"] * v["s"]**2),
    # issue 16, point 3
    "table2:phn.eq17": (lambda v: g_pht(v, "s"),
                        lambda v: mpmath.pi**4 * v["k_B"] * v["s"] / (15 * mpmath.zeta(3) * v["L"])),
    "eq14.li6_units": (lambda v: v["m"]**2 / v["h"], lambda v: 1 / v["h"]),
    "eq21.furth": (lambda v: v["h"] / v["m"], lambda v: v["h"] / (2 * mpmath.pi) / (2 * v["m"])),
    "table1:relativistic_ballistic.isotropic": (lambda v: v["c"] / mpmath.sqrt(3) * v["L"], lambda v: v["c"] * v["L"]),
    "table2:phn.D.isotropic": (lambda v: v["s"] / mpmath.sqrt(3) * v["L"], lambda v: v["s"] * v["L"]),
    # Maxwell-Boltzmann 3D, energy-independent tau: Lorenz number = variance of u^(3/2) e^-u = 5/2
    "eq15.classical": (lambda v: (mpmath.gamma(4.5) / mpmath.gamma(2.5) - (mpmath.gamma(3.5) / mpmath.gamma(2.5))**2)
                       * v["k_B"]**2 * v["T"] * v["N"] * v["Gamma"] / v["h_s"],
                       lambda v: mpmath.pi**2 / 3 * v["k_B"]**2 * v["T"] * v["N"] * v["Gamma"] / v["h_s"]),
    # issue 16, point 3: one ballistic channel with mu at its band bottom (eta = 0) is not degenerate
    "eq16.band_edge": (lambda v: fermi_window_variance(0), lambda v: mpmath.pi**2 / 3),
}

# claim id -> (lhs, rhs) of true statements, typed independently
TRUE = {
    "eq10.alpha": (lambda v: v["e"]**2 / q_planck_squared(v), lambda v: v["e"]**2 / (2 * v["eps0"] * v["h"] * v["c"])),
    "eq27": (n_photon_27, n_photon_18),
    "eq25": (lambda v: v["h"] / (v["h"] * v["f"] / v["c"]**2), lambda v: v["c"] * (v["c"] / v["f"])),
    "eq29.planck": (lambda v: (v["h"] * v["f"])**2 / v["h"], lambda v: v["h"] * v["f"]**2),
    "table3:eps": (lambda v: (v["h"] * v["f"])**2 / v["h"] / (v["h"] / (v["h"] * v["f"] / v["c"]**2)),
                   lambda v: v["h"] * v["f"] / (v["c"] / v["f"])**2),
    "table3:em": (lambda v: v["eps0"] * v["c"] / (v["c"] * v["L"]), lambda v: v["eps0"] / v["L"]),
    "table4:th": (lambda v: g_th(v) * v["h"] / v["m"], lambda v: mpmath.pi**2 / 3 * v["k_B"]**2 * v["T"] / v["m"]),
    "table4:em": (lambda v: v["eps0"] * v["c"]**2 * v["L"], lambda v: v["L"] / (1 / (v["eps0"] * v["c"]**2))),
    "table4:pht.same_row": (lambda v: g_pht(v) * v["c"] * v["L"], lambda v: zeta5() * v["k_B"] * v["c"]**2),
    "eq3": (lambda v: v["k_B"] * v["T"] * v["N"] / (v["m"] * v["fano"] * v["N"]),
            lambda v: v["k_B"] * v["T"] / v["m"] * v["N"] / (v["fano"] * v["N"])),
    "eq16.lorenz": (lambda v: g_th(v) / (v["e"]**2 / v["h"]),
                    lambda v: mpmath.pi**2 / 3 * (v["k_B"] / v["e"])**2 * v["T"]),
}


def _relative(a, b):
    return abs(a - b) / max(abs(a), abs(b))


def _engine_ratio(paper, text, v):
    """The engine's exact ratio string evaluated at ``v`` (sympy evalf, not the prover)."""
    names = {q.name: q.symbol for q in paper.registry}
    expr = sympy.sympify(text, locals=names)
    values = {names[k]: sympy.Rational(mpmath.nstr(x, DPS)) for k, x in v.items() if k in names}
    return mpmath.mpf(str(expr.xreplace(values).evalf(DPS)))


@pytest.mark.parametrize("number", range(1, 30))
def test_every_equation_has_a_claim(ledger, number):
    """Each numbered equation (1)-(29) has at least one computed claim."""
    ids = [i for i in ledger if i == f"{KEY}:eq{number}" or i.startswith(f"{KEY}:eq{number}.")]
    assert ids


@pytest.mark.parametrize(("table", "row"), [(t, r) for t, rows in TABLE_ROWS.items() for r in rows])
def test_every_table_row_has_a_claim(ledger, table, row):
    """Each printed row of Tables 1-4 is a claim with a computed verdict."""
    assert f"{KEY}:table{table}:{row}" in ledger


def test_every_verdict_is_as_expected(ledger):
    """No verdict differs from its recorded expectation (verify exits 0)."""
    assert [i for i, e in ledger.items() if not e.as_expected] == []


def test_nothing_undecided_without_reason(ledger):
    """An undecided claim must carry a recorded reason."""
    assert [i for i, e in ledger.items() if e.outcome.verdict is Verdict.UNDECIDED and not e.claim.expect.note] == []


def test_refuted_claims_are_exactly_the_recorded_errata(ledger):
    """The claims that fail are the ones whose independent check below shows a discrepancy."""
    failing = {i.removeprefix(f"{KEY}:") for i, e in ledger.items() if e.outcome.verdict is Verdict.FAILS}
    assert failing == set(REFUTED)


@pytest.mark.parametrize("claim", sorted(REFUTED))
def test_refutation_is_genuine(ledger, point, claim):
    """Both sides, evaluated independently with mpmath, differ."""
    lhs, rhs = REFUTED[claim]
    with mpmath.workdps(DPS):
        assert _relative(lhs(point), rhs(point)) > mpmath.mpf("1e-6")


@pytest.mark.parametrize("claim", sorted(REFUTED))
def test_reported_ratio_matches_independent_ratio(paper, ledger, point, claim):
    """The engine's exact lhs/rhs equals the independent mpmath ratio to 30 digits."""
    lhs, rhs = REFUTED[claim]
    with mpmath.workdps(DPS):
        expected = lhs(point) / rhs(point)
        reported = _engine_ratio(paper, ledger[f"{KEY}:{claim}"].outcome.evidence.shown().ratio, point)
        assert _relative(reported, expected) < mpmath.mpf("1e-30")


@pytest.mark.parametrize("claim", ["table3:th", "table3:pht", "table3:phn", "table3:pht.same_row"])
def test_dimension_mismatch_is_reported(ledger, claim):
    """A refuted row whose sides differ in dimension reports both dimensions."""
    ev = ledger[f"{KEY}:{claim}"].outcome.evidence
    assert ev.lhs_dimension is not None and ev.lhs_dimension != ev.rhs_dimension


@pytest.mark.parametrize("claim", sorted(TRUE))
def test_true_statement_agrees_independently(ledger, point, claim):
    """Independent mpmath evaluation of a true statement agrees to 30 digits, and the engine proves it."""
    lhs, rhs = TRUE[claim]
    with mpmath.workdps(DPS):
        assert _relative(lhs(point), rhs(point)) < mpmath.mpf("1e-30")
    assert ledger[f"{KEY}:{claim}"].outcome.verdict is Verdict.HOLDS


def test_true_claims_are_proven_and_confirmed(ledger):
    """Every passing symbolic claim has a proof and a numeric confirmation at >= 30 digits."""
    symbolic = {"equality", "equality-iff", "limit", "independence", "inequality", "derivation"}
    weak = [i for i, e in ledger.items() if e.outcome.passed and e.claim.kind.value in symbolic
            and not (e.outcome.evidence.numeric_points > 0 or "check" in e.outcome.evidence.reason)]
    assert weak == []


@pytest.mark.parametrize(
    ("claim", "conditions"),
    [
        ("eq2.thermal", {"classical_statistics"}),
        ("eq3.poisson", {"classical_statistics"}),
        ("eq8.transit", {"quantum", "single_mode"}),
        ("eq13", {"quantum", "ballistic", "single_mode"}),
        ("eq16", {"quantum", "ballistic", "single_mode"}),
        ("eq20", {"quantum"}),
        ("eq21", {"ballistic"}),
        ("eq22.classical", {"ballistic", "single_mode"}),
        ("eq24", {"quantum", "single_mode"}),
        ("table1:quantum_ballistic", {"quantum", "ballistic"}),
        ("table2:pht.D", {"ballistic", "motion_along_x"}),
        ("table2:phn.D", {"ballistic", "motion_along_x"}),
        ("table2:em.D", {"ballistic", "motion_along_x"}),
        ("table1:relativistic_ballistic", {"ballistic", "motion_along_x"}),
    ],
)
def test_holds_under_names_the_needed_conditions(ledger, claim, conditions):
    """The engine finds exactly the stated assumptions each conditional identity needs."""
    outcome = ledger[f"{KEY}:{claim}"].outcome
    assert (outcome.verdict, {c.split(":")[0] for c in outcome.evidence.conditions}) == (
        Verdict.HOLDS_UNDER, conditions)


@pytest.mark.parametrize(("claim", "verdict", "conditions"), [
    ("eq5", Verdict.DEFINITION, set()),
    ("eq5.bound", Verdict.POSTULATE, {"transmission_bound"}),
    ("eq6", Verdict.DEFINITION, set()),
    ("eq7", Verdict.POSTULATE, {"quantum"}),
])
def test_the_papers_premises_are_premises(ledger, claim, verdict, conditions):
    """Gamma = l/L and l = v tau are definitions; Gamma <= 1 and h_s <= h restate the stated assumption they need."""
    outcome = ledger[f"{KEY}:{claim}"].outcome
    assert (outcome.verdict, {c.split(":")[0] for c in outcome.evidence.conditions}) == (verdict, conditions)


@pytest.mark.parametrize(("carrier", "kelvin", "mobility"), [
    ("electrons", 77, 1.6e-2), ("holes", 77, 0.61e-2), ("electrons", 300, 3.5e-3), ("holes", 300, 1.5e-3)])
def test_si_diffusion_data_imply_their_einstein_mobilities(ledger, carrier, kelvin, mobility):
    """Each quoted Si diffusion coefficient is data, and its Einstein mobility e D/(k_B T) is computed from CODATA."""
    outcome = ledger[f"{KEY}:eq21.si.{carrier}_{kelvin}K"].outcome
    expected = mobility * 1.602176634e-19 / (1.380649e-23 * kelvin)
    assert outcome.verdict is Verdict.DATA and f"= {expected:.6g} m^2/(V s)" in outcome.evidence.reason


@pytest.mark.parametrize("fano", ["1", "2"])
def test_eq2_needs_poisson_statistics(point, fano):
    """m v' L = k_B T L / v' with v'^2 = k_B T/(m F) holds at F = 1 and fails at F = 2."""
    with mpmath.workdps(DPS):
        v = {**point, "fano": mpmath.mpf(fano)}
        speed = mpmath.sqrt(v["k_B"] * v["T"] / (v["m"] * v["fano"]))
        gap = _relative(v["m"] * speed * v["L"], v["k_B"] * v["T"] * v["L"] / speed)
        assert (gap < mpmath.mpf("1e-30")) is (fano == "1")


def test_eq18_photon_number_by_quadrature(point):
    """Eq. (18) equals L^3 times the integral of the Planck photon density, by mpmath quadrature."""
    with mpmath.workdps(30):
        v = point
        hbar = v["h"] / (2 * mpmath.pi)
        density = mpmath.quad(lambda w: w**2 / (mpmath.exp(hbar * w / (v["k_B"] * v["T"])) - 1), [0, 1, 10, mpmath.inf])
        integral = v["L"]**3 * density / (mpmath.pi**2 * v["c"]**3)
        assert _relative(integral, n_photon_18(v)) < mpmath.mpf("1e-20")


@pytest.mark.parametrize(
    ("claim", "value", "printed"),
    [
        ("eq14", lambda: mpmath.mpf("9.1093837139e-31")**2 / mpmath.mpf("6.62607015e-34"), "1.25e-27"),
        ("eq21.electron", lambda: mpmath.mpf("6.62607015e-34") / mpmath.mpf("9.1093837139e-31"), "7.3e-4"),
        ("eq10.value", lambda: 1 / mpmath.mpf("7.2973525643e-3"), "137"),
    ],
)
def test_printed_values_round_from_codata(ledger, claim, value, printed):
    """The electron values and 1/alpha of the text round to the printed digits (CODATA 2022 typed here)."""
    half_unit = mpmath.mpf(5) * mpmath.mpf(10) ** (Decimal(printed).as_tuple().exponent - 1)
    assert abs(value() - mpmath.mpf(printed)) <= half_unit
    assert ledger[f"{KEY}:{claim}"].outcome.verdict is Verdict.HOLDS


def test_eq16_lorenz_number_is_the_degenerate_limit(paper, ledger):
    """pi^2/3 is proven as the limit eta -> oo of one channel's window variance, a claim that names
    degenerate statistics."""
    claim, outcome = paper.claim(f"{KEY}:eq16.degenerate"), ledger[f"{KEY}:eq16.degenerate"].outcome
    assert (claim.var.name, claim.point, claim.value, outcome.verdict) == ("eta", sympy.oo, sympy.pi**2 / 3,
                                                                           Verdict.HOLDS)
    assert "degenerate statistics" in claim.where and outcome.evidence.numeric_points > 0


@pytest.mark.parametrize(("eta", "degenerate"), [(0, False), (2, False), (60, True)])
def test_eq16_needs_degenerate_statistics(eta, degenerate):
    """By quadrature the window variance is pi^2/3 (to 20 digits) only far above the band bottom."""
    with mpmath.workdps(DPS):
        assert (abs(fermi_window_variance(eta) - mpmath.pi**2 / 3) < mpmath.mpf("1e-20")) is degenerate
