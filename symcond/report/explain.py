"""Step-by-step explanations of a claim: what was compared, how, and why the verdict is what it is.

:func:`explain` decides a claim in its paper's context and collects, for a derivation, each
step's expression, rule and own check (:func:`~symcond.prove.derivation.check_steps`),
and for any claim the two sides with their SI dimensions, the exact factor, residual and
numeric counterexample of a refutation.  :class:`Explanation` renders as text (pretty
printed or LaTeX expressions) and as Markdown (Jupyter shows it directly).

>>> from symcond.model.paper import Paper
>>> paper = Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", 2 * e**2 / h, e**2 / h, where="Eq. (1)")
>>> text = explain(paper, claim).text(latex=True)
>>> print("\\n".join(text.splitlines()[:4]))
demo2026:eq1  (Eq. (1))  equality
  statement: \\frac{2 e^{2}}{h} = \\frac{e^{2}}{h}
  verdict: fails -- the sides differ by the constant factor lhs/rhs = 2
    exact factor lhs/rhs: 2
>>> print("\\n".join(text.splitlines()[-5:]))
  lhs  [SI: S = kg^-1 m^-2 s^3 A^2]
      \\frac{2 e^{2}}{h}
<BLANKLINE>
  rhs  [SI: S = kg^-1 m^-2 s^3 A^2]
      \\frac{e^{2}}{h}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sympy

from symcond.errors import DefinitionError, DimensionError
from symcond.ledger import workers
from symcond.ledger.run import CLAIM_BUDGET
from symcond.model.claims import Claim, ClaimKind
from symcond.model.context import Context
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.verdict import Outcome, Verdict
from symcond.prove import decide
from symcond.prove.derivation import check_steps
from symcond.prove.solver_claims import RUNS_MARK
from symcond.report.plain import latex_plain
from symcond.usercode import reported

__all__ = ["Expression", "StepCheck", "Explanation", "explain", "resolve_claim", "dimension_text", "step_status",
           "latex_of"]


def dimension_text(ctx: Context, expr: sympy.Expr) -> str:
    """The SI dimension of ``expr`` as ``'S = kg^-1 m^-2 s^3 A^2'``, or why it is not known.

    >>> import sympy
    >>> from symcond.model.context import Context
    >>> ctx = Context()
    >>> e, h = ctx.registry.symbols("e h")
    >>> dimension_text(ctx, e**2 / h)
    'S = kg^-1 m^-2 s^3 A^2'
    >>> dimension_text(ctx, e + h)
    'inconsistent: cannot add e (s A) and h (kg m^2 s^-1)'
    """
    try:
        dim = ctx.dimension(expr)
        dim = dim if dim is not None else ctx.dimension(ctx.prepare(expr))
    except DimensionError as exc:
        return f"inconsistent: {exc}"
    if dim is None:
        return "unknown (a symbol has no declared dimension)"
    named, base = dim.unit_name(), str(dim)
    return base if named == base or dim.is_dimensionless else f"{named} = {base}"


@dataclass(frozen=True)
class Expression:
    """One labelled expression of an explanation with its SI dimension (text)."""

    label: str
    expr: sympy.Expr
    dimension: str
    prepared: sympy.Expr | None = None


@dataclass(frozen=True)
class StepCheck:
    """One derivation step: its expression, the rule that produced it and the step's own outcome."""

    index: int
    expression: Expression
    rule: str
    outcome: Outcome
    note: str = ""


@dataclass(frozen=True)
class Explanation:
    """Everything :func:`explain` found out about one claim."""

    paper: Paper
    claim: Claim
    outcome: Outcome
    expressions: tuple[Expression, ...]
    steps: tuple[StepCheck, ...] = ()

    def text(self, latex: bool = False) -> str:
        """Plain text; expressions pretty-printed (unicode) or as LaTeX source."""
        return _text(self, latex)

    def markdown(self) -> str:
        """Markdown with ``$...$`` math, for notebooks and reports."""
        return _markdown(self)

    def _repr_markdown_(self) -> str:
        return self.markdown()


def _labels(claim: Claim) -> tuple[str, ...]:
    kind = claim.kind
    if kind in (ClaimKind.LIMIT, ClaimKind.ASYMPTOTIC):
        var, point = claim.var, claim.point  # type: ignore[attr-defined]
        return "expression", f"stated value as {var} -> {point}"
    if kind is ClaimKind.VALUE:
        return "expression", "stated value"
    if kind in (ClaimKind.INDEPENDENCE, ClaimKind.DIMENSION):
        return ("expression",)
    if kind is ClaimKind.KINETIC:
        return "tau_in/tau_in0 (one per law pair)", "tau_el/tau_el0 (one per law pair)"
    return "lhs", "rhs"


def _side(ctx: Context, label: str, expr: sympy.Expr) -> Expression:
    prepared = ctx.prepare(expr)
    return Expression(label, expr, dimension_text(ctx, expr), None if prepared == expr else prepared)


def _steps(derivation: Derivation, ctx: Context, outcomes: Sequence[Outcome]) -> tuple[StepCheck, ...]:
    return tuple(StepCheck(i, Expression(f"step {i}", step.expr, dimension_text(ctx, step.expr)),
                           step.rule.describe(), outcome, step.note)
                 for i, (step, outcome) in enumerate(zip(derivation.steps, outcomes, strict=True), start=1))


def _decided(paper: Paper, claim: Claim, ctx: Context) -> tuple[Outcome, list[Outcome]]:
    """The claim's outcome and, for a derivation, each step's; in a worker with a hard limit."""

    def work() -> tuple[Outcome, list[Outcome]]:
        with reported(f"while checking the steps of {claim.id}"):
            steps = check_steps(claim, ctx) if isinstance(claim, Derivation) else []
        return decide(claim, paper), steps

    result = workers.run_one(work, CLAIM_BUDGET)
    if result.status is workers.Status.DONE:
        return result.value  # type: ignore[no-any-return]
    outcome = workers.as_outcome(result, f"claim {claim.id}")
    return outcome, [outcome] * (len(claim.steps) if isinstance(claim, Derivation) else 0)


def explain(paper: Paper, claim: Claim) -> Explanation:
    """Decide ``claim`` in ``paper``'s context and collect the evidence behind the verdict.

    The claim is decided in a worker process stopped after
    :data:`~symcond.ledger.run.CLAIM_BUDGET` seconds (then ``undecided``, naming the stage).

    Parameters
    ----------
    paper : Paper
        The paper the claim belongs to (its registry gives the SI dimensions).
    claim : Claim
        The claim to explain; a derivation's steps are each checked on their own.

    Returns
    -------
    Explanation
        Sides or steps with their SI dimensions, the outcome and its evidence.
    """
    ctx = paper.context(claim)
    outcome, step_outcomes = _decided(paper, claim, ctx)
    if isinstance(claim, Derivation):
        start = Expression("start", claim.start, dimension_text(ctx, claim.start))
        return Explanation(paper, claim, outcome, (start,), _steps(claim, ctx, step_outcomes))
    exprs = tuple(_side(ctx, label, side) for label, side in zip(_labels(claim), claim.sides(), strict=False))
    return Explanation(paper, claim, outcome, exprs)


def _close_ids(ids: Sequence[str], wanted: str) -> list[str]:
    prefixed = [i for i in ids if i.startswith(wanted)]
    local = {i.partition(":")[2]: i for i in ids}
    near = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.6)
    near += [local[m] for m in difflib.get_close_matches(wanted, list(local), n=3, cutoff=0.6)]
    return list(dict.fromkeys(prefixed[:3] + near))[:3]


def resolve_claim(papers: Iterable[Paper], wanted: str) -> tuple[Paper, Claim]:
    """The claim with the full id ``wanted``, or the only one whose local id (after ``key:``) is ``wanted``.

    Raises
    ------
    DefinitionError
        When no claim matches (the one-line message names up to three close ids) or a local
        id is ambiguous (the message names the candidates).

    Examples
    --------
    >>> from symcond.model.paper import Paper
    >>> paper = Paper("demo2026")
    >>> e, h = paper.symbols("e h")
    >>> _ = paper.equality("eq12", e**2 / h, e**2 / h)
    >>> resolve_claim([paper], "eq12")[1].id
    'demo2026:eq12'
    >>> resolve_claim([paper], "demo2026:eq21")
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: no claim with id 'demo2026:eq21'; did you mean demo2026:eq12?
    """
    everything = [(p, c) for p in papers for c in p]
    exact = [(p, c) for p, c in everything if c.id == wanted]
    local = [(p, c) for p, c in everything if c.id.partition(":")[2] == wanted]
    if exact or len(local) == 1:
        return (exact or local)[0]
    if local:
        raise DefinitionError(f"claim id {wanted!r} is ambiguous: {', '.join(c.id for _, c in local)}")
    near = _close_ids([c.id for _, c in everything], wanted)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise DefinitionError(f"no claim with id {wanted!r}{hint}")


def step_status(outcome: Outcome) -> str:
    """One line for a step's own check: ``passed``, ``passed under ...``, ``FAILS ...`` or ``undecided ...``.

    >>> from symcond.model.verdict import Evidence
    >>> step_status(Outcome(Verdict.FAILS, Evidence(ratio=sympy.Integer(2), reason="sides differ")))
    'FAILS: sides differ; ratio stated/expected = 2'
    """
    ev, shown = outcome.evidence, outcome.evidence.shown()
    if outcome.verdict is Verdict.HOLDS:
        return "passed"
    if outcome.verdict is Verdict.HOLDS_UNDER:
        return f"passed under {', '.join(ev.conditions)}"
    extra = "".join(f"; {name} = {value}" for name, value in (("ratio stated/expected", shown.ratio),
                                                             ("residual", shown.residual)) if value)
    head = "FAILS" if outcome.verdict is Verdict.FAILS else "undecided"
    return f"{head}: {' '.join(ev.reason.split())}{extra}"


# --- rendering -----------------------------------------------------------------------------------
def _verdict_lines(ex: Explanation) -> list[str]:
    ev, verdict, shown = ex.outcome.evidence, ex.outcome.verdict, ex.outcome.evidence.shown()
    reason, _, runs = ev.reason.partition(RUNS_MARK)  # a solver-backed claim lists its runs after the mark
    lines = [f"verdict: {verdict.value} -- {' '.join(reason.split())}"]
    kinetic = ex.claim.kind is ClaimKind.KINETIC
    if verdict is Verdict.FAILS and not kinetic:
        lines += [f"  exact factor lhs/rhs: {shown.ratio}"] if shown.ratio else []
        lines += [f"  residual lhs - rhs: {shown.residual}"] if shown.residual else []
    lines += [f"  conditions used: {', '.join(ev.conditions)}"] if ev.conditions else []
    if shown.counterexample:
        without = verdict is not Verdict.FAILS and ev.conditions
        label = "counterexample without them" if without else "numeric counterexample"
        lines.append(f"  {label}: {shown.point_text()}")
    label = "worst measured deviation" if kinetic else "datum in SI" if verdict is Verdict.DATA else "evaluated value"
    lines += [f"  {label}: {shown.value}"] if shown.value else []
    if kinetic and runs:
        lines += [f"  worst deviation / tolerance: {shown.ratio}"] if shown.ratio else []
        lines += ["  solver runs (measured deviation vs tolerance from the solver's error estimate):"]
        lines += [f"    {run}" for run in runs.split("; ")]
    lines += [f"  first broken step: {ev.step}"] if ev.step else []
    expect = ex.claim.expect
    lines += [f"erratum recorded: {expect.note}"] if expect.note else []
    status = "as expected" if expect.met_by(verdict) else "UNEXPECTED"
    lines.append(f"expected: {' or '.join(sorted(v.value for v in expect.verdicts))} ({status})")
    return lines


def latex_of(paper: Paper, expr: sympy.Expr) -> str:
    """LaTeX of ``expr`` with the paper's own symbol names (``m^*`` for ``m_star``)."""
    return sympy.latex(expr, symbol_names={q.symbol: q.latex for q in paper.registry})


def _expr_lines(ex: Explanation, expr: sympy.Expr, latex: bool) -> list[str]:
    shown = latex_of(ex.paper, expr) if latex else sympy.pretty(expr, use_unicode=True, num_columns=100)
    return ["      " + line for line in shown.splitlines()]


def _context_lines(ex: Explanation) -> list[str]:
    lines = []
    if ex.claim.givens:
        lines.append("givens: " + ", ".join(f"{k} = {sympy.sstr(v)}" for k, v in ex.claim.givens.items()))
    assumptions = ex.paper.context(ex.claim).assumptions
    if assumptions:
        lines.append("stated assumptions available: " + "; ".join(str(a) for a in assumptions))
    return lines


def _text(ex: Explanation, latex: bool) -> str:
    claim = ex.claim
    statement = claim.statement if latex or "\\" not in claim.statement else latex_plain(claim.statement)
    lines = [f"{claim.id}  ({claim.where})  {claim.kind.value}", f"  statement: {statement}"]
    lines += ["  " + line for line in _verdict_lines(ex) + _context_lines(ex)]
    for item in ex.expressions:
        lines += ["", f"  {item.label}  [SI: {item.dimension}]", *_expr_lines(ex, item.expr, latex)]
        if item.prepared is not None:
            lines += ["    with givens and definitions substituted:", *_expr_lines(ex, item.prepared, latex)]
    for step in ex.steps:
        note = f"  ({step.note})" if step.note else ""
        lines += ["", f"  step {step.index}: {step.rule}{note}  [SI: {step.expression.dimension}]",
                  f"    check: {step_status(step.outcome)}", *_expr_lines(ex, step.expression.expr, latex)]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _cell_math(ex: Explanation, expr: sympy.Expr) -> str:
    """LaTeX for a Markdown table cell: a ``|`` would end the cell, ``\\vert`` does not."""
    return latex_of(ex.paper, expr).replace("|", r"\vert ")


def _markdown(ex: Explanation) -> str:
    claim = ex.claim
    lines = [f"**{_md(claim.id)}** ({_md(claim.where)}, {claim.kind.value}): **{ex.outcome.verdict.value}**", ""]
    lines += [f"- {_md(line.strip())}" for line in _verdict_lines(ex)]
    lines += ["", "| | expression | SI dimension | rule | check |", "|---|---|---|---|---|"]
    for item in ex.expressions:
        lines.append(f"| {item.label} | ${_cell_math(ex, item.expr)}$ | {_md(item.dimension)} | | |")
        if item.prepared is not None:
            shown = _cell_math(ex, item.prepared)
            lines.append(f"| {item.label}, substituted | ${shown}$ | | givens and definitions | |")
    for step in ex.steps:
        expr = _cell_math(ex, step.expression.expr)
        lines.append(f"| {step.index} | ${expr}$ | {_md(step.expression.dimension)} | {_md(step.rule)} | "
                     f"{_md(step_status(step.outcome))} |")
    return "\n".join(lines)
