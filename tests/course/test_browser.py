"""The classroom check: the course in a real JupyterLab, in a real browser (headless Chromium).

Teachers open the course in JupyterLab and drag sliders in front of a class;
nbval proves the code, this test proves the classroom. For chapter 01 in each
language it starts JupyterLab from this environment, opens the notebook in
Chromium (driven by Playwright), runs Run > Run All Cells from the menu,
checks that no cell fails or warns, moves a slider of the ``interactive``
widget three steps, checks that each step redraws one fully drawn figure and
the printed K, and saves a screenshot to ``test-output/browser-<lang>.png``.
JupyterLab runs with the course's settings (``tools/jupyterlab``), as
``./course lab`` does. The Chinese notebook is
opened with JupyterLab's Chinese UI (the menu bar must read 文件 ...).

Chromium is Debian's ``chromium`` (apt-get installs it when missing); the test
skips, saying why, only where it cannot be installed. Deselect it while
developing with ``-m "not browser"``.
"""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

import browser_support
import pytest
from browser_support import (
    NOTEBOOKS,
    OUTPUT,
    JupyterLab,
    chromium_context,
    classroom_check,
    new_page,
)

CHAPTER = "01_slicing.ipynb"  # its screenshots are README's
WIDGET_CHAPTERS = ("01_slicing.ipynb", "05_learned_vs_stft.ipynb")
# Chapters with a widget that classroom_check cannot drive yet (not tested in the browser; see the issue notes):
NOT_YET = {"03": "its figure's ink changes by more than the 20% the half-drawn check allows as the slider moves",
           "04": "its widget has drop-downs, no slider"}
LANGUAGES = ("en", "zh")
# Only for developing this test against other notebooks: a folder with en/ and zh/ in it.
ROOT = Path(os.environ.get("TASNET_EDU_BROWSER_NOTEBOOKS", NOTEBOOKS))


@pytest.fixture(scope="module")
def lab():
    with JupyterLab(root_dir=ROOT) as server:
        yield server


@pytest.fixture(scope="module")
def browser(chromium):
    with chromium_context(chromium) as context:
        yield context


@pytest.mark.browser
@pytest.mark.parametrize("chapter", WIDGET_CHAPTERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_widget_chapter_in_jupyterlab(language, chapter, chromium, lab, browser):
    """Every chapter with a slider widget, in both languages: run all, move the slider, see it redraw."""
    notebook = ROOT / language / chapter
    assert notebook.exists(), (f"{notebook} is missing: build the notebooks with "
                               f"'.venv/bin/python tools/notebooks.py {chapter[:2]}'")
    stored = notebook.read_bytes()
    screenshot = OUTPUT / (f"browser-{language}.png" if chapter == CHAPTER else f"browser-{chapter[:2]}-{language}.png")
    screenshot.unlink(missing_ok=True)
    try:
        with new_page(browser) as page:
            try:
                summary = classroom_check(page, lab, f"{language}/{chapter}", language, screenshot)
            except BaseException:
                OUTPUT.mkdir(exist_ok=True)
                page.screenshot(path=str(OUTPUT / f"browser-{language}-failed.png"))
                print(f"--- JupyterLab log (tail) ---\n{lab.log()}\n--- page errors ---\n{page.page_errors}")
                raise
    finally:
        changed = notebook.read_bytes() != stored
        if changed:
            notebook.write_bytes(stored)  # put the committed notebook back before failing
    assert not changed, f"JupyterLab rewrote {notebook} during the test (autosave?); it was restored"
    print(summary)
    assert screenshot.exists() and screenshot.stat().st_size > 10_000, f"no screenshot at {screenshot}"
    assert summary["figure_changed"] or len(set(summary["text"])) > 1, (
        f"moving the slider {summary['slider']} changed neither the figure nor the printed text: {summary}")


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


def test_every_chapter_with_a_slider_widget_is_tested_in_the_browser():
    sources = Path(__file__).resolve().parents[2] / "notebooks" / "src"
    with_widget = {p.name[:2] for p in sources.glob("*.py") if re.search(r"te\.ch\d\d\.\w+_(widget|browser)\(", p.read_text())}
    assert with_widget == {c[:2] for c in WIDGET_CHAPTERS} | set(NOT_YET)


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
