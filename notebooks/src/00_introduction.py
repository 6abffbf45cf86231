# Chapter 00: introduction. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 00 Introduction: from a waveform to a strength map

This course takes apart **one small piece of code**: the encoder of TasNet, a neural network that separates the voices
in a recording, working directly on the waveform. The encoder is only

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

and the document this course follows explains it in four steps: **slice** the sound into short frames, **match** each
frame against N templates, keep the **positive** scores, and read the result as a **strength map** `[M, N, K]`.

This first notebook sets the scene: what problem TasNet solves, what a waveform is in numbers, where the encoder sits in
TasNet, and how to use the course.
""",
        zh="""
# 00 导论：从波形到强度图

这门课只拆解**一小段代码**：TasNet 的编码器（encoder）。TasNet 是一个直接在波形上工作、把录音里不同人的声音分开的神经网络。
编码器只有两行：

```python
self.conv1d_U = nn.Conv1d(audio_channels, N, kernel_size=L, stride=L // 2, bias=False)
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

本课程依据的原文把它讲成四步：把声音**切片**成一小段一小段，用 N 个模板去**匹配**每一段，**只保留正分**，
最后得到一张**强度图** `[M, N, K]`。

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
Mandarin. `te.mix` adds them at equal loudness (0 dB).
""",
        zh="""
## 鸡尾酒会问题

在热闹的聚会上，你能盯住一个人的声音听，哪怕旁边好几个人同时在说话。麦克风做不到：它只录下**一路**信号，也就是所有声音的和。
把这个和重新拆回各个人的声音，就是**鸡尾酒会问题**（cocktail-party problem），也正是 TasNet 要做的事。

下面用课程自带的两段语音（合成语音，随包提供）：一段英语，一段普通话。`te.mix` 把它们以相同的响度（0 dB）相加。
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
vocal folds); 2 ms is just **16 samples**. That is exactly the frame length `L = 16` of the best Conv-TasNet: the
encoder looks at 16 numbers at a time.
""",
        zh="""
放大来看。40 毫秒的浊音里已经能看到声音重复的形状（每个尖峰对应声带的一次开合）；2 毫秒只有 **16 个采样点**。
这正是最好的 Conv-TasNet 所用的帧长（frame length）`L = 16`：编码器每次只看 16 个数。
""",
    ),
    code("""
fig = te.ch00.plot_zoom(x, sample_rate=8000, L=16)
"""),
    md(
        en="""
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

The masks only work if the strength map is a good place to separate voices; the document says it plainly: separation
is easier in this feature space than on the raw waveform. **This course is about the encoder**, chapters 01 to 05;
chapter 06 puts it back inside a small TasNet and separates the mixture you just heard.

## The document's Encoder, running

`tasnet_edu.seed.Encoder` is the document's class, copied verbatim. `te.Encoder` is the course's version: the same
`Conv1d` and ReLU (its weights load from the document's class), plus input checks. Both get the same random weights:
""",
        zh="""
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

- **编码器**（encoder）：把波形变成强度图（strength map），一种学出来的"时频图"。
- **分离器**（separator）：看整张图，逐个位置判断它属于哪个说话人，输出掩码（mask）。
- **解码器**（decoder）：把每个说话人的掩码图还原成波形。

掩码要起作用，前提是强度图是一个适合分离声音的地方。原文说得很直白：在这种"特征空间"里做分离，比直接在原始波形上做更容易。
**这门课讲的就是编码器**（第 01 到 05 章）；第 06 章再把它放回一个小型 TasNet，分离你刚才听到的混合声音。

## 让原文的 Encoder 跑起来

`tasnet_edu.seed.Encoder` 是原文里的类，一字未改。`te.Encoder` 是本课程的版本：同样的 `Conv1d` 和 ReLU
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
（用 `torch.equal` 检查，而不只是"接近"）：
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
explains where 2815 comes from.

What if we follow the docstring literally and pass `[M, T]` to the document's class? With one clip, PyTorch reads
`[1, T]` as a single clip *without* a batch axis (`[C, T]`), so the output silently loses its `M` axis. With two clips
it fails:
""",
        zh="""
`[1, 22528] -> [1, 64, 2815]`：64 个模板、2815 帧，而且因为 ReLU，每个数都 >= 0。2815 是怎么来的，第 01 章会讲。

如果照着文档字符串，直接把 `[M, T]` 传给原文的类会怎样？只有一条音频时，PyTorch 把 `[1, T]` 当成一条**没有批维度**的音频
（`[C, T]`），输出悄悄地少了 `M` 这一维。有两条音频时，则直接报错：
""",
    ),
    code("""
print(list(doc_encoder(mixture).shape))          # [N, K]: the batch axis M is gone
try:
    doc_encoder(torch.cat([mixture, mixture]))   # [2, T]
except RuntimeError as error:
    print("RuntimeError:", error)
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
- **小部件**（widget）：有些章节带滑块（例如第 01 章的 L 和 T），拖动滑块，图会重新画。
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
answer = None  # a whole number of samples
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
answer = None  # a number of milliseconds
te.check("00.2", answer)
"""),
    code("""
te.solution("00.2")
"""),
    md(
        en="""
## Map of the course

| Chapter | Notebook | What you see |
|---|---|---|
| 00 | [Introduction](00_introduction.ipynb) | the cocktail-party problem, samples, where the encoder sits (this notebook) |
| 01 | [Slicing](01_slicing.ipynb) | frames of L samples with hop L/2; K = (T - L) // (L // 2) + 1 |
| 02 | [Template matching](02_template_matching.ipynb) | a score is a dot product; the conv computes all of them at once |
| 03 | [ReLU: keep the positive scores](03_relu.ipynb) | why negative scores become 0, and what that costs |
| 04 | [The strength map](04_strength_map.ipynb) | `[M, N, K]` as a picture, next to the STFT spectrogram |
| 05 | [Learned templates vs STFT bases](05_learned_vs_stft.ipynb) | what a trained encoder's templates look like |
| 06 | [Why: separating speech](06_separation.ipynb) | the encoder inside a small TasNet, separating two voices |

Words used in the course, in English and Chinese: [glossary](../../GLOSSARY.md).

## Summary in three lines

1. A mixture is the sum of the voices, sample by sample; TasNet has to undo that sum.
2. Audio at 8 kHz is 8000 numbers per second; one frame of `L = 16` samples is 2 ms.
3. TasNet = encoder (waveform -> strength map `[M, N, K]`) + separator (masks) + decoder; this course is about the encoder.
""",
        zh="""
## 课程地图

| 章 | Notebook | 内容 |
|---|---|---|
| 00 | [导论](00_introduction.ipynb) | 鸡尾酒会问题、采样点、编码器在 TasNet 中的位置（本章） |
| 01 | [切片](01_slicing.ipynb) | 每帧 L 个采样点、步长 L/2；K = (T - L) // (L // 2) + 1 |
| 02 | [模板匹配](02_template_matching.ipynb) | 分数就是点积；卷积一次把所有分数都算出来 |
| 03 | [ReLU：只保留正分](03_relu.ipynb) | 为什么负分变成 0，这样做的代价是什么 |
| 04 | [强度图](04_strength_map.ipynb) | 把 `[M, N, K]` 画成图，和 STFT 频谱图并排比较 |
| 05 | [学到的模板 vs 傅里叶基](05_learned_vs_stft.ipynb) | 训练后的编码器模板长什么样 |
| 06 | [为什么：语音分离](06_separation.ipynb) | 把编码器放进小型 TasNet，分开两个人的声音 |

课程里用到的术语（中英对照）：[术语表](../../GLOSSARY.md)。

## 3 行话总结

1. 混合语音就是几个人的声音逐点相加；TasNet 要把这个加法"撤销"。
2. 8 kHz 的音频每秒 8000 个数；`L = 16` 个采样点的一帧是 2 毫秒。
3. TasNet = 编码器（波形 -> 强度图 `[M, N, K]`）+ 分离器（掩码）+ 解码器；这门课讲的是编码器。
""",
    ),
]
