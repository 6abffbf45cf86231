"""Chapter 04, the strength map ``[M, N, K]``: templates x time, drawn like a spectrogram.

Notebook ``04_strength_map``: the seed's little table (templates x
time, numbers) printed from a real map, the map of random templates (noisy)
next to tone templates and the STFT spectrogram of the same audio, Fourier
bases as one fixed choice of templates (``stft_kernels`` through ``conv1d``
equals ``torch.stft``), the same bases copied into an ``Encoder``, a batch of
M=2 clips, and a widget that redraws the map for another L.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from matplotlib.patches import ConnectionPatch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..core.audio import EXAMPLE_CLIP, SAMPLE_RATE, SECOND_CLIP, example_clip
from ..core.checks import as_float_tensor, as_waveform, check_size
from ..core.encoder import encoder_from_templates
from ..core.fourier import bin_frequencies, sort_by_frequency, spectrogram, stft_difference, stft_kernels  # noqa: F401 (notebook)
from ..core.framing import num_frames
from ..core.signals import random_templates, tone_frequencies, tone_templates
from ..ui.i18n import t, text_width
from ..ui.plotting import annotated_heatmap, db_label, figure, plot_map, show_figure, to_numpy

KINDS = ("fourier", "tones", "random")
# --------------------------------------------------------------------------- templates


def templates_for(kind: str, L: int, N: int | None = None, seed: int = 0) -> torch.Tensor:
    """Templates ``[N, L]`` of one kind: ``"fourier"`` (``stft_kernels``, N = 2 * (L // 2 + 1), fixed),
    ``"tones"`` (cosines low to high) or ``"random"`` (seeded noise, sorted by peak frequency).

    N defaults to ``L // 2 + 1`` (as many as the STFT has frequency bins) for tones
    and random templates. Used by notebook ``04_strength_map``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    L = check_size("L", L, 2)
    if kind == "fourier":
        if N is not None and N != 2 * (L // 2 + 1):
            raise ValueError(f"Fourier bases of length L={L} are exactly N={2 * (L // 2 + 1)} templates; leave N out")
        return stft_kernels(L)[:, 0]
    N = L // 2 + 1 if N is None else check_size("N", N, 1)
    if kind == "tones":
        return tone_templates(N, L)
    u = random_templates(N, L, seed)
    return u[sort_by_frequency(u)]


# --------------------------------------------------------------------------- maps and spectrograms


def strength_map(x, L: int, kind: str = "tones", N: int | None = None) -> torch.Tensor:
    """The strength map ``[N, K]`` of one waveform ``[T]`` for templates :func:`templates_for` (kind, L, N).

    This is the Encoder's output for ``M = 1``: ``ReLU(conv1d)``, hop ``L // 2``.
    Used by notebook ``04_strength_map`` (and its widget).
    """
    x = as_waveform(x)
    encoder = encoder_from_templates(templates_for(kind, L, N))
    with torch.no_grad():
        return encoder(x[None])[0]


def signed_from_pair(w_u, w_minus_u) -> torch.Tensor:
    """The signed scores from the strength map of templates ``u`` and ``-u``: ``relu(s) - relu(-s) = s``.

    Used by notebook ``04_strength_map`` (the STFT magnitude from a ReLU map).
    """
    a, b = as_float_tensor(w_u, "w_u"), as_float_tensor(w_minus_u, "w_minus_u")
    if a.shape != b.shape:
        raise ValueError(f"w_u has shape {list(a.shape)} but w_minus_u {list(b.shape)}; they must match")
    return a - b


def magnitude_from_relu_map(x, L: int) -> torch.Tensor:
    """``|STFT|`` ``[L//2+1, K]`` from a ReLU strength map whose dictionary holds every Fourier basis *and* its negative.

    An ``Encoder`` with the ``4 * (L//2+1)`` templates ``[U; -U]`` (``U = stft_kernels(L)``)
    makes a nonnegative map; :func:`signed_from_pair` gets the real and imaginary
    parts back, and ``sqrt(re^2 + im^2)`` is the spectrogram. Used by ``04_strength_map``.
    """
    x = as_waveform(x)
    U = stft_kernels(L)
    encoder = encoder_from_templates(torch.cat([U, -U]))
    with torch.no_grad():
        w = encoder(x[None])[0]
    signed = signed_from_pair(w[: len(U)], w[len(U) :])
    F_bins = L // 2 + 1
    return torch.sqrt(signed[:F_bins] ** 2 + signed[F_bins:] ** 2)


def batch_of_clips(files=None) -> torch.Tensor:
    """Several clips as one batch ``[M, T]``, each cut to the shortest one's length.

    Default: the example clip (English) and a Mandarin one, M = 2. Used by
    notebook ``04_strength_map``.
    """
    files = [EXAMPLE_CLIP, SECOND_CLIP] if files is None else list(files)
    if not files:
        raise ValueError("files is empty; name at least one clip (see te.speech_clips())")
    clips = [example_clip(f) for f in files]
    T = min(len(c) for c in clips)
    return torch.stack([c[:T] for c in clips])


def map_summary(x, L: int, kind: str = "tones", N: int | None = None) -> dict:
    """What the widget of ``04_strength_map`` draws, in numbers: shape and resolutions.

    Returns ``{"N", "K", "shape", "hop_ms", "window_ms", "spacing_hz"}`` where
    ``spacing_hz`` is the frequency step between neighbouring tone / Fourier
    templates (None for random templates).
    """
    w = strength_map(x, L, kind, N)
    n_rows, K = w.shape
    if kind == "random":
        spacing = None
    elif kind == "fourier":
        spacing = SAMPLE_RATE / L
    else:
        spacing = SAMPLE_RATE / 2 / (n_rows - 1) if n_rows > 1 else None
    assert K == num_frames(as_waveform(x).shape[-1], L)
    return {
        "N": n_rows,
        "K": K,
        "shape": [1, n_rows, K],
        "hop_ms": 1000 * (L // 2) / SAMPLE_RATE,
        "window_ms": 1000 * L / SAMPLE_RATE,
        "spacing_hz": spacing,
    }


# --------------------------------------------------------------------------- the seed's table, made real


def busiest_block(w, rows: int = 3, cols: int = 5) -> tuple[int, int]:
    """``(n0, k0)``: top-left corner of the ``rows x cols`` block of a map ``[N, K]`` with the largest sum.

    Picks a block worth printing (not silence). Used by notebook ``04_strength_map``.
    """
    w = as_float_tensor(w, "map").double()
    rows, cols = check_size("rows", rows, 1), check_size("cols", cols, 1)
    if w.dim() != 2 or w.shape[0] < rows or w.shape[1] < cols:
        raise ValueError(f"map has shape {list(w.shape)}; expected [N, K] with N >= {rows} and K >= {cols}")
    sums = F.avg_pool2d(w[None, None], (rows, cols), stride=1)[0, 0]
    index = int(sums.flatten().argmax())
    return index // sums.shape[1], index % sums.shape[1]


def row_labels(n0: int, rows: int, frequencies=None) -> list[str]:
    """Labels for rows ``n0 .. n0 + rows - 1`` of a map: "template 6", or "template 6 (312 Hz)" given ``frequencies``.

    Rows are numbered from 1 as in the seed's table. Used by :func:`map_table` and :func:`plot_map_table`
    (notebook ``04_strength_map``).
    """
    if frequencies is None:
        return [t(f"template {n + 1}", f"模板 {n + 1}") for n in range(n0, n0 + rows)]
    f = to_numpy(frequencies)
    return [t(f"template {n + 1} ({f[n]:.0f} Hz)", f"模板 {n + 1}（{f[n]:.0f} Hz）") for n in range(n0, n0 + rows)]


def map_table(w, n0: int, k0: int, rows: int = 3, cols: int = 5, frequencies=None, decimals: int = 1) -> str:
    """A block of a map ``[N, K]`` as text, drawn like the seed document's table (templates x time).

    Rows ``n0 ..`` and frames ``k0 ..``; ``frequencies`` (Hz per row, optional)
    goes into the row names; numbers are rounded to ``decimals``. Used by
    notebook ``04_strength_map``.
    """
    w = as_float_tensor(w, "map")
    if w.dim() != 2:
        raise ValueError(f"map has shape {list(w.shape)}; expected [N, K] (take one clip: w[0])")
    rows, cols = check_size("rows", rows, 1), check_size("cols", cols, 1)
    if not (0 <= n0 and n0 + rows <= w.shape[0] and 0 <= k0 and k0 + cols <= w.shape[1]):
        raise ValueError(
            f"block rows {n0}..{n0 + rows - 1}, frames {k0}..{k0 + cols - 1} is outside the map {list(w.shape)}"
        )
    block = to_numpy(w[n0 : n0 + rows, k0 : k0 + cols]).astype(np.float64)
    labels = row_labels(n0, rows, frequencies)
    width = max(text_width(label) for label in labels)
    cells = [[f"{v:.{decimals}f}" for v in row] for row in block]
    cw = max(len(c) for row in cells for c in row)
    lines = [
        " " * (width + 2) + t(f"time → (frames {k0} to {k0 + cols - 1})", f"时间 →（第 {k0} 到 {k0 + cols - 1} 帧）")
    ]
    for label, row in zip(labels, cells):
        lines.append(label + " " * (width - text_width(label)) + "  [ " + "  ".join(c.rjust(cw) for c in row) + " ]")
    lines.append("   ↓")
    lines.append(t("template", "模板"))
    return "\n".join(lines)


def plot_map_table(
    w, n0: int, k0: int, rows: int = 3, cols: int = 5, frequencies=None, hop_seconds: float | None = None
):
    """The printed block next to the whole map: left the numbers as coloured cells, right the map with the block boxed.

    ``frequencies`` (Hz per row) puts a frequency axis on the map and into the
    row names. Used by notebook ``04_strength_map``; returns the Figure.
    """
    w = as_float_tensor(w, "map").detach()
    map_table(w, n0, k0, rows, cols)  # same checks as the printed table
    block = w[n0 : n0 + rows, k0 : k0 + cols]
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 3.2), layout="constrained", gridspec_kw={"width_ratios": [2, 3]})
    vmax = float(w.max())
    # Rows top to bottom as in the printed table (the seed's "templates ↓"); the map on the right has low rows at the bottom.
    annotated_heatmap(ax0, block, vmax, lambda v: f"{v:.1f}", "magma", fontsize=9)
    ax0.set_yticks(range(rows), row_labels(n0, rows, frequencies))
    ax0.set_xticks(range(cols), [str(k0 + j) for j in range(cols)])
    ax0.set_xlabel(t("frame k (time →)", "帧序号 k（时间 →）"))
    ax0.set_title(t(f"the printed block [N={rows}, K={cols}]", f"打印出来的那一块 [N={rows}, K={cols}]"))
    hop = hop_seconds or 1.0
    if frequencies is not None:
        f = to_numpy(frequencies).astype(np.float64)
        step = f[1] - f[0] if len(f) > 1 else 1.0
        extent = (f[0] - step / 2, f[-1] + step / 2)
        y0, height = f[n0] - step / 2, rows * step
        ylabel = t("template frequency (Hz)", "模板频率（Hz）")
    else:
        extent, y0, height, ylabel = None, n0 - 0.5, rows, t("template n", "模板 n")
    _draw(
        ax1,
        w,
        hop_seconds,
        t("the whole strength map (box: the printed block)", "整张强度图（方框：打印出来的那一块）"),
        ylabel,
        extent,
        colorbar=True,
    )
    ax1.add_patch(Rectangle((k0 * hop, y0), cols * hop, height, fill=False, edgecolor="cyan", lw=2))
    for corner_block, corner_map in (
        ((cols - 0.5, -0.5), (k0 * hop, y0 + height)),
        ((cols - 0.5, rows - 0.5), (k0 * hop, y0)),
    ):
        fig.add_artist(
            ConnectionPatch(corner_block, corner_map, "data", "data", axesA=ax0, axesB=ax1, color="cyan", lw=0.8)
        )
    return fig


@figure("04_strength_map_table")
def figure_map_table():
    """Registered figure (as in notebook ``04_strength_map``): the seed's table made real (tones, L=128) and the whole map."""
    L, N = 128, 65
    w = strength_map(example_clip(), L, "tones", N)
    n0, k0 = busiest_block(w)
    return plot_map_table(w, n0, k0, frequencies=tone_frequencies(N), hop_seconds=(L // 2) / SAMPLE_RATE)


# --------------------------------------------------------------------------- pictures


def _draw(ax, values, hop_seconds, title, ylabel, extent=None, colorbar=False):
    image = plot_map(values, ax=ax, hop_seconds=hop_seconds, title=title, ylabel=ylabel, extent_y=extent,
                     colorbar=colorbar, db=True)
    if extent is None:  # rows are template numbers: whole numbers on the axis
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return image


def plot_map_comparison(x=None, L: int = 128):
    """Three maps of the same audio, same frames: random templates, tone templates, and the STFT spectrogram.

    All in dB (50 dB range), N = L // 2 + 1 rows each. Random templates (sorted
    by peak frequency) respond to every frequency a little, so their map is
    noisy; tones from low to high give a picture like the spectrogram, but
    flickering, because one cosine per frequency matches only one phase.
    Used by notebook ``04_strength_map``; returns the Figure.
    """
    x = example_clip() if x is None else as_waveform(x)
    hop = (L // 2) / SAMPLE_RATE
    nyquist = (-SAMPLE_RATE / L / 2, SAMPLE_RATE / 2 + SAMPLE_RATE / L / 2)
    fig, axes = plt.subplots(3, 1, figsize=(9, 7.5), sharex=True, layout="constrained")
    _draw(
        axes[0],
        strength_map(x, L, "random"),
        hop,
        t(
            f"random templates (untrained), sorted by peak frequency — L={L}",
            f"随机模板（未训练），按峰值频率排序 — L={L}",
        ),
        t("template (low → high)", "模板（低 → 高）"),
    )
    _draw(
        axes[1],
        strength_map(x, L, "tones"),
        hop,
        t("tone templates (cosines, 0 to 4000 Hz) + ReLU", "纯音模板（余弦，0 到 4000 Hz）+ ReLU"),
        t("frequency (Hz)", "频率（Hz）"),
        nyquist,
    )
    image = _draw(
        axes[2],
        spectrogram(x, L),
        hop,
        t(
            f"STFT spectrogram |torch.stft|, Hann window L={L}, hop {L // 2}",
            f"STFT 频谱图 |torch.stft|，Hann 窗 L={L}，帧移 {L // 2}",
        ),
        t("frequency (Hz)", "频率（Hz）"),
        nyquist,
    )
    fig.colorbar(image, ax=axes, pad=0.01, shrink=0.6, label=db_label())
    for ax in axes[:2]:
        ax.set_xlabel("")
    return fig


@figure("04_strength_map_vs_stft")
def figure_map_comparison():
    """Registered figure (as in notebook ``04_strength_map``): random-template map, tone map and STFT spectrogram."""
    return plot_map_comparison()


def plot_fourier_encoder(x=None, L: int = 128):
    """An ``Encoder`` holding the Fourier bases: its ReLU map (real parts, then imaginary parts) and ``|STFT|``.

    Used by notebook ``04_strength_map``; returns the Figure.
    """
    x = example_clip() if x is None else as_waveform(x)
    hop = (L // 2) / SAMPLE_RATE
    F_bins = L // 2 + 1
    w = strength_map(x, L, "fourier")
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharex=True, layout="constrained")
    _draw(
        axes[0],
        w,
        hop,
        t(f"Encoder with stft_kernels({L}): N={2 * F_bins}", f"装入 stft_kernels({L}) 的 Encoder：N={2 * F_bins}"),
        t("template n", "模板 n"),
    )
    axes[0].axhline(F_bins - 0.5, color="cyan", lw=1)
    box = {"facecolor": "black", "alpha": 0.7, "edgecolor": "none", "pad": 2}
    axes[0].text(0.02, F_bins / 2, t("cos (real)", "cos（实部）"), color="cyan", fontsize=9, va="center", bbox=box)
    axes[0].text(
        0.02, 1.5 * F_bins, t("−sin (imaginary)", "−sin（虚部）"), color="cyan", fontsize=9, va="center", bbox=box
    )
    nyquist = (-SAMPLE_RATE / L / 2, SAMPLE_RATE / 2 + SAMPLE_RATE / L / 2)
    image = _draw(
        axes[1],
        spectrogram(x, L),
        hop,
        t("|STFT| of the same audio", "同一段音频的 |STFT|"),
        t("frequency (Hz)", "频率（Hz）"),
        nyquist,
    )
    fig.colorbar(image, ax=axes, pad=0.01, label=db_label())
    return fig


def plot_strength_map(x, L: int = 128, kind: str = "tones"):
    """One strength map in dB with its shape in the title. The widget of ``04_strength_map`` redraws this."""
    x = as_waveform(x)
    w = strength_map(x, L, kind)
    summary = map_summary(x, L, kind)
    fig, ax = plt.subplots(figsize=(9, 3.2), layout="constrained")
    names = {
        "fourier": t("Fourier bases", "傅里叶基"),
        "tones": t("tones", "纯音模板"),
        "random": t("random", "随机模板"),
    }
    title = t(
        f"{names[kind]}: L={L} ({summary['window_ms']:g} ms), hop {L // 2}, map [1, {summary['N']}, {summary['K']}]",
        f"{names[kind]}：L={L}（{summary['window_ms']:g} 毫秒），帧移 {L // 2}，强度图 [1, {summary['N']}, {summary['K']}]",
    )
    _draw(ax, w, (L // 2) / SAMPLE_RATE, title, t("template n", "模板 n"), colorbar=True)
    return fig


def map_widget(x=None):
    """Dropdowns for L and the kind of templates that redraw :func:`plot_strength_map`. Used by ``04_strength_map``."""
    import ipywidgets as widgets

    x = example_clip() if x is None else as_waveform(x)
    options = [
        (t("tones", "纯音模板"), "tones"),
        (t("Fourier bases", "傅里叶基"), "fourier"),
        (t("random", "随机模板"), "random"),
    ]

    def update(L, kind):  # returns None; the figure is shown once, by show_figure
        show_figure(plot_strength_map(x, L, kind))

    return widgets.interactive(
        update,
        L=widgets.Dropdown(options=[16, 32, 64, 128, 256], value=128, description="L"),
        kind=widgets.Dropdown(options=options, value="tones", description=t("templates", "模板")),
    )


# --------------------------------------------------------------------------- printed lines, in the course language


def describe_map(w, T: int, L: int) -> str:
    """``map [M, N, K], K = num_frames(T, L)`` as one line in the course language (notebook 04)."""
    w = as_float_tensor(w, "w")
    return t(f"map {list(w.shape)}; K = num_frames(T = {T}, L = {L}) = {num_frames(T, L)}",
             f"强度图 {list(w.shape)}；K = num_frames(T = {T}, L = {L}) = {num_frames(T, L)}")


def describe_summary(summary: dict, L: int) -> str:
    """One line of :func:`map_summary` in the course language (notebook 04's table of L)."""
    s = summary
    return t(f"L = {L:3d}: map {s['shape']}, frame {s['window_ms']:g} ms, hop {s['hop_ms']:g} ms, "
             f"bins {s['spacing_hz']:g} Hz apart",
             f"L = {L:3d}：强度图 {s['shape']}，帧长 {s['window_ms']:g} 毫秒，帧移 {s['hop_ms']:g} 毫秒，"
             f"频点间隔 {s['spacing_hz']:g} Hz")


def describe_batch(batch, w) -> str:
    """``input [M, T] -> mixture_w [M, N, K]`` in the course language (notebook 04)."""
    return t(f"input [M, T] = {list(batch.shape)}  ->  mixture_w [M, N, K] = {list(w.shape)}",
             f"输入 [M, T] = {list(batch.shape)}  ->  mixture_w [M, N, K] = {list(w.shape)}")


# --------------------------------------------------------------------------- a short Fourier primer


def dft_grid(L: int, sample_rate: int = SAMPLE_RATE) -> dict:
    """The DFT of one frame of L samples, as numbers (notebook 04's primer).

    Returns ``{"bins": L // 2 + 1, "spacing_hz": sample_rate / L, "frequencies": [...], "frame_ms", "templates"}``
    where ``templates`` is the number of cos/sin templates that are not all zero
    (0 Hz and, for even L, ``sample_rate / 2`` have a cosine but no sine).
    """
    L = check_size("L", L, 2)
    freqs = bin_frequencies(L, sample_rate)
    kernels = stft_kernels(L)[:, 0]
    nonzero = int((kernels.abs().amax(1) > 1e-6 * float(kernels.abs().max())).sum())  # sin(pi n) is float dust, not 0
    return {"bins": len(freqs), "spacing_hz": sample_rate / L, "frequencies": [float(f) for f in freqs],
            "frame_ms": 1000 * L / sample_rate, "templates": nonzero}


def describe_dft_grid(L: int, sample_rate: int = SAMPLE_RATE) -> str:
    """:func:`dft_grid` as one line in the course language (notebook 04)."""
    g = dft_grid(L, sample_rate)
    shown = ", ".join(f"{f:g}" for f in g["frequencies"][:5]) + (", ..." if g["bins"] > 5 else "")
    return t(f"L = {L} ({g['frame_ms']:g} ms): {g['bins']} bins, {g['spacing_hz']:g} Hz apart: {shown} Hz; "
             f"{g['templates']} nonzero cos/sin templates",
             f"L = {L}（{g['frame_ms']:g} 毫秒）：{g['bins']} 个频点，间隔 {g['spacing_hz']:g} Hz：{shown} Hz；"
             f"{g['templates']} 个非零的 cos/sin 模板")


def phase_ripple(frequency: float, L: int = 16, sample_rate: int = SAMPLE_RATE, phases: int = 360) -> float:
    """How much ``sqrt(cos² + sin²)`` of the nearest STFT bin changes with the phase of a pure tone (notebook 04).

    A frame of ``cos(2π f t + φ)`` for ``phases`` values of φ goes through the
    Hann-windowed cos/sin pair of the bin nearest to ``frequency``; returns
    ``(max - min) / max`` of the magnitude: 0 for a tone on a bin, a few percent
    between bins, 1 at 0 Hz and at ``sample_rate / 2`` (no sine partner there).
    """
    L = check_size("L", L, 2)
    if not 0 <= frequency <= sample_rate / 2:
        raise ValueError(f"frequency {frequency} Hz is outside 0..{sample_rate / 2} Hz")
    U = stft_kernels(L)[:, 0].double()
    bins = L // 2 + 1
    k = int(round(frequency * L / sample_rate))
    time = torch.arange(L, dtype=torch.float64) / sample_rate
    phi = torch.arange(phases, dtype=torch.float64) * (2 * np.pi / phases)
    frames = torch.cos(2 * np.pi * frequency * time[None] + phi[:, None])  # [phases, L]
    scores = frames @ U.T
    magnitude = torch.sqrt(scores[:, k] ** 2 + scores[:, bins + k] ** 2)
    return float((magnitude.max() - magnitude.min()) / magnitude.max())


# --------------------------------------------------------------------------- channels: the C of [M, C, T]


def stereo_demo(L: int = 16, N: int = 64, seed: int = 0) -> dict:
    """A stereo clip ``[M=1, C=2, T]`` through ``Encoder(L, N, audio_channels=2)`` (notebook 04).

    Left channel: the example clip; right channel: the second clip. Each
    template then has one row per channel (weights ``[N, C, L]``) and a score
    adds up both channels' dot products. Returns ``{"input", "weights",
    "output"}`` (shapes as lists) and ``"sum_of_channels"``: whether the scores
    equal the left channel's scores plus the right channel's (float dust allowed).
    """
    from ..core.encoder import Encoder

    stereo = batch_of_clips()[None]  # [1, 2, T]: two clips as the two channels of one recording
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        encoder = Encoder(L, N, audio_channels=2)
    weight = encoder.conv1d_U.weight  # [N, 2, L]
    with torch.no_grad():
        scores = encoder.scores(stereo)
        w = encoder(stereo)
        left = F.conv1d(stereo[:, :1], weight[:, :1], stride=L // 2)
        right = F.conv1d(stereo[:, 1:], weight[:, 1:], stride=L // 2)
    return {"input": list(stereo.shape), "weights": list(weight.shape), "output": list(w.shape),
            "sum_of_channels": bool(torch.allclose(scores, left + right, atol=1e-5))}


def describe_stereo(demo: dict) -> str:
    """:func:`stereo_demo` in the course language (notebook 04)."""
    same = t("yes", "是") if demo["sum_of_channels"] else t("no", "否")
    return t(f"stereo input [M, C, T] = {demo['input']}, weights [N, C, L] = {demo['weights']}, "
             f"output [M, N, K] = {demo['output']}\nscore = left channel's score + right channel's: {same}",
             f"立体声输入 [M, C, T] = {demo['input']}，权重 [N, C, L] = {demo['weights']}，"
             f"输出 [M, N, K] = {demo['output']}\n分数 = 左声道的分数 + 右声道的分数：{same}")


# --------------------------------------------------------------------------- the other half: weights × basis signals


def rebuild_from_map(x, L: int = 16) -> dict:
    """The decomposable representation with the simplest dictionary (notebook 04).

    Templates ``[I; -I]`` (each picks one sample, with either sign) make the
    strength map ``w`` (``2L`` rows, all >= 0). The decoder's basis signals are
    ``b_n = e_n / 2`` and ``-e_n / 2``; summing ``w[n, k] · b_n`` placed at
    ``k · hop`` (overlap-add, ``F.conv_transpose1d``) gives the waveform back
    wherever two frames overlap. Returns ``{"map": shape, "basis": shape,
    "error": max |x̂ - x| on the samples covered by two frames, "covered": how many}``.
    """
    x = as_waveform(x)
    L = check_size("L", L, 2)
    if L % 2:
        raise ValueError(f"L={L} is odd; use an even L so that every inner sample lies in exactly two frames")
    eye = torch.eye(L)
    encoder = encoder_from_templates(torch.cat([eye, -eye]))
    basis = torch.cat([eye, -eye]) / 2  # [N, L]: one basis signal per template
    with torch.no_grad():
        w = encoder(x[None])  # [1, 2L, K]
        rebuilt = F.conv_transpose1d(w, basis[:, None, :], stride=L // 2)[0, 0]  # sum over n and k of w[n, k] b_n[t - k hop]
    hop = L // 2
    end = (w.shape[-1] - 1) * hop + L
    inner = slice(hop, end - hop)  # samples covered by two frames
    return {"map": list(w.shape), "basis": list(basis.shape),
            "error": float((rebuilt[inner] - x[inner]).abs().max()), "covered": end - 2 * hop}


def describe_rebuild(result: dict) -> str:
    """:func:`rebuild_from_map` in the course language (notebook 04)."""
    return t(f"map {result['map']} × basis signals {result['basis']} -> waveform; "
             f"largest error on the {result['covered']} samples inside two frames: {result['error']:.6f}",
             f"强度图 {result['map']} × 基信号 {result['basis']} -> 波形；"
             f"在落入两帧的 {result['covered']} 个采样点上，最大误差：{result['error']:.6f}")
