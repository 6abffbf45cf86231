"""Plot helpers shared by every chapter: figure style, waveforms and time-frequency maps.

Chapter-specific figures live in the chapter's module (``framing``, ``matching``,
...) and are registered with :func:`figure` so ``python -m tasnet_edu.figures``
regenerates them. Labels go through :func:`tasnet_edu.language.t`.
"""

from __future__ import annotations

import matplotlib

import matplotlib.pyplot as plt
import numpy as np
import torch

from .language import t

FIGURES: dict = {}  # name -> function(language) -> Figure; filled by @figure in the chapter modules


def figure(name: str):
    """Register a function that draws one of the course figures (``figures/<lang>/<name>.png``)."""

    def register(fn):
        FIGURES[name] = fn
        return fn

    return register


def style() -> None:
    """The course's matplotlib look: readable sizes, no top/right spines, fixed DPI."""
    matplotlib.rcParams.update(
        {
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
    )


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


def plot_waveform(audio, sample_rate: int = 8000, ax=None, title: str | None = None, **kwargs):
    """Waveform against time in seconds; returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 2.2), layout="constrained")
    y = to_numpy(audio)
    ax.plot(np.arange(len(y)) / sample_rate, y, lw=0.7, **kwargs)
    ax.set_xlabel(t("time (s)", "时间（秒）"))
    ax.set_ylabel(t("amplitude", "幅度"))
    if title:
        ax.set_title(title)
    return ax


def plot_map(values, ax=None, hop_seconds: float | None = None, ylabel: str | None = None, title: str | None = None,
             log: bool = False, colorbar: bool = True, extent_y=None, **kwargs):
    """Draw a ``[rows, frames]`` map (strength map, spectrogram) with time on x; returns the image."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3), layout="constrained")
    v = to_numpy(values).astype(np.float64)
    if log:
        v = 20 * np.log10(np.maximum(v, 1e-4 * max(v.max(), 1e-12)))
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
        ax.figure.colorbar(im, ax=ax, pad=0.01, label=t("dB", "分贝 (dB)") if log else None)
    return im
