# Chapter 06: separating speech, and what the encoder buys. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
# Every step the chapter teaches is written in a cell in plain torch and checked against tasnet_edu.core with an
# assert; te.ch06 only draws figures.
CELLS = [
    md(
        en=r"""
# 06 Separating speech: what the encoder buys

**After this chapter you can**

- run a complete (tiny) TasNet on a mixture of two real people stage by stage, print the shape after every stage,
  and end with exactly what `model(mixture)` returns;
- write the decoder's overlap-add, SI-SNR and two-speaker PIT in a few lines of torch, checked against the package,
  and build your own batched versions in the exercises;
- write one training step: forward, PIT SI-SNR loss, backward, gradient clipping, Adam;
- test the document's claim that separation is easier in a feature space than on the raw waveform (the same separator
  with four encoders, compared mixture by mixture), say what the numbers show and what they do not, and whether this
  model runs in real time (throughput *and* latency).

**Prerequisites**: chapters 01–05. **Time**: about 130 min.

The document ends with the reason for the whole encoder: "因为后面要做：语音分离" — separation is easier in the
encoder's feature space than on the raw waveform (its claim; this chapter tests it). The encoder turns a mixture into a **decomposable** representation:
every frame of the mixture is approximately a weighted sum of $N$ basis signals, and the strength map holds the weights
(that is why the document calls it `mixture_w`). TasNet separates by splitting the weights between the speakers, one
mask per speaker, and a decoder turns each speaker's weights back into sound. With hop $H = L/2$ (chapter 01):

$$
w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad
\hat s_i[t] = \sum_{k=0}^{K-1} \sum_{n=1}^{N} m_{i,n,k}\, w_{n,k}\; b_n[t - kH],
$$

with masks $0 \le m_{i,n,k} \le 1$ from the separator and decoder basis signals $b_n$ of $L$ samples. The decoder does
not *pick* basis signals: every frame adds up **all** $N$ of them, each weighted by its masked strength, and
overlapping frames are added (overlap-add).

The model here was trained **only on synthetic voices** (chapter 05 says how); the mixtures below are **real people**
it never heard.
""",
        zh=r"""
# 第 6 章　语音分离：编码器带来了什么

**学完本章，你将能够**

- 在两个真人说话的混合语音上一步一步地运行一个完整的（小型）TasNet，打印每一步之后的形状，最后得到的结果与 `model(mixture)` 完全相同；
- 用几行 torch 写出解码器的重叠相加、SI-SNR 和两个说话人的 PIT，并和课程的包核对；在练习里自己写出它们的批量版本；
- 写出一个训练步：前向计算、PIT SI-SNR 损失、反向传播、梯度裁剪、Adam 更新；
- 检验原文“在特征空间里分离比在原始波形上容易”的说法（同一个分离器配四种编码器，逐个混合地配对比较），说清这些数字说明了什么、没说明什么，
  以及这个模型能不能实时运行（吞吐量**和**延迟）。

**先修知识**：第 1–5 章。**用时**：约 130 分钟。

原文最后说出了编码器存在的理由：“因为后面要做：语音分离”——在编码器的特征空间里做分离，比直接在原始波形上做容易（这是原文的说法，本章会检验它）。
编码器把混合语音变成一种**可分解**的表示：混合语音的每一帧近似等于 $N$ 条基信号的加权和，强度图存的就是这些权重
（所以原文把它叫作 `mixture_w`，w 即 weight）。TasNet 的分离办法是把权重分给各个说话人，每个说话人一张掩码（mask），
再由解码器（decoder）把每个说话人的权重变回声音。记帧移 $H = L/2$（第 1 章）：

$$
w_{n,k} = \mathrm{ReLU}\Big(\sum_{l=0}^{L-1} u_n[l]\, x[kH + l]\Big), \qquad
\hat s_i[t] = \sum_{k=0}^{K-1} \sum_{n=1}^{N} m_{i,n,k}\, w_{n,k}\; b_n[t - kH],
$$

其中 $0 \le m_{i,n,k} \le 1$ 是分离器（separator）给出的掩码，$b_n$ 是解码器中长为 $L$ 的基信号。解码器并不是“挑出”某几条基信号，
而是每一帧都把**全部** $N$ 条基信号按各自被掩码后的强度加权求和，相邻帧再重叠相加（overlap-add）。

这里的模型**只用合成声音训练过**（训练方法见第 5 章）；下面的混合语音来自它从没听过的**真人**。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("06")
"""),
    md(
        en="""
## Two real people at once

The real test set comes with the course: 12 recordings of real people from Debian's `codec2-examples` package
(LGPL-2.1; the licence and the list are in `tasnet_edu/data/real`). Some are clean; others, named after amateur-radio
call signs (`vk5qi`, `ve9qrp`, `g3plx`), carry radio noise and a narrow band. No training clip comes from them. A fixed
list pairs every two recordings once (up to 2 s each, at levels 5 dB apart at most, as in the Conv-TasNet recipe);
this chapter uses the first pair of the list, not a chosen best one. The cell prints the two files, the level of the
first speaker relative to the second (negative: the first is quieter), and the mixture's shape; then plays the
mixture and the two speakers alone.
""",
        zh="""
## 两个真人同时说话

真人测试集是课程自带的：12 段真人录音，来自 Debian 的 `codec2-examples` 软件包（LGPL-2.1 许可；许可证和录音列表在
`tasnet_edu/data/real` 里）。有的录音很干净；有的以业余无线电呼号命名（`vk5qi`、`ve9qrp`、`g3plx`），带着无线电的噪声，频带也窄。
训练数据里没有一条来自这些录音。一张固定的列表让每两段录音配对一次（每段最长 2 秒，两人的电平最多相差 5 dB，和 Conv-TasNet 的训练配方一样）；
本章用的是列表里的第一对，不是挑出来的最好的一对。下面的单元格打印两个文件名、第一个说话人相对第二个说话人的电平
（负数表示第一个人的声音更小）和混合语音的形状，然后依次播放混合语音和两个说话人各自的声音。
""",
    ),
    code("""
from tasnet_edu.core.speakers import real_mixtures

example = real_mixtures(1)[0]
mixture, sources = example["mixture"], example["sources"]       # en: [T], [2, T] // zh: [T]，[2, T]
assert torch.allclose(sources.sum(0), mixture)                  # en: the microphone records the sum // zh: 麦克风录到的是两者之和
level = 10 * torch.log10(sources[0].pow(2).sum() / sources[1].pow(2).sum())
print(example["files"], f"{level:+.2f} dB", list(mixture.shape))
display(Audio(mixture.numpy(), rate=8000), Audio(sources[0].numpy(), rate=8000), Audio(sources[1].numpy(), rate=8000))
"""),
    md(
        en="""
## The separator, printed

`te.load_pretrained()` loads the course's trained TinyTasNet. The cell prints its parts (the separator's twelve blocks have the same layers and differ in their weights and dilation, so one is printed): the encoder (the
document's `Conv1d(1, N, L, stride=L // 2, bias=False)` + ReLU), the separator, a temporal convolutional network as in
Conv-TasNet, and the decoder, a `ConvTranspose1d`. Inside the separator: a global layer norm (gLN: one mean and one
variance over all channels *and all frames* of the clip), a 1×1 "bottleneck" conv from $N$ to $B$ channels, then
$R$ repeats of $X$ blocks. Each block widens to $H$ channels, filters every channel on its own along time with $P$ taps
spaced $d$ frames apart (a dilated depthwise conv, $d = 1, 2, 4, \\dots$), narrows back to $B$ and adds its input
(a residual). A last 1×1 conv gives $S \\times N$ channels, and a sigmoid turns them into masks between 0 and 1.
""",
        zh="""
## 把分离器打印出来

`te.load_pretrained()` 读取课程自带的、训练好的 TinyTasNet。下面的单元格把它的各个部分打印出来（分离器的 12 个卷积块结构相同，只是权重和空洞间隔不同，所以只打印一个）：编码器（原文的
`Conv1d(1, N, L, stride=L // 2, bias=False)` 加 ReLU）、分离器（和 Conv-TasNet 一样，是一个时间卷积网络），以及解码器
（一个 `ConvTranspose1d`）。分离器内部：先是全局层归一化（global layer norm，gLN：对整段音频的所有通道**和所有帧**只算一个均值、一个方差），
再是一个 1×1 的“瓶颈”（bottleneck）卷积，把 $N$ 个通道压到 $B$ 个，然后是 $R$ 轮、每轮 $X$ 个卷积块。每个卷积块先把通道扩到 $H$ 个，
再让每个通道各自沿时间方向滤波：$P$ 个抽头，相邻抽头隔 $d$ 帧（空洞深度可分离卷积，dilated depthwise conv，$d = 1, 2, 4, \\dots$），
然后把通道压回 $B$ 个，并加上块的输入（残差连接）。最后一个 1×1 卷积给出 $S \\times N$ 个通道，sigmoid 把它们变成 0 到 1 之间的掩码。
""",
    ),
    code("""
model = te.load_pretrained()
net = model.separator.net                             # en: the separator's layers, in order // zh: 分离器的各层，按顺序
print(model.encoder, model.decoder, sep="\\n")
print(*net[:3], "...", *net[-2:], sep="\\n")           # en: gLN, bottleneck, block 1, ..., PReLU, mask conv // zh: gLN、瓶颈、第 1 个卷积块……PReLU、掩码卷积
blocks = net[2:-2]
dilations = [block.net[3].dilation[0] for block in blocks]   # en: the depthwise conv's dilation d // zh: 深度可分离卷积的空洞间隔 d
print("len(blocks) =", len(blocks), "| dilations =", dilations)
n_weights = sum(p.numel() for p in model.parameters())
print("n_weights =", n_weights)
"""),
    md(
        en="""
## Every stage by hand

The cell runs the model's stages one at a time on the mixture and prints each tensor's shape: `M` clips, `N` templates,
`K` frames, `B` bottleneck channels, `S` speakers. First the padding: one hop of zeros at both ends, and enough at the
end that the frames tile the input exactly, so every sample lies in two frames and none is dropped (compare chapter
01's dropped samples). The last line checks that the stages give exactly what `model(mixture)` gives.
""",
        zh="""
## 一步一步地运行每个阶段

下面的单元格在混合语音上逐个运行模型的各个阶段，并打印每个张量的形状：`M` 段音频、`N` 个模板、`K` 帧、`B` 个瓶颈通道、`S` 个说话人。
第一步是补零：两端各补一个帧移的零，末尾再补足够的零，让帧正好铺满输入；这样每个采样点都落在两帧里，一个也不丢（对比第 1 章里被丢掉的采样点）。
最后一行检查：逐步算出的结果和 `model(mixture)` 完全相同。
""",
    ),
    code("""
import torch.nn.functional as F

L, hop, T = model.L, model.hop, len(mixture)
separator = model.separator.net                     # en: gLN, bottleneck, blocks..., PReLU, mask conv // zh: gLN、瓶颈、卷积块……、PReLU、掩码卷积
with torch.no_grad():
    x = mixture[None]                                          # en: [M, T] // zh: [M, T]
    padded = F.pad(x[:, None], (hop, -(T - L) % hop + hop))    # en: [M, 1, T'] // zh: [M, 1, T']
    w = torch.relu(F.conv1d(padded, model.encoder.templates, stride=hop))   # en: encoder: [M, N, K] // zh: 编码器：[M, N, K]
    assert torch.equal(w, model.encode(x))
    print("x", list(x.shape), "-> padded", list(padded.shape), "-> w", list(w.shape))
    h = separator[0](w)                                        # en: gLN // zh: gLN
    print("gLN", list(h.shape))
    h = separator[1](h)                                        # en: bottleneck 1x1 conv // zh: 瓶颈 1×1 卷积
    print("separator[1]", list(h.shape))
    blocks = separator[2:-2]
    for block in blocks:
        h = block(h)                                           # en: h + net(h): the residual // zh: h + net(h)：残差
    print("len(blocks) =", len(blocks), "->", list(h.shape))
    h = separator[-1](separator[-2](h))                        # en: PReLU, then 1x1 conv to S * N channels // zh: PReLU，再用 1×1 卷积得到 S * N 个通道
    print("separator[-2:]", list(h.shape))
    S, N, K = model.separator.S, w.shape[1], w.shape[2]
    masks = torch.sigmoid(h).view(1, S, N, K)                  # en: [M, S, N, K], between 0 and 1 // zh: [M, S, N, K]，在 0 到 1 之间
    masked = masks * w[:, None]                                # en: each speaker's part of the map // zh: 每个说话人在强度图里的那一份
    print("masks", list(masks.shape), "masked", list(masked.shape))
    estimates = model.decode(masked, T)                        # en: decoder, padding cut off: [M, S, T] // zh: 解码器，去掉补的零：[M, S, T]
    print("estimates", list(estimates.shape))
    assert torch.equal(estimates, model(x))
"""),
    md(
        en="""
## The decoder is overlap-add

`model.decode` calls the decoder, a `ConvTranspose1d(N, 1, L, stride=L // 2, bias=False)`. Its weight holds the $N$
basis signals $b_n$, each $L$ samples long. Written out: for every frame $k$, add up all $N$ basis signals weighted by
the masked map's column $k$, and add the result into the output at sample $kH$. Frames overlap by half, so every
output sample is the sum of two frames' contributions. The cell does exactly that with a loop over the frames, then
checks it against `torch.nn.functional.conv_transpose1d` and against the model's decoder.
""",
        zh="""
## 解码器就是重叠相加

`model.decode` 调用的解码器是一个 `ConvTranspose1d(N, 1, L, stride=L // 2, bias=False)`。它的权重就是 $N$ 条基信号 $b_n$，每条长 $L$ 个采样点。
写开来就是：对每一帧 $k$，用被掩码后的强度图的第 $k$ 列作为权重，把全部 $N$ 条基信号加权求和，再把结果加到输出的第 $kH$ 个采样点开始的位置上。
相邻帧重叠一半，所以每个输出采样点都是两帧贡献之和。下面的单元格用一个逐帧的循环照此计算，然后和
`torch.nn.functional.conv_transpose1d` 以及模型自己的解码器核对。
""",
    ),
    code("""
basis = model.decoder.weight[:, 0, :].detach()       # en: [N, L]: the N basis signals b_n // zh: [N, L]：N 条基信号 b_n
parts = masked[0]                                    # en: [S, N, K] // zh: [S, N, K]
by_hand = torch.zeros(S, (K - 1) * hop + L)
for k in range(K):
    by_hand[:, k * hop : k * hop + L] += parts[:, :, k] @ basis   # en: frame k: all N basis signals, weighted, added at k * hop // zh: 第 k 帧：N 条基信号加权求和，加到 k * hop 处
with torch.no_grad():
    library = F.conv_transpose1d(parts, model.decoder.weight, stride=hop)[:, 0]
print(list(basis.shape), list(by_hand.shape), "->", list(by_hand[:, hop : hop + T].shape))
assert torch.allclose(by_hand, library, atol=1e-5)
assert torch.allclose(by_hand[:, hop : hop + T], estimates[0], atol=1e-5)   # en: cut the padding: the model's output // zh: 去掉补的零：就是模型的输出
"""),
    md(
        en="""
These are the document's "N basis functions": the decoder's weight. Below, 16 of the 64, every fourth in order of the
frequency where each is strongest (its peak, found with a zero-padded FFT as in chapter 05). Compare them with the
encoder's templates there: the decoder learned its own set, with no tie to the encoder's.
""",
        zh="""
这就是原文说的“N 个基函数”：解码器的权重。下面按每条基信号最强的频率（用补零的 FFT 找峰值，和第 5 章一样）排好序，每隔三条取一条，画出 64 条中的 16 条。
可以和第 5 章里编码器的模板比一比：解码器学的是自己的一套，和编码器的模板没有绑定在一起。
""",
    ),
    code("""
import matplotlib.pyplot as plt

peak_hz = torch.fft.rfft(basis, n=512).abs().argmax(-1) * 8000 / 512   # en: each b_n's peak frequency // zh: 每条 b_n 的峰值频率
order = torch.argsort(peak_hz, stable=True)
fig, axes = plt.subplots(2, 8, figsize=(12, 3), sharey=True)
for ax, n in zip(axes.flat, order[::4]):
    ax.plot(basis[n].numpy())
    ax.set_title(f"b_{int(n)}: {float(peak_hz[n]):.0f} Hz", fontsize=8)
    ax.set_xticks([])
print(list(basis.shape), "| peak_hz < 1000:", int((peak_hz < 1000).sum()), "/", len(peak_hz))
"""),
    md(
        en=r"""
## Scoring: SI-SNR

**SI-SNR** (scale-invariant signal-to-noise ratio) compares an estimate $\hat s$ with the true source $s$, both with
their means removed. TasNet (Luo & Mesgarani 2018) introduced it as the *training objective* of a separator;
Le Roux et al. (2019) analysed it under the name SI-SDR:

$$
s_{\text{target}} = \frac{\langle \hat s, s\rangle}{\lVert s\rVert^2}\, s, \qquad
e = \hat s - s_{\text{target}}, \qquad
\text{SI-SNR} = 10 \log_{10} \frac{\lVert s_{\text{target}}\rVert^2}{\lVert e\rVert^2}\ \text{dB}.
$$

Scaling the estimate scales $s_{\text{target}}$ and $e$ alike, so the score does not change: a quieter but clean
output is not punished. (This is a property of the *score*. It is not the encoder's `bias=False` property from
chapter 03, where scaling the *input* scales the strength map.) **SI-SNRi** is the improvement over doing nothing:
$\text{SI-SNR}(\hat s, s) - \text{SI-SNR}(x, s)$ for the mixture $x$. Four lines of torch for two signals of shape
`[T]` (exercise 06.2 writes the batched version), checked against `tasnet_edu.core.metrics.si_snr`; the cell prints the mixture's SI-SNR against each speaker, then the SI-SNR of every
output against every speaker (rows: outputs, columns: speakers).
""",
        zh=r"""
## 打分：SI-SNR

**SI-SNR**（尺度不变信噪比，scale-invariant signal-to-noise ratio）把估计 $\hat s$ 和真实声源 $s$ 都减去均值后再比较。
TasNet（Luo 与 Mesgarani，2018）最早把它用作分离网络的**训练目标**；Le Roux 等（2019）以 SI-SDR 的名字对它做了分析：

$$
s_{\text{target}} = \frac{\langle \hat s, s\rangle}{\lVert s\rVert^2}\, s, \qquad
e = \hat s - s_{\text{target}}, \qquad
\text{SI-SNR} = 10 \log_{10} \frac{\lVert s_{\text{target}}\rVert^2}{\lVert e\rVert^2}\ \text{dB}.
$$

把估计整体放大或缩小，$s_{\text{target}}$ 和 $e$ 按同样的倍数变化，分数不变，所以“声音小但干净”的输出不会被扣分。
（这是**打分方法**的性质，和第 3 章里编码器 `bias=False` 的性质不是一回事：那里说的是**输入**放大几倍，强度图也跟着放大几倍。）
**SI-SNRi** 是相对“什么都不做”的提升：$\text{SI-SNR}(\hat s, s) - \text{SI-SNR}(x, s)$，$x$ 是混合语音。
下面用四行 torch 写出两个形状为 `[T]` 的信号之间的 SI-SNR（练习 06.2 写出批量的版本），并和 `tasnet_edu.core.metrics.si_snr` 核对；单元格先打印混合语音相对每个说话人的 SI-SNR，
再打印每一路输出相对每个说话人的 SI-SNR（行：输出，列：说话人）。
""",
    ),
    code("""
from tasnet_edu.core.metrics import si_snr

def si_snr_by_hand(estimate, reference):             # en: two signals [T] // zh: 两个信号 [T]
    estimate, reference = estimate - estimate.mean(), reference - reference.mean()   # en: zero mean // zh: 减去均值
    target = (estimate @ reference) / (reference @ reference) * reference           # en: projection on the reference // zh: 投影到参考信号上
    noise = estimate - target
    return 10 * torch.log10((target @ target) / (noise @ noise))                    # en: ratio of energies, in dB // zh: 能量之比，单位 dB

outputs = estimates[0]                               # en: [S, T], in the model's own order // zh: [S, T]，按模型自己的顺序
for e, s in [(mixture, sources[0]), (outputs[0], sources[1]), (outputs[1], sources[0])]:
    assert torch.allclose(si_snr_by_hand(e, s), si_snr(e, s), atol=1e-3)
assert torch.allclose(si_snr_by_hand(0.3 * outputs[0], sources[0]), si_snr_by_hand(outputs[0], sources[0]), atol=1e-3)  # en: scale-invariant // zh: 与尺度无关
print("mixture:", [round(float(si_snr_by_hand(mixture, s)), 1) for s in sources])
print("outputs:", [[round(float(si_snr_by_hand(e, s)), 1) for s in sources] for e in outputs])
"""),
    md(
        en=r"""
## Which output is which speaker? PIT

The model's two outputs come in no fixed order: nothing tells output 1 to be the first speaker. So both pairings are
scored, (output 1, speaker 1) + (output 2, speaker 2) and the swapped one, and the better mean counts. That is
**permutation invariant training** (PIT; Yu et al. 2017), in the *utterance-level* form that Conv-TasNet uses
(Kolbæk et al. 2017): one pairing for the whole clip. The same rule scores SI-SNRi. For two speakers it is two lines,
checked against `tasnet_edu.core.metrics.pit_si_snr` and `si_snr_improvement`.
""",
        zh=r"""
## 哪一路输出是哪个说话人？PIT

模型的两路输出没有固定顺序：没有什么规定第 1 路必须是第一个说话人。所以两种配对都要算：（输出 1，说话人 1）+（输出 2，说话人 2），
以及交换后的那一种，取平均分更高的那个。这就是**排列不变训练**（permutation invariant training，PIT；Yu 等，2017），
用的是 Conv-TasNet 采用的**整句级**形式（utterance-level，Kolbæk 等，2017）：整段音频只选一种配对。SI-SNRi 也按同样的规则打分。
两个说话人时只要两行，下面和 `tasnet_edu.core.metrics.pit_si_snr`、`si_snr_improvement` 核对。
""",
    ),
    code("""
from tasnet_edu.core.metrics import pit_si_snr, si_snr_improvement

straight = (si_snr_by_hand(outputs[0], sources[0]) + si_snr_by_hand(outputs[1], sources[1])) / 2
swapped = (si_snr_by_hand(outputs[0], sources[1]) + si_snr_by_hand(outputs[1], sources[0])) / 2
best = torch.maximum(straight, swapped)
mixture_score = (si_snr_by_hand(mixture, sources[0]) + si_snr_by_hand(mixture, sources[1])) / 2   # en: the mixture as both outputs // zh: 两路都输出混合语音
improvement = best - mixture_score                                 # en: SI-SNRi // zh: SI-SNRi

package_best, perm = pit_si_snr(estimates, sources[None])          # en: perm[0][i]: the speaker output i matches // zh: perm[0][i]：第 i 路输出对应的说话人
assert torch.allclose(best, package_best[0], atol=1e-3) and bool(swapped > straight) == (perm[0].tolist() == [1, 0])
assert torch.allclose(improvement, si_snr_improvement(estimates, sources[None], mixture[None])[0], atol=1e-3)
print("swapped:", bool(swapped > straight), "| PIT SI-SNR:", round(float(best), 1), "dB | SI-SNRi:", round(float(improvement), 1), "dB")
"""),
    md(
        en="""
## Every stage in one figure

Now that PIT says which output is which speaker, the outputs and masks are put in the speakers' order and drawn:
the mixture, the strength map, the two masks (how much of each entry belongs to each speaker), and each separated
speaker with its error (the part SI-SNR counts as noise). The maps show the loudest half second, rows sorted by each
template's peak frequency, so they read like a spectrogram; the tick labels give the peak frequency of the row they
mark (the rows are templates, so the ticks are not evenly spaced in Hz). The maps flicker from frame to frame: a
template fires only when the wave's phase matches it (chapters 03–04), and frames start only 1 ms apart. Then listen
to the two separated speakers.
""",
        zh="""
## 一张图看全每个阶段

既然 PIT 已经告诉我们哪一路输出是哪个说话人，就把输出和掩码按说话人的顺序排好再画出来：混合语音、强度图、两张掩码
（每个元素有多少属于哪个说话人），以及分离出的每个说话人和它的误差（SI-SNR 算作噪声的部分）。图中只画最响的半秒，
行按每个模板的峰值频率排序，这样读起来就像语谱图；纵轴刻度标的是该行模板的峰值频率（行是模板，所以刻度在 Hz 上并不均匀）。
图上一帧一帧地闪烁：只有当波形的相位和模板对上时，模板才有响应（第 3、4 章），而相邻两帧只相隔 1 毫秒。然后听一听分离出的两个说话人。
""",
    ),
    code("""
order = torch.argsort(perm[0])                       # en: the output that matches speaker 1, speaker 2 // zh: 与说话人 1、说话人 2 对应的输出
separated, speaker_masks = outputs[order], masks[0][order]
fig = te.ch06.plot_pipeline(model, mixture, sources, w[0], speaker_masks, separated)
display(Audio(separated[0].numpy(), rate=8000), Audio(separated[1].numpy(), rate=8000))
"""),
    md(
        en="""
The dark horizontal stripes that cross both mask panels are templates the separator switches off for *both* speakers:
whatever they carry is dropped. Nothing forbids that, because the masks are sigmoids, one per speaker, not forced to
add up to 1. The cell counts the templates whose mask stays below 0.1 for both speakers in at least 95% of the frames,
their share of the map's energy, and how the two masks add up on the other templates (median).
""",
        zh="""
两张掩码图上贯穿左右的深色横条，是分离器对**两个**说话人都关掉的模板：它们携带的内容被整个丢掉了。
这并不违反什么规则，因为掩码是 sigmoid，每个说话人一张，并不要求加起来等于 1。下面的单元格数一数：有多少个模板在至少 95% 的帧里、
对两个说话人的掩码都低于 0.1；它们占强度图能量的多少；在其余模板上，两张掩码加起来是多少（中位数）。
""",
    ),
    code("""
off = (speaker_masks < 0.1).float().mean(-1).min(0).values >= 0.95   # en: [N]: off for every speaker in >= 95% of frames // zh: [N]：在 ≥ 95% 的帧里对每个说话人都关掉
energy = w[0].pow(2).sum(-1)                                          # en: [N]: each template's energy in the map // zh: [N]：每个模板在强度图里的能量
print("off.sum() =", int(off.sum()), "/", N, "| energy[off].sum() / energy.sum() =", f"{float(energy[off].sum() / energy.sum()):.0%}")
print("speaker_masks[:, ~off].sum(0).median() =", f"{float(speaker_masks[:, ~off].sum(0).median()):.2f}")
"""),
    md(
        en="""
## Each separated speaker against the speaker alone

A score says how much of an estimate is wrong, not what. Spectrograms show it: the cell draws the magnitude of a
32 ms STFT (8 ms hop, as for the oracle masks below) of each speaker alone, left, and of the model's estimate of that
speaker, right. Each panel is in dB below its own loudest entry: SI-SNR ignores the estimate's scale, so the panels
do too. Compare each row's two panels and look for:

- **the other voice where this one is silent.** Speaker 1 is silent in the last half second, yet its estimate there
  still shows faint lines: speaker 2's last word. Speaker 2 says nothing in the first quarter second, and faint
  traces of speaker 1 appear in its estimate there, mostly above 2000 Hz;
- **the other voice's harmonics on top of this one.** A voiced sound is a stack of evenly spaced horizontal lines
  (harmonics) at multiples of its pitch; speaker 2's lines are spaced wider than speaker 1's (a higher voice). Where
  both talk at once, a leak keeps the other speaker's pattern: about half a second in, speaker 2's rising stripes
  above 2000 Hz show through in speaker 1's estimate;
- **what the estimate lost.** Above 1000 Hz, speaker 2's estimate is dimmer than its reference in places (after the
  first second, for instance); part of what is missing turns up in speaker 1's estimate instead.

The cell also measures the leaks: the share of each signal's energy that lies in the time-frequency bins where the
*other* speaker alone is at least 10 dB louder. A perfect estimate would have the reference's share; compare the two
lists.
""",
        zh="""
## 分离出的每个说话人与其单独的声音对照

分数只告诉我们估计错了多少，却不告诉我们错在哪里，语谱图能让我们看到。下面的单元格画出 32 毫秒 STFT 的幅度（帧移 8 毫秒，和后面的理想掩码一样）：
左边是每个说话人单独的声音，右边是模型对这个说话人的估计。每张图都以自身的最大值为 0 dB：SI-SNR 不管估计的音量大小，这些图也不管。
逐行对比左右两张图，留意以下几点：

- **这个人不说话的地方，出现了另一个人的声音。** 说话人 1 在最后半秒没有说话，可说话人 1 的估计在那里仍有淡淡的横线，那是说话人 2 的最后一个词。
  说话人 2 在开头的四分之一秒里没有说话，说话人 2 的估计里却有说话人 1 留下的淡淡痕迹，大多在 2000 Hz 以上；
- **叠在这个人身上的、另一个人的谐波。** 浊音是一组等间距的横线（谐波），位于音高的整数倍处；说话人 2 的横线间隔比说话人 1 的宽（说话人 2 的音高更高）。
  两人同时说话时，漏进来的声音保留着另一个人的样子：大约半秒处，说话人 2 在 2000 Hz 以上向上倾斜的条纹透进了说话人 1 的估计；
- **估计丢掉了什么。** 在 1000 Hz 以上，说话人 2 的估计有些地方比参考暗（比如第一秒之后），缺掉的一部分反而出现在说话人 1 的估计里。

单元格还量出了这些泄漏：每个信号有多少能量落在“另一个说话人单独就比它至少响 10 dB”的时频单元里。完美的估计，这个比例应当和参考的相同；请对比两组数字。
""",
    ),
    code("""
window = torch.hann_window(256)                      # en: 32 ms at 8 kHz // zh: 8 kHz 下的 32 毫秒
def magnitude(x):                                    # en: [..., T] -> [..., 129, frames], 0 to 4000 Hz // zh: [..., T] -> [..., 129, 帧数]，0 到 4000 Hz
    return torch.stft(x, 256, hop_length=64, window=window, return_complex=True).abs()

references, estimated = magnitude(sources), magnitude(separated)     # en: [2, 129, 251] each // zh: 各为 [2, 129, 251]
fig = te.ch06.plot_spectrograms(references, estimated, hop_seconds=64 / 8000)
other_louder = references.flip(0) ** 2 >= 10 * references ** 2       # en: the other speaker >= 10 dB louder // zh: 另一个说话人至少响 10 dB
def in_other_bins(spectrograms):                     # en: [2, F, K] -> [2]: energy share in those bins // zh: [2, F, K] -> [2]：落在这些单元里的能量占比
    power = spectrograms ** 2
    return (power * other_louder).sum((1, 2)) / power.sum((1, 2))
print(list(references.shape), "references:", [f"{v:.1%}" for v in in_other_bins(references)],
      "| estimated:", [f"{v:.1%}" for v in in_other_bins(estimated)])
"""),
    md(
        en="""
## How far does the separator look, and is it real time?

Each block's depthwise conv sees $P$ frames spaced $d$ apart, so it widens what one output frame depends on by
$(P - 1)\\,d$ frames. The cell adds that up over the blocks (dilations read from the model), turns frames into
samples ($L$ samples for one frame, $H$ more for every further frame) and into milliseconds. The convs are padded
symmetrically, so half of this receptive field lies in the **future**: the model is **not causal**. Worse for
streaming, gLN normalises with the mean and variance of the *whole clip*: the second check changes only the last
half second of the input and watches the first 100 output samples, far outside the receptive field, change too.
So as written the model needs the whole clip before it can output anything; a streaming separator needs causal convs
and a causal normalisation (Conv-TasNet has such a causal variant, with cumulative layer norm).
""",
        zh="""
## 分离器往前后看多远？能实时运行吗？

每个卷积块里的深度可分离卷积看 $P$ 帧、相隔 $d$ 帧，所以它让一个输出帧所依赖的范围变宽 $(P - 1)\\,d$ 帧。
下面的单元格把所有卷积块的这个量加起来（空洞间隔 $d$ 直接从模型里读出），再换算成采样点（第一帧 $L$ 个采样点，之后每多一帧多 $H$ 个）和毫秒。
卷积两边对称地补零，所以这个感受野（receptive field）有一半落在**未来**：模型**不是因果的**（causal）。对流式处理来说更糟的是，
gLN 用的是**整段音频**的均值和方差：第二项检查只改动输入的最后半秒，却看到最前面 100 个输出采样点也变了，而它们远在感受野之外。
所以照现在的写法，模型必须拿到整段音频才能输出；要做流式分离，需要因果卷积和因果的归一化（Conv-TasNet 有这样的因果版本，用累积层归一化）。
""",
    ),
    code("""
P = model.cfg.P
dilations = [block.net[3].dilation[0] for block in blocks]          # en: 1, 2, 4, ... in every repeat // zh: 每一轮都是 1, 2, 4, ...
frames = 1 + sum((P - 1) * d for d in dilations)
samples = (frames - 1) * hop + L
future = sum((P - 1) // 2 * d for d in dilations) * hop + L          # en: samples after the start of the current frame // zh: 当前帧起点之后需要的采样点
print("dilations =", dilations)
print("frames =", frames, "| samples =", samples, "|", samples / model.sample_rate * 1000, "ms")
print("future =", future, "|", future / model.sample_rate * 1000, "ms")
changed = mixture.clone()
changed[-4000:] *= 2                                                # en: only the last 0.5 s // zh: 只改最后 0.5 秒
with torch.no_grad():
    moved = (model(changed[None])[..., :100] - estimates[..., :100]).abs().max()
print("changed[:100] =", bool(moved > 0))
"""),
    md(
        en="""
Speed is the other half of "real time". Speech people quote the **real-time factor** RTF = processing time / audio
length (smaller is faster; below 1 keeps up with the audio). The cell times the separation of 4 s of audio three
times after a warm-up and keeps the fastest; timings vary from run to run and machine to machine, so the cell after it checks only that the model keeps
up. A small RTF is throughput, not latency: with the whole clip needed first, the delay is at least the clip's length
plus the processing time.
""",
        zh="""
“实时”的另一半是速度。语音领域通常用**实时率**（real-time factor，RTF）= 处理时间 / 音频时长（越小越快；小于 1 才跟得上音频）。
下面的单元格先预热一次，再对 4 秒音频计时分离三次，取最快的一次；每次运行、每台机器的计时都不一样，所以后面那个单元格只检查模型是否跟得上。
RTF 小说的是吞吐量，不是延迟：既然要先拿到整段音频，延迟至少是这段音频的时长再加上处理时间。
""",
    ),
    code("""
import time

four_seconds = 0.1 * torch.randn(1, 4 * model.sample_rate)
with torch.no_grad():
    model(four_seconds)                               # en: warm-up // zh: 预热
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        out = model(four_seconds)
        timings.append(time.perf_counter() - start)
rtf = min(timings) / 4                                # en: the best of three runs // zh: 三次中最快的一次
print(f"RTF = {rtf:.4f} = 1/{1 / rtf:.0f}")
""", tags=["nbval-ignore-output"]),
    code("""
assert rtf < 1, rtf
print(list(out.shape), rtf < 1)
"""),
    md(
        en="""
## Is separation easier in the encoder's space? An experiment

The document says so; here is a test. Take the *same* oracle, the ideal ratio mask (each entry split between the
speakers in proportion to the true speakers' magnitudes there), and apply it in three places: to the waveform's
samples, to a 32 ms STFT, and to the model's strength map (decoded by the model's decoder). For each place, over all
66 real test mixtures: how well the mask separates (SI-SNRi, dB), and how much of the energy sits in entries where one
speaker holds at least 90% of it. A fourth row gives that share for the encoder's scores *before* the ReLU, and the
last line how well the decoder rebuilds the mixture from its unmasked map (`decode(encode(x))`, SI-SNR against $x$).
""",
        zh="""
## 在编码器空间里分离真的更容易吗？做个实验

原文这么说，我们来检验一下。用**同一种**理想（oracle）掩码——理想比值掩码：每个元素按两个真实说话人在该处的幅度比例分给他们——
分别加在三个地方：波形的采样点上、32 毫秒的 STFT 上、模型的强度图上（再用模型的解码器还原）。对每个地方，统计全部 66 个真人测试混合：
掩码分得有多好（SI-SNRi，dB），以及有多少能量落在“一个说话人占了至少 90%”的元素里。第四行给出编码器在 ReLU **之前**的分数的这一比例；
最后一行是解码器从不加掩码的强度图还原混合语音的效果（`decode(encode(x))` 相对 $x$ 的 SI-SNR）。
""",
    ),
    code("""
from tasnet_edu.core.metrics import ideal_mask_separation

def dominated(energies):                             # en: [S, ...]: share of the energy in cells one speaker holds >= 90% of // zh: [S, ...]：一个说话人占 ≥ 90% 的元素里的能量占比
    total = energies.sum(0)
    return float(total[energies.max(0).values >= 0.9 * total].sum() / total.sum())

def gain(separated, s, x):
    return float(si_snr_improvement(separated[None], s[None], x[None])[0])

si_snri = {"samples": [], "stft": [], "map": []}
share = {"samples": [], "stft": [], "map": [], "scores": []}
rebuilt = []
window = torch.hann_window(256)
with torch.no_grad():
    for m in real_mixtures():
        x, s = m["mixture"], m["sources"]
        irm = s.abs() / s.abs().sum(0).clamp_min(1e-8)                 # en: on samples // zh: 在采样点上
        si_snri["samples"].append(gain(irm * x, s, x))
        share["samples"].append(dominated(s**2))
        si_snri["stft"].append(gain(ideal_mask_separation(s, kind="irm"), s, x))
        share["stft"].append(dominated(torch.stft(s, 256, 64, window=window, return_complex=True).abs() ** 2))
        w_x, w_s = model.encode(x[None]), model.encode(s)             # en: [1, N, K], [S, N, K] // zh: [1, N, K]，[S, N, K]
        irm = w_s / w_s.sum(0).clamp_min(1e-8)                         # en: on the strength map // zh: 在强度图上
        si_snri["map"].append(gain(model.decode(irm[None] * w_x[:, None], len(x))[0], s, x))
        share["map"].append(dominated(w_s**2))
        share["scores"].append(dominated(model.encoder.scores(s) ** 2))   # en: before the ReLU // zh: ReLU 之前
        rebuilt.append(float(si_snr(model.decode(w_x[:, None], len(x))[0, 0], x)))
for name in share:
    score = f"{sum(si_snri[name]) / len(si_snri[name]):5.1f} dB" if name in si_snri else "    --  "
    print(f"{name!r:10s} SI-SNRi {score}   share {sum(share[name]) / len(share[name]):.0%}")
print("decode(encode(x)):", f"{sum(rebuilt) / len(rebuilt):.1f} dB")
"""),
    md(
        en="""
Read the share column first: on the waveform the two speakers share more of the energy; on the STFT, and even more
on the strength map, one speaker holds most of each entry. But compare the `map` row with the `scores` row: much of
the strength map's lead comes from the ReLU itself. Where the two speakers' scores have opposite signs (about half the
entries, chapter 03), one speaker's entry is clipped to exactly 0, so the other "holds 100%" of that entry, although
the mixture's score there is the *difference* of the two scores. And the representations are not equally redundant
(the map has about 8 entries per sample, a 32 ms STFT with 8 ms hop about 2, the waveform 1), so shares of entries
are not strictly comparable.

The SI-SNRi column measures what a mask can actually recover, and there the strength map does **not** win: on this
model the oracle on the map does no better than on the samples and worse than on the STFT. Part of the reason is the
decoder: it was trained to decode the separator's masked maps, not to rebuild every map perfectly, and the last line
shows it cannot rebuild even the unmasked mixture exactly; a decoder that loses quality on the whole map also loses
it on masked maps. So, measured: the strength map makes each entry look more like one speaker's, partly because of
the ReLU; by what a mask recovers, this model's map is no easier than the raw samples and harder than a 32 ms STFT.
The fairer test trains the same separator on each representation: the encoder ablation below. At full scale, Conv-TasNet, which learns encoder, separator and decoder together, does surpass ideal STFT masks
(Luo & Mesgarani 2019).
""",
        zh="""
先看占比那一列：在波形上，两个说话人共用的能量更多；在 STFT 上，尤其是在强度图上，每个元素的大部分由一个说话人占有。
但请对比 `map` 和 `scores` 两行：强度图的领先有很大一部分来自 ReLU 本身。在两个说话人的分数符号相反的地方（大约一半的元素，第 3 章），
其中一人的元素被截成恰好 0，另一人于是“占了 100%”，尽管混合语音在那里的分数其实是两个分数之**差**。
另外，这几种表示的冗余度并不相同（强度图每个采样点约对应 8 个元素，帧移 8 毫秒的 32 毫秒 STFT 约 2 个，波形 1 个），
所以按元素算的占比并不能严格地相互比较。

SI-SNRi 那一列量的是掩码实际能分出多少，在这一列里强度图**并没有**胜出：对这个模型来说，强度图上的理想掩码并不比采样点上的好，
而且比 STFT 上的差。部分原因在解码器：它训练时学的是还原分离器加过掩码的强度图，并没有被要求把每一张强度图都完美还原。
最后一行表明，它连不加掩码的混合语音都不能完全还原；在整张强度图上就会损失质量的解码器，在加了掩码的强度图上同样会损失。
所以实测的结论是：强度图让每个元素看起来更像只属于一个说话人，其中一部分是 ReLU 造成的；若按掩码实际能分出多少来衡量，
这个模型的强度图并不比原始采样点容易，比 32 毫秒的 STFT 还难。更公平的检验是让同一个分离器分别在各种表示上训练：见下面的编码器消融实验。
在完整规模下，把编码器、分离器和解码器一起学的 Conv-TasNet 确实超过了 STFT 上的理想掩码（Luo 与 Mesgarani 2019）。
""",
    ),
    md(
        en=r"""
## The model against the oracle masks

The baselines are the ideal masks on a 32 ms Hann STFT with 8 ms hop, computed from the *true* sources: the ideal ratio
mask (IRM), the ideal binary mask (IBM: 1 where a source is the loudest) and the Wiener-filter-like mask (WFM).
They are common oracle references, not methods (they need the answer) and not upper bounds (phase-aware masks, or
learned encoders, can do better). For source $i$ with STFT $S_i$:

$$\mathrm{IRM}_i = \frac{|S_i|}{\sum_j |S_j|}, \qquad
\mathrm{IBM}_i = \begin{cases} 1 & |S_i| = \max_j |S_j| \\ 0 & \text{otherwise} \end{cases}, \qquad
\mathrm{WFM}_i = \frac{|S_i|^2}{\sum_j |S_j|^2}.$$

(Some papers call $\sqrt{|S_i|^2 / \sum_j |S_j|^2}$ the IRM; this course uses the magnitude ratio above.)

The stored table covers every test set, mean SI-SNRi with a 95% bootstrap interval (`python tools/evaluate.py`
recomputes it): the real speakers, unseen synthetic voices and sentences, and the course's clips' test sentences. The
intervals resample mixtures as if they were independent; the 66 real mixtures reuse 12 recordings, so the true
uncertainty is larger than shown. The cell also prints the gap between the IRM and the shipped model on real speakers,
in dB and as a ratio of error power.
""",
        zh=r"""
## 模型与理想掩码的比较

对照组是 32 毫秒 Hann 窗、8 毫秒帧移的 STFT 上的理想掩码，用**真实**声源算出：理想比值掩码（IRM）、
理想二值掩码（IBM：哪个声源最响就取 1）和类维纳滤波掩码（WFM）。它们是常用的参照：
不是方法（要先知道答案），也不是上限（考虑相位的掩码、学出来的编码器都可能超过它们）。记声源 $i$ 的 STFT 为 $S_i$：

$$\mathrm{IRM}_i = \frac{|S_i|}{\sum_j |S_j|}, \qquad
\mathrm{IBM}_i = \begin{cases} 1 & |S_i| = \max_j |S_j| \\ 0 & \text{其他} \end{cases}, \qquad
\mathrm{WFM}_i = \frac{|S_i|^2}{\sum_j |S_j|^2}.$$

（有些论文把 $\sqrt{|S_i|^2 / \sum_j |S_j|^2}$ 叫作 IRM；本课程用的是上面的幅度比。）

存档的结果表覆盖所有测试集，给出 SI-SNRi 的平均值和 95% 自助法（bootstrap）置信区间（`python tools/evaluate.py` 可以重新计算）：
真人语音、没听过的合成声音和句子，以及课程自带片段的测试句。这些区间把每个混合当作相互独立来重采样；而 66 个真人混合反复用到同样的 12 段录音，
所以真实的不确定性比表中显示的更大。单元格还打印真人语音上 IRM 与课程模型之间的差距：用 dB 表示，也换算成误差功率之比。
""",
    ),
    code("""
from IPython.display import Markdown, display

from tasnet_edu.core.evaluation import markdown_table, shipped_results

results = shipped_results()
display(Markdown(markdown_table(results, te.current_language(), digits=1)))  # en: shown as a table // zh: 显示成表格
gap = results["irm"]["real"]["mean"] - results["learned"]["real"]["mean"]
print("gap =", f"{gap:.1f} dB", "| 10 ** (gap / 10) =", f"{10 ** (gap / 10):.1f}")
fig = te.ch06.plot_results(results, "real")
"""),
    md(
        en="""
Listen to what an oracle mask gives on the mixture of this chapter, next to the model's output for the same speaker
(the outputs put in the speakers' order by PIT). The IRM needs the true sources, which a real separator never has.
This chapter's pair, the first of the list, is not a typical one but an easier one: its SI-SNRi (printed in the PIT
section) is well above the model's mean on real speakers in the table, and its two voices differ clearly in pitch
(the spacing of their harmonics in the spectrograms above).
""",
        zh="""
听一听理想掩码在本章这段混合语音上的结果，旁边是模型对同一个说话人的输出（已经按 PIT 排成说话人的顺序）。IRM 要用到真实的声源，真正的分离器永远拿不到它们。
本章用的这一对（列表里的第一对）并不典型，而是比较好分的一对：它的 SI-SNRi（PIT 一节打印过）远高于表中模型在真人语音上的平均值，
两人的音高也明显不同（见前面语谱图里谐波的间隔）。
""",
    ),
    code("""
irm_estimates = ideal_mask_separation(sources, kind="irm")   # en: [2, T]: the IRM of this mixture // zh: [2, T]：这段混合的 IRM
in_order = estimates[0][perm[0].argsort()]                   # en: the model's outputs in the speakers' order // zh: 模型的输出，按说话人排好
print("irm_estimates SI-SNR (dB):", [round(float(si_snr(e, r)), 1) for e, r in zip(irm_estimates, sources)])
print("in_order      SI-SNR (dB):", [round(float(si_snr(e, r)), 1) for e, r in zip(in_order, sources)])
display(Audio(irm_estimates[0].numpy(), rate=8000), Audio(in_order[0].numpy(), rate=8000))
"""),
    md(
        en="""
Read each column with its interval. On real speakers the model trained only on synthetic speech does separate, while
the first model (10 espeak-ng voices, whose test voices were its training voices) makes real mixtures *worse* — but
both stay far below the oracle masks: the gap printed above means several times more error power than the IRM leaves.
On unseen synthetic voices the model is below the masks too; only on the course's clips, spoken by the voices it
trained on, did the first model reach the masks' level. So, honestly: this tiny model (225,881 weights, trained for
about 3.7 hours on one CPU thread in two runs and then 20 minutes on one GPU, more than 30,000 steps in all) does
**not** surpass the ideal masks on voices it has not heard. The paper's model does (WSJ0-2mix, real speech, 512
templates: Conv-TasNet 15.3 dB, IRM 12.2, IBM 13.0, WFM 13.4 dB; Luo & Mesgarani 2019). The checkpoint was chosen on
synthetic validation data, never on the real recordings, so they are a held-out test; they are not a blind one, since
the real-test curve was watched during development and the augmentation of the training data (chapter 07) was designed with
such recordings in mind.

## Which encoder? An ablation

An ablation changes one thing and keeps the rest. The table below uses the same separator and the same number of
training steps for every arm, chooses checkpoints on synthetic validation data, and scores on the real and the
unseen synthetic test sets.

**Which encoder?** Four encoders under the same separator, trained from scratch for the same steps: the document's
(learned templates + ReLU), Conv-TasNet's final linear encoder (its Table III), a fixed STFT bank with the **same**
N = 64 channels and L = 16 (32 frequencies, oversampled as in Pariente et al. 2020; two of its channels, the sines at
0 Hz and at 4 kHz, are always 0, and like any STFT its outputs are signed: no ReLU), and **no encoder to learn**: the
separator masks the frames' raw samples (identity templates, so the "map" is the frames themselves, N = L = 16). The
last arm tests the document's claim head-on: if separating is easier in a feature space than on the raw waveform, the
encoders should beat it. Here the unseen synthetic test set pools English and Mandarin in one set of 100 mixtures,
including cross-language pairs, so its numbers differ from the two language columns above (for the shipped model the
pooled score even lies above both: it separates an English voice from a Mandarin one more easily; README gives the
numbers).

The table gives each arm's mean with its interval (resampling mixtures: too narrow on the real set, as above).
Comparing two arms is sharper on the *same* mixtures: the cell
subtracts the document's encoder's score from each other arm's, mixture by mixture, and prints the mean difference
with a 95% interval (computed by `tools/ablation.py`; on the real set it resamples the 12 recordings, since the 66
mixtures share them; on the synthetic set it resamples mixtures). The cell checks the mean against the stored one. It
does so for two training runs of every arm (seeds 0 and 1; the table shows seed 0) and prints one line per run and arm:
the seed, the arm, then the difference on real voices and on synthetic voices, each with its interval. Last, each
arm's two runs side by side: its mean on synthetic voices for seed 0 / seed 1.
""",
        zh="""
看每一列时都要连同区间一起看。在真人语音上，只用合成语音训练的模型确实能分离一些，而第一版模型（10 个 espeak-ng 声音，
它的测试声音也是它的训练声音）反而让真人混合变得*更差*——但两者都远低于理想掩码：上面打印的差距意味着，模型留下的误差功率是 IRM 的好几倍。
在没听过的合成声音上，模型同样低于掩码；只有在课程自带的片段上（说话的正是它训练过的声音），第一版模型才达到掩码的水平。
所以实话实说：这个小模型（225,881 个权重，先在一个 CPU 线程上分两次训练了约 3.7 小时，又在一块 GPU 上训练了 20 分钟，前后共三万多步）
在没听过的声音上**没有**超过理想掩码。论文里的模型做到了（WSJ0-2mix，真人语音，512 个模板：Conv-TasNet 15.3 dB，IRM 12.2、IBM 13.0、WFM 13.4 dB；
Luo 与 Mesgarani 2019）。检查点是按合成验证集挑的，从没用真人录音挑选，所以真人录音是一个留出的（held-out）测试集；
但它不是“盲测”：开发过程中看过真人测试集的曲线，训练数据的增强（见第 7 章）也是照着这类录音设计的。

## 用哪种编码器？一个消融实验

消融实验（ablation）每次只改一样东西，其他都不变。下面这张表里的每一组都用同样的分离器、同样的训练步数，都在合成的验证数据上挑选检查点，
都在真人和没听过的合成测试集上打分。

**用哪种编码器？** 同一个分离器配四种编码器，都从零开始训练同样的步数：原文的（学到的模板 + ReLU）、Conv-TasNet 最终采用的线性编码器（论文表 III）、
通道数**相同**（N = 64、L = 16）的固定 STFT 滤波器组（32 个频率，像 Pariente 等 2020 那样在频率上过采样；其中 0 Hz 和 4 kHz 的两个正弦通道恒为 0，
而且和所有 STFT 一样，输出有正有负，没有 ReLU），以及**不学编码器**：分离器直接给帧里的原始采样点加掩码（模板是单位矩阵，“强度图”就是帧本身，N = L = 16）。
最后这一组正面检验原文的说法：如果在特征空间里分离真的比在原始波形上容易，各种编码器就应该胜过它。
这里的“没听过的合成声音”把英语和普通话合成一组 100 个混合，其中也有跨语言的配对，所以数字和上面分语言的两列不同
（对课程自带的模型来说，合在一起的分数甚至高于两种语言各自的分数：它把英语声音和普通话声音分开要更容易一些；具体数字见 README）。

表里给出每一组的平均值和区间（重采样的是混合，所以在真人测试集上偏窄，原因见上文）。比较两组时，在**同一批**混合上比更灵敏：单元格把每一组的得分逐个混合地减去原文编码器的得分，
打印差值的平均和 95% 区间（由 `tools/ablation.py` 算出；真人测试集上重采样的是 12 段录音，因为 66 个混合共用这些录音；合成测试集上重采样的是混合），
并核对平均值与存档的一致。它对每一组的两次训练（种子 0 和 1；表里是种子 0）都这样做，每次训练、每一组打印一行：种子、哪一组，然后是真人语音和合成语音上的差值，各带区间。
最后把每一组两次训练的得分并排打印出来：合成语音上的平均值，种子 0 / 种子 1。
""",
    ),
    code("""
from tasnet_edu.core.evaluation import ablation_results, ablation_table

ablation = ablation_results()
display(Markdown(ablation_table("encoder", te.current_language())))   # en: the runs of seed 0 // zh: 种子 0 的那次训练
for seed, (runs, paired) in enumerate([(ablation["runs"], ablation["paired"]), (ablation["runs-seed1"], ablation["paired-seed1"])]):
    for arm in ("encoder-linear", "encoder-stft", "encoder-waveform"):
        cells = []
        for test_set in ("real", "synthetic"):
            mine = torch.tensor(runs[arm][test_set]["scores"], dtype=torch.float64)
            document = torch.tensor(runs["encoder-learned"][test_set]["scores"], dtype=torch.float64)
            d = mine - document                                        # en: paired: the same mixtures // zh: 配对：同一批混合
            stored = paired[f"{arm} - encoder-learned"][test_set]      # en: mean and 95% interval, 0.01 dB // zh: 平均值和 95% 区间，精确到 0.01 dB
            assert abs(float(d.mean()) - stored["mean"]) < 0.006
            cells.append(f"{stored['mean']:+.1f} [{stored['ci95'][0]:+.1f}, {stored['ci95'][1]:+.1f}]")
        print(seed, f"{arm!r:18s}", "   ".join(cells))                # en: seed, arm, real, synthetic (dB) // zh: 种子、哪一组、真人、合成（dB）
for arm in ("encoder-learned", "encoder-linear", "encoder-stft", "encoder-waveform"):   # en: the same arm, two runs // zh: 同一组的两次训练
    means = [ablation[key][arm]["synthetic"]["mean"] for key in ("runs", "runs-seed1")]
    print(f"{arm!r:18s}", " / ".join(f"{m:.1f}" for m in means))   # en: synthetic, seed 0 / seed 1 (dB) // zh: 合成，种子 0 / 种子 1（dB）
"""),
    md(
        en="""
Read the paired differences of the first run (seed 0) alone and they seem to settle the question. On unseen synthetic
voices, the kind of speech all four arms trained on, the raw samples are 2.5 dB behind the document's encoder, with an
interval far from 0; the fixed STFT bank ties with the learned encoder, and the linear encoder is about 1 dB behind.
On the real recordings the intervals are wide (only 12 recordings).

Now read the second run (seed 1: the same four arms, the same steps, other initial weights and other batches). On the
same synthetic test mixtures the raw samples are now 1.2 dB *ahead* of the document's encoder, and the linear encoder
ahead too. The last lines show why: two runs of the *same* arm differ by up to 2 dB. The intervals cover only which
test mixtures were drawn, not which run, so a single run per arm hid the largest source of uncertainty. Only one
comparison holds in both runs: the fixed STFT bank with the same N ties with the learned encoder on synthetic voices
(+0.1 and 0.0 dB).

So, measured at this scale: the ablation **cannot** decide the document's claim that separating is easier in the
encoder's space than on raw frames: the two runs disagree about raw frames by more than either run's difference. Deciding it would take
several runs per arm, trained much longer (each of ours stopped after 3000 steps, far from converged). The raw-sample
arm also has 16 channels, not 64: an identity bank cannot have more channels than samples in a frame. What does
replicate agrees with full-scale studies, which find fixed or parameterised banks of the same size close to learned
ones (Pariente et al. 2020; Ditter & Gerkmann 2020; Heitkaemper et al. 2020). The document's "more flexible than the
STFT" is true of what the encoder *can* learn (uneven frequency spacing, several phases per frequency, chapter 05);
here that flexibility bought nothing measurable.

Which training data, and how much of it, made the shipped model (the data ablation and the training budget) is told
in the optional appendix, chapter 07.
""",
        zh="""
只看第一次训练（种子 0）的配对差值，问题似乎已经有了答案：在没听过的合成声音上（四组训练用的都是这类语音），原始采样点比原文的编码器低 2.5 dB，
区间离 0 很远；固定的 STFT 滤波器组与学到的编码器打平，线性编码器落后约 1 dB。在真人录音上区间很宽（只有 12 段录音）。

再看第二次训练（种子 1：同样的四组、同样的步数，只是初始权重和每批数据不同）。在同一批合成测试混合上，原始采样点反而比原文的编码器**高** 1.2 dB，
线性编码器也更高。最后几行说明了原因：**同一组**的两次训练，得分最多相差 2 dB。区间只反映抽到了哪些测试混合，不反映训练的随机性，
所以每组只训练一次，恰好把最大的不确定性藏了起来。两次训练里都成立的比较只有一个：在合成声音上，通道数相同的固定 STFT 滤波器组与学到的编码器打平
（+0.1 和 0.0 dB）。

所以在这个规模下实测的结论是：这个消融实验**无法**判定原文“在编码器空间里分离比直接分原始的帧容易”的说法，两次训练对原始的帧给出的结论相差之大，超过了任何一次里的差值本身。
要判定它，每组需要训练好几次，而且要训练得久得多（我们每次只训练了 3000 步，离收敛还很远）。另外，原始采样点这一组只有 16 个通道而不是 64 个：
单位矩阵的模板数不可能多于一帧的采样点数。能重复出来的那一点与完整规模的研究一致：同样大小的固定或参数化滤波器组，效果与学出来的相差不大
（Pariente 等 2020；Ditter 与 Gerkmann 2020；Heitkaemper 等 2020）。原文说的“比 STFT 更灵活”，指的是编码器**能够**学到什么
（不均匀的频率分布、同一频率的多个相位，见第 5 章）；在这里，这份灵活没有带来可测量的好处。

课程自带的模型用了哪些训练数据、训练了多少（数据消融和训练量），见选读的附录第 7 章。
""",
    ),
    md(
        en="""
## One training step, written out

Training repeats one step many times. The cell writes it out on a fresh, seeded TinyTasNet and one batch of four
half-second mixtures of the course's clips: forward, the PIT SI-SNR loss `pit_loss` from `tasnet_edu.core.metrics`
(minus the better pairing's mean SI-SNR, averaged over the batch; exercise 06.3 builds it from the two lines of PIT
above), `loss.backward()`, the gradient's norm clipped at 5 as
in Conv-TasNet, and one Adam step (learning rate 1e-3). It prints the loss on that batch before and after the step
(dB, lower is better) and the gradient's norm before clipping.
""",
        zh="""
## 写出一个训练步

训练就是把一个训练步重复很多次。下面的单元格把它完整写出来：一个固定随机种子、全新的 TinyTasNet，一批四个半秒长的混合（用课程自带的片段混成）；
前向计算；PIT SI-SNR 损失：`tasnet_edu.core.metrics` 里的 `pit_loss`（取较好配对的平均 SI-SNR，对整批取平均再取负；练习 06.3 会用上面 PIT 的两行把它写出来）；`loss.backward()`；
像 Conv-TasNet 那样把梯度的范数裁剪到 5；再做一步 Adam 更新（学习率 1e-3）。它打印这一批上更新前后的损失（dB，越低越好），以及裁剪前梯度的范数。
""",
    ),
    code("""
from tasnet_edu.core.metrics import pit_loss          # en: [M, 2, T] each -> one number // zh: 各为 [M, 2, T] -> 一个数
from tasnet_edu.core.model import TasNetConfig, TinyTasNet
from tasnet_edu.core.training import TrainConfig, make_batch

torch.manual_seed(0)
fresh = TinyTasNet(TasNetConfig())                   # en: untrained, the shipped model's sizes // zh: 未训练，尺寸与课程模型相同
optimizer = torch.optim.Adam(fresh.parameters(), lr=1e-3)
batch_config = TrainConfig(batch_size=4, segment_seconds=0.5)
batch, batch_sources = make_batch(batch_config, step=0)    # en: [4, 4000], [4, 2, 4000] // zh: [4, 4000]，[4, 2, 4000]

loss = pit_loss(fresh(batch), batch_sources)         # en: forward and loss // zh: 前向计算和损失
optimizer.zero_grad()
loss.backward()                                      # en: gradients of every weight // zh: 每个权重的梯度
norm = torch.nn.utils.clip_grad_norm_(fresh.parameters(), max_norm=5.0)
optimizer.step()                                     # en: Adam moves every weight a little // zh: Adam 把每个权重挪动一点
with torch.no_grad():
    after = pit_loss(fresh(batch), batch_sources)
print(list(batch.shape), list(batch_sources.shape))
print("loss:", round(loss.item(), 2), "->", round(after.item(), 2), "dB | norm =", round(norm.item(), 1))
assert after < loss
"""),
    md(
        en="""
The loss went down on that batch. The same step in a loop, 30 more steps on new batches (new mixtures at every step:
*dynamic mixing*),
with the loss of doing nothing (returning the mixture itself) as a dashed line. The numbers vary a little between
machines, so the figure is drawn but not printed, and the cell after it checks that the loss fell.
""",
        zh="""
这一批上的损失下降了。把同样的训练步放进循环，在新的批上再训练 30 步，每一步都现场生成新的混合，这叫动态混合（dynamic mixing）。虚线是“什么都不做”（直接输出混合语音）的损失。
数值在不同机器上会略有不同，所以只画图、不打印数值，后面那个单元格只检查损失有没有下降。
""",
    ),
    code("""
losses, do_nothing = [], []
for step in range(1, 31):
    batch, batch_sources = make_batch(batch_config, step)
    loss = pit_loss(fresh(batch), batch_sources)
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(fresh.parameters(), max_norm=5.0)
    optimizer.step()
    losses.append(loss.item())
    do_nothing.append(pit_loss(batch[:, None].expand_as(batch_sources), batch_sources).item())
fig = te.ch06.plot_losses(losses, baseline=sum(do_nothing) / len(do_nothing))
"""),
    code("""
first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
assert last < first, (first, last)
print("last < first:", last < first, "| last < do_nothing:", last < sum(do_nothing) / len(do_nothing))
"""),
    md(
        en="""
Thirty steps lower the loss, but the model is still worse than doing nothing: the mixture itself scores better than
its outputs. The shipped model trained for more than 30,000 steps, on larger batches of longer mixtures, to get where the
table above shows.

## The mixture of chapter 00

Chapter 00 mixed the course's clips `en_s00_v0.flac` ("The quick brown fox…") and `zh_s08_v1.flac` (请问火车站怎么走？).
The shipped model does poorly on that mixture, and the reason is in the clips' list: both sentences are spoken by
the **same** espeak-ng voice variant (`m3`) at the same pitch setting. A separator learns to tell speakers apart by how
they sound; here the two "speakers" sound alike. The same Mandarin sentence spoken by another voice (`zh_s08_v0.flac`)
separates well. The cell prints each pair's voices and SI-SNRi.
""",
        zh="""
30 步之后损失确实下降了，但模型仍不如什么都不做：混合语音本身的得分比它的输出还高。课程模型前后训练了三万多步，每批的混合更多、也更长，才达到上面表格里的成绩。

## 第 0 章的那段混合语音

第 0 章把课程自带的片段 `en_s00_v0.flac`（“The quick brown fox…”）和 `zh_s08_v1.flac`（请问火车站怎么走？）混在了一起。
课程模型在这段混合上分得很差，原因就写在片段列表里：这两句话出自 espeak-ng 的**同一个**声音变体（`m3`），音高设置也相同。
分离器是靠说话人听起来不一样来区分他们的；而这里的两个“说话人”听起来很像。同一句普通话换一个声音来说（`zh_s08_v0.flac`），就能分得很好。
单元格打印每一对的声音和 SI-SNRi。
""",
    ),
    code("""
from tasnet_edu.core.audio import speech_clips

voices = {row["file"]: (row["voice"], row["pitch"]) for row in speech_clips()}
for other in ("zh_s08_v1.flac", "zh_s08_v0.flac"):
    pair, pair_sources = te.mix(te.load_clip("en_s00_v0.flac"), te.load_clip(other))
    with torch.no_grad():
        pair_gain = si_snr_improvement(model(pair[None]), pair_sources[None], pair[None])[0]
    print(voices["en_s00_v0.flac"], "+", voices[other], f"SI-SNRi {pair_gain:.1f} dB")
"""),
    md(
        en="""
## Two voices of your own

Record two takes — two people, or you twice saying different things — and let the shipped model separate them. With
only one take (or none), the missing voice is one of the course's clips, and the cell says so: without any take, that
is the chapter-00 pair above, which the model cannot separate. Expect less than on the test mixtures above if your
room is noisy: the model learned from synthetic voices only. One mixture says little: scores of single mixtures vary a
lot, so try several takes. The first cell mixes the takes at equal level; the second separates them, puts the outputs
in the speakers' order (PIT) and prints their SI-SNR; the third prints the SI-SNRi.
""",
        zh="""
## 你们自己的两个声音

录两段——两个人各说一段，或者你自己说两段不同的话——让课程模型把它们分开。只录了一段（或一段都没录）时，缺的声音用课程自带的音频代替，
单元格会说明这一点：一段都没录时，用的就是上面第 0 章那一对，模型分不开它。如果房间比较吵，效果会比上面的测试混合差：这个模型只听过合成声音。
一个混合说明不了多少问题：单个混合的得分波动很大，所以请多录几段再下结论。第一个单元格以相同电平把两段混在一起；第二个单元格分离它们，
按说话人的顺序排好输出（PIT），并打印它们的 SI-SNR；第三个单元格打印 SI-SNRi。
""",
    ),
    code("""
take_a, take_b = te.ui.voice.VoicePanel(number=1), te.ui.voice.VoicePanel(number=2)
display(take_a, take_b)
""", tags=["nbval-ignore-output"]),
    code("""
a = te.ui.voice.take_or_clip(take_a)
b = te.ui.voice.take_or_clip(take_b, fallback=te.core.audio.SECOND_CLIP)
mine, mine_sources = te.mix(a, b)                    # en: cut to the shorter take, equal level // zh: 截到较短的一段，电平相同
print(list(mine.shape), f"{len(mine) / 8000:.1f} s")
Audio(mine.numpy(), rate=8000)
"""),
    code("""
from tasnet_edu.core.metrics import pit_si_snr, si_snr

with torch.no_grad():
    mine_estimates = model(mine[None])               # en: [1, 2, T] // zh: [1, 2, T]
mine_order = torch.argsort(pit_si_snr(mine_estimates, mine_sources[None])[1][0])
mine_separated = mine_estimates[0][mine_order]       # en: in the speakers' order (PIT) // zh: 按说话人的顺序排好（PIT）
print("SI-SNR (dB):", [round(float(si_snr(e, s)), 1) for e, s in zip(mine_separated, mine_sources)])
Audio(mine_separated[0].numpy(), rate=8000)
"""),
    code("""
mine_gain = si_snr(mine_separated, mine_sources).mean() - si_snr(mine.expand_as(mine_sources), mine_sources).mean()
print("SI-SNRi:", round(float(mine_gain), 1), "dB")
Audio(mine_separated[1].numpy(), rate=8000)
"""),
    md(
        en="""
## Exercises

**Exercise 06.1** (build) Write the decoder yourself, for any frame length. `my_decoder(masked_maps, basis)` takes a
batch of masked maps `[M, N, K]` and $N$ basis signals `[N, L]` and returns the overlap-added sound `[M, T]`, with hop
`L // 2` and `T = (K - 1) * (L // 2) + L` (nothing cut off). `te.check` runs it on its own maps (a batch, an odd `L`,
a single frame), compares with `F.conv_transpose1d(..., stride=L // 2)` and tells you which map failed. Once it
passes, `my_decoder(masked[0], basis)` should give the decoder cell's `by_hand`.
""",
        zh="""
## 练习

**练习 06.1**（动手写）自己写一个解码器，对任意帧长都适用。`my_decoder(masked_maps, basis)` 的输入是一批被掩码后的强度图 `[M, N, K]`
和 $N$ 条基信号 `[N, L]`，返回重叠相加得到的声音 `[M, T]`：帧移为 `L // 2`，`T = (K - 1) * (L // 2) + L`（不截掉任何部分）。
`te.check` 会在它自己准备的几张强度图上运行你的函数（一批图、奇数的 `L`、只有一帧），和 `F.conv_transpose1d(..., stride=L // 2)` 比较，
并告诉你哪一张没通过。通过之后，`my_decoder(masked[0], basis)` 应当给出解码器那个单元格里的 `by_hand`。
""",
    ),
    code("""
def my_decoder(masked_maps, basis):
    # en: masked_maps [M, N, K], basis [N, L] -> sound [M, T], T = (K - 1) * (L // 2) + L // zh: masked_maps [M, N, K]，basis [N, L] -> 声音 [M, T]，T = (K - 1) * (L // 2) + L
    ...  # en: your code // zh: 你的代码


te.check("06.1", my_decoder)
"""),
    code("""
te.solution("06.1")
"""),
    md(
        en="""
**Exercise 06.2** (build) `si_snr_by_hand` above scores two signals `[T]`. Write `my_si_snr(est, ref)` for tensors of
any shape `[..., T]` (two signals, a batch `[M, T]`, pairs `[M, 2, T]`): it returns the SI-SNR in dB of every pair
along the last axis, shape `[...]`. The checker compares with `si_snr` on its own signals, among them an estimate with
a DC offset and a quiet estimate: which two things must the score ignore?
""",
        zh="""
**练习 06.2**（动手写）上面的 `si_snr_by_hand` 只能给两个形状为 `[T]` 的信号打分。写一个 `my_si_snr(est, ref)`，输入可以是任意形状
`[..., T]`（两个信号、一批 `[M, T]`、成对的 `[M, 2, T]`），返回沿最后一个维度逐对计算的 SI-SNR（dB），形状为 `[...]`。
检查程序在它自己准备的信号上和 `si_snr` 比较，其中有带直流偏置的估计，也有音量很小的估计：这个分数必须忽略哪两样东西？
""",
    ),
    code("""
def my_si_snr(est, ref):
    # en: est, ref [..., T] -> SI-SNR in dB [...] // zh: est、ref [..., T] -> SI-SNR（dB），形状 [...]
    ...  # en: your code // zh: 你的代码


te.check("06.2", my_si_snr)
"""),
    code("""
te.solution("06.2")
"""),
    md(
        en="""
**Exercise 06.3** (build) Write the loss of the training step above: `my_pit_loss(est, ref)` takes a batch of outputs
and sources, both `[M, 2, T]`, and returns one number as a 0-d tensor (so that `backward` can start from it): minus
the batch mean of each mixture's PIT SI-SNR, the better of its two pairings. Use `si_snr` (it takes `[M, T]`) or
your `my_si_snr`. The checker compares with `pit_loss` on a batch in order, a batch with both outputs swapped, and a
batch in which only some mixtures are swapped. Once it passes, `my_pit_loss(estimates, sources[None])` should be minus
the PIT SI-SNR printed in the PIT section.
""",
        zh="""
**练习 06.3**（动手写）写出上面训练步用的损失：`my_pit_loss(est, ref)` 的输入是一批输出和对应的声源，形状都是 `[M, 2, T]`，
返回一个数，即 0 维张量（`backward` 要从它开始）：对每个混合取两种配对中较好的那个的 PIT SI-SNR，在整批上取平均，再取负。
可以用 `si_snr`（它接受 `[M, T]`），也可以用你的 `my_si_snr`。检查程序和 `pit_loss` 比较：一批输出同序的混合、一批两路输出都对调的混合、
一批只有部分混合对调的混合。通过之后，`my_pit_loss(estimates, sources[None])` 应当等于 PIT 一节打印的 PIT SI-SNR 取负。
""",
    ),
    code("""
def my_pit_loss(est, ref):
    # en: est, ref [M, 2, T] -> the loss, a 0-d tensor // zh: est、ref [M, 2, T] -> 损失，一个 0 维张量
    ...  # en: your code // zh: 你的代码


te.check("06.3", my_pit_loss)
"""),
    code("""
te.solution("06.3")
"""),
    md(
        en="""
**Exercise 06.4** (open question, no checker) The model was trained on synthetic voices only. Listen to the real
recordings and name two ways they differ from the course's synthetic clips that could confuse a separator. Which row of
the data ablation in chapter 07 tried to imitate each of them?
""",
        zh="""
**练习 06.4**（开放题，不自动检查）模型只用合成声音训练过。听一听真人录音，说出它们和课程自带的合成片段的两点不同，
这些不同可能会让分离器犯糊涂。第 7 章数据消融表里的哪一行，分别在模仿它们？
""",
    ),
    code("""
te.solution("06.4")
"""),
    md(
        en=r"""
## Summary in three lines

1. The encoder turns a mixture into weights of $N$ basis signals; the separator masks the weights per speaker; the
   decoder adds up all $N$ basis signals, weighted, frame by frame (overlap-add, a transposed convolution).
2. SI-SNR(i) measures the gain in dB whatever the output's scale; PIT scores the better pairing of outputs and
   speakers, and its negative is the training loss; with few mixtures, give an interval.
3. On the strength map one speaker holds more of each entry than on the waveform, partly because of the ReLU. Trained
   with the same separator and budget, encoders and raw frames could not be ranked: two runs of the same arm differ by
   up to 2 dB, as much as the arms do; only the tie between the learned encoder and a same-size STFT held in both runs.

## Closing: the whole course on one page

The document's own three lines, now each with a chapter behind it:

1. **Cut the sound into small pieces** — frames of $L$ samples, hop $L/2$ (chapter 01).
2. **Match each piece against $N$ templates** — one dot product per frame and template, $\lVert\text{frame}\rVert\,
   \lVert\text{template}\rVert \cos\theta$ (chapter 02); keep the positive scores with ReLU (chapter 03).
3. **Get a map of matching strength** — `[M, N, K]`, a learned relative of the spectrogram (chapters 04–05), which a
   separator masks and a decoder turns back into sound (this chapter).

And the document's bridge: *image → CNN → feature map*; *sound → Conv1d → sound feature map*. What to read next: the
Conv-TasNet paper in full; [Asteroid](https://github.com/asteroid-team/asteroid) and
[SpeechBrain](https://speechbrain.github.io/) for full-size separators and real corpora; and, with recordings of your
own, `python tools/train.py --data DIR` (README) to train this tiny model on real speech.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network", ICASSP 2018 (SI-SNR as the training
  objective): [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation",
  IEEE/ACM TASLP 2019 (Table III: encoder variants; ideal-mask baselines): [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- J. Le Roux, S. Wisdom, H. Erdogan, J. R. Hershey, "SDR – half-baked or well done?", ICASSP 2019 (SI-SDR):
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)
- D. Yu, M. Kolbæk, Z.-H. Tan, J. Jensen, "Permutation invariant training of deep models for speaker-independent
  multi-talker speech separation", ICASSP 2017: [arXiv:1607.00325](https://arxiv.org/abs/1607.00325)
- M. Kolbæk, D. Yu, Z.-H. Tan, J. Jensen, "Multitalker speech separation with utterance-level permutation invariant
  training of deep recurrent neural networks", IEEE/ACM TASLP 2017: [arXiv:1703.06284](https://arxiv.org/abs/1703.06284)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent, "Filterbank design for end-to-end speech separation",
  ICASSP 2020: [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- D. Ditter, T. Gerkmann, "A multi-phase gammatone filterbank for speech separation via TasNet", ICASSP 2020:
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- J. Heitkaemper, D. Jakobeit, C. Boeddeker, L. Drude, R. Haeb-Umbach, "Demystifying TasNet: a dissecting approach",
  ICASSP 2020: [arXiv:1911.08895](https://arxiv.org/abs/1911.08895)
- Kaituo Xu, Conv-TasNet in PyTorch: [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet);
  Demucs v2 (the document's `Encoder` class): [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Rowe, Codec 2 and its example recordings (the real test set): [github.com/drowe67/codec2](https://github.com/drowe67/codec2)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 编码器把混合语音变成 $N$ 条基信号的权重；分离器为每个说话人给权重加掩码；解码器逐帧把全部 $N$ 条基信号加权求和，再重叠相加（也就是转置卷积）。
2. SI-SNR(i) 以 dB 衡量提升，与输出的音量无关；PIT 取输出与说话人之间较好的那种配对来打分，它的相反数就是训练损失；混合的数量少时，要给出区间。
3. 在强度图上，每个元素由一个说话人占有的程度比在波形上高，其中一部分来自 ReLU。分离器和训练量相同时，各种编码器和原始的帧排不出高下：
   同一组的两次训练最多相差 2 dB，和各组之间的差别一样大；两次都成立的只有一点：学到的编码器与同样大小的 STFT 打平。

## 结语：一页纸看全课

原文自己的三句话总结，现在每一句背后都有一章：

1. **把声音切成小块**——每帧 $L$ 个采样点，帧移 $L/2$（第 1 章）。
2. **用 $N$ 个模板去匹配每一块**——每帧、每个模板一次点积，$\lVert\text{帧}\rVert\,\lVert\text{模板}\rVert \cos\theta$（第 2 章）；
   用 ReLU 只保留正分（第 3 章）。
3. **得到一张匹配强度图**——`[M, N, K]`，语谱图学出来的“近亲”（第 4、5 章）；分离器给它加掩码，解码器再把它变回声音（本章）。

还有原文的那座桥：*图片 → CNN → 特征图*；*声音 → Conv1d → 声音特征图*。接下来可以读：Conv-TasNet 论文全文；
[Asteroid](https://github.com/asteroid-team/asteroid) 和 [SpeechBrain](https://speechbrain.github.io/)，里面有完整规模的分离模型和真实语料；
如果你有自己的录音，用 `python tools/train.py --data DIR`（见 README）就能在真实语音上训练这个小模型。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network”，ICASSP 2018（把 SI-SNR 用作训练目标）：
  [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation”，
  IEEE/ACM TASLP 2019（表 III：编码器的几种变体；理想掩码对照）：[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- J. Le Roux, S. Wisdom, H. Erdogan, J. R. Hershey，“SDR – half-baked or well done?”，ICASSP 2019（SI-SDR）：
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)
- D. Yu, M. Kolbæk, Z.-H. Tan, J. Jensen，“Permutation invariant training of deep models for speaker-independent
  multi-talker speech separation”，ICASSP 2017：[arXiv:1607.00325](https://arxiv.org/abs/1607.00325)
- M. Kolbæk, D. Yu, Z.-H. Tan, J. Jensen，“Multitalker speech separation with utterance-level permutation invariant
  training of deep recurrent neural networks”，IEEE/ACM TASLP 2017：[arXiv:1703.06284](https://arxiv.org/abs/1703.06284)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent，“Filterbank design for end-to-end speech separation”，
  ICASSP 2020：[arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- D. Ditter, T. Gerkmann，“A multi-phase gammatone filterbank for speech separation via TasNet”，ICASSP 2020：
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- J. Heitkaemper, D. Jakobeit, C. Boeddeker, L. Drude, R. Haeb-Umbach，“Demystifying TasNet: a dissecting approach”，
  ICASSP 2020：[arXiv:1911.08895](https://arxiv.org/abs/1911.08895)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现：[github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)；
  Demucs v2（原文 `Encoder` 类的出处）：[github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Rowe，Codec 2 及其示例录音（真人测试集的来源）：[github.com/drowe67/codec2](https://github.com/drowe67/codec2)

{{navigation}}
""",
    ),
]
