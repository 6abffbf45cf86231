"""Chapter 01, slicing: figures and the widget of notebook ``01_slicing``.

The notebook cuts the frames itself (indexing, ``unfold``) and hands them to
:func:`plot_frames` and :func:`plot_stacked_frames`; the formulas it checks
against are in :mod:`tasnet_edu.core.framing`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.patches import Rectangle

from ..core.audio import EXAMPLE_CLIP, load_clip
from ..core.checks import as_float_tensor, check_size
from ..core.framing import num_frames, slice_frames
from ..core.signals import loudest_start
from ..ui.i18n import t
from ..ui.plotting import figure, show_figure, to_numpy

DEMO_LENGTH = 320  # the notebook's piece: the loudest 40 ms of EXAMPLE_CLIP (the widget's T goes up to it)
ROW_COLORS = ("tab:blue", "tab:orange", "tab:green")  # frame k's bar sits on row k % rows: neighbours differ


@lru_cache(maxsize=1)
def _demo_piece() -> torch.Tensor:
    """The notebook's ``piece``: the loudest 320 samples of the course clip (for the registered figures, the widget)."""
    clip = load_clip(EXAMPLE_CLIP)
    start = loudest_start(clip, DEMO_LENGTH, DEMO_LENGTH // 2)
    return clip[start : start + DEMO_LENGTH].clone()


_TOO_SHORT = re.compile(r"audio has (\d+) samples, shorter than one frame \(L=(\d+)\)")
_TORCH_TOO_SHORT = re.compile(r"input size per channel: \((\d+)\)\. Kernel size: \((\d+)\)")


def error_message(error: Exception) -> str:
    """``error`` as a learner reads it, in the course language (notebook 01 prints the errors for T < L).

    The core's check and PyTorch's ``conv1d`` speak English; their messages for a
    signal shorter than one frame are given here in Chinese too. Any other error
    is shown as it is.

    >>> from tasnet_edu.ui.i18n import use_language
    >>> with use_language("zh"):
    ...     print(error_message(ValueError("audio has 10 samples, shorter than one frame (L=16); pass ...")))
    ValueError：音频只有 10 个采样点，比一帧（L = 16）还短；请至少传入 16 个采样点，或者改用更小的 L
    """
    name = type(error).__name__
    ours, torch_says = _TOO_SHORT.search(str(error)), _TORCH_TOO_SHORT.search(str(error))
    if ours:
        T, L = ours.groups()
        return t(f"{name}: {error}",
                 f"{name}：音频只有 {T} 个采样点，比一帧（L = {L}）还短；请至少传入 {L} 个采样点，或者改用更小的 L")
    if torch_says:
        T, L = torch_says.groups()
        return t(f"{name}: {error}", f"{name}：卷积核长 {L} 个采样点，比输入（{T} 个采样点）还长")
    return f"{name}: {error}"


def _frames_of(x, frames) -> tuple[np.ndarray, int, int, int]:
    """The waveform as numbers, and K, L, hop of ``frames`` (the notebook's ``[K, L]`` frames of ``x``, hop L // 2)."""
    x, frames = as_float_tensor(x), as_float_tensor(frames, "frames")
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T] (pick one clip: x[0])")
    if frames.dim() != 2:
        raise ValueError(f"frames has shape {list(frames.shape)}; expected [K, L] (the frames of one waveform)")
    K, L = frames.shape
    if K != num_frames(x.shape[0], L):
        raise ValueError(f"frames has K = {K} rows, but {x.shape[0]} samples make {num_frames(x.shape[0], L)} "
                         f"frames of L = {L}; pass the frames of this x")
    return to_numpy(x), K, L, L // 2


def plot_frames(x, frames, ax=None, title: str | None = None):
    """Where the frames ``[K, L]`` of a waveform ``x [T]`` sit (hop L // 2), as bars over it (notebook 01).

    Frame k is a bar over samples ``k*hop .. k*hop + L - 1``, on row ``k % rows``
    (two rows for even L, three for odd L, so overlapping frames never hide each
    other), labelled with k where it fits. Grey lines mark the multiples of the
    hop; the samples after the last frame are hatched. Returns the Figure.
    """
    y, K, L, hop = _frames_of(x, frames)
    T = len(y)
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
    fig = ax.figure
    ax.plot(np.arange(T), y, color="0.2", lw=1, marker="." if T <= 400 else None, ms=3, zorder=3)
    amp = max(float(np.abs(y).max()), 1e-6)
    base, gap = 1.2 * amp, 0.25 * amp
    rows = -(-L // hop)  # ceil(L / hop): frames on one row never overlap
    end = (K - 1) * hop + L  # where the last frame ends
    if T <= 200:
        for s in range(0, end + 1, hop):
            ax.axvline(s - 0.5, color="0.88", lw=0.8, zorder=0)
    label = L / T >= 0.05  # a bar wide enough for "k=12"
    for k in range(K):
        s, yb = k * hop, base + (k % rows) * gap
        ax.add_patch(Rectangle((s - 0.5, yb), L, 0.8 * gap, facecolor=ROW_COLORS[k % rows], edgecolor="white",
                               lw=0.8, gid=f"frame {k}"))
        if label:
            ax.text(s + L / 2 - 0.5, yb + 0.4 * gap, f"k={k}", ha="center", va="center", fontsize=7, color="white")
    if T > end:
        ax.axvspan(end - 0.5, T - 0.5, facecolor="none", edgecolor="0.45", hatch="///", lw=0)
        ax.annotate(t(f"in no frame: {T - end}", f"不在任何帧里：{T - end} 个"), xy=((end + T) / 2 - 0.5, -1.05 * amp),
                    xytext=(end - 2.5, -1.05 * amp), ha="right", va="center", fontsize=8, color="0.2",
                    arrowprops={"arrowstyle": "->", "color": "0.3", "lw": 0.8},
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xlim(-1, T)
    ax.set_ylim(-1.35 * amp, base + rows * gap + 0.1 * gap)
    ax.set_xlabel(t("sample index n", "采样点序号 n"))
    ax.set_ylabel(t("amplitude", "振幅"))
    ax.set_title(title or t(f"L = {L}, hop H = {hop}, T = {T}  →  K = {K} frames",
                            f"L = {L}，帧移 H = {hop}，T = {T}  →  K = {K} 帧"))
    return fig


def plot_stacked_frames(x, frames, count: int = 5):
    """The document's staircase with real samples: the waveform on top, then frame k on row k (notebook 01).

    Row k draws ``frames[k]`` (the tensor the notebook cut) at samples
    ``k*hop .. k*hop + L - 1``, where it sits in time. Returns the Figure.
    """
    y, K, L, hop = _frames_of(x, frames)
    frames = to_numpy(as_float_tensor(frames, "frames"))
    count = min(check_size("count", count, 1), K)
    end = min(len(y), (count - 1) * hop + L + hop)
    y = y[:end]
    amp = max(float(np.abs(y).max()), 1e-6)
    spacing = 2.3 * amp
    fig, ax = plt.subplots(figsize=(8, 1.0 + 0.62 * (count + 1)), layout="constrained")
    ax.plot(np.arange(end), y, color="0.25", lw=1, marker=".", ms=3)
    for s in range(0, end, hop):
        ax.axvline(s - 0.5, color="0.85", lw=0.8, zorder=0)
    colors = plt.get_cmap("tab10")
    for k in range(count):
        s, off = k * hop, -(k + 1) * spacing
        color = colors(k % 10)
        ax.add_patch(Rectangle((s - 0.5, off - 1.05 * amp), L, 2.1 * amp, facecolor=color, alpha=0.12, edgecolor=color, lw=1))
        ax.plot(np.arange(s, s + L), frames[k] + off, color=color, lw=1.2, marker=".", ms=4)
    ax.set_yticks([-k * spacing for k in range(count + 1)],
                  [t("waveform", "波形")] + [t(f"frame k={k}", f"第 k={k} 帧") for k in range(count)])
    ax.set_xlim(-1, end)
    ax.set_xlabel(t("sample index n", "采样点序号 n"))
    ax.set_title(t(f"Each frame has L = {L} samples and starts H = L // 2 = {hop} samples after the previous one",
                   f"每帧 L = {L} 个采样点，比上一帧晚 H = L // 2 = {hop} 个采样点开始"), fontsize=10)
    return fig


def frames_view(L: int = 16, T: int = 124):
    """The widget's update function (notebook 01): the frames of the first T samples of the piece, and K.

    Draws :func:`plot_frames`, prints ``K = (T - L) // H + 1 = K`` and returns K;
    when T < L no frame fits: it draws the samples, prints ``K = 0`` and the
    message of :func:`num_frames`'s ValueError, and returns ``None``.
    """
    L, T = check_size("L", L, 2), check_size("T", T, 1)
    if T > DEMO_LENGTH:
        raise ValueError(f"T={T} is longer than the piece ({DEMO_LENGTH} samples); pick T <= {DEMO_LENGTH}")
    x = _demo_piece()[:T]
    try:
        K = num_frames(T, L)
    except ValueError as error:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
        ax.plot(np.arange(T), to_numpy(x), color="0.2", lw=1, marker=".", ms=3)
        ax.set_title(t(f"T = {T} < L = {L}: no frame fits", f"T = {T} < L = {L}：一帧也放不下"))
        ax.set_xlabel(t("sample index n", "采样点序号 n"))
        print("K = 0")
        print(error_message(error))
        show_figure(fig)
        return None
    show_figure(plot_frames(x, slice_frames(x, L)))
    print(f"K = ({T} - {L}) // {L // 2} + 1 = {K}")
    return K


def frames_widget(L: int = 16, T: int = 124):
    """Sliders for L and T that redraw :func:`frames_view` (notebook 01). Returns the ``ipywidgets.interactive``."""
    from ipywidgets import IntSlider, interactive

    L, T = check_size("L", L, 2), check_size("T", T, 1)
    return interactive(
        frames_view,
        L=IntSlider(value=L, min=2, max=64, step=1, description="L", continuous_update=False),
        T=IntSlider(value=T, min=2, max=DEMO_LENGTH, step=1, description="T", continuous_update=False),
    )


@figure("01_frames_over_waveform")
def figure_frames_over_waveform():
    """Registered course figure: the frames of L = 16, hop 8 over the first 124 samples of the piece."""
    x = _demo_piece()[:124]
    return plot_frames(x, slice_frames(x, 16))


@figure("01_stacked_frames")
def figure_stacked_frames():
    """Registered course figure: the document's staircase of frames, with real samples."""
    x = _demo_piece()
    return plot_stacked_frames(x, slice_frames(x, 16), count=5)
