// Global test setup: runs once before all test files.
export default function setup(): void {
  process.env.TZ = 'UTC';
}
