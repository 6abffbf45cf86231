"""Chapter 05: what the encoder learned, next to the STFT's fixed Fourier bases.

Notebook ``05_learned_vs_stft``. The kernels come from whatever model
``load_pretrained()`` ships; nothing here assumes what they look like: every
kernel the notebook singles out (a band, several phases, a kernel and its
negative) is found by computation. "Before training" is the same architecture
at the seeded random initialisation that training from scratch starts from.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from ..core.checks import as_float_tensor
from ..core.fourier import bin_frequencies, frequency_response, peak_frequency, sort_by_frequency, stft_kernels  # noqa: F401
from ..core.framing import slice_frames
from ..core.model import load_checkpoint, load_pretrained, untrained_model  # noqa: F401 (untrained_model: notebook 05)
from ..ui.i18n import t
from ..ui.plotting import figure, show_figure, to_numpy


def encoder_kernels(model) -> torch.Tensor:
    """The encoder's templates ``[N, L]`` of a TinyTasNet (learned or STFT), detached."""
    return model.encoder.templates.detach()[:, 0, :].clone()


def stft_templates(L: int = 16) -> torch.Tensor:
    """``stft_kernels(L)`` as ``[n, L]`` without the all-zero rows (the sine of 0 Hz and of the Nyquist bin)."""
    k = stft_kernels(L)[:, 0]
    return k[k.abs().max(dim=-1).values > 1e-6]


def training_facts(encoder: str = "learned") -> str:
    """How the shipped checkpoint was trained, in the course language: start, data, steps, time, validation score."""
    ckpt = load_checkpoint(encoder)
    tc = ckpt.get("train_config", {})
    init = tc.get("init")
    data = tc.get("data")
    earlier = "/".join(Path(init).parts[-2:]) if init else ""  # run folder + file: "diverse-learned/last.pt"
    start = (t(f"training continued from earlier weights ({earlier})", f"在已有权重（{earlier}）的基础上继续训练")
             if init else t(f"started from random weights (seed {tc.get('seed', 0)})", f"从随机权重开始（随机种子 {tc.get('seed', 0)}）"))
    folder = "/".join(Path(data).parts[-2:]) if data else ""
    source = (t(f"trained on the speech in the folder {folder}", f"训练数据：文件夹 {folder} 里的语音") if data
              else t("trained on the course's shipped synthetic clips (10 espeak-ng voices)",
                     "训练数据：课程自带的合成语音片段（10 种 espeak-ng 音色）"))
    steps = t(f"{ckpt['step']} steps of batch {tc['batch_size']} x {tc['segment_seconds']:g} s, "
              f"{ckpt['train_seconds'] / 60:.0f} min of training, validation SI-SNRi {ckpt['validation_si_snri']:.1f} dB",
              f"{ckpt['step']} 步，每批 {tc['batch_size']} 段 × {tc['segment_seconds']:g} 秒，"
              f"训练 {ckpt['train_seconds'] / 60:.0f} 分钟，验证集 SI-SNRi {ckpt['validation_si_snri']:.1f} dB")
    sep = t("; ", "；")
    return encoder + t(": ", "：") + sep.join([start, source, steps])


def kernel_change(a, b) -> torch.Tensor:
    """Cosine similarity of kernel ``i`` of ``a`` with kernel ``i`` of ``b``, ``[N]`` (1 = unchanged in shape)."""
    a = as_float_tensor(a, "a").detach()
    b = as_float_tensor(b, "b").detach()
    if a.shape != b.shape:
        raise ValueError(f"kernel sets have shapes {list(a.shape)} and {list(b.shape)}; expected the same")
    return torch.nn.functional.cosine_similarity(a, b, dim=-1)


def describe_change(a, b, name_a: str, name_b: str) -> str:
    """One line: how far the kernels moved between two models (same index), in the course language."""
    cos = kernel_change(a, b)
    if torch.equal(torch.as_tensor(a), torch.as_tensor(b)):
        return t(f"{name_a} and {name_b} have identical kernels (the same weights)",
                 f"{name_a} 和 {name_b} 的卷积核完全相同（是同一组权重）")
    return t(f"{name_a} vs {name_b}, kernel by kernel: median cosine similarity {float(cos.median()):.2f}, "
             f"lowest {float(cos.min()):.2f} (1 = same shape)",
             f"{name_a} 与 {name_b} 逐个卷积核比较：余弦相似度中位数 {float(cos.median()):.2f}，"
             f"最低 {float(cos.min()):.2f}（1 表示形状相同）")


def windowed_tone(frequency: float, L: int = 16, sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """A Hann-windowed cosine of ``frequency`` Hz, ``L`` samples: a kernel whose peak frequency we know."""
    n = torch.arange(L, dtype=torch.float64)
    return (torch.hann_window(L, dtype=torch.float64) * torch.cos(2 * math.pi * frequency * n / sample_rate)).float()


def peak_by_n_fft(kernel, n_ffts=(16, 32, 512), sample_rate: int = SAMPLE_RATE) -> list[tuple[int, float, float]]:
    """``(n_fft, grid spacing in Hz, peak frequency in Hz)`` of one kernel for each FFT length (zero padding)."""
    k = as_float_tensor(kernel, "kernel").reshape(1, -1)
    return [(n, sample_rate / n, float(peak_frequency(k, sample_rate, n_fft=n)[0])) for n in n_ffts]


def plot_zero_padding(kernel, n_ffts=(16, 512), sample_rate: int = SAMPLE_RATE):
    """Figure: one kernel's magnitude response sampled by a short FFT (dots) and a zero-padded one (line)."""
    k = as_float_tensor(kernel, "kernel").reshape(1, -1)
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
    axes[1].set_ylabel(t("magnitude", "幅度"))
    axes[1].set_title(t("frequency response", "频率响应"))
    axes[1].legend(fontsize=8)
    return fig


def share_below(kernels, cutoff_hz: float = 1000.0, sample_rate: int = SAMPLE_RATE) -> float:
    """Fraction of kernels whose magnitude response peaks below ``cutoff_hz``."""
    return float((peak_frequency(kernels, sample_rate) < cutoff_hz).float().mean())


def describe_share(name: str, kernels, cutoff_hz: float = 1000.0, sample_rate: int = SAMPLE_RATE) -> str:
    """One line in the course language: how many of the kernels peak below ``cutoff_hz``."""
    n = len(kernels)
    below = round(share_below(kernels, cutoff_hz, sample_rate) * n)
    return t(f"{name}: {below} of {n} kernels ({100 * below / n:.0f}%) peak below {cutoff_hz / 1000:g} kHz",
             f"{name}：{n} 个卷积核中有 {below} 个（{100 * below / n:.0f}%）峰值频率低于 {cutoff_hz / 1000:g} kHz")


def plot_peak_distribution(kernels_by_name: dict, sample_rate: int = SAMPLE_RATE, band_hz: float = 250.0,
                           cutoff_hz: float = 1000.0, paper_share: float | None = None):
    """Figure: one histogram panel per kernel set (no overlap), and their cumulative shares on one axis.

    Left, stacked: the share of kernels peaking in each ``band_hz`` band. Right: the share peaking below each
    frequency; where a curve crosses the dashed ``cutoff_hz`` line is the share below it. ``paper_share`` (a
    percentage) marks a published share at ``cutoff_hz`` for comparison.
    """
    names = list(kernels_by_name)
    fig = plt.figure(figsize=(9.5, 1.3 + 1.15 * len(names)), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[1.2, 1])
    axes = np.atleast_1d(left.subplots(len(names), 1, sharex=True, sharey=True))
    bins = np.arange(0, sample_rate / 2 + band_hz, band_hz)
    ax_c = right.subplots()
    for i, (ax, name) in enumerate(zip(axes, names)):
        peaks = to_numpy(peak_frequency(kernels_by_name[name], sample_rate))
        counts, _ = np.histogram(np.minimum(peaks, sample_rate / 2 - 1e-6), bins=bins)
        ax.bar(bins[:-1], 100 * counts / len(peaks), width=band_hz * 0.9, align="edge", color=f"C{i}")
        ax.axvline(cutoff_hz, color="k", lw=0.8, ls="--")
        share = 100 * share_below(kernels_by_name[name], cutoff_hz, sample_rate)
        ax.set_title(t(f"{name}: {share:.0f}% below {cutoff_hz / 1000:g} kHz", f"{name}：{share:.0f}% 低于 {cutoff_hz / 1000:g} kHz"),
                     fontsize=9, loc="left")
        ax.set_ylabel("%")
        xs = np.sort(peaks)
        ax_c.step(np.concatenate([[0], xs, [sample_rate / 2]]), 100 * np.concatenate([[0], np.arange(1, len(xs) + 1) / len(xs), [1]]),
                  where="post", color=f"C{i}", lw=1.6, label=name)
    axes[-1].set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    left.suptitle(t(f"share of kernels per {band_hz:g} Hz band", f"每 {band_hz:g} Hz 频带内卷积核的占比"), fontsize=10)
    ax_c.axvline(cutoff_hz, color="k", lw=0.8, ls="--")
    if paper_share is not None:
        ax_c.plot([cutoff_hz], [paper_share], marker="*", ms=11, color="k", ls="none",
                  label=t(f"Conv-TasNet paper: > {paper_share:g}%", f"Conv-TasNet 论文：> {paper_share:g}%"))
    ax_c.set_xlim(0, sample_rate / 2)
    ax_c.set_ylim(0, 100)
    ax_c.set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    ax_c.set_ylabel(t("% of kernels peaking below", "峰值低于该频率的卷积核占比（%）"))
    ax_c.set_title(t("cumulative share", "累计占比"), fontsize=10)
    ax_c.legend(fontsize=8, loc="lower right")
    return fig


def kernel_phase(kernels, sample_rate: int = SAMPLE_RATE, n_fft: int = 512) -> torch.Tensor:
    """Phase (radians, in (-pi, pi]) of each kernel's spectrum at its own peak frequency, ``[N]``.

    Measured from the kernel's centre (sample ``(L - 1) / 2``), not from its first sample, so the value does not
    drift with small differences in peak frequency: a cosine centred in the frame has phase 0, a centred sine
    -pi/2, and ``-u`` is ``u``'s phase moved by pi.
    """
    k = as_float_tensor(kernels, "kernels").detach().double()
    k = k.reshape(-1, k.shape[-1])
    spectrum = torch.fft.rfft(k, n=n_fft)
    peak = spectrum.abs().argmax(dim=-1)
    centre = (k.shape[-1] - 1) / 2
    turn = torch.exp(2j * math.pi * peak.double() * centre / n_fft)  # e^{+j 2 pi f c / fs} with f = peak * fs / n_fft
    return torch.angle(spectrum[torch.arange(len(k)), peak] * turn).float()


def phase_distance(a, b) -> torch.Tensor:
    """Circular distance between phases (radians), in [0, pi]."""
    d = (torch.as_tensor(a) - torch.as_tensor(b)).remainder(2 * math.pi)
    return torch.minimum(d, 2 * math.pi - d)


def same_frequency_group(kernels, sample_rate: int = SAMPLE_RATE, width_hz: float = 100.0, size: int = 4,
                         min_phase_deg: float = 45.0, min_hz: float = 150.0):
    """Indices of up to ``size`` kernels whose peak frequencies lie within ``width_hz`` of each other and whose
    phases differ pairwise by at least ``min_phase_deg`` degrees, sorted by phase.

    Every kernel's peak (from ``min_hz`` up to below the Nyquist frequency; at 0 Hz and at Nyquist the phase can
    only be 0 or 180°) opens a candidate band ``[peak, peak + width_hz]``. In each band, kernels are picked
    greedily: first the two most different in phase, then each time the one farthest in phase from those already
    picked, while it stays ``min_phase_deg`` away from all of them. The band with the most picks wins (ties: the
    larger smallest phase difference). Empty when no band holds two such kernels.
    """
    k = as_float_tensor(kernels, "kernels")
    peaks = peak_frequency(k, sample_rate)
    phases = kernel_phase(k, sample_rate)
    limit = math.radians(min_phase_deg)
    best, best_score = torch.empty(0, dtype=torch.long), (1, 0.0)
    usable = (peaks >= min_hz) & (peaks < sample_rate / 2)
    for f0 in torch.unique(peaks[usable]).tolist():
        idx = torch.nonzero(usable & (peaks >= f0) & (peaks <= f0 + width_hz)).flatten()
        if len(idx) < 2:
            continue
        d = phase_distance(phases[idx][:, None], phases[idx][None, :])
        i, j = divmod(int(d.argmax()), len(idx))
        if float(d[i, j]) < limit:
            continue
        picks = [i, j]
        while len(picks) < min(size, len(idx)):
            rest = [r for r in range(len(idx)) if r not in picks]
            r = max(rest, key=lambda r: float(d[r, picks].min()))
            if float(d[r, picks].min()) < limit:
                break
            picks.append(r)
        off_diagonal = ~torch.eye(len(picks), dtype=torch.bool)
        score = (len(picks), round(float(d[picks][:, picks][off_diagonal].min()), 6))
        if score > best_score:
            best, best_score = idx[picks], score
    if len(best):
        best = best[torch.argsort(phases[best])]
    return best


def describe_group(kernels, indices, sample_rate: int = SAMPLE_RATE) -> list[str]:
    """Lines in the course language: each picked kernel's peak frequency and phase, then the spreads."""
    peaks = peak_frequency(kernels, sample_rate)
    phases = kernel_phase(kernels, sample_rate)
    lines = [t(f"kernel #{i}: peak {float(peaks[i]):.0f} Hz, phase {math.degrees(float(phases[i])):+.0f}°",
               f"卷积核 #{i}：峰值 {float(peaks[i]):.0f} Hz，相位 {math.degrees(float(phases[i])):+.0f}°") for i in indices.tolist()]
    if len(indices) >= 2:
        p = phases[indices]
        d = phase_distance(p[:, None], p[None, :])[~torch.eye(len(p), dtype=torch.bool)]
        spread = float(peaks[indices].max() - peaks[indices].min())
        lines.append(t(f"peaks within {spread:.0f} Hz; phases differ by {math.degrees(float(d.min())):.0f}° to "
                       f"{math.degrees(float(d.max())):.0f}°",
                       f"峰值频率相差不超过 {spread:.0f} Hz；相位相差 {math.degrees(float(d.min())):.0f}° 到 "
                       f"{math.degrees(float(d.max())):.0f}°"))
    return lines


def plot_phases(kernels, indices, sample_rate: int = SAMPLE_RATE):
    """Figure: left, every kernel as a dot (peak frequency, phase) with the picked ones ringed; right, the picked
    kernels one per row, each labelled with its peak frequency and phase."""
    peaks, phases = to_numpy(peak_frequency(kernels, sample_rate)), np.degrees(to_numpy(kernel_phase(kernels, sample_rate)))
    picks = indices.tolist()
    fig = plt.figure(figsize=(9.5, 3.4), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[1, 1.1])
    ax = left.subplots()
    ax.scatter(peaks, phases, s=12, color="0.5", label=t("all kernels", "全部卷积核"))
    for n, i in enumerate(picks):
        ax.scatter(peaks[i], phases[i], s=60, facecolors="none", edgecolors=f"C{n}", lw=1.6)
    ax.set_xlabel(t("peak frequency (Hz)", "峰值频率（Hz）"))
    ax.set_ylabel(t("phase at the peak (°)", "峰值处的相位（°）"))
    ax.set_yticks([-180, -90, 0, 90, 180])
    ax.set_xlim(0, sample_rate / 2)
    ax.legend(fontsize=8, loc="lower right")
    rows = np.atleast_1d(right.subplots(max(1, len(picks)), 1, sharex=True))
    ms = np.arange(kernels.shape[-1]) / sample_rate * 1000
    for n, (row, i) in enumerate(zip(rows, picks)):
        k = to_numpy(kernels[i] / kernels[i].abs().max())
        row.plot(ms, k, marker=".", color=f"C{n}")
        row.axhline(0, lw=0.4, color="0.6")
        row.set_yticks([])
        row.set_title(t(f"#{i}: {peaks[i]:.0f} Hz, phase {phases[i]:+.0f}°", f"#{i}：{peaks[i]:.0f} Hz，相位 {phases[i]:+.0f}°"),
                      fontsize=8, loc="left")
    rows[-1].set_xlabel(t("time within the frame (ms)", "帧内时间（毫秒）"))
    return fig


def negative_partners(kernels, threshold: float = -0.9) -> torch.Tensor:
    """For each kernel, the index of its most opposite other kernel if their cosine similarity is below
    ``threshold`` (nearly ``-u``), else -1; ``[N]``. ``kernels`` is the whole bank ``[N, L]``, one kernel per row."""
    k = as_float_tensor(kernels, "kernels").detach()
    if k.dim() != 2 or k.shape[0] == 0:
        hint = {1: " (one kernel has no partner: pass the whole bank, e.g. encoder_kernels(model))",
                3: " (the encoder's weight [N, 1, L]: encoder_kernels(model) gives [N, L])"}.get(k.dim(), "")
        raise ValueError(f"kernels have shape {list(k.shape)}; expected [N, L] with N >= 1, one kernel per row{hint}")
    unit = k / k.norm(dim=-1, keepdim=True).clamp_min(1e-12)
    cos = unit @ unit.T
    cos.fill_diagonal_(float("inf"))
    value, index = cos.min(dim=-1)
    return torch.where(value < threshold, index, torch.full_like(index, -1))


def describe_negatives(name: str, kernels, threshold: float = -0.9) -> str:
    """One line in the course language: how many kernels have a partner that is nearly their negative."""
    n = int((negative_partners(kernels, threshold) >= 0).sum())
    return t(f"{name}: {n} of {len(kernels)} kernels have a partner with cosine similarity below {threshold:g} (nearly -u)",
             f"{name}：{len(kernels)} 个卷积核中有 {n} 个能找到余弦相似度低于 {threshold:g} 的搭档（几乎就是 -u）")


def concentration(kernels, width_hz: float = 250.0, sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """Share of each kernel's response energy within ``width_hz`` of its peak frequency, ``[N]`` (1 = one band only)."""
    freqs, mags = frequency_response(kernels, sample_rate)
    peaks = freqs[mags.argmax(dim=-1)]
    energy = mags.double() ** 2
    near = (freqs[None, :] - peaks[:, None]).abs() <= width_hz
    return ((energy * near).sum(-1) / energy.sum(-1).clamp_min(1e-30)).float()


def describe_kernels(name: str, kernels, sample_rate: int = SAMPLE_RATE) -> str:
    """One line in the course language: how band-like the kernels are, and how many peak at 0 Hz or at Nyquist."""
    peaks = peak_frequency(kernels, sample_rate)
    c = float(concentration(kernels, sample_rate=sample_rate).median())
    dc, nyq = int((peaks == 0).sum()), int((peaks >= sample_rate / 2).sum())
    return t(f"{name}: median share of energy within ±250 Hz of the peak {c:.2f}; "
             f"{dc} peak at 0 Hz (low-pass), {nyq} at {sample_rate // 2} Hz",
             f"{name}：峰值 ±250 Hz 内能量占比的中位数 {c:.2f}；"
             f"{dc} 个峰值在 0 Hz（低通），{nyq} 个在 {sample_rate // 2} Hz")


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
    rows = int(np.ceil(len(learned) / 16))
    top, bottom = fig.subfigures(2, 1, height_ratios=[rows, max(1, int(np.ceil(len(stft) / 16)))])
    plot_kernels(learned[sort_by_frequency(learned, sample_rate)], axes=top.subplots(rows, 16))
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


def plot_before_after(stages: dict, sample_rate: int = SAMPLE_RATE, count: int = 8):
    """Figure: the same kernels (same index) at each stage of training, one row per stage, with peak frequencies.

    The kernels shown are spread evenly over the last stage's peak frequencies.
    """
    names = list(stages)
    last = stages[names[-1]]
    order = sort_by_frequency(last, sample_rate)
    picks = order[np.linspace(0, len(order) - 1, count).round().astype(int)]
    fig, axes = plt.subplots(len(names), count, figsize=(count * 1.2, 1.25 * len(names) + 0.2), layout="constrained",
                             sharey="row", squeeze=False)
    for col, i in enumerate(picks.tolist()):
        for row, name in enumerate(names):
            k = stages[name][i]
            ax = axes[row, col]
            ax.plot(to_numpy(k), lw=0.9, color=f"C{row}")
            ax.axhline(0, lw=0.3, color="0.6")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(f"#{i} {float(peak_frequency(k[None], sample_rate)[0]):.0f} Hz", fontsize=7)
            if col == 0:
                ax.set_ylabel(name, fontsize=8)
    return fig


def training_stages() -> dict:
    """The learned kernels at each stage, in order: the random start; the first (espeak-only) model when the
    shipped model was trained further from it; the shipped model. Names in the course language."""
    stages = {t("random start", "随机初始化"): encoder_kernels(untrained_model())}
    learned = encoder_kernels(load_pretrained("learned"))
    if load_checkpoint("learned").get("train_config", {}).get("init"):
        first = encoder_kernels(load_pretrained("learned-espeak"))
        if not torch.equal(first, learned):
            stages["learned-espeak"] = first
    stages["learned"] = learned
    return stages


@figure("05_learned_vs_stft_kernels")
def _figure_kernels():
    return compare_kernels(encoder_kernels(load_pretrained("learned")))


@figure("05_frequency_responses")
def _figure_responses():
    return plot_response_heatmap({
        t("learned", "学到的"): encoder_kernels(load_pretrained("learned")),
        t("random start", "随机初始化"): encoder_kernels(untrained_model()),
        "STFT": stft_templates(16),
    })


@figure("05_peak_frequencies")
def _figure_peaks():
    return plot_peak_distribution({
        t("learned", "学到的"): encoder_kernels(load_pretrained("learned")),
        t("random start", "随机初始化"): encoder_kernels(untrained_model()),
        "STFT": stft_templates(16),
    }, paper_share=60)


@figure("05_same_frequency_phases")
def _figure_phases():
    k = encoder_kernels(load_pretrained("learned"))
    return plot_phases(k, same_frequency_group(k))
