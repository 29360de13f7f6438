#!/usr/bin/env python3
"""What the WebAssembly module weighs, part by part (issue 35): the code of
each group of crates and the data, each gzipped on its own (so the parts sum
to about the gzipped module). Reads the module as Cargo builds it, before
wasm-bindgen removes the function names: run scripts/build-web.sh first.

    python3 scripts/weigh-wasm.py [target/wasm32-unknown-unknown/wasm/cirkel_wasm.wasm]
"""

import collections
import gzip
import re
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/wasm/cirkel_wasm.wasm"
FONTS = ["assets/fonts/NotoSans-Regular.ttf", "assets/fonts/NotoSans-Bold.ttf"]

GROUPS = {
    "PDF writer and glyph outlines (krilla, subsetter, skrifa)": {
        "krilla", "pdf_writer", "subsetter", "write_fonts", "xmp_writer", "skrifa",
        "read_fonts", "font_types", "kurbo"},
    "workbooks (read and write, ZIP)": {
        "calamine", "rust_xlsxwriter", "zip", "zopfli", "quick_xml", "encoding_rs",
        "codepage", "cirkel_sheets", "typed_path", "atoi_simd", "fast_float2"},
    "painters (SVG, PNG, photos)": {
        "tiny_skia", "tiny_skia_path", "zlib_rs", "flate2", "png", "fdeflate",
        "zune_jpeg", "jpeg_encoder", "ab_glyph_rasterizer", "resvg", "cirkel_render",
        "simd_adler32", "crc32fast", "adler2", "miniz_oxide", "imagesize", "svg"},
    "layout and text shaping": {
        "cirkel_layout", "harfrust", "hypher", "unicode_bidi", "unicode_script",
        "unicode_normalization"},
    "input, checks, messages, facade, JavaScript glue": {
        "cirkel_core", "serde_json", "serde", "serde_core", "serde_path_to_error",
        "cirkel", "cirkel_wasm", "wasm_bindgen", "js_sys"},
}


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        n, i = leb(data, i + 1)
        yield sid, data[i:i + n]
        i += n


def imported_functions(body):
    count, j = leb(body, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, j = leb(body, j)
            j += n
        kind = body[j]
        j += 1
        if kind == 0:
            _, j = leb(body, j)
            functions += 1
        elif kind in (1, 2):  # table (element type first) or memory: limits
            j += kind == 1
            flag, j = leb(body, j)
            _, j = leb(body, j)
            if flag & 1:
                _, j = leb(body, j)
        else:  # global: value type, mutability
            j += 2
    return functions


def function_names(body):
    n, j = leb(body, 0)
    if body[j:j + n] != b"name":
        return {}
    j += n
    names = {}
    while j < len(body):
        sub = body[j]
        size, j = leb(body, j + 1)
        if sub == 1:
            count, k = leb(body, j)
            for _ in range(count):
                idx, k = leb(body, k)
                n, k = leb(body, k)
                names[idx] = body[k:k + n].decode("utf8", "replace")
                k += n
        j += size
    return names


def crate_of(mangled):
    """The first path segment of a legacy-mangled Rust name (inside `<...>`
    for an impl)."""
    m = re.match(r"^_ZN(\d+)", mangled)
    if not m:
        return ""
    first = mangled[m.end():m.end() + int(m.group(1))]
    first = re.sub(r"^_?(\$LT\$|\$RF\$|mut\$u20\$|dyn\$u20\$)+", "", first)
    return re.split(r"\.\.|\$", first)[0]


def group(name):
    crate = crate_of(name)
    for label, crates in GROUPS.items():
        if crate in crates:
            return label
    return "standard library and the rest"


def main():
    data = open(PATH, "rb").read()
    parts = list(sections(data))
    imports = sum(imported_functions(b) for sid, b in parts if sid == 2)
    names = {}
    for sid, b in parts:
        if sid == 0:
            names.update(function_names(b))
    weights = collections.defaultdict(bytearray)
    for sid, body in parts:
        if sid == 10:
            count, j = leb(body, 0)
            for k in range(count):
                size, j = leb(body, j)
                weights[group(names.get(imports + k, ""))] += body[j:j + size]
                j += size
        elif sid == 11:
            rest = bytes(body)
            fonts = [open(f, "rb").read() for f in FONTS]
            for f in fonts:
                rest = rest.replace(f, b"")
            weights["fonts (Noto Sans regular and bold)"] += b"".join(fonts)
            weights["data: Unicode and encoding tables, hyphenation, catalogue"] += rest
    rows = sorted(((len(gzip.compress(bytes(v), 9)), len(v), k) for k, v in weights.items()), reverse=True)
    print("| part | raw (kB) | gzipped (kB) |")
    print("|---|---:|---:|")
    for gz, raw, label in rows:
        print(f"| {label} | {raw / 1000:.0f} | {gz / 1000:.0f} |")
    print(f"| sum | {sum(r for _, r, _ in rows) / 1000:.0f} | {sum(g for g, _, _ in rows) / 1000:.0f} |")


if __name__ == "__main__":
    main()
