"""Chapter 05's figures and widget: learned kernels next to the STFT's fixed Fourier kernels.

Notebook ``05_learned_vs_stft``. The notebook computes the frequency responses, peak frequencies, sorting, shares
and phases in its cells; the functions here draw what the cells computed. Names of kernel sets are the notebook's
variable names (``learned``, ``first``, ``before``, ``stft``), shown in the notebook's language.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core import model as core_model
from ..core.audio import SAMPLE_RATE
from ..core.fourier import frequency_response, peak_frequency, sort_by_frequency, stft_kernels
from ..core.framing import slice_frames
from ..ui.i18n import t
from ..ui.plotting import figure, show_figure, to_numpy


def label(name: str) -> str:
    """The figure label of one of the notebook's kernel sets, in the course language."""
    labels = {"learned": t("learned", "学到的"), "first": t("first model (espeak only)", "第一版模型（只用 espeak）"),
              "before": t("random start", "随机初始化"), "stft": "STFT"}
    return labels.get(name, name)


def plot_zero_padding(kernel, n_ffts=(16, 512), sample_rate: int = SAMPLE_RATE):
    """Figure: one kernel, and its magnitude response sampled by a short FFT (dots) and a zero-padded one (line)."""
    k = torch.as_tensor(kernel).reshape(1, -1)
    fig, axes = plt.subplots(1, 2, figsize=(9, 2.6), layout="constrained", width_ratios=[1, 1.6])
    axes[0].plot(np.arange(k.shape[-1]) / sample_rate * 1000, to_numpy(k[0]), marker=".")
    axes[0].set_xlabel(t("time within the frame (ms)", "帧内时间（毫秒）"))
    axes[0].set_title(t("the kernel", "卷积核"))
    for i, n in enumerate(sorted(n_ffts, reverse=True)):
        freqs, mags = frequency_response(k, sample_rate, n_fft=n)
        style = {"marker": "o", "ls": "none"} if i else {"lw": 1.2}
        peak = float(freqs[mags[0].argmax()])
        axes[1].plot(to_numpy(freqs), to_numpy(mags[0]), color=f"C{i}", **style,
                     label=t(f"n_fft = {n}: peak {peak:.0f} Hz", f"n_fft = {n}：峰值 {peak:.0f} Hz"))
    axes[1].set_xlabel(t("frequency (Hz)", "频率（Hz）"))
    axes[1].set_ylabel(t("magnitude |H(f)|", "幅度 |H(f)|"))
    axes[1].set_title(t("frequency response", "频率响应"))
    axes[1].legend(fontsize=8)
    return fig


def _kernel_grid(subfig, kernels, sample_rate: int, columns: int = 16):
    """Small multiples of ``kernels`` (in the order given) on one shared y scale, each titled with its peak in Hz."""
    rows = int(np.ceil(len(kernels) / columns))
    axes = np.atleast_2d(subfig.subplots(rows, columns, sharey=True))
    peaks = to_numpy(peak_frequency(kernels, sample_rate))
    for i, ax in enumerate(axes.ravel()):
        ax.set_axis_off()
        if i < len(kernels):
            ax.plot(to_numpy(kernels[i]), lw=0.9, color="C0")
            ax.axhline(0, lw=0.3, color="0.6")
            ax.set_title(f"{peaks[i]:.0f}", fontsize=6, pad=1)


def compare_kernels(learned, stft, sample_rate: int = SAMPLE_RATE):
    """Figure: learned kernels above, STFT kernels below, each set in the order given (the cell sorts them)."""
    rows = [int(np.ceil(len(k) / 16)) for k in (learned, stft)]
    fig = plt.figure(figsize=(9, 1.0 + 0.72 * sum(rows)), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[r + 0.5 for r in rows])
    _kernel_grid(top, learned, sample_rate)
    top.suptitle(t(f"learned encoder: {len(learned)} kernels, low to high (number: peak frequency in Hz)",
                   f"学到的编码器：{len(learned)} 个卷积核，从低频到高频（数字：峰值频率，Hz）"), fontsize=10)
    _kernel_grid(bottom, stft, sample_rate)
    bottom.suptitle(t(f"STFT (Hann, L = {stft.shape[-1]}): {len(stft)} non-zero kernels, cos and -sin per bin",
                      f"STFT（Hann 窗，L = {stft.shape[-1]}）：{len(stft)} 个非零卷积核，每个频点一对 cos 与 -sin"), fontsize=10)
    return fig


def plot_response_heatmap(responses: dict, sample_rate: int = SAMPLE_RATE):
    """Figure: one panel per kernel set, ``responses[name]`` ``[N, F]`` as the cell computed them (rows sorted by
    peak frequency, each divided by its own maximum), frequencies 0 .. sample_rate / 2."""
    fig, axes = plt.subplots(1, len(responses), figsize=(4.4 * len(responses) + 0.6, 3.6), layout="constrained")
    for ax, (name, mags) in zip(np.atleast_1d(axes), responses.items()):
        image = ax.imshow(to_numpy(mags), origin="lower", aspect="auto", cmap="magma", vmin=0, vmax=1,
                          extent=(0, sample_rate / 2000, -0.5, len(mags) - 0.5))
        ax.axvline(1.0, color="w", lw=0.8, ls="--")
        ax.set_xlabel(t("frequency (kHz)", "频率（kHz）"))
        ax.set_ylabel(t("kernel, low to high peak", "卷积核（按峰值从低到高）"))
        ax.set_title(label(name))
    fig.colorbar(image, ax=axes, label=t("|H(f)| / row maximum", "|H(f)| / 该行最大值"), shrink=0.9)
    return fig


def plot_peak_distribution(peaks: dict, sample_rate: int = SAMPLE_RATE, band_hz: float = 250.0,
                           cutoff_hz: float = 1000.0, paper_share: float | None = None):
    """Figure: ``peaks[name]`` (peak frequencies in Hz) as one histogram panel per set, and their cumulative shares.

    Left: the share of kernels peaking in each ``band_hz`` band. Right: the share peaking below each frequency; where a
    curve crosses the dashed ``cutoff_hz`` line is the share below it. ``paper_share`` (%) marks a published share.
    """
    names = list(peaks)
    fig = plt.figure(figsize=(9.5, 1.3 + 1.15 * len(names)), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[1.2, 1])
    axes = np.atleast_1d(left.subplots(len(names), 1, sharex=True, sharey=True))
    bins = np.arange(0, sample_rate / 2 + band_hz, band_hz)
    ax_c = right.subplots()
    for i, (ax, name) in enumerate(zip(axes, names)):
        p = np.sort(to_numpy(peaks[name]))
        counts, _ = np.histogram(np.minimum(p, sample_rate / 2 - 1e-6), bins=bins)
        ax.bar(bins[:-1], 100 * counts / len(p), width=band_hz * 0.9, align="edge", color=f"C{i}")
        ax.axvline(cutoff_hz, color="k", lw=0.8, ls="--")
        ax.set_title(label(name), fontsize=9, loc="left")
        ax.set_ylabel("%")
        ax_c.step(np.concatenate([[0], p, [sample_rate / 2]]), 100 * np.concatenate([[0], np.arange(1, len(p) + 1) / len(p), [1]]),
                  where="post", color=f"C{i}", lw=1.6, label=label(name))
    axes[-1].set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    left.suptitle(t(f"share of kernels per {band_hz:g} Hz band", f"每 {band_hz:g} Hz 频带内卷积核的占比"), fontsize=10)
    ax_c.axvline(cutoff_hz, color="k", lw=0.8, ls="--")
    if paper_share is not None:
        ax_c.plot([cutoff_hz], [paper_share], marker="*", ms=11, color="k", ls="none",
                  label=t(f"Conv-TasNet paper: > {paper_share:g}%", f"Conv-TasNet 论文：> {paper_share:g}%"))
    ax_c.set(xlim=(0, sample_rate / 2), ylim=(0, 100))
    ax_c.set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    ax_c.set_ylabel(t("% of kernels peaking below", "峰值低于该频率的卷积核占比（%）"))
    ax_c.set_title(t("cumulative share", "累计占比"), fontsize=10)
    ax_c.legend(fontsize=8, loc="lower right")
    return fig


def plot_phases(kernels, peaks, phases, group, sample_rate: int = SAMPLE_RATE):
    """Figure: left, every kernel as a dot (peak frequency in Hz, phase in degrees) with ``group`` ringed; right, the
    kernels of ``group``, one per row, each scaled to its own largest sample."""
    peaks, phases, picks = to_numpy(peaks), to_numpy(phases), [int(i) for i in group]
    fig = plt.figure(figsize=(9.5, max(3.4, 0.62 * len(picks) + 0.6)), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[1, 1.1])
    ax = left.subplots()
    ax.scatter(peaks, phases, s=12, color="0.5", label=t("all kernels", "全部卷积核"))
    for n, i in enumerate(picks):
        ax.scatter(peaks[i], phases[i], s=60, facecolors="none", edgecolors=f"C{n}", lw=1.6)
    ax.set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    ax.set_ylabel(t("phase at the peak (°)", "峰值处的相位（°）"))
    ax.set(yticks=[-180, -90, 0, 90, 180], xlim=(0, sample_rate / 2))
    ax.legend(fontsize=8, loc="lower right")
    rows = np.atleast_1d(right.subplots(max(1, len(picks)), 1, sharex=True))
    ms = np.arange(kernels.shape[-1]) / sample_rate * 1000
    for n, (row, i) in enumerate(zip(rows, picks)):
        row.plot(ms, to_numpy(kernels[i] / kernels[i].abs().max()), marker=".", color=f"C{n}")
        row.axhline(0, lw=0.4, color="0.6")
        row.set_yticks([])
        row.set_title(t(f"#{i}: {peaks[i]:.0f} Hz, phase {phases[i]:+.0f}°", f"#{i}：{peaks[i]:.0f} Hz，相位 {phases[i]:+.0f}°"),
                      fontsize=8, loc="left")
    rows[-1].set_xlabel(t("time within the frame (ms)", "帧内时间（毫秒）"))
    return fig


def plot_before_after(stages: dict, picks, sample_rate: int = SAMPLE_RATE):
    """Figure: ``stages[name]`` ``[count, L]`` (the kernels ``picks`` of each stage), one row per stage."""
    names, picks = list(stages), [int(i) for i in picks]
    fig, axes = plt.subplots(len(names), len(picks), figsize=(len(picks) * 1.2, 1.25 * len(names) + 0.2),
                             layout="constrained", sharey="row", squeeze=False)
    for row, name in enumerate(names):
        peaks = to_numpy(peak_frequency(stages[name], sample_rate))
        for col, i in enumerate(picks):
            ax = axes[row, col]
            ax.plot(to_numpy(stages[name][col]), lw=0.9, color=f"C{row}")
            ax.axhline(0, lw=0.3, color="0.6")
            ax.set(xticks=[], yticks=[])
            ax.set_title(f"#{i} {peaks[col]:.0f} Hz", fontsize=7)
        axes[row, 0].set_ylabel(label(name), fontsize=8)
    return fig


def kernel_view(kernels, index: int, audio, top: int = 3, sample_rate: int = SAMPLE_RATE) -> dict:
    """What the kernel browser shows at slider position ``index`` (kernels in low-to-high frequency order): the
    kernel's own index, its peak frequency (Hz) and magnitude response, and the ``top`` frames of ``audio`` with the
    largest scores (the largest values it puts into the strength map), with their frame numbers."""
    order = sort_by_frequency(kernels, sample_rate)
    if not 0 <= index < len(order):
        raise ValueError(f"kernel index {index} is outside 0..{len(order) - 1}")
    k = kernels[order[index]]
    frames = slice_frames(audio, kernels.shape[-1])
    scores = frames @ k
    best = torch.argsort(scores, descending=True)[:top]
    freqs, mags = frequency_response(k[None], sample_rate)
    return {"kernel": int(order[index]), "peak_hz": float(freqs[mags[0].argmax()]), "weights": k, "frequencies": freqs,
            "magnitude": mags[0], "best_frames": best, "frames": frames[best], "scores": scores[best]}


def plot_kernel_view(view: dict, sample_rate: int = SAMPLE_RATE):
    """Figure for :func:`kernel_view`: the kernel, its frequency response, and the frames that excite it most."""
    fig, axes = plt.subplots(1, 3, figsize=(10, 2.6), layout="constrained")
    ms = np.arange(len(view["weights"])) / sample_rate * 1000
    axes[0].plot(ms, to_numpy(view["weights"]), marker=".")
    axes[0].set_title(t(f"kernel #{view['kernel']}", f"卷积核 #{view['kernel']}"))
    axes[1].plot(to_numpy(view["frequencies"]), to_numpy(view["magnitude"]))
    axes[1].axvline(view["peak_hz"], color="C3", ls="--", lw=0.8)
    axes[1].set_title(t(f"frequency response, peak {view['peak_hz']:.0f} Hz", f"频率响应，峰值 {view['peak_hz']:.0f} Hz"))
    axes[1].set_xlabel(t("frequency (Hz)", "频率（Hz）"))
    for frame, k, s in zip(view["frames"], view["best_frames"], view["scores"]):
        axes[2].plot(ms, to_numpy(frame), label=t(f"frame {int(k)}: score {float(s):.2f}", f"第 {int(k)} 帧：得分 {float(s):.2f}"))
    axes[2].set_title(t("frames that excite it most", "最能激活它的帧"))
    axes[2].legend(fontsize=7)
    for ax in axes[::2]:
        ax.set_xlabel(t("time within the frame (ms)", "帧内时间（毫秒）"))
    return fig


def kernel_browser(kernels, audio, sample_rate: int = SAMPLE_RATE):
    """A slider over the kernels (low to high frequency) redrawing :func:`plot_kernel_view`."""
    from ipywidgets import IntSlider, interactive

    def show(index=0):  # returns None; the figure is shown once, by show_figure
        show_figure(plot_kernel_view(kernel_view(kernels, index, audio, sample_rate=sample_rate), sample_rate))

    slider = IntSlider(value=len(kernels) // 4, min=0, max=len(kernels) - 1, description=t("kernel", "卷积核"))
    return interactive(show, index=slider)


def _shipped() -> dict:
    """The notebook's kernel sets ``[N, L]`` for the registered figures: learned, random start, STFT (non-zero rows)."""
    stft = stft_kernels(16)[:, 0]
    return {"learned": core_model.load_pretrained().encoder.conv1d_U.weight.detach()[:, 0],
            "before": core_model.untrained_model().encoder.conv1d_U.weight.detach()[:, 0],
            "stft": stft[stft.abs().amax(dim=-1) > 1e-6]}


@figure("05_learned_vs_stft_kernels")
def _figure_kernels():
    sets = _shipped()
    return compare_kernels(*(sets[n][sort_by_frequency(sets[n])] for n in ("learned", "stft")))


@figure("05_frequency_responses")
def _figure_responses():
    responses = {}
    for name, k in _shipped().items():
        mags = frequency_response(k)[1][sort_by_frequency(k)]
        responses[name] = mags / mags.amax(dim=-1, keepdim=True)
    return plot_response_heatmap(responses)


@figure("05_peak_frequencies")
def _figure_peaks():
    return plot_peak_distribution({name: peak_frequency(k) for name, k in _shipped().items()}, paper_share=60)
