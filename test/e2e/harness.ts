// The browser tests' harness: the shared launchers live in tools/browsers.ts (npm start and the
// benchmarks use them too).
export * from '../../tools/browsers';
