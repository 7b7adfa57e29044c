/**
 * Tenant isolation, checked on every identity policy of the synthesized example app: no policy in
 * one tenant's stacks reaches another tenant's table, topics, keys, secret, schedules or queue, and
 * no stack grants a data-plane action on `*`.
 */

import { stackNames } from "../../domain/naming";
import type { Tenant } from "../../domain/tenant";
import { requireRegistry } from "../../registry/load-registry";
import { synthExampleApp } from "../support/example-app";
import {
  crossTenantGrants,
  dataPlaneOnStar,
  type FoundStatement,
  identityStatements,
  isSmsToPhoneNumbersOnly,
} from "../support/policy-analysis";

describe("tenant isolation", () => {
  const { assembly } = synthExampleApp();
  const { tenants } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
  const statementsOf = (tenant: Tenant) =>
    [stackNames.data(tenant), stackNames.call(tenant)].flatMap((name) =>
      identityStatements(name, assembly.getStackByName(name).template),
    );

  it("analyses a real number of policies (the example tenants' functions, schedulers, providers)", () => {
    for (const tenant of tenants) expect(statementsOf(tenant).length).toBeGreaterThan(20);
  });

  it.each(tenants.map((t) => [t.code, t] as const))(
    "no policy of %s reaches another tenant",
    (_code, tenant) => {
      expect(crossTenantGrants(tenant, statementsOf(tenant), tenants)).toEqual([]);
    },
  );

  it("grants each tenant's functions its own table, key alias, topics and schedules", () => {
    const manado = tenants.find((t) => t.code === "71.71")!;
    const text = JSON.stringify(statementsOf(manado).map((s) => s.statement));
    expect(text).toContain("table/siaga112-71-71-incidents");
    expect(text).toContain('"kms:ResourceAliases":"alias/siaga112-71-71"');
    expect(text).toContain("schedule/siaga112-71-71/*");
    expect(text).toContain('"events:source":"siaga112.tenant.71.71"');
    expect(text).toContain("siaga112-console-111111111111-ap-southeast-3/config/71.71.json");
  });

  it("lets each tenant read only its own kab/kota's partitions of the national statistics", () => {
    for (const tenant of tenants) {
      const reads = statementsOf(tenant).filter((s) =>
        JSON.stringify(s.statement.Resource ?? "").includes("table/siaga112-national-statistics"),
      );
      expect(reads.map((s) => [s.statement.Action, s.statement.Condition])).toEqual([
        [
          "dynamodb:Query",
          {
            "ForAllValues:StringEquals": {
              "dynamodb:LeadingKeys": [`ROW#T#${tenant.code}`, `HOUR#T#${tenant.code}`],
            },
          },
        ],
      ]);
    }
  });

  it("grants no data-plane action on * in any stack", () => {
    const all = assembly.stacks.flatMap((s) => identityStatements(s.stackName, s.template));
    expect(dataPlaneOnStar(all)).toEqual([]);
  });

  it("detects a grant on another tenant's table or a publish on *", () => {
    const manado = tenants.find((t) => t.code === "71.71")!;
    const leak: FoundStatement = {
      stack: "siaga112-71-71-data",
      resource: "Leak",
      statement: {
        Effect: "Allow",
        Action: ["dynamodb:GetItem"],
        Resource: "arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-35-78-incidents",
      },
    };
    const star: FoundStatement = {
      stack: "siaga112-71-71-data",
      resource: "Star",
      statement: { Effect: "Allow", Action: "sns:Publish", Resource: "*" },
    };
    expect(crossTenantGrants(manado, [leak], tenants).map((p) => p.other)).toEqual(["35.78"]);
    const settings: FoundStatement = {
      ...leak,
      statement: {
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: "arn:aws:s3:::siaga112-console-b/config/31.json",
      },
    };
    expect(crossTenantGrants(manado, [settings], tenants).map((p) => p.other)).toEqual(["31"]);
    expect(dataPlaneOnStar([leak, star])).toEqual([star]);
  });

  it("allows SMS to phone numbers (no topic), and nothing else on everything-but", () => {
    const all = assembly.stacks.flatMap((s) => identityStatements(s.stackName, s.template));
    const direct = all.filter((found) => found.statement.NotResource !== undefined);
    expect(direct.length).toBe(tenants.length);
    for (const found of direct) expect(isSmsToPhoneNumbersOnly(found.statement)).toBe(true);
    const smsOnly: FoundStatement = {
      stack: "siaga112-71-71-data",
      resource: "Sms",
      statement: { Effect: "Allow", Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" },
    };
    const topicsOfOthers: FoundStatement = {
      ...smsOnly,
      statement: { ...smsOnly.statement, NotResource: "arn:aws:sns:*:*:siaga112-71-71-*" },
    };
    const tableToo: FoundStatement = {
      ...smsOnly,
      statement: { ...smsOnly.statement, Action: ["sns:Publish", "dynamodb:GetItem"] },
    };
    expect(dataPlaneOnStar([smsOnly, topicsOfOthers, tableToo])).toEqual([topicsOfOthers, tableToo]);
  });
});
