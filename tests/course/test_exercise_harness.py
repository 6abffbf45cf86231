"""Build exercises run the learner's function on the checker's cases: a hint for every kind of wrong, never a traceback."""

import torch

from tasnet_edu.exercises import Case, check_function


def reference(x, L):
    return x.unfold(-1, L, L // 2)


CASES = [Case(f"T = {T}, L = {L}", f"T = {T}、L = {L}", (torch.arange(float(T)), L), reference(torch.arange(float(T)), L))
         for T, L in [(40, 8), (41, 5)]]


def hint(fn):
    return check_function(fn, CASES)


def test_a_right_function_passes():
    assert hint(reference) is None
    assert hint(lambda x, L: torch.stack([x[k * (L // 2):k * (L // 2) + L] for k in range((len(x) - L) // (L // 2) + 1)])) is None


def test_each_kind_of_wrong_gets_its_own_hint():
    assert "returned None" in hint(lambda x, L: None)[0] and hint(lambda x, L: None)[0].startswith("not yet")
    assert "axes in the wrong order" in hint(lambda x, L: reference(x, L).T)[0]
    assert "axis 0 has" in hint(lambda x, L: x.unfold(-1, L, L))[0]  # hop L instead of L // 2: fewer frames
    assert "signs are flipped" in hint(lambda x, L: -reference(x, L))[0]
    assert "all values are zero" in hint(lambda x, L: torch.zeros_like(reference(x, L)))[0]
    assert "expected a torch tensor" in hint(lambda x, L: reference(x, L).tolist())[0]
    assert "raised ZeroDivisionError" in hint(lambda x, L: 1 / 0)[0]
    assert "largest difference" in hint(lambda x, L: reference(x, L) + (reference(x, L) == 3).float())[0]
    assert "pass your function itself" in check_function(reference(torch.zeros(8), 4), CASES)[0]


def test_hints_name_the_case_in_both_languages():
    en, zh = hint(lambda x, L: reference(x, L)[:-1])
    assert "T = 40, L = 8" in en and "T = 40、L = 8" in zh


def test_a_diagnosis_adds_a_specific_hint():
    def diagnose(case, out):
        return ("is your step L // 2?", "步长是 L // 2 吗？") if out.shape[-2] < case.expected.shape[-2] else None

    en, zh = check_function(lambda x, L: x.unfold(-1, L, L), CASES, diagnose)
    assert en.endswith("is your step L // 2?") and zh.endswith("步长是 L // 2 吗？")


def test_the_learners_function_cannot_change_the_cases():
    def writes_into_its_input(x, L):
        x.zero_()
        return reference(x, L)

    check_function(writes_into_its_input, CASES)
    assert torch.equal(CASES[0].args[0], torch.arange(40.0))


# ------------------------------------------------------------------ every build exercise's solution, with the flag on

def solution_function(code):
    """The function (or class) a build exercise's solution defines: its last top-level definition."""
    import ast

    import torch.nn.functional as F

    import tasnet_edu as te

    names = [n.name for n in ast.parse(code).body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    namespace = {"torch": torch, "F": F, "nn": torch.nn, "te": te}
    exec(compile(code, "<solution>", "exec"), namespace)
    return namespace[names[-1]]


def build_exercises():
    from tasnet_edu.exercises import EXERCISES, load_all

    load_all()
    return {id: ex for id, ex in sorted(EXERCISES.items()) if ex.solution_code}


def test_every_build_solution_passes_its_own_check():
    from tasnet_edu.exercises import hint_for

    for id, ex in build_exercises().items():
        assert hint_for(id, solution_function(ex.solution_code)) is None, id


def test_solutions_print_only_with_the_flag(capsys, monkeypatch):
    import tasnet_edu.exercises as exercises

    for id, ex in build_exercises().items():
        monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", False)
        exercises.solution(id)
        assert ex.solution_code not in capsys.readouterr().out
        monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", True)
        exercises.solution(id)
        assert ex.solution_code in capsys.readouterr().out


def test_no_build_solution_is_in_a_stored_notebook():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    stored = "\n".join(p.read_text(encoding="utf-8") for p in (root / "notebooks").glob("*/*.ipynb"))
    for id, ex in build_exercises().items():
        body = [line.strip() for line in ex.solution_code.splitlines()[1:] if len(line.strip()) > 12]
        assert not any(line in stored for line in body), f"the solution of {id} shows in a notebook"


def test_an_open_question_has_no_checker_and_a_hidden_answer(capsys, monkeypatch):
    import tasnet_edu.exercises as exercises

    exercises.open_question("99.9", "Because of the hop.", "因为帧移。")
    try:
        assert "open question" in exercises.hint_for("99.9", "anything")[0]
        monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", False)
        exercises.solution("99.9")
        assert "Because of the hop." not in capsys.readouterr().out
        monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", True)
        exercises.solution("99.9")
        assert "Because of the hop." in capsys.readouterr().out
    finally:
        del exercises.EXERCISES["99.9"]


def test_at_most_a_third_of_the_checked_exercises_are_one_value_answers():
    from tasnet_edu.exercises import EXERCISES, load_all

    load_all()
    checked = [ex for ex in EXERCISES.values() if ex.checker is not None and not ex.id.startswith("99.")]
    one_value = [ex.id for ex in checked if not ex.solution_code]
    assert len(checked) >= 12 and len(one_value) * 3 <= len(checked), one_value
