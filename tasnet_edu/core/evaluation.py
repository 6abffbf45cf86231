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

from .metrics import ideal_mask_separation, si_snr_improvement
from .model import PRETRAINED_DIR, load_pretrained

TEST_MIXTURES = 100  # shipped-clip test mixtures (seed 0, test split)
TEST_SETS = {
    "real": ("real voices", "真人语音"),
    "synthetic": ("unseen synthetic voices, both languages pooled", "没听过的合成声音（英语和普通话合在一起）"),
    "synthetic-en": ("unseen synthetic voices, English", "没听过的合成声音（英语）"),
    "synthetic-zh": ("unseen synthetic voices, Mandarin", "没听过的合成声音（普通话）"),
    "clips": ("shipped clips, test sentences", "课程自带的片段（测试句）"),
}
METHODS = {
    "learned": ("TinyTasNet, learned encoder + ReLU (diverse synthetic corpus)", "TinyTasNet，学到的编码器 + ReLU（多样的合成语料）"),
    "learned-espeak": ("TinyTasNet, learned encoder + ReLU (first model: 10 espeak-ng voices)",
                       "TinyTasNet，学到的编码器 + ReLU（第一版：10 个 espeak-ng 声音）"),
    "stft": ("TinyTasNet, fixed STFT encoder, 18 channels (10 espeak-ng voices)",
             "TinyTasNet，固定 STFT 编码器，18 个通道（10 个 espeak-ng 声音）"),
    "irm": ("Ideal ratio mask (IRM, oracle)", "理想比值掩码（IRM）"),
    "ibm": ("Ideal binary mask (IBM, oracle)", "理想二值掩码（IBM）"),
    "wfm": ("Wiener-filter-like mask (WFM, oracle)", "类维纳滤波掩码（WFM）"),
}
MODELS = ("learned", "learned-espeak", "stft")
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
    if method in MODELS:
        model = (models or {}).get(method) or load_pretrained(method)
        model.eval()
        return lambda mixture, sources: model(mixture)
    if method in ("irm", "ibm", "wfm"):
        return lambda mixture, sources: ideal_mask_separation(sources, kind=method)
    raise ValueError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")


def method_scores(method: str, mixtures: list[dict], models: dict | None = None) -> np.ndarray:
    """SI-SNRi (dB) of one method on each mixture."""
    return si_snri_scores(separator_for(method, models), mixtures)


def shipped_results() -> dict:
    """The stored table of the shipped checkpoints (``results.json``, written by ``tools/evaluate.py --write``)."""
    return json.loads(RESULTS_FILE.read_text())["si_snri_db"]


def markdown_table(results: dict, language: str = "en", digits: int = 2) -> str:
    """The table as Markdown: one row per method (best on the first test set first), mean [95% interval] per set."""
    zh = language == "zh"
    sets = list(next(iter(results.values())))
    head = "| " + ("方法" if zh else "method") + " | " + " | ".join(TEST_SETS[s][zh] for s in sets) + " |"
    rows = [head, "| --- |" + " ---: |" * len(sets)]
    first = sets[0]
    for method, cells in sorted(results.items(), key=lambda kv: -kv[1][first]["mean"]):
        values = [f"{c['mean']:.{digits}f} [{c['ci95'][0]:.{digits}f}, {c['ci95'][1]:.{digits}f}]" for c in cells.values()]
        rows.append(f"| {METHODS[method][zh]} | " + " | ".join(values) + " |")
    return "\n".join(rows)


def bootstrap_ci(scores, confidence: float = 0.95, resamples: int = 10_000, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``scores`` (mixtures resampled with replacement).

    With few mixtures the mean moves a lot; the interval says how much.

    >>> bootstrap_ci([1.0, 1.0, 1.0])
    (1.0, 1.0)
    """
    x = np.asarray(scores, dtype=np.float64)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError(f"scores must be a non-empty 1-D list of numbers, got shape {list(x.shape)}")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(resamples, len(x)))].mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return round(float(low), 2), round(float(high), 2)


def summary(scores) -> dict:
    """``{"mean", "ci95", "n"}`` of per-mixture SI-SNRi scores (dB, 0.01 dB)."""
    scores = np.asarray(scores)
    return {"mean": round(float(scores.mean()), 2), "ci95": list(bootstrap_ci(scores)), "n": int(len(scores))}


ABLATION_FILE = PRETRAINED_DIR / "ablation.json"  # written by tools/ablation.py
ABLATIONS = {
    "encoder": {
        "encoder-learned": ("learned templates + ReLU (the document's encoder)", "学到的模板 + ReLU（原文的编码器）"),
        "encoder-linear": ("learned templates, no ReLU (Conv-TasNet's final choice)", "学到的模板，不加 ReLU（Conv-TasNet 最终的选择）"),
        "encoder-stft": ("fixed STFT templates, same N = 64 and L = 16", "固定的 STFT 模板，同样 N = 64、L = 16"),
        "encoder-waveform": ("no encoder to learn: the frames' raw samples (N = L = 16)", "不学编码器：用帧里的原始采样点（N = L = 16）"),
        "irm": METHODS["irm"], "ibm": METHODS["ibm"], "wfm": METHODS["wfm"],
    },
    "data": {
        "data-none": ("10 espeak-ng voices only (the first model, no fine-tuning)", "只有 10 个 espeak-ng 声音（第一版模型，不再训练）"),
        "data-espeak": ("+ fine-tuned on many espeak-ng voices", "+ 在许多 espeak-ng 声音上继续训练"),
        "data-engines": ("+ flite and festival voices (built from real speakers)", "+ flite 和 festival 的声音（由真人录音做成）"),
        "data-augmented": ("+ augmentation (pitch, tract length, jitter, room, noise, band, codec)",
                           "+ 数据增强（音高、声道长度、抖动、房间、噪声、频带、编解码）"),
    },
    # the shipped model's own history: the same data (the augmented diverse corpus), more and more of it
    "budget": {
        "data-none": ("the first model (10 espeak-ng voices)", "第一版模型（10 个 espeak-ng 声音）"),
        "budget-cpu": ("+ stage 1 on the diverse corpus (one CPU thread)", "+ 第 1 阶段：多样语料（一个 CPU 线程）"),
        "budget-gpu": ("+ stage 2 on the same corpus (one GPU): the shipped model", "+ 第 2 阶段：同一语料（一块 GPU），即课程自带的模型"),
    },
}
HOURS_HEADER = ("diverse-corpus audio seen (hours)", "见过的多样语料（小时）")


def ablation_results() -> dict:
    """The stored ablations (``ablation.json``): ``{"steps": ..., "runs": {name: {test set: summary}}}``."""
    return json.loads(ABLATION_FILE.read_text())


def ablation_table(kind: str, language: str = "en") -> str:
    """One ablation (``"encoder"``, ``"data"`` or ``"budget"``) as Markdown: mean [95% interval] on the real and
    synthetic test sets; the budget table also gives the hours of diverse-corpus audio each model trained on."""
    if kind not in ABLATIONS:
        raise ValueError(f"unknown ablation {kind!r}; use one of {', '.join(ABLATIONS)}")
    zh = language == "zh"
    runs = ablation_results()["runs"]
    sets = ("real", "synthetic")
    hours = kind == "budget"
    rows = ["| " + ("训练方式" if zh else "setting") + " | " + (f"{HOURS_HEADER[zh]} | " if hours else "")
            + " | ".join(TEST_SETS[s][zh] for s in sets) + " |",
            "| --- |" + " ---: |" * (len(sets) + hours)]
    for name, labels in ABLATIONS[kind].items():
        cells = [f"{runs[name][s]['mean']:.1f} [{runs[name][s]['ci95'][0]:.1f}, {runs[name][s]['ci95'][1]:.1f}]" for s in sets]
        if hours:
            cells.insert(0, f"{runs[name]['audio_hours']:,.0f}")
        rows.append(f"| {labels[zh]} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def training_log(name: str = "learned") -> list[dict]:
    """The shipped model's training log (one row per evaluation: step, loss, validation and real-test SI-SNRi)."""
    path = PRETRAINED_DIR / f"tiny_tasnet_{name.replace('-', '_')}.log.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"no training log at {path}")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]



@torch.no_grad()
def real_time_factor(model, seconds: float = 4.0, repeats: int = 3, sample_rate: int = 8000) -> float:
    """How many times faster than real time ``model`` separates a ``seconds``-long mixture (best of ``repeats``).

    1 / this is the real-time factor RTF = processing time / audio length. Used by ``tools/benchmark.py``;
    notebook 06 writes the same measurement in a cell. The random input has its own generator.
    """
    import time

    g = torch.Generator().manual_seed(0)  # its own generator: the caller's random numbers stay untouched
    x = torch.randn(1, int(seconds * sample_rate), generator=g) * 0.1
    model(x)  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        model(x)
        best = min(best, time.perf_counter() - t0)
    return seconds / best
