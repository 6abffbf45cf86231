"""The course shows the code it teaches (issue 19): few cells only call into the package, the package stays small.

A code cell "only calls the package" when every statement in it is an import, an audio player, or a call into
``te`` (``te.chNN.plot_...()``, ``te.ui...``, ``te.load_clip(...)``), possibly assigned to a name or wrapped in
``print``/``display``. A cell that computes anything itself (an operation, an ``assert``, a loop, indexing,
arithmetic, a call to torch) does not. Exercise cells (``te.check``/``te.solution``) are not counted.

``python tests/course/test_open_box.py`` prints the share per chapter and names the cells that only call the package.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_PACKAGE_ONLY_SHARE = 0.15  # of the non-exercise code cells, all chapters together
MAX_PACKAGE_LINES = 5000  # Python lines in tasnet_edu/
MAX_CHAPTER_MODULE_LINES = 300
PLAYERS = {"Audio", "display", "print", "list", "tuple"}  # wrappers that show what a package call returns


def _is_package_call(node: ast.AST) -> bool:
    """``te.x.y(...)``, or an audio player / print / display of package calls, names and constants."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name) and func.id in PLAYERS:
        if func.id == "Audio":
            return True  # an audio player, whatever it plays
        return all(_is_package_call(a) or isinstance(a, ast.Constant | ast.Name) for a in node.args)
    root = func
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id == "te" and isinstance(func, ast.Attribute)


def _statement_only_calls_the_package(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Import | ast.ImportFrom):
        return True
    if isinstance(stmt, ast.Expr | ast.Assign | ast.AnnAssign):
        value = stmt.value
        if isinstance(value, ast.Tuple):
            return all(_is_package_call(v) for v in value.elts)
        return _is_package_call(value)
    return False


def is_exercise(source: str) -> bool:
    return "te.check(" in source or "te.solution(" in source


def only_calls_the_package(source: str) -> bool:
    """True when the cell shows no computation of its own (see the module docstring)."""
    tree = ast.parse(source)
    return bool(tree.body) and all(_statement_only_calls_the_package(s) for s in tree.body)


def cells_by_chapter() -> dict[str, list[str]]:
    out = {}
    for path in sorted((ROOT / "notebooks" / "en").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        out[path.stem] = [c.source for c in nb.cells if c.cell_type == "code" and not is_exercise(c.source)]
    return out


def share() -> tuple[int, int]:
    cells = [c for chapter in cells_by_chapter().values() for c in chapter]
    return sum(only_calls_the_package(c) for c in cells), len(cells)


def package_lines() -> dict[str, int]:
    return {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
            for p in sorted((ROOT / "tasnet_edu").rglob("*.py"))}


@pytest.mark.parametrize("source, expected", [
    ("fig = te.ch01.plot_frames(x, L=16)", True),
    ("print(te.ch03.describe_scores())", True),
    ("import torch\nimport tasnet_edu as te\nte.start_chapter('01')", True),
    ("Audio(te.load_clip('a').numpy(), rate=8000)", True),
    ("frames = x.unfold(-1, L, L // 2)\nfig = te.ch01.plot_frames(frames)", False),
    ("assert torch.equal(frames, te.slice_frames(x, L))", False),
    ("print(list(x.shape))", False),
    ("print(te.num_frames(len(x), 16) + 1)", False),
])
def test_the_counter_tells_package_calls_from_visible_code(source, expected):
    assert only_calls_the_package(source) is expected


def test_few_cells_only_call_the_package():
    package_only, total = share()
    assert total > 0
    assert package_only / total <= MAX_PACKAGE_ONLY_SHARE, (
        f"{package_only} of {total} code cells only call the package (at most {MAX_PACKAGE_ONLY_SHARE:.0%}); "
        "run python tests/course/test_open_box.py to see which")


def test_the_package_stays_small():
    lines = package_lines()
    assert sum(lines.values()) <= MAX_PACKAGE_LINES, f"tasnet_edu/ has {sum(lines.values())} Python lines"
    for name, n in lines.items():
        if name.startswith("tasnet_edu/chapters/ch"):
            assert n <= MAX_CHAPTER_MODULE_LINES, f"{name} has {n} lines (at most {MAX_CHAPTER_MODULE_LINES})"


if __name__ == "__main__":
    chapters = cells_by_chapter()
    only = sys.argv[1:]
    for name, cells in chapters.items():
        if only and name[:2] not in only:
            continue
        flagged = [c for c in cells if only_calls_the_package(c)]
        print(f"{name}: {len(flagged)} of {len(cells)} code cells only call the package")
        for c in flagged:
            print("    " + c.replace("\n", "\n    "))
    package_only, total = share()
    print(f"all chapters: {package_only} of {total} = {package_only / total:.0%} (at most {MAX_PACKAGE_ONLY_SHARE:.0%})")
    lines = package_lines()
    print(f"tasnet_edu/: {sum(lines.values())} Python lines (at most {MAX_PACKAGE_LINES})")
    for name, n in lines.items():
        if name.startswith("tasnet_edu/chapters/ch"):
            print(f"    {name}: {n}")


def test_notebook_code_builds_no_sentences():
    """Explanation lives in the Markdown: no te.t(...) and no describe_* helper in a code cell (figures label themselves)."""
    for name, cells in cells_by_chapter().items():
        for source in cells:
            assert "te.t(" not in source and "describe_" not in source, (name, source[:80])
