"""Checks that run before a build touches its output folder.

A missing system library used to surface as a long traceback halfway
through a build, after the old site had already been deleted. These checks
cost a few milliseconds and say, in one line, what to install or set.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from urllib.parse import urlsplit

# The shared libraries WeasyPrint opens, with the names it tries on each
# platform (weasyprint/text/ffi.py), and the Debian package of each.
LIBRARIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("gobject-2.0", ("libgobject-2.0-0", "libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"), "libglib2.0-0"),
    ("pango-1.0", ("libpango-1.0-0", "libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"), "libpango-1.0-0"),
    ("harfbuzz", ("libharfbuzz-0", "libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"), "libharfbuzz0b"),
    ("fontconfig", ("libfontconfig-1", "libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"), "libfontconfig1"),
    ("pangoft2-1.0", ("libpangoft2-1.0-0", "libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib", "libpangoft2-1.0-0.dll"), "libpangoft2-1.0-0"),
)
PDF_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"

# Addresses reserved for examples (RFC 2606): never a real site.
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
LOCAL_BUILD_VARIABLE = "NEXTSTEPS_LOCAL"
# What a build without a site_url prints: the address `mkdocs serve` uses by default.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"


def _loadable(names: tuple[str, ...], short: str) -> bool:
    for name in names:
        try:
            ctypes.CDLL(name)
            return True
        except OSError:
            continue
    found = ctypes.util.find_library(short)
    if found:
        try:
            ctypes.CDLL(found)
            return True
        except OSError:
            return False
    return False


def missing_pdf_libraries() -> list[str]:
    """The libraries WeasyPrint needs for the PDFs that cannot be loaded."""
    return [short for short, names, _ in LIBRARIES if not _loadable(names, short)]


def native_problem() -> str | None:
    """One line naming what to install, or None when the PDFs can be made."""
    missing = missing_pdf_libraries()
    if not missing:
        return None
    packages = " ".join(dict.fromkeys([*PDF_PACKAGES.split(), *(pkg for short, _, pkg in LIBRARIES if short in missing)]))
    where = "sudo apt-get install -y " + packages if sys.platform.startswith("linux") else "see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
    return f"The printable PDFs need Pango, and this machine cannot load {', '.join(missing)}. Nothing was built. Install it: {where}"


def placeholder_site_url(site_url: str | None) -> bool:
    """True for an address such as https://nextsteps.example.org/ that cannot be the real one."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS)


def local_build() -> bool:
    """NEXTSTEPS_LOCAL=1 says the build is a try-out, so an example address is fine."""
    return os.environ.get(LOCAL_BUILD_VARIABLE, "") not in ("", "0")


def site_url_warning(site_url: str | None, config_file: str) -> str | None:
    """A warning for a missing or placeholder site_url, which would go into QR codes, feeds and embed snippets."""
    if local_build():
        return None
    if not site_url:
        return (
            f"{config_file}: field 'site_url': not set, so the QR codes, the JSON feeds and the embed snippets "
            f"would print {LOCAL_SITE_URL}. Set the address you publish at, "
            f"or set {LOCAL_BUILD_VARIABLE}=1 for a build that is not for publishing."
        )
    if not placeholder_site_url(site_url):
        return None
    return (
        f"{config_file}: field 'site_url': '{site_url}' is an example address, and it would be printed in the QR codes, "
        f"the JSON feeds and the embed snippets. Set the address you publish at, "
        f"or set {LOCAL_BUILD_VARIABLE}=1 for a build that is not for publishing."
    )


def site_url_or_local(site_url: str | None) -> str:
    """The address to build with: a build without one uses the preview's local address."""
    return site_url or LOCAL_SITE_URL
