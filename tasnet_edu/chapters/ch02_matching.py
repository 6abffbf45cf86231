"""Chapter 02, template matching: a worked dot product, hand-made templates, pictures, three ways to score.

Notebook ``02_template_matching``. The computation itself (loop, einsum,
conv1d) is in :mod:`tasnet_edu.core.matching`; tones and clicks in
:mod:`tasnet_edu.core.signals`.
"""

from __future__ import annotations

import math
import time

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import EXAMPLE_CLIP, SAMPLE_RATE, load_clip
from ..core.checks import as_float_tensor, check_size
from ..core.framing import hop_length, slice_frames
from ..core.matching import match_templates, match_templates_loop, match_with_conv
from ..core.signals import click, loudest_start, sine_wave, tone
from ..ui.i18n import t
from ..ui.plotting import figure, to_numpy

BANK_FREQUENCIES = (500, 1000, 2000, 3000)  # whole numbers of cycles in 16 samples at 8 kHz
SPEECH_CLIP = EXAMPLE_CLIP  # the shipped clip notebook 02 scores


def _fmt(v: float, digits: int) -> str:
    text = f"{round(float(v), digits):g}"
    text = "0" if text == "-0" else text
    return f"({text})" if text.startswith("-") else text


def explain_dot(frame, template, digits: int = 3) -> str:
    """Spell out one score: ``"3×1 + (-1)×2 + ... = 5"`` (notebook 02's worked example).

    Numbers are rounded to ``digits`` decimals for printing; the total is
    computed exactly (in float64) and then rounded.
    """
    frame = as_float_tensor(frame, "frame")
    template = as_float_tensor(template, "template")
    if frame.dim() != 1 or template.shape != frame.shape:
        raise ValueError(f"frame {list(frame.shape)} and template {list(template.shape)} must be 1-D with the same length L")
    total = float((frame.double() * template.double()).sum())
    terms = " + ".join(f"{_fmt(a, digits)}×{_fmt(b, digits)}" for a, b in zip(frame.tolist(), template.tolist()))
    return f"{terms} = {_fmt(total, digits).strip('()')}"


def template_bank(L: int = 16, frequencies=BANK_FREQUENCIES, sample_rate: int = SAMPLE_RATE, with_click: bool = True):
    """Hand-made templates for notebook 02: for each frequency a cos and a sin tone, then a click.

    Returns ``(templates [N, L], names)`` with names like ``"1000 Hz cos"``,
    ``"1000 Hz sin"`` and ``"click"`` (``"脉冲"`` in Chinese). Every template has
    unit energy, so scores compare fairly.
    """
    L = check_size("L", L, 2)
    rows, names = [], []
    for f in frequencies:
        rows += [tone(f, L, sample_rate), tone(f, L, sample_rate, phase=-math.pi / 2)]
        names += [f"{f:g} Hz cos", f"{f:g} Hz sin"]
    if with_click:
        rows.append(click(L))
        names.append(t("click", "脉冲"))
    if not rows:
        raise ValueError("the bank is empty; pass some frequencies or with_click=True")
    return torch.stack(rows), names


def tone_sequence(sample_rate: int = SAMPLE_RATE, segment_seconds: float = 0.02):
    """Test signal for notebook 02: 500 Hz, 2000 Hz, a click in silence, 1000 Hz (20 ms each).

    Returns ``(x [T], segments)`` where ``segments`` is a list of
    ``(start_sample, end_sample, label)``.
    """
    n = int(round(segment_seconds * sample_rate))
    if n < 2:
        raise ValueError(f"segment_seconds={segment_seconds} gives {n} samples per segment; use at least 2")
    silence_click = torch.zeros(n)
    silence_click[n // 2] = 1.0
    parts = [("500 Hz", sine_wave(500, segment_seconds, sample_rate)),
             ("2000 Hz", sine_wave(2000, segment_seconds, sample_rate)),
             (t("click", "脉冲"), silence_click),
             ("1000 Hz", sine_wave(1000, segment_seconds, sample_rate))]
    segments, start = [], 0
    for label, part in parts:
        segments.append((start, start + len(part), label))
        start += len(part)
    return torch.cat([p for _, p in parts]), segments


def speech_piece(seconds: float = 0.25, clip: str = SPEECH_CLIP) -> torch.Tensor:
    """The loudest ``seconds`` of a shipped speech clip (notebook 02 scores it with the hand-made templates)."""
    x = load_clip(clip)
    length = int(round(seconds * SAMPLE_RATE))
    if not 16 <= length <= len(x):
        raise ValueError(f"seconds={seconds} gives {length} samples; pick between 16 samples and the clip's {len(x)}")
    start = loudest_start(x, length, max(1, length // 4))
    return x[start : start + length].clone()


def winners(scores, threshold: float = 0.1) -> torch.Tensor:
    """Index of the best template in each frame of ``scores [N, K]``; -1 where no score passes ``threshold`` times the largest.

    The black dots of notebook 02's heat maps (:func:`plot_scores`).
    """
    scores = as_float_tensor(scores, "scores")
    if scores.dim() != 2:
        raise ValueError(f"scores have shape {list(scores.shape)}; expected [N, K]")
    best, index = scores.max(dim=0)
    limit = threshold * float(scores.max()) if scores.numel() else 0.0
    return torch.where(best > max(limit, 0.0), index, torch.full_like(index, -1))


def segment_winners(scores, names, segments, L: int):
    """For each segment of :func:`tone_sequence`, the template with the highest score in a frame lying inside it.

    Returns a list of ``(label, winner_name, best_score)`` (notebook 02 prints it).
    """
    scores = as_float_tensor(scores, "scores")
    hop = hop_length(L)
    out = []
    for start, end, label in segments:
        ks = [k for k in range(scores.shape[1]) if k * hop >= start and k * hop + L <= end]
        if not ks:
            raise ValueError(f"segment {label!r} ({start}..{end}) holds no whole frame of L={L}")
        part = scores[:, ks]
        n = int(torch.argmax(part.max(dim=1).values))
        out.append((label, names[n], float(part[n].max())))
    return out


def plot_scores(x, templates, names, sample_rate: int = SAMPLE_RATE, segments=None, title: str | None = None):
    """Waveform on top, score heat map (templates × time) below, the winning template of each frame marked (notebook 02).

    Scores are signed (the ReLU comes in chapter 03): red = the frame looks like
    the template, blue = like the template turned upside down. Returns the Figure.
    """
    x = as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T]")
    templates = as_float_tensor(templates, "templates")
    if templates.dim() != 2 or len(names) != templates.shape[0]:
        raise ValueError(f"templates {list(templates.shape)} must be [N, L] with one name each (got {len(names)} names)")
    L = templates.shape[1]
    hop = hop_length(L)
    scores = to_numpy(match_with_conv(x, templates))
    N, K = scores.shape
    ms = 1000 / sample_rate
    fig, (ax0, ax1) = plt.subplots(2, 1, figsize=(8, 2.4 + 0.28 * N), sharex=True, layout="constrained",
                                   gridspec_kw={"height_ratios": [1, max(1.5, 0.28 * N)]})
    ax0.plot(np.arange(len(x)) * ms, to_numpy(x), lw=0.7, color="0.25")
    ax0.set_ylabel(t("amplitude", "幅度"))
    if segments:
        for start, end, label in segments:
            ax0.axvline(start * ms, color="0.7", lw=0.8)
            ax0.text((start + end) / 2 * ms, 1.02, label, transform=ax0.get_xaxis_transform(), ha="center", va="bottom", fontsize=9)
    vmax = float(np.abs(scores).max()) or 1.0
    left = (L / 2 - hop / 2) * ms  # frame k is drawn at its centre, k * hop + L / 2
    im = ax1.imshow(scores, aspect="auto", origin="upper", cmap="RdBu_r", vmin=-vmax, vmax=vmax, interpolation="nearest",
                    extent=(left, left + K * hop * ms, N - 0.5, -0.5))
    win = to_numpy(winners(torch.from_numpy(scores)))
    ks = np.nonzero(win >= 0)[0]
    ax1.plot((ks * hop + L / 2) * ms, win[ks], "o", color="black", ms=3)
    ax1.set_yticks(range(N), names)
    ax1.set_xlabel(t("time (ms)", "时间（毫秒）"))
    ax1.set_title(t("red: frame looks like the template, blue: like it upside down, ●: best template of the frame",
                    "红：这一帧像模板；蓝：像倒过来的模板；●：这一帧得分最高的模板"), fontsize=9, loc="left")
    fig.colorbar(im, ax=ax1, pad=0.01, label=t("score (dot product)", "分数（点积）"))
    ax0.set_title(title or t(f"Scores of {N} templates on every frame (L = {L}, hop = {hop})",
                             f"{N} 个模板在每一帧上的分数（L = {L}，帧移 hop = {hop}）"), pad=16 if segments else 6)
    return fig


def plot_templates(templates, names, ncols: int = 5):
    """The hand-made templates, one small panel each, one dot per sample (notebook 02). Returns the Figure."""
    templates = as_float_tensor(templates, "templates")
    if templates.dim() != 2 or len(names) != templates.shape[0]:
        raise ValueError(f"templates {list(templates.shape)} must be [N, L] with one name each (got {len(names)} names)")
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
    fig.suptitle(t(f"{N} hand-made templates, L = {L} samples each (unit energy)",
                   f"{N} 个手工模板，每个 L = {L} 个采样点（能量为 1）"))
    return fig


def time_three_ways(x, templates, repeats: int = 20) -> dict:
    """Time the Python loop, ``slice_frames`` + einsum and ``conv1d`` on the same input (notebook 02).

    Prints one line per way and returns ``{"loop": ms, "einsum": ms, "conv1d": ms}``
    (best of ``repeats`` runs on one CPU thread; the loop runs once). The numbers depend on the
    machine, so the notebook cell showing them is not compared by nbval.
    """
    x = as_float_tensor(x)
    templates = as_float_tensor(templates, "templates", dtype=x.dtype)
    repeats = check_size("repeats", repeats, 1)
    L = templates.shape[-1]

    def best(fn, n):
        if n > 1:
            fn()  # warm-up: the first call pays for memory allocation and dispatch
        times = []
        for _ in range(n):
            start = time.perf_counter()
            fn()
            times.append(1000 * (time.perf_counter() - start))
        return min(times)

    frames = slice_frames(x, L)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one core for all three, as the loop has; also steadier on a busy machine
    try:
        result = {
            "loop": best(lambda: match_templates_loop(frames, templates), 1),
            "einsum": best(lambda: match_templates(slice_frames(x, L), templates), repeats),
            "conv1d": best(lambda: match_with_conv(x, templates), repeats),
        }
    finally:
        torch.set_num_threads(threads)
    for name, ms in result.items():
        print(t(f"{name:>7}: {ms:9.3f} ms  ({result['loop'] / max(ms, 1e-9):,.0f}× faster than the loop)",
                f"{name:>7}：{ms:9.3f} 毫秒（比循环快 {result['loop'] / max(ms, 1e-9):,.0f} 倍）")
              if name != "loop" else t(f"{name:>7}: {ms:9.3f} ms", f"{name:>7}：{ms:9.3f} 毫秒"))
    return result


@figure("02_templates")
def figure_templates():
    """Registered course figure: the nine hand-made templates."""
    return plot_templates(*template_bank(16))


@figure("02_scores_heatmap")
def figure_scores_heatmap():
    """Registered course figure: scores of the hand-made templates on the tone sequence."""
    x, segments = tone_sequence()
    templates, names = template_bank(16)
    return plot_scores(x, templates, names, segments=segments)


# --------------------------------------------------------------------------- what a score measures


def cosine_form(frame, template) -> dict:
    """A score split into loudness and likeness: ``frame · template = |frame| · |template| · cos θ`` (notebook 02).

    Returns floats (not rounded): ``score``, ``frame_norm``, ``template_norm``, ``cos`` (in -1..1; 0 for a silent frame).

    >>> import torch
    >>> d = cosine_form(torch.tensor([1.0, 0.0]), torch.tensor([3.0, 4.0]))
    >>> d["score"], d["frame_norm"], d["template_norm"], d["cos"]
    (3.0, 1.0, 5.0, 0.6)
    """
    frame = as_float_tensor(frame, "frame").double()
    template = as_float_tensor(template, "template").double()
    if frame.dim() != 1 or template.shape != frame.shape:
        raise ValueError(f"frame {list(frame.shape)} and template {list(template.shape)} must be 1-D with the same length L")
    a, b = float(frame.norm()), float(template.norm())
    score = float(frame @ template)
    cos = score / (a * b) if a > 0 and b > 0 else 0.0
    return {"score": score, "frame_norm": a, "template_norm": b, "cos": cos}


def describe_cosine(frame, template, digits: int = 3) -> str:
    """One line for notebook 02: the score next to ``|frame| × |template| × cos θ``, rounded for printing."""
    d = cosine_form(frame, template)
    r = lambda v: f"{round(v, digits) + 0.0:.{digits}f}"  # noqa: E731  (+ 0.0: no "-0.000")
    product = d["frame_norm"] * d["template_norm"] * d["cos"]
    return t(f"score {r(d['score'])} = |frame| {r(d['frame_norm'])} × |template| {r(d['template_norm'])} × cos θ {r(d['cos'])}"
             f" = {r(product)}",
             f"分数 {r(d['score'])} = |帧| {r(d['frame_norm'])} × |模板| {r(d['template_norm'])} × cos θ {r(d['cos'])}"
             f" = {r(product)}")


def correlation_vs_convolution(x, template) -> dict:
    """Is PyTorch's ``conv1d`` a textbook convolution or a cross-correlation? (notebook 02)

    Compares ``F.conv1d`` (stride 1) with NumPy's ``correlate`` (slide and
    multiply, no flip) and ``convolve`` (flip the kernel first). Returns bools
    ``{"equals_correlate", "equals_convolve", "equals_convolve_of_flipped"}``.
    """
    import torch.nn.functional as F

    x = as_float_tensor(x).double()
    template = as_float_tensor(template, "template").double()
    if x.dim() != 1 or template.dim() != 1 or len(template) > len(x):
        raise ValueError(f"x {list(x.shape)} and template {list(template.shape)} must be 1-D, the template no longer than x")
    conv = F.conv1d(x.view(1, 1, -1), template.view(1, 1, -1))[0, 0].numpy()
    xs, us = x.numpy(), template.numpy()
    return {
        "equals_correlate": bool(np.allclose(conv, np.correlate(xs, us, mode="valid"))),
        "equals_convolve": bool(np.allclose(conv, np.convolve(xs, us, mode="valid"))),
        "equals_convolve_of_flipped": bool(np.allclose(conv, np.convolve(xs, us[::-1], mode="valid"))),
    }


def dft_bins(frequencies=BANK_FREQUENCIES, L: int = 16, sample_rate: int = SAMPLE_RATE) -> list[tuple[float, float]]:
    """For each frequency, its position on the DFT grid of L samples: ``(f, f * L / sample_rate)`` (notebook 02).

    A whole number means the tone makes whole cycles in one frame: it is a DFT
    bin (bin spacing ``sample_rate / L`` = 500 Hz for L = 16 at 8 kHz).
    """
    L = check_size("L", L, 1)
    return [(float(f), float(f) * L / sample_rate) for f in frequencies]


def tones_are_orthogonal(L: int = 16, frequencies=BANK_FREQUENCIES, sample_rate: int = SAMPLE_RATE) -> float:
    """Largest ``|u_i · u_j|`` between two different tone templates of :func:`template_bank` (no click); ~0 on DFT bins."""
    templates, _ = template_bank(L, frequencies, sample_rate, with_click=False)
    gram = templates.double() @ templates.double().T
    return float((gram - torch.eye(len(gram), dtype=gram.dtype)).abs().max())


def describe_correlation(result: dict) -> str:
    """:func:`correlation_vs_convolution` as two lines in the course language (notebook 02)."""
    yes_no = lambda v: t("yes", "是") if v else t("no", "否")  # noqa: E731
    return "\n".join([
        t(f"conv1d == np.correlate (slide, no flip): {yes_no(result['equals_correlate'])}",
          f"conv1d == np.correlate（滑动，不翻转）：{yes_no(result['equals_correlate'])}"),
        t(f"conv1d == np.convolve (flips the kernel): {yes_no(result['equals_convolve'])}; "
          f"with the kernel flipped first: {yes_no(result['equals_convolve_of_flipped'])}",
          f"conv1d == np.convolve（会翻转卷积核）：{yes_no(result['equals_convolve'])}；"
          f"先把卷积核翻转再 convolve：{yes_no(result['equals_convolve_of_flipped'])}"),
    ])
