# Chapter 04: the strength map [M, N, K]. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 04 The strength map

After slicing, template matching and the ReLU, the encoder hands over its output:

```
mixture_w: [M, N, K]
```

M clips, N templates, K frames. For one clip this is a table with one row per template and one column per moment in
time. The document draws it like this, and calls it a **learned "time-frequency picture"** (学习出来的“时频图”):

```
        time →
template1  [  2   5   1   0   3 ]
template2  [  0   1   4   6   2 ]
template3  [  3   0   2   1   0 ]
   ↓
 template
```

In this chapter we make that table real, draw whole maps like spectrograms, and show that the STFT (short-time Fourier
transform) is one fixed choice of templates: the STFT magnitude is a special case of the strength map.
""",
        zh="""
# 04 强度图

经过切片、模板匹配和 ReLU，编码器（encoder）交出它的输出：

```
mixture_w: [M, N, K]
```

M 条音频，N 个模板，K 帧。对一条音频来说，它就是一张表：每个模板一行，每个时刻一列。原文是这样画的，
并把它叫作**学习出来的“时频图”**：

```
        时间 →
模板1  [  2   5   1   0   3 ]
模板2  [  0   1   4   6   2 ]
模板3  [  3   0   2   1   0 ]
   ↓
  模板
```

这一章把这张表变成真的：从真实音频里算出来，把整张强度图（strength map）像频谱图（spectrogram）一样画出来，
并说明 STFT（短时傅里叶变换，short-time Fourier transform）只是模板的一种固定选择：STFT 幅度谱是强度图的一个特例。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("04")
"""),
    md(
        en="""
## The document's table, from real audio

The same sentence as in chapter 03. As templates we take 65 **tones** (cosines, chapter 02) from 0 to 4000 Hz, each
L = 128 samples (16 ms) long, so every row of the map belongs to one frequency. `encoder_from_templates` puts any
templates into an `Encoder` (it copies them into `conv1d_U.weight`).
""",
        zh="""
## 原文的那张表，用真实音频算出来

还是第 03 章那句话。模板取 65 个**纯音模板**（tone，即余弦波，第 02 章），频率从 0 到 4000 Hz，每个长 L = 128 个采样点（16 毫秒），
这样强度图的每一行都对应一个频率。`encoder_from_templates` 可以把任何模板装进一个 `Encoder`（把它们复制到 `conv1d_U.weight`）。
""",
    ),
    code("""
x = te.ch03.example_clip()
Audio(x.numpy(), rate=8000)
"""),
    code("""
templates = te.ch04.tone_templates(65, L=128)   # [N, L]: 65 tones, 0 to 4000 Hz
encoder = te.ch04.encoder_from_templates(templates)
w = encoder(x[None])                                     # [M, N, K]
print("map:", list(w.shape), "  K = num_frames(T, L) =", te.num_frames(len(x), 128))
"""),
    md(
        en="""
Now a block of `[N=3, K=5]` numbers from it, printed like the document's table (we pick the block with the most
energy, so it is not silence):
""",
        zh="""
现在从中取出 `[N=3, K=5]` 的一小块数字，按原文表格的样子打印出来（取能量最大的那一块，免得取到静音）：
""",
    ),
    code("""
freqs = te.ch04.tone_frequencies(65)
n0, k0 = te.ch04.busiest_block(w[0], rows=3, cols=5)
print(te.ch04.map_table(w[0], n0, k0, rows=3, cols=5, frequencies=freqs))
"""),
    code("""
fig = te.ch04.plot_map_table(w[0], n0, k0, frequencies=freqs, hop_seconds=64 / 8000)
"""),
    md(
        en="""
Every number is a match strength: how much the frame at time k looks like template n, after the ReLU. Zeros are
matches with the wrong sign (chapter 03). The whole map is drawn in **dB** (decibels, `20·log10` of the value relative
to the largest one, down to −50 dB), as spectrograms usually are, so that quiet parts stay visible.
""",
        zh="""
每个数字都是一个匹配强度：第 k 帧和第 n 个模板有多像（已经过 ReLU）。0 表示符号相反的匹配（第 03 章）。
整张图用**分贝**（dB，相对最大值取 `20·log10`，最低画到 −50 dB）来画，和通常画频谱图一样，这样安静的部分也看得见。
""",
    ),
    md(
        en="""
## Random templates, tones, and the STFT spectrogram

Three maps of the same audio, with the same frames (L = 128, hop 64) and the same number of rows:

1. **random templates**, as an untrained encoder has them, sorted by the frequency where each one responds most;
2. **tones** from low to high frequency, as above;
3. the **STFT spectrogram** `|torch.stft|` with a Hann window of the same length and the same hop.
""",
        zh="""
## 随机模板、纯音模板和 STFT 频谱图

同一段音频的三张图，帧完全相同（L = 128，帧移 64），行数也相同：

1. **随机模板**：未训练的编码器就是这样，按每个模板响应最强的频率排序；
2. 从低频到高频的**纯音模板**，和上面一样；
3. **STFT 频谱图** `|torch.stft|`：同样长度的 Hann 窗、同样的帧移。
""",
    ),
    code("""
fig = te.ch04.plot_map_comparison(x, L=128)
"""),
    md(
        en="""
- The **random** map is noise: each random template responds a little to every frequency, so every row lights up
  whenever there is sound. You can see *when* someone speaks, but hardly *what*. Training (chapter 05) is what turns
  such templates into useful ones.
- The **tone** map reads like the spectrogram: the low bands of voiced sounds, the high-frequency hiss of "f", "s"
  and "x". But it **flickers**: one cosine per frequency matches only one phase, and the ReLU drops the frames where
  the speech is in the opposite phase (chapter 03).
- The **STFT** has two templates per frequency, a cosine and a sine, and combines them as `sqrt(cos² + sin²)`, which
  does not depend on the phase. That is why it is smooth.
""",
        zh="""
- **随机模板**的图是一片噪声：每个随机模板对所有频率都有一点响应，所以只要有声音，每一行都会亮。能看出*什么时候*有人说话，
  却几乎看不出*说了什么*。把这样的模板变成有用的模板，正是训练要做的事（第 05 章）。
- **纯音模板**的图读起来像频谱图：浊音的低频带、“f”“s”“x”这类音的高频嘶声都看得到。但它会**闪烁**：每个频率只有一个余弦，
  只能匹配一种相位，语音相位相反的那些帧被 ReLU 丢掉了（第 03 章）。
- **STFT** 每个频率有两个模板：一个余弦、一个正弦，再用 `sqrt(cos² + sin²)` 合起来，结果与相位无关。所以它是平滑的。
""",
    ),
    md(
        en="""
## Fourier bases are templates too

`te.stft_kernels(L)` writes the STFT's Hann-windowed cosines and (negative) sines as conv kernels,
`[2·(L/2+1), 1, L]`. Put through `conv1d` with stride `L/2`, exactly what the encoder does, they give the same
numbers as `torch.stft`:
""",
        zh="""
## 傅里叶基也是模板

`te.stft_kernels(L)` 把 STFT 加了 Hann 窗的余弦和（负）正弦写成卷积核，形状是 `[2·(L/2+1), 1, L]`。
把它们放进步长为 `L/2` 的 `conv1d`——也就是编码器做的事——得到的数和 `torch.stft` 一模一样：
""",
    ),
    code("""
kernels = te.stft_kernels(128)
print("stft_kernels(128):", list(kernels.shape))
diff = te.ch04.stft_difference(x, 128)
assert diff < 1e-4
print(f"max |conv1d - torch.stft| = {diff:.4f}")
"""),
    md(
        en="""
So the STFT magnitude is a strength map with fixed Fourier templates, with `|·|` (cos and sin combined) instead of
the ReLU. And since the `Encoder` accepts any templates, we can load the Fourier bases into it and draw its map: the
lower half holds the cosine (real) rows, the upper half the sine (imaginary) rows, each half-wave rectified by the
ReLU.
""",
        zh="""
所以 STFT 幅度谱就是用固定傅里叶模板得到的强度图，只不过把 ReLU 换成了 `|·|`（把 cos 和 sin 合起来）。
既然 `Encoder` 接受任何模板，我们也可以把傅里叶基装进去，画出它的强度图：下半部分是余弦（实部）各行，
上半部分是正弦（虚部）各行，每一行都被 ReLU 做了半波整流。
""",
    ),
    code("""
fourier = te.ch04.encoder_from_templates(kernels)
print(fourier)
fig = te.ch04.plot_fourier_encoder(x, L=128)
"""),
    md(
        en="""
With the ReLU, half of each Fourier score is gone. Chapter 03 showed the fix: put every template **and its negative**
into the dictionary. An encoder with the 260 templates `[U; -U]` gives a nonnegative map from which the signed scores,
and so the exact spectrogram, come back:
""",
        zh="""
有了 ReLU，每个傅里叶分数都丢了一半。第 03 章给过办法：把每个模板**和它的相反数**都放进字典。
一个装有 260 个模板 `[U; -U]` 的编码器给出非负的强度图，从中可以还原出带符号的分数，也就还原出了精确的频谱图：
""",
    ),
    code("""
magnitude = te.ch04.magnitude_from_relu_map(x, 128)
diff = (magnitude - te.ch04.spectrogram(x, 128)).abs().max().item()
assert diff < 1e-3
print("from the ReLU map of [U; -U]:", list(magnitude.shape), f" max difference to |torch.stft| = {diff:.3f}")
"""),
    md(
        en="""
**Learned templates** are the other choice, the one TasNet makes: the network adjusts `conv1d_U.weight` during
training, and the map becomes the document's *learned* time-frequency picture. Chapter 05 loads the kernels of a
trained model and puts them into an `Encoder` exactly as we did with the Fourier bases.
""",
        zh="""
另一种选择是**学到的模板**，也就是 TasNet 的做法：网络在训练中调整 `conv1d_U.weight`，强度图就成了原文说的
“学习出来的时频图”。第 05 章会载入一个训练好的模型的卷积核，像上面装傅里叶基一样把它们装进 `Encoder`。
""",
    ),
    md(
        en="""
## A batch: M = 2 clips

The encoder works on a batch of clips at once. Here are our English sentence and a Mandarin one, cut to the same length
T, through an encoder with Conv-TasNet's best sizes, L = 16 (2 ms) and N = 512 (random templates, untrained):
""",
        zh="""
编码器可以一次处理一批（batch）音频。下面是我们的英文句子和一句普通话，截成同样的长度 T，送进一个用 Conv-TasNet
最佳尺寸的编码器：L = 16（2 毫秒）、N = 512（随机模板，未训练）：
""",
    ),
    code("""
batch = te.ch04.batch_of_clips()   # [M, T]
Audio(batch[1].numpy(), rate=8000)
"""),
    code("""
big = te.Encoder(L=16, N=512)
w2 = big(batch)
M, T = batch.shape
assert w2.shape == (M, 512, te.num_frames(T, 16))
print(f"input [M, T] = {list(batch.shape)}  ->  mixture_w [M, N, K] = {list(w2.shape)}")
"""),
    md(
        en="""
`w2[0]` is the map of the first clip, `w2[1]` of the second; each is one `[N, K]` table like the one above, with
512 rows and a column every 1 ms.

## Try it: another L, other templates

Change the frame length L and the kind of templates and watch the map change. A short L gives fine time steps but
coarse frequency steps; a long L the other way round.
""",
        zh="""
`w2[0]` 是第一条音频的强度图，`w2[1]` 是第二条的；每一张都是像上面那样的 `[N, K]` 表格，有 512 行，每 1 毫秒一列。

## 动手试试：换一个 L，换一种模板

改变帧长 L 和模板种类，看强度图怎么变。L 短，时间分得细、频率分得粗；L 长则反过来。
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
te.ch04.map_widget(x)
"""),
    code("""
# what the widget draws, in numbers (Fourier templates)
for L in (16, 128, 256):
    s = te.ch04.map_summary(x, L, "fourier")
    print(f"L={L:3d}: map {s['shape']}, hop {s['hop_ms']:g} ms, bins {s['spacing_hz']:g} Hz apart")
"""),
    md(
        en="""
## Exercises

**04.1** M = 2 clips of one second at 8 kHz (T = 16000) go through `Encoder(L=16, N=512)`. What is the shape of
`mixture_w`? Answer with a tuple `(M, N, K)`.
""",
        zh="""
## 练习

**04.1** 两条 1 秒长、采样率 8 kHz 的音频（M = 2，T = 16000）送进 `Encoder(L=16, N=512)`。`mixture_w` 的形状是什么？
用元组 `(M, N, K)` 作答。
""",
    ),
    code("""
answer = None  # a tuple (M, N, K)
te.check("04.1", answer)
"""),
    code("""
te.solution("04.1")
"""),
    md(
        en="""
**04.2** In `te.stft_kernels(64)` at 8 kHz, which row holds the cosine at 1000 Hz, and which row the sine at
1000 Hz? Answer with a tuple `(cosine row, sine row)`, counting from 0.
""",
        zh="""
**04.2** 在 8 kHz 下的 `te.stft_kernels(64)` 里，1000 Hz 的余弦在第几行？1000 Hz 的正弦在第几行？
用元组 `(余弦所在行, 正弦所在行)` 作答，从 0 开始数。
""",
    ),
    code("""
answer = None  # a tuple (cosine row, sine row)
te.check("04.2", answer)
"""),
    code("""
te.solution("04.2")
"""),
    md(
        en="""
**04.3** With Fourier templates of L = 128 at 8 kHz: how many milliseconds apart are two neighbouring columns of the
map, and how many Hz apart are two neighbouring cosine rows? Answer with `(hop in ms, spacing in Hz)`.
""",
        zh="""
**04.3** 用 L = 128 的傅里叶模板、采样率 8 kHz：强度图相邻两列相隔多少毫秒？相邻两行余弦相隔多少 Hz？
用 `(帧移毫秒数, 频率间隔 Hz)` 作答。
""",
    ),
    code("""
answer = None  # a tuple (hop in ms, spacing in Hz)
te.check("04.3", answer)
"""),
    code("""
te.solution("04.3")
"""),
    md(
        en="""
## Summary in three lines

1. The encoder's output `[M, N, K]` is one table per clip: a row per template, a column per frame, each entry a match strength.
2. Drawn like a spectrogram it is a time-frequency picture: random templates give noise, tones a readable but flickering map.
3. The STFT is one fixed choice of templates (`stft_kernels` through `conv1d` = `torch.stft`); TasNet learns its own.
""",
        zh="""
## 3 行话总结

1. 编码器的输出 `[M, N, K]` 对每条音频都是一张表：每个模板一行，每帧一列，每个元素是一个匹配强度。
2. 像频谱图一样画出来，它就是一张时频图：随机模板只给出噪声，纯音模板给出能读懂、但会闪烁的图。
3. STFT 是模板的一种固定选择（`stft_kernels` 经过 `conv1d` 就等于 `torch.stft`）；TasNet 则自己学一套。
""",
    ),
]
