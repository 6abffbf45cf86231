"""load_audio_bytes: an upload held in memory reads exactly as the same file through load_audio."""

import io

import numpy as np
import pytest
import soundfile as sf
import torch

from tasnet_edu.core.audio import load_audio, load_audio_bytes


def _encoded(data, rate, fmt="WAV") -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, data, rate, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, suffix", [("WAV", "wav"), ("FLAC", "flac"), ("OGG", "ogg"), ("MP3", "mp3")])
def test_bytes_read_as_the_same_file_does(tmp_path, fmt, suffix):
    rng = np.random.default_rng(0)
    data = (0.3 * rng.standard_normal((4410, 2))).astype("float32")  # 0.1 s of 44.1 kHz stereo
    content = _encoded(data, 44100, fmt)
    path = tmp_path / f"take.{suffix}"
    path.write_bytes(content)
    from_file = load_audio(path)
    for kind in (bytes, bytearray, memoryview):
        from_bytes = load_audio_bytes(kind(content), f"take.{suffix}")
        assert from_bytes.dtype == torch.float32 and from_bytes.dim() == 1
        assert torch.equal(from_bytes, from_file)


def test_bytes_at_8k_mono_are_exact():
    data = np.linspace(-0.5, 0.5, 800, dtype="float32")
    out = load_audio_bytes(_encoded(data, 8000))
    assert out.shape == (800,)
    assert np.allclose(out.numpy(), data, atol=1 / 32768)  # 16-bit WAV


def test_bad_bytes_get_load_audio_messages():
    with pytest.raises(ValueError, match=r"could not read notes\.txt as audio \([^<]*\); use a WAV, FLAC, OGG or MP3 file"):
        load_audio_bytes(b"hello, this is not audio", "notes.txt")
    with pytest.raises(ValueError, match="could not read empty.wav as audio: the file is empty"):
        load_audio_bytes(b"", "empty.wav")
    with pytest.raises(ValueError, match="zero.wav holds no audio samples"):
        load_audio_bytes(_encoded(np.zeros((0, 1), dtype="float32"), 8000), "zero.wav")
    with pytest.raises(TypeError, match="bytes"):
        load_audio_bytes("take.wav")
    with pytest.raises(ValueError, match="sample_rate"):
        load_audio_bytes(b"x", sample_rate=0)


def test_no_library_traceback_is_chained():
    with pytest.raises(ValueError) as info:
        load_audio_bytes(b"RIFF....WAVEjunk", "broken.wav")
    assert info.value.__cause__ is None and info.value.__context__ is None
