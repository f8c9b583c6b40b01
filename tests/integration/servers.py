"""Starting and stopping the real servers of the integration tests."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(name: str, commands: Sequence[Sequence[str]], health_url: str, log_dir: Path, timeout_s: float,
            **popen) -> Iterator[dict]:
    """Start `commands` (one process each, output to LOG_DIR/<name>-<i>.log), wait until `health_url`
    answers 200 and yield its JSON answer (or {}); a process that exits or a server that stays silent for
    `timeout_s` fails the test with the logs' tails. Every process is stopped afterwards."""
    logs = [open(log_dir / f"{name}-{i}.log", "w") for i in range(len(commands))]
    processes = [subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, **popen)
                 for cmd, log in zip(commands, logs, strict=True)]
    started = time.monotonic()
    try:
        while True:
            try:
                with urllib.request.urlopen(health_url, timeout=5) as response:
                    if response.status == 200:
                        body = response.read()
                        break
            except OSError:
                pass
            if any(p.poll() is not None for p in processes) or time.monotonic() - started > timeout_s:
                for log in logs:
                    log.flush()
                tails = "\n".join(f"--- {log.name}\n" + Path(log.name).read_text(errors="replace")[-2500:]
                                  for log in logs)
                pytest.fail(f"{name} did not start (exit codes {[p.poll() for p in processes]}):\n{tails}")
            time.sleep(2)
        print(f"\n{name} up in {time.monotonic() - started:.0f} s", file=sys.stderr)
        try:
            answer = json.loads(body) if body.strip().startswith(b"{") else {}
        except json.JSONDecodeError:
            answer = {}
        yield answer
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        for log in logs:
            log.close()
