// Tests run the built CLI, as users do: build once before the suite so dist/ is never stale.
export default async function setup(): Promise<void> {
  // @ts-expect-error: plain ESM build script, no types
  const { buildAll } = await import('../../scripts/build.mjs');
  await buildAll();
}
