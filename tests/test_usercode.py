"""Errors raised by a derivation file's own code after loading: named by file and claim, in one line."""

import textwrap

import pytest

from symcond.errors import DefinitionError, UserCodeError
from symcond.ledger.run import load_papers, verify
from symcond.usercode import MARK, describe, reported, user_error

#: A derivation file whose SymPy function cannot be printed, and one whose ``eval`` raises on numbers.
UNPRINTABLE = textwrap.dedent('''
    import sympy
    from symcond import Paper
    class Boom(sympy.Function):
        def _sympystr(self, printer):
            raise RuntimeError("no printing for you")
    paper = Paper("badstr")
    x = paper.declare("x", 1, "dimensionless")
    paper.equality("eq1", Boom(x), 2 * Boom(x))
''')
RAISING_EVAL = textwrap.dedent('''
    from sympy import Function
    from symcond import Paper
    paper = Paper("hostilefn")
    u = paper.declare("u", 1, "a number")
    w = paper.declare("w", 1, "another number")
    class F(Function):
        @classmethod
        def eval(cls, arg):
            if arg.is_Number:
                {action}
    paper.equality("eq1", F(u), w)
''')


def _paper(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return load_papers([path])


@pytest.mark.parametrize("jobs", [0, 1])
def test_a_print_method_that_raises_while_deciding_is_a_user_code_error(tmp_path, jobs):
    """A file's _sympystr raising while its claim is decided names the file and claim, in process or in a worker."""
    papers = _paper(tmp_path, "bad_str.py", UNPRINTABLE)
    with pytest.raises(UserCodeError) as caught:
        verify(papers, jobs=jobs)
    assert str(caught.value) == "bad_str.py: RuntimeError: no printing for you (while deciding badstr:eq1)"


@pytest.mark.parametrize("action, message", [
    ("raise ValueError('boom at decision time')", "ValueError: boom at decision time"),
    ("raise SystemExit(3)", "SystemExit: 3"),
])
def test_an_eval_that_raises_on_numbers_is_a_user_code_error(tmp_path, action, message):
    """An eval raising while the claim is evaluated numerically is reported, not taken for a failed evaluation."""
    papers = _paper(tmp_path, "hostilefn.py", RAISING_EVAL.format(action=action))
    with pytest.raises(UserCodeError) as caught:
        verify(papers, jobs=0)
    assert str(caught.value) == f"hostilefn.py: {message} (while deciding hostilefn:eq1)"


def test_errors_of_symcond_itself_pass_through_unchanged():
    """An exception raised where no derivation file's code runs is not blamed on a file."""
    with pytest.raises(ZeroDivisionError), reported("while deciding demo:eq1"):
        _ = 1 / 0


def test_symcond_errors_raised_under_user_code_keep_their_message():
    """A SymcondError keeps its own one-line message even when a derivation file's code is on the stack."""
    namespace = {MARK: "/tmp/mine.py", "DefinitionError": DefinitionError}
    exec("def f():\n    raise DefinitionError('bad symbol')", namespace)
    with pytest.raises(DefinitionError, match=r"^bad symbol$"), reported("while deciding demo:eq1"):
        namespace["f"]()


def test_user_error_names_the_innermost_file_on_the_traceback():
    """The file reported is the one whose code raised, not the first one on the stack."""
    outer, inner = {MARK: "/a/outer.py"}, {MARK: "/b/inner.py"}
    exec("def g():\n    raise KeyError('k')", inner)
    outer["g"] = inner["g"]
    exec("def f():\n    g()", outer)
    try:
        outer["f"]()
    except KeyError as exc:
        assert str(user_error(exc)) == "inner.py: KeyError: 'k'"


def test_an_exception_whose_message_cannot_be_printed_is_described():
    """describe survives an exception whose own __str__ raises."""
    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no")

    assert describe(Unprintable()) == "Unprintable: (its message cannot be printed)"
