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


def _solution(id):
    """The function that exercise ``id``'s solution code defines (its last top-level def)."""
    from tasnet_edu.exercises import EXERCISES

    hint_for(id, None)  # loads the exercises
    namespace = {"torch": torch, "F": F, "te": te}
    exec(EXERCISES[id].solution_code, namespace)
    return namespace[EXERCISES[id].solution_code.split("def ")[-1].split("(")[0]]


def _hint(id, fn):
    hint = hint_for(id, fn)
    assert hint is not None and all(isinstance(h, str) for h in hint)
    return hint


def _reject(id, fn, phrase):
    assert phrase in _hint(id, fn)[0], _hint(id, fn)[0]


def test_exercise_04_1_strength_map_of_a_batch():
    mine = _solution("04.1")
    assert passes("04.1", mine)
    assert passes("04.1", lambda x, U: te.encoder_from_templates(U)(x))  # the encoder itself is right, of course
    assert _hint("04.1", lambda x, U: None)[0].startswith("not yet")
    assert "all values are zero" in _hint("04.1", lambda x, U: torch.zeros_like(mine(x, U)))[0]
    _reject("04.1", lambda x, U: x, "expected 3")  # its input unchanged
    _reject("04.1", lambda x, U: mine(x, U)[0], "one [N, K] table per clip")  # only the first clip
    _reject("04.1", lambda x, U: mine(x, U).transpose(1, 2), "templates on axis 1")  # right values, [M, K, N]
    _reject("04.1", lambda x, U: torch.relu(F.conv1d(x[:, None], U[:, None], stride=U.shape[1])), "the hop is L // 2 = 8")
    en, zh = _hint("04.1", lambda x, U: torch.relu(F.conv1d(x[:, None], U[:, None], stride=8)))  # hop fixed at 8
    assert "odd L" in en and "L // 2 = 7" in en and "奇数 L" in zh and "帧移是 L // 2 = 7" in zh
    en, zh = _hint("04.1", lambda x, U: F.conv1d(x[:, None], U[:, None], stride=U.shape[1] // 2))  # no ReLU
    assert "the ReLU comes after" in en and "还要做 ReLU" in zh
    _reject("04.1", lambda x, U: mine(x, U.flip(-1)), "do not flip it")


def test_exercise_04_2_stft_kernels():
    mine = _solution("04.2")
    assert passes("04.2", mine)
    for L in (15, 16):  # conv1d with the kernels is torch.stft, for odd L too
        x = torch.randn(2, 200, generator=torch.Generator().manual_seed(L))
        out = F.conv1d(x[:, None], mine(L), stride=L // 2)
        X = torch.stft(x, n_fft=L, hop_length=L // 2, window=torch.hann_window(L), center=False, return_complex=True)
        assert torch.allclose(out, torch.cat([X.real, X.imag], dim=1), atol=1e-4)
    k = te.stft_kernels
    assert "not yet" in _hint("04.2", lambda L: None)[0] and "all values are zero" in _hint("04.2", lambda L: torch.zeros(L + 2, 1, L))[0]
    _reject("04.2", lambda L: L, "expected a torch tensor")  # its input unchanged
    _reject("04.2", lambda L: k(L)[:, 0], "add the middle axis")
    en, zh = _hint("04.2", lambda L: k(L, window=torch.hann_window(L, periodic=False)))
    assert "periodic Hann window" in en and "周期 Hann 窗" in zh
    _reject("04.2", lambda L: k(L, window="boxcar"), "multiply every row by the Hann window")
    _reject("04.2", lambda L: torch.cat([k(L)[: L // 2 + 1], -k(L)[L // 2 + 1 :]]), "minus sign")
    _reject("04.2", lambda L: torch.stack([k(L)[: L // 2 + 1], k(L)[L // 2 + 1 :]], 1).reshape(-1, 1, L), "all cosine rows first")
    for f in (lambda k, n, L: 2 * torch.pi * k * 8000 / L * n, lambda k, n, L: 2 * torch.pi * k / L * n / 8000):  # Hz at time n
        def wrong_frequencies(L, f=f):
            angle = f(torch.arange(L // 2 + 1)[:, None], torch.arange(L), L)
            return torch.cat([torch.hann_window(L) * angle.cos(), -torch.hann_window(L) * angle.sin()])[:, None]
        _reject("04.2", wrong_frequencies, "k whole periods in L samples")
    _reject("04.2", lambda L: k(L)[1:-1], "axis 0 has 16, expected 18")  # one bin short at each end


def test_exercise_04_3_magnitude_from_pair():
    mine = _solution("04.3")
    assert passes("04.3", mine)
    half = lambda w: w.shape[1] // 2
    signed = lambda w: w[:, : half(w)] - w[:, half(w) :]
    added = lambda w: (w[:, : half(w)] + w[:, half(w) :])  # relu(s) + relu(-s) = |s|, not s: the magnitude is the same
    assert passes("04.3", lambda w: torch.sqrt(added(w)[:, : half(w) // 2] ** 2 + added(w)[:, half(w) // 2 :] ** 2))
    assert "not yet" in _hint("04.3", lambda w: None)[0] and "all values are zero" in _hint("04.3", lambda w: 0 * mine(w))[0]
    en, zh = _hint("04.3", lambda w: w)  # its input unchanged
    assert "36 rows are scores, not bins" in en and "正弦行 9 + b" in zh
    _reject("04.3", signed, "18 rows are scores")
    _reject("04.3", lambda w: mine(w) ** 2, "the power")
    _reject("04.3", lambda w: torch.sqrt(w[:, : half(w) // 2] ** 2 + w[:, half(w) // 2 : half(w)] ** 2), "from the -U half")
    _reject("04.3", lambda w: signed(w)[:, : half(w) // 2].abs() + signed(w)[:, half(w) // 2 :].abs(), "not as a sum")
    _reject("04.3", lambda w: mine(w)[0], "expected 3")  # the batch axis dropped


def test_exercise_04_4_is_an_open_question():
    assert "open question" in hint_for("04.4", "anything")[0]
