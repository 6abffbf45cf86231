"""Chapter 06: separating speech with the shipped TinyTasNet."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch06_separation as separation
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import to_db


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
    span = (0.2, 0.6)
    fig = separation.plot_pipeline(result, m["mixture"], m["sources"], span=span)
    axes = fig.axes
    # The strength-map panel shows the span's frames, rows sorted by peak frequency, in dB.
    drawn = axes[1].images[0].get_array()
    assert (result.hop, result.sample_rate) == (model.hop, model.sample_rate) == (8, 8000)
    k0, k1 = int(0.2 * 8000 / 8), int(0.6 * 8000 / 8)
    assert np.allclose(drawn, to_db(result["strength_map"][result["order"]][:, k0:k1]))
    assert list(result["peak_hz"][result["order"]]) == sorted(result["peak_hz"].tolist())
    # The titles of the two voices carry the SI-SNR of what is drawn; on top of each voice, its error as SI-SNR counts it.
    for s, ax in zip(range(2), (axes[4], axes[5])):
        score = float(te.si_snr(result["estimates"][s], m["sources"][s]))
        assert f"{score:.1f} dB" in ax.get_title()
        separated, error = ax.lines
        assert np.allclose(separated.get_ydata(), result["estimates"][s].numpy())
        target, noise = core_metrics.si_snr_parts(result["estimates"][s], m["sources"][s])
        assert np.allclose(error.get_ydata(), noise.numpy())
        assert score == pytest.approx(10 * np.log10(target.pow(2).sum().item() / noise.pow(2).sum().item()), abs=1e-3)
    fig = separation.plot_losses([3.0, 2.0, 1.0, 0.5, 0.2, 0.1], baseline=0.5)
    assert any(np.allclose(line.get_ydata(), 0.5) for line in fig.axes[0].lines)
    plt.close("all")


def test_pipeline_takes_hop_and_voices_from_the_model():
    from tasnet_edu.core.model import TasNetConfig, TinyTasNet

    model = TinyTasNet(TasNetConfig(L=32, num_sources=3, X=2, R=1)).eval()  # hop 16, three voices
    m = te.fixed_mixtures("test", 1)[0]
    sources = torch.cat([m["sources"], m["sources"][:1] * 0.5])
    result = separation.separate(model, m["mixture"], sources)
    assert result.hop == 16 and result["masks"].shape[0] == 3
    assert all(hasattr(value, "shape") for value in result.values())  # notebook 06 prints every value's shape
    fig = separation.plot_pipeline(result, m["mixture"], sources, span=(0.2, 0.6))
    maps = [ax for ax in fig.axes if ax.images]
    assert len(maps) == 1 + 3  # the strength map and one mask per voice
    k0, k1 = int(0.2 * 8000 / 16), int(0.6 * 8000 / 16)
    assert maps[0].images[0].get_array().shape == (model.encoder.templates.shape[0], k1 - k0)
    for s, ax in enumerate(maps[1:]):
        assert np.allclose(ax.images[0].get_array(), result["masks"][s][result["order"]][:, k0:k1].numpy())
    voices = [ax for ax in fig.axes if ax.get_title().startswith("voice")]
    assert [ax.get_title().split(" (")[0] for ax in voices] == ["voice 1", "voice 2", "voice 3"]
    with pytest.raises(TypeError, match="what te.ch06.separate returns"):
        separation.plot_pipeline(dict(result), m["mixture"], sources)
    plt.close("all")


def test_mask_rows_finds_templates_switched_off_for_every_voice():
    masks = torch.full((2, 4, 100), 0.5)
    masks[:, 1] = 0.02  # off for both voices
    masks[0, 2, :50] = 0.02  # off for one voice only half the time: not muted
    strength = torch.ones(4, 100)
    strength[1] = 2.0  # 4 of the 7 units of energy
    result = separation.Separation({"masks": masks, "strength_map": strength}, hop=8, sample_rate=8000)
    rows = separation.mask_rows(result)
    assert rows["muted"] == [1] and rows["templates"] == 4
    assert rows["muted_energy"] == pytest.approx(4 / 7) and rows["median_sum"] == pytest.approx(1.0)
    assert "1 of 4" in separation.describe_mask_rows(rows) and "57%" in separation.describe_mask_rows(rows)
    with te.use_language("zh"):
        assert "4 个中的 1 个" in separation.describe_mask_rows(rows)


def test_loudest_span_finds_the_loud_part():
    x = torch.zeros(16000)
    x[9000:11000] = torch.randn(2000)
    start, end = separation.loudest_span(x, 0.25)
    assert start <= 9000 / 8000 + 0.01 and end >= 11000 / 8000 - 0.01  # starts on a 10 ms grid and end - start == pytest.approx(0.25)


def test_real_example_and_its_description():
    m = separation.real_example(0)
    assert m["files"] == ("hts1.flac", "hts2.flac")
    assert "hts1" in separation.describe_real(m) and "dB" in separation.describe_real(m)
    with pytest.raises(ValueError, match="out of range"):
        separation.real_example(10_000)


def test_masks_by_domain_with_a_perfect_encoder():
    """An identity-like model (encoder and decoder exact inverses) makes the encoder domain equal the waveform domain."""
    class Identity:
        def encode(self, x):  # [M, T] -> [M, 1, T]: one 'template', one frame per sample
            return x[:, None]

        def decode(self, parts, length):  # [M, S, 1, T] -> [M, S, T]
            return parts[:, :, 0, :length]

    mixtures = separation.real_mixtures(3)
    domains = separation.masks_by_domain(Identity(), mixtures)
    # ReLU-free identity encoder: magnitudes |s_i| / sum |s_j| on samples = the waveform domain, exactly.
    assert domains["encoder"]["si_snri"]["mean"] == pytest.approx(domains["waveform"]["si_snri"]["mean"], abs=0.01)
    assert 0 < domains["waveform"]["dominated"]["mean"] <= 100
    assert domains["encoder"]["rebuilt"]["mean"] > 60  # an exact decoder rebuilds the mixture exactly
    table = separation.domain_table(domains, "zh")
    assert "波形采样点" in table and "精确还原" in table and table.count("\n") == 4


def test_what_chapter_06_says_about_separation_in_feature_space():
    mixtures = separation.real_mixtures()
    shipped = separation.masks_by_domain(te.load_pretrained(), mixtures)
    first = separation.masks_by_domain(te.load_pretrained("learned-espeak"), mixtures)
    share = {d: v["dominated"]["mean"] for d, v in shipped.items()}
    # "on the STFT, and even more on the strength map, one voice usually dominates each entry"
    assert share["waveform"] < share["stft"] < share["encoder"]
    # "the oracle on the strength map scores no better than on the samples"; the decoder's rebuild is its ceiling
    score = {d: v["si_snri"]["mean"] for d, v in shipped.items()}
    assert score["encoder"] <= score["waveform"] + 0.3 and score["encoder"] < score["stft"]
    assert score["encoder"] < shipped["encoder"]["rebuilt"]["mean"]
    # "the first model, whose decoder rebuilds better and whose oracle does better too"
    assert first["encoder"]["rebuilt"]["ci95"][0] > shipped["encoder"]["rebuilt"]["ci95"][1]
    assert first["encoder"]["si_snri"]["ci95"][0] > shipped["encoder"]["si_snri"]["ci95"][1]
    line = separation.describe_decoder("learned-espeak", first)
    assert line.startswith("learned-espeak: ideal ratio mask") and f"{first['encoder']['rebuilt']['mean']:.1f}" in line


def test_do_nothing_loss_is_minus_the_mixtures_si_snr():
    config = separation.TrainConfig(batch_size=2, segment_seconds=0.25)
    mixture, sources = separation.make_batch(config, 0)
    expected = -float(core_metrics.pit_si_snr(mixture[:, None].expand_as(sources), sources)[0].mean())
    assert separation.do_nothing_loss(config, 1) == pytest.approx(expected, abs=1e-4)


def test_speed_line_states_the_real_time_factor():
    assert "RTF" in separation.speed_line(200.0) and "0.0050" in separation.speed_line(200.0)


def test_chapter_06_exercises():
    assert passes("06.1", 0) and not passes("06.1", 3)
    assert "10 log10" in hint_for("06.1", 1)[0] and "s + n" in hint_for("06.1", 3.01)[0]  # the two likely slips
    assert passes("06.2", 0.0) and not passes("06.2", 6)
    m = separation.real_example(1)
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


def _fake_budget(monkeypatch, stage_1: float, stage_2: float):
    from tasnet_edu.core import evaluation

    fake = {"runs": {"budget-cpu": {"audio_hours": 10.0, "real": {"mean": stage_1}},
                     "budget-gpu": {"audio_hours": 40.0, "real": {"mean": stage_2}}}}
    monkeypatch.setattr(evaluation, "ablation_results", lambda: fake)
    monkeypatch.setattr(separation, "ablation_results", lambda: fake)
    return evaluation


def test_budget_trend_extends_a_straight_line_on_log_hours(monkeypatch):
    evaluation = _fake_budget(monkeypatch, 3.0, 5.0)
    trend = evaluation.budget_trend("real", target_db=8.0)
    # 10 -> 40 hours is two doublings for 2 dB: 1 dB per doubling; 3 dB more is 3 doublings, 8 x 40 hours
    assert trend["db_per_doubling"] == pytest.approx(1.0)
    assert trend["times_stage_2"] == pytest.approx(8.0) and trend["hours"] == pytest.approx(320.0)
    line = separation.describe_budget_trend("real", 8.0)
    assert "+1.00 dB per doubling" in line and "about 320 hours of audio, 8 times" in line and "rough guide" in line


def test_budget_trend_without_a_gain_draws_no_line(monkeypatch):
    evaluation = _fake_budget(monkeypatch, 5.0, 4.0)
    assert evaluation.budget_trend("real")["hours"] == float("inf")
    assert separation.describe_budget_trend("real") == "Real voices: no gain from stage 1 to stage 2, so no line to extend."


def test_two_figures_keeps_two_significant_figures():
    assert [separation._two_figures(x) for x in (87654.3, 1234.0, 12.0, 8.0)] == ["88,000", "1,200", "12", "8"]
