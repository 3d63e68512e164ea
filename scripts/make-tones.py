#!/usr/bin/env python3
"""Synthesizes the app's call tones into resources/sounds/ as 16-bit mono WAV files.

Every sample is computed here from sine waves, so the sounds belong to the project.
Run from anywhere: python3 scripts/make-tones.py
"""
import math
import os
import struct
import wave

RATE = 16000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "sounds")


def tone(freqs, seconds, volume=0.35, fade=0.01):
    count = int(RATE * seconds)
    ramp = max(1, int(RATE * fade))
    samples = []
    for i in range(count):
        value = sum(math.sin(2 * math.pi * f * i / RATE) for f in freqs) / len(freqs)
        envelope = min(1.0, i / ramp, (count - 1 - i) / ramp)
        samples.append(value * volume * envelope)
    return samples


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def write(name, samples):
    path = os.path.join(OUT, name)
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
    print("wrote", os.path.relpath(path))


def main():
    os.makedirs(OUT, exist_ok=True)
    # Incoming call: a rising three-note figure twice, then a pause; played in a loop.
    figure = tone([659.3], 0.16) + tone([830.6], 0.16) + tone([987.8], 0.24)
    write("ringtone.wav", figure + silence(0.12) + figure + silence(1.4))
    # Chime: a soft major chord struck twice, each note ringing out.
    chime = []
    for _ in range(2):
        chime += tone([523.3, 659.3, 784.0], 0.7, volume=0.3, fade=0.3) + silence(0.25)
    write("ringtone-chime.wav", chime + silence(1.2))
    # Pulse: short bursts of two close notes, the feel of a desk phone.
    pulse = []
    for _ in range(2):
        for _ in range(4):
            pulse += tone([740.0, 784.0], 0.07, volume=0.3) + silence(0.05)
        pulse += silence(0.3)
    write("ringtone-pulse.wav", pulse + silence(1.3))
    # Ringback while the callee's devices ring: 425 Hz, 1 s on, 3 s off (ITU-T E.180 style).
    write("ringback.wav", tone([425.0], 1.0, volume=0.25) + silence(3.0))
    # Busy: 425 Hz, 0.35 s on and off, four times.
    busy = []
    for _ in range(4):
        busy += tone([425.0], 0.35, volume=0.3) + silence(0.35)
    write("busy.wav", busy)
    # Call ended: two falling notes.
    write("end.wav", tone([880.0], 0.14) + silence(0.04) + tone([587.3], 0.22))


if __name__ == "__main__":
    main()
