#!/usr/bin/env node
// The baseline of bench/executor-throughput.sh: runs DEFINITION on INPUT in one node process with
// aws-local-stepfunctions 3.0.0 (the interpreter behind ../shared/tools/asl-run), exactly as
// ExecutorThroughput does on the Java side: the state machine is built (and validated) once, runs
// warm up for 3 s of CPU time (and until three samples agree within 10 %), then RUNS samples of at least 200 ms of CPU time each print the mean CPU
// time of one execution: "run N: T ms".
// Usage: node bench/asl-run-throughput.cjs DEFINITION INPUT RUNS
'use strict';
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject };
  };
}
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const req = createRequire(path.join(process.env.ORACLES_NODE_DIR || '/tmp/oracles-node_modules', 'noop.js'));
const { StateMachine } = req('aws-local-stepfunctions');

async function main() {
  const [defFile, inputFile, runsText] = process.argv.slice(2);
  const def = JSON.parse(fs.readFileSync(defFile, 'utf8'));
  const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  const runs = Number(runsText);
  const sm = new StateMachine(def, {
    awsConfig: { region: 'us-east-1', credentials: { accessKeys: { accessKeyId: 'MOCK', secretAccessKey: 'MOCK' } } },
  });
  // CPU time of the process (user + system, all threads), as the Java side measures.
  const cpuNanos = () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };
  const sample = async (nanos) => {
    const start = cpuNanos();
    let count = 0;
    let elapsed;
    do {
      await sm.run(input).result;
      count++;
      elapsed = cpuNanos() - start;
    } while (elapsed < nanos);
    return elapsed / 1e6 / count;
  };
  await sample(3e9);
  // Then until three samples in a row agree within 10 % (at most 30 more seconds), as in Java.
  const last = [0, 0, 0];
  for (let i = 0; i < 150; i++) {
    last[i % 3] = await sample(2e8);
    if (i >= 2 && Math.max(...last) <= 1.10 * Math.min(...last)) break;
  }
  for (let run = 1; run <= runs; run++) {
    console.log(`run ${run}: ${(await sample(2e8)).toFixed(3)} ms`);
  }
}
main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
