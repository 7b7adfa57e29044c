import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPromptSet, PROMPT_NAMES } from "../../flows/prompt-set";
import { readWavHeader } from "../../flows/wav-header";

function pcmWav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2 * seconds);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM, not u-law
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe("default prompt set", () => {
  const set = loadPromptSet("default");

  it("has every prompt, with an Indonesian transcript", () => {
    expect(Object.keys(set.prompts).sort()).toEqual([...PROMPT_NAMES].sort());
    expect(set.prompts.greeting.transcript).toMatch(/satu satu dua/);
  });

  it("reads each duration from the WAV header (8 kHz u-law: one byte per sample)", () => {
    for (const prompt of Object.values(set.prompts)) {
      const header = readWavHeader(readFileSync(prompt.file), prompt.file);
      expect(header).toMatchObject({ audioFormat: 7, channels: 1, sampleRate: 8000 });
      expect(prompt.durationSeconds).toBeCloseTo(header.dataBytes / 8000, 6);
      expect(prompt.durationSeconds).toBeLessThan(statSync(prompt.file).size / 8000);
      expect(prompt.durationSeconds).toBeGreaterThan(1);
    }
  });
});

describe("a city's own prompt set", () => {
  function copyOfDefault(): string {
    const dir = mkdtempSync(join(tmpdir(), "prompts-"));
    cpSync("prompts/default", join(dir, "kota-x"), { recursive: true });
    return dir;
  }

  it("is refused when a recording is not u-law mono 8 kHz, naming the file and what is accepted", () => {
    const dir = copyOfDefault();
    writeFileSync(join(dir, "kota-x", "greeting.wav"), pcmWav(1));
    expect(() => loadPromptSet("kota-x", dir)).toThrow(
      /greeting\.wav: format 1, 1 channel\(s\), 8000 Hz; Connect prompts must be u-law \(format 7\), mono, 8000 Hz/,
    );
  });

  it("is refused when a transcript is missing", () => {
    const dir = copyOfDefault();
    const file = join(dir, "kota-x", "transcripts.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^queue-hold:.*$/m, ""));
    expect(() => loadPromptSet("kota-x", dir)).toThrow(/queue-hold: missing transcript/);
  });

  it("is refused when a file is not a WAV at all", () => {
    const dir = copyOfDefault();
    writeFileSync(join(dir, "kota-x", "last-resort.wav"), "ID3 not audio");
    expect(() => loadPromptSet("kota-x", dir)).toThrow(/last-resort\.wav: not a WAV file/);
  });
});
