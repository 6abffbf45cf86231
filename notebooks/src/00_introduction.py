# Chapter 00: introduction. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 00 Introduction: from a waveform to a strength map

**After this chapter you can**

- say what the cocktail-party problem is and what TasNet does about it;
- read a waveform as numbers: samples, sample rate, one frame of `L = 16` samples = 2 ms;
- place the encoder inside TasNet (encoder → separator → decoder) and read its shapes `[M, C, T] → [M, N, K]`;
- read and run the document's `Encoder` class, and spot the `[M, T]` pitfall of its docstring.

**Prerequisites**: Python and a little PyTorch (tensors, shapes). **Time**: about 30 min.

This course takes apart **one small piece of code**: the encoder of TasNet, a neural network that separates the voices
in a recording, working directly on the waveform (why not on a spectrogram, as earlier systems did: chapter 04,
*Why TasNet left the STFT*). The encoder is only

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

and the document this course follows (a Chinese note titled “TASNET 模型”, *The TasNet model*; “the document” from
here on) explains it as three things you do: **slice** the sound into short frames, **match** each frame against
N templates, and keep only the **positive** scores. What comes out is a **strength map** `[M, N, K]`.

In the document's own words, the whole encoder fits in three lines:

1. cut the audio into many small pieces;
2. match every piece against N templates;
3. get a map of match strengths.

Its "super-simple final version" compares this with image models: **image → CNN → feature map**,
**sound → Conv1d → sound feature map**: one row per template, one column per frame. The end of this chapter draws the
two side by side and sorts out what carries over from image CNNs and what does not.

This first notebook sets the scene: what problem TasNet solves, what a waveform is in numbers, where the encoder sits in
TasNet, and the document's code itself, running.
""",
        zh="""
# 第 0 章　导论——从波形到强度图

**学完本章，你将能够**

- 说清什么是鸡尾酒会问题，以及 TasNet 怎样解决它；
- 把波形当作一串数来读：采样点、采样率，`L = 16` 个采样点的一帧 = 2 毫秒；
- 说出编码器在 TasNet 中的位置（编码器 → 分离器 → 解码器），读懂它的形状 `[M, C, T] → [M, N, K]`；
- 读懂并运行原文的 `Encoder` 类，发现其文档字符串里 `[M, T]` 的陷阱。

**先修知识**：Python，一点 PyTorch（张量、形状）。**用时**：约 30 分钟。

这门课只拆解**一小段代码**：TasNet 的编码器（encoder）。TasNet 是一个直接在波形上工作、把录音里不同人的声音分开的神经网络
（之前的系统大多在语谱图上工作，TasNet 为什么不这样做，见第 4 章“TasNet 为什么离开了 STFT”）。编码器只有两行：

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

本课程依据的原文（一份题为《TASNET 模型》的中文讲义，下文简称“原文”）说，拿到声音后要做三件事：把声音**切片**成一小段一小段，
用 N 个模板去**匹配**每一段，**只保留正分**。得到的结果是一张**强度图** `[M, N, K]`。

用原文自己的话，整个编码器可以用三句话概括：

1. 把音频切成很多小块；
2. 用 N 个模板去匹配每一块；
3. 得到一张“匹配强度图”。

原文的“超简单最终版本”还拿图像处理打了个比方：**图片 → CNN → 特征图**，**声音 → Conv1d → 声音特征图**：
强度图的每一行对应一个模板，每一列对应一帧。本章末尾会把两者并排画出来，再说清哪些东西可以从图像 CNN 搬过来，哪些不能。

这一章先做铺垫：TasNet 要解决什么问题，波形在计算机里是什么样的一串数，编码器在 TasNet 里处在什么位置，最后让原文的代码本身跑起来。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio, display
te.start_chapter("00")
"""),
    md(
        en="""
## The cocktail-party problem

At a party you can follow one voice while others talk at the same time. A microphone cannot: it records **one** signal,
the sum of everything. Separating that sum back into the voices is the *cocktail-party problem*, and TasNet's job.

Two speakers from the course's own speech clips (synthetic speech): one in English, one in Mandarin. The cell cuts
both to the length of the shorter clip, scales speaker 2 to the same mean energy as speaker 1 (a level difference of
0 dB), and adds them. `te.mix`, which later chapters use, does exactly this (the `assert` checks it).
""",
        zh="""
## 鸡尾酒会问题

在热闹的聚会上，你能专心听清其中一个人说话，哪怕旁边好几个人同时在说话。麦克风做不到：它只录下**一路**信号，也就是所有声音的和。
把这个和重新拆回各个人的声音，就是**鸡尾酒会问题**（cocktail-party problem），也正是 TasNet 要做的事。

下面用课程自带的两段语音（合成语音）：一段英语，一段普通话。单元格先把两段都截到较短那段的长度，再把说话人 2 的音量调到
和说话人 1 平均能量相同（电平差 0 dB），然后相加。后面几章用的 `te.mix` 做的正是这件事（`assert` 检查了这一点）。
""",
    ),
    code("""
s1 = te.load_clip("en_s00_v0.flac")   # en: speaker 1, English // zh: 说话人 1，英语
s2 = te.load_clip("zh_s08_v1.flac")   # en: speaker 2, Mandarin // zh: 说话人 2，普通话
T = min(len(s1), len(s2))             # en: cut both to the shorter clip // zh: 两段都截到较短那段的长度
s1, s2 = s1[:T], s2[:T]
s2 = s2 * (s1.pow(2).mean() / s2.pow(2).mean()).sqrt()   # en: same mean energy: 0 dB apart // zh: 平均能量相同：电平差 0 dB
mixture = s1 + s2                     # en: the microphone records the sum // zh: 麦克风录到的是两者之和
assert torch.equal(mixture, te.mix(te.load_clip("en_s00_v0.flac"), te.load_clip("zh_s08_v1.flac"))[0])
print("T =", T)
fig = te.ch00.plot_cocktail_party(s1, s2, mixture)
"""),
    md(
        en="Listen: speaker 1, speaker 2, and the mixture, what the microphone records.",
        zh="听一听：说话人 1、说话人 2，以及混合语音，也就是麦克风录到的声音。",
    ),
    code("""
display(Audio(s1.numpy(), rate=8000))   # en: speaker 1 // zh: 说话人 1
display(Audio(s2.numpy(), rate=8000))   # en: speaker 2 // zh: 说话人 2
Audio(mixture.numpy(), rate=8000)       # en: the mixture // zh: 混合语音
"""),
    md(
        en="""
The mixture is literally the sum, sample by sample. TasNet gets only the bottom row of the figure and has to give back
the top two.

## A waveform is a list of numbers

A microphone measures air pressure many times per second. Each measurement is a **sample**; the number of samples per
second is the **sample rate**. All audio in this course is at **8000 Hz**, as in the TasNet papers. So one second of
sound is a list of 8000 numbers, and one sample lasts 1/8000 s. Speaker 1's clip is a tensor of shape `[T]`:
""",
        zh="""
混合语音就是两路声音逐点相加。TasNet 只拿到图中最下面那一行，却要还原出上面两行。

## 波形就是一串数

麦克风每秒测量很多次气压。每一次测量叫一个**采样点**（sample），每秒的采样点数叫**采样率**（sample rate）。
本课程的音频都是 **8000 Hz**，和 TasNet 论文一样。所以一秒钟的声音就是 8000 个数，一个采样点占 1/8000 秒。
说话人 1 的这段音频是一个形状为 `[T]` 的张量：
""",
    ),
    code("""
sample_rate = 8000                        # en: samples per second // zh: 每秒的采样点数
x = s1                                    # en: speaker 1's waveform // zh: 说话人 1 的波形
print(list(x.shape), x.dtype)
print(f"{len(x)} / {sample_rate} = {len(x) / sample_rate:.2f} s")   # en: its duration // zh: 时长
print(f"1 / {sample_rate} s = {1000 / sample_rate} ms")             # en: one sample // zh: 一个采样点
print([round(v, 3) for v in x[2404:2412].tolist()])                 # en: 8 samples, 0.3 s in // zh: 第 0.3 秒处的 8 个采样点
"""),
    md(
        en="""
Let us zoom in. The cell takes the loudest 40 ms of the clip (voiced speech), and inside it the loudest frame of
`L = 16` samples: 16 × 0.125 ms = 2 ms. Slicing is all it takes.
""",
        zh="""
放大来看。下面的单元格取出这段音频里最响的 40 毫秒（浊音），再在其中取出最响的一帧：`L = 16` 个采样点，16 × 0.125 毫秒 = 2 毫秒。
用的只是切片。
""",
    ),
    code("""
L = 16                                                         # en: frame length in samples // zh: 帧长（采样点数）
width = 40 * sample_rate // 1000                               # en: 40 ms in samples // zh: 40 毫秒对应的采样点数
start = te.core.signals.loudest_start(x, width, width // 4)    # en: where the loudest 40 ms begin // zh: 最响的 40 毫秒从哪里开始
window = x[start : start + width]
f = start + te.core.signals.loudest_start(window, L, L // 2)   # en: the loudest frame inside them // zh: 其中最响的一帧
frame = x[f : f + L]                                           # en: what the encoder looks at at once // zh: 编码器一次看的数
print(len(window), len(frame), f"{1000 * len(frame) / sample_rate:g} ms")
print([round(v, 2) for v in frame.tolist()])
fig = te.ch00.plot_zoom(x, start, f, L=L, width=width)
"""),
    md(
        en=r"""
40 ms of voiced speech already shows the voice's repeating shape: the same pattern comes back once per cycle of the
vocal folds (one pitch period);
2 ms is just **16 samples**. That is exactly the frame length `L = 16` of the best configuration in the Conv-TasNet
paper: the encoder looks at 16 numbers at a time.

## What TasNet does with a waveform

TasNet has three parts. Shapes use the document's letters: `M` clips in a batch, `C` audio channels, `T` samples,
`N` templates, `K` frames, `S` speakers.

```
mixture          [M, C, T]       the waveform, as recorded (C = 1: mono)
   |  encoder    Conv1d + ReLU   <- this course
   v
strength map  w  [M, N, K]       how strongly each of N templates matches each of K frames
   |  separator  a deep network
   v
masks            [M, S, N, K]    one mask per speaker, values between 0 and 1
   |  multiply   masks * w       each speaker's share of the strength map
   v
   |  decoder    transposed conv (overlap-add of N basis signals)
   v
speakers         [M, S, T]       one waveform per speaker
```

- **Encoder**: turns the waveform into a strength map, a learned kind of time-frequency picture.
- **Separator**: looks at the map, many frames around each entry, and decides, entry by entry, how much of it
  belongs to each speaker (a mask).
- **Decoder**: turns each masked map back into a waveform.

In formulas, with hop $H = \lfloor L/2 \rfloor$ and templates $u_1, \dots, u_N$ of $L$ samples, the encoder computes for
template $n$ and frame $k$

$$w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad n = 1, \dots, N,\quad k = 0, \dots, K-1,$$

a dot product of frame $k$ with template $n$ (chapter 02), negative results set to 0 (chapter 03). The decoder is
the other half: it rebuilds a waveform as a sum of $N$ basis signals $b_n$ of $L$ samples, weighted by the map,
$\hat x[t] = \sum_k \sum_n w_{n,k}\, b_n[t - kH]$ (chapter 04 tries it with a tiny dictionary, chapter 06 with a
trained one). That is why the document calls the map `mixture_w`: the *weights* of the mixture on a dictionary.

The masks only work if, in this representation, the parts of different speakers are easy to tell apart. The document
says so plainly: separation is easier in this feature space than on the raw waveform; chapter 06 puts that claim to
the test. **This course is about the encoder**, chapters 01 to 05; chapter 06 puts it back inside a small TasNet that
separates two-speaker mixtures like the one you just heard.

## The document's Encoder, as written

Here is the document's class, letter for letter, docstrings and English comments included (only the two imports are
added). It comes from Demucs v2 (Alexandre Défossez), which built on Kaituo Xu's PyTorch reimplementation of
Conv-TasNet; sources and licences are in the references at the end. The package keeps the same copy in
`tasnet_edu/reference/document_encoder.py`, and a test checks that this cell matches it.
""",
        zh=r"""
40 毫秒的浊音里已经能看到声音重复的形状：声带每开合一次，同样的波形就重复一次（一个基音周期）；2 毫秒只有 **16 个采样点**。
这正是 Conv-TasNet 论文中效果最好的配置所用的帧长（frame length）`L = 16`：编码器每次只看 16 个数。

## TasNet 拿波形做什么

TasNet 有三个部分。形状沿用原文的字母：`M` 是一批里的音频条数，`C` 是音频通道数，`T` 是采样点数，`N` 是模板数，`K` 是帧数，
`S` 是说话人数。

```
mixture          [M, C, T]       录到的波形（C = 1：单声道）
   |  encoder    Conv1d + ReLU   <- 本课程的主题
   v
strength map  w  [M, N, K]       N 个模板和 K 帧中每一帧的匹配强度
   |  separator  一个深层网络
   v
masks            [M, S, N, K]    每个说话人一张掩码，取值在 0 到 1 之间
   |  multiply   masks * w       每个说话人在强度图里所占的份额
   v
   |  decoder    转置卷积（N 个基信号的重叠相加）
   v
speakers         [M, S, T]       每个说话人一条波形
```

- **编码器**（encoder）：把波形变成强度图（strength map），一种学出来的“时频图”。
- **分离器**（separator）：看强度图上每个位置周围的许多帧，逐个位置判断其中有多少属于各个说话人，输出掩码（mask）。
- **解码器**（decoder）：把每个说话人的掩码图还原成波形。

写成公式：帧移 $H = \lfloor L/2 \rfloor$，模板 $u_1, \dots, u_N$ 各有 $L$ 个采样点，编码器对第 $n$ 个模板、第 $k$ 帧计算

$$w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad n = 1, \dots, N,\quad k = 0, \dots, K-1,$$

也就是第 $k$ 帧和第 $n$ 个模板的点积（第 2 章），负的结果置 0（第 3 章）。解码器是另一半：它用强度图作权重，
对 $N$ 条长为 $L$ 的基信号 $b_n$ 加权求和，重建波形：$\hat x[t] = \sum_k \sum_n w_{n,k}\, b_n[t - kH]$
（第 4 章用一个极简的字典试一试，第 6 章用训练好的字典）。所以原文把强度图叫作 `mixture_w`：混合信号在一本“字典”上的**权重**（weight）。

掩码要起作用，前提是在强度图这种表示里，不同说话人的成分本身就容易区分开。原文说得很直白：在这种“特征空间”里做分离，
比直接在原始波形上做更容易；第 6 章会检验这句话。**这门课讲的就是编码器**（第 1 到 5 章）；第 6 章再把它放回一个小型 TasNet，
用它分离像刚才这样的两人混合语音。

## 原文的 Encoder 类

下面就是原文里的类，一字未改，连文档字符串和英文注释也原样保留（只补上了两行 import）。它出自 Demucs v2（Alexandre Défossez），
而 Demucs 又是在 Kaituo Xu 的 Conv-TasNet PyTorch 复现上改出来的；出处和许可证见本章末尾的参考文献。
课程包在 `tasnet_edu/reference/document_encoder.py` 里保存着同一份代码，有一个测试检查这个单元格和它一字不差。
""",
    ),
    code('''
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    """Estimation of the nonnegative mixture weight by a 1-D conv layer.
    """
    def __init__(self, L, N, audio_channels):
        super(Encoder, self).__init__()
        # Hyper-parameter
        self.L, self.N = L, N
        # Components
        # 50% overlap
        self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)

    def forward(self, mixture):
        """
        Args:
            mixture: [M, T], M is batch size, T is #samples
        Returns:
            mixture_w: [M, N, K], where K = (T-L)/(L/2)+1 = 2T/L-1
        """
        mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
        return mixture_w
'''),
    md(
        en="""
`nn.Conv1d(audio_channels, N, ...)` has `audio_channels` input channels and `N` **output channels**: one output
channel per template, so `N` is the number of templates (kernels), and its weight holds them as `[N, C, L]`. The
document's parameter table says the same: `N | 输出通道 = 卷积核数量` (output channels = number of kernels).
`kernel_size=L` is the frame length, `stride=L // 2` the hop, `bias=False` no constant added.

Read that table as carefully as you read code, though: it has two slips. Its first row is labelled `mixture` but
explains `M`, the batch size (how many clips are processed at once); `mixture` is the whole input tensor. Its K row
calls K "how many steps the convolution takes" and prints `K = {T - L}{L/2} + 1`, a fraction that lost its LaTeX
`\\frac`; chapter 01 derives the right formula and shows that K counts the kernel's *positions*, one more than its
steps. Small slips like these, and the docstring's `[M, T]` below, are why this course checks the source's statements
by running code.

Let us build one with `N = 64` random templates (what the encoder has before training) and give it our mixture as a
batch of one clip with one channel, `[M, C, T] = [1, 1, T]`. The output is the strength map `[M, N, K]`; its number of
frames must be $K = \\lfloor (T - L) / H \\rfloor + 1$ with hop $H = \\lfloor L/2 \\rfloor$ (chapter 01 derives it):
""",
        zh="""
`nn.Conv1d(audio_channels, N, ...)` 有 `audio_channels` 个输入通道、`N` 个**输出通道**：每个模板对应一个输出通道，
所以 `N` 就是模板（卷积核）的个数，权重以 `[N, C, L]` 的形状存放这些模板。原文的参数表也是这么写的：“N | 输出通道 = 卷积核数量”。
`kernel_size=L` 是帧长，`stride=L // 2` 是帧移，`bias=False` 表示不加常数偏置。

不过，读这张表要像读代码一样仔细：它有两处笔误。第一行的参数名写的是 `mixture`，解释的却是 `M`，即批大小（一次同时处理多少条音频）；
`mixture` 指的是整个输入张量。K 那一行说 K 是“卷积在时间轴上走了多少步”，公式印成了 `K = {T - L}{L/2} + 1`，
这是一个丢了 LaTeX `\\frac` 的分式；第 1 章会推导出正确的公式，并说明 K 是卷积核停留的**位置**数，比走的步数多 1。
正因为原文里有这样的小错（还有下面文档字符串里的 `[M, T]`），这门课对原文的说法都要运行代码来核对。

下面建一个有 `N = 64` 个随机模板的编码器（训练之前的编码器就是这样），把混合语音作为一批里的一条、一个通道的音频交给它，
即 `[M, C, T] = [1, 1, T]`。输出就是强度图 `[M, N, K]`，其中帧数应当是 $K = \\lfloor (T - L) / H \\rfloor + 1$，帧移 $H = \\lfloor L/2 \\rfloor$（第 1 章会推导）：
""",
    ),
    code("""
encoder = Encoder(L=16, N=64, audio_channels=1)   # en: 64 random templates, as before training // zh: 64 个随机模板，相当于训练之前
print(list(encoder.conv1d_U.weight.shape))        # [N, C, L]
batch = mixture.reshape(1, 1, T)                  # en: [M, C, T]: one clip, one channel // zh: [M, C, T]：一条音频，一个通道
w = encoder(batch)                                # en: the strength map // zh: 强度图
print(list(batch.shape), "->", list(w.shape))
M, N, K = w.shape
assert K == (T - L) // (L // 2) + 1               # en: the number of frames (chapter 01) // zh: 帧数（第 1 章）
assert (w >= 0).all()                             # en: after the ReLU no strength is negative // zh: 经过 ReLU，强度没有负数
print("K =", K)
"""),
    md(
        en="""
`[1, 1, 22528] -> [1, 64, 2815]`: 64 templates, 2815 frames, and every entry is >= 0 thanks to the ReLU. Here the
document's `2T/L - 1` gives the same 2815, because the hop 8 divides T = 22528; chapter 01 shows when it does not.

The later chapters use the course's own version, `te.Encoder`: the same `Conv1d` and ReLU with the same parameter
name `conv1d_U`, plus input checks. Loaded with the same 64 templates it gives **exactly** the same numbers
(`torch.equal`, not just close). It also accepts mono audio as `[M, T]`:
""",
        zh="""
`[1, 1, 22528] -> [1, 64, 2815]`：64 个模板、2815 帧，而且因为 ReLU，每个数都 >= 0。这里原文的 `2T/L - 1` 也得到 2815，
因为帧移 8 能整除 T = 22528；什么时候两者不相等，第 1 章会讲。

后面几章用的是课程自己的版本 `te.Encoder`：同样的 `Conv1d` 和 ReLU，参数名同样是 `conv1d_U`，另外加了输入检查。
装入同样的 64 个模板后，它的输出和原文的类**完全**相同（用 `torch.equal` 检查，而不只是“接近”）。单声道音频它也接受 `[M, T]` 的形状：
""",
    ),
    code("""
ours = te.Encoder(L=16, N=64)                     # en: the course's version // zh: 课程自己的版本
ours.load_state_dict(encoder.state_dict())        # en: the same 64 templates // zh: 同样的 64 个模板
assert torch.equal(ours(batch), w)
assert torch.equal(ours(mixture.unsqueeze(0)), w) # en: [M, T] = [1, T] works too // zh: [M, T] = [1, T] 也可以
print(ours)
"""),
    md(
        en="""
## The `[M, T]` pitfall of the docstring

The docstring says the input is `[M, T]`, but `nn.Conv1d` wants `[M, C, T]`: batch, channels, samples. The docstring
is older than the code. In Kaituo Xu's original the layer was `nn.Conv1d(1, N, ...)` and `forward` began with
`mixture = torch.unsqueeze(mixture, 1)  # [M, 1, T]`, so `[M, T]` was right there. Demucs replaced the `1` by
`audio_channels` for stereo music, passed `[M, C, T]` in, dropped the `unsqueeze`, and kept the docstring.

What if we follow the docstring anyway? With one clip, PyTorch reads `[1, T]` as a single clip *without* a batch
axis (`[C, T]`), so the output silently loses its `M` axis:
""",
        zh="""
## 文档字符串里 `[M, T]` 的陷阱

原文的文档字符串（docstring）说输入是 `[M, T]`，但 `nn.Conv1d` 要的是 `[M, C, T]`：批、通道、采样点。这句文档字符串比代码旧。
在 Kaituo Xu 的原版里，这一层是 `nn.Conv1d(1, N, ...)`，而且 `forward` 第一行就是 `mixture = torch.unsqueeze(mixture, 1)  # [M, 1, T]`，
所以在那里 `[M, T]` 是对的。Demucs 为了处理立体声音乐，把 `1` 换成了 `audio_channels`，改为直接传入 `[M, C, T]`，
删掉了 `unsqueeze`，却没有改文档字符串。

如果照着文档字符串来会怎样？只有一条音频时，PyTorch 把 `[1, T]` 当成一条**没有批维度**的音频（`[C, T]`），输出悄悄地少了 `M` 这一维：
""",
    ),
    code("""
print(list(encoder(mixture.unsqueeze(0)).shape))  # en: [N, K]: the batch axis M is gone // zh: [N, K]：批维度 M 不见了
"""),
    md(
        en="""
With two clips, `[2, T]`, PyTorch again reads the first axis as channels: one clip with 2 channels, while the weight
`[64, 1, 16]` wants 1. It stops with
`RuntimeError: Given groups=1, weight of size [64, 1, 16], expected input[1, 2, 22528] to have 1 channels, but got 2 channels instead`
(the `assert` below checks these words). The fix is the `unsqueeze(1)` the original had: `[M, 1, T]`.
(The `C` of `[M, C, T]` is `audio_channels`: 1 for mono, 2 for stereo; chapter 04 runs a stereo clip.)
""",
        zh="""
有两条音频 `[2, T]` 时，PyTorch 同样把第一维当成通道：这成了一条有 2 个通道的音频，而权重 `[64, 1, 16]` 只要 1 个通道。于是它报错：
`RuntimeError: Given groups=1, weight of size [64, 1, 16], expected input[1, 2, 22528] to have 1 channels, but got 2 channels instead`，
意思是：卷积的权重 `[64, 1, 16]` 要求输入有 1 个通道，但输入 `[1, 2, 22528]` 有 2 个通道（下面的 `assert` 检查了这句话）。
改正的办法就是原版里的 `unsqueeze(1)`：变成 `[M, 1, T]`。（`[M, C, T]` 里的 `C` 就是 `audio_channels`：单声道为 1，立体声为 2；
第 4 章会处理一段立体声。）
""",
    ),
    code("""
two = torch.stack([s1, s2])                       # en: [M, T] = [2, T], as the docstring says // zh: [M, T] = [2, T]，照文档字符串的写法
try:
    encoder(two)
except RuntimeError as error:
    message = str(error)
assert "expected input[1, 2, 22528] to have 1 channels, but got 2 channels" in message
print(list(encoder(two.unsqueeze(1)).shape))      # en: the fix: [M, 1, T] // zh: 改正：[M, 1, T]
"""),
    md(
        en="""
## Image → CNN, sound → Conv1d

The document's last picture is *image → CNN → feature map; sound → Conv1d → sound feature map*. The cell puts the two
side by side. On the image side: a tiny 8×8 image (a bright square on black) and one 3×3 kernel that responds where
the image turns from dark to bright, left to right. `F.conv2d` slides it over every position, 1 pixel at a time, one
dot product per position, and a ReLU keeps the positive responses: the square's left edge. On the sound side: 64
samples of speaker 1 and 4 templates of `L = 16` samples, short oscillations at 500, 1000, 2000 and 3000 Hz.
`F.conv1d` slides them along time, `L // 2` samples at a time, then a ReLU: the document's encoder with these 4
templates. In both, one entry of the output is one patch (or frame) · one kernel; the two `assert`s check one entry
of each by hand.
""",
        zh="""
## 图片 → CNN，声音 → Conv1d

原文最后的比方是：*图片 → CNN → 特征图；声音 → Conv1d → 声音特征图*。下面的单元格把两者并排放在一起。图像这边：
一张 8×8 的小图（黑底上一个亮方块），和一个 3×3 的卷积核，它在图像从左到右由暗变亮的地方有反应。`F.conv2d` 让它滑过每一个位置，
每次移动 1 个像素，每个位置做一次点积，再用 ReLU 保留正的响应，得到的就是方块的左边缘。声音这边：说话人 1 的 64 个采样点，
和 4 个长为 `L = 16` 的模板，即 500、1000、2000、3000 Hz 的短小振荡。`F.conv1d` 让它们沿时间滑动，每次移动 `L // 2` 个采样点，
再做 ReLU：这就是装了这 4 个模板的原文编码器。两边都一样：输出里的一个数，就是一小块图像（或一帧）与一个卷积核的点积；
两个 `assert` 各自手算其中一个数来核对。
""",
    ),
    code("""
image = torch.zeros(8, 8)                         # en: a tiny image: a bright square on black // zh: 一张小图：黑底上一个亮方块
image[2:6, 2:6] = 1.0
kernel = torch.tensor([[-1.0, 0.0, 1.0]] * 3)     # en: 3×3: dark on the left, bright on the right // zh: 3×3：左暗右亮
fmap = F.relu(F.conv2d(image[None, None], kernel[None, None]))[0, 0]   # en: stride 1, then ReLU // zh: 步长 1，再做 ReLU
assert fmap[2, 1] == (image[2:5, 1:4] * kernel).sum()                  # en: one patch · the kernel // zh: 一小块图像与卷积核的点积

piece = x[te.core.signals.loudest_start(x, 64, 8) :][:64]   # en: 64 samples of speaker 1 // zh: 说话人 1 的 64 个采样点
n = torch.arange(L)
freqs = torch.tensor([500.0, 1000.0, 2000.0, 3000.0])
templates = torch.hann_window(L, periodic=True) * torch.cos(2 * torch.pi * freqs[:, None] * n / sample_rate)  # en: [4, L] // zh: [4, L]
strength = F.relu(F.conv1d(piece[None, None], templates[:, None], stride=L // 2))[0]          # en: [N, K] // zh: [N, K]
assert torch.isclose(strength[1, 2], torch.relu(piece[16:32] @ templates[1]))                # en: frame 2 · template 1 // zh: 第 2 帧与模板 1 的点积
print(list(image.shape), "->", list(fmap.shape), "   ", list(piece.shape), "->", list(strength.shape))
fig = te.ch00.plot_cnn_bridge(image, kernel, fmap, piece, templates, strength, at=(2, 1), frame=2)
"""),
    md(
        en="""
**What carries over.** The encoder is a first convolutional layer: a bank of small learned filters slid over the
input, one output channel (one row of the map) per filter. What the two learn is alike too: many kernels of a trained
image CNN's first layer respond to edges and stripes of one orientation and width (Gabor-like filters; AlexNet's
first layer learned "a variety of frequency- and orientation-selective kernels", [Krizhevsky et al. 2012, section 6](https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks)),
and many of a trained encoder's templates become short band-pass oscillations, much like the 4 above (chapter 05). The
stride means the same in both: how far the kernel moves between two outputs.

**What does not.**

- **One layer, not a deep stack.** An image CNN's feature maps come from many layers, each working on the maps of the
  one before. The encoder is a single layer; TasNet's depth is in the separator.
- **The stride.** In the classic image CNNs the first layer moves by less than half its kernel's width:
  AlexNet's 11×11 kernels by 4 pixels ([Krizhevsky et al. 2012, section 3](https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks)),
  VGG's 3×3 kernels by 1 ([Simonyan & Zisserman, arXiv:1409.1556](https://arxiv.org/abs/1409.1556), section 2),
  ResNet's 7×7 kernels by 2 ([He et al., arXiv:1512.03385](https://arxiv.org/abs/1512.03385), Table 1). (Not every
  image model does so: the Vision Transformer (ViT) cuts the image into patches that do not overlap at all,
  [arXiv:2010.11929](https://arxiv.org/abs/2010.11929).) The encoder moves by half its kernel, `L // 2` (rounded down
  for odd L): frames overlap by 50% for even L, and the map has one column per `L // 2` samples (8 here), not one per sample.
- **No bias**: `bias=False`, so a silent frame scores 0 for every template (chapter 03).
- **The ReLU output is the whole representation.** The separator's masks multiply it, and the decoder must rebuild the
  waveform from it (chapter 04); nothing else of the sound is kept. The feature maps of an image classifier only have
  to serve the layers above them; nothing asks them to give the image back.
""",
        zh="""
**相通的地方。** 编码器就是卷积网络的第一层：一组学出来的小卷积核在输入上滑动，每个卷积核对应一个输出通道（强度图的一行）。
两者学到的东西也相似：训练好的图像 CNN 第一层里，很多卷积核只对某个方向、某种粗细的边缘和条纹有反应（类似 Gabor 滤波器；
AlexNet 的第一层学到了“各种对频率和方向有选择性的卷积核”，见 [Krizhevsky 等 2012，第 6 节](https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks)）；
训练好的编码器里，很多模板则变成某个频带里的一小段振荡（带通），和上面这 4 个很像（第 5 章）。步长在两边的意思也一样：相邻两个输出之间卷积核移动多远。

**不同的地方。**

- **只有一层，而不是很多层。** 图像 CNN 的特征图来自很多层，每一层都在前一层的特征图上继续加工；编码器只有一层，TasNet 的“深度”在分离器里。
- **步长。** 经典图像 CNN 的第一层每次移动的距离不到卷积核宽度的一半：AlexNet 的 11×11 卷积核每次移动 4 个像素
  （[Krizhevsky 等 2012，第 3 节](https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks)），
  VGG 的 3×3 卷积核每次移动 1 个像素（[Simonyan 与 Zisserman，arXiv:1409.1556](https://arxiv.org/abs/1409.1556)，第 2 节），
  ResNet 的 7×7 卷积核每次移动 2 个像素（[He 等，arXiv:1512.03385](https://arxiv.org/abs/1512.03385)，表 1）。
  （并非所有图像模型都这样：视觉 Transformer（ViT）把图像切成互不重叠的小块，见 [arXiv:2010.11929](https://arxiv.org/abs/2010.11929)。）
  编码器每次移动半个卷积核，即 `L // 2`（L 为奇数时向下取整）：L 为偶数时相邻帧重叠 50%，强度图每 `L // 2` 个采样点（这里是 8 个）才有一列，
  而不是每个采样点一列。
- **没有偏置**：`bias=False`，所以静音的一帧和每个模板的匹配分数都是 0（第 3 章）。
- **ReLU 的输出就是全部的表示。** 分离器的掩码乘在它上面，解码器也必须从它重建波形（第 4 章）；声音的其他信息一概不保留。
  用于图像分类的 CNN，其特征图只需要为上面的层服务，没有谁要求它们还原出原图。
""",
    ),
    md(
        en="""
## How to use this course

- **Run the cells from top to bottom** (in JupyterLab: Run > Run All Cells). Later cells use what earlier cells made.
- **Listen**: every `Audio` player can be played in the notebook.
- **Widgets**: some chapters have sliders (for example L and T in chapter 01). Move them and the picture is redrawn.
- **Exercises** end each chapter. Some ask for a number: replace `None` with your answer and run the cell. Most ask you
  to *write a function*: fill in its body (where the `...` is) and run the cell; `te.check` runs your function on its
  own inputs and prints ✓, or ✗ with the case that failed and a hint. Open questions have no checker: think first, then
  compare with the answer.
- **Solutions** stay hidden. To see them, start Jupyter with `TASNET_EDU_SOLUTIONS=1` (for example
  `TASNET_EDU_SOLUTIONS=1 ./course lab`), or run `te.exercises.SHOW_SOLUTIONS = True` in a cell.
- **Language**: the code is the same in both languages; the text, plot labels and messages follow the folder the notebook
  is in. For the Chinese version open the same notebook in `notebooks/zh`, for English in `notebooks/en`.
- **The code is in the cells.** Each step is written out in a few lines of PyTorch and then checked with an `assert`
  against the `tasnet_edu` package, which holds the reference implementations, the figures and the exercise checkers
  (all tested). If an `assert` fails after you change something, the message tells you what no longer matches.

Three exercises to warm up:

**Exercise 00.1** How many samples are there in 0.5 s of audio at 8000 Hz?
""",
        zh="""
## 这门课怎么用

- **从上到下依次运行**每个单元格（JupyterLab 菜单：运行 > 运行所有单元格）。后面的单元格会用到前面算出的东西。
- **听**：每个 `Audio` 播放器都可以直接在笔记本（notebook）里播放。
- **交互控件**（widget）：有些章节带滑块（例如第 1 章的 L 和 T），拖动滑块，图会重新画。
- **练习**在每章末尾。有的题要一个数：把 `None` 换成你的答案再运行。多数题要你**写一个函数**：把函数体（`...` 处）写完再运行；
  `te.check` 会用它自己的输入运行你的函数，打印 ✓，或者打印 ✗ 加上没通过的那个输入和一条提示。开放题不自动检查：先自己想，再对照参考答案。
- **答案**默认隐藏。想看答案，用 `TASNET_EDU_SOLUTIONS=1` 启动 Jupyter（例如 `TASNET_EDU_SOLUTIONS=1 ./course lab`），
  或者在单元格里运行 `te.exercises.SHOW_SOLUTIONS = True`。
- **语言**：两种语言的代码完全相同；正文、图中文字和提示信息跟随笔记本所在的文件夹。中文版在 `notebooks/zh`，
  英文版在 `notebooks/en`，打开另一个文件夹里的同名笔记本就能切换语言。
- **代码就写在单元格里。** 每一步都先用几行 PyTorch 写出来，再用 `assert` 和 `tasnet_edu` 包里的实现对照检查。
  这个包里放的是参考实现、画图函数和练习的检查程序（都有测试）。如果你改了什么之后某个 `assert` 失败了，它的信息会告诉你哪里对不上。

三道热身题：

**练习 00.1** 采样率 8000 Hz 时，0.5 秒的音频有多少个采样点？
""",
    ),
    code("""
answer = None  # en: your answer: a whole number of samples // zh: 你的答案：采样点个数（整数）
te.check("00.1", answer)
"""),
    code("""
te.solution("00.1")
"""),
    md(
        en="""
**Exercise 00.2** (write code) Without running the encoder, write a function that predicts the shape of what the
document's encoder returns for an input `[M, C, T]` with `Conv1d(C, N, kernel_size=L, stride=L // 2)`. The checker runs
it on its own inputs (a batch, stereo, odd `L`, a signal of exactly one frame) and compares with the real `Conv1d`.
""",
        zh="""
**练习 00.2**（写代码）不运行编码器，写一个函数，预测原文的编码器 `Conv1d(C, N, kernel_size=L, stride=L // 2)` 对形状为
`[M, C, T]` 的输入会返回什么形状。检查程序会用它自己的输入（一批音频、立体声、奇数 `L`、恰好一帧长的信号）运行你的函数，
再和真正的 `Conv1d` 对比。
""",
    ),
    code("""
def encoder_output_shape(M, C, T, L, N):
    # en: return [M, N, K] as a list of three whole numbers // zh: 以三个整数的列表返回 [M, N, K]
    ...


te.check("00.2", encoder_output_shape)
"""),
    code("""
te.solution("00.2")
"""),
    md(
        en="""
**Exercise 00.3** (open question, no checker) The document pictures its templates as "template 1 sounds like a drum,
template 2 like a voice, template 3 like a piano". One template has `L = 16` samples, 2 ms at 8 kHz. How many periods
of a 100 Hz voice fit into it? Can 2 ms tell a drum from a piano? What *can* a 2 ms template describe? Think it through,
then compare with our answer:
""",
        zh="""
**练习 00.3**（开放题，不自动检查）原文把模板想象成“模板 1 像鼓声，模板 2 像人声，模板 3 像钢琴”。一个模板有 `L = 16`
个采样点，8 kHz 下是 2 毫秒。100 Hz 的人声有几个周期能放进去？2 毫秒能分辨鼓和钢琴吗？一个 2 毫秒的模板**能**描述什么？
先自己想一想，再对照参考答案：
""",
    ),
    code("""
te.solution("00.3")
"""),
    md(
        en="""
## Map of the course

{{course map}}

Words used in the course, in English and Chinese: [glossary](../../GLOSSARY.md).

## Summary in three lines

1. A mixture is the sum of the voices, sample by sample; TasNet has to undo that sum.
2. Audio at 8 kHz is 8000 numbers per second; one frame of `L = 16` samples is 2 ms.
3. TasNet = encoder (waveform `[M, C, T]` -> strength map `[M, N, K]`) + separator (masks) + decoder; this course is
   about the encoder, whose docstring's `[M, T]` is a leftover of the version it came from.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network for real-time, single-channel speech
  separation", ICASSP 2018. [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing ideal time-frequency magnitude masking for speech separation",
  IEEE/ACM TASLP 27(8), 2019. [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu, Conv-TasNet in PyTorch (MIT license; its `Encoder` is the document's, with `Conv1d(1, N, ...)` and the
  `unsqueeze`): [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- A. Défossez et al., Demucs (MIT license; v2's `tasnet.py`, which adds `audio_channels` to Kaituo Xu's code, is where
  the document's class comes from):
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- M. Müller, FMP notebooks (Fourier analysis and audio, for background):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

{{navigation}}
""",
        zh="""
## 课程地图

{{course map}}

课程里用到的术语（中英对照）：[术语表](../../GLOSSARY.md)。

## 本章总结（三句话）

1. 混合语音就是几个人的声音逐点相加；TasNet 要把这个加法“撤销”。
2. 8 kHz 的音频每秒 8000 个数；`L = 16` 个采样点的一帧是 2 毫秒。
3. TasNet = 编码器（波形 `[M, C, T]` -> 强度图 `[M, N, K]`）+ 分离器（掩码）+ 解码器；这门课讲的是编码器，
   它的文档字符串里的 `[M, T]` 是从旧版本留下来的。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network for real-time, single-channel speech
  separation”，ICASSP 2018。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing ideal time-frequency magnitude masking for speech separation”，
  IEEE/ACM TASLP 27(8)，2019。[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（MIT 许可证；其中的 `Encoder` 就是原文的类，只是用 `Conv1d(1, N, ...)` 并带有 `unsqueeze`）：
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- A. Défossez 等，Demucs（MIT 许可证；v2 的 `tasnet.py` 在 Kaituo Xu 的代码上加了 `audio_channels`，就是原文代码的出处）：
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- M. Müller，FMP notebooks（傅里叶分析与音频，背景阅读）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

{{navigation}}
""",
    ),
]
