#!/usr/bin/env node
// Launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
// CommonJS (bin/package.json), like dist/cli.cjs: see the "Speed" section of the README.
'use strict';
require('../dist/cli.cjs')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
    // Exit once the output is flushed: left to itself, Node would first wait for V8's
    // background optimising compiles (about 8 ms after an assessment), which no one needs.
    process.stdout.write('', () => process.stderr.write('', () => process.exit()));
  });
