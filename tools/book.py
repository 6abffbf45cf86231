"""Build the course book: a bilingual static site (and a PDF per language) from the stored notebooks, offline.

    .venv/bin/python tools/book.py              # build/book/{en,zh}/ + build/book/index.html + PDFs
    .venv/bin/python tools/book.py --no-pdf     # the site only
    python3 -m http.server -d build/book        # then open http://localhost:8000

For each language it lays out a Sphinx source folder (build/book-src/LANG): the notebooks of notebooks/LANG as
committed, a home page made from README.md's course part (introduction, chapter table, quick start), the
glossary (GLOSSARY.md) and, for Chinese search, a word list from the glossary. Then it runs
``sphinx-build -W`` (any warning fails the build) with book/conf.py: MyST-NB shows the stored outputs and runs
nothing; book/tasnet_book.py turns widgets into their stored figure. The two languages build side by side.
The PDF per language is Chromium's print of one page holding the whole book (build/book/LANG/print.html).
Nothing is downloaded: the theme, MathJax and the search come from installed packages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
sys.path.insert(0, str(BOOK))
import tasnet_book  # noqa: E402

LANGUAGES = ("en", "zh")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CHROMIUM = Path("/usr/bin/chromium")


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------- the home page from README.md


def _sections(markdown: str) -> dict[str, str]:
    """README.md's level-2 sections by title; the part before the first one under ''."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    out = {"": parts[0]}
    for title, body in zip(parts[1::2], parts[2::2]):
        out[title.strip()] = body
    return out


def _blocks(text: str) -> list[str]:
    """Markdown blocks separated by blank lines (a fenced code block stays whole)."""
    blocks, current, fence = [], [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fence = not fence
        if not line.strip() and not fence:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _language_of(block: str) -> str | None:
    """'zh' or 'en' for prose in one language, None for a block both pages keep (code, lists, tables)."""
    if block.startswith(("```", "|", "#")):
        return None
    if block.startswith(("1.", "-", "*")):  # a list: its language is that of its text outside the bold titles
        block = re.sub(r"\*\*[^*]*\*\*", "", block)
    letters = [c for c in block if c.isalpha()]
    if not letters:
        return None
    share = sum(bool(CJK.match(c)) for c in letters) / len(letters)
    return "zh" if share > 0.3 else "en"


def chapter_table(readme: str) -> list[dict]:
    """The chapters in README.md's table: number, file, and title per language."""
    section = next((body for title, body in _sections(readme).items() if title.startswith("The chapters")), None)
    if section is None:
        raise BuildError("README.md: no '## The chapters' section (the book takes its chapter list from it)")
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not re.fullmatch(r"\d\d", cells[0]):  # number, English, 中文 (then the time)
            continue
        links = {}
        for lang, cell in zip(LANGUAGES, cells[1:3]):
            m = re.fullmatch(r"\[(.+)\]\(notebooks/(en|zh)/([\w.-]+\.ipynb)\)", cell)
            if not m or m.group(2) != lang:
                raise BuildError(f"README.md: chapter row {cells[0]}: expected [title](notebooks/{lang}/NN_name.ipynb), "
                                 f"got {cell!r}")
            links[lang] = (m.group(1), m.group(3))
        if links["en"][1] != links["zh"][1]:
            raise BuildError(f"README.md: chapter {cells[0]} names two different notebooks: {links}")
        rows.append({"number": cells[0], "file": links["en"][1], "title": {k: v[0] for k, v in links.items()}})
    if not rows:
        raise BuildError("README.md: the chapter table has no rows")
    return rows


def home_page(readme: str, lang: str, chapters: list[dict], pdf: bool = False) -> tuple[str, list[str]]:
    """index.md for ``lang`` (and the README images it shows) from README.md's course part."""
    text = tasnet_book.TEXT[lang]
    sections = _sections(readme)
    intro = sections[""]
    title = intro.splitlines()[0].lstrip("# ").strip()
    lines, images = [f"# {title}", ""], []
    for block in _blocks("\n".join(intro.splitlines()[1:])):
        if block.startswith("|") and "![" in block:  # the screenshot table: this language's column
            shots = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", block)
            alt, src = shots[0] if lang == "en" else shots[-1]
            images.append(src)
            lines += [f"![{alt}]({src})", ""]
            continue
        if _language_of(block) in (None, lang):
            lines += [block, ""]
    lines += [f"## {text['chapters']}", ""]
    lines += ["```{toctree}", ":maxdepth: 1", ""]
    lines += [f"{c['number']} · {c['title'][lang]} <{c['file'][:-len('.ipynb')]}>" for c in chapters]
    lines += [f"{text['glossary']} · {'Glossary' if lang == 'zh' else '术语表'} <glossary>", "```", ""]
    quick = next((body for t, body in sections.items() if t.startswith("Quick start")), "")
    # The quick-start commands, with comments in this page's language (README has one block per language).
    code = [b for b in _blocks(quick) if b.startswith("```bash") and ("zh" if CJK.search(b) else "en") == lang]
    if code:
        lines += [f"## {text['run_yourself']}", "", text["run_text"], "", code[0], ""]
    if pdf:  # raw HTML: Sphinx does not know the PDF, which is printed after the site is built
        lines += [f'<p><a class="tasnet-pdf-link" href="tasnet-edu-{lang}.pdf">{text["pdf"]} (tasnet-edu-{lang}.pdf)</a></p>', ""]
    page = "\n".join(lines)
    page = re.sub(r"\]\(GLOSSARY\.md\)", "](glossary.md)", page)
    # Chapter links in the README point at notebooks/LANG/NN.ipynb: in the book, the page itself.
    page = re.sub(r"\]\(notebooks/(?:en|zh)/([\w.-]+\.ipynb)\)", r"](\1)", page)
    return page, images


def search_words(glossary: str) -> str:
    """Chinese terms of the glossary, one a line (a jieba user dictionary: 强度图 stays one search word)."""
    words = set()
    for line in glossary.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            continue
        for word in re.split(r"[\s/（）()，,、：:·]+", cells[1]):
            if len(word) >= 2 and all(CJK.match(c) for c in word):
                words.add(word)
    return "".join(f"{w} 20\n" for w in sorted(words))


# --------------------------------------------------------------------------- the Sphinx sources


def prepare(lang: str, src: Path, notebooks: Path, readme: str, glossary: str, pdf: bool = False) -> list[dict]:
    """Lay out the Sphinx source folder of one language; returns the chapters."""
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    chapters = chapter_table(readme)
    for c in chapters:
        path = notebooks / lang / c["file"]
        if not path.is_file():
            raise BuildError(f"{path}: listed in README.md's chapter table but missing")
    for path in sorted((notebooks / lang).glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        try:
            tasnet_book.check_notebook(json.loads(text), _shown(path))
        except tasnet_book.BookError as exc:
            raise BuildError(str(exc)) from None
        shutil.copy2(path, src / path.name)
    page, images = home_page(readme, lang, chapters, pdf)
    (src / "index.md").write_text(page, encoding="utf-8")
    for image in images:
        (src / image).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / image, src / image)
    (src / "glossary.md").write_text(glossary, encoding="utf-8")
    (src / "search_words.txt").write_text(search_words(glossary), encoding="utf-8")
    return chapters


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def sphinx(lang: str, src: Path, out: Path, doctrees: Path, origin: str) -> subprocess.Popen:
    env = dict(os.environ, TASNET_BOOK_LANG=lang, TASNET_BOOK_SRC=str(src), TASNET_BOOK_ORIGIN=origin,
               PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", "-E", "-c", str(BOOK),
           "-d", str(doctrees), str(src), str(out)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def landing_page() -> str:
    """build/book/index.html: the two languages (English opens by default)."""
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The TasNet encoder, step by step · TasNet 编码器课程</title>
<style>@font-face{font-family:"Noto Sans CJK SC Course";src:url(zh/_static/fonts/NotoSansCJKsc-course.woff) format("woff");
unicode-range:U+3000-9FFF,U+FF00-FFEF}
body{font-family:"Noto Sans CJK SC Course",system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;}
a{display:block;font-size:1.4rem;margin:1rem 0;}</style></head>
<body><h1>tasnet-edu</h1>
<a href="en/index.html" hreflang="en">The TasNet encoder, step by step (English)</a>
<a href="zh/index.html" hreflang="zh-CN" lang="zh-CN">TasNet 编码器课程（中文）</a>
</body></html>
"""


# --------------------------------------------------------------------------- print page and PDF


def print_page(out: Path, pages: list[str], lang: str) -> Path:
    """out/print.html: the articles of ``pages`` in book order on one page, for Chromium's print-to-PDF."""
    from bs4 import BeautifulSoup

    # The page around the articles is a chapter's (the first with math: its head loads MathJax).
    shells = [name for name in pages if "mathjax/tex-chtml.js" in (out / f"{name}.html").read_text(encoding="utf-8")]
    first = BeautifulSoup((out / f"{(shells or pages)[0]}.html").read_text(encoding="utf-8"), "html.parser")
    main = first.select_one("article.bd-article")
    main.clear()
    for i, name in enumerate(pages):
        soup = BeautifulSoup((out / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.bd-article")
        section = first.new_tag("section", attrs={"class": "tasnet-print-page" if i else "tasnet-print-first",
                                                  "id": f"page-{name}"})
        for child in list(article.children):
            section.append(child.extract())
        main.append(section)
    # Links between pages become links inside the PDF (and the PDF does not depend on where it was built).
    for link in main.select("a[href]"):
        target, _, anchor = link["href"].partition("#")
        if target.endswith(".html") and target[: -len(".html")] in pages:
            link["href"] = f"#{anchor or 'page-' + target[: -len('.html')]}"
        elif target and ":" not in target:  # a file of the site (the PDF itself, a download): text only on paper
            link.unwrap()
    for audio in main.select("audio"):  # paper cannot play it (and its data would only slow the print)
        note = first.new_tag("p", attrs={"class": "tasnet-audio-print"})
        note.string = tasnet_book.TEXT[lang]["audio_print"]
        audio.replace_with(note)
    # MathJax's SVG output for paper: no web fonts to wait for, so the same layout every time.
    for script in first.select('script[src$="mathjax/tex-chtml.js"]'):
        script["src"] = script["src"].replace("tex-chtml.js", "tex-svg.js")
    for node in first.select(".onlyprint"):  # the theme's printed title and contents of the first chapter
        node.decompose()
    for selector in (".bd-sidebar-secondary .bd-toc-nav", ".prev-next-area"):  # the first chapter's
        for node in first.select(selector):
            node.clear()
    if first.title:
        first.title.string = tasnet_book.TEXT[lang]["project"]
    path = out / "print.html"
    path.write_text(str(first), encoding="utf-8")
    return path


def _fonts_conf(folder: Path) -> Path:
    """fontconfig: the system fonts plus the course's Noto Sans CJK (so Chinese is drawn and embedded)."""
    from noto_cjk_sans_otc import FONT_PATH

    (folder / "cache").mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <dir>{Path(FONT_PATH).parent}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
                    "</fontconfig>\n", encoding="utf-8")
    return conf


# Wait until the page is what paper gets: math typeset, web fonts loaded, images decoded, layout done.
# The print page uses MathJax's SVG output (no web fonts whose loading races the layout: with the HTML output two
# builds gave PDFs a fraction of a pixel apart); typesetting once more after the fonts are in costs little.
JS_SETTLED = """async () => {
  if (window.MathJax && MathJax.startup) {
    await MathJax.startup.promise;
    await document.fonts.ready;
    await MathJax._.mathjax.mathjax.handleRetriesFor(() => MathJax.startup.document.rerender());
  }
  await document.fonts.ready;
  await Promise.all(Array.from(document.images).map(img => img.decode().catch(() => null)));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""


def print_pdfs(jobs: list[tuple[Path, Path]], fonts: Path, chromium: Path = CHROMIUM) -> None:
    """Print each (html, pdf) with headless Chromium (Playwright drives it), after MathJax has typeset."""
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf(fonts)))  # its cache stays in ``fonts``: faster next time
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, env=env,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            for html, pdf in jobs:
                page = browser.new_page()
                page.goto(html.resolve().as_uri(), wait_until="load", timeout=120_000)
                page.emulate_media(media="print")
                page.evaluate(JS_SETTLED)
                page.pdf(path=str(pdf), format="A4", print_background=True,
                         margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
                page.close()
        finally:
            browser.close()
    for _, pdf in jobs:
        _strip_pdf_dates(pdf)


def _strip_pdf_dates(pdf: Path) -> None:
    """Replace the PDF's creation/modification dates by a fixed one of the same length (xref offsets stay)."""
    data = pdf.read_bytes()
    def fixed(m: re.Match) -> bytes:  # D:YYYYMMDDHHmmSS and a zone such as +08'00' (kept as long)
        zone = b"+00'00'" if len(m.group(2)) == 7 else m.group(2)
        return b"(D:20000101000000" + zone + b")"

    data = re.sub(rb"\(D:(\d{14})([^)]*)\)", fixed, data)
    pdf.write_bytes(data)


# --------------------------------------------------------------------------- the build


def build(out: Path, notebooks: Path, languages=LANGUAGES, pdf: bool = True, work: Path | None = None,
          print_pdfs_too: bool = True) -> dict:
    """Build the book into ``out``; returns {'seconds': ..., 'pdfs': [...]}. Raises BuildError with Sphinx's words.

    ``print_pdfs_too=False`` lays the site out as for the PDFs (their links, print.html) without printing them.
    """
    start = time.monotonic()
    work = work or out.parent / (out.name + "-src")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    glossary = (REPO / "GLOSSARY.md").read_text(encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    running, chapters = {}, {}
    for lang in languages:
        chapters[lang] = prepare(lang, work / lang, notebooks, readme, glossary, pdf and CHROMIUM.exists())
    for lang in languages:
        # Each language writes into its own folder: MyST-NB puts its jupyter_execute/ beside the output folder.
        site = work / "html" / lang / "site"
        if site.parent.exists():
            shutil.rmtree(site.parent)
        running[lang] = sphinx(lang, work / lang, site, work / "doctrees" / lang, _shown(notebooks / lang))
    failures = []
    for lang, proc in running.items():
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            # Name the notebook as it is in the repository, not as its copy in the source folder.
            text = stderr.replace(str(work / lang) + os.sep, _shown(notebooks / lang) + os.sep)
            text = text.replace(_shown(notebooks / lang) + os.sep + "index.md", "README.md (the home page, index.md)")
            text = text.replace(_shown(notebooks / lang) + os.sep + "glossary.md", "GLOSSARY.md")
            failures.append(f"--- {lang}: sphinx-build failed (exit {proc.returncode}) ---\n{text.strip()}")
    if failures:
        raise BuildError("\n".join(failures))
    for lang in languages:
        os.replace(work / "html" / lang / "site", out / lang)
        (out / lang / ".buildinfo").unlink(missing_ok=True)  # a config hash, useless on a static site
    (out / "index.html").write_text(landing_page(), encoding="utf-8")
    sphinx_seconds = time.monotonic() - start
    pdfs = []
    if pdf:
        jobs = []
        for lang in languages:
            pages = ["index", *[c["file"][: -len(".ipynb")] for c in chapters[lang]], "glossary"]
            jobs.append((print_page(out / lang, pages, lang), out / lang / f"tasnet-edu-{lang}.pdf"))
        if print_pdfs_too and CHROMIUM.exists():
            try:
                print_pdfs(jobs, work / "fonts")
            except Exception as exc:  # Playwright or Chromium: say so, the site itself is built
                raise BuildError(f"the site is built in {out}, but printing the PDFs with {CHROMIUM} failed "
                                 f"(--no-pdf skips them): {exc}") from exc
            pdfs = [str(p) for _, p in jobs]
        elif print_pdfs_too:
            print(f"note: no PDF ({CHROMIUM} is missing: apt-get install chromium)", file=sys.stderr)
    return {"seconds": time.monotonic() - start, "sphinx_seconds": sphinx_seconds, "pdfs": pdfs}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "book")
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks", help="a folder with en/ and zh/")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="build only this language (repeatable)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    parser.add_argument("--no-print", action="store_true",
                        help="the site as for the PDFs (their links, print.html), without printing them")
    args = parser.parse_args(argv)
    try:
        result = build(args.out, args.notebooks, tuple(args.lang or LANGUAGES), pdf=not args.no_pdf,
                       print_pdfs_too=not args.no_print)
    except (BuildError, tasnet_book.BookError) as exc:
        print(f"book: build failed:\n{exc}", file=sys.stderr)
        return 1
    print(f"book: built {args.out} in {result['seconds']:.0f} s (site {result['sphinx_seconds']:.0f} s)"
          + (f"; PDFs: {', '.join(result['pdfs'])}" if result["pdfs"] else ""))
    print(f"read it: python3 -m http.server -d {_shown(args.out)}  (then open http://localhost:8000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
