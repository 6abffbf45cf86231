# Chapter 01: slicing. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 01 Slicing: frames of L samples, hop L/2

**After this chapter you can**

- cut a waveform into frames of `L` samples with hop `L // 2`, by hand and with `te.slice_frames`;
- derive the number of frames $K$ and check it against the convolution itself;
- say when the document's `2T/L - 1` is right, and what happens to leftover samples and to `T < L`;
- explain why an odd `L` overlaps by more than 50%.

**Prerequisites**: chapter 00; integer division `//`. **Time**: about 20 min.

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

`kernel_size=L` is the frame length. `stride=L // 2` is the convolution's **stride**; in speech processing the distance
from one frame's start to the next is called the **hop**. Here they are the same number: we say *stride* for the
conv's argument and *hop* for frames, and write it $H = \lfloor L/2 \rfloor$.
This chapter makes the frames visible, counts them (`K`), and shows what happens at the edges.
""",
        zh=r"""
# 第 1 章　切片——每帧 L 个采样点，帧移 L/2

**学完本章，你将能够**

- 把波形切成每帧 `L` 个采样点、帧移 `L // 2` 的帧，手算和用 `te.slice_frames` 都会；
- 推导帧数 $K$，并用卷积本身来核对；
- 说清原文的 `2T/L - 1` 什么时候成立，多出来的采样点和 `T < L` 时会怎样；
- 解释为什么奇数 `L` 的重叠超过 50%。

**先修知识**：第 0 章；整除 `//`。**用时**：约 20 分钟。

原文的第一步：把整段声音切成一小段一小段。

```
[整段声音]
|----|
    |----|
        |----|
```

“每段长度是 L，每次移动 L/2（50% 重叠）。”在代码里，切片藏在卷积里面：

```python
nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
```

`kernel_size=L` 是帧长（frame length）。`stride=L // 2` 是卷积的**步长**（stride）；在语音处理中，相邻两帧起点之间的距离叫**帧移**（hop）。
这里两者是同一个数：说卷积参数时用“步长”，说帧时用“帧移”，记作 $H = \lfloor L/2 \rfloor$。
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
## Frames over a waveform

We slice a piece of speech: 40 ms (320 samples) from the loudest part of this shipped clip (synthetic speech, made with
espeak-ng, like every clip of the course).
""",
        zh="""
## 在波形上画出帧

我们来切一段语音：从下面这段随包提供的语音里，取最响的 40 毫秒（320 个采样点）。和课程里的所有语音一样，它是用 espeak-ng 合成的。
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
下图：前 `T = 124` 个采样点（每个点是一个采样），`L = 16`，帧移 8。每根彩色横条是一帧；因为相邻两帧重叠一半，
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
把同样的帧一行一行叠起来，就是原文那张图：每一行都比上一行往右错开 `hop = 8` 个采样点（灰线标出帧移的整数倍）。
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
再用文字画一遍，每个字符代表一个采样点，信号短一些（`T = 38`，`L = 8`，帧移 4）：`[======]` 是一帧，`^` 是没有被任何帧覆盖的采样点。
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
这正是卷积“看到”的东西（第 2 章会拿模板去给这些行打分）。
""",
    ),
    code("""
frames = te.slice_frames(x[:124], L=16)
print(list(frames.shape))
assert torch.equal(frames[0], x[0:16]) and torch.equal(frames[1], x[8:24])
assert torch.equal(frames[0, 8:], frames[1, :8])   # the overlap: same 8 samples
"""),
    md(
        en=r"""
## How many frames? Deriving K

Frame $k$ starts at sample $kH$ and ends just before $kH + L$. It fits in the signal when $kH + L \le T$, that is
$k \le (T - L)/H$. Counting $k = 0, 1, 2, \dots$ up to the largest whole $k$ that fits:

$$K = \left\lfloor \frac{T - L}{H} \right\rfloor + 1, \qquad H = \left\lfloor \frac{L}{2} \right\rfloor,$$

in Python `K = (T - L) // (L // 2) + 1` (`//` is whole-number division, rounding down; the $+1$ counts frame 0). For the mixture of chapter 00,
`T = 22528`, `L = 16`: `K = 22512 // 8 + 1 = 2815`. `te.num_frames(T, L)` computes it.

*Predict first, then run*: how many frames for `T = 40`, `L = 10`? (Hop 5; the last frame must end by sample 40.)
""",
        zh=r"""
## 一共几帧？推导 K

第 $k$ 帧从第 $kH$ 个采样点开始，到 $kH + L$ 之前结束。它要完整地落在信号里，需要 $kH + L \le T$，即
$k \le (T - L)/H$。从 $k = 0, 1, 2, \dots$ 一直数到满足条件的最大整数 $k$：

$$K = \left\lfloor \frac{T - L}{H} \right\rfloor + 1, \qquad H = \left\lfloor \frac{L}{2} \right\rfloor,$$

写成 Python 就是 `K = (T - L) // (L // 2) + 1`（`//` 是整除，向下取整；$+1$ 算上第 0 帧）。第 0 章的混合语音 `T = 22528`，`L = 16`：`K = 22512 // 8 + 1 = 2815`。
`te.num_frames(T, L)` 就是这个公式。

**先预测，再运行**：`T = 40`、`L = 10` 时有几帧？（帧移 5；最后一帧必须在第 40 个采样点之前结束。）
""",
    ),
    code("""
print(te.num_frames(22528, L=16), te.num_frames(124, L=16), te.num_frames(40, L=10))
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
down, and the formula's L/2 is the hop only for even L. So the two agree when **L is even and L/2 divides T**. For odd
L they agree only by coincidence (L = 5, T = 40: the hop 2 divides T, yet K = 18 while 2T/L − 1 = 15). The table is
for L = 16:
""",
        zh="""
## 原文的 `2T/L - 1`

原文的文档字符串写的是 `K = (T-L)/(L/2)+1 = 2T/L-1`。如果是普通除法，这只是代数变形：
`(T - L) / (L/2) + 1 = 2T/L - 2 + 1 = 2T/L - 1`。但卷积只产生**完整**的帧，真实的 K 要向下取整；而且公式里的 L/2 只在 L 为偶数时才等于帧移。
所以：**L 为偶数且 L/2 能整除 T** 时两者才相等。L 为奇数时，两者只会碰巧相等（例如 L = 5、T = 40：帧移 2 能整除 T，
真实的 K = 18，而 2T/L − 1 = 15）。下表是 L = 16 的情形：
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
implementations often pad the input with zeros so nothing is lost (the official Conv-TasNet code does).
""",
        zh="""
## 末尾没有被覆盖的采样点

当帧移不能整除 `T - L` 时，最后几个采样点凑不满一帧，卷积就直接跳过它们：`te.ch01.dropped_samples(T, L)`。
最多丢掉 `hop - 1` 个采样点（L = 16、8 kHz 时不到 1 毫秒）。实际的实现常常在输入末尾补零（padding），这样一个采样点也不丢
（Conv-TasNet 的官方实现就是这样做的）。
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

如果 `T < L`，一帧也切不出来。这时 PyTorch 的 `conv1d` 会在内部报一个关于卷积核大小的错误；本课程的函数会提前检查，
并给出一条写明信号长度和解决办法的报错信息：
""",
    ),
    code("""
try:
    te.num_frames(10, L=16)
except ValueError as error:
    print(te.ch01.error_message(error))
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

`stride=L // 2` 是向下取整。L 为偶数时，帧移正好是半帧；L 为奇数时帧移略小于半帧，相邻两帧共享 `L - L // 2` 个采样点，
超过一半。`L = 5` 时帧移是 2，相邻两帧共享 3 个采样点（60%），于是同一个采样点最多会落在三帧里。
原文注释里的“50% overlap”只对偶数 L 成立。
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

拖动滑块，帧会在语音片段的前 T 个采样点上重新画出来，同时打印 K。试试奇数 L、不是帧移整数倍的 T，以及比 L 还小的 T。
""",
    ),
    code("""
te.ch01.frames_widget(L=16, T=124)
""", tags=["nbval-ignore-output"]),
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
## Your own voice

Record yourself with the microphone, or upload a recording (wav, flac, ogg or mp3), and slice *your* voice into
frames. Nothing is saved to disk. Without a microphone — or when nobody has recorded yet, as when the tests run this
notebook — the next cell uses the course's clip instead and says so; record, then run it again.
""",
        zh="""
## 你自己的声音

用麦克风录一段自己的声音，或者上传一段录音（wav、flac、ogg 或 mp3），把**你的**声音切成帧。录音只留在内存里，不会存到磁盘。
没有麦克风、或者还没录音时（比如测试自动运行这本笔记本时），下一个单元格会改用课程自带的音频，并会说明这一点；录好之后再运行一次即可。
""",
    ),
    code("""
voice_in = te.ui.voice.VoicePanel()
voice_in
""", tags=["nbval-ignore-output"]),
    code("""
voice = te.ui.voice.take_or_clip(voice_in)
print(te.t(f"T = {len(voice)} samples -> K = {te.num_frames(len(voice), 16)} frames of L = 16",
           f"T = {len(voice)} 个采样点 -> K = {te.num_frames(len(voice), 16)} 帧（L = 16）"))
start = te.core.signals.loudest_start(voice, 124)
fig = te.ch01.plot_frames(voice[start:start + 124], 16)
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
answer = None  # your answer: K for T = 8000, L = 16 / 你的答案：T = 8000、L = 16 时的 K
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
answer = None  # your answer: dropped samples / 你的答案：被丢弃的采样点个数
te.check("01.2", answer)
"""),
    code("""
te.solution("01.2")
"""),
    md(
        en="**Exercise 01.3** The encoder is built with `L = 5`. What is the hop (the conv's stride)?",
        zh="**练习 01.3** 编码器用 `L = 5` 构建，帧移（也就是卷积的步长 stride）是多少？",
    ),
    code("""
answer = None  # your answer: the hop for L = 5 / 你的答案：L = 5 时的帧移
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
answer = None  # your answer: shared samples / 你的答案：共享的采样点个数
te.check("01.4", answer)
"""),
    code("""
te.solution("01.4")
"""),
    md(
        en="""
**Exercise 01.5** (open question, no checker) The official Conv-TasNet code pads the input with zeros so that no
sample is dropped. For `T = 100`, `L = 16`: how many zeros must be added at the end? And the first 8 and last 8 samples
lie in only one frame while all others lie in two: what could padding `L // 2` zeros at *both* ends change?

*Our answer, in words*: the last frame starts at 80 and ends at 96, so 4 samples are left; adding 4 zeros gives a 12th
frame (88..103) and nothing is dropped. With `L // 2` zeros at both ends every real sample lies in two frames, so the
edges are treated like the middle (the decoder's overlap-add then has two contributions everywhere).
""",
        zh="""
**练习 01.5**（开放题，不自动检查）Conv-TasNet 的官方代码会在输入末尾补零，保证不丢采样点。`T = 100`、`L = 16` 时，
末尾至少要补几个零？另外，开头 8 个和末尾 8 个采样点只落在一帧里，其余采样点都落在两帧里：如果在**两端**各补 `L // 2` 个零，会带来什么变化？

**参考答案**：最后一帧从 80 开始、到 96 结束，剩下 4 个采样点；补 4 个零就多出第 12 帧（88..103），一个也不丢。
两端各补 `L // 2` 个零后，每个真实采样点都落在两帧里，两端和中间受到同样的处理（解码器重叠相加时，每个位置都有两份贡献）。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. The conv cuts the waveform into frames of $L$ samples, each starting $H = \lfloor L/2 \rfloor$ after the previous
   one (*stride* for the conv, *hop* for the frames).
2. $K = \lfloor (T - L)/H \rfloor + 1$; the document's `2T/L - 1` holds for even L when L/2 divides T; the leftover
   samples are dropped, and `T < L` gives no frame at all.
3. For odd L the frames overlap by more than half.

### References

- Kaituo Xu, Conv-TasNet in PyTorch (the document's docstring with `K = (T-L)/(L/2)+1 = 2T/L-1`):
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019 (L = 16 samples, 50% overlap):
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- PyTorch, `torch.nn.Conv1d` (output length for kernel size and stride):
  [pytorch.org/docs/stable/generated/torch.nn.Conv1d.html](https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html)

← Previous: [00 Introduction](00_introduction.ipynb) · Next: [02 Template matching](02_template_matching.ipynb), what
the conv does with each frame →
""",
        zh=r"""
## 本章总结（三句话）

1. 卷积把波形切成每段 $L$ 个采样点的帧，每一帧比上一帧晚 $H = \lfloor L/2 \rfloor$ 个采样点开始（对卷积叫步长，对帧叫帧移）。
2. $K = \lfloor (T - L)/H \rfloor + 1$；原文的 `2T/L - 1` 只在 L 为偶数且 L/2 整除 T 时成立；凑不满一帧的尾巴会被丢掉，
   `T < L` 时一帧也没有。
3. L 为奇数时，相邻帧的重叠超过一半。

### 参考文献

- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（原文文档字符串 `K = (T-L)/(L/2)+1 = 2T/L-1` 的出处）：
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019（L = 16 个采样点，50% 重叠）：
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- PyTorch 文档，`torch.nn.Conv1d`（输出长度与卷积核大小、步长的关系）：
  [pytorch.org/docs/stable/generated/torch.nn.Conv1d.html](https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html)

← 上一章：[第 0 章　导论](00_introduction.ipynb) · 下一章：[第 2 章　模板匹配](02_template_matching.ipynb)，看卷积拿每一帧做了什么 →
""",
    ),
]
