"""Chapter 05: the learned kernels next to Fourier templates."""

import matplotlib.pyplot as plt
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch05_learned as learned
from tasnet_edu.core import model as core_model
from tasnet_edu.core import signals as core_signals
from tasnet_edu.exercises import passes


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


def test_chapter_05_exercises():
    k = learned.encoder_kernels(te.load_pretrained())
    assert passes("05.1", 500) and not passes("05.1", 250)
    assert not passes("05.1", "500") and not passes("05.2", "3"), "answers are numbers, as in chapters 00-04"
    count = int((te.peak_frequency(k) < 1000).sum())
    assert passes("05.2", count) and not passes("05.2", count + 1)
    assert passes("05.3", int(te.peak_frequency(k).argmax())) and not passes("05.3", -1)
    assert not passes("05.2", "many")  # odd answers get a hint, not a traceback
