"""Chapter 05: the learned kernels next to Fourier templates.

The tests check the functions on kernels whose answer is known by construction (tones, a kernel and its negative,
hand-made phase groups), so they hold for whatever model ``load_pretrained()`` ships.
"""

import math

import matplotlib.pyplot as plt
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch05_learned as learned
from tasnet_edu.core import model as core_model
from tasnet_edu.core import signals as core_signals
from tasnet_edu.exercises import hint_for, passes


@pytest.fixture(scope="module")
def kernels():
    return learned.encoder_kernels(te.load_pretrained())


def test_encoder_kernels_are_the_conv_weights(kernels):
    model = te.load_pretrained()
    assert torch.equal(kernels, model.encoder.conv1d_U.weight[:, 0].detach())
    assert kernels.shape == (model.encoder.conv1d_U.out_channels, model.encoder.conv1d_U.kernel_size[0])
    stft_model = te.load_pretrained("stft")
    assert torch.equal(learned.encoder_kernels(stft_model), te.stft_kernels(16)[:, 0])


def test_untrained_model_is_the_seeded_start_of_the_shipped_architecture(kernels):
    ckpt = core_model.load_checkpoint()
    model = learned.untrained_model()
    assert model.cfg == core_model.TasNetConfig(**ckpt["config"])
    before = learned.encoder_kernels(model)
    assert before.shape == kernels.shape
    assert torch.equal(before, learned.encoder_kernels(learned.untrained_model()))  # seeded: the same every time
    state = torch.random.get_rng_state()
    learned.untrained_model()
    assert torch.equal(state, torch.random.get_rng_state())


def test_stft_templates_drop_only_the_all_zero_sines():
    k = learned.stft_templates(16)
    assert k.shape == (16, 16)
    assert (k.abs().max(dim=-1).values > 1e-6).all()


def test_peak_by_n_fft_shows_the_grid_and_the_zero_padded_peak():
    rows = learned.peak_by_n_fft(learned.windowed_tone(700), n_ffts=(16, 512))
    assert [(n, spacing) for n, spacing, _ in rows] == [(16, 500.0), (512, 15.625)]
    assert rows[0][2] in (500.0, 1000.0)  # 16 points: only multiples of 500 Hz
    assert abs(rows[1][2] - 700) < 25  # padded: close to the tone
    assert learned.peak_by_n_fft(learned.windowed_tone(1000), n_ffts=(16,))[0][2] == 1000.0  # a bin: exact


def test_share_below_counts_peak_frequencies():
    tones = torch.stack([core_signals.tone(f, 64) for f in (250, 500, 1500, 3000)])
    assert learned.share_below(tones, 1000) == 0.5
    # STFT bins at L=16 are 500 Hz apart: 0 Hz (cos) and 500 Hz (cos, sin) are below 1 kHz.
    assert learned.share_below(learned.stft_templates(16), 1000) == pytest.approx(3 / 16)
    with te.use_language("zh"):
        assert "4 个卷积核中有 2 个" in learned.describe_share("x", tones)
    assert learned.describe_share("x", tones).startswith("x: 2 of 4 kernels (50%)")


def test_kernel_phase_flips_by_pi_for_a_negated_kernel(kernels):
    diff = (learned.kernel_phase(-kernels) - learned.kernel_phase(kernels)) % (2 * math.pi)
    assert torch.allclose(diff, torch.full_like(diff, math.pi), atol=1e-4)


def test_kernel_phase_of_cos_and_sine():
    n = torch.arange(16.0) - 7.5  # centred on the middle of the kernel
    cos = torch.cos(2 * math.pi * 1000 * n / 8000)
    sin = torch.sin(2 * math.pi * 1000 * n / 8000)
    phases = learned.kernel_phase(torch.stack([cos, sin, -cos]))
    assert phases[0] == pytest.approx(0, abs=1e-4)
    assert phases[1] == pytest.approx(-math.pi / 2, abs=1e-4)
    assert float(learned.phase_distance(phases[0], phases[2])) == pytest.approx(math.pi, abs=1e-4)


def _shifted_tones(frequency, shifts_deg, L=16):
    n = torch.arange(L, dtype=torch.float64)
    w = torch.hann_window(L, dtype=torch.float64)
    return [(w * torch.cos(2 * math.pi * frequency * n / 8000 + math.radians(s))).float() for s in shifts_deg]


def test_same_frequency_group_finds_the_band_with_the_most_distinct_phases():
    # 1 kHz at four phases 90° apart, 2 kHz at two nearly equal phases, 3 kHz at two phases 180° apart.
    bank = torch.stack(_shifted_tones(2000, [0, 10]) + _shifted_tones(1000, [0, 90, 180, 270]) + _shifted_tones(3000, [0, 180]))
    group = learned.same_frequency_group(bank)
    assert sorted(group.tolist()) == [2, 3, 4, 5]
    phases = learned.kernel_phase(bank[group])
    assert (phases[1:] >= phases[:-1]).all(), "sorted by phase"
    lines = learned.describe_group(bank, group)
    assert len(lines) == 5 and "90° to 180°" in lines[-1]


def test_same_frequency_group_respects_the_limits():
    near = torch.stack(_shifted_tones(2000, [0, 10]))  # phases too close
    assert len(learned.same_frequency_group(near)) == 0
    far = torch.stack(_shifted_tones(1000, [0]) + _shifted_tones(1500, [90]))  # 500 Hz apart: not one band
    assert len(learned.same_frequency_group(far)) == 0
    dc = torch.stack([torch.ones(16), -torch.ones(16)])  # 0 Hz: excluded, its phase is only 0 or 180°
    assert len(learned.same_frequency_group(dc)) == 0


def test_same_frequency_group_of_the_shipped_model_holds(kernels):
    group = learned.same_frequency_group(kernels)
    if len(group):
        peaks = te.peak_frequency(kernels[group])
        assert float(peaks.max() - peaks.min()) <= 100
        p = learned.kernel_phase(kernels[group])
        d = learned.phase_distance(p[:, None], p[None, :])[~torch.eye(len(p), dtype=torch.bool)]
        assert float(d.min()) >= math.radians(45) - 1e-6


def test_negative_partners_pair_a_kernel_with_its_negative():
    u = torch.randn(3, 16, generator=torch.Generator().manual_seed(0))
    bank = torch.cat([u, -u[:1] * 2.0])  # row 3 is -2 u[0]: a partner of row 0 (scale does not matter)
    partners = learned.negative_partners(bank)
    assert partners[0] == 3 and partners[3] == 0
    assert float(torch.nn.functional.cosine_similarity(u[1], u[2], dim=0)) > -0.9  # random rows: no partner
    assert (partners[1:3] == -1).all()
    assert learned.describe_negatives("x", bank).startswith("x: 2 of 4 kernels")


@pytest.mark.parametrize("kernels, words", [
    (torch.randn(16), r"shape \[16\]; expected \[N, L\].*one kernel has no partner"),
    (torch.randn(4, 1, 16), r"shape \[4, 1, 16\]; expected \[N, L\].*encoder_kernels\(model\) gives \[N, L\]"),
    (torch.zeros(0, 16), r"shape \[0, 16\]; expected \[N, L\] with N >= 1"),
])
def test_negative_partners_refuses_anything_but_a_bank_of_rows(kernels, words):
    with pytest.raises(ValueError, match=words):
        learned.negative_partners(kernels)


def test_concentration_is_high_for_a_tone_and_low_for_a_click():
    tone = learned.windowed_tone(2000)
    click = torch.zeros(16)
    click[8] = 1.0
    c = learned.concentration(torch.stack([tone, click]))
    assert c[0] > 0.5 > c[1]
    line = learned.describe_kernels("x", torch.stack([tone, torch.ones(16)]))
    assert "1 peak at 0 Hz" in line


def test_kernel_change_and_describe_change(kernels):
    assert torch.allclose(learned.kernel_change(kernels, 3 * kernels), torch.ones(len(kernels)))
    assert "identical" in learned.describe_change(kernels, kernels.clone(), "a", "b")
    assert "median cosine similarity -1.00" in learned.describe_change(kernels, -kernels, "a", "b")
    with pytest.raises(ValueError, match="same"):
        learned.kernel_change(kernels, kernels[:3])


def test_training_stages_end_with_the_shipped_model(kernels):
    stages = learned.training_stages()
    names = list(stages)
    assert names[-1] == "learned" and torch.equal(stages["learned"], kernels)
    assert torch.equal(stages[names[0]], learned.encoder_kernels(learned.untrained_model()))
    if "learned-espeak" in stages:
        assert core_model.load_checkpoint()["train_config"].get("init")


def test_kernel_view_orders_by_frequency_and_finds_exciting_frames(kernels):
    clip = te.load_clip(te.speech_clips("test")[0])
    views = [learned.kernel_view(kernels, i, clip) for i in range(len(kernels))]
    assert [v["peak_hz"] for v in views] == sorted(v["peak_hz"] for v in views)
    v = views[10]
    frames = te.slice_frames(clip, 16)
    scores = frames @ kernels[v["kernel"]]
    assert torch.allclose(v["scores"], scores.sort(descending=True).values[:3])
    with pytest.raises(ValueError, match="outside"):
        learned.kernel_view(kernels, len(kernels), clip)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chapter_05_figures_draw_in_both_languages(kernels, language):
    with te.use_language(language):
        before = learned.encoder_kernels(learned.untrained_model())
        clip = te.load_clip(te.speech_clips("test")[0])
        figs = [
            learned.compare_kernels(kernels),
            learned.plot_zero_padding(learned.windowed_tone(700)),
            learned.plot_response_heatmap({"a": kernels, "b": before}),
            learned.plot_peak_distribution({"a": kernels, "b": before}, paper_share=60),
            learned.plot_phases(kernels, learned.same_frequency_group(kernels)),
            learned.plot_before_after({"a": before, "b": kernels}),
            learned.plot_kernel_view(learned.kernel_view(kernels, 3, clip)),
        ]
        assert all(isinstance(f, plt.Figure) for f in figs)
        title = figs[0].subfigs[0]._suptitle.get_text()
        assert ("学到的" in title) == (language == "zh")
        plt.close("all")


def test_training_facts_describe_the_checkpoint():
    ckpt = core_model.load_checkpoint()
    facts = learned.training_facts()
    assert facts.startswith("learned: ") and f"{ckpt['step']} steps" in facts
    with te.use_language("zh"):
        assert f"{ckpt['step']} 步" in learned.training_facts()


def test_chapter_05_exercises(kernels):
    assert passes("05.1", 125) and not passes("05.1", 500)
    assert "fs / L" in hint_for("05.1", 500)[0] and "Nyquist" in hint_for("05.1", 62.5)[0]
    assert not passes("05.1", "125"), "answers are numbers, as in chapters 00-04"
    peaks = te.peak_frequency(kernels)
    count = int(((peaks >= 2000) & (peaks < 3000)).sum())
    assert passes("05.2", count) and not passes("05.2", count + 1) and not passes("05.2", "many")
    assert "only" in hint_for("05.2", len(kernels) + 1)[0]
    assert passes("05.3", 180) and passes("05.3", -180)
    assert not passes("05.3", 90) and "90°" in hint_for("05.3", 90)[0]
    assert not passes("05.3", math.pi) and "radians" in hint_for("05.3", math.pi)[0]
    assert "magnitude" in hint_for("05.3", 0)[0]


def test_training_facts_say_where_training_started_and_on_what(monkeypatch):
    ckpt = dict(core_model.load_checkpoint())
    ckpt["train_config"] = {**ckpt["train_config"], "init": "tasnet_edu/pretrained/first.pt", "data": "/cache/corpus/augmented"}
    monkeypatch.setattr(learned, "load_checkpoint", lambda encoder="learned": ckpt)
    facts = learned.training_facts()
    assert "continued from earlier weights (pretrained/first.pt)" in facts and "corpus/augmented" in facts
    assert "random" not in facts
    with te.use_language("zh"):
        assert "在已有权重（pretrained/first.pt）的基础上继续训练" in learned.training_facts()
