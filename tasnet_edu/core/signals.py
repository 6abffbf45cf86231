"""Test signals and templates: tones, clicks, sines, random templates, silence trimming, the loudest window.

Small building blocks that several chapters share (02 scores tones and clicks, 03
uses sine templates and random ones, 04 uses banks of tones). Compute only: no
plotting, no language.
"""

from __future__ import annotations

import math

import torch

from .audio import SAMPLE_RATE
from .checks import as_float_tensor, check_size


def tone(frequency: float, L: int, sample_rate: int = SAMPLE_RATE, phase: float = 0.0) -> torch.Tensor:
    """A template of L samples: ``cos(2*pi*f*t + phase)`` with unit energy."""
    L = check_size("L", L, 1)
    if not 0 <= frequency <= sample_rate / 2:
        raise ValueError(f"frequency {frequency} Hz is outside 0..{sample_rate / 2} Hz (the Nyquist range at {sample_rate} Hz)")
    t = torch.arange(L, dtype=torch.float64) / sample_rate
    wave = torch.cos(2 * math.pi * frequency * t + phase)
    if wave.norm() < 1e-6 * math.sqrt(L):  # e.g. the Nyquist frequency at phase pi/2: all samples are 0
        raise ValueError(
            f"a {frequency} Hz tone with phase {phase} is zero at every one of the {L} samples; "
            "pick another phase (e.g. 0) or frequency"
        )
    return (wave / wave.norm()).float()


def click(L: int, position: int | None = None) -> torch.Tensor:
    """A template of L samples that is 1 at ``position`` (default: the middle) and 0 elsewhere."""
    L = check_size("L", L, 1)
    position = L // 2 if position is None else check_size("position", position, 0)
    if not 0 <= position < L:
        raise ValueError(f"click position {position} is outside the frame 0..{L - 1}")
    out = torch.zeros(L)
    out[position] = 1.0
    return out


def sine_wave(frequency: float, seconds: float, sample_rate: int = SAMPLE_RATE, amplitude: float = 0.5) -> torch.Tensor:
    """A test signal: a sine of ``frequency`` Hz lasting ``seconds``."""
    n = int(round(seconds * sample_rate))
    if n < 1:
        raise ValueError(f"seconds={seconds} gives {n} samples at {sample_rate} Hz; use a positive duration")
    t = torch.arange(n, dtype=torch.float64) / sample_rate
    return (amplitude * torch.sin(2 * math.pi * frequency * t)).float()


def sine_template(frequency: float, L: int, sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """A unit-energy *sine* template ``sin(2*pi*f*t)`` of L samples (``tone`` with phase -90°). Used by ``03_relu``."""
    return tone(frequency, L, sample_rate, phase=-math.pi / 2)


def sine_frame(frequency: float, L: int, shift: float = 0.0, sample_rate: int = SAMPLE_RATE, amplitude: float = 0.5):
    """L samples of a sine of ``frequency`` Hz, delayed by ``shift`` periods (0.5 = half a period).

    A sine delayed by half a period is the same sine upside down: every sample
    changes sign, so every score does too. Used by notebook ``03_relu``.
    """
    L = check_size("L", L, 1)
    if not 0 < frequency <= sample_rate / 2:
        raise ValueError(
            f"frequency {frequency} Hz must be in (0, {sample_rate / 2}] Hz (the Nyquist range at {sample_rate} Hz)"
        )
    n = torch.arange(L, dtype=torch.float64)
    return (amplitude * torch.sin(2 * math.pi * (frequency * n / sample_rate - shift))).float()


def random_templates(N: int, L: int, seed: int = 0) -> torch.Tensor:
    """N random templates ``[N, L]`` (Gaussian noise), each scaled to unit length like ``tone``.

    An untrained encoder's templates are random numbers; these are seeded, so
    every run draws the same ones. Used by ``03_relu`` and ``04_strength_map``.
    """
    N, L = check_size("N", N, 1), check_size("L", L, 1)
    g = torch.Generator().manual_seed(seed)
    u = torch.randn(N, L, generator=g, dtype=torch.float64)
    return (u / u.norm(dim=1, keepdim=True)).float()


def tone_templates(
    N: int, L: int, fmin: float = 0.0, fmax: float | None = None, sample_rate: int = SAMPLE_RATE
) -> torch.Tensor:
    """N unit-energy cosine templates ``[N, L]`` at evenly spaced frequencies, from ``fmin`` up to ``fmax``.

    ``fmax`` defaults to the Nyquist frequency ``sample_rate / 2``. Row n is
    ``tone(f_n, L)``, so the rows are already sorted low to high and the map
    reads like a spectrogram. Used by notebook ``04_strength_map``.
    """
    N = check_size("N", N, 1)
    fmax = sample_rate / 2 if fmax is None else fmax
    if not 0 <= fmin <= fmax <= sample_rate / 2:
        raise ValueError(f"need 0 <= fmin <= fmax <= {sample_rate / 2} Hz (Nyquist); got fmin={fmin}, fmax={fmax}")
    frequencies = torch.linspace(fmin, fmax, N, dtype=torch.float64)
    return torch.stack([tone(float(f), L, sample_rate) for f in frequencies])


def tone_frequencies(
    N: int, fmin: float = 0.0, fmax: float | None = None, sample_rate: int = SAMPLE_RATE
) -> torch.Tensor:
    """The frequencies (Hz) of :func:`tone_templates` with the same arguments, ``[N]``. Used by ``04_strength_map``."""
    N = check_size("N", N, 1)
    fmax = sample_rate / 2 if fmax is None else fmax
    return torch.linspace(fmin, fmax, N, dtype=torch.float64).float()


def trim_silence(x, threshold: float = 0.0) -> torch.Tensor:
    """Cut the leading and trailing samples with ``|x| <= threshold`` from a waveform ``[T]``.

    The shipped clips start and end with digital silence (exact zeros); every
    frame there scores exactly 0, which would hide what the ReLU does. Used by
    notebooks ``03_relu`` and ``04_strength_map`` (through :func:`example_clip`).
    """
    x = as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; trim_silence expects one waveform [T]")
    if threshold < 0:
        raise ValueError(f"threshold must be >= 0, got {threshold}")
    loud = torch.nonzero(x.abs() > threshold).flatten()
    if len(loud) == 0:
        raise ValueError(f"the audio is silent (no sample above {threshold}); pick a clip that contains sound")
    return x[int(loud[0]) : int(loud[-1]) + 1]


def loudest_start(x, length: int, hop: int | None = None) -> int:
    """Start of the ``length``-sample window with the most energy (windows every ``hop`` samples).

    Picks the voiced speech that notebooks 00 (zoom), 01 and 02 show.
    """
    x = as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T]")
    length = check_size("length", length, 1)
    hop = check_size("hop", hop if hop is not None else max(1, length // 2), 1)
    if x.shape[0] < length:
        raise ValueError(f"audio has {x.shape[0]} samples, shorter than the window of {length}; pass a longer clip")
    energy = x.unfold(0, length, hop).pow(2).sum(-1)
    return int(torch.argmax(energy)) * hop
