"""Exercises of notebook ``00_introduction``: samples and seconds; the shape the document's encoder returns."""

from __future__ import annotations

import torch

from . import Case, check_function, exercise, open_question
from . import as_number as _number


@exercise("00.1", "0.5 s × 8000 samples/s = 4000 samples.", "0.5 秒 × 每秒 8000 个采样点 = 4000 个采样点。")
def samples_in_half_a_second(answer):
    value = _number(answer)
    if value == 4000:
        return None
    if value == 8000:
        return ("8000 samples is one whole second; we want half of it.", "8000 个采样点是整整一秒，题目只要半秒。")
    return ("Multiply seconds by samples per second: 0.5 × 8000.", "用秒数乘以每秒的采样点数：0.5 × 8000。")


SHAPE_CODE = '''
def encoder_output_shape(M, C, T, L, N):
    return [M, N, (T - L) // (L // 2) + 1]
'''
SHAPES = [(1, 1, 22528, 16, 64), (4, 1, 8000, 16, 512), (2, 2, 100, 16, 8), (3, 1, 41, 5, 7), (1, 1, 16, 16, 4)]


def _shape_case(M, C, T, L, N) -> Case:
    conv = torch.nn.Conv1d(C, N, kernel_size=L, stride=L // 2, bias=False)  # the document's encoder, run on zeros
    with torch.no_grad():
        shape = list(conv(torch.zeros(M, C, T)).shape)
    return Case(f"M={M}, C={C}, T={T}, L={L}, N={N}", f"输入 M={M}、C={C}、T={T}、L={L}、N={N} ", (M, C, T, L, N),
                torch.tensor(shape))


def _diagnose_shape(case, out):
    M, C, T, L, N = case.args
    if out.numel() != 3:
        return ("return three numbers, [M, N, K]", "返回三个数：[M, N, K]")
    if int(out[1]) == C and C != N:
        return ("the middle axis is N, the number of templates (Conv1d's output channels), not C",
                "中间的轴是模板个数 N（Conv1d 的输出通道数），不是 C")
    if int(out[2]) == (T - L) // L + 1:
        return ("frames start L // 2 samples apart (stride = L // 2), not L",
                "相邻两帧的起点相隔 L // 2 个采样点（stride = L // 2），不是 L")
    if int(out[2]) == (T - L) // (L // 2):
        return ("one frame short: count the frame that starts at sample 0 too (the + 1)",
                "少了一帧：从第 0 个采样点开始的那一帧也要算上（公式里的 + 1）")
    if int(out[2]) == 2 * T // L - 1:
        return ("2T/L - 1 only holds when L // 2 divides T", "2T/L - 1 只在 L // 2 能整除 T 时成立")
    return None


@exercise("00.2", "K counts the frame starts 0, L//2, 2·(L//2), ... that leave room for L samples.",
          "K 数的是帧的起点 0, L//2, 2·(L//2), ...，每个起点后面都要放得下 L 个采样点。", code=SHAPE_CODE)
def encoder_output_shape(fn):
    if not callable(fn):
        return check_function(fn, [])

    def as_tensor(*args):
        out = fn(*args)
        return None if out is None else torch.tensor([int(v) for v in out])

    return check_function(as_tensor, [_shape_case(*s) for s in SHAPES], _diagnose_shape)


open_question(
    "00.3",
    "2 ms is a fifth of one period of a 100 Hz voice, so no template can hold a note, a drum hit or a syllable. A 2 ms "
    "template is a slice of an oscillation in some frequency band (or a click, or a slope): it can say which band is "
    "active right now, and little more. A drum, a voice and a piano differ in how such bands come and go over tens to "
    "hundreds of milliseconds; telling them apart is the separator's job, which watches thousands of short matches over time.",
    "2 毫秒只有 100 Hz 人声一个周期的五分之一，所以没有哪个模板能装下一个音符、一次鼓击或一个音节。2 毫秒的模板只是某个频带里"
    "一小段振荡（或者一个脉冲、一段斜坡）：它基本上只能告诉我们此刻哪个频带有能量。鼓、人声和钢琴的区别在于这些频带在几十到几百毫秒里"
    "怎样出现和消失；区分它们是分离器的事，它观察成千上万个短时匹配分数如何随时间变化。",
)
