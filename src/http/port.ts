import net from 'node:net';
import { ConfigError } from '../config';

/** The one-line answer when PORT is taken: what is wrong and what to do. */
export function portInUse(port: number, host: string): ConfigError {
  return new ConfigError(`PORT ${port} on ${host} is in use: stop whatever listens there, or set PORT to a free port`);
}

/**
 * Fails fast, before Neo4j is started, when nothing can listen on PORT: binding briefly is the
 * only reliable test (another process, another instance of this service, a privileged port).
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port, host) : new ConfigError(`PORT ${port} on ${host}: ${err.message}`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Listens, turning a late EADDRINUSE (the port taken since the check) into the same message. */
export function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port, host) : err);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
