"""The Encoder is exactly the seed document's layer: same conv, same weights, same numbers.

Covers ``tasnet_edu.encoder.Encoder`` (every chapter) against ``tasnet_edu.seed.Encoder``
(the document's class, verbatim), and the fixed ``STFTEncoder``'s checks and repr.
"""

import pytest
import torch
import torch.nn as nn
from hypothesis import given, settings
from hypothesis import strategies as st

from tasnet_edu import Encoder, num_frames
from tasnet_edu.core.encoder import STFTEncoder
from tasnet_edu.core.fourier import stft_kernels
from tasnet_edu.reference import document_encoder as seed

PROPERTY = settings(max_examples=30, deadline=None)


@pytest.mark.parametrize("L, N, C", [(16, 64, 1), (20, 8, 1), (5, 3, 1), (16, 4, 2), (7, 5, 3), (2, 1, 1)])
def test_conv_is_exactly_the_seed_layer(L, N, C):
    conv = Encoder(L, N, audio_channels=C).conv1d_U
    assert type(conv) is nn.Conv1d
    assert conv.in_channels == C
    assert conv.out_channels == N
    assert conv.kernel_size == (L,)
    assert conv.stride == (L // 2,)
    assert conv.padding == (0,)
    assert conv.dilation == (1,)
    assert conv.groups == 1
    assert conv.bias is None
    assert conv.weight.shape == (N, C, L)


def test_audio_channels_defaults_to_mono():
    enc = Encoder(16, 8)
    assert enc.audio_channels == 1 and enc.conv1d_U.in_channels == 1
    assert (enc.L, enc.N) == (16, 8)


@pytest.mark.parametrize("L, N, C", [(16, 8, 1), (5, 3, 2)])
def test_state_dict_moves_between_seed_and_encoder(L, N, C):
    torch.manual_seed(0)
    theirs = seed.Encoder(L, N, C)
    ours = Encoder(L, N, C)
    assert set(theirs.state_dict()) == set(ours.state_dict()) == {"conv1d_U.weight"}
    ours.load_state_dict(theirs.state_dict())  # strict: same keys, same shapes
    assert torch.equal(ours.conv1d_U.weight, theirs.conv1d_U.weight)

    torch.manual_seed(1)
    back = seed.Encoder(L, N, C)
    back.load_state_dict(ours.state_dict())
    assert torch.equal(back.conv1d_U.weight, ours.conv1d_U.weight)


def _pair(L, N, C, seed_value=0):
    torch.manual_seed(seed_value)
    theirs = seed.Encoder(L, N, C)
    ours = Encoder(L, N, C)
    ours.load_state_dict(theirs.state_dict())
    return theirs, ours


@PROPERTY
@given(
    L=st.integers(2, 40),
    N=st.integers(1, 12),
    C=st.integers(1, 3),
    M=st.integers(1, 3),
    extra=st.integers(0, 120),
    data_seed=st.integers(0, 2**16),
)
def test_outputs_equal_the_seed_bit_for_bit(L, N, C, M, extra, data_seed):
    theirs, ours = _pair(L, N, C, data_seed)
    T = L + extra
    x = torch.randn(M, C, T, generator=torch.Generator().manual_seed(data_seed))
    with torch.no_grad():
        expected = theirs(x)
        got = ours(x)
    assert got.shape == (M, N, num_frames(T, L))
    assert torch.equal(got, expected)


@PROPERTY
@given(L=st.integers(2, 40), N=st.integers(1, 12), M=st.integers(1, 3), extra=st.integers(0, 120))
def test_mono_input_m_t_gives_m_n_k_like_seed_with_unsqueeze(L, N, M, extra):
    theirs, ours = _pair(L, N, 1)
    T = L + extra
    x = torch.randn(M, T)
    with torch.no_grad():
        got = ours(x)
        expected = theirs(x.unsqueeze(1))
    assert got.shape == (M, N, num_frames(T, L))
    assert torch.equal(got, expected)


def test_seed_needs_three_dims_for_a_batch():
    """Why ours takes [M, T]: the seed's conv reads a 2-D [M, T] as one unbatched [C, T] clip."""
    theirs, ours = _pair(16, 4, 1)
    x = torch.randn(3, 160)
    with pytest.raises(RuntimeError):
        theirs(x)  # 3 "channels" for a 1-channel conv
    assert ours(x).shape == (3, 4, 19)


def test_forward_is_relu_of_scores():
    torch.manual_seed(0)
    enc = Encoder(16, 32)
    x = torch.randn(2, 400)
    scores = enc.scores(x)
    out = enc(x)
    assert (scores < 0).any(), "random templates give some negative scores"
    assert (out >= 0).all()
    assert torch.equal(out, torch.relu(scores))
    assert enc.templates is enc.conv1d_U.weight


@pytest.mark.parametrize("L", [3, 5, 7, 9, 15])
def test_odd_L_hop_K_and_overlap(L):
    """Odd L is accepted like the seed: stride L // 2, so frames share L - L // 2 samples (more than half)."""
    hop = L // 2
    T = 10 * L + 1
    enc = Encoder(L, L)
    with torch.no_grad():
        enc.conv1d_U.weight.copy_(torch.eye(L).unsqueeze(1))  # template l picks sample l: scores are the frames
    x = torch.arange(T, dtype=torch.float32).unsqueeze(0)
    frames = enc.scores(x)[0].T  # [K, L]
    K = (T - L) // hop + 1
    assert frames.shape == (K, L) == (num_frames(T, L), L)
    for k in range(K):
        assert torch.equal(frames[k], x[0, k * hop : k * hop + L])
    overlap = L - hop
    assert overlap == (L + 1) // 2 and overlap / L > 0.5
    assert torch.equal(frames[:-1, hop:], frames[1:, :overlap])  # neighbours share `overlap` samples
    assert "hop=" + str(hop) in repr(enc)


def test_even_L_overlaps_by_exactly_half():
    enc = Encoder(16, 16)
    with torch.no_grad():
        enc.conv1d_U.weight.copy_(torch.eye(16).unsqueeze(1))
    frames = enc.scores(torch.arange(160.0).unsqueeze(0))[0].T
    assert torch.equal(frames[:-1, 8:], frames[1:, :8])


def test_gradients_flow_to_templates():
    enc = Encoder(8, 4)
    enc(torch.randn(2, 64)).sum().backward()
    assert enc.conv1d_U.weight.grad is not None and enc.conv1d_U.weight.grad.shape == (4, 1, 8)


def test_double_precision_module_keeps_float64():
    enc = Encoder(8, 4).double()
    out = enc(torch.randn(1, 64))  # float32 audio goes to the module's dtype
    assert out.dtype == torch.float64


# The fixed STFT encoder: the same input checks as Encoder, and a repr that says what it is ------------------------

def test_stft_encoder_repr_names_L_n_fft_and_N():
    assert repr(STFTEncoder(16)) == "STFTEncoder(L=16, n_fft=16, N=18, hop=8)"
    assert repr(STFTEncoder(16, n_fft=62)) == "STFTEncoder(L=16, n_fft=62, N=64, hop=8)"


def test_stft_encoder_forward_takes_m_t_and_m_1_t_and_equals_transform():
    enc = STFTEncoder(16)
    x = torch.randn(2, 100, generator=torch.Generator().manual_seed(0))
    expected = torch.nn.functional.conv1d(x[:, None], stft_kernels(16), stride=8)
    assert expected.shape == (2, 18, num_frames(100, 16))
    assert torch.equal(enc(x), expected)
    assert torch.equal(enc(x[:, None]), expected)
    assert torch.equal(enc.transform(x[:, None]), expected)
    assert torch.equal(enc(x.numpy()), expected)
    assert enc(x.double()).dtype == torch.float32  # converted to the kernels' dtype, as Encoder does
    assert torch.equal(enc.double()(x), torch.nn.functional.conv1d(x[:, None].double(), stft_kernels(16).double(), stride=8))


@pytest.mark.parametrize("bad, fragments", [
    (torch.randn(2, 10), ["10 samples", "L=16"]),
    (torch.randn(2, 2, 100), ["2 channel(s)", "audio_channels=1"]),
    (torch.randn(100), ["(1-D)", "x.unsqueeze(0)"]),
    (torch.zeros(0, 100), ["the batch is empty"]),
    (torch.ones(2, 100, dtype=torch.int16), ["torch.int16", "x.float() / 32768"]),
    (torch.full((2, 100), float("nan")), ["NaN", "torch.nan_to_num"]),
    ([0.0] * 100, ["torch.Tensor or NumPy array, got list"]),
])
def test_stft_encoder_refuses_bad_input_like_encoder(bad, fragments):
    with pytest.raises((ValueError, TypeError)) as info:
        STFTEncoder(16)(bad)
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


def test_stft_encoder_refuses_bad_sizes():
    with pytest.raises(ValueError, match="L must be at least 2, got 1"):
        STFTEncoder(1)
    with pytest.raises(ValueError, match="n_fft must be at least 16, got 8"):
        STFTEncoder(16, n_fft=8)
