/**
 * Browser libraries are served from web/shared/vendor/ (every site's) and web/console/vendor/ (the
 * console's phone panel only), never from a CDN, copied from the npm package the lockfile pins: a copy that drifts from node_modules fails here with the command to refresh it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MODULES = join(__dirname, "..", "..", "..", "node_modules");
const OIDC = join(MODULES, "oidc-client-ts");
const STREAMS = join(MODULES, "amazon-connect-streams");
const VENDORED = [
  {
    copy: "web/shared/vendor/oidc-client-ts.min.js",
    source: join(OIDC, "dist", "browser", "oidc-client-ts.min.js"),
  },
  { copy: "web/shared/vendor/oidc-client-ts.LICENSE", source: join(OIDC, "LICENSE") },
  // The console's phone panel in the cloud (web/console/phone-streams.js).
  {
    copy: "web/console/vendor/amazon-connect-streams.min.js",
    source: join(STREAMS, "release", "connect-streams-min.js"),
  },
  { copy: "web/console/vendor/amazon-connect-streams.LICENSE", source: join(STREAMS, "LICENSE.txt") },
];

describe("vendored browser libraries", () => {
  it.each(VENDORED.map((v) => [v.copy, v] as const))(
    "%s is the installed package's file",
    (_copy, { copy, source }) => {
      const same = readFileSync(copy).equals(readFileSync(source));
      expect([copy, same ? "same" : `differs: cp ${source} ${copy}`]).toEqual([copy, "same"]);
    },
  );
});
