"""The package's import graph, from the source (no import needed): ``python tools/import_graph.py``.

Prints a Mermaid drawing of the layers (CONTRIBUTING.md holds it, and a test
checks it is current) or, with ``--edges``, every module-to-module import.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tasnet_edu"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The ``tasnet_edu`` modules (and other top-level packages) that one file imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            out.add(target)
            # "from . import x" / "from ..core import audio": x may itself be a module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                if (ROOT / Path(*candidate.split("."))).with_suffix(".py").is_file() or (
                    ROOT / Path(*candidate.split(".")) / "__init__.py"
                ).is_file():
                    out.add(candidate)
    return out


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def edges() -> set[tuple[str, str]]:
    """(importer, imported) for every import between modules of ``tasnet_edu``."""
    known = modules()
    return {(name, target) for name, path in known.items() for target in imports_of(path)
            if target in known and target != name}


def layer(module: str) -> str:
    """``core``, ``ui``, ``chapters.ch03_relu`` (each chapter on its own), ``reference``, ``exercises``, or ``api``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    if parts[1] == "chapters" and len(parts) > 2:
        return f"chapters.{parts[2]}"
    if parts[1] in ("core", "ui", "reference", "exercises", "chapters"):
        return parts[1]
    return "api"


def layer_edges() -> set[tuple[str, str]]:
    return {(layer(a), layer(b)) for a, b in edges() if layer(a) != layer(b)}


def mermaid() -> str:
    lines = ["```mermaid", "flowchart TD"]
    for a, b in sorted(layer_edges()):
        lines.append(f"    {a.replace('.', '_')}[{a}] --> {b.replace('.', '_')}[{b}]")
    lines.append("```")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edges", action="store_true", help="every module-to-module import instead of the layers")
    args = parser.parse_args(argv)
    if args.edges:
        for a, b in sorted(edges()):
            print(f"{a} -> {b}")
    else:
        print(mermaid())


if __name__ == "__main__":
    main()
