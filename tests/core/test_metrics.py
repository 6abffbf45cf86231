"""The hand-written SI-SNR and PIT (they are the lesson) agree with torchmetrics' implementations, and check their input."""

import numpy as np
import pytest
import torch
from torchmetrics.functional.audio import permutation_invariant_training, scale_invariant_signal_noise_ratio

from tasnet_edu.core import metrics
from tasnet_edu.core.metrics import (
    ideal_mask_separation,
    pit_loss,
    pit_si_snr,
    si_snr,
    si_snr_improvement,
    si_snr_parts,
)


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


# NumPy input and bad input: the PIT functions check their inputs like si_snr does -------------------------------

def _pit_case():
    references = _signals(3, 2, 300)
    estimates = references[:, [1, 0]] + 0.3 * _signals(3, 2, 300, seed=1)
    return estimates, references, references.sum(1)


def test_pit_functions_take_numpy_and_give_the_tensor_numbers():
    estimates, references, mixture = _pit_case()
    best, perm = pit_si_snr(estimates.numpy(), references.numpy())
    expected_best, expected_perm = pit_si_snr(estimates, references)
    assert torch.equal(best, expected_best) and torch.equal(perm, expected_perm)
    assert torch.equal(pit_loss(estimates.numpy(), references.numpy()), pit_loss(estimates, references))
    assert torch.equal(si_snr_improvement(estimates.numpy(), references.numpy(), mixture.numpy()),
                       si_snr_improvement(estimates, references, mixture))
    # float32 arrays against float64 tensors: the references follow the estimates' dtype, as before
    assert torch.equal(pit_loss(estimates.float().numpy(), references), pit_loss(estimates.float(), references))


@pytest.mark.parametrize("function", ["pit_si_snr", "pit_loss", "si_snr_improvement"])
@pytest.mark.parametrize("bad, name, fragments", [
    ("list", "estimates", ["estimates must be a torch.Tensor or NumPy array, got list", "torch.as_tensor(estimates"]),
    ("int", "references", ["references has dtype torch.int16 (NumPy)", "x.astype(np.float32) / 32768"]),
    ("nan", "estimates", ["estimates contains 1 NaN", "torch.nan_to_num(estimates)"]),
])
def test_pit_functions_give_the_clear_errors_for_bad_input(function, bad, name, fragments):
    estimates, references, mixture = _pit_case()
    args = {"estimates": estimates, "references": references}
    if bad == "list":
        args[name] = args[name].tolist()
    elif bad == "int":
        args[name] = (args[name].numpy() * 1000).astype(np.int16)
    else:
        args[name] = args[name].clone()
        args[name][0, 0, 5] = float("nan")
    call = {"pit_si_snr": lambda: pit_si_snr(**args), "pit_loss": lambda: pit_loss(**args),
            "si_snr_improvement": lambda: si_snr_improvement(**args, mixture=mixture)}[function]
    with pytest.raises(TypeError if bad != "nan" else ValueError) as info:
        call()
    for fragment in fragments:
        assert fragment in str(info.value)


def test_si_snr_improvement_checks_the_mixture():
    estimates, references, mixture = _pit_case()
    with pytest.raises(TypeError, match="mixture must be a torch.Tensor or NumPy array, got list"):
        si_snr_improvement(estimates, references, mixture.tolist())
    with pytest.raises(ValueError, match=r"mixture has shape \[3, 299\] but references have \[3, 2, 300\].*\[3, 300\]"):
        si_snr_improvement(estimates, references, mixture[:, 1:])
    with pytest.raises(ValueError, match=r"mixture has shape \[900\]; expected \[M, T\] = \[3, 300\]"):
        si_snr_improvement(estimates, references, mixture.reshape(-1))


def test_pit_functions_refuse_mismatched_shapes():
    estimates, references, _ = _pit_case()
    for function in (pit_si_snr, pit_loss):
        with pytest.raises(ValueError, match=r"must both be \[M, S, T\]"):
            function(estimates[..., 1:], references)
        with pytest.raises(ValueError, match=r"must both be \[M, S, T\]"):
            function(estimates[0], references[0])


# The unchecked core: the training loop's loss, without the NaN scan (a GPU sync every step) --------------------

def test_the_unchecked_loss_is_the_loss():
    estimates, references, _ = _pit_case()
    estimates.requires_grad_(True)
    loss = pit_loss(estimates, references)
    (grad,) = torch.autograd.grad(loss, estimates)
    unchecked = metrics._pit_loss(estimates, references)
    (unchecked_grad,) = torch.autograd.grad(unchecked, estimates)
    assert torch.equal(loss, unchecked) and torch.equal(grad, unchecked_grad)
    assert torch.equal(loss, -pit_si_snr(estimates, references)[0].mean())


def test_public_functions_check_each_input_once(monkeypatch):
    calls = []
    checked = metrics.as_float_tensor
    monkeypatch.setattr(metrics, "as_float_tensor", lambda x, name="audio", dtype=None: calls.append(name) or checked(x, name, dtype))
    estimates, references, mixture = _pit_case()
    pit_loss(estimates, references)
    assert calls == ["estimates", "references"]
    calls.clear()
    si_snr_improvement(estimates, references, mixture)
    assert calls == ["estimates", "references", "mixture"]


def test_training_steps_scan_no_input_for_nan(monkeypatch):
    from tasnet_edu.core.model import TasNetConfig
    from tasnet_edu.core.training import TrainConfig, new_run, train_steps

    monkeypatch.setattr(metrics, "as_float_tensor", lambda *args, **kwargs: pytest.fail("a training step scanned its input"))
    cfg = TrainConfig(model=TasNetConfig(N=8, B=8, H=8, X=1, R=1), batch_size=2, segment_seconds=0.1)
    model, optimizer = new_run(cfg)
    losses = train_steps(model, optimizer, cfg, start=0, steps=2, progress=False)
    assert len(losses) == 2


def test_the_unchecked_path_still_checks_shapes():
    estimates, references, _ = _pit_case()
    with pytest.raises(ValueError, match=r"must both be \[M, S, T\]"):
        metrics._pit_loss(estimates[..., 1:], references)


# Ideal masks build their window where the sources are ---------------------------------------------------------

@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_ideal_masks_run_on_the_sources_device(dtype):
    sources = _signals(2, 2, 1000).to(dtype)
    for kind in ("irm", "ibm", "wfm"):
        on_gpu = ideal_mask_separation(sources.cuda(), kind)
        assert on_gpu.device.type == "cuda" and on_gpu.dtype == dtype
        torch.testing.assert_close(on_gpu.cpu(), ideal_mask_separation(sources, kind), atol=1e-4, rtol=1e-4)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
def test_pit_on_the_gpu_gives_the_cpu_numbers():
    estimates, references, mixture = _pit_case()
    best, perm = pit_si_snr(estimates.cuda(), references.cuda())
    assert perm.device.type == "cuda"
    torch.testing.assert_close(best.cpu(), pit_si_snr(estimates, references)[0])
    torch.testing.assert_close(metrics._pit_loss(estimates.cuda(), references.cuda()).cpu(), pit_loss(estimates, references))
    torch.testing.assert_close(si_snr_improvement(estimates.cuda(), references.cuda(), mixture.cuda()).cpu(),
                               si_snr_improvement(estimates, references, mixture))


def test_ideal_masks_take_float64_sources():
    sources = _signals(2, 1000)
    est = ideal_mask_separation(sources, "irm")
    assert est.dtype == torch.float64
    torch.testing.assert_close(est.float(), ideal_mask_separation(sources.float(), "irm"), atol=1e-4, rtol=1e-4)


def test_si_snr_parts_split_the_estimate_into_the_reference_direction_and_the_rest():
    g = torch.Generator().manual_seed(0)
    reference, estimate = torch.randn(3, 200, generator=g), torch.randn(3, 200, generator=g)
    target, noise = si_snr_parts(estimate, reference)
    zero_mean = lambda x: x - x.mean(-1, keepdim=True)  # noqa: E731
    torch.testing.assert_close(target + noise, zero_mean(estimate))
    assert torch.allclose((noise * zero_mean(reference)).sum(-1), torch.zeros(3), atol=1e-4)  # the rest is orthogonal
    cos = torch.nn.functional.cosine_similarity(target, zero_mean(reference), dim=-1).abs()
    torch.testing.assert_close(cos, torch.ones(3))  # and the target lies along the reference
    expected = 10 * torch.log10(target.pow(2).sum(-1) / noise.pow(2).sum(-1))
    torch.testing.assert_close(si_snr(estimate, reference), expected, atol=1e-3, rtol=0)  # eps moves it a little
    with pytest.raises(ValueError, match="must match"):
        si_snr_parts(estimate, reference[:, :100])
