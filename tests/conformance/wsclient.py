"""A deliberately small WebSocket client (RFC 6455) over asyncio streams, written for these
checks rather than taken from a library, because the checks need what a library hides: a
client that never reads, one that floods without reading, one that stops half way through
the opening handshake, and a view of the exact close frame the server sent."""

import asyncio
import base64
import json
import os
import socket
import struct

OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x1, 0x2, 0x8, 0x9, 0xA


class Closed(Exception):
    """The server closed the connection: `code` is its close code, or None when the TCP
    connection ended without a close frame (a reset or a bare FIN)."""

    def __init__(self, code, reason=""):
        super().__init__(f"closed {code} {reason}")
        self.code = code
        self.reason = reason


async def open_tcp(host, port, rcvbuf=None):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        # Before connecting, so that the window the server sees is small from the start.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (host, port))
    # asyncio reads ahead into its own buffer until that holds twice the limit: a client that
    # is to "not read" must keep that small too, or the bytes pile up here instead of in the
    # server.
    limit = 16 * 1024 if rcvbuf else 4 * 1024 * 1024
    return await asyncio.open_connection(sock=sock, limit=limit)


def upgrade_request(host, port):
    key = base64.b64encode(os.urandom(16)).decode()
    return (f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: 13\r\n\r\n").encode()


def frame(opcode, payload):
    """A client frame: FIN set, masked as RFC 6455 requires of clients."""
    head = bytes([0x80 | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack(">Q", n)
    mask = os.urandom(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if n < 4096 else \
        (int.from_bytes(payload, "big") ^ int.from_bytes((mask * (n // 4 + 1))[:n], "big")).to_bytes(n, "big")
    return head + mask + body


class Client:
    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer
        self.next_id = 0
        self.events = []      # evt frames seen while waiting for replies
        self.unmatched = []   # err frames with id null
        self.binary = []      # binary frames seen while waiting for replies
        self.close_code = None

    @classmethod
    async def connect(cls, url_host, url_port, rcvbuf=None):
        reader, writer = await open_tcp(url_host, url_port, rcvbuf)
        writer.write(upgrade_request(url_host, url_port))
        await writer.drain()
        status = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        if b" 101 " not in status.split(b"\r\n")[0]:
            raise RuntimeError(f"upgrade refused: {status[:80]!r}")
        return cls(reader, writer)

    # -- sending --
    def send_raw_text(self, text):
        self.writer.write(frame(OP_TEXT, text.encode()))

    def send_binary(self, data):
        self.writer.write(frame(OP_BINARY, data))

    def send_request(self, method, params=None, rid=None):
        if rid is None:
            self.next_id += 1
            rid = str(self.next_id)
        body = {"type": "req", "id": rid, "method": method}
        if params is not None:
            body["params"] = params
        self.send_raw_text(json.dumps(body, ensure_ascii=False))
        return rid

    async def flush(self):
        await self.writer.drain()

    # -- receiving --
    async def read_frame(self, timeout=10):
        async def read():
            b0, b1 = await self.reader.readexactly(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", await self.reader.readexactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", await self.reader.readexactly(8))[0]
            if b1 & 0x80:
                raise RuntimeError("the server masked a frame")
            return b0 & 0x0F, await self.reader.readexactly(n)
        try:
            opcode, payload = await asyncio.wait_for(read(), timeout)
        except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError):
            raise Closed(None)
        if opcode == OP_CLOSE:
            code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else 1005
            self.close_code = code
            try:
                self.writer.write(frame(OP_CLOSE, payload[:2]))
            except Exception:
                pass
            raise Closed(code, payload[2:].decode(errors="replace"))
        if opcode == OP_PING:
            self.writer.write(frame(OP_PONG, payload))
            return await self.read_frame(timeout)
        return opcode, payload

    async def next_text(self, timeout=10):
        while True:
            opcode, payload = await self.read_frame(timeout)
            if opcode == OP_TEXT:
                return json.loads(payload)
            self.binary.append(payload)

    async def reply(self, rid, timeout=10):
        while True:
            msg = await self.next_text(timeout)
            if msg.get("type") == "evt":
                self.events.append(msg)
            elif msg.get("id") == rid:
                return msg
            elif msg.get("type") == "err" and msg.get("id") is None:
                self.unmatched.append(msg)

    async def call(self, method, params=None, timeout=10):
        rid = self.send_request(method, params)
        await self.flush()
        return await self.reply(rid, timeout)

    async def ok(self, method, params=None, timeout=10):
        msg = await self.call(method, params, timeout)
        if msg.get("type") != "res":
            raise AssertionError(f"{method} failed: {msg}")
        return msg["result"]

    async def hello(self):
        return await self.ok("hello", {"versions": [1], "client": "conformance/1"})

    async def expect_close(self, timeout=10):
        """Reads until the server closes; returns its close code (None if it reset)."""
        try:
            while True:
                await self.read_frame(timeout)
        except Closed as closed:
            return closed.code

    def abort(self):
        self.writer.transport.abort()
