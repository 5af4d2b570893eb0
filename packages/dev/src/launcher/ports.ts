import net from "node:net";

/** Free on every interface, the way the portal binds it (Express listens on `::`). */
export function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function firstFreePort(preferred: number, host?: string, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + tries - 1}.`);
}

/** A port the system picks, for the benchmark's private portal. */
export function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
