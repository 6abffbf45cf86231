"""How separation is scored: SI-SNR, permutation-invariant training, ideal masks.

Used by chapter 06, by training (the loss) and by the evaluation (the results
table). Written out by hand because they are the lesson; the tests check them
against torchmetrics.
"""

from __future__ import annotations

from itertools import permutations

import torch

from .checks import as_float_tensor


def si_snr(estimate, reference, eps: float = 1e-8) -> torch.Tensor:
    """Scale-invariant signal-to-noise ratio in dB over the last axis.

    Both signals are made zero-mean; the reference part of the estimate is its
    projection ``s = <e, r> r / |r|^2``, the rest ``e - s`` is noise, and
    ``SI-SNR = 10 log10(|s|^2 / |e - s|^2)``. Scaling the estimate changes nothing.

    A quiet copy of the reference scores as high as a loud one; noise of a tenth
    the reference's amplitude, orthogonal to it, gives 20 dB:

    >>> r = torch.tensor([1.0, -1.0, 1.0, -1.0])
    >>> n = torch.tensor([1.0, 1.0, -1.0, -1.0])  # zero mean, orthogonal to r, same energy
    >>> round(float(si_snr(0.5 * r, r)))  # the reference itself, at half the level (capped by eps)
    80
    >>> round(float(si_snr(r + 0.1 * n, r)), 3), round(float(si_snr(r + n, r)), 3)
    (20.0, 0.0)
    """
    return _si_snr(*_checked_pair(estimate, reference), eps)


def si_snr_parts(estimate, reference, eps: float = 1e-8) -> tuple[torch.Tensor, torch.Tensor]:
    """The two parts :func:`si_snr` compares: ``(target, noise)``, with ``target + noise`` = the zero-mean estimate.

    ``target`` is the estimate's projection on the reference, ``noise`` the rest (what SI-SNR counts as error).

    >>> target, noise = si_snr_parts(torch.tensor([2.0, 0.0, -2.0, 0.0]), torch.tensor([1.0, 0.0, -1.0, 0.0]))
    >>> target.tolist(), noise.tolist()
    ([2.0, 0.0, -2.0, 0.0], [0.0, 0.0, 0.0, 0.0])
    """
    return _si_snr_parts(*_checked_pair(estimate, reference), eps)


def _checked_pair(estimate, reference) -> tuple[torch.Tensor, torch.Tensor]:
    e = as_float_tensor(estimate, "estimate")
    r = as_float_tensor(reference, "reference", dtype=e.dtype)
    if e.shape != r.shape:
        raise ValueError(f"estimate has shape {list(e.shape)} but reference has {list(r.shape)}; they must match")
    return e, r


def _si_snr_parts(e: torch.Tensor, r: torch.Tensor, eps: float = 1e-8) -> tuple[torch.Tensor, torch.Tensor]:
    e = e - e.mean(dim=-1, keepdim=True)
    r = r - r.mean(dim=-1, keepdim=True)
    target = (e * r).sum(-1, keepdim=True) / (r.pow(2).sum(-1, keepdim=True) + eps) * r
    return target, e - target


def _si_snr(e: torch.Tensor, r: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """:func:`si_snr` without the input checks: floating tensors of one shape and dtype (no NaN scan, no host sync)."""
    target, noise = _si_snr_parts(e, r, eps)
    return 10 * torch.log10((target.pow(2).sum(-1) + eps) / (noise.pow(2).sum(-1) + eps))


def _as_estimates_and_references(estimates, references) -> tuple[torch.Tensor, torch.Tensor]:
    """The public PIT functions' one input check: floating tensors (NumPy converted), finite, no dtype forced."""
    return as_float_tensor(estimates, "estimates"), as_float_tensor(references, "references")


def _pit_scores(estimates: torch.Tensor, references: torch.Tensor):
    """``(scores [M, P], perms)``: the mean SI-SNR of each of the P pairings of outputs to sources.

    No NaN scan (that would make a GPU wait on every training step): only the shape
    check, and ``references`` brought to the dtype of ``estimates``.
    """
    if estimates.dim() != 3 or estimates.shape != references.shape:
        raise ValueError(
            f"estimates {list(estimates.shape)} and references {list(references.shape)} must both be [M, S, T]"
        )
    references = references.to(estimates.dtype)
    S = estimates.shape[1]
    perms = list(permutations(range(S)))
    # [M, S_est, S_ref] SI-SNR of every pairing, computed once.
    M, _, T = estimates.shape
    pair = _si_snr(estimates.unsqueeze(2).expand(M, S, S, T), references.unsqueeze(1).expand(M, S, S, T))
    scores = torch.stack([pair[:, list(range(S)), list(p)].mean(-1) for p in perms], dim=-1)  # [M, P]
    return scores, perms


def _pit_si_snr(estimates: torch.Tensor, references: torch.Tensor):
    """:func:`pit_si_snr` for tensors that were checked already (shapes are still checked: that costs nothing)."""
    scores, perms = _pit_scores(estimates, references)
    best, index = scores.max(dim=-1)
    return best, torch.tensor(perms, device=index.device)[index]


def _pit_loss(estimates: torch.Tensor, references: torch.Tensor) -> torch.Tensor:
    """:func:`pit_loss` without the NaN scan, for the training loop (the model's output and a made batch)."""
    scores, _ = _pit_scores(estimates, references)
    return -scores.max(dim=-1).values.mean()


def pit_si_snr(estimates, references):
    """Utterance-level permutation invariant SI-SNR.

    ``estimates`` and ``references`` are ``[M, S, T]`` (tensors or NumPy arrays). The network's outputs have
    no fixed order, so each example is scored with the pairing of outputs to
    sources that gives the highest mean SI-SNR. Returns ``(si_snr [M], perms [M, S])``:
    ``perms[m, i]`` is the source matched with output ``i``.

    >>> sources = torch.tensor([[[1.0, -1.0, 1.0, -1.0], [1.0, 1.0, -1.0, -1.0]]])  # [1, 2, 4]
    >>> best, perms = pit_si_snr(sources[:, [1, 0]], sources)  # the outputs in the other order
    >>> perms.tolist()
    [[1, 0]]
    """
    estimates, references = _as_estimates_and_references(estimates, references)
    return _pit_si_snr(estimates, references)


def pit_loss(estimates, references) -> torch.Tensor:
    """Training loss: minus the batch mean of the permutation-invariant SI-SNR."""
    estimates, references = _as_estimates_and_references(estimates, references)
    return _pit_loss(estimates, references)


def si_snr_improvement(estimates, references, mixture) -> torch.Tensor:
    """SI-SNRi in dB per example: PIT SI-SNR of the estimates minus SI-SNR of the mixture itself.

    ``estimates``/``references`` ``[M, S, T]``, ``mixture`` ``[M, T]``; returns ``[M]``.
    """
    estimates, references = _as_estimates_and_references(estimates, references)
    mixture = as_float_tensor(mixture, "mixture")
    best, _ = _pit_si_snr(estimates, references)
    if mixture.dim() != 2:
        raise ValueError(f"mixture has shape {list(mixture.shape)}; expected [M, T] = {[references.shape[0], references.shape[2]]}")
    try:
        mixtures = mixture.unsqueeze(1).expand_as(references)
    except RuntimeError:
        raise ValueError(
            f"mixture has shape {list(mixture.shape)} but references have {list(references.shape)}; "
            f"expected the mixture [M, T] = {[references.shape[0], references.shape[2]]}"
        ) from None
    baseline = _si_snr(mixtures, references.to(mixtures.dtype)).mean(-1)
    return best - baseline


MASK_N_FFT = 256  # 32 ms at 8 kHz, as in the Conv-TasNet paper's ideal-mask baselines
MASK_HOP = 64  # 8 ms


def ideal_mask_separation(sources, kind: str = "irm", n_fft: int = MASK_N_FFT, hop: int = MASK_HOP) -> torch.Tensor:
    """Separate the mixture of ``sources [..., S, T]`` with an oracle STFT mask; returns ``[..., S, T]``.

    The masks use the true sources (oracle references, the usual yardstick for
    STFT-magnitude masking; not methods, and not an upper bound for other methods): ``irm`` = |S_i| / sum_j |S_j|, ``ibm`` = 1 where
    source i is the loudest, ``wfm`` = |S_i|^2 / sum_j |S_j|^2. Each mask
    multiplies the mixture's STFT (its phase is kept), then the inverse STFT
    gives the waveform. Hann window, ``n_fft`` samples, hop ``hop``.
    """
    sources = as_float_tensor(sources, "sources")
    if sources.dim() < 2:
        raise ValueError(f"sources have shape {list(sources.shape)}; expected [..., S, T]")
    *lead, S, T = sources.shape
    window = torch.hann_window(n_fft, dtype=sources.dtype, device=sources.device)

    def stft(x):
        return torch.stft(x.reshape(-1, T), n_fft, hop, window=window, center=True, return_complex=True)

    spec = stft(sources).view(*lead, S, n_fft // 2 + 1, -1)
    mix = spec.sum(dim=-3, keepdim=True)
    mag = spec.abs()
    if kind == "irm":
        mask = mag / (mag.sum(dim=-3, keepdim=True) + 1e-8)
    elif kind == "ibm":
        mask = (mag == mag.max(dim=-3, keepdim=True).values).to(sources.dtype)
    elif kind == "wfm":
        power = mag**2
        mask = power / (power.sum(dim=-3, keepdim=True) + 1e-8)
    else:
        raise ValueError(f"unknown mask kind {kind!r}; use 'irm', 'ibm' or 'wfm'")
    masked = (mask * mix).reshape(-1, n_fft // 2 + 1, spec.shape[-1])
    out = torch.istft(masked, n_fft, hop, window=window, center=True, length=T)
    return out.view(*lead, S, T)
