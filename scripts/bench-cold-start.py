#!/usr/bin/env python3
"""Cold start to first frame: runs the real `arena` binary in a pseudo-terminal against a store
and times from exec to the first complete frame (the status bar drawn), and to the verdict count
shown in it (read from the store after the first frame).

Usage: scripts/bench-cold-start.py ARENA_BINARY STORE [RUNS]

The config names two models on a closed loopback port: nothing is contacted before a prompt is
sent, so this measures start-up, opening and migrating the store, counting verdicts, loading
prompt history and drawing. Prints each run and the medians, in milliseconds.
"""
import os
import pty
import select
import statistics
import sys
import tempfile
import time

CONFIG = """models:
  - name: first
    provider: openai
    base_url: http://127.0.0.1:9/v1
    model: first
  - name: second
    provider: openai
    base_url: http://127.0.0.1:9/v1
    model: second
"""


def one_run(binary: str, store: str, config: str) -> float:
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        import fcntl, struct, termios
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execve(binary, [binary, "--config", config, "--store", store], env)
    seen = b""
    elapsed = None
    first_frame = None
    deadline = start + 60
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if first_frame is None and b"all keys" in seen:
            first_frame = (time.perf_counter() - start) * 1000
        if b" verdict" in seen and first_frame is not None:
            elapsed = (time.perf_counter() - start) * 1000
            break
    os.write(fd, b"qq")
    end = time.perf_counter() + 5
    while time.perf_counter() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"no first frame within 60 s; output so far: {seen[-400:]!r}")
    return first_frame, elapsed


def main() -> None:
    binary, store = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    with tempfile.TemporaryDirectory() as directory:
        config = os.path.join(directory, "config.yaml")
        with open(config, "w") as handle:
            handle.write(CONFIG)
        os.chmod(config, 0o600)
        runs_done = [one_run(binary, store, config) for _ in range(runs)]
    for label, times in (("first frame", [r[0] for r in runs_done]), ("verdict count shown", [r[1] for r in runs_done])):
        print(f"{label} (ms): " + ", ".join(f"{t:.0f}" for t in times))
        print(f"  median {statistics.median(times):.0f} ms, min {min(times):.0f} ms")


if __name__ == "__main__":
    main()
