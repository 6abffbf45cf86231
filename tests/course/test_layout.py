"""The package's plan holds: core at the bottom, chapters side by side, one registry, no hidden global state."""

import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.core import training
from tasnet_edu.core.model import untrained_model
from tasnet_edu.core.signals import random_templates
from tasnet_edu.ui.course import CHAPTERS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import import_graph  # noqa: E402

EDGES = import_graph.edges()
ALL_IMPORTS = {name: import_graph.imports_of(path) for name, path in import_graph.modules().items()}


def _of(prefix):
    return {name: targets for name, targets in ALL_IMPORTS.items() if name.startswith(prefix)}


def test_core_imports_no_plotting_widgets_or_upper_layers():
    assert _of("tasnet_edu.core.")
    for name, targets in _of("tasnet_edu.core").items():
        for target in targets:
            assert target.split(".")[0] not in ("matplotlib", "ipywidgets", "IPython"), f"{name} imports {target}"
            assert not target.startswith(("tasnet_edu.ui", "tasnet_edu.chapters",
                                          "tasnet_edu.exercises")), f"{name} imports {target}"


def test_ui_builds_on_core_only():
    for name, targets in _of("tasnet_edu.ui").items():
        for target in targets:
            assert not target.startswith(("tasnet_edu.chapters", "tasnet_edu.exercises")), (name, target)


def test_chapters_import_core_and_ui_never_another_chapter():
    chapter_modules = set(_of("tasnet_edu.chapters.ch"))
    assert len(chapter_modules) == sum(bool(c.module) for c in CHAPTERS)
    for a, b in EDGES:
        if a in chapter_modules:
            assert b.startswith(("tasnet_edu.core", "tasnet_edu.ui", "tasnet_edu.reference")), f"{a} imports {b}"


def test_contributing_shows_the_current_import_graph():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert import_graph.mermaid() in text, "regenerate it: python tools/import_graph.py"


def test_the_registry_is_the_one_list_of_chapters():
    for chapter in CHAPTERS:  # a chapter's module (its figures and widgets) is optional
        assert (ROOT / "notebooks" / "src" / f"{chapter.notebook}.py").is_file()
        if chapter.module:
            assert (ROOT / "tasnet_edu" / "chapters" / f"{chapter.module}.py").is_file()
            assert getattr(te, f"ch{chapter.number}") is chapter.load()
            assert chapter.module.startswith(f"ch{chapter.number}_")
    modules = sorted(p.stem for p in (ROOT / "tasnet_edu" / "chapters").glob("ch*.py"))
    assert modules == [c.module for c in CHAPTERS if c.module]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        for language, title in (("en", chapter.title_en), ("zh", chapter.title_zh)):
            assert f"[{title}](notebooks/{language}/{chapter.notebook}.ipynb)" in readme


def test_import_loads_no_plotting_and_no_widgets():
    code = ("import sys, tasnet_edu; "
            "print(sorted(m for m in ('matplotlib.pyplot', 'ipywidgets', 'IPython', 'librosa') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
    assert out.stderr == ""


def test_language_context_restores_language_and_fonts():
    before = (te.current_language(), matplotlib.rcParams["font.family"], matplotlib.rcParams["axes.unicode_minus"])
    with te.use_language("zh") as language:
        assert language == "zh" and te.t("a", "甲") == "甲"
    assert (te.current_language(), matplotlib.rcParams["font.family"], matplotlib.rcParams["axes.unicode_minus"]) == before


def test_rendering_a_figure_restores_language_style_and_random_generator():
    import figures  # tools/figures.py (tools/ is on the path: see the top)

    rc = dict(matplotlib.rcParams)
    language, rng, threads = te.current_language(), torch.get_rng_state(), torch.get_num_threads()
    figures.render("03_relu_histogram", "zh")
    assert te.current_language() == language
    assert torch.equal(torch.get_rng_state(), rng)
    assert torch.get_num_threads() == threads
    assert dict(matplotlib.rcParams) == rc


@pytest.mark.parametrize("make", [
    lambda: untrained_model(),
    lambda: training.new_run(training.TrainConfig()),
    lambda: random_templates(4, 16),
])
def test_seeded_helpers_leave_the_global_generator_alone(make):
    state = torch.get_rng_state()
    make()
    assert torch.equal(torch.get_rng_state(), state)


def test_seeded_helpers_are_reproducible():
    a, b = untrained_model(), untrained_model()
    assert all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values()))
