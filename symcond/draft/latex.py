"""LaTeX math to tokens: the lexer of the draft grammar (:mod:`symcond.draft.grammar`).

Scripts are first put in one form (:mod:`symcond.draft.scripts`: primes, subscript first).
Spacing, ``\\left``/``\\right`` and sizing commands are dropped; a symbol with its subscript,
label-like superscript (``G^{qp}``, ``G^{e,th}``, ``m^*``, ``E^0``), accent (``\\overline{N_e}``) and
primes becomes one ``NAME`` token whose value is a key ``base|sub|sup|accent`` (``k_{\\rm B}`` and
``k_\\mathrm{B}`` both give ``k|B||``); the average of a power is one name too (``\\overline{v_x'^2}``
gives ``v|x|p|bar^2``).  Any other superscript is a power (``CARET``); one letter over a symbol,
``G^{m}``, is decided by the grammar from the whole document (:mod:`symcond.draft.labels`).

>>> [(t.type, t.value) for t in tokenize(r"\\frac{k_{\\rm B}T}{2}")]  # doctest: +NORMALIZE_WHITESPACE
[('FRAC', '\\\\frac'), ('LBRACE', '{'), ('NAME', 'k|B||'), ('NAME', 'T|||'), ('RBRACE', '}'),
 ('LBRACE', '{'), ('NUMBER', '2'), ('RBRACE', '}')]
>>> [t.value for t in tokenize(r"G^{qp}\\,\\overline{N}'")]
['G||qp|', 'N||p|bar']
"""

from __future__ import annotations

import re

from lark import Token

from symcond.draft.scripts import group, normalize_scripts
from symcond.errors import ParseError

__all__ = ["GREEK", "FUNCTIONS", "RELATIONS", "function_head", "label_text", "tokenize"]

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho "
    "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi "
    "Psi Omega ell hbar".split())
#: Commands applied to an argument, and the SymPy function name.
FUNCTIONS = {"exp": "exp", "ln": "log", "log": "log", "sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh",
             "cosh": "cosh", "tanh": "tanh", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
             "erf": "erf", "erfc": "erfc"}
#: Greek letters that are functions when an opening parenthesis follows them.
_GREEK_FUNCTIONS = {"zeta": "zeta", "Gamma": "gamma"}
#: Relation commands and characters -> relation kind.
RELATIONS = {"=": "=", "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=", r"\ge": ">=",
             r"\geq": ">=", r"\geqslant": ">=", r"\approx": "~", r"\simeq": "~", r"\equiv": ":=", r"\coloneqq": ":=",
             r"\sim": "sim", r"\propto": "propto", r"\to": "to", r"\rightarrow": "to", r"\ne": "!=",
             r"\neq": "!=", r"\ll": "<<", r"\gg": ">>", r"\lesssim": "<~", r"\gtrsim": ">~"}
_DROP = frozenset([*(r"\, \; \: \! \quad \qquad \displaystyle \textstyle \left \right \big \Big \bigg \Bigg \bigl "
                     r"\bigr \Bigl \Bigr \biggl \biggr \nonumber \notag \limits ~ &").split(), "\\ "])
_ACCENTS = {"overline": "bar", "bar": "bar", "hat": "hat", "widehat": "hat", "tilde": "tilde", "widetilde": "tilde",
            "dot": "dot", "ddot": "ddot", "vec": "vec", "mathbf": "vec", "boldsymbol": "vec", "underline": "bar"}
_TEXT = frozenset("rm mathrm text textrm mathit it operatorname mathsf textit".split())
#: Operator names that appear as labels in subscripts (``\lambda_{\max}``).
_OPERATOR_LABELS = frozenset("max min sup inf lim det exp log ln".split())
_LABEL_SUPERSCRIPTS = {"*": "star", r"\ast": "star", r"\star": "star", r"\dagger": "dag", r"\prime": "p",
                       "'": "p", r"\circ": "o"}
_SINGLE = {"+": "PLUS", "-": "MINUS", "*": "CDOT", "/": "SLASH", "(": "LPAR", ")": "RPAR", "[": "LSQB",
           "]": "RSQB", "{": "LBRACE", "}": "RBRACE", "^": "CARET", ",": "COMMA", "|": "BAR"}
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")


def label_text(text: str) -> str:
    """A subscript or superscript as a label: text commands dropped, Greek letters by name.

    >>> label_text(r"\\rm B"), label_text(r"\\mathrm{e}"), label_text("in"), label_text(r"\\mu"), label_text(r"\\max")
    ('B', 'e', 'in', 'mu', 'max')
    """
    out = []
    for word in re.findall(r"\\[A-Za-z]+|[A-Za-z0-9]+|\S", text):
        name = word[1:]
        if (word.startswith("\\") and name in _TEXT) or word in "{}~" or word in _DROP:
            continue
        if word == ",":  # G^{e,th}: the comma stays, between two labels
            out.append(",")
        elif word in _LABEL_SUPERSCRIPTS:
            out.append(_LABEL_SUPERSCRIPTS[word])
        elif word.startswith("\\") and (name in GREEK or name == "infty"):
            out.append("inf" if name == "infty" else name)
        elif word.startswith("\\") and name in _OPERATOR_LABELS:  # \lambda_{\max}, T_{\min}
            out.append(name)
        elif word.isalnum():
            out.append(word)
        else:
            raise ParseError(f"cannot read {word!r} in the label {text!r}")
    return "".join(out)


def _is_label_superscript(content: str) -> bool:
    """``G^{qp}``, ``m^*``, ``f^{\\rm eq}``: a superscript naming, not raising to a power."""
    stripped = content.strip()
    if stripped in _LABEL_SUPERSCRIPTS or re.fullmatch(r"'+|\\prime+", stripped):
        return True
    if re.match(r"\\(rm|mathrm|text|textrm)\b", stripped) or stripped == "0":  # E^0: a label, never 1
        return True
    return bool(re.fullmatch(r"[A-Za-z]{2,}|[A-Za-z]+(\s*,\s*[A-Za-z]+)+", stripped))  # G^{qp}, G^{e,th}


def _name_key(base: str, text: str, i: int, sub: str = "", sup: str = "") -> tuple[str, int]:
    """Absorb the subscript, label superscripts and primes after a symbol into its key."""
    while i < len(text):
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        if j < len(text) and text[j] == "_" and not sub:
            content, i = group(text, j + 1)
            sub = label_text(content)
        elif j < len(text) and text[j] == "'":
            sup, i = sup + "p", j + 1
        elif j < len(text) and text[j] == "^":
            content, end = group(text, j + 1)
            if not _is_label_superscript(content) or base == "e":
                break
            sup, i = sup + label_text(content), end
        else:
            break
    return f"{base}|{sub}|{sup}", i


def _differential(text: str, i: int) -> tuple[str, int] | None:
    """The key of the variable of a differential ``dx`` / ``d\\nu`` whose ``d`` ends at ``i``, or None."""
    j = i
    while j < len(text) and text[j] == " ":
        j += 1
    if j < len(text) and text[j].isalpha():
        return _name_key(text[j], text, j + 1)
    found = _COMMAND.match(text, j)
    if found and found.group(1) in GREEK:
        return _name_key(found.group(1), text, found.end())
    return None


def _open_integrals(tokens: list[Token]) -> int:
    return sum(t.type == "INT" for t in tokens) - sum(t.type == "DIFF" for t in tokens)


def _integral(text: str, end: int, tokens: list[Token], functions: dict[str, tuple[str, ...]] | None) -> int:
    """``\\int_a^b``: INT and the two limits as brace groups; the index after the limits."""
    limits: dict[str, str] = {}
    while True:
        skipped = re.match(r"(?:\s|\\(?:no)?limits(?![A-Za-z])|\\[,;:!])*", text[end:])
        end += skipped.end() if skipped else 0
        if end < len(text) and text[end] in "_^" and text[end] not in limits:
            limits[text[end]], end = group(text, end + 1)
            continue
        break
    if set(limits) != {"_", "^"}:
        raise ParseError("an integral without both limits is not read")
    tokens.append(Token("INT", "\\int"))
    for script in "_^":
        tokens += [Token("LBRACE", "{"), *tokenize(limits[script], functions), Token("RBRACE", "}")]
    return end


def function_head(text: str) -> tuple[str, tuple[str, ...]] | None:
    """``u_\\nu(\\nu, T)``: the key of the function's symbol and the keys of its arguments, or None.

    >>> function_head(r"u_\\nu(\\nu, T)"), function_head("u(T)"), function_head("a(b + c)")
    (('u|nu||', ('nu|||', 'T|||')), ('u|||', ('T|||',)), None)
    """
    found = re.fullmatch(r"(.+?)\s*(?:\\left\s*)?\((.*)(?:\\right\s*)?\)\s*", text.strip(), re.S)
    if not found:
        return None
    try:
        head = tokenize(found.group(1))
        args = [tokenize(re.sub(r"\\right\s*\Z", "", a.strip())) for a in found.group(2).split(",")]
    except ParseError:
        return None
    if len(head) != 1 or head[0].type != "NAME" or any(len(a) != 1 or a[0].type != "NAME" for a in args):
        return None
    return str(head[0].value), tuple(str(a[0].value) for a in args)


def _functions_read(tokens: list[Token], functions: dict[str, tuple[str, ...]] | None) -> list[Token]:
    """``u(T)``: the symbol u when the paper defined ``u(T) = ...`` with these arguments; else ParseError."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        if tokens[k].type == "NAME" and k + 2 < len(tokens) and tokens[k + 1].type == "LPAR":
            args, j = [], k + 2
            while j + 1 < len(tokens) and tokens[j].type == "NAME" and tokens[j + 1].type in ("COMMA", "RPAR"):
                args.append(str(tokens[j].value))
                j += 2
                if tokens[j - 1].type == "RPAR":
                    break
            closed = bool(args) and tokens[j - 1].type == "RPAR"
            only_number = tokens[k + 2].type == "NUMBER" and k + 3 < len(tokens) and tokens[k + 3].type == "RPAR"
            if closed and functions and functions.get(str(tokens[k].value)) == tuple(args):
                out.append(tokens[k])  # u(T), defined as u(T) = ...: the symbol u
                k = j
                continue
            if closed or only_number:
                name = str(tokens[k].value).split("|")[0]
                raise ParseError(f"{name}(...) reads as a function of its argument, not drafted")
        out.append(tokens[k])
        k += 1
    return out


def tokenize(text: str, functions: dict[str, tuple[str, ...]] | None = None) -> list[Token]:
    """Tokens of one side of a relation (no relation symbols); ParseError names what is not read.

    ``functions`` maps the key of a symbol defined in function notation (``u(T) = ...``) to the
    keys of its arguments: ``u(T)`` with those arguments is then the symbol u.
    """
    tokens: list[Token] = []
    text, i = normalize_scripts(text), 0
    while i < len(text):
        ch = text[i]
        if ch.isspace() or ch in "&~":
            i += 1
            continue
        number = _NUMBER.match(text, i)
        if number:
            after_script = bool(tokens) and tokens[-1].type == "CARET" and text[i - 1] == "^"
            value = text[i] if after_script else number.group(0)  # x^23 is x^2 times 3
            tokens.append(Token("NUMBER", value))
            i += len(value)
            continue
        if ch == "d" and _open_integrals(tokens) > 0 and (diff := _differential(text, i + 1)) is not None:
            key, i = diff  # dx, d\nu: the differential closing the open integral
            tokens.append(Token("DIFF", key + "|"))
            continue
        if ch.isalpha():
            key, i = _name_key(ch, text, i + 1)
            tokens.append(Token("NAME", key + "|"))
            continue
        if ch == "\\":
            if re.match(r"\\int(?![A-Za-z])", text[i:]):
                i = _integral(text, i + 4, tokens, functions)
                continue
            i = _command(text, i, tokens)
            continue
        if ch == "'" and tokens and tokens[-1].type == "RPAR":
            raise ParseError("a prime after a parenthesis (a derivative) is not read")
        if ch in _SINGLE:
            tokens.append(Token(_SINGLE[ch], ch))
            i += 1
            continue
        raise ParseError(f"cannot read {ch!r}")
    if _open_integrals(tokens) > 0:
        raise ParseError("an integral without its differential (d x) at the end is not read")
    tokens = _functions_read(tokens, functions)
    return tokens


def _accented(content: str, accent: str, text: str, end: int) -> tuple[str, int]:
    """The key of ``\\overline{content}`` (and the primes and subscript after it) and the index after them.

    A name keeps its scripts (``\\overline{N_e}`` is ``N|e||bar``); the average of a power of a name is
    a symbol of its own (``\\overline{\\delta N^2}`` is ``delta N|||bar^2``, not a power of an average).
    """
    inner = label_text(content) if not re.search(r"[_^']", content) else ""
    if re.fullmatch(r"[A-Za-z]+", inner):
        key, end = _name_key(inner, text, end)
        return f"{key}|{accent}", end
    tokens = tokenize(content)
    kinds = [t.type for t in tokens]
    power = "".join(str(t.value) for t in tokens[kinds.index("CARET") + 1:]) if "CARET" in kinds else ""
    names = tokens[:kinds.index("CARET")] if power else tokens
    keys = [str(t.value).split("|") for t in names]
    if not names or any(t.type != "NAME" for t in names) or any(k[1:] != ["", "", ""] for k in keys[:-1]) or (
            power and not re.fullmatch(r"\{?\d+\}?", power)) or keys[-1][3]:
        raise ParseError(f"cannot read the accent over {content!r}")
    base, sub, sup = " ".join(k[0] for k in keys), keys[-1][1], keys[-1][2]
    if power:
        return f"{base}|{sub}|{sup}|{accent}^{power.strip('{}')}", end
    key, end = _name_key(base, text, end, sub, sup)
    return f"{key}|{accent}", end


def _command(text: str, i: int, tokens: list[Token]) -> int:
    """Tokens of the command at ``text[i]``; the index after it."""
    found = _COMMAND.match(text, i)
    assert found is not None
    word, name, end = found.group(0), found.group(1), found.end()
    if word in _DROP:
        if name in ("left", "right") and end < len(text) and text[end] == ".":
            end += 1  # \left. and \right. are invisible
        return end
    if word in (r"\{", r"\}", r"\lbrace", r"\rbrace"):
        tokens.append(Token("LPAR" if word in (r"\{", r"\lbrace") else "RPAR", word))
    elif name in ("frac", "dfrac", "tfrac", "cfrac"):
        tokens.append(Token("FRAC", word))
    elif name == "sqrt":
        tokens.append(Token("SQRT", word))
    elif name in ("cdot", "times"):
        tokens.append(Token("CDOT", word))
    elif name == "pi":
        tokens.append(Token("PI", word))
    elif name == "infty":
        tokens.append(Token("INF", word))
    elif name in FUNCTIONS:
        tokens.append(Token("FUNC", FUNCTIONS[name]))
    elif name in _GREEK_FUNCTIONS and re.match(r"\s*(\(|\\left\s*\()", text[end:]):
        tokens.append(Token("FUNC", _GREEK_FUNCTIONS[name]))
    elif name in GREEK:
        key, end = _name_key(name, text, end)
        tokens.append(Token("NAME", key + "|"))
    elif name in _ACCENTS:
        content, end = group(text, end)
        key, end = _accented(content, _ACCENTS[name], text, end)
        tokens.append(Token("NAME", key))
    elif name in _TEXT:
        content, end = group(text, end)
        inner = label_text(content)
        if inner == "e":
            tokens.append(Token("EULER", inner))
        elif inner == "d" and _open_integrals(tokens) > 0 and (diff := _differential(text, end)) is not None:
            key, end = diff  # \mathrm{d}x
            tokens.append(Token("DIFF", key + "|"))
        elif re.fullmatch(r"[A-Za-z]+", inner) and inner != "d":
            key, end = _name_key(inner, text, end)
            tokens.append(Token("NAME", key + "|"))
        else:
            raise ParseError(f"cannot read {word}{{{content}}}")
    else:
        raise ParseError(f"the command {word} is not read")
    return end
