"""Fourier bases as conv kernels (notebooks 04, 05): the STFT is one fixed choice of templates."""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from tasnet_edu import (
    frequency_response,
    peak_frequency,
    sort_by_frequency,
    stft_kernels,
)
from tasnet_edu.core.fourier import make_window
from tasnet_edu.core.signals import tone

PROPERTY = settings(max_examples=25, deadline=None)


def conv_stft(x: torch.Tensor, L: int, window=None) -> tuple[torch.Tensor, torch.Tensor]:
    """Real and imaginary parts ``[B, L//2+1, K]`` from the kernels, as the encoder would compute them."""
    out = F.conv1d(x.unsqueeze(1), stft_kernels(L, window), stride=L // 2)
    bins = L // 2 + 1
    return out[:, :bins], out[:, bins:]


@PROPERTY
@given(L=st.integers(2, 64))
def test_kernel_shape(L):
    k = stft_kernels(L)
    assert k.shape == (2 * (L // 2 + 1), 1, L)
    assert k.dtype == torch.float32


@PROPERTY
@given(L=st.integers(2, 64), extra=st.integers(0, 300), seed=st.integers(0, 2**16))
def test_conv_with_kernels_equals_torch_stft(L, extra, seed):
    x = torch.randn(2, L + extra, generator=torch.Generator().manual_seed(seed))
    real, imag = conv_stft(x, L)
    ref = torch.stft(x, n_fft=L, hop_length=L // 2, window=torch.hann_window(L), center=False, return_complex=True)
    assert real.shape == ref.shape
    torch.testing.assert_close(real, ref.real, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(imag, ref.imag, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("L", [16, 15, 32, 2])
def test_conv_with_kernels_equals_librosa_stft(L):
    import librosa

    x = torch.randn(1, 800, generator=torch.Generator().manual_seed(L))
    real, imag = conv_stft(x, L)
    ref = librosa.stft(x.numpy(), n_fft=L, hop_length=L // 2, window="hann", center=False)
    assert ref.shape == tuple(real.shape)
    np.testing.assert_allclose(real.numpy(), ref.real, atol=1e-4)
    np.testing.assert_allclose(imag.numpy(), ref.imag, atol=1e-4)


@pytest.mark.parametrize("L", [8, 15, 16, 256])
def test_hann_is_periodic_like_librosa_and_torch(L):
    """librosa's "hann" is scipy's get_window("hann", L, fftbins=True): the periodic Hann of torch.stft,
    not the symmetric one (``np.hanning``, ``torch.hann_window(L, periodic=False)``)."""
    from scipy.signal import get_window

    ours = make_window(L).numpy()
    np.testing.assert_allclose(ours, get_window("hann", L, fftbins=True), atol=1e-12)
    np.testing.assert_allclose(ours, torch.hann_window(L, dtype=torch.float64).numpy(), atol=1e-12)
    assert not np.allclose(ours, np.hanning(L))
    assert ours[0] == 0 and ours[-1] > 0  # periodic: the window ends one sample before its second zero


def test_custom_window_tensor_and_boxcar():
    L = 12
    x = torch.randn(1, 300)
    w = torch.hamming_window(L)
    real, imag = conv_stft(x, L, window=w)
    ref = torch.stft(x, n_fft=L, hop_length=L // 2, window=w, center=False, return_complex=True)
    torch.testing.assert_close(real, ref.real, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(imag, ref.imag, atol=1e-4, rtol=1e-4)
    real, imag = conv_stft(x, L, window="boxcar")
    ref = torch.stft(x, n_fft=L, hop_length=L // 2, window=torch.ones(L), center=False, return_complex=True)
    torch.testing.assert_close(real, ref.real, atol=1e-4, rtol=1e-4)
    assert torch.equal(stft_kernels(L, np.hamming(L)), stft_kernels(L, torch.from_numpy(np.hamming(L))))


def test_bad_windows_are_refused():
    with pytest.raises(ValueError, match=r"\[16\]"):
        stft_kernels(16, torch.ones(15))
    with pytest.raises(ValueError, match="'kaiser'.*hann"):
        stft_kernels(16, "kaiser")


def test_dc_and_nyquist_rows_have_no_imaginary_part():
    k = stft_kernels(16, "boxcar")[:, 0]
    assert torch.equal(k[0], torch.ones(16))  # bin 0: the plain sum
    assert k[9].abs().max() == 0  # imag of bin 0
    assert k[17].abs().max() < 1e-6  # imag of the Nyquist bin (sin(pi n) = 0)


def test_frequency_response_shapes():
    kernels = torch.randn(5, 16)
    freqs, mags = frequency_response(kernels, n_fft=64)
    assert freqs.shape == (33,) and mags.shape == (5, 33)
    assert float(freqs[0]) == 0 and float(freqs[-1]) == 4000
    _, mags3 = frequency_response(kernels.unsqueeze(1))  # [N, 1, L] as in the conv weight
    _, mags2 = frequency_response(kernels)
    assert torch.equal(mags3, mags2)
    assert torch.equal(frequency_response(torch.randn(2, 16), n_fft=16)[0], torch.arange(9) * 500.0)  # bins 500 Hz apart


@PROPERTY
@given(L=st.sampled_from([16, 32, 64, 128]), frac=st.floats(0.05, 0.95), phase=st.floats(0, 6.28))
def test_a_tone_peaks_at_its_frequency(L, frac, phase):
    """Within one bin of the kernel's own DFT (8000 / L Hz): a short kernel cannot be sharper than that."""
    f = frac * 4000
    kernel = tone(f, L, phase=phase)
    if kernel.norm() < 0.5:  # pragma: no cover - tone() is unit energy
        return
    peak = float(peak_frequency(kernel.unsqueeze(0))[0])
    assert abs(peak - f) <= 8000 / L


def test_a_long_tone_peaks_within_one_zero_padded_bin():
    f = 1234.0
    peak = float(peak_frequency(tone(f, 512).unsqueeze(0), n_fft=4096)[0])
    assert abs(peak - f) <= 8000 / 4096


@PROPERTY
@given(order=st.permutations(list(range(6))), L=st.sampled_from([32, 64]))
def test_sort_by_frequency_orders_tones_ascending(order, L):
    freqs = [300.0 + 600 * i for i in order]  # 600 Hz apart: more than two bins for L >= 32
    kernels = torch.stack([tone(f, L) for f in freqs])
    idx = sort_by_frequency(kernels)
    assert [freqs[i] for i in idx.tolist()] == sorted(freqs)
    peaks = peak_frequency(kernels)[idx]
    assert (peaks[1:] > peaks[:-1]).all()


def test_frequency_response_input_checks():
    with pytest.raises(ValueError, match="n_fft=8.*L=16"):
        frequency_response(torch.randn(3, 16), n_fft=8)
    with pytest.raises(ValueError, match="n_fft"):
        frequency_response(torch.randn(3, 16), n_fft=512.0)
    with pytest.raises(ValueError, match=r"\[N, L\]"):
        frequency_response(torch.randn(0, 16))


def test_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stft_kernels(16)
        peak_frequency(torch.randn(4, 1, 16, requires_grad=True))  # a conv weight straight from a model
