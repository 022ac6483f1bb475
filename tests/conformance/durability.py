#!/usr/bin/env python3
"""docs/protocol.md section 12 under SIGKILL: a representative sends 200 messages while the
server is killed with SIGKILL at random points and started again on the same database; the
client resends whatever was not acknowledged, with the same clientMsgId, as section 6 says.
Afterwards every acknowledged message is stored, and no message is stored twice. Run with and
without --durable.

Usage: durability.py --server-bin PATH
Prints the counts for each mode and closes with 'N passed, N failed'."""

import argparse
import asyncio
import os
import random
import socket
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverproc import Server, copy_of, seeded_database  # noqa: E402
from wsclient import Client, Closed  # noqa: E402

SENDS, KILLS = 200, 6
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
    def __init__(self, binary, db, durable, rng):
        extra = ["--durable"] if durable else []
        self.server = Server(binary, db, extra, port=free_port())
        self.rng = rng
        self.kills = 0
        self.token = None

    async def connect(self, deadline_s=20):
        """Connects (waiting for the server to come back), greets and signs in."""
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
                await asyncio.sleep(0.05)

    async def kill_soon(self):
        # Lands anywhere in the next request: before it is read, while it commits, or after
        # the commit but before the acknowledgement leaves.
        await asyncio.sleep(self.rng.uniform(0, 0.0015))
        self.server.kill()
        self.kills += 1
        self.server.start()

    async def go(self):
        self.server.start()
        try:
            c = await self.connect()
            department = 1
            created = await c.ok("consultation.create", {"departmentId": department, "subject": "断电测试",
                                                         "clientId": f"durability-{time.time_ns()}"})
            cid = created["consultation"]["id"]
            kill_at = set(self.rng.sample(range(SENDS), KILLS))
            acknowledged, duplicates_answered = {}, 0
            for i in range(SENDS):
                params = {"consultationId": cid, "clientMsgId": f"kill-{cid}-{i}", "text": f"第{i}条"}
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
            self.server.stop()


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
    args = parser.parse_args()
    sys.exit(0 if asyncio.run(main(args.server_bin)) else 1)
