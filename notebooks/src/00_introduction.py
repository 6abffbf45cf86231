# Chapter 00: introduction. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 00 Introduction: from a waveform to a strength map

**After this chapter you can**

- say what the cocktail-party problem is and what TasNet does about it;
- read a waveform as numbers: samples, sample rate, one frame of `L = 16` samples = 2 ms;
- place the encoder inside TasNet (encoder → separator → decoder) and read its shapes `[M, C, T] → [M, N, K]`;
- run the document's `Encoder` class and spot the `[M, T]` pitfall of its docstring.

**Prerequisites**: Python and a little PyTorch (tensors, shapes). **Time**: about 20 min.

This course takes apart **one small piece of code**: the encoder of TasNet, a neural network that separates the voices
in a recording, working directly on the waveform. The encoder is only

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

and the document this course follows (a Chinese note titled “TASNET 模型”, *The TasNet model*; “the document” from
here on) explains it in four steps: **slice** the sound into short frames, **match** each
frame against N templates, keep the **positive** scores, and read the result as a **strength map** `[M, N, K]`.

In the document's own words, the whole encoder fits in three lines:

1. cut the audio into many small pieces;
2. match every piece against N templates;
3. get a map of match strengths.

And its "super-simple final version" is a bridge from image models: **image → CNN → feature map**,
**sound → Conv1d → sound feature map**. A 2-D convolution slides small patches over an image; the encoder slides
`N` short templates along the waveform, and its output is the sound's feature map, with one row per template and
one column per moment.

This first notebook sets the scene: what problem TasNet solves, what a waveform is in numbers, where the encoder sits in
TasNet, and how to use the course.
""",
        zh="""
# 第 0 章　导论——从波形到强度图

**学完本章，你将能够**

- 说清什么是鸡尾酒会问题，以及 TasNet 怎样解决它；
- 把波形当作一串数来读：采样点、采样率，`L = 16` 个采样点的一帧 = 2 毫秒；
- 说出编码器在 TasNet 中的位置（编码器 → 分离器 → 解码器），读懂它的形状 `[M, C, T] → [M, N, K]`；
- 运行原文的 `Encoder` 类，并发现其文档字符串里 `[M, T]` 的陷阱。

**先修知识**：Python，一点 PyTorch（张量、形状）。**用时**：约 20 分钟。

这门课只拆解**一小段代码**：TasNet 的编码器（encoder）。TasNet 是一个直接在波形上工作、把录音里不同人的声音分开的神经网络。
编码器只有两行：

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

本课程依据的原文（一份题为《TASNET 模型》的中文讲义，下文简称“原文”）把它讲成四步：把声音**切片**成一小段一小段，用 N 个模板去**匹配**每一段，**只保留正分**，
最后得到一张**强度图** `[M, N, K]`。

用原文自己的话，整个编码器可以用三句话概括：

1. 把音频切成很多小块；
2. 用 N 个模板去匹配每一块；
3. 得到一张“匹配强度图”。

原文的“超简单最终版本”还搭了一座从图像模型过来的桥：**图片 → CNN → 特征图**，**声音 → Conv1d → 声音特征图**。
二维卷积在图片上滑动一个个小图块；编码器则沿着波形滑动 `N` 个短模板，输出就是这段声音的特征图：每个模板一行，每个时刻一列。

这一章先做铺垫：TasNet 要解决什么问题，波形在计算机里是什么样的一串数，编码器在 TasNet 里处在什么位置，以及这门课怎么用。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("00")
"""),
    md(
        en="""
## The cocktail-party problem

At a party you can follow one voice while others talk at the same time. A microphone cannot: it records **one** signal,
the sum of everything. Separating that sum back into the voices is the *cocktail-party problem*, and TasNet's job.

Two speakers from the course's speech clips (synthetic speech, shipped with the package): one in English, one in
Mandarin. `te.mix` adds them at equal energy (a level difference of 0 dB).
""",
        zh="""
## 鸡尾酒会问题

在热闹的聚会上，你能专心听清其中一个人说话，哪怕旁边好几个人同时在说话。麦克风做不到：它只录下**一路**信号，也就是所有声音的和。
把这个和重新拆回各个人的声音，就是**鸡尾酒会问题**（cocktail-party problem），也正是 TasNet 要做的事。

下面用课程自带的两段语音（合成语音，随包提供）：一段英语，一段普通话。`te.mix` 把它们以相同的能量（电平差 0 dB）相加。
""",
    ),
    code("""
party = te.ch00.cocktail_party(level_db=0.0)
print(te.ch00.describe_party(party))
"""),
    md(en="Speaker 1:", zh="说话人 1："),
    code("""
Audio(party["sources"][0].numpy(), rate=8000)
"""),
    md(en="Speaker 2:", zh="说话人 2："),
    code("""
Audio(party["sources"][1].numpy(), rate=8000)
"""),
    md(en="The mixture, what the microphone records:", zh="混合语音，也就是麦克风录到的声音："),
    code("""
Audio(party["mixture"].numpy(), rate=8000)
"""),
    code("""
assert torch.equal(party["mixture"], party["sources"].sum(0))
fig = te.ch00.plot_cocktail_party(party)
"""),
    md(
        en="""
The mixture is literally the sum, sample by sample (the `assert` above checks it). TasNet gets only the bottom row and
has to give back the top two.

## A waveform is a list of numbers

A microphone measures air pressure many times per second. Each measurement is a **sample**; the number of samples per
second is the **sample rate**. All audio in this course is at **8000 Hz**, as in the TasNet papers. So one second of
sound is a list of 8000 numbers, a tensor of shape `[T]` with `T = 8000`.
""",
        zh="""
混合语音就是两路声音逐点相加（上面的 `assert` 检查了这一点）。TasNet 只拿到最下面那一行，却要还原出上面两行。

## 波形就是一串数

麦克风每秒测量很多次气压。每一次测量叫一个**采样点**（sample），每秒的采样点数叫**采样率**（sample rate）。
本课程的音频都是 **8000 Hz**，和 TasNet 论文一样。所以一秒钟的声音就是 8000 个数，即形状为 `[T]`、`T = 8000` 的张量。
""",
    ),
    code("""
x = party["sources"][0]
print(x.shape, x.dtype)
print([round(v, 3) for v in x[2404:2412].tolist()])   # 8 samples, 0.3 s into the clip
"""),
    code("""
print(te.ch00.describe_rate(sample_rate=8000, L=16))
"""),
    md(
        en="""
Let us zoom in. 40 ms of voiced speech already shows the repeating shape of the voice (each bump is one opening of the
vocal folds); 2 ms is just **16 samples**. That is exactly the frame length `L = 16` of the best configuration in the
Conv-TasNet paper: the encoder looks at 16 numbers at a time.
""",
        zh="""
放大来看。40 毫秒的浊音里已经能看到声音重复的形状（每个尖峰对应声带的一次开合）；2 毫秒只有 **16 个采样点**。
这正是 Conv-TasNet 论文中效果最好的配置所用的帧长（frame length）`L = 16`：编码器每次只看 16 个数。
""",
    ),
    code("""
fig = te.ch00.plot_zoom(x, sample_rate=8000, L=16)
"""),
    md(
        en=r"""
## What TasNet does with a waveform

TasNet has three parts. Shapes use the document's letters: `M` clips in a batch, `T` samples, `N` templates,
`K` frames, `S` speakers.

```
mixture          [M, T]          the waveform, as recorded
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
- **Separator**: looks at the whole map and decides, entry by entry, which speaker it belongs to (a mask).
- **Decoder**: turns each masked map back into a waveform.

In formulas, with hop $H = \lfloor L/2 \rfloor$ and templates $u_1, \dots, u_N$ of $L$ samples, the encoder computes for
template $n$ and frame $k$

$$w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad n = 1, \dots, N,\quad k = 0, \dots, K-1,$$

a dot product of frame $k$ with template $n$ (chapter 02), negative results set to 0 (chapter 03). The decoder is
the other half: it rebuilds a waveform as a sum of $N$ basis signals $b_n$ of $L$ samples, weighted by the map,
$\hat x[t] = \sum_k \sum_n w_{n,k}\, b_n[t - kH]$ (chapter 04 tries it with a tiny dictionary, chapter 06 with a
trained one). That is why the document calls the map `mixture_w`: the *weights* of the mixture on a dictionary.

The masks only work if, in this representation, the parts of different speakers are easy to tell apart. The document
says so plainly: separation is easier in this feature space than on the raw waveform (chapter 06 puts it to the test). **This course is about the encoder**, chapters 01 to 05;
chapter 06 puts it back inside a small TasNet and separates the mixture you just heard.

## The document's Encoder, running

`tasnet_edu.reference.document_encoder.Encoder` is the document's class, copied verbatim. It comes from Demucs v2's
`tasnet.py` (Alexandre Défossez), which added `audio_channels` to Kaituo Xu's PyTorch reimplementation of
Conv-TasNet (both MIT licensed; links at the end). `te.Encoder` is the course's version: the same
`Conv1d` and ReLU (its weights load from the document's class), plus input checks. Both get the same random weights:
""",
        zh=r"""
## TasNet 拿波形做什么

TasNet 有三个部分。形状沿用原文的字母：`M` 是一批里的音频条数，`T` 是采样点数，`N` 是模板数，`K` 是帧数，`S` 是说话人数。

```
mixture          [M, T]          录到的波形
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
- **分离器**（separator）：看整张图，逐个位置判断它属于哪个说话人，输出掩码（mask）。
- **解码器**（decoder）：把每个说话人的掩码图还原成波形。

写成公式：帧移 $H = \lfloor L/2 \rfloor$，模板 $u_1, \dots, u_N$ 各有 $L$ 个采样点，编码器对第 $n$ 个模板、第 $k$ 帧计算

$$w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad n = 1, \dots, N,\quad k = 0, \dots, K-1,$$

也就是第 $k$ 帧和第 $n$ 个模板的点积（第 2 章），负的结果置 0（第 3 章）。解码器是另一半：它用强度图作权重，
对 $N$ 条长为 $L$ 的基信号 $b_n$ 加权求和，重建波形：$\hat x[t] = \sum_k \sum_n w_{n,k}\, b_n[t - kH]$
（第 4 章用一个极简的字典试一试，第 6 章用训练好的字典）。所以原文把强度图叫作 `mixture_w`：混合信号在一本“字典”上的**权重**（weight）。

掩码要起作用，前提是在强度图这种表示里，不同说话人的成分本身就容易区分开。原文说得很直白：在这种“特征空间”里做分离，
比直接在原始波形上做更容易（第 6 章会检验这句话）。
**这门课讲的就是编码器**（第 1 到 5 章）；第 6 章再把它放回一个小型 TasNet，分离你刚才听到的混合声音。

## 让原文的 Encoder 跑起来

`tasnet_edu.reference.document_encoder.Encoder` 是原文里的类，一字未改。它出自 Demucs v2 的 `tasnet.py`
（Alexandre Défossez），后者在 Kaituo Xu 的 Conv-TasNet PyTorch 复现上加了 `audio_channels`（两者都是 MIT 许可证，链接见本章末尾）。
`te.Encoder` 是本课程的版本：同样的 `Conv1d` 和 ReLU
（原文类的权重可以直接加载进来），另外加了输入检查。下面让两者用同一组随机权重：
""",
    ),
    code("""
doc_encoder, our_encoder = te.ch00.paired_encoders(L=16, N=64)
print(doc_encoder)
print(our_encoder)
"""),
    md(
        en="""
The document's docstring says the input is `[M, T]`, but `nn.Conv1d` wants `[M, C, T]`: batch, channels, samples.
So the document's class needs `mixture.unsqueeze(1)`, which makes `[M, 1, T]`. Ours accepts both forms. With the same
input the two give **exactly** the same numbers (`torch.equal`, not just close):
""",
        zh="""
原文的文档字符串（docstring）说输入是 `[M, T]`，但 `nn.Conv1d` 要的是 `[M, C, T]`：批、通道、采样点。
所以原文的类需要先 `mixture.unsqueeze(1)` 变成 `[M, 1, T]`。我们的版本两种形状都接受。输入相同时，两者的输出**完全**相同
（用 `torch.equal` 检查，而不只是“接近”）：
""",
    ),
    code("""
mixture = party["mixture"].unsqueeze(0)          # [M, T] = [1, T]
w_doc = doc_encoder(mixture.unsqueeze(1))        # the document's class needs [M, 1, T]
w_ours = our_encoder(mixture)                    # ours also takes [M, T]
print(list(mixture.shape), "->", list(w_doc.shape), torch.equal(w_doc, w_ours))
print(te.num_frames(mixture.shape[-1], L=16), bool((w_ours >= 0).all()))
"""),
    md(
        en="""
`[1, 22528] -> [1, 64, 2815]`: 64 templates, 2815 frames, and every entry is >= 0 thanks to the ReLU. Chapter 01
explains where 2815 comes from. (The `C` of `[M, C, T]` is `audio_channels`: 1 for mono, 2 for stereo; chapter 04
runs a stereo clip.)

What if we follow the docstring literally and pass `[M, T]` to the document's class? With one clip, PyTorch reads
`[1, T]` as a single clip *without* a batch axis (`[C, T]`), so the output silently loses its `M` axis. With two clips
it fails:
""",
        zh="""
`[1, 22528] -> [1, 64, 2815]`：64 个模板、2815 帧，而且因为 ReLU，每个数都 >= 0。2815 是怎么来的，第 1 章会讲。
（`[M, C, T]` 里的 `C` 就是 `audio_channels`：单声道为 1，立体声为 2；第 4 章会处理一段立体声。）

如果照着文档字符串，直接把 `[M, T]` 传给原文的类会怎样？只有一条音频时，PyTorch 把 `[1, T]` 当成一条**没有批维度**的音频
（`[C, T]`），输出悄悄地少了 `M` 这一维。有两条音频时，则直接报错：
""",
    ),
    code("""
print(list(doc_encoder(mixture).shape))          # [N, K]: the batch axis M is gone
try:
    doc_encoder(torch.cat([mixture, mixture]))   # [2, T]
except RuntimeError as error:
    print(te.ch00.error_message(error))
"""),
    md(
        en="""
## How to use this course

- **Run the cells from top to bottom** (in JupyterLab: Run > Run All Cells). Later cells use what earlier cells made.
- **Listen**: every `Audio` player can be played in the notebook.
- **Widgets**: some chapters have sliders (for example L and T in chapter 01). Move them and the picture is redrawn.
- **Exercises** end each chapter. Replace `None` with your answer and run the cell: `te.check` prints ✓, or ✗ with a hint.
- **Solutions** stay hidden. To see them, start Jupyter with `TASNET_EDU_SOLUTIONS=1` (for example
  `TASNET_EDU_SOLUTIONS=1 ./course lab`), or run `te.exercises.SHOW_SOLUTIONS = True` in a cell.
- **Language**: the code is the same in both languages; the text, plot labels and messages follow the folder the notebook
  is in. For the Chinese version open the same notebook in `notebooks/zh`, for English in `notebooks/en`.
- All the code behind the cells lives in the `tasnet_edu` package (one module per chapter), with tests.

Two warm-up exercises:

**Exercise 00.1** How many samples are there in 0.5 s of audio at 8000 Hz?
""",
        zh="""
## 这门课怎么用

- **从上到下依次运行**每个单元格（JupyterLab 菜单：运行 > 运行所有单元格）。后面的单元格会用到前面算出的东西。
- **听**：每个 `Audio` 播放器都可以直接在 notebook 里播放。
- **小部件**（widget）：有些章节带滑块（例如第 1 章的 L 和 T），拖动滑块，图会重新画。
- **练习**在每章末尾。把 `None` 换成你的答案再运行：`te.check` 会打印 ✓，或者打印 ✗ 加一条提示。
- **答案**默认隐藏。想看答案，用 `TASNET_EDU_SOLUTIONS=1` 启动 Jupyter（例如 `TASNET_EDU_SOLUTIONS=1 ./course lab`），
  或者在单元格里运行 `te.exercises.SHOW_SOLUTIONS = True`。
- **语言**：两种语言的代码完全相同；正文、图中文字和提示信息跟随 notebook 所在的文件夹。中文版在 `notebooks/zh`，
  英文版在 `notebooks/en`，打开另一个文件夹里的同名 notebook 就能切换语言。
- 单元格背后的代码都在 `tasnet_edu` 包里（每章一个模块），并且都有测试。

两道热身题：

**练习 00.1** 采样率 8000 Hz 时，0.5 秒的音频有多少个采样点？
""",
    ),
    code("""
answer = None  # your answer: a whole number of samples / 你的答案：采样点个数（整数）
te.check("00.1", answer)
"""),
    code("""
te.solution("00.1")
"""),
    md(
        en="**Exercise 00.2** How many milliseconds long is one frame of `L = 40` samples at 8000 Hz?",
        zh="**练习 00.2** 采样率 8000 Hz 时，`L = 40` 个采样点的一帧有多少毫秒？",
    ),
    code("""
answer = None  # your answer: milliseconds / 你的答案：毫秒数
te.check("00.2", answer)
"""),
    code("""
te.solution("00.2")
"""),
    md(
        en="""
**Exercise 00.3** (open question, no checker) The document pictures its templates as "template 1 sounds like a drum,
template 2 like a voice, template 3 like a piano". One template has `L = 16` samples, 2 ms at 8 kHz. How many periods
of a 100 Hz voice fit into it? Can 2 ms tell a drum from a piano? What *can* a 2 ms template describe?

*Our answer, in words*: 2 ms is a fifth of one period of a 100 Hz voice, so no template can hold a note, a drum hit or
a syllable. A 2 ms template is a slice of an oscillation in some frequency band (or a click, or a slope). Instruments
and voices are told apart only later, by the separator, which looks at how thousands of such short matches evolve
over time.
""",
        zh="""
**练习 00.3**（开放题，不自动检查）原文把模板想象成“模板 1 像鼓声，模板 2 像人声，模板 3 像钢琴”。一个模板有 `L = 16`
个采样点，8 kHz 下是 2 毫秒。100 Hz 的人声有几个周期能放进去？2 毫秒能分辨鼓和钢琴吗？一个 2 毫秒的模板**能**描述什么？

**参考答案**：2 毫秒只有 100 Hz 人声一个周期的五分之一，所以没有哪个模板能装下一个音符、一次鼓击或一个音节。
2 毫秒的模板只是某个频带里一小段振荡（或者一个脉冲、一段斜坡）。区分乐器和说话人要靠后面的分离器：它观察成千上万个这样的短匹配
如何随时间变化。
""",
    ),
    md(
        en="""
## Map of the course

| Chapter | Notebook | What you see |
|---|---|---|
| 00 | [Introduction](00_introduction.ipynb) | the cocktail-party problem, samples, where the encoder sits (this notebook) |
| 01 | [Slicing](01_slicing.ipynb) | frames of L samples with hop L // 2; K = (T - L) // (L // 2) + 1 |
| 02 | [Template matching](02_template_matching.ipynb) | a score is a dot product; the conv computes all of them at once |
| 03 | [ReLU: keep the positive scores](03_relu.ipynb) | why negative scores become 0, and what that costs |
| 04 | [The strength map](04_strength_map.ipynb) | `[M, N, K]` as a picture, next to the STFT spectrogram |
| 05 | [Learned templates and Fourier templates](05_learned_vs_stft.ipynb) | what a trained encoder's templates look like |
| 06 | [Why the encoder is useful: separating speech](06_separation.ipynb) | the encoder inside a small TasNet, separating two voices |

Words used in the course, in English and Chinese: [glossary](../../GLOSSARY.md).

## Summary in three lines

1. A mixture is the sum of the voices, sample by sample; TasNet has to undo that sum.
2. Audio at 8 kHz is 8000 numbers per second; one frame of `L = 16` samples is 2 ms.
3. TasNet = encoder (waveform -> strength map `[M, N, K]`) + separator (masks) + decoder; this course is about the encoder.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network for real-time, single-channel speech
  separation", ICASSP 2018. [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing ideal time-frequency magnitude masking for speech separation",
  IEEE/ACM TASLP 27(8), 2019. [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu, Conv-TasNet in PyTorch (MIT): [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- A. Défossez et al., Demucs (v2 holds the document's `tasnet.py`, MIT):
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- M. Müller, FMP notebooks (Fourier analysis and audio, for background):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

**Next**: [01 Slicing](01_slicing.ipynb) →
""",
        zh="""
## 课程地图

| 章 | Notebook | 内容 |
|---|---|---|
| 0 | [导论](00_introduction.ipynb) | 鸡尾酒会问题、采样点、编码器在 TasNet 中的位置（本章） |
| 1 | [切片](01_slicing.ipynb) | 每帧 L 个采样点、帧移 L // 2；K = (T - L) // (L // 2) + 1 |
| 2 | [模板匹配](02_template_matching.ipynb) | 分数就是点积；卷积一次把所有分数都算出来 |
| 3 | [ReLU——只保留正分](03_relu.ipynb) | 为什么负分变成 0，这样做的代价是什么 |
| 4 | [强度图](04_strength_map.ipynb) | 把 `[M, N, K]` 画成图，和 STFT 语谱图并排比较 |
| 5 | [学到的模板与傅里叶模板](05_learned_vs_stft.ipynb) | 训练后的编码器模板长什么样 |
| 6 | [编码器为什么有用：语音分离](06_separation.ipynb) | 把编码器放进小型 TasNet，分开两个人的声音 |

课程里用到的术语（中英对照）：[术语表](../../GLOSSARY.md)。

## 本章总结（三句话）

1. 混合语音就是几个人的声音逐点相加；TasNet 要把这个加法“撤销”。
2. 8 kHz 的音频每秒 8000 个数；`L = 16` 个采样点的一帧是 2 毫秒。
3. TasNet = 编码器（波形 -> 强度图 `[M, N, K]`）+ 分离器（掩码）+ 解码器；这门课讲的是编码器。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network for real-time, single-channel speech
  separation”，ICASSP 2018。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing ideal time-frequency magnitude masking for speech separation”，
  IEEE/ACM TASLP 27(8)，2019。[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（MIT 许可证）：[github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)
- A. Défossez 等，Demucs（v2 中的 `tasnet.py` 就是原文代码的出处，MIT 许可证）：
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- M. Müller，FMP notebooks（傅里叶分析与音频，背景阅读）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

**下一章**：[第 1 章　切片](01_slicing.ipynb) →
""",
    ),
]
