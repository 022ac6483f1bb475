#!/usr/bin/env python3
"""docs/protocol.md section 12 under SIGKILL: a representative sends 200 messages while the
server is killed with SIGKILL at random points and started again on the same database; the
client resends whatever was not acknowledged, with the same clientMsgId, as section 6 says.
Afterwards every acknowledged message is stored, and no message is stored twice. Run with and
without --durable.

With --postgres (an administrative postgresql:// URI, e.g. the one tests/testsupport/
with-postgres.sh exports as CONSULT_TEST_POSTGRES), the same on several server nodes sharing one
new PostgreSQL database: the node the representative is connected to is killed with SIGKILL at
random points of its sends, KILLS_NODES times, and started again while the client carries on
through another node, as a console does with its server list (docs/server.md, "Several nodes").

Usage: durability.py --server-bin PATH [--postgres URI]
Prints the counts for each mode and closes with 'N passed, N failed'."""

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverproc import Server, copy_of, seeded_database  # noqa: E402
from wsclient import Client, Closed  # noqa: E402

SENDS, KILLS = 200, 6
NODES, SENDS_NODES, KILLS_NODES = 2, 400, 200
REP, REP_PASSWORD = "rep0002", "rep2026"


async def patiently(client, method, params, timeout=5):
    """A request as section 11 asks a client to make it: on rate_limited, wait retryAfterMs
    and ask again. Returns the final reply frame."""
    while True:
        reply = await client.call(method, params, timeout=timeout)
        if reply.get("code") != "rate_limited":
            return reply
        await asyncio.sleep(reply["details"]["retryAfterMs"] / 1000)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Run:
    def __init__(self, binary, db, durable, rng, nodes=1, sends=SENDS, kills=KILLS):
        extra = ["--durable"] if durable else []
        self.servers = [Server(binary, db, extra, port=free_port()) for _ in range(nodes)]
        self.current = 0  # the node the client is on, or tries next
        self.rng = rng
        self.sends, self.kill_count = sends, kills
        self.kills = 0
        self.token = None
        self.restarts = []

    @property
    def server(self):
        return self.servers[self.current]

    async def connect(self, deadline_s=20):
        """Connects (waiting for a server to come back, moving along the nodes), greets and
        signs in."""
        end = time.monotonic() + deadline_s
        while True:
            try:
                c = await Client.connect("127.0.0.1", self.server.port)
                await c.hello()
                if self.token:
                    await c.ok("auth.resume", {"token": self.token})
                else:
                    self.token = (await c.ok("auth.repLogin", {"user": REP, "password": REP_PASSWORD}))["token"]
                return c
            except (OSError, Closed, asyncio.TimeoutError, asyncio.IncompleteReadError):
                if time.monotonic() > end:
                    raise
                self.current = (self.current + 1) % len(self.servers)
                await asyncio.sleep(0.05 if len(self.servers) == 1 else 0.005)

    async def kill_soon(self):
        # Lands anywhere in the next request: before it is read, while it commits, or after
        # the commit but before the acknowledgement leaves.
        await asyncio.sleep(self.rng.uniform(0, 0.0015))
        victim = self.server
        if victim.proc is None or victim.proc.poll() is not None:
            raise AssertionError("the node in use had already exited on its own")
        victim.kill()
        self.kills += 1
        if len(self.servers) == 1:
            victim.start()
        else:
            # Started again beside the run, which carries on through another node meanwhile.
            self.restarts = [asyncio.ensure_future(asyncio.to_thread(victim.start))]

    async def go(self):
        for server in self.servers:
            server.start()
        try:
            c = await self.connect()
            department = 1
            created = await c.ok("consultation.create", {"departmentId": department, "subject": "断电测试",
                                                         "clientId": f"durability-{time.time_ns()}"})
            cid = created["consultation"]["id"]
            kill_at = set(self.rng.sample(range(self.sends), self.kill_count))
            acknowledged, duplicates_answered = {}, 0
            for i in range(self.sends):
                params = {"consultationId": cid, "clientMsgId": f"kill-{cid}-{i}", "text": f"第{i}条"}
                if i in kill_at:
                    # A node still being started again is let finish before the next kill
                    # (killing it half-started would be the harness's failure, not the
                    # server's), and before the send, so that the kill lands in the request.
                    for pending in self.restarts:
                        await pending
                    self.restarts = []
                    if self.server.proc is None or self.server.proc.poll() is not None:
                        c.abort()
                        c = await self.connect()
                killer = asyncio.ensure_future(self.kill_soon()) if i in kill_at else None
                while True:
                    try:
                        reply = await patiently(c, "message.send", params)
                        if reply.get("type") != "res":
                            raise AssertionError(f"message.send failed: {reply}")
                        result = reply["result"]
                        break
                    except (Closed, OSError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                        if killer:
                            await killer
                        c.abort()
                        c = await self.connect()
                if killer:
                    await killer
                acknowledged[params["clientMsgId"]] = result["message"]["id"]
                duplicates_answered += bool(result["duplicate"])
            # The last send may have been followed by a kill: read the history on a live
            # connection.
            while True:
                try:
                    history_reply = await patiently(
                        c, "messages.history", {"consultationId": cid, "limit": 1000})
                    if history_reply.get("type") != "res":
                        raise Closed()  # a node that lost its database meanwhile: ask again
                    break
                except (Closed, OSError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                    c.abort()
                    c = await self.connect()
            if history_reply.get("type") != "res":
                raise AssertionError(f"messages.history failed: {history_reply}")
            history = history_reply["result"]
            stored = [m for m in history["messages"] if (m.get("clientMsgId") or "").startswith(f"kill-{cid}-")]
            ids = [m["clientMsgId"] for m in stored]
            c.abort()
            lost = [k for k, v in acknowledged.items() if v not in {m["id"] for m in stored}]
            duplicated = len(ids) - len(set(ids))
            return {"acknowledged": len(acknowledged), "stored": len(stored), "lost": len(lost),
                    "duplicated": duplicated, "kills": self.kills,
                    "resends answered duplicate": duplicates_answered}
        finally:
            for pending in self.restarts:
                await pending
            for server in self.servers:
                server.stop()


def postgres_database(binary, admin):
    """A new database on the cluster of `admin`, filled with the demo data."""
    name = f"durability_{time.time_ns()}"
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True,
                   stdout=subprocess.DEVNULL, timeout=60)
    uri = admin[:admin.rindex("/") + 1] + name
    subprocess.run([binary, "--db", uri, "--seed-demo-only"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return uri


async def main_nodes(binary, admin):
    seed_rng = random.Random(int(os.environ.get("CONSULT_DURABILITY_SEED", time.time_ns())))
    db = postgres_database(binary, admin)
    mode = f"{NODES} nodes on PostgreSQL"
    try:
        counts = await asyncio.wait_for(
            Run(binary, db, False, seed_rng, NODES, SENDS_NODES, KILLS_NODES).go(), 600)
    except Exception:  # noqa: BLE001
        print(f"FAIL {mode}: {traceback.format_exc()}")
        print("0 passed, 1 failed")
        return False
    ok = (counts["acknowledged"] == SENDS_NODES and counts["stored"] == SENDS_NODES
          and counts["lost"] == 0 and counts["duplicated"] == 0 and counts["kills"] == KILLS_NODES)
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"{'PASS' if ok else 'FAIL'} SIGKILL of the node in use during {SENDS_NODES} sends "
          f"({mode}): {summary}", flush=True)
    print(f"{int(ok)} passed, {int(not ok)} failed")
    return ok


async def main(binary):
    results = []
    seed_rng = random.Random(int(os.environ.get("CONSULT_DURABILITY_SEED", time.time_ns())))
    with tempfile.TemporaryDirectory() as folder:
        seed = seeded_database(binary, folder)
        for durable in (False, True):
            mode = "--durable" if durable else "default"
            db = copy_of(seed, folder, f"{'durable' if durable else 'default'}.sqlite")
            try:
                counts = await asyncio.wait_for(Run(binary, db, durable, seed_rng).go(), 240)
            except Exception:  # noqa: BLE001
                print(f"FAIL {mode}: {traceback.format_exc()}")
                results.append(False)
                continue
            ok = (counts["acknowledged"] == SENDS and counts["stored"] == SENDS and counts["lost"] == 0
                  and counts["duplicated"] == 0 and counts["kills"] == KILLS)
            summary = ", ".join(f"{k} {v}" for k, v in counts.items())
            print(f"{'PASS' if ok else 'FAIL'} SIGKILL during {SENDS} sends ({mode}): {summary}", flush=True)
            results.append(ok)
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return all(results)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-bin", required=True)
    parser.add_argument("--postgres", help="administrative postgresql:// URI: several nodes")
    args = parser.parse_args()
    # An empty URI is an error (psql refuses it), never a silent fall back to one node.
    run = (main_nodes(args.server_bin, args.postgres) if args.postgres is not None
           else main(args.server_bin))
    sys.exit(0 if asyncio.run(run) else 1)
