"""Chapter 00, introduction: the figures of notebook ``00_introduction``.

The notebook mixes two shipped speakers and zooms into one frame in its own cells; the functions here draw what
those cells computed: the two voices and their sum (:func:`plot_cocktail_party`), and a zoom from the whole clip
to 40 ms to one frame of L samples (:func:`plot_zoom`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ..core.audio import EXAMPLE_CLIP, SAMPLE_RATE, SECOND_CLIP, clip_row, load_clip, mix
from ..core.checks import check_size
from ..core.signals import loudest_start
from ..ui.i18n import t
from ..ui.plotting import figure, to_numpy

# One English speaker and one Mandarin speaker from the test split: easy to tell apart by ear.
PARTY_CLIPS = (EXAMPLE_CLIP, SECOND_CLIP)


def _speaker_title(i: int, file: str) -> str:
    row = clip_row(file)
    lang = t("English", "英语") if row["language"] == "en" else t("Mandarin", "普通话")
    return t(f"speaker {i} ({lang}): {row['text']}", f"说话人 {i}（{lang}）：{row['text']}")


def plot_cocktail_party(s1, s2, mixture, clips=PARTY_CLIPS, sample_rate: int = SAMPLE_RATE):
    """Three waveforms stacked: speaker 1, speaker 2 and their sum, as the notebook computed them. Returns the Figure.

    ``clips`` names the shipped clips the speakers come from (for the titles: language and sentence).
    """
    waves = [to_numpy(s1), to_numpy(s2), to_numpy(mixture)]
    if any(w.ndim != 1 or len(w) != len(waves[2]) for w in waves):
        raise ValueError(f"expected three waveforms [T] of one length; got shapes {[list(w.shape) for w in waves]}")
    time = np.arange(len(waves[2])) / sample_rate
    fig, axes = plt.subplots(3, 1, figsize=(8, 5), sharex=True, sharey=True, layout="constrained")
    colors = ("tab:blue", "tab:orange", "0.2")
    titles = [_speaker_title(1, clips[0]), _speaker_title(2, clips[1]),
              t("mixture = speaker 1 + speaker 2: what the microphone hears",
                "混合语音 = 说话人 1 + 说话人 2：麦克风听到的声音")]
    for ax, y, color, title in zip(axes, waves, colors, titles):
        ax.plot(time, y, lw=0.5, color=color)
        ax.set_title(title, loc="left", fontsize=10)
        ax.set_ylabel(t("amplitude", "振幅"))
    axes[-1].set_xlabel(t("time (s)", "时间（秒）"))
    fig.suptitle(t("The cocktail-party problem: one microphone, two voices",
                   "鸡尾酒会问题：一个麦克风，两个人的声音"))
    return fig


def plot_zoom(x, window_start: int, frame_start: int, L: int = 16, width: int = 320,
              sample_rate: int = SAMPLE_RATE):
    """Zoom from the whole clip ``x`` to the window ``x[window_start : window_start + width]`` to the frame
    ``x[frame_start : frame_start + L]``, the starts the notebook chose. Returns the Figure."""
    y = to_numpy(x)
    L, width = check_size("L", L, 2), check_size("width", width, 2)
    if y.ndim != 1:
        raise ValueError(f"audio has shape {list(y.shape)}; expected one waveform [T]")
    w0, f0, T = int(window_start), int(frame_start), len(y)
    if not (0 <= w0 <= f0 and f0 + L <= w0 + width <= T):
        raise ValueError(f"the frame [{f0}, {f0 + L}) must lie in the window [{w0}, {w0 + width}), "
                         f"and the window in the clip ({T} samples)")
    fig, axes = plt.subplots(3, 1, figsize=(8, 6.4), layout="constrained")
    ax = axes[0]
    ax.plot(np.arange(T) / sample_rate, y, lw=0.5, color="0.3")
    ax.axvspan(w0 / sample_rate, (w0 + width) / sample_rate, color="tab:orange", alpha=0.35)
    ax.set_title(t(f"the whole clip: {T} samples = {T / sample_rate:.2f} s", f"整段音频：{T} 个采样点 = {T / sample_rate:.2f} 秒"),
                 loc="left", fontsize=10)
    ax.set_xlabel(t("time (s)", "时间（秒）"))
    ax = axes[1]
    n = np.arange(w0, w0 + width)
    ms = 1000 * width / sample_rate
    ax.plot(1000 * n / sample_rate, y[w0 : w0 + width], lw=1, color="tab:orange", marker=".", ms=3)
    ax.axvspan(1000 * (f0 - 0.5) / sample_rate, 1000 * (f0 + L - 0.5) / sample_rate, color="tab:blue", alpha=0.25)
    ax.set_title(t(f"zoom: {ms:g} ms = {width} samples (one dot per sample)",
                   f"放大：{ms:g} 毫秒 = {width} 个采样点（每个点是一个采样）"), loc="left", fontsize=10)
    ax.set_xlabel(t("time (ms)", "时间（毫秒）"))
    ax = axes[2]
    k = np.arange(L)
    ax.stem(k, y[f0 : f0 + L], basefmt="0.6", linefmt="tab:blue", markerfmt="o")
    ax.set_xticks(k)
    ax.set_xlim(-0.7, L - 0.3)
    ax.set_title(t(f"{1000 * L / sample_rate:g} ms = {L} samples = one frame (L = {L}): the encoder looks at these {L} numbers at once",
                   f"{1000 * L / sample_rate:g} 毫秒 = {L} 个采样点 = 一帧（L = {L}）：编码器一次看这 {L} 个数"),
                 loc="left", fontsize=10)
    ax.set_xlabel(t("sample index inside the frame", "帧内采样点序号"))
    for ax in axes:
        ax.set_ylabel(t("amplitude", "振幅"))
    return fig


@figure("00_cocktail_party")
def figure_cocktail_party():
    """Registered course figure: the two speakers and their mixture (as the notebook mixes them, at 0 dB)."""
    mixture, sources = mix(load_clip(PARTY_CLIPS[0]), load_clip(PARTY_CLIPS[1]), 0.0)
    return plot_cocktail_party(sources[0], sources[1], mixture)


@figure("00_zoom_to_one_frame")
def figure_zoom():
    """Registered course figure: from a whole clip to 40 ms to one frame of 16 samples (the loudest ones)."""
    x = load_clip(PARTY_CLIPS[0])
    start = loudest_start(x, 320, 80)
    return plot_zoom(x, start, start + loudest_start(x[start : start + 320], 16, 8))


def plot_cnn_bridge(image, kernel, fmap, piece, templates, strength, at=(2, 1), frame: int = 2):
    """Image -> CNN next to sound -> Conv1d, as the notebook computed them: top, ``image``, a 2-D ``kernel`` and its
    map ``fmap`` (stride 1), patch ``at`` outlined; bottom, ``piece`` [T], ``templates`` [N, L] and ``strength``
    [N, K] (stride L // 2), frame ``frame`` outlined. Returns the Figure."""
    image, kernel, fmap, piece, templates, strength = map(to_numpy, (image, kernel, fmap, piece, templates, strength))
    (h, w), (N, L), hop, (r, c) = kernel.shape, templates.shape, templates.shape[1] // 2, at
    if fmap.shape != (image.shape[0] - h + 1, image.shape[1] - w + 1) or strength.shape != (N, (len(piece) - L) // hop + 1):
        raise ValueError(f"shapes do not fit a stride-1 2-D conv and a stride-L//2 1-D conv: {list(image.shape)}, "
                         f"{[h, w]} -> {list(fmap.shape)}; [{len(piece)}], {[N, L]} -> {list(strength.shape)}")
    fig, axes = plt.subplots(2, 3, figsize=(9, 5.6), layout="constrained")
    box = dict(fill=False, edgecolor="tab:orange", lw=2.5)
    for ax, a, cmap, title in zip(axes[0], (image, kernel, fmap), ("gray", "coolwarm", "magma"),
                                  (t("image", "图片"), t(f"kernel {h}×{w}", f"卷积核 {h}×{w}"),
                                   t("feature map (after ReLU)", "特征图（ReLU 之后）"))):
        ax.imshow(a, cmap=cmap)
        ax.set(title=title, xticks=[], yticks=[])
    axes[0, 0].add_patch(plt.Rectangle((c - 0.5, r - 0.5), w, h, **box))
    axes[0, 2].add_patch(plt.Rectangle((c - 0.5, r - 0.5), 1, 1, **box))
    for (i, j), v in np.ndenumerate(kernel):
        axes[0, 1].text(j, i, f"{v:g}", ha="center", va="center", fontsize=11)
    axes[1, 0].plot(piece, color="0.3", lw=1, marker=".", ms=3)
    axes[1, 0].axvspan(frame * hop - 0.5, frame * hop + L - 0.5, color="tab:orange", alpha=0.3)
    axes[1, 0].set(title=t(f"waveform, frame {frame} of L = {L}", f"波形，第 {frame} 帧（L = {L}）"), xlabel=t("sample", "采样点"))
    axes[1, 1].plot((templates / (2.2 * np.abs(templates).max(axis=1, keepdims=True) + 1e-12) - np.arange(N)[:, None]).T)
    axes[1, 1].set(title=t(f"{N} templates of L = {L}", f"{N} 个模板（L = {L}）"), xlabel=t("sample", "采样点"),
                   ylabel=t("template n", "模板 n"), yticks=-np.arange(N), yticklabels=range(N))
    axes[1, 2].imshow(strength, aspect="auto")
    axes[1, 2].add_patch(plt.Rectangle((frame - 0.5, -0.5), 1, N, **box))
    axes[1, 2].set(title=t("strength map [N, K]", "强度图 [N, K]"), xlabel=t("frame k", "帧 k"), yticks=range(N))
    axes[0, 0].set_ylabel(t("2-D conv, stride 1", "二维卷积，步长 1"), fontsize=11)
    axes[1, 0].set_ylabel(t(f"Conv1d, stride L // 2 = {hop}", f"Conv1d，步长 L // 2 = {hop}"), fontsize=11)
    fig.suptitle(t("image → CNN → feature map; sound → Conv1d → strength map: one patch (frame) · one kernel = one entry",
                   "图片 → CNN → 特征图；声音 → Conv1d → 强度图：一小块（一帧）与一个卷积核的点积 = 一个数"), fontsize=11)
    return fig


@figure("00_cnn_bridge")
def figure_cnn_bridge():
    """Registered course figure: a 3×3 edge kernel over an 8×8 image next to 4 tone templates over 64 samples."""
    import torch
    import torch.nn.functional as F

    image, kernel = torch.zeros(8, 8), torch.tensor([[-1.0, 0.0, 1.0]] * 3)
    image[2:6, 2:6] = 1.0
    x = load_clip(PARTY_CLIPS[0])
    piece, n = x[loudest_start(x, 64, 8) :][:64], torch.arange(16)
    u = torch.hann_window(16, periodic=True) * torch.cos(2 * torch.pi * torch.tensor([500.0, 1000, 2000, 3000])[:, None] * n / SAMPLE_RATE)
    return plot_cnn_bridge(image, kernel, F.relu(F.conv2d(image[None, None], kernel[None, None]))[0, 0], piece, u,
                           F.relu(F.conv1d(piece[None, None], u[:, None], stride=8))[0])
