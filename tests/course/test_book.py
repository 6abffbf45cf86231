"""The course as a book (``./course book``, tools/book.py): a bilingual static site and a PDF per language.

The book is built once for this module (as ``./course book`` does, into a temporary folder), then:

- the build has every page, is deterministic (a second build of the site, without printing the PDFs again,
  gives the same bytes), and fails on any Sphinx warning; a notebook without stored outputs or a broken link
  fails it, naming the file;
- nothing in it points to another host; widgets show their stored figure and one line, never a placeholder;
  each chapter offers the committed notebook for download; the zh PDF embeds a Chinese font;
- the browser test (headless Chromium, the same set-up as tests/course/test_browser.py, served by
  ``python -m http.server``): every page of both languages loads with no console error and no failed or
  outside request, every image is decoded, every audio player has a playable source, the math is typeset,
  Chinese text is drawn with a CJK font, the language link lands on the twin page, search finds "ReLU" and
  "强度图"; screenshots of one chapter per language go to test-output/book-{en,zh}.png.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from browser_support import OUTPUT, REPO, chromium_context, ensure_chromium, fonts_drawn, free_port, new_page

TOOL = REPO / "tools" / "book.py"
LANGUAGES = ("en", "zh")
CHAPTERS = sorted(p.stem for p in (REPO / "notebooks" / "en").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOT_PAGE = {"en": "03_relu", "zh": "04_strength_map"}
SEARCH = {"en": "ReLU", "zh": "强度图"}


def run_book(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def chromium() -> str | None:
    path, why = ensure_chromium()
    if path is None:
        print(f"no Chromium ({why}): the book is built without PDFs and the browser checks are skipped")
    return path


@pytest.fixture(scope="module")
def book(tmp_path_factory, chromium) -> dict:
    out = tmp_path_factory.mktemp("book") / "book"
    result = run_book("--out", str(out), *([] if chromium else ["--no-pdf"]))
    assert result.returncode == 0, f"the book did not build:\n{result.stdout}\n{result.stderr[-6000:]}"
    return {"out": out, "pdf": chromium is not None, "log": result.stdout}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- the build


def test_the_book_builds_with_every_page(book):
    out = book["out"]
    assert (out / "index.html").is_file()
    for lang in LANGUAGES:
        for page in ["index", "glossary", "search", *CHAPTERS]:
            assert (out / lang / f"{page}.html").is_file(), f"{lang}/{page}.html is missing"
        if book["pdf"]:
            assert (out / lang / f"tasnet-edu-{lang}.pdf").stat().st_size > 100_000


def test_two_builds_give_the_same_files(book, tmp_path):
    """A second build, elsewhere, gives the same site byte for byte: every page, the print pages the PDFs are
    printed from (print.html), search index, images. It does not print the PDFs again (``--no-print``): Chromium's
    PDF bytes differ between two prints of the same page anyway (object numbering, content streams); the PDFs of
    the first build are checked for their pages and fonts (test_the_pdfs_embed_their_fonts_chinese_included)."""
    first = {name: data for name, data in _files(book["out"]).items() if not name.endswith(".pdf")}
    again = tmp_path / "book"
    result = run_book("--out", str(again), "--no-print" if book["pdf"] else "--no-pdf")
    assert result.returncode == 0, result.stderr[-4000:]
    second = _files(again)
    assert sorted(first) == sorted(second), f"files differ: {sorted(set(first) ^ set(second))[:10]}"
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"two builds differ in {differ[:10]}"
    if book["pdf"]:
        assert all((again / lang / "print.html").is_file() for lang in LANGUAGES)


def test_nothing_comes_from_another_host(book):
    outside = re.compile(r"""<(?:script|link|img|audio|source|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""")
    for page in sorted(book["out"].rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        found = outside.findall(text)
        assert not found, f"{page.name} loads something from another host: {found[:3]}"
        for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "fonts.googleapis", "require.min.js"):
            assert cdn not in text, f"{page.name} mentions {cdn}"
    mathjax = book["out"] / "en" / "_static" / "mathjax" / "tex-chtml.js"
    assert mathjax.is_file(), "MathJax is not served from the build"


def test_widgets_become_their_stored_figure_and_one_line(book):
    notes = {"en": "in jupyterlab", "zh": "jupyterlab 中"}
    for lang in LANGUAGES:
        for chapter in CHAPTERS:
            text = (book["out"] / lang / f"{chapter}.html").read_text(encoding="utf-8")
            for placeholder in ("widget-view+json", "Loading widget", "interactive(children", "jupyter-widgets"):
                assert placeholder not in text, f"{lang}/{chapter}: a widget placeholder is shown ({placeholder})"
            nb = json.loads((REPO / "notebooks" / lang / f"{chapter}.ipynb").read_text(encoding="utf-8"))
            views = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                        for c in nb["cells"] for o in c.get("outputs", []))
            shown = len(re.findall(r'class="tasnet-widget-note"', text)) + len(re.findall(r'class="tasnet-progress"', text))
            assert shown == views, f"{lang}/{chapter}: {views} widgets, {shown} shown"
            for note in re.finditer(r'class="tasnet-widget-note" data-kind="(\w+)">([^<]*)<', text):
                assert notes[lang] in note.group(2).lower(), note.group(2)
                if note.group(1) in ("slider", "menu"):  # the figure the slider drew, as stored
                    before = text[max(0, note.start() - 3000):note.start()]
                    assert "<img" in before, f"{lang}/{chapter}: the slider's note comes without its stored figure"


def test_each_chapter_offers_the_committed_notebook(book):
    for lang in LANGUAGES:
        for chapter in CHAPTERS:
            text = (book["out"] / lang / f"{chapter}.html").read_text(encoding="utf-8")
            assert f'href="_sources/{chapter}.ipynb" download="{chapter}.ipynb"' in text
            shipped = (book["out"] / lang / "_sources" / f"{chapter}.ipynb").read_bytes()
            assert shipped == (REPO / "notebooks" / lang / f"{chapter}.ipynb").read_bytes()


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def _pdf_fonts(pdf: Path | bytes) -> set[str]:
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    chunks = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        with contextlib.suppress(zlib.error):
            chunks.append(zlib.decompress(data[m.end():data.find(b"endstream", m.end())]))
    return {name.decode() for chunk in chunks for name in re.findall(rb"/FontName\s*/([^\s/\]>]+)", chunk)}


def test_the_pdfs_embed_their_fonts_chinese_included(book):
    if not book["pdf"]:
        pytest.skip("no Chromium: no PDFs")
    for lang in LANGUAGES:
        pdf = book["out"] / lang / f"tasnet-edu-{lang}.pdf"
        pages = _pdf_pages(pdf.read_bytes())
        assert pages > 20, f"{pdf.name}: only {pages} pages"
        fonts = _pdf_fonts(pdf)
        assert fonts, f"{pdf.name} embeds no font"
        if lang == "zh":
            assert any("CJK" in f for f in fonts), f"{pdf.name}: no Chinese font embedded ({sorted(fonts)})"


# --------------------------------------------------------------------------- bad input fails the build


def _tiny_notebook(title: str, markdown: str = "", outputs: bool = True) -> dict:
    cell = {"cell_type": "code", "execution_count": 1 if outputs else None, "id": "c1", "metadata": {},
            "source": "print(1)",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n"}] if outputs else []}
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "cells": [{"cell_type": "markdown", "id": "m1", "metadata": {}, "source": f"# {title}\n\n{markdown}"},
                      cell]}


def _tiny_course(folder: Path, change=None) -> Path:
    """Small notebooks with the course's file names (the chapter list comes from README.md)."""
    for lang in LANGUAGES:
        (folder / lang).mkdir(parents=True)
        for chapter in CHAPTERS:
            nb = _tiny_notebook(f"{chapter} {lang}", "See the [glossary](../../GLOSSARY.md).")
            if change:
                nb = change(lang, chapter, nb)
            (folder / lang / f"{chapter}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return folder


def test_tiny_course_builds(tmp_path):
    result = run_book("--notebooks", str(_tiny_course(tmp_path / "nb")), "--out", str(tmp_path / "out"),
                      "--no-pdf", "--lang", "en")
    assert result.returncode == 0, result.stderr[-4000:]


def test_a_notebook_without_outputs_fails_the_build_naming_it(tmp_path):
    def strip(lang, chapter, nb):
        return _tiny_notebook(chapter, outputs=False) if chapter == CHAPTERS[2] else nb

    result = run_book("--notebooks", str(_tiny_course(tmp_path / "nb", strip)), "--out", str(tmp_path / "out"),
                      "--no-pdf", "--lang", "en")
    assert result.returncode != 0
    assert f"en/{CHAPTERS[2]}.ipynb" in result.stderr and "no stored outputs" in result.stderr, result.stderr


def test_a_broken_link_fails_the_build_naming_the_file(tmp_path):
    def break_link(lang, chapter, nb):
        if chapter == CHAPTERS[1]:
            nb["cells"][0]["source"] += "\n\nOn to [the next chapter](99_missing_chapter.ipynb)."
        return nb

    result = run_book("--notebooks", str(_tiny_course(tmp_path / "nb", break_link)), "--out", str(tmp_path / "out"),
                      "--no-pdf", "--lang", "en")
    assert result.returncode != 0, "a broken link did not fail the build"
    assert f"en/{CHAPTERS[1]}.ipynb" in result.stderr and "99_missing_chapter" in result.stderr, result.stderr
    assert str(tmp_path / "out-src") not in result.stderr  # the notebook's own path, not its copy in the sources


# --------------------------------------------------------------------------- in the browser


@contextlib.contextmanager
def http_server(folder: Path):
    """``python -m http.server`` on 127.0.0.1 serving ``folder``, as the README says to read the book."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", "-b", "127.0.0.1", "-d", str(folder), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        import urllib.request

        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url, timeout=2).close()
                break
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def site(book, chromium):
    if chromium is None:
        pytest.skip("browser checks skipped: no Chromium (see the message of the chromium fixture)")
    with http_server(book["out"]) as url, chromium_context(chromium) as context:
        outside: list[str] = []

        def only_this_server(route):
            if route.request.url.startswith(url + "/") or route.request.url.startswith("data:"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_this_server)
        yield {"url": url, "context": context, "outside": outside, "out": book["out"]}


# Everything a reader should get on a page, checked after MathJax has typeset it.
JS_PAGE_REPORT = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const imgs = Array.from(document.querySelectorAll('img'));
  for (const img of imgs) img.loading = 'eager';
  await Promise.all(imgs.map(img => img.decode().catch(() => null)));
  const audios = Array.from(document.querySelectorAll('audio'));
  const audio = await Promise.all(audios.map(a => new Promise(resolve => {
    const source = a.querySelector('source');
    const type = source ? source.type : '';
    const done = () => resolve({type, canPlay: type ? a.canPlayType(type) : '', duration: a.duration,
                                error: a.error ? a.error.code : null, src: (a.currentSrc || '').slice(0, 30)});
    if (a.readyState >= 1) return done();
    a.addEventListener('loadedmetadata', done, {once: true});
    a.addEventListener('error', done, {once: true});
    setTimeout(done, 15000);
    a.preload = 'metadata';
    a.load();
  })));
  const maths = Array.from(document.querySelectorAll('.math'));
  return {
    lang: document.documentElement.lang,
    images: imgs.length,
    brokenImages: imgs.filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src.slice(-60)),
    audio,
    math: maths.length,
    mathTypeset: maths.filter(m => m.querySelector('mjx-container')).length,
    mathErrors: document.querySelectorAll('mjx-merror').length,
    emptyOutputs: Array.from(document.querySelectorAll('.cell_output .output')).filter(
        o => !o.innerText.trim() && !o.querySelector('img, audio, progress, svg')).length,
  };
}"""


def _pages(out: Path, lang: str) -> list[str]:
    return sorted(p.stem for p in (out / lang).glob("*.html"))


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_cleanly_in_the_browser(site, lang):
    problems, math_pages, audio_players = [], 0, 0
    for name in _pages(site["out"], lang):
        with new_page(site["context"]) as page:
            console, failed = [], []
            page.on("console", lambda m, console=console: console.append(m.text) if m.type in ("error", "warning")
                    else None)
            page.on("requestfailed", lambda r, failed=failed: failed.append(f"{r.url} ({r.failure})"))
            page.on("response", lambda r, failed=failed: failed.append(f"{r.url} ({r.status})") if r.status >= 400
                    else None)
            page.goto(f"{site['url']}/{lang}/{name}.html", wait_until="load")
            report = page.evaluate(JS_PAGE_REPORT)
            page.wait_for_timeout(200)
            where = f"{lang}/{name}.html"
            if console or page.page_errors:
                problems.append(f"{where}: console {console} page errors {page.page_errors}")
            if failed:
                problems.append(f"{where}: failed requests {failed}")
            if report["brokenImages"]:
                problems.append(f"{where}: images not decoded {report['brokenImages']}")
            for a in report["audio"]:
                if not a["canPlay"] or a["error"] is not None or not (a["duration"] or 0) > 0:
                    problems.append(f"{where}: an audio player cannot play its source {a}")
            if report["math"] != report["mathTypeset"] or report["mathErrors"]:
                problems.append(f"{where}: math typeset {report['mathTypeset']}/{report['math']}, "
                                f"{report['mathErrors']} errors")
            if report["emptyOutputs"]:
                problems.append(f"{where}: {report['emptyOutputs']} empty output boxes")
            math_pages += report["math"] > 0
            audio_players += len(report["audio"])
            if lang == "zh" and name == SCREENSHOT_PAGE[lang]:
                # Every Chinese character of the title drawn from a CJK font (a missing glyph would be a box).
                title = page.locator("article.bd-article h1").first.inner_text()
                hanzi = len(re.findall(r"[\u3000-\u9fff]", title))
                fonts = fonts_drawn(page, "article.bd-article h1")
                drawn = sum(f["glyphCount"] for f in fonts if "CJK" in f["familyName"] or "Han" in f["familyName"])
                if not hanzi or drawn < hanzi:
                    problems.append(f"{where}: {hanzi} Chinese characters in {title!r}, {drawn} drawn with a "
                                    f"Chinese font: {fonts}")
    assert not site["outside"], f"requests to other hosts: {site['outside'][:5]}"
    assert not problems, "\n".join(problems)
    assert math_pages >= 3, f"only {math_pages} {lang} pages have typeset math"
    assert audio_players >= 5, f"only {audio_players} audio players in the {lang} book"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_link_search_and_screenshot(site, lang):
    other = {"en": "zh", "zh": "en"}[lang]
    name = SCREENSHOT_PAGE[lang]
    with new_page(site["context"]) as page:
        page.goto(f"{site['url']}/", wait_until="load")  # build/book/index.html: the two languages
        page.locator(f'a[href="{lang}/index.html"]').click()
        page.wait_for_url(f"{site['url']}/{lang}/index.html")
        page.goto(f"{site['url']}/{lang}/{name}.html", wait_until="load")
        page.evaluate("async () => { if (window.MathJax && MathJax.startup) await MathJax.startup.promise; }")
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"book-{lang}.png"))
        page.locator(".bd-header-article a.tasnet-language-link").click()
        page.wait_for_url(f"{site['url']}/{other}/{name}.html")
        assert page.evaluate("document.documentElement.lang").startswith(other)
        back = page.locator(".bd-header-article a.tasnet-language-link").get_attribute("href")
        assert back == f"../{lang}/{name}.html"

        page.goto(f"{site['url']}/{lang}/search.html?q={SEARCH[lang]}", wait_until="load")
        results = page.locator("ul.search li")
        results.first.wait_for(state="visible", timeout=30_000)
        titles = results.all_inner_texts()
        assert titles, f"no search results for {SEARCH[lang]!r}"
        assert any(SEARCH[lang].lower() in t.lower() for t in titles), titles[:3]
    assert (OUTPUT / f"book-{lang}.png").stat().st_size > 20_000


# --------------------------------------------------------------------------- the widget transform (no build)


def _tasnet_book():
    sys.path.insert(0, str(REPO / "book"))
    try:
        import tasnet_book
    finally:
        sys.path.remove(str(REPO / "book"))
    return tasnet_book


def _widget_notebook(models: dict, view: str) -> str:
    state = {"application/vnd.jupyter.widget-state+json": {"state": models, "version_major": 2, "version_minor": 0}}
    cell = {"cell_type": "code", "execution_count": 1, "id": "c", "metadata": {}, "source": "# NBVAL_IGNORE_OUTPUT\nw",
            "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                         "data": {"application/vnd.jupyter.widget-view+json": {"model_id": view, "version_major": 2},
                                  "text/plain": "interactive(children=(...))"}}]}
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {"widgets": state}, "cells": [cell]})


def _model(name: str, **state) -> dict:
    return {"model_name": name, "model_module": "@jupyter-widgets/controls", "state": state}


def test_a_slider_widget_becomes_its_stored_figure_and_a_localised_line():
    tb = _tasnet_book()
    figure = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}}
    models = {"box": _model("VBoxModel", children=["IPY_MODEL_s", "IPY_MODEL_o"]),
              "s": _model("IntSliderModel", description="L", value=16),
              "o": _model("OutputModel", outputs=[figure])}
    for lang, words in (("en", "Move the slider (L = 16) in JupyterLab"), ("zh", "在 JupyterLab 中拖动滑块（L = 16）")):
        nb = json.loads(tb.static_notebook(_widget_notebook(models, "box"), "x.ipynb", lang))
        outputs = nb["cells"][0]["outputs"]
        assert outputs[0] == figure and words in outputs[1]["data"]["text/html"]
        assert "widgets" not in nb["metadata"] and "NBVAL" not in nb["cells"][0]["source"]


def test_a_progress_bar_and_a_recorder_are_never_an_empty_box():
    tb = _tasnet_book()
    bar = {"h": _model("HBoxModel", children=["IPY_MODEL_a", "IPY_MODEL_p"]),
           "a": _model("HTMLModel", value="training: 100%"), "p": _model("FloatProgressModel", value=40.0, max=40.0)}
    html = tb.static_widget(bar, "h", "en")[0]["data"]["text/html"]
    assert '<progress value="40.0" max="40.0">' in html and "training: 100%" in html
    recorder = {"v": _model("VBoxModel", children=["IPY_MODEL_r"]), "r": _model("AnyModel")}
    assert "recorder" in tb.static_widget(recorder, "v", "en")[0]["data"]["text/html"]
    with pytest.raises(tb.BookError, match="nb/x.ipynb: widget gone has no stored state"):
        tb.static_notebook(_widget_notebook({}, "gone"), "nb/x.ipynb", "en")
