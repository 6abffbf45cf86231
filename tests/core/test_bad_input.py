"""The bad-input table: every mistake gets a clear error from our code that names the value and the fix.

| mistake                                     | error                                             |
|---------------------------------------------|---------------------------------------------------|
| audio shorter than L                        | ValueError naming T and L                         |
| channels != audio_channels                  | ValueError naming both                            |
| 1-D, 4-D or empty tensors where meaningless | ValueError naming the shape expected              |
| integer dtype                               | TypeError saying how (x.float() / 32768)          |
| NumPy float array                           | converted; results equal the tensor path          |
| L < 2, N < 1, non-integer sizes             | ValueError at construction                        |
| missing or corrupt audio file               | error naming the path                             |
| NaN / inf in audio                          | ValueError, never a silent NaN map                |

and nothing the user passes in is changed in place.
"""

import math
import re

import numpy as np
import pytest
import torch

from tasnet_edu import (
    Encoder,
    frequency_response,
    load_audio,
    match_templates,
    mix,
    num_frames,
    peak_frequency,
    slice_frames,
    sort_by_frequency,
    stft_kernels,
)
from tasnet_edu.core.framing import hop_length
from tasnet_edu.core.signals import tone


def raises(exc_type, call, *fragments):
    """``call()`` raises ``exc_type`` from our code, with every fragment (plain text) in its message."""
    with pytest.raises(exc_type) as info:
        call()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


mono = Encoder(16, 4)
stereo = Encoder(16, 4, audio_channels=2)


# audio shorter than L -------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: mono(torch.zeros(2, 10)),
    lambda: mono(torch.zeros(2, 1, 10)),
    lambda: slice_frames(torch.zeros(10), 16),
    lambda: num_frames(10, 16),
], ids=["encoder-MT", "encoder-MCT", "slice_frames", "num_frames"])
def test_audio_shorter_than_L(call):
    raises(ValueError, call, "10 samples", "L=16")


# channels != audio_channels -------------------------------------------------------------------

def test_channels_differ_from_audio_channels():
    raises(ValueError, lambda: stereo(torch.zeros(1, 3, 100)), "3 channel", "audio_channels=2", "[M, 2, T]")
    raises(ValueError, lambda: mono(torch.zeros(1, 2, 100)), "2 channel", "audio_channels=1", "audio_channels=2)")
    raises(ValueError, lambda: stereo(torch.zeros(4, 100)), "[4, 100]", "audio_channels=2", "[M, C, T] with C=2")


def test_multichannel_templates_need_matching_frames():
    raises(ValueError, lambda: match_templates(torch.zeros(1, 3, 5, 8), torch.zeros(4, 2, 8)), "[1, 3, 5, 8]",
           "[4, 2, 8]", "[..., 2, K, 8]")


# wrong number of dimensions, empty tensors ----------------------------------------------------

@pytest.mark.parametrize("call, fragments", [
    (lambda: mono(torch.zeros(100)), ["[100]", "[M, C, T] or [M, T]", "unsqueeze(0)"]),
    (lambda: mono(torch.zeros(1, 1, 1, 100)), ["[1, 1, 1, 100]", "4-D", "[M, C, T]"]),
    (lambda: mono(torch.zeros(0, 100)), ["M=0", "[M, C, T]"]),
    (lambda: mono(torch.zeros(0, 1, 100)), ["M=0", "M >= 1"]),
    (lambda: mono(torch.zeros(2, 1, 0)), ["0 samples", "L=16"]),
    (lambda: mono(torch.tensor(1.0)), ["0-D", "[M, C, T]"]),
    (lambda: slice_frames(torch.tensor(1.0), 4), ["0-D", "[T]"]),
    (lambda: slice_frames(torch.zeros(0), 4), ["0 samples", "L=4"]),
    (lambda: match_templates(torch.zeros(5, 8), torch.zeros(8)), ["[8]", "[N, L]", "unsqueeze(0)"]),
    (lambda: match_templates(torch.zeros(5, 8), torch.zeros(1, 1, 1, 8)), ["[1, 1, 1, 8]", "[N, L] or [N, C, L]"]),
    (lambda: match_templates(torch.zeros(8), torch.zeros(3, 8)), ["[8]", "[..., K, L]"]),
    (lambda: match_templates(torch.zeros(5, 8), torch.zeros(0, 8)), ["[0, 8]", "N >= 1"]),
    (lambda: match_templates(torch.zeros(0, 8), torch.zeros(3, 8)), ["[0, 8]", "at least L samples"]),
    (lambda: frequency_response(torch.zeros(0, 16)), ["[0, 16]", "[N, L]"]),
    (lambda: frequency_response(torch.zeros(16)), ["[16]", "[N, L]"]),
    (lambda: stft_kernels(16, torch.ones(2, 16)), ["[2, 16]", "[16]"]),
    (lambda: mix(torch.zeros(2, 100), torch.ones(100)), ["[2, 100]", "1-D"]),
], ids=["encoder-1D", "encoder-4D", "encoder-M0-2D", "encoder-M0", "encoder-T0", "encoder-0D", "slice-0D",
        "slice-empty", "templates-1D", "templates-4D", "frames-1D", "templates-empty", "frames-empty",
        "response-empty", "response-1D", "window-2D", "mix-2D"])
def test_wrong_shapes_name_the_expected_shape(call, fragments):
    raises(ValueError, call, *fragments)


# dtypes and NumPy --------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [torch.int16, torch.int32, torch.int64])
def test_integer_tensors_say_how_to_convert(dtype):
    x = torch.zeros(1, 100, dtype=dtype)
    message = raises(TypeError, lambda: mono(x), str(dtype), "x.float() /")
    if dtype != torch.int32:
        assert "x.float() / 32768" in message
    raises(TypeError, lambda: slice_frames(x[0], 16), str(dtype), "x.float() /")


def test_integer_numpy_says_how_to_convert():
    pcm = np.zeros(100, dtype=np.int16)
    raises(TypeError, lambda: slice_frames(pcm, 16), "int16", "x.astype(np.float32) / 32768")
    raises(TypeError, lambda: mono(pcm[None]), "int16", "/ 32768")


def test_other_types_are_refused():
    raises(TypeError, lambda: mono([[0.0] * 100]), "list", "torch.as_tensor")
    raises(TypeError, lambda: slice_frames(torch.zeros(100, dtype=torch.bool), 16), "torch.bool", "x.float()")
    raises(TypeError, lambda: slice_frames(torch.zeros(100, dtype=torch.complex64), 16), "complex64", "real")
    raises(TypeError, lambda: slice_frames(np.array([object()] * 20), 16), "objects", "np.float32")


@pytest.mark.parametrize("np_dtype", [np.float32, np.float64])
def test_numpy_float_equals_the_tensor_path(np_dtype):
    torch.manual_seed(0)
    enc = Encoder(16, 8)
    a = np.random.default_rng(0).standard_normal((2, 400)).astype(np_dtype)
    t = torch.from_numpy(a.copy())
    with torch.no_grad():
        assert torch.equal(enc(a), enc(t))
        assert torch.equal(enc(a[:, None, :]), enc(t[:, None, :]))
    assert torch.equal(slice_frames(a, 16), slice_frames(t, 16))
    U = enc.conv1d_U.weight.detach().squeeze(1)
    assert torch.equal(match_templates(slice_frames(a, 16), U.numpy()), match_templates(slice_frames(t, 16), U))
    assert torch.equal(frequency_response(U.numpy())[1], frequency_response(U)[1])


def test_unusual_numpy_arrays_are_converted_without_warnings():
    import warnings

    a = np.random.default_rng(1).standard_normal(200).astype(np.float32)
    ro = a.copy()
    ro.setflags(write=False)
    big_endian = a.astype(">f4")
    strided = np.repeat(a, 2)[::2]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for variant in (ro, big_endian, strided):
            assert torch.equal(slice_frames(variant, 16), slice_frames(a, 16))


# sizes at construction ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, fragments", [
    (dict(L=1, N=4), ["L", "at least 2", "got 1"]),
    (dict(L=0, N=4), ["L", "at least 2", "got 0"]),
    (dict(L=16, N=0), ["N", "at least 1", "got 0"]),
    (dict(L=16, N=-3), ["N", "at least 1", "got -3"]),
    (dict(L=2.5, N=4), ["L", "whole number", "2.5"]),
    (dict(L=16.0, N=4), ["L", "whole number", "16.0"]),
    (dict(L="16", N=4), ["L", "whole number", "'16'"]),
    (dict(L=True, N=4), ["L", "whole number", "True"]),
    (dict(L=16, N=2.5), ["N", "whole number", "2.5"]),
    (dict(L=16, N="64"), ["N", "whole number", "'64'"]),
    (dict(L=16, N=4, audio_channels=0), ["audio_channels", "at least 1", "got 0"]),
    (dict(L=16, N=4, audio_channels=1.5), ["audio_channels", "whole number", "1.5"]),
    (dict(L=16, N=4, audio_channels=False), ["audio_channels", "whole number", "False"]),
])
def test_bad_sizes_fail_at_construction(kwargs, fragments):
    raises(ValueError, lambda: Encoder(**kwargs), *fragments)


def test_numpy_integer_sizes_are_fine():
    enc = Encoder(np.int64(16), np.int32(4))
    assert (enc.L, enc.N) == (16, 4) and type(enc.L) is int


@pytest.mark.parametrize("call, fragments", [
    (lambda: num_frames(100, 1), ["L", "at least 2"]),
    (lambda: num_frames(100.5, 16), ["T", "100.5"]),
    (lambda: num_frames(100, "16"), ["L", "'16'"]),
    (lambda: slice_frames(torch.zeros(100), 2.5), ["L", "2.5"]),
    (lambda: hop_length(True), ["L", "True"]),
    (lambda: stft_kernels(1), ["L", "at least 2"]),
    (lambda: stft_kernels(16.0), ["L", "16.0"]),
    (lambda: tone(440, 0), ["L", "at least 1"]),
    (lambda: frequency_response(torch.zeros(2, 16), n_fft=8), ["n_fft=8", "L=16"]),
])
def test_bad_sizes_elsewhere(call, fragments):
    raises(ValueError, call, *fragments)


# files -------------------------------------------------------------------------------------------

def test_missing_and_corrupt_files_name_the_path(tmp_path):
    missing = tmp_path / "missing.wav"
    raises(FileNotFoundError, lambda: load_audio(missing), str(missing))
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(np.random.default_rng(0).bytes(4096))
    raises(ValueError, lambda: load_audio(corrupt), str(corrupt))
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    raises(ValueError, lambda: load_audio(empty), str(empty), "empty")
    raises(FileNotFoundError, lambda: load_audio(tmp_path), str(tmp_path), "folder")


# NaN / inf ---------------------------------------------------------------------------------------

def _with(value, shape=(1, 100), where=(0, 5)):
    x = torch.zeros(shape)
    x[where] = value
    return x


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("call", [
    lambda x: mono(x),
    lambda x: mono(x.unsqueeze(1)),
    lambda x: mono(x.numpy()),
    lambda x: slice_frames(x, 16),
    lambda x: match_templates(slice_frames(torch.zeros(1, 100), 16), x[:, :16]),
    lambda x: match_templates(x.reshape(-1, 20)[:, :16], torch.ones(2, 16)),
    lambda x: mix(x[0], torch.ones(100)),
    lambda x: frequency_response(x.reshape(5, 20)),
], ids=["encoder", "encoder-MCT", "encoder-numpy", "slice", "templates", "frames", "mix", "response"])
def test_nan_and_inf_are_refused(call, value):
    message = raises(ValueError, lambda: call(_with(value)), "1 NaN or infinite value", "nan_to_num")
    assert re.search(r"\b(audio|frames|templates|source1|kernels)\b", message)


def test_float64_too_large_for_float32_is_refused():
    raises(ValueError, lambda: mono(torch.full((1, 100), 1e300, dtype=torch.float64)), "NaN or infinite")


# nothing changed in place ------------------------------------------------------------------------

def test_inputs_are_not_changed():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 300, generator=g)
    x3 = torch.randn(2, 2, 300, generator=g)
    a = x.numpy().copy()
    templates = torch.randn(5, 16, generator=g)
    window = torch.hamming_window(16)
    saved = [t.clone() for t in (x, x3, templates, window)]
    saved_a = a.copy()

    enc, enc2 = Encoder(16, 5), Encoder(16, 5, audio_channels=2)
    weight = enc.conv1d_U.weight.detach().clone()
    with torch.no_grad():
        enc(x), enc(a), enc2(x3), enc.scores(x)
    frames = slice_frames(x, 16)
    slice_frames(a, 16)
    match_templates(frames, templates)
    match_templates(slice_frames(x3, 16), torch.randn(5, 2, 16))
    stft_kernels(16, window)
    frequency_response(templates), peak_frequency(templates), sort_by_frequency(templates)
    mix(x[0], x[1], 3.0)

    for before, after in zip(saved, (x, x3, templates, window)):
        assert torch.equal(before, after)
    assert np.array_equal(a, saved_a)
    assert torch.equal(enc.conv1d_U.weight, weight)
