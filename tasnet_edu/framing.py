"""Step 1, slicing: cut the waveform into frames of L samples, hop L // 2.

Used by notebook ``01_slicing`` (and 02, which scores these frames).
"""

from __future__ import annotations

import torch

from .checks import as_float_tensor, check_length, check_size


def hop_length(L: int) -> int:
    """The encoder's stride: ``L // 2``. For odd L the overlap is ``L - L // 2`` samples, a bit over 50%."""
    return check_size("L", L, 2) // 2


def num_frames(T: int, L: int) -> int:
    """K, the number of frames the encoder makes from T samples: ``(T - L) // (L // 2) + 1``.

    The seed's ``2T/L - 1`` is the special case where ``L // 2`` divides T; in
    general the samples after the last full frame are dropped.
    """
    T = check_size("T", T, 0)
    hop = hop_length(L)
    check_length(T, L)
    return (T - L) // hop + 1


def frame_starts(T: int, L: int) -> list[int]:
    """First sample of each frame: ``0, hop, 2*hop, ...`` (K of them)."""
    hop = hop_length(L)
    return [k * hop for k in range(num_frames(T, L))]


def dropped_samples(T: int, L: int) -> int:
    """How many trailing samples no frame covers (0 when the frames end exactly at T)."""
    K = num_frames(T, L)
    return T - ((K - 1) * hop_length(L) + L)


def slice_frames(x, L: int) -> torch.Tensor:
    """The explicit frames of ``x [..., T]``: a tensor ``[..., K, L]`` with hop ``L // 2``.

    Frame k is ``x[..., k*hop : k*hop + L]``; this is what the convolution sees.
    """
    hop = hop_length(L)
    x = as_float_tensor(x)
    if x.dim() == 0:
        raise ValueError("audio is a single number (0-D); expected a waveform [T] or a batch [..., T]")
    check_length(x.shape[-1], L)
    return x.unfold(-1, L, hop)
