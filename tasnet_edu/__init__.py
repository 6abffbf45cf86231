"""tasnet_edu: the package behind the TasNet encoder course.

Module <-> chapter map (notebooks/en and notebooks/zh):

=================  ==========================================
``intro``          00 introduction: the cocktail party, samples, the document's Encoder next to ours
``framing``        01 slicing: num_frames, slice_frames
``matching``       02 template matching: match_templates, tone, click
``encoder``        the Encoder itself (every chapter); ``seed`` is the document's class
``relu``           03 keeping positive scores
``fourier``        04-05 stft_kernels, frequency_response, peak_frequency
``strength_map``   04 the strength map next to the STFT spectrogram
``learned``        05 learned kernels vs STFT bases
``model``          05-06 TinyTasNet (one readable file)
``metrics``        06 si_snr, permutation invariant training, ideal masks
``separation``     06 the separation demo and results table
``audio``          load_audio, shipped speech clips, mixtures
``train``          training (``python -m tasnet_edu.train``)
``figures``        ``python -m tasnet_edu.figures --out figures``
``exercises``      end-of-chapter checks (solutions behind one flag)
=================  ==========================================
"""

from .audio import fixed_mixtures, load_audio, load_clip, mix, speech_clips
from .course import start_chapter
from .encoder import Encoder
from .exercises import check, solution
from .fourier import frequency_response, peak_frequency, sort_by_frequency, stft_kernels
from .framing import num_frames, slice_frames
from .language import current_language, t, use_language
from .matching import match_templates
from .model import TinyTasNet, load_pretrained

_SUBMODULES = {
    "audio", "checks", "corpus", "course", "encoder", "evaluate", "exercises", "figures", "fourier", "framing",
    "intro", "language", "learned", "matching", "metrics", "model", "plotting", "relu", "seed", "separation",
    "strength_map", "train",
}


def __getattr__(name):
    """``te.learned``, ``te.separation``, ...: chapter modules load on first use."""
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'tasnet_edu' has no attribute {name!r}")

__all__ = [
    "Encoder", "num_frames", "slice_frames", "match_templates", "stft_kernels", "frequency_response",
    "peak_frequency", "sort_by_frequency", "load_audio", "load_clip", "speech_clips", "mix", "fixed_mixtures",
    "use_language", "current_language", "t", "start_chapter", "check", "solution", "TinyTasNet", "load_pretrained",
]
