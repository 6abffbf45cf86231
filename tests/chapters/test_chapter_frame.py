"""Every chapter as a textbook chapter, in both languages: goals, prerequisites, time, formulas, references,
previous/next links that resolve, and what a learner reads printed in their language (nbval markers out of sight and
checked next: tests/course/test_notebooks.py)."""

import re
from pathlib import Path

import nbformat
import pytest

from tasnet_edu.ui.course import CHAPTERS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [chapter.notebook for chapter in CHAPTERS]  # the registry: a new chapter is checked without editing this file
CJK = re.compile(r"[\u4e00-\u9fff]")
HEADINGS = {"en": ("After this chapter you can", "Prerequisites", "Time", "### References"),
            "zh": ("学完本章，你将能够", "先修知识", "用时", "### 参考文献")}


def read(language, name):
    return nbformat.read(ROOT / "notebooks" / language / f"{name}.ipynb", as_version=4)


def markdown(nb):
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


@pytest.mark.parametrize("name", NOTEBOOKS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_goals_prerequisites_time_at_the_top_references_at_the_end(language, name):
    cells = markdown(read(language, name))
    goals, prerequisites, time, references = HEADINGS[language]
    assert goals in cells[0] and prerequisites in cells[0] and time in cells[0]
    assert len(re.findall(r"^- ", cells[0].split(goals)[1], re.M)) >= 3, "three or more goals"
    assert references in cells[-1]
    assert re.search(r"\]\(https://arxiv\.org/abs/\d{4}\.\d{5}\)", cells[-1]), "a paper, linked"
    assert cells[0].startswith("# 第 " if language == "zh" else "# ")  # the title: 第 N 章 in Chinese


@pytest.mark.parametrize("name", NOTEBOOKS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_previous_and_next_links_point_to_sibling_notebooks(language, name):
    last = markdown(read(language, name))[-1]
    links = re.findall(r"\]\((\d\d_\w+\.ipynb)\)", last)
    i = NOTEBOOKS.index(name)
    expected = ([NOTEBOOKS[i - 1]] if i else []) + ([NOTEBOOKS[i + 1]] if i + 1 < len(NOTEBOOKS) else [])
    assert [link[:-6] for link in links][-len(expected):] == expected
    for link in links:
        assert (ROOT / "notebooks" / language / link).is_file(), link


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_formulas_are_typeset_in_both_languages(name):
    for language in ("en", "zh"):
        assert "$$" in "\n".join(markdown(read(language, name))), f"{language}/{name}: no displayed formula"


# Lines a learner sees in a zh notebook that need no Chinese: reprs, numbers, shapes, code-like summaries.
LANGUAGE_NEUTRAL = re.compile(
    r"^(<.*>|\s*\)|torch\.Size.*|Encoder\(|\s*\(conv1d_U\).*|\s*L=\d+, N=\d+.*|\[.*\]|[\d\s.,:\-+|()×=HzTrue]+"
    r"|.*×.*= -?\d.*|stft_kernels.*|interactive\(.*|\{.*\}"
    r"|\s*(\(\w+\): )?[A-Z]\w*\(.*|.*\b\w+\.flac\b.*)$"  # a module's repr (print(model)), a file name
)


# Words that read the same in both languages: units and the field's acronyms.
SYMBOLS = {"float32", "float64", "int64", "SNR", "SNRi", "STFT", "PIT", "IRM", "IBM", "WFM", "gLN", "ReLU", "RTF",
           "DFT", "FFT", "nan", "inf"}


def code_names(nb) -> set[str]:
    """Every name the notebook's code uses (variables, functions, attributes, arguments): printed, they are code, not
    English. Words inside the code's strings do not count: a printed sentence is prose, whatever cell it comes from."""
    import ast

    names = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(cell.source)):
                names |= {getattr(node, a) for a in ("id", "attr", "arg", "name") if isinstance(getattr(node, a, None), str)}
    return names


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_printed_line_in_a_chinese_notebook_is_chinese(name):
    """What a zh notebook prints is Chinese, or numbers, shapes, symbols and the code's own names (`loss = 0.52`)."""
    nb = read("zh", name)
    neutral = code_names(nb) | SYMBOLS
    english = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
            for line in text.splitlines():
                line = re.sub(r"\b(True|False)\b", "", line)  # Python's booleans read the same in both languages
                line = re.sub(r"'[^']*'", "", line)  # quoted strings are data (a voice's name, a file), not prose
                words = [w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", line)
                         if len(re.findall(r"[A-Za-z]", w)) >= 3 and w not in neutral]
                if words and not CJK.search(line) and not LANGUAGE_NEUTRAL.match(line):
                    english.append(line)
    assert not english, f"English lines in zh/{name}: {english}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercise_placeholders_speak_the_readers_language(name):
    for language in ("en", "zh"):
        for cell in read(language, name).cells:
            if cell.cell_type == "code" and cell.source.startswith("answer = None"):
                comment = cell.source.splitlines()[0].partition("#")[2]
                assert comment and bool(CJK.search(comment)) == (language == "zh"), (language, comment)
