"""The TasNet encoder: Conv1d (slice + template matching) then ReLU (keep positive scores).

The whole subject of the course: chapters 01-04 take it apart step by step, 05
looks at what its templates learn, 06 puts it inside a separator. Also here: the
fixed STFT encoder it is compared with, and an encoder built from any templates.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from .checks import as_batch, as_float_tensor, check_size
from .fourier import stft_kernels


class Encoder(nn.Module):
    """``ReLU(Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False))``.

    Same parameters and numbers as the seed document's class (its state dict
    loads here), plus input checks and the ``[M, T]`` form for mono audio.

    Args:
        L: frame length in samples (the kernel size). The hop is ``L // 2``: 50%
            overlap for even L; for odd L, frames overlap by ``L - L // 2``
            samples (e.g. L=5: hop 2, 3 samples shared, 60%).
        N: number of templates (output channels).
        audio_channels: channels of the input audio (1 = mono).

    Input ``[M, C, T]`` (or ``[M, T]`` if ``audio_channels == 1``), output
    ``[M, N, K]`` with ``K = (T - L) // (L // 2) + 1``:

    >>> encoder = Encoder(L=16, N=64)
    >>> encoder(torch.zeros(3, 8000)).shape  # one second at 8 kHz: K = (8000 - 16) // 8 + 1 = 999
    torch.Size([3, 64, 999])
    >>> encoder
    Encoder(
      L=16, N=64, audio_channels=1, hop=8
      (conv1d_U): Conv1d(1, 64, kernel_size=(16,), stride=(8,), bias=False)
    )
    """

    def __init__(self, L: int, N: int, audio_channels: int = 1, relu: bool = True):
        super().__init__()
        self.relu = relu  # False: Conv-TasNet's final linear encoder (for the comparison in chapter 06)
        self.L = check_size("L", L, 2)
        self.N = check_size("N", N, 1)
        self.audio_channels = check_size("audio_channels", audio_channels, 1)
        self.conv1d_U = nn.Conv1d(self.audio_channels, self.N, kernel_size=self.L, stride=self.L // 2, bias=False)

    @property
    def templates(self) -> torch.Tensor:
        """The N learned templates ``[N, C, L]`` (the conv weights)."""
        return self.conv1d_U.weight

    def scores(self, mixture) -> torch.Tensor:
        """Template-matching scores before the ReLU, ``[M, N, K]`` (may be negative)."""
        x = as_batch(mixture, self.audio_channels, self.L, dtype=self.conv1d_U.weight.dtype)
        return self.conv1d_U(x)

    def forward(self, mixture) -> torch.Tensor:
        """``[M, T]`` or ``[M, C, T]`` -> strength map ``mixture_w [M, N, K]``, all >= 0."""
        scores = self.scores(mixture)
        return F.relu(scores) if self.relu else scores

    def transform(self, x: torch.Tensor) -> torch.Tensor:
        """``forward`` without the input checks, for a model that checked ``x [M, C, T]`` once already."""
        scores = self.conv1d_U(x)
        return F.relu(scores) if self.relu else scores

    def extra_repr(self) -> str:
        return f"L={self.L}, N={self.N}, audio_channels={self.audio_channels}, hop={self.L // 2}" + ("" if self.relu else ", relu=False")


def encoder_from_templates(templates) -> Encoder:
    """An :class:`~tasnet_edu.Encoder` whose conv weights are ``templates`` (``[N, L]`` or ``[N, C, L]``).

    The encoder accepts *any* templates: random, tones, Fourier bases (``stft_kernels``)
    or learned ones. L and N are read from the shape; the weights are copied.
    """
    u = as_float_tensor(templates, "templates", dtype=torch.float32)
    if u.dim() == 2:
        u = u.unsqueeze(1)
    if u.dim() != 3 or u.shape[0] == 0 or u.shape[1] == 0:
        raise ValueError(f"templates have shape {list(u.shape)}; expected [N, L] or [N, C, L] with N >= 1")
    N, C, L = u.shape
    if L < 2:
        raise ValueError(f"templates have length L={L}; the encoder needs L >= 2 (its hop is L // 2)")
    encoder = Encoder(L, N, audio_channels=C)
    with torch.no_grad():
        encoder.conv1d_U.weight.copy_(u)
    return encoder.requires_grad_(False)


class STFTEncoder(nn.Module):
    """Fixed encoder: Hann-windowed Fourier kernels (``stft_kernels``), real and imaginary parts.

    No ReLU: Fourier coefficients are signed, and clipping them would throw away phase.
    Mono only. Input ``[M, T]`` or ``[M, 1, T]``, checked as :class:`Encoder` checks it; output
    ``[M, N, K]`` with ``N = 2 * (n_fft // 2 + 1)`` (real parts, then imaginary parts) and the
    Encoder's K, hop ``L // 2``:

    >>> STFTEncoder(16)
    STFTEncoder(L=16, n_fft=16, N=18, hop=8)
    >>> STFTEncoder(16)(torch.zeros(2, 100)).shape
    torch.Size([2, 18, 11])
    """

    def __init__(self, L: int, n_fft: int | None = None):
        super().__init__()
        self.L = check_size("L", L, 2)
        self.n_fft = self.L if n_fft is None else check_size("n_fft", n_fft, self.L)
        self.register_buffer("kernels", stft_kernels(self.L, n_fft=self.n_fft))
        self.N = self.kernels.shape[0]

    @property
    def templates(self) -> torch.Tensor:
        """The fixed templates ``[N, 1, L]``, named as :attr:`Encoder.templates` so both encoders read alike."""
        return self.kernels

    def forward(self, mixture) -> torch.Tensor:
        """``[M, T]`` or ``[M, 1, T]`` -> Fourier coefficients ``[M, N, K]``, after the checks of :meth:`Encoder.forward`."""
        return self.transform(as_batch(mixture, 1, self.L, dtype=self.kernels.dtype))

    def transform(self, x: torch.Tensor) -> torch.Tensor:
        """``forward`` without the input checks, for a model that checked ``x [M, 1, T]`` once already (TinyTasNet)."""
        return F.conv1d(x, self.kernels, stride=self.L // 2)

    def extra_repr(self) -> str:
        return f"L={self.L}, n_fft={self.n_fft}, N={self.N}, hop={self.L // 2}"
