#!/usr/bin/env python3
"""INVITE -> 180 on the wire, from a tcpdump capture of the caller's UDP port.

Usage: sip_ring_latency.py CAPTURE.pcap CALLER_PORT
Prints "p50_ms p99_ms samples": for each Call-ID, the first INVITE the caller sent to the
first 180 it received. Percentiles are taken as bench_server_load takes them.
"""
import struct
import sys

LINK_HEADER = {0: 4, 1: 14, 113: 16, 276: 20}  # null, Ethernet (lo), Linux SLL, SLL2


def packets(path):
    with open(path, "rb") as capture:
        header = capture.read(24)
        magic = header[:4]
        if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
            order = "<"
        elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
            order = ">"
        else:
            sys.exit("not a pcap file: " + path)
        fraction = 1e9 if magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d") else 1e6
        link = struct.unpack(order + "I", header[20:24])[0] & 0xFFFF
        skip = LINK_HEADER.get(link)
        if skip is None:
            sys.exit("unknown link type %d" % link)
        while True:
            record = capture.read(16)
            if len(record) < 16:
                return
            seconds, part, captured, _ = struct.unpack(order + "IIII", record)
            yield seconds + part / fraction, capture.read(captured)[skip:]


def udp_payload(frame):
    if len(frame) < 28 or frame[0] >> 4 != 4 or frame[9] != 17:
        return None
    ip_length = (frame[0] & 0x0F) * 4
    source, destination = struct.unpack("!HH", frame[ip_length:ip_length + 4])
    return source, destination, frame[ip_length + 8:]


def call_id(payload):
    for line in payload.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"call-id", b"i"):
            return value.strip()
        if not line:
            break
    return None


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


def main():
    path, caller_port = sys.argv[1], int(sys.argv[2])
    invite_sent, latencies = {}, []
    for stamp, frame in packets(path):
        datagram = udp_payload(frame)
        if datagram is None:
            continue
        source, destination, payload = datagram
        if source == caller_port and payload.startswith(b"INVITE "):
            invite_sent.setdefault(call_id(payload), stamp)
        elif destination == caller_port and payload.startswith(b"SIP/2.0 180"):
            sent = invite_sent.pop(call_id(payload), None)
            if sent is not None:
                latencies.append((stamp - sent) * 1000.0)
    latencies.sort()
    print("%.2f %.2f %d" % (percentile(latencies, 0.50), percentile(latencies, 0.99),
                            len(latencies)))


if __name__ == "__main__":
    main()
