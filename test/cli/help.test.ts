import type { Command } from "commander";
import { buildProgram } from "../../cli/main";

/** Every command, nested ones included, with the help text commander prints for `--help`. */
function everyCommand(command: Command, path: string[] = []): { path: string; help: string }[] {
  let help = "";
  const collect = (text: string) => {
    help += text;
  };
  command.configureOutput({ writeOut: collect, writeErr: collect });
  command.outputHelp();
  const name = [...path, command.name()].join(" ");
  return [
    { path: name, help },
    ...command.commands.flatMap((c) => everyCommand(c, [...path, command.name()])),
  ];
}

describe("--help of every command", () => {
  const commands = everyCommand(buildProgram());

  it("covers every command", () => {
    expect(commands.map((c) => c.path)).toEqual([
      "siaga112",
      "siaga112 tenant",
      "siaga112 tenant add",
      "siaga112 tenant validate",
      "siaga112 tenant list",
      "siaga112 tenant remove",
      "siaga112 flow",
      "siaga112 flow simulate",
      "siaga112 flow graph",
      "siaga112 flow verify",
      "siaga112 start",
      "siaga112 call",
      "siaga112 simulate",
      "siaga112 preflight",
    ]);
  });

  it.each(commands.map((c) => [c.path, c.help]))("%s shows an example of itself", (path, help) => {
    expect(help).toMatch(/\nExamples?:\n/);
    expect(help).toContain(`$ ${path}`);
  });

  it("uses one name for one idea across commands", () => {
    const optionsOf = (path: string) => commands.find((c) => c.path === path)!.help;
    for (const path of ["siaga112 call", "siaga112 flow simulate"]) {
      expect(optionsOf(path)).toContain("--press <keys>");
      expect(optionsOf(path)).toContain("--hang-up-after <seconds>");
      expect(optionsOf(path)).toContain("--queue <state>");
    }
    for (const path of [
      "siaga112 tenant add",
      "siaga112 flow verify",
      "siaga112 start",
      "siaga112 preflight",
    ]) {
      expect(optionsOf(path)).toContain("--dir <dir>");
    }
    expect(optionsOf("siaga112 start")).not.toContain("--tenants");
  });
});
