"""TinyTasNet, metrics, training and the shipped checkpoints (chapters 05-06)."""

import itertools
import json
import sys
from pathlib import Path

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.core.encoder import STFTEncoder
from tasnet_edu.core.metrics import (
    ideal_mask_separation,
    pit_loss,
    pit_si_snr,
    si_snr,
    si_snr_improvement,
)
from tasnet_edu.core.model import (
    ENCODERS,
    DepthwiseConv1d,
    TasNetConfig,
    TinyTasNet,
    load_checkpoint,
    untrained_model,
)
from tasnet_edu.core.training import TrainConfig, batches, make_batch, new_run, train_steps

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/train.py: runs, checkpoints, export

SMALL = TasNetConfig(N=16, B=16, H=32, X=2, R=1)


@pytest.mark.parametrize("T", [1, 7, 16, 17, 100, 8000])
@pytest.mark.parametrize("encoder", ENCODERS)
def test_output_length_equals_input_length(T, encoder):
    model = TinyTasNet(TasNetConfig(N=16, B=16, H=32, X=2, R=1, encoder=encoder)).eval()
    with torch.no_grad():
        out = model(torch.randn(3, T))
    assert out.shape == (3, 2, T)


@pytest.mark.parametrize("P, dilation", [(1, 1), (3, 1), (3, 4), (5, 2), (3, 64)])
def test_depthwise_conv_is_torchs_grouped_conv(P, dilation):
    """Its shifted multiply-adds give PyTorch's depthwise conv: outputs and all three gradients."""
    torch.manual_seed(0)
    ours = DepthwiseConv1d(6, P, dilation)
    x = torch.randn(2, 6, 50, requires_grad=True)
    y = ours(x)
    expected = torch.nn.functional.conv1d(x, ours.weight, ours.bias, padding=dilation * (P - 1) // 2,
                                          dilation=dilation, groups=6)
    assert y.shape == expected.shape == (2, 6, 50)
    torch.testing.assert_close(y, expected)
    g = torch.randn_like(y)
    grads = torch.autograd.grad(y, (x, ours.weight, ours.bias), g)
    expected_grads = torch.autograd.grad(expected, (x, ours.weight, ours.bias), g)
    for got, want in zip(grads, expected_grads):
        torch.testing.assert_close(got, want)


def test_learned_model_uses_the_course_encoder():
    model = TinyTasNet(SMALL)
    assert isinstance(model.encoder, te.Encoder)
    assert model.sample_rate == 8000
    assert model.encoder.conv1d_U.stride == (SMALL.L // 2,)


def test_stft_encoder_is_fixed_and_equals_stft_kernels():
    model = TinyTasNet(TasNetConfig(encoder="stft", B=16, H=32, X=2, R=1))
    assert isinstance(model.encoder, STFTEncoder)
    assert not any(p is model.encoder.kernels for p in model.parameters())
    assert torch.equal(model.encoder.kernels, te.stft_kernels(16))


def test_waveform_encoder_is_the_padded_frames_themselves_and_stays_fixed():
    """The ablation arm with no encoder to learn: its map is the frames of raw samples (identity templates, N = L)."""
    model = TinyTasNet(TasNetConfig(encoder="waveform", B=16, H=32, X=2, R=1))
    x = torch.randn(2, 100)
    frames = model._pad(x.unsqueeze(1)).squeeze(1).unfold(-1, 16, 8).transpose(1, 2)  # [M, L, K]
    assert torch.equal(model.encode(x), frames)
    assert model.encoder.N == 16 and not any(p.requires_grad for p in model.encoder.parameters())
    model(x).pow(2).mean().backward()
    assert model.encoder.conv1d_U.weight.grad is None and model.decoder.weight.grad is not None


def test_decoder_is_overlap_add_of_basis_signals():
    # One frame with weight 1 on basis n gives exactly decoder basis n at that frame's position.
    model = TinyTasNet(SMALL)
    w = torch.zeros(1, SMALL.N, 3)
    w[0, 5, 1] = 1.0
    y = model.decoder(w)[0, 0]
    basis = model.decoder.weight[5, 0]
    hop = SMALL.L // 2
    assert torch.allclose(y[hop:hop + SMALL.L], basis)
    assert y[:hop].abs().sum() == 0 and y[hop + SMALL.L:].abs().sum() == 0


@pytest.mark.parametrize("offset", [2.0, 1000.0])
def test_global_layer_norm_normalises_each_example(offset):
    from tasnet_edu.core.model import global_layer_norm

    x = torch.randn(3, 4, 50, generator=torch.Generator().manual_seed(0)) * 7 + offset
    y = global_layer_norm(4)(x)
    # Same as the textbook formula (x - mean) / sqrt(var + eps) over channels and time.
    mean = x.mean(dim=(1, 2), keepdim=True)
    var = ((x - mean) ** 2).mean(dim=(1, 2), keepdim=True)
    assert torch.allclose(y, (x - mean) / torch.sqrt(var + 1e-8), atol=1e-4)
    assert torch.allclose(y.mean(dim=(1, 2)), torch.zeros(3), atol=1e-5)
    assert torch.allclose(y.var(dim=(1, 2), unbiased=False), torch.ones(3), atol=1e-3)


@pytest.mark.parametrize("bad, message", [
    (torch.randn(100), "[M, T]"),
    (torch.randn(1, 1, 100), "[M, T]"),
    (torch.zeros(0, 100), "[M, T]"),
    (torch.ones(1, 20, dtype=torch.int16), "x.float()"),
])
def test_model_rejects_bad_mixtures(bad, message):
    with pytest.raises((ValueError, TypeError), match=message.replace("[", r"\[").replace("]", r"\]")):
        TinyTasNet(SMALL)(bad)


@pytest.mark.parametrize("field, value", [("L", 1), ("N", 0), ("X", 2.5), ("encoder", "mel")])
def test_config_rejects_bad_sizes(field, value):
    with pytest.raises(ValueError, match=field if field != "encoder" else "learned"):
        TasNetConfig(**{field: value})


def test_config_rejects_an_even_depthwise_kernel():
    with pytest.raises(ValueError, match="P must be odd.*P=4.*use P=5"):
        TasNetConfig(P=4)


def test_learning_rate_halves_after_patience_evaluations_without_a_new_best():
    from train import plateau_scheduler  # tools/train.py

    cfg = TrainConfig(patience=3)
    _, optimizer = new_run(TrainConfig(model=SMALL))
    scheduler = plateau_scheduler(optimizer, cfg)
    lrs = []
    for score in [5.0, 6.0, 6.0, 5.5, 5.9, 5.9, 7.0]:  # a best at 6.0, then three evaluations below or equal
        scheduler.step(score)
        lrs.append(optimizer.param_groups[0]["lr"])
    assert lrs == [1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4]


def test_si_snr_is_scale_invariant_and_known_values():
    r = torch.randn(4000)
    n = torch.randn(4000)
    n = n - (n @ r) / (r @ r) * r  # orthogonal to r
    n = n * (r.norm() / n.norm())  # same energy
    assert abs(float(si_snr(r + n, r))) < 0.05  # equal energy -> 0 dB
    assert torch.allclose(si_snr(3 * (r + 0.1 * n), r), si_snr(r + 0.1 * n, r), atol=1e-4)
    assert abs(float(si_snr(r + 0.1 * n, r)) - 20) < 0.05


def test_pit_finds_the_best_permutation():
    refs = torch.randn(2, 2, 800)
    est = refs[:, [1, 0]] + 0.01 * torch.randn(2, 2, 800)
    best, perms = pit_si_snr(est, refs)
    assert perms.tolist() == [[1, 0], [1, 0]]
    for m in range(2):
        manual = max(si_snr(est[m, list(p)], refs[m]).mean() for p in itertools.permutations(range(2)))
        assert torch.isclose(best[m], manual)
    assert torch.isclose(pit_loss(est, refs), -best.mean())


def test_si_snr_improvement_of_the_mixture_itself_is_zero():
    sources = torch.randn(1, 2, 1000)
    mixture = sources.sum(1)
    assert torch.allclose(si_snr_improvement(mixture[:, None].expand(-1, 2, -1), sources, mixture), torch.zeros(1), atol=1e-4)


def test_ideal_masks_separate_and_ibm_is_binary():
    m = te.fixed_mixtures("test", 1)[0]
    for kind in ("irm", "ibm", "wfm"):
        est = ideal_mask_separation(m["sources"], kind)
        assert est.shape == m["sources"].shape
        assert float(si_snr_improvement(est[None], m["sources"][None], m["mixture"][None])[0]) > 5
    # The masked estimates of IRM add back up to the mixture (its masks sum to one).
    est = ideal_mask_separation(m["sources"], "irm")
    assert torch.allclose(est.sum(0), m["mixture"], atol=1e-3)
    with pytest.raises(ValueError, match="irm"):
        ideal_mask_separation(m["sources"], "oracle")


def test_batches_are_reproducible_by_step():
    cfg = TrainConfig(batch_size=2, segment_seconds=0.25)
    a, b = make_batch(cfg, 7), make_batch(cfg, 7)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    assert not torch.equal(make_batch(cfg, 8)[0], a[0])
    mixture, sources = a
    assert mixture.shape == (2, 2000) and sources.shape == (2, 2, 2000)
    assert torch.allclose(sources.sum(1), mixture, atol=1e-6)


def test_batches_mixed_ahead_in_threads_are_the_same_batches_in_the_same_order():
    cfg = TrainConfig(model=SMALL, batch_size=2, segment_seconds=0.25)
    plain = list(batches(cfg, start=5, steps=7))
    for workers in (1, 3):
        ahead = list(batches(cfg, start=5, steps=7, workers=workers))
        assert len(ahead) == 7
        assert all(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]) for a, b in zip(plain, ahead, strict=True))
    assert torch.equal(plain[0][0], make_batch(cfg, 5)[0]) and torch.equal(plain[-1][0], make_batch(cfg, 11)[0])
    assert list(batches(cfg, start=0, steps=0, workers=2)) == []
    model, optimizer = new_run(cfg)
    assert train_steps(model, optimizer, cfg, start=0, steps=0, progress=False) == []


def test_train_command_refuses_a_negative_number_of_workers(tmp_path):
    import train  # tools/train.py

    with pytest.raises(SystemExit, match="--workers must be at least 0, got -1"):
        train.main(["--out", str(tmp_path / "run"), "--workers", "-1"])
    assert not (tmp_path / "run").exists()


def test_training_lowers_the_loss():
    cfg = TrainConfig(model=SMALL, batch_size=2, segment_seconds=0.25)
    model, optimizer = new_run(cfg)
    fixed = make_batch(cfg, 0)
    with torch.no_grad():
        before = float(pit_loss(model(fixed[0]), fixed[1]))
    # Overfit one batch for a few steps: the loss must fall.
    cfg_one = TrainConfig(model=SMALL, batch_size=2, segment_seconds=0.25)
    for _ in range(15):
        train_steps(model, optimizer, cfg_one, start=0, steps=1, progress=False)
    with torch.no_grad():
        after = float(pit_loss(model(fixed[0]), fixed[1]))
    assert after < before - 1.0, (before, after)


def test_train_command_checkpoints_resumes_and_exports(tmp_path, capsys):
    import train  # tools/train.py

    out = tmp_path / "run"
    config = tmp_path / "tiny.json"
    config.write_text(json.dumps({"batch_size": 2, "segment_seconds": 0.25, "eval_every": 2, "eval_mixtures": 2,
                                  "model": {"N": 16, "B": 16, "H": 32, "X": 2, "R": 1}}))
    train.main(["--out", str(out), "--steps", "4", "--threads", "1", "--config", str(config)])
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert [e["step"] for e in log] == [2, 4]
    # Running again with more steps resumes from last.pt (its config wins) instead of starting over,
    # and says which flags it ignored.
    capsys.readouterr()
    train.main(["--out", str(out), "--steps", "6", "--threads", "1", "--encoder", "stft", "--seed", "3"])
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert [e["step"] for e in log] == [2, 4, 6]
    err = capsys.readouterr().err
    assert "--encoder, --seed ignored" in err
    assert torch.load(out / "last.pt", weights_only=True)["config"]["model"]["encoder"] == "learned"
    shipped = tmp_path / "shipped.pt"
    train.main(["--out", str(out), "--export", str(shipped)])
    ckpt = torch.load(shipped, weights_only=True)
    assert set(ckpt) >= {"model", "config", "step", "train_seconds", "validation_si_snri"}
    assert ckpt["config"]["N"] == 16
    model = TinyTasNet(TasNetConfig(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])


@pytest.mark.parametrize("encoder", ["learned", "stft"])
def test_shipped_checkpoints_load_with_weights_only(encoder):
    ckpt = load_checkpoint(encoder)  # torch.load(..., weights_only=True)
    assert ckpt["config"]["encoder"] == encoder
    model = te.load_pretrained(encoder)
    assert not model.training and model.sample_rate == 8000
    if encoder == "learned":
        assert isinstance(model.encoder, te.Encoder)


def test_load_pretrained_rejects_unknown_names():
    with pytest.raises(ValueError, match="learned"):
        te.load_pretrained("mel")


def test_untrained_model_is_the_training_start():
    cfg = TrainConfig()
    model, _ = new_run(cfg)
    for a, b in zip(model.state_dict().values(), untrained_model().state_dict().values()):
        assert torch.equal(a, b)


def test_mixtures_always_have_two_speakers_and_two_sentences():
    from tasnet_edu.core.audio import two_speakers

    for m in te.fixed_mixtures("test", 30, seed=3):
        a, b = m["clips"]
        assert a["voice"] != b["voice"] and (a["sentence"], a["language"]) != (b["sentence"], b["language"])
        assert two_speakers(a, b)
    clips = te.speech_clips("train")
    same_voice = next(c for c in clips[1:] if c["voice"] == clips[0]["voice"] and c["sentence"] != clips[0]["sentence"])
    assert not two_speakers(clips[0], same_voice)
    assert not two_speakers(clips[0], clips[0])


def test_splits_hold_different_sentences():
    key = lambda c: (c["language"], c["sentence"])  # noqa: E731
    train, val, test = ({key(c) for c in te.speech_clips(s)} for s in ("train", "validation", "test"))
    assert train and val and test
    assert not (train & val) and not (train & test) and not (val & test)
