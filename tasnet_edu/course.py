"""Start of every notebook: language, plot style, seeds, one line that says where you are.

``te.start_chapter("01")`` is the first code cell of each chapter.
"""

from __future__ import annotations

import random

import numpy as np
import torch

from .language import detect_language, t, use_language
from .plotting import style

CHAPTERS = {
    "00": ("Introduction", "导论"),
    "01": ("Slicing", "切片"),
    "02": ("Template matching", "模板匹配"),
    "03": ("ReLU: keep the positive scores", "ReLU：只保留正分"),
    "04": ("The strength map", "强度图"),
    "05": ("Learned templates vs STFT bases", "学到的模板 vs 傅里叶基"),
    "06": ("Why: separating speech", "为什么：语音分离"),
}


def seed_everything(seed: int = 0) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def start_chapter(chapter: str, language: str | None = None) -> None:
    """Set the language (from the notebook's folder unless given), plot style and seeds; print the chapter."""
    if chapter not in CHAPTERS:
        raise ValueError(f"unknown chapter {chapter!r}; chapters are {', '.join(CHAPTERS)}")
    language = use_language(language or detect_language())
    style()
    seed_everything(0)
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))  # same speed on every machine we test on
    print(t(f"Chapter {chapter}: {CHAPTERS[chapter][0]} (English)", f"第 {chapter} 章：{CHAPTERS[chapter][1]}（中文）"))
