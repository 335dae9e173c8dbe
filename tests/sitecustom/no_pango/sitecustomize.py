"""Put first on PYTHONPATH: this Python process behaves as if Pango were not installed.

Every way of loading a shared library (ctypes, ctypes.util and cffi, which
WeasyPrint uses) fails for Pango's libraries, as on a machine without the
libpango-1.0-0 and libpangoft2-1.0-0 packages.
"""

import ctypes
import ctypes.util


def _hidden(name) -> bool:
    return "pango" in str(name or "").lower()


_cdll_init = ctypes.CDLL.__init__


def _cdll(self, name, *args, **kwargs):
    if _hidden(name):
        raise OSError(f"{name}: cannot open shared object file: No such file or directory")
    _cdll_init(self, name, *args, **kwargs)


ctypes.CDLL.__init__ = _cdll
_find_library = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if _hidden(name) else _find_library(name)

try:
    import cffi

    _dlopen = cffi.FFI.dlopen

    def _cffi_dlopen(self, name, *args, **kwargs):
        if _hidden(name):
            raise OSError(f"cannot load library '{name}'")
        return _dlopen(self, name, *args, **kwargs)

    cffi.FFI.dlopen = _cffi_dlopen
except ImportError:
    pass
