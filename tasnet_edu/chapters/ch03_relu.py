"""Chapter 03, ReLU: the figures and the widget of notebook ``03_relu``.

The notebook computes everything it teaches in its cells (the ReLU, the share of
zeros, ``relu(s) - relu(-s) = s``, the bias-free scaling, the masks); the
functions here only draw what a cell computed: the scores before and after the
ReLU, a sine against ``u`` and ``-u`` (with a slider for the shift), and the
document's table split between two speakers by masks.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import example_clip
from ..core.checks import as_float_tensor, check_size
from ..core.signals import random_templates, sine_frame, sine_template
from ..ui.i18n import t
from ..ui.plotting import annotated_heatmap, figure, show_figure, to_numpy

POSITIVE, NEGATIVE = "#d95f02", "#7570b3"  # one colour for kept (positive) scores, one for dropped ones
TEMPLATE_U, TEMPLATE_MINUS_U = "#1b9e77", "#e7298a"  # the two templates u and -u

# The seed document's picture of a strength map (3 templates x 5 frames), and the part of it that belongs to
# speaker 1 in the notebook's example (the cell writes the same numbers; a test checks they agree).
SEED_TABLE = ((2, 5, 1, 0, 3), (0, 1, 4, 6, 2), (3, 0, 2, 1, 0))
SEED_TABLE_PART1 = ((2, 5, 1, 0, 2), (0, 0, 3, 3, 1), (1, 0, 0, 0, 0))


# --------------------------------------------------------------------------- scores before / after the ReLU


def plot_score_histogram(scores, bins: int = 80):
    """Two histograms: the scores before the ReLU (negative ones in a second colour) and after (a spike of zeros).

    ``scores`` of any shape (the notebook passes ``s [N, K]``). Scores that are exactly 0 (frames of digital
    silence) are counted in words, not drawn. The x range covers 98% of the scores. Returns the Figure.
    """
    s = to_numpy(as_float_tensor(scores, "scores")).astype(np.float64).ravel()
    if s.size == 0:
        raise ValueError("scores are empty; pass at least one score")
    bins = 2 * (check_size("bins", bins, 2) // 2)  # even: 0 is a bin edge, no bin mixes signs
    limit = float(np.quantile(np.abs(s), 0.98)) or 1.0
    edges = np.linspace(-limit, limit, bins + 1)
    centres, width = (edges[:-1] + edges[1:]) / 2, edges[1] - edges[0]
    before, _ = np.histogram(s[s != 0], edges)
    after, _ = np.histogram(s[s > 0], edges)
    exact_zero, clipped = int((s == 0).sum()), int((s <= 0).sum())
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), sharey=True, layout="constrained")
    axes[0].bar(centres, before, width=width, color=np.where(centres < 0, NEGATIVE, POSITIVE))
    top = before.max() * 1.15
    if exact_zero:  # too narrow to see as a bar next to its neighbours: say it in words
        note = t(f"not drawn: {exact_zero} scores ({exact_zero / s.size:.2%})\nare exactly 0 (digital silence)",
                 f"未画出：{exact_zero} 个分数（{exact_zero / s.size:.2%}）\n恰好为 0（数字静音）")
        axes[0].text(0.02, 0.97, note, transform=axes[0].transAxes, va="top", fontsize=8, color="0.35")
    axes[0].set_title(t("before ReLU: scores of both signs", "ReLU 之前：正负分数都有"))
    axes[0].set_ylabel(t("number of scores", "分数个数"))
    axes[1].bar(centres, after, width=width, color=POSITIVE)
    axes[1].bar([0], [top], width=width * 0.6, color=NEGATIVE)
    note = t(f"{clipped / s.size:.0%} of all scores\nare now exactly 0\n(bar cut off)",
             f"{clipped / s.size:.0%} 的分数\n现在恰好是 0\n（柱子被截断）")
    axes[1].annotate(note, xy=(-width * 0.3, top * 0.85), xytext=(-limit * 0.85, top * 0.55), arrowprops={"arrowstyle": "->"},
                     fontsize=9)
    axes[1].set_ylim(0, top)
    axes[1].set_title(t("after ReLU: negatives became 0", "ReLU 之后：负分变成 0"))
    for ax in axes:
        ax.axvline(0, color="0.3", lw=0.8)
        ax.set_xlabel(t("score", "分数"))
        ax.set_xlim(-limit, limit)
    return fig


@figure("03_relu_histogram")
def figure_histogram():
    """As in notebook ``03_relu``: 64 random templates (L = 16) on the example clip, ``s = U @ frames.T``."""
    x = example_clip()
    return plot_score_histogram(random_templates(64, 16) @ x.unfold(0, 16, 8).T)


# --------------------------------------------------------------------------- what the ReLU loses: u and -u


def plot_shift(shift: float = 0.0, frequency: float = 250.0, L: int = 32):
    """Left: the frame (a sine delayed by ``shift`` periods) and the sine template u. Right: scores of u and -u.

    The update function of :func:`shift_widget`; returns the Figure.
    """
    frame, u = sine_frame(frequency, L, shift), sine_template(frequency, L)
    score = round(float(frame.double() @ u.double()), 12) + 0.0  # float dust (1e-17 for a score of 0) dropped
    values = [score, 0.0 - score, max(score, 0.0), max(0.0 - score, 0.0)]  # 0.0 - score: never -0.0
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(9, 3), layout="constrained", gridspec_kw={"width_ratios": [3, 2]})
    n = np.arange(L)
    ax0.plot(n, to_numpy(frame), "o-", ms=3, color="0.2",
             label=t(f"frame (sine shifted by {shift:.2f} period)", f"帧（正弦波平移 {shift:.2f} 个周期）"))
    ax0.plot(n, to_numpy(u), "--", color=POSITIVE, label=t("template u", "模板 u"))
    ax0.set_xlabel(t("sample n in the frame", "帧内采样点 n"))
    ax0.set_ylim(-0.65, 0.95)
    ax0.legend(loc="upper right", fontsize=8, frameon=False)
    names = [t("u: score", "u：分数"), t("-u: score", "-u：分数"), t("u: after ReLU", "u：ReLU 后"),
             t("-u: after ReLU", "-u：ReLU 后")]
    y = np.arange(4)[::-1]
    ax1.barh(y, values, color=[POSITIVE if v > 0 else NEGATIVE for v in values])
    ax1.set_yticks(y, names)
    ax1.axvline(0, color="0.3", lw=0.8)
    limit = float(frame.norm()) * 1.6
    ax1.set_xlim(-limit, limit)
    ax1.set_xlabel(t("score (dot product)", "分数（点积）"))
    for yi, v in zip(y, values):
        ax1.text(v + (0.04 if v >= 0 else -0.04) * limit, yi, f"{v:+.2f}", va="center",
                 ha="left" if v >= 0 else "right", fontsize=8)
    return fig


def shift_widget():
    """A slider for the shift (in periods) that redraws :func:`plot_shift`. Used by notebook ``03_relu``."""
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=0.0, min=0.0, max=1.0, step=0.05, description=t("shift", "平移"), continuous_update=False
    )

    def update(shift):  # returns None; the figure is shown once, by show_figure
        show_figure(plot_shift(shift))

    return widgets.interactive(update, shift=slider)


def plot_sign_pair(scores):
    """Scores ``[2, K]`` of two templates ``u`` and ``-u``, before the ReLU and after it, frame by frame.

    The notebook passes the scores of an encoder with templates ``[u, -u]`` on a sine; the black dots on the right
    are ``relu(s) - relu(-s)``, which gives ``u``'s scores back. Returns the Figure.
    """
    s = as_float_tensor(scores, "scores").detach()
    if s.dim() != 2 or s.shape[0] != 2:
        raise ValueError(f"scores have shape {list(s.shape)}; expected [2, K]: the scores of u and of -u")
    w = torch.relu(s)
    k = np.arange(s.shape[1])
    fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=True, layout="constrained")
    for ax, values, title in ((axes[0], s, t("scores before ReLU", "ReLU 之前的分数")),
                              (axes[1], w, t("after ReLU (strength map)", "ReLU 之后（强度图）"))):
        ax.bar(k - 0.2, to_numpy(values[0]), width=0.4, color=TEMPLATE_U, label=t("template u", "模板 u"))
        ax.bar(k + 0.2, to_numpy(values[1]), width=0.4, color=TEMPLATE_MINUS_U, label=t("template -u", "模板 -u"))
        ax.axhline(0, color="0.3", lw=0.8)
        ax.set_xlabel(t("frame k", "帧序号 k"))
        ax.set_title(title)
    axes[1].plot(k, to_numpy(w[0] - w[1]), "k.", ms=6,
                 label=t("relu(s) - relu(-s) = s (score of u)", "relu(s) - relu(-s) = s（u 的分数）"))
    axes[0].set_ylabel(t("score", "分数"))
    fig.legend(*axes[1].get_legend_handles_labels(), loc="outside lower center", ncol=3, fontsize=8, frameon=False)
    return fig


@figure("03_relu_sign_pair")
def figure_sign_pair():
    """As in notebook ``03_relu``: templates u and -u (a 250 Hz sine, L = 32) on 12 frames of the same sine."""
    u = sine_template(250.0, 32)
    frames = sine_frame(250.0, 13 * 16).unfold(0, 32, 16)  # hop 16 = half a period of 250 Hz at 8 kHz
    return plot_sign_pair(torch.stack([u, -u]) @ frames.T)


# --------------------------------------------------------------------------- why nonnegative: masks take a part


def _annotated(ax, values, title, fmt, vmax, cmap):
    v = to_numpy(values)
    annotated_heatmap(ax, v, vmax, fmt, cmap)
    ax.set_title(title, fontsize=9)
    ax.set_xticks(range(v.shape[1]), [str(k + 1) for k in range(v.shape[1])])
    ax.set_yticks(range(v.shape[0]), [t(f"template {n + 1}", f"模板{n + 1}") for n in range(v.shape[0])])
    ax.set_xlabel(t("time →", "时间 →"))


def plot_toy_masks(mixture, mask1):
    """Four small annotated maps: the mixture's map, mask 1, ``mask1 * mixture`` and ``(1 - mask1) * mixture``.

    ``mixture`` and ``mask1`` are ``[N, K]`` (the notebook's ``W`` and ``mask1``). Returns the Figure.
    """
    w, m = as_float_tensor(mixture, "mixture"), as_float_tensor(mask1, "mask1")
    if w.dim() != 2 or w.shape != m.shape:
        raise ValueError(f"mixture {list(w.shape)} and mask1 {list(m.shape)} must be maps [N, K] of the same shape")
    top = float(w.max())
    number = lambda v: f"{v:g}"  # noqa: E731
    fig, axes = plt.subplots(1, 4, figsize=(11, 2.4), sharey=True, layout="constrained")
    _annotated(axes[0], w, t("mixture's map", "混合语音的强度图"), number, top, "magma")
    _annotated(axes[1], m, t("mask 1 (in [0, 1])", "掩码 1（在 [0, 1] 之间）"), lambda v: f"{v:.2f}", 1.0, "gray")
    _annotated(axes[2], m * w, t("mask 1 × mixture = speaker 1", "掩码 1 × 混合语音 = 说话人 1"), number, top, "magma")
    _annotated(axes[3], (1 - m) * w, t("(1 - mask 1) × mixture = speaker 2", "(1 - 掩码 1) × 混合语音 = 说话人 2"),
               number, top, "magma")
    return fig


@figure("03_relu_masks")
def figure_masks():
    """As in notebook ``03_relu``: the seed's table split between two speakers by masks in [0, 1]."""
    w, part1 = torch.tensor(SEED_TABLE, dtype=torch.float32), torch.tensor(SEED_TABLE_PART1, dtype=torch.float32)
    return plot_toy_masks(w, torch.where(w > 0, part1 / w, 0.5))
