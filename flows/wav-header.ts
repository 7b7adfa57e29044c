/**
 * Reads the header of a WAV file: enough to check that a prompt is what Connect plays
 * (8 kHz, mono, u-law) and to know how long it lasts without decoding the audio.
 */

/** WAVE_FORMAT_MULAW in the `fmt ` chunk. */
export const WAVE_FORMAT_MULAW = 7;

export interface WavHeader {
  readonly audioFormat: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly byteRate: number;
  /** Bytes of audio in the `data` chunk. */
  readonly dataBytes: number;
  /** `dataBytes / byteRate`. */
  readonly durationSeconds: number;
}

/**
 * Parses the RIFF/WAVE header of `bytes`; `source` names the file in errors.
 *
 * @example
 * readWavHeader(readFileSync("prompts/default/greeting.wav"), "greeting.wav").durationSeconds // 2.4
 */
export function readWavHeader(bytes: Uint8Array, source: string): WavHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") {
    throw new Error(`${source}: not a WAV file (expected a RIFF/WAVE header)`);
  }
  let fmt: Omit<WavHeader, "dataBytes" | "durationSeconds"> | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      fmt = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        byteRate: view.getUint32(body + 8, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!fmt) throw new Error(`${source}: "data" chunk before "fmt " chunk`);
      if (fmt.byteRate === 0) throw new Error(`${source}: byte rate 0 in "fmt " chunk`);
      const dataBytes = Math.min(size, bytes.byteLength - body);
      return { ...fmt, dataBytes, durationSeconds: dataBytes / fmt.byteRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${source}: no "data" chunk found`);
}

/**
 * Why the header is not what Connect accepts for a prompt (8 kHz, mono, u-law), or `undefined`.
 *
 * @example
 * connectPromptProblem({ audioFormat: 7, channels: 1, sampleRate: 8000, ... }) // undefined
 */
export function connectPromptProblem(header: WavHeader): string | undefined {
  const found = `format ${header.audioFormat}, ${header.channels} channel(s), ${header.sampleRate} Hz`;
  if (header.audioFormat !== WAVE_FORMAT_MULAW || header.channels !== 1 || header.sampleRate !== 8000) {
    return `${found}; Connect prompts must be u-law (format 7), mono, 8000 Hz`;
  }
  return undefined;
}
