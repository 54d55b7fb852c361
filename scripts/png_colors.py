#!/usr/bin/env python3
"""Counts the pixels of a PNG near given colours, with the standard library
only (zlib): render_html.sh uses it to check that Chromium drew the
report's highlights and charts, not a blank or unstyled page.

    png_colors.py FILE.png NAME=RRGGBB[,RRGGBB…] [NAME=… …] [--min N]

Prints one `NAME COUNT` line per name (the pixels of any of its colours);
exits 1 when a name has fewer than N pixels (default 200).
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    i, idat = 8, b""
    while i < len(data):
        (n,) = struct.unpack(">I", data[i : i + 4])
        kind, chunk = data[i + 4 : i + 8], data[i + 8 : i + 8 + n]
        i += 12 + n
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit(f"{path}: only 8-bit RGB(A), non-interlaced PNGs are read here")
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    prev, at = bytearray(stride), 0
    for _ in range(h):
        f, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + p) & 255
        yield from (bytes(line[x : x + 3]) for x in range(0, stride, bpp))
        prev = line


def main():
    args = sys.argv[1:]
    minimum = 200
    if "--min" in args:
        k = args.index("--min")
        minimum = int(args[k + 1])
        del args[k : k + 2]
    path, wanted = args[0], {}
    for spec in args[1:]:
        name, hexes = spec.split("=")
        wanted[name] = [bytes.fromhex(h) for h in hexes.split(",")]
    counts = dict.fromkeys(wanted, 0)
    # Exact colours (within a small tolerance for anti-aliasing) are
    # counted; a histogram first keeps this fast on large screenshots.
    histogram = {}
    for px in pixels(path):
        histogram[px] = histogram.get(px, 0) + 1
    for px, n in histogram.items():
        for name, colours in wanted.items():
            if any(all(abs(px[i] - c[i]) <= 6 for i in range(3)) for c in colours):
                counts[name] += n
    failed = False
    for name, n in counts.items():
        print(f"{name} {n}")
        failed |= n < minimum
    sys.exit(1 if failed else 0)


main()
