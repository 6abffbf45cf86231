"""Step 2, template matching: each score is the dot product of a frame with a template.

Three implementations of the same computation (notebook ``02_template_matching``):
a Python loop, ``slice_frames`` + einsum, and one ``conv1d`` call.
"""

from __future__ import annotations

import torch

from .checks import as_float_tensor
from .framing import hop_length, num_frames


def match_templates(frames, templates) -> torch.Tensor:
    """Scores ``[..., N, K]``: the dot product of every frame with every template.

    ``frames`` is ``[..., K, L]`` (from :func:`slice_frames`); ``templates`` is
    ``[N, L]``, or ``[N, C, L]`` for frames ``[..., C, K, L]`` of C-channel audio
    (then the channels are summed, as Conv1d does).

    A template scores high on the frame it looks like, negative on its opposite:

    >>> frames = torch.tensor([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0]])  # K=3 frames of L=2
    >>> templates = torch.tensor([[1.0, -1.0], [0.5, 0.5]])  # N=2: a "jump down" and an average
    >>> match_templates(frames, templates)
    tensor([[ 0.,  2., -2.],
            [ 1.,  0.,  0.]])
    """
    frames = as_float_tensor(frames, "frames")
    templates = as_float_tensor(templates, "templates", dtype=frames.dtype)
    if templates.dim() in (2, 3) and templates.numel() == 0:
        raise ValueError(f"templates have shape {list(templates.shape)}: nothing to match; expected N >= 1 templates of L >= 1 samples")
    if frames.numel() == 0:
        raise ValueError(f"frames have shape {list(frames.shape)}: no frames; slice audio of at least L samples")
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
    hint = " (one template: templates.unsqueeze(0) gives [1, L])" if templates.dim() == 1 else ""
    raise ValueError(f"templates have shape {list(templates.shape)}; expected [N, L] or [N, C, L]{hint}")


def match_templates_loop(frames, templates) -> torch.Tensor:
    """The same scores as :func:`match_templates` for ``[K, L]`` frames, one dot product at a time.

    Slow on purpose: it spells out what the convolution computes.
    """
    frames = as_float_tensor(frames, "frames")
    templates = as_float_tensor(templates, "templates", dtype=frames.dtype)
    if frames.dim() != 2 or templates.dim() != 2:
        raise ValueError(
            f"frames {list(frames.shape)} and templates {list(templates.shape)}: the loop takes frames [K, L] "
            "and templates [N, L] (use match_templates for batches and channels)"
        )
    if frames.shape[1] != templates.shape[1]:
        raise ValueError(
            f"frames have length L={frames.shape[1]} but templates have length {templates.shape[1]}; "
            "slice with the templates' L"
        )
    K, N = frames.shape[0], templates.shape[0]
    scores = torch.zeros(N, K, dtype=frames.dtype)
    for n in range(N):
        for k in range(K):
            scores[n, k] = sum(float(a) * float(b) for a, b in zip(frames[k], templates[n]))
    return scores


def match_with_conv(x, templates) -> torch.Tensor:
    """The same scores with one call to ``torch.nn.functional.conv1d``, templates as the conv weights (notebook 02).

    ``x`` is ``[T]`` (scores ``[N, K]``) or ``[M, T]`` (scores ``[M, N, K]``);
    ``templates`` is ``[N, L]``. Stride ``L // 2``, no bias: the Encoder's conv without the ReLU.

    The same numbers as slicing, then matching:

    >>> from tasnet_edu.core.framing import slice_frames
    >>> x, templates = torch.arange(8.0), torch.tensor([[1.0, 0.0, 0.0, -1.0], [1.0, 0.0, 0.0, 1.0]])
    >>> match_with_conv(x, templates)  # frames start at 0, 2, 4: first minus last sample, first plus last
    tensor([[-3., -3., -3.],
            [ 3.,  7., 11.]])
    >>> torch.equal(match_with_conv(x, templates), match_templates(slice_frames(x, 4), templates))
    True
    """
    x = as_float_tensor(x)
    templates = as_float_tensor(templates, "templates", dtype=x.dtype)
    if templates.dim() != 2:
        raise ValueError(f"templates have shape {list(templates.shape)}; expected [N, L]")
    if x.dim() not in (1, 2):
        raise ValueError(f"audio has shape {list(x.shape)}; expected [T] or [M, T]")
    L = templates.shape[1]
    num_frames(x.shape[-1], L)  # clear error when T < L
    batch = x.reshape(-1, 1, x.shape[-1])
    scores = torch.nn.functional.conv1d(batch, templates.unsqueeze(1), stride=hop_length(L))
    return scores[0] if x.dim() == 1 else scores
