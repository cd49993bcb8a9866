"""The HTML ledger: one self-contained page, a row per claim, MathML, escaped claim text, a real screenshot."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pytest
import sympy

from symcond import Expect, Paper, Rewrite, Step, Substitute
from symcond.ledger.run import verify
from symcond.report.html import html_ledger, step_checks
from symcond.report.html_assets import BADGE_COLOURS
from symcond.report.html_math import claim_mathml, sanitise
from symcond.report.ledger_formats import render_ledger

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted"'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"),
                                    reason="chromium missing (not on CI); .ci/system-deps installs it")


@pytest.fixture(scope="module")
def small_ledger():
    """A small ledger: a holding equality, a refuted one, a derivation with a broken step, an inequality,
    and claim text (location, statement, erratum) and a symbol name full of HTML."""
    paper = Paper("html2026", title=f"Tags {HOSTILE}", reference="R&D <b>lab</b>")
    e, h, tau_in, tau_el = paper.symbols("e h tau_in tau_el")
    evil = sympy.Symbol('<img src=x onerror="alert(2)">', positive=True)
    paper.equality("eq1", e**2 / h, e**2 / h, where=HOSTILE, statement=HOSTILE)
    paper.equality("eq2", 2 * e**2 / h, e**2 / h, where="Eq. (2)", expect=Expect.refuted("factor 2 " + HOSTILE))
    paper.derivation("eq3", e**2 / h * (tau_in + tau_el) / tau_in,
                     Step(e**2 / h * (1 + tau_el / tau_in), Rewrite()),
                     Step(2 * e**2 / h, Substitute({tau_el: tau_in}), note="equal times"), where="Eq. (3)")
    paper.inequality("eq4", tau_in, tau_in + tau_el, relation="<=", where="Eq. (4)")
    paper.equality("eq5", evil + 1, 1 + evil, where="Eq. (5)")
    return verify([paper])


@pytest.fixture(scope="module")
def small_page(small_ledger):
    """The small ledger's page, with each derivation step's own check."""
    return html_ledger(small_ledger, step_checks(small_ledger))


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of script elements."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parsed(page):
    parser = _Tags()
    parser.feed(page)
    return parser


def test_one_row_per_claim_with_badge_and_mathml(small_ledger, small_page):
    """Each claim has one element data-claim="paper:id" holding its verdict badge and a MathML statement."""
    rows = [attrs for tag, attrs in _parsed(small_page).tags if "data-claim" in attrs]
    assert [r["data-claim"] for r in rows] == [e.claim.id for e in small_ledger.entries]
    assert [r["data-verdict"] for r in rows] == [e.outcome.verdict.value for e in small_ledger.entries]
    for entry, chunk in zip(small_ledger.entries, small_page.split("<tr data-claim=")[1:], strict=True):
        verdict = entry.outcome.verdict.value
        assert f'<span class="badge v-{verdict}">{verdict}</span>' in chunk
        assert '<math displaystyle="true">' in chunk


def test_refutation_shows_exact_ratio_and_dimensions(small_page):
    """The refuted eq2 shows its exact ratio 2 as MathML, the erratum, and both sides' SI dimension with exponents."""
    row = small_page.split('data-claim="html2026:eq2"')[1].split("</tr>")[0]
    assert "<dt>exact ratio lhs/rhs</dt><dd><math><mn>2</mn></math></dd>" in row
    assert "S (siemens) = kg<sup>−1</sup> m<sup>−2</sup> s<sup>3</sup> A<sup>2</sup>" in row
    assert "erratum recorded" in row and "fails" in row


def test_derivation_steps_with_their_own_checks_behind_a_disclosure(small_page):
    """eq3's steps are in a <details>: step 1 passed, step 2 (tau_el = tau_in substituted) also passed,
    each with its rule; the step's note is shown."""
    row = small_page.split('data-claim="html2026:eq3"')[1].split("</tr>\n")[0]
    details = row[row.index("<details>"):row.index("</details>")]
    assert "derivation: 2 steps, each checked on its own" in details
    assert details.count('class="step-ok">passed') + details.count("passed under") == 2
    assert "algebraic rewrite" in details and "(equal times)" in details


def test_claim_text_is_escaped_everywhere(small_page):
    """No tag or attribute from claim text or symbol names reaches the page: one script (ours), no event handlers,
    the hostile text shown escaped."""
    parsed = _parsed(small_page)
    assert [t for t, _ in parsed.tags].count("script") == 1 and "alert" not in "".join(parsed.scripts)
    assert not [(t, a) for t, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert not [t for t, _ in parsed.tags if t in ("img", "b", "iframe", "object")]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in small_page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in small_page


def test_page_is_self_contained(small_page):
    """Nothing is fetched: no external stylesheet, script source or http(s) address."""
    assert not re.search(r"<link|<script src|https?://|@import|url\(", small_page)


def test_sanitise_keeps_mathml_and_escapes_anything_else():
    """Known MathML elements pass; other tags, attributes with handlers, and a closing </math> become text."""
    assert sanitise("<mrow><mi>x</mi></mrow>") == "<mrow><mi>x</mi></mrow>"
    assert sanitise('<mi onmouseover="a()">x</mi>') == "&lt;mi onmouseover=&quot;a()&quot;&gt;x</mi>"
    assert sanitise("</math><script>") == "&lt;/math&gt;&lt;script&gt;"


def test_claim_mathml_uses_registry_names_and_relations():
    """m_star prints as m with a star superscript, tau_in as tau with subscript in; <= as a relation sign."""
    paper = Paper("names2026")
    m_star, tau_in, tau = paper.symbols("m_star tau_in tau")
    paper.inequality("eq1", tau / m_star, tau_in, relation="<=")
    from symcond.report.html_math import display_names

    math = claim_mathml(next(iter(paper)), display_names(paper))
    assert "<msup><mi>m</mi><mi>*</mi></msup>" in math and "<msub><mi>τ</mi><mi>in</mi></msub>" in math
    assert "<mo>≤</mo>" in math


def _chromium(tmp_path, page, *, size="1400,2000", dom=False, fragment=""):
    """Render ``page`` in headless Chromium: a PNG screenshot (or the DOM after scripts ran)."""
    assert CHROMIUM, "chromium is not installed; run .ci/system-deps"
    source = tmp_path / "ledger.html"
    source.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--window-size={size}"]
    png = tmp_path / "ledger.png"
    flags += ["--dump-dom"] if dom else [f"--screenshot={png}"]
    done = subprocess.run([*flags, source.as_uri() + fragment], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout if dom else png


def _pixels_near(image, hex_colour, tolerance=12):
    target = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
    return int((np.abs(image[..., :3] * 255.0 - target).max(axis=-1) <= tolerance).sum())


@needs_chromium
def test_bundled_ledger_renders_in_chromium(bundled_ledger, tmp_path):
    """The real ledger as HTML (steps checked, figures drawn) renders to a PNG that is not blank and shows
    the holds and fails badges in their colours; every claim has its row and the figure is embedded."""
    import matplotlib.image

    page = render_ledger(bundled_ledger, "html")
    assert all(f'data-claim="{e.claim.id}"' in page for e in bundled_ledger.entries)
    assert page.count('<img src="data:image/svg+xml;base64,') >= 1
    image = matplotlib.image.imread(_chromium(tmp_path, page))
    assert image.shape[:2] == (2000, 1400)
    ink = (image[..., :3].min(axis=-1) < 0.9).mean()
    assert ink > 0.03, f"the screenshot is nearly blank ({ink:.1%} non-white)"
    for verdict in ("holds", "fails", "holds-under"):
        assert _pixels_near(image, BADGE_COLOURS[verdict]) > 100, f"no {verdict} badge colour in the screenshot"


@needs_chromium
def test_filters_hide_rows_in_chromium(small_ledger, small_page, tmp_path):
    """With every verdict but fails unticked (from the address), only the refuted rows are counted as shown."""
    fails = sum(e.outcome.verdict.value == "fails" for e in small_ledger.entries)
    dom = _chromium(tmp_path, small_page, dom=True, fragment="#v-holds%2Cv-holds-under%2Cv-undecided||")
    assert f"{fails} of {len(small_ledger.entries)} claims shown" in dom and 0 < fails < len(small_ledger.entries)
    dom = _chromium(tmp_path, small_page, dom=True)
    assert f"{len(small_ledger.entries)} of {len(small_ledger.entries)} claims shown" in dom


def test_counterexample_shows_codata_values_with_units(small_page):
    """The refuted eq2's counterexample has e and h at their CODATA values with their SI units (issue 18.3)."""
    row = small_page.split('data-claim="html2026:eq2"')[1].split("</tr>")[0]
    assert "<code>1.602176634e-19</code> C (CODATA)" in row and "<code>6.62607015e-34</code> J s (CODATA)" in row


def test_readme_shows_a_small_screenshot_of_the_html_ledger():
    """README's 'What the ledger says' shows docs/ledger.png, a PNG under 300 KB (issue 18: a cropped screenshot)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = root.joinpath("README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## What the ledger says"):readme.index("<!-- ledger-summary -->")]
    image = root / "docs" / "ledger.png"
    assert "](docs/ledger.png)" in section
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size < 300_000
