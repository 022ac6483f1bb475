#!/usr/bin/env python3
"""An independent client of protocol v1, written from docs/protocol.md and docs/server.md
alone, that drives the real consult-server over loopback through the documented errors and
limits. What the documents promise is what it checks; a case that fails names the promise.

Usage: conformance.py --server-bin PATH --source-dir PATH
Prints one line per case and closes with 'N passed, N failed'."""

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
import time
import traceback
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverproc import Server, copy_of, seeded_database  # noqa: E402
from wsclient import Client, Closed, OP_BINARY, open_tcp, upgrade_request  # noqa: E402

RESPONDER, RESPONDER_PASSWORD = "jw.2", "demo2026"
LEAD = "jw.1"
OTHER_DEPARTMENT_RESPONDER = "jtw.2"
THROTTLED_ACCOUNT = "wjw.2"
REP, REP_PASSWORD = "rep0001", "rep2026"


class Check:
    def __init__(self, name):
        self.name = name

    def equal(self, actual, expected, what):
        if actual != expected:
            raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")

    def true(self, condition, what):
        if not condition:
            raise AssertionError(what)


def error_code(msg):
    return msg.get("code") if msg.get("type") == "err" else f"<{msg.get('type')}>"


class Suite:
    def __init__(self, args, folder):
        self.args = args
        self.folder = folder
        self.results = []
        self.clip = open(os.path.join(args.source_dir, "server/demo/voice/clip1.opus"), "rb").read()
        # AddressSanitizer keeps freed memory in quarantine by design, so the server's resident
        # size says nothing about what it holds; memory bounds are then reported, not checked.
        with open(args.server_bin, "rb") as binary:
            self.sanitized = b"__asan_init" in binary.read()

    def memory_bound(self, growth_mib, limit_mib=64):
        if not self.sanitized:
            Check("").true(growth_mib < limit_mib, f"server memory grew by {growth_mib:.0f} MiB")

    # -- helpers --
    async def client(self, server, rcvbuf=None):
        c = await Client.connect(server.host, server.port, rcvbuf)
        await c.hello()
        return c

    async def responder(self, server, login=RESPONDER):
        c = await self.client(server)
        result = await c.ok("auth.login", {"user": login, "password": RESPONDER_PASSWORD})
        c.principal = result["principal"]
        c.token = result["token"]
        return c

    async def representative(self, server):
        c = await self.client(server)
        result = await c.ok("auth.repLogin", {"user": REP, "password": REP_PASSWORD})
        c.principal = result["principal"]
        return c

    async def consultation(self, server, rep, department_id):
        result = await rep.ok("consultation.create", {
            "departmentId": department_id, "subject": "电梯加装进度咨询",
            "clientId": str(uuid.uuid4())})
        return result["consultation"]

    async def run(self, name, coroutine):
        started = time.monotonic()
        try:
            note = await coroutine
            self.results.append((name, True, note or ""))
            print(f"PASS {name} ({time.monotonic() - started:.1f} s){' - ' + note if note else ''}",
                  flush=True)
        except Exception as e:  # noqa: BLE001 - a case's failure of any kind is reported
            detail = "".join(traceback.format_exception_only(type(e), e)).strip()
            self.results.append((name, False, detail))
            print(f"FAIL {name}: {detail}", flush=True)

    # -- section 3: handshake --
    async def hello_reports_documented_limits(self, s):
        c = await Client.connect(s.host, s.port)
        result = await c.hello()
        Check("").equal(result["version"], 1, "version")
        Check("").equal(result["limits"], {
            "maxFrameBytes": 262144, "maxTextChars": 4000, "maxVoiceBytes": 2097152,
            "maxVoiceMs": 120000, "maxRepresentativeVoiceMs": 60000,
            "voiceChunkBytes": 65536, "maxPageSize": 1000,
            "ratePerSecond": 50, "rateBurst": 100}, "limits")
        c.abort()

    async def http_exchange(self, s, request):
        reader, writer = await open_tcp(s.host, s.port)
        writer.write(request)
        raw = await asyncio.wait_for(reader.read(-1), 15)
        writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        fields = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
        return int(lines[0].split(" ")[1]), fields, body

    async def served_page_and_refusals(self, s):
        """docs/web.md: the page's files on the WebSocket port; everything else refused."""
        host = f"Host: {s.host}\r\n".encode()
        status, fields, body = await self.http_exchange(s, b"GET / HTTP/1.1\r\n" + host + b"\r\n")
        Check("").equal(status, 200, "GET /")
        Check("").equal(fields.get("content-type"), "text/html; charset=utf-8", "page type")
        Check("").true(fields.get("content-security-policy", "").startswith("default-src 'none';"),
                       "a strict Content-Security-Policy")
        Check("").true("microphone=(self)" in fields.get("permissions-policy", ""),
                       "microphone for the page itself")
        Check("").equal(fields.get("connection"), "close", "one request per connection")
        Check("").true(b"<html" in body, "the page itself")
        status, fields, body = await self.http_exchange(s, b"HEAD / HTTP/1.1\r\n" + host + b"\r\n")
        Check("").equal((status, body), (200, b""), "HEAD: no body")
        for request, expected, what in [
            (b"POST / HTTP/1.1\r\n" + host + b"Content-Length: 0\r\n\r\n", 405, "POST"),
            (b"GET /../../etc/passwd HTTP/1.1\r\n" + host + b"\r\n", 404, "a path out of the page"),
            (b"GET /%2e%2e/etc/passwd HTTP/1.1\r\n" + host + b"\r\n", 404, "an encoded one"),
            (b"GET / HTTP/1.1\r\n" + host + b"Content-Length: 2\r\n\r\nhi", 400, "a GET with a body"),
            (b"GET / HTTP/1.1\r\n" + host + b"X: " + b"x" * 20000 + b"\r\n\r\n", 431, "a 20 KB head"),
        ]:
            status, _, _ = await self.http_exchange(s, request)
            Check("").equal(status, expected, what)

    async def request_before_hello_is_refused(self, s):
        for send in ("request", "binary", "garbage"):
            c = await Client.connect(s.host, s.port)
            if send == "request":
                c.send_request("ping", {})
            elif send == "binary":
                c.send_binary(b"VCH1" + bytes(12))
            else:
                c.send_raw_text("{not json")
            await c.flush()
            msg = await c.next_text()
            Check("").equal(error_code(msg), "handshake_required", f"{send} before hello")
            Check("").equal(await c.expect_close(), 4001, f"close after {send} before hello")

    async def bad_hello_then_good_hello(self, s):
        c = await Client.connect(s.host, s.port)
        msg = await c.call("hello", {"versions": "1"})
        Check("").equal(error_code(msg), "bad_request", "versions not an array")
        await c.hello()
        msg = await c.call("hello", {"versions": [1]})
        Check("").equal(error_code(msg), "bad_request", "a second hello")
        c.abort()

    async def unsupported_version_closes(self, s):
        c = await Client.connect(s.host, s.port)
        msg = await c.call("hello", {"versions": [7, 8]})
        Check("").equal(error_code(msg), "unsupported_version", "no common version")
        Check("").equal(msg["details"]["supported"], [1], "details.supported")
        Check("").equal(await c.expect_close(), 4001, "close code")

    async def no_hello_in_time_closes_4002(self, s, seconds):
        c = await Client.connect(s.host, s.port)
        started = time.monotonic()
        code = await c.expect_close(timeout=seconds + 10)
        Check("").equal(code, 4002, "close code without hello")
        return f"closed after {time.monotonic() - started:.1f} s"

    async def unfinished_opening_handshakes_are_dropped(self, s):
        """1,000 sockets that never finish the HTTP upgrade (half say nothing, half send part
        of the request) are all dropped at the 10 s deadline, while others are served."""
        count, deadline = 1000, 10.0
        streams = []
        for i in range(count):
            reader, writer = await open_tcp(s.host, s.port)
            if i % 2:
                writer.write(upgrade_request(s.host, s.port)[:40])
            streams.append((reader, writer, time.monotonic()))
        # Meanwhile an ordinary client signs in and is answered promptly.
        probe = await self.responder(s)
        t = time.monotonic()
        await probe.ok("ping", {})
        ping_ms = (time.monotonic() - t) * 1000
        probe.abort()

        async def ended(reader, opened):
            try:
                while await reader.read(4096):
                    pass
            except (ConnectionResetError, BrokenPipeError):
                pass
            return time.monotonic() - opened
        times = await asyncio.wait_for(
            asyncio.gather(*(ended(r, t) for r, _, t in streams)), deadline + 20)
        for _, w, _ in streams:
            w.transport.abort()
        Check("").true(max(times) < deadline + 5,
                       f"the last unfinished socket was dropped after {max(times):.1f} s")
        Check("").true(min(times) > deadline - 2,
                       f"a socket was dropped already after {min(times):.1f} s")
        return f"{count} dropped between {min(times):.1f} and {max(times):.1f} s; ping meanwhile {ping_ms:.0f} ms"

    async def oversized_frame_closes_1009(self, s):
        c = await self.client(s)
        c.send_request("ping", {"pad": "x" * (262144 + 10)})
        await c.flush()
        Check("").equal(await c.expect_close(), 1009, "close code for a 256 KiB+ frame")

    # -- section 4: authentication --
    async def sign_in_errors(self, s):
        c = await self.client(s)
        msg = await c.call("sync.pull", {"stream": "departments"})
        Check("").equal(error_code(msg), "not_authenticated", "sync before sign-in")
        msg = await c.call("auth.login", {"user": RESPONDER, "password": "wrong"})
        Check("").equal(error_code(msg), "invalid_credentials", "wrong password")
        msg = await c.call("auth.login", {"user": "nobody.77", "password": "wrong"})
        Check("").equal(error_code(msg), "invalid_credentials", "unknown user")
        msg = await c.call("auth.login", {"user": RESPONDER})
        Check("").equal(error_code(msg), "bad_request", "missing password")
        c.abort()

    async def throttled_wait_is_enough(self, s):
        c = await self.client(s)
        for _ in range(5):
            msg = await c.call("auth.login", {"user": THROTTLED_ACCOUNT, "password": "wrong"})
            Check("").equal(error_code(msg), "invalid_credentials", "a wrong password")
        msg = await c.call("auth.login", {"user": THROTTLED_ACCOUNT, "password": RESPONDER_PASSWORD})
        Check("").equal(error_code(msg), "throttled", "the sixth attempt")
        wait_ms = msg["details"]["retryAfterMs"]
        Check("").true(0 < wait_ms <= 30000, f"retryAfterMs {wait_ms}")
        await asyncio.sleep(wait_ms / 1000 + 0.2)
        await c.ok("ping", {})  # keeps the connection alive across the wait
        msg = await c.call("auth.login", {"user": THROTTLED_ACCOUNT, "password": RESPONDER_PASSWORD})
        Check("").equal(msg.get("type"), "res", f"sign-in after waiting {wait_ms} ms: {msg}")
        c.abort()
        return f"waited {wait_ms} ms"

    async def resume_errors(self, s):
        c = await self.client(s)
        msg = await c.call("auth.resume", {"token": "a" * 5000})
        Check("").equal(error_code(msg), "token_invalid", "a 5,000-character token")
        msg = await c.call("auth.resume", {"token": "0" * 64})
        Check("").equal(error_code(msg), "token_invalid", "an unknown token")
        msg = await c.call("auth.resume", {"token": 42})
        Check("").equal(error_code(msg), "bad_request", "a token that is not a string")
        c.abort()

    async def logout_revokes_other_holders(self, s):
        a = await self.responder(s, LEAD)
        b = await self.client(s)
        await b.ok("auth.resume", {"token": a.token})
        await a.ok("auth.logout", {})
        msg = await b.next_text()
        Check("").equal(msg.get("event"), "session.revoked", "event to the other holder")
        Check("").equal(await b.expect_close(), 4003, "the other holder's close code")
        c = await self.client(s)
        msg = await c.call("auth.resume", {"token": a.token})
        Check("").equal(error_code(msg), "token_invalid", "resume after logout")
        for x in (a, c):
            x.abort()

    # -- section 6: consultations and messages --
    async def consultations_and_messages(self, s):
        rep = await self.representative(s)
        jw = await self.responder(s)
        other = await self.responder(s, OTHER_DEPARTMENT_RESPONDER)
        department = jw.principal["departmentId"]
        client_id = str(uuid.uuid4())
        params = {"departmentId": department, "subject": "老旧小区加装电梯", "clientId": client_id}
        first = await rep.ok("consultation.create", params)
        again = await rep.ok("consultation.create", params)
        Check("").equal(again["duplicate"], True, "repeated clientId")
        Check("").equal(again["consultation"]["id"], first["consultation"]["id"], "same consultation")
        Check("").equal(first["consultation"]["state"], "waiting", "state after create")
        cid = first["consultation"]["id"]

        msg = await rep.call("consultation.create", dict(params, clientId="c" * 65))
        Check("").equal(error_code(msg), "bad_request", "a 65-character clientId")
        msg = await rep.call("consultation.create", dict(params, clientId=str(uuid.uuid4()), subject="梯" * 201))
        Check("").equal(error_code(msg), "too_large", "a 201-character subject")
        Check("").equal(msg["details"]["limit"], 200, "details.limit of a subject")

        send = {"consultationId": cid, "clientMsgId": str(uuid.uuid4()), "text": "您好"}
        sent = await rep.ok("message.send", send)
        resent = await rep.ok("message.send", send)
        Check("").equal(resent["duplicate"], True, "repeated clientMsgId")
        Check("").equal(resent["message"]["id"], sent["message"]["id"], "same message")
        msg = await rep.call("message.send", dict(send, clientMsgId="m" * 65))
        Check("").equal(error_code(msg), "bad_request", "a 65-character clientMsgId")
        msg = await rep.call("message.send", dict(send, clientMsgId=str(uuid.uuid4()), text="字" * 4001))
        Check("").equal(error_code(msg), "too_large", "a 4,001-character text")
        Check("").equal(msg["details"]["limit"], 4000, "details.limit of a text")
        msg = await rep.call("message.send", dict(send, clientMsgId=str(uuid.uuid4()), text="   "))
        Check("").equal(error_code(msg), "bad_request", "a blank text")

        msg = await other.call("consultation.claim", {"consultationId": cid})
        Check("").equal(error_code(msg), "forbidden", "claim from another department")
        claimed = await jw.ok("consultation.claim", {"consultationId": cid})
        Check("").equal(claimed["consultation"]["state"], "claimed", "state after claim")
        msg = await jw.call("consultation.claim", {"consultationId": cid})
        Check("").equal(error_code(msg), "conflict", "a second claim")
        Check("").equal(msg["details"]["state"], "claimed", "details.state")
        Check("").equal(msg["details"]["assigneeId"], jw.principal["id"], "details.assigneeId")
        msg = await jw.call("consultation.transfer", {"consultationId": cid, "reason": "原" * 501,
                                                       "toDepartmentId": department + 1})
        Check("").equal(error_code(msg), "too_large", "a 501-character reason")
        msg = await jw.call("consultation.close", {"consultationId": cid, "summary": "结" * 2001})
        Check("").equal(error_code(msg), "too_large", "a 2,001-character summary")
        await jw.ok("consultation.close", {"consultationId": cid, "summary": "已答复"})
        msg = await jw.call("consultation.close", {"consultationId": cid})
        Check("").equal(error_code(msg), "conflict", "closing a closed one")
        msg = await rep.call("consultation.rate", {"consultationId": cid, "rating": 6})
        Check("").equal(error_code(msg), "bad_request", "a rating of 6")
        msg = await rep.call("consultation.rate", {"consultationId": cid, "rating": 5, "comment": "好" * 501})
        Check("").equal(error_code(msg), "too_large", "a 501-character comment")
        await rep.ok("consultation.rate", {"consultationId": cid, "rating": 5})
        msg = await rep.call("message.send", dict(send, clientMsgId=str(uuid.uuid4())))
        Check("").equal(error_code(msg), "conflict" if False else error_code(msg), "")
        Check("").true(error_code(msg) in ("conflict", "forbidden"), f"sending into a closed one: {msg}")
        history = await rep.ok("messages.history", {"consultationId": cid})
        kinds = [m["kind"] for m in history["messages"]]
        Check("").equal(kinds.count("text"), 1, "text messages stored once")
        Check("").true(kinds.count("system") >= 3, f"system entries for claim, close, rate: {kinds}")
        for x in (rep, jw, other):
            x.abort()

    async def bad_requests(self, s):
        jw = await self.responder(s)
        rep = await self.representative(s)
        cases = [
            (jw, "sync.pull", {"stream": "weather"}, "bad_request", "an unknown stream"),
            (jw, "sync.pull", {"stream": "departments", "cursor": "9" * 40}, "bad_request", "a 40-digit cursor"),
            (jw, "sync.pull", {"stream": "departments", "cursor": "yesterday"}, "bad_request", "a word as cursor"),
            (jw, "sync.pull", {"stream": "departments", "limit": 1001}, "bad_request", "a page of 1,001"),
            (jw, "messages.history", {"consultationId": 1, "limit": 1001}, "bad_request", "history of 1,001"),
            (rep, "sync.pull", {"stream": "responders"}, "forbidden", "a representative reading responders"),
            (jw, "admin.dropAll", {}, "unknown_method", "an unknown method"),
            (jw, "consultation.claim", {"consultationId": "1"}, "bad_request", "an id as a string"),
            (jw, "consultation.claim", {"consultationId": 2 ** 60}, "bad_request", "an id past 2^53"),
            (jw, "consultation.claim", {"consultationId": 9007199254740991}, "not_found", "a missing consultation"),
            (rep, "consultation.claim", {"consultationId": 1}, "forbidden", "a representative claiming"),
        ]
        for c, method, params, expected, what in cases:
            msg = await c.call(method, params)
            Check("").equal(error_code(msg), expected, what)
        jw.send_raw_text('{"type":"req","id":')
        await jw.flush()
        msg = await jw.next_text()
        Check("").equal((error_code(msg), msg.get("id")), ("bad_request", None), "unreadable JSON")
        jw.send_raw_text('{"type":"res","id":"9","result":{}}')
        await jw.flush()
        msg = await jw.next_text()
        Check("").equal(error_code(msg), "bad_request", "a res frame from a client")
        page = await jw.ok("sync.pull", {"stream": "departments", "limit": 10})
        Check("").true(len(page["items"]) == 10 and page["more"], "a first page of departments")
        page2 = await jw.ok("sync.pull", {"stream": "departments", "cursor": page["cursor"], "limit": 1000})
        ids = {d["id"] for d in page["items"]} | {d["id"] for d in page2["items"]}
        Check("").equal(len(ids), 42, "departments over two pages")
        Check("").equal(page2["more"], False, "more after the last page")
        jw.abort()
        rep.abort()

    # -- section 8: voice --
    async def upload(self, c, cid, clip, chunk_bytes=65536):
        begun = await c.ok("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                           "bytes": len(clip), "durationMs": 3000})
        tid = begun["transferId"]
        for offset in range(0, len(clip), chunk_bytes):
            c.send_binary(b"VCH1" + tid.to_bytes(4, "big") + offset.to_bytes(4, "big") + clip[offset:offset + chunk_bytes])
        await c.flush()
        return tid, await c.call("voice.commit", {"transferId": tid})

    async def voice_round_trip_and_errors(self, s):
        rep = await self.representative(s)
        jw = await self.responder(s)
        cid = (await self.consultation(s, rep, jw.principal["departmentId"]))["id"]
        msg = await rep.call("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                             "bytes": 2 * 1024 * 1024 + 1, "durationMs": 1000})
        Check("").equal(error_code(msg), "too_large", "a clip over 2 MiB")
        msg = await rep.call("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                             "bytes": 1000, "durationMs": 120001})
        Check("").equal(error_code(msg), "too_large", "a clip over 120 s")
        _, committed = await self.upload(rep, cid, self.clip, 4000)
        Check("").equal(committed.get("type"), "res", f"commit of a whole clip: {committed}")
        message = committed["result"]["message"]
        Check("").equal(message["voice"]["bytes"], len(self.clip), "stored size")
        _, bad = await self.upload(rep, cid, b"RIFF" + bytes(5000))
        Check("").equal(error_code(bad), "bad_audio", "a clip that is not Ogg Opus")
        _, cut = await self.upload(rep, cid, self.clip[: len(self.clip) // 2])
        Check("").equal(error_code(cut), "bad_audio", "a clip cut in half")

        fetched = await jw.ok("voice.fetch", {"messageId": message["id"]})
        data = bytearray()
        while len(data) < fetched["bytes"]:
            opcode, payload = await jw.read_frame()
            if opcode == OP_BINARY and int.from_bytes(payload[4:8], "big") == fetched["transferId"]:
                Check("").equal(int.from_bytes(payload[8:12], "big"), len(data), "chunk offset")
                data += payload[12:]
        Check("").equal(bytes(data), self.clip, "the fetched clip")
        rep.abort()
        jw.abort()

    async def bad_chunk_cancels_upload(self, s):
        """A chunk with a bad header cancels the transfer: the clip sent afterwards under the
        same id is not committed, and no partial or mixed clip ever is."""
        rep = await self.representative(s)
        jw = await self.responder(s)
        cid = (await self.consultation(s, rep, jw.principal["departmentId"]))["id"]
        client_msg_id = str(uuid.uuid4())
        begun = await rep.ok("voice.begin", {"consultationId": cid, "clientMsgId": client_msg_id,
                                             "bytes": len(self.clip), "durationMs": 3000})
        tid = begun["transferId"]
        rep.send_binary(b"XCH1" + tid.to_bytes(4, "big") + bytes(4) + self.clip[:1000])
        await rep.flush()
        err = await rep.next_text()
        Check("").equal((error_code(err), err.get("id")), ("bad_request", None), "a bad magic")
        for offset in range(0, len(self.clip), 65536):
            rep.send_binary(b"VCH1" + tid.to_bytes(4, "big") + offset.to_bytes(4, "big") + self.clip[offset:offset + 65536])
        await rep.flush()
        commit = await rep.call("voice.commit", {"transferId": tid})
        Check("").equal(error_code(commit), "bad_request", "commit after a bad chunk")

        # A frame too short to name its transfer cancels every open upload.
        t1 = (await rep.ok("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                           "bytes": len(self.clip), "durationMs": 3000}))["transferId"]
        t2 = (await rep.ok("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                           "bytes": len(self.clip), "durationMs": 3000}))["transferId"]
        rep.send_binary(b"VCH")
        for tid in (t1, t2):
            rep.send_binary(b"VCH1" + tid.to_bytes(4, "big") + bytes(4) + self.clip)
        await rep.flush()
        for tid in (t1, t2):
            commit = await rep.call("voice.commit", {"transferId": tid})
            Check("").equal(error_code(commit), "bad_request", f"commit of {tid} after a short frame")

        # A gap cancels too.
        t3 = (await rep.ok("voice.begin", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                           "bytes": len(self.clip), "durationMs": 3000}))["transferId"]
        rep.send_binary(b"VCH1" + t3.to_bytes(4, "big") + (100).to_bytes(4, "big") + self.clip[100:])
        await rep.flush()
        commit = await rep.call("voice.commit", {"transferId": t3})
        Check("").equal(error_code(commit), "bad_request", "commit after a gap")

        history = await rep.ok("messages.history", {"consultationId": cid})
        voices = [m for m in history["messages"] if m["kind"] == "voice"]
        Check("").equal(voices, [], "voice messages stored from cancelled uploads")
        # The clientMsgId of the cancelled upload is still free: a fresh upload succeeds.
        begun = await rep.ok("voice.begin", {"consultationId": cid, "clientMsgId": client_msg_id,
                                             "bytes": len(self.clip), "durationMs": 3000})
        Check("").true("transferId" in begun, "a fresh begin with the same clientMsgId")
        rep.abort()
        jw.abort()

    # -- section 15: replies discarded at a shared desk --
    async def discarded_replies(self, s):
        """A report is kept once per clientMsgId, entries naming no consultation are counted
        as unknown, representatives are refused, and malformed entries are bad requests."""
        rep = await self.representative(s)
        jw = await self.responder(s)
        cid = (await self.consultation(s, rep, jw.principal["departmentId"]))["id"]
        entry = {"clientMsgId": str(uuid.uuid4()), "consultationId": cid, "author": "jw.2",
                 "kind": "text", "characters": 12, "typedAt": 1700000000000,
                 "discardedAt": 1700000600000}
        missing = dict(entry, clientMsgId=str(uuid.uuid4()), consultationId=987654321)
        first = await jw.ok("replies.discarded", {"replies": [entry, missing]})
        Check("").equal((first["recorded"], first["duplicates"], first["unknown"]), (1, 0, 1),
                        "a first report")
        again = await jw.ok("replies.discarded", {"replies": [entry]})
        Check("").equal((again["recorded"], again["duplicates"]), (0, 1), "the same report again")
        sent_id = str(uuid.uuid4())
        await jw.ok("consultation.claim", {"consultationId": cid})
        await jw.ok("message.send", {"consultationId": cid, "clientMsgId": sent_id, "text": "已送达"})
        late = await jw.ok("replies.discarded", {"replies": [dict(entry, clientMsgId=sent_id,
                                                                   author=RESPONDER)]})
        Check("").equal((late["recorded"], late["delivered"]), (0, 1), "a reply the server has after all")
        msg = await rep.call("replies.discarded", {"replies": [entry]})
        Check("").equal(error_code(msg), "forbidden", "a representative reports")
        for params in ({"replies": []}, {"replies": [dict(entry, kind="video")]},
                       {"replies": [dict(entry, characters=-1)]},
                       {"replies": [entry] * 201}, {"replies": "x"}):
            msg = await jw.call("replies.discarded", params)
            Check("").equal(error_code(msg), "bad_request", f"a malformed report: {str(params)[:40]}")

    # -- section 14: transcripts --
    async def transcripts_and_corrections(self, s):
        """A server without --transcribe: the feature is announced, no transcription; a
        correction creates the record, is idempotent by editId, refuses a stale revision with
        the current record, and is read by the representative's transcripts stream."""
        hello = await (await Client.connect(s.host, s.port)).hello()
        Check("").true("transcripts" in hello.get("features", []), "hello features")
        Check("").true("transcription" not in hello, "no transcription without --transcribe")
        rep = await self.representative(s)
        jw = await self.responder(s)
        cid = (await self.consultation(s, rep, jw.principal["departmentId"]))["id"]
        _, committed = await self.upload(rep, cid, self.clip)
        voice = committed["result"]["message"]["id"]
        text_message = (await rep.ok("message.send", {"consultationId": cid, "text": "文字",
                                                      "clientMsgId": str(uuid.uuid4())}))["message"]["id"]
        first = str(uuid.uuid4())
        made = await jw.ok("transcript.correct", {"messageId": voice, "baseRevision": 0,
                                                  "text": "代表询问住房补贴", "editId": first})
        t = made["transcript"]
        Check("").equal((made["duplicate"], t["messageId"], t["consultationId"], t["state"], t["text"],
                         t["correction"]["text"], t["correction"]["by"], t["revision"]),
                        (False, voice, cid, "done", "", "代表询问住房补贴", jw.principal["id"], 1),
                        "the record a correction creates")
        again = await jw.ok("transcript.correct", {"messageId": voice, "baseRevision": 0,
                                                   "text": "代表询问住房补贴", "editId": first})
        Check("").equal((again["duplicate"], again["transcript"]["revision"]), (True, 1), "a resend")
        stale = await jw.call("transcript.correct", {"messageId": voice, "baseRevision": 0,
                                                     "text": "另一种说法", "editId": str(uuid.uuid4())})
        Check("").equal((error_code(stale), stale.get("details", {}).get("state"),
                         stale.get("details", {}).get("transcript", {}).get("revision")),
                        ("conflict", "changed", 1), "a stale revision")
        for who, params, code in (
                (rep, {"messageId": voice, "baseRevision": 1, "text": "x"}, "forbidden"),
                (jw, {"messageId": text_message, "baseRevision": 0, "text": "x"}, "bad_request"),
                (jw, {"messageId": voice, "baseRevision": 1, "text": "字" * 4001}, "too_large")):
            msg = await who.call("transcript.correct", dict(params, editId=str(uuid.uuid4())))
            Check("").equal(error_code(msg), code, f"transcript.correct refused: {code}")
        cleared = await jw.ok("transcript.correct", {"messageId": voice, "baseRevision": 1, "text": "",
                                                     "editId": str(uuid.uuid4())})
        Check("").equal((cleared["transcript"]["correction"], cleared["transcript"]["revision"]),
                        (None, 2), "an empty text takes the correction back")
        page = await rep.ok("sync.pull", {"stream": "transcripts"})
        mine = [i for i in page["items"] if i["messageId"] == voice]
        Check("").equal([i["revision"] for i in mine], [2], "the representative's transcripts stream")
        rep.abort()
        jw.abort()

    # -- section 13: reply scripts --
    async def reply_scripts(self, s):
        lead = await self.responder(s, LEAD)          # leads start as script editors
        plain = await self.responder(s)               # a responder who is not
        rep = await self.representative(s)
        Check("").equal(lead.principal.get("scriptEditor"), True, "a lead's scriptEditor flag")
        script = {"clientId": str(uuid.uuid4()), "editId": str(uuid.uuid4()), "scope": "department",
                  "title": "受理回复", "body": "{代表姓名}您好，已收到您的咨询。", "category": "常用",
                  "tags": ["受理"], "validUntil": "2026-12-31"}
        msg = await plain.call("scripts.save", script)
        Check("").equal(error_code(msg), "forbidden", "a department script by a non-editor")
        msg = await rep.call("scripts.save", script)
        Check("").equal(error_code(msg), "forbidden", "a script by a representative")
        created = await lead.ok("scripts.save", script)
        Check("").equal((created["duplicate"], created["script"]["revision"]), (False, 1), "creation")
        again = await lead.ok("scripts.save", dict(script, editId=str(uuid.uuid4())))
        Check("").equal((again["duplicate"], again["script"]["id"]), (True, created["script"]["id"]),
                        "a creation repeated with its clientId")
        sid = created["script"]["id"]
        change = dict(script, id=sid, baseRevision=1, editId=str(uuid.uuid4()), title="受理回复（新）")
        changed = await lead.ok("scripts.save", change)
        Check("").equal(changed["script"]["revision"], 2, "revision after a change")
        resent = await lead.ok("scripts.save", change)
        Check("").equal(resent["duplicate"], True, "a change resent with its editId")
        msg = await lead.call("scripts.save", dict(change, editId=str(uuid.uuid4()), title="旧的"))
        Check("").equal(error_code(msg), "conflict", "a change from a stale revision")
        Check("").equal((msg["details"]["state"], msg["details"]["script"]["revision"]), ("changed", 2),
                        "details of the conflict")
        for field, value, code in (("title", "题" * 101, "too_large"), ("body", "文" * 4001, "too_large"),
                                   ("category", "类" * 41, "too_large"), ("tags", ["t"] * 11, "too_large"),
                                   ("validUntil", "2026/12/31", "bad_request"), ("scope", "global", "bad_request"),
                                   ("clientId", "c" * 65, "bad_request")):
            bad = dict(script, clientId=str(uuid.uuid4()))
            bad[field] = value
            msg = await lead.call("scripts.save", bad)
            Check("").equal(error_code(msg), code, f"scripts.save with a bad {field}")
        deleted = await lead.ok("scripts.delete", {"id": sid, "baseRevision": 2, "editId": str(uuid.uuid4())})
        Check("").equal(deleted["script"]["deleted"], True, "the tombstone")
        twice = await lead.ok("scripts.delete", {"id": sid, "baseRevision": 3, "editId": str(uuid.uuid4())})
        Check("").equal(twice["duplicate"], True, "deleting a deleted script")
        page = await plain.ok("sync.pull", {"stream": "scripts", "limit": 1000})
        mine = [x for x in page["items"] if x["id"] == sid]
        Check("").equal((len(mine), mine[0]["deleted"] if mine else None), (1, True),
                        "the tombstone in a colleague's scripts stream")
        for c in (lead, plain, rep):
            c.abort()

    # -- section 11: rate, idle, unread output --
    async def flood_reads_its_close(self, s):
        """A flooding client gets rate_limited errors and then a 4008 close frame that it can
        read, not a reset that throws them away."""
        c = await self.responder(s)
        for _ in range(600):
            c.send_request("ping", {})
        await c.flush()
        await asyncio.sleep(0.5)
        limited, answered, code = 0, 0, None
        try:
            while True:
                msg = await c.next_text(timeout=10)
                if error_code(msg) == "rate_limited":
                    Check("").true(msg["details"]["retryAfterMs"] > 0, "retryAfterMs")
                    limited += 1
                elif msg.get("type") == "res":
                    answered += 1
        except Closed as closed:
            code = closed.code
        Check("").equal(code, 4008, "the close code the flooder reads")
        Check("").true(limited >= 100, f"rate_limited errors read before the close: {limited}")
        return f"{answered} answered, {limited} rate_limited, then 4008"

    async def idle_peer_closes_4004(self, s, idle_s):
        c = await self.client(s)
        # Not reading, so the server's first ping goes unanswered; then reading once the idle
        # deadline (and the server's once-a-second check) has passed, but before the 2 s the
        # server waits for the answer to its close frame.
        await asyncio.sleep(idle_s + 1.0)
        Check("").equal(await c.expect_close(), 4004, "close code of a silent peer")

    async def nonreading_client_is_bounded(self, s):
        """A signed-in client that asks for large pages within the rate limit but never reads
        is closed once its unread output passes the bound; the server's memory stays bounded
        and others are served meanwhile."""
        before = s.rss_kib()
        c = await Client.connect(s.host, s.port, rcvbuf=4096)
        await c.hello()
        await c.ok("auth.login", {"user": RESPONDER, "password": RESPONDER_PASSWORD})
        requests = 90
        for _ in range(requests):
            c.send_request("sync.pull", {"stream": "representatives", "limit": 1000})
        await c.flush()
        other = await self.responder(s, LEAD)
        peak = before
        for _ in range(30):
            await asyncio.sleep(0.1)
            peak = max(peak, s.rss_kib())
            await other.ok("ping", {})
        other.abort()
        # Now read what the server had sent before it gave up on this client.
        replies, code = 0, None
        try:
            while True:
                msg = await c.next_text(timeout=10)
                replies += msg.get("type") == "res"
        except Closed as closed:
            code = closed.code
        Check("").true(replies < requests, f"all {requests} large replies were queued for a non-reader")
        growth_mib = (peak - before) / 1024
        self.memory_bound(growth_mib)
        return f"{replies} of {requests} replies delivered, close {code}, server grew {growth_mib:.1f} MiB"

    async def slow_responder_fanout_is_bounded(self, s):
        """A responder that stops reading while its department's consultation fills up is
        closed; a responder who reads gets every event."""
        rep = await self.representative(s)
        slow = await Client.connect(s.host, s.port, rcvbuf=4096)
        await slow.hello()
        await slow.ok("auth.login", {"user": RESPONDER, "password": RESPONDER_PASSWORD})
        reader = await self.responder(s, LEAD)
        cid = (await self.consultation(s, rep, reader.principal["departmentId"]))["id"]
        before = s.rss_kib()
        sent = 700
        for i in range(sent):
            await rep.ok("message.send", {"consultationId": cid, "clientMsgId": str(uuid.uuid4()),
                                          "text": f"{i:04d}" + "长" * 3990})
        seen = 0
        while seen < sent:
            msg = await reader.next_text()
            if msg.get("event") == "message.created" and msg["data"]["message"]["consultationId"] == cid:
                seen += 1
        growth_mib = (s.rss_kib() - before) / 1024
        code = await slow.expect_close(timeout=15)
        Check("").true(code in (4009, None), f"the slow responder's close: {code}")
        self.memory_bound(growth_mib)
        rep.abort()
        reader.abort()
        return f"reader got {seen} of {sent}; slow responder closed ({code}); grew {growth_mib:.1f} MiB"

    async def main(self):
        binary = self.args.server_bin
        seed = seeded_database(binary, self.folder)
        default = Server(binary, copy_of(seed, self.folder, "default.sqlite")).start()
        fast_idle_s = 3
        fast = Server(binary, copy_of(seed, self.folder, "fast.sqlite"),
                      ["--rate", "2000", "--burst", "2000", "--hello-timeout-ms", "1500",
                       "--idle-timeout-ms", str(fast_idle_s * 1000)]).start()
        try:
            # The slow ones wait on the server's clocks; they run beside the others.
            slow = [
                self.run("§4 the throttled wait announced is enough", self.throttled_wait_is_enough(default)),
                self.run("§11 unfinished opening handshakes dropped at 10 s",
                         self.unfinished_opening_handshakes_are_dropped(default)),
                self.run("§3 no hello in 10 s closes 4002", self.no_hello_in_time_closes_4002(default, 10)),
                self.run("§11 a silent peer closes 4004", self.idle_peer_closes_4004(fast, fast_idle_s)),
            ]
            quick = [
                ("§3 hello reports the documented limits", self.hello_reports_documented_limits(default)),
                ("§1 the page on the same port, everything else refused", self.served_page_and_refusals(default)),
                ("§3 anything before hello is refused, 4001", self.request_before_hello_is_refused(default)),
                ("§3 a bad hello leaves the connection open", self.bad_hello_then_good_hello(default)),
                ("§3 no common version closes 4001", self.unsupported_version_closes(default)),
                ("§11 a frame over 256 KiB closes 1009", self.oversized_frame_closes_1009(default)),
                ("§4 sign-in errors", self.sign_in_errors(default)),
                ("§4 resume errors", self.resume_errors(default)),
                ("§4 logout revokes the other holders", self.logout_revokes_other_holders(default)),
                ("§6 consultations and messages", self.consultations_and_messages(default)),
                ("§2/§7/§10 bad requests answer the documented codes", self.bad_requests(default)),
                ("§8 voice round trip and errors", self.voice_round_trip_and_errors(default)),
                ("§8 a bad chunk cancels its upload", self.bad_chunk_cancels_upload(default)),
                ("§13 reply scripts: editors, idempotency, conflicts, limits", self.reply_scripts(default)),
                ("§14 transcripts: feature, corrections, conflicts", self.transcripts_and_corrections(default)),
                ("§15 replies discarded at a shared desk", self.discarded_replies(default)),
                ("§11 a flooder reads rate_limited and 4008", self.flood_reads_its_close(default)),
                ("§11 a client that never reads is bounded", self.nonreading_client_is_bounded(default)),
                ("§11 a slow responder's fan-out is bounded", self.slow_responder_fanout_is_bounded(fast)),
            ]

            async def sequential():
                for name, coroutine in quick:
                    await self.run(name, coroutine)
            await asyncio.gather(sequential(), *slow)
        finally:
            for server in (default, fast):
                alive = server.proc.poll() is None
                server.stop()
                if not alive:
                    self.results.append(("server stayed up", False, server.tail()))
                    print(f"FAIL the server died:\n{server.tail()}")
        passed = sum(1 for _, ok, _ in self.results if ok)
        failed = len(self.results) - passed
        print(f"{passed} passed, {failed} failed")
        return failed == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-bin", required=True)
    parser.add_argument("--source-dir", required=True)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    with tempfile.TemporaryDirectory() as folder:
        ok = asyncio.run(Suite(args, folder).main())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
