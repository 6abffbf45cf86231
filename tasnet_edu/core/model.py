"""TinyTasNet: the course's Encoder inside a small Conv-TasNet, in one file.

Used by chapters 05 and 06 and by training. Read it top to bottom::

    mixture [M, T]
      -> encoder      [M, N, K]    strength map (chapters 01-04's Encoder, or fixed STFT kernels)
      -> separator    [M, S, N, K] one mask per source, values in (0, 1)
      -> mask * map   [M, S, N, K] each source's part of the map
      -> decoder      [M, S, T]    transposed conv: every frame adds up all N basis signals,
                                   each weighted by its entry of the masked map (overlap-add)

The separator is Conv-TasNet's temporal convolutional network, scaled down:
R repeats of X dilated depthwise-conv blocks (dilation 1, 2, 4, ...), so the
receptive field grows exponentially with depth. It has no skip-connection paths
(see :class:`Separator`): the masks come from the last block's residual output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

from .audio import SAMPLE_RATE
from .checks import as_float_tensor, check_size
from .encoder import Encoder, STFTEncoder

ENCODERS = ("learned", "linear", "stft", "waveform")


@dataclass
class TasNetConfig:
    """Sizes, in the Conv-TasNet paper's letters (the paper's best: N=512, L=16, B=128, H=512, P=3, X=8, R=3)."""

    L: int = 16  # frame length in samples (2 ms at 8 kHz)
    N: int = 64  # number of encoder templates (learned encoder only)
    B: int = 64  # bottleneck channels
    H: int = 128  # channels inside each conv block
    P: int = 3  # depthwise kernel size (odd, so "same" padding keeps the number of frames)
    X: int = 6  # blocks per repeat (dilations 1 .. 2**(X-1))
    R: int = 2  # repeats
    num_sources: int = 2
    encoder: str = "learned"  # "learned" (Encoder + ReLU), "linear" (learned, no ReLU), "stft" (fixed Fourier kernels)
    # or "waveform" (no encoder to learn: the frames' raw samples, identity templates, N = L)
    sample_rate: int = SAMPLE_RATE  # 8000 Hz, the course's rate
    n_fft: int | None = None  # STFT encoder: frequency resolution (default L: 2 * (L // 2 + 1) channels)

    def __post_init__(self):
        for name, minimum in (("L", 2), ("N", 1), ("B", 1), ("H", 1), ("P", 1), ("X", 1), ("R", 1), ("num_sources", 1)):
            check_size(name, getattr(self, name), minimum)
        if self.P % 2 == 0:
            raise ValueError(f"P must be odd (the depthwise conv pads (P - 1) / 2 frames on each side), got P={self.P}; "
                             f"use P={self.P + 1}")
        if self.encoder not in ENCODERS:
            raise ValueError(f"encoder must be one of {', '.join(map(repr, ENCODERS))}, got {self.encoder!r}")


def global_layer_norm(channels: int) -> nn.GroupNorm:
    """gLN: normalise each example over channels *and* time, then scale and shift per channel.

    That is exactly ``GroupNorm`` with one group (Conv-TasNet's eps, 1e-8).
    """
    return nn.GroupNorm(1, channels, eps=1e-8)


class DepthwiseConv1d(nn.Conv1d):
    """Dilated depthwise conv with "same" padding: each of the H channels is filtered on its own,
    so K frames stay K and the block stays cheap.

    It is ``nn.Conv1d(H, H, P, dilation=d, padding=d * (P - 1) // 2, groups=H)``, same weights and
    same result (a test checks outputs and gradients against that). On a CPU it computes the P taps
    as P shifted multiply-adds: PyTorch's own CPU kernel was about 30% of a whole separation in a
    profile here (about 1.0 ms a call on one clip's 4000 frames, against 0.6 ms for these).
    """

    def __init__(self, channels: int, P: int, dilation: int):
        super().__init__(channels, channels, P, dilation=dilation, padding=dilation * (P - 1) // 2, groups=channels)

    def forward(self, x):
        if x.device.type != "cpu":
            return super().forward(x)
        d, K = self.dilation[0], x.shape[-1]
        x = F.pad(x, self.padding * 2)
        w = self.weight[:, 0, :, None]  # [H, P, 1]: tap p of every channel
        y = torch.addcmul(self.bias[:, None], w[:, 0], x[..., :K])
        for p in range(1, self.kernel_size[0]):
            y = y.addcmul_(w[:, p], x[..., p * d : p * d + K])
        return y


class ConvBlock(nn.Module):
    """1x1 conv -> PReLU -> gLN -> dilated depthwise conv -> PReLU -> gLN -> 1x1 conv, plus a residual.

    The paper's block (Conv-TasNet, Luo & Mesgarani 2019, Fig. 1(C) and Sec. II-D) ends in two 1x1 convs:
    a residual path, the input of the next block, and a skip-connection path, summed over all blocks to
    make the masks. The skip-connection path is left out here: a block returns only its residual path
    ``x + net(x)``, and :class:`Separator` makes the masks from the last block's output.
    """

    def __init__(self, B: int, H: int, P: int, dilation: int):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(B, H, 1),
            nn.PReLU(),
            global_layer_norm(H),
            DepthwiseConv1d(H, P, dilation),
            nn.PReLU(),
            global_layer_norm(H),
            nn.Conv1d(H, B, 1),
        )

    def forward(self, x):
        return x + self.net(x)


class Separator(nn.Module):
    """Temporal conv network: strength map ``[M, N, K]`` -> masks ``[M, S, N, K]`` in (0, 1).

    gLN -> 1x1 bottleneck conv (N -> B) -> R x X :class:`ConvBlock` -> PReLU -> 1x1 conv (B -> S * N) -> sigmoid.

    Simpler than the paper's (Conv-TasNet, Luo & Mesgarani 2019, Fig. 1 and Sec. II-D): there every block
    also has a skip-connection path, and the sum of all blocks' skip outputs feeds the output layer. Those
    paths are left out here: the mask comes from the residual path's output only, that of the last block.
    """

    def __init__(self, N: int, cfg: TasNetConfig):
        super().__init__()
        self.N, self.S = N, cfg.num_sources
        blocks = [ConvBlock(cfg.B, cfg.H, cfg.P, dilation=2**x) for _ in range(cfg.R) for x in range(cfg.X)]
        self.net = nn.Sequential(
            global_layer_norm(N),
            nn.Conv1d(N, cfg.B, 1),  # bottleneck
            *blocks,
            nn.PReLU(),
            nn.Conv1d(cfg.B, self.S * N, 1),
        )

    def forward(self, w):
        M, N, K = w.shape
        return torch.sigmoid(self.net(w)).view(M, self.S, N, K)


class TinyTasNet(nn.Module):
    """Encoder -> separator (masks) -> decoder. ``model(mixture [M, T]) -> sources [M, S, T]``."""

    def __init__(self, cfg: TasNetConfig | None = None):
        super().__init__()
        self.cfg = cfg = cfg or TasNetConfig()
        self.sample_rate = cfg.sample_rate
        self.L, self.hop = cfg.L, cfg.L // 2
        if cfg.encoder == "stft":
            self.encoder = STFTEncoder(cfg.L, cfg.n_fft)
        elif cfg.encoder == "waveform":  # frozen identity templates: the map is the frames themselves, [M, L, K]
            self.encoder = Encoder(cfg.L, cfg.L, relu=False).requires_grad_(False)
            nn.init.eye_(self.encoder.conv1d_U.weight.data.squeeze(1))
        else:
            self.encoder = Encoder(cfg.L, cfg.N, relu=cfg.encoder == "learned")
        n_basis = self.encoder.N
        self.separator = Separator(n_basis, cfg)
        # Transposed conv with the encoder's stride: each frame adds up all N basis signals of L
        # samples, weighted by the masked map, and overlapping frames are added up.
        self.decoder = nn.ConvTranspose1d(n_basis, 1, kernel_size=cfg.L, stride=self.hop, bias=False)

    def _pad(self, x):
        """Pad ``[M, 1, T]`` so the frames tile it exactly and every sample sits in two frames."""
        T = x.shape[-1]
        rest = (self.hop - (max(T, self.L) - self.L) % self.hop) % self.hop + max(0, self.L - T)
        return F.pad(x, (self.hop, rest + self.hop))

    def forward(self, mixture, return_parts: bool = False):
        x = self._as_mixture(mixture)
        w = self.encode(x)  # [M, N, K]
        masks = self.separator(w)  # [M, S, N, K]
        parts = masks * w.unsqueeze(1)  # [M, S, N, K]
        sources = self.decode(parts, x.shape[-1])
        if return_parts:
            return sources, {"strength_map": w, "masks": masks, "masked": parts}
        return sources

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Waveforms ``[M, T]`` -> strength map ``[M, N, K]`` (padded so every sample sits in two frames)."""
        return self.encoder.transform(self._pad(x.unsqueeze(1)))

    def decode(self, parts: torch.Tensor, length: int) -> torch.Tensor:
        """Maps ``[M, S, N, K]`` -> waveforms ``[M, S, length]``: every frame adds up all N basis signals, weighted."""
        M, S, N, K = parts.shape
        y = self.decoder(parts.reshape(M * S, N, K)).view(M, S, -1)
        return y[..., self.hop : self.hop + length]  # drop the padding: output length == input length

    def _as_mixture(self, mixture) -> torch.Tensor:
        """Shape and dtype checks only: scanning for NaN would cost a pass and a host sync on every call."""
        if isinstance(mixture, torch.Tensor) and mixture.is_floating_point():
            x = mixture.to(self.decoder.weight.dtype)
        else:
            x = as_float_tensor(mixture, "mixture", dtype=self.decoder.weight.dtype)
        if x.dim() != 2 or x.shape[0] == 0 or x.shape[1] == 0:
            hint = " (one clip: x.unsqueeze(0))" if x.dim() == 1 else ""
            raise ValueError(f"mixture has shape {list(x.shape)}; expected [M, T] with M, T >= 1{hint}")
        return x

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad)


PRETRAINED_DIR = Path(__file__).resolve().parents[1] / "pretrained"
PRETRAINED = {
    "learned": "tiny_tasnet_learned.pt",  # the document's encoder; trained on the diverse synthetic corpus
    "learned-espeak": "tiny_tasnet_learned_espeak.pt",  # the first model: 10 espeak-ng voices only
    "stft": "tiny_tasnet_stft.pt",  # fixed 18-channel STFT encoder, 10 espeak-ng voices
}


def load_checkpoint(encoder: str = "learned") -> dict:
    """The shipped checkpoint as a dict (weights, config, training facts); loads with ``weights_only=True``."""
    if encoder not in PRETRAINED:
        raise ValueError(f"unknown encoder {encoder!r}; shipped models: {', '.join(PRETRAINED)}")
    path = PRETRAINED_DIR / PRETRAINED[encoder]
    if not path.is_file():
        raise FileNotFoundError(f"no shipped checkpoint at {path}; reinstall the package or train one with "
                                "python tools/train.py")
    return torch.load(path, weights_only=True)


def load_pretrained(encoder: str = "learned") -> TinyTasNet:
    """The shipped TinyTasNet, in eval mode: ``encoder="learned"`` (the course's Encoder) or ``"stft"``.

    ``model.sample_rate == 8000``; ``model.encoder`` is an :class:`~tasnet_edu.Encoder` for the learned model.

    >>> model = load_pretrained()
    >>> model.sample_rate, type(model.encoder).__name__
    (8000, 'Encoder')
    """
    ckpt = load_checkpoint(encoder)
    model = TinyTasNet(TasNetConfig(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])
    return model.eval()


def untrained_model(encoder: str = "learned") -> TinyTasNet:
    """The shipped model ``encoder`` as it was before training: its config, at the seeded initialisation that
    training from scratch starts from (:func:`~tasnet_edu.core.training.new_run`). The global random generator is
    left as it was.
    """
    ckpt = load_checkpoint(encoder)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(int(ckpt.get("train_config", {}).get("seed", 0)))
        return TinyTasNet(TasNetConfig(**ckpt["config"])).eval()
