"""Chapter 02 (notebook 02_template_matching): the hand-made bank, the test signal, the two figures, the exercises."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F

import tasnet_edu as te
from tasnet_edu.chapters import ch02_matching as matching
from tasnet_edu.exercises import EXERCISES, hint_for, load_all, passes
from tasnet_edu.ui.plotting import FIGURES


def test_template_bank():
    U, names = matching.template_bank(16)
    assert U.shape == (9, 16) and len(names) == 9
    assert names[:2] == ["cos500", "sin500"] and names[-1] == "δ"
    assert torch.allclose(U.norm(dim=1), torch.ones(9), atol=1e-6)  # every template has length 1
    G = U.double() @ U.double().T
    assert (G[:8, :8] - torch.eye(8, dtype=G.dtype)).abs().max() < 1e-6  # tones on the DFT grid: orthogonal
    assert torch.allclose(G[8, 1:8:2], torch.zeros(4, dtype=G.dtype), atol=1e-6)  # the click misses every sine
    assert torch.allclose(G[8, 0:8:2].abs(), torch.full((4,), 1 / math.sqrt(8), dtype=G.dtype), atol=1e-6)  # not the cosines
    assert float(U[8, 8]) == 1.0
    U, names = matching.template_bank(8, frequencies=(1000,))
    assert U.shape == (3, 8) and names == ["cos1000", "sin1000", "δ"]
    with pytest.raises(ValueError, match="zero at every one"):
        matching.template_bank(16, frequencies=(0,))


def test_the_notebooks_bank_is_the_modules():
    fs, L = 8000, 16
    n = torch.arange(L)
    rows = []
    for f in (500, 1000, 2000, 3000):
        rows += [torch.cos(2 * math.pi * f * n / fs), torch.sin(2 * math.pi * f * n / fs)]
    rows.append((n == L // 2).float())
    U = torch.stack(rows)
    assert torch.allclose(U / U.norm(dim=1, keepdim=True), matching.template_bank(L)[0], atol=1e-5)


def test_tone_sequence():
    x, segments = matching.tone_sequence()
    assert x.shape == (640,)
    assert [(s, e) for s, e, _ in segments] == [(0, 160), (160, 320), (320, 480), (480, 640)]
    assert [label for _, _, label in segments] == ["500 Hz", "2000 Hz", "δ", "1000 Hz"]
    assert float(x[320:480].abs().sum()) == 1.0 and float(x[400]) == 1.0
    assert math.isclose(float(x[:160].abs().max()), 0.5, rel_tol=1e-6)
    with pytest.raises(ValueError, match="part"):
        matching.tone_sequence(part=1)


def test_loop_matmul_einsum_conv_agree_with_the_package_and_the_encoder():
    x, _ = matching.tone_sequence()
    U, _ = matching.template_bank(16)
    frames = te.slice_frames(x, 16)
    by_loop = torch.tensor([[float(frames[k] @ U[i]) for k in range(len(frames))] for i in range(len(U))])
    by_conv = F.conv1d(x.view(1, 1, -1), U[:, None, :], stride=8)[0]
    for other in ((frames @ U.T).T, torch.einsum("kl,nl->nk", frames, U), by_conv):
        assert torch.allclose(other, te.match_templates(frames, U), atol=1e-6)
        assert torch.allclose(other, by_loop, atol=1e-6)
    enc = te.Encoder(16, 9)
    with torch.no_grad():
        enc.conv1d_U.weight.copy_(U.unsqueeze(1))
        assert torch.allclose(enc.scores(x.unsqueeze(0))[0], by_conv, atol=1e-6)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_scores(language):
    with te.use_language(language):
        x, segments = matching.tone_sequence()
        U, names = matching.template_bank(16)
        scores = te.match_templates(te.slice_frames(x, 16), U)
        fig = matching.plot_scores(x, scores, names, segments=segments)
        assert isinstance(fig, plt.Figure)
        top, heat = fig.axes[0], fig.axes[1]
        assert len(fig.axes) == 3  # waveform, heat map, colour bar
        assert top.get_title() == te.t("Scores of 9 templates on every frame (L = 16, hop = 8)",
                                       "9 个模板在每一帧上的分数（帧长 L = 16，帧移 8）")
        assert [t.get_text() for t in heat.get_yticklabels()] == names
        assert heat.get_xlabel() == te.t("time (ms)", "时间（毫秒）")
        assert fig.axes[2].get_ylabel() == te.t("score (dot product)", "分数（点积）")
        assert "δ" in [t.get_text() for t in top.texts]
        assert np.array_equal(heat.images[0].get_array(), scores.numpy())
        plt.close(fig)
        fig = matching.plot_scores(x, scores, names, best=False)
        assert not fig.axes[1].lines
        plt.close(fig)


def test_plot_scores_bad_input():
    x, _ = matching.tone_sequence()
    U, names = matching.template_bank(16)
    scores = te.match_templates(te.slice_frames(x, 16), U)
    with pytest.raises(ValueError, match="must be \\[N, K\\]"):
        matching.plot_scores(x, scores, names[:3])
    with pytest.raises(ValueError, match="79 frames"):
        matching.plot_scores(x, scores[:, :10], names)
    with pytest.raises(ValueError, match="expected one waveform"):
        matching.plot_scores(torch.zeros(2, 100), scores, names)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_templates(language):
    with te.use_language(language):
        U, names = matching.template_bank(16)
        fig = matching.plot_templates(U, names)
        visible = [ax for ax in fig.axes if ax.axison]
        assert len(fig.axes) == 10 and len(visible) == 9
        assert [ax.get_title() for ax in visible] == names
        assert fig.get_suptitle() == te.t("9 hand-made templates, L = 16 samples each, all of length ‖u‖ = 1",
                                          "9 个手工模板，每个 L = 16 个采样点，范数都是 ‖u‖ = 1")
        plt.close(fig)
    with pytest.raises(ValueError, match="one name each"):
        matching.plot_templates(U, names[:3])


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


def unit(rows):
    return rows / rows.norm(dim=-1, keepdim=True).clamp(min=1e-8)


def cosine(frames, U):
    return unit(U) @ unit(frames).transpose(-2, -1)


def conv_scores(x, U):
    if x.dim() == 2:
        x, U = x[:, None], U[:, None]
    return F.conv1d(x, U, stride=U.shape[-1] // 2)


def test_exercise_02_1_cosine_for_every_frame_and_template():
    load_all()
    assert passes("02.1", cosine)
    assert passes("02.1", lambda f, U: F.cosine_similarity(f.unsqueeze(-3), U.unsqueeze(-2), dim=-1))
    wrong = {
        "returned None": lambda f, U: None,
        "all values are zero": lambda f, U: torch.zeros(*f.shape[:-2], U.shape[0], f.shape[-2]),
        "expected [3, 6]": lambda f, U: f,  # its input unchanged
        "axes in the wrong order": lambda f, U: cosine(f, U).transpose(-2, -1),
        "That is the score": lambda f, U: te.match_templates(f, U),  # not divided by the norms
        "0 / 0 is NaN": lambda f, U: (U / U.norm(dim=-1, keepdim=True)) @ (f / f.norm(dim=-1, keepdim=True)).transpose(-2, -1),
        "on a batch [M, K, L] = [2, 6, 8], your function raised": lambda f, U: torch.einsum("kl,nl->nk", unit(f), unit(U)),  # [K, L] only
    }
    for phrase, fn in wrong.items():
        hint = hint_for("02.1", fn)
        assert hint is not None and phrase in hint[0], (phrase, hint)
    assert "0 / 0 得 NaN" in hint_for("02.1", wrong["0 / 0 is NaN"])[1]
    assert "一帧静音" in hint_for("02.1", wrong["0 / 0 is NaN"])[1]


def test_exercise_02_2_scores_of_a_batch_of_waveforms():
    load_all()
    assert passes("02.2", conv_scores)

    def by_encoder(x, U):  # the encoder without its ReLU, with U as its weights
        encoder = te.encoder_from_templates(U)
        encoder.relu = False
        return encoder(x)

    assert passes("02.2", by_encoder)
    wrong = {
        "returned None": lambda x, U: None,
        "all values are zero": lambda x, U: torch.zeros_like(conv_scores(x, U)),
        "has 2 axes, expected 3": lambda x, U: x,  # its input unchanged
        "axes in the wrong order": lambda x, U: conv_scores(x, U).transpose(-2, -1),
        "Is your step L // 2?": lambda x, U: conv_scores(x, U)[..., ::2],  # hop L: every other frame
        "don't flip u": lambda x, U: conv_scores(x, U.flip(-1)),
        "No ReLU here": lambda x, U: conv_scores(x, U).relu(),
        "Add up the dot products of all channels": lambda x, U: conv_scores(x[:, :1], U[:, :1]) if x.dim() == 3 else conv_scores(x, U),
        "on stereo x [2, 2, 40]": lambda x, U: F.conv1d(x.unsqueeze(-2), U.unsqueeze(-2), stride=U.shape[-1] // 2),  # mono only
    }
    for phrase, fn in wrong.items():
        hint = hint_for("02.2", fn)
        assert hint is not None and phrase in hint[0], (phrase, hint)
    def per_channel(x, U):  # stereo scores [M, N, C, K], one row per channel, not added up
        return torch.einsum("mckl,ncl->mnck", x.unfold(-1, U.shape[-1], U.shape[-1] // 2), U) if x.dim() == 3 else conv_scores(x, U)

    assert "all channels" in hint_for("02.2", per_channel)[0]
    hop_l = lambda x, U: F.conv1d(x if x.dim() == 3 else x[:, None], U if U.dim() == 3 else U[:, None], stride=U.shape[-1])
    assert "Is your step L // 2?" in hint_for("02.2", hop_l)[0] and "步长是 L // 2 吗" in hint_for("02.2", hop_l)[1]
    assert "不要把 u 翻转" in hint_for("02.2", wrong["don't flip u"])[1]


def test_exercise_02_3_is_an_open_question():
    load_all()
    assert EXERCISES["02.3"].checker is None and "DFT bin" in EXERCISES["02.3"].solution_en
