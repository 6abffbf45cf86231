"""Every Markdown cell and every ``text/markdown`` output renders in the book as its author meant, in both languages.

The book is Sphinx + MyST-NB (book/conf.py): Markdown cells are parsed by markdown-it-py with the MyST extensions
that book/conf.py enables (``myst_enable_extensions``), ``text/markdown`` outputs with the parser that
``nb_render_markdown_format`` names (MyST-NB's default is plain CommonMark: no tables, no ``$math$``; a cell's
``mystnb.markdown_format`` metadata overrides it). This test parses each text with that same parser and fails on
what a reader would see broken:

- a literal ``**``, ``__`` or ``*`` left in the text (emphasis that did not close, e.g. ``**…。**第`` in Chinese);
- a ``$`` outside math (a formula that did not parse, or ``$$`` inside a line);
- a Markdown table shown as a paragraph of pipes (a line that starts and ends with ``|`` inside a paragraph);
- ``$$`` display math inside a list item (MyST-NB renders it out of the list);
- raw HTML (the book renders only Markdown the course can check; none is used);
- a Markdown table printed as plain text by a code cell (shown as pipes in a code block: display it as Markdown).

Code spans, code blocks and math are not prose and are not checked.
"""

import ast
import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book"))
import tasnet_book  # noqa: E402  (book/tasnet_book.py: the notebook as the book shows it, widgets as their outputs)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[ez][nh]/*.ipynb"))
MATH = {"math_inline", "math_inline_double", "math_block", "math_block_label", "amsmath"}
TABLE_TEXT = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$", re.M)  # | --- | ---: |: a Markdown table's rule


def book_config() -> dict:
    """The values of book/conf.py that decide how Markdown renders (read, not executed)."""
    config = {"myst_enable_extensions": [], "nb_render_markdown_format": "commonmark"}
    for node in ast.parse((ROOT / "book" / "conf.py").read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in config:
                config[node.targets[0].id] = ast.literal_eval(node.value)
    return config


@cache
def parser(fmt: str):
    """markdown-it as MyST-NB builds it for ``fmt``: "myst" (the book's configuration), "commonmark" or "gfm"."""
    if fmt == "myst":
        config = MdParserConfig(enable_extensions=set(book_config()["myst_enable_extensions"]))
    elif fmt == "commonmark":
        config = MdParserConfig(commonmark_only=True)
    elif fmt == "gfm":
        config = MdParserConfig(gfm_only=True)
    else:
        raise ValueError(f"unknown markdown format {fmt!r}")
    return create_md_parser(config, RendererHTML)


def problems(text: str, fmt: str = "myst") -> list[str]:
    """What a reader would see broken in ``text`` rendered as ``fmt`` (an empty list when nothing is)."""
    found = []
    lists = 0  # how many list items the current token is inside
    paragraph = False
    for token in parser(fmt).parse(text):
        if token.type == "list_item_open":
            lists += 1
        elif token.type == "list_item_close":
            lists -= 1
        elif token.type == "paragraph_open":
            paragraph = True
        elif token.type == "paragraph_close":
            paragraph = False
        if token.type in MATH and lists and token.type != "math_inline":
            found.append(f"$$ display math inside a list item: {token.content.strip()[:60]!r}")
        if token.type in ("html_block", "html_inline"):
            found.append(f"raw HTML: {token.content.strip()[:60]!r}")
        if token.type != "inline":
            continue
        if paragraph and re.search(r"^\s*\|.*\|\s*$", token.content, re.M):
            found.append(f"a table shown as a paragraph of pipes: {token.content.strip()[:60]!r}")
        for child in token.children or []:
            if child.type == "html_inline":
                found.append(f"raw HTML: {child.content!r}")
            if child.type in MATH and lists and child.type != "math_inline":
                found.append(f"$$ display math inside a list item: {child.content.strip()[:60]!r}")
            if child.type != "text":
                continue
            for mark in ("**", "__", "$", "*"):  # one * is a stray emphasis mark too (prose writes ×)
                if mark in child.content and not (mark == "*" and "**" in child.content):
                    at = child.content.index(mark)
                    found.append(f"a literal {mark!r} in the text: {child.content[max(0, at - 30):at + 30]!r}")
    return found


def texts(path: Path):
    """(where, text, format) for each Markdown cell and each text/markdown output of ``path``; plain-text outputs
    that print a Markdown table come with format "plain"."""
    nb = json.loads(tasnet_book.static_notebook(path.read_text(), str(path), path.parent.name))
    default = book_config()["nb_render_markdown_format"]
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            yield f"cell {i}", source, "myst"
        if cell["cell_type"] != "code":
            continue
        fmt = cell.get("metadata", {}).get("mystnb", {}).get("markdown_format", default)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                yield f"cell {i} (text/markdown output)", "".join(data["text/markdown"]), fmt
            plain = "".join(output.get("text", "")) if output.get("output_type") == "stream" else ""
            if "text/markdown" not in data and "text/html" not in data:
                plain += "".join(data.get("text/plain", ""))
            if TABLE_TEXT.search(plain):
                yield f"cell {i} (printed output)", plain, "plain"


def report(path: Path) -> list[str]:
    out = []
    for where, text, fmt in texts(path):
        if fmt == "plain":
            out.append(f"{where}: a Markdown table printed as plain text; display it: IPython.display.Markdown(...)")
            continue
        hint = (f" (MyST-NB renders text/markdown outputs as {fmt}: set nb_render_markdown_format = \"myst\" in "
                "book/conf.py)") if "output" in where and fmt != "myst" else ""
        out.extend(f"{where}: {problem}{hint}" for problem in problems(text, fmt))
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_markdown_renders_as_meant(path):
    found = report(path)
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


def test_the_notebooks_are_found():
    assert len(NOTEBOOKS) >= 14 and {p.parent.name for p in NOTEBOOKS} == {"en", "zh"}


def test_the_parser_is_the_books():
    assert {"dollarmath", "amsmath"} <= set(book_config()["myst_enable_extensions"])
    assert problems("Math $x^2$ on its own line:\n\n$$\nz\n$$\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == []


@pytest.mark.parametrize("text, fmt, problem", [
    ("A **bold** claim.", "myst", None),
    ("- **bin * *: one frequency", "myst", "'**'"),
    ("**第 4 章的要点。**第 5 章", "myst", "'**'"),  # a closing ** between punctuation and a letter does not close
    ("a __dunder__ name and __ alone", "myst", "'__'"),
    ("- * *bin * *: one frequency", "myst", "'*'"),
    ("one bin is $f_s/L$ apart", "myst", None),
    ("one bin is $f_s/L apart", "myst", "'$'"),
    ("inline $$x = 1$$ in a sentence", "myst", "'$'"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "myst", None),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "commonmark", "paragraph of pipes"),  # MyST-NB's default for outputs
    ("| a | b |\n| 1 | 2 |", "myst", "paragraph of pipes"),  # no rule line: not a table
    ("- the STFT:\n\n  $$\n  X = 1\n  $$\n", "myst", "inside a list item"),
    ("The STFT:\n\n$$\nX = 1\n$$\n", "myst", None),
    ("<div>raw</div>\n", "myst", "raw HTML"),
    ("a <b>bold</b> word", "myst", "raw HTML"),
])
def test_the_check_catches_each_problem(text, fmt, problem):
    found = problems(text, fmt)
    if problem is None:
        assert found == []
    else:
        assert any(problem in f for f in found), found


def test_a_printed_markdown_table_is_caught(tmp_path):
    """A table printed as text is caught; the same table displayed as Markdown, rendered with tables, is not."""
    table = "| method | dB |\n| --- | ---: |\n| IRM | 12.0 |\n"
    printed = {"output_type": "stream", "name": "stdout", "text": table}
    shown = {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": table, "text/plain": "<Markdown>"}}
    cells = [{"cell_type": "code", "source": "print(table)", "metadata": {}, "execution_count": 1, "outputs": [printed]},
             {"cell_type": "code", "source": "Markdown(table)", "metadata": {"mystnb": {"markdown_format": "myst"}},
              "execution_count": 2, "outputs": [shown]}]
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    found = report(path)
    assert len(found) == 1 and found[0].startswith("cell 0 (printed output)"), found
