"""Build the English and Chinese notebooks from one source per chapter, and run them.

Each chapter is written once, in ``notebooks/src/NN_name.py``, as a list of
cells: ``md(en=..., zh=...)`` for prose and ``code(...)`` for code, which is
shared by both languages (so the two notebooks cannot drift apart). This tool
writes ``notebooks/en/NN_name.ipynb`` and ``notebooks/zh/NN_name.ipynb`` and
executes them in place, storing the outputs nbval checks::

    python tools/notebooks.py            # build and run every chapter
    python tools/notebooks.py 01 03      # only these chapters
    python tools/notebooks.py --no-run   # only rebuild the cells

``code(source, tags=["nbval-ignore-output"])`` stores nbval's marker as a cell
tag, so the learner does not see a ``# NBVAL_IGNORE_OUTPUT`` comment.

Two placeholders in the prose are filled from the chapter registry, so a new chapter needs no edit of the others:
``{{navigation}}`` (the previous and next chapters' links, at the end of each chapter) and ``{{course map}}``
(chapter 00's table of every chapter).

Comments in code are written in both languages and each notebook keeps its own:
``# en: frame k starts at k * hop // zh: 第 k 帧从 k * hop 开始`` (a whole line or
after code) becomes ``# frame k starts at k * hop`` in English and
``# 第 k 帧从 k * hop 开始`` in Chinese. The code itself is the same in both.

Each notebook runs with its own folder as working directory, which is how
``te.start_chapter`` knows its language.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import nbformat

BILINGUAL_COMMENT = re.compile(r"#\s*en:\s*(?P<en>.*?)\s*//\s*zh:\s*(?P<zh>.*?)\s*$", re.M)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
LANGUAGES = ("en", "zh")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def md(en: str, zh: str) -> dict:
    return {"type": "markdown", "en": en.strip("\n"), "zh": zh.strip("\n")}


def code(source: str, tags: tuple[str, ...] | list[str] = ()) -> dict:
    """A code cell, the same in both languages. ``tags`` go into the cell's metadata, out of the learner's sight:
    nbval reads ``nbval-ignore-output`` (widgets, timings), ``nbval-skip`` and ``nbval-raises-exception`` there."""
    return {"type": "code", "source": source.strip("\n"), "tags": list(tags)}


def localize(source: str, language: str) -> str:
    """Keep the ``language`` half of every ``# en: ... // zh: ...`` comment in ``source``."""
    return BILINGUAL_COMMENT.sub(lambda m: "# " + m.group(language), source)


def navigation(notebook: str, language: str) -> str:
    """The links to the previous and the next chapter of ``notebook``, from the registry."""
    from tasnet_edu.ui.course import CHAPTERS

    names = [c.notebook for c in CHAPTERS]
    i = names.index(notebook)

    def link(c):
        return (f"[{c.number} {c.title_en}]({c.notebook}.ipynb)" if language == "en"
                else f"[第 {int(c.number)} 章　{c.title_zh}]({c.notebook}.ipynb)")

    parts = []
    if i > 0:
        parts.append(("← Previous: " if language == "en" else "← 上一章：") + link(CHAPTERS[i - 1]))
    if i + 1 < len(CHAPTERS):
        parts.append(("Next: " if language == "en" else "下一章：") + link(CHAPTERS[i + 1]) + " →")
    return " · ".join(parts)


def course_map(language: str) -> str:
    """Chapter 00's map of the course: every chapter of the registry, linked, with what it shows."""
    from tasnet_edu.ui.course import CHAPTERS

    head = "| Chapter | Notebook | What you see |" if language == "en" else "| 章 | 笔记本 | 内容 |"
    rows = [head, "|---|---|---|"]
    for c in CHAPTERS:
        title, about = (c.title_en, c.about_en) if language == "en" else (c.title_zh, c.about_zh)
        number = c.number if language == "en" else str(int(c.number))
        rows.append(f"| {number} | [{title}]({c.notebook}.ipynb) | {about} |")
    return "\n".join(rows)


def fill(text: str, notebook: str, language: str) -> str:
    """The Markdown of a cell with the registry's placeholders filled in."""
    return text.replace("{{navigation}}", navigation(notebook, language)).replace("{{course map}}", course_map(language))


def sources() -> list[Path]:
    """One source per chapter of the registry (``tasnet_edu.ui.course.CHAPTERS``), in order."""
    from tasnet_edu.ui.course import CHAPTERS

    return [SRC / f"{chapter.notebook}.py" for chapter in CHAPTERS]


def load_cells(path: Path) -> list[dict]:
    namespace = {"md": md, "code": code}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["CELLS"]


def build(path: Path, language: str) -> nbformat.NotebookNode:
    """The notebook for one language, without outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for i, cell in enumerate(load_cells(path)):
        if cell["type"] == "markdown":
            new = nbformat.v4.new_markdown_cell(fill(cell[language], path.stem, language))
        else:
            new = nbformat.v4.new_code_cell(localize(cell["source"], language))
            if cell.get("tags"):
                new.metadata["tags"] = list(cell["tags"])
        new.id = f"{path.stem[:2]}-{i:03d}"  # stable ids: rebuilding gives the same file
        nb.cells.append(new)
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path) -> None:
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                   record_timing=False).execute(stderr=subprocess.DEVNULL)  # kernel's own log, as nbval does


def write(path: Path, run: bool = True) -> None:
    for language in LANGUAGES:
        nb = build(path, language)
        folder = ROOT / "notebooks" / language
        if run:
            execute(nb, folder)
        nbformat.write(nb, folder / f"{path.stem}.ipynb")
        print(f"wrote notebooks/{language}/{path.stem}.ipynb" + (" (executed)" if run else ""), flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapters", nargs="*", help="chapter numbers such as 01 (default: all)")
    parser.add_argument("--no-run", action="store_true", help="write the cells without executing them")
    args = parser.parse_args(argv)
    paths = [p for p in sources() if not args.chapters or p.name[:2] in args.chapters]
    if not paths:
        sys.exit(f"no chapter source matches {args.chapters} in {SRC}")
    for path in paths:
        write(path, run=not args.no_run)


if __name__ == "__main__":
    main()
