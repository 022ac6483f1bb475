#!/usr/bin/env python3
"""For scripts/screenshots.sh: a representative asks the education commission a question by
voice (an English sentence spoken by flite, so that the server's English model transcribes it)
and waits until the server has turned it into text. Usage: shot-voice.py ws://host:port"""
import asyncio
import os
import struct
import subprocess
import sys
import tempfile
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "conformance"))
from wsclient import Client  # noqa: E402

SENTENCE = "how many families have applied for the housing subsidy this year"


async def main(url):
    host, port = url.split("//", 1)[1].rsplit(":", 1)
    with tempfile.TemporaryDirectory() as folder:
        wav, ogg = os.path.join(folder, "q.wav"), os.path.join(folder, "q.opus")
        subprocess.run(["flite", "-voice", "slt", "-t", SENTENCE, "-o", wav], check=True)
        subprocess.run(["opusenc", "--quiet", wav, ogg], check=True)
        clip = open(ogg, "rb").read()
    rep = await Client.connect(host, int(port))
    await rep.hello()
    await rep.ok("auth.repLogin", {"user": "rep0007", "password": "rep2026"})
    made = await rep.ok("consultation.create", {"departmentId": 4, "subject": "住房补贴申请进度",
                                                "clientId": str(uuid.uuid4())})
    consultation = made["consultation"]["id"]
    begun = await rep.ok("voice.begin", {"consultationId": consultation,
                                         "clientMsgId": str(uuid.uuid4()), "bytes": len(clip),
                                         "durationMs": 4000})
    rep.send_binary(b"VCH1" + struct.pack(">II", begun["transferId"], 0) + clip)
    message = (await rep.ok("voice.commit", {"transferId": begun["transferId"]}))["message"]
    for _ in range(300):
        page = await rep.ok("sync.pull", {"stream": "transcripts"})
        if any(t["messageId"] == message["id"] and t["state"] != "pending"
               for t in page["items"]):
            return
        await asyncio.sleep(0.2)
    sys.exit("the server did not transcribe the clip")


asyncio.run(main(sys.argv[1]))
