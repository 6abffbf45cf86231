"""Plot helpers shared by every chapter: the course style, the figure registry, waveforms and dB maps.

Chapter figures live in the chapter's module and are registered with
:func:`figure`, so ``./course figures`` regenerates them. Labels
go through :func:`tasnet_edu.ui.i18n.t`. Every time-frequency map is drawn in dB
with :func:`to_db` (one convention, one colour-bar label).
"""

from __future__ import annotations

import contextlib

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from .i18n import t

FIGURES: dict = {}  # name -> function() -> Figure; filled by @figure in the chapter modules
DYNAMIC_RANGE_DB = 50.0  # maps are drawn from their loudest entry down to 50 dB below it

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (8, 3),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "font.size": 10,
    "image.cmap": "magma",
    "svg.hashsalt": "tasnet-edu",
}


def figure(name: str):
    """Register a function that draws one of the course figures (``figures/<lang>/<name>.png``)."""

    def register(fn):
        FIGURES[name] = fn
        return fn

    return register


def style() -> None:
    """The course's matplotlib look from now on (a notebook's first cell); see :func:`course_style` for a block."""
    matplotlib.rcParams.update(STYLE)


def course_style() -> contextlib.AbstractContextManager:
    """The course's matplotlib look inside a ``with`` block only (rcParams restored after)."""
    return matplotlib.rc_context(STYLE)


def show_figure(fig):
    """Show ``fig`` now, outside pyplot's bookkeeping; for widget update functions.

    The figure is closed in pyplot first, so nothing else (e.g. the inline backend
    flushing figures on another kernel thread while a slider moves) can draw it at
    the same time and send a blank or half-drawn image. Returns ``fig``.
    """
    from IPython.display import display

    plt.close(fig)
    display(fig)
    return fig


def to_numpy(x) -> np.ndarray:
    return x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)


def to_db(values, top_db: float = DYNAMIC_RANGE_DB) -> np.ndarray:
    """Amplitudes in dB below the largest one, floored at ``-top_db`` (so exact zeros are drawable).

    ``librosa.amplitude_to_db(|values|, ref=np.max, top_db=top_db)``; a map of
    zeros gives ``-top_db`` everywhere.
    """
    import librosa

    v = np.abs(to_numpy(values).astype(np.float64))
    if not v.max(initial=0.0) > 0:
        return np.full(v.shape, -top_db)
    return librosa.amplitude_to_db(v, ref=np.max, amin=1e-12, top_db=top_db)


def plot_waveform(audio, sample_rate: int = SAMPLE_RATE, ax=None, title: str | None = None, **kwargs):
    """Waveform against time in seconds; returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 2.2), layout="constrained")
    y = to_numpy(audio)
    ax.plot(np.arange(len(y)) / sample_rate, y, lw=0.7, **kwargs)
    ax.set_xlabel(t("time (s)", "时间（秒）"))
    ax.set_ylabel(t("amplitude", "振幅"))
    if title:
        ax.set_title(title)
    return ax


def plot_map(values, ax=None, hop_seconds: float | None = None, ylabel: str | None = None, title: str | None = None,
             db: bool = False, colorbar: bool = True, extent_y=None, **kwargs):
    """Draw a ``[rows, frames]`` map (strength map, spectrogram, masks) with time on x; returns the image.

    ``db=True`` draws :func:`to_db` of the map on a fixed scale (0 to ``-DYNAMIC_RANGE_DB``)
    with the course's colour-bar label.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3), layout="constrained")
    v = to_numpy(values).astype(np.float64)
    if db:
        v = to_db(v)
        kwargs = {"vmin": -DYNAMIC_RANGE_DB, "vmax": 0, **kwargs}
    K = v.shape[1]
    x_end = K * hop_seconds if hop_seconds else K
    y0, y1 = extent_y if extent_y is not None else (-0.5, v.shape[0] - 0.5)
    im = ax.imshow(v, origin="lower", aspect="auto", interpolation="nearest", extent=(0, x_end, y0, y1), **kwargs)
    ax.set_xlabel(t("time (s)", "时间（秒）") if hop_seconds else t("frame k", "帧序号 k"))
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(im, ax=ax, pad=0.01, label=db_label() if db else None)
    return im


def annotated_heatmap(ax, values, vmax: float, fmt=lambda v: f"{v:g}", cmap: str = "magma", fontsize: float = 10):
    """A small ``[rows, columns]`` table drawn as coloured cells with each value written in its cell; returns the image.

    Rows run top to bottom as in a printed table; colours go from 0 to ``vmax``. ``fmt(value)`` is the text of a
    cell, black on cells above ``0.55 * vmax`` (bright in the course's colour maps) and white on darker ones.
    """
    v = to_numpy(values)
    im = ax.imshow(v, origin="upper", cmap=cmap, vmin=0, vmax=vmax, aspect="auto")
    for (i, j), value in np.ndenumerate(v):
        ax.text(j, i, fmt(value), ha="center", va="center", fontsize=fontsize,
                color="black" if value > 0.55 * vmax else "white")
    return im


def db_label() -> str:
    """The colour-bar label of every dB map."""
    return t("dB below the loudest entry", "相对最大值（dB）")
