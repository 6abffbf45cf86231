"""Chapter 03, ReLU: keep the positive scores, drop the negative ones.

Notebook ``03_relu``: scores before and after the ReLU on speech, how
sparse the map becomes, what clipping loses (a template ``u`` and its negative
``-u``, a sine shifted by half a period), why TasNet wanted a nonnegative map
(masks between 0 and 1 take a *part* of it), and the Conv-TasNet ablation that
dropped the ReLU again.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from ..core.audio import SECOND_CLIP, example_clip, mix
from ..core.checks import as_float_tensor, check_size
from ..core.encoder import Encoder, encoder_from_templates
from ..core.signals import random_templates, sine_frame, sine_template
from ..ui.i18n import t
from ..ui.plotting import annotated_heatmap, figure, show_figure, to_numpy

# Conv-TasNet (Luo & Mesgarani, IEEE/ACM TASLP 27(8), 2019, arXiv:1809.07454), Table III: encoder and mask
# nonlinearities, SI-SNRi in dB on WSJ0-2mix (a smaller configuration than the paper's final 15.3 dB model).
TABLE3 = (
    ("pseudo-inverse", "softmax", 12.1),
    ("linear", "softmax", 12.9),
    ("linear", "sigmoid", 13.1),
    ("ReLU", "softmax", 13.0),
    ("ReLU", "sigmoid", 12.9),
)
TABLE3_CHOSEN = ("linear", "sigmoid")

POSITIVE, NEGATIVE = "#d95f02", "#7570b3"  # one colour for kept (positive) scores, one for dropped ones
TEMPLATE_U, TEMPLATE_MINUS_U = "#1b9e77", "#e7298a"  # the two templates u and -u


# --------------------------------------------------------------------------- audio and encoders


def random_encoder(L: int = 16, N: int = 64, seed: int = 0) -> Encoder:
    """An untrained encoder with :func:`random_templates` (seeded): what the network starts from.

    Used by notebook ``03_relu``.
    """
    return encoder_from_templates(random_templates(N, L, seed))


# --------------------------------------------------------------------------- scores before / after ReLU


def relu(scores) -> torch.Tensor:
    """``max(score, 0)`` for every score: the encoder's third step (``F.relu``). Used by ``03_relu``."""
    return F.relu(as_float_tensor(scores, "scores"))


def sparsity(strength_map) -> float:
    """Fraction of entries of a map that are exactly 0 (after ReLU: every score that was <= 0).

    Used by notebook ``03_relu``.
    """
    w = as_float_tensor(strength_map, "strength_map")
    if w.numel() == 0:
        raise ValueError("strength_map is empty; pass a map with at least one entry")
    return float((w == 0).double().mean())


def score_summary(scores) -> dict:
    """Fractions of positive, negative and zero scores, and the sparsity after ReLU.

    Returns ``{"positive", "negative", "zero", "zero_after_relu"}`` (floats in 0..1,
    not rounded). Used by notebook ``03_relu``.
    """
    s = as_float_tensor(scores, "scores")
    if s.numel() == 0:
        raise ValueError("scores are empty; pass at least one score")
    frac = lambda mask: float(mask.double().mean())  # noqa: E731
    return {
        "positive": frac(s > 0),
        "negative": frac(s < 0),
        "zero": frac(s == 0),
        "zero_after_relu": sparsity(relu(s)),
    }


def plot_score_histogram(scores, bins: int = 80):
    """Two histograms: the scores before ReLU (negative ones in a second colour) and after (a spike of zeros).

    Scores that are exactly 0 (frames of digital silence) are counted in words, not drawn. The x range
    covers 98% of the scores. Used by notebook ``03_relu``; returns the Figure.
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
        axes[0].text(
            0.02,
            0.97,
            t(
                f"not drawn: {exact_zero} scores ({exact_zero / s.size:.2%})\nare exactly 0 (digital silence)",
                f"未画出：{exact_zero} 个分数（{exact_zero / s.size:.2%}）\n恰好为 0（数字静音）",
            ),
            transform=axes[0].transAxes,
            va="top",
            fontsize=8,
            color="0.35",
        )
    axes[0].set_title(t("before ReLU: scores of both signs", "ReLU 之前：正负分数都有"))
    axes[0].set_ylabel(t("number of scores", "分数个数"))
    axes[1].bar(centres, after, width=width, color=POSITIVE)
    axes[1].bar([0], [top], width=width * 0.6, color=NEGATIVE)
    axes[1].annotate(
        t(
            f"{clipped / s.size:.0%} of all scores\nare now exactly 0\n(bar cut off)",
            f"{clipped / s.size:.0%} 的分数\n现在恰好是 0\n（柱子被截断）",
        ),
        xy=(width, top * 0.85),
        xytext=(limit * 0.3, top * 0.55),
        arrowprops={"arrowstyle": "->"},
        fontsize=9,
    )
    axes[1].set_ylim(0, top)
    axes[1].set_title(t("after ReLU: negatives became 0", "ReLU 之后：负分变成 0"))
    for ax in axes:
        ax.axvline(0, color="0.3", lw=0.8)
        ax.set_xlabel(t("score", "分数"))
        ax.set_xlim(-limit, limit)
    return fig


@figure("03_relu_histogram")
def figure_histogram():
    """Registered figure (as in notebook ``03_relu``): 64 random templates (L=16) on the example clip, scores before/after ReLU."""
    encoder = random_encoder(16, 64)
    return plot_score_histogram(encoder.scores(example_clip()[None]).detach())


def describe_scores(scores, strength_map) -> str:
    """One line for notebook 03: shapes before/after the ReLU, the smallest score and the smallest map entry."""
    s = as_float_tensor(scores, "scores")
    w = as_float_tensor(strength_map, "strength_map")
    lo, wlo = round(float(s.min()), 2) + 0.0, round(float(w.min()), 2) + 0.0
    return t(f"scores {list(s.shape)}, map {list(w.shape)}; smallest score {lo:.2f}, smallest entry of the map {wlo:.2f}",
             f"分数 {list(s.shape)}，强度图 {list(w.shape)}；最小的分数 {lo:.2f}，强度图里最小的数 {wlo:.2f}")


SUMMARY_NAMES = {
    "positive": ("positive scores", "正分"),
    "negative": ("negative scores", "负分"),
    "zero": ("scores exactly 0", "恰好为 0 的分数"),
    "zero_after_relu": ("zeros after the ReLU", "ReLU 之后为 0 的比例"),
}


def describe_summary(scores) -> str:
    """:func:`score_summary` as lines ``name  fraction`` in the course language (notebook 03)."""
    summary = score_summary(scores)
    names = {key: t(*SUMMARY_NAMES[key]) for key in summary}
    colon = t(": ", "：")
    return "\n".join(f"{names[key]}{colon}{value:.2f}" for key, value in summary.items())


def describe_sparsity(strength_map) -> str:
    """``sparsity after ReLU: 0.54`` in the course language (notebook 03)."""
    return t(f"sparsity after the ReLU (share of exact zeros): {sparsity(strength_map):.2f}",
             f"ReLU 之后的稀疏性（恰好为 0 的比例）：{sparsity(strength_map):.2f}")


# --------------------------------------------------------------------------- no bias: silence -> 0, scale -> scale


def bias_free_check(x=None, encoder: Encoder | None = None, scale: float = 2.0) -> dict:
    """What ``bias=False`` buys (notebook 03): silence gives an all-zero map, and scaling the input scales the map.

    Returns floats (not rounded): ``silence_max`` (largest entry of the map of
    zeros; 0 exactly), ``scale_error`` (``max |E(scale·x) - scale·E(x)| / max E(x)``;
    float dust only, because ``relu(a·s) = a·relu(s)`` for a > 0),
    ``silence_max_with_bias`` (the same encoder with a random bias added: silence
    then lights up wherever the bias is positive). A negative scale is refused:
    it flips every score's sign, and the ReLU then keeps the other half.
    """
    x = example_clip() if x is None else as_float_tensor(x)
    encoder = encoder or random_encoder(16, 64)
    if not scale > 0:
        raise ValueError(f"scale must be > 0 (got {scale}); a negative scale flips every score's sign")
    silence = torch.zeros_like(x)
    with torch.no_grad():
        w = encoder(x[None])
        top = float(w.max())
        biased = torch.nn.Conv1d(1, encoder.N, encoder.L, stride=encoder.L // 2, bias=True)
        biased.weight.copy_(encoder.conv1d_U.weight)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(0)
            biased.bias.copy_(0.1 * torch.randn(encoder.N))
        return {
            "silence_max": float(encoder(silence[None]).max()),
            "scale_error": float((encoder(scale * x[None]) - scale * w).abs().max()) / top,
            "silence_max_with_bias": float(F.relu(biased(silence.view(1, 1, -1))).max()),
        }


def describe_bias_free(check: dict) -> str:
    """:func:`bias_free_check` as three lines in the course language (notebook 03)."""
    return "\n".join([
        t(f"silence in, bias=False: largest entry of the map = {check['silence_max']:.2f}",
          f"输入静音，bias=False：强度图里最大的数 = {check['silence_max']:.2f}"),
        t(f"silence in, with a bias:  largest entry of the map = {check['silence_max_with_bias']:.2f}",
          f"输入静音，加上偏置：  强度图里最大的数 = {check['silence_max_with_bias']:.2f}"),
        t(f"input × 2 -> map × 2: largest difference {check['scale_error']:.6f} (relative to the largest entry)",
          f"输入 × 2 -> 强度图 × 2：最大差值 {check['scale_error']:.6f}（相对于最大的数）"),
    ])


# --------------------------------------------------------------------------- what clipping loses: u and -u


def pair_scores(frame, template) -> dict:
    """Scores of one frame with a template ``u`` and with ``-u``, before and after the ReLU.

    Returns floats ``{"u", "minus_u", "relu_u", "relu_minus_u"}``: the two raw
    scores are opposite, and the ReLU keeps exactly one of them (or neither if
    the score is 0). Scores are rounded to 12 decimals, so a score that is 0 in
    exact arithmetic prints as 0. Used by notebook ``03_relu``.
    """
    frame = as_float_tensor(frame, "frame").double()
    u = as_float_tensor(template, "template").double()
    if frame.dim() != 1 or u.shape != frame.shape:
        raise ValueError(
            f"frame has shape {list(frame.shape)} and template {list(u.shape)}; both must be [L] with the same L"
        )
    s = round(float(frame @ u), 12) + 0.0  # drop float dust (1e-17 for a score that is 0) and -0.0
    minus = 0.0 - s  # not -s: that would give -0.0 for a zero score
    return {"u": s, "minus_u": minus, "relu_u": max(s, 0.0), "relu_minus_u": max(minus, 0.0)}


def shifted_scores(shift: float, frequency: float = 250.0, L: int = 32) -> dict:
    """:func:`pair_scores` for a sine frame delayed by ``shift`` periods and the sine template ``u``.

    The widget of notebook ``03_relu`` calls this (through :func:`plot_shift`);
    shift 0 and shift 0.5 give opposite scores.
    """
    return pair_scores(sine_frame(frequency, L, shift), sine_template(frequency, L))


def describe_pair(scores: dict) -> str:
    """A :func:`pair_scores` dict as one line in the course language (notebook 03)."""
    f = lambda v: f"{v:+.2f}"  # noqa: E731
    return t(f"score of u {f(scores['u'])}, of -u {f(scores['minus_u'])}; after the ReLU: u {scores['relu_u']:.2f}, "
             f"-u {scores['relu_minus_u']:.2f}",
             f"u 的分数 {f(scores['u'])}，-u 的分数 {f(scores['minus_u'])}；ReLU 之后：u {scores['relu_u']:.2f}，"
             f"-u {scores['relu_minus_u']:.2f}")


def plot_shift(shift: float = 0.0, frequency: float = 250.0, L: int = 32):
    """Left: the frame (a sine delayed by ``shift`` periods) and the template u. Right: scores of u and -u.

    The update function of the widget in notebook ``03_relu``; returns the Figure.
    """
    frame, u = sine_frame(frequency, L, shift), sine_template(frequency, L)
    s = shifted_scores(shift, frequency, L)
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(9, 3), layout="constrained", gridspec_kw={"width_ratios": [3, 2]})
    n = np.arange(L)
    ax0.plot(
        n,
        to_numpy(frame),
        "o-",
        ms=3,
        color="0.2",
        label=t(f"frame (sine shifted by {shift:.2f} period)", f"帧（正弦波平移 {shift:.2f} 个周期）"),
    )
    ax0.plot(n, to_numpy(u), "--", color=POSITIVE, label=t("template u", "模板 u"))
    ax0.set_xlabel(t("sample n in the frame", "帧内采样点 n"))
    ax0.set_ylim(-0.65, 0.95)
    ax0.legend(loc="upper right", fontsize=8, frameon=False)
    names = [
        t("u: score", "u：分数"),
        t("-u: score", "-u：分数"),
        t("u: after ReLU", "u：ReLU 后"),
        t("-u: after ReLU", "-u：ReLU 后"),
    ]
    values = [s["u"], s["minus_u"], s["relu_u"], s["relu_minus_u"]]
    y = np.arange(4)[::-1]
    ax1.barh(y, values, color=[POSITIVE if v > 0 else NEGATIVE for v in values])
    ax1.set_yticks(y, names)
    ax1.axvline(0, color="0.3", lw=0.8)
    limit = float(frame.norm()) * 1.6
    ax1.set_xlim(-limit, limit)
    ax1.set_xlabel(t("score (dot product)", "分数（点积）"))
    for yi, v in zip(y, values):
        ax1.text(
            v + (0.04 if v >= 0 else -0.04) * limit,
            yi,
            f"{v:+.2f}",
            va="center",
            ha="left" if v >= 0 else "right",
            fontsize=8,
        )
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


def plot_sign_pair(x=None, frequency: float = 250.0, L: int = 32, frames: int = 12):
    """An encoder with templates ``[u, -u]`` (sine templates) on a sine: scores and strength map per frame.

    With ``L = 32`` and 250 Hz the hop (16 samples) is half a period, so
    neighbouring frames are the same sine upside down: the raw scores flip sign
    frame by frame, ReLU keeps ``u``'s score in every other frame and ``-u``'s
    in the others. ``relu(s_u) - relu(s_-u)`` gives every score back. Used by
    notebook ``03_relu``; returns the Figure.
    """
    u = sine_template(frequency, L)
    encoder = encoder_from_templates(torch.stack([u, -u]))
    if x is None:
        x = sine_frame(frequency, (frames + 1) * (L // 2))
    s = encoder.scores(as_float_tensor(x)[None])[0, :, :frames]
    w = F.relu(s)
    k = np.arange(s.shape[1])
    fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=True, layout="constrained")
    for ax, values, title in (
        (axes[0], s, t("scores before ReLU", "ReLU 之前的分数")),
        (axes[1], w, t("after ReLU (strength map)", "ReLU 之后（强度图）")),
    ):
        ax.bar(k - 0.2, to_numpy(values[0]), width=0.4, color=TEMPLATE_U, label=t("template u", "模板 u"))
        ax.bar(k + 0.2, to_numpy(values[1]), width=0.4, color=TEMPLATE_MINUS_U, label=t("template -u", "模板 -u"))
        ax.axhline(0, color="0.3", lw=0.8)
        ax.set_xlabel(t("frame k", "帧序号 k"))
        ax.set_title(title)
    recovered = w[0] - w[1]
    axes[1].plot(
        k, to_numpy(recovered), "k.", ms=6, label=t("relu(u) - relu(-u) = score of u", "relu(u) - relu(-u) = u 的分数")
    )
    axes[0].set_ylabel(t("score", "分数"))
    fig.legend(*axes[1].get_legend_handles_labels(), loc="outside lower center", ncol=3, fontsize=8, frameon=False)
    return fig


@figure("03_relu_sign_pair")
def figure_sign_pair():
    """Registered figure (as in notebook ``03_relu``): templates u and -u on a 250 Hz sine; ReLU keeps one of each pair."""
    return plot_sign_pair()


# --------------------------------------------------------------------------- why nonnegative: masks take a part


# The seed document's picture of a strength map (3 templates x 5 frames), split into two speakers' parts.
SEED_TABLE = ((2, 5, 1, 0, 3), (0, 1, 4, 6, 2), (3, 0, 2, 1, 0))
SEED_TABLE_PART1 = ((2, 5, 1, 0, 2), (0, 0, 3, 3, 1), (1, 0, 0, 0, 0))


def toy_masks(mixture_map=SEED_TABLE, part1=SEED_TABLE_PART1) -> dict:
    """Masks on a small nonnegative map: the mixture's map is the sum of two speakers' parts.

    ``mask1 = part1 / mixture`` is a number in [0, 1] per entry (0.5 where the
    mixture entry is 0: there is nothing to share), ``mask2 = 1 - mask1``; then
    ``mask1 * mixture`` and ``mask2 * mixture`` give both parts back and add up
    to the mixture's map. Returns float tensors ``mixture, part1, part2, mask1,
    mask2, estimate1, estimate2``. Used by notebook ``03_relu``.
    """
    w = as_float_tensor(torch.as_tensor(mixture_map, dtype=torch.float64), "mixture_map")
    p1 = as_float_tensor(torch.as_tensor(part1, dtype=torch.float64), "part1")
    if w.shape != p1.shape or w.dim() != 2:
        raise ValueError(
            f"mixture_map {list(w.shape)} and part1 {list(p1.shape)} must be maps [N, K] of the same shape"
        )
    if (w < 0).any() or (p1 < 0).any() or (p1 > w).any():
        raise ValueError("a nonnegative map is needed: 0 <= part1 <= mixture_map in every entry")
    mask1 = torch.where(w > 0, p1 / torch.where(w > 0, w, 1.0), torch.full_like(w, 0.5))
    mask2 = 1 - mask1
    return {
        "mixture": w,
        "part1": p1,
        "part2": w - p1,
        "mask1": mask1,
        "mask2": mask2,
        "estimate1": mask1 * w,
        "estimate2": mask2 * w,
    }


def _annotated(ax, values, title, fmt, vmax, cmap):
    v = to_numpy(values)
    annotated_heatmap(ax, v, vmax, fmt, cmap)
    ax.set_title(title, fontsize=9)
    ax.set_xticks(range(v.shape[1]), [str(k + 1) for k in range(v.shape[1])])
    ax.set_yticks(range(v.shape[0]), [t(f"template {n + 1}", f"模板{n + 1}") for n in range(v.shape[0])])
    ax.set_xlabel(t("time →", "时间 →"))


def plot_toy_masks(demo: dict | None = None):
    """Four small annotated maps from :func:`toy_masks`: mixture, mask 1, and the two masked parts.

    Used by notebook ``03_relu``; returns the Figure.
    """
    demo = demo or toy_masks()
    top = float(demo["mixture"].max())
    number = lambda v: f"{v:g}"  # noqa: E731
    fig, axes = plt.subplots(1, 4, figsize=(11, 2.4), sharey=True, layout="constrained")
    _annotated(axes[0], demo["mixture"], t("mixture's map", "混合语音的强度图"), number, top, "magma")
    _annotated(
        axes[1], demo["mask1"], t("mask 1 (in [0, 1])", "掩码 1（在 [0, 1] 之间）"), lambda v: f"{v:.2f}", 1.0, "gray"
    )
    _annotated(
        axes[2], demo["estimate1"], t("mask 1 × mixture = speaker 1", "掩码 1 × 混合语音 = 说话人 1"), number, top, "magma"
    )
    _annotated(
        axes[3],
        demo["estimate2"],
        t("(1 - mask 1) × mixture = speaker 2", "(1 - 掩码 1) × 混合语音 = 说话人 2"),
        number,
        top,
        "magma",
    )
    return fig


@figure("03_relu_masks")
def figure_masks():
    """Registered figure (as in notebook ``03_relu``): the seed's table split between two speakers by masks in [0, 1]."""
    return plot_toy_masks()


def best_mask_error(target, mixture) -> float:
    """Relative error ``|m * mixture - target| / |target|`` of the best mask m with values in [0, 1].

    Per entry the best mask is ``clip(target / mixture, 0, 1)`` (any m where the
    mixture entry is 0). Used by :func:`mask_check` (notebook ``03_relu``).
    """
    a = as_float_tensor(target, "target").double()
    b = as_float_tensor(mixture, "mixture").double()
    if a.shape != b.shape:
        raise ValueError(f"target has shape {list(a.shape)} but mixture {list(b.shape)}; they must match")
    if not a.abs().sum() > 0:
        raise ValueError("target is all zeros; the relative error is undefined")
    m = torch.where(b != 0, a / torch.where(b != 0, b, 1.0), torch.zeros_like(b)).clamp(0, 1)
    return float((m * b - a).norm() / a.norm())


def mask_check(source1=None, source2=None, encoder: Encoder | None = None) -> dict:
    """How well the toy picture holds for real speech: two speakers through one encoder.

    Returns floats (not rounded):

    - ``additivity``: ``|W_mix - (W1 + W2)| / |W_mix|`` for the ReLU maps (0 = they add up exactly;
      they do not, because the ReLU comes *after* the two speakers' scores are summed);
    - ``opposite``: fraction of entries where the two speakers' raw scores have opposite signs;
    - ``best_mask_relu``: :func:`best_mask_error` for speaker 1 on the ReLU maps;
    - ``best_mask_signed``: the same on the signed scores (a linear encoder, no ReLU).

    Defaults: the example clip and a second speaker (Mandarin, female) mixed at
    0 dB, through ``random_encoder(16, 64)``. Used by notebook ``03_relu``.
    """
    if source1 is None or source2 is None:
        _, sources = mix(example_clip(), example_clip(SECOND_CLIP), 0.0)
        source1, source2 = sources[0], sources[1]
    s1, s2 = as_float_tensor(source1, "source1"), as_float_tensor(source2, "source2")
    if s1.dim() != 1 or s1.shape != s2.shape:
        raise ValueError(
            f"sources must be two waveforms [T] of the same length; got {list(s1.shape)} and {list(s2.shape)}"
        )
    encoder = encoder or random_encoder(16, 64)
    with torch.no_grad():
        S1, S2 = encoder.scores(s1[None])[0].double(), encoder.scores(s2[None])[0].double()
    S_mix = S1 + S2  # the convolution is linear: the mixture's scores are the sum
    W1, W2, W_mix = F.relu(S1), F.relu(S2), F.relu(S_mix)
    return {
        "additivity": float((W_mix - W1 - W2).norm() / W_mix.norm()),
        "opposite": float((S1 * S2 < 0).double().mean()),
        "best_mask_relu": best_mask_error(W1, W_mix),
        "best_mask_signed": best_mask_error(S1, S_mix),
    }


def describe_mask_check(check: dict) -> str:
    """:func:`mask_check` as four lines in the course language (notebook 03)."""
    return "\n".join([
        t(f"|W_mix - (W1 + W2)| / |W_mix| = {check['additivity']:.2f}  (0 would mean the maps add up)",
          f"|W_mix - (W1 + W2)| / |W_mix| = {check['additivity']:.2f}（为 0 才表示两张图正好相加）"),
        t(f"entries where the two speakers' scores have opposite signs: {check['opposite']:.2f}",
          f"两个说话人分数符号相反的位置所占比例：{check['opposite']:.2f}"),
        t(f"best mask in [0, 1], relative error on the ReLU map:      {check['best_mask_relu']:.2f}",
          f"[0, 1] 之间的最佳掩码，在 ReLU 强度图上的相对误差：{check['best_mask_relu']:.2f}"),
        t(f"best mask in [0, 1], relative error on the signed scores: {check['best_mask_signed']:.2f}",
          f"[0, 1] 之间的最佳掩码，在带符号分数上的相对误差：  {check['best_mask_signed']:.2f}"),
    ])


# --------------------------------------------------------------------------- Conv-TasNet dropped the ReLU


def plot_table3():
    """Bar chart of Conv-TasNet's Table III (SI-SNRi in dB per encoder + mask); the chosen one highlighted.

    Used by notebook ``03_relu``; returns the Figure.
    """
    names = [f"{encoder} + {mask}" for encoder, mask, _ in TABLE3]
    values = [v for _, _, v in TABLE3]
    colours = [POSITIVE if (e, m) == TABLE3_CHOSEN else ("0.55" if e == "ReLU" else "0.8") for e, m, _ in TABLE3]
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    bars = ax.barh(names[::-1], values[::-1], color=colours[::-1])
    for bar, v in zip(bars, values[::-1]):
        ax.text(v + 0.03, bar.get_y() + bar.get_height() / 2, f"{v:.1f}", va="center", fontsize=9)
    ax.set_xlim(0, 14.5)  # bars start at 0: the five settings differ by at most 1 dB, and the picture says so
    ax.set_xlabel(
        t("SI-SNRi (dB) on WSJ0-2mix, higher is better; bars start at 0 dB",
          "SI-SNRi（dB，WSJ0-2mix），越高越好；横轴从 0 dB 开始")
    )
    ax.set_title(
        t(
            "Conv-TasNet, Table III: encoder + mask (orange: chosen)",
            "Conv-TasNet 表 III：编码器 + 掩码（橙色：最终选用）",
        )
    )
    return fig
