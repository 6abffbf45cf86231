"""Fourier bases as fixed conv kernels, and the frequency response of any kernel.

Used by chapters 04 (the STFT is one fixed choice of templates, and
``conv1d`` with these kernels equals ``torch.stft``), 05 (learned kernels sorted
by frequency and compared with these) and the STFT encoder of chapter 06.
"""

from __future__ import annotations

import math

import torch

from .audio import SAMPLE_RATE
from .checks import as_float_tensor, as_waveform, check_length, check_size


def make_window(L: int, window=None) -> torch.Tensor:
    """A window of L samples: ``None``/"hann", "boxcar", or a tensor (or NumPy array) of L weights.

    "hann" is the *periodic* Hann window: ``torch.hann_window(L)`` and librosa's
    ``window="hann"`` (scipy's ``get_window("hann", L, fftbins=True)``), not the
    symmetric ``np.hanning(L)``; so the kernels reproduce ``torch.stft`` and
    ``librosa.stft`` (``tests/test_fourier.py`` checks both).
    """
    if window is None or (isinstance(window, str) and window == "hann"):
        return torch.hann_window(L, dtype=torch.float64)
    if isinstance(window, str) and window in ("boxcar", "rect", "rectangular"):
        return torch.ones(L, dtype=torch.float64)
    if isinstance(window, str):
        raise ValueError(f"unknown window {window!r}; use 'hann', 'boxcar' or a tensor of {L} samples")
    w = as_float_tensor(window, "window").to(torch.float64)
    if w.shape != (L,):
        raise ValueError(f"window has shape {list(w.shape)}; expected [{L}] (one weight per sample of the frame)")
    return w


def stft_kernels(L: int, window=None, n_fft: int | None = None) -> torch.Tensor:
    """STFT bases as conv kernels ``[2 * (L // 2 + 1), 1, L]``: real parts, then imaginary parts.

    Row k (k = 0..L//2) is ``w[n] * cos(2*pi*k*n/L)``, row ``L//2 + 1 + k`` is
    ``-w[n] * sin(2*pi*k*n/L)``, so ``conv1d(x, stft_kernels(L), stride=L // 2)``
    gives the real and imaginary parts of
    ``torch.stft(x, n_fft=L, hop_length=L // 2, window=hann_window(L), center=False)``.

    ``n_fft > L`` samples the frequency axis more finely (``n_fft // 2 + 1`` frequencies, still
    ``L``-sample kernels): a fixed bank with as many channels as a learned one, as in Pariente et al. (2020).

    >>> stft_kernels(16).shape  # 9 frequencies (0, 500, ..., 4000 Hz at 8 kHz), real and imaginary
    torch.Size([18, 1, 16])
    >>> stft_kernels(16, n_fft=62).shape  # 32 frequencies: 64 kernels, as many as the learned encoder's N
    torch.Size([64, 1, 16])
    """
    L = check_size("L", L, 2)
    n_fft = L if n_fft is None else check_size("n_fft", n_fft, L)
    w = make_window(L, window)
    n = torch.arange(L, dtype=torch.float64)
    k = torch.arange(n_fft // 2 + 1, dtype=torch.float64)
    angle = 2 * math.pi * k[:, None] * n[None, :] / n_fft
    real = w * torch.cos(angle)
    imag = -w * torch.sin(angle)
    return torch.cat([real, imag]).unsqueeze(1).float()


def _as_kernel_matrix(kernels) -> torch.Tensor:
    k = as_float_tensor(kernels, "kernels")
    if k.dim() == 3:
        k = k.sum(dim=1) if k.shape[1] > 1 else k[:, 0]
    if k.dim() != 2 or k.shape[0] == 0:
        raise ValueError(f"kernels have shape {list(k.shape)}; expected [N, L] or [N, C, L]")
    return k.detach()


def frequency_response(kernels, sample_rate: int = SAMPLE_RATE, n_fft: int = 512):
    """Magnitude spectrum of each kernel via a zero-padded FFT.

    Returns ``(frequencies [F], magnitudes [N, F])`` with ``F = n_fft // 2 + 1``.
    Multi-channel kernels ``[N, C, L]`` are summed over channels first.
    """
    k = _as_kernel_matrix(kernels)
    n_fft = check_size("n_fft", n_fft, 1)
    sample_rate = check_size("sample_rate", sample_rate, 1)
    if n_fft < k.shape[-1]:
        raise ValueError(f"n_fft={n_fft} is shorter than the kernels (L={k.shape[-1]}); use n_fft >= L")
    magnitudes = torch.fft.rfft(k.double(), n=n_fft).abs().float()
    frequencies = torch.fft.rfftfreq(n_fft, d=1.0 / sample_rate).float()
    return frequencies, magnitudes


def peak_frequency(kernels, sample_rate: int = SAMPLE_RATE, n_fft: int = 512) -> torch.Tensor:
    """The frequency (Hz) where each kernel's magnitude spectrum peaks, ``[N]``.

    A cosine of bin 2 peaks at 2 * 8000 / 16 = 1000 Hz:

    >>> peak_frequency(torch.cos(2 * math.pi * 2 * torch.arange(16.0) / 16)[None], n_fft=16)
    tensor([1000.])
    """
    frequencies, magnitudes = frequency_response(kernels, sample_rate, n_fft)
    return frequencies[magnitudes.argmax(dim=-1)]


def sort_by_frequency(kernels, sample_rate: int = SAMPLE_RATE, n_fft: int = 512) -> torch.Tensor:
    """Indices that order kernels from low to high peak frequency (stable, so ties keep their order)."""
    return torch.sort(peak_frequency(kernels, sample_rate, n_fft), stable=True).indices


def spectrogram(x, L: int) -> torch.Tensor:
    """``|torch.stft|`` of one waveform ``[T]``: Hann window of L samples, hop ``L // 2``, no padding; ``[L//2+1, K]``.

    Same frames as the encoder (``center=False``), so column k of the
    spectrogram and of the strength map see the same samples.
    """
    return stft_reference(x, L).abs()


def stft_reference(x, L: int) -> torch.Tensor:
    """``torch.stft(x, n_fft=L, hop_length=L // 2, window=hann_window(L), center=False)``, complex ``[L//2+1, K]``.
    """
    x = as_waveform(x)
    L = check_size("L", L, 2)
    check_length(x.shape[-1], L)
    return torch.stft(
        x, n_fft=L, hop_length=L // 2, window=torch.hann_window(L, dtype=x.dtype), center=False, return_complex=True
    )
