"""The notebooks as a course: both languages in step, built from their sources, honest about ignored outputs.

nbval (strict) re-runs every notebook and compares outputs; these tests check what nbval cannot.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as builder  # noqa: E402
from tasnet_edu.ui.course import CHAPTERS as REGISTRY  # noqa: E402

EN = sorted((ROOT / "notebooks" / "en").glob("*.ipynb"))
NAMES = [p.name for p in EN]
CHAPTERS = [chapter.notebook for chapter in REGISTRY]


def read(language, name):
    return nbformat.read(ROOT / "notebooks" / language / name, as_version=4)


def code_cells(nb):
    return [c.source for c in nb.cells if c.cell_type == "code"]


def without_comments(source):
    """The code of a cell with its comments dropped (comments are in the reader's language)."""
    import io
    import tokenize

    tokens = [tok for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type != tokenize.COMMENT]
    return [line.rstrip() for line in tokenize.untokenize(tokens).splitlines() if line.strip()]


def test_every_chapter_exists_in_both_languages():
    assert [p.stem for p in EN] == CHAPTERS
    assert sorted(p.name for p in (ROOT / "notebooks" / "zh").glob("*.ipynb")) == NAMES
    assert [p.stem for p in builder.sources()] == CHAPTERS
    assert sorted(p.stem for p in builder.SRC.glob("*.py")) == CHAPTERS, "a notebook source not in the registry"


@pytest.mark.parametrize("name", NAMES)
def test_code_cells_are_identical_between_languages(name):
    en, zh = code_cells(read("en", name)), code_cells(read("zh", name))
    assert [without_comments(c) for c in en] == [without_comments(c) for c in zh]


@pytest.mark.parametrize("name", NAMES)
def test_code_comments_are_in_the_readers_language(name):
    for language in ("en", "zh"):
        for source in code_cells(read(language, name)):
            assert not builder.BILINGUAL_COMMENT.search(source), source
            comments = re.findall(r"#.*$", source, re.M)
            if language == "en":
                assert not any(re.search(r"[\u4e00-\u9fff]", c) for c in comments), (name, comments)


@pytest.mark.parametrize("name", NAMES)
def test_prose_differs_between_languages_and_chinese_is_chinese(name):
    en = [c.source for c in read("en", name).cells if c.cell_type == "markdown"]
    zh = [c.source for c in read("zh", name).cells if c.cell_type == "markdown"]
    assert len(en) == len(zh)
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert all(cjk.search(text) for text in zh), "every Chinese markdown cell has Chinese text"
    assert sum(bool(cjk.search(text)) for text in en) <= len(en) // 3, "English cells quote Chinese only occasionally"


@pytest.mark.parametrize("name", NAMES)
def test_both_languages_have_the_same_headings_formulas_and_links_per_cell(name):
    """A section, a displayed formula or a link dropped from one language shows up here, cell by cell."""
    def outline(text):
        headings = [line.split(" ", 1)[0] for line in text.splitlines() if re.match(r"#{1,6} ", line)]
        links = re.findall(r"\]\((https?://[^)\s]+)\)", text)
        return headings, text.count("$$"), sorted(url.replace("//zh.", "//") for url in links)  # zh.d2l.ai: d2l in Chinese

    en = [c.source for c in read("en", name).cells if c.cell_type == "markdown"]
    zh = [c.source for c in read("zh", name).cells if c.cell_type == "markdown"]
    for i, (a, b) in enumerate(zip(en, zh)):
        assert outline(a) == outline(b), f"markdown cell {i}: {a[:60]!r}"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_notebooks_are_built_from_their_sources(name, language):
    """Editing a notebook by hand (or its source without rebuilding) is caught here."""
    built = builder.build(builder.SRC / name.replace(".ipynb", ".py"), language)
    stored = read(language, name)
    assert [(c.cell_type, c.source) for c in built.cells] == [(c.cell_type, c.source) for c in stored.cells]


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_executed_in_order_without_errors(name):
    for language in ("en", "zh"):
        cells = [c for c in read(language, name).cells if c.cell_type == "code"]
        assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), "run top to bottom, once"
        for c in cells:
            assert not [o for o in c.outputs if o.output_type == "error"]
            assert not [o for o in c.outputs if o.get("name") == "stderr"], f"stderr output in {language}/{name}"


@pytest.mark.parametrize("name", NAMES)
def test_first_cell_starts_the_chapter(name):
    first = code_cells(read("en", name))[0]
    assert "import tasnet_edu as te" in first and f'te.start_chapter("{name[:2]}")' in first


@pytest.mark.parametrize("name", NAMES)
def test_ignored_outputs_are_only_widgets_or_timings_and_are_checked_next(name):
    """nbval markers live in cell tags, out of the learner's sight; only varying outputs are ignored, and checked next."""
    for language in ("en", "zh"):
        cells = [c for c in read(language, name).cells if c.cell_type == "code"]
        for i, cell in enumerate(cells):
            assert "NBVAL" not in cell.source, f"visible nbval marker in {language}/{name}: {cell.source[:60]}"
            tags = cell.metadata.get("tags", [])
            assert "nbval-skip" not in tags
            if "nbval-ignore-output" in tags:
                assert re.search(r"widget|interactive|browser|time|train_steps|real_time_factor|perf_counter|record|voice|Recorder",
                                 cell.source), cell.source
                following = cells[i + 1].source
                assert "assert" in following or "print" in following, f"cell after an ignored cell checks it: {following}"


@pytest.mark.parametrize("name", NAMES)
def test_chapters_end_with_exercises_and_a_summary(name):
    nb = read("en", name)
    code = "\n".join(code_cells(nb))
    if name[:2] != "00" and "appendix" not in name:  # the introduction and the appendix (reading) check no answers
        assert len(re.findall(r'te\.check\("\d\d\.\d"', code)) >= 2
        assert "te.solution(" in code
    assert re.search(r"^#+ .*Summary", nb.cells[-1].source, re.M), "the last cell holds the summary"
    assert re.search(r"^#+ .*总结", read("zh", name).cells[-1].source, re.M)


def test_every_exercise_used_in_a_notebook_has_a_checker():
    import tasnet_edu.exercises as ex

    ex.load_all()
    used = set()
    for name in NAMES:
        used |= set(re.findall(r'te\.(?:check|solution)\("(\d\d\.\d)"', "\n".join(code_cells(read("en", name)))))
    assert used and used <= set(ex.EXERCISES)


def test_glossary_is_linked_from_readme_and_introduction():
    assert "GLOSSARY.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for language in ("en", "zh"):
        intro = "\n".join(c.source for c in read(language, "00_introduction.ipynb").cells if c.cell_type == "markdown")
        assert "../../GLOSSARY.md" in intro


@pytest.mark.parametrize("name", NAMES)
def test_audio_is_playable_where_sound_is_shown(name):
    assert any("Audio(" in s for s in code_cells(read("en", name)))


@pytest.mark.parametrize("chapter", REGISTRY, ids=lambda c: c.number)
def test_readme_states_each_chapters_time_as_the_chapter_does(chapter):
    en = re.search(r"\*\*Time\*\*: about (\d+) min", read("en", f"{chapter.notebook}.ipynb").cells[0].source)
    zh = re.search(r"\*\*用时\*\*：约 (\d+) 分钟", read("zh", f"{chapter.notebook}.ipynb").cells[0].source)
    assert en and zh and en.group(1) == zh.group(1)
    row = re.search(rf"^\| {chapter.number} \| .*\| (\d+) min \|$", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    assert row and row.group(1) == en.group(1)


def test_navigation_and_course_map_come_from_the_registry():
    """A new chapter needs no edit of the others: the links and chapter 00's map are filled in by the builder."""
    for chapter in REGISTRY:
        last = read("en", f"{chapter.notebook}.ipynb").cells[-1].source
        assert "{{" not in last and builder.navigation(chapter.notebook, "en") in last
        assert builder.navigation(chapter.notebook, "zh") in read("zh", f"{chapter.notebook}.ipynb").cells[-1].source
    intro = "\n".join(c.source for c in read("zh", "00_introduction.ipynb").cells)
    assert builder.course_map("zh") in intro and all(f"({c.notebook}.ipynb)" in intro for c in REGISTRY)
