"""Chapter 01, slicing: frames of L samples, hop L // 2, drawn over speech.

Notebook ``01_slicing``: the document's ``2T/L - 1`` next to the true K, the
``|----|`` picture for real sizes, frames over a waveform, the staircase of
frames, and a widget for L and T. The formulas themselves are in
:mod:`tasnet_edu.core.framing`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.patches import Rectangle

from ..core.audio import EXAMPLE_CLIP, load_clip
from ..core.checks import as_float_tensor, check_size
from ..core.framing import conv_num_frames, dropped_samples, hop_length, num_frames, overlap_samples  # noqa: F401 (notebook)
from ..core.signals import loudest_start
from ..ui.i18n import t
from ..ui.plotting import figure, show_figure, to_numpy

DEMO_CLIP = EXAMPLE_CLIP  # the shipped clip notebook 01 slices
DEMO_LENGTH = 320  # 40 ms at 8 kHz: a few pitch periods of voiced speech


@lru_cache(maxsize=1)
def _demo_piece() -> torch.Tensor:
    x = load_clip(DEMO_CLIP)
    start = loudest_start(x, DEMO_LENGTH, DEMO_LENGTH // 2)
    return x[start : start + DEMO_LENGTH].clone()


def demo_waveform(T: int = DEMO_LENGTH) -> torch.Tensor:
    """The first T samples (T <= 320) of 40 ms of voiced speech from the shipped clip ``DEMO_CLIP``.

    Notebook ``01_slicing`` draws its frames over this piece (and the widget cuts it to T).
    """
    T = check_size("T", T, 1)
    if T > DEMO_LENGTH:
        raise ValueError(f"T={T} is longer than the demo piece ({DEMO_LENGTH} samples); pick T <= {DEMO_LENGTH}")
    return _demo_piece()[:T].clone()


def describe_overlap(L: int) -> str:
    """One line for notebook 01: hop, shared samples and overlap percentage for frame length L."""
    hop, shared = hop_length(L), overlap_samples(L)
    pct = 100 * shared / L
    return t(f"L = {L}: hop = {hop}, neighbouring frames share {shared} samples ({pct:.0f}% overlap)",
             f"L = {L}：帧移 hop = {hop}，相邻两帧共享 {shared} 个采样点（重叠 {pct:.0f}%）")


def formula_table(Ts, L: int):
    """Markdown table (notebook 01): for each T, the true K next to the document's ``2T/L - 1``, and the dropped samples.

    Returns an ``IPython.display.Markdown`` object (its ``.data`` is the text).
    """
    from IPython.display import Markdown

    L = check_size("L", L, 2)
    Ts = [check_size("T", T, L) for T in Ts]
    if not Ts:
        raise ValueError("Ts is empty; pass some lengths, e.g. range(96, 106)")
    head = t("| T | true K = (T - L) // (L // 2) + 1 | document: 2T/L - 1 | same? | dropped samples |",
             "| T | 真实的 K = (T - L) // (L // 2) + 1 | 文档公式 2T/L - 1 | 一致？ | 丢弃的采样点 |")
    rows = [head, "|---:|---:|---:|:---:|---:|"]
    for T in Ts:
        K = num_frames(T, L)
        seed = 2 * T / L - 1
        rows.append(f"| {T} | {K} | {seed:g} | {'✓' if seed == K else '✗'} | {dropped_samples(T, L)} |")
    rows.append("")
    rows.append(t(f"L = {L}, hop = L // 2 = {hop_length(L)}", f"L = {L}，帧移 hop = L // 2 = {hop_length(L)}"))
    return Markdown("\n".join(rows))


def frames_ascii(T: int, L: int) -> str:
    """The document's ``|----|`` picture for real sizes: one character per sample, one line per frame (notebook 01).

    ``[====]`` marks a frame, ``^`` the samples after the last frame that no frame covers.
    """
    K = num_frames(T, L)
    if T > 120:
        raise ValueError(f"T={T} is too long to draw one character per sample; use T <= 120")
    hop = hop_length(L)
    pad = " " * 7
    ruler = [" "] * (T + 4)
    for n in range(0, T, 10):
        for i, ch in enumerate(str(n)):
            ruler[n + i] = ch
    lines = ["n".ljust(7) + "".join(ruler).rstrip(), "x[n]".ljust(7) + "." * T]
    for k in range(K):
        lines.append(f"k={k}".ljust(7) + " " * (k * hop) + "[" + "=" * (L - 2) + "]")
    dropped = dropped_samples(T, L)
    if dropped:
        lines.append(pad + " " * (T - dropped) + "^" * dropped + " " +
                     t(f"{dropped} dropped", f"丢弃 {dropped} 个"))
    return "\n".join(lines)


_TOO_SHORT = re.compile(r"audio has (\d+) samples, shorter than one frame \(L=(\d+)\)")


def error_message(error: Exception) -> str:
    """``error`` as a learner reads it, in the course language (notebook 01 prints ``num_frames``'s ValueError).

    The core's checks speak English; the message for a signal shorter than one
    frame is given here in Chinese too. Any other error is shown as it is.

    >>> from tasnet_edu.ui.i18n import use_language
    >>> with use_language("zh"):
    ...     print(error_message(ValueError("audio has 10 samples, shorter than one frame (L=16); pass ...")))
    ValueError：音频只有 10 个采样点，比一帧（L = 16）还短；请至少传入 16 个采样点，或者改用更小的 L
    """
    name = type(error).__name__
    found = _TOO_SHORT.search(str(error))
    if found is None:
        return f"{name}: {error}"
    T, L = found.groups()
    return t(f"{name}: {error}",
             f"{name}：音频只有 {T} 个采样点，比一帧（L = {L}）还短；请至少传入 {L} 个采样点，或者改用更小的 L")


def _levels(L: int) -> int:
    """Rows needed to draw frames without two overlapping frames on the same row."""
    return math.ceil(L / hop_length(L))


def plot_frames(x, L: int, shade: int = 3, ax=None, title: str | None = None):
    """Frames of L samples, hop L // 2, drawn over a waveform ``[T]`` (notebook 01). Returns the Figure.

    Every frame is a coloured bar above the waveform (staggered so overlapping
    frames are visible); the first ``shade`` frames are also shaded over the
    samples they cover; samples no frame covers are hatched.
    """
    x = as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T] (pick one clip: x[0])")
    T = x.shape[0]
    K = num_frames(T, L)
    hop = hop_length(L)
    y = to_numpy(x)
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
    fig = ax.figure
    n = np.arange(T)
    ax.plot(n, y, color="0.25", lw=1, marker="." if T <= 400 else None, ms=3, zorder=3)
    amp = max(float(np.abs(y).max()), 1e-6)
    base, gap = 1.2 * amp, 0.2 * amp
    colors = plt.get_cmap("tab10")
    levels = _levels(L)
    for k in range(K):
        s = k * hop
        color = colors(k % 10)
        yb = base + (k % levels) * gap
        ax.add_patch(Rectangle((s - 0.5, yb), L, 0.7 * gap, facecolor=color, edgecolor="white", lw=0.5, alpha=0.9,
                               gid=f"frame {k}"))
        if k < shade:
            ax.axvspan(s - 0.5, s + L - 0.5, color=color, alpha=0.13, lw=0)
            if L >= 6:
                ax.text(s + L / 2 - 0.5, yb + 0.35 * gap, f"k={k}", ha="center", va="center", fontsize=8, color="white")
    dropped = dropped_samples(T, L)
    if dropped:
        ax.axvspan(T - dropped - 0.5, T - 0.5, facecolor="none", edgecolor="tab:red", hatch="///", lw=0)
        # the label sits left of the hatched samples, with an arrow into them, so the hatching never hides it
        ax.annotate(t(f"dropped: {dropped}", f"丢弃 {dropped} 个"), xy=(T - dropped / 2 - 0.5, -1.05 * amp),
                    xytext=(T - dropped - 2.5, -1.05 * amp), ha="right", va="center", fontsize=8, color="tab:red",
                    arrowprops={"arrowstyle": "->", "color": "tab:red", "lw": 0.8},
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xlim(-1, T)
    ax.set_ylim(-1.35 * amp, base + levels * gap + 0.1 * gap)
    ax.set_xlabel(t("sample index n", "采样点序号 n"))
    ax.set_ylabel(t("amplitude", "幅度"))
    ax.set_title(title or t(f"L = {L}, hop = {hop}, T = {T}  →  K = {K} frames",
                            f"L = {L}，帧移 hop = {hop}，T = {T}  →  K = {K} 帧"))
    return fig


def plot_stacked_frames(x, L: int, count: int = 5):
    """The document's staircase picture with real samples: frame k on row k, shifted by k * hop (notebook 01).

    The top row is the waveform itself; each row below holds one frame, where it
    sits in time. Returns the Figure.
    """
    x = as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T]")
    count = check_size("count", count, 1)
    K = num_frames(x.shape[0], L)
    hop = hop_length(L)
    count = min(count, K)
    end = min(x.shape[0], (count - 1) * hop + L + hop)
    y = to_numpy(x)[:end]
    amp = max(float(np.abs(y).max()), 1e-6)
    spacing = 2.3 * amp
    fig, ax = plt.subplots(figsize=(8, 1.0 + 0.62 * (count + 1)), layout="constrained")
    colors = plt.get_cmap("tab10")
    ax.plot(np.arange(end), y, color="0.25", lw=1, marker=".", ms=3)
    for s in range(0, end, hop):
        ax.axvline(s - 0.5, color="0.85", lw=0.8, zorder=0)
    for k in range(count):
        s, off = k * hop, -(k + 1) * spacing
        color = colors(k % 10)
        ax.add_patch(Rectangle((s - 0.5, off - 1.05 * amp), L, 2.1 * amp, facecolor=color, alpha=0.12, edgecolor=color, lw=1))
        ax.plot(np.arange(s, s + L), y[s : s + L] + off, color=color, lw=1.2, marker=".", ms=4)
    ax.set_yticks([-(k) * spacing for k in range(count + 1)],
                  [t("waveform", "波形")] + [t(f"frame k={k}", f"第 k={k} 帧") for k in range(count)])
    ax.set_xlim(-1, end)
    ax.set_xlabel(t("sample index n", "采样点序号 n"))
    ax.set_title(t(f"Each frame has L = {L} samples and starts hop = L // 2 = {hop} samples after the previous one",
                   f"每帧 L = {L} 个采样点，比上一帧晚 hop = L // 2 = {hop} 个采样点开始"), fontsize=10)
    return fig


def frames_view(L: int = 16, T: int = 124):
    """The widget's update function (notebook 01): draw the frames of ``demo_waveform(T)`` and print K.

    Returns K, or ``None`` when T < L (then no frame fits, and the message of
    :func:`num_frames`'s ValueError is printed instead of raised).
    """
    L = check_size("L", L, 2)
    x = demo_waveform(T)
    try:
        K = num_frames(T, L)
    except ValueError as error:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
        ax.plot(np.arange(T), to_numpy(x), color="0.25", lw=1, marker=".", ms=3)
        ax.set_title(t(f"T = {T} < L = {L}: no frame fits", f"T = {T} < L = {L}：一帧也放不下"))
        ax.set_xlabel(t("sample index n", "采样点序号 n"))
        print(t("K = 0, num_frames raises ", "K = 0，num_frames 报错 ") + error_message(error))
        show_figure(fig)
        return None
    show_figure(plot_frames(x, L))
    print(t(f"K = {K} frames (hop = {hop_length(L)}, dropped samples = {dropped_samples(T, L)})",
            f"K = {K} 帧（帧移 hop = {hop_length(L)}，丢弃的采样点 = {dropped_samples(T, L)}）"))
    return K


def frames_widget(L: int = 16, T: int = 124):
    """Sliders for L and T that redraw :func:`frames_view` (notebook 01). Returns the ``ipywidgets.interactive``."""
    from ipywidgets import IntSlider, interactive

    L = check_size("L", L, 2)
    T = check_size("T", T, 1)
    return interactive(
        frames_view,
        L=IntSlider(value=L, min=2, max=64, step=1, description="L", continuous_update=False),
        T=IntSlider(value=T, min=2, max=DEMO_LENGTH, step=1, description="T", continuous_update=False),
    )


@figure("01_frames_over_waveform")
def figure_frames_over_waveform():
    """Registered course figure: frames of L = 16, hop 8 over 124 samples of speech."""
    return plot_frames(demo_waveform(124), 16)


@figure("01_stacked_frames")
def figure_stacked_frames():
    """Registered course figure: the document's staircase of frames, with real samples."""
    return plot_stacked_frames(demo_waveform(), 16, count=5)
