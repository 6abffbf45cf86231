"""Chapter 06: separating speech with the shipped TinyTasNet."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch06_separation as separation
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.exercises import passes
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
