"""Chapter 05: the figures and the kernel browser, and the exercises.

The notebook computes frequency responses, peaks, shares, partners and phases in its cells and checks them against
``te.frequency_response`` / ``te.peak_frequency`` / ``te.sort_by_frequency`` there; these tests check what the chapter
module draws, on kernels whose answer is known by construction, so they hold for whatever model ships.
"""

import math

import matplotlib.pyplot as plt
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch05_learned as learned
from tasnet_edu.core.model import untrained_model
from tasnet_edu.exercises import hint_for, passes


@pytest.fixture(scope="module")
def kernels():
    return te.load_pretrained().encoder.conv1d_U.weight.detach()[:, 0]


def _tones(frequencies, L=16, shift_deg=0.0):
    n = torch.arange(L, dtype=torch.float64)
    w = torch.hann_window(L, dtype=torch.float64)
    return torch.stack([(w * torch.cos(2 * math.pi * f * n / 8000 + math.radians(shift_deg))).float() for f in frequencies])


def test_labels_follow_the_language():
    assert learned.label("before") == "random start" and learned.label("stft") == "STFT"
    assert learned.label("other") == "other"
    with te.use_language("zh"):
        assert learned.label("learned") == "学到的" and learned.label("before") == "随机初始化"


def test_compare_kernels_titles_each_kernel_with_its_peak():
    bank = _tones([1000, 2000, 3000])
    fig = learned.compare_kernels(bank, bank[:1])
    titles = [ax.get_title() for ax in fig.subfigs[0].axes if ax.get_title()]
    assert titles == ["1000", "2000", "3000"]
    plt.close(fig)


def test_zero_padding_figure_shows_both_grids():
    tone = _tones([700])[0]
    fig = learned.plot_zero_padding(tone)
    labels = [text.get_text() for text in fig.axes[1].get_legend().get_texts()]
    assert labels == ["n_fft = 512: peak 688 Hz", "n_fft = 16: peak 500 Hz"]
    plt.close(fig)


def test_before_after_titles_each_stage_with_the_kernel_and_its_peak():
    a, b = _tones([1000, 2000]), _tones([1500, 3000])
    fig = learned.plot_before_after({"before": a, "learned": b}, [7, 9])
    assert [ax.get_title() for ax in fig.axes] == ["#7 1000 Hz", "#9 2000 Hz", "#7 1500 Hz", "#9 3000 Hz"]
    plt.close(fig)


def test_kernel_view_orders_by_frequency_and_finds_exciting_frames(kernels):
    clip = te.load_clip(te.speech_clips("test")[0])
    views = [learned.kernel_view(kernels, i, clip) for i in range(len(kernels))]
    assert [v["peak_hz"] for v in views] == sorted(v["peak_hz"] for v in views)
    assert [v["peak_hz"] for v in views] == te.peak_frequency(kernels)[te.sort_by_frequency(kernels)].tolist()
    v = views[10]
    scores = te.slice_frames(clip, 16) @ kernels[v["kernel"]]
    assert torch.allclose(v["scores"], scores.sort(descending=True).values[:3])
    with pytest.raises(ValueError, match="outside"):
        learned.kernel_view(kernels, len(kernels), clip)


def test_kernel_browser_is_a_slider_over_all_kernels(kernels):
    clip = te.load_clip(te.speech_clips("test")[0])
    widget = learned.kernel_browser(kernels, clip)
    slider = widget.children[0]
    assert (slider.min, slider.max) == (0, len(kernels) - 1)
    plt.close("all")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chapter_05_figures_draw_in_both_languages(kernels, language):
    with te.use_language(language):
        before = untrained_model().encoder.conv1d_U.weight.detach()[:, 0]
        clip = te.load_clip(te.speech_clips("test")[0])
        peaks = te.peak_frequency(kernels)
        order = te.sort_by_frequency(kernels)
        responses = te.frequency_response(kernels)[1][order]
        figs = [
            learned.compare_kernels(kernels[order], kernels[:16]),
            learned.plot_zero_padding(_tones([700])[0]),
            learned.plot_response_heatmap({"learned": responses / responses.amax(dim=-1, keepdim=True)}),
            learned.plot_peak_distribution({"learned": peaks, "before": te.peak_frequency(before)}, paper_share=60),
            learned.plot_phases(kernels, peaks, torch.zeros(len(kernels)), torch.tensor([3, 5])),
            learned.plot_before_after({"before": before[:4], "learned": kernels[:4]}, range(4)),
            learned.plot_kernel_view(learned.kernel_view(kernels, 3, clip)),
        ]
        assert all(isinstance(f, plt.Figure) for f in figs)
        title = figs[0].subfigs[0]._suptitle.get_text()
        assert ("学到的" in title) == (language == "zh")
        plt.close("all")


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
