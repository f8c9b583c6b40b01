"""Start-up without torch: thinc (under spaCy) imports torch when it is installed, only to offer torch layers,
which no component of this project uses; that import is most of a cold start (2–4 s) and ~190 MB.

`install()` hides torch from `thinc.compat` alone, at the moment thinc imports it, so a later `import torch`
(the HanLP backend for a HanLP model id, the trainers) works as usual. Set GOVREPORT_THINC_TORCH=1 to leave
thinc as it is (for spaCy models with torch layers), and it is left alone where torch is already imported.

spaCy also imports its whole command line at start-up (`from .cli.info import info` in `spacy/__init__.py` runs
`spacy/cli/__init__.py`, which imports every command and with them weasel, requests, httpx and jinja2: about
0.1 s of a 1.5 s cold start). `install()` lets `spacy.cli` import as a package whose own `__init__` runs on the
first attribute asked of it (`spacy.cli.download`, `spacy.cli.setup_cli`), so the commands and `python -m spacy`
work as before, and a submodule (`spacy.cli.train`) imports directly. `spacy.cli.info` itself, the one submodule
spaCy's `__init__` asks for, imports weasel, typer, httpx and requests, and spacy-pkuseg imports requests for its
model download (`spacy_pkuseg.download`), which a segmenter read from disk never calls: together 0.15–0.35 s of
a cold start. Both modules are created empty, with the one function their importer binds (`spacy.info`,
`download_model`) running the module's own code on its first call, as does any other name asked of them.
GOVREPORT_SPACY_CLI=1 imports them all eagerly.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import types

_TARGET = "thinc.compat"
_CLI = "spacy.cli"


class _Wrapped(importlib.abc.Loader):
    """A module's own loader, with what `exec_module` does changed by a subclass."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec):  # noqa: ANN001, ANN201  (importlib's signature)
        return self.loader.create_module(spec)


class _WithoutTorch(_Wrapped):
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


class _LazyPackage(_Wrapped):
    """Creates the package module but runs its `__init__` only when a name of it is first asked for: its
    submodules (`spacy.cli.download`) may be imported before, and the names its `__init__` binds (the function
    `download`) must still win, as they do when the package is imported eagerly."""

    def exec_module(self, module) -> None:  # noqa: ANN001
        module.__dict__["_govreport_init"] = self.loader.exec_module
        module.__class__ = _NotYetInitialised


def _run_once(module: types.ModuleType) -> None:
    """Run a deferred module's own code, if it has not run yet."""
    init = types.ModuleType.__getattribute__(module, "__dict__").pop("_govreport_init", None)
    if init is not None:
        module.__class__ = types.ModuleType
        init(module)


class _NotYetInitialised(types.ModuleType):
    def __getattribute__(self, name: str):  # noqa: ANN204
        if not name.startswith("__"):
            _run_once(self)  # the package's own __init__, once
        return types.ModuleType.__getattribute__(self, name)


# Modules whose importer binds one name at import (`from .cli.info import info`, `from .download import
# download_model`): the module is created empty and that name is a function running the module's code on its
# first call, as does any other name asked of it, or (spacy.cli.info) the first use of the package named, whose
# own `__init__` needs the module's code to register the `info` command.
_DEFERRED = {"spacy.cli.info": ("info", "spacy.cli"), "spacy_pkuseg.download": ("download_model", None)}


class _DeferredModule(_Wrapped):
    def exec_module(self, module) -> None:  # noqa: ANN001
        module.__dict__["_govreport_init"] = self.loader.exec_module
        module.__class__ = _DeferredNotYetRun


def _running_first(module_name: str, name: str):  # noqa: ANN202
    def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202  (the function's own arguments, whatever they are)
        module = sys.modules[module_name]
        _run_once(module)  # the module's own code binds the real function
        return getattr(module, name)(*args, **kwargs)

    return run


class _DeferredNotYetRun(_NotYetInitialised):
    def __getattribute__(self, name: str):  # noqa: ANN204
        module_name = types.ModuleType.__getattribute__(self, "__name__")
        bound, package = _DEFERRED[module_name]
        if name == bound and (package is None or type(sys.modules.get(package)) is _NotYetInitialised):
            return _running_first(module_name, name)
        return super().__getattribute__(name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds one module as usual, once, and hands it the wrapped loader."""

    def __init__(self, target: str, wrapper: type[_Wrapped]) -> None:
        self.target, self.wrapper = target, wrapper

    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201
        if name != self.target:
            return None
        sys.meta_path.remove(self)  # once
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = self.wrapper(spec.loader)
        return spec


def _install(target: str, wrapper: type[_Wrapped], switched_off: bool) -> None:
    if not (switched_off or target in sys.modules
            or any(isinstance(f, _Finder) and f.target == target for f in sys.meta_path)):
        sys.meta_path.insert(0, _Finder(target, wrapper))


def install() -> None:
    """Hide torch from thinc's import-time check and import spaCy's command line lazily (see the module
    docstring); each does nothing where its module is already imported or its environment variable is set."""
    _install(_CLI, _LazyPackage, bool(os.environ.get("GOVREPORT_SPACY_CLI")))
    for target in _DEFERRED:
        _install(target, _DeferredModule, bool(os.environ.get("GOVREPORT_SPACY_CLI")))
    _install(_TARGET, _WithoutTorch, bool(os.environ.get("GOVREPORT_THINC_TORCH")) or "torch" in sys.modules)
