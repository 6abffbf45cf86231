"""Sphinx configuration of the course book (one build per language; see tools/book.py).

tools/book.py lays out a source folder per language (the stored notebooks, a home page made from README.md,
the glossary) and runs ``sphinx-build -W -c book SRC OUT`` with TASNET_BOOK_LANG set to ``en`` or ``zh``.
Nothing is executed (the notebooks' stored outputs are shown) and nothing is fetched from another host, at build
or at view time: MathJax is served from the build (book/tasnet_book.py copies it from sphinx-mathjax-offline).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import tasnet_book  # noqa: E402

LANG = os.environ.get("TASNET_BOOK_LANG", "en")
TEXT = tasnet_book.TEXT[LANG]

project = TEXT["project"]
author = "tasnet-edu"
copyright = "tasnet-edu authors, MIT license"  # no year: builds are the same whatever the date
language = {"en": "en", "zh": "zh_CN"}[LANG]
html_title = TEXT["project"]

extensions = ["myst_nb", "sphinx.ext.mathjax", "tasnet_book"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["book.css"]
html_js_files = [("book.js", {"defer": "defer"})]
html_favicon = "_static/favicon.svg"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
root_doc = "index"

# MyST-NB: show the outputs stored in the notebooks (nbval proves them); never run a kernel.
nb_execution_mode = "off"
nb_ipywidgets_js = {}  # no widget JavaScript from a CDN: tasnet_book turns widgets into their stored figure
nb_merge_streams = True
nb_output_stderr = "show"
myst_enable_extensions = ["dollarmath", "amsmath"]
nb_render_markdown_format = "myst"  # text/markdown outputs (chapter 06's tables) use the book's parser: tables, math
myst_heading_anchors = 3
suppress_warnings = []

# MathJax 3 from this build (_static/mathjax), not a CDN.
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_sourcelink_suffix = ""  # _sources/NN_name.ipynb is the notebook itself: the download link
html_copy_source = True
html_show_sourcelink = False
html_last_updated_fmt = None
html_search_language = "zh" if LANG == "zh" else "en"
if LANG == "zh":
    # jieba cuts Chinese text into words; the glossary's terms (强度图 ...) are added to its dictionary.
    html_search_options = {"dict": str(Path(os.environ.get("TASNET_BOOK_SRC", ".")) / "search_words.txt")}
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_edit_page_button": False,
    "use_issues_button": False,
    "launch_buttons": {},
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "article_header_end": ["notebook-download", "language-switch", "article-header-buttons"],
    "navigation_with_keys": False,
}
html_sidebars = {"**": ["navbar-logo", "search-button-field", "language-switch", "sbt-sidebar-nav"]}
html_context = {
    "default_mode": "light",
    "tasnet_text": TEXT,
    "tasnet_lang": LANG,
    "tasnet_origin_dir": os.environ.get("TASNET_BOOK_ORIGIN", ""),  # error messages name notebooks/LANG/NN.ipynb
}
