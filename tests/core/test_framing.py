"""Step 1, slicing (notebook 01): K, the frames, and where the seed's ``2T/L - 1`` holds."""

from fractions import Fraction

import numpy as np
import pytest
import torch
import torch.nn as nn
from hypothesis import given, settings
from hypothesis import strategies as st

from tasnet_edu import num_frames, slice_frames
from tasnet_edu.core.framing import dropped_samples, hop_length

PROPERTY = settings(max_examples=40, deadline=None)


def conv_K(T: int, L: int) -> int:
    """K as the encoder's convolution actually produces it."""
    conv = nn.Conv1d(1, 1, kernel_size=L, stride=L // 2, bias=False)
    with torch.no_grad():
        return conv(torch.zeros(1, 1, T)).shape[-1]


def seed_formula(T: int, L: int) -> Fraction:
    """The document's ``K = 2T/L - 1``, computed exactly."""
    return Fraction(2 * T, L) - 1


@PROPERTY
@given(L=st.integers(2, 64), extra=st.integers(0, 400))
def test_num_frames_equals_the_convs_K(L, extra):
    T = L + extra
    assert num_frames(T, L) == conv_K(T, L) == (T - L) // (L // 2) + 1


@PROPERTY
@given(half=st.integers(1, 32), T=st.integers(2, 600))
def test_seed_formula_holds_exactly_when_hop_divides_T(half, T):
    L = 2 * half
    if T < L:
        return
    K = num_frames(T, L)
    if T % (L // 2) == 0:
        assert seed_formula(T, L) == K
    else:
        assert seed_formula(T, L) != K  # not even a whole number: the leftover samples are dropped
        assert seed_formula(T, L).denominator != 1


def test_where_the_seed_formula_is_wrong():
    # 100 samples, L = 16: the document's formula says 11.5 frames; the conv makes 11.
    assert seed_formula(100, 16) == Fraction(23, 2)
    assert num_frames(100, 16) == conv_K(100, 16) == 11
    assert dropped_samples(100, 16) == 4  # samples 96..99 fall after the last full frame
    # Odd L: 2T/L - 1 = 3.8 for T = 12, L = 5, but hop 2 gives 4 frames.
    assert num_frames(12, 5) == conv_K(12, 5) == 4
    assert seed_formula(12, 5) == Fraction(19, 5)
    # One second at 8 kHz with L = 16 is the happy case: 999 frames both ways.
    assert num_frames(8000, 16) == seed_formula(8000, 16) == 999


@pytest.mark.parametrize("T, L", [(15, 16), (0, 2), (1, 2)])
def test_fewer_samples_than_one_frame_is_an_error(T, L):
    with pytest.raises(ValueError, match=rf"{T} samples.*L={L}"):
        num_frames(T, L)


@PROPERTY
@given(L=st.integers(2, 48), extra=st.integers(0, 200))
def test_starts_hop_and_dropped_samples_agree(L, extra):
    T = L + extra
    hop = hop_length(L)
    starts = [k * hop for k in range(num_frames(T, L))]
    assert hop == L // 2
    assert starts == list(range(0, hop * len(starts), hop))
    last_end = starts[-1] + L
    assert last_end <= T and T - last_end == dropped_samples(T, L) < hop


@PROPERTY
@given(
    L=st.integers(2, 32),
    extra=st.integers(0, 100),
    batch=st.lists(st.integers(1, 3), min_size=0, max_size=2),
)
def test_slice_frames_shape_and_content(L, extra, batch):
    T = L + extra
    x = torch.randn(*batch, T)
    frames = slice_frames(x, L)
    K, hop = num_frames(T, L), L // 2
    assert frames.shape == (*batch, K, L)
    for k in range(K):
        assert torch.equal(frames[..., k, :], x[..., k * hop : k * hop + L])


def test_slice_frames_small_example():
    x = torch.arange(10.0)
    frames = slice_frames(x, 4)
    assert frames.tolist() == [[0, 1, 2, 3], [2, 3, 4, 5], [4, 5, 6, 7], [6, 7, 8, 9]]
    assert slice_frames(torch.arange(7.0), 5).tolist() == [[0, 1, 2, 3, 4], [2, 3, 4, 5, 6]]


def test_frames_are_a_copy():
    """Writing into one frame must not change x (or, through x, the overlapping neighbours)."""
    x = torch.arange(20.0)
    frames = slice_frames(x, 8)
    frames[0] = -1
    assert torch.equal(x, torch.arange(20.0))
    assert frames[1, 0] == 4
    a = np.arange(20.0)
    slice_frames(a, 8)[0] = -1
    assert np.array_equal(a, np.arange(20.0))


def test_numpy_input_gives_the_same_frames():
    a = np.random.default_rng(0).standard_normal((2, 100)).astype(np.float32)
    assert torch.equal(slice_frames(a, 16), slice_frames(torch.from_numpy(a.copy()), 16))
