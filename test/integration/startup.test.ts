import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/app.js';
import { ApiClient } from '../support/http.js';
import { connectY, synced, until } from '../support/yjs.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'trame-startup-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the real entry point as `npm start` does (from source), on the embedded database. */
async function launch(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const onData = () => output.includes('Trame est prêt') && resolve();
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the embedded start-up (`npm start` on a fresh machine)', () => {
  it('migrates and seeds an empty data directory, prints the demo accounts, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { child, output } = await launch(port);
    expect(output()).toContain(`http://127.0.0.1:${port}`);
    for (const role of ['animateur', 'copil', 'cotech', 'partenaire', 'habitant']) {
      expect(output()).toContain(`${role}@trame.test`);
    }
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    await client.login('animateur@trame.test');
    const contrat = await client.get('/api/v1/contrats/crte-thouarsais');
    expect(contrat.body.perimetre.communes).toHaveLength(24);
    expect(
      (
        await client.patch('/api/v1/contrats/crte-thouarsais', {
          description: 'Modifié avant arrêt',
        })
      ).status,
    ).toBe(200);
    // An open PGlite keeps the process alive: exiting at all proves the database was closed.
    expect(await stop(child)).toBe(0);
  });

  it('restarts on the same data without seeding again, keeping what was acknowledged', async () => {
    const port = await freePort();
    const { child } = await launch(port);
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    await client.login('animateur@trame.test');
    const contrat = await client.get('/api/v1/contrats/crte-thouarsais');
    expect(contrat.body.description).toBe('Modifié avant arrêt');
    expect((await client.get('/api/v1/contrats')).body.total).toBe(1);
    expect(await stop(child)).toBe(0);
  });

  it('keeps an acknowledged write when the process is killed without warning', async () => {
    const port = await freePort();
    const first = await launch(port);
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    await client.login('animateur@trame.test');
    expect(
      (
        await client.patch('/api/v1/contrats/crte-thouarsais', {
          description: 'Écrit avant la panne',
        })
      ).status,
    ).toBe(200);
    await new Promise<void>((resolve) => {
      first.child.once('exit', () => resolve());
      first.child.kill('SIGKILL');
    });

    const { child } = await launch(port);
    const after = new ApiClient(`http://127.0.0.1:${port}`);
    await after.login('animateur@trame.test');
    expect((await after.get('/api/v1/contrats/crte-thouarsais')).body.description).toBe(
      'Écrit avant la panne',
    );
    expect(await stop(child)).toBe(0);
  });

  it('keeps every edit of a shared document that another editor had received, through SIGKILL', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await launch(port);
    const animateur = new ApiClient(url);
    await animateur.login('animateur@trame.test');
    const copil = new ApiClient(url);
    await copil.login('copil@trame.test');
    const id = (await animateur.get('/api/v1/contrats/crte-thouarsais')).body.id;
    const name = `contrat:${id}:projet`;
    const writer = connectY(url, name, { cookie: animateur.sessionCookie, reconnect: false });
    const witness = connectY(url, name, { cookie: copil.sessionCookie, reconnect: false });
    await Promise.all([synced(writer), synced(witness)]);
    for (let i = 0; i < 40; i++) writer.text.insert(writer.text.length, `mot${i} `);
    // What the other editor received is what the server acknowledged to the room.
    await until(() => witness.text.length === writer.text.length, 'the witness received it all');
    const acknowledged = witness.text.toString();
    await new Promise<void>((resolve) => {
      first.child.once('exit', () => resolve());
      first.child.kill('SIGKILL');
    });
    writer.destroy();
    witness.destroy();

    const { child } = await launch(port);
    const again = new ApiClient(url);
    await again.login('copil@trame.test');
    const reader = connectY(url, name, { cookie: again.sessionCookie, reconnect: false });
    await synced(reader);
    expect(reader.text.toString()).toBe(acknowledged);
    reader.destroy();
    expect(await stop(child)).toBe(0);
  });
});
