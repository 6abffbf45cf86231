"""Language of everything the package draws or prints: Chinese (zh) or English (en).

Every notebook starts with ``te.start_chapter``, which picks the language from
the folder the notebook lives in (``notebooks/zh`` or ``notebooks/en``), so the
code cells of both languages stay identical. Chinese text renders with Noto Sans
CJK (SIL Open Font License, installed by the ``noto-cjk-sans-otc`` package,
license file included), registered with matplotlib offline: no
``Glyph ... missing`` warnings, no boxes.

``use_language("zh")`` switches from now on; ``with use_language("zh"): ...``
switches for the block and then restores the language and the font settings.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

LANGUAGES = ("en", "zh")
CJK_FONT_NAME = "Noto Sans CJK SC"
# Latin glyphs from DejaVu Sans, everything else falls back to Noto Sans CJK, glyph by glyph;
# the CJK font's minus sign is missing in some faces, so use the ASCII hyphen-minus.
FONT_SETTINGS = {"font.family": ["DejaVu Sans", CJK_FONT_NAME], "axes.unicode_minus": False}
_state = {"language": "en", "font_registered": False}


def register_cjk_font() -> str:
    """Add the shipped Noto Sans CJK collection to matplotlib's font list (once); returns its path.

    Only makes the font known; :data:`FONT_SETTINGS` selects it.
    """
    from matplotlib import font_manager
    from noto_cjk_sans_otc import FONT_PATH

    path = str(FONT_PATH)
    if not _state["font_registered"]:
        font_manager.fontManager.addfont(path)
        _state["font_registered"] = True
    return path


class use_language:
    """Draw and print in ``"zh"`` or ``"en"``: from now on, or only inside a ``with`` block.

    >>> with use_language("zh"):
    ...     print(t("time", "时间"))
    时间
    >>> print(t("time", "时间"))
    time
    """

    def __init__(self, language: str):
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; use 'zh' (中文) or 'en' (English)")
        import matplotlib

        register_cjk_font()
        self.language = language
        self._previous = _state["language"]
        self._previous_rc = {key: matplotlib.rcParams[key] for key in FONT_SETTINGS}
        matplotlib.rcParams.update(FONT_SETTINGS)
        _state["language"] = language

    def __enter__(self) -> str:
        return self.language

    def __exit__(self, *exc) -> None:
        import matplotlib

        _state["language"] = self._previous
        matplotlib.rcParams.update(self._previous_rc)

    def __repr__(self) -> str:
        return f"use_language({self.language!r})"


def current_language() -> str:
    return _state["language"]


def detect_language(cwd: str | os.PathLike | None = None) -> str:
    """The course language: ``$TASNET_EDU_LANG`` if set, else the notebook folder's name (zh/en), else en."""
    env = os.environ.get("TASNET_EDU_LANG", "").strip().lower()
    if env:
        if env not in LANGUAGES:
            raise ValueError(f"$TASNET_EDU_LANG is {os.environ['TASNET_EDU_LANG']!r}; set it to 'zh' or 'en' (or unset it)")
        return env
    name = Path(cwd or os.getcwd()).name
    return name if name in LANGUAGES else "en"


def t(en: str, zh: str) -> str:
    """Pick the text for the current language: ``t("Time (s)", "时间（秒）")``."""
    return zh if _state["language"] == "zh" else en


def text_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: wide (CJK) characters take two.

    >>> text_width("模板1"), text_width("template 1")
    (5, 10)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
