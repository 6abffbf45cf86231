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


def _solution(id):
    from tasnet_edu.exercises import EXERCISES, load_all

    load_all()
    namespace = {"torch": torch, "te": te}
    exec(EXERCISES[id].solution_code, namespace)
    return [v for k, v in namespace.items() if k.startswith("my_")][0]


def _peak_bins(k, n=512):
    return torch.fft.rfft(k, n=n).abs().argmax(dim=-1)


PEAK_MISTAKES = {  # a typical wrong my_peak_frequency -> a phrase of its hint
    "returned None": lambda k, sr: None,
    "all values are zero": lambda k, sr: torch.zeros(k.shape[:-1]),
    "has 2 axes, expected 1": lambda k, sr: k,  # its input unchanged
    "zero-padded to 512 points": lambda k, sr: _peak_bins(k, k.shape[-1]) * sr / k.shape[-1],
    "These are bin indices": lambda k, sr: _peak_bins(k),
    "argmax along the last axis": lambda k, sr: torch.fft.rfft(k, n=512).abs().argmax(dim=0) * sr / 512,
    "with the argument sr": lambda k, sr: _peak_bins(k) * 8000 / 512,  # right until sr = 16000
    "not its real part": lambda k, sr: torch.fft.rfft(k, n=512).real.argmax(dim=-1) * sr / 512,
    "expected a torch tensor": lambda k, sr: (_peak_bins(k) * sr / 512).tolist(),
}


@pytest.mark.parametrize("phrase", PEAK_MISTAKES)
def test_05_1_peak_frequency_rejects_each_typical_mistake_with_its_hint(phrase):
    assert passes("05.1", _solution("05.1"))
    assert phrase in hint_for("05.1", PEAK_MISTAKES[phrase])[0]


def test_05_1_hints_in_both_languages_and_a_float32_solution_passes():
    assert passes("05.1", lambda k, sr: torch.fft.rfft(k.float(), n=512).abs().argmax(-1) * sr / 512)
    assert not passes("05.1", lambda k, sr: _peak_bins(k) * sr / 2 / 512)  # spacing sr / 2 / n_fft
    assert "argmax along the last axis" in hint_for("05.1", lambda k, sr: _peak_bins(k.flatten()) * sr / 512)[0]  # over everything
    en, zh = hint_for("05.1", lambda k, sr: _peak_bins(k, k.shape[-1]) * sr / k.shape[-1])
    assert "sr / L apart" in en and "补零到 512 点了吗" in zh and "随机卷积核" in zh


def _partners(k, normalise=True, threshold=True, lowest=True):
    u = k / k.norm(dim=-1, keepdim=True) if normalise else k
    value, index = (u @ u.T).min(dim=-1) if lowest else (u @ u.T).max(dim=-1)
    return torch.where(value < -0.9, index, -1) if threshold else index


PARTNER_MISTAKES = {  # a typical wrong my_partners -> a phrase of its hint
    "returned None": lambda k: None,
    "all values are zero": lambda k: torch.zeros(len(k), dtype=torch.long),
    "has 2 axes, expected 1": lambda k: k,
    "not dot products": lambda k: _partners(k, normalise=False),
    "has no partner: -1": lambda k: _partners(k, threshold=False),
    "Each kernel found itself": lambda k: _partners(k, threshold=False, lowest=False),
    "not a mask": lambda k: _partners(k) >= 0,
}


@pytest.mark.parametrize("phrase", PARTNER_MISTAKES)
def test_05_2_partners_rejects_each_typical_mistake_with_its_hint(phrase):
    assert passes("05.2", _solution("05.2"))
    assert phrase in hint_for("05.2", PARTNER_MISTAKES[phrase])[0]


def test_05_2_hints_in_both_languages_and_the_learned_pairs(kernels):
    en, zh = hint_for("05.2", lambda k: _partners(k, normalise=False))
    assert "scale each kernel to norm 1" in en and "先把每个卷积核缩放到范数 1" in zh
    assert not passes("05.2", lambda k: torch.flip(_partners(k), dims=[0]))
    pairs = _solution("05.2")(kernels)  # on `learned`: as many as the notebook's count
    unit = kernels / kernels.norm(dim=-1, keepdim=True)
    assert int((pairs >= 0).sum()) == int(((unit @ unit.T).fill_diagonal_(1.0).min(dim=-1).values < -0.9).sum())


def test_05_3_is_an_open_question_with_a_hidden_answer():
    assert "open question" in hint_for("05.3", "anything")[0]
