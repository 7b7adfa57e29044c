/**
 * The docs stand alone and say what the CLI does: every relative link resolves inside the
 * repository, and every `siaga112 …` (or `npm start …`) they show names a command and options the
 * way `--help` does.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { buildProgram } from "../cli/main";

const ROOT = resolve(__dirname, "..");
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs")).map((f) => join("docs", f)),
  "flows/README.md",
  "lambdas/README.md",
  "prompts/README.md",
  "bench/RESULTS.md",
].filter((f) => f.endsWith(".md") && existsSync(join(ROOT, f)));

/** Code spans and fenced blocks of a markdown text, line by line. */
function codeLines(text: string): string[] {
  const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split("\n"));
  const spans = [...text.replace(/```[\s\S]*?```/g, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...blocks, ...spans];
}

interface Mention {
  readonly doc: string;
  readonly words: string[];
  readonly options: string[];
}

function mentions(doc: string): Mention[] {
  const found: Mention[] = [];
  for (const line of codeLines(readFileSync(join(ROOT, doc), "utf8"))) {
    const text = line.split(/\s#\s/)[0];
    for (const match of text.matchAll(
      /(?:^|[\s$(])(?:npm run siaga112 --|siaga112|npm start(?: --)?)((?: [^\s|;&]+)*)/g,
    )) {
      const start = match[0].includes("npm start") ? ["start"] : [];
      const args = match[1].trim().split(/\s+/).filter(Boolean);
      const words = [...start, ...args.filter((a) => /^[a-z][a-z-]*$/.test(a))];
      found.push({ doc, words, options: args.filter((a) => a.startsWith("--")).map((a) => a.split("=")[0]) });
    }
  }
  return found;
}

function helpOf(command: Command): string {
  let help = "";
  const collect = (text: string) => {
    help += text;
  };
  command.configureOutput({ writeOut: collect, writeErr: collect });
  command.outputHelp();
  return help;
}

describe("the docs", () => {
  it.each(DOCS)("%s links only to files inside the repository that exist", (doc) => {
    const text = readFileSync(join(ROOT, doc), "utf8");
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1].split("#")[0])
      .filter((t) => t && !/^[a-z]+:/.test(t));
    for (const target of targets) {
      const path = resolve(ROOT, dirname(doc), target);
      expect([doc, target, relative(ROOT, path).startsWith("..")]).toEqual([doc, target, false]);
      expect([doc, target, existsSync(path)]).toEqual([doc, target, true]);
    }
  });

  it("name every command and option the way --help does", () => {
    const program = buildProgram();
    const all = DOCS.flatMap(mentions).filter((m) => m.words.length > 0);
    expect(all.length).toBeGreaterThan(20);
    for (const mention of all) {
      let command: Command = program;
      for (const word of mention.words) {
        const sub = command.commands.find((c) => c.name() === word);
        if (!sub) break;
        command = sub;
      }
      const where = `${mention.doc}: siaga112 ${mention.words.join(" ")}`;
      expect([where, command === program ? "no such command" : "ok"]).toEqual([where, "ok"]);
      expect([
        where,
        command.commands.length > 0 && mention.options.length > 0 ? "needs a subcommand" : "ok",
      ]).toEqual([where, "ok"]);
      const help = helpOf(command);
      for (const option of mention.options) {
        if (option === "--help" || option === "--") continue;
        expect([where, option, help.includes(`${option} `) || help.includes(`${option}\n`)]).toEqual([
          where,
          option,
          true,
        ]);
      }
    }
  });
});
