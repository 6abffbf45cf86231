"""Exercises of notebook ``05_learned_vs_stft``: the zero-padded FFT grid, kernels in a band, the phase of -u.

The answers are not printed in the chapter: 05.1 asks for a grid the chapter does not use, 05.2 counts a band the
chapter does not count (from whatever model ``load_pretrained()`` ships), 05.3 asks to predict a phase difference.
"""

from __future__ import annotations

import math

from . import as_number as _number
from . import as_whole_number as _whole
from . import exercise


def _peaks():
    from ..core.fourier import peak_frequency
    from ..core.model import load_pretrained

    return peak_frequency(load_pretrained("learned").encoder.conv1d_U.weight.detach()[:, 0])  # the notebook's `learned`


@exercise(
    "05.1",
    "8000 / 64 = 125 Hz. The FFT of n_fft points evaluates H(f) at the n_fft // 2 + 1 = 33 frequencies "
    "k · fs / n_fft, k = 0..32, from 0 to 4000 Hz. The kernel's length L = 16 does not enter: zero padding only "
    "makes the grid finer (fs / L = 500 Hz without padding), it adds no information.",
    "8000 / 64 = 125 Hz。n_fft 点的 FFT 在 n_fft // 2 + 1 = 33 个频率 k · fs / n_fft（k = 0..32，从 0 到 4000 Hz）上算出 H(f)。"
    "卷积核的长度 L = 16 不影响网格：补零只是让网格更密（不补零时间隔 fs / L = 500 Hz），并不增加信息。",
)
def _grid_spacing(answer):
    value = _number(answer)
    if abs(value - 125) < 1e-6:
        return None
    if abs(value - 500) < 1e-6:
        return ("That is the spacing without padding (fs / L); with zero padding the grid spacing is fs / n_fft.",
                "这是不补零时的间隔（fs / L）；补零之后，网格间隔是 fs / n_fft。")
    if abs(value - 62.5) < 1e-6:
        return ("You divided 4000 Hz (the Nyquist frequency) by 64; the n_fft points span 0..fs, so divide fs by n_fft.",
                "你用 4000 Hz（奈奎斯特频率）除以了 64；n_fft 个点覆盖的是 0..fs，应该用 fs 除以 n_fft。")
    if abs(value - 33) < 1e-6 or abs(value - 64) < 1e-6:
        return ("That counts frequencies; the question asks how many Hz lie between two neighbours.",
                "这是频率的个数；题目问的是相邻两个频率相隔多少 Hz。")
    if abs(value - 15.625) < 1e-6:
        return ("That is the grid of n_fft = 512, the course's default; here n_fft = 64.",
                "这是 n_fft = 512（课程默认值）的网格；这里 n_fft = 64。")
    return ("The grid of an n_fft-point FFT has spacing sample_rate / n_fft.", "n_fft 点 FFT 的网格间隔是 采样率 / n_fft。")


@exercise(
    "05.2",
    "peaks = te.peak_frequency(learned); int(((peaks >= 2000) & (peaks < 3000)).sum()). Both conditions at once: "
    "a boolean mask per condition, combined with &, then counted with sum(). The number depends on the shipped model.",
    "peaks = te.peak_frequency(learned)；int(((peaks >= 2000) & (peaks < 3000)).sum())。两个条件同时成立："
    "每个条件得到一个布尔掩码，用 & 合起来，再用 sum() 计数。具体数字取决于随包附带的模型。",
)
def _count_band(answer):
    peaks = _peaks()
    value = _whole(answer)
    expected = int(((peaks >= 2000) & (peaks < 3000)).sum())
    if value == expected:
        return None
    if value == int(((peaks >= 2000) & (peaks <= 3000)).sum()) or value == int(((peaks > 2000) & (peaks < 3000)).sum()):
        return ("Almost: check the ends of the band, 2000 Hz counts and 3000 Hz does not (>= 2000 and < 3000).",
                "差一点：检查频带的两端，2000 Hz 算在内，3000 Hz 不算（>= 2000 且 < 3000）。")
    if value == int((peaks >= 2000).sum()) or value == int((peaks < 3000).sum()):
        return ("You counted with one condition only; combine both with &: (peaks >= 2000) & (peaks < 3000).",
                "你只用了一个条件；用 & 把两个条件合起来：(peaks >= 2000) & (peaks < 3000)。")
    if value == round(100 * expected / len(peaks)):
        return ("That looks like a percentage; the question asks for a number of kernels.", "这像是百分比；题目问的是卷积核的个数。")
    if value > len(peaks):
        return (f"There are only {len(peaks)} kernels.", f"一共只有 {len(peaks)} 个卷积核。")
    return ("Compute peaks = te.peak_frequency(learned) and count the entries with 2000 <= peak < 3000.",
            "先算 peaks = te.peak_frequency(learned)，再数满足 2000 <= peak < 3000 的个数。")


@exercise(
    "05.3",
    "180°. The Fourier transform is linear: the spectrum of -u is minus the spectrum of u, at every frequency. "
    "Minus a complex number has the same magnitude (so the same frequency response and the same peak) and a phase "
    "moved by 180° (e^{jπ} = -1). Check: phase_at_peak(-learned) - phase_at_peak(learned) is ±180° for every "
    "kernel. The STFT's cos and -sin differ by 90° instead.",
    "180°。傅里叶变换是线性的：-u 的频谱在每个频率上都是 u 的频谱取负。一个复数取负，幅度不变（所以频率响应和峰值都不变），"
    "相位移动 180°（e^{jπ} = -1）。验证：phase_at_peak(-learned) - phase_at_peak(learned) 对每个卷积核都是 ±180°。"
    "而 STFT 的 cos 与 -sin 相差的是 90°。",
)
def _negative_phase(answer):
    value = _number(answer)
    degrees = abs(value) % 360
    if abs(degrees - 180) < 1e-6:
        return None
    if abs(abs(value) - math.pi) < 1e-3:
        return ("Right, in radians (π); the question asks for degrees.", "对，这是弧度（π）；题目要求用度数作答。")
    if abs(degrees - 90) < 1e-6 or abs(degrees - 270) < 1e-6:
        return ("90° is the step between the STFT's cos and -sin; -u is u turned upside down. What does that do to "
                "its Fourier transform?", "90° 是 STFT 里 cos 与 -sin 之间的相差；-u 是把 u 上下翻转。这对它的傅里叶变换意味着什么？")
    if degrees < 1e-6:
        return ("The magnitude does not change, but the phase does: the spectrum of -u is minus the spectrum of u.",
                "幅度不变，但相位变了：-u 的频谱是 u 的频谱取负。")
    return ("Write -1 as a complex number e^{jφ}: which φ?", "把 -1 写成复数 e^{jφ}：φ 是多少？")
