// A TCP load balancer for tests of several nodes, as HAProxy does it in deploy/ (round robin, no
// stickiness): each new connection goes to the next backend that accepts it; a dead backend is
// skipped, so a client whose node died reconnects to another one.
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
}

export async function loadBalancer(backends: () => readonly number[]): Promise<LoadBalancer> {
  let next = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const ports = backends();
    const tryBackend = (attempt: number): void => {
      if (attempt >= ports.length) return void client.destroy();
      const port = ports[next++ % ports.length]!;
      const upstream = net.connect(port, "127.0.0.1");
      upstream.once("error", () => {
        upstream.destroy();
        tryBackend(attempt + 1);
      });
      upstream.once("connect", () => {
        open.add(upstream);
        upstream.on("close", () => {
          open.delete(upstream);
          client.destroy();
        });
        upstream.on("error", () => upstream.destroy());
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
