"""Audio in: files, the shipped speech clips, and two-speaker mixtures.

Used by every chapter that plays or plots speech and by training. Audio is mono
float32 at 8 kHz, the rate TasNet was trained at. This module is the only home
of ``SAMPLE_RATE`` and of the names of the clips the chapters show.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
import torch

from .checks import as_float_tensor, check_size

SAMPLE_RATE = 8000  # TasNet's rate, and every shipped clip's
SPEECH_DIR = Path(__file__).resolve().parents[1] / "data" / "speech"  # written by ``python tools/make_corpus.py``
MANIFEST = "clips.csv"

# The clips the chapters show (all from the test split, so no chapter plays what the model trained on).
EXAMPLE_CLIP = "en_s00_v0.flac"  # "The quick brown fox jumps over the lazy dog." (English, male voice)
SECOND_CLIP = "zh_s08_v1.flac"  # "请问火车站怎么走？" (Mandarin, male voice, espeak-ng cmn+m3): the other speaker of two-voice demos


def load_audio(path, sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """Read an audio file as a mono float32 tensor ``[T]`` at ``sample_rate``.

    For learners who bring their own recording (the notebooks use the shipped clips).
    soundfile reads it (WAV, FLAC, OGG, MP3, ...), channels are averaged and
    librosa resamples (soxr, as ``librosa.load``), so the numbers equal
    ``librosa.load(path, sr=sample_rate, mono=True)``. No audioread fallback:
    it would warn and can leave files open.

    Raises ``FileNotFoundError`` / ``ValueError`` naming the path when the file is
    missing, empty or not audio (the library's reason in the message, no
    library traceback chained).
    """
    sample_rate = check_size("sample_rate", sample_rate, 1)
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no audio file at {path}" + (" (it is a folder)" if path.is_dir() else ""))
    if path.stat().st_size == 0:
        raise ValueError(f"could not read {path} as audio: the file is empty (0 bytes)")
    return _decode(path, str(path), sample_rate)


def load_audio_bytes(data, name: str = "audio", sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """:func:`load_audio` for audio held in memory (an upload): the same reading, checks and messages.

    ``data`` is the file's content (``bytes``, ``bytearray`` or ``memoryview``);
    ``name`` stands for the path in messages. Nothing is written to disk.

    >>> import io, soundfile
    >>> buffer = io.BytesIO()
    >>> soundfile.write(buffer, np.zeros((16000, 2), dtype="float32"), 16000, format="WAV")
    >>> load_audio_bytes(buffer.getvalue(), "stereo.wav").shape  # 1 s of 16 kHz stereo -> 8 kHz mono
    torch.Size([8000])
    """
    import io

    sample_rate = check_size("sample_rate", sample_rate, 1)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"audio bytes must be bytes, bytearray or memoryview; got {type(data).__name__}")
    if len(data) == 0:
        raise ValueError(f"could not read {name} as audio: the file is empty (0 bytes)")
    return _decode(io.BytesIO(bytes(data)), name, sample_rate)


def _decode(source, name: str, sample_rate: int) -> torch.Tensor:
    """Read ``source`` (a path or a file object) with soundfile, average the channels, resample; ``name`` in messages."""
    import librosa
    import soundfile as sf

    reason = None
    try:
        audio, native_rate = sf.read(source, dtype="float32", always_2d=True)  # [T, C]
    except Exception as error:  # soundfile raises several types; the user needs the name and the reason
        reason = f"{type(error).__name__}: {str(error).strip() or 'unknown format'}"
        if not isinstance(source, Path):  # a file object: its repr (with an address) means nothing to the learner
            reason = reason.replace(repr(source), repr(name))
    if reason is not None:  # raised outside the except block: no library traceback in the chain
        raise ValueError(f"could not read {name} as audio ({reason}); use a WAV, FLAC, OGG or MP3 file")
    if audio.size == 0:
        raise ValueError(f"{name} holds no audio samples")
    as_float_tensor(audio, f"audio in {name}")  # NaN/inf in a float file: our message, before librosa's
    audio = librosa.to_mono(np.ascontiguousarray(audio.T))
    if native_rate != sample_rate:
        audio = librosa.resample(audio, orig_sr=native_rate, target_sr=sample_rate)
    return as_float_tensor(np.ascontiguousarray(audio, dtype=np.float32), f"audio in {name}")


@cache
def clip_table() -> tuple[dict, ...]:
    """The manifest of shipped clips: file, language, sentence, split, voice, speed, pitch, text."""
    with open(SPEECH_DIR / MANIFEST, encoding="utf-8") as f:
        return tuple(dict(row, sentence=int(row["sentence"])) for row in csv.DictReader(f))


def speech_clips(split: str | None = None, language: str | None = None) -> list[dict]:
    """Rows of :func:`clip_table`, filtered by split ("train", "validation", "test") and language ("en", "zh")."""
    if split not in (None, "train", "validation", "test"):
        raise ValueError(f"unknown split {split!r}; use 'train', 'validation' or 'test'")
    if language not in (None, "en", "zh"):
        raise ValueError(f"unknown language {language!r}; use 'en' or 'zh'")
    return [r for r in clip_table() if (split is None or r["split"] == split) and (language is None or r["language"] == language)]


@cache
def _read_clip(file: str) -> np.ndarray:
    import soundfile as sf

    audio, rate = sf.read(SPEECH_DIR / file, dtype="float32")
    assert rate == SAMPLE_RATE, f"{file} is at {rate} Hz; regenerate the corpus"
    return audio


def clip_row(file: str) -> dict:
    """The manifest row of the shipped clip named ``file``."""
    for row in clip_table():
        if row["file"] == file:
            return row
    raise ValueError(f"no shipped clip named {file!r}; see te.speech_clips() for the names")


def example_clip(file: str = EXAMPLE_CLIP) -> torch.Tensor:
    """A shipped clip at 8 kHz without its silent ends, ``[T]``.

    The clips start and end with digital silence (exact zeros); every frame there
    scores exactly 0, which would hide what the encoder does.
    """
    from .signals import trim_silence  # signals reads SAMPLE_RATE from here: import it late

    return trim_silence(load_clip(file))


def load_clip(clip) -> torch.Tensor:
    """A shipped clip as float32 ``[T]`` at 8 kHz; ``clip`` is a row of :func:`speech_clips` or its file name."""
    file = clip["file"] if isinstance(clip, dict) else str(clip)
    if not (SPEECH_DIR / file).is_file():
        raise FileNotFoundError(f"no shipped clip named {file!r}; see speech_clips() for the names")
    return torch.from_numpy(_read_clip(file).copy())


def mix(source1, source2, level_db: float = 0.0):
    """Mix two sources with ``source1`` ``level_db`` dB louder than ``source2``.

    Both are cut to the shorter length. Returns ``(mixture [T], sources [2, T])``
    where the sources are scaled exactly as they appear in the mixture, so
    ``mixture == sources.sum(0)``.
    """
    s1 = as_float_tensor(source1, "source1")
    s2 = as_float_tensor(source2, "source2")
    if s1.dim() != 1 or s2.dim() != 1:
        raise ValueError(f"sources must be 1-D waveforms; got shapes {list(s1.shape)} and {list(s2.shape)}")
    T = min(len(s1), len(s2))
    s1, s2 = s1[:T], s2[:T]
    p1, p2 = s1.pow(2).mean(), s2.pow(2).mean()
    if p1 == 0 or p2 == 0:
        raise ValueError("a source is silent (all zeros); pick clips that contain sound")
    # Scale source2 so that 10*log10(p1 / p2') = level_db.
    s2 = s2 * torch.sqrt(p1 / p2 / 10 ** (level_db / 10))
    sources = torch.stack([s1, s2])
    # Keep the mixture's peak below 1 (as a WAV file would need) without changing the level difference.
    peak = sources.sum(0).abs().max()
    if peak > 0.9:
        sources = sources * (0.9 / peak)
    return sources.sum(0), sources


def two_speakers(clip_a: dict, clip_b: dict) -> bool:
    """Whether two clips make a fair two-speaker mixture: different voices saying different sentences.

    As in WSJ0-2mix, the two sources are always different speakers (here: espeak-ng voices).
    """
    same_sentence = clip_a["sentence"] == clip_b["sentence"] and clip_a["language"] == clip_b["language"]
    return clip_a["voice"] != clip_b["voice"] and not same_sentence


def _crop(x: np.ndarray, length: int, rng: np.random.Generator) -> np.ndarray:
    if len(x) <= length:
        return np.pad(x, (0, length - len(x)))
    start = rng.integers(0, len(x) - length + 1)
    return x[start : start + length]


def random_mixtures(split: str, batch_size: int, seconds: float, rng: np.random.Generator):
    """A batch of training mixtures: two speakers (:func:`two_speakers`), random crops, level in [-5, 5] dB.

    Returns ``(mixtures [M, T], sources [M, 2, T])``.
    """
    clips = speech_clips(split)
    length = int(seconds * SAMPLE_RATE)
    mixtures, sources = [], []
    for _ in range(batch_size):
        while True:
            a, b = rng.choice(len(clips), size=2, replace=False)
            if two_speakers(clips[a], clips[b]):
                break
        x1 = _crop(_read_clip(clips[a]["file"]), length, rng)
        x2 = _crop(_read_clip(clips[b]["file"]), length, rng)
        if not (x1.any() and x2.any()):
            x1, x2 = x1 + 1e-4, x2 + 1e-4  # a crop of pure silence; keep it mixable
        m, s = mix(torch.from_numpy(x1), torch.from_numpy(x2), float(rng.uniform(-5, 5)))
        mixtures.append(m)
        sources.append(s)
    return torch.stack(mixtures), torch.stack(sources)


def fixed_mixtures(split: str = "test", count: int = 40, seed: int = 0) -> list[dict]:
    """Deterministic evaluation mixtures of whole clips (cut to the shorter one).

    Each entry has ``mixture [T]``, ``sources [2, T]``, ``level_db`` and the two
    clips' rows. The same ``split``, ``count`` and ``seed`` give the same list.
    """
    count = check_size("count", count, 1)
    clips = speech_clips(split)
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        a, b = rng.choice(len(clips), size=2, replace=False)
        if not two_speakers(clips[a], clips[b]):
            continue
        level = float(np.round(rng.uniform(-5, 5), 2))
        mixture, sources = mix(load_clip(clips[a]), load_clip(clips[b]), level)
        out.append({"mixture": mixture, "sources": sources, "level_db": level, "clips": (clips[a], clips[b])})
    return out
