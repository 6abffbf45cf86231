"""The hand-written SI-SNR and PIT (they are the lesson) agree with torchmetrics' implementations."""

import pytest
import torch
from torchmetrics.functional.audio import permutation_invariant_training, scale_invariant_signal_noise_ratio

from tasnet_edu.core.metrics import pit_si_snr, si_snr, si_snr_improvement


def _signals(*shape, seed=0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def test_si_snr_equals_torchmetrics():
    reference = _signals(4, 3, 800)
    estimate = reference + 0.3 * _signals(4, 3, 800, seed=1) + 0.5  # an offset too: both remove the mean
    assert torch.allclose(si_snr(estimate, reference), scale_invariant_signal_noise_ratio(estimate, reference), atol=1e-6)


@pytest.mark.parametrize("S", [2, 3])
def test_pit_equals_torchmetrics(S):
    references = _signals(5, S, 400)
    # Outputs in a shuffled order, each a noisy copy of one source.
    order = torch.stack([torch.randperm(S, generator=torch.Generator().manual_seed(i)) for i in range(5)])
    estimates = torch.stack([references[m, order[m]] for m in range(5)]) + 0.2 * _signals(5, S, 400, seed=2)
    ours, perm = pit_si_snr(estimates, references)
    theirs, their_perm = permutation_invariant_training(
        estimates, references, scale_invariant_signal_noise_ratio, mode="speaker-wise", eval_func="max")
    assert torch.allclose(ours, theirs, atol=1e-6)
    # Our perm[m, i] is the reference matched with output i; theirs[m, j] the output matched with reference j.
    assert torch.equal(torch.argsort(perm, dim=1), their_perm)


def test_pit_index_lives_on_the_inputs_device():
    estimates, references = _signals(2, 2, 100), _signals(2, 2, 100, seed=1)
    best, perm = pit_si_snr(estimates, references)
    assert perm.device == best.device == estimates.device  # built where the scores are (a GPU run stays there)


def test_si_snr_improvement_of_the_mixture_itself_is_zero():
    sources = _signals(3, 2, 500)
    mixture = sources.sum(1)
    estimates = mixture[:, None].expand_as(sources)
    assert torch.allclose(si_snr_improvement(estimates, sources, mixture), torch.zeros(3, dtype=torch.float64), atol=1e-9)
