"""Starts the real consult-server on loopback for the checks, bounded in time, stopped by
process id."""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time


class Server:
    def __init__(self, binary, db, extra=(), port=0):
        self.binary = binary
        self.db = db
        self.extra = list(extra)
        self.port = port
        self.proc = None
        self.log = None

    def start(self, timeout=30):
        self.log = tempfile.TemporaryFile()
        args = [self.binary, "--listen", "127.0.0.1", "--port", str(self.port), "--db", self.db]
        self.proc = subprocess.Popen(args + self.extra, stdout=subprocess.PIPE, stderr=self.log)
        deadline = time.monotonic() + timeout
        line = b""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            m = re.match(rb"listening ws[s]?://([\d.]+):(\d+)", line)
            if m:
                self.host, self.port = m.group(1).decode(), int(m.group(2))
                return self
            if self.proc.poll() is not None:
                break
        self.kill()
        raise RuntimeError(f"server did not start: {self.tail()}")

    def rss_kib(self, field="VmRSS"):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def tail(self):
        if not self.log:
            return ""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-2000:]

    def stop(self, timeout=15):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def seeded_database(binary, folder):
    """A demo database made once; each server gets its own copy."""
    seed = os.path.join(folder, "seed.sqlite")
    if not os.path.exists(seed):
        subprocess.run([binary, "--db", seed, "--seed-demo-only"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return seed


def copy_of(seed, folder, name):
    target = os.path.join(folder, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(seed + suffix):
            shutil.copy(seed + suffix, target + suffix)
    return target
