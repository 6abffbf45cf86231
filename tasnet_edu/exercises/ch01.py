"""Exercises of notebook ``01_slicing``: K, dropped samples, hop and overlap for odd L."""

from __future__ import annotations

from . import as_whole_number as _whole
from . import exercise


@exercise(
    "01.1",
    "K = (T - L) // (L // 2) + 1 = (8000 - 16) // 8 + 1 = 998 + 1 = 999. "
    "Check: te.num_frames(8000, 16). Here L/2 = 8 divides T, so the document's 2T/L - 1 = 999 agrees.",
    "K = (T - L) // (L // 2) + 1 = (8000 - 16) // 8 + 1 = 998 + 1 = 999。"
    "验证：te.num_frames(8000, 16)。这里 L/2 = 8 能整除 T，所以文档的 2T/L - 1 = 999 也对。",
)
def frames_for_one_second(answer):
    value = _whole(answer)
    if value == 999:
        return None
    if value == 1000:
        return ("One too many: the last frame must end inside the signal, so count start positions 0, 8, ..., 7984.",
                "多了一帧：最后一帧必须完整地落在信号里，数一数起点 0, 8, ..., 7984。")
    if value == 998:
        return ("One too few: don't forget the frame that starts at sample 0 (the + 1).",
                "少了一帧：别忘了从第 0 个采样点开始的那一帧（公式里的 + 1）。")
    if value == 500:
        return ("That is T / L: frames overlap by half, the hop is L // 2 = 8, not L.",
                "这是 T / L：帧之间重叠一半，帧移是 L // 2 = 8，不是 L。")
    return ("Use K = (T - L) // (L // 2) + 1 with T = 8000, L = 16.", "用 K = (T - L) // (L // 2) + 1，T = 8000，L = 16。")


@exercise(
    "01.2",
    "K = (100 - 16) // 8 + 1 = 11 frames; the last starts at 10 × 8 = 80 and ends at 96, "
    "so 100 - 96 = 4 samples are dropped. Check: draw(100, 16) in the notebook prints 4 carets (^).",
    "K = (100 - 16) // 8 + 1 = 11 帧；最后一帧从 10 × 8 = 80 开始，到 96 结束，"
    "所以丢弃 100 - 96 = 4 个采样点。验证：笔记本里的 draw(100, 16) 会在末尾打印 4 个 ^。",
)
def dropped_for_100(answer):
    value = _whole(answer)
    if value == 4:
        return None
    if value == 96:
        return ("96 is where the last frame ends (it covers samples 80..95); how many samples come after it?",
                "96 是最后一帧结束的位置（它覆盖第 80..95 个采样点）；它后面还剩几个采样点？")
    if value == 11:
        return ("11 is K, the number of frames; the question asks how many samples no frame covers.",
                "11 是帧数 K；题目问的是没有被任何一帧覆盖的采样点个数。")
    if value == 0:
        return ("8 does not divide 100, so some samples are left over at the end.", "8 不能整除 100，所以末尾会剩下一些采样点。")
    return ("Find where the last frame ends: (K - 1) × 8 + 16, then subtract from T = 100.",
            "先求最后一帧的结束位置 (K - 1) × 8 + 16，再用 T = 100 减去它。")


@exercise(
    "01.3",
    "hop = L // 2 = 5 // 2 = 2 (integer division).",
    "帧移 hop = L // 2 = 5 // 2 = 2（整除）。",
)
def hop_for_odd(answer):
    if isinstance(answer, float) and answer == 2.5:
        return ("Conv1d's stride must be a whole number: the code uses L // 2, which rounds down.",
                "Conv1d 的步长（stride）必须是整数：代码用的是 L // 2，向下取整。")
    value = _whole(answer)
    if value == 2:
        return None
    if value == 3:
        return ("// rounds down: 5 // 2 = 2.", "// 是向下取整：5 // 2 = 2。")
    return ("The hop is stride = L // 2.", "帧移就是卷积的步长 stride = L // 2。")


@exercise(
    "01.4",
    "Neighbouring frames share L - hop = 5 - 2 = 3 samples: 60% overlap, more than the 50% of even L.",
    "相邻两帧共享 L - hop = 5 - 2 = 3 个采样点：重叠 60%，比偶数 L 的 50% 多。",
)
def overlap_for_odd(answer):
    value = _whole(answer)
    if value == 3:
        return None
    if value == 2:
        return ("2 is the hop; the overlap is what is left of the frame after one hop: L - hop.",
                "2 是帧移；重叠是一帧减去一个帧移后剩下的部分：L - hop。")
    return ("Frame 0 covers samples 0..4, frame 1 covers 2..6: count the samples in both.",
            "第 0 帧覆盖 0..4，第 1 帧覆盖 2..6：数一数两帧都包含的采样点。")
