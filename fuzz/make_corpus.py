#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus (fuzz/corpus/) from the documents' own examples.

    fuzz/make_corpus.py SEEDS_DIR

frame:       every frame of docs/protocol.md, and the frames it shows refused.
params:      each request's params and each event's data (first byte: the message type,
             in the order of core/protocol/catalog.h).
call_record: the records of the seed documents (SEEDS_DIR/*.txt) exactly as written, comments
             included, tests/data/*.json, and the records of docs/protocol.md.
websocket_reader: client frames, masked, whole and in fragments, with pings and a close
             (first byte: how the fuzzer cuts them into pieces).
request_envelope: forwarded requests in lines (params as JSON and as field lines) and as JSON.
dispatch:    the worked example of docs/protocol.md as one session (a = alice, b = bob,
             n = a connection not logged in), call ids as $CID.
"""

import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

# core/protocol/catalog.h: AllRequests then AllEvents.
REQUESTS = ["login", "register", "logout", "ping", "user.get", "contacts.list", "contacts.add",
            "contacts.remove", "msg.send", "msg.history", "msg.sync", "msg.receipt", "call.invite",
            "call.respond", "call.cancel", "call.hangup", "call.current", "room.join", "room.leave", "rtc.sdp",
            "rtc.ice", "turn.credentials"]
EVENTS = ["presence", "msg.new", "msg.receipt", "call.incoming", "call.accepted", "call.rejected", "call.busy",
          "call.timeout", "call.ackSync", "call.canceled", "call.hangup", "room.syncDone",
          "room.clientJoin", "room.clientLeave", "rtc.sdp", "rtc.ice"]

FRAME_LINE = re.compile(r"^(?:(\S+)\s+[→←]\s+)?(\{.*\})\s*$")


def write(kind, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def protocol_frames():
    """(speaker, frame text) for each frame line of docs/protocol.md."""
    text = (ROOT / "docs" / "protocol.md").read_text()
    for line in text.splitlines():
        match = FRAME_LINE.match(line.strip())
        if match:
            yield match.group(1), match.group(2)
    for sent in re.findall(r"^\| `([^`]+)` \| `\{\"id\"", text, re.M):
        yield None, sent


def seed_records(seeds_dir):
    """The record JSON of each seed document, as written."""
    for path in sorted(pathlib.Path(seeds_dir).glob("*.txt")):
        lines = path.read_text().splitlines()
        for i, line in enumerate(lines):
            if line.strip() not in ("{", "json{") or '"channelId"' not in "".join(lines[i:i + 4]):
                continue
            end = next(j for j in range(i, len(lines)) if lines[j].rstrip() == "}")
            block = [line.replace("json{", "{")] + lines[i + 1:end + 1]
            if i > 0 and lines[i - 1].lstrip().startswith("//"):
                block.insert(0, lines[i - 1])
            yield "\n".join(block) + "\n"


def client_frame(opcode, payload, fin=True):
    """A frame as a browser writes it, masked."""
    header = bytes([(0x80 if fin else 0) | opcode])
    if len(payload) < 126:
        header += bytes([0x80 | len(payload)])
    elif len(payload) <= 0xFFFF:
        header += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
    else:
        header += bytes([0x80 | 127]) + len(payload).to_bytes(8, "big")
    key = b"\x37\xfa\x21\x3d"
    return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def websocket_sessions():
    ping = b'{"id":1,"method":"ping"}'
    yield bytes([0]) + client_frame(1, ping)
    yield bytes([3]) + client_frame(1, ping[:5], False) + client_frame(9, b"p") + \
        client_frame(0, ping[5:], False) + client_frame(0, b"") + client_frame(8, b"\x03\xe8bye")
    yield bytes([7]) + client_frame(1, "\u4e2d".encode() * 100) + client_frame(2, bytes(300)) + \
        client_frame(10, b"") + client_frame(8, b"")


def request_envelopes():
    params = '{"accepted":true,"busy":false,"cid":"c-5e1d"}'
    yield "R\nalice\nd-1\npc\n7\ncall.respond\n" + params
    yield "R\nalice\nd-1\npc\n-9223372036854775808\nroom.join\n{}"
    yield ('Q\n{"account":"alice","clientType":"pc","device":"d-1","id":7,'
           '"method":"call.respond","params":' + params + "}")
    # An id out of any integer's range, which was once cast from a float.
    yield ('Q\n{"account":"alice","clientType":"pc","device":"d-1","id":1e300,'
           '"method":"call.hangup","params":{"cid":"c-5e1d"}}')
    # Params as field lines (protocol 4): key, type, length, value.
    def field(key, kind, value):
        return f"{key}\n{kind}\n{len(value.encode())}\n{value}"
    cid = field("cid", "s", "c-5e1d")
    yield "P\nalice\nd-1\npc\n7\ncall.respond\n" + cid + field("accepted", "b", "1")
    yield "P\nalice\nd-1\npc\n8\nroom.join\n" + cid + field("mode", "i", "0")
    yield ("P\nalice\nd-1\npc\n9\nrtc.sdp\n" + cid + field("sdpType", "s", "offer") +
           field("sdp", "s", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"))
    yield ("P\nalice\nd-1\npc\n10\nrtc.ice\n" + cid + field("candidate", "s", "") +
           field("sdpMLineIndex", "i", "0") + field("sdpMid", "s", "0"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    session = []
    for speaker, text in protocol_frames():
        write("frame", text)
        try:
            frame = json.loads(text)
        except ValueError:
            continue
        if not isinstance(frame, dict):
            continue
        if "method" in frame and frame["method"] in REQUESTS and isinstance(frame.get("params"), dict):
            write("params", bytes([REQUESTS.index(frame["method"])]) + json.dumps(frame["params"]).encode())
        if "event" in frame and frame["event"] in EVENTS:
            write("params", bytes([len(REQUESTS) + EVENTS.index(frame["event"])]) + json.dumps(frame["data"]).encode())
        attach = frame.get("params", frame.get("data", {})) if isinstance(frame.get("params", frame.get("data", {})), dict) else {}
        if attach.get("msgType") == "NRTC_NETCALL":
            write("call_record", attach["attach"])
        if speaker in ("alice", "bob-home") and "method" in frame and frame["method"] != "login":
            session.append(("a" if speaker == "alice" else "b") + text.replace("c-5e1d", "$CID"))
    write("frame", "[" * 33 + "]" * 33)
    for stream in websocket_sessions():
        write("websocket_reader", stream)
    write("dispatch", "\n".join(session) + "\n")
    for seed in request_envelopes():
        write("request_envelope", seed)
    write("dispatch", 'n{"id":1,"method":"ping"}\nn{"id":2,"method":"contacts.list"}\n'
                      'n{"id":3,"method":"login","params":{"protocol":1,"account":"alice",'
                      '"token":"t_x","clientType":"cli","deviceId":"d-1"}}\n')
    for record in seed_records(sys.argv[1]):
        write("call_record", record)
    for path in sorted((ROOT / "tests" / "data").glob("*.json")):
        write("call_record", path.read_bytes())
    for text in re.findall(r"```json\n(\{\"type\".*?)```", (ROOT / "docs" / "protocol.md").read_text(), re.S):
        write("call_record", text)
    # The limits of docs/protocol.md section 10, just inside and just over.
    for count in (32, 33):
        durations = [{"accid": "a%d" % i, "duration": i} for i in range(count)]
        write("call_record", json.dumps({"type": 2, "channelId": 9, "status": 1, "durations": durations}))
    write("call_record", '{"type":1,"channelId":9,"status":1,"durations":[{"accid":"a","duration":-1}]}')
    write("call_record", '{"type":1,"channelId":9,"status":1,"durations":[{"accid":"a","duration":2147483648}]}')


if __name__ == "__main__":
    main()
