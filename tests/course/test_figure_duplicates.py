"""No figure is shown twice: within one notebook (as the book shows it) and within figures/en, figures/zh.

A reader who meets the same picture twice learns nothing the second time. Figures are compared as pixels, the way
tests/course/test_figures.py compares a figure with its stored copy: two figures are the same when they have the
same size and at most ``MAX_CHANGED_PIXELS`` of their pixels differ by more than 10% of full scale (a title or a
label changed, the data not). Widgets count with the figure their stored state shows, as in the book
(book/tasnet_book.py turns each widget into its stored outputs).
"""

import base64
import io
import itertools
import json
import sys
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from browser_support import changed_share

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book"))
import tasnet_book  # noqa: E402  (book/tasnet_book.py: the notebook as the book shows it)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[ez][nh]/*.ipynb"))
MAX_CHANGED_PIXELS = 0.01  # share of pixels that may differ between two figures that are still the same picture


def same_picture(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and changed_share(a, b) <= MAX_CHANGED_PIXELS


def duplicates(images: list[tuple[str, np.ndarray]]) -> list[str]:
    """The pairs of (name, pixels) that are the same picture, as 'name = name (share differing)'."""
    return [f"{m} = {n} ({changed_share(a, b):.2%} of the pixels differ)"
            for (m, a), (n, b) in itertools.combinations(images, 2) if same_picture(a, b)]


def notebook_figures(path: Path, language: str) -> list[tuple[str, np.ndarray]]:
    """The image/png outputs of ``path`` as the book shows them, named by their cell."""
    nb = json.loads(tasnet_book.static_notebook(path.read_text(), str(path), language))
    images = []
    for i, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png is not None:
                png = "".join(png) if isinstance(png, list) else png
                images.append((f"cell {i}", matplotlib.image.imread(io.BytesIO(base64.b64decode(png)), format="png")))
    return images


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_figure_is_shown_twice_in_a_notebook(path):
    found = duplicates(notebook_figures(path, path.parent.name))
    assert not found, f"{path.relative_to(ROOT)}: the same figure twice:\n" + "\n".join(found)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_two_course_figures_are_the_same(language):
    paths = sorted((ROOT / "figures" / language).glob("*.png"))
    assert paths
    identical = [f"{p.name} = {q.name}" for p, q in itertools.combinations(paths, 2) if p.read_bytes() == q.read_bytes()]
    assert not identical, f"figures/{language}: identical files: {identical}"
    found = duplicates([(p.name, matplotlib.image.imread(p)) for p in paths])
    assert not found, f"figures/{language}: the same figure twice:\n" + "\n".join(found)


def test_the_check_catches_a_duplicate(tmp_path):
    figure = matplotlib.image.imread(ROOT / "figures" / "en" / "00_cocktail_party.png")
    other = matplotlib.image.imread(ROOT / "figures" / "en" / "00_zoom_to_one_frame.png")
    relabelled = figure.copy()
    relabelled[5:15, 10:200, :3] = 0  # a new title over the same data: still the same picture
    assert duplicates([("a", figure), ("b", other)]) == []
    assert len(duplicates([("a", figure), ("b", figure.copy())])) == 1
    assert len(duplicates([("a", figure), ("b", relabelled)])) == 1
    assert duplicates([("a", figure), ("b", np.roll(figure, 40, axis=1))]) == []  # different content: not one

    def output(pixels):
        buffer = io.BytesIO()
        matplotlib.image.imsave(buffer, pixels, format="png")
        return {"output_type": "display_data", "metadata": {},
                "data": {"image/png": base64.b64encode(buffer.getvalue()).decode(), "text/plain": "<Figure>"}}

    cells = [{"cell_type": "code", "source": f"fig{i}", "metadata": {}, "execution_count": i + 1, "outputs": [output(p)]}
             for i, p in enumerate([figure, other, figure])]
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert duplicates(notebook_figures(path, "en")) and duplicates(notebook_figures(path, "en"))[0].startswith("cell 0 = cell 2")
