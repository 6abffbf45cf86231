"""Exercises at the end of every chapter, checked in the notebook.

A notebook cell looks like::

    answer = None            # your answer here
    te.check("01.1", answer)  # prints ✓ or ✗ with a hint
    te.solution("01.1")       # the solution, if solutions are switched on

Solutions stay hidden unless the one flag is on: set ``TASNET_EDU_SOLUTIONS=1``
before starting Jupyter, or ``te.exercises.SHOW_SOLUTIONS = True`` in a cell.
Each chapter's exercises live in ``exercises/chNN.py`` and register here.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..ui.i18n import t

SHOW_SOLUTIONS = os.environ.get("TASNET_EDU_SOLUTIONS") == "1"

EXERCISES: dict[str, Exercise] = {}


@dataclass
class Exercise:
    """One exercise: ``checker(answer)`` returns ``None`` when right, else a hint ``(en, zh)``."""

    id: str
    checker: Callable[[Any], tuple[str, str] | None]
    solution_en: str
    solution_zh: str


def as_number(answer) -> float:
    """A learner's numeric answer as a float (Python number, 0-d tensor or NumPy scalar); TypeError otherwise."""
    if hasattr(answer, "item") and not isinstance(answer, numbers.Number):
        answer = answer.item()  # a 0-d tensor or NumPy number
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise TypeError(f"expected a number, got {type(answer).__name__}")
    return float(answer)


def as_whole_number(answer) -> int:
    """A learner's answer that counts something (frames, samples, kernels) as an int; TypeError/ValueError otherwise."""
    value = as_number(answer)
    if value != int(value):
        raise ValueError(f"{answer} is not a whole number; this answer counts something")
    return int(value)


def exercise(id: str, solution_en: str, solution_zh: str):
    """Decorator that registers a checker as exercise ``id``."""

    def register(checker):
        EXERCISES[id] = Exercise(id, checker, solution_en, solution_zh)
        return checker

    return register


def _get(id: str) -> Exercise:
    load_all()
    if id not in EXERCISES:
        raise ValueError(f"no exercise {id!r}; known: {', '.join(sorted(EXERCISES))}")
    return EXERCISES[id]


def hint_for(id: str, answer) -> tuple[str, str] | None:
    """``None`` if ``answer`` solves exercise ``id``, else the hint ``(en, zh)``; never raises for odd answers."""
    ex = _get(id)
    if answer is None or answer is ...:
        return ("not answered yet (replace None with your answer)", "还没有作答（把 None 换成你的答案）")
    try:
        return ex.checker(answer)
    except Exception as error:  # a learner's wrong-shaped answer should give a hint, not a traceback
        return (f"could not check this answer ({type(error).__name__}: {error})", f"无法检查这个答案（{type(error).__name__}: {error}）")


def passes(id: str, answer) -> bool:
    """Whether ``answer`` solves exercise ``id`` (silent; for tests)."""
    return hint_for(id, answer) is None


def check(id: str, answer) -> None:
    """Check ``answer`` to exercise ``id`` and print ✓ or ✗ with a hint (use :func:`passes` for a bool)."""
    hint = hint_for(id, answer)
    if hint is None:
        print(t(f"✓ {id}: correct!", f"✓ {id}：正确！"))
    else:
        print(t(f"✗ {id}: ", f"✗ {id}：") + t(*hint))


def solution(id: str) -> None:
    """Print the solution of exercise ``id`` if solutions are switched on (see module docs)."""
    ex = _get(id)
    if SHOW_SOLUTIONS:
        print(t(ex.solution_en, ex.solution_zh))
    else:
        print(t(f"(solution {id} hidden: set TASNET_EDU_SOLUTIONS=1 or te.exercises.SHOW_SOLUTIONS = True)",
                f"（{id} 的答案已隐藏：设置 TASNET_EDU_SOLUTIONS=1 或 te.exercises.SHOW_SOLUTIONS = True）"))


def load_all() -> None:
    """Import every ``exercises/chNN.py`` so that all checkers are in :data:`EXERCISES` (done on first use)."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("ch"):
            importlib.import_module(f"{__name__}.{info.name}")
