"""The import graph of src/ and bench/, read with ``ast`` (nothing is imported or run).

* No import circle among the modules of ``src/newsdistill``: module-level and function-level
  imports alike (a lazy import hides a circle from the interpreter, not from the design).
* No module of src/ or bench/ takes a ``_private`` name (one leading underscore, not a dunder)
  of another project module: neither ``from newsdistill.x import _y`` nor ``x._y`` on a project
  module it imported.
* A bench script neither imports another bench script nor edits ``sys.path``: what two scripts
  share belongs in the package.

How imports are resolved: relative imports against the importing module's package (an
``__init__`` is its own package); ``from a.b import c`` is an edge to ``a.b.c`` when that is a
module, else to ``a.b``; ``import a.b.c`` is an edge to ``a.b.c`` only.  Importing a submodule
does run its parents' ``__init__``, but no edge is drawn for that, so a package ``__init__``
that imports (re-exports) its own submodules is no circle; a submodule that takes a name
defined in its package's ``__init__`` while that ``__init__`` imports it is one.

The self-tests at the end run the checker on a small tree written to ``tmp_path``, so that the
checks on the real tree cannot pass because the checker finds nothing anywhere.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
BENCH = REPO / "bench"
PACKAGE = "newsdistill"
IMPORTLIB_CALLS = {"import_module", "__import__"}
FILE_LOADERS = {"spec_from_file_location", "run_path", "SourceFileLoader", "load_source"}


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@dataclass
class Module:
    name: str  # dotted name; a bench script is "bench.<stem>"
    shown: str  # its path from the repository root, for messages
    is_package: bool
    tree: ast.Module


@dataclass
class Import:
    importer: str
    target: str  # the module the import resolves to
    names: tuple[str, ...]  # the names taken from it (empty for ``import x``)
    line: int


@dataclass
class Report:
    circles: list[list[str]] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    bench: list[str] = field(default_factory=list)


def collect(src: Path, package: str, bench: Path | None) -> dict[str, Module]:
    """Every module of ``src/<package>`` (and every ``bench/*.py`` as ``bench.<stem>``), parsed."""
    modules = {}
    root = src / package
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        name = ".".join(parts)
        modules[name] = _parse(name, path, src.parent, is_package)
    if bench is not None and bench.is_dir():
        for path in sorted(bench.glob("*.py")):
            modules[f"bench.{path.stem}"] = _parse(f"bench.{path.stem}", path, bench.parent, False)
    return modules


def _parse(name: str, path: Path, root: Path, is_package: bool) -> Module:
    return Module(name, path.relative_to(root).as_posix(), is_package,
                  ast.parse(path.read_text(encoding="utf-8"), str(path)))


def _base(module: Module, level: int) -> str:
    """The package a relative import of ``level`` dots starts from."""
    parts = module.name.split(".")
    if not module.is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts)


def _bench_alias(module: Module, name: str, modules: dict[str, Module]) -> str:
    """A bench script's ``import gen_news`` means ``bench.gen_news`` (the script's folder is on sys.path)."""
    if module.name.startswith("bench.") and f"bench.{name.split('.')[0]}" in modules:
        return f"bench.{name}"
    return name


def _from_source(module: Module, node: ast.ImportFrom, modules: dict[str, Module]) -> str:
    """The module a ``from X import ...`` reads X as, relative imports resolved."""
    if not node.level:
        return _bench_alias(module, node.module or "", modules)
    base = _base(module, node.level)
    return f"{base}.{node.module}" if node.module and base else (node.module or base)


def imports_of(module: Module, modules: dict[str, Module]) -> list[Import]:
    """Every import in the module, at any depth (functions, ``if``/``try`` blocks)."""
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module.name, _bench_alias(module, alias.name, modules), (), node.lineno))
        elif isinstance(node, ast.ImportFrom):
            source = _from_source(module, node, modules)
            if source == "__future__":
                continue
            taken = []
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                if sub in modules:  # ``from pkg import submodule``: an edge to the submodule itself
                    found.append(Import(module.name, sub, (), node.lineno))
                else:
                    taken.append(alias.name)
            if taken:
                found.append(Import(module.name, source, tuple(taken), node.lineno))
        elif isinstance(node, ast.Call) and _call_name(node.func) in IMPORTLIB_CALLS and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not arg.value.startswith("."):
                found.append(Import(module.name, _bench_alias(module, arg.value, modules), (), node.lineno))
    return found


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def graph(modules: dict[str, Module]) -> dict[str, set[str]]:
    """Importer -> the project modules it imports (src modules only; a module's edge to itself dropped)."""
    edges: dict[str, set[str]] = {name: set() for name in modules if not name.startswith("bench.")}
    for name in edges:
        for imp in imports_of(modules[name], modules):
            if imp.target in modules and imp.target != name:
                edges[name].add(imp.target)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(start: str) -> None:  # iterative, so deep graphs cannot hit the recursion limit
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for name in sorted(edges):
        if name not in index:
            visit(name)
    return sorted(found)


def cycle_path(component: list[str], edges: dict[str, set[str]]) -> list[str]:
    """One concrete circle through the component's first module (for the failure message)."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(edges[node] & members):
            if child == start:
                return paths[node] + [start]
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    return component  # pragma: no cover - a component always has a circle through each member


def private_uses(modules: dict[str, Module]) -> list[str]:
    """``path:line takes _name from module`` for every private name one project module takes from another."""
    found = []
    for name, module in modules.items():
        for imp in imports_of(module, modules):
            if imp.target in modules and imp.target != name:
                found.extend(f"{module.shown}:{imp.line} takes {taken} from {imp.target}"
                             for taken in imp.names if is_private(taken))
        bound = _module_bindings(module, modules)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Attribute) and is_private(node.attr):
                dotted = _dotted(node.value)
                if dotted is None or dotted.split(".")[0] not in bound:
                    continue
                head, _, rest = dotted.partition(".")
                target = f"{bound[head]}.{rest}" if rest else bound[head]
                if target in modules and target != name:
                    found.append(f"{module.shown}:{node.lineno} takes {node.attr} from {target} (as {dotted}.{node.attr})")
    return _in_order(set(found))


def _module_bindings(module: Module, modules: dict[str, Module]) -> dict[str, str]:
    """Local name -> the project module it is bound to, by any import in the module."""
    bound = {}
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _bench_alias(module, alias.name, modules)
                if alias.asname:
                    bound[alias.asname] = target
                else:  # ``import a.b.c`` binds ``a``
                    bound[alias.name.split(".")[0]] = target.rsplit(".", alias.name.count("."))[0]
        elif isinstance(node, ast.ImportFrom):
            source = _from_source(module, node, modules)
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{source}.{alias.name}"
    return {local: target for local, target in bound.items() if target in modules}


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def bench_problems(modules: dict[str, Module]) -> list[str]:
    """Bench scripts that import another bench script or edit sys.path."""
    found = []
    stems = {name.removeprefix("bench.") for name in modules if name.startswith("bench.")}
    for name, module in sorted(modules.items()):
        if not name.startswith("bench."):
            continue
        where = module.shown
        for imp in imports_of(module, modules):
            if imp.target.startswith("bench.") and imp.target != name and imp.target in modules:
                found.append(f"{where}:{imp.line} imports the bench script {imp.target.removeprefix('bench.')}")
        sys_names, path_names = _sys_bindings(module.tree)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call):
                func = node.func
                if (isinstance(func, ast.Attribute) and _is_sys_path(func.value, sys_names, path_names)
                        and func.attr in {"insert", "append", "extend", "remove", "pop", "clear"}):
                    found.append(f"{where}:{node.lineno} edits sys.path (sys.path.{func.attr})")
                elif _call_name(func) == "addsitedir":
                    found.append(f"{where}:{node.lineno} edits sys.path (site.addsitedir)")
                elif _call_name(func) in FILE_LOADERS:
                    for arg in ast.walk(node):
                        if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                                and Path(arg.value).stem in stems and arg.value.endswith(".py")
                                and Path(arg.value).stem != name.removeprefix("bench.")):
                            found.append(f"{where}:{node.lineno} loads the bench script {arg.value}")
            elif isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    inner = target.value if isinstance(target, ast.Subscript) else target
                    if _is_sys_path(inner, sys_names, path_names):
                        found.append(f"{where}:{node.lineno} edits sys.path (assignment)")
    return _in_order(set(found))


def _sys_bindings(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The local names of the ``sys`` module and of ``sys.path`` (``import sys as s``, ``from sys import path``)."""
    sys_names, path_names = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            sys_names.update(alias.asname or alias.name for alias in node.names if alias.name == "sys")
        elif isinstance(node, ast.ImportFrom) and node.module == "sys" and not node.level:
            path_names.update(alias.asname or alias.name for alias in node.names if alias.name == "path")
    return sys_names, path_names


def _is_sys_path(node: ast.expr, sys_names: set[str], path_names: set[str]) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name):
        return node.value.id in sys_names
    return isinstance(node, ast.Name) and node.id in path_names


def check(src: Path, package: str, bench: Path | None) -> Report:
    modules = collect(src, package, bench)
    edges = graph(modules)
    return Report(circles=[cycle_path(c, edges) for c in circles(edges)], private=private_uses(modules),
                  bench=bench_problems(modules))


def _in_order(lines: set[str]) -> list[str]:
    """``path:line ...`` messages by path, then by line number."""
    def key(line: str) -> tuple[str, int, str]:
        where, _, what = line.partition(" ")
        path, _, number = where.rpartition(":")
        return path, int(number), what
    return sorted(lines, key=key)


def _listing(title: str, lines: list[str]) -> str:
    return f"{title} ({len(lines)}):\n  " + "\n  ".join(lines)


# ---- the real tree -------------------------------------------------------------------------

def test_no_import_circles_in_src():
    report = check(SRC, PACKAGE, None)
    assert not report.circles, _listing("import circles among the modules of src/newsdistill (module- or function-level "
                                        "imports); move what both sides need into a module of its own",
                                        [" -> ".join(c) for c in report.circles])


def test_no_private_names_taken_across_modules():
    report = check(SRC, PACKAGE, BENCH)
    assert not report.private, _listing("modules taking another module's _private names; make the name public "
                                        "(it is shared) or keep its use inside its module", report.private)


def test_bench_scripts_neither_import_each_other_nor_edit_sys_path():
    report = check(SRC, PACKAGE, BENCH)
    assert not report.bench, _listing("bench scripts that import each other or edit sys.path; what they share "
                                      "belongs in the package (bench scripts import newsdistill only)", report.bench)


# ---- the checker itself, on a tree written for it -------------------------------------------

def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


SYNTHETIC = {
    # a package __init__ re-exporting its submodules, which import each other only one way: no circle
    "src/pkg/__init__.py": "from .a import f\nfrom . import b\n",
    "src/pkg/a.py": "from . import b\n\ndef f():\n    return b.g()\n",
    "src/pkg/b.py": "import os\n\ndef g():\n    return os.sep\n\ndef _helper():\n    return 1\n",
    # a circle closed by a function-level, relative import two levels up
    "src/pkg/sub/__init__.py": "",
    "src/pkg/sub/c.py": "from pkg.sub import d\n",
    "src/pkg/sub/d.py": "def h():\n    from ..sub.c import x\n    return x\n",
    # private names taken from another module, by name and as an attribute; its own are fine
    "src/pkg/e.py": "from .b import _helper\nfrom . import b as bee\n\ndef _mine():\n    return bee._helper() + _mine()\n",
    "src/pkg/f.py": "from os import _exit\nimport pkg.b\n\ndef k():\n    return _exit, pkg.b.g, pkg.b._helper\n",
    # bench: a script importing another, path edits three ways, a private import from the package
    "bench/gen.py": "import sys\nsys.path.insert(0, 'x')\n",
    "bench/use_gen.py": "import sys as s\nfrom sys import path\nimport gen\n\ns.path.append('y')\npath += ['z']\n",
    "bench/clean.py": "import os\nfrom pkg.b import _helper\nfrom pkg import b\n\nprint(os.sep, b.g())\n",
}


def test_checker_finds_a_circle_a_private_import_and_bench_problems(tmp_path):
    _write(tmp_path, SYNTHETIC)
    report = check(tmp_path / "src", "pkg", tmp_path / "bench")
    assert report.circles == [["pkg.sub.c", "pkg.sub.d", "pkg.sub.c"]]
    assert report.private == ["bench/clean.py:2 takes _helper from pkg.b",
                              "src/pkg/e.py:1 takes _helper from pkg.b",
                              "src/pkg/e.py:5 takes _helper from pkg.b (as bee._helper)",
                              "src/pkg/f.py:5 takes _helper from pkg.b (as pkg.b._helper)"]
    assert report.bench == ["bench/gen.py:2 edits sys.path (sys.path.insert)",
                            "bench/use_gen.py:3 imports the bench script gen",
                            "bench/use_gen.py:5 edits sys.path (sys.path.append)",
                            "bench/use_gen.py:6 edits sys.path (assignment)"]


def test_checker_passes_a_clean_tree(tmp_path):
    clean = {k: v for k, v in SYNTHETIC.items() if k in ("src/pkg/__init__.py", "src/pkg/a.py", "src/pkg/b.py")}
    clean["bench/run.py"] = "import argparse\nfrom pkg import f\n\nprint(argparse, f())\n"
    _write(tmp_path, clean)
    assert check(tmp_path / "src", "pkg", tmp_path / "bench") == Report()


def test_checker_sees_a_submodule_taking_a_name_from_its_package_init(tmp_path):
    # pkg/__init__ imports pkg.a; pkg.a takes a name defined in pkg/__init__: a real circle
    _write(tmp_path, {"src/pkg/__init__.py": "from .a import f\nVALUE = 1\n",
                      "src/pkg/a.py": "def f():\n    from . import VALUE\n    return VALUE\n"})
    assert check(tmp_path / "src", "pkg", None).circles == [["pkg", "pkg.a", "pkg"]]
