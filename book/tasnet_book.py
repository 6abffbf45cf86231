"""Sphinx extension of the course book: stored notebooks in, a readable static page out.

- ``check_notebook``: a notebook must carry its outputs (the book never runs one); else the build stops, naming it.
- ``static_notebook``: what a reader without a kernel should see. Each ipywidgets view becomes the outputs its
  ``Output`` widgets stored (the figure), with one line saying which control to move in JupyterLab; a progress
  bar becomes a static ``<progress>``; the widget state (and MyST-NB's CDN widget JavaScript) goes. Links to
  the repository's GLOSSARY.md point to the book's glossary page; nbval's ``# NBVAL_...`` marker lines go.
  It runs on Sphinx's ``source-read`` event, so ``_sources/NN_name.ipynb`` (the download link) stays the
  notebook as committed.
- MathJax 3 is copied from the sphinx-mathjax-offline package into ``_static/mathjax``: no CDN.

Imported by book/conf.py and by tools/book.py (which checks notebooks before it starts Sphinx).
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

TEXT = {
    "en": {
        "project": "The TasNet encoder, step by step",
        "other": "zh",
        "other_name": "中文",
        "other_hreflang": "zh-CN",
        "other_title": "这一页的中文版",
        "slider": "Move the slider{s} ({controls}) in JupyterLab to redraw this figure; the book shows the state "
                  "stored in the notebook.",
        "menu": "Pick another option ({controls}) in JupyterLab to redraw this figure; the book shows the state "
                "stored in the notebook.",
        "controls": "This output is interactive in JupyterLab ({controls}); the book shows the state stored in the "
                    "notebook.",
        "recorder": "In JupyterLab this cell shows a recorder: record your voice with the microphone or upload a "
                    "recording, and the cells below use it. The book cannot record: below, the course's own clip "
                    "stands in.",
        "chapters": "Chapters",
        "run_yourself": "Run it yourself",
        "run_text": "Every chapter is a notebook: the ⤓ notebook link (top right) downloads it. To run the course "
                    "with its sliders and exercises:",
        "glossary": "Glossary",
        "download": "⤓ notebook",
        "download_title": "Download this chapter as a Jupyter notebook (.ipynb)",
        "pdf": "The whole book as one PDF",
        "figure_alt": "Figure of the section “{heading}”",
        "audio_print": "♪ (a sound: listen to it in the web version of the book)",
    },
    "zh": {
        "project": "TasNet 编码器课程",
        "other": "en",
        "other_name": "English",
        "other_hreflang": "en",
        "other_title": "This page in English",
        "slider": "在 JupyterLab 中拖动滑块（{controls}）即可重画此图；书中显示的是笔记本里保存的状态。",
        "menu": "在 JupyterLab 中选择其他选项（{controls}）即可重画此图；书中显示的是笔记本里保存的状态。",
        "controls": "此输出在 JupyterLab 中可以交互（{controls}）；书中显示的是笔记本里保存的状态。",
        "recorder": "在 JupyterLab 中，这个单元格显示一个录音面板：用麦克风录下你的声音或上传录音，下面的单元格就会使用它。"
                    "书中无法录音：下面用课程自带的音频代替。",
        "chapters": "章节",
        "run_yourself": "自己动手运行",
        "run_text": "每一章都是一个笔记本：右上角的“⤓ 笔记本”链接可以下载它。要运行课程（包括滑块和练习）：",
        "glossary": "术语表",
        "download": "⤓ 笔记本",
        "download_title": "下载本章的 Jupyter 笔记本（.ipynb）",
        "pdf": "整本书的 PDF",
        "figure_alt": "“{heading}”一节的图",
        "audio_print": "♪（一段声音：请在网页版中收听）",
    },
}

RECORDERS = {"AnyModel", "FileUploadModel", "AudioModel"}  # the voice panel: microphone (anywidget) and upload
SLIDERS = {"IntSliderModel", "FloatSliderModel", "IntRangeSliderModel", "FloatRangeSliderModel",
           "FloatLogSliderModel", "SelectionSliderModel"}
MENUS = {"DropdownModel", "SelectModel", "RadioButtonsModel", "ToggleButtonsModel"}


class BookError(Exception):
    """A notebook or page the book cannot be built from; the message names the file."""


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def check_notebook(nb: dict, path: str) -> None:
    """Raise BookError unless every code cell of ``nb`` was run and the notebook stores outputs."""
    code = [(i, c) for i, c in enumerate(nb.get("cells", [])) if c.get("cell_type") == "code" and _source(c).strip()]
    never_run = [i for i, c in code if c.get("execution_count") is None]
    if code and (never_run or not any(c.get("outputs") for _, c in code)):
        where = f"code cells {never_run[:5]} were never run" if never_run else "no code cell has an output"
        raise BookError(f"{path}: the notebook has no stored outputs ({where}); the book shows stored outputs "
                        f"and runs nothing: run './course notebooks' (or tools/notebooks.py NN) first")
    for i, c in code:
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                raise BookError(f"{path}: code cell {i} stored an error ({o.get('ename')}: {o.get('evalue')})")


def _models(nb: dict) -> dict:
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {})
    return state.get("state", {})


def _walk(models: dict, model_id: str, seen: set | None = None):
    """The widget ``model_id`` and all its descendants (children, Output widgets), depth first."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in models:
        return
    seen.add(model_id)
    model = models[model_id]
    yield model
    for child in model.get("state", {}).get("children", []) or []:
        yield from _walk(models, str(child).removeprefix("IPY_MODEL_"), seen)


def _value(model: dict) -> str:
    state = model["state"]
    value = state.get("value")
    if model["model_name"] in MENUS and "index" in state and state.get("_options_labels"):
        value = state["_options_labels"][state["index"]]
    if isinstance(value, float):
        value = f"{value:g}"
    name = state.get("description") or ""
    return f"{name} = {value}" if name else str(value)


def _html_output(text: str) -> dict:
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": text}}


def static_widget(models: dict, model_id: str, lang: str) -> list[dict]:
    """The outputs that stand for one widget view in the book (never an empty box)."""
    tree = list(_walk(models, model_id))
    if not tree:
        raise BookError(f"widget {model_id} has no stored state")
    names = {m["model_name"] for m in tree}
    outputs: list[dict] = []
    for m in tree:
        if m["model_name"] == "OutputModel":
            outputs.extend(m["state"].get("outputs", []))
    progress = [m for m in tree if m["model_name"] in ("FloatProgressModel", "IntProgressModel")]
    if progress and not outputs:
        parts = []
        for m in tree:
            state = m["state"]
            if m["model_name"] == "HTMLModel":
                parts.append(f"<span>{state.get('value', '')}</span>")  # tqdm's text, already HTML-escaped
            elif m in progress:
                parts.append(f'<progress value="{state.get("value", 0)}" max="{state.get("max", 100)}"></progress>')
        return [_html_output(f'<div class="tasnet-progress">{" ".join(parts)}</div>')]
    controls = [m for m in tree if m["model_name"] in SLIDERS | MENUS]
    kind = ("slider" if names & SLIDERS else "menu" if names & MENUS else "recorder" if names & RECORDERS
            else "controls")
    if kind == "controls":
        controls = [m for m in tree if m["state"].get("description")]
    text = TEXT[lang][kind].format(controls=", ".join(_value(m) for m in controls) or "…",
                                   s="s" if sum(m["model_name"] in SLIDERS for m in controls) > 1 else "")
    note = f'<p class="tasnet-widget-note" data-kind="{kind}">{html.escape(text)}</p>'
    return [*outputs, _html_output(note)]


def static_notebook(text: str, path: str, lang: str) -> str:
    """The notebook JSON ``text`` as the book shows it (see the module docstring)."""
    nb = json.loads(text)
    check_notebook(nb, path)
    models = _models(nb)
    heading = ""
    for cell in nb["cells"]:
        if cell.get("cell_type") == "markdown":
            src = re.sub(r"\]\((?:\.\./)*GLOSSARY\.md", "](glossary.md", _source(cell))
            cell["source"] = src
            titles = re.findall(r"^#{1,6}\s+(.+)$", src, flags=re.M)
            heading = re.sub(r"[`$*_\\]", "", titles[-1]).strip() if titles else heading
            continue
        if cell.get("cell_type") != "code":
            continue
        # nbval's markers are for the tests, not for readers (the downloaded notebook keeps them).
        cell["source"] = re.sub(r"\A(?:#\s*NBVAL_\w+[^\n]*\n)+", "", _source(cell))
        outputs = []
        for o in cell.get("outputs", []):
            view = o.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                outputs.append(o)
                continue
            try:
                outputs.extend(static_widget(models, view["model_id"], lang))
            except BookError as exc:
                raise BookError(f"{path}: {exc}") from None
        cell["outputs"] = outputs
        if heading and any(k.startswith("image/") for o in outputs for k in o.get("data", {})):
            # Figures get a text alternative: the section they illustrate.
            cell.setdefault("metadata", {}).setdefault("mystnb", {}).setdefault("image", {}).setdefault(
                "alt", TEXT[lang]["figure_alt"].format(heading=heading))
    nb.get("metadata", {}).pop("widgets", None)
    return json.dumps(nb, ensure_ascii=False)


# --------------------------------------------------------------------------- Sphinx


def _source_read(app, docname, source):
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    origin = app.config.html_context.get("tasnet_origin_dir")
    shown = f"{origin}/{path.name}" if origin else str(path)
    lang = app.config.html_context.get("tasnet_lang", "en")
    try:
        source[0] = static_notebook(source[0], shown, lang)
    except BookError as exc:
        from sphinx.errors import ExtensionError

        raise ExtensionError(str(exc)) from None


# MathJax 3 as the sphinx-mathjax-offline wheel ships it: the TeX input + HTML output component, its fonts,
# and what it loads on demand (menu, accessibility, extensions); tex-svg.js for the print page (no web fonts).
MATHJAX_PARTS = ["tex-chtml.js", "tex-svg.js", "core.js", "loader.js", "startup.js", "input", "output", "ui", "a11y", "adaptors",
                 "sre"]


def mathjax_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        raise BookError("the package sphinx-mathjax-offline is missing (pip install -e '.[test]')")
    return Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax"


def _copy_mathjax(app, exc):
    if exc is not None or app.builder.format != "html":
        return
    src = mathjax_dir()
    dest = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        if (src / part).is_dir():
            shutil.copytree(src / part, dest / part, dirs_exist_ok=True)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / part, dest / part)


def _chinese_search():
    """Sphinx's Chinese search, with the JavaScript stemmer it really ships (English's, for Latin words).

    Sphinx 9.0 writes ``window.Stemmer = ChineseStemmer`` into language_data.js, a class that does not exist:
    Chinese search then fails in the browser (sphinx-doc/sphinx#14229, fixed in Sphinx 9.2, which needs
    Python 3.13). The JavaScript class is named after ``language_name``.
    """
    from sphinx.search.zh import SearchChinese

    class CourseChinese(SearchChinese):
        language_name = "English" if SearchChinese.js_stemmer_rawcode == "english-stemmer.js" else "Chinese"

    return CourseChinese


def setup(app):
    app.add_search_language(_chinese_search())
    app.connect("source-read", _source_read)
    app.connect("build-finished", _copy_mathjax)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
