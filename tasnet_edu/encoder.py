"""The TasNet encoder: Conv1d (slice + template matching) then ReLU (keep positive scores).

The whole subject of the course: chapters 01-04 take it apart step by step,
05 looks at what its templates learn, 06 puts it inside a separator.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from .checks import as_batch, check_size


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
    ``[M, N, K]`` with ``K = (T - L) // (L // 2) + 1``.
    """

    def __init__(self, L: int, N: int, audio_channels: int = 1):
        super().__init__()
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
        return F.relu(self.scores(mixture))

    def extra_repr(self) -> str:
        return f"L={self.L}, N={self.N}, audio_channels={self.audio_channels}, hop={self.L // 2}"
