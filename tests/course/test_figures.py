"""Every figure in figures/ is what `python -m tasnet_edu.figures` draws now, in both languages."""

import warnings
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest

from tasnet_edu.cli import figures

ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(figures.load_all())


def test_committed_figures_are_exactly_the_registered_ones():
    for language in ("en", "zh"):
        committed = sorted(p.stem for p in (ROOT / "figures" / language).glob("*.png"))
        assert committed == NAMES, f"run: python -m tasnet_edu.figures --out figures ({language})"


def test_every_chapter_registers_figures():
    assert {name[:2] for name in NAMES} >= {"00", "01", "02", "03", "04", "05", "06"}


@pytest.mark.parametrize("name", NAMES)
def test_figure_regenerates_identically(tmp_path, name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn here
        figures.write_all(tmp_path, [name])
    for language in ("en", "zh"):
        fresh = matplotlib.image.imread(tmp_path / language / f"{name}.png")
        stored = matplotlib.image.imread(ROOT / "figures" / language / f"{name}.png")
        assert fresh.shape == stored.shape, f"{language}/{name}: size changed; regenerate figures/"
        assert np.abs(fresh - stored).max() < 1e-6, f"{language}/{name} differs; regenerate figures/"
