"""Checks Python examples in the docs against the generated SDK, without running them.

No Python language host or `pulumi` package can be installed here, so the examples cannot run: this
reads each example's syntax tree and the SDK's, and reports every call of `resourcegroups.<module>.<Name>`
that names no class or function of the SDK, or passes a keyword the SDK's signature does not take.

Usage: python3 pythonExamples.py SDK_PACKAGE_DIR < examples (blocks separated by a line "#---")
Prints one problem per line; prints nothing when every example fits the SDK.
"""
import ast
import sys
from pathlib import Path

ALIAS = "resourcegroups"


def signatures(package: Path) -> dict:
    """Maps "module.Name" (module "" for the top level) to the keyword names its callable accepts."""
    found = {}
    for file in package.rglob("*.py"):
        module = ".".join(file.relative_to(package).parent.parts)
        for node in ast.parse(file.read_text()).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found[f"{module}.{node.name}"] = {a.arg for a in node.args.args + node.args.kwonlyargs}
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                names = found.setdefault(f"{module}.{node.name}", set())
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        names.update(a.arg for a in item.args.args + item.args.kwonlyargs)
    return found


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def main() -> None:
    known = signatures(Path(sys.argv[1]))
    for index, source in enumerate(sys.stdin.read().split("\n#---\n")):
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            print(f"example {index + 1}: line {error.lineno}: {error.msg}")
            continue
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = dotted(call.func)
            if not name.startswith(f"{ALIAS}."):
                continue
            parts = name.split(".")[1:]
            key = f"{'.'.join(parts[:-1])}.{parts[-1]}"
            if key not in known:
                print(f"example {index + 1}: {name} is not in the SDK")
                continue
            for keyword in call.keywords:
                if keyword.arg is not None and keyword.arg not in known[key]:
                    print(f"example {index + 1}: {name} takes no argument '{keyword.arg}'")


main()
