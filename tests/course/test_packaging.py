"""Packaging: environment.yml and pyproject.toml agree, torch is pinned, CI runs the README's test command."""

import os
import re
import subprocess
from pathlib import Path

import tomllib
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
TORCH_PIN = "torch==2.13.0"


def _requirements(lines) -> dict[str, SpecifierSet]:
    out = {}
    for line in lines:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name not in out, f"{req.name} is listed twice"
        out[name] = req.specifier
    return out


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pyproject_requirements() -> dict[str, SpecifierSet]:
    project = pyproject()["project"]
    return _requirements(project["dependencies"] + project["optional-dependencies"]["test"])


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def environment_pip_lines() -> list[str]:
    pip = [d["pip"] for d in environment()["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip) == 1, "environment.yml needs one `pip:` section"
    return [str(line).strip() for line in pip[0]]


def test_environment_yml_lists_the_same_packages_and_versions():
    lines = environment_pip_lines()
    packages = _requirements(line for line in lines if not line.startswith("-"))
    expected = pyproject_requirements()
    assert set(packages) == set(expected), (
        f"only in environment.yml: {sorted(set(packages) - set(expected))}; "
        f"only in pyproject.toml: {sorted(set(expected) - set(packages))}"
    )
    for name, specifier in expected.items():
        assert packages[name] == specifier, f"{name}: environment.yml has {packages[name]}, pyproject.toml {specifier}"
    assert "-e ." in lines, "environment.yml must install the course package itself (-e .)"


def test_torch_is_pinned_everywhere():
    assert TORCH_PIN in pyproject()["project"]["dependencies"]
    assert TORCH_PIN in environment_pip_lines()
    course = (ROOT / "course").read_text(encoding="utf-8")
    assert set(re.findall(r"torch==[\w.+]+", course)) == {TORCH_PIN}, "./course installs another torch"


def test_environment_python_satisfies_requires_python():
    pythons = [d for d in environment()["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert len(pythons) == 1
    version = pythons[0].split("=", 1)[1].lstrip("=")
    assert SpecifierSet(pyproject()["project"]["requires-python"]).contains(version + ".0")


def _bash_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```(?:bash|sh|shell|console)[^\n]*\n(.*?)^```", markdown, flags=re.M | re.S)


def readme_test_command() -> str:
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing: it must show the test command `./course test` in a bash block"
    lines = [line.strip() for block in _bash_blocks(readme.read_text(encoding="utf-8")) for line in block.splitlines()]
    commands = [line.lstrip("$ ").split(" #")[0].strip() for line in lines]
    assert "./course test" in commands, "README.md needs a fenced bash block with the line `./course test`"
    return "./course test"


def ci_commands() -> list[str]:
    script = ROOT / ".ci" / "run"
    commands = []
    for line in script.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("set ") or re.fullmatch(r'cd "?\$\(dirname "\$0"\)/\.\."?', line):
            continue
        commands.append(line)
    return commands


def test_ci_runs_exactly_the_readme_test_command():
    assert ci_commands() == [readme_test_command()]
    assert os.access(ROOT / ".ci" / "run", os.X_OK), ".ci/run must be executable"
    assert os.access(ROOT / "course", os.X_OK), "./course must be executable"


def test_course_test_runs_pytest_with_the_configured_options():
    """``./course test ARGS`` is pytest with pyproject's options: nbval collects notebook cells, strict."""
    result = subprocess.run(["./course", "test", "--collect-only", "-q", "tests/course/test_packaging.py",
                             "notebooks/en/00_introduction.ipynb"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "tests/course/test_packaging.py::test_torch_is_pinned_everywhere" in result.stdout
    assert "notebooks/en/00_introduction.ipynb::Cell 0" in result.stdout
    options = pyproject()["tool"]["pytest"]["ini_options"]
    assert "--nbval" in options["addopts"] and "--nbval-lax" not in options["addopts"]


def test_the_installed_torch_is_the_pinned_one():
    import torch

    assert torch.__version__.split("+")[0] == TORCH_PIN.split("==")[1]


def _course_malloc(env_tunables: str | None) -> str:
    """GLIBC_TUNABLES as ``./course`` exports it (its two allocator lines, run in bash) for a given starting value."""
    lines = [line for line in (ROOT / "course").read_text(encoding="utf-8").splitlines()
             if line.startswith(("COURSE_MALLOC=", "export GLIBC_TUNABLES="))]
    env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
    if env_tunables is not None:
        env["GLIBC_TUNABLES"] = env_tunables
    done = subprocess.run(["bash", "-c", "\n".join(lines + ['echo "$GLIBC_TUNABLES"'])], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_course_keeps_freed_memory_for_reuse_and_keeps_the_users_tunables(monkeypatch):
    """``./course`` sets glibc's mmap and trim thresholds for itself and its children; settings the user had stay."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import benchmark

    ours = _course_malloc(None)
    assert ours == "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
    assert _course_malloc("glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:" + ours
    # the benchmark's "default allocator" runs take out the course's entries only
    assert benchmark.without("glibc.malloc.arena_max=2:" + ours, ours) == "glibc.malloc.arena_max=2"
    assert benchmark.without(ours, ours) == ""
