"""Step 2, template matching: each score is the dot product of a frame with a template.

Used by notebook ``02_template_matching`` (hand-made templates, three ways to
compute the same scores) and by 04 (tones as templates).
"""

from __future__ import annotations

import math

import torch

from .checks import as_float_tensor, check_size


def match_templates(frames, templates) -> torch.Tensor:
    """Scores ``[..., N, K]``: the dot product of every frame with every template.

    ``frames`` is ``[..., K, L]`` (from :func:`slice_frames`); ``templates`` is
    ``[N, L]``, or ``[N, C, L]`` for frames ``[..., C, K, L]`` of C-channel audio
    (then the channels are summed, as Conv1d does).
    """
    frames = as_float_tensor(frames, "frames")
    templates = as_float_tensor(templates, "templates", dtype=frames.dtype)
    if templates.dim() == 2:
        if frames.dim() < 2:
            raise ValueError(f"frames have shape {list(frames.shape)}; expected [..., K, L]")
        if frames.shape[-1] != templates.shape[-1]:
            raise ValueError(
                f"frames have length L={frames.shape[-1]} but templates have length {templates.shape[-1]}; "
                "slice with the templates' L"
            )
        return torch.einsum("...kl,nl->...nk", frames, templates)
    if templates.dim() == 3:
        C = templates.shape[1]
        if frames.dim() < 3 or frames.shape[-3] != C or frames.shape[-1] != templates.shape[-1]:
            raise ValueError(
                f"frames have shape {list(frames.shape)} but templates [N, C, L] = {list(templates.shape)}; "
                f"expected frames [..., {C}, K, {templates.shape[-1]}]"
            )
        return torch.einsum("...ckl,ncl->...nk", frames, templates)
    raise ValueError(f"templates have shape {list(templates.shape)}; expected [N, L] or [N, C, L]")


def match_templates_loop(frames, templates) -> torch.Tensor:
    """The same scores as :func:`match_templates` for ``[K, L]`` frames, one dot product at a time.

    Slow on purpose: it spells out what the convolution computes.
    """
    frames = as_float_tensor(frames, "frames")
    templates = as_float_tensor(templates, "templates", dtype=frames.dtype)
    K, N = frames.shape[0], templates.shape[0]
    scores = torch.zeros(N, K, dtype=frames.dtype)
    for n in range(N):
        for k in range(K):
            scores[n, k] = sum(float(a) * float(b) for a, b in zip(frames[k], templates[n]))
    return scores


def tone(frequency: float, L: int, sample_rate: int = 8000, phase: float = 0.0) -> torch.Tensor:
    """A template of L samples: ``cos(2*pi*f*t + phase)`` with unit energy."""
    L = check_size("L", L, 1)
    if not 0 <= frequency <= sample_rate / 2:
        raise ValueError(f"frequency {frequency} Hz is outside 0..{sample_rate / 2} Hz (the Nyquist range at {sample_rate} Hz)")
    t = torch.arange(L, dtype=torch.float64) / sample_rate
    wave = torch.cos(2 * math.pi * frequency * t + phase)
    return (wave / wave.norm()).float()


def click(L: int, position: int | None = None) -> torch.Tensor:
    """A template of L samples that is 1 at ``position`` (default: the middle) and 0 elsewhere."""
    L = check_size("L", L, 1)
    position = L // 2 if position is None else position
    if not 0 <= position < L:
        raise ValueError(f"click position {position} is outside the frame 0..{L - 1}")
    out = torch.zeros(L)
    out[position] = 1.0
    return out


def sine_wave(frequency: float, seconds: float, sample_rate: int = 8000, amplitude: float = 0.5) -> torch.Tensor:
    """A test signal: a sine of ``frequency`` Hz lasting ``seconds``."""
    n = int(round(seconds * sample_rate))
    t = torch.arange(n, dtype=torch.float64) / sample_rate
    return (amplitude * torch.sin(2 * math.pi * frequency * t)).float()
