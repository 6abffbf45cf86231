"""Chapter 05 (learned vs STFT kernels) and chapter 06 (separation demo) functions and exercises."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch05_learned as learned
from tasnet_edu.chapters import ch06_separation as separation
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.core import model as core_model
from tasnet_edu.core import signals as core_signals
from tasnet_edu.exercises import passes
from tasnet_edu.ui.plotting import to_db


@pytest.fixture(scope="module")
def kernels():
    return learned.encoder_kernels(te.load_pretrained())


def test_encoder_kernels_are_the_conv_weights(kernels):
    model = te.load_pretrained()
    assert torch.equal(kernels, model.encoder.conv1d_U.weight[:, 0].detach())
    assert kernels.shape == (64, 16)
    stft_model = te.load_pretrained("stft")
    assert torch.equal(learned.encoder_kernels(stft_model), te.stft_kernels(16)[:, 0])


def test_stft_templates_drop_only_the_all_zero_sines():
    k = learned.stft_templates(16)
    assert k.shape == (16, 16)
    assert (k.abs().max(dim=-1).values > 1e-6).all()


def test_share_below_counts_peak_frequencies():
    tones = torch.stack([core_signals.tone(f, 64) for f in (250, 500, 1500, 3000)])
    assert learned.share_below(tones, 1000) == 0.5
    # STFT bins at L=16 are 500 Hz apart: 0 Hz (cos) and 500 Hz (cos, sin) are below 1 kHz.
    assert learned.share_below(learned.stft_templates(16), 1000) == pytest.approx(3 / 16)


def test_kernel_phase_flips_by_pi_for_a_negated_kernel(kernels):
    import math

    diff = (learned.kernel_phase(-kernels) - learned.kernel_phase(kernels)) % (2 * math.pi)
    assert torch.allclose(diff, torch.full_like(diff, math.pi), atol=1e-4)


def test_same_frequency_group_peaks_in_the_band(kernels):
    group = learned.same_frequency_group(kernels, low=300, high=700)
    peaks = te.peak_frequency(kernels[group])
    assert ((peaks >= 300) & (peaks < 700)).all()
    assert len(learned.same_frequency_group(kernels, low=3990, high=3995)) == 0


def test_kernel_view_orders_by_frequency_and_finds_exciting_frames(kernels):
    clip = te.load_clip(te.speech_clips("test")[0])
    views = [learned.kernel_view(kernels, i, clip) for i in range(len(kernels))]
    assert [v["peak_hz"] for v in views] == sorted(v["peak_hz"] for v in views)
    v = views[10]
    frames = te.slice_frames(clip, 16)
    scores = frames @ kernels[v["kernel"]]
    assert torch.allclose(v["scores"], scores.sort(descending=True).values[:3])
    with pytest.raises(ValueError, match="outside"):
        learned.kernel_view(kernels, 64, clip)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chapter_05_figures_draw_in_both_languages(kernels, language):
    with te.use_language(language):
        before = learned.encoder_kernels(core_model.untrained_model())
        clip = te.load_clip(te.speech_clips("test")[0])
        figs = [
            learned.compare_kernels(kernels),
            learned.plot_response_heatmap({"a": kernels, "b": before}),
            learned.plot_peak_histogram({"a": kernels}),
            learned.plot_phases(kernels, learned.same_frequency_group(kernels)),
            learned.plot_before_after(before, kernels),
            learned.plot_kernel_view(learned.kernel_view(kernels, 3, clip)),
        ]
        assert all(isinstance(f, plt.Figure) for f in figs)
        title = figs[0].subfigs[0]._suptitle.get_text()
        assert ("学到的" in title) == (language == "zh")
        plt.close("all")


def test_training_facts_describe_the_checkpoint():
    ckpt = core_model.load_checkpoint()
    assert learned.training_facts().startswith(f"{ckpt['step']} steps")


def test_separate_reorders_outputs_to_the_true_sources():
    model = te.load_pretrained()
    m = te.fixed_mixtures("test", 1)[0]
    result = separation.separate(model, m["mixture"], m["sources"])
    T = len(m["mixture"])
    assert result["estimates"].shape == (2, T)
    assert result["masks"].shape[0] == 2 and result["strength_map"].shape[0] == 64
    assert ((result["masks"] >= 0) & (result["masks"] <= 1)).all()
    # Reordered to match: each estimate is closer to its own source than to the other one.
    s = core_metrics.si_snr
    assert s(result["estimates"][0], m["sources"][0]) > s(result["estimates"][0], m["sources"][1])
    # The masked maps decode to the estimates.
    with pytest.raises(ValueError, match=r"\[T\]"):
        separation.separate(model, m["mixture"][None])


def test_si_snr_demo_is_scale_invariant():
    r = torch.randn(500)
    values = [v for _, v in separation.si_snr_demo(r, 0.1 * torch.randn(500))]
    assert max(values) - min(values) < 0.01


def test_real_time_factor_is_seconds_of_audio_per_second_of_compute():
    import time

    def slow_model(x):  # 0.5 s of audio in about 0.05 s: 10x faster than real time
        time.sleep(0.05)
        return x

    state = torch.get_rng_state()
    factor = separation.real_time_factor(slow_model, seconds=0.5, repeats=2)
    assert 5.0 < factor <= 10.0, factor  # sleep never returns early; a busy machine only makes it slower
    assert torch.equal(torch.get_rng_state(), state), "the random test input must not use the global generator"


def test_pipeline_and_loss_figures():
    model = te.load_pretrained()
    m = te.fixed_mixtures("test", 1)[0]
    result = separation.separate(model, m["mixture"], m["sources"])
    fig = separation.plot_pipeline(result, m["mixture"], m["sources"])
    axes = fig.axes
    # The strength-map panel shows the map with rows sorted by peak frequency, in dB.
    drawn = axes[1].images[0].get_array()
    assert np.allclose(drawn, to_db(result["strength_map"][result["order"]]))
    # The titles of the two voices carry the SI-SNR of what is drawn.
    for s, ax in zip(range(2), (axes[4], axes[5])):
        score = float(te.si_snr(result["estimates"][s], m["sources"][s]))
        assert f"{score:.1f} dB" in ax.get_title()
    assert isinstance(separation.plot_losses([3.0, 2.0, 1.0, 0.5, 0.2, 0.1]), plt.Figure)
    plt.close("all")


def test_chapter_05_exercises():
    k = learned.encoder_kernels(te.load_pretrained())
    assert passes("05.1", 500) and not passes("05.1", 250)
    assert not passes("05.1", "500") and not passes("05.2", "3"), "answers are numbers, as in chapters 00-04"
    count = int((te.peak_frequency(k) < 1000).sum())
    assert passes("05.2", count) and not passes("05.2", count + 1)
    assert passes("05.3", int(te.peak_frequency(k).argmax())) and not passes("05.3", -1)
    assert not passes("05.2", "many")  # odd answers get a hint, not a traceback


def test_chapter_06_exercises():
    assert passes("06.1", 0) and not passes("06.1", 3)
    assert passes("06.2", 0.0) and not passes("06.2", 6)
    m = te.fixed_mixtures("test", 2, seed=0)[1]
    with torch.no_grad():
        est = te.load_pretrained()(m["mixture"][None])
    value = float(core_metrics.si_snr_improvement(est, m["sources"][None], m["mixture"][None])[0])
    assert passes("06.3", round(value, 1)) and not passes("06.3", value + 1)


def test_check_prints_verdicts_in_the_current_language(capsys):
    with te.use_language("zh"):
        te.check("06.2", 0)
        te.check("06.2", 5)
        te.check("06.2", None)
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith("✓ 06.2：") and out[1].startswith("✗ 06.2：") and "还没有作答" in out[2]
