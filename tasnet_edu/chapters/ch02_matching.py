"""Chapter 02, template matching: the pictures of notebook ``02_template_matching``.

The scores themselves are computed in the notebook's cells (a double loop, ``frames @ U.T``, ``F.conv1d``),
checked against :func:`tasnet_edu.core.matching.match_templates`. This module keeps the hand-made bank and the
test signal the course figures draw, and the two figures.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from ..core.checks import as_float_tensor, check_size
from ..core.framing import hop_length, slice_frames
from ..core.matching import match_templates
from ..ui.i18n import t
from ..ui.plotting import figure, to_numpy


def template_bank(L: int = 16, frequencies=(500, 1000, 2000, 3000), sample_rate: int = SAMPLE_RATE):
    """The notebook's hand-made bank: a cos and a sin per frequency, then a click ``δ`` in the middle; unit length.

    Returns ``(U [N, L], names)``, names like ``"cos1000"`` and ``"δ"`` (code names: the same in both languages).
    """
    L = check_size("L", L, 2)
    n = torch.arange(L, dtype=torch.float64)
    rows, names = [], []
    for f in frequencies:
        rows += [torch.cos(2 * math.pi * f * n / sample_rate), torch.sin(2 * math.pi * f * n / sample_rate)]
        names += [f"cos{f:g}", f"sin{f:g}"]
    rows.append((n == L // 2).double())
    names.append("δ")
    U = torch.stack(rows)
    norms = U.norm(dim=1, keepdim=True)
    if bool((norms < 1e-9).any()):
        raise ValueError(f"a tone of {frequencies} Hz is zero at every one of the {L} samples; pick other frequencies")
    return (U / norms).float(), names


def tone_sequence(sample_rate: int = SAMPLE_RATE, part: int = 160):
    """The notebook's test signal: 500 Hz, 2000 Hz, a click ``δ`` in silence, 1000 Hz, ``part`` samples each.

    Returns ``(x [T], segments)``, ``segments`` a list of ``(start, end, label)``.
    """
    part = check_size("part", part, 2)
    time = torch.arange(part, dtype=torch.float64) / sample_rate
    impulse = torch.zeros(part, dtype=torch.float64)
    impulse[part // 2] = 1.0
    parts = {"500 Hz": 0.5 * torch.sin(2 * math.pi * 500 * time), "2000 Hz": 0.5 * torch.sin(2 * math.pi * 2000 * time),
             "δ": impulse, "1000 Hz": 0.5 * torch.sin(2 * math.pi * 1000 * time)}
    segments = [(part * i, part * (i + 1), label) for i, label in enumerate(parts)]
    return torch.cat(list(parts.values())).float(), segments


def _check_bank(templates, names):
    templates = as_float_tensor(templates, "templates")
    if templates.dim() != 2 or len(names) != templates.shape[0]:
        raise ValueError(f"templates {list(templates.shape)} must be [N, L] with one name each (got {len(names)} names)")
    return templates


def plot_templates(templates, names, ncols: int = 5):
    """The hand-made templates, one small panel each, one dot per sample. Returns the Figure."""
    templates = _check_bank(templates, names)
    N, L = templates.shape
    ncols = check_size("ncols", ncols, 1)
    nrows = math.ceil(N / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(8, 1.7 * nrows + 0.5), sharex=True, sharey=True,
                             layout="constrained", squeeze=False)
    values = to_numpy(templates)
    for i, ax in enumerate(axes.flat):
        if i >= N:
            ax.axis("off")
            continue
        ax.axhline(0, color="0.8", lw=0.8)
        ax.plot(np.arange(L), values[i], color=f"C{i // 2 % 10}", marker="o", ms=3, lw=1)
        ax.set_title(names[i], fontsize=9)
        ax.set_yticks([])
    for ax in axes[-1]:
        ax.set_xlabel("n")
    fig.suptitle(t(f"{N} hand-made templates, L = {L} samples each, all of length ‖u‖ = 1",
                   f"{N} 个手工模板，每个 L = {L} 个采样点，范数都是 ‖u‖ = 1"))
    return fig


def plot_scores(x, scores, names, L: int = 16, segments=None, sample_rate: int = SAMPLE_RATE,
                best: bool = True, title: str | None = None):
    """Waveform on top, the scores ``[N, K]`` the cell computed as a heat map (templates × time) below.

    Scores are signed (the ReLU comes in chapter 03): red = the frame looks like the template, blue = like it
    upside down. With ``best``, a dot marks each frame's highest (signed) score, where it reaches a tenth of the
    largest score. Returns the Figure.
    """
    x = as_float_tensor(x)
    scores = as_float_tensor(scores, "scores")
    L = check_size("L", L, 2)
    hop = hop_length(L)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T]")
    if scores.dim() != 2 or len(names) != scores.shape[0] or scores.shape[1] != (len(x) - L) // hop + 1:
        raise ValueError(f"scores {list(scores.shape)} must be [N, K] for {len(names)} names and the "
                         f"{max(0, (len(x) - L) // hop + 1)} frames of L = {L} in {len(x)} samples")
    values = to_numpy(scores)
    N, K = values.shape
    ms = 1000 / sample_rate
    fig, (ax0, ax1) = plt.subplots(2, 1, figsize=(8, 2.4 + 0.28 * N), sharex=True, layout="constrained",
                                   gridspec_kw={"height_ratios": [1, max(1.5, 0.28 * N)]})
    ax0.plot(np.arange(len(x)) * ms, to_numpy(x), lw=0.7, color="0.25")
    ax0.set_ylabel(t("amplitude", "振幅"))
    for start, end, label in segments or []:
        ax0.axvline(start * ms, color="0.7", lw=0.8)
        ax0.text((start + end) / 2 * ms, 1.02, label, transform=ax0.get_xaxis_transform(), ha="center", va="bottom", fontsize=9)
    vmax = float(np.abs(values).max()) or 1.0
    left = (L / 2 - hop / 2) * ms  # frame k is drawn at its centre, k * hop + L / 2
    im = ax1.imshow(values, aspect="auto", origin="upper", cmap="RdBu_r", vmin=-vmax, vmax=vmax, interpolation="nearest",
                    extent=(left, left + K * hop * ms, N - 0.5, -0.5))
    legend = t("red: the frame looks like the template, blue: like it upside down",
               "红：这一帧像模板；蓝：像倒过来的模板")
    if best:
        top, index = values.max(axis=0), values.argmax(axis=0)
        ks = np.nonzero(top > 0.1 * max(values.max(), 0.0))[0]
        ax1.plot((ks * hop + L / 2) * ms, index[ks], "o", color="black", ms=3)
        legend += t(", ●: the frame's highest score", "；●：这一帧得分最高的模板")
    ax1.set_yticks(range(N), names)
    ax1.set_xlabel(t("time (ms)", "时间（毫秒）"))
    ax1.set_title(legend, fontsize=9, loc="left")
    fig.colorbar(im, ax=ax1, pad=0.01, label=t("score (dot product)", "分数（点积）"))
    ax0.set_title(title or t(f"Scores of {N} templates on every frame (L = {L}, hop = {hop})",
                             f"{N} 个模板在每一帧上的分数（帧长 L = {L}，帧移 {hop}）"), pad=16 if segments else 6)
    return fig


@figure("02_templates")
def figure_templates():
    """Registered course figure: the nine hand-made templates."""
    return plot_templates(*template_bank(16))


@figure("02_scores_heatmap")
def figure_scores_heatmap():
    """Registered course figure: scores of the hand-made templates on the test signal."""
    x, segments = tone_sequence()
    U, names = template_bank(16)
    return plot_scores(x, match_templates(slice_frames(x, 16), U), names, segments=segments)
