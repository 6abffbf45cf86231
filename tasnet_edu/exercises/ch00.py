"""Exercises of notebook ``00_introduction``: samples, seconds and milliseconds."""

from __future__ import annotations

from . import as_number as _number
from . import exercise


@exercise(
    "00.1",
    "0.5 s × 8000 samples/s = 4000 samples.",
    "0.5 秒 × 每秒 8000 个采样点 = 4000 个采样点。",
)
def samples_in_half_a_second(answer):
    value = _number(answer)
    if value == 4000:
        return None
    if value == 8000:
        return ("8000 samples is one whole second; we want half of it.", "8000 个采样点是整整一秒，题目只要半秒。")
    if value == 16000:
        return ("The rate is 8000 samples per second, not 16000.", "采样率是每秒 8000 个，不是 16000 个。")
    return ("Multiply seconds by samples per second: 0.5 × 8000.", "用秒数乘以每秒的采样点数：0.5 × 8000。")


@exercise(
    "00.2",
    "L / sample_rate = 40 / 8000 s = 0.005 s = 5 ms.",
    "L / 采样率 = 40 / 8000 秒 = 0.005 秒 = 5 毫秒。",
)
def frame_milliseconds(answer):
    value = _number(answer)
    if abs(value - 5) < 1e-9:
        return None
    if abs(value - 0.005) < 1e-12:
        return ("That is in seconds; the question asks for milliseconds (× 1000).", "这是以秒为单位的答案；题目要的是毫秒（× 1000）。")
    if abs(value - 2) < 1e-9:
        return ("2 ms is L = 16; here L = 40.", "2 毫秒是 L = 16 的帧长；这里 L = 40。")
    return ("Each sample lasts 1000 / 8000 = 0.125 ms; a frame has 40 of them.",
            "每个采样点占 1000 / 8000 = 0.125 毫秒；一帧有 40 个采样点。")
