"""Chapter 00, introduction: the cocktail-party problem, samples and sample rate, the document's Encoder.

Notebook ``00_introduction``: two shipped speakers and their mixture
(:func:`cocktail_party`, :func:`plot_cocktail_party`), what 8000 samples per
second means down to one frame of L = 16 samples (:func:`describe_rate`,
:func:`plot_zoom`), and the document's ``Encoder`` next to ours with the same
weights (:func:`paired_encoders`).
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import EXAMPLE_CLIP, SAMPLE_RATE, SECOND_CLIP, clip_row, load_clip, mix
from ..core.checks import as_float_tensor, check_size
from ..core.encoder import Encoder
from ..core.signals import loudest_start
from ..reference.document_encoder import Encoder as DocumentEncoder
from ..ui.i18n import t
from ..ui.plotting import figure, to_numpy

# One English speaker and one Mandarin speaker from the test split: easy to tell apart by ear.
PARTY_CLIPS = (EXAMPLE_CLIP, SECOND_CLIP)

def cocktail_party(level_db: float = 0.0, clips=PARTY_CLIPS) -> dict:
    """Two speakers talking at once, as in notebook ``00_introduction``.

    Returns ``{"mixture": [T], "sources": [2, T], "level_db": ..., "clips": (row1, row2)}``
    (the same layout as :func:`tasnet_edu.fixed_mixtures`); the mixture is made
    with :func:`tasnet_edu.mix`, so ``mixture == sources.sum(0)``.
    """
    if len(clips) != 2:
        raise ValueError(f"clips must name exactly two shipped clips, got {len(clips)}: {clips!r}")
    rows = tuple(clip_row(c) for c in clips)
    mixture, sources = mix(load_clip(rows[0]), load_clip(rows[1]), level_db)
    return {"mixture": mixture, "sources": sources, "level_db": float(level_db), "clips": rows}


def _speaker_title(i: int, row: dict) -> str:
    lang = t("English", "英语") if row["language"] == "en" else t("Mandarin", "普通话")
    return t(f"speaker {i} ({lang}): {row['text']}", f"说话人 {i}（{lang}）：{row['text']}")


def describe_party(party: dict, sample_rate: int = SAMPLE_RATE) -> str:
    """One line per speaker and one for the mixture: what is said and how long it lasts (notebook 00)."""
    T = party["mixture"].shape[-1]
    lines = [_speaker_title(i + 1, row) for i, row in enumerate(party["clips"])]
    lines.append(t(f"mixture: {T} samples = {T / sample_rate:.2f} s (cut to the shorter clip)",
                   f"混合语音：{T} 个采样点 = {T / sample_rate:.2f} 秒（截到较短的那段）"))
    return "\n".join(lines)


def plot_cocktail_party(party: dict | None = None, sample_rate: int = SAMPLE_RATE):
    """Three waveforms stacked: speaker 1, speaker 2, and their sum (notebook 00). Returns the Figure."""
    party = cocktail_party() if party is None else party
    s = to_numpy(party["sources"])
    m = to_numpy(party["mixture"])
    time = np.arange(len(m)) / sample_rate
    fig, axes = plt.subplots(3, 1, figsize=(8, 5), sharex=True, sharey=True, layout="constrained")
    colors = ("tab:blue", "tab:orange", "0.2")
    titles = [_speaker_title(1, party["clips"][0]), _speaker_title(2, party["clips"][1]),
              t("mixture = speaker 1 + speaker 2: what the microphone hears",
                "混合语音 = 说话人 1 + 说话人 2：麦克风听到的声音")]
    for ax, y, color, title in zip(axes, (s[0], s[1], m), colors, titles):
        ax.plot(time, y, lw=0.5, color=color)
        ax.set_title(title, loc="left", fontsize=10)
        ax.set_ylabel(t("amplitude", "幅度"))
    axes[-1].set_xlabel(t("time (s)", "时间（秒）"))
    fig.suptitle(t("The cocktail-party problem: one microphone, two voices",
                   "鸡尾酒会问题：一个麦克风，两个人的声音"))
    return fig


def describe_rate(sample_rate: int = SAMPLE_RATE, L: int = 16) -> str:
    """What ``sample_rate`` samples per second means, down to one frame of L samples (notebook 00)."""
    sample_rate = check_size("sample_rate", sample_rate, 1)
    L = check_size("L", L, 1)
    step_ms = 1000 / sample_rate
    frame_ms = 1000 * L / sample_rate
    return t(
        f"{sample_rate} samples per second: one sample every {step_ms:g} ms\n"
        f"1 second = {sample_rate} numbers; {L} samples = {frame_ms:g} ms = one frame (L = {L})",
        f"每秒 {sample_rate} 个采样点：每 {step_ms:g} 毫秒取一个数\n"
        f"1 秒 = {sample_rate} 个数；{L} 个采样点 = {frame_ms:g} 毫秒 = 一帧（L = {L}）",
    )


def plot_zoom(x=None, sample_rate: int = SAMPLE_RATE, L: int = 16, window_ms: float = 40.0):
    """Zoom from a whole clip to 40 ms to one frame of L samples (2 ms at 8 kHz), notebook 00. Returns the Figure.

    The zoom goes to the loudest part of the clip, so the frame shows voiced speech.
    """
    x = cocktail_party()["sources"][0] if x is None else as_float_tensor(x)
    if x.dim() != 1:
        raise ValueError(f"audio has shape {list(x.shape)}; expected one waveform [T]")
    L = check_size("L", L, 2)
    width = int(round(window_ms * sample_rate / 1000))
    if width < L or x.shape[0] < width:
        raise ValueError(f"window of {window_ms} ms ({width} samples) must hold one frame (L={L}) "
                         f"and fit in the clip ({x.shape[0]} samples)")
    w0 = loudest_start(x, width, width // 4)
    f0 = w0 + loudest_start(x[w0 : w0 + width], L, L // 2)
    y = to_numpy(x)
    T = len(y)
    fig, axes = plt.subplots(3, 1, figsize=(8, 6.4), layout="constrained")
    ax = axes[0]
    ax.plot(np.arange(T) / sample_rate, y, lw=0.5, color="0.3")
    ax.axvspan(w0 / sample_rate, (w0 + width) / sample_rate, color="tab:orange", alpha=0.35)
    ax.set_title(t(f"the whole clip: {T} samples = {T / sample_rate:.2f} s", f"整段音频：{T} 个采样点 = {T / sample_rate:.2f} 秒"),
                 loc="left", fontsize=10)
    ax.set_xlabel(t("time (s)", "时间（秒）"))
    ax = axes[1]
    n = np.arange(w0, w0 + width)
    ax.plot(1000 * n / sample_rate, y[w0 : w0 + width], lw=1, color="tab:orange", marker=".", ms=3)
    ax.axvspan(1000 * (f0 - 0.5) / sample_rate, 1000 * (f0 + L - 0.5) / sample_rate, color="tab:blue", alpha=0.25)
    ax.set_title(t(f"zoom: {window_ms:g} ms = {width} samples (one dot per sample)",
                   f"放大：{window_ms:g} 毫秒 = {width} 个采样点（每个点是一个采样）"), loc="left", fontsize=10)
    ax.set_xlabel(t("time (ms)", "时间（毫秒）"))
    ax = axes[2]
    k = np.arange(L)
    ax.stem(k, y[f0 : f0 + L], basefmt="0.6", linefmt="tab:blue", markerfmt="o")
    ax.set_xticks(k)
    ax.set_xlim(-0.7, L - 0.3)
    ax.set_title(t(f"{1000 * L / sample_rate:g} ms = {L} samples = one frame (L = {L}): the encoder looks at these {L} numbers at once",
                   f"{1000 * L / sample_rate:g} 毫秒 = {L} 个采样点 = 一帧（L = {L}）：编码器一次看这 {L} 个数"),
                 loc="left", fontsize=10)
    ax.set_xlabel(t("sample index inside the frame", "帧内采样点序号"))
    for ax in axes:
        ax.set_ylabel(t("amplitude", "幅度"))
    return fig


def paired_encoders(L: int = 16, N: int = 64, audio_channels: int = 1, seed: int = 0):
    """The document's ``Encoder`` (:mod:`tasnet_edu.reference`) and :class:`tasnet_edu.Encoder` with the same weights.

    Notebook 00 runs both on the same audio and checks ``torch.equal``. The
    weights are the seed class's random initialisation under ``torch.manual_seed(seed)``,
    copied into ours with ``load_state_dict``. Returns ``(document_encoder, our_encoder)``.
    """
    L = check_size("L", L, 2)
    N = check_size("N", N, 1)
    audio_channels = check_size("audio_channels", audio_channels, 1)
    with torch.random.fork_rng(devices=[]):  # do not disturb the notebook's own random numbers
        torch.manual_seed(seed)
        document = DocumentEncoder(L, N, audio_channels)
        ours = Encoder(L, N, audio_channels)  # its own random init is overwritten just below
    ours.load_state_dict(document.state_dict())
    return document, ours


_CHANNELS = re.compile(r"weight of size \[([\d, ]+)\], expected input\[([\d, ]+)\] to have (\d+) channels?, "
                       r"but got (\d+) channels?")


def error_message(error: Exception) -> str:
    """PyTorch's error, as a learner of notebook 00 reads it: in Chinese for the channel mismatch, else as it is.

    >>> from tasnet_edu.ui.i18n import use_language
    >>> e = RuntimeError("Given groups=1, weight of size [64, 1, 16], expected input[1, 2, 80] to have 1 channels, "
    ...                  "but got 2 channels instead")
    >>> with use_language("zh"):
    ...     print(error_message(e))
    RuntimeError：卷积的权重 [64, 1, 16] 要求输入有 1 个通道，可输入 [1, 2, 80] 有 2 个通道
    """
    name = type(error).__name__
    found = _CHANNELS.search(str(error))
    if found is None:
        return f"{name}: {error}"
    weight, given, wanted, got = found.groups()
    return t(f"{name}: {error}",
             f"{name}：卷积的权重 [{weight}] 要求输入有 {wanted} 个通道，可输入 [{given}] 有 {got} 个通道")


@figure("00_cocktail_party")
def figure_cocktail_party():
    """Registered course figure: the two speakers and their mixture."""
    return plot_cocktail_party()


@figure("00_zoom_to_one_frame")
def figure_zoom():
    """Registered course figure: from a whole clip to one frame of 16 samples."""
    return plot_zoom()
