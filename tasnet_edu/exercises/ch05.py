"""Exercises of notebook 05_learned_vs_stft."""

from __future__ import annotations

from . import as_number as _number
from . import as_whole_number as _whole
from . import exercise


def _learned():
    from ..core.model import load_pretrained

    return load_pretrained("learned").encoder.templates.detach()[:, 0]  # [N, L], as te.ch05.encoder_kernels


@exercise("05.1", "Bins are sample_rate / L = 8000 / 16 = 500 Hz apart: te.ch05.bin_frequencies(16)",
          "频点间隔 = 采样率 / L = 8000 / 16 = 500 Hz：te.ch05.bin_frequencies(16)")
def _bin_spacing(answer):
    if abs(_number(answer) - 500) < 1e-6:
        return None
    return ("not quite: the STFT with n_fft = L splits 0..sample_rate into L equal steps",
            "还不对：n_fft = L 的 STFT 把 0..采样率 平均分成 L 份")


@exercise("05.2", "int((te.peak_frequency(learned) < 1000).sum())",
          "int((te.peak_frequency(learned) < 1000).sum())")
def _count_below(answer):
    from ..core.fourier import peak_frequency

    expected = int((peak_frequency(_learned()) < 1000).sum())
    if _whole(answer) == expected:
        return None
    return (f"not quite: count the kernels whose peak_frequency is < 1000 (you said {answer})",
            f"还不对：数一数 peak_frequency < 1000 的卷积核（你的答案是 {answer}）")


@exercise("05.3", "int(te.peak_frequency(learned).argmax())", "int(te.peak_frequency(learned).argmax())")
def _highest(answer):
    from ..core.fourier import peak_frequency

    peaks = peak_frequency(_learned())
    index = _whole(answer)
    if 0 <= index < len(peaks) and peaks[index] == peaks.max():
        return None
    return ("not quite: look for the largest value of te.peak_frequency(learned)",
            "还不对：找 te.peak_frequency(learned) 中最大的那个")
