import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { loadRegistry, requireRegistry } from "../../registry/load-registry";
import { formatProblem } from "../../registry/problem";
import { INDONESIAN_NUMBER_STEPS } from "../../registry/tenant-file-schema";
import { MANADO_FILE, manado, PLATFORM_FILE, platformText, problemsOf, source } from "./fixtures";

describe("the example registry", () => {
  it("validates, with official names, provinces, zones and hubs", () => {
    const { tenants, platform } = requireRegistry({ dir: "tenants" });
    expect(tenants.map((t) => [t.code, t.name, t.province.name, t.zone.iana, t.hub.id, t.level])).toEqual([
      ["31", "DKI Jakarta", "DKI JAKARTA", "Asia/Jakarta", "jawa-1", "province"],
      ["35.78", "Kota Surabaya", "JAWA TIMUR", "Asia/Jakarta", "jawa-1", "kota"],
      ["71.71", "Kota Manado", "SULAWESI UTARA", "Asia/Makassar", "timur-1", "kota"],
    ]);
    expect(platform.hubs.map((h) => [h.id, h.connectRegion, h.instanceAlias])).toEqual([
      ["jawa-1", "ap-southeast-1", "siaga112-jawa-1"],
      ["timur-1", "ap-southeast-1", "siaga112-timur-1"],
    ]);
    expect(tenants.every((t) => t.dataRegion === "ap-southeast-3")).toBe(true);
  });

  it("resolves default routing in the order of the default kinds, and keeps overrides", () => {
    const { tenants } = requireRegistry({ dir: "tenants" });
    const manadoTenant = tenants.find((t) => t.code === "71.71")!;
    expect(manadoTenant.routing.disaster).toEqual(["bpbd", "basarnas", "psc119"]);
    expect(manadoTenant.routing.fire).toEqual(["damkar", "polresta"]);
    const surabaya = tenants.find((t) => t.code === "35.78")!;
    expect(surabaya.routing.other).toEqual(["linmas", "pdam"]);
  });

  it("applies defaults for call handling and retention", () => {
    const surabaya = requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "35.78")!;
    expect(surabaya.callHandling).toEqual({
      staffedHours: "24/7",
      categoryMenu: false,
      promptSet: "default",
      maxQueueWaitSeconds: 60,
      queueCapacity: 10,
    });
    expect(surabaya.retention).toEqual({ callerNumberDays: 90 });
    expect(surabaya.location).toEqual({ linkMinutes: 60 });
    expect(surabaya.sms).toEqual({});
  });
});

describe("validation rules, one failing file each, with the exact message", () => {
  type Mutate = (t: ReturnType<typeof manado>) => void;
  const cases: [string, Mutate, string[]][] = [
    [
      "a misspelt key, with a suggestion",
      (t) => {
        const contact = (t.agencies[0].contacts as Record<string, unknown>[])[0];
        contact.smss = contact.sms;
        delete contact.sms;
      },
      [
        `${MANADO_FILE}: agencies[0].contacts[0].smss: unknown key (did you mean "sms"?); accepted keys: id, name, sms, email`,
      ],
    ],
    [
      "an unknown top-level key",
      (t) => {
        t.colour = "red";
      },
      [
        `${MANADO_FILE}: colour: unknown key; accepted keys: code, hub, dataRegion, phone, agencies, routing, callHandling, offboarding, retention, location, sms`,
      ],
    ],
    [
      "a location link valid for longer than a day",
      (t) => {
        t.location = { linkMinutes: 2880 };
      },
      [`${MANADO_FILE}: location.linkMinutes 2880: expected whole minutes from 5 to 1440 (default 60)`],
    ],
    [
      "a sender ID with a space",
      (t) => {
        t.sms = { senderId: "PUSAT 112" };
      },
      [
        `${MANADO_FILE}: sms.senderId "PUSAT 112": not a sender ID: 3-11 letters and digits with at least one letter, no spaces (e.g. SIAGA112)`,
      ],
    ],
    [
      "an SMS number that is not E.164",
      (t) => {
        (t.agencies[2].contacts as Record<string, unknown>[])[0].sms = ["0812-345"];
      },
      [
        `${MANADO_FILE}: agencies[2].contacts[0].sms[0] "0812-345": not a phone number in use: wrong number of digits or an unknown area/operator code (e.g. 0812-3456-7890 or +6281234567890)`,
      ],
    ],
    [
      "an E.164-shaped number outside the numbering plan",
      (t) => {
        (t.phone as Record<string, unknown>).overflow = "+6200000";
      },
      [
        `${MANADO_FILE}: phone.overflow "+6200000": not a phone number: too few digits for its country (e.g. 0812-3456-7890 or +6281234567890)`,
      ],
    ],
    [
      "a bad e-mail address",
      (t) => {
        (t.agencies[1].contacts as Record<string, unknown>[])[0].email = ["piket at damkar"];
      },
      [
        `${MANADO_FILE}: agencies[1].contacts[0].email[0] "piket at damkar": not an e-mail address (e.g. piket@damkar.example.go.id)`,
      ],
    ],
    [
      "an unknown agency kind",
      (t) => {
        t.agencies[0].kind = "polisi";
      },
      [
        `${MANADO_FILE}: agencies[0].kind "polisi": expected one of "police", "fire", "ambulance", "disaster", "sar", "electricity", "water", "public-order", "transport", "social", "hospital", "other" (did you mean "police"?)`,
      ],
    ],
    [
      "a missing required field",
      (t) => {
        delete t.phone;
      },
      [`${MANADO_FILE}: phone: missing (a mapping of keys)`],
    ],
    [
      "a code that is not in the official list, with the nearest ones",
      (t) => {
        t.code = "71.7l";
      },
      [
        `${MANADO_FILE}: code "71.7l": not a Kemendagri province or kab/kota code; nearest: 71.71 Kota Manado, 71.72 Kota Bitung, 71.73 Kota Tomohon`,
        `${MANADO_FILE}: code "71.7l": does not match the file name's code "71.71"; rename the file or fix the code`,
      ],
    ],
    [
      "a code given as a number",
      (t) => {
        t.code = 71.71;
      },
      [
        `${MANADO_FILE}: code 71.71: expected the Kemendagri code as a quoted string (e.g. "71.71" or "31"), got number`,
      ],
    ],
    [
      "an unknown hub",
      (t) => {
        t.hub = "sulawesi";
      },
      [`${MANADO_FILE}: hub "sulawesi": unknown hub; hubs declared in platform.yaml: jawa-1, timur-1`],
    ],
    [
      "an overflow number equal to the tenant's own",
      (t) => {
        const phone = t.phone as Record<string, string>;
        phone.overflow = phone.did;
      },
      [
        `${MANADO_FILE}: phone.overflow "+62431860112": equals the tenant's own number; give the number of a backup centre`,
      ],
    ],
    [
      "both a number in the instance and a claim",
      (t) => {
        (t.phone as Record<string, unknown>).claim = { country: "SG", type: "DID" };
      },
      [
        `${MANADO_FILE}: phone.claim {"country":"SG","type":"DID"}: give numberArn (a number already in the instance) or claim (any number Connect claims), not both`,
      ],
    ],
    [
      "neither a number in the instance nor a claim: the steps for an Indonesian number",
      (t) => {
        delete (t.phone as Record<string, string>).numberArn;
      },
      [
        `${MANADO_FILE}: phone.numberArn: missing: name the tenant's number. ${INDONESIAN_NUMBER_STEPS}. Outside Indonesia, claim: { country, type } lets Connect claim any number`,
      ],
    ],
    [
      "a number in the instance without the DID behind it",
      (t) => {
        delete (t.phone as Record<string, string>).did;
      },
      [
        `${MANADO_FILE}: phone.did: missing: the number behind numberArn that the telcos route 112 to (E.164, e.g. +62431860112)`,
      ],
    ],
    [
      "a claim of an Indonesian number (not in Connect's inventory)",
      (t) => {
        const phone = t.phone as Record<string, unknown>;
        delete phone.numberArn;
        phone.claim = { country: "ID", type: "DID" };
      },
      [
        `${MANADO_FILE}: phone.claim.country "ID": Connect cannot claim Indonesian numbers from its inventory. ${INDONESIAN_NUMBER_STEPS}`,
      ],
    ],
    [
      "a claim of an unknown number type",
      (t) => {
        const phone = t.phone as Record<string, unknown>;
        delete phone.numberArn;
        phone.claim = { country: "SG", type: "LOCAL" };
      },
      [`${MANADO_FILE}: phone.claim.type "LOCAL": expected one of "DID", "TOLL_FREE"`],
    ],
    [
      "routing to an unknown agency",
      (t) => {
        t.routing = { fire: ["damkar", "pemadam"] };
      },
      [
        `${MANADO_FILE}: routing.fire[1] "pemadam": unknown agency; agencies of this tenant: polresta, damkar, psc119, bpbd, basarnas, pln, satpolpp`,
      ],
    ],
    [
      "a category routed to nobody by an override",
      (t) => {
        t.routing = { crime: [] };
      },
      [`${MANADO_FILE}: routing.crime []: category routed to nobody; list at least one agency id`],
    ],
    [
      "a category routed to nobody by default",
      (t) => {
        t.agencies = t.agencies.filter((a) => a.kind !== "electricity");
      },
      [
        `${MANADO_FILE}: routing.electricity: category routed to nobody: the default route needs an agency of kind electricity; add one or set routing.electricity`,
      ],
    ],
    [
      "an agency with no contact",
      (t) => {
        t.agencies[5].contacts = [];
        t.agencies[5].escalation = { steps: [{ afterMinutes: 0, contacts: ["posko"] }] };
      },
      [
        `${MANADO_FILE}: agencies[5].contacts []: agency has no contact; alerts would reach nobody: add at least one contact`,
        `${MANADO_FILE}: agencies[5].escalation.steps[0].contacts[0] "posko": unknown contact of agency "pln"; its contacts: none`,
      ],
    ],
    [
      "a contact with neither SMS nor e-mail",
      (t) => {
        (t.agencies[4].contacts as Record<string, unknown>[])[0].sms = [];
      },
      [
        `${MANADO_FILE}: agencies[4].contacts[0] "siaga": contact has no sms number and no email; give at least one`,
      ],
    ],
    [
      "a duplicate agency id",
      (t) => {
        t.agencies[1].id = "polresta";
        t.routing = { fire: ["polresta"] };
      },
      [`${MANADO_FILE}: agencies[1].id "polresta": duplicate agency id; each agency needs its own id`],
    ],
    [
      "a first escalation step that waits",
      (t) => {
        (t.agencies[0].escalation as { steps: { afterMinutes: number }[] }).steps[0].afterMinutes = 2;
      },
      [
        `${MANADO_FILE}: agencies[0].escalation.steps[0].afterMinutes 2: the first step goes out at once: must be 0`,
      ],
    ],
    [
      "a data Region outside Indonesia",
      (t) => {
        t.dataRegion = "ap-southeast-1";
      },
      [`${MANADO_FILE}: dataRegion "ap-southeast-1": expected one of "ap-southeast-3"`],
    ],
    [
      "an unknown prompt set",
      (t) => {
        t.callHandling = { promptSet: "studio" };
      },
      [
        `${MANADO_FILE}: callHandling.promptSet "studio": no such prompt set under prompts/; available: default`,
      ],
    ],
    [
      "a staffed window that ends before it starts",
      (t) => {
        t.callHandling = { staffedHours: [{ days: ["monday"], from: "22:00", to: "06:00" }] };
      },
      [
        `${MANADO_FILE}: callHandling.staffedHours[0].to "06:00": must be later than from "22:00"; split a window that crosses midnight in two`,
      ],
    ],
    [
      "a queue-wait limit longer than ten minutes",
      (t) => {
        t.callHandling = { maxQueueWaitSeconds: 900 };
      },
      [`${MANADO_FILE}: callHandling.maxQueueWaitSeconds 900: at most 600 seconds`],
    ],
    [
      "an administrative city of Jakarta",
      (t) => {
        t.code = "31.71";
      },
      [
        `${MANADO_FILE}: code "31.71": Kota Administrasi Jakarta Pusat is an administrative city of DKI Jakarta, which runs one province-level tenant: use code "31"`,
        `${MANADO_FILE}: code "31.71": does not match the file name's code "71.71"; rename the file or fix the code`,
      ],
    ],
  ];

  it.each(cases)("%s", (_name, mutate, expected) => {
    const tenant = manado();
    mutate(tenant);
    const { registry, messages } = problemsOf([source(MANADO_FILE, tenant)]);
    expect(messages).toEqual(expected);
    expect(registry.tenants).toEqual([]);
  });

  it("reports every problem of a file at once", () => {
    const tenant = manado();
    tenant.hub = "nowhere";
    (tenant.phone as Record<string, string>).overflow = "112";
    t_setSms(tenant, "08123");
    const { messages } = problemsOf([source(MANADO_FILE, tenant)]);
    expect(messages).toEqual([
      `${MANADO_FILE}: phone.overflow "112": not a phone number: start with 0 (Indonesian, e.g. 0812-3456-7890) or with + and the country code (e.g. +6281234567890)`,
      `${MANADO_FILE}: agencies[0].contacts[0].sms[0] "08123": not a phone number: too few digits for an Indonesian number (e.g. 0812-3456-7890 or +6281234567890)`,
      `${MANADO_FILE}: hub "nowhere": unknown hub; hubs declared in platform.yaml: jawa-1, timur-1`,
    ]);
  });

  function t_setSms(tenant: ReturnType<typeof manado>, value: string) {
    (tenant.agencies[0].contacts as Record<string, unknown>[])[0].sms = [value];
  }
});

describe("one pass: every problem of every file in one run (issue 14)", () => {
  it("reports a misspelt key, routing to unknown agencies with near misses, and accepts a local number", () => {
    const tenant = manado();
    const contact = (tenant.agencies[0].contacts as Record<string, unknown>[])[0];
    contact.smss = contact.sms;
    delete contact.sms;
    (tenant.phone as Record<string, string>).overflow = "0813-4011-7002";
    t_route(tenant, { fire: ["pemadam"], medical: ["psc-119"] });
    const { messages, registry } = problemsOf([source(MANADO_FILE, tenant)]);
    expect(messages).toEqual([
      `${MANADO_FILE}: agencies[0].contacts[0].smss: unknown key (did you mean "sms"?); accepted keys: id, name, sms, email`,
      `${MANADO_FILE}: routing.medical[0] "psc-119": unknown agency (did you mean "psc119"?); agencies of this tenant: polresta, damkar, psc119, bpbd, basarnas, pln, satpolpp`,
      `${MANADO_FILE}: routing.fire[0] "pemadam": unknown agency; agencies of this tenant: polresta, damkar, psc119, bpbd, basarnas, pln, satpolpp`,
    ]);
    expect(registry.notices.map(formatProblem)).toEqual([]);
  });

  it("stores a number typed the Indonesian way as E.164 and says so", () => {
    const tenant = manado();
    (tenant.phone as Record<string, string>).overflow = "0813-4011-7002";
    (tenant.agencies[1].contacts as Record<string, unknown>[])[0].sms = [
      "+62 812 0000 0111",
      "(0431) 860-113",
    ];
    const { messages, registry } = problemsOf([source(MANADO_FILE, tenant)]);
    expect(messages).toEqual([]);
    expect(registry.notices.map(formatProblem)).toEqual([
      `${MANADO_FILE}: phone.overflow "0813-4011-7002": read as +6281340117002`,
      `${MANADO_FILE}: agencies[1].contacts[0].sms[0] "+62 812 0000 0111": read as +6281200000111`,
      `${MANADO_FILE}: agencies[1].contacts[0].sms[1] "(0431) 860-113": read as +62431860113`,
    ]);
    const stored = registry.tenants[0];
    expect(stored.phone.overflow).toBe("+6281340117002");
    expect(stored.agencies[1].contacts[0].sms).toEqual(["+6281200000111", "+62431860113"]);
  });

  it("says a number YAML read as a number must be quoted", () => {
    const text = source(MANADO_FILE, manado()).text.replace(/overflow: .*/, "overflow: 081340117002");
    expect(problemsOf([{ file: MANADO_FILE, text }]).messages).toEqual([
      `${MANADO_FILE}: phone.overflow 81340117002: expected a phone number in quotes (YAML read this one as the number 81340117002, losing its leading 0 or +; write e.g. "0812-3456-7890"), got number`,
    ]);
  });

  it("says missing for a missing key, whatever the field", () => {
    const tenant = manado();
    delete tenant.hub;
    delete tenant.code;
    delete (tenant.agencies[0].contacts as Record<string, unknown>[])[0].name;
    expect(problemsOf([source(MANADO_FILE, tenant)]).messages).toEqual([
      `${MANADO_FILE}: code: missing (the Kemendagri code as a quoted string (e.g. "71.71" or "31"))`,
      `${MANADO_FILE}: hub: missing (hub id as text)`,
      `${MANADO_FILE}: agencies[0].contacts[0].name: missing (a contact's name as text)`,
    ]);
  });

  it("runs the rules across files on files with schema problems too", () => {
    const bitung = { ...manado(), code: "71.72", colour: "red" };
    const { messages } = problemsOf([
      source(MANADO_FILE, manado()),
      source("tenants/71.72-kota-bitung.yaml", bitung),
    ]);
    expect(messages).toEqual([
      `tenants/71.72-kota-bitung.yaml: colour: unknown key; accepted keys: code, hub, dataRegion, phone, agencies, routing, callHandling, offboarding, retention, location, sms`,
      `tenants/71.72-kota-bitung.yaml: phone.numberArn "${"arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7171-4000-8000-000000000001"}": number already used by ${MANADO_FILE}; each tenant needs its own number`,
      `tenants/71.72-kota-bitung.yaml: phone.did "+62431860112": number already used by ${MANADO_FILE}; each tenant needs its own number`,
    ]);
  });

  it("does not guess where a broken value hides what a rule needs", () => {
    const tenant = manado();
    tenant.agencies[0].kind = "polisi";
    t_route(tenant, {});
    const { messages } = problemsOf([source(MANADO_FILE, tenant)]);
    // crime's default route needs a police agency: with the only kind unreadable, no second problem.
    expect(messages).toEqual([expect.stringContaining('agencies[0].kind "polisi": expected one of')]);
  });

  function t_route(tenant: ReturnType<typeof manado>, routing: Record<string, string[]>) {
    tenant.routing = routing;
  }
});

describe("rules across files", () => {
  it("refuses two files with the same code", () => {
    const { messages } = problemsOf([
      source(MANADO_FILE, manado()),
      source("tenants/71.71-manado.yaml", {
        ...manado(),
        phone: {
          numberArn:
            "arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7171-4000-8000-000000000009",
          did: "+62431860113",
          overflow: "+62431000112",
        },
      }),
    ]);
    expect(messages).toEqual([
      `tenants/71.71-manado.yaml: code "71.71": duplicate code: ${MANADO_FILE} already holds it`,
    ]);
  });

  it("refuses two tenants claiming the same number", () => {
    const bitung = { ...manado(), code: "71.72" };
    const { messages } = problemsOf([
      source(MANADO_FILE, manado()),
      source("tenants/71.72-kota-bitung.yaml", bitung),
    ]);
    expect(messages).toEqual([
      `tenants/71.72-kota-bitung.yaml: phone.numberArn "${"arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7171-4000-8000-000000000001"}": number already used by ${MANADO_FILE}; each tenant needs its own number`,
      `tenants/71.72-kota-bitung.yaml: phone.did "+62431860112": number already used by ${MANADO_FILE}; each tenant needs its own number`,
    ]);
  });

  it("refuses a hub holding more tenants than its Connect quotas allow", () => {
    const platform = load(platformText()) as { hubs: { id: string; quotas?: Record<string, number> }[] };
    platform.hubs[1].quotas = { phoneNumbers: 1 };
    const bitung = {
      ...manado(),
      code: "71.72",
      phone: { claim: { country: "SG", type: "DID" }, overflow: "+62431000112" },
    };
    const { messages } = problemsOf(
      [source(MANADO_FILE, manado()), source("tenants/71.72-kota-bitung.yaml", bitung)],
      source(PLATFORM_FILE, platform),
    );
    expect(messages).toEqual([
      `${PLATFORM_FILE}: hubs[1] "timur-1": holds 2 tenants needing 2 phone numbers, over the instance quota of 1; move tenants to another hub or raise quotas.phoneNumbers after AWS raises it`,
    ]);
  });

  it("refuses a Lambda quota above what Connect allows, and duplicate hubs", () => {
    const platform = load(platformText()) as { hubs: { id: string; quotas?: Record<string, number> }[] };
    platform.hubs[0].quotas = { lambdaFunctions: 60 };
    platform.hubs[1].id = "jawa-1";
    const { messages } = problemsOf([], source(PLATFORM_FILE, platform));
    expect(messages).toEqual([
      `${PLATFORM_FILE}: hubs[0].quotas.lambdaFunctions 60: Connect allows at most 50 Lambda functions per instance and this quota cannot be raised`,
      `${PLATFORM_FILE}: hubs[1].id "jawa-1": duplicate hub id; each hub needs its own id`,
    ]);
  });

  it("takes the console site's address as an origin, and refuses one with a path or without https", () => {
    expect(requireRegistry({ dir: "tenants" }).platform.console).toEqual({
      origin: "https://d111111abcdef8.cloudfront.net",
    });
    const platform = load(platformText()) as { console?: { url: string } };
    platform.console = { url: "http://konsol.example.go.id/konsol" };
    const { messages } = problemsOf([], source(PLATFORM_FILE, platform));
    expect(messages).toEqual([
      `${PLATFORM_FILE}: console.url "http://konsol.example.go.id/konsol": not the console site's address (https://host, no path), e.g. https://d111111abcdef8.cloudfront.net`,
    ]);
  });

  it("refuses a file whose name is not <code>-<slug>", () => {
    const { messages } = problemsOf([source("tenants/manado.yaml", manado())]);
    expect(messages).toEqual([
      'tenants/manado.yaml: file name must be <code>-<slug>.yaml (or .yml/.json), e.g. "71.71-kota-manado.yaml"',
    ]);
  });

  it("names the line and column of a YAML syntax error", () => {
    const { messages } = problemsOf([source(MANADO_FILE, 'code: "71.71"\nhub: [timur-1\nphone: {}\n')]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^tenants\/71\.71-kota-manado\.yaml:\d+:\d+: not valid YAML: /);
  });

  it("reads JSON tenant files too", () => {
    const { registry, messages } = problemsOf([
      { file: "tenants/71.71-kota-manado.json", text: JSON.stringify(manado()) },
    ]);
    expect(messages).toEqual([]);
    expect(registry.tenants.map((t) => t.code)).toEqual(["71.71"]);
  });
});

describe("loadRegistry on disk", () => {
  it("reports a missing platform.yaml", () => {
    const dir = mkdtempSync(join(tmpdir(), "siaga112-"));
    const { problems } = loadRegistry({ dir });
    expect(problems.map((p) => p.message)).toEqual([
      "missing: declare the Connect hubs and the national stack here",
    ]);
  });

  it("keeps only the named files' problems when asked for some files", () => {
    const dir = mkdtempSync(join(tmpdir(), "siaga112-"));
    writeFileSync(join(dir, "platform.yaml"), platformText());
    writeFileSync(join(dir, "71.71-kota-manado.yaml"), dump(manado()));
    writeFileSync(join(dir, "71.72-kota-bitung.yaml"), dump({ ...manado(), code: "71.72", hub: "x" }));
    const only = loadRegistry({ dir, only: [join(dir, "71.71-kota-manado.yaml")], promptsDir: "prompts" });
    expect(only.problems).toEqual([]);
    expect(only.tenants.map((t) => t.code)).toEqual(["71.71"]);
  });
});
