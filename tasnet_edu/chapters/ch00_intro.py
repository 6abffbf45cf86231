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
        ax.set_ylabel(t("amplitude", "幅度"))
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
        ax.set_ylabel(t("amplitude", "幅度"))
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
