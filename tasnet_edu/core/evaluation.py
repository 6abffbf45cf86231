"""Scoring separation on fixed mixtures: one loop for validation during training and for the results table.

The results table compares the shipped TinyTasNets with the ideal masks (IRM,
IBM, WFM) on the test mixtures. The masks use the true sources on a 32 ms Hann
STFT with 8 ms hop, as in the Conv-TasNet paper: oracle references, not methods.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import torch

from .audio import fixed_mixtures
from .metrics import ideal_mask_separation, si_snr_improvement
from .model import PRETRAINED_DIR, load_pretrained

TEST_MIXTURES = 100  # every README number is the mean over these (seed 0, test split)
METHODS = {
    "learned": ("TinyTasNet, learned encoder (ReLU)", "TinyTasNet，学到的编码器（ReLU）"),
    "stft": ("TinyTasNet, fixed STFT encoder", "TinyTasNet，固定的 STFT 编码器"),
    "irm": ("Ideal ratio mask (IRM, oracle)", "理想比值掩码（IRM，先知）"),
    "ibm": ("Ideal binary mask (IBM, oracle)", "理想二值掩码（IBM，先知）"),
    "wfm": ("Wiener-filter-like mask (WFM, oracle)", "类维纳滤波掩码（WFM，先知）"),
}
RESULTS_FILE = PRETRAINED_DIR / "results.json"


@torch.no_grad()
def si_snri_scores(separate: Callable, mixtures: list[dict]) -> np.ndarray:
    """SI-SNRi (dB) of ``separate(mixture [1, T], sources [1, S, T]) -> estimates [1, S, T]`` on each mixture.

    The one evaluation loop: training's validation and the results table both use it.
    """
    scores = []
    for m in mixtures:
        mixture, sources = m["mixture"][None], m["sources"][None]
        scores.append(float(si_snr_improvement(separate(mixture, sources), sources, mixture)[0]))
    return np.array(scores)


def separator_for(method: str, models: dict | None = None) -> Callable:
    """The ``separate`` function of a method: a shipped model (``learned``, ``stft``) or an ideal mask."""
    if method in ("learned", "stft"):
        model = (models or {}).get(method) or load_pretrained(method)
        model.eval()
        return lambda mixture, sources: model(mixture)
    if method in ("irm", "ibm", "wfm"):
        return lambda mixture, sources: ideal_mask_separation(sources, kind=method)
    raise ValueError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")


def method_scores(method: str, mixtures: list[dict], models: dict | None = None) -> np.ndarray:
    """SI-SNRi (dB) of one method on each mixture."""
    return si_snri_scores(separator_for(method, models), mixtures)


def results_table(count: int = TEST_MIXTURES, methods=tuple(METHODS), seed: int = 0) -> dict:
    """Mean SI-SNRi in dB of each method over ``count`` fixed test mixtures, rounded to 0.01 dB."""
    mixtures = fixed_mixtures("test", count, seed=seed)
    models = {name: load_pretrained(name) for name in ("learned", "stft") if name in methods}
    return {method: round(float(method_scores(method, mixtures, models).mean()), 2) for method in methods}


def shipped_results() -> dict:
    """The stored table of the shipped checkpoints (``results.json``, written by ``cli.evaluate --write``)."""
    return json.loads(RESULTS_FILE.read_text())["si_snri_db"]


def markdown_table(results: dict, language: str = "en") -> str:
    """The table as Markdown, best first."""
    head = ("| method | SI-SNRi (dB) |", "| 方法 | SI-SNRi（dB） |")[language == "zh"]
    rows = [head, "| --- | ---: |"]
    for method, value in sorted(results.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {METHODS[method][language == 'zh']} | {value:.2f} |")
    return "\n".join(rows)
