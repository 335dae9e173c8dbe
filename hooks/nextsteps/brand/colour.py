"""WCAG colour contrast, so a brand colour can never make text unreadable."""

from __future__ import annotations

import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DARK_TEXT = "#000000"  # with white, one of the two always reaches 4.58:1
LIGHT_TEXT = "#ffffff"
AA_NORMAL_TEXT = 4.5


def normalise_hex(value: str) -> str:
    """'#AbC' -> '#aabbcc'. Raises ValueError for anything that is not a hex colour."""
    if not isinstance(value, str) or not HEX.match(value.strip()):
        raise ValueError(f"{value!r} is not a colour. Use a hex colour such as '#1d4f91'")
    digits = value.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def luminance(hex_colour: str) -> float:
    digits = normalise_hex(hex_colour)[1:]
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text_on(background: str) -> str:
    """The text colour (black or white) with the most contrast on background."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast(text, background))


def readable_shade(colour: str, background: str = "#ffffff", ratio: float = AA_NORMAL_TEXT) -> str:
    """``colour`` itself when text in it on ``background`` reaches ``ratio``;
    else the nearest shade that does: darker on a light background, lighter
    on a dark one (same hue).

    A pale brand colour such as '#ffdd00' then still colours links and
    print, as a darker yellow-brown that stays readable.
    """
    colour = normalise_hex(colour)
    if contrast(colour, background) >= ratio:
        return colour
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    towards = 0 if luminance(background) > 0.5 else 255  # darker on white, lighter on a dark scheme
    for step in range(1, 101):
        mix = step / 100
        shade = "#" + "".join(f"{round(c + (towards - c) * mix):02x}" for c in channels)
        if contrast(shade, background) >= ratio:
            return shade
    return DARK_TEXT if towards == 0 else LIGHT_TEXT
