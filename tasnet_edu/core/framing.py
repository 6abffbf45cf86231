"""Step 1, slicing: cut the waveform into frames of L samples, hop L // 2.

The formulas behind notebook ``01_slicing``: K, the hop, the overlap, the samples
no frame covers, and the frames themselves.
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

    >>> num_frames(8000, 16)  # one second at 8 kHz, 2 ms frames: 2 * 8000 / 16 - 1
    999
    >>> num_frames(100, 16), dropped_samples(100, 16)  # hop 8: frames start at 0, 8, ..., 80; samples 96..99 are left over
    (11, 4)
    """
    T = check_size("T", T, 0)
    hop = hop_length(L)
    check_length(T, L)
    return (T - L) // hop + 1


def dropped_samples(T: int, L: int) -> int:
    """How many trailing samples no frame covers (0 when the frames end exactly at T)."""
    K = num_frames(T, L)
    return T - ((K - 1) * hop_length(L) + L)


def slice_frames(x, L: int) -> torch.Tensor:
    """The explicit frames of ``x [..., T]``: a tensor ``[..., K, L]`` with hop ``L // 2``.

    Frame k is ``x[..., k*hop : k*hop + L]``; this is what the convolution sees.
    The frames are a copy (overlapping frames share samples, so a view would let
    a write to one frame change its neighbours and ``x``).

    >>> slice_frames(torch.arange(8.0), 4)  # hop 2: each frame shares 2 samples with the next
    tensor([[0., 1., 2., 3.],
            [2., 3., 4., 5.],
            [4., 5., 6., 7.]])
    """
    hop = hop_length(L)
    x = as_float_tensor(x)
    if x.dim() == 0:
        raise ValueError("audio is a single number (0-D); expected a waveform [T] or a batch [..., T]")
    check_length(x.shape[-1], L)
    return x.unfold(-1, L, hop).clone()
