"""Input checks shared by every chapter's functions.

Bad input gets a ``ValueError`` / ``TypeError`` from here that names the value
and the fix, instead of a torch traceback from deep inside ``conv1d``. Nothing
is changed silently: the only conversions are NumPy -> torch and a float dtype
to the dtype the computation needs.
"""

from __future__ import annotations

import numbers

import numpy as np
import torch


def check_size(name: str, value, minimum: int) -> int:
    """Return ``value`` as an int if it is a whole number >= ``minimum``, else raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r} ({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def as_float_tensor(x, name: str = "audio", dtype: torch.dtype | None = None) -> torch.Tensor:
    """Turn ``x`` (torch tensor or NumPy array) into a floating tensor, refusing what would lose meaning.

    Integer audio (e.g. int16 PCM) is refused with a hint, because its scale is
    the user's choice (``/ 32768`` for 16-bit PCM). NaN or inf are refused, since
    they would spread through every frame and leave a silent NaN map.
    """
    from_numpy = False
    if isinstance(x, np.ndarray):
        if x.dtype == object:
            raise TypeError(f"{name} is a NumPy array of Python objects; pass numbers, e.g. np.asarray(x, dtype=np.float32)")
        from_numpy = True
        if not x.dtype.isnative:  # big-endian data (some WAV/NPY readers): torch refuses it
            x = x.astype(x.dtype.newbyteorder("="))
        # A copy for read-only arrays: torch warns about non-writable memory otherwise.
        # copy=None: only if needed (strided views) - numpy 2 refuses copy=False then.
        x = torch.from_numpy(np.array(x, order="C", copy=None if x.flags.writeable else True))
    elif not isinstance(x, torch.Tensor):
        raise TypeError(
            f"{name} must be a torch.Tensor or NumPy array, got {type(x).__name__}; "
            f"convert it with torch.as_tensor({name}, dtype=torch.float32)"
        )
    if x.is_complex() or not x.is_floating_point():
        to_float = "x.astype(np.float32)" if from_numpy else "x.float()"
        if x.is_complex():
            fix = f"keep a real part, e.g. {'x.real' if from_numpy else 'x.real.float()'}"
        elif x.dtype == torch.bool:
            fix = f"convert it to floating point first, e.g. {to_float}"
        else:  # integer samples: the scale is the user's choice; say what it is for PCM
            full_scale = {torch.int32: "2147483648", torch.uint8: "128 - 1"}.get(x.dtype, "32768")
            fix = (f"convert it to floating point first, e.g. {to_float} / {full_scale} "
                   f"(integer PCM samples scaled to -1..1)")
        raise TypeError(f"{name} has dtype {x.dtype}{' (NumPy)' if from_numpy else ''}; {fix}")
    if dtype is not None and x.dtype != dtype:
        x = x.to(dtype)
    if x.numel() and not torch.isfinite(x).all():
        bad = int((~torch.isfinite(x)).sum())
        raise ValueError(
            f"{name} contains {bad} NaN or infinite value(s); clean it first, e.g. torch.nan_to_num({name}) "
            "or drop the broken samples"
        )
    return x


def check_length(T: int, L: int, name: str = "audio") -> None:
    """Raise if ``T`` samples cannot hold one frame of ``L`` samples."""
    if T < L:
        raise ValueError(f"{name} has {T} samples, shorter than one frame (L={L}); pass at least {L} samples or use a smaller L")


def as_batch(x, audio_channels: int, L: int, dtype: torch.dtype | None = None) -> torch.Tensor:
    """Check encoder input and return it as ``[M, C, T]``.

    Accepts the seed's ``[M, C, T]`` and, when ``audio_channels == 1``, ``[M, T]``.
    """
    x = as_float_tensor(x, dtype=dtype)
    expected = "[M, C, T]" + (" or [M, T]" if audio_channels == 1 else "")
    if x.dim() == 2 and audio_channels == 1:
        x = x.unsqueeze(1)
    elif x.dim() == 2:
        raise ValueError(
            f"audio has shape {list(x.shape)} but the encoder has audio_channels={audio_channels}; "
            f"pass [M, C, T] with C={audio_channels}"
        )
    elif x.dim() != 3:
        hint = " (one clip: x.unsqueeze(0) gives [1, T])" if x.dim() == 1 else ""
        raise ValueError(f"audio has shape {list(x.shape)} ({x.dim()}-D); expected {expected}{hint}")
    M, C, T = x.shape
    if M == 0:
        raise ValueError(f"audio has shape {list(x.shape)}: the batch is empty (M=0); expected {expected} with M >= 1")
    if C != audio_channels:
        raise ValueError(
            f"audio has {C} channel(s) but the encoder expects audio_channels={audio_channels}; "
            f"pass [M, {audio_channels}, T] or build Encoder(..., audio_channels={C})"
        )
    check_length(T, L)
    return x


def as_waveform(x, name: str = "audio") -> torch.Tensor:
    """Check that ``x`` is one waveform ``[T]`` and return it as a floating tensor."""
    x = as_float_tensor(x, name)
    if x.dim() != 1:
        raise ValueError(f"{name} has shape {list(x.shape)}; expected one waveform [T] (for a batch use Encoder directly)")
    return x
