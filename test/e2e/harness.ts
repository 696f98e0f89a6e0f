// The browser tests' harness: the shared launchers live in scripts/browsers.ts (npm start and the
// benchmarks use them too).
export * from '../../scripts/browsers';
