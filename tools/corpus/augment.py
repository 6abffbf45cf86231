"""Making synthetic voices less synthetic: the augmentations of the diverse corpus.

Synthetic speech is too regular and too clean: every period alike, digital
silence between words, no room, no microphone. A separator trained only on
that learns cues real recordings do not have. Each clip of the diverse corpus
gets one random chain of the changes below (:func:`random_chain`), drawn
from a seeded generator so the corpus is reproducible.

All functions take and return float32 mono audio at ``sr`` Hz.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from scipy import signal


def remove_dc(x: np.ndarray, sr: int, keep_silent_ends: bool = False) -> np.ndarray:
    """High-pass at 40 Hz (2nd-order Butterworth, zero phase): no DC offset, no 0 Hz stripe in pauses.

    ``keep_silent_ends``: the leading and trailing near-silence (below -90 dB of the peak: zero once stored
    as 16-bit) becomes exact zeros, as digital silence.
    """
    sos = signal.butter(2, 40, "highpass", fs=sr, output="sos")
    y = signal.sosfiltfilt(sos, x).astype(np.float32)
    if keep_silent_ends:
        loud = np.flatnonzero(np.abs(x) > 10 ** (-90 / 20) * np.abs(x).max())
        if len(loud) == 0:
            return np.zeros_like(y)
        y[: loud[0]] = 0
        y[loud[-1] + 1 :] = 0
    return y


def vocal_tract(x: np.ndarray, sr: int, factor: float) -> np.ndarray:
    """Play the clip ``factor`` times faster: pitch *and* formants scale by ``factor`` (a shorter or longer vocal tract)."""
    import librosa

    return librosa.resample(x, orig_sr=sr * factor, target_sr=sr).astype(np.float32)


def tilt(x: np.ndarray, coefficient: float) -> np.ndarray:
    """Spectral tilt with a first-order filter ``y[t] = x[t] - c x[t-1]``: c > 0 brightens, c < 0 darkens."""
    return signal.lfilter([1.0, -coefficient], [1.0], x).astype(np.float32)


def jitter_shimmer(x: np.ndarray, sr: int, rng: np.random.Generator, jitter: float, shimmer_db: float) -> np.ndarray:
    """Irregular voices: a random slow time warp (pitch wanders by about ``jitter``) and amplitude wobble (``shimmer_db``)."""
    n = len(x)
    # Smooth random curves (changing every ~20 ms) for the local rate and the gain.
    knots = max(2, n // (sr // 50) + 2)
    rate = 1 + jitter * rng.standard_normal(knots)
    gain_db = shimmer_db * rng.standard_normal(knots)
    t = np.linspace(0, knots - 1, n)
    rate_curve = np.interp(t, np.arange(knots), rate)
    position = np.cumsum(rate_curve)
    position *= (n - 1) / position[-1]
    warped = np.interp(position, np.arange(n), x)
    return (warped * 10 ** (np.interp(t, np.arange(knots), gain_db) / 20)).astype(np.float32)


def breath(x: np.ndarray, sr: int, rng: np.random.Generator, level_db: float) -> np.ndarray:
    """Aspiration: high-passed noise that follows the voice's envelope, ``level_db`` below it."""
    envelope = np.sqrt(np.convolve(x**2, np.ones(sr // 100) / (sr // 100), mode="same"))
    noise = signal.sosfilt(signal.butter(2, 1000, "highpass", fs=sr, output="sos"), rng.standard_normal(len(x)))
    return (x + envelope * noise * 10 ** (level_db / 20)).astype(np.float32)


def room(x: np.ndarray, sr: int, rng: np.random.Generator, rt60: float) -> np.ndarray:
    """Reverberation: a synthetic room impulse response (direct path + exponentially decaying noise, ``rt60`` s)."""
    length = int(rt60 * sr)
    t = np.arange(length) / sr
    rir = rng.standard_normal(length) * np.exp(-6.9 * t / rt60) * 0.3
    rir[0] = 1.0
    rir /= np.sqrt((rir**2).sum())
    return signal.fftconvolve(x, rir)[: len(x)].astype(np.float32)


def band_limit(x: np.ndarray, sr: int, low: float, high: float) -> np.ndarray:
    """A telephone- or radio-like band: 4th-order Butterworth band-pass from ``low`` to ``high`` Hz."""
    high = min(high, 0.49 * sr)
    sos = signal.butter(4, [low, high], "bandpass", fs=sr, output="sos")
    return signal.sosfilt(sos, x).astype(np.float32)


def background(x: np.ndarray, rng: np.random.Generator, snr_db: float, colour: float) -> np.ndarray:
    """Steady background noise at ``snr_db`` below the clip; ``colour`` 0 = white, 1 = pink, 2 = brown."""
    spectrum = np.fft.rfft(rng.standard_normal(len(x)))
    spectrum /= np.maximum(np.arange(len(spectrum)), 1) ** (colour / 2)
    noise = np.fft.irfft(spectrum, n=len(x))
    power = np.mean(x**2) / max(np.mean(noise**2), 1e-20)
    return (x + noise * np.sqrt(power * 10 ** (-snr_db / 10))).astype(np.float32)


def codec2_available() -> bool:
    return shutil.which("c2enc") is not None and shutil.which("c2dec") is not None


def codec2(x: np.ndarray, mode: str) -> np.ndarray:
    """Through Debian's Codec 2 tools (``c2enc``/``c2dec``, 8 kHz) at ``mode`` bit/s, e.g. "3200" or "1600"."""
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2")
    with tempfile.TemporaryDirectory() as tmp:
        raw, bits, out = Path(tmp, "in.raw"), Path(tmp, "in.c2"), Path(tmp, "out.raw")
        pcm.tofile(raw)
        subprocess.run(["c2enc", mode, str(raw), str(bits)], check=True, capture_output=True)
        subprocess.run(["c2dec", mode, str(bits), str(out)], check=True, capture_output=True)
        y = np.fromfile(out, dtype="<i2").astype(np.float32) / 32768
    return np.pad(y, (0, max(0, len(x) - len(y))))[: len(x)]


def random_chain(rng: np.random.Generator, codec: bool = True) -> list[tuple[str, dict]]:
    """One random recipe: a list of ``(name, parameters)``, each step present with its own probability."""
    chain = [("vocal_tract", {"factor": float(rng.uniform(0.85, 1.18))})]
    if rng.random() < 0.7:
        chain.append(("jitter_shimmer", {"jitter": float(rng.uniform(0.005, 0.03)), "shimmer_db": float(rng.uniform(0.3, 1.5))}))
    if rng.random() < 0.5:
        chain.append(("breath", {"level_db": float(rng.uniform(-32, -18))}))
    chain.append(("tilt", {"coefficient": float(rng.uniform(-0.6, 0.8))}))
    if rng.random() < 0.5:
        chain.append(("room", {"rt60": float(rng.uniform(0.1, 0.6))}))
    if rng.random() < 0.4:
        chain.append(("band_limit", {"low": float(rng.uniform(60, 350)), "high": float(rng.uniform(2600, 3900))}))
    if codec and rng.random() < 0.2:
        chain.append(("codec2", {"mode": str(rng.choice(["3200", "2400", "1600"]))}))
    if rng.random() < 0.6:
        chain.append(("background", {"snr_db": float(rng.uniform(15, 40)), "colour": float(rng.uniform(0, 2))}))
    return chain


def apply_chain(x: np.ndarray, sr: int, chain: list[tuple[str, dict]], rng: np.random.Generator) -> np.ndarray:
    """Apply a recipe from :func:`random_chain`, then remove DC and normalise the peak to 0.7."""
    for name, p in chain:
        if name == "vocal_tract":
            x = vocal_tract(x, sr, **p)
        elif name == "jitter_shimmer":
            x = jitter_shimmer(x, sr, rng, **p)
        elif name == "breath":
            x = breath(x, sr, rng, **p)
        elif name == "tilt":
            x = tilt(x, **p)
        elif name == "room":
            x = room(x, sr, rng, **p)
        elif name == "band_limit":
            x = band_limit(x, sr, **p)
        elif name == "codec2":
            x = codec2(x, **p)
        elif name == "background":
            x = background(x, rng, **p)
        else:
            raise ValueError(f"unknown augmentation {name!r}")
    x = remove_dc(x, sr)
    peak = np.abs(x).max()
    return (x * (0.7 / peak) if peak > 0 else x).astype(np.float32)
