import { siaga112 } from "../support/run-cli";

describe("siaga112 flow simulate", () => {
  it("prints the outcome, the path with times and the attributes", async () => {
    const { out, code } = await siaga112("flow", "simulate", "31", "--press", "2", "--queue", "full");
    expect(code).toBe(0);
    expect(out).toMatch(/^31 DKI Jakarta: answered-by-number after [\d.]+ s \(answered at \+622139990112\)/);
    expect(out).toMatch(/category-menu\s+GetParticipantInput -> 2/);
    expect(out).toContain('"category":"fire"');
  });

  it("injects an intake fault: the call still reaches the queue, flagged intakeStatus error", async () => {
    const { out } = await siaga112("flow", "simulate", "71.71", "--fail", "intake=timeout", "--json");
    const result = JSON.parse(out);
    expect(result).toMatchObject({ outcome: "queued", attributes: { intakeStatus: "error" } });
    expect(result.path.find((s: { action: string }) => s.action === "intake").branch).toBe("NoMatchingError");
  });

  it("--queue unstaffed: nobody is logged in, so the caller reaches the overflow number without queueing", async () => {
    const { out, code } = await siaga112("flow", "simulate", "71.71", "--queue", "unstaffed");
    expect(code).toBe(0);
    expect(out).toMatch(
      /^71\.71 Kota Manado: answered-by-number after [\d.]+ s \(answered at \+62431000112\)/,
    );
    expect(out).toMatch(/staffing\s+CheckMetricData -> next/);
    expect(out).not.toContain("TransferContactToQueue");
  });

  it("--queue busy: the hold flow moves the caller to the overflow number after the tenant's limit", async () => {
    const { out } = await siaga112("flow", "simulate", "71.71", "--queue", "busy", "--json");
    const result = JSON.parse(out);
    expect(result.outcome).toBe("answered-by-number");
    expect(result.path.map((s: { action: string }) => s.action)).toContain("hold-message");
  });

  it("names a bad --fail value and what is accepted", async () => {
    const { err, code } = await siaga112("flow", "simulate", "71.71", "--fail", "intake=slow");
    expect(code).not.toBe(0);
    expect(err).toContain('--fail "intake=slow": expected intake=<error|timeout|malformed>');
  });

  it("speaks the same vocabulary as call: --press <keys>, --hang-up-after <seconds>, codes or slugs", async () => {
    const hungUp = await siaga112("flow", "simulate", "kota-manado", "--hang-up-after", "1", "--json");
    expect(JSON.parse(hungUp.out)).toMatchObject({ outcome: "caller-hung-up" });
    const old = await siaga112("flow", "simulate", "71.71", "--hang-up", "1", "--json");
    expect(JSON.parse(old.out)).toMatchObject({ outcome: "caller-hung-up" });
    const silent = await siaga112("flow", "simulate", "31", "--press", ".", "--json");
    expect(
      JSON.parse(silent.out).path.find((s: { action: string }) => s.action === "category-menu").branch,
    ).toBe("InputTimeLimitExceeded");
  });

  it("hides the old option name from --help", async () => {
    const { buildProgram } = await import("../../cli/main");
    const flow = buildProgram().commands.find((c) => c.name() === "flow")!;
    const help = flow.commands.find((c) => c.name() === "simulate")!.helpInformation();
    expect(help).toContain("--hang-up-after <seconds>");
    expect(help).not.toMatch(/--hang-up </);
  });

  it("names an unknown tenant and the known codes", async () => {
    const { err, code } = await siaga112("flow", "simulate", "99.99");
    expect(code).not.toBe(0);
    expect(err).toContain('tenant "99.99": not in tenants/; known codes: 31, 35.78, 71.71');
  });
});

describe("siaga112 flow graph", () => {
  it("prints a Mermaid flowchart with hand-offs as rounded nodes and labelled branches", async () => {
    const { out } = await siaga112("flow", "graph", "71.71");
    expect(out.split("\n")[0]).toBe("flowchart TD");
    expect(out).toMatch(/\(\["queue<br\/>TransferContactToQueue"\]\)/);
    expect(out).toMatch(/-->\|QueueAtCapacity, NoMatchingError\| a\d+/);
  });
});

describe("siaga112 flow verify", () => {
  it("prints each tenant's time budget and exits 0 when every rule passes", async () => {
    const { out, code } = await siaga112("flow", "verify");
    expect(code).toBe(0);
    expect(out).toMatch(/^71\.71\s+Kota Manado\s+worst [\d.]+ s, expected [\d.]+ s, 20 actions$/m);
  });
});
