#!/usr/bin/env node
'use strict';
// `npx slp` looks for `slp` in node_modules/.bin; a package's own bin is not linked there, so in a
// clone npm would first ask the registry for a package named "slp" (slow, and it would run any
// package of that name that exists) before falling back to this one. Link our bin locally.
// Runs from `prepare`, i.e. only in a clone (`npm ci` / `npm install`), never for installed copies.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0);
fs.mkdirSync(binDir, { recursive: true });
const link = path.join(binDir, 'slp');
fs.rmSync(link, { force: true });
fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'slp.js')), link);
