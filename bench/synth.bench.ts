/**
 * Synth benchmark: the whole app for generated registries of 1, 50 and all 514 kab/kota
 * (registry/generated-registry.ts), each size in its own process so that peak memory is its own.
 * Prints wall time (registry load + bundling + construction + synth to disk) and peak RSS.
 *
 * `npm run bench -- synth` runs all sizes; `SIAGA112_BENCH_SIZES=1,50` picks sizes;
 * `SIAGA112_BENCH_NAG=1` adds the cdk-nag AwsSolutions pass, `SIAGA112_CFN_VALIDATION=1` aws-cdk-lib's
 * built-in template validation (both as in `bin/app.ts`, where nag is on by default).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { buildSiaga112, siaga112AppProps } from "../lib/siaga112-app";
import { writeGeneratedRegistry } from "../registry/generated-registry";
import { requireRegistry } from "../registry/load-registry";

interface Measurement {
  readonly kabKota: number;
  readonly tenants: number;
  readonly stacks: number;
  readonly resources: number;
  readonly seconds: number;
  readonly peakMiB: number;
}

function measureOne(kabKota: number, nag: boolean, cfnValidation: boolean): Measurement {
  const work = join("bench", "out", `synth-${kabKota}`);
  rmSync(work, { recursive: true, force: true });
  const dir = writeGeneratedRegistry(join(work, "tenants"), kabKota);
  const started = process.hrtime.bigint();
  const { platform, tenants } = requireRegistry({ dir, promptsDir: "prompts" });
  const app = new App(
    siaga112AppProps({ outdir: join(work, "cdk.out"), builtinCloudFormationValidation: cfnValidation }),
  );
  buildSiaga112(app, { platform, tenants, nag, bundlesDir: join("bench", "out", "bundles") });
  const assembly = app.synth();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const resources = assembly.stacks.reduce(
    (sum, s) => sum + Object.keys((s.template as { Resources: object }).Resources).length,
    0,
  );
  return {
    kabKota,
    tenants: tenants.length,
    stacks: assembly.stacks.length,
    resources,
    seconds,
    peakMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const child = process.argv.indexOf("--size");
if (child >= 0) {
  const size = Number(process.argv[child + 1]);
  console.log(
    JSON.stringify(
      measureOne(size, process.env.SIAGA112_BENCH_NAG === "1", process.env.SIAGA112_CFN_VALIDATION === "1"),
    ),
  );
} else {
  const sizes = (process.env.SIAGA112_BENCH_SIZES ?? "1,50,514").split(",").map(Number);
  const rows: Measurement[] = [];
  for (const size of sizes) {
    const run = spawnSync(process.execPath, ["--import", "tsx", __filename, "--size", String(size)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: process.env,
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    rows.push(JSON.parse(run.stdout.trim().split("\n").pop()!) as Measurement);
  }
  const on = (v: string | undefined) => (v === "1" ? "on" : "off");
  console.log(
    `cdk-nag: ${on(process.env.SIAGA112_BENCH_NAG)}, built-in CloudFormation validation: ${on(process.env.SIAGA112_CFN_VALIDATION)}`,
  );
  console.log("| kab/kota | tenants | stacks | resources | wall time | peak memory | per tenant |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.kabKota} | ${r.tenants} | ${r.stacks} | ${r.resources} | ${r.seconds.toFixed(1)} s | ${r.peakMiB.toFixed(0)} MiB | ${((r.seconds / r.tenants) * 1000).toFixed(0)} ms |`,
    );
  }
}
