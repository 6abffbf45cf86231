"""Exercises at the end of every chapter, checked in the notebook.

A notebook cell looks like::

    answer = None            # your answer here
    te.check("01.1", answer)  # prints ✓ or ✗ with a hint
    te.solution("01.1")       # the solution, if solutions are switched on

A *build* exercise takes the learner's function instead of a value::

    def my_slice(x, L):
        ...                       # your code
    te.check("01.1", my_slice)    # runs it on the checker's own cases (random, odd L, T < L, a batch, ...)

Its checker calls :func:`check_function`, which runs the function on each :class:`Case`, compares with the
reference, and names the first case that fails and what was wrong (``None`` returned, the wrong shape and on
which axis, the values off by a sign, ...), never the solution. The solution of a build exercise is code
(``solution_code``): ``te.solution`` prints it when solutions are switched on, and a test checks that it passes.

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

import torch

from ..ui.i18n import t

SHOW_SOLUTIONS = os.environ.get("TASNET_EDU_SOLUTIONS") == "1"

EXERCISES: dict[str, Exercise] = {}


@dataclass
class Exercise:
    """One exercise: ``checker(answer)`` returns ``None`` when right, else a hint ``(en, zh)``."""

    id: str
    checker: Callable[[Any], tuple[str, str] | None] | None  # None: an open question (answered in words)
    solution_en: str
    solution_zh: str
    solution_code: str = ""  # a build exercise's solution: code that defines the function (tested to pass)


def as_number(answer) -> float:
    """A learner's numeric answer as a float (Python number, 0-d tensor or NumPy scalar); TypeError otherwise."""
    if hasattr(answer, "item") and not isinstance(answer, numbers.Number):
        answer = answer.item()  # a 0-d tensor or NumPy number
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise TypeError(f"expected a number, got {type(answer).__name__}")
    return float(answer)


def exercise(id: str, solution_en: str, solution_zh: str, code: str = ""):
    """Decorator that registers a checker as exercise ``id`` (``code``: a build exercise's solution)."""

    def register(checker):
        EXERCISES[id] = Exercise(id, checker, solution_en, solution_zh, code.strip("\n"))
        return checker

    return register


def open_question(id: str, answer_en: str, answer_zh: str) -> None:
    """Register open question ``id``: no checker; its answer in words shows only through ``te.solution`` (the flag)."""
    EXERCISES[id] = Exercise(id, None, answer_en, answer_zh)


@dataclass
class Case:
    """One input a build exercise runs the learner's function on: what it is (en, zh), its arguments, the reference."""

    en: str
    zh: str
    args: tuple
    expected: Any  # what the reference returns for ``args``

    def call(self, fn):
        """``fn`` on copies of the arguments (a function that writes into its input changes nothing here)."""
        return fn(*[a.clone() if isinstance(a, torch.Tensor) else a for a in self.args])


def _compare(out, expected, atol: float) -> tuple[str, str] | None:
    """``None`` if ``out`` equals ``expected`` (a tensor or a number), else what is wrong, in both languages."""
    if out is None:
        return ("it returned None (not written yet, or a missing `return`?)", "它返回了 None（还没写，或者忘了 `return`？）")
    if not isinstance(expected, torch.Tensor):
        try:
            ok = abs(float(out) - float(expected)) <= atol + 1e-6 * abs(float(expected))
        except (TypeError, ValueError):
            return (f"it returned a {type(out).__name__}, expected a number", f"它返回了 {type(out).__name__}，应该返回一个数")
        return None if ok else (f"it returned {float(out):.4g}, expected {float(expected):.4g}",
                                f"它返回了 {float(out):.4g}，应该是 {float(expected):.4g}")
    if not isinstance(out, torch.Tensor):
        return (f"it returned a {type(out).__name__}, expected a torch tensor of shape {list(expected.shape)}",
                f"它返回了 {type(out).__name__}，应该返回形状为 {list(expected.shape)} 的 torch 张量")
    if out.shape != expected.shape:
        got, want = list(out.shape), list(expected.shape)
        if sorted(got) == sorted(want) and len(got) == len(want) >= 2:
            return (f"shape {got}, expected {want}: axes in the wrong order (a transpose?)",
                    f"形状是 {got}，应该是 {want}：轴的顺序不对（需要转置？）")
        if len(got) != len(want):
            return (f"shape {got} has {len(got)} axes, expected {len(want)}: {want}",
                    f"形状 {got} 有 {len(got)} 个轴，应该有 {len(want)} 个：{want}")
        axis = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
        return (f"shape {got}, expected {want}: axis {axis} has {got[axis]}, expected {want[axis]}",
                f"形状是 {got}，应该是 {want}：第 {axis} 个轴的长度是 {got[axis]}，应该是 {want[axis]}")
    out_f, exp_f = out.detach().double(), expected.detach().double()
    if torch.allclose(out_f, exp_f, atol=atol, rtol=1e-4):
        return None
    if exp_f.abs().max() > 0 and torch.allclose(out_f, -exp_f, atol=atol, rtol=1e-4):
        return ("the values are right but their signs are flipped", "数值对，但符号全反了")
    if not out_f.any():
        return ("all values are zero", "所有数值都是 0")
    where = (out_f - exp_f).abs().argmax()
    index = list(torch.unravel_index(where, out_f.shape)) if out_f.dim() else []
    return (f"right shape, wrong values: the largest difference is at index {[int(i) for i in index]} "
            f"({float(out_f.flatten()[where]):.4g} instead of {float(exp_f.flatten()[where]):.4g})",
            f"形状对，数值不对：差得最多的是下标 {[int(i) for i in index]}"
            f"（{float(out_f.flatten()[where]):.4g}，应该是 {float(exp_f.flatten()[where]):.4g}）")


def check_function(fn, cases: list[Case], diagnose: Callable | None = None, atol: float = 1e-4) -> tuple[str, str] | None:
    """Run a learner's ``fn`` on every case; ``None`` when all match, else a hint naming the first failing case.

    ``diagnose(case, out)`` may return a more specific hint ``(en, zh)`` for a wrong output (e.g. "is your step
    ``L // 2``?"); it is asked only when the output is wrong.
    """
    if not callable(fn):
        return (f"pass your function itself (its name, without calling it), not a {type(fn).__name__}",
                f"请传入函数本身（只写函数名，不要调用），而不是 {type(fn).__name__}")
    for case in cases:
        try:
            out = case.call(fn)
        except Exception as error:  # the learner's code: name the case and the error, no traceback
            return (f"on {case.en}, your function raised {type(error).__name__}: {error}",
                    f"在{case.zh}上，你的函数抛出了 {type(error).__name__}：{error}")
        wrong = _compare(out, case.expected, atol)
        if wrong is not None:
            specific = None
            if diagnose is not None and out is not None:
                try:
                    specific = diagnose(case, out)
                except Exception:  # a diagnosis that cannot read this output adds nothing
                    specific = None
            en, zh = wrong if specific is None else (f"{wrong[0]}. {specific[0]}", f"{wrong[1]}。{specific[1]}")
            prefix = ("not yet: " if out is None else "")
            return (f"{prefix}on {case.en}: {en}", f"{'还没完成：' if out is None else ''}在{case.zh}上：{zh}")
    return None


def _get(id: str) -> Exercise:
    load_all()
    if id not in EXERCISES:
        raise ValueError(f"no exercise {id!r}; known: {', '.join(sorted(EXERCISES))}")
    return EXERCISES[id]


def hint_for(id: str, answer) -> tuple[str, str] | None:
    """``None`` if ``answer`` solves exercise ``id``, else the hint ``(en, zh)``; never raises for odd answers."""
    ex = _get(id)
    if ex.checker is None:
        return (f"{id} is an open question: no checker; think it through, then compare with te.solution(\"{id}\")",
                f"{id} 是开放题，不自动检查；先自己想清楚，再用 te.solution(\"{id}\") 对照参考答案")
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
        if ex.solution_code:
            print(ex.solution_code)
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
