/** Property runs per parser; raise for a long hunt: FUZZ_RUNS=200000 npx vitest run tests/fuzz */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
