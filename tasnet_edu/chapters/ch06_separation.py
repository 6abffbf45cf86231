"""Chapter 06: why the encoder exists — separating two voices.

Notebook ``06_separation``: run the shipped TinyTasNet on a test
mixture, draw every stage (mixture -> strength map -> masks -> decoder -> two
voices), score it with SI-SNR, and run a short live training.
"""

from __future__ import annotations

import time

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE, fixed_mixtures
from ..core.checks import as_float_tensor, as_waveform
from ..core.evaluation import METHODS, markdown_table, results_table, shipped_results  # noqa: F401 (notebook)
from ..core.fourier import sort_by_frequency
from ..core.metrics import pit_si_snr, si_snr, si_snr_improvement  # noqa: F401 (notebook)
from ..core.model import load_pretrained
from ..core.training import TrainConfig, new_run, train_steps  # noqa: F401 (notebook)
from ..ui.i18n import t
from ..ui.plotting import figure, plot_map, plot_waveform


@torch.no_grad()
def separate(model, mixture, sources=None) -> dict:
    """Run ``model`` on one mixture ``[T]``; returns the estimates ``[S, T]`` and every inner stage.

    Keys: ``estimates [S, T]``, ``strength_map [N, K]``, ``masks [S, N, K]``,
    ``masked [S, N, K]`` and ``order``, the encoder's templates from low to high
    peak frequency (to draw maps like a spectrogram). The model's output order is
    arbitrary; given the true ``sources [S, T]``, outputs are reordered to match.
    """
    mixture = as_waveform(mixture, "mixture")
    estimates, parts = model(mixture[None], return_parts=True)
    result = {"estimates": estimates[0], **{k: v[0] for k, v in parts.items()}}
    if sources is not None:
        _, perm = pit_si_snr(result["estimates"][None], as_float_tensor(sources, "sources")[None])
        for key in ("estimates", "masks", "masked"):
            result[key] = result[key][perm[0]]
    result["order"] = sort_by_frequency(model.encoder.templates.detach(), model.sample_rate)
    return result


def plot_pipeline(result: dict, mixture, sources, sample_rate: int = SAMPLE_RATE, hop: int = 8):
    """Figure: mixture, strength map, the two masks, and the two separated voices next to the truth."""
    order = result["order"]
    fig, axes = plt.subplots(3, 2, figsize=(10, 7), layout="constrained")
    hop_s = hop / sample_rate
    plot_waveform(mixture, sample_rate, ax=axes[0, 0], title=t("mixture", "混合语音"))
    plot_map(result["strength_map"][order], ax=axes[0, 1], hop_seconds=hop_s, db=True,
             title=t("strength map [N, K] (encoder)", "强度图 [N, K]（编码器）"), ylabel=t("template", "模板"))
    for s in range(2):
        plot_map(result["masks"][s][order], ax=axes[1, s], hop_seconds=hop_s, vmin=0, vmax=1, cmap="viridis",
                 title=t(f"mask for voice {s + 1} (separator)", f"声音 {s + 1} 的掩码（分离器）"), ylabel=t("template", "模板"))
        ax = axes[2, s]
        plot_waveform(sources[s], sample_rate, ax=ax, color="0.7", label=t("true", "真实"))
        plot_waveform(result["estimates"][s], sample_rate, ax=ax, color=f"C{s}", alpha=0.8, label=t("separated", "分离结果"))
        score = float(si_snr(result["estimates"][s], sources[s]))
        ax.set_title(t(f"voice {s + 1} (decoder): SI-SNR {score:.1f} dB", f"声音 {s + 1}（解码器）：SI-SNR {score:.1f} dB"))
        ax.legend(fontsize=7, loc="upper right")
    return fig


def si_snr_demo(reference, noise, scales=(0.5, 1.0, 2.0)) -> list[tuple[float, float]]:
    """SI-SNR of ``reference + noise`` scaled by each factor: the score ignores the overall scale."""
    est = torch.as_tensor(reference) + torch.as_tensor(noise)
    return [(s, round(float(si_snr(s * est, reference)), 2)) for s in scales]


@torch.no_grad()
def real_time_factor(model, seconds: float = 4.0, repeats: int = 3, sample_rate: int = SAMPLE_RATE) -> float:
    """How many times faster than real time ``model`` separates a ``seconds``-long mixture (best of ``repeats``)."""
    g = torch.Generator().manual_seed(0)  # its own generator: the caller's random numbers stay untouched
    x = torch.randn(1, int(seconds * sample_rate), generator=g) * 0.1
    model(x)  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        model(x)
        best = min(best, time.perf_counter() - t0)
    return seconds / best


def plot_losses(losses, every: int = 5):
    """Figure: training loss (negative SI-SNR, dB) per step with a running mean."""
    fig, ax = plt.subplots(figsize=(6, 2.6), layout="constrained")
    y = np.asarray(losses)
    ax.plot(y, lw=0.6, color="0.6", label=t("loss per step", "每步损失"))
    if len(y) >= every:
        ax.plot(np.arange(every - 1, len(y)), np.convolve(y, np.ones(every) / every, mode="valid"), color="C0",
                label=t(f"mean of {every}", f"{every} 步平均"))
    ax.set_xlabel(t("step", "步数"))
    ax.set_ylabel(t("-SI-SNR (dB)", "-SI-SNR（dB）"))
    ax.legend(fontsize=8)
    return fig


def plot_results(results: dict, language_labels: dict):
    """Figure: horizontal bars of SI-SNRi per method, best on top."""
    items = sorted(results.items(), key=lambda kv: kv[1])
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(items) + 0.8), layout="constrained")
    ax.barh([language_labels[k] for k, _ in items], [v for _, v in items],
            color=["C3" if k in ("learned", "stft") else "0.6" for k, _ in items])
    for i, (_, v) in enumerate(items):
        ax.text(v, i, f" {v:.2f}", va="center", fontsize=8)
    ax.set_xlabel(t("SI-SNRi (dB), higher is better", "SI-SNRi（dB），越高越好"))
    return fig


@figure("06_separation_pipeline")
def _figure_pipeline():
    model = load_pretrained("learned")
    m = fixed_mixtures("test", 1, seed=0)[0]
    return plot_pipeline(separate(model, m["mixture"], m["sources"]), m["mixture"], m["sources"])
