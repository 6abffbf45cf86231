"""Regenerate every course figure, in both languages: ``python -m tasnet_edu.figures --out figures``.

Each chapter module registers its figures with ``@figure("NN_name")`` (see
``tasnet_edu.plotting``); this writes ``<out>/<lang>/<name>.png`` for every
registered figure. Drawing is seeded and offline, so the files come out the
same on every run (tests/test_figures.py checks the committed ones).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no window

import matplotlib.pyplot as plt  # noqa: E402

import tasnet_edu  # noqa: E402

from .course import seed_everything  # noqa: E402
from .language import LANGUAGES, use_language  # noqa: E402
from .plotting import FIGURES, style  # noqa: E402

SKIP = {"train", "figures", "corpus", "evaluate"}  # command-line modules that draw nothing


def load_all() -> dict:
    """Import every chapter module so their ``@figure`` functions are registered; return the registry."""
    for info in pkgutil.iter_modules(tasnet_edu.__path__):
        if info.name not in SKIP:
            importlib.import_module(f"tasnet_edu.{info.name}")
    return FIGURES


def render(name: str, language: str):
    """Draw figure ``name`` in ``language`` with the course style and fixed seeds; returns the Figure."""
    use_language(language)
    style()
    seed_everything(0)
    return load_all()[name]()


def write_all(out: Path, names=None, languages=LANGUAGES) -> list[Path]:
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
