"""The chapter registry and the start of every notebook.

:data:`CHAPTERS` is the one list of chapters: ``te.ch00`` ... ``te.ch06``, the
notebook builder, the figures command, the tests and the README check read it.
``te.start_chapter("01")`` is the first code cell of each chapter.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import torch

from .i18n import detect_language, t, use_language


@dataclass(frozen=True)
class Chapter:
    number: str  # "03"
    module: str  # "ch03_relu": tasnet_edu/chapters/ch03_relu.py, te.ch03 in the notebooks
    notebook: str  # "03_relu": notebooks/src/03_relu.py -> notebooks/{en,zh}/03_relu.ipynb
    title_en: str
    title_zh: str

    def load(self) -> ModuleType:
        """The chapter's module (imported on first use)."""
        return importlib.import_module(f"tasnet_edu.chapters.{self.module}")


CHAPTERS = (
    Chapter("00", "ch00_intro", "00_introduction", "Introduction", "导论"),
    Chapter("01", "ch01_slicing", "01_slicing", "Slicing", "切片"),
    Chapter("02", "ch02_matching", "02_template_matching", "Template matching", "模板匹配"),
    Chapter("03", "ch03_relu", "03_relu", "ReLU: keep the positive scores", "ReLU——只保留正分"),
    Chapter("04", "ch04_strength_map", "04_strength_map", "The strength map", "强度图"),
    Chapter("05", "ch05_learned", "05_learned_vs_stft", "Learned templates and Fourier templates", "学到的模板与傅里叶模板"),
    Chapter("06", "ch06_separation", "06_separation", "Why the encoder is useful: separating speech", "编码器为什么有用：语音分离"),
)


def chapter(number: str) -> Chapter:
    """The registry entry of chapter ``number`` ("00" .. "06")."""
    for c in CHAPTERS:
        if c.number == number:
            return c
    raise ValueError(f"unknown chapter {number!r}; chapters are {', '.join(c.number for c in CHAPTERS)}")


def seed_everything(seed: int = 0) -> None:
    """Seed Python's, NumPy's and torch's global generators (a notebook's first cell; functions fork instead)."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def start_chapter(number: str, language: str | None = None) -> None:
    """Set what a notebook needs: language (from its folder unless given), plot style, seeds, 2 threads; print the title."""
    from .plotting import style  # here, not at the top: `import tasnet_edu` reads CHAPTERS without loading pyplot

    c = chapter(number)
    use_language(language or detect_language())
    style()
    seed_everything(0)
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))  # same speed on every machine we test on
    print(t(f"Chapter {int(c.number)} · {c.title_en}", f"第 {int(c.number)} 章　{c.title_zh}"))
