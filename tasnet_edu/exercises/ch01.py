"""Exercises of notebook ``01_slicing``: slice any batch into frames; pad so that no sample is dropped."""

import torch
import torch.nn.functional as F

from ..core.framing import dropped_samples, slice_frames
from . import Case, check_function, exercise, open_question

SHAPES = [((40,), 8), ((41,), 5), ((16,), 16), ((100,), 16), ((3, 50), 10), ((2, 2, 37), 7), ((96,), 16), ((1, 42), 5)]
_G = torch.Generator().manual_seed(0)
_CASES = [(f"x of shape {list(s)}, L = {L}", f"形状为 {list(s)}、L = {L} 的 x ", torch.randn(*s, generator=_G), L) for s, L in SHAPES]

SLICE_CODE = '''
def my_slice(x, L):
    hop, T = L // 2, x.shape[-1]
    if T < L:
        raise ValueError(f"T = {T} is shorter than one frame (L = {L})")
    return torch.stack([x[..., s : s + L] for s in range(0, T - L + 1, hop)], dim=-2)
'''


def _diagnose_slice(case, out):
    (x, L), K, n = case.args, case.expected.shape[-2], out.shape[-2]
    if x.dim() > 1 and tuple(out.shape) == (K, *x.shape[:-1], L):
        return ("stack the frames on axis -2, after the leading axes: [..., K, L]", "把帧叠在倒数第二个轴上，排在其他轴之后：[..., K, L]")
    if tuple(out.shape[-2:]) == (L, K) and L != K:
        return ("frames are rows: frame k is out[..., k, :]", "每一帧是一行：第 k 帧是 out[..., k, :]")
    if n == (x.shape[-1] - L) // L + 1 != K:
        return ("is your step L // 2? Your frames start L samples apart", "你的步长是 L // 2 吗？你的帧起点相隔 L 个采样点")
    if L % 2 and n == (x.shape[-1] - L) // (L // 2 + 1) + 1 != K:
        return ("for odd L the hop rounds down: L // 2", "L 为奇数时帧移向下取整：L // 2")
    if n == K - 1:
        return ("one frame short: the last frame may end exactly at sample T (the + 1)", "少了一帧：最后一帧可以正好结束在信号末尾（+ 1）")


@exercise("01.1", "Frame k is x[..., k*H : k*H + L]; stacking on axis -2 keeps the batch axes in front.",
          "第 k 帧是 x[..., k*H : k*H + L]；叠在倒数第二个轴上，批量的轴就留在前面。", code=SLICE_CODE)
def my_slice(fn):
    wrong = check_function(fn, [Case(en, zh, (x, L), slice_frames(x, L)) for en, zh, x, L in _CASES], _diagnose_slice)
    try:
        wrong or fn(torch.zeros(10), 16)
    except Exception:
        return None
    return wrong or ("on x of shape [10], L = 16: no frame fits; make your function raise an error, as te.slice_frames does",
                     "在形状为 [10]、L = 16 的 x 上：一帧也放不下；请让函数报错（raise），和 te.slice_frames 一样")


PAD_CODE = '''
def my_pad(x, L):
    hop = L // 2
    rest = (L - x.shape[-1]) % hop  # zeros that let the last frame end at the last sample
    return torch.nn.functional.pad(x, (hop, rest + hop))
'''


def _diagnose_pad(case, out):
    (x, L), want, got = case.args, case.expected.shape[-1], out.shape[-1]
    if got < L or dropped_samples(got, L):
        return (f"it still drops samples: dropped_samples({got}, {L}) is not 0", f"补零后仍会丢采样点：dropped_samples({got}, {L}) 不是 0")
    if got == want - L // 2 * 2:
        return ("now add L // 2 zeros at both ends too (the official code's pad_aux)", "还要在两端各补 L // 2 个零（官方代码里的 pad_aux）")
    if got > want:
        return ("more zeros than needed: first the fewest (0 to L // 2 - 1) that drop nothing, then one hop at each end",
                "零补多了：先补不丢采样点所需的最少个数（0 到 L // 2 - 1），再在两端各补一个帧移")
    if got == want and not torch.equal(out[..., L // 2 : L // 2 + x.shape[-1]], x):
        return ("x itself should start after L // 2 zeros; the extra zeros go at the end", "x 应该从 L // 2 个零之后开始；多补的零在末尾")


@exercise("01.2", "H zeros at the start, then x, then (L - T) % H zeros and H more: the last frame ends at the last sample.",
          "开头补 H 个零，接着是 x，末尾补 (L - T) % H 个零再加 H 个：最后一帧正好在最后一个采样点结束。", code=PAD_CODE)
def my_pad(fn):
    cases = [Case(en, zh, (x, L), F.pad(x, (L // 2, (L - x.shape[-1]) % (L // 2) + L // 2))) for en, zh, x, L in _CASES]
    return check_function(fn, cases + [Case("x of shape [10], L = 16 (shorter than a frame)", "形状为 [10]、L = 16（比一帧还短）的 x ",
                                            (torch.ones(10), 16), F.pad(torch.ones(10), (8, 14)))], _diagnose_pad)


open_question(
    "01.3",
    "Unpadded (L = 16, T = 100), the first and last 8 covered samples lie in one frame and the last 4 in none; after my_pad every "
    "real sample lies in exactly two, so the decoder's overlap-add (chapter 06) treats the edges like the middle. For L = 5 the "
    "middle alternates 3, 2, 3, 2 frames but the first real samples lie in two: one hop of zeros cannot make odd-L edges like the middle.",
    "不补零时（L = 16、T = 100），被覆盖的采样点里开头 8 个和末尾 8 个只落在一帧里，最后 4 个一帧也不在；"
    "用 my_pad 补零后，每个真实采样点都恰好落在两帧里，解码器（第 6 章）重叠相加时两端和中间一样。"
    "L = 5 时中间交替落在 3、2、3、2 帧里，开头的真实采样点却只落在两帧里：补一个帧移的零不能让奇数 L 的两端和中间一样。",
)
