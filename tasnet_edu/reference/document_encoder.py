"""The course document's Encoder, verbatim: the reference the course reproduces.

Where it comes from: Demucs v2's ``tasnet.py`` (Alexandre Défossez, Facebook
Research, MIT license: https://github.com/facebookresearch/demucs/blob/v2/demucs/tasnet.py),
which adds ``audio_channels`` to Kaituo Xu's Conv-TasNet reimplementation (MIT
license: https://github.com/kaituoxu/Conv-TasNet/blob/master/src/conv_tasnet.py).
The original TasNet (Luo & Mesgarani, ICASSP 2018) gates its encoder
(ReLU times a sigmoid, on normalised frames); this plain ReLU form is the
reimplementations'.

Chapter 00 shows this class verbatim in a cell (tests/chapters/test_ch00.py checks that
the cell equals this file) and runs it next to :class:`tasnet_edu.Encoder`; the tests check
that a state dict moves between the two and that their outputs are bit-for-bit equal.
Kept as written in the document (only the imports are added); note that
``nn.Conv1d`` wants ``[M, C, T]``, so this class needs ``mixture.unsqueeze(1)``
for the ``[M, T]`` input its docstring promises.
"""

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
