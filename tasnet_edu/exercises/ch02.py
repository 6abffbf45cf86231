"""Exercises of notebook ``02_template_matching``: the winning template, a frame's score with itself, the cost."""

from __future__ import annotations

from . import as_number as _number
from . import exercise


@exercise(
    "02.1",
    "'1000 Hz sin'. Code: scores = F.conv1d(x.view(1, 1, -1), U[:, None, :], stride=L // 2)[0]; "
    "names[int(scores.sum(1).argmax())]. The frequency must match and so must the phase: "
    "x is a sine, and the hop (1 ms) is exactly one period, so every frame starts at the same phase.",
    "'1000 Hz sin'。代码：scores = F.conv1d(x.view(1, 1, -1), U[:, None, :], stride=L // 2)[0]；"
    "names[int(scores.sum(1).argmax())]。频率要对上，相位也要对上：x 是正弦，"
    "而帧移（1 毫秒）正好是一个周期，所以每一帧都从同一个相位开始。",
)
def winning_template(answer):
    if isinstance(answer, str):
        text = " ".join(answer.lower().split())
        if text == "1000 hz sin":
            return None
        if text == "1000 hz cos":
            return ("Right frequency, wrong phase: a sine against a cosine of the same frequency scores 0 here.",
                    "频率对了，相位不对：同频率的正弦和余弦在这里的点积是 0。")
        if "1000" in text:
            return ("Give the name exactly as in the names list, e.g. '1000 Hz cos'.", "请按 names 列表里的写法作答，例如 '1000 Hz cos'。")
        return ("Look at which row of the scores is largest: print the scores summed over frames.",
                "看看哪一行分数最大：把每个模板在所有帧上的分数加起来打印出来。")
    value = _number(answer)
    if value == 1000:
        return ("Right frequency. Now the phase: answer with the template's name, '1000 Hz cos' or '1000 Hz sin'.",
                "频率对了。再看相位：请用模板的名字作答，'1000 Hz cos' 或 '1000 Hz sin'。")
    return ("Answer with a template name from the list names.", "请用 names 列表里的模板名字作答。")


@exercise(
    "02.2",
    "3×3 + (-1)×(-1) + 2×2 + 0×0 = 9 + 1 + 4 + 0 = 14: a frame scored against itself gives its energy, "
    "the sum of its squared samples (always >= 0).",
    "3×3 + (-1)×(-1) + 2×2 + 0×0 = 9 + 1 + 4 + 0 = 14：一帧和自己的点积就是它的能量，即各采样点平方之和（总是 >= 0）。",
)
def self_score(answer):
    value = _number(answer)
    if abs(value - 14) < 1e-6:
        return None
    if abs(value - 4) < 1e-6:
        return ("That is the plain sum; a score multiplies sample by sample first: 3×3 + ...", "这是直接求和；分数要先逐点相乘：3×3 + ...")
    if abs(value - 14 ** 0.5) < 1e-4:
        return ("That is the length (norm) of the frame; the score is its square.", "这是帧的长度（范数）；分数是它的平方。")
    if value < 0:
        return ("A frame compared with itself can never score below 0: every product is a square.",
                "一帧和自己比较，分数不可能小于 0：每一项都是平方。")
    return ("Multiply the frame by itself sample by sample and add: 3×3 + (-1)×(-1) + 2×2 + 0×0.",
            "把这一帧和自己逐点相乘再相加：3×3 + (-1)×(-1) + 2×2 + 0×0。")


@exercise(
    "02.3",
    "K = (8000 - 16) // 8 + 1 = 999 frames, each scored against N = 64 templates of L = 16 samples: "
    "999 × 64 × 16 = 1,022,976 multiplications for one second of audio.",
    "K = (8000 - 16) // 8 + 1 = 999 帧，每帧和 N = 64 个模板比较，每个模板 L = 16 个采样点："
    "999 × 64 × 16 = 1,022,976 次乘法，只为一秒钟的音频。",
)
def multiplications(answer):
    value = _number(answer)
    if value == 999 * 64 * 16:
        return None
    if value == 8000 * 64 * 16:
        return ("Close: the conv does not start a frame at every sample, only every hop = 8; use K = 999 frames.",
                "接近了：卷积不是每个采样点都开始一帧，而是每隔 hop = 8 个；用 K = 999 帧。")
    if value == 999 * 64:
        return ("That is the number of scores; each score is itself L = 16 multiplications.",
                "这是分数的个数；每个分数本身还要 L = 16 次乘法。")
    if value == 1000 * 64 * 16:
        return ("K is 999, not 1000: count the frames with (T - L) // (L // 2) + 1.",
                "K 是 999 不是 1000：用 (T - L) // (L // 2) + 1 数帧。")
    return ("Multiply: number of frames K × number of templates N × samples per template L.",
            "相乘：帧数 K × 模板数 N × 每个模板的采样点数 L。")
