"""Display math of a LaTeX or Markdown source: each line with its equation number and sentence.

LaTeX: ``equation``, ``align``, ``gather``, ``multline``, ``eqnarray`` (starred forms unnumbered),
``\\[...\\]`` and ``$$...$$`` (unnumbered); numbers follow the order of numbered lines unless a
``\\tag`` gives one; ``\\newcommand`` macros of the preamble are expanded.  Markdown: ``$$...$$``,
``\\[...\\]`` and ```` ```math ```` fences, numbered in order.

>>> text = r"Ohm's law \\begin{equation} V = R I \\label{eq:ohm} \\end{equation} holds."
>>> [(d.number, d.math, d.label) for d in displays(text)]
[('1', 'V = R I', 'eq:ohm')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Display", "displays", "expand_macros"]

_ENVIRONMENTS = "equation|align|gather|multline|eqnarray|flalign|alignat"
_BLOCK = re.compile(
    r"\\begin\{(?P<env>(?:" + _ENVIRONMENTS + r")\*?)\}(?:\{\d+\})?(?P<body>.*?)\\end\{(?P=env)\}"
    r"|\\\[(?P<bracket>.*?)\\\]|\$\$(?P<dollars>.*?)\$\$|^```math[ \t]*\n(?P<fence>.*?)^```", re.S | re.M)
_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*\{")
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+)\s*\{")


@dataclass(frozen=True)
class Display:
    """One line of display math.

    Attributes
    ----------
    math : str
        The LaTeX of the line (labels, tags and alignment marks removed).
    number : str or None
        The printed equation number (``"3"``, ``"3a"`` from ``\\tag``), None when unnumbered.
    label : str
        The ``\\label`` key, or "".
    sentence : str
        The text around the display, in one line.
    continued : bool
        The line starts with a relation (``&= ...``): it continues the previous line's chain.
    """

    math: str
    number: str | None
    label: str
    sentence: str
    continued: bool = False


def _braced(text: str, start: int) -> tuple[str, int]:
    """The content of the brace group opening at ``text[start - 1]`` and the index after it."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i], i + 1
    return text[start:], len(text)


def expand_macros(text: str) -> str:
    r"""``\newcommand`` and ``\def`` macros (with ``#1``..``#9`` arguments) expanded; definitions removed.

    >>> expand_macros(r"\newcommand{\kB}{k_{\rm B}}\newcommand{\avg}[1]{\overline{#1}} $\kB T \avg{N}$")
    ' $k_{\\rm B} T {\\overline{N}}$'
    """
    macros: dict[str, tuple[int, str]] = {}
    out, i = [], 0
    pattern = re.compile(_NEWCOMMAND.pattern + "|" + _DEF.pattern)
    for found in pattern.finditer(text):
        if found.start() < i:
            continue
        body, end = _braced(text, found.end())
        name = found.group(1) or found.group(3)
        macros[name] = (int(found.group(2) or 0), body)
        out.append(text[i:found.start()])
        i = end
    out.append(text[i:])
    result = "".join(out)
    for _ in range(5):  # macros using macros
        changed = False
        for name, (arity, body) in macros.items():
            call = re.compile(r"\\" + name + r"(?![A-Za-z])")
            pieces, j = [], 0
            for found in call.finditer(result):
                if found.start() < j:
                    continue
                args, k = [], found.end()
                for _n in range(arity):
                    while k < len(result) and result[k].isspace():
                        k += 1
                    if k < len(result) and result[k] == "{":
                        arg, k = _braced(result, k + 1)
                    else:
                        arg, k = result[k:k + 1], k + 1
                    args.append(arg)
                expansion = body
                for n, arg in enumerate(args, 1):
                    expansion = expansion.replace(f"#{n}", arg)
                pieces += [result[j:found.start()], "{" + expansion + "}" if arity else expansion]
                j, changed = k, True
            result = "".join(pieces) + result[j:]
        if not changed:
            break
    return result


def _plain(text: str) -> str:
    """Prose in one line: comments, environments and most commands removed."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    text = re.sub(r"\\(begin|end)\{[^}]*\}|\\(label|ref|eqref|cite[pt]?)\{[^}]*\}", " ", text)
    text = re.sub(r"\\(emph|textit|textbf|text)\{([^}]*)\}", r"\2", text)
    return " ".join(text.split())


def _sentence(before: str, after: str) -> str:
    """The end of the sentence before a display and the start of what follows, if it goes on."""
    head = re.split(r"(?<=[.!?])\s+(?=[A-Z\\])|\n\s*\n", before.rstrip())[-1]
    tail = after.lstrip()
    tail = re.split(r"(?<=[.!?])\s|\n\s*\n", tail)[0] if tail[:1].islower() or tail[:1] in ",;" else ""
    text = _plain(head) + (" [display] " + _plain(tail) if tail else " [display]")
    return text if len(text) <= 240 else "..." + text[-237:]


def _lines(env: str, body: str) -> list[tuple[str, bool]]:
    """The lines of an environment's body and whether each is numbered."""
    starred = env.endswith("*") or env == ""
    if env.rstrip("*") in ("equation", "multline", ""):
        parts = [re.sub(r"\\\\", " ", body)]
        parts = [re.sub(r"\\begin\{(split|aligned)\}|\\end\{(split|aligned)\}", " ", parts[0])]
        return [(parts[0], not starred)]
    return [(line, not starred and not re.search(r"\\(nonumber|notag)\b", line))
            for line in re.split(r"\\\\(?:\[[^\]]*\])?", body) if line.strip()]


def displays(text: str, markdown: bool = False) -> list[Display]:
    """Every line of display math in ``text``, in order (macros expanded first)."""
    text = expand_macros(text)
    if not markdown:
        text = re.sub(r"(?<!\\)%.*", "", text)
    found: list[Display] = []
    counter, previous_end = 0, 0
    blocks = list(_BLOCK.finditer(text))
    for index, block in enumerate(blocks):
        env = block.group("env") or ""
        body = next(g for g in (block.group("body"), block.group("bracket"), block.group("dollars"),
                                block.group("fence")) if g is not None)
        next_start = blocks[index + 1].start() if index + 1 < len(blocks) else len(text)
        sentence = _sentence(text[previous_end:block.start()], text[block.end():next_start])
        previous_end = block.end()
        for k, (line, numbered) in enumerate(_lines(env, body)):
            tag = re.search(r"\\tag\*?\{([^}]*)\}", line)
            label = re.search(r"\\label\{([^}]*)\}", line)
            math = re.sub(r"\\(tag\*?|label)\{[^}]*\}|\\(nonumber|notag)\b", " ", line)
            math = " ".join(math.split()).rstrip(" .,;")
            number: str | None
            if tag:
                number = tag.group(1).strip()
            elif numbered or markdown:
                counter += 1
                number = str(counter)
            else:
                number = None
            continued = k > 0 and bool(re.match(r"\s*&?\s*(=|\\approx|\\le|\\ge|<|>)", line))
            found.append(Display(math, number, label.group(1) if label else "", sentence, continued))
    return found
