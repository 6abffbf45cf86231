"""Exercises of notebook ``03_relu``: what ReLU keeps of u and -u, undoing it, sparsity, Conv-TasNet's choice."""

from __future__ import annotations

import torch

from . import as_number as _number
from . import exercise


@exercise(
    "03.1",
    "(0, 2.5). The score of u is -2.5, so ReLU turns it into 0; the score of -u is +2.5, which ReLU keeps. "
    "Check: torch.relu(frame @ u) and torch.relu(frame @ -u) for any frame whose dot product with u is -2.5.",
    "(0, 2.5)。u 的分数是 -2.5，ReLU 把它变成 0；-u 的分数是 +2.5，ReLU 原样保留。"
    "验证：对任何与 u 点积为 -2.5 的帧，算一算 torch.relu(frame @ u) 和 torch.relu(frame @ -u)。",
)
def kept_for_u_and_minus_u(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return (
            "Answer with two numbers in a tuple: (value for u, value for -u).",
            "请用一个包含两个数的元组作答：(u 的值, -u 的值)。",
        )
    a, b = (_number(v) for v in answer)
    if (a, b) == (0.0, 2.5):
        return None
    if (a, b) == (-2.5, 2.5):
        return (
            "-2.5 is negative: after the ReLU nothing below 0 is left.",
            "-2.5 是负数：ReLU 之后不会留下小于 0 的值。",
        )
    if (a, b) == (2.5, 0.0):
        return (
            "Swapped: u scored -2.5 (clipped to 0); -u scores +2.5.",
            "顺序反了：u 的分数是 -2.5（被截成 0），-u 的分数才是 +2.5。",
        )
    if (a, b) == (0.0, 0.0):
        return (
            "The score of -u is the opposite of u's: +2.5, and ReLU keeps positive scores.",
            "-u 的分数和 u 的相反，是 +2.5，而 ReLU 会保留正分。",
        )
    return (
        "Flip the sign for -u (the dot product is linear), then apply max(score, 0) to each.",
        "-u 的分数就是把 u 的分数变号（点积是线性的），再分别取 max(分数, 0)。",
    )


@exercise(
    "03.2",
    "def undo(a, b): return a - b. If s > 0: a = s, b = 0, so a - b = s; if s < 0: a = 0, b = -s, so a - b = s. "
    "A dictionary that holds both u and -u loses nothing to the ReLU.",
    "def undo(a, b): return a - b。若 s > 0：a = s、b = 0，所以 a - b = s；若 s < 0：a = 0、b = -s，a - b 仍是 s。"
    "字典里同时有 u 和 -u 时，ReLU 不会丢掉任何信息。",
)
def undo_relu_with_pair(answer):
    if not callable(answer):
        return (
            "Answer with a function of two arguments, e.g. def undo(a, b): return ...",
            "请给出一个有两个参数的函数，例如 def undo(a, b): return ...",
        )
    s = torch.tensor([[-2.5, 0.0, 1.25, 3.0], [0.5, -0.75, -4.0, 2.0]])
    got = answer(torch.relu(s), torch.relu(-s))
    got = torch.as_tensor(got, dtype=torch.float32)
    if got.shape == s.shape and torch.allclose(got, s):
        return None
    if got.shape == s.shape and torch.allclose(got, s.abs()):
        return (
            "That gives |s|, the size without the sign. Which combination keeps the sign?",
            "这样得到的是 |s|：只有大小，没有符号。怎样组合才能保留符号？",
        )
    if got.shape == s.shape and torch.allclose(got, -s):
        return (
            "Right idea, wrong sign: you get -s. Swap the two.",
            "思路对了，但符号反了：得到的是 -s。把两者交换一下。",
        )
    return (
        "For s > 0 only the first map is nonzero, for s < 0 only the second one. Combine them so both cases give s.",
        "s > 0 时只有第一个图非零，s < 0 时只有第二个非零。想办法组合，让两种情况都得到 s。",
    )


@exercise(
    "03.3",
    "About 0.5. A random template is as likely to anti-match a frame as to match it: half the scores are negative, "
    "and ReLU turns them into 0 (silent frames add a few more exact zeros).",
    "大约 0.5。随机模板与一帧“反着像”和“正着像”的可能性一样大：一半左右的分数是负的，ReLU 把它们变成 0"
    "（静音帧还会再多贡献一些恰好为 0 的值）。",
)
def expected_sparsity(answer):
    value = _number(answer)
    if 1 < value <= 100:
        return ("Give a fraction between 0 and 1, not a percentage.", "请给出 0 到 1 之间的比例，而不是百分数。")
    if abs(value - 0.5) <= 0.1:
        return None
    if value < 0.4:
        return (
            "Too few: think of how often a zero-mean score is negative.",
            "太少了：均值为 0 的分数，有多大比例是负的？",
        )
    return ("Too many: the ReLU only zeroes the scores that are <= 0.", "太多了：ReLU 只会把 <= 0 的分数变成 0。")


@exercise(
    "03.4",
    "linear + sigmoid (13.1 dB SI-SNRi in Table III): Conv-TasNet dropped the ReLU. ReLU + softmax was close (13.0 dB).",
    "linear + sigmoid（表 III 中 SI-SNRi 13.1 dB）：Conv-TasNet 去掉了 ReLU。ReLU + softmax 也很接近（13.0 dB）。",
)
def chosen_encoder(answer):
    if not isinstance(answer, str):
        return ('Answer with a string such as "ReLU + softmax".', '请用字符串作答，例如 "ReLU + softmax"。')
    words = answer.lower().replace("+", " ").replace(",", " ").replace("/", " ").split()
    encoder = {"linear", "relu", "pseudo-inverse"} & set(words)
    mask = {"sigmoid", "softmax"} & set(words)
    if encoder == {"linear"} and mask == {"sigmoid"}:
        return None
    if len(encoder) != 1 or len(mask) != 1:
        return (
            'Name one encoder (linear, ReLU or pseudo-inverse) and one mask (sigmoid or softmax), e.g. "ReLU + softmax".',
            '请写出一个编码器（linear、ReLU 或 pseudo-inverse）和一个掩码（sigmoid 或 softmax），例如 "ReLU + softmax"。',
        )
    if encoder == {"relu"}:
        return (
            "A ReLU encoder is TasNet's (and the seed's) choice; the final Conv-TasNet took the best row of Table III.",
            "ReLU 编码器是 TasNet（也是原文）的选择；最终的 Conv-TasNet 选了表 III 里得分最高的那一行。",
        )
    return ("Look for the highest SI-SNRi in the table.", "找表里 SI-SNRi 最高的那一行。")
