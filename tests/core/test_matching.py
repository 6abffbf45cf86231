"""Step 2, template matching (notebook 02): scores are dot products, the conv computes them all."""

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from tasnet_edu import Encoder, match_templates, num_frames, slice_frames
from tasnet_edu.core.signals import click, sine_wave, tone


def loop(frames, templates):
    """Every score as one dot product at a time: the definition the vectorised code must meet."""
    return torch.tensor([[sum(float(a) * float(b) for a, b in zip(f, u)) for f in frames] for u in templates])

PROPERTY = settings(max_examples=30, deadline=None)


@PROPERTY
@given(
    L=st.integers(2, 32),
    N=st.integers(1, 10),
    M=st.integers(1, 3),
    extra=st.integers(0, 100),
    seed=st.integers(0, 2**16),
)
def test_relu_of_matching_equals_the_encoder(L, N, M, extra, seed):
    torch.manual_seed(seed)
    enc = Encoder(L, N)
    T = L + extra
    x = torch.randn(M, T)
    U = enc.conv1d_U.weight.detach().squeeze(1)  # [N, 1, L] -> [N, L]
    scores = match_templates(slice_frames(x, L), U)
    assert scores.shape == (M, N, num_frames(T, L))
    with torch.no_grad():
        torch.testing.assert_close(torch.relu(scores), enc(x), atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(scores, enc.scores(x), atol=1e-5, rtol=1e-5)


@PROPERTY
@given(
    L=st.integers(2, 24),
    N=st.integers(1, 8),
    C=st.integers(1, 3),
    M=st.integers(1, 3),
    extra=st.integers(0, 60),
    seed=st.integers(0, 2**16),
)
def test_multichannel_templates_sum_over_channels_like_conv1d(L, N, C, M, extra, seed):
    torch.manual_seed(seed)
    enc = Encoder(L, N, audio_channels=C)
    x = torch.randn(M, C, L + extra)
    frames = slice_frames(x, L)  # [M, C, K, L]
    U = enc.conv1d_U.weight.detach()  # [N, C, L]
    scores = match_templates(frames, U)
    assert scores.shape == (M, N, frames.shape[-2])
    with torch.no_grad():
        torch.testing.assert_close(torch.relu(scores), enc(x), atol=1e-5, rtol=1e-5)


@settings(max_examples=15, deadline=None)
@given(L=st.integers(2, 10), N=st.integers(1, 4), extra=st.integers(0, 20), seed=st.integers(0, 2**16))
def test_loop_agrees_with_match_templates(L, N, extra, seed):
    g = torch.Generator().manual_seed(seed)
    frames = slice_frames(torch.randn(L + extra, generator=g), L)  # [K, L]
    templates = torch.randn(N, L, generator=g)
    torch.testing.assert_close(loop(frames, templates), match_templates(frames, templates),
                               atol=1e-5, rtol=1e-5)


def test_scores_by_hand():
    frames = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])  # K = 3 frames of L = 2
    templates = torch.tensor([[1.0, 0.0], [1.0, -1.0]])  # N = 2
    expected = torch.tensor([[1.0, 3.0, 5.0], [-1.0, -1.0, -1.0]])  # [N, K]
    assert torch.equal(match_templates(frames, templates), expected)
    assert torch.equal(loop(frames, templates), expected)


def test_numpy_frames_and_templates_match_tensor_path():
    rng = np.random.default_rng(0)
    frames, templates = rng.standard_normal((5, 8)), rng.standard_normal((3, 8))
    assert torch.equal(match_templates(frames, templates),
                       match_templates(torch.from_numpy(frames.copy()), torch.from_numpy(templates.copy())))


@pytest.mark.parametrize("L", [8, 16, 31])
def test_tone_is_a_unit_energy_cosine(L):
    x = tone(1000, L, phase=0.3)
    assert x.shape == (L,) and x.dtype == torch.float32
    assert math.isclose(float(x.norm()), 1.0, rel_tol=1e-6)
    n = torch.arange(L, dtype=torch.float64)
    ref = torch.cos(2 * math.pi * 1000 * n / 8000 + 0.3)
    torch.testing.assert_close(x.double(), ref / ref.norm(), atol=1e-6, rtol=0)


def test_tone_scores_highest_on_its_own_frequency():
    L = 64
    templates = torch.stack([tone(f, L) for f in (250, 1000, 2000, 3000)])
    audio = sine_wave(2000, 0.1)
    scores = match_templates(slice_frames(audio, L), templates).abs().mean(dim=-1)
    assert int(scores.argmax()) == 2


def test_tone_rejects_frequencies_outside_nyquist_and_all_zero_tones():
    with pytest.raises(ValueError, match="5000"):
        tone(5000, 16)
    with pytest.raises(ValueError, match="zero"):
        tone(4000, 16, phase=math.pi / 2)  # cos(pi n + pi/2) = 0 at every sample
    assert torch.isfinite(tone(4000, 16)).all()


def test_click_picks_one_sample_of_each_frame():
    L, hop = 8, 4
    c = click(L, position=3)
    assert c.tolist() == [0, 0, 0, 1, 0, 0, 0, 0]
    assert click(L).argmax() == L // 2
    x = torch.arange(40.0)
    scores = match_templates(slice_frames(x, L), c.unsqueeze(0))[0]
    assert torch.equal(scores, x[3::hop][: scores.numel()])
    with pytest.raises(ValueError, match="8"):
        click(L, position=8)
    with pytest.raises(ValueError, match="2.5"):
        click(L, position=2.5)


def test_sine_wave_length_and_amplitude():
    x = sine_wave(440, 0.25)
    assert x.shape == (2000,) and x.dtype == torch.float32
    assert float(x.abs().max()) <= 0.5 + 1e-6
    with pytest.raises(ValueError, match="seconds"):
        sine_wave(440, 0)


def test_mismatched_lengths_are_refused():
    frames = torch.randn(5, 8)
    with pytest.raises(ValueError, match="L=8.*16"):
        match_templates(frames, torch.randn(3, 16))
    with pytest.raises(ValueError, match=r"\[\.\.\., 2, K, 8\]"):
        match_templates(torch.randn(1, 3, 5, 8), torch.randn(4, 2, 8))
