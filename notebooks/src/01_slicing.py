# Chapter 01: slicing. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 01 Slicing: frames of L samples, hop L/2

Step 1 of the document: cut the whole sound into short pieces.

```
[whole sound]
|----|
    |----|
        |----|
```

"Each piece has length L; each time move L/2 (50% overlap)." In the code, slicing is hidden inside the convolution:

```python
nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
```

`kernel_size=L` is the frame length, `stride=L // 2` the **hop** (how far the next frame starts after this one).
This chapter makes the frames visible, counts them (`K`), and shows what happens at the edges.
""",
        zh="""
# 01 切片：每帧 L 个采样点，步长 L/2

原文的第一步：把整段声音切成一小段一小段。

```
[整段声音]
|----|
    |----|
        |----|
```

"每段长度是 L，每次移动 L/2（50% 重叠）。"在代码里，切片藏在卷积里面：

```python
nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
```

`kernel_size=L` 是帧长（frame length），`stride=L // 2` 是**步长**（hop），也就是下一帧比这一帧晚多少个采样点开始。
这一章把帧画出来，数一数有多少帧（`K`），再看看两端会发生什么。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("01")
"""),
    md(
        en="""
## Frames over a real waveform

We slice a piece of real speech: 40 ms (320 samples) from the loudest part of this shipped clip.
""",
        zh="""
## 在真实波形上画出帧

我们来切一段真实的语音：从下面这段随包提供的录音里，取最响的 40 毫秒（320 个采样点）。
""",
    ),
    code("""
Audio(te.load_clip(te.ch01.DEMO_CLIP).numpy(), rate=8000)
"""),
    code("""
x = te.ch01.demo_waveform()
print(list(x.shape))
"""),
    md(
        en="""
Below: the first `T = 124` samples (one dot per sample) with `L = 16`, hop 8. Each coloured bar is one frame; the bars
are drawn on two rows because neighbouring frames overlap by half. The first three frames are also shaded over the
samples they cover: frame 1 shares its first 8 samples with frame 0 and its last 8 with frame 2. The last 4 samples
(hatched) are in no frame at all.
""",
        zh="""
下图：前 `T = 124` 个采样点（每个点是一个采样），`L = 16`，步长 8。每根彩色横条是一帧；因为相邻两帧重叠一半，
横条分两行画。前三帧还在波形上用底色标出了覆盖范围：第 1 帧的前 8 个采样点和第 0 帧共用，后 8 个和第 2 帧共用。
最后 4 个采样点（斜线部分）不属于任何一帧。
""",
    ),
    code("""
fig = te.ch01.plot_frames(x[:124], L=16)
"""),
    md(
        en="""
The same frames stacked, one per row, like the document's picture: each row starts `hop = 8` samples to the right of
the row above (the grey lines mark multiples of the hop).
""",
        zh="""
把同样的帧一行一行叠起来，就是原文那张图：每一行都比上一行往右错开 `hop = 8` 个采样点（灰线标出步长的整数倍）。
""",
    ),
    code("""
fig = te.ch01.plot_stacked_frames(x, L=16, count=5)
"""),
    md(
        en="""
And as text, one character per sample, for a short signal (`T = 38`, `L = 8`, hop 4): `[======]` is a frame, `^` a
sample no frame covers.
""",
        zh="""
再用文字画一遍，每个字符代表一个采样点，信号短一些（`T = 38`，`L = 8`，步长 4）：`[======]` 是一帧，`^` 是没有被任何帧覆盖的采样点。
""",
    ),
    code("""
print(te.ch01.frames_ascii(T=38, L=8))
"""),
    md(
        en="""
`te.slice_frames(x, L)` cuts the frames out explicitly: a tensor `[K, L]`, row k is `x[k*hop : k*hop + L]`. This is what
the convolution sees (chapter 02 scores these rows against templates).
""",
        zh="""
`te.slice_frames(x, L)` 把这些帧显式地切出来：得到形状为 `[K, L]` 的张量，第 k 行就是 `x[k*hop : k*hop + L]`。
这正是卷积"看到"的东西（第 02 章会拿模板去给这些行打分）。
""",
    ),
    code("""
frames = te.slice_frames(x[:124], L=16)
print(list(frames.shape))
assert torch.equal(frames[0], x[0:16]) and torch.equal(frames[1], x[8:24])
assert torch.equal(frames[0, 8:], frames[1, :8])   # the overlap: same 8 samples
"""),
    md(
        en="""
## How many frames? Deriving K

Frame k starts at sample `k * hop` and ends just before `k * hop + L`. It fits in the signal when
`k * hop + L <= T`, that is `k <= (T - L) / hop`. Counting `k = 0, 1, 2, ...` up to the largest whole k that fits:

```
K = (T - L) // hop + 1 = (T - L) // (L // 2) + 1
```

(`//` is whole-number division, rounding down; the `+ 1` counts frame 0.) For the mixture of chapter 00,
`T = 22528`, `L = 16`: `K = 22512 // 8 + 1 = 2815`. `te.num_frames(T, L)` computes it:
""",
        zh="""
## 一共几帧？推导 K

第 k 帧从第 `k * hop` 个采样点开始，到 `k * hop + L` 之前结束。它要完整地落在信号里，需要 `k * hop + L <= T`，即
`k <= (T - L) / hop`。从 `k = 0, 1, 2, ...` 一直数到满足条件的最大整数 k：

```
K = (T - L) // hop + 1 = (T - L) // (L // 2) + 1
```

（`//` 是整除，向下取整；`+ 1` 算上第 0 帧。）第 00 章的混合语音 `T = 22528`，`L = 16`：`K = 22512 // 8 + 1 = 2815`。
`te.num_frames(T, L)` 就是这个公式：
""",
    ),
    code("""
print(te.num_frames(22528, L=16), te.num_frames(124, L=16))
"""),
    md(
        en="""
Is the formula right? Ask the convolution itself: `te.ch01.conv_num_frames(T, L)` runs `conv1d` with
`kernel_size=L, stride=L // 2` on T zeros and returns the length of its output. We compare the two for every T from L
to 1000 and several L, even and odd:
""",
        zh="""
这个公式对吗？直接问卷积本身：`te.ch01.conv_num_frames(T, L)` 用 `kernel_size=L, stride=L // 2` 的 `conv1d`
处理 T 个 0，返回输出的长度。我们对 L 到 1000 之间的每个 T、以及几个偶数和奇数 L，逐一比较两者：
""",
    ),
    code("""
checked = 0
for L in (2, 5, 8, 16, 17, 40):
    for T in range(L, 1001):
        assert te.num_frames(T, L) == te.ch01.conv_num_frames(T, L), (T, L)
        checked += 1
print(te.t(f"{checked} (T, L) pairs checked: num_frames == conv output length",
           f"检查了 {checked} 组 (T, L)：num_frames == 卷积输出长度"))
"""),
    md(
        en="""
## The document's `2T/L - 1`

The document's docstring says `K = (T-L)/(L/2)+1 = 2T/L-1`. With ordinary division that is algebra:
`(T - L) / (L/2) + 1 = 2T/L - 2 + 1 = 2T/L - 1`. But the convolution only makes **whole** frames, so the true K rounds
down. The two agree only when `L // 2` divides `T`:
""",
        zh="""
## 原文的 `2T/L - 1`

原文的文档字符串写的是 `K = (T-L)/(L/2)+1 = 2T/L-1`。如果是普通除法，这只是代数变形：
`(T - L) / (L/2) + 1 = 2T/L - 2 + 1 = 2T/L - 1`。但卷积只产生**完整**的帧，真实的 K 要向下取整。
只有当 `L // 2` 能整除 `T` 时，两者才相等：
""",
    ),
    code("""
te.ch01.formula_table(range(120, 130), L=16)
"""),
    md(
        en="""
## Samples at the end that no frame covers

When the hop does not divide `T - L`, the last few samples do not fill a whole frame and the convolution simply skips
them: `te.ch01.dropped_samples(T, L)`. At most `hop - 1` samples (under 1 ms at 8 kHz for L = 16) are lost. Real
implementations often pad the input with zeros so nothing is lost (the official Conv-TasNet does).
""",
        zh="""
## 末尾没有被覆盖的采样点

当步长不能整除 `T - L` 时，最后几个采样点凑不满一帧，卷积就直接跳过它们：`te.ch01.dropped_samples(T, L)`。
最多丢掉 `hop - 1` 个采样点（L = 16、8 kHz 时不到 1 毫秒）。实际的实现常常在输入末尾补零（padding），这样一个采样点也不丢
（官方的 Conv-TasNet 就是这样做的）。
""",
    ),
    code("""
for T in (120, 123, 127, 128):
    print(te.t(f"T = {T}: K = {te.num_frames(T, 16)}, dropped = {te.ch01.dropped_samples(T, 16)}",
               f"T = {T}：K = {te.num_frames(T, 16)}，丢弃 {te.ch01.dropped_samples(T, 16)} 个"))
"""),
    md(
        en="""
## A signal shorter than one frame

If `T < L` there is no frame at all. PyTorch's `conv1d` then fails deep inside with a message about kernel sizes; the
course's functions stop earlier with a message that names the sizes and the fix:
""",
        zh="""
## 信号比一帧还短

如果 `T < L`，一帧也切不出来。这时 PyTorch 的 `conv1d` 会在内部报一个关于卷积核大小的错误；本课程的函数会提前拦下，
给出写明了长度和解决办法的信息：
""",
    ),
    code("""
try:
    te.num_frames(10, L=16)
except ValueError as error:
    print("ValueError:", error)
"""),
    md(
        en="""
## Odd L: more than 50% overlap

`stride=L // 2` rounds down. For even L the hop is exactly half a frame. For odd L it is a bit less, so neighbouring
frames share `L - L // 2` samples, more than half. For `L = 5` the hop is 2 and frames share 3 samples (60%), so three
frames can overlap at one sample. The document's comment "50% overlap" is only true for even L.
""",
        zh="""
## 奇数 L：重叠超过 50%

`stride=L // 2` 是向下取整。L 为偶数时，步长正好是半帧；L 为奇数时步长略小于半帧，相邻两帧共享 `L - L // 2` 个采样点，
超过一半。`L = 5` 时步长是 2，相邻两帧共享 3 个采样点（60%），于是同一个采样点最多会落在三帧里。
原文注释里的"50% overlap"只对偶数 L 成立。
""",
    ),
    code("""
for L in (4, 5, 16, 17):
    print(te.ch01.describe_overlap(L))
"""),
    code("""
print(te.ch01.frames_ascii(T=20, L=5))
"""),
    md(
        en="""
## Try it: sliders for L and T

Move the sliders: the frames are redrawn over the first T samples of the speech piece, and K is printed. Try an odd L,
a T that is not a multiple of the hop, and a T smaller than L.
""",
        zh="""
## 动手试试：L 和 T 的滑块

拖动滑块，帧会在语音片段的前 T 个采样点上重新画出来，同时打印 K。试试奇数 L、不是步长整数倍的 T，以及比 L 还小的 T。
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
te.ch01.frames_widget(L=16, T=124)
"""),
    md(
        en="""
The sliders call `te.ch01.frames_view(L, T)`, which draws the figure, prints K and returns it. Calling it directly
with `L = 5, T = 40` checks the widget's answer against the formula:
""",
        zh="""
滑块背后调用的是 `te.ch01.frames_view(L, T)`：它画图、打印 K，并返回 K。直接用 `L = 5, T = 40` 调用它，
就能拿公式核对小部件给出的答案：
""",
    ),
    code("""
K = te.ch01.frames_view(L=5, T=40)
assert K == te.num_frames(40, 5) == (40 - 5) // 2 + 1 == 18
"""),
    md(
        en="""
## Exercises

**Exercise 01.1** One second of audio at 8 kHz (`T = 8000`) and `L = 16`: how many frames K?
""",
        zh="""
## 练习

**练习 01.1** 8 kHz 下一秒钟的音频（`T = 8000`），`L = 16`：一共多少帧 K？
""",
    ),
    code("""
answer = None  # K for T = 8000, L = 16
te.check("01.1", answer)
"""),
    code("""
te.solution("01.1")
"""),
    md(
        en="**Exercise 01.2** `T = 100`, `L = 16`: how many samples at the end are in no frame?",
        zh="**练习 01.2** `T = 100`，`L = 16`：末尾有几个采样点不属于任何一帧？",
    ),
    code("""
answer = None  # number of dropped samples for T = 100, L = 16
te.check("01.2", answer)
"""),
    code("""
te.solution("01.2")
"""),
    md(
        en="**Exercise 01.3** The encoder is built with `L = 5`. What is the hop (the conv's stride)?",
        zh="**练习 01.3** 编码器用 `L = 5` 构建，步长（卷积的 stride）是多少？",
    ),
    code("""
answer = None  # the hop for L = 5
te.check("01.3", answer)
"""),
    code("""
te.solution("01.3")
"""),
    md(
        en="**Exercise 01.4** Still `L = 5`: how many samples do two neighbouring frames share?",
        zh="**练习 01.4** 还是 `L = 5`：相邻两帧共享几个采样点？",
    ),
    code("""
answer = None  # shared samples for L = 5
te.check("01.4", answer)
"""),
    code("""
te.solution("01.4")
"""),
    md(
        en="""
## Summary in three lines

1. The conv cuts the waveform into frames of `L` samples, each starting `hop = L // 2` after the previous one.
2. `K = (T - L) // (L // 2) + 1`; the document's `2T/L - 1` holds only when `L // 2` divides `T`; the leftover samples
   are dropped, and `T < L` gives no frame at all.
3. For odd L the frames overlap by more than half.

Next: [02 Template matching](02_template_matching.ipynb), what the conv does with each frame.
""",
        zh="""
## 3 行话总结

1. 卷积把波形切成每段 `L` 个采样点的帧，每一帧比上一帧晚 `hop = L // 2` 个采样点开始。
2. `K = (T - L) // (L // 2) + 1`；原文的 `2T/L - 1` 只在 `L // 2` 整除 `T` 时成立；凑不满一帧的尾巴会被丢掉，`T < L` 时一帧也没有。
3. L 为奇数时，相邻帧的重叠超过一半。

下一章：[02 模板匹配](02_template_matching.ipynb)，看卷积拿每一帧做了什么。
""",
    ),
]
