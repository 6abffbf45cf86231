"""Chapter 06: separating speech with the shipped TinyTasNet (figures of te.ch06, and what the chapter's prose says)."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch06_separation as separation
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.core.audio import speech_clips
from tasnet_edu.core.evaluation import real_time_factor
from tasnet_edu.core.model import TasNetConfig, TinyTasNet
from tasnet_edu.core.speakers import real_mixtures
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import to_db


def _separated(model, m):
    """What the notebook computes: the strength map, the masks and the outputs, in the sources' order (PIT)."""
    with torch.no_grad():
        estimates, parts = model(m["mixture"][None], return_parts=True)
    _, perm = core_metrics.pit_si_snr(estimates, m["sources"][None])
    order = torch.argsort(perm[0])
    return parts["strength_map"][0], parts["masks"][0][order], estimates[0][order]


def test_pipeline_draws_the_tensors_it_is_given():
    model = te.load_pretrained()
    m = te.fixed_mixtures("test", 1)[0]
    w, masks, estimates = _separated(model, m)
    fig = separation.plot_pipeline(model, m["mixture"], m["sources"], w, masks, estimates, span=(0.2, 0.6))
    axes = fig.axes
    order = te.sort_by_frequency(model.encoder.templates.detach(), 8000)
    k0, k1 = int(0.2 * 8000 / 8), int(0.6 * 8000 / 8)
    assert np.allclose(axes[1].images[0].get_array(), to_db(w[order][:, k0:k1]))  # rows sorted by peak frequency, in dB
    # The titles of the two speakers carry the SI-SNR of what is drawn; on top of each, its error as SI-SNR counts it.
    for s, ax in zip(range(2), (axes[4], axes[5])):
        score = float(te.si_snr(estimates[s], m["sources"][s]))
        assert f"{score:.1f} dB" in ax.get_title()
        separated, error = ax.lines
        assert np.allclose(separated.get_ydata(), estimates[s].numpy())
        target, noise = core_metrics.si_snr_parts(estimates[s], m["sources"][s])
        assert np.allclose(error.get_ydata(), noise.numpy())
        assert score == pytest.approx(10 * np.log10(target.pow(2).sum().item() / noise.pow(2).sum().item()), abs=1e-3)
    # Reordered to match: each estimate is closer to its own source than to the other one.
    assert te.si_snr(estimates[0], m["sources"][0]) > te.si_snr(estimates[0], m["sources"][1])
    plt.close("all")


def test_pipeline_takes_hop_and_speakers_from_the_model():
    model = TinyTasNet(TasNetConfig(L=32, num_sources=3, X=2, R=1)).eval()  # hop 16, three speakers
    m = te.fixed_mixtures("test", 1)[0]
    sources = torch.cat([m["sources"], m["sources"][:1] * 0.5])
    w, masks, estimates = _separated(model, {"mixture": m["mixture"], "sources": sources})
    fig = separation.plot_pipeline(model, m["mixture"], sources, w, masks, estimates, span=(0.2, 0.6))
    maps = [ax for ax in fig.axes if ax.images]
    assert len(maps) == 1 + 3  # the strength map and one mask per speaker
    k0, k1 = int(0.2 * 8000 / 16), int(0.6 * 8000 / 16)
    order = te.sort_by_frequency(model.encoder.templates.detach(), 8000)
    assert maps[0].images[0].get_array().shape == (model.encoder.templates.shape[0], k1 - k0)
    for s, ax in enumerate(maps[1:]):
        assert np.allclose(ax.images[0].get_array(), masks[s][order][:, k0:k1].numpy())
    speakers = [ax for ax in fig.axes if ax.get_title().startswith("speaker")]
    assert [ax.get_title().split(" (")[0] for ax in speakers] == ["speaker 1", "speaker 2", "speaker 3"]
    plt.close("all")


def _magnitude(x):
    """The chapter's spectrogram: |STFT|, 32 ms Hann window, 8 ms hop, ``[..., 129, frames]``."""
    return torch.stft(x, 256, hop_length=64, window=torch.hann_window(256), return_complex=True).abs()


def test_spectrograms_of_each_estimate_against_its_reference():
    model = te.load_pretrained()
    m = real_mixtures(1)[0]
    _, _, estimates = _separated(model, m)
    references, estimated = _magnitude(m["sources"]), _magnitude(estimates)
    with te.use_language("zh"):
        fig = separation.plot_spectrograms(references, estimated, hop_seconds=64 / 8000)
    maps = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in maps] == [f"说话人 {s}{panel}" for s in (1, 2) for panel in (" 单独的声音（参考）", "：模型的估计")]
    for ax, spec in zip(maps, [references[0], estimated[0], references[1], estimated[1]]):
        assert np.allclose(ax.images[0].get_array(), to_db(spec))  # each panel in dB below its own loudest entry
        assert ax.images[0].get_extent()[2:] == [0, 4000] and ax.get_ylabel() == "频率（Hz）"
    plt.close("all")
    # What the prose says the figure shows (frames of 8 ms; bins of 31.25 Hz).
    high = slice(64, None)  # bins >= 2000 Hz
    energy = lambda spec, rows, start, end: float(spec[rows, int(start / 0.008) : int(end / 0.008)].pow(2).sum() / spec.pow(2).sum())
    # "Speaker 1 is silent in the last half second, yet its estimate there still shows faint lines"
    assert energy(estimated[0], slice(None), 1.5, 2.0) > 30 * energy(references[0], slice(None), 1.5, 2.0)
    # "Speaker 2 says nothing in the first quarter second ... traces of speaker 1 ... mostly above 2000 Hz"
    assert energy(estimated[1], high, 0, 0.25) > 100 * energy(references[1], high, 0, 0.25)
    assert energy(estimated[1], high, 0, 0.25) > energy(estimated[1], slice(32, 64), 0, 0.25)
    # "about half a second in, speaker 2's rising stripes above 2000 Hz show through in speaker 1's estimate"
    assert energy(estimated[0], high, 0.25, 0.75) > 2 * energy(references[0], high, 0.25, 0.75)
    # "Above 1000 Hz, speaker 2's estimate is dimmer than its reference in places (after the first second)"
    assert energy(estimated[1], slice(32, None), 1.25, 1.75) < energy(references[1], slice(32, None), 1.25, 1.75) / 2
    # "speaker 2's lines are spaced wider than speaker 1's": its pitch (librosa's YIN, 60-400 Hz, median) is higher
    def pitch(x):
        import librosa

        return float(np.median(librosa.yin(x.numpy(), fmin=60, fmax=400, sr=8000, frame_length=800)))
    assert pitch(m["sources"][1]) > 1.5 * pitch(m["sources"][0])  # about 180 Hz against about 110 Hz
    # the printed leak shares: larger for each estimate than for its reference
    other_louder = references.flip(0) ** 2 >= 10 * references**2
    share = lambda spec: (spec**2 * other_louder).sum((1, 2)) / (spec**2).sum((1, 2))
    assert bool((share(estimated) > 2 * share(references)).all())


def test_loss_results_and_learning_curve_figures():
    fig = separation.plot_losses([3.0, 2.0, 1.0, 0.5, 0.2, 0.1], baseline=0.5)
    assert any(np.allclose(line.get_ydata(), 0.5) for line in fig.axes[0].lines)
    results = te.core.evaluation.shipped_results()
    fig = separation.plot_results(results, "real")
    bars = sorted(patch.get_width() for patch in fig.axes[0].patches)
    assert bars == pytest.approx(sorted(v["real"]["mean"] for v in results.values()))
    log = [{"stage": 1, "step": 10, "val_si_snri": 1.0}, {"stage": 2, "step": 10, "val_si_snri": 2.0, "real_si_snri": 0.5}]
    assert len(separation.plot_learning_curve(log).axes) == 2
    plt.close("all")


def test_loudest_span_finds_the_loud_part():
    x = torch.zeros(16000)
    x[9000:11000] = torch.randn(2000)
    start, end = separation.loudest_span(x, 0.25)
    assert start <= 9000 / 8000 + 0.01 and end >= 11000 / 8000 - 0.01 and end - start == pytest.approx(0.25)


def test_real_time_factor_is_seconds_of_audio_per_second_of_compute():
    import time

    def slow_model(x):  # 0.5 s of audio in about 0.05 s: 10x faster than real time
        time.sleep(0.05)
        return x

    state = torch.get_rng_state()
    factor = real_time_factor(slow_model, seconds=0.5, repeats=2)
    assert 5.0 < factor <= 10.0, factor  # sleep never returns early; a busy machine only makes it slower
    assert torch.equal(torch.get_rng_state(), state), "the random test input must not use the global generator"


def test_receptive_field_the_chapter_computes():
    """Chapter 06 adds (P - 1) * d frames per block: R (P - 1) (2^X - 1) + 1 frames, half of them ahead."""
    cfg = te.load_pretrained().cfg
    frames = 1 + sum((cfg.P - 1) * 2**x for _ in range(cfg.R) for x in range(cfg.X))
    assert frames == cfg.R * (cfg.P - 1) * (2**cfg.X - 1) + 1 == 253
    assert ((frames - 1) * cfg.L // 2 + cfg.L) / 8 == 254.0  # ms


def _domains(model, mixtures):
    """The notebook's experiment: SI-SNRi of the ideal ratio mask and the dominated-energy share, per domain."""

    def dominated(energies):
        total = energies.sum(0)
        return float(total[energies.max(0).values >= 0.9 * total].sum() / total.sum())

    def gain(est, s, x):
        return float(core_metrics.si_snr_improvement(est[None], s[None], x[None])[0])

    si_snri, share, rebuilt = {"samples": [], "stft": [], "map": []}, {"samples": [], "stft": [], "map": [], "scores": []}, []
    with torch.no_grad():
        for m in mixtures:
            x, s = m["mixture"], m["sources"]
            si_snri["samples"].append(gain(s.abs() / s.abs().sum(0).clamp_min(1e-8) * x, s, x))
            share["samples"].append(dominated(s**2))
            si_snri["stft"].append(gain(core_metrics.ideal_mask_separation(s, kind="irm"), s, x))
            spec = torch.stft(s, 256, 64, window=torch.hann_window(256), return_complex=True).abs()
            share["stft"].append(dominated(spec**2))
            w_x, w_s = model.encode(x[None]), model.encode(s)
            si_snri["map"].append(gain(model.decode((w_s / w_s.sum(0).clamp_min(1e-8))[None] * w_x[:, None], len(x))[0], s, x))
            share["map"].append(dominated(w_s**2))
            share["scores"].append(dominated(model.encoder.scores(s) ** 2))
            rebuilt.append(float(core_metrics.si_snr(model.decode(w_x[:, None], len(x))[0, 0], x)))
    mean = lambda v: sum(v) / len(v)
    return {k: mean(v) for k, v in si_snri.items()}, {k: mean(v) for k, v in share.items()}, mean(rebuilt)


def test_what_chapter_06_says_about_separation_in_feature_space():
    score, share, rebuilt = _domains(te.load_pretrained(), real_mixtures())
    # "on the STFT, and even more on the strength map, one speaker holds most of each entry"
    assert share["samples"] < share["stft"] < share["map"]
    # "much of the strength map's lead comes from the ReLU itself": the scores before it are close to the samples
    assert share["scores"] - share["samples"] < (share["map"] - share["samples"]) / 2
    # "the oracle on the map does no better than on the samples and worse than on the STFT"
    assert score["map"] <= score["samples"] + 0.3 and score["map"] < score["stft"] - 1
    # "it cannot rebuild even the unmasked mixture exactly"
    assert rebuilt < 30


def test_what_chapter_06_says_about_the_chapter_00_mixture():
    """Both clips are espeak-ng's m3 variant at one pitch: the model fails; another voice saying the Mandarin works."""
    voices = {row["file"]: (row["voice"], row["pitch"]) for row in speech_clips()}
    assert voices["en_s00_v0.flac"][0].endswith("+m3") and voices["zh_s08_v1.flac"][0].endswith("+m3")
    assert voices["en_s00_v0.flac"][1] == voices["zh_s08_v1.flac"][1] != voices["zh_s08_v0.flac"][1]
    model = te.load_pretrained()
    gains = []
    for other in ("zh_s08_v1.flac", "zh_s08_v0.flac"):
        mixture, sources = te.mix(te.load_clip("en_s00_v0.flac"), te.load_clip(other))
        with torch.no_grad():
            gains.append(float(core_metrics.si_snr_improvement(model(mixture[None]), sources[None], mixture[None])[0]))
    assert gains[0] < 3 and gains[1] > 8, gains


# ------------------------------------------------------------------ exercises: three build exercises and an open question

def _solution(id):
    """The function that exercise ``id``'s solution code defines (each defines one)."""
    from tasnet_edu.exercises import EXERCISES, load_all

    load_all()
    namespace = {"torch": torch, "F": torch.nn.functional, "nn": torch.nn, "te": te}
    exec(EXERCISES[id].solution_code, namespace)
    return namespace[EXERCISES[id].solution_code.split("def ")[1].split("(")[0]]


def _decoder(hop_of=lambda L: L // 2, add=True):
    """A hand-written decoder with the learner's typical slips: the hop, or ``=`` where ``+=`` belongs."""

    def decoder(w, b):
        (M, _, K), L = w.shape, b.shape[1]
        out = torch.zeros(M, (K - 1) * hop_of(L) + L)
        for k in range(K):
            frame = w[:, :, k] @ b
            out[:, k * hop_of(L) : k * hop_of(L) + L] = out[:, k * hop_of(L) : k * hop_of(L) + L] + frame if add else frame
        return out

    return decoder


def test_exercise_06_1_decoder():
    assert passes("06.1", _solution("06.1")) and passes("06.1", _decoder())
    assert passes("06.1", lambda w, b: torch.nn.functional.conv_transpose1d(w, b[:, None], stride=b.shape[1] // 2)[:, 0])
    assert "returned None" in hint_for("06.1", lambda w, b: None)[0]
    assert "all values are zero" in hint_for("06.1", lambda w, b: torch.zeros_like(_decoder()(w, b)))[0]
    assert "has 3 axes, expected 2: [2, 80]" in hint_for("06.1", lambda w, b: w)[0]  # its input unchanged
    assert "axes in the wrong order" in hint_for("06.1", lambda w, b: _decoder()(w, b).T)[0]
    en, zh = hint_for("06.1", _decoder(hop_of=lambda L: L))  # no overlap: frames side by side
    assert "is your hop L // 2?" in en and "帧移是 L // 2 吗" in zh
    en, zh = hint_for("06.1", _decoder(hop_of=lambda L: (L + 1) // 2))  # right for even L, rounds up for odd L
    assert "L = 5" in en and "rounds down" in en and "向下取整" in zh
    en, zh = hint_for("06.1", _decoder(add=False))
    assert "add (+=), do not overwrite" in en and "不能覆盖" in zh


def _si_snr(mean=True, on_estimate=False, log=10, projection=True):
    """SI-SNR over the last axis, with the learner's typical slips."""

    def score(e, r):
        if mean:
            e, r = e - e.mean(-1, keepdim=True), r - r.mean(-1, keepdim=True)
        onto = e if on_estimate else r
        target = ((e * r).sum(-1, keepdim=True) / onto.pow(2).sum(-1, keepdim=True) * onto) if projection else r
        return log * torch.log10(target.pow(2).sum(-1) / (e - target).pow(2).sum(-1))

    return score


def test_exercise_06_2_si_snr():
    assert passes("06.2", _solution("06.2")) and passes("06.2", _si_snr()) and passes("06.2", te.si_snr)
    assert "returned None" in hint_for("06.2", lambda e, r: None)[0]
    assert "has 1 axes, expected 0" in hint_for("06.2", lambda e, r: e)[0]  # its input unchanged
    assert "all values are zero" in hint_for("06.2", lambda e, r: torch.zeros(e.shape[:-1]))[0]
    assert "expected 0" in hint_for("06.2", lambda e, r: _si_snr()(e, r)[..., None])[0]  # keepdim left on: [..., 1]

    def one_pair_only(e, r):  # the notebook's si_snr_by_hand, for [T] only
        e, r = e - e.mean(), r - r.mean()
        target = (e @ r) / (r @ r) * r
        return 10 * torch.log10((target @ target) / ((e - target) @ (e - target)))

    assert "stereo pairs [3, 2, 500], your function raised RuntimeError" in hint_for("06.2", one_pair_only)[0]
    en, zh = hint_for("06.2", _si_snr(mean=False))
    assert "subtract each signal's mean" in en and "减去自己的均值" in zh
    assert "project the estimate on the reference" in hint_for("06.2", _si_snr(on_estimate=True))[0]
    assert "10 log10, not 20" in hint_for("06.2", _si_snr(log=20))[0]
    assert "the target is the projection" in hint_for("06.2", _si_snr(projection=False))[0]


def _pit_loss(permute=True, pick=torch.maximum, sign=-1, per_batch=False):
    """The two-speaker PIT loss with the learner's typical slips."""

    def loss(e, r):
        straight = (te.si_snr(e[:, 0], r[:, 0]) + te.si_snr(e[:, 1], r[:, 1])) / 2
        swapped = (te.si_snr(e[:, 0], r[:, 1]) + te.si_snr(e[:, 1], r[:, 0])) / 2
        if per_batch:
            return sign * pick(straight.mean(), swapped.mean())
        return sign * (pick(straight, swapped) if permute else straight).mean()

    return loss


def test_exercise_06_3_pit_loss():
    assert passes("06.3", _solution("06.3")) and passes("06.3", _pit_loss()) and passes("06.3", core_metrics.pit_loss)
    assert "returned None" in hint_for("06.3", lambda e, r: None)[0]
    assert "has 3 axes, expected 0" in hint_for("06.3", lambda e, r: e)[0]
    assert "expected a torch tensor" in hint_for("06.3", lambda e, r: _pit_loss()(e, r).item())[0]
    assert "all values are zero" in hint_for("06.3", lambda e, r: torch.zeros(()))[0]
    en, zh = hint_for("06.3", _pit_loss(permute=False))
    assert "2 swapped mixtures" in en and "score the swapped pairing too" in en and "对调的配对也要算" in zh
    assert "keep the better pairing (max)" in hint_for("06.3", _pit_loss(pick=torch.minimum))[0]
    en, zh = hint_for("06.3", _pit_loss(sign=1))
    assert "signs are flipped" in en and "minus the SI-SNR" in en and "取负" in zh
    assert "4 mixtures, 2 swapped" in hint_for("06.3", _pit_loss(per_batch=True))[0]
    assert "choose per mixture, not per batch" in hint_for("06.3", _pit_loss(per_batch=True))[0]


def test_the_checks_are_the_same_on_every_call():
    wrong = _si_snr(mean=False)
    assert hint_for("06.2", wrong) == hint_for("06.2", wrong)


def test_exercise_06_4_is_an_open_question(capsys, monkeypatch):
    import tasnet_edu.exercises as exercises

    assert "open question" in hint_for("06.4", "anything")[0]
    monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", False)
    te.solution("06.4")
    assert "jitter" not in capsys.readouterr().out  # hidden unless the flag is on


def test_check_prints_verdicts_in_the_current_language(capsys):
    with te.use_language("zh"):
        te.check("06.3", _pit_loss())
        te.check("06.3", _pit_loss(permute=False))
        te.check("06.3", lambda e, r: None)
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith("✓ 06.3：") and out[1].startswith("✗ 06.3：") and "还没完成" in out[2]
