/**
 * Prompt sets: the recorded Indonesian audio a tenant's flows play. Amazon Polly has no Indonesian
 * voice, so every prompt is a WAV file (8 kHz, mono, u-law) under `prompts/<set>/`, with its
 * transcript in `prompts/<set>/transcripts.yaml` (the local centre shows prompts as text).
 * Durations come from the files' headers, never from hand-typed numbers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { connectPromptProblem, readWavHeader } from "./wav-header";

/** Every prompt a siaga112 flow can play; a prompt set has one WAV per name. */
export const PROMPT_NAMES = ["greeting", "category-menu", "connecting", "queue-hold", "last-resort"] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export const TRANSCRIPTS_FILE = "transcripts.yaml";

export interface Prompt {
  readonly name: PromptName;
  /** Path of the WAV file, relative to the working directory. */
  readonly file: string;
  /** Read from the WAV header. */
  readonly durationSeconds: number;
  /** What the recording says, in Bahasa Indonesia. */
  readonly transcript: string;
}

export interface PromptSet {
  readonly name: string;
  readonly prompts: Readonly<Record<PromptName, Prompt>>;
}

/**
 * Loads and checks a prompt set: every prompt present, in Connect's format, with a transcript.
 * Throws one error listing every problem.
 *
 * @example
 * loadPromptSet("default").prompts.greeting.durationSeconds // e.g. 2.6
 */
export function loadPromptSet(name: string, dir = "prompts"): PromptSet {
  const setDir = join(dir, name);
  const transcriptsFile = join(setDir, TRANSCRIPTS_FILE);
  if (!existsSync(transcriptsFile)) {
    throw new Error(
      `prompt set "${name}": ${transcriptsFile} not found (one line per prompt: <name>: <text>)`,
    );
  }
  const transcripts = (load(readFileSync(transcriptsFile, "utf8")) ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const prompts: Partial<Record<PromptName, Prompt>> = {};
  for (const prompt of PROMPT_NAMES) {
    const file = join(setDir, `${prompt}.wav`);
    const transcript = transcripts[prompt];
    if (typeof transcript !== "string" || transcript.trim() === "") {
      problems.push(
        `${transcriptsFile}: ${prompt}: missing transcript (the Indonesian text of ${prompt}.wav)`,
      );
    }
    if (!existsSync(file)) {
      problems.push(`${file}: not found (prompt "${prompt}" is required; see prompts/README.md)`);
      continue;
    }
    try {
      const header = readWavHeader(readFileSync(file), file);
      const problem = connectPromptProblem(header);
      if (problem) problems.push(`${file}: ${problem}`);
      prompts[prompt] = {
        name: prompt,
        file,
        durationSeconds: header.durationSeconds,
        transcript: typeof transcript === "string" ? transcript.trim() : "",
      };
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const key of Object.keys(transcripts)) {
    if (!(PROMPT_NAMES as readonly string[]).includes(key)) {
      problems.push(
        `${transcriptsFile}: "${key}" is not a prompt name; expected one of ${PROMPT_NAMES.join(", ")}`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`prompt set "${name}" is not usable:\n  ${problems.join("\n  ")}`);
  return { name, prompts: prompts as Record<PromptName, Prompt> };
}
