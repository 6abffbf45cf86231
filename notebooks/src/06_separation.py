# Chapter 06: why the encoder exists — separating speech. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 06 Why the encoder is useful: separating speech

**After this chapter you can**

- run a complete (tiny) TasNet on a mixture of two real people and follow every stage: encoder, masks, decoder;
- write the decoder as a weighted sum of basis signals, and SI-SNR / SI-SNRi as formulas;
- test the document's claim that separation is easier in the encoder's space than on the waveform;
- read a results table with confidence intervals, and say what an ablation does and does not show.

**Prerequisites**: chapters 01–05; what a mean and an interval are. **Time**: about 30 min.

The document ends with the reason for the whole encoder: "因为后面要做：语音分离" — separation is easier in the
encoder's feature space than on the raw waveform. The encoder turns a mixture into a **decomposable** representation:
every frame of the mixture is approximately a weighted sum of $N$ basis signals, and the strength map holds the weights
(that is why the document calls it `mixture_w`). TasNet separates by splitting the weights between the voices, one
mask per voice, and a decoder turns each voice's weights back into sound:

$$
\mathbf{w} = \mathrm{ReLU}(\mathbf{U} \ast x) \in \mathbb{R}^{N\times K}, \qquad
\hat s_i[t] = \sum_{k=0}^{K-1} \sum_{n=1}^{N} m_{i,n,k}\, w_{n,k}\; b_n[t - kH],
$$

with masks $0 \le m_{i,n,k} \le 1$ from the separator and decoder basis signals $b_n$ of $L$ samples. The decoder does
not *pick* basis signals: every frame adds up **all** $N$ of them, each weighted by its masked strength, and
overlapping frames are added (overlap-add).

The model here was trained **only on synthetic voices** (chapter 05 says how); the mixtures below are **real people**
it never heard.
""",
        zh=r"""
# 第 6 章　编码器为什么有用：语音分离

**学完本章，你将能够**

- 在两个真人说话的混合语音上运行一个完整的（小型）TasNet，看清每一步：编码器、掩码、解码器；
- 把解码器写成基信号的加权和，把 SI-SNR / SI-SNRi 写成公式；
- 用实验检验原文的说法：在编码器的特征空间里分离，比在波形上容易；
- 读懂带置信区间的结果表，说清消融实验（ablation）能说明什么、不能说明什么。

**先修知识**：第 1–5 章；平均值和区间的概念。**用时**：约 30 分钟。

原文最后说出了编码器存在的理由：“因为后面要做：语音分离”——在编码器的特征空间里做分离，比直接在原始波形上做容易。
编码器把混合语音变成一种**可分解**的表示：混合语音的每一帧近似等于 $N$ 条基信号的加权和，强度图存的就是这些权重
（所以原文把它叫作 `mixture_w`，w 即 weight）。TasNet 的分离办法是把权重分给各个声音，每个声音一张掩码（mask），
再由解码器（decoder）把每个声音的权重变回声音：

$$
\mathbf{w} = \mathrm{ReLU}(\mathbf{U} \ast x) \in \mathbb{R}^{N\times K}, \qquad
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

The real test set ships with the course: 12 recordings of real people from Debian's `codec2-examples` package
(LGPL-2.1; the licence and the list are in `tasnet_edu/data/real`). Some are clean; others, named after amateur-radio
call signs (`vk5qi`, `ve9qrp`, `g3plx`), carry radio noise and a narrow band. No training clip comes from them: the
model learned from synthetic voices only. The fixed list pairs every two recordings once (up to 2 s each, the second voice −5 to 5 dB relative to the first,
as in the Conv-TasNet recipe); this chapter plays the first pair of the list, not a chosen best one.
""",
        zh="""
## 两个真人同时说话

真人测试集随课程一起提供：12 段真人录音，来自 Debian 的 `codec2-examples` 软件包（LGPL-2.1 许可；许可证和录音列表在
`tasnet_edu/data/real` 里）。有的录音很干净；有的以业余无线电呼号命名（`vk5qi`、`ve9qrp`、`g3plx`），带着无线电的噪声，频带也窄。
训练数据里没有一条来自这些录音：模型只听过合成声音。固定的混合列表让每两段录音配对一次（每段最长 2 秒，第二个声音相对第一个的电平在 −5 到 5 dB 之间，
和 Conv-TasNet 的训练配方一样）；本章播放的是列表里的第一对，不是挑出来的最好的一对。
""",
    ),
    code("""
example = te.ch06.real_example(0)
mixture, sources = example["mixture"], example["sources"]
print(te.ch06.describe_real(example))
Audio(mixture.numpy(), rate=8000)
"""),
    code("""
Audio(sources[0].numpy(), rate=8000)
"""),
    code("""
Audio(sources[1].numpy(), rate=8000)
"""),
    md(
        en="""
## Every stage of the separation

`te.ch06.separate` runs the shipped model and keeps what happens inside: the encoder's strength map, the separator's
two masks (between 0 and 1: how much of each entry belongs to each voice), and the decoder's two waveforms, each with
its error (the part SI-SNR counts as noise, defined below). The maps show the loudest half second, rows sorted by each template's peak frequency, so they read like a
spectrogram. They flicker from frame to frame: a template fires only when the wave's phase matches it (chapters 03–04),
and frames start only 1 ms apart (a frame is 2 ms long).
""",
        zh="""
## 分离的每一步

`te.ch06.separate` 运行随包附带的模型，并保留中间结果：编码器的强度图、分离器给出的两张掩码（0 到 1 之间：
每个元素有多少属于哪个声音），以及解码器输出的两个波形和各自的误差（SI-SNR 算作噪声的部分，定义见下文）。图中只画最响的半秒，行按每个模板的峰值频率排序，
这样读起来就像语谱图。图上一帧一帧地闪烁：只有当波形的相位和模板对上时，模板才有响应（第 3、4 章），而相邻两帧只相隔 1 毫秒（一帧长 2 毫秒）。
""",
    ),
    code("""
model = te.load_pretrained()
result = te.ch06.separate(model, mixture, sources)
print({name: list(value.shape) for name, value in result.items()})
fig = te.ch06.plot_pipeline(result, mixture, sources)
"""),
    code("""
Audio(result["estimates"][0].numpy(), rate=8000)
"""),
    code("""
Audio(result["estimates"][1].numpy(), rate=8000)
"""),
    md(
        en="""
The dark horizontal stripes that cross both mask panels are templates the separator switches off for *both* voices:
whatever they carry is dropped. Nothing forbids that, because the masks are sigmoids, one per voice, not forced to
add up to 1; everywhere else they do add up to about 1. How much of the map these templates carry:
""",
        zh="""
两张掩码图上贯穿左右的深色横条，是分离器对**两个**声音都关掉的模板：它们携带的内容被整个丢掉了。
这并不违反什么规则，因为掩码是 sigmoid，每个声音一张，并不要求加起来等于 1；在其他位置，两张掩码加起来大约就是 1。
这些模板携带了强度图里多少能量：
""",
    ),
    code("""
print(te.ch06.describe_mask_rows(te.ch06.mask_rows(result)))
"""),
    md(
        en="""
`model(mixture)` returns exactly as many samples as it was given: the model pads the input so that no trailing sample
is lost (compare chapter 01's dropped samples) and every sample lies in two frames.
""",
        zh="""
`model(mixture)` 输出的采样点数和输入完全一样：模型先给输入补零，所以末尾不会丢点（对比第 1 章里被丢掉的采样点），
而且每个采样点都落在两帧里。
""",
    ),
    code("""
print(len(mixture), "->", result["estimates"].shape[-1])
"""),
    md(
        en=r"""
## Scoring: SI-SNR

**SI-SNR** (scale-invariant signal-to-noise ratio; Le Roux et al. 2019) compares an estimate $\hat s$ with the true
source $s$, both with their means removed:

$$
s_{\text{target}} = \frac{\langle \hat s, s\rangle}{\lVert s\rVert^2}\, s, \qquad
e = \hat s - s_{\text{target}}, \qquad
\text{SI-SNR} = 10 \log_{10} \frac{\lVert s_{\text{target}}\rVert^2}{\lVert e\rVert^2}\ \text{dB}.
$$

Scaling the estimate changes nothing, so a quieter but clean voice is not punished — the same scale-freedom as the
encoder's `bias=False` (chapter 03): scale the input by a > 0 and the whole strength map scales with it.
**SI-SNRi** is the improvement over doing nothing: $\text{SI-SNR}(\hat s, s) - \text{SI-SNR}(x, s)$ for the mixture $x$.
The model's two outputs come in no fixed order, so both pairings are scored and the better one counts;
permutation invariant training (PIT; Yu et al. 2017) uses the same rule for its loss.
""",
        zh=r"""
## 打分：SI-SNR

**SI-SNR**（尺度不变信噪比，scale-invariant signal-to-noise ratio；Le Roux 等，2019）把估计 $\hat s$ 和真实声源 $s$
都减去均值后再比较：

$$
s_{\text{target}} = \frac{\langle \hat s, s\rangle}{\lVert s\rVert^2}\, s, \qquad
e = \hat s - s_{\text{target}}, \qquad
\text{SI-SNR} = 10 \log_{10} \frac{\lVert s_{\text{target}}\rVert^2}{\lVert e\rVert^2}\ \text{dB}.
$$

把估计整体放大或缩小，分数不变，所以“声音小但干净”不会被扣分——这和编码器 `bias=False` 带来的性质（第 3 章）一脉相承：
输入放大几倍，整张强度图也跟着放大几倍。**SI-SNRi** 是相对“什么都不做”的提升：$\text{SI-SNR}(\hat s, s) - \text{SI-SNR}(x, s)$，
$x$ 是混合语音。模型的两路输出没有固定顺序，所以两种配对都算一遍，取更好的那个；
排列不变训练（permutation invariant training，PIT；Yu 等，2017）的损失函数也采用同样的规则。
""",
    ),
    code("""
noise = 0.1 * sources[1]
print(te.t("scale, SI-SNR (dB):", "缩放倍数，SI-SNR（dB）："), te.ch06.si_snr_demo(sources[0], noise))
print(te.t("mixture   SI-SNR:", "混合语音的 SI-SNR："), [round(float(te.ch06.si_snr(mixture, s)), 1) for s in sources])
print(te.t("separated SI-SNR:", "分离结果的 SI-SNR："), [round(float(te.ch06.si_snr(e, s)), 1) for e, s in zip(result["estimates"], sources)])
gain = te.ch06.si_snr_improvement(result["estimates"][None], sources[None], mixture[None])[0]
print("SI-SNRi:", round(float(gain), 1), "dB")
"""),
    md(
        en="""
## Is separation easier in the encoder's space? An experiment

The document says so; here is a test. Take the *same* oracle, the ideal ratio mask (each entry is split between the
voices in proportion to the true voices' magnitudes there), and apply it in three places: to the waveform's samples,
to a 32 ms STFT, and to the model's strength map (decoded by the model's decoder). Two numbers per place, over all real
test mixtures: how well the mask separates (SI-SNRi), and how much of the energy sits in entries where one voice holds
at least 90% of it — the more such entries, the less two voices share, and the easier a mask can split them.
""",
        zh="""
## 在编码器空间里分离真的更容易吗？做个实验

原文这么说，我们来检验一下。用**同一种**理想（oracle）掩码——理想比值掩码：每个元素按两个真实声音在该处的幅度比例分给它们——
分别加在三个地方：波形的采样点上、32 毫秒的 STFT 上、模型的强度图上（再用模型的解码器还原）。每个地方给两个数，
统计全部真人测试混合：掩码分得有多好（SI-SNRi），以及有多少能量落在“一个声音占了至少 90%”的元素里——
这样的元素越多，两个声音共用的部分就越少，掩码就越容易把它们分开。
""",
    ),
    code("""
domains = te.ch06.masks_by_domain(model, te.ch06.real_mixtures())
print(te.ch06.domain_table(domains, te.current_language()))
first_domains = te.ch06.masks_by_domain(te.load_pretrained("learned-espeak"), te.ch06.real_mixtures())
print(te.ch06.describe_decoder("learned-espeak", first_domains))
"""),
    md(
        en="""
Read the energy column first: on the waveform the two voices share more of the energy; on the STFT, and even more on
the strength map, one voice usually dominates each entry. In that sense the voices are easiest to tell apart in the
encoder's space, as the document says.

The SI-SNRi column adds a second condition: after masking, the result must be turned back into sound. Samples and the
STFT do that exactly; the strength map goes through the model's decoder, which was trained to decode the separator's
masks, not to rebuild every map perfectly. The last column measures it: decoding the *unmasked* map gives back the
mixture only up to the SI-SNR shown: roughly the best any mask on that map can hope for (the decoder is linear,
so with masks that sum to one, as the ideal ratio mask does, the two parts add up to exactly this rebuilt mixture). With the shipped model the oracle on the
strength map scores no better than on the samples, although its entries are the least shared; the line under the
table shows the first model, whose decoder rebuilds better and whose oracle does better too. So "easier in feature
space" holds for how separable the representation is; how much a mask gains from it also depends on the decoder that
turns the map back into sound. (Conv-TasNet learns encoder, separator and decoder together;
at full scale its separations surpass the ideal masks on an STFT, Luo & Mesgarani 2019.)
""",
        zh="""
先看能量那一列：在波形上，两个声音共用的能量更多；在 STFT 上，尤其是在强度图上，每个元素通常由一个声音主导。
从这个意义上说，两个声音在编码器的空间里最容易区分，和原文说的一样。

SI-SNRi 那一列还多了一个条件：加完掩码之后，结果还得变回声音。采样点和 STFT 都能精确还原；强度图则要经过模型的解码器，
而解码器训练时学的是把分离器加过掩码的强度图还原成声音，并没有被要求把每一张强度图都完美还原。最后一列量的就是这一点：把**不加掩码**的强度图解码，
得到的混合语音也只能达到表中的 SI-SNR，这大致就是强度图上任何掩码所能指望的上限（解码器是线性的：只要两张掩码之和为 1，理想比值掩码正是如此，两部分加起来就正好是这个还原出来的混合语音）。对随包模型来说，强度图上的理想掩码并不比采样点上的好，
尽管它的元素被两个声音共用得最少；表格下面那一行是第一版模型：它的解码器还原得更好，理想掩码的成绩也更高。
所以，“在特征空间里更容易分离”说的是表示本身有多容易分开；掩码能从中得到多少好处，还要看把强度图变回声音的解码器。
（Conv-TasNet 把编码器、分离器和解码器一起学；在完整规模下，它的分离结果超过了 STFT 上的理想掩码，见 Luo 与 Mesgarani 2019。）
""",
    ),
    md(
        en=r"""
## The model against the oracle masks

The baselines are the ideal masks on a 32 ms Hann STFT with 8 ms hop, computed from the *true* sources: the ideal ratio
mask (IRM), the ideal binary mask (IBM: 1 where a source is the loudest) and the Wiener-filter-like mask (WFM).
They are common oracle references, not methods (they need the answer) and not upper bounds (phase-aware masks, or learned encoders, can do better). For source $i$ with STFT $S_i$:

$$\mathrm{IRM}_i = \frac{|S_i|}{\sum_j |S_j|}, \qquad
\mathrm{IBM}_i = \begin{cases} 1 & |S_i| = \max_j |S_j| \\ 0 & \text{otherwise} \end{cases}, \qquad
\mathrm{WFM}_i = \frac{|S_i|^2}{\sum_j |S_j|^2}.$$

(Some papers call $\sqrt{|S_i|^2 / \sum_j |S_j|^2}$ the IRM; this course uses the magnitude ratio above.)

First, live on the first 6 real mixtures. With 6 mixtures the 95% intervals are wide: the order of close methods can
change with more mixtures.
""",
        zh=r"""
## 模型与理想掩码的比较

对照组是 32 毫秒 Hann 窗、8 毫秒帧移的 STFT 上的理想掩码，用**真实**声源算出：理想比值掩码（IRM）、
理想二值掩码（IBM：哪个声源最响就取 1）和类维纳滤波掩码（WFM）。它们是常用的理想（oracle）参照：
不是方法（要先知道答案），也不是上限（考虑相位的掩码、学出来的编码器都可能超过它们）。记声源 $i$ 的 STFT 为 $S_i$：

$$\mathrm{IRM}_i = \frac{|S_i|}{\sum_j |S_j|}, \qquad
\mathrm{IBM}_i = \begin{cases} 1 & |S_i| = \max_j |S_j| \\ 0 & \text{其他} \end{cases}, \qquad
\mathrm{WFM}_i = \frac{|S_i|^2}{\sum_j |S_j|^2}.$$

（有些论文把 $\sqrt{|S_i|^2 / \sum_j |S_j|^2}$ 叫作 IRM；本课程用的是上面的幅度比。）

先在前 6 个真人混合上现场计算。只有 6 个混合时，95% 置信区间很宽：接近的方法，换成更多混合后排名可能会变。
""",
    ),
    code("""
live = te.ch06.results_table(("real",), count=6)
print(te.ch06.markdown_table(live, te.current_language(), digits=1))
"""),
    md(
        en="""
The stored table covers every test set with 95% bootstrap intervals (`python -m tasnet_edu.cli.evaluate` recomputes the
real and shipped-clip columns; a test checks they match): the real voices, unseen synthetic voices and sentences
(the diverse corpus's test split), and the shipped clips' test sentences.
""",
        zh="""
存档的结果表覆盖所有测试集，并给出 95% 自助法（bootstrap）置信区间（`python -m tasnet_edu.cli.evaluate` 会重新计算真人和随包片段两列，
有测试检查两者一致）：真人语音、没听过的合成声音和句子（多样语料的测试部分），以及随包片段的测试句。
""",
    ),
    code("""
print(te.ch06.markdown_table(te.ch06.shipped_results(), te.current_language(), digits=1))
fig = te.ch06.plot_results(te.ch06.shipped_results(), "real")
"""),
    md(
        en="""
Read each column with its interval. On real voices the model trained only on synthetic speech does separate, while
the first model (10 espeak-ng voices, whose test voices were its training voices) makes real mixtures *worse* — but
both stay far below the oracle masks. On unseen synthetic voices the model is below the masks too; only on the shipped
clips, spoken by the voices it trained on, did the first model reach the masks' level. So, honestly: this tiny model
(225,881 weights, trained for about 3.7 hours on one CPU thread in two runs and then 20 minutes on one GPU) does **not** surpass
the ideal masks on voices it has not heard. The paper's model does (WSJ0-2mix, real speech, 512 templates, days of GPU
training: Conv-TasNet 15.3 dB, IRM 12.2, IBM 13.0, WFM 13.4 dB; Luo & Mesgarani 2019); what this course can show is the
direction: more varied training data, and more of it, turned "does nothing on real people" into clearly audible
separation, about half of what the oracle masks reach. The gap that remains is the subject of the ablations below.

How the shipped model got there: its training log, one point per evaluation, in two stages after the first
model. Stage 1 continued from the first model and ran on one CPU thread with small batches; stage 2 continued from stage 1's last weights on a GPU with
batches 16 times larger in audio (and validated on 100 mixtures, where stage 1 used the first 48 of them). The
synthetic validation curve chose the checkpoint; the real test curve was only watched, so the real voices stay a fair
test. Notice that the two curves do not rise together step by step: validation on synthetic voices is only a rough
guide to real ones.
""",
        zh="""
看每一列时都要连同区间一起看。在真人语音上，只用合成语音训练的模型确实能分离一些，而第一版模型（10 个 espeak-ng 声音，
它的测试声音也是它的训练声音）反而让真人混合变得*更差*——但两者都远低于理想（oracle）掩码。在没听过的合成声音上，模型同样低于掩码；
只有在随包片段上（说话的正是它训练过的声音），第一版模型才达到掩码的水平。所以实话实说：这个小模型（225,881 个权重，
先在一个 CPU 线程上分两次训练了约 3.7 小时，又在一块 GPU 上训练了 20 分钟）在没听过的声音上**没有**超过理想掩码。
论文里的模型做到了（WSJ0-2mix，真人语音，512 个模板，在 GPU 上训练好几天：Conv-TasNet 15.3 dB，IRM 12.2、IBM 13.0、WFM 13.4 dB；
Luo 与 Mesgarani 2019）；本课程能展示的是方向：更多样、更大量的训练数据，把“对真人毫无作用”变成了听得出来的分离，
大约是理想掩码成绩的一半。剩下的差距，正是下面消融实验要讨论的。

随包模型是怎么训练出来的：下面是它的训练记录，每次评估一个点，分两个阶段。第 1 阶段从第一版模型接着训练，在一个 CPU 线程上用小批量；
第 2 阶段从第 1 阶段最后的权重出发，在 GPU 上训练，每批的音频量是原来的 16 倍（验证集用 100 个混合，第 1 阶段用的是其中前 48 个）。
检查点是按合成验证集的曲线挑的；真人测试集的曲线只观察、不参与挑选，所以真人语音仍然是一场公平的测试。
注意两条曲线并不是一步一步同涨同跌的：合成声音上的验证成绩，只能粗略地预示真人语音上的表现。
""",
    ),
    code("""
fig = te.ch06.plot_learning_curve(te.ch06.training_log())
"""),
    md(
        en="""
## What matters: two small ablations, and the amount of training

An ablation changes one thing and keeps the rest. The two ablation tables use the same separator and the same number
of training steps within the table, choose checkpoints on synthetic validation data, and score on the real and the
unseen synthetic test sets (`tools/ablation.py`); a third table scores the shipped model's own training stages on the
same sets.

**Which encoder?** The document's (learned templates + ReLU), Conv-TasNet's final linear encoder (its Table III),
and a fixed STFT bank with the **same** N = 64 channels and L = 16 (32 frequencies, oversampled as in Pariente et al. 2020;
two of its channels, the sines at 0 Hz and at 4 kHz, are always 0, and like any STFT its outputs are signed: no ReLU).
Here the unseen synthetic test set pools English and Mandarin in one set of 100 mixtures, so its numbers differ from
the two language columns above:
""",
        zh="""
## 什么最重要：两个小型消融实验，以及训练量

消融实验每次只改一样东西，其他都不变。两张消融表在表内都用同样的分离器、同样的训练步数，都在合成的验证数据上挑选检查点，
都在真人和没听过的合成测试集上打分（`tools/ablation.py`）；第三张表在同样的测试集上，给随包模型自己的各个训练阶段打分。

**用哪种编码器？** 原文的（学到的模板 + ReLU）、Conv-TasNet 最终采用的线性编码器（论文表 III），以及通道数**相同**
（N = 64、L = 16）的固定 STFT 滤波器组（32 个频率，像 Pariente 等 2020 那样在频率上过采样；其中 0 Hz 和 4 kHz 的两个正弦通道恒为 0，
而且和所有 STFT 一样，输出有正有负，没有 ReLU）。这里的“没听过的合成声音”把英语和普通话合成一组 100 个混合，
所以数字和上面分语言的两列不同：
""",
    ),
    code("""
print(te.ch06.ablation_table("encoder", te.current_language()))
"""),
    md(
        en="""
All three were trained from scratch for the same, small number of steps (the table's budget is in `ablation.json`), so
none is converged. The document's encoder and the fixed STFT bank with the **same** N = 64 have overlapping intervals on
both test sets: this budget cannot tell them apart, in line with full-scale studies that find fixed or parameterised
banks of the same size close to learned ones (Pariente et al. 2020; Ditter & Gerkmann 2020; Heitkaemper et al. 2020).
The linear encoder is clearly behind on synthetic voices at this budget and not distinguishable on real ones. The first
table's "fixed STFT encoder" had only 18 channels: its gap says more about N than about learning.

**Which training data?** Starting from the first model (10 espeak-ng voices), fine-tuned on more and more varied synthetic
speech: the answer to "why did it fail on my voice?":
""",
        zh="""
三者都从零开始、训练同样少的步数（预算记录在 `ablation.json` 里），都还没有收敛。原文的编码器和通道数**相同**（N = 64）的固定 STFT
滤波器组，在两个测试集上的区间都互相重叠：这点预算分不出它们的高下。这和完整规模的研究一致：同样大小的固定或参数化滤波器组，
效果与学出来的相差不大（Pariente 等 2020；Ditter 与 Gerkmann 2020；Heitkaemper 等 2020）。线性编码器在合成声音上明显落后，
在真人语音上则分不出差别。第一张表里的“固定 STFT 编码器”只有 18 个通道：它的差距更多反映的是 N，而不是“学”本身。

**用什么数据训练？** 从第一版模型（10 个 espeak-ng 声音）出发，在越来越多样的合成语音上继续训练——这也回答了
“为什么它听不懂我的声音？”：
""",
    ),
    code("""
print(te.ch06.ablation_table("data", te.current_language()))
"""),
    md(
        en="""
Every row fine-tunes the first model for the same number of steps on the data of its row and the rows above. Any
fine-tuning on more voices lifts real people from below zero to about one dB. At this budget the voices of flite and
festival (built from recordings of real speakers) change little; augmentation gives the best score on real voices and
the lowest of the fine-tuned rows on the clean synthetic test set, but its intervals overlap those of the row above it on both: a trend, not
a proof.

**How much training?** The same data, more of it: the shipped model's own two stages on the augmented diverse corpus,
with the hours of audio each had trained on (mixtures are drawn anew at every step, so these are hours of mixtures,
not of distinct recordings):
""",
        zh="""
每一行都从第一版模型出发，训练同样的步数，用的是本行和上面各行的数据。只要在更多声音上继续训练，真人语音的成绩就从负数升到
1 dB 左右。在这点预算下，加入 flite 和 festival 的声音（由真人录音做成）变化不大；数据增强让真人语音得分最高，
在干净的合成测试集上则是几个继续训练的行里最低的，但在两个测试集上，它的区间都和上一行的区间重叠：只能算一个趋势，还不能算证明。

**训练多少？** 数据不变，只是用得更多：随包模型自己的两个训练阶段，都在增强后的多样语料上，表中给出各自训练过的音频小时数
（每一步都重新混合，所以这是混合音频的小时数，而不是不同录音的小时数）：
""",
    ),
    code("""
print(te.ch06.ablation_table("budget", te.current_language()))
print()
print(te.ch06.describe_budget_trend())
"""),
    md(
        en="""
Stage 1 (12 hours of mixtures, 105 minutes on one CPU thread) took real voices from below zero to about 3 dB; stage 2
(70 times more audio, 20 minutes on one GPU) added about 2 dB more. Each doubling of the audio buys less than half a
dB, so training time alone will not close the gap to the ideal masks on a classroom machine: the line above puts the
8 dB aim at tens of GPU hours. The other lever is a bigger separator (TinyTasNet has about 0.23 million weights,
Conv-TasNet 5.1 million), at the cost of speed (below). With real recordings to train on (for example LibriSpeech),
`python -m tasnet_edu.cli.train --data DIR` trains on real speech the same way.
""",
        zh="""
第 1 阶段（12 小时的混合音频，在一个 CPU 线程上训练 105 分钟）把真人语音从负数提高到 3 dB 左右；第 2 阶段
（音频多了 70 倍，在一块 GPU 上训练 20 分钟）又提高了约 2 dB。音频每翻一倍，收获不到半个 dB，所以在教室里的电脑上，
光靠延长训练追不上理想掩码：照上面那条线，8 dB 的目标要花几十个 GPU 小时。另一条路是把分离器做大（TinyTasNet 约有
23 万个权重，Conv-TasNet 有 510 万个），代价是速度变慢（见下文）。如果你有真人录音可以用来训练（比如 LibriSpeech），
`python -m tasnet_edu.cli.train --data DIR` 就能用同样的方法在真人语音上训练。
""",
    ),
    md(
        en="""
## Watch it learn

A short live run: a fresh TinyTasNet trained for 40 steps on small batches of the shipped clips. The loss is −SI-SNR,
so lower is better; the dashed line is the loss of doing nothing (returning the mixture). The numbers vary between
machines (timing and the progress bar certainly do), so the cell after it checks that the loss fell.
""",
        zh="""
## 看它学习

现场跑一小段训练：一个全新的 TinyTasNet，在随包片段的小批量数据上训练 40 步。损失是 −SI-SNR，越低越好；
虚线是“什么都不做”（直接输出混合语音）的损失。数值在不同机器上会略有不同（耗时和进度条当然也不同），
所以下一个单元格检查的是损失有没有下降。
""",
    ),
    code("""
config = te.ch06.TrainConfig(batch_size=4, segment_seconds=0.5)
fresh, optimizer = te.ch06.new_run(config)
losses = te.ch06.train_steps(fresh, optimizer, config, start=0, steps=40)
""", tags=["nbval-ignore-output"]),
    code("""
first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
baseline = te.ch06.do_nothing_loss(config, 40)
assert last < first, (first, last)
print(te.t("the loss fell:", "损失下降了："), first > last, te.t("| below doing nothing:", "| 低于“什么都不做”："), last < baseline)
fig = te.ch06.plot_losses(losses, baseline=baseline)
"""),
    md(
        en="""
Forty steps lower the loss, but the last steps are still above the dashed line: after 40 steps the fresh model is
still worse than doing nothing. The shipped model trained for more than 30,000 steps (chapter 05).

## Fast enough for real time?

`real_time_factor` times the model on 4 s of audio. Speech people usually quote the **real-time factor**
RTF = processing time / audio length (smaller is faster); the benchmark (`./course benchmark`) measures it for README.
Timings vary from run to run. The memory allocator matters too: `./course lab` starts the kernel with glibc told to
keep freed memory for reuse, which made separation 1.3 to 2.4 times faster (in median, two benchmark runs) on the
machine this course was built on; started another way, this line may show less.
""",
        zh="""
40 步之后损失确实下降了，但最后几步仍在虚线之上：训练 40 步的新模型还不如什么都不做。随包模型前后训练了三万多步（第 5 章）。

## 够快吗？

`real_time_factor` 测量模型处理 4 秒音频用了多久。语音领域通常用**实时率**（real-time factor，RTF）= 处理时间 / 音频时长
（越小越快）；基准测试（`./course benchmark`）测量它，结果写进 README。
每次运行的计时都不一样。内存分配器（memory allocator）也有影响：`./course lab` 启动内核时让 glibc 把释放的内存留着重复使用，
在编写本课程的机器上，这让分离速度（按中位数，两次基准测试）快了 1.3 到 2.4 倍；用别的方式启动时，这一行显示的速度可能低一些。
""",
    ),
    code("""
print(te.ch06.speed_line(te.ch06.real_time_factor(model)))
""", tags=["nbval-ignore-output"]),
    code("""
with torch.no_grad():
    out = model(torch.zeros(1, 32000))
print(list(out.shape))
"""),
    md(
        en="""
## Two voices of your own

Record two takes — two people, or you twice saying different things — and let the shipped model separate them. With
only one take (or none), the missing voice is one of the course's clips, and the cell says so. Expect less than on the
test mixtures above if your room is noisy: the model learned from synthetic voices only. And one mixture says little:
single mixtures spread widely around the averages above (compare the six live ones), so try several takes.
""",
        zh="""
## 你们自己的两个声音

录两段——两个人各说一段，或者你自己说两段不同的话——让随包模型把它们分开。只录了一段（或一段都没录）时，缺的声音用课程自带的音频代替，
单元格会说明这一点。如果房间比较吵，效果会比上面的测试混合差：这个模型只听过合成声音。另外，一个混合说明不了多少问题：
单个混合的成绩在上面的平均值附近分散得很开（对比一下现场算的那 6 个），所以多录几段试试。
""",
    ),
    code("""
take_a, take_b = te.ui.voice.Recorder(), te.ui.voice.Recorder()
display(take_a, take_b)
""", tags=["nbval-ignore-output"]),
    code("""
a = te.ui.voice.take_or_clip(take_a)
b = te.ui.voice.take_or_clip(take_b, fallback=te.core.audio.SECOND_CLIP)
mine, mine_sources = te.mix(a, b)
mine_result = te.ch06.separate(model, mine, mine_sources)
print(te.t("separated SI-SNR (dB):", "分离结果的 SI-SNR（dB）："),
      [round(float(te.si_snr(e, s)), 1) for e, s in zip(mine_result["estimates"], mine_sources)])
Audio(mine.numpy(), rate=8000)
"""),
    code("""
Audio(mine_result["estimates"][0].numpy(), rate=8000)
"""),
    code("""
Audio(mine_result["estimates"][1].numpy(), rate=8000)
"""),
    md(
        en="""
## Exercises

**Exercise 06.1** An estimate is the true source plus noise of **equal energy**, uncorrelated with the source
($\\hat s = s + n$, $\\langle s, n\\rangle = 0$, $\\lVert n\\rVert = \\lVert s\\rVert$). What is its SI-SNR in dB?
""",
        zh="""
## 练习

**练习 06.1** 一个估计等于真实声源加上**能量相同**、且与声源不相关的噪声（$\\hat s = s + n$，$\\langle s, n\\rangle = 0$，
$\\lVert n\\rVert = \\lVert s\\rVert$）。它的 SI-SNR 是多少 dB？
""",
    ),
    code("""
answer = None  # dB
te.check("06.1", answer)
"""),
    code("""
te.solution("06.1")
"""),
    md(
        en="""
**Exercise 06.2** A "separator" that simply returns the mixture twice. What SI-SNRi does it get, in dB?
""",
        zh="""
**练习 06.2** 一个“分离器”什么也不做，两路都直接输出混合语音。它的 SI-SNRi 是多少 dB？
""",
    ),
    code("""
answer = None  # dB
te.check("06.2", answer)
"""),
    code("""
te.solution("06.2")
"""),
    md(
        en="""
**Exercise 06.3** Separate the real mixture `te.ch06.real_example(1)` with `model` and give its SI-SNRi in dB (one
decimal is enough). Predict first: better or worse than the example above?
""",
        zh="""
**练习 06.3** 用 `model` 分离真人混合 `te.ch06.real_example(1)`，给出它的 SI-SNRi（dB，保留一位小数即可）。
先预测一下：会比上面的例子好还是差？
""",
    ),
    code("""
answer = None  # dB
te.check("06.3", answer)
"""),
    code("""
te.solution("06.3")
"""),
    md(
        en="""
**Exercise 06.4** (open question, no checker) The model was trained on synthetic voices only. Listen to the real
recordings and name two ways they differ from the shipped synthetic clips that could confuse a separator. Which row of
the data ablation above tried to imitate each of them?

*Our answer, in words*: real voices are irregular (pitch and loudness wobble from period to period: jitter and
shimmer), they carry a room and a microphone (reverberation, background noise, a narrow radio band or a codec), and
their timbres are more varied than ten synthetic voices. The augmentation row imitates jitter/shimmer, rooms, noise,
band limits and codecs; the engines row brings voices built from recordings of real speakers (flite, festival).
""",
        zh="""
**练习 06.4**（开放题，不自动检查）模型只用合成声音训练过。听一听真人录音，说出它们和随包合成片段的两点不同，
这些不同可能会让分离器犯糊涂。上面数据消融表里的哪一行，分别在模仿它们？

**参考答案**：真人的声音不规则（音高和响度一个周期一个周期地抖动，即 jitter 和 shimmer），录音里带着房间和话筒的痕迹
（混响、背景噪声、无线电的窄频带或编解码器），音色也比 10 个合成声音丰富得多。“数据增强”一行模仿抖动、房间、噪声、频带和编解码；
“flite 和 festival”一行带来了由真人录音做成的声音。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. The encoder turns a mixture into weights of $N$ basis signals; the separator masks the weights per voice; the
   decoder adds up all $N$ basis signals, weighted, frame by frame (overlap-add).
2. SI-SNRi measures the gain in dB, whatever the output's scale and order (PIT); with few mixtures, give an interval.
3. In the strength map (and in an STFT) one voice dominates more of the energy than on the waveform: the document's
   "easier in feature space", measured; what a mask gains from it also depends on how well the decoder turns the map
   back into sound.

## Closing: the whole course on one page

The document's own three lines, now each with a chapter behind it:

1. **Cut the sound into small pieces** — frames of $L$ samples, hop $L/2$ (chapter 01).
2. **Match each piece against $N$ templates** — one dot product per frame and template, $\lVert\text{frame}\rVert\,
   \lVert\text{template}\rVert \cos\theta$ (chapter 02); keep the positive scores with ReLU (chapter 03).
3. **Get a map of matching strength** — `[M, N, K]`, a learned relative of the spectrogram (chapters 04–05), which
   makes separation easier (this chapter).

And the document's bridge: *image → CNN → feature map*; *sound → Conv1d → sound feature map*. What to read next: the
Conv-TasNet paper in full; [Asteroid](https://github.com/asteroid-team/asteroid) and
[SpeechBrain](https://speechbrain.github.io/) for full-size separators and real corpora; and, with recordings of your
own, `python -m tasnet_edu.cli.train --data DIR` (README) to train this tiny model on real speech.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network", ICASSP 2018:
  [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation",
  IEEE/ACM TASLP 2019 (Table III: encoder variants; ideal-mask baselines): [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- J. Le Roux, S. Wisdom, H. Erdogan, J. R. Hershey, "SDR – half-baked or well done?", ICASSP 2019 (SI-SDR):
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)
- D. Yu, M. Kolbæk, Z.-H. Tan, J. Jensen, "Permutation invariant training of deep models for speaker-independent
  multi-talker speech separation", ICASSP 2017: [arXiv:1607.00325](https://arxiv.org/abs/1607.00325)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent, "Filterbank design for end-to-end speech separation",
  ICASSP 2020: [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- D. Ditter, T. Gerkmann, "A multi-phase gammatone filterbank for speech separation via TasNet", ICASSP 2020:
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- J. Heitkaemper, D. Jakobeit, C. Boeddeker, L. Drude, R. Haeb-Umbach, "Demystifying TasNet: a dissecting approach",
  ICASSP 2020: [arXiv:1911.08895](https://arxiv.org/abs/1911.08895)
- Kaituo Xu, Conv-TasNet in PyTorch: [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet);
  Demucs v2 (the document's `Encoder` class): [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Rowe, Codec 2 and its example recordings (the real test set): [github.com/drowe67/codec2](https://github.com/drowe67/codec2)

← Previous: [05 Learned templates vs Fourier](05_learned_vs_stft.ipynb)
""",
        zh=r"""
## 本章总结（三句话）

1. 编码器把混合语音变成 $N$ 条基信号的权重；分离器为每个声音给权重加掩码；解码器逐帧把全部 $N$ 条基信号加权求和，再重叠相加。
2. SI-SNRi 以 dB 衡量提升，与输出的音量和顺序无关（PIT）；混合的数量少时，要给出区间。
3. 在强度图（以及 STFT）上，由一个声音主导的能量比在波形上更多：这就是原文“在特征空间里分离更容易”的实测版本；
   掩码能从中得到多少好处，还取决于解码器把强度图变回声音的本领。

## 结语：一页纸看全课

原文自己的三句话总结，现在每一句背后都有一章：

1. **把声音切成小块**——每帧 $L$ 个采样点，帧移 $L/2$（第 1 章）。
2. **用 $N$ 个模板去匹配每一块**——每帧、每个模板一次点积，$\lVert\text{帧}\rVert\,\lVert\text{模板}\rVert \cos\theta$（第 2 章）；
   用 ReLU 只保留正分（第 3 章）。
3. **得到一张匹配强度图**——`[M, N, K]`，语谱图学出来的“近亲”（第 4、5 章），它让分离变得更容易（本章）。

还有原文的那座桥：*图片 → CNN → 特征图*；*声音 → Conv1d → 声音特征图*。接下来可以读：Conv-TasNet 论文全文；
[Asteroid](https://github.com/asteroid-team/asteroid) 和 [SpeechBrain](https://speechbrain.github.io/)，里面有完整规模的分离模型和真实语料；
如果你有自己的录音，用 `python -m tasnet_edu.cli.train --data DIR`（见 README）就能在真实语音上训练这个小模型。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network”，ICASSP 2018：
  [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation”，
  IEEE/ACM TASLP 2019（表 III：编码器的几种变体；理想掩码对照）：[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- J. Le Roux, S. Wisdom, H. Erdogan, J. R. Hershey，“SDR – half-baked or well done?”，ICASSP 2019（SI-SDR）：
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)
- D. Yu, M. Kolbæk, Z.-H. Tan, J. Jensen，“Permutation invariant training of deep models for speaker-independent
  multi-talker speech separation”，ICASSP 2017：[arXiv:1607.00325](https://arxiv.org/abs/1607.00325)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent，“Filterbank design for end-to-end speech separation”，
  ICASSP 2020：[arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- D. Ditter, T. Gerkmann，“A multi-phase gammatone filterbank for speech separation via TasNet”，ICASSP 2020：
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- J. Heitkaemper, D. Jakobeit, C. Boeddeker, L. Drude, R. Haeb-Umbach，“Demystifying TasNet: a dissecting approach”，
  ICASSP 2020：[arXiv:1911.08895](https://arxiv.org/abs/1911.08895)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现：[github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)；
  Demucs v2（原文 `Encoder` 类的出处）：[github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Rowe，Codec 2 及其示例录音（真人测试集的来源）：[github.com/drowe67/codec2](https://github.com/drowe67/codec2)

← 上一章：[第 5 章　学到的模板与傅里叶模板](05_learned_vs_stft.ipynb)
""",
    ),
]
