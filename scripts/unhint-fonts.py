#!/usr/bin/env python3
"""Makes the bundled fonts as they are kept in assets/fonts/ from Noto Sans
2.004 as Google Fonts ships it (hinted by ttfautohint).

Nothing of ours uses TrueType hinting: the layout measures and shapes
unhinted, the PNG painter and the SVG outlines draw unhinted outlines, and
the PDF is printed or zoomed. So the hinting programs (fpgm, prep, cvt,
gasp and every glyph's instructions) are removed, and the glyph names
(post format 2) with them, as the unhinted Noto Sans upstream is: each font
goes from 515 kB to 315 kB (165 kB gzipped instead of 258 kB), which the
WebAssembly module, the single-file page and every PDF's embedded subset
carry. Outlines, metrics, glyph ids, cmap, GSUB and GPOS are untouched, so
every picture keeps its layout and every pixel (tested by the examples).

Usage: python3 scripts/unhint-fonts.py HINTED.ttf OUT.ttf
(needs fontTools: pip install fonttools)
"""

import io
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram


def unhint(src: str, dst: str) -> None:
    font = TTFont(src)
    for tag in ("fpgm", "prep", "cvt ", "gasp", "DSIG", "hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if hasattr(glyph, "program"):
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
    maxp = font["maxp"]
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # The version string names the hinter; the unhinted font does not.
    name = font["name"]
    for record in name.names:
        if record.nameID == 5:
            text = record.toUnicode()
            record.string = text.split(";")[0]
    font["post"].formatType = 3.0
    out = io.BytesIO()
    font.save(out)
    with open(dst, "wb") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    unhint(sys.argv[1], sys.argv[2])
