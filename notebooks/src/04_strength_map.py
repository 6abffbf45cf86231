# Chapter 04: the strength map [M, N, K]. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 04 The strength map

**After this chapter you can**

- compute one column of the strength map as `relu(U @ frame)` and stack the columns into the encoder's output;
- read the encoder's output `[M, N, K]` (and the `C` of its input `[M, C, T]`) as one table per clip;
- explain the DFT of a frame as dot products with cosine and sine templates, with bins $f_s/L$ apart, and read dB;
- build the STFT's templates yourself and say exactly how the STFT magnitude and the strength map are related;
- rebuild a waveform from a map as a weighted sum of basis signals, the decoder's half of the story.

**Prerequisites**: chapters 01–03; sine and cosine; logarithms. **Time**: about 105 min.

After slicing, template matching and the ReLU, this is what the encoder outputs:

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

In this chapter we compute that table from audio, one column at a time, draw whole maps like spectrograms, and compare
them with the STFT (short-time Fourier transform): it slices and matches with one fixed choice of templates, so its
magnitude is a close relative of the strength map, with a different non-linearity.
""",
        zh=r"""
# 第 4 章　强度图

**学完本章，你将能够**

- 用 `relu(U @ frame)` 算出强度图的一列，再把各列拼成编码器的输出；
- 把编码器的输出 `[M, N, K]`（以及输入 `[M, C, T]` 里的 `C`）读成每条音频一张表；
- 把一帧的 DFT 理解成与余弦、正弦模板的点积，频点间隔 $f_s/L$，并会读 dB；
- 亲手搭出 STFT 的模板，准确说出 STFT 幅度谱和强度图是什么关系；
- 把波形重新写成“强度 × 基信号”的加权和，这是解码器那一半的故事。

**先修知识**：第 1–3 章；正弦和余弦；对数。**用时**：约 105 分钟。

经过切片、模板匹配和 ReLU，编码器（encoder）的输出是：

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

这一章用实际的音频一列一列地把这张表算出来，把整张强度图（strength map）像语谱图（spectrogram）一样画出来，
再和 STFT（短时傅里叶变换，short-time Fourier transform）比较：STFT 同样是分帧再和模板做点积，只是模板固定；
所以 STFT 幅度谱是强度图的**近亲**，只是非线性的那一步不同。
""",
    ),
    code("""
import torch
import torch.nn.functional as F
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("04")
"""),
    md(
        en=r"""
## A short Fourier primer

The STFT appears several times below, so here is what it computes, in the language of this course.

**The DFT as templates.** The discrete Fourier transform (DFT) of one frame $x[0..L-1]$ scores the frame against a
cosine and a sine at each frequency $f_m = m\,f_s/L$, $m = 0, 1, \dots, L/2$:

$$X_m = \sum_{l=0}^{L-1} x[l]\, e^{-j 2\pi m l / L}
      = \underbrace{\sum_l x[l] \cos(2\pi m l/L)}_{\text{score with a cosine}}
      \;-\; j \underbrace{\sum_l x[l] \sin(2\pi m l/L)}_{\text{score with a sine}}.$$

Here $j = \sqrt{-1}$: a complex number is just a pair of real numbers, the cosine score (real part) and the sine score
(imaginary part). These are chapter 02's tone templates; $m$ is a **bin** and the bins are $f_s/L$ apart (500 Hz for
$L = 16$, 62.5 Hz for $L = 128$ at 8 kHz). A real frame of $L$ samples needs only the bins $0 \dots L/2$.

- **Window.** Before the dot products each frame is multiplied by a window $h[l]$ (here Hann, which falls smoothly to 0
  at both ends), so that the frame's abrupt edges do not smear energy into all bins.
- **STFT.** Slice (chapter 01), window, DFT, for every frame $k$ with hop $H$:
  $X_{m,k} = \sum_l h[l]\, x[kH + l]\, e^{-j2\pi m l/L}$. The **spectrogram** is the magnitude
  $|X_{m,k}| = \sqrt{(\mathrm{Re}\,X_{m,k})^2 + (\mathrm{Im}\,X_{m,k})^2}$.
- **dB.** Maps and spectrograms are drawn in decibels, $20 \log_{10}(|X| / \max |X|)$: 0 dB is the largest value,
  −20 dB a tenth of it, −40 dB a hundredth. Quiet parts stay visible.

The cell writes the DFT of a random frame as two matrix products, one with the cosine templates and one with the sine
templates, and checks them against `torch.fft.rfft`:
""",
        zh=r"""
## 傅里叶变换快速回顾

下面会多次用到 STFT，先用本课程的语言说清它在算什么。

**把 DFT 看成模板。** 一帧 $x[0..L-1]$ 的离散傅里叶变换（DFT），就是在每个频率 $f_m = m\,f_s/L$（$m = 0, 1, \dots, L/2$）上，
拿一个余弦和一个正弦给这一帧打分：

$$X_m = \sum_{l=0}^{L-1} x[l]\, e^{-j 2\pi m l / L}
      = \underbrace{\sum_l x[l] \cos(2\pi m l/L)}_{\text{与余弦的分数}}
      \;-\; j \underbrace{\sum_l x[l] \sin(2\pi m l/L)}_{\text{与正弦的分数}}.$$

其中 $j = \sqrt{-1}$：一个复数其实就是一对实数，余弦分数是实部，正弦分数是虚部。这正是第 2 章的纯音模板；
$m$ 叫**频点**（bin），相邻频点相隔 $f_s/L$（8 kHz 下，$L = 16$ 时 500 Hz，$L = 128$ 时 62.5 Hz）。
$L$ 个实数采样点的一帧只需要第 $0 \dots L/2$ 个频点。

- **窗函数。** 做点积之前，每一帧先乘上一个窗函数 $h[l]$（这里用 Hann 窗，两端平滑地降到 0），免得帧两端的突然截断把能量“泄漏”到所有频点。
- **STFT。** 分帧（第 1 章）、加窗、做 DFT，对每一帧 $k$（帧移 $H$）：
  $X_{m,k} = \sum_l h[l]\, x[kH + l]\, e^{-j2\pi m l/L}$。**语谱图**就是它的幅度
  $|X_{m,k}| = \sqrt{(\mathrm{Re}\,X_{m,k})^2 + (\mathrm{Im}\,X_{m,k})^2}$。
- **分贝（dB）。** 强度图和语谱图都用分贝来画：$20 \log_{10}(|X| / \max |X|)$。0 dB 是最大值，−20 dB 是它的十分之一，−40 dB 是百分之一。
  这样安静的部分也看得见。

下面的单元格把一个随机帧的 DFT 写成两次矩阵乘法（一次乘余弦模板，一次乘正弦模板），再和 `torch.fft.rfft` 核对：
""",
    ),
    code("""
sr, L = 8000, 16
l = torch.arange(L)                                 # en: sample index in the frame // zh: 帧内采样点的下标
m = torch.arange(L // 2 + 1)                        # en: bins 0 .. L/2 // zh: 频点 0 .. L/2
C = torch.cos(2 * torch.pi * m[:, None] * l / L)    # en: [L/2+1, L]: one cosine template per bin // zh: [L/2+1, L]：每个频点一个余弦模板
S = torch.sin(2 * torch.pi * m[:, None] * l / L)    # en: one sine template per bin // zh: 每个频点一个正弦模板
frame = torch.randn(L)
X = torch.fft.rfft(frame)                           # en: the DFT of the frame, bins 0 .. L/2 // zh: 这一帧的 DFT，频点 0 .. L/2
assert torch.allclose(C @ frame, X.real, atol=1e-4)
assert torch.allclose(-(S @ frame), X.imag, atol=1e-4)
print("f_m =", (m * sr / L).tolist(), "Hz")
print("f_s / L =", sr / 16, "Hz (L = 16),", sr / 128, "Hz (L = 128)")
"""),
    md(
        en="""
## One frame, N templates: one column

The same sentence as in chapter 03. We load it and cut off the digital silence at both ends (exact zeros: every frame
there scores exactly 0):
""",
        zh="""
## 一帧对 N 个模板：强度图的一列

还是第 3 章那句话。先读入音频，再去掉两端的数字静音（恰好为 0 的采样点：那里每一帧的分数都恰好是 0）：
""",
    ),
    code("""
raw = te.load_clip("en_s00_v0.flac")                # en: chapter 03's sentence, 8 kHz // zh: 第 3 章的那句话，8 kHz
loud = torch.nonzero(raw).flatten()                 # en: samples that are not exactly 0 // zh: 不恰好为 0 的采样点
x = raw[loud[0] : loud[-1] + 1]                     # en: cut the digital silence at both ends // zh: 去掉两端的数字静音
print("T =", len(raw), "->", len(x))
Audio(x.numpy(), rate=8000)
"""),
    md(
        en=r"""
As templates we take N = 65 **tones** (cosines of unit length, chapter 02) from 0 to 4000 Hz, each L = 128 samples
(16 ms) long, so that every row of the map belongs to one frequency. Template matching is a matrix product: the
templates `U` are an `[N, L]` matrix, a frame is a vector of L samples, and `U @ frame` gives its N scores at once.
After the ReLU that is **one column** of the strength map. The next frame, `L // 2 = 64` samples later, gives the next
column. We take the loudest frame k (the frame with the largest norm) and the one after it:
""",
        zh=r"""
模板取 N = 65 个**纯音模板**（长度为 1 的余弦，第 2 章），频率从 0 到 4000 Hz，每个长 L = 128 个采样点（16 毫秒），
这样强度图的每一行都对应一个频率。模板匹配就是矩阵乘法：模板 `U` 是一个 `[N, L]` 的矩阵，一帧是 L 个采样点组成的向量，
`U @ frame` 一次就给出这一帧的 N 个分数。再做 ReLU，就是强度图的**一列**。下一帧往后挪 `L // 2 = 64` 个采样点，
给出下一列。我们取最响的一帧 k（范数最大的那一帧）和它后面的一帧：
""",
    ),
    code("""
L, N = 128, 65
hop = L // 2
freqs = torch.linspace(0, sr / 2, N)                # en: 0, 62.5, ..., 4000 Hz // zh: 0、62.5、……、4000 Hz
t = torch.arange(L) / sr                            # en: time of each sample in the frame (s) // zh: 帧内每个采样点的时刻（秒）
U = torch.cos(2 * torch.pi * freqs[:, None] * t)    # en: [N, L]: one tone per row // zh: [N, L]：每行一个纯音
U = U / U.norm(dim=1, keepdim=True)                 # en: unit length // zh: 长度为 1
frames = x.unfold(0, L, hop)                        # en: [K, L]: chapter 01's frames // zh: [K, L]：第 1 章的分帧
assert torch.equal(frames, te.slice_frames(x, L))
k = int(frames.norm(dim=1).argmax())                # en: the loudest frame // zh: 最响的一帧
column = torch.relu(U @ frames[k])                  # en: [N]: frame k against all N templates, then ReLU // zh: [N]：第 k 帧对全部 N 个模板打分，再做 ReLU
next_column = torch.relu(U @ frames[k + 1])         # en: the next frame gives the next column // zh: 下一帧给出下一列
print("k =", k, list(frames[k].shape), "->", list(column.shape))
"""),
    md(
        en="""
Now the encoder itself: `te.encoder_from_templates(U)` is an `Encoder` whose `conv1d_U.weight` holds our templates.
Its output for this clip has K columns, and columns k and k + 1 are exactly the two we computed by hand. The figure
draws the whole path: the two frames in the audio (top), the templates (every 8th one is drawn, at its frequency),
the two columns `relu(U @ frame)`, and where they land in the map:
""",
        zh="""
现在用编码器本身来算：`te.encoder_from_templates(U)` 是一个 `Encoder`，它的 `conv1d_U.weight` 就是我们的模板。
它对这段音频的输出有 K 列，第 k 列和第 k + 1 列正好是我们手算的那两列。下图画出整个过程：音频里的这两帧（上），
模板（每 8 个画一个，画在它的频率处），两列 `relu(U @ frame)`，以及它们在强度图里的位置：
""",
    ),
    code("""
encoder = te.encoder_from_templates(U)              # en: an Encoder whose conv1d_U.weight is U // zh: conv1d_U.weight 就是 U 的编码器
w = encoder(x[None])                                # en: [M, N, K] with M = 1 // zh: [M, N, K]，其中 M = 1
assert torch.allclose(w[0, :, k], column, atol=1e-5)
assert torch.allclose(w[0, :, k + 1], next_column, atol=1e-5)
print(list(w.shape), "K =", te.num_frames(len(x), L))
fig = te.ch04.plot_frame_to_column(x, U, w[0], k, freqs)
"""),
    md(
        en="""
The map is drawn in **dB** (decibels, relative to the loudest entry shown, down to −50 dB), as spectrograms usually
are, so that quiet entries stay visible. Black entries lie 50 dB or more below it; most of them are exact zeros,
scores the ReLU set to 0.

Every frame gives one column in the same way, so the whole map is all the columns side by side. With all frames as the
columns of one matrix, `frames.T` `[L, K]`, it is one matrix product:
""",
        zh="""
强度图用**分贝**（dB，相对图中最大的元素，最低画到 −50 dB）来画，和通常画语谱图一样，这样弱的元素也看得见。
黑色的元素比最大值低 50 dB 以上，其中大多数恰好为 0：那是被 ReLU 置 0 的分数。

每一帧都这样给出一列，所以整张强度图就是把所有列并排放在一起。把所有帧当作一个矩阵 `frames.T`（`[L, K]`）的各列，
就只需要一次矩阵乘法：
""",
    ),
    code("""
columns = [torch.relu(U @ frame) for frame in frames]   # en: one column per frame // zh: 每帧一列
stacked = torch.stack(columns, dim=1)                    # en: [N, K]: the columns side by side // zh: [N, K]：各列并排
assert torch.allclose(stacked, w[0], atol=1e-5)
assert torch.allclose(torch.relu(U @ frames.T), w[0], atol=1e-5)   # en: all frames at once // zh: 所有帧一次算完
print(list(stacked.shape))
"""),
    md(
        en="""
## The document's table, from audio

Now a block of `[N=3, K=5]` numbers from the map, printed like the document's table. We pick the block with the
largest sum, so it is not silence. Rows (templates n) and columns (frames k) are counted from 0, as Python counts;
the document counts its templates from 1.
""",
        zh="""
## 原文的那张表，用实际的音频算出来

现在从强度图里取出 `[N=3, K=5]` 的一小块数字，按原文表格的样子打印出来。我们取总和最大的那一块，免得取到静音。
行（模板 n）和列（帧 k）都和 Python 的下标一样从 0 开始数；原文的模板是从 1 开始数的。
""",
    ),
    code("""
sums = w[0].unfold(0, 3, 1).unfold(1, 5, 1).sum((-1, -2))   # en: the sum of every 3 × 5 block // zh: 每个 3 × 5 小块的总和
n0, k0 = divmod(int(sums.argmax()), sums.shape[1])          # en: the block with the largest sum // zh: 总和最大的那一块
print(" " * 16, "".join(f"{j:6d}" for j in range(k0, k0 + 5)))
for n in range(n0, n0 + 3):
    print(f"n = {n:2d} ({freqs[n]:3.0f} Hz)  [", "  ".join(f"{v:4.1f}" for v in w[0, n, k0 : k0 + 5].tolist()), "]")
fig = te.ch04.plot_map_table(w[0], n0, k0, frequencies=freqs, hop_seconds=hop / sr)
"""),
    md(
        en="""
Every number is a match strength (after the ReLU), and chapter 02 showed what a score measures: the frame's norm times
its similarity to the template (the templates here have length 1). So a loud frame that looks only half like a
template can score more than a quiet frame that matches it perfectly. A 0 means the score was ≤ 0: the frame is
silent, or unrelated to the template (for example a tone 90° out of phase with it), or matches it with the opposite
sign (chapter 03).
""",
        zh="""
每个数字都是一个匹配强度（已经过 ReLU）。第 2 章讲过分数衡量的是什么：帧的范数 × 它与模板的相似度（这里的模板长度都是 1）。
所以一个很响、只有一半像模板的帧，得分可能比一个很轻、与模板完全吻合的帧更高。0 表示分数 ≤ 0：这一帧是静音，
或者与模板毫不相干（例如和模板相差 90° 的纯音），也可能是反相匹配（第 3 章）。
""",
    ),
    md(
        en="""
## Random templates, tones, and the STFT spectrogram

Three maps of the same audio, with the same frames (L = 128, hop 64) and the same number of rows:

1. **random templates**, as an untrained encoder has them, sorted by the frequency where each one responds most
   (`te.sort_by_frequency`);
2. **tones** from low to high frequency: the map `w` from above;
3. the **STFT spectrogram** `|torch.stft|` with a Hann window of the same length and the same hop (`center=False`,
   so that its frames are exactly the encoder's frames).
""",
        zh="""
## 随机模板、纯音模板和 STFT 语谱图

同一段音频的三张图，帧完全相同（L = 128，帧移 64），行数也相同：

1. **随机模板**：未训练的编码器就是这样，按每个模板响应最强的频率排序（`te.sort_by_frequency`）；
2. 从低频到高频的**纯音模板**：就是上面的强度图 `w`；
3. **STFT 语谱图** `|torch.stft|`：同样长度的 Hann 窗、同样的帧移（`center=False`，这样它的帧和编码器的帧完全相同）。
""",
    ),
    code("""
R = torch.randn(N, L, generator=torch.Generator().manual_seed(0))   # en: random templates // zh: 随机模板
R = R / R.norm(dim=1, keepdim=True)
R = R[te.sort_by_frequency(R)]                      # en: sorted by the frequency each responds to most // zh: 按响应最强的频率排序
window = torch.hann_window(L, periodic=True)
spec = torch.stft(x, n_fft=L, hop_length=hop, window=window, center=False, return_complex=True).abs()
maps = [te.encoder_from_templates(R)(x[None])[0], w[0], spec]
print([list(a.shape) for a in maps])
fig = te.ch04.plot_map_comparison(x, L, maps=maps)
"""),
    md(
        en=r"""
- The **random** map is noise: each random template responds a little to every frequency, so every row lights up
  whenever there is sound. You can see *when* someone speaks, but hardly *what*. Training (chapter 05) is what turns
  such templates into useful ones.
- The **tone** map reads like the spectrogram: the low bands of voiced sounds, the high-frequency noise of fricatives
  such as "f" and "s". But it **flickers**. The first reason is that one cosine is phase-sensitive: a frame scores high
  only when it is in phase with the template, 0 when it is 90° off and negative when it is opposite, so the same band
  blinks from frame to frame even before any ReLU. The ReLU then sets the negative half to 0 (chapter 03).
- The **STFT** has two templates per frequency, a cosine and a sine, and combines them as $\sqrt{\cos^2 + \sin^2}$.
  For a tone centred on a bin that does not depend on the phase; between bins it varies a little; and the 0 Hz and
  $f_s/2$ rows have no sine partner at all. That is why it is smooth, almost everywhere. Before running the next cell,
  *guess* the ripple, (max − min) / max of $\sqrt{\cos^2 + \sin^2}$ over all phases of a tone, for L = 16 (bins
  500 Hz apart): a tone at 500 Hz (on bin m = 1), at 700 Hz and 750 Hz (between bins 1 and 2), at 0 Hz and at 4000 Hz.
  A rough guess is enough: the reason comes right after the numbers.
""",
        zh=r"""
- **随机模板**的图是一片噪声：每个随机模板对所有频率都有一点响应，所以只要有声音，每一行都会亮。能看出*什么时候*有人说话，
  却几乎看不出*说了什么*。把这样的模板变成有用的模板，正是训练要做的事（第 5 章）。
- **纯音模板**的图读起来像语谱图：浊音的低频带、f、s 等**擦音**（fricative）的高频噪声都看得到。但它斑斑驳驳、时断时续
  （同一频带在相邻帧间忽明忽暗）。首要原因是单个余弦模板**对相位过于敏感**：帧与它同相时得分高，相差 90° 时得 0，
  反相时为负，所以即使没有 ReLU，同一频带也会逐帧闪烁；ReLU 再把负的那一半置 0（第 3 章）。
- **STFT** 每个频率有两个模板：一个余弦、一个正弦，再用 $\sqrt{\cos^2 + \sin^2}$ 合起来。对于正好落在频点上的纯音，结果与相位无关；
  落在两个频点之间时会有少许起伏；0 Hz 和 $f_s/2$ 这两行根本没有正弦搭档。所以它几乎处处平滑。运行下一个单元格之前，
  **先猜一猜**起伏的大小，即一个纯音取遍所有相位时 $\sqrt{\cos^2 + \sin^2}$ 的（最大值 − 最小值）/ 最大值。取 L = 16（频点相隔 500 Hz），
  纯音分别在 500 Hz（正好在频点 m = 1 上）、700 Hz 和 750 Hz（在频点 1 和 2 之间）、0 Hz 和 4000 Hz。
  粗略猜一下就行：原因紧接在数字后面解释。
""",
    ),
    code("""
n = torch.arange(16)                                # en: L = 16 at 8 kHz: bins 500 Hz apart // zh: 8 kHz 下 L = 16：频点相隔 500 Hz
h = torch.hann_window(16, periodic=True)
phases = torch.arange(360) * torch.pi / 180
for f, m in ((500, 1), (700, 1), (750, 1), (750, 2), (0, 0), (4000, 8)):
    tones = torch.cos(2 * torch.pi * f * n / 8000 + phases[:, None])   # en: [360, L]: the tone at every phase // zh: [360, L]：取遍各个相位的纯音
    re = tones @ (h * torch.cos(2 * torch.pi * m * n / 16))            # en: score with bin m's cosine // zh: 与频点 m 的余弦的分数
    im = tones @ (h * torch.sin(2 * torch.pi * m * n / 16))            # en: and with its sine // zh: 与它的正弦的分数
    magnitude = torch.sqrt(re**2 + im**2)
    print(f"{f:4d} Hz, m = {m}: {(magnitude.max() - magnitude.min()) / magnitude.max():.3f}")
"""),
    md(
        en=r"""
Where does the ripple come from? A real cosine is the sum of two complex exponentials, one at $+f$ and a mirror image
at $-f$. Both leak into bin m through the window and add up with a phase-dependent angle. On a bin (other than 0 Hz
and $f_s/2$) the mirror falls exactly on a zero of the Hann window's spectrum, so the ripple is 0. Between bins it leaks a little, and more into a
bin close to $-f$ than into one further away: compare the two lines for 750 Hz, which is midway between bins 1 and 2.
At 0 Hz and $f_s/2$ the mirror is the tone itself, and a single cosine template is all there is.

## Fourier bases are templates too

The STFT's templates are the DFT's cosines and sines, multiplied by the window. We build them for L = 128: frequencies
$m\,f_s/L$ for $m = 0 \dots L/2$, the periodic Hann window (`periodic=True`, the one `torch.stft` expects), the cosines
first and then the sines with a minus sign (the $-j$ in the DFT). They are exactly `te.stft_kernels(L)`, and matching
them against our frames gives the real and imaginary parts of `torch.stft`, up to float32 rounding:
""",
        zh=r"""
起伏从哪里来？一个实数余弦是两个复指数之和：一个在 $+f$，另一个是它在 $-f$ 的镜像。两者都会经过窗函数泄漏到频点 m，
并以随相位变化的夹角叠加。纯音正好在频点上时（0 Hz 和 $f_s/2$ 除外），镜像恰好落在 Hann 窗频谱的零点上，所以起伏为 0。在两个频点之间时，镜像会泄漏一点，
而且离 $-f$ 越近的频点泄漏得越多：比较 750 Hz（正好在频点 1 和 2 中间）的两行。在 0 Hz 和 $f_s/2$，镜像就是纯音本身，
而且只有一个余弦模板。

## 傅里叶基也是模板

STFT 的模板就是 DFT 的余弦和正弦再乘上窗函数。我们为 L = 128 把它们搭出来：频率为 $m\,f_s/L$（$m = 0 \dots L/2$），
用周期 Hann 窗（`periodic=True`，也就是 `torch.stft` 要的那种），先放余弦，再放带负号的正弦（DFT 里的 $-j$）。
它们正好就是 `te.stft_kernels(L)`；拿它们和我们的帧做匹配，得到的就是 `torch.stft` 的实部和虚部，只差 float32 的舍入误差：
""",
    ),
    code("""
l = torch.arange(L)
m = torch.arange(L // 2 + 1)[:, None]               # en: bins 0 .. L/2, at m * sr / L Hz // zh: 频点 0 .. L/2，频率 m * sr / L Hz
h = torch.hann_window(L, periodic=True)             # en: the same window as above // zh: 和上面同一个窗
cos_rows = h * torch.cos(2 * torch.pi * m * l / L)  # en: [65, L]: windowed cosines (real parts) // zh: [65, L]：加窗的余弦（实部）
sin_rows = -h * torch.sin(2 * torch.pi * m * l / L) # en: [65, L]: windowed sines, negative (imaginary parts) // zh: [65, L]：加窗的负正弦（虚部）
fourier = torch.cat([cos_rows, sin_rows])           # en: [130, L]: N = 2 (L/2 + 1) templates // zh: [130, L]：N = 2 (L/2 + 1) 个模板
assert torch.allclose(fourier, te.stft_kernels(L)[:, 0], atol=1e-4)
scores = fourier @ frames.T                         # en: template matching, no ReLU: [130, K] // zh: 模板匹配，不做 ReLU：[130, K]
X = torch.stft(x, n_fft=L, hop_length=hop, window=h, center=False, return_complex=True)   # en: [65, K], complex // zh: [65, K]，复数
assert torch.allclose(scores[:65], X.real, atol=1e-4)
assert torch.allclose(scores[65:], X.imag, atol=1e-4)
print(list(fourier.shape), list(scores.shape), list(X.shape))
"""),
    md(
        en=r"""
So the STFT and the encoder share their first two steps, slicing and dot products, and the STFT's templates are fixed
Fourier bases. They differ in the last step: the encoder applies a ReLU to **each** score, the STFT magnitude combines
**each cos/sin pair** into $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$. Neither is a special case of the other: the STFT
magnitude is a close relative of the strength map. Since the `Encoder` accepts any templates, we can load the Fourier
bases into it and draw its map: on the left the cosine (real) rows, in the middle the sine (imaginary) rows, each
half-wave rectified by the ReLU, and on the right the |STFT|, all three against frequency.
""",
        zh=r"""
所以 STFT 和编码器的前两步相同：分帧、做点积；STFT 的模板是固定的傅里叶基。不同在最后一步：编码器对**每个**分数做 ReLU，
STFT 幅度则把**每一对** cos/sin 分数合成 $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$。两者谁也不是谁的特例：STFT 幅度谱是强度图的近亲。
既然 `Encoder` 接受任何模板，我们也可以把傅里叶基装进去，画出它的强度图：左边是余弦（实部）各行，中间是正弦（虚部）各行，
每一行都被 ReLU 做了半波整流；右边是 |STFT|。三张图的纵轴都是频率。
""",
    ),
    code("""
w_fourier = te.encoder_from_templates(fourier)(x[None])[0]   # en: [130, K]: the Encoder with Fourier bases // zh: [130, K]：装入傅里叶基的编码器
assert torch.allclose(w_fourier, torch.relu(scores), atol=1e-5)
fig = te.ch04.plot_fourier_encoder(w_fourier, X.abs(), hop / sr)
"""),
    md(
        en="""
The ReLU sets every negative Fourier score to 0, so half of the information is gone from this map. Chapter 03 showed
the fix: put every template **and its negative** into the dictionary. An encoder with the 260 templates `[U; -U]`
(here `U` is `fourier`) gives a nonnegative map from which the signed scores, and so the exact spectrogram, come back:
""",
        zh="""
ReLU 把每个为负的傅里叶分数都置成了 0，所以这张图丢掉了一半的信息。第 3 章给过办法：把每个模板**和它的相反数**都放进字典。
一个装有 260 个模板 `[U; -U]`（这里的 `U` 就是 `fourier`）的编码器给出非负的强度图，从中可以还原出带符号的分数，也就还原出了精确的语谱图：
""",
    ),
    code("""
both = te.encoder_from_templates(torch.cat([fourier, -fourier]))   # en: 260 templates: each one and its negative // zh: 260 个模板：每个模板和它的相反数
w_both = both(x[None])[0]                           # en: [260, K], all >= 0 // zh: [260, K]，全部 >= 0
signed = w_both[:130] - w_both[130:]                # en: relu(s) - relu(-s) = s (chapter 03) // zh: relu(s) - relu(-s) = s（第 3 章）
magnitude = torch.sqrt(signed[:65] ** 2 + signed[65:] ** 2)   # en: sqrt(cos² + sin²) per bin // zh: 每个频点的 sqrt(cos² + sin²)
assert torch.allclose(magnitude, X.abs(), atol=1e-4)           # en: |torch.stft| // zh: |torch.stft|
print(list(w_both.shape), "->", list(magnitude.shape))
"""),
    md(
        en=r"""
## Why TasNet left the STFT

Before TasNet, most separation systems worked on the STFT: they estimated a mask on the magnitude |X| for each
speaker and rebuilt the waveform from the masked magnitude **and the mixture's phase**. The TasNet paper (Luo &
Mesgarani, ICASSP 2018, [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)) names two problems of that route, and
the cells above show where both come from:

- **Phase.** The magnitude keeps $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$ of each cos/sin pair and drops the angle
  between them, the phase. A mask between 0 and 1 can scale a bin but cannot turn it: where two voices share a bin,
  each estimate keeps the mixture's phase there. So even an ideal magnitude mask cannot rebuild a speaker exactly;
  such masks are the bar in the title of Conv-TasNet, "Surpassing ideal time-frequency magnitude masking"
  ([arXiv:1809.07454](https://arxiv.org/abs/1809.07454)). An encoder with real templates has no magnitude/phase split:
  its map is real, the masks act on all of it, and the decoder rebuilds the waveform from the map alone (next
  section). The phase information is not thrown away: templates of one frequency at different phases carry it
  (chapter 05).
- **Window length, hence latency.** The STFT's bins lie $f_s/L$ apart: 500 Hz for a 2 ms window (L = 16), about
  31 Hz for 32 ms (L = 256). A voice's harmonics lie one fundamental frequency apart, and that spacing is small: in
  adult speech the fundamental averages about 120 Hz for men and 210 Hz for women, each speaker varying around
  that value ([Traunmüller & Eriksson](http://www2.ling.su.se/staff/hartmut/f0_m&f.pdf)). So to resolve the
  harmonics STFT masking needs long windows; the ideal masks Conv-TasNet compares with use 32 ms. A system cannot
  output a frame before it has heard all of it, so the window sets a floor on the delay. A learned encoder works
  with frames of a few ms (Conv-TasNet tries L = 40, 32 and 16 samples at 8 kHz, 5 to 2 ms, and does best with the
  shortest).

These are reasons to leave the long-window magnitude STFT, not proof that learned templates beat Fourier ones: with
equally short frames and the same time-domain training, fixed STFT banks come close (chapter 06 measures it and cites full-scale studies that agree).

**Learned templates** are the other choice, the one TasNet makes: the network adjusts `conv1d_U.weight` during
training, and the map becomes the document's *learned* time-frequency picture. The document calls such templates
"more flexible than the STFT": they may pick their own frequencies (many low ones, few high ones), phases and shapes,
while the STFT's are fixed. Whether that flexibility pays off is a question for measurement, not for definitions:
chapter 05 looks at the kernels of a trained model, and chapter 06 compares a learned encoder with an STFT encoder of
the same size.

## The other half: weights × basis signals

The document says the encoder turns the waveform into a *decomposable* representation: the sound as "combination
strengths of N basis functions". The decoder makes this concrete. It places a basis signal $b_n$ of $L$ samples at
every frame, scales it by the map, and adds everything up (overlap-add, a transposed convolution):

$$\hat x[t] = \sum_{k} \sum_{n=1}^{N} w_{n,k}\, b_n[t - kH].$$

It sums **all** $N$ basis signals, each weighted; it does not pick one. The simplest dictionary shows that this can be
exact: templates $[I; -I]$ (each picks one sample, with either sign, so the ReLU loses nothing) and basis signals
$e_n/2$ and $-e_n/2$ (every inner sample lies in two frames, hence the $1/2$). The cell writes the overlap-add as a
loop over frames, checks it against `F.conv_transpose1d`, and compares the result with `x` on the samples that lie
inside two frames. In TasNet both the templates and the basis signals are learned, and the masks act on $w$ in between
(chapter 06).
""",
        zh=r"""
## TasNet 为什么离开了 STFT

在 TasNet 之前，大多数分离系统都在 STFT 上工作：为每个说话人估计一张作用在幅度 |X| 上的掩码，再用掩码后的幅度**加上混合语音的相位**重建波形。
TasNet 论文（Luo 与 Mesgarani，ICASSP 2018，[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)）指出了这条路的两个问题，
上面几个单元格正好显示了这两个问题从何而来：

- **相位。** 幅度只保留每一对 cos/sin 分数的 $\sqrt{\mathrm{re}^2 + \mathrm{im}^2}$，丢掉了两者之间的角度，也就是相位。
  0 到 1 之间的掩码只能把一个频点按比例缩小，却不能改变它的相位：两个人的声音落在同一个频点上时，每个说话人的估计在那里都沿用混合语音的相位。
  所以即使是理想的幅度掩码，也不能把一个说话人精确地还原出来；Conv-TasNet 的标题“Surpassing ideal time-frequency magnitude masking”
  （超越理想时频幅度掩码）拿来作标杆的就是这类掩码（[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)）。用实数模板的编码器没有“幅度/相位”之分：
  强度图是实数，掩码作用在整张图上，解码器只凭这张图就能重建波形（见下一节）。相位信息并没有被扔掉，而是由同一频率上相位不同的几个模板共同承载（第 5 章）。
- **窗长，也就是延迟。** STFT 的频点间隔是 $f_s/L$：2 毫秒的窗（L = 16）是 500 Hz，32 毫秒的窗（L = 256）约为 31 Hz。
  人声的各次谐波相隔一个基频（fundamental frequency），而这个间隔很小：成年人说话时，男性的基频平均约 120 Hz，女性约 210 Hz，
  每个人的基频都在自己的平均值上下变动（[Traunmüller 与 Eriksson](http://www2.ling.su.se/staff/hartmut/f0_m&f.pdf)）。
  要把这些谐波分辨开，STFT 掩码就需要长窗；Conv-TasNet 用来比较的理想掩码用的就是 32 毫秒的窗。
  系统要听完一整帧才能输出这一帧，所以窗长给延迟定了下限。学到的编码器用的帧只有几毫秒（Conv-TasNet 在 8 kHz 下试了 L = 40、32、16 个采样点，
  即 5 到 2 毫秒，最短的效果最好）。

这些理由说明的是为什么要离开“长窗 + 幅度”的 STFT，并不能证明学到的模板一定胜过傅里叶模板：帧同样短、训练方式同样在时域上进行时，
固定的 STFT 滤波器组的效果相差不大（第 6 章会测量这一点，并引用结论一致的完整规模研究）。

另一种选择是**学到的模板**，也就是 TasNet 的做法：网络在训练中调整 `conv1d_U.weight`，强度图就成了原文说的
“学习出来的时频图”。原文说这样的模板“比 STFT 更灵活”：它们可以自己选择频率（低频多、高频少）、相位和形状，而 STFT 的模板是固定的。
这种灵活性是否真的带来好处，要靠测量来回答，而不是靠定义：第 5 章会看一个训练好的模型的卷积核，第 6 章则在同样大小下比较学到的编码器和 STFT 编码器。

## 另一半：强度 × 基信号

原文说，编码器把波形变成一种“可分解的表示”：声音是“N 个基函数的组合强度”。解码器把这句话落到实处：它在每一帧的位置放一条长为 $L$ 的基信号 $b_n$，
用强度图给它加权，再把所有结果加起来（重叠相加，也就是转置卷积）：

$$\hat x[t] = \sum_{k} \sum_{n=1}^{N} w_{n,k}\, b_n[t - kH].$$

它对**全部** $N$ 条基信号加权求和，而不是从中挑出一条。最简单的字典就能说明这可以做到精确：模板取 $[I; -I]$（每个模板只取一个采样点，
正负号各一个，所以 ReLU 什么都不丢），基信号取 $e_n/2$ 和 $-e_n/2$（每个内部采样点都落在两帧里，所以除以 2）。
下面的单元格把重叠相加写成对各帧的循环，和 `F.conv_transpose1d` 核对，再在落入两帧的采样点上和 `x` 比较。
在 TasNet 里，模板和基信号都是学出来的，掩码则作用在两者之间的 $w$ 上（第 6 章）。
""",
    ),
    code("""
L2, H2 = 16, 8
I = torch.eye(L2)
w_eye = te.encoder_from_templates(torch.cat([I, -I]))(x[None])[0]   # en: [32, K]: each template picks one sample // zh: [32, K]：每个模板只取一个采样点
b = torch.cat([I, -I]) / 2                          # en: basis signals +e_n/2 and -e_n/2, [N, L] // zh: 基信号 +e_n/2 和 -e_n/2，[N, L]
x_hat = torch.zeros((w_eye.shape[1] - 1) * H2 + L2)
for j in range(w_eye.shape[1]):                     # en: overlap-add: frame j adds sum_n w[n, j] b_n at j * H // zh: 重叠相加：第 j 帧在 j * H 处加上 sum_n w[n, j] b_n
    x_hat[j * H2 : j * H2 + L2] += b.T @ w_eye[:, j]
assert torch.allclose(x_hat, F.conv_transpose1d(w_eye[None], b[:, None], stride=H2)[0, 0], atol=1e-6)
inner = slice(H2, len(x_hat) - H2)                  # en: the samples inside two frames // zh: 落入两帧的采样点
assert torch.allclose(x_hat[inner], x[inner], atol=1e-6)
print(list(w_eye.shape), list(b.shape), "->", list(x_hat.shape), len(x_hat) - 2 * H2)
"""),
    md(
        en=r"""
Here is that sum as a picture. Frame $k$ adds its piece $\sum_n w_{n,k}\, b_n$, which here is half of frame $k$, at
$t = kH$. The top panel draws six consecutive pieces, from where the loudest frame found at the start of the chapter
begins, each one a step lower; neighbouring pieces overlap by $L - H$ samples. The bottom panel adds the six pieces
up (black) on top of $x$ (grey). Wherever two pieces overlap, their sum is $x$ again. At the two ends only one of the drawn pieces
covers a sample, so the sum there is half of $x$: the same happens at the first and the last $H$ samples of a clip,
which is why the check above compared only the samples inside two frames.
""",
        zh=r"""
把这个求和画出来：第 $k$ 帧在 $t = kH$ 处加上自己的一段 $\sum_n w_{n,k}\, b_n$，这里它正好是第 $k$ 帧的一半。
上图画出相邻的 6 段，从本章开头找到的最响那一帧的起点开始，每段往下错开一格；相邻两段重叠 $L - H$ 个采样点。
下图把这 6 段加起来（黑色），叠在 $x$（灰色）上。凡是两段重叠的地方，加起来又是 $x$。两端的采样点只被画出的某一段覆盖，
所以和只有 $x$ 的一半：一段音频开头和结尾的 $H$ 个采样点也是这样，所以上面的核对只比较了落入两帧的采样点。
""",
    ),
    code("""
import matplotlib.pyplot as plt

j0 = k * hop // H2                                  # en: where the loudest frame found at the start begins, in hops of 8 // zh: 本章开头找到的最响那一帧的起点，以 8 点的帧移计
pieces = b.T @ w_eye[:, j0 : j0 + 6]                # en: [L, 6]: sum_n w[n, j] b_n for six frames j // zh: [L, 6]：6 帧各自的 sum_n w[n, j] b_n
assert torch.allclose(pieces.T, x.unfold(0, L2, H2)[j0 : j0 + 6] / 2, atol=1e-6)   # en: each piece is half its frame // zh: 每段都是它那一帧的一半
part = torch.zeros(5 * H2 + L2)                     # en: the overlap-add of the six pieces only // zh: 只把这 6 段重叠相加
for i in range(6):
    part[i * H2 : i * H2 + L2] += pieces[:, i]
span = torch.arange(j0 * H2, j0 * H2 + len(part))   # en: the samples t the six pieces cover // zh: 这 6 段覆盖的采样点 t
assert torch.allclose(part[H2:-H2], x[span][H2:-H2], atol=1e-6)   # en: x wherever two pieces overlap // zh: 两段重叠处就是 x

step = 1.2 * float(pieces.abs().max())
fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5), sharex=True, layout="constrained")
for i in range(6):
    top.axhline(-i * step, color="0.85", lw=0.8)
    top.plot(span[i * H2 : i * H2 + L2], pieces[:, i] - i * step, marker=".")
top.set_yticks([-i * step for i in range(6)], [f"k = {j0 + i}" for i in range(6)])
top.set_title(r"$\\sum_n w_{n,k}\\, b_n[t - kH]$")
bottom.plot(span, x[span], color="0.7", lw=5, label="$x$")
bottom.plot(span, part, color="k", marker=".", label=r"$\\sum_k \\sum_n w_{n,k}\\, b_n[t - kH]$")
bottom.legend(loc="lower left")
bottom.set_xlabel("t")
print("j0 =", j0, list(pieces.shape), "->", list(part.shape))
"""),
    md(
        en="""
## A batch: M = 2 clips

The encoder works on a batch of clips at once. Here are our English sentence and a Mandarin one, cut to the same length
T and stacked into `[M, T]`, through an encoder with the sizes of the best configuration in the Conv-TasNet paper,
L = 16 (2 ms) and N = 512 (random templates, untrained). Each clip gets the same map as it would alone:
""",
        zh="""
## 一批音频：M = 2

编码器可以一次处理一批（batch）音频。下面把我们的英文句子和一句普通话截成同样的长度 T，叠成 `[M, T]`，送进一个按 Conv-TasNet
论文最佳配置设置的编码器：L = 16（2 毫秒）、N = 512（随机模板，未训练）。每条音频得到的强度图和它单独送进去时一样：
""",
    ),
    code("""
raw2 = te.load_clip("zh_s08_v1.flac")               # en: a Mandarin sentence // zh: 一句普通话
loud2 = torch.nonzero(raw2).flatten()
x2 = raw2[loud2[0] : loud2[-1] + 1]
T = min(len(x), len(x2))
batch = torch.stack([x[:T], x2[:T]])                # en: [M, T] = [2, T] // zh: [M, T] = [2, T]
big = te.Encoder(L=16, N=512)                       # en: random templates, untrained // zh: 随机模板，未训练
w2 = big(batch)                                     # en: [M, N, K] // zh: [M, N, K]
assert w2.shape == (2, 512, te.num_frames(T, 16))
assert torch.allclose(w2[1], big(x2[None, :T])[0])  # en: clip 1 alone gives the same map // zh: 单独送进第 1 条，得到同样的图
print(list(batch.shape), "->", list(w2.shape))
Audio(x2.numpy(), rate=8000)
"""),
    md(
        en="""
`w2[0]` is the map of the first clip, `w2[1]` of the second; each is one `[N, K]` table like the one above, with
512 rows and a column every 1 ms.

## Channels: the C of `[M, C, T]` (optional)

The document's `Encoder(L, N, audio_channels)` also takes recordings with several channels: `audio_channels = 2` for
stereo. Each template then has one row of `L` weights per channel (`conv1d_U.weight` is `[N, C, L]`), and a score adds
up the dot products of all channels, so the map is still `[M, N, K]`. Here the two sentences become the left and right
channels of one stereo recording:
""",
        zh="""
`w2[0]` 是第一条音频的强度图，`w2[1]` 是第二条的；每一张都是像上面那样的 `[N, K]` 表格，有 512 行，每 1 毫秒一列。

## 通道：`[M, C, T]` 里的 C（选读）

原文的 `Encoder(L, N, audio_channels)` 也能处理多通道录音：立体声时 `audio_channels = 2`。这时每个模板对每个通道各有一行 `L` 个权重
（`conv1d_U.weight` 的形状是 `[N, C, L]`），分数是各通道点积之和，所以强度图仍然是 `[M, N, K]`。下面把两句话当作同一段立体声录音的左、右声道：
""",
    ),
    code("""
stereo = batch[None]                                # en: [M, C, T] = [1, 2, T]: left and right channel // zh: [M, C, T] = [1, 2, T]：左、右声道
enc2 = te.Encoder(L=16, N=64, audio_channels=2)
W = enc2.conv1d_U.weight                            # en: [N, C, L]: one row of L weights per channel // zh: [N, C, L]：每个通道一行 L 个权重
left = F.conv1d(stereo[:, :1], W[:, :1], stride=8)  # en: the left channel's scores // zh: 左声道的分数
right = F.conv1d(stereo[:, 1:], W[:, 1:], stride=8) # en: the right channel's scores // zh: 右声道的分数
w_stereo = enc2(stereo)
assert torch.allclose(w_stereo, torch.relu(left + right), atol=1e-5)
print(list(stereo.shape), list(W.shape), "->", list(w_stereo.shape))
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
for length in (16, 128, 256):                       # en: what the widget draws for Fourier bases, in numbers // zh: 控件画傅里叶基时的数字
    w_L = te.encoder_from_templates(te.stft_kernels(length))(x[None])
    print(f"L = {length:3d} ({1000 * length / sr:g} ms): {list(w_L.shape)}, "
          f"H = {1000 * (length // 2) / sr:g} ms, f_s / L = {sr / length:g} Hz")
"""),
    md(
        en="""
## Your own voice

Record yourself (or upload a file) and see *your* voice's maps next to its STFT. This time with L = 256 (32 ms, bins
31.25 Hz apart): fine enough in frequency that the harmonics of a voiced sound, multiples of its fundamental
frequency, show up as separate stripes in the STFT. Without a recording, the next cell uses the course's clip and says so.
""",
        zh="""
## 你自己的声音

录一段自己的声音（或上传一个文件），看看**你的**声音的强度图和它的 STFT 并排是什么样子。这次用 L = 256（32 毫秒，频点相隔 31.25 Hz）：
频率分得足够细，浊音的各次谐波（基频的整数倍）在 STFT 里会显示成一条条分开的横纹。没有录音时，下一个单元格会改用课程自带的音频，并说明这一点。
""",
    ),
    code("""
voice_in = te.ui.voice.VoicePanel()
voice_in
""", tags=["nbval-ignore-output"]),
    code("""
voice = te.ui.voice.take_or_clip(voice_in)
print("T =", len(voice), f"({len(voice) / 8000:.1f} s)")
fig = te.ch04.plot_map_comparison(voice, L=256)
"""),
    md(
        en="""
## Exercises

Three exercises ask you to *write a function*: fill in its body (where the `...` is) and run the cell. `te.check` runs
your function on its own inputs and prints ✓, or ✗ with the input that failed and a hint.

**Exercise 04.1** (write code) The cells above computed the map of one clip. Write `my_strength_map(x, U)` for a
**batch** `x` of shape `[M, T]` and templates `U` of shape `[N, L]`, for any `L` (odd too): it returns the encoder's
output `[M, N, K]`, frames with hop `L // 2`, one score per template and frame, then the ReLU. Try it without
`te.Encoder` and `F.conv1d`: `unfold` and one matrix product are enough. The checker runs it on a batch, an odd `L`,
a clip of exactly one frame and silence, and compares with the encoder.
""",
        zh="""
## 练习

下面三道题要你**写一个函数**：把函数体（`...` 处）写完再运行这个单元格。`te.check` 会用它自己的输入运行你的函数，
打印 ✓，或者打印 ✗ 加上没通过的那个输入和一条提示。

**练习 04.1**（写代码）前面的单元格算的是一条音频的强度图。写一个函数 `my_strength_map(x, U)`，输入是形状为 `[M, T]` 的**一批**音频 `x`
和形状为 `[N, L]` 的模板 `U`（`L` 任意，也可以是奇数）：返回编码器的输出 `[M, N, K]`，即以帧移 `L // 2` 分帧、每个模板对每一帧打分、
再做 ReLU。试着不用 `te.Encoder` 和 `F.conv1d`：`unfold` 加一次矩阵乘法就够了。检查程序会用一批音频、奇数 `L`、恰好一帧长的音频和静音来运行它，
再和编码器的输出对比。
""",
    ),
    code("""
def my_strength_map(x, U):
    # en: x: clips [M, T]; U: templates [N, L]. Return the strength map [M, N, K] // zh: x：一批音频 [M, T]；U：模板 [N, L]。返回强度图 [M, N, K]
    ...


te.check("04.1", my_strength_map)
"""),
    code("""
te.solution("04.1")
"""),
    md(
        en=r"""
**Exercise 04.2** (write code) Write `my_stft_kernels(L)`: the weights of a `Conv1d` with one input channel, shape
`[2 (L // 2 + 1), 1, L]`, whose output with stride `L // 2` is `torch.stft(x, n_fft=L, hop_length=L // 2,
window=torch.hann_window(L), center=False)`: its real parts in the first `L // 2 + 1` channels, its imaginary parts in
the others. It must work for any `L`, odd too. The checker compares with `te.stft_kernels(L)`.
""",
        zh=r"""
**练习 04.2**（写代码）写一个函数 `my_stft_kernels(L)`，返回一个单输入通道 `Conv1d` 的权重，形状为 `[2 (L // 2 + 1), 1, L]`；
以 `L // 2` 为步长时，它的输出就是 `torch.stft(x, n_fft=L, hop_length=L // 2, window=torch.hann_window(L), center=False)`：
前 `L // 2 + 1` 个通道是实部，其余通道是虚部。`L` 任意，也可以是奇数。检查程序会和 `te.stft_kernels(L)` 对比。
""",
    ),
    code("""
def my_stft_kernels(L):
    # en: return conv1d weights [2 * (L // 2 + 1), 1, L] // zh: 返回 conv1d 的权重 [2 * (L // 2 + 1), 1, L]
    ...


te.check("04.2", my_stft_kernels)
"""),
    code("""
te.solution("04.2")
"""),
    md(
        en=r"""
**Exercise 04.3** (write code) `w` is the map `[M, 2N, K]` of an encoder with the templates `[U; -U]`, where
`U = te.stft_kernels(L)[:, 0]` has `N = 2 (L // 2 + 1)` rows: the map from which, above, the spectrogram of one clip
came back for `L = 128`. Write `magnitude_from_pair(w)` that returns the STFT magnitude `[M, L // 2 + 1, K]` for any
`L`: read the sizes from `w.shape`. The checker compares with `torch.stft(...).abs()`.
""",
        zh=r"""
**练习 04.3**（写代码）`w` 是装有模板 `[U; -U]` 的编码器给出的强度图，形状 `[M, 2N, K]`，其中 `U = te.stft_kernels(L)[:, 0]` 有
`N = 2 (L // 2 + 1)` 行。前面我们就是从这样的图里还原出了一条音频在 `L = 128` 时的语谱图。写一个函数 `magnitude_from_pair(w)`，
对任意 `L` 返回 STFT 幅度谱 `[M, L // 2 + 1, K]`：各个大小从 `w.shape` 读出来。检查程序会和 `torch.stft(...).abs()` 对比。
""",
    ),
    code("""
def magnitude_from_pair(w):
    # en: w: the map [M, 2N, K] of the templates [U; -U]. Return |STFT| [M, L // 2 + 1, K] // zh: w：模板 [U; -U] 的强度图 [M, 2N, K]。返回 |STFT| [M, L // 2 + 1, K]
    ...


te.check("04.3", magnitude_from_pair)
"""),
    code("""
te.solution("04.3")
"""),
    md(
        en="""
**Exercise 04.4** (open question, no checker) A frame of `L = 16` real samples gives only 9 frequency bins (0, 500,
..., 4000 Hz). Has information been lost? Count the real numbers the DFT gives for these 9 bins, and compare with 16.
Think it through before you run the next cell.
""",
        zh="""
**练习 04.4**（开放题，不自动检查）`L = 16` 个实数采样点的一帧只给出 9 个频点（0、500、……、4000 Hz）。信息丢了吗？
数一数这 9 个频点的 DFT 一共给出多少个实数，再和 16 比较。先自己想清楚，再运行下一个单元格。
""",
    ),
    code("""
te.solution("04.4")
"""),
    md(
        en=r"""
## Summary in three lines

1. The encoder's output `[M, N, K]` (from input `[M, C, T]`) is one table per clip: a row per template, a column per
   frame. Column k is `relu(U @ frame_k)`, and all columns side by side are the encoder's output; a 0 means a score
   ≤ 0 (silence, unrelated, or opposite).
2. Drawn like a spectrogram it is a time-frequency picture. The STFT slices and matches with fixed cos/sin templates
   ($f_s/L$ apart) and combines each pair into a magnitude: a close relative of the strength map (|·| of pairs instead of
   a ReLU per score), phase-free only for tones on a bin.
3. A map is the weights of a decomposable representation: $\hat x[t] = \sum_k \sum_n w_{n,k} b_n[t - kH]$; TasNet
   learns both the templates and the basis signals.

That closes the document's three lines: **cut the audio into small pieces, match every piece against N templates, get
a map of match strengths.** Chapter 05 looks at templates that were learned.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network for real-time, single-channel speech
  separation", ICASSP 2018 (why leave the STFT: phase, window length and latency).
  [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019 (encoder, decoder, learned bases vs STFT).
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent, "Filterbank design for end-to-end speech separation", ICASSP 2020
  (free, parameterised and STFT filterbanks behind one interface). [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- H. Traunmüller, A. Eriksson, "The frequency range of the voice fundamental in the speech of male and female adults",
  Department of Linguistics, Stockholm University (typical fundamental frequencies of adult speech).
  [www2.ling.su.se/staff/hartmut/f0_m&f.pdf](http://www2.ling.su.se/staff/hartmut/f0_m&f.pdf)
- M. Müller, FMP notebooks (start page; chapter 2 covers the DFT, the STFT, windows and dB):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)
- PyTorch, `torch.stft`: [pytorch.org/docs/stable/generated/torch.stft.html](https://pytorch.org/docs/stable/generated/torch.stft.html)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 编码器的输出 `[M, N, K]`（输入是 `[M, C, T]`）对每条音频都是一张表：每个模板一行，每帧一列。第 k 列就是 `relu(U @ frame_k)`，
   所有列并排放在一起就是编码器的输出；0 表示分数 ≤ 0（静音、毫不相干或反相）。
2. 像语谱图一样画出来，它就是一张时频图。STFT 用固定的 cos/sin 模板（间隔 $f_s/L$）分帧、做点积，再把每一对合成幅度：
   它是强度图的近亲（对一对分数取模，而不是对每个分数做 ReLU），只有落在频点上的纯音才与相位无关。
3. 强度图是一种可分解表示的权重：$\hat x[t] = \sum_k \sum_n w_{n,k} b_n[t - kH]$；TasNet 把模板和基信号都学出来。

到这里，原文的三句话就讲完了：**把音频切成很多小块，用 N 个模板去匹配每一块，得到一张“匹配强度图”**。第 5 章看看学出来的模板。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network for real-time, single-channel speech
  separation”，ICASSP 2018（为什么离开 STFT：相位、窗长与延迟）。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019（编码器、解码器，学到的基与 STFT）。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent，“Filterbank design for end-to-end speech separation”，ICASSP 2020
  （自由、参数化和 STFT 滤波器组的统一接口）。[arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- H. Traunmüller, A. Eriksson，“The frequency range of the voice fundamental in the speech of male and female adults”，
  斯德哥尔摩大学语言学系（成年人说话时的典型基频）。[www2.ling.su.se/staff/hartmut/f0_m&f.pdf](http://www2.ling.su.se/staff/hartmut/f0_m&f.pdf)
- M. Müller，FMP notebooks（总览页；第 2 章讲 DFT、STFT、窗函数和 dB）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)
- PyTorch 文档，`torch.stft`：[pytorch.org/docs/stable/generated/torch.stft.html](https://pytorch.org/docs/stable/generated/torch.stft.html)

{{navigation}}
""",
    ),
]
