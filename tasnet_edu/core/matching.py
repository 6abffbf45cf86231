"""Step 2, template matching: each score is the dot product of a frame with a template.

The reference that notebook ``02_template_matching`` checks its loop, matmul,
einsum and ``conv1d`` versions against (written in the notebook's cells).
"""

from __future__ import annotations

import torch

from .checks import as_float_tensor


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
