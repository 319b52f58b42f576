import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { NODE, PATH, ROOT, tempDir } from '../helpers/cli.js';
import { live, target } from '../helpers/live.js';

/**
 * TLS in front of the simulator, with certificates made at test time by openssl: self-signed, from
 * a CA this process does not trust, and (trusted through NODE_EXTRA_CA_CERTS in a child process)
 * valid, for the wrong name, and expired.
 */
let sim: Simulator;
let dir: string;
const fronts: tls.Server[] = [];
const ports: Record<'selfSigned' | 'valid' | 'wrongName' | 'expired', number> = { selfSigned: 0, valid: 0, wrongName: 0, expired: 0 };

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A leaf certificate signed by the test CA; `dates` makes it expired. */
function leaf(name: string, san: string, dates?: [string, string]): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=ruapi-test', '-addext', `subjectAltName=${san}`);
  openssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...(dates ? ['-startdate', dates[0], '-enddate', dates[1]] : ['-days', '2']));
}

/** A TLS terminator on 127.0.0.1 that hands the decrypted stream to the simulator. */
async function front(name: string): Promise<number> {
  const server = tls.createServer({ key: readFileSync(path.join(dir, `${name}.key`)), cert: readFileSync(path.join(dir, `${name}.pem`)) }, (socket) => {
    const upstream = net.connect(sim.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  server.on('tlsClientError', () => {});
  fronts.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  sim = await startSimulator();
  dir = tempDir({
    'ca.cnf': '[ca]\ndefault_ca=test\n[test]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=any\ncopy_extensions=copy\nunique_subject=no\n[any]\ncommonName=supplied\n',
    'index.txt': '',
    serial: '01\n',
  });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=ruapi test CA');
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost');
  leaf('valid', 'DNS:localhost');
  leaf('wrong', 'DNS:wrong-name.example');
  leaf('expired', 'DNS:localhost', ['20200101000000Z', '20200102000000Z']);
  ports.selfSigned = await front('self');
  ports.valid = await front('valid');
  ports.wrongName = await front('wrong');
  ports.expired = await front('expired');
});

afterAll(async () => {
  for (const s of fronts) s.close();
  await sim?.close();
});

const base = (port: number) => `https://localhost:${port}/v1`;

describe('live/tls names the failing certificate check', () => {
  it('a self-signed certificate fails the TLS link, after DNS and connect', async () => {
    const r = await live(target('openai', base(ports.selfSigned), sim.key, 'gpt-5.4-mini'));
    expect(r.ids).toEqual(['live/tls']);
    expect(r.report.steps.slice(0, 4).map((s) => `${s.id}:${s.status}`)).toEqual(['dns:ok', 'connect:ok', 'tls:fail', 'http:skipped']);
    const f = r.finding('live/tls');
    expect(f.data).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', check: 'the certificate is self-signed' });
    expect(f.title).toMatch(/self-signed/);
    expect(f.fix).toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it('a certificate from a CA this computer does not trust is an unknown CA', async () => {
    const r = await live(target('anthropic', `https://localhost:${ports.valid}`, sim.key, 'claude-opus-4-8'));
    expect(r.ids).toEqual(['live/tls']);
    expect(r.finding('live/tls').title).toMatch(/unknown CA/);
  });

  // NODE_EXTRA_CA_CERTS is read once at start-up: these run the built live chunk in a child process
  // that trusts the test CA, the way a user with a company CA would run the CLI.
  it('with the CA trusted: a valid certificate passes (with TLS timing), a wrong name and an expired one fail by name', async () => {
    const cases = { valid: base(ports.valid), wrong: base(ports.wrongName), expired: base(ports.expired) };
    const script = path.join(dir, 'run.cjs');
    writeFileSync(
      script,
      `const { runLiveChecks } = require(${JSON.stringify(path.join(ROOT, 'dist/live.cjs'))});
      const cases = ${JSON.stringify(cases)};
      const t = (url) => ({ protocol: 'openai', protocolGuessed: false, auth: 'bearer',
        key: { value: ${JSON.stringify(sim.key)}, source: { kind: 'flag', name: 'key', label: '--key' } },
        baseUrl: { value: url, source: { kind: 'flag', name: 'base-url', label: '--base-url' } },
        model: { value: 'gpt-5.4-mini', source: { kind: 'flag', name: 'model', label: '--model' } } });
      (async () => {
        const out = {};
        for (const [name, url] of Object.entries(cases)) out[name] = await runLiveChecks(t(url), { timeoutMs: 8000, probe: true, stream: false, allowHosts: [], interactive: false, offlineFindings: [] });
        process.stdout.write(JSON.stringify(out));
      })();`,
    );
    // Not spawnSync: the servers it talks to run in this process.
    const child = await promisify(execFile)(NODE, [script], { env: { PATH, NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem') }, encoding: 'utf8', timeout: 15_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout).not.toContain(sim.key);
    const out = JSON.parse(child.stdout) as Record<string, { findings: Array<{ id: string; title: string; data: Record<string, unknown> }>; report: { timings: Record<string, number>; steps: Array<{ id: string; status: string }> } }>;

    expect(out.valid!.findings.map((f) => f.id)).toEqual(['live/ok']);
    expect(out.valid!.report.timings.tlsMs).toBeTypeOf('number');
    expect(out.valid!.report.steps.find((s) => s.id === 'tls')?.status).toBe('ok');

    expect(out.wrong!.findings.map((f) => f.id)).toEqual(['live/tls']);
    expect(out.wrong!.findings[0]!.data.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(out.wrong!.findings[0]!.title).toMatch(/hostname mismatch/);

    expect(out.expired!.findings.map((f) => f.id)).toEqual(['live/tls']);
    expect(out.expired!.findings[0]!.data.code).toBe('CERT_HAS_EXPIRED');
    expect(out.expired!.findings[0]!.title).toMatch(/expired/);
  });
});
