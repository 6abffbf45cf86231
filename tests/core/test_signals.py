"""core.signals and the shipped example clip: silence trimming."""

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.core.audio import EXAMPLE_CLIP, example_clip
from tasnet_edu.core.signals import trim_silence


def test_trim_silence_cuts_only_the_ends():
    x = torch.tensor([0.0, 0.0, 0.5, 0.0, -0.25, 0.0])
    assert torch.equal(trim_silence(x), torch.tensor([0.5, 0.0, -0.25]))
    assert torch.equal(trim_silence(x, threshold=0.3), torch.tensor([0.5]))


@pytest.mark.parametrize(
    "bad, error, words",
    [
        (torch.zeros(2, 5), ValueError, "one waveform"),
        (torch.zeros(5), ValueError, "silent"),
        ([0.0, 1.0], TypeError, "torch.Tensor"),
    ],
)
def test_trim_silence_refuses(bad, error, words):
    with pytest.raises(error, match=words):
        trim_silence(bad)


def test_trim_silence_refuses_negative_threshold():
    with pytest.raises(ValueError, match="threshold"):
        trim_silence(torch.ones(3), threshold=-1)


def test_example_clip_has_sound_at_both_ends():
    x = example_clip()
    full = te.load_clip(EXAMPLE_CLIP)
    assert x.dim() == 1 and x.dtype == torch.float32
    assert x[0] != 0 and x[-1] != 0
    assert len(x) < len(full)
