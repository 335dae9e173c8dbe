"""Brand colours always give readable text; bad settings are named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from nextsteps.brand import contrast, load_brand, normalise_hex, readable_text_on
from nextsteps.content import ContentError


@pytest.mark.parametrize("accent", ["#ffdd00", "#1d4f91", "#777777", "#00ff00", "#000000", "#ffffff", "#d4351c"])
def test_text_on_any_accent_passes_aa(accent):
    assert contrast(readable_text_on(accent), accent) >= 4.5


def test_contrast_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_short_hex_is_expanded():
    assert normalise_hex("#AbC") == "#aabbcc"


@pytest.mark.parametrize(
    ("settings", "field", "says"),
    [
        ({"accent": "red"}, "extra.brand.accent", "is not a colour"),
        ({"url": "example.com"}, "extra.brand.url", "is not a web address"),
        ({"email": "nobody"}, "extra.brand.email", "is not an email address"),
        ({"logo": "missing.svg"}, "extra.brand.logo", "does not exist"),
        ({"colour": "#000000"}, "extra.brand.colour", "unknown setting. Allowed: name, url"),
    ],
)
def test_bad_settings_are_named(settings, field, says, tmp_path: Path):
    with pytest.raises(ContentError) as caught:
        load_brand(settings, "mkdocs.yml", tmp_path)
    assert f"mkdocs.yml: field '{field}'" in str(caught.value)
    assert says in str(caught.value)
