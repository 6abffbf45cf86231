"""The book's Chinese web font (tools/book_font.py -> book/_static/fonts/): current, loaded by the CSS, and working.

A reader without a Chinese system font would see the Chinese book as boxes, so the book ships Noto Sans CJK SC cut
down to the characters it uses. These tests check that:

- every Chinese character of the book (notebooks, book/ texts, tools/book.py, README.md, GLOSSARY.md, the themes'
  Chinese interface words) is in the shipped font: a new character fails here until tools/book_font.py is run again;
- the font is the SC face of Noto Sans CJK with its licence (SIL OFL) next to it;
- book/_static/book.css loads the file with ``@font-face`` (its unicode-range holds every character of the font) and
  names the family first in the Chinese pages' text, heading and code fonts;
- in headless Chromium that knows no Chinese font at all (fontconfig with DejaVu only), a Chinese page with that CSS
  draws every Chinese character of a bold line, a heading, text and a code comment from the web font, where the
  same text without it is missing glyphs (browser test, a few seconds).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from browser_support import CHROMIUM_FLAGS, REPO, fonts_drawn

sys.path.insert(0, str(REPO / "tools"))
import book_font  # noqa: E402  (tools/book_font.py)

STATIC = REPO / "book" / "_static"
CSS = STATIC / "book.css"
RUN_ME = "run: .venv/bin/python tools/book_font.py  (and commit book/_static/fonts/)"


def _font_faces(css: str) -> list[dict[str, str]]:
    """The ``@font-face`` rules of ``css``: family and url."""
    faces = []
    for body in re.findall(r"@font-face\s*{([^}]*)}", css):
        family = re.search(r"font-family:\s*[\"']([^\"']+)[\"']", body)
        url = re.search(r"url\(\s*[\"']?([^\"')]+)[\"']?\s*\)", body)
        faces.append({"family": family.group(1) if family else "", "url": url.group(1) if url else ""})
    return faces


# --------------------------------------------------------------------------- the font is current


def test_the_font_has_every_chinese_character_the_book_uses():
    assert book_font.FONT.is_file(), f"{book_font.FONT.relative_to(REPO)} is missing: {RUN_ME}"
    have = book_font.font_characters()
    texts = book_font.sources()
    lacking = {name: "".join(sorted(book_font.chinese(text) - have)) for name, text in texts.items()}
    lacking = {name: chars for name, chars in lacking.items() if chars}
    assert not lacking, ("the book's Chinese web font lacks characters the book uses (a reader without a Chinese "
                         "font would see boxes):\n" + "\n".join(f"  {name}: {chars}" for name, chars in lacking.items())
                         + f"\n{RUN_ME}")


def test_the_check_reads_every_text_of_the_book():
    """The coverage check above sees the Chinese notebooks, the book's texts and the themes' Chinese words."""
    names = set(book_font.sources())
    for lang in ("en", "zh"):
        for path in (REPO / "notebooks" / lang).glob("*.ipynb"):
            assert str(path.relative_to(REPO)) in names
    for name in ("README.md", "GLOSSARY.md", "tools/book.py", "book/tasnet_book.py", "book/_static/book.js"):
        assert name in names, f"{name} is not read by tools/book_font.py"
    assert any(name.endswith("sphinx.mo") for name in names), "Sphinx's Chinese interface words are not read"
    used = book_font.characters()
    assert set("编码器强度图模板") <= used and set("搜索") <= used  # course words and the search box
    # A character the book does not use is not in the font: the check would catch its first use.
    assert "龘" not in used and "龘" not in book_font.font_characters()


def test_the_font_is_noto_sans_cjk_sc_with_its_licence():
    from fontTools.ttLib import TTFont

    font = TTFont(str(book_font.FONT), lazy=True)
    try:
        assert font.flavor == "woff"
        assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
    finally:
        font.close()
    size = book_font.FONT.stat().st_size
    assert size < 2_000_000, f"the web font is {size / 1e6:.1f} MB: it should hold only the book's characters"
    assert book_font.LICENCE.is_file(), f"the font's licence {book_font.LICENCE.relative_to(REPO)} is missing: {RUN_ME}"
    licence = book_font.LICENCE.read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Adobe" in licence


# --------------------------------------------------------------------------- the CSS loads it


def _ranges(css_value: str) -> list[tuple[int, int]]:
    """``U+4E00-9FFF, U+3000`` as [(first, last), ...]."""
    out = []
    for part in css_value.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        out.append((int(first, 16), int(last or first, 16)))
    return out


def test_the_css_loads_the_font_for_chinese_pages():
    css = CSS.read_text(encoding="utf-8")
    faces = [f for f in _font_faces(css) if f["url"].endswith(book_font.FONT.name)]
    assert faces, f"{CSS.relative_to(REPO)} has no @font-face for {book_font.FONT.name}"
    for face in faces:
        assert (STATIC / face["url"]).resolve() == book_font.FONT.resolve(), face
        assert (STATIC / face["url"]).is_file(), face
    family = faces[0]["family"]
    # Its unicode-range holds every character of the font (else the browser would never draw them with it).
    ranges = _ranges(re.search(r"@font-face\s*{[^}]*unicode-range:([^;]*);", css).group(1))
    outside = [c for c in book_font.font_characters() if not any(a <= ord(c) <= b for a, b in ranges)]
    assert not outside, f"characters of the font outside the @font-face unicode-range: {''.join(sorted(outside))}"
    # Chinese pages (and Chinese words on English pages) name it first for text, headings and code: Latin text
    # still comes from the theme's fonts (unicode-range); first, because Chromium may keep the boxes an installed
    # font earlier in the list drew while the web font was loading.
    rule = re.search(r'html\[lang="zh-CN"\][^{]*{([^}]*)}', css)
    assert rule, "no rule for the Chinese pages (html[lang=zh-CN])"
    for variable in ("--pst-font-family-base", "--pst-font-family-monospace"):
        value = re.search(rf"{variable}:([^;]*);", rule.group(1))
        assert value and value.group(1).strip().startswith(f'"{family}"'), (
            f"{variable} of the Chinese pages should start with {family!r}: {value and value.group(1)}")
    assert re.search(r"--pst-font-family-heading:\s*var\(--pst-font-family-base\)", rule.group(1))
    conf = (REPO / "book" / "conf.py").read_text(encoding="utf-8")
    assert 'html_static_path = ["_static"]' in conf and '"book.css"' in conf  # copied into the site and loaded


# --------------------------------------------------------------------------- the browser draws Chinese with it

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# What the theme does with the fonts (pydata-sphinx-theme 0.16): the CSS variables the book's CSS builds on.
THEME_CSS = """
html { --pst-font-family-base-system: system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
       --pst-font-family-monospace-system: ui-monospace, "DejaVu Sans Mono", monospace;
       --pst-font-family-base: var(--pst-font-family-base-system);
       --pst-font-family-heading: var(--pst-font-family-base-system);
       --pst-font-family-monospace: var(--pst-font-family-monospace-system); }
body { font-family: var(--pst-font-family-base); font-size: 20px; }
h1 { font-family: var(--pst-font-family-heading); font-size: 20px; font-weight: 700; }
code, pre { font-family: var(--pst-font-family-monospace); font-size: 20px; }
"""
# As a reader's page does: nothing asks for the font; the page waits until the browser has loaded it by itself.
JS_SETTLED = """async () => {
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const width = (id) => document.getElementById(id).getBoundingClientRect().width;
  return {text: width('text'), none: width('none'), status: Array.from(document.fonts).map(f => f.status)};
}"""


def _no_cjk_chromium_page(chromium: str, folder: Path, html: str):
    """(playwright, browser, page): ``html`` at http://book.test/ (book/_static under it), in a Chromium whose
    fontconfig knows DejaVu and nothing else."""
    from playwright.sync_api import sync_playwright

    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    f"  <dir>{DEJAVU}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
                    encoding="utf-8")

    def serve(route):
        path = route.request.url.split("://book.test/", 1)[1].split("?")[0]
        local = STATIC / path.removeprefix("_static/")
        if path in ("", "index.html"):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
        elif path.startswith("_static/") and local.is_file():
            kind = {".css": "text/css", ".woff": "font/woff"}.get(local.suffix, "application/octet-stream")
            route.fulfill(status=200, content_type=kind, body=local.read_bytes())
        else:
            route.fulfill(status=404, body="")

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
                                         env={"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin",
                                              "HOME": str(folder)})
    page = browser.new_page()
    page.route("http://book.test/**", serve)
    return playwright, browser, page


@pytest.mark.browser
def test_chinese_is_drawn_with_the_web_font_where_no_chinese_font_is_installed(chromium, tmp_path):
    """A Chinese page with the book's CSS in a Chromium without any Chinese font: every Chinese character of the
    heading, bold text, text and a code comment comes from the web font; without it the same text is boxes."""
    if not DEJAVU.is_dir():
        pytest.skip(f"no {DEJAVU} (Debian's fonts-dejavu-core) to give Chromium as its only font")
    chars = sorted(c for c in book_font.chinese(book_font.characters()) if "\u4e00" <= c <= "\u9fff")
    text = "".join(chars[:: max(1, len(chars) // 40)])  # about 40 characters from all over the book's
    shown = {  # what a chapter page shows first (a bold line first: Chromium once left exactly that as boxes)
        "#bold": "学完本章，你将能够",
        "#title": "第 4 章　强度图",
        "#text": text,
        "#code": f"x = 1  # 编码器的输出 {text}",
    }
    html = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{THEME_CSS}</style>'
            '<link rel="stylesheet" href="_static/book.css"></head><body>'
            f'<p><strong id="bold">{shown["#bold"]}</strong></p><h1 id="title">{shown["#title"]}</h1>'
            f'<p><span id="text">{text}</span></p><pre id="code">{shown["#code"]}</pre>'
            f'<p><span id="none" style="font-family: \'DejaVu Sans\'">{text}</span></p></body></html>')
    playwright, browser, page = _no_cjk_chromium_page(chromium, tmp_path, html)
    try:
        page.goto("http://book.test/index.html", wait_until="load")
        measured = page.evaluate(JS_SETTLED)
        drawn = {selector: fonts_drawn(page, selector) for selector in ("#none", *shown)}
    finally:
        browser.close()
        playwright.stop()

    # Without the web font there is no Chinese glyph anywhere: this Chromium really has no Chinese font.
    assert not any("CJK" in f["familyName"] or "Han" in f["familyName"] for f in drawn["#none"]), (
        f"Chromium found a Chinese font besides the book's: {drawn['#none']}")
    assert measured["status"] == ["loaded"], f"the web font did not load: {measured}"
    for selector, words in shown.items():
        expected = sum(bool(book_font.CJK.match(c)) for c in words)
        from_web = sum(f["glyphCount"] for f in drawn[selector] if f["isCustomFont"] and "CJK" in f["familyName"])
        assert from_web == expected, (f"{selector}: {expected} Chinese characters, {from_web} drawn from the web "
                                      f"font (the rest are boxes): {drawn[selector]}")
    # Each Chinese character is one em wide in the web font (20 px); the missing glyphs (boxes) are not.
    assert abs(measured["text"] - 20 * len(text)) < 0.05 * 20 * len(text), measured
    assert abs(measured["none"] - measured["text"]) > 0.1 * measured["text"], measured
