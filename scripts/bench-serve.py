#!/usr/bin/env python3
"""The writing loop's figures (BENCHMARKS.md, "cchc serve"): starts `cchc serve` on a copy of
the demo, opens the event stream as a page would, then saves the plan N times, each time
changing one paragraph, and measures from the save to the reload event (the new PDF, Word twin
and pages written and swapped in, the browser told). Prints the median and the serve
process's resident memory after the first 10 saves and after all of them.

Usage: scripts/bench-serve.py BIN [SAVES]      (e.g. target/release/cchc 200)
       scripts/bench-serve.py --typst DIR [SAVES]
The second form is the peer: `typst watch` on the layout and data that
`examples/bench content 1 --dump DIR` wrote, the same paragraph changed in its data.json,
timed from the save to the new PDF written whole.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# The start of the plan's first paragraph: the change is made in front of it.
PARAGRAPH = "Thực hiện Nghị quyết số 76/NQ-CP"


def typst_watch(folder, saves):
    data = os.path.join(folder, "data.json")
    out = os.path.join(folder, "out.pdf")
    with open(data, encoding="utf-8") as f:
        original = f.read()
    assert PARAGRAPH in original
    if os.path.exists(out):
        os.remove(out)
    watch = subprocess.Popen(
        ["typst", "watch", "--root", folder, "--font-path", os.path.join(ROOT, "themes/default/fonts"),
         "--ignore-system-fonts", os.path.join(folder, "main.typ"), out],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def written(previous):
        try:
            with open(out, "rb") as f:
                pdf = f.read()
        except FileNotFoundError:
            return None
        return pdf if pdf != previous and pdf.rstrip().endswith(b"%%EOF") else None

    try:
        pdf = None
        while pdf is None:
            pdf = written(None)
            time.sleep(0.002)
        times = []
        for i in range(saves):
            text = original.replace(PARAGRAPH, f"Lần sửa {i}. {PARAGRAPH}", 1)
            start = time.perf_counter()
            with open(data, "w", encoding="utf-8") as f:
                f.write(text)
            new = None
            while new is None:
                new = written(pdf)
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
            pdf = new
        print(f"typst watch, save -> new PDF: median {statistics.median(times):.1f} ms, "
              f"min {min(times):.1f}, max {max(times):.1f}")
    finally:
        watch.kill()
        watch.wait()
        with open(data, "w", encoding="utf-8") as f:
            f.write(original)


def main():
    if sys.argv[1] == "--typst":
        typst_watch(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50)
        return
    binary = os.path.abspath(sys.argv[1])
    saves = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    work = tempfile.mkdtemp(prefix="cchc-serve-bench-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
    plan = os.path.join(work, "content/van-ban/ke-hoach-cchc-2026.yaml")
    with open(plan, encoding="utf-8") as f:
        original = f.read()
    marker = PARAGRAPH
    assert marker in original
    serve = subprocess.Popen(
        [binary, "serve", "--port", "0", "--theme", os.path.join(ROOT, "themes/default")],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = serve.stdout.readline()
        addr = line[line.index("http://") + 7:].split("/")[0]
        host, port = addr.split(":")
        sock = socket.create_connection((host, int(port)))
        sock.sendall(f"GET /_cchc/su-kien HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode())
        stream = sock.makefile("rb")

        def next_event():
            name = None
            while True:
                raw = stream.readline().decode().rstrip("\r\n")
                if raw.startswith("event: "):
                    name = raw[7:]
                elif raw == "" and name:
                    return name

        while next_event() != "the-he":
            pass
        times, memory = [], []
        for i in range(saves):
            text = original.replace(marker, f"Lần sửa {i}. {marker}", 1)
            start = time.perf_counter()
            with open(plan, "w", encoding="utf-8") as f:
                f.write(text)
            while next_event() != "the-he":
                pass
            times.append((time.perf_counter() - start) * 1000)
            if i + 1 in (10, saves):
                memory.append(rss_mb(serve.pid))
        print(f"saves: {saves}")
        print(f"save -> reload event: median {statistics.median(times):.1f} ms, "
              f"min {min(times):.1f}, max {max(times):.1f}")
        print(f"serve RSS after 10 saves: {memory[0]:.1f} MB, after {saves}: {memory[-1]:.1f} MB")
    finally:
        serve.kill()
        serve.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
