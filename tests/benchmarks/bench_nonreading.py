#!/usr/bin/env python3
"""The server's memory with 100 signed-in clients that send requests within the rate limit
but never read (docs/server.md, "Slow and silent clients"): each asks for 60 pages of 1,000
representatives (about 45 MB of replies each, 4.5 GB in all, were they all queued). Prints
the server's peak resident memory against the bound, and against the same server idle.

Usage: bench_nonreading.py --server-bin PATH"""

import argparse
import asyncio
import os
import resource
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance"))
from serverproc import Server, copy_of, seeded_database  # noqa: E402
from wsclient import Client, Closed  # noqa: E402

CLIENTS, REQUESTS = 100, 60
BOUND_MIB = 200  # idle server + 100 x (1 MiB queued + one reply), with room


async def silent_client(server, index):
    c = await Client.connect(server.host, server.port, rcvbuf=4096)
    await c.hello()
    department = ["jw", "jtw", "wjw"][index % 3]
    # A third of the clients share an account, and an account gets at most 5 password checks at
    # once (docs/protocol.md section 4): the others are told to wait, and do, as a client should.
    while True:
        reply = await c.call("auth.login", {"user": f"{department}.2", "password": "demo2026"})
        if reply.get("code") != "throttled":
            break
        await asyncio.sleep(reply["details"]["retryAfterMs"] / 1000)
    if reply.get("type") != "res":
        raise AssertionError(f"auth.login failed: {reply}")
    for _ in range(REQUESTS):
        c.send_request("sync.pull", {"stream": "representatives", "limit": 1000})
    await c.flush()
    return c


async def main(binary):
    with tempfile.TemporaryDirectory() as folder:
        seed = seeded_database(binary, folder)
        # Sign-ins from one address are throttled at 32 checks at once; a burst is fine.
        server = Server(binary, copy_of(seed, folder, "bench.sqlite"),
                        ["--rate", "200", "--burst", "200"]).start()
        try:
            probe = await Client.connect(server.host, server.port)
            await probe.hello()
            await probe.ok("auth.login", {"user": "jw.1", "password": "demo2026"})
            await probe.ok("sync.pull", {"stream": "representatives", "limit": 1000})
            idle = server.rss_kib() / 1024
            clients = []
            for start in range(0, CLIENTS, 20):
                clients += await asyncio.gather(*(silent_client(server, i) for i in range(start, start + 20)))
            peak = idle
            for _ in range(50):
                await asyncio.sleep(0.1)
                peak = max(peak, server.rss_kib() / 1024)
            t = asyncio.get_running_loop().time()
            await probe.ok("ping", {})
            ping_ms = (asyncio.get_running_loop().time() - t) * 1000
            for c in clients:
                c.abort()
            hwm = server.rss_kib("VmHWM") / 1024
            print(f"server_memory_100_nonreading: {max(peak, hwm):.0f} MiB "
                  f"(target: < {BOUND_MIB} MiB; same server idle: {idle:.0f} MiB)")
            print(f"server_ping_with_100_nonreading: {ping_ms:.1f} ms (target: < 50 ms)")
        finally:
            server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-bin", required=True)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    asyncio.run(main(parser.parse_args().server_bin))
