// `npm run build`: the Next.js production build, stamped so `npm start` knows it is current.
import { recordBuild, sourceFingerprint } from "./lib/build-state";
import { loadEnvFiles, runBin } from "./lib/run";

export async function build(): Promise<number> {
  const fingerprint = sourceFingerprint();
  const code = await runBin("next", ["build"]);
  if (code === 0) recordBuild(fingerprint);
  return code;
}

if (require.main === module) {
  loadEnvFiles();
  build().then((code) => process.exit(code));
}
