"""TinyTasNet: the course's Encoder inside a small Conv-TasNet, in one file.

Used by notebooks ``05_learned_vs_stft`` and ``06_separation`` and by
``tasnet_edu.train``. Read it top to bottom::

    mixture [M, T]
      -> encoder      [M, N, K]   strength map (chapter 01-04's Encoder, or fixed STFT kernels)
      -> separator    [M, S, N, K] one mask per source, values in (0, 1)
      -> mask * map   [M, S, N, K] each source's part of the map
      -> decoder      [M, S, T]   transposed conv = overlap-add of N basis signals

The separator is Conv-TasNet's temporal convolutional network, scaled down:
R repeats of X dilated depthwise-conv blocks (dilation 1, 2, 4, ...), so the
receptive field grows exponentially with depth.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

from .checks import as_float_tensor, check_size
from .encoder import Encoder
from .fourier import stft_kernels


@dataclass
class TasNetConfig:
    """Sizes, in the Conv-TasNet paper's letters (the paper's best: N=512, L=16, B=128, H=512, P=3, X=8, R=3)."""

    L: int = 16  # frame length in samples (2 ms at 8 kHz)
    N: int = 64  # number of encoder templates (learned encoder only)
    B: int = 64  # bottleneck channels
    H: int = 128  # channels inside each conv block
    P: int = 3  # depthwise kernel size
    X: int = 6  # blocks per repeat (dilations 1 .. 2**(X-1))
    R: int = 2  # repeats
    num_sources: int = 2
    encoder: str = "learned"  # "learned" (Encoder + ReLU) or "stft" (fixed Fourier kernels)
    sample_rate: int = 8000

    def __post_init__(self):
        for name, minimum in (("L", 2), ("N", 1), ("B", 1), ("H", 1), ("P", 1), ("X", 1), ("R", 1), ("num_sources", 1)):
            check_size(name, getattr(self, name), minimum)
        if self.encoder not in ("learned", "stft"):
            raise ValueError(f"encoder must be 'learned' or 'stft', got {self.encoder!r}")


class STFTEncoder(nn.Module):
    """Fixed encoder: Hann-windowed Fourier kernels (``stft_kernels``), real and imaginary parts.

    No ReLU: Fourier coefficients are signed, and clipping them would throw away phase.
    """

    def __init__(self, L: int):
        super().__init__()
        self.L = L
        self.register_buffer("kernels", stft_kernels(L))
        self.N = self.kernels.shape[0]

    @property
    def templates(self) -> torch.Tensor:
        """The fixed templates ``[N, 1, L]``, named as :attr:`Encoder.templates` so both encoders read alike."""
        return self.kernels

    def forward(self, x):  # [M, 1, T] -> [M, 2 * (L // 2 + 1), K]
        return F.conv1d(x, self.kernels, stride=self.L // 2)


class GlobalLayerNorm(nn.Module):
    """gLN: normalise each example over channels *and* time, then scale and shift per channel."""

    def __init__(self, channels: int, eps: float = 1e-8):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(1, channels, 1))
        self.beta = nn.Parameter(torch.zeros(1, channels, 1))
        self.eps = eps

    def forward(self, x):  # [M, C, K]
        flat = x.reshape(x.shape[0], -1)
        # E[x^2] - E[x]^2 over a flat view: one fused pass each, far faster on CPU than var_mean over two dims.
        mean = flat.mean(dim=1)
        var = ((flat * flat).mean(dim=1) - mean * mean).clamp_min(0)
        scale = self.gamma * torch.rsqrt(var + self.eps)[:, None, None]  # [M, C, 1]: one multiply, no division
        return torch.addcmul(self.beta - mean[:, None, None] * scale, x, scale)  # x * scale + shift in one pass


class ConvBlock(nn.Module):
    """1x1 conv -> PReLU -> gLN -> dilated depthwise conv -> PReLU -> gLN -> 1x1 conv, plus a residual."""

    def __init__(self, B: int, H: int, P: int, dilation: int):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(B, H, 1),
            nn.PReLU(),
            GlobalLayerNorm(H),
            # "same" padding keeps K; depthwise (groups=H) keeps the block cheap.
            nn.Conv1d(H, H, P, dilation=dilation, padding=dilation * (P - 1) // 2, groups=H),
            nn.PReLU(),
            GlobalLayerNorm(H),
            nn.Conv1d(H, B, 1),
        )

    def forward(self, x):
        return x + self.net(x)


class Separator(nn.Module):
    """Temporal conv network: strength map ``[M, N, K]`` -> masks ``[M, S, N, K]`` in (0, 1)."""

    def __init__(self, N: int, cfg: TasNetConfig):
        super().__init__()
        self.N, self.S = N, cfg.num_sources
        blocks = [ConvBlock(cfg.B, cfg.H, cfg.P, dilation=2**x) for _ in range(cfg.R) for x in range(cfg.X)]
        self.net = nn.Sequential(
            GlobalLayerNorm(N),
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
        self.encoder = Encoder(cfg.L, cfg.N) if cfg.encoder == "learned" else STFTEncoder(cfg.L)
        n_basis = self.encoder.N
        self.separator = Separator(n_basis, cfg)
        # Transposed conv with the encoder's stride: each frame's N weights pick a mix of
        # N learned basis signals of L samples, and overlapping frames are added up.
        self.decoder = nn.ConvTranspose1d(n_basis, 1, kernel_size=cfg.L, stride=self.hop, bias=False)

    def _pad(self, x):
        """Pad ``[M, 1, T]`` so the frames tile it exactly and every sample sits in two frames."""
        T = x.shape[-1]
        rest = (self.hop - (max(T, self.L) - self.L) % self.hop) % self.hop + max(0, self.L - T)
        return F.pad(x, (self.hop, rest + self.hop))

    def encode(self, mixture) -> torch.Tensor:
        """The padded mixture's strength map ``[M, N, K]``."""
        return self.encoder(self._pad(self._as_mixture(mixture).unsqueeze(1)))

    def forward(self, mixture, return_parts: bool = False):
        x = self._as_mixture(mixture)
        T = x.shape[-1]
        w = self.encoder(self._pad(x.unsqueeze(1)))  # [M, N, K]
        masks = self.separator(w)  # [M, S, N, K]
        parts = masks * w.unsqueeze(1)  # [M, S, N, K]
        M, S, N, K = parts.shape
        y = self.decoder(parts.view(M * S, N, K)).view(M, S, -1)
        sources = y[..., self.hop : self.hop + T]  # drop the padding: output length == input length
        if return_parts:
            return sources, {"strength_map": w, "masks": masks, "masked": parts}
        return sources

    def _as_mixture(self, mixture) -> torch.Tensor:
        x = as_float_tensor(mixture, "mixture", dtype=self.decoder.weight.dtype)
        if x.dim() != 2 or x.shape[0] == 0 or x.shape[1] == 0:
            hint = " (one clip: x.unsqueeze(0))" if x.dim() == 1 else ""
            raise ValueError(f"mixture has shape {list(x.shape)}; expected [M, T] with M, T >= 1{hint}")
        return x

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad)

    def config_dict(self) -> dict:
        return asdict(self.cfg)


PRETRAINED_DIR = Path(__file__).parent / "pretrained"
PRETRAINED = {"learned": "tiny_tasnet_learned.pt", "stft": "tiny_tasnet_stft.pt"}


def load_checkpoint(encoder: str = "learned") -> dict:
    """The shipped checkpoint as a dict (weights, config, training facts); loads with ``weights_only=True``."""
    if encoder not in PRETRAINED:
        raise ValueError(f"unknown encoder {encoder!r}; shipped models: {', '.join(PRETRAINED)}")
    path = PRETRAINED_DIR / PRETRAINED[encoder]
    if not path.is_file():
        raise FileNotFoundError(f"no shipped checkpoint at {path}; reinstall the package or train one with python -m tasnet_edu.train")
    return torch.load(path, weights_only=True)


def load_pretrained(encoder: str = "learned") -> TinyTasNet:
    """The shipped TinyTasNet, in eval mode: ``encoder="learned"`` (the course's Encoder) or ``"stft"``.

    Used by notebooks 05 and 06. ``model.sample_rate == 8000``; ``model.encoder``
    is an :class:`~tasnet_edu.Encoder` for the learned model.
    """
    ckpt = load_checkpoint(encoder)
    model = TinyTasNet(TasNetConfig(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])
    return model.eval()


def untrained_model(encoder: str = "learned", seed: int = 0) -> TinyTasNet:
    """TinyTasNet as it was before training: the same seeded initialisation ``tasnet_edu.train`` starts from."""
    torch.manual_seed(seed)
    return TinyTasNet(TasNetConfig(encoder=encoder)).eval()
