# Chapter 04: the strength map [M, N, K]. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 04 The strength map

**After this chapter you can**

- read the encoder's output `[M, N, K]` (and the `C` of its input `[M, C, T]`) as one table per clip;
- explain the DFT of a frame as dot products with cosine and sine templates, with bins $f_s/L$ apart, and read dB;
- say exactly how the STFT magnitude and the strength map are related, and where they differ;
- rebuild a waveform from a map as a weighted sum of basis signals, the decoder's half of the story.

**Prerequisites**: chapters 01–03; sine and cosine; logarithms. **Time**: about 30 min.

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

In this chapter we compute that table from audio, draw whole maps like spectrograms, and compare them with the STFT
(short-time Fourier transform): it slices and matches with one fixed choice of templates, so its magnitude is a close
relative of the strength map, with a different non-linearity.
""",
        zh=r"""
# 第 4 章　强度图

**学完本章，你将能够**

- 把编码器的输出 `[M, N, K]`（以及输入 `[M, C, T]` 里的 `C`）读成每条音频一张表；
- 把一帧的 DFT 理解成与余弦、正弦模板的点积，频点间隔 $f_s/L$，并会读 dB；
- 准确说出 STFT 幅度谱和强度图是什么关系、又有哪些不同；
- 把波形重新写成“强度 × 基信号”的加权和——这是解码器那一半的故事。

**先修知识**：第 1–3 章；正弦和余弦；对数。**用时**：约 30 分钟。

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

这一章用实际的音频把这张表算出来，把整张强度图（strength map）像语谱图（spectrogram，也叫频谱图）一样画出来，
再和 STFT（短时傅里叶变换，short-time Fourier transform）比较：STFT 同样是分帧再和模板做点积，只是模板固定；
所以 STFT 幅度谱是强度图的**近亲**，只是非线性的那一步不同。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("04")
"""),
    md(
        en=r"""
## A short Fourier primer

The STFT appears several times below, so here is what it computes, in the language of this course.

- **DFT as templates.** The discrete Fourier transform of one frame $x[0..L-1]$ scores the frame against a cosine and
  a sine at each frequency $f_m = m\,f_s/L$, $m = 0, 1, \dots, L/2$:
  $$X_m = \sum_{l=0}^{L-1} x[l]\, e^{-j 2\pi m l / L}
        = \underbrace{\sum_l x[l] \cos(2\pi m l/L)}_{\text{score with a cosine}}
        \;-\; j \underbrace{\sum_l x[l] \sin(2\pi m l/L)}_{\text{score with a sine}}.$$
  These are exactly chapter 02's tone templates; $m$ is a **bin** and the bins are $f_s/L$ apart (500 Hz for
  $L = 16$, 62.5 Hz for $L = 128$ at 8 kHz). A real frame of $L$ samples needs only the bins $0 \dots L/2$.
- **Window.** Before the dot products each frame is multiplied by a window $h[l]$ (here Hann, which falls smoothly to 0
  at both ends), so that the frame's abrupt edges do not smear energy into all bins.
- **STFT.** Slice (chapter 01), window, DFT, for every frame $k$ with hop $H$:
  $X_{m,k} = \sum_l h[l]\, x[kH + l]\, e^{-j2\pi m l/L}$. The **spectrogram** is the magnitude
  $|X_{m,k}| = \sqrt{(\mathrm{Re}\,X_{m,k})^2 + (\mathrm{Im}\,X_{m,k})^2}$.
- **dB.** Maps and spectrograms are drawn in decibels, $20 \log_{10}(|X| / \max |X|)$: 0 dB is the largest value,
  −20 dB a tenth of it, −40 dB a hundredth. Quiet parts stay visible.
""",
        zh=r"""
## 傅里叶速成

下面会多次用到 STFT，先用本课程的语言说清它在算什么。

- **把 DFT 看成模板。** 一帧 $x[0..L-1]$ 的离散傅里叶变换（DFT），就是在每个频率 $f_m = m\,f_s/L$（$m = 0, 1, \dots, L/2$）上，
  拿一个余弦和一个正弦给这一帧打分：
  $$X_m = \sum_{l=0}^{L-1} x[l]\, e^{-j 2\pi m l / L}
        = \underbrace{\sum_l x[l] \cos(2\pi m l/L)}_{\text{与余弦的分数}}
        \;-\; j \underbrace{\sum_l x[l] \sin(2\pi m l/L)}_{\text{与正弦的分数}}.$$
  这正是第 2 章的纯音模板；$m$ 叫**频点**（bin），相邻频点相隔 $f_s/L$（8 kHz 下，$L = 16$ 时 500 Hz，$L = 128$ 时 62.5 Hz）。
  $L$ 个实数采样点的一帧只需要第 $0 \dots L/2$ 个频点。
- **窗函数。** 做点积之前，每一帧先乘上一个窗函数 $h[l]$（这里用 Hann 窗，两端平滑地降到 0），免得帧两端的突然截断把能量“泄漏”到所有频点。
- **STFT。** 分帧（第 1 章）、加窗、做 DFT，对每一帧 $k$（帧移 $H$）：
  $X_{m,k} = \sum_l h[l]\, x[kH + l]\, e^{-j2\pi m l/L}$。**语谱图**就是它的幅度
  $|X_{m,k}| = \sqrt{(\mathrm{Re}\,X_{m,k})^2 + (\mathrm{Im}\,X_{m,k})^2}$。
- **分贝（dB）。** 强度图和语谱图都用分贝来画：$20 \log_{10}(|X| / \max |X|)$。0 dB 是最大值，−20 dB 是它的十分之一，−40 dB 是百分之一。
  这样安静的部分也看得见。
""",
    ),
    code("""
for L in (16, 128):
    print(te.ch04.describe_dft_grid(L))
"""),
    md(
        en="""
## The document's table, from audio

The same sentence as in chapter 03. As templates we take 65 **tones** (cosines, chapter 02) from 0 to 4000 Hz, each
L = 128 samples (16 ms) long, so every row of the map belongs to one frequency. `encoder_from_templates` puts any
templates into an `Encoder` (it copies them into `conv1d_U.weight`).
""",
        zh="""
## 原文的那张表，用实际的音频算出来

还是第 3 章那句话。模板取 65 个**纯音模板**（tone，即余弦波，第 2 章），频率从 0 到 4000 Hz，每个长 L = 128 个采样点（16 毫秒），
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
print(te.ch04.describe_map(w, len(x), 128))
"""),
    md(
        en="""
Now a block of `[N=3, K=5]` numbers from it, printed like the document's table (we pick the block with the most
energy, so it is not silence). As in the document, templates are counted from 1 ("template 1"); frames, like Python
indices, from 0:
""",
        zh="""
现在从中取出 `[N=3, K=5]` 的一小块数字，按原文表格的样子打印出来（取能量最大的那一块，免得取到静音）。
和原文一样，模板从 1 开始数（“模板 1”）；帧号则和 Python 的下标一样，从 0 开始数：
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
Every number is a match strength: how much the frame at time k looks like template n, after the ReLU. A 0 means the
score was ≤ 0: the frame is silent, or unrelated to the template (for example a tone 90° out of phase with it), or
matches it with the opposite sign (chapter 03). The whole map is drawn in **dB** (decibels, `20·log10` of the value relative
to the largest one, down to −50 dB), as spectrograms usually are, so that quiet parts stay visible.
""",
        zh="""
每个数字都是一个匹配强度：第 k 帧和第 n 个模板有多像（已经过 ReLU）。0 表示分数 ≤ 0：这一帧是静音，或者与模板毫不相干
（例如和模板相差 90° 的纯音），也可能是反相匹配（第 3 章）。
整张图用**分贝**（dB，相对最大值取 `20·log10`，最低画到 −50 dB）来画，和通常画语谱图一样，这样安静的部分也看得见。
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
## 随机模板、纯音模板和 STFT 语谱图

同一段音频的三张图，帧完全相同（L = 128，帧移 64），行数也相同：

1. **随机模板**：未训练的编码器就是这样，按每个模板响应最强的频率排序；
2. 从低频到高频的**纯音模板**，和上面一样；
3. **STFT 语谱图** `|torch.stft|`：同样长度的 Hann 窗、同样的帧移。
""",
    ),
    code("""
fig = te.ch04.plot_map_comparison(x, L=128)
"""),
    md(
        en=r"""
- The **random** map is noise: each random template responds a little to every frequency, so every row lights up
  whenever there is sound. You can see *when* someone speaks, but hardly *what*. Training (chapter 05) is what turns
  such templates into useful ones.
- The **tone** map reads like the spectrogram: the low bands of voiced sounds, the high-frequency noise of fricatives
  such as "f" and "s". But it **flickers**. The first reason is phase blindness: one cosine per frequency scores high
  only when the frame is in phase with it, 0 when it is 90° off and negative when it is opposite, so the same band
  blinks from frame to frame even before any ReLU. The ReLU then sets the negative half to 0 (chapter 03). (A faint
  stripe in the 0 Hz row during pauses would come from a small constant offset, DC, in a clip: only the 0 Hz template
  matches a constant.)
- The **STFT** has two templates per frequency, a cosine and a sine, and combines them as $\sqrt{\cos^2 + \sin^2}$.
  For a tone centred on a bin that does not depend on the phase; between bins it varies a little; and the 0 Hz and
  $f_s/2$ rows have no sine partner at all. That is why it is smooth, almost everywhere. Check it before reading on:
  *predict* the ripple for a tone at 500 Hz (a bin of L = 16), 700 Hz and 750 Hz (between bins), 0 Hz and 4000 Hz.
""",
        zh=r"""
- **随机模板**的图是一片噪声：每个随机模板对所有频率都有一点响应，所以只要有声音，每一行都会亮。能看出*什么时候*有人说话，
  却几乎看不出*说了什么*。把这样的模板变成有用的模板，正是训练要做的事（第 5 章）。
- **纯音模板**的图读起来像语谱图：浊音的低频带、f、s 等**擦音**（fricative）的高频噪声都看得到。但它斑斑驳驳、时断时续
  （同一频带在相邻帧间忽明忽暗）。首要原因是对相位“视而不见”：每个频率只有一个余弦，只有帧与它同相时分数才高，相差 90° 时为 0，
  反相时为负，所以即使没有 ReLU，同一频带也会逐帧闪烁；ReLU 再把负的那一半置 0（第 3 章）。（如果停顿处 0 Hz 那一行有一条淡淡的横条，
  那来自音频里一个很小的常数偏移，即直流分量：只有 0 Hz 的模板能匹配常数。）
- **STFT** 每个频率有两个模板：一个余弦、一个正弦，再用 $\sqrt{\cos^2 + \sin^2}$ 合起来。对于正好落在频点上的纯音，结果与相位无关；
  落在两个频点之间时会有少许起伏；0 Hz 和 $f_s/2$ 这两行根本没有正弦搭档。所以它几乎处处平滑。往下读之前先验证一下：
  **先预测**下面几个纯音的起伏：500 Hz（L = 16 的一个频点）、700 Hz 和 750 Hz（在两个频点之间）、0 Hz 和 4000 Hz。
""",
    ),
    code("""
for f in (500, 700, 750, 0, 4000):   # (max - min) / max of sqrt(cos² + sin²) over all phases, L = 16
    print(f"{f:4d} Hz: {te.ch04.phase_ripple(f, L=16):.3f}")
"""),
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
print("stft_kernels(128) ->", list(kernels.shape))
diff = te.ch04.stft_difference(x, 128)
assert diff < 1e-4
print(te.t(f"max |conv1d - torch.stft| = {diff:.4f}", f"conv1d 与 torch.stft 的最大差值 = {diff:.4f}"))
"""),
    md(
        en=r"""
So the STFT and the encoder share their first two steps, slicing and dot products, and the STFT's templates are fixed
Fourier bases. They differ in the last step: the encoder applies a ReLU to **each** score, the STFT magnitude combines
**each cos/sin pair** into $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$. Neither is a special case of the other: the STFT
magnitude is a close relative of the strength map. And since the `Encoder` accepts any templates, we can load the Fourier bases into it and draw its map: the
lower half holds the cosine (real) rows, the upper half the sine (imaginary) rows, each half-wave rectified by the
ReLU. On the right, the |STFT| from the figure above once more, to compare side by side.
""",
        zh=r"""
所以 STFT 和编码器的前两步相同：分帧、做点积；STFT 的模板是固定的傅里叶基。不同在最后一步：编码器对**每个**分数做 ReLU，
STFT 幅度则把**每一对** cos/sin 分数合成 $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$。两者谁也不是谁的特例：STFT 幅度谱是强度图的近亲。
既然 `Encoder` 接受任何模板，我们也可以把傅里叶基装进去，画出它的强度图：下半部分是余弦（实部）各行，
上半部分是正弦（虚部）各行，每一行都被 ReLU 做了半波整流。右边再放一次上图中的 |STFT|，方便并排比较。
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
有了 ReLU，每个傅里叶分数都丢了一半。第 3 章给过办法：把每个模板**和它的相反数**都放进字典。
一个装有 260 个模板 `[U; -U]` 的编码器给出非负的强度图，从中可以还原出带符号的分数，也就还原出了精确的语谱图：
""",
    ),
    code("""
magnitude = te.ch04.magnitude_from_relu_map(x, 128)
diff = (magnitude - te.ch04.spectrogram(x, 128)).abs().max().item()
assert diff < 1e-3
print(te.t(f"from the ReLU map of [U; -U]: {list(magnitude.shape)}, max difference to |torch.stft| = {diff:.3f}",
           f"由 [U; -U] 的 ReLU 强度图还原：{list(magnitude.shape)}，与 |torch.stft| 的最大差值 = {diff:.3f}"))
"""),
    md(
        en=r"""
**Learned templates** are the other choice, the one TasNet makes: the network adjusts `conv1d_U.weight` during
training, and the map becomes the document's *learned* time-frequency picture. Chapter 05 loads the kernels of a
trained model and puts them into an `Encoder` exactly as we did with the Fourier bases.

## The other half: weights × basis signals

The document says the encoder turns the waveform into a *decomposable* representation: the sound as "combination
strengths of N basis functions". The decoder makes this concrete. It places a basis signal $b_n$ of $L$ samples at
every frame, scales it by the map, and adds everything up (overlap-add, a transposed convolution):

$$\hat x[t] = \sum_{k} \sum_{n=1}^{N} w_{n,k}\, b_n[t - kH].$$

It sums **all** $N$ basis signals, each weighted; it does not pick one. The simplest dictionary shows that this can be
exact: templates $[I; -I]$ (each picks one sample, with either sign, so the ReLU loses nothing) and basis signals
$e_n/2$ and $-e_n/2$ (every inner sample lies in two frames, hence the $1/2$). In TasNet both the templates and the
basis signals are learned, and the masks act on $w$ in between (chapter 06).
""",
        zh=r"""
另一种选择是**学到的模板**，也就是 TasNet 的做法：网络在训练中调整 `conv1d_U.weight`，强度图就成了原文说的
“学习出来的时频图”。第 5 章会载入一个训练好的模型的卷积核，像上面装傅里叶基一样把它们装进 `Encoder`。

## 另一半：强度 × 基信号

原文说，编码器把波形变成一种“可分解的表示”：声音是“N 个基函数的组合强度”。解码器把这句话落到实处：它在每一帧的位置放一条长为 $L$ 的基信号 $b_n$，
用强度图给它加权，再把所有结果加起来（重叠相加，也就是转置卷积）：

$$\hat x[t] = \sum_{k} \sum_{n=1}^{N} w_{n,k}\, b_n[t - kH].$$

它对**全部** $N$ 条基信号加权求和，而不是从中挑出一条。最简单的字典就能说明这可以做到精确：模板取 $[I; -I]$（每个模板只取一个采样点，
正负号各一个，所以 ReLU 什么都不丢），基信号取 $e_n/2$ 和 $-e_n/2$（每个内部采样点都落在两帧里，所以除以 2）。
在 TasNet 里，模板和基信号都是学出来的，掩码则作用在两者之间的 $w$ 上（第 6 章）。
""",
    ),
    code("""
print(te.ch04.describe_rebuild(te.ch04.rebuild_from_map(x, L=16)))
"""),
    md(
        en="""
## A batch: M = 2 clips

The encoder works on a batch of clips at once. Here are our English sentence and a Mandarin one, cut to the same length
T, through an encoder with the sizes of the best configuration in the Conv-TasNet paper, L = 16 (2 ms) and N = 512
(random templates, untrained):
""",
        zh="""
## 一批音频：M = 2

编码器可以一次处理一批（batch）音频。下面是我们的英文句子和一句普通话，截成同样的长度 T，送进一个按 Conv-TasNet
论文最佳配置设置的编码器：L = 16（2 毫秒）、N = 512（随机模板，未训练）：
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
print(te.ch04.describe_batch(batch, w2))
"""),
    md(
        en="""
`w2[0]` is the map of the first clip, `w2[1]` of the second; each is one `[N, K]` table like the one above, with
512 rows and a column every 1 ms.

## Channels: the C of `[M, C, T]`

The document's `Encoder(L, N, audio_channels)` also takes recordings with several channels: `audio_channels = 2` for
stereo. Each template then has one row of `L` weights per channel (`conv1d_U.weight` is `[N, C, L]`), and a score adds
up the dot products of all channels, so the map is still `[M, N, K]`. Here the two sentences become the left and right
channels of one stereo recording:
""",
        zh="""
`w2[0]` 是第一条音频的强度图，`w2[1]` 是第二条的；每一张都是像上面那样的 `[N, K]` 表格，有 512 行，每 1 毫秒一列。

## 通道：`[M, C, T]` 里的 C

原文的 `Encoder(L, N, audio_channels)` 也能处理多通道录音：立体声时 `audio_channels = 2`。这时每个模板对每个通道各有一行 `L` 个权重
（`conv1d_U.weight` 的形状是 `[N, C, L]`），分数是各通道点积之和，所以强度图仍然是 `[M, N, K]`。下面把两句话当作同一段立体声录音的左、右声道：
""",
    ),
    code("""
stereo = te.ch04.stereo_demo(L=16, N=64)   # [M=1, C=2, T] through Encoder(16, 64, audio_channels=2)
print(te.ch04.describe_stereo(stereo))
"""),
    md(
        en="""
## Try it: another L, other templates

Change the frame length L and the kind of templates and watch the map change. A short L gives fine time steps but
coarse frequency steps; a long L the other way round.
""",
        zh="""
## 动手试试：换一个 L，换一种模板

改变帧长 L 和模板种类，看强度图怎么变。L 短，时间分得细、频率分得粗；L 长则反过来。
""",
    ),
    code("""
te.ch04.map_widget(x)
""", tags=["nbval-ignore-output"]),
    code("""
# what the widget draws, in numbers (Fourier templates)
for L in (16, 128, 256):
    s = te.ch04.map_summary(x, L, "fourier")
    print(te.ch04.describe_summary(s, L))
"""),
    md(
        en="""
## Your own voice

Record yourself (or upload a file) and see *your* voice's strength maps next to its STFT. Without a recording, the
next cell uses the course's clip and says so.
""",
        zh="""
## 你自己的声音

录一段自己的声音（或上传一个文件），看看**你的**声音的强度图和它的 STFT 并排是什么样子。没有录音时，下一个单元格会改用课程自带的音频，并说明这一点。
""",
    ),
    code("""
voice_in = te.ui.voice.VoicePanel()
voice_in
""", tags=["nbval-ignore-output"]),
    code("""
voice = te.ui.voice.take_or_clip(voice_in)
print(te.t(f"{len(voice) / 8000:.1f} s of audio", f"音频时长 {len(voice) / 8000:.1f} 秒"))
fig = te.ch04.plot_map_comparison(voice, L=128)
"""),
    md(
        en="""
## Exercises

**Exercise 04.1** M = 2 clips of one second at 8 kHz (T = 16000) go through `Encoder(L=16, N=512)`. What is the shape of
`mixture_w`? Answer with a tuple `(M, N, K)`.
""",
        zh="""
## 练习

**练习 04.1** 两条 1 秒长、采样率 8 kHz 的音频（M = 2，T = 16000）送进 `Encoder(L=16, N=512)`。`mixture_w` 的形状是什么？
用元组 `(M, N, K)` 作答。
""",
    ),
    code("""
answer = None  # your answer: a tuple (M, N, K) / 你的答案：元组 (M, N, K)
te.check("04.1", answer)
"""),
    code("""
te.solution("04.1")
"""),
    md(
        en=r"""
**Exercise 04.2** `te.stft_kernels(L)` holds all the cosine rows first (0 Hz up to $f_s/2$, `L // 2 + 1` of them),
then all the sine rows in the same order. In `te.stft_kernels(64)` at 8 kHz, which row holds the cosine at 1000 Hz, and
which row the sine at 1000 Hz? Answer with a tuple `(cosine row, sine row)`, counting from 0.
""",
        zh=r"""
**练习 04.2** `te.stft_kernels(L)` 先放全部余弦行（从 0 Hz 到 $f_s/2$，共 `L // 2 + 1` 行），再按同样的顺序放全部正弦行。
在 8 kHz 下的 `te.stft_kernels(64)` 里，1000 Hz 的余弦在第几行？1000 Hz 的正弦在第几行？
用元组 `(余弦所在行, 正弦所在行)` 作答，从 0 开始数。
""",
    ),
    code("""
answer = None  # your answer: (cosine row, sine row) / 你的答案：(余弦所在行, 正弦所在行)
te.check("04.2", answer)
"""),
    code("""
te.solution("04.2")
"""),
    md(
        en="""
**Exercise 04.3** With Fourier templates of L = 128 at 8 kHz: how many milliseconds apart are two neighbouring columns of the
map, and how many Hz apart are two neighbouring cosine rows? Answer with `(hop in ms, spacing in Hz)`.
""",
        zh="""
**练习 04.3** 用 L = 128 的傅里叶模板、采样率 8 kHz：强度图相邻两列相隔多少毫秒？相邻两行余弦相隔多少 Hz？
用 `(帧移毫秒数, 频率间隔 Hz)` 作答。
""",
    ),
    code("""
answer = None  # your answer: (hop in ms, spacing in Hz) / 你的答案：(帧移毫秒数, 频率间隔 Hz)
te.check("04.3", answer)
"""),
    code("""
te.solution("04.3")
"""),
    md(
        en="""
**Exercise 04.4** (open question, no checker) A frame of `L = 16` real samples gives only 9 frequency bins (0, 500,
..., 4000 Hz). Has information been lost? Count the real numbers the DFT gives for these 9 bins, and compare with 16.

*Our answer, in words*: each bin has a cosine score and a sine score, 18 numbers, but the sine rows of 0 Hz and 4000 Hz
are all zeros (a sine at 0 Hz is 0; a sine at $f_s/2$ is 0 at every sample). That leaves 9 + 7 = 16 real numbers for
16 samples: nothing lost, the DFT is invertible. What the *magnitude* throws away is the phase: 9 numbers instead of 16.
""",
        zh="""
**练习 04.4**（开放题，不自动检查）`L = 16` 个实数采样点的一帧只给出 9 个频点（0、500、……、4000 Hz）。信息丢了吗？
数一数这 9 个频点的 DFT 一共给出多少个实数，再和 16 比较。

**参考答案**：每个频点有一个余弦分数和一个正弦分数，共 18 个数，但 0 Hz 和 4000 Hz 的正弦行全是 0（0 Hz 的正弦恒为 0；$f_s/2$ 的正弦在每个采样点上都是 0）。
剩下 9 + 7 = 16 个实数，对应 16 个采样点：什么都没丢，DFT 是可逆的。真正丢掉信息的是**幅度**：它只留下 9 个数，相位丢了。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. The encoder's output `[M, N, K]` (from input `[M, C, T]`) is one table per clip: a row per template, a column per
   frame, each entry a match strength; a 0 means a score ≤ 0 (silence, unrelated, or opposite).
2. Drawn like a spectrogram it is a time-frequency picture. The STFT slices and matches with fixed cos/sin templates
   ($f_s/L$ apart) and combines each pair into a magnitude: a close relative of the strength map (|·| of pairs instead of
   a ReLU per score), phase-free only for tones on a bin.
3. A map is the weights of a decomposable representation: $\hat x[t] = \sum_k \sum_n w_{n,k} b_n[t - kH]$; TasNet
   learns both the templates and the basis signals.

That closes the document's three lines: **cut the audio into small pieces, match every piece against N templates, get
a map of match strengths.** Chapter 05 looks at templates that were learned.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019 (encoder, decoder, learned bases vs STFT).
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent, "Filterbank design for end-to-end speech separation", ICASSP 2020
  (free, parameterised and STFT filterbanks behind one interface). [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- M. Müller, FMP notebooks (start page; chapter 2 covers the DFT, the STFT, windows and dB):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)
- PyTorch, `torch.stft`: [pytorch.org/docs/stable/generated/torch.stft.html](https://pytorch.org/docs/stable/generated/torch.stft.html)

← Previous: [03 ReLU: keep the positive scores](03_relu.ipynb) · Next: [05 Learned templates and Fourier templates](05_learned_vs_stft.ipynb) →
""",
        zh=r"""
## 本章总结（三句话）

1. 编码器的输出 `[M, N, K]`（输入是 `[M, C, T]`）对每条音频都是一张表：每个模板一行，每帧一列，每个元素是一个匹配强度；
   0 表示分数 ≤ 0（静音、毫不相干或反相）。
2. 像语谱图一样画出来，它就是一张时频图。STFT 用固定的 cos/sin 模板（间隔 $f_s/L$）分帧、做点积，再把每一对合成幅度：
   它是强度图的近亲（对一对分数取模，而不是对每个分数做 ReLU），只有落在频点上的纯音才与相位无关。
3. 强度图是一种可分解表示的权重：$\hat x[t] = \sum_k \sum_n w_{n,k} b_n[t - kH]$；TasNet 把模板和基信号都学出来。

到这里，原文的三句话就讲完了：**把音频切成很多小块，用 N 个模板去匹配每一块，得到一张“匹配强度图”。**第 5 章看看学出来的模板。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019（编码器、解码器，学到的基与 STFT）。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent，“Filterbank design for end-to-end speech separation”，ICASSP 2020
  （自由、参数化和 STFT 滤波器组的统一接口）。[arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- M. Müller，FMP notebooks（总览页；第 2 章讲 DFT、STFT、窗函数和 dB）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)
- PyTorch 文档，`torch.stft`：[pytorch.org/docs/stable/generated/torch.stft.html](https://pytorch.org/docs/stable/generated/torch.stft.html)

← 上一章：[第 3 章　ReLU——只保留正分](03_relu.ipynb) · 下一章：[第 5 章　学到的模板与傅里叶模板](05_learned_vs_stft.ipynb) →
""",
    ),
]
