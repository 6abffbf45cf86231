"""Exercises of notebook ``04_strength_map``: the map's shape, where a frequency sits, time vs frequency resolution."""

from __future__ import annotations

from . import as_number as _number
from . import exercise


def _numbers(answer, count: int) -> list[float] | None:
    if hasattr(answer, "tolist") and not isinstance(answer, (tuple, list)):
        answer = answer.tolist()  # torch.Size is a tuple already; tensors and arrays become lists
    if not isinstance(answer, (tuple, list)) or len(answer) != count:
        return None
    return [_number(v) for v in answer]


@exercise(
    "04.1",
    "(2, 512, 1999). M = 2 clips, N = 512 templates, and 2 s at 8 kHz is T = 16000 samples per clip, so "
    "K = (16000 - 16) // 8 + 1 = 1999 frames. "
    "Check: te.Encoder(16, 512)(torch.zeros(2, 16000)).shape.",
    "(2, 512, 1999)。M = 2 条音频，N = 512 个模板；2 秒、8 kHz 即每条 T = 16000 个采样点，"
    "所以 K = (16000 - 16) // 8 + 1 = 1999 帧。"
    "验证：te.Encoder(16, 512)(torch.zeros(2, 16000)).shape。",
)
def batch_shape(answer):
    values = _numbers(answer, 3)
    if values is None:
        return ("Answer with three numbers (M, N, K).", "请用三个数 (M, N, K) 作答。")
    M, N, K = values
    if (M, N, K) == (2, 512, 1999):
        return None
    if (M, N) == (512, 2) or (M, K) == (1999, 2):
        return (
            "The order is [M, N, K]: clips, then templates, then time.",
            "顺序是 [M, N, K]：先条数，再模板数，最后是时间。",
        )
    if (M, N) != (2, 512):
        return ("M counts the clips (2) and N the templates (512).", "M 是音频条数（2），N 是模板数（512）。")
    if K == 2000:
        return (
            "One frame too many: the seed's 2T/L = 2000 counts a frame past the end; K = 2T/L - 1.",
            "多了一帧：2T/L = 2000 会多数一帧；应该是 K = 2T/L - 1。",
        )
    if K == 1000:
        return ("The hop is L // 2 = 8 samples, not L = 16.", "帧移是 L // 2 = 8 个采样点，不是 L = 16。")
    return (
        "K = (T - L) // (L // 2) + 1 with T = 16000, L = 16.",
        "K = (T - L) // (L // 2) + 1，其中 T = 16000，L = 16。",
    )


@exercise(
    "04.2",
    "(8, 41). Bin k of stft_kernels(L) is at k * 8000 / L Hz, so 1000 Hz is bin 1000 * 64 / 8000 = 8: row 8 holds the "
    "cosine, and the -sine rows start after the L // 2 + 1 = 33 cosine rows, so row 33 + 8 = 41.",
    "(8, 41)。stft_kernels(L) 的第 k 个频点位于 k * 8000 / L Hz，所以 1000 Hz 是第 1000 * 64 / 8000 = 8 个频点："
    "余弦在第 8 行；-sin 各行排在 L // 2 + 1 = 33 行余弦之后，所以是第 33 + 8 = 41 行。",
)
def fourier_rows(answer):
    values = _numbers(answer, 2)
    if values is None:
        return ("Answer with two row numbers: (cosine row, sine row).", "请用两个行号作答：(余弦所在行, 正弦所在行)。")
    cos_row, sin_row = values
    if (cos_row, sin_row) == (8, 41):
        return None
    if cos_row != 8:
        if cos_row == 16:
            return (
                "Bins are 8000 / L = 125 Hz apart for L = 64, not 62.5 Hz.",
                "L = 64 时频点间隔是 8000 / L = 125 Hz，不是 62.5 Hz。",
            )
        return (
            "Bins are 8000 / 64 = 125 Hz apart; which bin is at 1000 Hz?",
            "频点间隔是 8000 / 64 = 125 Hz；1000 Hz 是第几个？",
        )
    if sin_row == 40:
        return (
            "There are L // 2 + 1 = 33 cosine rows (0 to 32), not 32.",
            "余弦一共有 L // 2 + 1 = 33 行（0 到 32），不是 32 行。",
        )
    return (
        "The sine rows come after all the cosine rows: add L // 2 + 1.",
        "正弦各行排在所有余弦行之后：加上 L // 2 + 1。",
    )


@exercise(
    "04.3",
    "(8.0, 62.5). Hop = L // 2 = 64 samples = 64 / 8000 s = 8 ms; the Fourier bins are 8000 / 128 = 62.5 Hz apart. "
    "A longer L gives finer frequency steps but coarser time steps: Conv-TasNet's L = 16 is 1 ms hop, 500 Hz apart.",
    "(8.0, 62.5)。帧移 = L // 2 = 64 个采样点 = 64 / 8000 秒 = 8 毫秒；傅里叶频点间隔 8000 / 128 = 62.5 Hz。"
    "L 越长，频率越细、时间越粗：Conv-TasNet 的 L = 16 对应 1 毫秒帧移、500 Hz 频点间隔。",
)
def resolutions(answer):
    values = _numbers(answer, 2)
    if values is None:
        return (
            "Answer with two numbers: (hop in ms, bin spacing in Hz).",
            "请用两个数作答：(帧移毫秒数, 频点间隔 Hz)。",
        )
    hop_ms, spacing = values
    if abs(hop_ms - 8) < 1e-6 and abs(spacing - 62.5) < 1e-6:
        return None
    if abs(hop_ms - 16) < 1e-6:
        return ("16 ms is the window (L); the hop is L // 2.", "16 毫秒是窗长（L）；帧移是 L // 2。")
    if abs(hop_ms - 0.008) < 1e-9:
        return ("That hop is in seconds; give milliseconds.", "这个帧移是以秒为单位的；请换成毫秒。")
    if abs(hop_ms - 8) >= 1e-6:
        return (
            "Hop = L // 2 samples, and one sample lasts 1 / 8000 s.",
            "帧移 = L // 2 个采样点，每个采样点 1 / 8000 秒。",
        )
    if abs(spacing - 31.25) < 1e-6:
        return (
            "Bins are sample_rate / L apart, not sample_rate / (2L).",
            "频点间隔是 采样率 / L，不是 采样率 / (2L)。",
        )
    return (
        "Bins are sample_rate / L Hz apart (the primer's f_m = m * sr / L).",
        "频点间隔是 采样率 / L Hz（即傅里叶回顾里的 f_m = m * sr / L）。",
    )
