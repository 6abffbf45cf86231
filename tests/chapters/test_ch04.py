"""Step 4, the strength map (notebook 04_strength_map): maps, STFT as templates, the seed's table, exercises 04.x."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import tasnet_edu as te
from tasnet_edu.chapters import ch04_strength_map as sm
from tasnet_edu.core import audio as core_audio
from tasnet_edu.core import signals as core_signals
from tasnet_edu.core.fourier import stft_reference, stft_via_conv
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import FIGURES

PROPERTY = settings(max_examples=20, deadline=None)


@pytest.fixture(scope="module")
def clip():
    return core_audio.example_clip()[:6000]  # 0.75 s keeps the drawing tests fast


# --------------------------------------------------------------------------- templates


def test_tone_templates_are_unit_cosines_low_to_high():
    u = sm.tone_templates(5, 32)
    assert u.shape == (5, 32)
    assert torch.allclose(u.norm(dim=1), torch.ones(5), atol=1e-6)
    assert torch.allclose(sm.tone_frequencies(5), torch.tensor([0.0, 1000, 2000, 3000, 4000]))
    assert torch.allclose(u[2], core_signals.tone(2000.0, 32))
    peaks = te.peak_frequency(sm.tone_templates(9, 64, fmin=500, fmax=3500))
    assert torch.all(peaks[1:] >= peaks[:-1])


@pytest.mark.parametrize("fmin, fmax", [(-1, 100), (300, 200), (0, 5000)])
def test_tone_templates_refuse_bad_frequencies(fmin, fmax):
    with pytest.raises(ValueError, match="Nyquist"):
        sm.tone_templates(4, 16, fmin=fmin, fmax=fmax)


def test_templates_for_each_kind():
    assert sm.templates_for("fourier", 16).shape == (18, 16)
    assert torch.equal(sm.templates_for("fourier", 16), te.stft_kernels(16)[:, 0])
    assert sm.templates_for("tones", 16).shape == (9, 16)
    assert sm.templates_for("tones", 16, N=4).shape == (4, 16)
    random = sm.templates_for("random", 32, N=12)
    assert random.shape == (12, 32)
    peaks = te.peak_frequency(random)
    assert torch.all(peaks[1:] >= peaks[:-1])  # sorted low to high


def test_templates_for_refuses():
    with pytest.raises(ValueError, match="unknown kind"):
        sm.templates_for("wavelets", 16)
    with pytest.raises(ValueError, match="exactly N=18"):
        sm.templates_for("fourier", 16, N=9)
    with pytest.raises(ValueError, match="L must be"):
        sm.templates_for("tones", 1.5)


# --------------------------------------------------------------------------- maps and the STFT


@pytest.mark.parametrize("kind", sm.KINDS)
def test_strength_map_is_the_encoder_output(kind, clip):
    w = sm.strength_map(clip, 64, kind)
    expected = te.encoder_from_templates(sm.templates_for(kind, 64))(clip[None])[0]
    assert torch.equal(w, expected)
    assert w.shape[1] == te.num_frames(len(clip), 64)
    assert (w >= 0).all()


def test_strength_map_refuses_batches_and_short_audio():
    with pytest.raises(ValueError, match="one waveform"):
        sm.strength_map(torch.zeros(2, 500), 16)
    with pytest.raises(ValueError, match="shorter than one frame"):
        sm.strength_map(torch.ones(10), 16)


def test_spectrogram_is_abs_torch_stft(clip):
    L = 64
    ref = torch.stft(clip, n_fft=L, hop_length=L // 2, window=torch.hann_window(L), center=False, return_complex=True)
    assert torch.equal(sm.spectrogram(clip, L), ref.abs())
    assert sm.spectrogram(clip, L).shape == (L // 2 + 1, te.num_frames(len(clip), L))


@PROPERTY
@given(L=st.integers(2, 96), extra=st.integers(0, 200), seed=st.integers(0, 2**16))
def test_stft_via_conv_equals_torch_stft(L, extra, seed):
    x = torch.randn(L + extra, generator=torch.Generator().manual_seed(seed))
    conv, ref = stft_via_conv(x, L), stft_reference(x, L)
    assert conv.shape == ref.shape
    assert torch.allclose(conv, ref, atol=1e-4)


def test_stft_difference_is_tiny(clip):
    assert sm.stft_difference(clip, 128) < 1e-5


def test_signed_from_pair_undoes_relu():
    s = torch.tensor([[-1.5, 0.0, 2.0]])
    assert torch.equal(sm.signed_from_pair(torch.relu(s), torch.relu(-s)), s)
    with pytest.raises(ValueError, match="must match"):
        sm.signed_from_pair(torch.ones(2), torch.ones(3))


def test_magnitude_from_relu_map_is_the_spectrogram(clip):
    assert torch.allclose(sm.magnitude_from_relu_map(clip, 64), sm.spectrogram(clip, 64), atol=1e-4)


def test_batch_of_clips():
    batch = sm.batch_of_clips()
    assert batch.dim() == 2 and batch.shape[0] == 2
    assert batch.shape[1] == min(len(core_audio.example_clip()), len(core_audio.example_clip(core_audio.SECOND_CLIP)))
    assert sm.batch_of_clips(["zh_s00_v0.flac"]).shape[0] == 1
    with pytest.raises(ValueError, match="at least one clip"):
        sm.batch_of_clips([])
    with pytest.raises(FileNotFoundError):
        sm.batch_of_clips(["no_such_clip.flac"])


def test_map_summary(clip):
    s = sm.map_summary(clip, 128, "fourier")
    assert s["N"] == 130 and s["hop_ms"] == 8.0 and s["window_ms"] == 16.0 and s["spacing_hz"] == 62.5
    assert s["shape"] == [1, 130, te.num_frames(len(clip), 128)]
    assert sm.map_summary(clip, 16, "tones")["spacing_hz"] == 500.0
    assert sm.map_summary(clip, 16, "random")["spacing_hz"] is None


# --------------------------------------------------------------------------- the seed's table


def test_busiest_block_finds_the_loud_block():
    w = torch.zeros(10, 20)
    w[4:7, 11:16] = 1.0
    assert sm.busiest_block(w, 3, 5) == (4, 11)
    with pytest.raises(ValueError, match="expected"):
        sm.busiest_block(torch.zeros(2, 20), 3, 5)
    with pytest.raises(ValueError, match="expected"):
        sm.busiest_block(torch.zeros(1, 10, 20))


def test_row_labels():
    assert sm.row_labels(0, 2) == ["template 1", "template 2"]
    assert sm.row_labels(5, 1, torch.arange(10) * 62.5) == ["template 6 (312 Hz)"]
    with te.use_language("zh"):
        assert sm.row_labels(0, 1) == ["模板 1"]


def test_map_table_looks_like_the_seed():
    w = torch.tensor([[2.0, 5, 1, 0, 3], [0, 1, 4, 6, 2], [3, 0, 2, 1, 0]])
    text = sm.map_table(w, 0, 0, decimals=0)
    lines = text.splitlines()
    assert lines[1] == "template 1  [ 2  5  1  0  3 ]"
    assert lines[3] == "template 3  [ 3  0  2  1  0 ]"
    assert "time →" in lines[0] and lines[-2].strip() == "↓" and lines[-1] == "template"
    assert sm.map_table(torch.full((3, 5), 1.2345), 0, 0).splitlines()[1].endswith("[ 1.2  1.2  1.2  1.2  1.2 ]")


def test_map_table_in_chinese_aligns_wide_characters():
    with te.use_language("zh"):
        text = sm.map_table(torch.ones(12, 6), 8, 1, frequencies=torch.arange(12) * 100.0)
        rows = text.splitlines()[1:4]
        assert rows[0].startswith("模板 9（800 Hz）") and rows[2].startswith("模板 11（1000 Hz）")
        widths = [sum(2 if ord(ch) > 0x2E80 else 1 for ch in row.split("[")[0]) for row in rows]
        assert len(set(widths)) == 1  # the brackets line up on screen


def test_map_table_refuses():
    with pytest.raises(ValueError, match="outside the map"):
        sm.map_table(torch.ones(3, 5), 1, 0)
    with pytest.raises(ValueError, match=r"take one clip: w\[0\]"):
        sm.map_table(torch.ones(1, 3, 5), 0, 0)


def test_plot_map_table(clip):
    w = sm.strength_map(clip, 64, "tones")
    n0, k0 = sm.busiest_block(w)
    fig = sm.plot_map_table(w, n0, k0, frequencies=sm.tone_frequencies(w.shape[0]), hop_seconds=32 / 8000)
    assert len(fig.axes) == 3  # block, map, colorbar
    assert len(fig.axes[0].texts) == 15
    assert len(fig.axes[1].patches) == 1  # the box
    fig = sm.plot_map_table(w, 0, 0)  # without frequencies: template numbers
    with pytest.raises(ValueError, match="outside the map"):
        sm.plot_map_table(w, w.shape[0] - 1, 0)


# --------------------------------------------------------------------------- pictures and widget


def test_plot_map_comparison_and_fourier_encoder_in_chinese(clip):
    with te.use_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = sm.plot_map_comparison(clip, L=64)
            fig.canvas.draw()
            assert len(fig.axes) == 4  # three maps and one colorbar
            plt.close(fig)
            fig = sm.plot_fourier_encoder(clip, L=64)
            fig.canvas.draw()
            assert len(fig.axes) == 3


@pytest.mark.parametrize("kind", sm.KINDS)
def test_plot_strength_map(kind, clip):
    fig = sm.plot_strength_map(clip, 32, kind)
    assert f"[1, {sm.map_summary(clip, 32, kind)['N']}," in fig.axes[0].get_title()


def test_map_widget(clip):
    import ipywidgets as widgets

    widget = sm.map_widget(clip)
    assert isinstance(widget, widgets.interactive)
    assert widget.kwargs == {"L": 128, "kind": "tones"}
    assert widget.result is None  # the figure is shown by the inline backend, once


def test_to_db_floors_zeros():
    from tasnet_edu.ui.plotting import DYNAMIC_RANGE_DB, to_db

    db = to_db(torch.tensor([[0.0, 1.0, 0.1]]))
    assert np.allclose(db, [[-DYNAMIC_RANGE_DB, 0.0, -20.0]], atol=1e-4)
    assert (to_db(torch.zeros(2, 2)) == -DYNAMIC_RANGE_DB).all()


def _draw_registered(name):
    with te.use_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing CJK glyph would warn here
            fig = FIGURES[name]()
            fig.canvas.draw()
    return fig


def test_registered_map_comparison_draws_the_three_maps_in_db():
    from tasnet_edu.ui.plotting import to_db

    fig = _draw_registered("04_strength_map_vs_stft")
    x = core_audio.example_clip()
    expected = [sm.strength_map(x, 128, "random"), sm.strength_map(x, 128, "tones"), sm.spectrogram(x, 128)]
    maps = [ax for ax in fig.axes if ax.images]
    assert len(maps) == 3
    for ax, values in zip(maps, expected):
        assert values.shape == (65, te.num_frames(len(x), 128))  # same rows, same frames in all three
        assert np.allclose(ax.images[0].get_array(), to_db(values))
    assert [ax.get_ylabel() for ax in maps] == ["模板（低 → 高）", "频率（Hz）", "频率（Hz）"]  # drawn in Chinese
    assert maps[2].get_title() == "STFT 频谱图 |torch.stft|，Hann 窗 L=128，帧移 64"
    plt.close(fig)


def test_registered_map_table_prints_the_busiest_block_of_the_map():
    from tasnet_edu.ui.plotting import to_db

    fig = _draw_registered("04_strength_map_table")
    w = sm.strength_map(core_audio.example_clip(), 128, "tones", 65)
    block_ax, map_ax = fig.axes[:2]
    block = block_ax.images[0].get_array()
    assert block.shape == (3, 5)
    # The block is the 3 x 5 window of the map with the largest sum, and its cells print its numbers.
    windows = w.unfold(0, 3, 1).unfold(1, 5, 1).sum((-1, -2))  # [N - 2, K - 4]
    n0, k0 = divmod(int(windows.argmax()), windows.shape[1])
    assert np.array_equal(block, w[n0 : n0 + 3, k0 : k0 + 5].numpy())
    vmax = float(w.max())
    assert [(tx.get_text(), tx.get_color()) for tx in block_ax.texts] == [
        (f"{v:.1f}", "black" if v > 0.55 * vmax else "white") for v in block.ravel()]
    assert [label.get_text() for label in block_ax.get_xticklabels()] == [str(k0 + j) for j in range(5)]
    # The whole map beside it, in dB, with the box around the same frames.
    assert np.allclose(map_ax.images[0].get_array(), to_db(w))
    hop = 64 / 8000
    box = map_ax.patches[0]
    assert box.get_x() == pytest.approx(k0 * hop) and box.get_width() == pytest.approx(5 * hop)
    plt.close(fig)


# --------------------------------------------------------------------------- exercises 04.x


def test_exercise_04_1():
    assert passes("04.1", (2, 512, 1999))
    assert passes("04.1", te.Encoder(16, 512)(torch.zeros(2, 16000)).shape)
    assert "order" in hint_for("04.1", (512, 2, 1999))[0]
    assert "2T/L - 1" in hint_for("04.1", (2, 512, 2000))[0]
    assert "hop" in hint_for("04.1", (2, 512, 1000))[0]
    assert "three numbers" in hint_for("04.1", 1999)[0]


def test_exercise_04_2():
    assert passes("04.2", (8, 41))
    assert "33 cosine rows" in hint_for("04.2", (8, 40))[0]
    assert "125 Hz" in hint_for("04.2", (16, 49))[0]
    assert "after all the cosine rows" in hint_for("04.2", (8, 9))[0]
    # the solution agrees with the kernels themselves
    k = te.stft_kernels(64)[:, 0]
    assert torch.allclose(
        k[8], torch.hann_window(64) * torch.cos(2 * torch.pi * 1000 * torch.arange(64) / 8000), atol=1e-5
    )
    assert torch.allclose(
        k[41], -torch.hann_window(64) * torch.sin(2 * torch.pi * 1000 * torch.arange(64) / 8000), atol=1e-5
    )


def test_exercise_04_3():
    assert passes("04.3", (8, 62.5))
    assert "window" in hint_for("04.3", (16, 62.5))[0]
    assert "seconds" in hint_for("04.3", (0.008, 62.5))[0]
    assert "sample_rate / (2L)" in hint_for("04.3", (8, 31.25))[0]
    s = sm.map_summary(core_audio.example_clip(), 128, "fourier")
    assert (s["hop_ms"], s["spacing_hz"]) == (8.0, 62.5)


def test_dft_grid_counts_bins_and_nonzero_templates():
    g = sm.dft_grid(16)
    assert g["bins"] == 9 and g["spacing_hz"] == 500 and g["frequencies"][-1] == 4000
    assert g["templates"] == 16, "9 cosines + 7 sines: the 0 Hz and 4 kHz sines are zero"
    assert sm.dft_grid(128)["spacing_hz"] == 62.5


def test_phase_ripple_is_zero_on_bins_only():
    assert sm.phase_ripple(500, L=16) < 1e-6 and sm.phase_ripple(1000, L=16) < 1e-6
    assert 0.05 < sm.phase_ripple(700, L=16) < 0.065  # between bins: a few percent
    assert sm.phase_ripple(0, L=16) > 0.99 and sm.phase_ripple(4000, L=16) > 0.99  # no sine partner
    with pytest.raises(ValueError):
        sm.phase_ripple(5000, L=16)


def test_stereo_scores_add_both_channels():
    demo = sm.stereo_demo(L=16, N=8)
    assert demo["input"][:2] == [1, 2] and demo["weights"] == [8, 2, 16] and demo["output"][:2] == [1, 8]
    assert demo["sum_of_channels"]
    with te.use_language("zh"):
        assert sm.describe_stereo(demo).endswith("左声道的分数 + 右声道的分数：是")


def test_map_times_basis_signals_rebuilds_the_waveform():
    x = te.ch03.example_clip()[:2000]
    result = sm.rebuild_from_map(x, L=16)
    assert result["map"] == [1, 32, te.num_frames(2000, 16)] and result["basis"] == [32, 16]
    assert result["error"] < 1e-6 and result["covered"] == 2000 - 16
    with pytest.raises(ValueError, match="odd"):
        sm.rebuild_from_map(x, L=15)


def test_printed_lines_of_chapter_04_are_chinese_in_zh():
    import re

    x = te.ch03.example_clip()[:4000]
    w = sm.strength_map(x, 16)[None]
    with te.use_language("zh"):
        lines = [sm.describe_map(w, 4000, 16), sm.describe_summary(sm.map_summary(x, 16, "fourier"), 16),
                 sm.describe_batch(x[None], w), sm.describe_dft_grid(16), sm.describe_rebuild(sm.rebuild_from_map(x))]
    assert all(re.search(r"[\u4e00-\u9fff]", line) for text in lines for line in text.splitlines())
