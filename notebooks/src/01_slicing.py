# Chapter 01: slicing. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 01 Slicing: frames of L samples, hop L/2

**After this chapter you can**

- cut a waveform into frames of `L` samples with hop `L // 2`: by indexing, with `unfold`, and with `te.slice_frames`;
- derive the number of frames $K$ and check it against the output of the document's `Conv1d`;
- say when the document's `2T/L - 1` is right, and what happens to leftover samples and to `T < L`;
- explain why an odd `L` overlaps by more than 50%;
- write your own slicing function for a waveform, a batch or stereo, and a padding function that drops no sample.

**Prerequisites**: chapter 00; integer division `//`; indexing a tensor with `x[a:b]`. **Time**: about 55 min.

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
This chapter cuts the frames out by hand, counts them (`K`), and shows what happens at the edges.
""",
        zh=r"""
# 第 1 章　切片——每帧 L 个采样点，帧移 L/2

**学完本章，你将能够**

- 把波形切成每帧 `L` 个采样点、帧移 `L // 2` 的帧：用下标切片、用 `unfold`、用 `te.slice_frames` 三种写法；
- 推导帧数 $K$，并用原文的 `Conv1d` 的输出来核对；
- 说清原文的 `2T/L - 1` 什么时候成立，多出来的采样点和 `T < L` 时会怎样；
- 解释为什么奇数 `L` 的重叠超过 50%；
- 自己写一个切帧函数（适用于单段波形、一批波形和立体声），以及一个一个采样点也不丢的补零函数。

**先修知识**：第 0 章；整除 `//`；用 `x[a:b]` 取张量的一段。**用时**：约 55 分钟。

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
这一章亲手把帧切出来，数一数有多少帧（`K`），再看看两端会发生什么。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
from tasnet_edu.core.signals import loudest_start
te.start_chapter("01")
"""),
    md(
        en="""
## A piece of speech

We slice a piece of speech: the loudest 40 ms (320 samples at 8 kHz) of the course's clip "The quick brown fox jumps
over the lazy dog", synthesised with espeak-ng. `loudest_start` looks at windows of 320 samples, one every 160, and
returns where the one with the most energy starts.
""",
        zh="""
## 一段语音

我们来切一段语音：课程自带的音频“The quick brown fox jumps over the lazy dog”（用 espeak-ng 合成）里最响的 40 毫秒，
也就是 8 kHz 下的 320 个采样点。`loudest_start` 每隔 160 个采样点取一个 320 点的窗口，返回能量最大的那个窗口的起点。
""",
    ),
    code("""
clip = te.load_clip("en_s00_v0.flac")  # en: [T] at 8000 samples per second // zh: [T]，每秒 8000 个采样点
start = loudest_start(clip, 320, 160)
piece = clip[start : start + 320]  # en: the loudest 40 ms // zh: 最响的 40 毫秒
print(len(clip), start, list(piece.shape))
Audio(clip.numpy(), rate=8000)
"""),
    md(
        en="""
## Slicing by hand

We take the first `T = 124` samples of the piece and `L = 16`, so the hop is `H = 8`. Frame $k$ is the slice
`x[k*H : k*H + L]`: frame 0 is samples 0..15, frame 1 is samples 8..23, and so on. We keep cutting while the frame still
ends inside the signal, then stack the frames into one tensor, one frame per row.
""",
        zh="""
## 亲手切片

取这段语音的前 `T = 124` 个采样点，`L = 16`，于是帧移 `H = 8`。第 $k$ 帧就是切片 `x[k*H : k*H + L]`：第 0 帧是第 0..15 个采样点，
第 1 帧是第 8..23 个，依此类推。只要这一帧还能完整地落在信号里，就继续往下切；最后把所有帧叠成一个张量，每行一帧。
""",
    ),
    code("""
L = 16
hop = L // 2  # en: H, the conv's stride // zh: H，即卷积的步长
x = piece[:124]
T = len(x)
rows = []
k = 0
while k * hop + L <= T:  # en: frame k must end inside the signal // zh: 第 k 帧必须完整地落在信号里
    rows.append(x[k * hop : k * hop + L])
    k += 1
frames = torch.stack(rows)  # en: [K, L]: frame k is row k // zh: [K, L]：第 k 行就是第 k 帧
print(list(frames.shape))
assert torch.equal(frames[0, 8:], frames[1, :8])  # en: the overlap: the same 8 samples // zh: 重叠部分：同样的 8 个采样点
"""),
    md(
        en="""
PyTorch has this operation built in: `x.unfold(-1, L, H)` takes windows of size `L` along the last axis, one every `H`
samples. It gives exactly our frames, and so does the course's `te.slice_frames(x, L)` (the hop is always `L // 2`
there). Below, each frame of `by_unfold` is drawn as a bar over the samples it covers. The bars are drawn on two rows
because neighbouring frames overlap by half, and the grey lines mark multiples of the hop: frame 1 shares its first 8
samples with frame 0 and its last 8 with frame 2. The last 4 samples (hatched) are in no frame at all.
""",
        zh="""
PyTorch 自带这个操作：`x.unfold(-1, L, H)` 沿最后一个维度取长度为 `L` 的窗口，每隔 `H` 个采样点取一个。它得到的正是我们切出的帧；
课程里的 `te.slice_frames(x, L)` 也一样（帧移固定为 `L // 2`）。下图把 `by_unfold` 的每一帧画成一根横条，横条下方就是它覆盖的采样点。
相邻两帧重叠一半，所以横条分两行画；灰线标出帧移的整数倍：第 1 帧的前 8 个采样点和第 0 帧共用，后 8 个和第 2 帧共用。
最后 4 个采样点（斜线部分）不属于任何一帧。
""",
    ),
    code("""
by_unfold = x.unfold(-1, L, L // 2)
assert torch.equal(frames, by_unfold)
assert torch.equal(frames, te.slice_frames(x, L))
fig = te.ch01.plot_frames(x, by_unfold)
"""),
    md(
        en="""
Now the whole 320-sample piece, cut the same way, and its first five frames stacked, one per row, like the document's
picture: row $k$ draws frame $k$ (its 16 samples, taken from the tensor) where it sits in time, `H = 8` samples to the
right of the row above.
""",
        zh="""
再用同样的方法切整段 320 个采样点，把前五帧一行一行叠起来，就是原文那张图：第 $k$ 行画的是第 $k$ 帧（张量里的那 16 个采样点），
画在它在时间上的位置，每一行都比上一行往右错开 `H = 8` 个采样点。
""",
    ),
    code("""
all_frames = piece.unfold(-1, L, L // 2)  # en: every frame of the 320-sample piece // zh: 320 个采样点的整段切出的全部帧
print(list(all_frames.shape))
fig = te.ch01.plot_stacked_frames(piece, all_frames, count=5)
"""),
    md(
        en="""
And as text, one character per sample, for a short signal (`T = 38`, `L = 8`, hop 4): a row of dots for the samples,
one `[======]` per frame, and `^` under the samples no frame covers.
""",
        zh="""
再用文字画一遍，每个字符代表一个采样点，信号短一些（`T = 38`，`L = 8`，帧移 4）：第一行的点是采样点，每个 `[======]` 是一帧，
`^` 标出没有被任何帧覆盖的采样点。
""",
    ),
    code("""
def draw(T, L):
    hop = L // 2
    print("." * T)
    for s in range(0, T - L + 1, hop):  # en: every start where a whole frame fits // zh: 每个能放下整帧的起点
        print(" " * s + "[" + "=" * (L - 2) + "]")
    end = s + L  # en: where the last frame ends // zh: 最后一帧结束的位置
    print(" " * end + "^" * (T - end))

draw(38, 8)
"""),
    md(
        en=r"""
## How many frames? Deriving K

Frame $k$ starts at sample $kH$ and ends just before $kH + L$. It fits in the signal when $kH + L \le T$ (the condition
of the `while` loop above), that is $k \le (T - L)/H$. Counting $k = 0, 1, 2, \dots$ up to the largest whole $k$ that
fits:

$$K = \left\lfloor \frac{T - L}{H} \right\rfloor + 1, \qquad H = \left\lfloor \frac{L}{2} \right\rfloor,$$

in Python `K = (T - L) // (L // 2) + 1` (`//` is whole-number division, rounding down; the $+1$ counts frame 0).
The document's table calls K "how many steps the convolution takes along time": strictly, it is the number of
*positions* the kernel visits, one more than the number of steps (moves) between them. Its table also prints the
formula garbled, as `{T - L}{L/2} + 1`; the fraction above is what it means.

We check the formula against the document's own layer: a `Conv1d` with `kernel_size=L, stride=L // 2` run on `T`
zeros gives an output `[M, N, K]` whose last size is K. The first pair is the mixture of chapter 00.

*Predict first, then run*: how many frames for `T = 40`, `L = 10`? (Hop 5; the last frame must end by sample 40.)
""",
        zh=r"""
## 一共几帧？推导 K

第 $k$ 帧从第 $kH$ 个采样点开始，到 $kH + L$ 之前结束。它要完整地落在信号里，需要 $kH + L \le T$（也就是上面 `while` 循环的条件），
即 $k \le (T - L)/H$。从 $k = 0, 1, 2, \dots$ 一直数到满足条件的最大整数 $k$：

$$K = \left\lfloor \frac{T - L}{H} \right\rfloor + 1, \qquad H = \left\lfloor \frac{L}{2} \right\rfloor,$$

写成 Python 就是 `K = (T - L) // (L // 2) + 1`（`//` 是整除，向下取整；$+1$ 算上第 0 帧）。
原文的参数表把 K 说成“卷积在时间轴上走了多少步”：严格地说，K 是卷积核停留的**位置**数，比位置之间移动的步数多 1。
那张表里的公式也印乱了（写成 `{T - L}{L/2} + 1`），本意就是上面这个分式。

下面用原文自己的那一层来核对公式：`kernel_size=L, stride=L // 2` 的 `Conv1d` 处理 `T` 个 0，输出形状是 `[M, N, K]`，
最后一维就是 K。第一组数是第 0 章的混合语音。

**先预测，再运行**：`T = 40`、`L = 10` 时有几帧？（帧移 5；最后一帧必须在第 40 个采样点之前结束。）
""",
    ),
    code("""
def K_of(T, L):
    return (T - L) // (L // 2) + 1

for T, L in [(22528, 16), (124, 16), (40, 10)]:
    conv = torch.nn.Conv1d(1, 64, kernel_size=L, stride=L // 2, bias=False)  # en: the document's layer, N = 64 // zh: 原文的那一层，N = 64
    out = conv(torch.zeros(1, 1, T))  # en: [M, N, K] // zh: [M, N, K]
    assert out.shape[-1] == K_of(T, L) == te.num_frames(T, L)
    print(f"T = {T}, L = {L}: K = {K_of(T, L)}", list(out.shape))
"""),
    md(
        en="""
Three cases prove little. We check every T from L to 1000 for several L, even and odd (the weights do not matter for
the length, so one output channel is enough):
""",
        zh="""
三个例子说明不了什么。下面对几个偶数和奇数 L，把 L 到 1000 之间的每个 T 都核对一遍（输出长度与权重无关，所以一个输出通道就够了）：
""",
    ),
    code("""
checked = 0
for L in (2, 5, 8, 16, 17, 40):
    conv = torch.nn.Conv1d(1, 1, kernel_size=L, stride=L // 2, bias=False)
    for T in range(L, 1001):
        assert conv(torch.zeros(1, 1, T)).shape[-1] == K_of(T, L) == te.num_frames(T, L), (T, L)
        checked += 1
print("(T, L):", checked)
"""),
    md(
        en="""
## The document's `2T/L - 1`

The document's docstring says `K = (T-L)/(L/2)+1 = 2T/L-1`. With ordinary division that is algebra:
`(T - L) / (L/2) + 1 = 2T/L - 2 + 1 = 2T/L - 1`. But the convolution only makes **whole** frames, so the true K rounds
down, and L/2 is the hop only for even L. For even L the two agree exactly when L/2 divides T. For odd L they
generally disagree and agree only for a few T (for L = 5: only the T in the last printed line). The table is for L = 16:
each row prints T, the true K, `2T/L - 1`, and whether they are equal.
""",
        zh="""
## 原文的 `2T/L - 1`

原文的文档字符串写的是 `K = (T-L)/(L/2)+1 = 2T/L-1`。如果是普通除法，这只是代数变形：
`(T - L) / (L/2) + 1 = 2T/L - 2 + 1 = 2T/L - 1`。但卷积只产生**完整**的帧，真实的 K 要向下取整；而且 L/2 只在 L 为偶数时才等于帧移。
L 为偶数时，两者相等当且仅当 L/2 能整除 T。L 为奇数时，两者一般不相等，只在个别 T 上碰巧相等（L = 5 时，就是最后一行打印的那几个 T）。
下表是 L = 16 的情形，每行依次是 T、真实的 K、`2T/L - 1`，以及两者是否相等：
""",
    ),
    code("""
L = 16
for T in range(120, 130):
    print(f"T = {T}:  K = {K_of(T, L):2d}   2T/L - 1 = {2 * T / L - 1:<7g}", K_of(T, L) == 2 * T / L - 1)
print("L = 5:", [T for T in range(5, 101) if K_of(T, 5) == 2 * T / 5 - 1])
"""),
    md(
        en="""
## Samples at the end that no frame covers

When the hop does not divide `T - L`, the last few samples do not fill a whole frame and the convolution simply skips
them. The last frame ends at `(K - 1)·H + L`; everything after it is lost: at most `H - 1` samples (under 1 ms at
8 kHz for L = 16). Each line prints T, K and the slice of samples no frame covers, with its length. Real
implementations often pad the input with zeros so that nothing is lost: the official Conv-TasNet code pads the end up
to a whole number of hops, then adds one hop of zeros at both ends (exercise 01.2).
""",
        zh="""
## 末尾没有被覆盖的采样点

当帧移不能整除 `T - L` 时，最后几个采样点凑不满一帧，卷积就直接跳过它们。最后一帧在 `(K - 1)·H + L` 处结束，之后的采样点全部丢掉：
最多丢掉 `H - 1` 个（L = 16、8 kHz 时不到 1 毫秒）。下面每行打印 T、K、没有被任何帧覆盖的那段采样点（切片）以及它的长度。
实际的实现常常给输入补零（padding），这样一个采样点也不丢：Conv-TasNet 的官方代码先在末尾补零，补到整数个帧移，
再在两端各补一个帧移长的零（见练习 01.2）。
""",
    ),
    code("""
from tasnet_edu.core.framing import dropped_samples

L, hop = 16, 8
for T in (120, 123, 127, 128):
    K = K_of(T, L)
    end = (K - 1) * hop + L  # en: where the last frame ends // zh: 最后一帧结束的位置
    assert T - end == dropped_samples(T, L) < hop
    print(f"T = {T}: K = {K}, x[{end}:{T}] -> {T - end}")
"""),
    md(
        en="""
## A signal shorter than one frame

If `T < L` there is no frame at all, and the formula stops counting: it gives 0, or even a negative number. PyTorch's
`Conv1d` fails with a message about kernel sizes; the course's functions stop earlier with a message that names the
sizes and the fix:
""",
        zh="""
## 信号比一帧还短

如果 `T < L`，一帧也切不出来，公式也就不再是在数帧了：它会给出 0，甚至负数。PyTorch 的 `Conv1d` 会报一个关于卷积核大小的错误；
本课程的函数会提前检查，给出一条写明长度和解决办法的报错信息：
""",
    ),
    code("""
L, T = 16, 10
print(K_of(T, L), K_of(1, L))  # en: T = 10 and T = 1: not a number of frames // zh: T = 10 和 T = 1：都不是帧数
conv = torch.nn.Conv1d(1, 64, kernel_size=L, stride=L // 2, bias=False)
try:
    conv(torch.zeros(1, 1, T))
except RuntimeError as error:
    print(te.ch01.error_message(error))
try:
    te.num_frames(T, L)
except ValueError as error:
    print(te.ch01.error_message(error))
"""),
    md(
        en="""
## Odd L: more than 50% overlap

`stride=L // 2` rounds down. For even L the hop is exactly half a frame. For odd L it is a bit less, so neighbouring
frames share `L - H` samples, more than half. We count the shared samples on real frames: the frames of the numbers
0, 1, 2, ... hold the indices of the samples they cover. The document's comment "50% overlap" is only true for even L.
""",
        zh="""
## 奇数 L：重叠超过 50%

`stride=L // 2` 是向下取整。L 为偶数时，帧移正好是半帧；L 为奇数时帧移略小于半帧，相邻两帧共享 `L - H` 个采样点，超过一半。
下面在真正切出来的帧上数共享的采样点：把 0, 1, 2, … 这串数切成帧，每一帧里装的就是它覆盖的采样点的序号。
原文注释里的“50% overlap”只对偶数 L 成立。
""",
    ),
    code("""
for L in (4, 5, 16, 17):
    hop = L // 2
    idx = te.slice_frames(torch.arange(40.0), L)  # en: frame k holds the indices of its samples // zh: 第 k 帧装着它的采样点序号
    shared = len(set(idx[0].tolist()) & set(idx[1].tolist()))
    assert shared == L - hop
    print(f"L = {L}: H = {hop}, L - H = {shared} ({shared / L:.0%})")
"""),
    md(
        en="""
For `L = 5` the hop is 2 and frames share 3 samples (60%), so one sample can lie in three frames. The last line counts,
under each sample, the frames that hold it:
""",
        zh="""
`L = 5` 时帧移是 2，相邻两帧共享 3 个采样点（60%），于是同一个采样点最多会落在三帧里。最后一行在每个采样点下面写出它落在几帧里：
""",
    ),
    code("""
draw(20, 5)
cover = torch.zeros(20, dtype=torch.int64)
for s in range(0, 20 - 5 + 1, 5 // 2):
    cover[s : s + 5] += 1  # en: one more frame holds these samples // zh: 这几个采样点又多落在一帧里
print("".join(str(c) for c in cover.tolist()))
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
te.ch01.frames_widget(L=12, T=100)
""", tags=["nbval-ignore-output"]),
    md(
        en="""
The sliders call `te.ch01.frames_view(L, T)`, which cuts the frames with `te.slice_frames`, draws them, prints K and
returns it. Calling it directly with `L = 5, T = 40` checks the widget's answer against the formula:
""",
        zh="""
滑块背后调用的是 `te.ch01.frames_view(L, T)`：它用 `te.slice_frames` 切帧、画图、打印 K，并返回 K。直接用 `L = 5, T = 40` 调用它，
就能拿公式核对交互控件给出的答案：
""",
    ),
    code("""
K = te.ch01.frames_view(L=5, T=40)
assert K == te.num_frames(40, 5) == K_of(40, 5) == 18
"""),
    md(
        en="""
## Your own voice

Record yourself with the microphone, or upload a recording (wav, flac, ogg or mp3), and slice *your* voice into
frames. Nothing is saved to disk. Without a microphone, or before you have recorded anything, the next cell uses the
course's clip instead and says so; record, then run it again.
""",
        zh="""
## 你自己的声音

用麦克风录一段自己的声音，或者上传一段录音（wav、flac、ogg 或 mp3），把**你的**声音切成帧。录音只留在内存里，不会存到磁盘。
没有麦克风或者还没录音时，下一个单元格会改用课程自带的音频，并会说明这一点；录好之后再运行一次即可。
""",
    ),
    code("""
voice_in = te.ui.voice.VoicePanel()
voice_in
""", tags=["nbval-ignore-output"]),
    code("""
voice = te.ui.voice.take_or_clip(voice_in)
T, L = len(voice), 16
voice_frames = voice.unfold(-1, L, L // 2)  # en: [K, L] // zh: [K, L]
assert voice_frames.shape[0] == K_of(T, L) == te.num_frames(T, L)
print(f"T = {T} -> K = {voice_frames.shape[0]}")
start = loudest_start(voice, 124)
x = voice[start : start + 124]  # en: the loudest 124 samples // zh: 最响的 124 个采样点
fig = te.ch01.plot_frames(x, x.unfold(-1, L, L // 2))
"""),
    md(
        en="""
## Exercises

**Exercise 01.1** (build) Write `my_slice(x, L)`, the frames of `x` with hop `L // 2` for any `x` of shape `[..., T]`:
one waveform `[T]`, a batch `[M, T]`, stereo `[M, 2, T]`. It returns `[..., K, L]` (frame k is `out[..., k, :]`, the
leading axes stay in front), works for odd L, and raises an error when `T < L`, as `te.slice_frames` does. Try it with
indexing `x[..., a:b]` and `torch.stack` rather than `unfold`. `te.check` runs your function on its own signals (random
samples, odd L, `T = L`, a batch, stereo, `T < L`) and compares it with `te.slice_frames`.
""",
        zh="""
## 练习

**练习 01.1**（动手写）写一个函数 `my_slice(x, L)`：把形状为 `[..., T]` 的任意 `x` 按帧移 `L // 2` 切成帧，
`x` 可以是一段波形 `[T]`、一批波形 `[M, T]` 或立体声 `[M, 2, T]`。它返回 `[..., K, L]`（第 k 帧是 `out[..., k, :]`，
前面的轴保持不动），奇数 L 也要能用；`T < L` 时要像 `te.slice_frames` 一样报错。试着用下标 `x[..., a:b]` 和 `torch.stack`
来写，不用 `unfold`。`te.check` 会用它自己准备的信号（随机采样值、奇数 L、`T = L`、一批波形、立体声、`T < L`）运行你的函数，
并与 `te.slice_frames` 的结果比较。
""",
    ),
    code("""
def my_slice(x, L):
    # en: x: [..., T]; return the frames [..., K, L] with hop L // 2 // zh: x：[..., T]；返回帧 [..., K, L]，帧移 L // 2
    # en: and raise an error if T < L // zh: T < L 时报错（raise）
    ...


te.check("01.1", my_slice)
"""),
    code("""
te.solution("01.1")
"""),
    md(
        en="""
**Exercise 01.2** (build) Pad so that no sample is dropped. Before its encoder, the official Conv-TasNet code
(`pad_signal`) adds zeros at the end so that the frames reach the last sample, then one hop of zeros (`pad_aux`,
`L // 2` zeros) at both ends. Write `my_pad(x, L)` for `x` of shape `[..., T]`: `L // 2` zeros, then `x`, then the
*fewest* zeros that leave no sample outside the frames, then `L // 2` zeros. For `T = 100`, `L = 16` that is
8 + 100 + 4 + 8 = 120 samples. It must also work for odd L and for `T < L`. Check yourself with `dropped_samples` (imported
above): `dropped_samples(n, L)` must be 0 for the padded length `n`. (The official code computes its end zeros as
`L - (L // 2 + T % L) % L`: 4 for `T = 100` too, but for some T a hop or a whole frame more than needed. We ask for
the fewest.)
""",
        zh="""
**练习 01.2**（动手写）补零，让一个采样点也不丢。Conv-TasNet 的官方代码（`pad_signal`）在编码器之前先在末尾补零，
让帧一直覆盖到最后一个采样点，再在两端各补一个帧移长的零（`pad_aux`，`L // 2` 个零）。写一个函数 `my_pad(x, L)`，
`x` 的形状是 `[..., T]`：先是 `L // 2` 个零，然后是 `x`，然后是让所有采样点都落在帧里所需的**最少**个零，最后再补 `L // 2` 个零。
`T = 100`、`L = 16` 时，总长是 8 + 100 + 4 + 8 = 120 个采样点。奇数 L 和 `T < L` 时也要能用。
自查方法：用上面导入的 `dropped_samples`，设补零后的长度为 `n`，`dropped_samples(n, L)` 必须是 0。（官方代码末尾补零的个数是 `L - (L // 2 + T % L) % L`：
`T = 100` 时也是 4，但对有些 T 会比需要的多出一个帧移，甚至一整帧。这里要求补得最少。）
""",
    ),
    code("""
def my_pad(x, L):
    # en: x: [..., T]; return [..., n]: L // 2 zeros, x, the fewest zeros // zh: x：[..., T]；返回 [..., n]：L // 2 个零、x、
    # en: so that no sample is dropped, then L // 2 zeros // zh: 不丢采样点所需的最少个零、L // 2 个零
    ...


te.check("01.2", my_pad)
"""),
    code("""
te.solution("01.2")
"""),
    md(
        en="""
**Exercise 01.3** (open question, no checker) Pad `torch.ones(100)` with your `my_pad` for `L = 16`, cut it with your
`my_slice`, and count for every real sample the frames that hold it (as the `cover` loop above does). Compare with the
unpadded signal. Why might the decoder, which adds the overlapping frames back together (chapter 06), care? What
changes for `L = 5`? Think it through, then compare with our answer:
""",
        zh="""
**练习 01.3**（开放题，不自动检查）用你的 `my_pad` 给 `torch.ones(100)` 补零（`L = 16`），再用你的 `my_slice` 切帧，
数一数每个真实采样点落在几帧里（就像上面的 `cover` 循环那样）。和不补零的信号比一比。解码器要把互相重叠的帧加回去（第 6 章），
它为什么会在意这一点？`L = 5` 时又有什么不同？先自己想一想，再对照参考答案：
""",
    ),
    code("""
te.solution("01.3")
"""),
    md(
        en=r"""
## Summary in three lines

1. The conv cuts the waveform into frames of $L$ samples, each starting $H = \lfloor L/2 \rfloor$ after the previous
   one (*stride* for the conv, *hop* for the frames): `x.unfold(-1, L, L // 2)` gives the same frames.
2. $K = \lfloor (T - L)/H \rfloor + 1$; the document's `2T/L - 1` holds for even L exactly when L/2 divides T, and for
   odd L only for a few T; the leftover samples are dropped, and `T < L` gives no frame at all.
3. For odd L the frames overlap by more than half.

### References

- Kaituo Xu, Conv-TasNet in PyTorch (the document's docstring with `K = (T-L)/(L/2)+1 = 2T/L-1`):
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019 (L = 16 samples, 50% overlap):
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- PyTorch, `torch.nn.Conv1d` (output length for kernel size and stride):
  [pytorch.org/docs/stable/generated/torch.nn.Conv1d.html](https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html)
- PyTorch, `torch.Tensor.unfold` (sliding windows along one axis):
  [pytorch.org/docs/stable/generated/torch.Tensor.unfold.html](https://pytorch.org/docs/stable/generated/torch.Tensor.unfold.html)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 卷积把波形切成每段 $L$ 个采样点的帧，每一帧比上一帧晚 $H = \lfloor L/2 \rfloor$ 个采样点开始（对卷积叫步长，对帧叫帧移）；
   `x.unfold(-1, L, L // 2)` 切出的是同样的帧。
2. $K = \lfloor (T - L)/H \rfloor + 1$；原文的 `2T/L - 1` 在 L 为偶数时当且仅当 L/2 整除 T 才成立，L 为奇数时只对个别 T 成立；
   凑不满一帧的尾巴会被丢掉，`T < L` 时一帧也没有。
3. L 为奇数时，相邻帧的重叠超过一半。

### 参考文献

- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（原文文档字符串 `K = (T-L)/(L/2)+1 = 2T/L-1` 的出处）：
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019（L = 16 个采样点，50% 重叠）：
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- PyTorch 文档，`torch.nn.Conv1d`（输出长度与卷积核大小、步长的关系）：
  [pytorch.org/docs/stable/generated/torch.nn.Conv1d.html](https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html)
- PyTorch 文档，`torch.Tensor.unfold`（沿一个维度取滑动窗口）：
  [pytorch.org/docs/stable/generated/torch.Tensor.unfold.html](https://pytorch.org/docs/stable/generated/torch.Tensor.unfold.html)

{{navigation}}
""",
    ),
]
