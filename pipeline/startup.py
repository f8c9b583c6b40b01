"""Start-up without torch: thinc (under spaCy) imports torch when it is installed, only to offer torch layers,
which no component of this project uses; that import is most of a cold start (2–4 s) and ~190 MB.

`install()` hides torch from `thinc.compat` alone, at the moment thinc imports it, so a later `import torch`
(the HanLP backend for a HanLP model id, the trainers) works as usual. Set GOVREPORT_THINC_TORCH=1 to leave
thinc as it is (for spaCy models with torch layers), and it is left alone where torch is already imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys

_TARGET = "thinc.compat"


class _WithoutTorch(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec):  # noqa: ANN001, ANN201  (importlib's signature)
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:  # noqa: ANN001
        if "torch" in sys.modules:
            self.loader.exec_module(module)
            return
        sys.modules["torch"] = None  # type: ignore[assignment]  (makes `import torch` raise ImportError)
        try:
            self.loader.exec_module(module)
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]


class _ThincFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201
        if name != _TARGET:
            return None
        sys.meta_path.remove(self)  # once
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutTorch(spec.loader)
        return spec


def install() -> None:
    """Hide torch from thinc's import-time check (see the module docstring); does nothing where thinc or
    torch is already imported or GOVREPORT_THINC_TORCH is set."""
    if (os.environ.get("GOVREPORT_THINC_TORCH") or _TARGET in sys.modules or "torch" in sys.modules
            or any(isinstance(f, _ThincFinder) for f in sys.meta_path)):
        return
    sys.meta_path.insert(0, _ThincFinder())
