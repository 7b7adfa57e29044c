#!/bin/sh
# Synthesizes the default Indonesian prompt set from prompts/default/transcripts.yaml with Debian's
# espeak-ng and sox: one WAV per prompt, 8 kHz, mono, u-law (what Amazon Connect plays).
# The WAVs are committed, so CI and synth need neither tool. Run from the repository root:
#   apt-get install -y espeak-ng sox && sh prompts/make-default-prompts.sh
set -eu
dir="${1:-prompts/default}"
speed="${ESPEAK_SPEED:-185}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
grep -E '^[a-z-]+: "' "$dir/transcripts.yaml" | while IFS= read -r line; do
  name="${line%%:*}"
  text="$(printf '%s' "$line" | sed -E 's/^[a-z-]+: "(.*)"$/\1/')"
  espeak-ng -v id -s "$speed" -w "$tmp/$name.wav" "$text"
  # Trim leading and trailing silence, then convert to Connect's format.
  sox "$tmp/$name.wav" -r 8000 -c 1 -e u-law -b 8 -t wav "$dir/$name.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  echo "$dir/$name.wav: $(soxi -D "$dir/$name.wav") s"
done
