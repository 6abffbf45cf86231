"""Chapter 01 (notebook 01_slicing): the figures of the frames the notebook cuts, the widget, errors, the exercises."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch01_slicing as ch01
from tasnet_edu.core.signals import loudest_start
from tasnet_edu.exercises import EXERCISES, load_all, passes
from tasnet_edu.ui.plotting import FIGURES


def notebook_piece() -> torch.Tensor:
    """What the notebook's second code cell computes: the loudest 40 ms of the course clip."""
    clip = te.load_clip("en_s00_v0.flac")
    start = loudest_start(clip, 320, 160)
    return clip[start : start + 320]


def frame_bars(ax):
    return [p for p in ax.patches if (p.get_gid() or "").startswith("frame")]


def test_demo_piece_is_the_notebooks_piece():
    piece = ch01._demo_piece()
    assert piece.shape == (ch01.DEMO_LENGTH,) and piece.dtype == torch.float32
    assert torch.equal(piece, notebook_piece())
    assert piece.abs().max() > 0.1  # voiced speech, not silence


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_frames_draws_the_frames_it_is_given(language):
    x = notebook_piece()[:124]
    with te.use_language(language):
        fig = ch01.plot_frames(x, x.unfold(-1, 16, 8))
        title, dropped = te.t("L = 16, hop H = 8, T = 124  →  K = 14 frames", "L = 16，帧移 H = 8，T = 124  →  K = 14 帧"), \
            te.t("in no frame: 4", "不在任何帧里：4 个")
        xlabel = te.t("sample index n", "采样点序号 n")
    ax = fig.axes[0]
    assert ax.get_title() == title
    assert ax.get_xlabel() == xlabel
    assert np.array_equal(ax.lines[0].get_ydata(), x.numpy())
    bars = frame_bars(ax)
    # frame k covers samples k * hop .. k * hop + L - 1 (drawn from -0.5 to +0.5 around them): L = 16, hop = 8, K = 14
    assert [(p.get_x(), p.get_width()) for p in bars] == [(8 * k - 0.5, 16) for k in range(14)]
    assert len({p.get_facecolor() for p in bars}) == 2 and bars[0].get_facecolor() != bars[1].get_facecolor()
    texts = [t.get_text() for t in ax.texts]
    assert dropped in texts
    assert [f"k={k}" for k in range(14)] == [s for s in texts if s.startswith("k=")]
    plt.close(fig)


def test_plot_frames_odd_L_three_rows_and_bad_input():
    x = notebook_piece()[:40]
    fig = ch01.plot_frames(x, te.slice_frames(x, 5))
    bars = frame_bars(fig.axes[0])
    assert len(bars) == 18 and len({p.get_y() for p in bars}) == 3  # hop 2 < L / 2: three rows
    plt.close(fig)
    with pytest.raises(ValueError, match="expected one waveform"):
        ch01.plot_frames(torch.zeros(2, 100), torch.zeros(11, 16))
    with pytest.raises(ValueError, match=r"expected \[K, L\]"):
        ch01.plot_frames(torch.zeros(100), torch.zeros(100))
    with pytest.raises(ValueError, match="pass the frames of this x"):
        ch01.plot_frames(torch.zeros(100), torch.zeros(3, 16))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_stacked_frames_draws_the_given_frames(language):
    piece = notebook_piece()
    frames = piece.unfold(-1, 16, 8).clone()
    frames[2] = 0.0  # what is drawn on row 2 comes from the tensor, not from the waveform
    with te.use_language(language):
        fig = ch01.plot_stacked_frames(piece, frames, count=5)
        expected = [te.t("waveform", "波形")] + [te.t(f"frame k={k}", f"第 k={k} 帧") for k in range(5)]
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == expected
    assert "H = L // 2 = 8" in ax.get_title()
    waveform, *rest = ax.lines
    rows = [line for line in rest if len(set(line.get_xdata())) > 1]  # not the vertical hop grid
    assert len(rows) == 5 and len(ax.patches) == 5
    for k, line in enumerate(rows):
        assert np.array_equal(line.get_xdata(), np.arange(8 * k, 8 * k + 16))  # frame k starts k hops in
    assert np.ptp(rows[2].get_ydata()) == 0 and np.ptp(rows[1].get_ydata()) > 0
    plt.close(fig)
    fig = ch01.plot_stacked_frames(torch.ones(32), te.slice_frames(torch.ones(32), 16), count=9)
    assert len(fig.axes[0].patches) == te.num_frames(32, 16) == 3  # count larger than K draws K rows
    plt.close(fig)


def test_frames_view_returns_K_and_prints(capsys):
    with te.use_language("en"):
        assert ch01.frames_view(L=5, T=40) == 18
        assert ch01.frames_view(L=16, T=124) == 14
        out = capsys.readouterr().out
        assert "K = (40 - 5) // 2 + 1 = 18" in out and "K = (124 - 16) // 8 + 1 = 14" in out
        for L, T in [(2, 2), (7, 300), (64, 320), (33, 100)]:
            assert ch01.frames_view(L=L, T=T) == te.num_frames(T, L)
    with pytest.raises(ValueError, match="T=321 is longer than the piece"):
        ch01.frames_view(L=16, T=321)


def test_frames_view_T_shorter_than_L(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(ch01, "show_figure", lambda fig: shown.append(fig) or plt.close(fig))  # what the widget displays
    plt.close("all")
    with te.use_language("zh"):
        assert ch01.frames_view(L=16, T=10) is None
        out = capsys.readouterr().out
        assert out.startswith("K = 0\nValueError：音频只有 10 个采样点，比一帧（L = 16）还短")
        assert len(shown) == 1 and shown[0].axes[0].get_title() == "T = 10 < L = 16：一帧也放不下"
        assert not plt.get_fignums(), "widget figures are closed in pyplot (no double drawing)"


def test_frames_widget():
    w = ch01.frames_widget(L=16, T=124)
    sliders = {c.description: c for c in w.children if hasattr(c, "description") and c.description}
    assert sliders["L"].value == 16 and sliders["L"].min == 2
    assert sliders["T"].value == 124 and sliders["T"].max == ch01.DEMO_LENGTH
    assert w.result == 14
    sliders["L"].value = 8  # moving a slider reruns frames_view
    assert w.result == te.num_frames(124, 8)
    with pytest.raises(ValueError, match="L must be at least 2"):
        ch01.frames_widget(L=1)


def test_registered_frames_over_waveform_draws_the_piece_and_its_frames():
    fig = FIGURES["01_frames_over_waveform"]()
    ax = fig.axes[0]
    x = notebook_piece()[:124].numpy()
    assert np.array_equal(ax.lines[0].get_xdata(), np.arange(124))
    assert np.array_equal(ax.lines[0].get_ydata(), x)
    assert [(p.get_x(), p.get_width()) for p in frame_bars(ax)] == [(8 * k - 0.5, 16) for k in range(14)]
    plt.close(fig)


def test_registered_stacked_frames_draws_each_frame_where_it_sits():
    fig = FIGURES["01_stacked_frames"]()
    ax = fig.axes[0]
    x = notebook_piece().numpy()
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


def test_error_message_speaks_the_course_language():
    """The core's ValueError and PyTorch's RuntimeError for T < L, as notebook 01 prints them."""
    with pytest.raises(ValueError) as caught:
        te.num_frames(10, L=16)
    ours = caught.value
    with pytest.raises(RuntimeError) as caught:
        torch.nn.Conv1d(1, 4, kernel_size=16, stride=8, bias=False)(torch.zeros(1, 1, 10))
    torchs = caught.value
    with te.use_language("en"):
        assert ch01.error_message(ours) == f"ValueError: {ours}"
        assert ch01.error_message(torchs) == f"RuntimeError: {torchs}"
    with te.use_language("zh"):
        assert ch01.error_message(ours) == ("ValueError：音频只有 10 个采样点，比一帧（L = 16）还短；"
                                            "请至少传入 16 个采样点，或者改用更小的 L")
        assert ch01.error_message(torchs) == "RuntimeError：卷积核长 16 个采样点，比输入（10 个采样点）还长"
        other = RuntimeError("something else")
        assert ch01.error_message(other) == "RuntimeError: something else"  # unknown messages are shown as they are


def _loop_slice(x, L, hop=None, extra=1):
    """Frames by indexing, with a hop and a count that the wrong versions below change."""
    hop = hop or L // 2
    return torch.stack([x[..., s : s + L] for s in range(0, x.shape[-1] - L + extra, hop)], dim=-2)


def _hint(id, fn):
    load_all()
    return EXERCISES[id].checker(fn)  # never raises: every wrong function gets a hint


def test_exercise_01_1_my_slice_right_functions_pass():
    assert _hint("01.1", lambda x, L: te.slice_frames(x, L)) is None
    assert _hint("01.1", _loop_slice) is None  # raises for T < L (stack of no frames): refusing is enough


@pytest.mark.parametrize("wrong, phrase", [
    (lambda x, L: None, "returned None"),
    (lambda x, L: torch.zeros_like(x.unfold(-1, L, L // 2)), "all values are zero"),
    (lambda x, L: x, "expected 2"),  # its input unchanged
    (lambda x, L: x.unfold(-1, L, L), "is your step L // 2?"),
    (lambda x, L: x.unfold(-1, L, L // 2).transpose(-1, -2), "frames are rows"),
    (lambda x, L: x.unfold(-1, L, (L + 1) // 2), "for odd L the hop rounds down"),
    (lambda x, L: _loop_slice(x, L, extra=0), "one frame short"),
    (lambda x, L: torch.stack([x[..., s : s + L] for s in range(0, x.shape[-1] - L + 1, L // 2)]), "stack the frames on axis -2"),
    (lambda x, L: torch.stack([x[s : s + L] for s in range(0, len(x) - L + 1, L // 2)]), "[3, 50], L = 10, your function raised"),
    (lambda x, L: _loop_slice(x, L, hop=L / 2), "raised TypeError"),
    (lambda x, L: x.unfold(-1, L, L // 2) if x.shape[-1] >= L else torch.zeros(0, L), "make your function raise an error"),
    (lambda x, L: 1 / 0, "raised ZeroDivisionError"),
])
def test_exercise_01_1_my_slice_wrong_functions_get_their_hint(wrong, phrase):
    hint = _hint("01.1", wrong)
    assert hint is not None and phrase in hint[0], hint


def test_exercise_01_1_hints_in_chinese():
    assert "你的步长是 L // 2 吗" in _hint("01.1", lambda x, L: x.unfold(-1, L, L))[1]
    assert "少了一帧" in _hint("01.1", lambda x, L: _loop_slice(x, L, extra=0))[1]
    assert "请让函数报错" in _hint("01.1", lambda x, L: x.unfold(-1, L, L // 2) if x.shape[-1] >= L else x[:0])[1]
    assert "请传入函数本身" in _hint("01.1", te.slice_frames(torch.zeros(8), 4))[1]


def _official_pad(x, L):
    """Conv-TasNet's pad_signal: rest = L - (L//2 + T % L) % L zeros at the end, then L//2 at both ends."""
    hop = L // 2
    return torch.nn.functional.pad(x, (hop, L - (hop + x.shape[-1] % L) % L + hop))


def test_exercise_01_2_my_pad_right_function_passes_and_agrees_with_the_official_for_T_100():
    F = torch.nn.functional
    assert _hint("01.2", lambda x, L: F.pad(x, (L // 2, (L - x.shape[-1]) % (L // 2) + L // 2))) is None
    x = torch.ones(100)
    assert torch.equal(_official_pad(x, 16), F.pad(x, (8, 12)))  # the notebook's 8 + 100 + 4 + 8 = 120
    assert _official_pad(torch.ones(96), 16).shape[-1] == 96 + 8 + 16 and _official_pad(torch.ones(104), 16).shape[-1] == 104 + 16 + 16


@pytest.mark.parametrize("wrong, phrase", [
    (lambda x, L: None, "returned None"),
    (lambda x, L: torch.zeros(*x.shape[:-1], x.shape[-1] + 8), "all values are zero"),  # zeros, the right length for [40], L = 8
    (lambda x, L: x, "now add L // 2 zeros at both ends"),  # its input unchanged
    (lambda x, L: torch.nn.functional.pad(x, (0, (L - x.shape[-1]) % (L // 2))), "now add L // 2 zeros at both ends"),
    (lambda x, L: torch.nn.functional.pad(x, (L // 2, L // 2)), "still drops samples: dropped_samples(116, 16)"),
    (_official_pad, "more zeros than needed"),
    (lambda x, L: _official_pad(x, L).unsqueeze(-2), "expected 1"),  # an extra axis, as pad_signal's [B, 1, T]
    (lambda x, L: torch.nn.functional.pad(x, (L // 2, (-x.shape[-1]) % (L // 2) + L // 2)), "dropped_samples(46, 5)"),  # even-L rule
    (lambda x, L: torch.nn.functional.pad(x, (L // 2 + (L - x.shape[-1]) % (L // 2), L // 2)), "the extra zeros go at the end"),
    (lambda x, L: torch.cat([torch.zeros(L // 2), x, torch.zeros((L - len(x)) % (L // 2) + L // 2)]), "[3, 50], L = 10, your func"),
])
def test_exercise_01_2_my_pad_wrong_functions_get_their_hint(wrong, phrase):
    hint = _hint("01.2", wrong)
    assert hint is not None and phrase in hint[0], hint


def test_exercise_01_2_hints_in_chinese_and_01_3_is_open():
    assert "还要在两端各补 L // 2 个零" in _hint("01.2", lambda x, L: x)[1]
    assert "零补多了" in _hint("01.2", _official_pad)[1]
    load_all()
    assert EXERCISES["01.3"].checker is None and "in exactly two" in EXERCISES["01.3"].solution_en
    assert not passes("01.1", None) and not passes("01.2", "x")
