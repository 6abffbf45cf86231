"""The classroom check: the course in a real JupyterLab, in a real browser (headless Chromium).

Teachers open the course in JupyterLab and drag sliders in front of a class;
nbval proves the code, this test proves the classroom. For every chapter with
an ``interactive`` widget, in each language, it starts JupyterLab from this
environment, opens the notebook in Chromium (driven by Playwright), opens the
Run menu (in the UI's language) and runs the cells nbval does not check
(:func:`browser_support.unchecked_cells`: the widget, the recorder...) and the
cells they need (:func:`browser_support.cells_to_run`), one by one, as a
learner does. nbval executes every cell anyway and compares its outputs with
the stored ones, which have no error and nothing on stderr
(tests/course/test_notebooks.py), so running them all again here would only
repeat that. It checks that no cell run fails or warns, moves
each control of the widget (sliders by a key press, drop-downs to the next
option), checks that each move redraws one fully drawn figure (the very figure
the package draws for the values shown, where the chapter says how to draw it:
:data:`WIDGET_CHAPTERS`), and saves a screenshot to
``test-output/browser-<lang>.png`` (chapter 01, README's) or
``test-output/browser-NN-<lang>.png``. JupyterLab runs with the course's
settings (``tools/jupyterlab``), as ``./course lab`` does. The Chinese notebook is
opened with JupyterLab's Chinese UI (the menu bar must read 文件 ...).

Your own voice in the chapters (:data:`VOICE_CHAPTERS`: 01, 04, 06): Chromium has a
fake microphone playing the course's clip. After the widget check of 01 and 04
(whose Run All already ran the voice cells: they fell back to the course clip
and said so), the test presses Record, stops after about a second, re-runs the
cells using the take and checks that they now use "your recording" (its length,
the figure or players, no error, stderr or traceback); screenshot
``test-output/voice-NN-<lang>.png``. Chapter 06 has no slider widget and takes
minutes to run all, so only the cells up to loading the model (:data:`VOICE_NEEDS`)
and its voice cells run; both recorders are recorded in turn (after the first,
the second voice is still the course's clip, and the cell says so).

Chromium is Debian's ``chromium`` (apt-get installs it when missing); the test
skips, saying why, only where it cannot be installed. Deselect it while
developing with ``-m "not browser"``.
"""

from __future__ import annotations

import ast
import functools
import io
import json
import os
import re
import socket
from pathlib import Path

import browser_support
import pytest
from browser_support import (
    JS_NOTEBOOK_READY,
    LOCALES,
    NOTEBOOKS,
    OUTPUT,
    REPO,
    JupyterLab,
    Redraw,
    VoiceTakes,
    cells_to_run,
    chromium_context,
    classroom_check,
    fake_microphone_args,
    fallback_sentence,
    new_page,
    notebook_cells,
    run_one_cell,
    take_pattern,
    unchecked_cells,
    voice_cells,
    voice_take_check,
    write_microphone_wav,
)

from tasnet_edu.core.audio import EXAMPLE_CLIP, SECOND_CLIP, example_clip

CHAPTER = "01_slicing.ipynb"  # its screenshots are README's
LANGUAGES = ("en", "zh")
# Only for developing this test against other notebooks: a folder with en/ and zh/ in it.
ROOT = Path(os.environ.get("TASNET_EDU_BROWSER_NOTEBOOKS", NOTEBOOKS))


def package_figure(draw, language: str):
    """The PNG (a PIL image) the kernel would send for ``draw()``'s figure, drawn here by the package.

    Same language and fonts (``use_language``), same style (``course_style``, as
    ``te.start_chapter``), same rendering as the inline backend (``bbox_inches="tight"``).
    """
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure
    from PIL import Image

    from tasnet_edu.ui.i18n import use_language
    from tasnet_edu.ui.plotting import course_style

    with use_language(language), course_style():
        fig = draw()
        try:
            png = print_figure(fig, "png", bbox_inches="tight")
        finally:
            plt.close(fig)
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.copy()


def shift_figure(language: str):
    """Chapter 03's widget (one slider, the shift in periods, shown as ``0.05``): ``plot_shift(shift)``."""
    def reference(values: list[str]):
        import tasnet_edu as te

        (shift,) = values
        return package_figure(lambda: te.ch03.plot_shift(float(shift)), language)
    return reference


# Chapter 04's "templates" drop-down: the option labels it shows, per language, and the kind each stands for.
KIND_LABELS = {"en": {"tones": "tones", "Fourier bases": "fourier", "random": "random"},
               "zh": {"纯音模板": "tones", "傅里叶基": "fourier", "随机模板": "random"}}


def strength_map_figure(language: str):
    """Chapter 04's widget (drop-downs L and templates, on the notebook's ``x``): ``plot_strength_map(x, L, kind)``."""
    def reference(values: list[str]):
        import tasnet_edu as te

        L, label = values
        assert label in KIND_LABELS[language], f"unknown 'templates' option {label!r} in {language}"
        x = example_clip()  # the notebook's x (chapter 04 crops the same clip in a cell: tests/chapters/test_ch04.py)
        return package_figure(lambda: te.ch04.plot_strength_map(x, int(L), KIND_LABELS[language][label]), language)
    return reference


# Every chapter with an interactive widget -> what moving it must do (a function of the language).
# 01 and 05: the figure's ink hardly varies with the sliders, so "as much ink as the first figure" tells a
# fully drawn figure. 03 and 04: the ink varies a lot, so each figure must be the one the package draws.
WIDGET_CHAPTERS = {
    "01_slicing.ipynb": lambda language: Redraw(steps=3),
    "03_relu.ipynb": lambda language: Redraw(steps=3, reference=shift_figure(language)),
    "04_strength_map.ipynb": lambda language: Redraw(steps=2, reference=strength_map_figure(language)),
    "05_learned_vs_stft.ipynb": lambda language: Redraw(steps=3),
}


def frames_of_the_take(printed: str, seconds: list[float], language: str) -> None:
    """Chapter 01 sliced the take: ``T = n samples -> K = k frames of L = 16`` for the take's length."""
    import tasnet_edu as te

    match = re.search(r"T = (\d+) .*K = (\d+)", printed)
    assert match, f"chapter 01 printed no 'T = ... K = ...' line: {printed!r}"
    T, K = int(match.group(1)), int(match.group(2))
    assert abs(T - 8000 * seconds[-1]) <= 40 and K == te.num_frames(T, 16), (T, K, seconds)


def length_of_the_take(printed: str, seconds: list[float], language: str) -> None:
    """Chapter 04 drew the maps of the take: ``T = 10400 (1.3 s)`` for the take's length (the same in both languages)."""
    match = re.search(r"^T = (\d+) \((\d+\.\d) s\)$", printed, re.M)
    assert match, f"chapter 04 printed no 'T = ... (... s)' line in {language}: {printed!r}"
    assert abs(int(match.group(1)) / 8000 - seconds[-1]) <= 0.051, (match.group(0), seconds)


def separated_the_takes(printed: str, seconds: list[float], language: str) -> None:
    """Chapter 06 separated the mixture of the take(s): two SI-SNR values, in the notebook's language."""
    label = "SI-SNR (dB):"  # the same line in both languages
    match = re.search(re.escape(label) + r" \[(-?\d+\.\d), (-?\d+\.\d)\]", printed)
    assert match, f"chapter 06 printed no SI-SNR pair after {label!r}: {printed!r}"


# Every chapter with "your own voice" cells -> what recording there must do (the fake microphone plays a course clip).
VOICE_CHAPTERS = {
    "01_slicing.ipynb": VoiceTakes("te.ui.voice.VoicePanel(", (EXAMPLE_CLIP,), frames_of_the_take),
    "04_strength_map.ipynb": VoiceTakes("te.ui.voice.VoicePanel(", (EXAMPLE_CLIP,), length_of_the_take),
    "06_separation.ipynb": VoiceTakes("te.ui.voice.VoicePanel(", (EXAMPLE_CLIP, SECOND_CLIP), separated_the_takes,
                                      media="audio"),
}
# Chapters with voice cells but no slider widget are not run all (chapter 06 takes minutes): only the cells up to
# the one containing this line (what the voice cells need), then the voice cells.
VOICE_NEEDS = {"06_separation.ipynb": "model = te.load_pretrained()"}


def widget_chapter_cells(notebook: Path, chapter: str) -> list[int]:
    """The cells of a widget chapter run in the browser: those nbval does not check (widget, recorder...), the
    cells calling the chapter's widget functions, the voice cells, and what they need (:func:`cells_to_run`)."""
    cells = notebook_cells(notebook)
    widgets = chapters_with_a_widget().get(chapter[:2], set())
    calls = [i for i, (kind, source) in enumerate(cells) if kind == "code"
             and any(f"te.ch{chapter[:2]}.{f}(" in source for f in widgets)]
    assert calls, f"{notebook}: no cell calls the chapter's widget functions {sorted(widgets)}"
    targets = {*unchecked_cells(notebook), *calls}
    if chapter in VOICE_CHAPTERS:  # the recorder and the cells using the take, run before recording
        recorder, uses = voice_cells(cells, VOICE_CHAPTERS[chapter].marker)
        targets |= {recorder, *uses}
    return cells_to_run(cells, targets)


@pytest.fixture(scope="module")
def lab():
    with JupyterLab(root_dir=ROOT) as server:
        yield server


@pytest.fixture(scope="module")
def browser(chromium, lab, tmp_path_factory):
    """Chromium with a fake microphone playing the course's clip, allowed on the lab's pages."""
    wav = write_microphone_wav(tmp_path_factory.mktemp("microphone") / "microphone.wav")
    with chromium_context(chromium, extra_args=fake_microphone_args(wav)) as context:
        context.grant_permissions(["microphone"], origin=lab.url)
        yield context


@pytest.mark.browser
@pytest.mark.parametrize("chapter", WIDGET_CHAPTERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_widget_chapter_in_jupyterlab(language, chapter, chromium, lab, browser):
    """Every chapter with a widget, in both languages: run all, move each control, see it redraw."""
    notebook = ROOT / language / chapter
    assert notebook.exists(), (f"{notebook} is missing: build the notebooks with "
                               f"'.venv/bin/python tools/notebooks.py {chapter[:2]}'")
    stored = notebook.read_bytes()
    run = widget_chapter_cells(notebook, chapter)
    screenshot = OUTPUT / (f"browser-{language}.png" if chapter == CHAPTER else f"browser-{chapter[:2]}-{language}.png")
    screenshot.unlink(missing_ok=True)
    try:
        with new_page(browser) as page:
            try:
                summary = classroom_check(page, lab, f"{language}/{chapter}", language, screenshot,
                                          expect=WIDGET_CHAPTERS[chapter](language), cells=run)
                if chapter in VOICE_CHAPTERS:  # then record, as a learner does, and re-run the cells using the take
                    summary["voice"] = voice_take_check(page, notebook, language, VOICE_CHAPTERS[chapter],
                                                        OUTPUT / f"voice-{chapter[:2]}-{language}.png")
            except BaseException:
                OUTPUT.mkdir(exist_ok=True)
                page.screenshot(path=str(OUTPUT / f"{screenshot.stem}-failed.png"))
                print(f"--- JupyterLab log (tail) ---\n{lab.log()}\n--- page errors ---\n{page.page_errors}")
                raise
    finally:
        lab.shutdown_kernels()  # one chapter's kernel at a time: 2 cores, and torch in every kernel
        changed = notebook.read_bytes() != stored
        if changed:
            notebook.write_bytes(stored)  # put the committed notebook back before failing
    assert not changed, f"JupyterLab rewrote {notebook} during the test (autosave?); it was restored"
    print(summary)
    assert screenshot.exists() and screenshot.stat().st_size > 10_000, f"no screenshot at {screenshot}"
    assert summary["figure_changed"] or len(set(summary["text"])) > 1, (
        f"moving the widget {summary['moves']} changed neither the figure nor the printed text: {summary}")


@pytest.mark.browser
@pytest.mark.parametrize("chapter", VOICE_NEEDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_voice_chapter_in_jupyterlab(language, chapter, lab, browser):
    """A chapter with voice cells and no slider widget: run what they need, record with the fake microphone."""
    notebook = ROOT / language / chapter
    stored = notebook.read_bytes()
    cells = notebook_cells(notebook)
    needs = [i for i, (kind, source) in enumerate(cells) if kind == "code" and VOICE_NEEDS[chapter] in source]
    assert needs, f"{notebook}: no cell contains {VOICE_NEEDS[chapter]!r}"
    recorder, uses = voice_cells(cells, VOICE_CHAPTERS[chapter].marker)
    screenshot = OUTPUT / f"voice-{chapter[:2]}-{language}.png"
    screenshot.unlink(missing_ok=True)
    try:
        with new_page(browser) as page:
            try:
                lab.set_locale(LOCALES[language])
                page.goto(lab.lab_url(f"{language}/{chapter}", workspace=f"voice-{language}"),
                          wait_until="domcontentloaded", timeout=180_000)
                page.wait_for_function(JS_NOTEBOOK_READY, arg=f"{language}/{chapter}", timeout=180_000, polling=500)
                assert page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.length") == len(cells)
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
                for i in [i for i, (kind, source) in enumerate(cells[: needs[0] + 1]) if kind == "code"] + [recorder, *uses]:
                    outputs = run_one_cell(page, i, timeout_s=180)
                    bad = [o for o in outputs if o["type"] == "error" or (o["type"] == "stream" and o["name"] == "stderr")]
                    assert not bad, f"{notebook}: cell {i} failed: {bad}"
                summary = voice_take_check(page, notebook, language, VOICE_CHAPTERS[chapter], screenshot)
            except BaseException:
                OUTPUT.mkdir(exist_ok=True)
                page.screenshot(path=str(OUTPUT / f"{screenshot.stem}-failed.png"))
                print(f"--- JupyterLab log (tail) ---\n{lab.log()}\n--- page errors ---\n{page.page_errors}")
                raise
            assert not page.page_errors, f"errors in the page: {page.page_errors}"
    finally:
        lab.shutdown_kernels()
        changed = notebook.read_bytes() != stored
        if changed:
            notebook.write_bytes(stored)
    assert not changed, f"JupyterLab rewrote {notebook} during the test (autosave?); it was restored"
    print(summary)
    assert screenshot.exists() and screenshot.stat().st_size > 10_000, f"no screenshot at {screenshot}"


@pytest.mark.browser
def test_jupyterlab_uses_the_course_settings(lab):
    """Widget messages go to the kernel's main shell, as with `./course lab` (tools/jupyterlab/overrides.json).

    JupyterLab 4.6 sends comm messages to kernel subshells by default; with
    ipykernel 7 a widget message handled on a subshell thread flushes
    matplotlib figures while the main thread is still drawing them, and the
    slider figures come out blank, half drawn or twice.
    """
    settings = lab.api("GET", "/lab/api/settings/@jupyterlab/apputils-extension:kernels-settings")
    default = settings["schema"]["properties"]["commsOverSubshells"]["default"]  # overrides.json sets defaults
    value = settings["settings"].get("commsOverSubshells", default)
    assert value == "disabled", f"commsOverSubshells is {value!r}; tools/jupyterlab/overrides.json not applied?"


# --- the helpers themselves (fast, no browser) -------------------------------------------------


def interactive_widget_kinds() -> set[str]:
    """Names of every ipywidgets control a learner moves (sliders, drop-downs, buttons, text...) and of ``interact``."""
    import ipywidgets

    kinds = {name for name, obj in vars(ipywidgets).items()
             if isinstance(obj, type) and issubclass(obj, ipywidgets.ValueWidget) and issubclass(obj, ipywidgets.DOMWidget)}
    return kinds | {"interact", "interactive", "interact_manual"}


def widget_functions(module: Path, kinds: set[str]) -> set[str]:
    """Functions of a chapter module that build an interactive ipywidgets control (``Dropdown(...)``, ``widgets.IntSlider(...)``)."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    f = call.func
                    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
                    if name in kinds:
                        found.add(node.name)
    return found


@functools.cache
def chapters_with_a_widget() -> dict[str, set[str]]:
    """Chapter number -> the widget functions its notebook calls (``te.chNN.f(`` with ``f`` building a control,
    or named ``*_widget`` / ``*_browser``)."""
    kinds = interactive_widget_kinds()
    chapters = {}
    for source in sorted((REPO / "notebooks" / "src").glob("*.py")):
        number = source.name[:2]
        modules = list((REPO / "tasnet_edu" / "chapters").glob(f"ch{number}_*.py"))
        builders = set().union(*(widget_functions(m, kinds) for m in modules))
        called = set(re.findall(rf"te\.ch{number}\.(\w+)\(", source.read_text(encoding="utf-8")))
        used = {f for f in called if f in builders or re.fullmatch(r"\w+_(widget|browser)", f)}
        if used:
            chapters[number] = used
    return chapters


def test_every_chapter_with_a_slider_widget_is_tested_in_the_browser():
    """Any interactive widget counts (sliders, drop-downs, ...), not only sliders."""
    with_widget = chapters_with_a_widget()
    assert {"01", "03", "04", "05"} <= set(with_widget), with_widget  # the finder itself still finds them
    assert "map_widget" in with_widget["04"] and "kernel_browser" in with_widget["05"]
    assert set(with_widget) == {c[:2] for c in WIDGET_CHAPTERS}, (
        f"chapters with a widget {with_widget}; tested in the browser: {sorted(WIDGET_CHAPTERS)}")


def test_widget_finder_counts_drop_downs_and_sliders(tmp_path):
    kinds = interactive_widget_kinds()
    assert {"Dropdown", "IntSlider", "FloatSlider", "Checkbox", "interactive"} <= kinds and "Output" not in kinds
    module = tmp_path / "ch99_x.py"
    module.write_text("import ipywidgets as widgets\nfrom ipywidgets import IntSlider\n"
                      "def a(): return widgets.Dropdown(options=[1, 2])\n"
                      "def b(): return IntSlider()\n"
                      "def c(): return widgets.Output()\n")
    assert widget_functions(module, kinds) == {"a", "b"}


def test_free_port_can_be_bound():
    port = browser_support.free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", port))


def test_lab_settings_set_the_language_and_never_autosave(tmp_path):
    browser_support.write_lab_settings(tmp_path, "zh_CN")
    ext = tmp_path / "@jupyterlab"
    assert json.loads((ext / "translation-extension" / "plugin.jupyterlab-settings").read_text()) == {"locale": "zh_CN"}
    assert json.loads((ext / "docmanager-extension" / "plugin.jupyterlab-settings").read_text())["autosave"] is False


def test_fonts_conf_adds_the_course_cjk_font(tmp_path):
    from noto_cjk_sans_otc import FONT_PATH

    conf = browser_support.fonts_conf(tmp_path).read_text()
    assert f"<dir>{Path(FONT_PATH).parent}</dir>" in conf and "/etc/fonts/fonts.conf" in conf


def test_ensure_chromium_says_why_it_cannot_install(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_support, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser_support.shutil, "which", lambda name: None)
    path, why = browser_support.ensure_chromium()
    assert path is None and "apt-get" in why
    monkeypatch.setattr(browser_support.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(browser_support, "_root_prefix", lambda: None)
    path, why = browser_support.ensure_chromium()
    assert path is None and "root" in why and "apt-get install -y chromium" in why


def test_ink_tells_a_blank_box_from_a_figure():
    from PIL import Image, ImageDraw

    blank = Image.new("RGB", (100, 50), "white")
    drawn = blank.copy()
    ImageDraw.Draw(drawn).rectangle((10, 10, 60, 40), fill="black")
    assert browser_support._ink(blank) == 0.0
    assert 0.3 < browser_support._ink(drawn) < 0.4
    assert browser_support._ink(Image.new("RGBA", (10, 10), (0, 0, 0, 0))) == 0.0  # transparent is white


def test_painted_like_spots_a_half_drawn_figure():
    from PIL import Image, ImageDraw

    figure = Image.new("RGB", (320, 160), "white")
    ImageDraw.Draw(figure).line([(0, 150), (160, 10), (319, 150)], fill="black", width=4)
    half = figure.copy()
    ImageDraw.Draw(half).rectangle((0, 80, 319, 159), fill="white")  # lower half not painted yet
    assert browser_support.painted_like(figure, figure)
    assert not browser_support.painted_like(half, figure)
    assert not browser_support.painted_like(Image.new("RGB", (320, 160), "white"), figure)
    assert browser_support.png_ink(None) == 0.0


def test_drawn_like_needs_the_whole_figure():
    from PIL import Image, ImageDraw

    figure = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(figure)
    draw.rectangle((20, 20, 380, 180), outline="black", width=2)  # axes
    draw.line([(20, 180), (120, 40), (220, 160), (380, 30)], fill="black", width=2)  # a thin curve
    draw.text((150, 185), "sample n", fill="black")  # a label
    assert browser_support.drawn_like(figure, figure) == ""
    blank = Image.new("RGB", figure.size, "white")
    assert "ink" in browser_support.drawn_like(blank, figure)
    half = figure.copy()
    ImageDraw.Draw(half).rectangle((0, 100, 399, 199), fill="white")  # lower half not drawn yet
    assert browser_support.drawn_like(half, figure) != ""
    no_curve = figure.copy()
    ImageDraw.Draw(no_curve).line([(20, 180), (120, 40), (220, 160), (380, 30)], fill="white", width=2)
    ImageDraw.Draw(no_curve).rectangle((20, 20, 380, 180), outline="black", width=2)
    assert browser_support.drawn_like(no_curve, figure) != ""  # axes drawn, the thin curve missing
    assert "size" in browser_support.drawn_like(figure.crop((0, 0, 400, 150)), figure)
    assert browser_support.png_image(None) is None


def test_reference_figures_tell_widget_values_apart():
    """The package's figures for two values of a control differ, so a stale or wrong figure fails the check."""
    from PIL import ImageDraw

    for language in LANGUAGES:
        shift = WIDGET_CHAPTERS["03_relu.ipynb"](language).reference
        at_0, at_05 = shift(["0.00"]), shift(["0.05"])
        assert browser_support.drawn_like(at_0, shift(["0.00"])) == ""  # drawn the same way every time
        assert browser_support.drawn_like(at_05, at_0) != ""
        half = at_0.copy()
        ImageDraw.Draw(half).rectangle((0, at_0.size[1] // 2, *at_0.size), fill="white")
        assert browser_support.drawn_like(half, at_0) != ""
    maps = WIDGET_CHAPTERS["04_strength_map.ipynb"]("zh").reference
    tones = maps(["128", "纯音模板"])
    assert browser_support.drawn_like(maps(["256", "纯音模板"]), tones) != ""
    assert browser_support.drawn_like(maps(["128", "傅里叶基"]), tones) != ""
    with pytest.raises(AssertionError, match="unknown 'templates' option"):
        maps(["128", "tones"])


def test_every_chapter_with_a_recorder_is_recorded_in_the_browser():
    uses_voice = {source.name[:2] for source in (REPO / "notebooks" / "src").glob("*.py")
                  if "te.ui.voice." in source.read_text(encoding="utf-8")}
    assert {"01", "04", "06"} <= uses_voice  # the finder itself still finds them
    assert uses_voice == {c[:2] for c in VOICE_CHAPTERS}, (uses_voice, sorted(VOICE_CHAPTERS))
    assert set(VOICE_NEEDS) == set(VOICE_CHAPTERS) - set(WIDGET_CHAPTERS)  # each is run all or run up to its needs


def test_voice_cells_find_the_recorder_and_the_cells_using_the_take():
    cells = [("markdown", "# 1"), ("code", "import tasnet_edu as te"), ("code", "p = te.ui.voice.VoicePanel()\np"),
             ("code", "x = te.ui.voice.take_or_clip(p)"), ("code", "  "), ("code", "plot(x)"), ("markdown", "## next"),
             ("code", "other()")]
    assert voice_cells(cells, "te.ui.voice.VoicePanel(") == (2, [3, 5])
    with pytest.raises(AssertionError, match="no code cell contains"):
        voice_cells(cells, "te.ui.voice.Recorder(")
    with pytest.raises(AssertionError, match="no code cell uses the take"):
        voice_cells(cells[:3] + [("markdown", "")], "te.ui.voice.VoicePanel(")
    for chapter, expect in VOICE_CHAPTERS.items():
        for language in LANGUAGES:
            cells = notebook_cells(ROOT / language / chapter)
            recorder, uses = voice_cells(cells, expect.marker)
            assert cells[recorder][1].count("te.ui.voice.") == len(expect.fallbacks), (chapter, cells[recorder])
            assert "take_or_clip" in cells[uses[0]][1], (chapter, uses)
    needs = notebook_cells(ROOT / "en" / "06_separation.ipynb")
    assert len(voice_cells(needs, VOICE_CHAPTERS["06_separation.ipynb"].marker)[1]) == 3  # the mixture, two estimates


def test_cells_to_run_follow_the_names_back():
    cells = [("code", "import torch\nimport tasnet_edu as te\nte.start_chapter(1)"), ("markdown", "# x"),
             ("code", "x = te.clip()"), ("code", "y = 2"), ("code", "model = te.load()"), ("code", "model.eval()"),
             ("code", "te.solution('1')"), ("code", "for k in range(3):\n    x[k] = 0"), ("code", "print((x"),
             ("code", "w = te.widget(x, model)\nw"), ("code", "after = x")]
    assert cells_to_run(cells, [9]) == [0, 2, 4, 5, 7, 8, 9]  # not: y, a module's function, cells after
    assert cells_to_run(cells, [3]) == [0, 3]
    with pytest.raises(AssertionError, match="not code cells"):
        cells_to_run(cells, [1])


def test_unchecked_cells_are_the_ones_nbval_does_not_compare(tmp_path):
    from browser_support import write_notebook

    path = write_notebook(tmp_path / "x.ipynb", [("a = 1", []), ("# NBVAL_IGNORE_OUTPUT\nw", []), ("b", ["nbval-skip"]),
                                                 ("c", ["nbval-ignore-output"]), ("1 / 0", ["raises-exception"]),
                                                 ("# NBVAL_CHECK_OUTPUT\nd", [])])
    assert unchecked_cells(path) == [1, 2, 3, 4]


def test_widget_chapters_run_the_widget_and_what_it_needs_only():
    for chapter in WIDGET_CHAPTERS:
        for language in LANGUAGES:
            notebook = ROOT / language / chapter
            cells = notebook_cells(notebook)
            run = widget_chapter_cells(notebook, chapter)
            code = [i for i, (kind, source) in enumerate(cells) if kind == "code" and source.strip()]
            assert run[0] == code[0] and set(unchecked_cells(notebook)) <= set(run), (chapter, run)
            assert len(run) < len(code), (chapter, run)


def test_voice_sentences_are_what_take_or_clip_prints(capsys):
    """The fallback and "your recording" sentences the browser check looks for are the ones the package prints."""
    import numpy as np

    from tasnet_edu.ui import voice
    from tasnet_edu.ui.i18n import use_language

    for language in LANGUAGES:
        with use_language(language):
            voice.take_or_clip(fallback=SECOND_CLIP)
            printed = capsys.readouterr().out
            assert printed.startswith(fallback_sentence(language, SECOND_CLIP)), printed
            assert not take_pattern(language).search(printed)
            rec = voice.Recorder(language=language)
            rec.receive(0.5 * np.sin(np.arange(72000) / 10).astype("float32"), 48000)  # 1.5 s
            voice.take_or_clip(rec, fallback=SECOND_CLIP)
            printed = capsys.readouterr().out
            assert take_pattern(language).fullmatch(printed.strip()).group(1) == "1.50", printed
            assert fallback_sentence(language, SECOND_CLIP) not in printed
    assert fallback_sentence("en", EXAMPLE_CLIP) == "No recording or upload yet: using the course's clip en_s00_v0.flac"
    assert fallback_sentence("zh", EXAMPLE_CLIP) == "还没有录音或上传：改用课程自带的音频 en_s00_v0.flac"


def test_voice_chapter_checks_refuse_the_fallback_output():
    """What the chapters print without a take (the course clip, 2.7 s) fails their checks for a 1.3 s take."""
    frames = VOICE_CHAPTERS["01_slicing.ipynb"].check
    frames("使用你的录音：1.30 秒，8000 Hz。\nT = 10403 个采样点 -> K = 1299 帧（L = 16）\n", [1.3], "zh")
    with pytest.raises(AssertionError):
        frames("T = 21600 samples -> K = 2699 frames of L = 16\n", [1.3], "en")
    length = VOICE_CHAPTERS["04_strength_map.ipynb"].check
    length("Using your recording: 1.30 s at 8000 Hz.\nT = 10400 (1.3 s)\n", [1.3], "en")
    with pytest.raises(AssertionError):
        length("T = 21353 (2.7 s)\n", [1.3], "en")
    separated = VOICE_CHAPTERS["06_separation.ipynb"].check
    separated("SI-SNR (dB): [-0.5, 1.5]\n", [1.3], "zh")
    with pytest.raises(AssertionError):
        separated("Traceback ...\n", [1.3], "en")
