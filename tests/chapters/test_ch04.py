"""Step 4, the strength map (notebook 04_strength_map): the chapter's figures and widget, what the cells teach, 04.x."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

import tasnet_edu as te
from tasnet_edu.chapters import ch04_strength_map as sm
from tasnet_edu.core import audio as core_audio
from tasnet_edu.core.fourier import spectrogram
from tasnet_edu.core.signals import tone_frequencies, tone_templates
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import FIGURES, to_db

PROPERTY = settings(max_examples=20, deadline=None)


@pytest.fixture(scope="module")
def clip():
    return core_audio.example_clip()[:6000]  # 0.75 s keeps the drawing tests fast


# --------------------------------------------------------------------------- templates and maps


def test_templates_for_each_kind():
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


@pytest.mark.parametrize("kind", sm.KINDS)
def test_strength_map_is_the_encoder_output(kind, clip):
    w = sm.strength_map(clip, 64, kind)
    assert torch.equal(w, te.encoder_from_templates(sm.templates_for(kind, 64))(clip[None])[0])
    assert w.shape[1] == te.num_frames(len(clip), 64) and (w >= 0).all()
    with pytest.raises(ValueError, match="one waveform"):
        sm.strength_map(torch.zeros(2, 500), 16)


# --------------------------------------------------------------------------- what the cells teach, checked here too


def test_each_column_is_relu_of_templates_times_its_frame(clip):
    U, L = tone_templates(33, 64), 64
    frames = clip.unfold(0, L, L // 2)
    w = te.encoder_from_templates(U)(clip[None])[0]
    assert torch.allclose(torch.stack([torch.relu(U @ f) for f in frames], dim=1), w, atol=1e-5)


@PROPERTY
@given(L=st.sampled_from([4, 16, 30, 64]), extra=st.integers(0, 200), seed=st.integers(0, 2**16))
def test_fourier_templates_built_from_cos_and_sin_give_torch_stft(L, extra, seed):
    x = torch.randn(L + extra, generator=torch.Generator().manual_seed(seed))
    n, m = torch.arange(L), torch.arange(L // 2 + 1)[:, None]
    h = torch.hann_window(L, periodic=True)
    fourier = torch.cat([h * torch.cos(2 * torch.pi * m * n / L), -h * torch.sin(2 * torch.pi * m * n / L)])
    assert torch.allclose(fourier, te.stft_kernels(L)[:, 0], atol=1e-5)
    X = torch.stft(x, n_fft=L, hop_length=L // 2, window=h, center=False, return_complex=True)
    scores = fourier @ x.unfold(0, L, L // 2).T
    assert torch.allclose(torch.complex(scores[: L // 2 + 1], scores[L // 2 + 1 :]), X, atol=1e-4)


def test_relu_map_of_u_and_minus_u_gives_the_spectrogram(clip):
    U = te.stft_kernels(64)[:, 0]
    w = te.encoder_from_templates(torch.cat([U, -U]))(clip[None])[0]
    signed = w[: len(U)] - w[len(U) :]
    magnitude = torch.sqrt(signed[:33] ** 2 + signed[33:] ** 2)
    assert torch.allclose(magnitude, spectrogram(clip, 64), atol=1e-4)


def test_identity_templates_and_half_basis_signals_rebuild_the_waveform(clip):
    eye = torch.eye(16)
    w = te.encoder_from_templates(torch.cat([eye, -eye]))(clip[None])
    rebuilt = F.conv_transpose1d(w, (torch.cat([eye, -eye]) / 2)[:, None], stride=8)[0, 0]
    assert torch.allclose(rebuilt[8:-8], clip[8 : len(rebuilt) - 8], atol=1e-6)


def test_stereo_scores_add_both_channels():
    stereo = torch.randn(1, 2, 400, generator=torch.Generator().manual_seed(1))
    encoder = te.Encoder(16, 8, audio_channels=2)
    W = encoder.conv1d_U.weight
    both = F.conv1d(stereo[:, :1], W[:, :1], stride=8) + F.conv1d(stereo[:, 1:], W[:, 1:], stride=8)
    assert torch.allclose(encoder(stereo), torch.relu(both), atol=1e-5)


# --------------------------------------------------------------------------- figures


def _drawn_in_chinese(draw):
    with te.use_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing CJK glyph would warn here
            fig = draw()
            fig.canvas.draw()
    return fig


def test_plot_frame_to_column_draws_the_two_columns_into_the_map(clip):
    L, N = 64, 33
    U = tone_templates(N, L)
    frames = clip.unfold(0, L, L // 2)
    w = torch.relu(U @ frames.T)
    k = 40
    fig = _drawn_in_chinese(lambda: sm.plot_frame_to_column(clip, U, w, k, tone_frequencies(N)))
    wave, templates, columns, the_map = fig.axes[:4]
    assert len(fig.axes) == 5  # and the colour bar
    expected = to_db(torch.cat([torch.relu(U @ frames[k : k + 2].T), w[:, k - 20 : k + 21]], dim=1))
    assert np.allclose(columns.images[0].get_array(), expected[:, :2])
    assert np.allclose(the_map.images[0].get_array(), expected[:, 2:])
    assert [p.get_x() for p in the_map.patches] == [k - 0.5, k + 0.5]  # the boxes around columns k and k + 1
    assert len(templates.lines) == 8 and len(wave.patches) == 2
    plt.close(fig)
    with pytest.raises(ValueError, match="0 <= k < K - 1"):
        sm.plot_frame_to_column(clip, U, w, w.shape[1] - 1, tone_frequencies(N))


def test_plot_map_table(clip):
    w = sm.strength_map(clip, 64, "tones")
    fig = sm.plot_map_table(w, 10, 20, frequencies=tone_frequencies(w.shape[0]), hop_seconds=32 / 8000)
    assert len(fig.axes) == 3  # block, map, colorbar
    assert len(fig.axes[0].texts) == 15 and len(fig.axes[1].patches) == 1
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()][0] == "n = 10 (1250 Hz)"
    plt.close(fig)
    plt.close(sm.plot_map_table(w, 0, 0))  # without frequencies: template numbers
    with pytest.raises(ValueError, match="outside the map"):
        sm.plot_map_table(w, w.shape[0] - 1, 0)


def test_plot_map_comparison_draws_given_maps_and_its_own(clip):
    maps = [torch.rand(33, te.num_frames(len(clip), 64)) for _ in range(3)]
    fig = _drawn_in_chinese(lambda: sm.plot_map_comparison(clip, 64, maps=maps))
    assert len(fig.axes) == 4  # three maps and one colorbar
    assert all(np.allclose(ax.images[0].get_array(), to_db(values)) for ax, values in zip(fig.axes, maps))
    plt.close(fig)
    plt.close(sm.plot_map_comparison(clip, L=64))


def test_plot_fourier_encoder(clip):
    w = sm.strength_map(clip, 64, "fourier")
    fig = _drawn_in_chinese(lambda: sm.plot_fourier_encoder(w, spectrogram(clip, 64), 32 / 8000))
    assert len(fig.axes) == 4  # cos rows, sin rows, |STFT|, colour bar
    assert np.allclose(fig.axes[1].images[0].get_array(), to_db(w[33:]))
    plt.close(fig)
    with pytest.raises(ValueError, match="expected"):
        sm.plot_fourier_encoder(w[:-1], spectrogram(clip, 64), 32 / 8000)


@pytest.mark.parametrize("kind", sm.KINDS)
def test_plot_strength_map(kind, clip):
    fig = sm.plot_strength_map(clip, 32, kind)
    assert f"[1, {sm.strength_map(clip, 32, kind).shape[0]}," in fig.axes[0].get_title()
    plt.close(fig)


def test_map_widget(clip):
    import ipywidgets as widgets

    widget = sm.map_widget(clip)
    assert isinstance(widget, widgets.interactive)
    assert widget.kwargs == {"L": 128, "kind": "tones"}
    assert widget.result is None  # the figure is shown by the inline backend, once


def test_registered_map_comparison_draws_the_three_maps_in_db():
    fig = _drawn_in_chinese(FIGURES["04_strength_map_vs_stft"])
    x = core_audio.example_clip()
    expected = [sm.strength_map(x, 128, "random"), sm.strength_map(x, 128, "tones"), spectrogram(x, 128)]
    maps = [ax for ax in fig.axes if ax.images]
    assert len(maps) == 3
    for ax, values in zip(maps, expected):
        assert values.shape == (65, te.num_frames(len(x), 128))  # same rows, same frames in all three
        assert np.allclose(ax.images[0].get_array(), to_db(values))
    assert [ax.get_ylabel() for ax in maps] == ["模板（低 → 高）", "频率（Hz）", "频率（Hz）"]  # drawn in Chinese
    assert maps[2].get_title() == "STFT 语谱图 |torch.stft|，Hann 窗 L=128，帧移 64"
    plt.close(fig)


def test_registered_map_table_prints_the_busiest_block_of_the_map():
    fig = _drawn_in_chinese(FIGURES["04_strength_map_table"])
    w = sm.strength_map(core_audio.example_clip(), 128, "tones", 65)
    block_ax, map_ax = fig.axes[:2]
    block = block_ax.images[0].get_array()
    windows = w.unfold(0, 3, 1).unfold(1, 5, 1).sum((-1, -2))  # [N - 2, K - 4]
    n0, k0 = divmod(int(windows.argmax()), windows.shape[1])
    assert np.array_equal(block, w[n0 : n0 + 3, k0 : k0 + 5].numpy())
    vmax = float(w.max())
    assert [(tx.get_text(), tx.get_color()) for tx in block_ax.texts] == [
        (f"{v:.1f}", "black" if v > 0.55 * vmax else "white") for v in block.ravel()]
    assert [label.get_text() for label in block_ax.get_xticklabels()] == [str(k0 + j) for j in range(5)]
    assert np.allclose(map_ax.images[0].get_array(), to_db(w))
    box = map_ax.patches[0]
    assert box.get_x() == pytest.approx(k0 * 64 / 8000) and box.get_width() == pytest.approx(5 * 64 / 8000)
    plt.close(fig)


def test_registered_frame_to_column_uses_the_loudest_frame():
    fig = _drawn_in_chinese(FIGURES["04_frame_to_column"])
    x = core_audio.example_clip()
    k = int(x.unfold(0, 128, 64).norm(dim=1).argmax())
    assert [p.get_x() for p in fig.axes[3].patches] == [k - 0.5, k + 0.5]
    plt.close(fig)


# --------------------------------------------------------------------------- exercises 04.x


def test_exercise_04_1():
    assert passes("04.1", (2, 512, 1999))
    assert passes("04.1", te.Encoder(16, 512)(torch.zeros(2, 16000)).shape)  # 2 s at 8 kHz: T = 16000
    assert "order" in hint_for("04.1", (512, 2, 1999))[0]
    assert "2T/L - 1" in hint_for("04.1", (2, 512, 2000))[0]
    assert "hop" in hint_for("04.1", (2, 512, 1000))[0]
    assert "three numbers" in hint_for("04.1", 1999)[0]


def test_exercise_04_2():
    assert passes("04.2", (8, 41))
    assert "33 cosine rows" in hint_for("04.2", (8, 40))[0]
    assert "125 Hz" in hint_for("04.2", (16, 49))[0]
    assert "after all the cosine rows" in hint_for("04.2", (8, 9))[0]
    k = te.stft_kernels(64)[:, 0]  # the solution agrees with the kernels themselves
    wave = torch.hann_window(64) * torch.exp(2j * torch.pi * 1000 * torch.arange(64) / 8000)
    assert torch.allclose(k[8], wave.real, atol=1e-5) and torch.allclose(k[41], -wave.imag, atol=1e-5)


def test_exercise_04_3():
    assert passes("04.3", (8, 62.5))
    assert "window" in hint_for("04.3", (16, 62.5))[0]
    assert "seconds" in hint_for("04.3", (0.008, 62.5))[0]
    assert "sample_rate / (2L)" in hint_for("04.3", (8, 31.25))[0]
    assert "sample_rate / L" in hint_for("04.3", (8, 60))[0]
