"""Regenerate every course figure, in both languages: ``./course figures`` (``python tools/figures.py --out figures``).

Each chapter module registers its figures with ``@figure("NN_name")`` (see
:mod:`tasnet_edu.ui.plotting`); this walks the chapter registry
(:data:`tasnet_edu.ui.course.CHAPTERS`) and writes ``<out>/<lang>/<name>.png``
for every registered figure. Drawing is seeded and offline, so the files come
out the same on every run (tests/course/test_figures.py compares them).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch

from tasnet_edu.ui.course import CHAPTERS
from tasnet_edu.ui.i18n import LANGUAGES, use_language
from tasnet_edu.ui.plotting import FIGURES, course_style


def load_all() -> dict:
    """Import every chapter so their ``@figure`` functions are registered; return the registry."""
    for chapter in CHAPTERS:
        if chapter.module:
            chapter.load()
    return FIGURES


def render(name: str, language: str):
    """Draw figure ``name`` in ``language`` with the course style and a seeded generator; returns the Figure.

    Language, matplotlib settings and torch's random generator are restored afterwards.
    """
    figures = load_all()
    if name not in figures:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(sorted(figures))}")
    with use_language(language), course_style(), torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        return figures[name]()


def write_all(out: Path, names=None, languages=LANGUAGES) -> list[Path]:
    import matplotlib.pyplot as plt

    written = []
    for language in languages:
        folder = Path(out) / language
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(names or load_all()):
            fig = render(name, language)
            path = folder / f"{name}.png"
            # No version string in the file, so the bytes depend only on what is drawn.
            fig.savefig(path, metadata={"Software": None})
            plt.close(fig)
            written.append(path)
    return written


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the course figures in both languages.")
    parser.add_argument("--out", type=Path, default=Path("figures"), help="output folder (default: figures)")
    parser.add_argument("names", nargs="*", help="only these figures (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(load_all())
    if unknown:
        parser.error(f"unknown figure(s) {sorted(unknown)}; known: {sorted(load_all())}")
    for path in write_all(args.out, args.names or None):
        print(path)


if __name__ == "__main__":
    main()
