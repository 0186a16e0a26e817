/**
 * UI-level test: what a person sees. Installs the packaged dist/kube-proxy-tuner.vsix into a fresh
 * code-server (`--install-extension`), opens kubeadm-config.yaml (the guide's KubeProxyConfiguration) with
 * Ctrl+P, reads the Problems panel, hovers a field with the mouse, applies the quick fix from the light
 * bulb, saves, and checks the file on disk. Screenshots go to test-results/editor/.
 * Run through scripts/editor/run-code-server.ts (--only ui).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  RESULTS,
  codeServerCli,
  emptyCounts,
  launchBrowser,
  log,
  makeWorkspace,
  removeQuietly,
  startCodeServer,
  tempBase,
  type Counts,
} from '../../../scripts/editor/common.ts';

const STEP_MS = 30_000;

export async function runUiTest(VSIX = join(ROOT, 'dist/kube-proxy-tuner.vsix')): Promise<Counts> {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const counts = emptyCounts();
  const base = tempBase('ui');
  const started = Date.now();
  const folder = makeWorkspace(base);
  // The file a user would have: kubeadm-config.yaml holding the guide's KubeProxyConfiguration block.
  const file = join(folder, 'kubeadm-config.yaml');
  await import('node:fs').then((fs) => fs.copyFileSync(join(ROOT, 'examples/guide-kube-proxy.yaml'), file));
  const installed = await codeServerCli(['--install-extension', VSIX], base);
  if (!/was successfully installed/.test(installed)) throw new Error(`--install-extension did not confirm:\n${installed}`);
  log('ui: installed the .vsix into a fresh extensions folder');

  const server = await startCodeServer(base, folder);
  let context: any;
  try {
    context = await launchBrowser(base);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
    const step = async (name: string, body: () => Promise<void>): Promise<void> => {
      const t0 = Date.now();
      try {
        await body();
        counts.passed++;
        console.log(`  ok    ui: ${name} (${Date.now() - t0} ms)`);
      } catch (error) {
        counts.failed++;
        counts.failures.push(`ui: ${name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
        console.log(
          `  FAIL  ui: ${name}\n        ${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n        ') : error}`,
        );
        await page.screenshot({ path: join(RESULTS, `ui-failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
        throw error;
      }
    };

    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    /** Quick Open (Ctrl+P) a workspace file and wait until its editor shows `shows`. */
    const openFile = async (name: string, shows: string): Promise<void> => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(name);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: name }).waitFor();
      await editor.locator('.view-line', { hasText: shows }).first().waitFor();
    };
    /** Put the cursor at `:line:column` with Go to Line (Ctrl+G): the editor renders only the lines in view. */
    const goTo = async (where: string): Promise<void> => {
      await editor.click({ position: { x: 200, y: 10 } });
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(where);
      await page.keyboard.press('Enter');
    };

    try {
      await step('open kubeadm-config.yaml with Ctrl+P', async () => {
        await page.locator('.explorer-folders-view, .monaco-workbench .part.sidebar').first().waitFor();
        // Newer VS Code opens an empty secondary side bar (chat) whatever the settings say: close it,
        // so the screenshots show the editor and the Problems panel at full width.
        const secondary = page.locator('.monaco-workbench .part.auxiliarybar');
        if (await secondary.isVisible()) {
          await page.keyboard.press('Control+Alt+B');
          await secondary.waitFor({ state: 'hidden' });
        }
        await openFile('kubeadm-config.yaml', 'KubeProxyConfiguration');
      });

      await step('the Problems panel lists the unknown-field error', async () => {
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'logging.json' }).first();
        await row.waitFor();
        const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
        const text = rows.join('\n');
        if (!/Unknown field "logging\.json"/.test(text)) throw new Error(`no unknown-field row in ${JSON.stringify(rows)}`);
        if (!/kube-proxy-tuner/.test(text)) throw new Error(`rows do not name the source: ${JSON.stringify(rows)}`);
        if (!/\[Ln 47, Col 4\]/.test(text)) throw new Error(`the error is not at line 47, column 4: ${JSON.stringify(rows)}`);
        await row.locator('.codicon-error, .marker-icon.error, .codicon-error').first().waitFor();
        await page.screenshot({ path: join(RESULTS, 'problems-panel.png') });
      });

      await step('hovering conntrack.maxPerCore shows the recommendation and its upstream source', async () => {
        // Bring line 38 (conntrack.maxPerCore) into view with Ctrl+G: the editor renders only visible lines.
        await goTo(':38:4');
        const key = editor.locator('.view-line span span', { hasText: /^maxPerCore$/ }).first();
        await key.waitFor();
        const hoverContents = page.locator('.monaco-hover .hover-contents', { hasText: 'Recommended' });
        // Move away first so that a hover opens freshly at the key.
        await page.mouse.move(5, 5);
        await key.hover();
        await hoverContents.first().waitFor();
        const text = await page.locator('.monaco-hover').first().innerText();
        if (!/Recommended/.test(text) || !/source/.test(text)) throw new Error(`hover: ${text.slice(0, 300)}`);
        await page.screenshot({ path: join(RESULTS, 'hover.png') });
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 5);
      });

      await step('the light bulb on logging.json offers the move, which fixes the file', async () => {
        // Put the cursor on `json` (line 47, column 4) with Ctrl+G.
        await goTo(':47:4');
        const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
        await bulb.waitFor({ state: 'visible' });
        await bulb.click();
        const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Move logging.json to logging.options.json' }).first();
        await item.waitFor();
        await page.screenshot({ path: join(RESULTS, 'quick-fix-menu.png') });
        await item.click();
        // The edit makes the file dirty; then save it and wait until the tab is clean again.
        await page.locator('.tab.active.dirty').waitFor();
        await page.keyboard.press('Control+S');
        await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        const saved = readFileSync(file, 'utf8');
        if (!/\n {3}options:\n {6}json:\n {9}infoBufferSize: "0"\n/.test(saved))
          throw new Error(`the saved file was not fixed:\n${saved.split('\n').slice(42).join('\n')}`);
        // The Problems panel no longer lists the error.
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'logging.json' }).first().waitFor({ state: 'detached' });
        await page.screenshot({ path: join(RESULTS, 'after-quick-fix.png') });
      });

      await step('a kube-proxy ConfigMap: the error inside config.conf is on its line, and its quick fix keeps the ConfigMap', async () => {
        await openFile('kube-proxy-cm.yaml', 'config.conf');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'is not valid on Kubernetes' }).first();
        await row.waitFor();
        const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n');
        if (!/\[Ln 14, Col 11\]/.test(rows)) throw new Error(`the proxy-mode error is not at line 14, column 11: ${rows}`);
        // Put the cursor on the value inside config.conf (line 14) and open the light bulb there.
        await goTo(':14:12');
        const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
        await bulb.waitFor({ state: 'visible' });
        await bulb.click();
        const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Set mode to ipvs' }).first();
        await item.waitFor();
        // The README's picture: the squiggle inside config.conf, its quick fixes, the Problems panel.
        await page.screenshot({ path: join(RESULTS, 'configmap.png') });
        await item.click();
        await page.locator('.tab.active.dirty').waitFor();
        await page.keyboard.press('Control+S');
        await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        const saved = readFileSync(join(folder, 'kube-proxy-cm.yaml'), 'utf8');
        if (
          !/\n {4}# switched to IPVS for the load balancer\n {4}mode: "ipvs"\n/.test(saved) ||
          !/\n {2}kubeconfig\.conf: \|-\n/.test(saved)
        )
          throw new Error(`the ConfigMap was not fixed as expected:\n${saved}`);
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: 'is not valid on Kubernetes' })
          .first()
          .waitFor({ state: 'detached' });
      });
    } catch {
      // Later steps depend on earlier ones: one failure is reported and the rest are not run.
    }
    log(`ui: ${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return counts;
  } finally {
    await context?.close().catch(() => undefined);
    server.stop();
    removeQuietly(base);
  }
}
