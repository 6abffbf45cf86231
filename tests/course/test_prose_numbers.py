"""Numbers in the prose come from the code: a decimal number a chapter's Markdown states must be one its cells print.

Checked: every number with a decimal point in a Markdown cell (outside formulas, code spans and links), in both
languages. It must appear in the notebook's code or stored outputs, so when the code's result changes and the prose
does not, this fails. Not checked: exercise numbers (01.5), arXiv identifiers, whole numbers (too many are counts
the prose defines, not results), and the numbers quoted from papers, listed in ``QUOTED`` with their source.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"(?<![\w.\-/])-?\d+\.\d+(?![\w.])")
EXERCISE_OR_ARXIV = re.compile(r"(练习|Exercise|exercise|习题)\s*\*{0,2}\s*\d\d\.\d+|\d{4}\.\d{4,5}|\b\d\d\.\d\b(?=\*\*)")
CONV_TASNET = "Luo & Mesgarani, Conv-TasNet (arXiv:1809.07454)"
QUOTED = {  # chapter -> {number: where it comes from}
    "02": {"0.1": "the length of audio the timing cell feeds in (800 samples)"},
    "03": {"15.3": f"{CONV_TASNET}, best model, WSJ0-2mix SI-SNRi", "12.1": f"{CONV_TASNET}, Table III",
           "12.9": f"{CONV_TASNET}, Table III", "13.1": f"{CONV_TASNET}, Table III", "13.0": f"{CONV_TASNET}, Table III"},
    "05": {"0.60": f"{CONV_TASNET}, section V: more than 60% of the filters below 1 kHz",
           "13.1": f"{CONV_TASNET}, Table III", "13.0": f"{CONV_TASNET}, Table III", "12.9": f"{CONV_TASNET}, Table III"},
    "06": {"15.3": f"{CONV_TASNET}, Table IV", "12.2": f"{CONV_TASNET}, ideal masks", "13.0": f"{CONV_TASNET}, ideal masks",
           "13.4": f"{CONV_TASNET}, ideal masks"},
    "00": {"0.5": "exercise 00.1's given duration"},
}


def prose(source: str) -> str:
    """A Markdown cell without what is not prose: code blocks, formulas, code spans, link targets, exercise ids."""
    for pattern in (r"```.*?```", r"\$\$.*?\$\$", r"\$[^$\n]*\$", r"`[^`\n]*`", r"\]\([^)]*\)"):
        source = re.sub(pattern, " ", source, flags=re.S)
    return EXERCISE_OR_ARXIV.sub(" ", source)


def unchecked_numbers(language: str, path: Path) -> list[tuple[str, str]]:
    nb = nbformat.read(path, as_version=4)
    shown = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            shown.append(cell.source)
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                shown += [output.get("text", ""), data.get("text/plain", ""), data.get("text/markdown", ""), data.get("text/html", "")]
    shown = "\n".join(shown)
    quoted = QUOTED.get(path.stem[:2], {})
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in prose(cell.source).splitlines():
                found += [(n, line.strip()[:100]) for n in NUMBER.findall(line) if n not in shown and n not in quoted]
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "notebooks" / "en").glob("*.ipynb")))
def test_every_decimal_number_in_the_prose_is_printed_by_the_code_or_quoted(language, name):
    missing = unchecked_numbers(language, ROOT / "notebooks" / language / name)
    assert not missing, f"{language}/{name}: numbers the code does not print (or add the source to QUOTED): {missing}"


def test_the_check_catches_a_number_the_code_does_not_print(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(0.50)", outputs=[nbformat.v4.new_output("stream", text="0.5\n")]),
                nbformat.v4.new_markdown_cell("Almost half (0.46) of the entries; exercise 03.1; arXiv:1809.07454; $0.25$.")]
    path = tmp_path / "99_demo.ipynb"
    nbformat.write(nb, path)
    assert [n for n, _ in unchecked_numbers("en", path)] == ["0.46"]
