"""The seed document's Encoder, verbatim: the reference the course reproduces.

Chapter 00 runs it next to :class:`tasnet_edu.Encoder`, and the tests check that a
state dict moves between the two and that their outputs are bit-for-bit equal.
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
