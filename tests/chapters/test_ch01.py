"""Chapter 01 (notebook 01_slicing): pictures, tables, the widget and the exercises."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch01_slicing as framing
from tasnet_edu.exercises import EXERCISES, load_all, passes
from tasnet_edu.ui.plotting import FIGURES


def test_demo_waveform():
    x = framing.demo_waveform()
    assert x.shape == (framing.DEMO_LENGTH,) and x.dtype == torch.float32
    assert x.abs().max() > 0.1  # voiced speech, not silence
    assert torch.equal(framing.demo_waveform(124), x[:124])
    x[0] = 99.0  # a copy: the cached piece is not changed
    assert framing.demo_waveform(1)[0] != 99.0
    with pytest.raises(ValueError, match="T=321 is longer than the demo piece"):
        framing.demo_waveform(321)
    with pytest.raises(ValueError, match="T must be at least 1"):
        framing.demo_waveform(0)


@pytest.mark.parametrize("L", [2, 3, 5, 16, 17])
def test_conv_num_frames_equals_num_frames(L):
    for T in range(L, L + 60):
        assert framing.conv_num_frames(T, L) == te.num_frames(T, L)


def test_conv_num_frames_bad_input():
    with pytest.raises(ValueError, match="shorter than one frame"):
        framing.conv_num_frames(10, 16)
    with pytest.raises(ValueError, match="L must be at least 2"):
        framing.conv_num_frames(10, 1)


@pytest.mark.parametrize("L, hop, shared, pct", [(4, 2, 2, "50%"), (5, 2, 3, "60%"), (16, 8, 8, "50%"), (17, 8, 9, "53%")])
def test_overlap(L, hop, shared, pct):
    assert framing.overlap_samples(L) == shared
    with te.use_language("en"):
        assert framing.describe_overlap(L) == f"L = {L}: hop = {hop}, neighbouring frames share {shared} samples ({pct} overlap)"
    with te.use_language("zh"):
        assert f"共享 {shared} 个采样点（重叠 {pct}）" in framing.describe_overlap(L)


def test_formula_table():
    with te.use_language("en"):
        text = framing.formula_table(range(120, 130), L=16).data
        lines = text.splitlines()
        assert lines[0].startswith("| T | true K")
        assert "| 120 | 14 | 14 | ✓ | 0 |" in lines
        assert "| 123 | 14 | 14.375 | ✗ | 3 |" in lines
        assert "| 128 | 15 | 15 | ✓ | 0 |" in lines
    with te.use_language("zh"):
        assert "文档公式" in framing.formula_table([96], L=16).data
        with pytest.raises(ValueError, match="T must be at least 16"):
            framing.formula_table([10], L=16)
        with pytest.raises(ValueError, match="Ts is empty"):
            framing.formula_table([], L=16)


def test_frames_ascii():
    text = framing.frames_ascii(38, 8)
    lines = text.splitlines()
    assert lines[1] == "x[n]   " + "." * 38
    assert lines[2] == "k=0    [======]"
    assert lines[3] == "k=1        [======]"
    assert len([line for line in lines if line.startswith("k=")]) == te.num_frames(38, 8) == 8
    assert lines[-1].rstrip().endswith("^^ 2 dropped")
    assert lines[-1].index("^") == 7 + 36
    assert "dropped" not in framing.frames_ascii(40, 8)
    with te.use_language("zh"):
        assert framing.frames_ascii(20, 5).endswith("^ 丢弃 1 个")
        with pytest.raises(ValueError, match="too long"):
            framing.frames_ascii(200, 8)
        with pytest.raises(ValueError, match="shorter than one frame"):
            framing.frames_ascii(4, 8)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_frames(language):
    with te.use_language(language):
        x = framing.demo_waveform(124)
        fig = framing.plot_frames(x, 16)
        assert isinstance(fig, plt.Figure) and len(fig.axes) == 1
        ax = fig.axes[0]
        assert ax.get_title() == te.t("L = 16, hop = 8, T = 124  →  K = 14 frames", "L = 16，帧移 hop = 8，T = 124  →  K = 14 帧")
        assert ax.get_xlabel() == te.t("sample index n", "采样点序号 n")
        assert len([p for p in ax.patches if (p.get_gid() or '').startswith('frame')]) == 14  # one bar per frame
        texts = [t.get_text() for t in ax.texts]
        assert te.t("dropped: 4", "丢弃 4 个") in texts
        assert "k=0" in texts


def test_plot_frames_odd_L_and_bad_input():
    fig = framing.plot_frames(framing.demo_waveform(40), 5)
    assert len([p for p in fig.axes[0].patches if (p.get_gid() or '').startswith('frame')]) == 18
    assert framing._levels(5) == 3 and framing._levels(16) == 2
    with pytest.raises(ValueError, match="expected one waveform"):
        framing.plot_frames(torch.zeros(2, 100), 16)
    with pytest.raises(ValueError, match="shorter than one frame"):
        framing.plot_frames(torch.zeros(10), 16)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_stacked_frames(language):
    with te.use_language(language):
        fig = framing.plot_stacked_frames(framing.demo_waveform(), 16, count=5)
        ax = fig.axes[0]
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == [te.t("waveform", "波形")] + [te.t(f"frame k={k}", f"第 k={k} 帧") for k in range(5)]
        assert "hop = L // 2 = 8" in ax.get_title()
        assert len(ax.patches) == 5
        # count larger than K draws K rows
        fig = framing.plot_stacked_frames(torch.ones(32), 16, count=9)
        assert len(fig.axes[0].patches) == te.num_frames(32, 16) == 3


def test_frames_view_returns_K_and_prints(capsys):
    with te.use_language("en"):
        assert framing.frames_view(L=5, T=40) == 18
        assert framing.frames_view(L=16, T=124) == 14
        out = capsys.readouterr().out
        assert "K = 18 frames (hop = 2, dropped samples = 1)" in out
        assert "K = 14 frames (hop = 8, dropped samples = 4)" in out
        for L, T in [(2, 2), (7, 300), (64, 320), (33, 100)]:
            assert framing.frames_view(L=L, T=T) == te.num_frames(T, L)


def test_frames_view_T_shorter_than_L(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(framing, "show_figure", lambda fig: shown.append(fig) or plt.close(fig))  # what the widget displays
    plt.close("all")
    with te.use_language("zh"):
        assert framing.frames_view(L=16, T=10) is None
        out = capsys.readouterr().out
        assert out.startswith("K = 0，num_frames 报错 ValueError：音频只有 10 个采样点，比一帧（L = 16）还短")
        assert len(shown) == 1 and shown[0].axes[0].get_title() == "T = 10 < L = 16：一帧也放不下"
        assert not plt.get_fignums(), "widget figures are closed in pyplot (no double drawing)"


def test_frames_widget():
    w = framing.frames_widget(L=16, T=124)
    sliders = {c.description: c for c in w.children if hasattr(c, "description") and c.description}
    assert sliders["L"].value == 16 and sliders["L"].min == 2
    assert sliders["T"].value == 124 and sliders["T"].max == framing.DEMO_LENGTH
    assert w.result == 14
    sliders["L"].value = 8  # moving a slider reruns frames_view
    assert w.result == te.num_frames(124, 8)
    with pytest.raises(ValueError, match="L must be at least 2"):
        framing.frames_widget(L=1)


def test_registered_frames_over_waveform_draws_the_demo_piece_and_its_frames():
    fig = FIGURES["01_frames_over_waveform"]()
    ax = fig.axes[0]
    x = framing.demo_waveform(124).numpy()
    assert np.array_equal(ax.lines[0].get_xdata(), np.arange(124))
    assert np.array_equal(ax.lines[0].get_ydata(), x)
    bars = [p for p in ax.patches if (p.get_gid() or "").startswith("frame")]
    # frame k covers samples k * hop .. k * hop + L - 1 (drawn from -0.5 to +0.5 around them): L = 16, hop = 8, K = 14
    assert [(p.get_x(), p.get_width()) for p in bars] == [(8 * k - 0.5, 16) for k in range(14)]
    assert ax.get_title() == te.t("L = 16, hop = 8, T = 124  →  K = 14 frames", "L = 16，帧移 hop = 8，T = 124  →  K = 14 帧")
    plt.close(fig)


def test_registered_stacked_frames_draws_each_frame_where_it_sits():
    fig = FIGURES["01_stacked_frames"]()
    ax = fig.axes[0]
    x = framing.demo_waveform().numpy()
    waveform, *rest = ax.lines
    frames = [line for line in rest if len(set(line.get_xdata())) > 1]  # not the vertical hop grid
    end = 4 * 8 + 16 + 8  # five frames of L = 16, hop 8, and one hop more
    assert np.array_equal(waveform.get_ydata(), x[:end])
    assert len(frames) == 5
    offsets = []
    for k, line in enumerate(frames):
        assert np.array_equal(line.get_xdata(), np.arange(8 * k, 8 * k + 16))  # frame k starts k hops in
        shift = line.get_ydata() - x[8 * k : 8 * k + 16]  # the frame's samples, moved down to row k
        assert np.allclose(shift, shift[0])
        offsets.append(shift[0])
    assert np.all(np.diff(offsets) < 0) and np.allclose(np.diff(offsets), offsets[0])  # rows equally spaced, top down
    plt.close(fig)


@pytest.mark.parametrize("id, right, wrong", [
    ("01.1", [999, 999.0, torch.tensor(999)], [1000, 998, 500, 999.5, "999"]),
    ("01.2", [4], [0, 11, 96, 12]),
    ("01.3", [2], [2.5, 3, 5]),
    ("01.4", [3], [2, 5]),
])
def test_exercises_01(id, right, wrong):
    load_all()
    for answer in right:
        assert passes(id, answer), answer
    for answer in wrong:
        assert not passes(id, answer), answer


def test_exercise_hints_01():
    load_all()
    assert "One too many" in EXERCISES["01.1"].checker(1000)[0]
    assert "hop is L // 2" in EXERCISES["01.1"].checker(500)[0]
    assert "number of frames" in EXERCISES["01.2"].checker(11)[0]
    assert "向下取整" in EXERCISES["01.3"].checker(2.5)[1]
    assert "2 is the hop" in EXERCISES["01.4"].checker(2)[0]
    # The solutions state the numbers the checkers accept.
    assert "999" in EXERCISES["01.1"].solution_en and "4" in EXERCISES["01.2"].solution_zh


def test_error_message_speaks_the_course_language():
    """The core's own ValueError for T < L, as notebook 01 prints it: Chinese in zh, unchanged in en."""
    with pytest.raises(ValueError) as caught:
        te.num_frames(10, L=16)
    error = caught.value
    with te.use_language("en"):
        assert framing.error_message(error) == f"ValueError: {error}"
    with te.use_language("zh"):
        text = framing.error_message(error)
        assert text == "ValueError：音频只有 10 个采样点，比一帧（L = 16）还短；请至少传入 16 个采样点，或者改用更小的 L"
        other = RuntimeError("something else")
        assert framing.error_message(other) == "RuntimeError: something else"  # unknown messages are shown as they are
