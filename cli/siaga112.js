#!/usr/bin/env node
// The `siaga112` binary: runs the TypeScript CLI through tsx.
require("tsx/cjs");
require("./main.ts").run();
