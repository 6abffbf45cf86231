"""Chapter 02 (notebook 02_template_matching): templates, scores three ways, pictures and exercises."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F

import tasnet_edu as te
from tasnet_edu.chapters import ch02_matching as matching
from tasnet_edu.exercises import EXERCISES, load_all, passes
from tasnet_edu.ui.plotting import FIGURES


def test_explain_dot():
    frame = torch.tensor([0.5, 1.0, -0.5, -1.0])
    assert matching.explain_dot(frame, torch.tensor([1.0, 1.0, -1.0, -1.0])) == "0.5×1 + 1×1 + (-0.5)×(-1) + (-1)×(-1) = 3"
    assert matching.explain_dot(frame, torch.tensor([1.0, -1.0, 1.0, -1.0])).endswith("= 0")
    assert matching.explain_dot(torch.tensor([1 / 3]), torch.tensor([1.0]), digits=2) == "0.33×1 = 0.33"
    with pytest.raises(ValueError, match="same length"):
        matching.explain_dot(torch.ones(3), torch.ones(4))
    with pytest.raises(TypeError, match="torch.Tensor or NumPy"):
        matching.explain_dot([1.0, 2.0], torch.ones(2))


def test_template_bank():
    U, names = matching.template_bank(16)
    assert U.shape == (9, 16) and len(names) == 9
    assert names[:2] == ["500 Hz cos", "500 Hz sin"] and names[-1] == "click"
    assert torch.allclose(U.pow(2).sum(1), torch.ones(9), atol=1e-6)  # unit energy
    # cos and sin of one frequency are orthogonal over a whole number of cycles
    assert abs(float(U[0] @ U[1])) < 1e-6
    with te.use_language("zh"):
        assert matching.template_bank(16)[1][-1] == "脉冲"
        U, names = matching.template_bank(8, frequencies=(1000,), with_click=False)
        assert U.shape == (2, 8) and names == ["1000 Hz cos", "1000 Hz sin"]
        with pytest.raises(ValueError, match="the bank is empty"):
            matching.template_bank(16, frequencies=(), with_click=False)
        with pytest.raises(ValueError, match="Nyquist"):
            matching.template_bank(16, frequencies=(5000,))


def test_tone_sequence():
    x, segments = matching.tone_sequence()
    assert x.shape == (640,)
    assert [(s, e) for s, e, _ in segments] == [(0, 160), (160, 320), (320, 480), (480, 640)]
    assert [label for _, _, label in segments] == ["500 Hz", "2000 Hz", "click", "1000 Hz"]
    assert float(x[320:480].abs().sum()) == 1.0 and float(x[400]) == 1.0
    with pytest.raises(ValueError, match="segment_seconds"):
        matching.tone_sequence(segment_seconds=0.0001)


def test_speech_piece():
    x = matching.speech_piece(0.25)
    assert x.shape == (2000,) and x.abs().max() > 0.1
    with pytest.raises(ValueError, match="seconds=100"):
        matching.speech_piece(100)


def test_three_ways_agree():
    x = matching.speech_piece(0.05)
    U, _ = matching.template_bank(16)
    frames = te.slice_frames(x, 16)
    by_loop = matching.match_templates_loop(frames, U)
    by_einsum = te.match_templates(frames, U)
    by_conv = matching.match_with_conv(x, U)
    by_F = F.conv1d(x.view(1, 1, -1), U.unsqueeze(1), stride=8)[0]
    assert by_conv.shape == (9, te.num_frames(400, 16))
    assert torch.allclose(by_loop, by_conv, atol=1e-5)
    assert torch.allclose(by_einsum, by_conv, atol=1e-5)
    assert torch.equal(by_conv, by_F)
    # batch form, and the Encoder's own conv gives the same scores
    batch = torch.stack([x, -x])
    assert matching.match_with_conv(batch, U).shape == (2, 9, 49)
    enc = te.Encoder(16, 9)
    with torch.no_grad():
        enc.conv1d_U.weight.copy_(U.unsqueeze(1))
        assert torch.allclose(enc.scores(x.unsqueeze(0))[0], by_conv, atol=1e-6)


def test_match_with_conv_bad_input():
    U, _ = matching.template_bank(16)
    with pytest.raises(ValueError, match="shorter than one frame"):
        matching.match_with_conv(torch.zeros(8), U)
    with pytest.raises(ValueError, match=r"expected \[N, L\]"):
        matching.match_with_conv(torch.zeros(100), U.unsqueeze(1))
    with pytest.raises(ValueError, match=r"expected \[T\] or \[M, T\]"):
        matching.match_with_conv(torch.zeros(1, 1, 100), U)


def test_winners_and_segment_winners():
    scores = torch.tensor([[1.0, -1.0, 0.0], [0.5, 0.01, 0.0]])
    assert matching.winners(scores).tolist() == [0, -1, -1]
    x, segments = matching.tone_sequence()
    U, names = matching.template_bank(16)
    s = matching.match_with_conv(x, U)
    result = matching.segment_winners(s, names, segments, 16)
    assert [(label, winner) for label, winner, _ in result] == [
        ("500 Hz", "500 Hz sin"), ("2000 Hz", "2000 Hz sin"), ("click", "click"), ("1000 Hz", "1000 Hz sin")]
    assert math.isclose(result[0][2], 0.5 * math.sqrt(8), rel_tol=1e-5)  # amplitude 0.5 x sqrt(L/2)
    assert math.isclose(result[2][2], 1.0, rel_tol=1e-6)
    with pytest.raises(ValueError, match="holds no whole frame"):
        matching.segment_winners(s, names, [(0, 10, "tiny")], 16)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_scores(language):
    with te.use_language(language):
        x, segments = matching.tone_sequence()
        U, names = matching.template_bank(16)
        fig = matching.plot_scores(x, U, names, segments=segments)
        assert isinstance(fig, plt.Figure)
        top, heat = fig.axes[0], fig.axes[1]
        assert len(fig.axes) == 3  # waveform, heat map, colour bar
        assert top.get_title() == te.t("Scores of 9 templates on every frame (L = 16, hop = 8)",
                                       "9 个模板在每一帧上的分数（L = 16，帧移 hop = 8）")
        assert [t.get_text() for t in heat.get_yticklabels()] == names
        assert heat.get_xlabel() == te.t("time (ms)", "时间（毫秒）")
        assert fig.axes[2].get_ylabel() == te.t("score (dot product)", "分数（点积）")
        assert te.t("click", "脉冲") in [t.get_text() for t in top.texts]


def test_plot_scores_bad_input():
    U, names = matching.template_bank(16)
    with pytest.raises(ValueError, match="one name each"):
        matching.plot_scores(torch.zeros(100), U, names[:3])
    with pytest.raises(ValueError, match="expected one waveform"):
        matching.plot_scores(torch.zeros(2, 100), U, names)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_templates(language):
    with te.use_language(language):
        U, names = matching.template_bank(16)
        fig = matching.plot_templates(U, names)
        visible = [ax for ax in fig.axes if ax.axison]
        assert len(fig.axes) == 10 and len(visible) == 9
        assert [ax.get_title() for ax in visible] == names
        assert fig.get_suptitle() == te.t("9 hand-made templates, L = 16 samples each (unit energy)",
                                          "9 个手工模板，每个 L = 16 个采样点（能量为 1）")


def test_time_three_ways(capsys):
    with te.use_language("en"):
        U, _ = matching.template_bank(16)
        result = matching.time_three_ways(matching.speech_piece(0.02), U, repeats=2)
        assert set(result) == {"loop", "einsum", "conv1d"} and all(v > 0 for v in result.values())
        out = capsys.readouterr().out.splitlines()
        assert len(out) == 3 and out[0].strip().startswith("loop:") and "faster than the loop" in out[2]


def test_registered_templates_figure_draws_the_bank():
    U, names = matching.template_bank(16)
    fig = FIGURES["02_templates"]()
    visible = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in visible] == names
    for ax, template in zip(visible, U.numpy()):
        drawn = [line for line in ax.lines if len(line.get_xdata()) == 16]  # not the zero line
        assert len(drawn) == 1 and np.array_equal(drawn[0].get_ydata(), template)
    plt.close(fig)


def test_registered_heatmap_draws_the_scores_of_every_frame():
    x, _ = matching.tone_sequence()
    U, names = matching.template_bank(16)
    frames = x.unfold(0, 16, 8)  # [K, L]: frame k starts at k * hop
    expected = (U @ frames.T).numpy()  # one dot product per template and frame, without conv1d
    fig = FIGURES["02_scores_heatmap"]()
    heat = fig.axes[1]
    assert np.allclose(heat.images[0].get_array(), expected, atol=1e-5)
    assert [t.get_text() for t in heat.get_yticklabels()] == names
    # The black dots: at the centre of frame k (k * hop + L / 2 samples, drawn in ms), on the row of its best template,
    # in every frame whose best score reaches 10% of the largest score.
    dot_ms, dot_row = heat.lines[0].get_xdata(), heat.lines[0].get_ydata()
    k = np.round((dot_ms * 8000 / 1000 - 16 / 2) / 8).astype(int)
    assert set(k) == set(np.nonzero(expected.max(0) > 0.1 * expected.max())[0])
    assert np.array_equal(dot_row, expected.argmax(0)[k])
    plt.close(fig)


def test_exercise_02_1_answer_is_what_the_code_gives():
    U, names = matching.template_bank(16)
    scores = matching.match_with_conv(matching.sine_wave(1000, 0.01), U)
    assert names[int(scores.sum(1).argmax())] == "1000 Hz sin"
    load_all()
    assert passes("02.1", "1000 Hz sin") and passes("02.1", " 1000  hz SIN ")
    for wrong in ("1000 Hz cos", "2000 Hz sin", "click", 1000, 2000, None):
        assert not passes("02.1", wrong)
    assert "wrong phase" in EXERCISES["02.1"].checker("1000 Hz cos")[0]
    assert "Right frequency" in EXERCISES["02.1"].checker(1000)[0]


def test_exercise_02_2_and_02_3():
    load_all()
    frame = torch.tensor([3.0, -1.0, 2.0, 0.0])
    assert passes("02.2", float(frame @ frame)) and passes("02.2", 14) and passes("02.2", frame @ frame)
    assert "plain sum" in EXERCISES["02.2"].checker(4)[0]
    assert "norm" in EXERCISES["02.2"].checker(14 ** 0.5)[0]
    assert "never score below 0" in EXERCISES["02.2"].checker(-14)[0]
    assert passes("02.3", te.num_frames(8000, 16) * 64 * 16) and passes("02.3", 1022976)
    assert "hop = 8" in EXERCISES["02.3"].checker(8000 * 64 * 16)[0]
    assert "number of scores" in EXERCISES["02.3"].checker(999 * 64)[0]
    assert not passes("02.3", 1000 * 64 * 16)


def test_score_is_loudness_times_likeness():
    frame, u = torch.tensor([0.5, 1.0, -0.5, -1.0]), torch.tensor([1.0, 1.0, -1.0, -1.0])
    d = te.ch02.cosine_form(frame, u)
    assert d["score"] == pytest.approx(float(frame @ u))
    assert d["score"] == pytest.approx(d["frame_norm"] * d["template_norm"] * d["cos"])
    louder = te.ch02.cosine_form(3 * frame, u)
    assert louder["cos"] == pytest.approx(d["cos"]) and louder["score"] == pytest.approx(3 * d["score"])
    assert te.ch02.cosine_form(torch.zeros(4), u)["cos"] == 0.0  # silence: no angle, score 0
    with te.use_language("zh"):
        assert te.ch02.describe_cosine(frame, u).startswith("分数 3.000 = |帧| 1.581")


def test_conv1d_is_a_cross_correlation_not_a_convolution():
    result = te.ch02.correlation_vs_convolution(torch.arange(8.0), torch.tensor([1.0, 2.0, 3.0]))
    assert result == {"equals_correlate": True, "equals_convolve": False, "equals_convolve_of_flipped": True}
    symmetric = te.ch02.correlation_vs_convolution(torch.arange(8.0), torch.tensor([1.0, 2.0, 1.0]))
    assert symmetric["equals_convolve"], "a symmetric kernel cannot tell the two apart"
    with te.use_language("zh"):
        assert "不翻转" in te.ch02.describe_correlation(result)


def test_bank_tones_are_dft_bins_and_orthogonal():
    assert [b for _, b in te.ch02.dft_bins(L=16)] == [1.0, 2.0, 4.0, 6.0]
    assert te.ch02.tones_are_orthogonal(L=16) < 1e-6
    assert te.ch02.tones_are_orthogonal(L=16, frequencies=(700, 1000)) > 0.5  # off the grid: they leak
