#!/usr/bin/env node
// Launcher: the CLI is one ES-module bundle in dist/ (npm run build; a clone builds it on
// `npm ci`, the package ships it built).
import { main } from '../dist/tip-coord.js';

process.exitCode = await main(process.argv);
// Exit once the output is flushed: left to itself, Node would first wait for V8's background
// optimising compiles (about 8 ms after an assessment), which no one needs.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
