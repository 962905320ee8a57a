// `npm test` runs this first. Playwright drives Debian's chromium (its own browser download is not
// reachable here), social cards need a Thai-capable font, and the multi-instance test puts nginx in
// front of two servers. Installs what is missing with apt, or explains what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const needed = [
  { package: 'chromium', present: existsSync(CHROMIUM), hint: 'or set CHROMIUM_PATH' },
  { package: 'fonts-thai-tlwg', present: existsSync('/usr/share/fonts/truetype/tlwg'), hint: 'Thai headlines on social cards' },
  { package: 'nginx-light', present: existsSync('/usr/sbin/nginx'), hint: 'the multi-instance test' },
].filter((tool) => !tool.present);

if (needed.length > 0) {
  const names = needed.map((tool) => tool.package).join(' ');
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const advice = `Install them with: sudo apt-get install ${names} (${needed.map((t) => `${t.package}: ${t.hint}`).join('; ')}).`;
  if (!canInstall) {
    console.error(`Missing for the tests: ${names}. ${advice}`);
    process.exit(1);
  }
  console.log(`Installing ${names} with apt for the tests…`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${names} >/dev/null`, { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    console.error(`Could not install ${names} with apt-get. ${advice}`);
    process.exit(1);
  }
}
