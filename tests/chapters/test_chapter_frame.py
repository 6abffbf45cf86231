"""Chapters 00-04 as textbook chapters, in both languages: goals, prerequisites, time, formulas, references,
previous/next links that resolve, nbval markers out of sight, and what a learner reads printed in their language."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["00_introduction", "01_slicing", "02_template_matching", "03_relu", "04_strength_map"]
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


@pytest.mark.parametrize("name", NOTEBOOKS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_previous_and_next_links_point_to_sibling_notebooks(language, name):
    last = markdown(read(language, name))[-1]
    links = re.findall(r"\]\((\d\d_\w+\.ipynb)\)", last)
    i = NOTEBOOKS.index(name)
    expected = ([NOTEBOOKS[i - 1]] if i else []) + [NOTEBOOKS[i + 1] if i + 1 < len(NOTEBOOKS) else "05_learned_vs_stft"]
    assert [link[:-6] for link in links][-len(expected):] == expected
    for link in links:
        assert (ROOT / "notebooks" / language / link).is_file(), link


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_formulas_are_typeset_in_both_languages(name):
    for language in ("en", "zh"):
        assert "$$" in "\n".join(markdown(read(language, name))), f"{language}/{name}: no displayed formula"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_nbval_markers_are_tags_and_the_next_cell_checks(name):
    nb = read("en", name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        assert "NBVAL" not in cell.source, "markers go into the cell's tags, out of the learner's sight"
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            assert re.search(r"widget|time_three_ways|VoicePanel|Recorder", cell.source), cell.source
            assert "print" in code[i + 1].source or "assert" in code[i + 1].source
    assert read("zh", name).cells[0].source.startswith("# 第 ")


# Lines a learner sees in a zh notebook that need no Chinese: reprs, numbers, shapes, code-like summaries.
LANGUAGE_NEUTRAL = re.compile(
    r"^(<.*>|\s*\)|torch\.Size.*|Encoder\(|\s*\(conv1d_U\).*|\s*L=\d+, N=\d+.*|\[.*\]|[\d\s.,:\-+|()×=HzTrue]+"
    r"|.*Hz (cos|sin).*|.*×.*= -?\d.*|stft_kernels.*|interactive\(.*|\{.*\})$"
)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_printed_line_in_a_chinese_notebook_is_chinese(name):
    english = []
    for cell in read("zh", name).cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
            for line in text.splitlines():
                line = re.sub(r"\b(True|False)\b", "", line)  # Python's booleans read the same in both languages
                if re.search(r"[A-Za-z]{3,}", line) and not CJK.search(line) and not LANGUAGE_NEUTRAL.match(line):
                    english.append(line)
    assert not english, f"English lines in zh/{name}: {english}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercise_placeholders_speak_the_readers_language(name):
    for language in ("en", "zh"):
        for cell in read(language, name).cells:
            if cell.cell_type == "code" and cell.source.startswith("answer = None"):
                comment = cell.source.splitlines()[0].partition("#")[2]
                assert comment and bool(CJK.search(comment)) == (language == "zh"), (language, comment)
