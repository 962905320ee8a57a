// `npm test` runs this first: Playwright drives Debian's chromium, since its own browser
// download is not reachable here. Installs it with apt when missing, or explains what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`Chromium not found at ${CHROMIUM}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    console.error('Could not install chromium with apt-get; install it by hand or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
