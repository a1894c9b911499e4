#!/usr/bin/env python3
"""Checks a PNG screenshot: its size is WIDTHxHEIGHT and it is not blank.

Usage: png-check.py FILE WIDTH HEIGHT

Decodes the image with zlib only (8-bit RGB or RGBA, non-interlaced, as Chromium writes them),
then counts the distinct colours and the share of pixels that differ from the most common one
(the page background). A page that failed to render is one colour; a rendered page has text
and drawings. Prints one line and exits 0 when the image passes, 1 when it does not.
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        offset += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color}, interlace {interlace})")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path, want_width, want_height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, channels, rows = decode(path)
    if (width, height) != (want_width, want_height):
        print(f"{path}: {width}x{height}, expected {want_width}x{want_height}")
        return 1
    counts = {}
    for row in rows[::3]:
        for x in range(0, width * channels, channels * 3):
            pixel = row[x:x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    sampled = sum(counts.values())
    background = max(counts.values())
    ink = 1 - background / sampled
    if len(counts) < 8 or ink < 0.01:
        print(f"{path}: blank ({len(counts)} colours, {ink:.1%} of the pixels differ from the background)")
        return 1
    print(f"{path}: {width}x{height}, {len(counts)} colours, {ink:.1%} of the pixels differ from the background")
    return 0


if __name__ == "__main__":
    sys.exit(main())
