"""The project's scripts/ (not a package) imported as modules, for tests that use them."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import PROJECT_ROOT

__all__ = ["load_script"]


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
