"""tasnet_edu: the package behind the TasNet encoder course.

The plan (CONTRIBUTING.md has the import graph)::

    chapters/   ch00_intro ... ch06_separation      one module per notebook: te.ch00 ... te.ch06
    ui/         i18n (language), plotting, course (the chapter registry, start_chapter)
    core/       checks, audio, signals, framing, matching, fourier, encoder, model, metrics,
                evaluation, training: compute only, no plotting
    reference/  the document's Encoder, verbatim (from Demucs v2 / Kaituo Xu's Conv-TasNet)
    exercises/  end-of-chapter checks (solutions behind one flag)

``import tasnet_edu`` loads torch and the core only: chapters, plotting and
widgets load on first use (``te.ch03``, ``te.start_chapter``).
"""

from importlib import import_module

from .core.audio import fixed_mixtures, load_audio, load_clip, mix, speech_clips
from .core.encoder import Encoder, encoder_from_templates
from .core.fourier import frequency_response, peak_frequency, sort_by_frequency, stft_kernels
from .core.framing import num_frames, slice_frames
from .core.matching import match_templates
from .core.metrics import si_snr
from .core.model import TinyTasNet, load_pretrained
from .exercises import check, solution
from .ui.course import CHAPTERS as _REGISTRY
from .ui.i18n import current_language, t, use_language

_CHAPTERS = {f"ch{c.number}": c for c in _REGISTRY if c.module}  # te.chNN, from the one registry (ui.course.CHAPTERS)
_SUBPACKAGES = {"core", "ui", "chapters", "reference", "exercises"}


def start_chapter(number: str, language: str | None = None) -> None:
    """The first code cell of every chapter: see :func:`tasnet_edu.ui.course.start_chapter`."""
    from .ui.course import start_chapter as start

    start(number, language)


def __getattr__(name):
    """``te.ch03`` (the chapter modules) and the subpackages load on first use."""
    if name in _CHAPTERS:
        return _CHAPTERS[name].load()
    if name in _SUBPACKAGES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'tasnet_edu' has no attribute {name!r}")


__all__ = [
    "Encoder", "encoder_from_templates", "num_frames", "slice_frames", "match_templates", "stft_kernels",
    "frequency_response", "peak_frequency", "sort_by_frequency", "load_audio", "load_clip", "speech_clips", "mix",
    "fixed_mixtures", "si_snr", "use_language", "current_language", "t", "start_chapter", "check", "solution",
    "TinyTasNet", "load_pretrained",
]
