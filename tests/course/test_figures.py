"""Every figure in figures/ is what `./course figures` (tools/figures.py) draws now, in both languages.

Compared pixel by pixel with a small tolerance: fonts' anti-aliasing and BLAS
rounding may move a few pixels by one level on another machine, while a changed
figure changes many.
"""

import sys
import warnings
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from browser_support import changed_share

from tasnet_edu.ui.course import CHAPTERS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import figures  # noqa: E402  (tools/figures.py)

NAMES = sorted(figures.load_all())
MAX_CHANGED_PIXELS = 0.002  # share of pixels allowed to differ by more than 10% of full scale


def test_committed_figures_are_exactly_the_registered_ones():
    for language in ("en", "zh"):
        committed = sorted(p.stem for p in (ROOT / "figures" / language).glob("*.png"))
        assert committed == NAMES, f"run: ./course figures ({language})"


def test_every_chapter_registers_figures():
    assert {name[:2] for name in NAMES} == {c.number for c in CHAPTERS if c.module}  # a chapter without a module draws none


def test_the_tolerance_catches_a_real_change():
    stored = matplotlib.image.imread(ROOT / "figures" / "en" / "00_cocktail_party.png")
    moved = np.roll(stored, 3, axis=1)  # the same figure shifted by 3 pixels
    assert changed_share(moved, stored) > MAX_CHANGED_PIXELS


@pytest.mark.parametrize("name", NAMES)
def test_figure_regenerates(tmp_path, name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn here
        figures.write_all(tmp_path, [name])
    for language in ("en", "zh"):
        fresh = matplotlib.image.imread(tmp_path / language / f"{name}.png")
        stored = matplotlib.image.imread(ROOT / "figures" / language / f"{name}.png")
        assert fresh.shape == stored.shape, f"{language}/{name}: size changed; regenerate figures/"
        share = changed_share(fresh, stored)
        assert share <= MAX_CHANGED_PIXELS, f"{language}/{name}: {share:.2%} of the pixels differ; regenerate figures/"
