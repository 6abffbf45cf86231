"""The course book's Chinese web font: Noto Sans CJK SC cut down to the characters the book uses.

    .venv/bin/python tools/book_font.py           # writes book/_static/fonts/NotoSansCJKsc-course.woff + its licence
    .venv/bin/python tools/book_font.py --check   # exit 1 (naming them) if the book uses characters the font lacks

A reader without a Chinese system font would see the Chinese book as boxes; book/_static/book.css loads this
font (``@font-face``) for Chinese text instead. It is a subset of the SC face of the Noto Sans CJK collection the
course already installs (PyPI ``noto-cjk-sans-otc``, SIL Open Font License 1.1, licence written next to the font)
holding every character of: the notebooks (notebooks/en and notebooks/zh: prose, code, stored outputs), the
book's own files (book/: templates, texts, CSS, JavaScript), tools/book.py (the home page's words), README.md,
GLOSSARY.md, and the Chinese interface words of Sphinx and the themes (their zh_CN translation catalogs: search
box, previous/next, contents ...). tests/course/test_book_font.py fails when a Chinese character is used that the
shipped font lacks: run this tool again and commit the font.

The output depends only on those texts and the installed font: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import gettext
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "book" / "_static" / "fonts"
FONT = FONTS / "NotoSansCJKsc-course.woff"
LICENCE = FONTS / "NotoSansCJKsc-course.OFL.txt"
FAMILY_SC = "Noto Sans CJK SC"  # the face taken from the collection
# Chinese as the font and the check see it (book.css's unicode-range has the same ranges): CJK symbols and
# punctuation, kana, Han (extension A, unified, compatibility), CJK compatibility forms, full-width forms (，：（）).
CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                 r"\ufe30-\ufe4f\uff00-\uffef]")
TEXT_SUFFIXES = {".py", ".html", ".css", ".js", ".md", ".txt", ".json", ".svg"}


def _notebook_text(path: Path) -> str:
    """Every string of a notebook (sources, outputs, metadata), JSON escapes decoded; images are ASCII anyway."""
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                out.append(key)
                walk(value)

    walk(json.loads(path.read_text(encoding="utf-8")))
    return "\n".join(out)


def _catalog_text(path: Path) -> str:
    """The translated strings of a gettext catalog (.mo)."""
    with path.open("rb") as f:
        catalog = gettext.GNUTranslations(f)
    return "\n".join(str(v) for v in catalog._catalog.values())  # noqa: SLF001 (the only way to list them)


def ui_catalogs() -> list[Path]:
    """The zh_CN (or zh) catalogs of Sphinx and of the book's themes, in this environment."""
    import pydata_sphinx_theme
    import sphinx
    import sphinx_book_theme

    found = []
    for package in (sphinx, pydata_sphinx_theme, sphinx_book_theme):
        root = Path(package.__file__).parent
        for lang in ("zh_CN", "zh"):
            hits = sorted(root.rglob(f"locale*/{lang}/LC_MESSAGES/*.mo"))
            if hits:
                found += hits
                break
    return found


def sources() -> dict[str, str]:
    """The texts the book is made of, by path (relative to the repository where it is one)."""
    texts = {}
    for lang in ("en", "zh"):
        for path in sorted((REPO / "notebooks" / lang).glob("*.ipynb")):
            texts[str(path.relative_to(REPO))] = _notebook_text(path)
    for path in sorted((REPO / "book").rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and FONTS not in path.parents:
            texts[str(path.relative_to(REPO))] = path.read_text(encoding="utf-8")
    for name in ("tools/book.py", "README.md", "GLOSSARY.md"):
        texts[name] = (REPO / name).read_text(encoding="utf-8")
    for path in ui_catalogs():
        texts[str(path)] = _catalog_text(path)
    return texts


def characters(texts: dict[str, str] | None = None) -> set[str]:
    """Every character the book's texts use (control and format characters left out; spaces kept)."""
    texts = sources() if texts is None else texts
    return {c for text in texts.values() for c in text if unicodedata.category(c)[0] != "C"}


def chinese(chars) -> set[str]:
    return {c for c in chars if CJK.match(c)}


def source_font():
    """(path of the collection, number of its SC face)."""
    from fontTools.ttLib import TTCollection
    from noto_cjk_sans_otc import FONT_PATH

    collection = TTCollection(str(FONT_PATH), lazy=True)
    try:
        for number, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == FAMILY_SC:
                return str(FONT_PATH), number
    finally:
        collection.close()
    raise SystemExit(f"{FONT_PATH}: no {FAMILY_SC!r} face")


def licence_text() -> str:
    """The OFL of the installed font package, under the font's own copyright line."""
    from importlib.metadata import distribution

    from fontTools.ttLib import TTFont

    dist = distribution("noto-cjk-sans-otc")
    files = [f for f in dist.files or [] if Path(str(f)).name.upper().startswith(("LICENSE", "OFL"))]
    if not files:
        raise SystemExit("noto-cjk-sans-otc: no licence file in the installed package")
    ofl = Path(str(dist.locate_file(files[0]))).read_text(encoding="utf-8")
    path, number = source_font()
    font = TTFont(path, fontNumber=number, lazy=True)
    copyright_line = font["name"].getDebugName(0)
    version = font["name"].getDebugName(5)
    font.close()
    return (f"NotoSansCJKsc-course.woff: a subset of {FAMILY_SC} ({version}), from the Noto Sans CJK collection\n"
            f"(PyPI package noto-cjk-sans-otc {dist.version}), cut down by tools/book_font.py to the characters\n"
            "the tasnet-edu book uses. Changes: glyphs removed, WOFF packaging.\n\n"
            f"{copyright_line}\n\n{ofl.strip()}\n")


def subset(chars: set[str]) -> bytes:
    """The WOFF (zlib) subset of the SC face with the Chinese ones of ``chars`` (deterministic bytes).

    Only :data:`CJK` characters: the CSS's ``unicode-range`` is the same, Latin text keeps the theme's fonts.
    """
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    path, number = source_font()
    font = TTFont(path, fontNumber=number, recalcTimestamp=False)  # no build date in the bytes
    cmap = font.getBestCmap()
    options = ft_subset.Options()
    options.flavor = "woff"
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # names, copyright, licence and its address
    options.layout_features = ["*"]  # vertical forms, proportional punctuation ... as the font has them
    options.notdef_outline = True
    options.hinting = True  # CFF hints kept: crisper small text on Windows
    options.desubroutinize = False
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chinese(chars) if ord(c) in cmap))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


def font_characters(path: Path = FONT) -> set[str]:
    """The characters ``path`` (the shipped font) has glyphs for."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    try:
        return {chr(code) for code in font.getBestCmap()}
    finally:
        font.close()


def missing(path: Path = FONT) -> list[str]:
    """The Chinese characters the book uses that the shipped font lacks (sorted)."""
    have = font_characters(path) if path.is_file() else set()
    return sorted(chinese(characters()) - have)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the font has every character")
    args = parser.parse_args(argv)
    if args.check:
        lacking = missing()
        if lacking:
            print(f"{FONT.relative_to(REPO)} lacks {len(lacking)} characters the book uses: {''.join(lacking)}\n"
                  "run: .venv/bin/python tools/book_font.py", file=sys.stderr)
            return 1
        print(f"{FONT.relative_to(REPO)}: every Chinese character of the book is in the font")
        return 0
    chars = characters()
    data = subset(chars)
    FONTS.mkdir(parents=True, exist_ok=True)
    FONT.write_bytes(data)
    LICENCE.write_text(licence_text(), encoding="utf-8")
    have = font_characters()
    print(f"{FONT.relative_to(REPO)}: {len(have)} characters ({len(chinese(have))} Chinese), {len(data) / 1e6:.2f} MB; "
          f"licence {LICENCE.relative_to(REPO)}")
    absent = sorted(chinese(chars) - have)
    if absent:  # characters Noto Sans CJK SC itself does not have: nothing this tool can do
        print(f"not in {FAMILY_SC}: {''.join(absent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
