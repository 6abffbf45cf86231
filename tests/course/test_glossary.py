"""The glossary (GLOSSARY.md) and the course use the same words, in both languages.

- Every term of the glossary is used in the course: its English terms in the English notebooks, its Chinese terms in
  the Chinese notebooks (prose, code and comments, as built from ``notebooks/src``).
- Every key term of the Chinese prose is in the glossary. A key term is a term given with its English name at first
  use, ``**编码器**（encoder）`` or ``编码器（encoder）``: the English name must be a glossary term, and a bold
  Chinese term must contain the glossary's Chinese for it.
- Natural textbook Chinese: the developer calque 随包 ("ships with the package") appears nowhere a learner reads.

Matching is forgiving where language is: English ignores case, Markdown emphasis and line breaks, and allows the
usual inflections of the last word (templates, bases, rectified); Chinese ignores whitespace. A glossary cell lists
alternatives separated by `` / ``; a parenthesis after a term gives other forms or the symbol, ``batch (M)``,
``掩码（mask）``: one of the forms must be used.
"""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as builder  # noqa: E402

GLOSSARY = ROOT / "GLOSSARY.md"
HAN = r"\u4e00-\u9fff"


# --- the glossary --------------------------------------------------------------------------------------------------

def split_forms(cell: str) -> list[list[str]]:
    """``"template / kernel (filter)"`` -> ``[["template"], ["kernel", "filter"]]``: each alternative, with its forms."""
    alternatives = []
    for part in re.split(r"\s+/\s+", cell.strip()):
        match = re.fullmatch(r"(.*?)\s*[（(]([^（）()]*)[)）]", part)
        head, extra = (match.group(1), re.split(r"\s*[,，、;；]\s*", match.group(2))) if match else (part, [])
        forms = [f.strip().strip("`") for f in [head, *extra] if f.strip()]
        if forms:
            alternatives.append(forms)
    return alternatives


def glossary_rows(text: str) -> list[dict]:
    """The table rows of the glossary: ``{"en": [[forms]], "zh": [[forms]], "line": str}``."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]  # "\|" is a "|" in a cell
        if not line.startswith("|") or len(cells) < 2 or cells[0] in ("English", "") or set(cells[0]) <= set("-: "):
            continue
        rows.append({"en": split_forms(cells[0]), "zh": split_forms(cells[1]), "line": line})
    return rows


# --- matching ------------------------------------------------------------------------------------------------------

def normalize_english(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*_]", " ", text)).lower()


def inflections(word: str) -> set[str]:
    """The last word of a term as the prose may write it: template(s), basis/bases, frequency/frequencies, rectified."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("is"):
        forms.add(word[:-2] + "es")
    if word.endswith("ication"):
        forms |= {word[:-7] + "ied", word[:-7] + "y"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    return forms


def english_used(term: str, text: str, whole: bool = False) -> bool:
    """``term`` (any inflection of its last word) in normalized English ``text``, as whole words (or all of it)."""
    words = normalize_english(term).split()
    if not words:
        return False
    last = "|".join(re.escape(w) for w in sorted(inflections(words[-1]), key=len, reverse=True))
    pattern = "".join(re.escape(w) + " " for w in words[:-1]) + f"(?:{last})"
    if whole:
        return re.fullmatch(pattern, normalize_english(text).strip()) is not None
    return re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9-])", text) is not None


def normalize_chinese(text: str) -> str:
    return re.sub(r"[\s*]", "", text).lower()


def chinese_used(term: str, text: str) -> bool:
    return normalize_chinese(term) in text


def missing_terms(rows: list[dict], english: str, chinese: str) -> list[str]:
    """Every glossary alternative none of whose forms the course uses, as ``"en: term"`` / ``"zh: 术语"``."""
    english, chinese = normalize_english(english), normalize_chinese(chinese)
    missing = []
    for row in rows:
        for forms in row["en"]:
            if not any(english_used(f, english) for f in forms):
                missing.append("en: " + " / ".join(forms))
        for forms in row["zh"]:
            if not any(chinese_used(f, chinese) for f in forms):
                missing.append("zh: " + " / ".join(forms))
    return missing


# --- key terms of the Chinese prose --------------------------------------------------------------------------------

BOLD_TERM = re.compile(rf"\*\*([^*]*[{HAN}][^*]*)\*\*的?（([A-Za-z][^（）]*)）")
GLOSSED_TERM = re.compile(rf"[{HAN}]（([a-z][a-z -]*[a-z])[，,；;）]")


def key_terms(prose: str) -> list[tuple[str, str]]:
    """``(中文, english)`` of every term given with its English name: bold ones keep their Chinese, others ``""``."""
    terms = []
    for match in BOLD_TERM.finditer(prose):
        english = re.split(r"[，,；;]", match.group(2))[0].strip()
        if re.fullmatch(r"[A-Za-z][A-Za-z -]*", english):  # not a citation ("Luo & Mesgarani, 2018") or a unit
            terms.append((match.group(1), english))
    terms += [("", match.group(1)) for match in GLOSSED_TERM.finditer(prose)]
    return terms


def unknown_key_terms(rows: list[dict], prose: str) -> list[str]:
    """Key terms whose English is no glossary form, or whose bold Chinese holds no Chinese form of that row."""
    unknown = []
    for chinese, english in key_terms(prose):
        matches = [row for row in rows if any(english_used(form, english, whole=True)
                                             for forms in row["en"] for form in forms)]
        if not matches:
            unknown.append(f"{chinese}（{english}）: {english!r} is not in the glossary")
        elif chinese and not any(chinese_used(form, normalize_chinese(chinese))
                                 for row in matches for forms in row["zh"] for form in forms):
            unknown.append(f"{chinese}（{english}）: the glossary's Chinese for {english!r} is not {chinese!r}")
    return sorted(set(unknown))


# --- the course ----------------------------------------------------------------------------------------------------

def course(language: str, markdown_only: bool = False) -> str:
    """The text of every notebook of ``language``, as built from its source (without running it)."""
    parts = []
    for path in builder.sources():
        for cell in builder.build(path, language).cells:
            if cell.cell_type == "markdown" or not markdown_only:
                parts.append(cell.source)
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def rows():
    return glossary_rows(GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_has_a_table_of_both_languages(rows):
    assert len(rows) >= 40
    for row in rows:
        assert row["en"] and row["zh"], row["line"]
        assert re.search(f"[{HAN}]", " ".join(f for forms in row["zh"] for f in forms)), row["line"]


def test_every_glossary_term_is_used_in_the_course(rows):
    missing = missing_terms(rows, course("en"), course("zh"))
    assert not missing, "glossary terms the notebooks never use (remove them, or use them):\n" + "\n".join(missing)


def test_every_key_term_of_the_course_is_in_the_glossary(rows):
    terms = key_terms(course("zh", markdown_only=True))
    assert len(terms) >= 30, "the Chinese prose gives English names at first use"
    unknown = unknown_key_terms(rows, course("zh", markdown_only=True))
    assert not unknown, "key terms missing from GLOSSARY.md:\n" + "\n".join(unknown)


def test_no_english_term_is_listed_twice(rows):
    heads = [forms[0].lower() for row in rows for forms in row["en"]]
    assert len(heads) == len(set(heads)), sorted({h for h in heads if heads.count(h) > 1})


def test_the_checks_catch_a_missing_or_unlisted_term():
    table = ("| English | 中文 | meaning · 含义 | chapter · 章 |\n| --- | --- | --- | --- |\n"
             "| template / kernel | 模板 / 卷积核 | … | 02 |\n"
             "| frequency bin (bin) | 频点 | … | 04 |\n"
             "| basis signal | 基信号 | … | 04 |\n")
    rows = glossary_rows(table)
    assert [r["en"] for r in rows] == [[["template"], ["kernel"]], [["frequency bin", "bin"]], [["basis signal"]]]
    english = "Each **Template** slides.\nThe kernels and the DFT bins.\nThree basis\nsignals."
    chinese = "每个**模板**都滑动；卷积核、频点和基 信号。"
    assert missing_terms(rows, english, chinese) == []
    assert missing_terms(rows, english.replace("kernels", "weights"), chinese) == ["en: kernel"]
    assert missing_terms(rows, english, chinese.replace("频点", "频率")) == ["zh: 频点"]
    assert missing_terms(rows, english.replace("bins", "frequency bins"), chinese) == []
    assert not english_used("bin", normalize_english("the binary mask")), "whole words only"

    prose = "它叫**频点**（bin），由**基信号**（basis signals）组成，叫作帧长（frame length；见第 1 章）。"
    assert key_terms(prose) == [("频点", "bin"), ("基信号", "basis signals"), ("", "frame length")]
    assert unknown_key_terms(rows, prose) == ["（frame length）: 'frame length' is not in the glossary"]
    wrong = "**频率点**（bin）和 **Conv-TasNet**（Luo & Mesgarani，2019）"
    assert unknown_key_terms(rows, wrong) == ["频率点（bin）: the glossary's Chinese for 'bin' is not '频率点'"]


CALQUE = "随包"  # "ships with the package": the course says 课程自带


def test_learners_never_read_the_calque():
    places = [ROOT / "GLOSSARY.md", ROOT / "README.md", *sorted((ROOT / "notebooks" / "src").glob("*.py")),
              *sorted((ROOT / "tasnet_edu").rglob("*.py"))]
    found = [f"{p.relative_to(ROOT)}:{i}" for p in places
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if CALQUE in line]
    assert not found, f"use 课程自带 rather than {CALQUE}: " + ", ".join(found)


def test_results_labels_say_oracle_in_english_only():
    """理想（oracle）is glossed once in the prose; the Chinese table labels say 理想 without the English word."""
    from tasnet_edu.core.evaluation import ABLATIONS, METHODS, TEST_SETS

    labels = [*METHODS.values(), *TEST_SETS.values(), *(v for kind in ABLATIONS.values() for v in kind.values())]
    assert all("oracle" not in zh for _, zh in labels)
