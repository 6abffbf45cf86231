"""Chapter 04, the strength map ``[M, N, K]``: the figures and the widget of notebook ``04_strength_map``.

The cells compute (one frame against N templates gives one column, all columns
stacked give the encoder's output, Fourier templates give ``torch.stft``); the
functions here draw what they computed: the frame-to-column picture, the seed's
table next to the whole map, random / tone / STFT maps side by side, the Fourier
encoder's ReLU map, and a widget that redraws one map for another L.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.patches import ConnectionPatch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..core.audio import SAMPLE_RATE, example_clip
from ..core.checks import as_float_tensor, as_waveform, check_size
from ..core.encoder import encoder_from_templates
from ..core.fourier import sort_by_frequency, spectrogram, stft_kernels
from ..core.signals import random_templates, tone_frequencies, tone_templates
from ..ui.i18n import t
from ..ui.plotting import DYNAMIC_RANGE_DB, annotated_heatmap, db_label, figure, plot_map, show_figure, to_db, to_numpy

KINDS = ("fourier", "tones", "random")


def templates_for(kind: str, L: int, N: int | None = None, seed: int = 0) -> torch.Tensor:
    """Templates ``[N, L]`` of one kind: ``"fourier"`` (``stft_kernels``, N = 2 * (L // 2 + 1)),
    ``"tones"`` (cosines low to high) or ``"random"`` (seeded noise, sorted by peak frequency).

    N defaults to ``L // 2 + 1`` (as many as the STFT has frequency bins) for tones and random templates.
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


def strength_map(x, L: int, kind: str = "tones", N: int | None = None) -> torch.Tensor:
    """The encoder's map ``[N, K]`` of one waveform ``[T]`` for :func:`templates_for` (what the figures draw)."""
    x = as_waveform(x)
    with torch.no_grad():
        return encoder_from_templates(templates_for(kind, L, N))(x[None])[0]


def _draw(ax, values, hop_seconds, title, ylabel, extent=None, colorbar=False):
    image = plot_map(values, ax=ax, hop_seconds=hop_seconds, title=title, ylabel=ylabel, extent_y=extent,
                     colorbar=colorbar, db=True)
    if extent is None:  # rows are template numbers: whole numbers on the axis
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return image


def _hz_extent(frequencies) -> tuple[float, float]:
    f = to_numpy(frequencies).astype(np.float64)
    step = f[1] - f[0] if len(f) > 1 else 1.0
    return f[0] - step / 2, f[-1] + step / 2


# --------------------------------------------------------------------------- one frame -> one column


def plot_frame_to_column(x, templates, w, k: int, frequencies, sample_rate: int = SAMPLE_RATE, around: int = 20):
    """Frames k and k+1 of ``x`` (top), the N templates ``[N, L]``, the two columns ``relu(U @ frame)``, and
    those columns placed into the map ``w [N, K]`` (linear scale, frames ``k - around .. k + around``).

    ``frequencies`` (Hz per template row) is the y axis of all three lower panels. Returns the Figure.
    """
    x, U, w = as_waveform(x), as_float_tensor(templates, "templates").detach(), as_float_tensor(w, "w").detach()
    N, L = U.shape
    hop, K = L // 2, w.shape[1]
    if w.shape[0] != N or not 0 <= k < K - 1:
        raise ValueError(f"need w [N={N}, K] and 0 <= k < K - 1; got w {list(w.shape)}, k={k}")
    columns = torch.relu(U @ torch.stack([x[k * hop : k * hop + L], x[(k + 1) * hop : (k + 1) * hop + L]]).T)
    lo, hi = max(0, k - around), min(K, k + around + 1)
    db = to_db(torch.cat([columns, w[:, lo:hi]], dim=1))  # one reference: the loudest entry shown
    y0, y1 = _hz_extent(frequencies)
    fig = plt.figure(figsize=(11, 5.8), layout="constrained")
    grid = fig.add_gridspec(2, 3, height_ratios=[1, 2.3], width_ratios=[2.2, 0.9, 4])
    ax_wave = fig.add_subplot(grid[0, :])
    ax_u, ax_col, ax_map = (fig.add_subplot(grid[1, i]) for i in range(3))
    start, stop = max(0, (k - 3) * hop), min(len(x), (k + 5) * hop + L)  # the audio around the two frames
    ax_wave.plot(np.arange(start, stop), to_numpy(x[start:stop]), color="0.3", lw=0.8)
    colors = ("tab:cyan", "tab:orange")
    for j, color in enumerate(colors):
        ax_wave.axvspan((k + j) * hop, (k + j) * hop + L, color=color, alpha=0.3, lw=0)
        ax_wave.text((k + j) * hop + j * L, 1.02, f"k = {k}" if j == 0 else f"k + 1 = {k + 1}", color=color,
                     ha=("left", "right")[j], va="bottom", transform=ax_wave.get_xaxis_transform(), fontsize=9)
    ax_wave.set_xlim(start, stop)
    ax_wave.set_xlabel(t("sample t", "采样点 t"))
    ax_wave.set_title(t(f"frames of L = {L} samples, hop {hop}", f"帧长 L = {L} 个采样点，帧移 {hop}"), pad=14)
    f = to_numpy(frequencies).astype(np.float64)  # every 8th template, drawn at its frequency
    for n in range(max(1, N // 8), N, max(1, N // 8)):
        ax_u.plot(np.arange(L), f[n] + 0.4 * (y1 - y0) / 8 * to_numpy(U[n]) / float(U[n].abs().max()), lw=0.8,
                  color="tab:blue")
    ax_u.set_ylim(y0, y1)
    ax_u.set_title(t(f"N = {N} templates U [N, L]", f"N = {N} 个模板 U [N, L]"))
    ax_u.set_xlabel(t("sample l of the frame", "帧内采样点 l"))
    ax_u.set_ylabel(t("template frequency (Hz)", "模板频率（Hz）"))
    style = {"origin": "lower", "aspect": "auto", "cmap": "magma", "vmin": -DYNAMIC_RANGE_DB, "vmax": 0}
    ax_col.imshow(db[:, :2], extent=(-0.5, 1.5, y0, y1), **style)
    ax_col.set_xticks([0, 1], ["k", "k+1"])
    ax_col.set_yticks([])
    ax_col.set_title("relu(U @ frame)", fontsize=9)
    image = ax_map.imshow(db[:, 2:], extent=(lo - 0.5, hi - 0.5, y0, y1), **style)
    ax_map.set_title(t(f"strength map w [N, K = {K}], frames {lo} to {hi - 1}",
                       f"强度图 w [N, K = {K}]，第 {lo} 到 {hi - 1} 帧"))
    ax_map.set_xlabel(t("frame k", "帧序号 k"))
    ax_map.set_yticks([])
    fig.colorbar(image, ax=ax_map, pad=0.01, label=db_label())
    for j, color in enumerate(colors):  # frame -> column -> its place in the map
        ax_map.add_patch(Rectangle((k + j - 0.5, y0), 1, y1 - y0, fill=False, edgecolor=color, lw=2))
        fig.add_artist(ConnectionPatch(((k + j) * hop + L / 2, 0), (j, y1), ax_wave.get_xaxis_transform(), "data",
                                       axesA=ax_wave, axesB=ax_col, color=color, lw=1.2, arrowstyle="->"))
        height = y1 - (0.08 + 0.08 * j) * (y1 - y0)
        fig.add_artist(ConnectionPatch((j + 0.3, height), (k + j - 0.5, height), "data", "data", axesA=ax_col,
                                       axesB=ax_map, color=color, lw=1.5, arrowstyle="->"))
    return fig


@figure("04_frame_to_column")
def figure_frame_to_column():
    """Registered figure (as in notebook ``04_strength_map``): the loudest frame of the clip and the next one."""
    x, L, N = example_clip(), 128, 65
    U = tone_templates(N, L)
    frames = x.unfold(0, L, L // 2)
    k = int(frames.norm(dim=1).argmax())
    return plot_frame_to_column(x, U, torch.relu(U @ frames.T), k, tone_frequencies(N))


# --------------------------------------------------------------------------- the seed's table, made real


def plot_map_table(w, n0: int, k0: int, rows: int = 3, cols: int = 5, frequencies=None,
                   hop_seconds: float | None = None):
    """The block ``w[n0:n0+rows, k0:k0+cols]`` as coloured cells with its numbers, next to the whole map in dB with
    the block boxed. Rows and frames are counted from 0, as Python counts. Returns the Figure."""
    w = as_float_tensor(w, "map").detach()
    if w.dim() != 2 or not (0 <= n0 <= w.shape[0] - rows and 0 <= k0 <= w.shape[1] - cols):
        raise ValueError(f"block rows {n0}..{n0 + rows - 1}, frames {k0}..{k0 + cols - 1} is outside the map "
                         f"{list(w.shape)} (give one clip's map [N, K])")
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 3.2), layout="constrained", gridspec_kw={"width_ratios": [2, 3]})
    # Rows top to bottom as in the printed table (the seed's "templates ↓"); the map on the right has low rows below.
    annotated_heatmap(ax0, w[n0 : n0 + rows, k0 : k0 + cols], float(w.max()), lambda v: f"{v:.1f}", "magma",
                      fontsize=9)
    f = None if frequencies is None else to_numpy(frequencies)
    ax0.set_yticks(range(rows), [f"n = {n}" + ("" if f is None else f" ({f[n]:.0f} Hz)") for n in range(n0, n0 + rows)])
    ax0.set_xticks(range(cols), [str(k0 + j) for j in range(cols)])
    ax0.set_xlabel(t("frame k (time →)", "帧序号 k（时间 →）"))
    ax0.set_title(t(f"the printed block [N={rows}, K={cols}]", f"打印出来的那一块 [N={rows}, K={cols}]"))
    hop = hop_seconds or 1.0
    if f is not None:
        extent = _hz_extent(f)
        step = (extent[1] - extent[0]) / len(f)
        y0, height, ylabel = extent[0] + n0 * step, rows * step, t("template frequency (Hz)", "模板频率（Hz）")
    else:
        extent, y0, height, ylabel = None, n0 - 0.5, rows, t("template n", "模板 n")
    _draw(ax1, w, hop_seconds, t("the whole strength map (box: the printed block)", "整张强度图（方框：打印出来的那一块）"),
          ylabel, extent, colorbar=True)
    ax1.add_patch(Rectangle((k0 * hop, y0), cols * hop, height, fill=False, edgecolor="cyan", lw=2))
    for corner_block, corner_map in (((cols - 0.5, -0.5), (k0 * hop, y0 + height)),
                                     ((cols - 0.5, rows - 0.5), (k0 * hop, y0))):
        fig.add_artist(ConnectionPatch(corner_block, corner_map, "data", "data", axesA=ax0, axesB=ax1, color="cyan",
                                       lw=0.8))
    return fig


@figure("04_strength_map_table")
def figure_map_table():
    """Registered figure (as in notebook ``04_strength_map``): the seed's table made real (tones, L=128) and the map."""
    L, N = 128, 65
    w = strength_map(example_clip(), L, "tones", N)
    sums = w.unfold(0, 3, 1).unfold(1, 5, 1).sum((-1, -2))  # every 3 x 5 block
    n0, k0 = divmod(int(sums.argmax()), sums.shape[1])
    return plot_map_table(w, n0, k0, frequencies=tone_frequencies(N), hop_seconds=(L // 2) / SAMPLE_RATE)


# --------------------------------------------------------------------------- maps side by side


def plot_map_comparison(x=None, L: int = 128, maps=None):
    """Three maps of the same audio, same frames, in dB: random templates, tone templates, the STFT spectrogram.

    ``maps``: the three ``[L // 2 + 1, K]`` maps as a cell computed them; by default they are computed here
    (:func:`strength_map` for ``"random"`` and ``"tones"``, ``|torch.stft|``). Returns the Figure.
    """
    x = example_clip() if x is None else as_waveform(x)
    if maps is None:
        maps = (strength_map(x, L, "random"), strength_map(x, L, "tones"), spectrogram(x, L))
    hop = (L // 2) / SAMPLE_RATE
    nyquist = (-SAMPLE_RATE / L / 2, SAMPLE_RATE / 2 + SAMPLE_RATE / L / 2)
    titles = (t(f"random templates (untrained), sorted by peak frequency, L={L}",
                f"随机模板（未训练），按峰值频率排序，L={L}"),
              t("tone templates (cosines, 0 to 4000 Hz) + ReLU", "纯音模板（余弦，0 到 4000 Hz）+ ReLU"),
              t(f"STFT spectrogram |torch.stft|, Hann window L={L}, hop {L // 2}",
                f"STFT 语谱图 |torch.stft|，Hann 窗 L={L}，帧移 {L // 2}"))
    ylabels = (t("template (low → high)", "模板（低 → 高）"),) + (t("frequency (Hz)", "频率（Hz）"),) * 2
    fig, axes = plt.subplots(3, 1, figsize=(9, 7.5), sharex=True, layout="constrained")
    for i, (ax, values) in enumerate(zip(axes, maps)):
        image = _draw(ax, values, hop, titles[i], ylabels[i], None if i == 0 else nyquist)
    fig.colorbar(image, ax=axes, pad=0.01, shrink=0.6, label=db_label())
    for ax in axes[:2]:
        ax.set_xlabel("")
    return fig


@figure("04_strength_map_vs_stft")
def figure_map_comparison():
    """Registered figure (as in notebook ``04_strength_map``): random-template map, tone map and STFT spectrogram."""
    return plot_map_comparison()


def plot_fourier_encoder(w, magnitude, hop_seconds: float, sample_rate: int = SAMPLE_RATE):
    """The ReLU map ``w [2F, K]`` of an encoder holding the Fourier bases, split into its cosine (real) rows and its
    -sine (imaginary) rows, next to ``|STFT|`` ``[F, K]``: three panels, all against frequency in Hz.
    Returns the Figure."""
    w, magnitude = as_float_tensor(w, "w").detach(), as_float_tensor(magnitude, "magnitude").detach()
    F_bins = magnitude.shape[0]
    if w.shape != (2 * F_bins, magnitude.shape[1]):
        raise ValueError(f"w has shape {list(w.shape)}; expected [2 * {F_bins}, {magnitude.shape[1]}]")
    L = 2 * (F_bins - 1)
    nyquist = (-sample_rate / L / 2, sample_rate / 2 + sample_rate / L / 2)
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), sharex=True, sharey=True, layout="constrained")
    panels = ((w[:F_bins], t("ReLU of the cos rows (real)", "cos 各行（实部）的 ReLU")),
              (w[F_bins:], t("ReLU of the −sin rows (imaginary)", "−sin 各行（虚部）的 ReLU")),
              (magnitude, t("|STFT| = sqrt(re² + im²)", "|STFT| = sqrt(re² + im²)")))
    for ax, (values, title) in zip(axes, panels):
        image = _draw(ax, values, hop_seconds, title, t("frequency (Hz)", "频率（Hz）") if ax is axes[0] else None,
                      nyquist)
    fig.colorbar(image, ax=axes, pad=0.01, label=db_label())
    return fig


# --------------------------------------------------------------------------- the widget


def plot_strength_map(x, L: int = 128, kind: str = "tones"):
    """One strength map in dB with its shape in the title. The widget of ``04_strength_map`` redraws this."""
    w = strength_map(x, L, kind)
    names = {"fourier": t("Fourier bases", "傅里叶基"), "tones": t("tones", "纯音模板"), "random": t("random", "随机模板")}
    ms = 1000 * L / SAMPLE_RATE
    title = t(f"{names[kind]}: L={L} ({ms:g} ms), hop {L // 2}, map [1, {w.shape[0]}, {w.shape[1]}]",
              f"{names[kind]}：L={L}（{ms:g} 毫秒），帧移 {L // 2}，强度图 [1, {w.shape[0]}, {w.shape[1]}]")
    fig, ax = plt.subplots(figsize=(9, 3.2), layout="constrained")
    _draw(ax, w, (L // 2) / SAMPLE_RATE, title, t("template n", "模板 n"), colorbar=True)
    return fig


def map_widget(x=None):
    """Drop-downs for L and the kind of templates that redraw :func:`plot_strength_map`. Used by ``04_strength_map``."""
    import ipywidgets as widgets

    x = example_clip() if x is None else as_waveform(x)
    options = [(t("tones", "纯音模板"), "tones"), (t("Fourier bases", "傅里叶基"), "fourier"),
               (t("random", "随机模板"), "random")]

    def update(L, kind):  # returns None; the figure is shown once, by show_figure
        show_figure(plot_strength_map(x, L, kind))

    return widgets.interactive(
        update,
        L=widgets.Dropdown(options=[16, 32, 64, 128, 256], value=128, description="L"),
        kind=widgets.Dropdown(options=options, value="tones", description=t("templates", "模板")),
    )
