"""Chapter 05: what the encoder learned, next to the STFT's fixed Fourier bases.

Notebook ``05_learned_vs_stft``. The kernels come from the shipped
TinyTasNet (``load_pretrained()``); "before training" is the same model's
seeded initialisation (``untrained_model()``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from ..core.checks import as_float_tensor
from ..core.fourier import bin_frequencies, frequency_response, peak_frequency, sort_by_frequency, stft_kernels  # noqa: F401
from ..core.framing import slice_frames
from ..core.model import load_checkpoint, load_pretrained, untrained_model
from ..ui.i18n import t
from ..ui.plotting import figure, show_figure, to_numpy


def encoder_kernels(model) -> torch.Tensor:
    """The encoder's templates ``[N, L]`` of a TinyTasNet (learned or STFT), detached."""
    return model.encoder.templates.detach()[:, 0, :].clone()


def stft_templates(L: int = 16) -> torch.Tensor:
    """``stft_kernels(L)`` as ``[n, L]`` without the all-zero rows (the sine of 0 Hz and of the Nyquist bin)."""
    k = stft_kernels(L)[:, 0]
    return k[k.abs().max(dim=-1).values > 1e-6]


def share_below(kernels, cutoff_hz: float = 1000.0, sample_rate: int = SAMPLE_RATE) -> float:
    """Fraction of kernels whose magnitude response peaks below ``cutoff_hz``."""
    return float((peak_frequency(kernels, sample_rate) < cutoff_hz).float().mean())


def kernel_phase(kernels, sample_rate: int = SAMPLE_RATE, n_fft: int = 512) -> torch.Tensor:
    """Phase (radians) of each kernel's spectrum at its own peak frequency, ``[N]``."""
    k = as_float_tensor(kernels, "kernels").detach().double()
    spectrum = torch.fft.rfft(k, n=n_fft)
    peak = spectrum.abs().argmax(dim=-1)
    return torch.angle(spectrum[torch.arange(len(k)), peak]).float()


def same_frequency_group(kernels, sample_rate: int = SAMPLE_RATE, low: float = 300.0, high: float = 700.0, size: int = 4):
    """Indices of up to ``size`` kernels peaking in [low, high) Hz, spread over phase (for the phase figure)."""
    peaks = peak_frequency(kernels, sample_rate)
    idx = torch.nonzero((peaks >= low) & (peaks < high)).flatten()
    if len(idx) == 0:
        return idx
    order = idx[torch.argsort(kernel_phase(kernels[idx], sample_rate))]
    picks = np.unique(np.linspace(0, len(order) - 1, min(size, len(order))).round().astype(int))
    return order[picks]


def plot_kernels(kernels, sample_rate: int = SAMPLE_RATE, title: str | None = None, columns: int = 16, axes=None):
    """Small-multiples of kernels (already in the order to show), each a waveform of L samples."""
    k = to_numpy(kernels)
    rows = int(np.ceil(len(k) / columns))
    if axes is None:
        fig, axes = plt.subplots(rows, columns, figsize=(columns * 0.55, rows * 0.55 + 0.4), layout="constrained")
    else:
        fig = np.ravel(axes)[0].figure
    for i, ax in enumerate(np.ravel(axes)):
        ax.set_axis_off()
        if i < len(k):
            ax.plot(k[i], lw=0.9, color="C0")
            ax.axhline(0, lw=0.3, color="0.6")
    if title:
        fig.suptitle(title, fontsize=10)
    return fig


def compare_kernels(learned, L: int = 16, sample_rate: int = SAMPLE_RATE):
    """Figure: learned kernels vs ``stft_kernels(L)``, each set sorted from low to high peak frequency."""
    stft = stft_templates(L)
    fig = plt.figure(figsize=(9, 6.2), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[len(learned) // 16, max(1, int(np.ceil(len(stft) / 16)))])
    plot_kernels(learned[sort_by_frequency(learned, sample_rate)], axes=top.subplots(len(learned) // 16, 16))
    top.suptitle(t(f"learned encoder: {len(learned)} kernels, low to high peak frequency",
                   f"学到的编码器：{len(learned)} 个卷积核，按峰值频率从低到高"), fontsize=10)
    plot_kernels(stft[sort_by_frequency(stft, sample_rate)], axes=bottom.subplots(int(np.ceil(len(stft) / 16)), 16))
    bottom.suptitle(t(f"STFT bases (Hann, L={L}): {len(stft)} non-zero kernels, cos and -sin per bin",
                      f"STFT 基（Hann 窗，L={L}）：{len(stft)} 个非零卷积核，每个频点一对 cos 与 -sin"), fontsize=10)
    return fig


def plot_response_heatmap(kernels_by_name: dict, sample_rate: int = SAMPLE_RATE):
    """Figure: magnitude responses (rows sorted by peak frequency, each normalised to its max) side by side."""
    fig, axes = plt.subplots(1, len(kernels_by_name), figsize=(4.6 * len(kernels_by_name), 3.6), layout="constrained")
    for ax, (name, k) in zip(np.atleast_1d(axes), kernels_by_name.items()):
        freqs, mags = frequency_response(k, sample_rate)
        mags = mags[sort_by_frequency(k, sample_rate)]
        mags = mags / mags.max(dim=-1, keepdim=True).values.clamp_min(1e-12)
        ax.imshow(to_numpy(mags), origin="lower", aspect="auto", cmap="magma",
                  extent=(0, float(freqs[-1]) / 1000, -0.5, len(k) - 0.5))
        ax.axvline(1.0, color="w", lw=0.8, ls="--")
        ax.set_xlabel(t("frequency (kHz)", "频率（kHz）"))
        ax.set_ylabel(t("kernel (sorted)", "卷积核（已排序）"))
        ax.set_title(name)
    return fig


def plot_peak_histogram(kernels_by_name: dict, sample_rate: int = SAMPLE_RATE):
    """Figure: how many kernels peak in each 250 Hz band, per kernel set; the 1 kHz line marked."""
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    bins = np.arange(0, sample_rate / 2 + 250, 250)
    for i, (name, k) in enumerate(kernels_by_name.items()):
        peaks = to_numpy(peak_frequency(k, sample_rate))
        weights = np.full(len(peaks), 100.0 / len(peaks))
        ax.hist(peaks, bins=bins, weights=weights, alpha=0.6, label=f"{name}: {100 * share_below(k, 1000, sample_rate):.0f}% < 1 kHz",
                color=f"C{i}")
    ax.axvline(1000, color="k", lw=0.8, ls="--")
    ax.set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    ax.set_ylabel(t("% of kernels", "卷积核占比（%）"))
    ax.legend(fontsize=8)
    return fig


def plot_phases(kernels, indices, sample_rate: int = SAMPLE_RATE):
    """Figure: kernels tuned to about the same frequency but with different phases."""
    fig, ax = plt.subplots(figsize=(6, 2.6), layout="constrained")
    peaks, phases = peak_frequency(kernels, sample_rate), kernel_phase(kernels, sample_rate)
    for i in indices.tolist():
        k = kernels[i] / kernels[i].abs().max()
        ax.plot(np.arange(kernels.shape[-1]) / sample_rate * 1000, to_numpy(k), marker=".",
                label=t(f"#{i}: {peaks[i]:.0f} Hz, phase {phases[i]:+.1f} rad", f"#{i}：{peaks[i]:.0f} Hz，相位 {phases[i]:+.1f} rad"))
    ax.set_xlabel(t("time within the frame (ms)", "帧内时间（毫秒）"))
    ax.set_ylabel(t("normalised weight", "归一化权重"))
    ax.legend(fontsize=7, loc="upper right")
    return fig


def kernel_view(kernels, index: int, audio, top: int = 3, sample_rate: int = SAMPLE_RATE) -> dict:
    """Everything the kernel browser shows for the ``index``-th kernel in low-to-high frequency order.

    Returns the kernel's original index, peak frequency (Hz), its magnitude
    response, and the ``top`` frames of ``audio`` that excite it most (the
    largest positive scores, i.e. the largest values it contributes to the
    strength map) with their frame numbers.
    """
    order = sort_by_frequency(kernels, sample_rate)
    if not 0 <= index < len(order):
        raise ValueError(f"kernel index {index} is outside 0..{len(order) - 1}")
    k = kernels[order[index]]
    frames = slice_frames(audio, kernels.shape[-1])
    scores = frames @ k
    best = torch.argsort(scores, descending=True)[:top]
    freqs, mags = frequency_response(k[None], sample_rate)
    return {
        "kernel": int(order[index]),
        "peak_hz": float(peak_frequency(k[None], sample_rate)[0]),
        "weights": k,
        "frequencies": freqs,
        "magnitude": mags[0],
        "best_frames": best,
        "frames": frames[best],
        "scores": scores[best],
    }


def plot_kernel_view(view: dict, sample_rate: int = SAMPLE_RATE):
    """Figure for :func:`kernel_view`: the kernel, its spectrum, and the frames that excite it most."""
    fig, axes = plt.subplots(1, 3, figsize=(10, 2.6), layout="constrained")
    L = len(view["weights"])
    ms = np.arange(L) / sample_rate * 1000
    axes[0].plot(ms, to_numpy(view["weights"]), marker=".")
    axes[0].set_title(t(f"kernel #{view['kernel']}", f"卷积核 #{view['kernel']}"))
    axes[0].set_xlabel(t("ms", "毫秒"))
    axes[1].plot(to_numpy(view["frequencies"]), to_numpy(view["magnitude"]))
    axes[1].axvline(view["peak_hz"], color="C3", ls="--", lw=0.8)
    axes[1].set_title(t(f"spectrum, peak {view['peak_hz']:.0f} Hz", f"频谱，峰值 {view['peak_hz']:.0f} Hz"))
    axes[1].set_xlabel(t("Hz", "赫兹（Hz）"))
    for frame, k, s in zip(view["frames"], view["best_frames"], view["scores"]):
        axes[2].plot(ms, to_numpy(frame), label=t(f"frame {int(k)}: score {float(s):.2f}", f"第 {int(k)} 帧：得分 {float(s):.2f}"))
    axes[2].set_title(t("frames that excite it most", "最能激活它的帧"))
    axes[2].set_xlabel(t("ms", "毫秒"))
    axes[2].legend(fontsize=7)
    return fig


def kernel_browser(kernels, audio, sample_rate: int = SAMPLE_RATE):
    """A slider over the kernels (low to high frequency) redrawing :func:`plot_kernel_view`."""
    from ipywidgets import IntSlider, interactive

    def show(index=0):  # returns None; the figure is shown once, by show_figure
        show_figure(plot_kernel_view(kernel_view(kernels, index, audio, sample_rate=sample_rate), sample_rate))

    slider = IntSlider(value=len(kernels) // 4, min=0, max=len(kernels) - 1, description=t("kernel", "卷积核"))
    return interactive(show, index=slider)


def plot_before_after(before, after, sample_rate: int = SAMPLE_RATE, count: int = 8):
    """Figure: the same kernels (by index) at initialisation and after training, with their peak frequencies."""
    order = sort_by_frequency(after, sample_rate)
    picks = order[np.linspace(0, len(order) - 1, count).round().astype(int)]
    fig, axes = plt.subplots(2, count, figsize=(count * 1.2, 2.6), layout="constrained", sharey="row")
    for col, i in enumerate(picks.tolist()):
        for row, (k, label) in enumerate(((before, t("before", "训练前")), (after, t("after", "训练后")))):
            ax = axes[row, col]
            ax.plot(to_numpy(k[i]), lw=0.9, color=f"C{row}")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(f"#{i} {float(peak_frequency(k[i][None], sample_rate)[0]):.0f} Hz", fontsize=7)
            if col == 0:
                ax.set_ylabel(label)
    return fig


@figure("05_learned_vs_stft_kernels")
def _figure_kernels():
    return compare_kernels(encoder_kernels(load_pretrained("learned")))


@figure("05_frequency_responses")
def _figure_responses():
    return plot_response_heatmap({
        t("learned", "学到的"): encoder_kernels(load_pretrained("learned")),
        t("before training", "训练前"): encoder_kernels(untrained_model()),
        "STFT": stft_templates(16),
    })


def training_facts(encoder: str = "learned") -> str:
    """One line on how the shipped checkpoint was trained (steps, time, validation score)."""
    ckpt = load_checkpoint(encoder)
    tc = ckpt["train_config"]
    return (f"{ckpt['step']} steps of batch {tc['batch_size']} x {tc['segment_seconds']:g} s, "
            f"{ckpt['train_seconds'] / 60:.0f} min of CPU training, validation SI-SNRi {ckpt['validation_si_snri']:.1f} dB")
