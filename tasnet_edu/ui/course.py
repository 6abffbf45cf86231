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
    module: str | None  # "ch03_relu": tasnet_edu/chapters/ch03_relu.py, te.ch03; None for a chapter without figures or widgets
    notebook: str  # "03_relu": notebooks/src/03_relu.py -> notebooks/{en,zh}/03_relu.ipynb
    title_en: str
    title_zh: str
    about_en: str = ""  # what the chapter shows, one line: chapter 00's map of the course (built by tools/notebooks.py)
    about_zh: str = ""

    def load(self) -> ModuleType:
        """The chapter's module (imported on first use)."""
        if self.module is None:
            raise AttributeError(f"chapter {self.number} has no module of figures or widgets")
        return importlib.import_module(f"tasnet_edu.chapters.{self.module}")


CHAPTERS = (
    Chapter("00", "ch00_intro", "00_introduction", "Introduction", "导论",
            "the cocktail-party problem, samples, where the encoder sits, the document's code",
            "鸡尾酒会问题、采样点、编码器在 TasNet 中的位置、原文的代码"),
    Chapter("01", "ch01_slicing", "01_slicing", "Slicing", "切片",
            "frames of L samples with hop L // 2; K = (T - L) // (L // 2) + 1",
            "每帧 L 个采样点、帧移 L // 2；K = (T - L) // (L // 2) + 1"),
    Chapter("02", "ch02_matching", "02_template_matching", "Template matching", "模板匹配",
            "a score is a dot product; the conv computes all of them at once", "分数就是点积；卷积一次把所有分数都算出来"),
    Chapter("03", "ch03_relu", "03_relu", "ReLU: keep the positive scores", "ReLU——只保留正分",
            "why negative scores become 0, and what that costs", "为什么负分变成 0，这样做的代价是什么"),
    Chapter("04", "ch04_strength_map", "04_strength_map", "The strength map", "强度图",
            "`[M, N, K]` as a picture, next to the STFT spectrogram", "把 `[M, N, K]` 画成图，和 STFT 语谱图并排比较"),
    Chapter("05", "ch05_learned", "05_learned_vs_stft", "Learned templates and Fourier templates", "学到的模板与傅里叶模板",
            "what a trained encoder's templates look like", "训练后的编码器模板长什么样"),
    Chapter("06", "ch06_separation", "06_separation", "Separating speech: what the encoder buys", "语音分离：编码器带来了什么",
            "the encoder inside a small TasNet, separating two voices", "把编码器放进小型 TasNet，分开两个人的声音"),
    Chapter("07", None, "07_appendix", "Appendix: how the shipped model was made", "附录：课程自带的模型是怎么做出来的",
            "optional: the training data, two training stages, what more training buys", "选读：训练数据、两个训练阶段、训练量的作用"),
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
