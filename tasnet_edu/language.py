"""Language of everything the package draws or prints: Chinese (zh) or English (en).

Every notebook starts with :func:`tasnet_edu.start_chapter`, which picks the
language from the folder the notebook lives in (``notebooks/zh`` or
``notebooks/en``), so the code cells of both languages stay identical.
Chinese text renders with Noto Sans CJK (SIL Open Font License, installed by
the ``noto-cjk-sans-otc`` package, license file included), registered with
matplotlib offline: no ``Glyph ... missing`` warnings, no boxes.
"""

from __future__ import annotations

import os
from pathlib import Path

LANGUAGES = ("en", "zh")
CJK_FONT_NAME = "Noto Sans CJK SC"
_state = {"language": "en", "font": False}


def register_cjk_font() -> str:
    """Register the shipped Noto Sans CJK collection with matplotlib and use it as fallback; returns its path."""
    import matplotlib
    from matplotlib import font_manager
    from noto_cjk_sans_otc import FONT_PATH

    path = str(FONT_PATH)
    if not _state["font"]:
        font_manager.fontManager.addfont(path)
        _state["font"] = True
    # Latin glyphs from DejaVu Sans, everything else falls back to Noto Sans CJK, glyph by glyph.
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", CJK_FONT_NAME]
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK font's minus sign is missing in some faces
    return path


def use_language(language: str) -> str:
    """Draw and print in ``"zh"`` or ``"en"`` from now on; returns the language."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use 'zh' (中文) or 'en' (English)")
    register_cjk_font()
    _state["language"] = language
    return language


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
