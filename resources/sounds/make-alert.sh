#!/usr/bin/env bash
# Makes alert.wav: a short, soft two-note chime (sox). Committed with the sound it made.
set -euo pipefail
cd "$(dirname "$0")"
sox -n -r 22050 -c 1 -b 16 a.wav synth 0.14 sine 880 fade q 0.01 0.14 0.08 vol 0.5
sox -n -r 22050 -c 1 -b 16 b.wav synth 0.22 sine 1320 fade q 0.01 0.22 0.16 vol 0.45
sox a.wav b.wav alert.wav
rm a.wav b.wav
