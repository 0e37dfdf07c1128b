// A phone's network as weak Wi-Fi treats a live meeting: dropped, back, or asleep.
import type { BrowserContext, WebSocketRoute } from '@playwright/test';

/** A meeting room's WebSocket: `/api/v1/meetings/{id}/socket`. */
const ROOM_SOCKET = /\/api\/v1\/meetings\/[^/]+\/socket$/;

/**
 * The phone's link to the meeting's room, with a switch. Chromium keeps an open WebSocket running when a
 * context goes offline (`setOffline` cuts HTTP only), so the room's sockets go through the test, which
 * passes them to the worker untouched until told otherwise:
 * - `drop()`: the context goes offline, its open sockets are closed, and each new one is closed as soon
 *   as the phone makes it (counted in `refused`);
 * - `restore()`: online again, new sockets reach the room;
 * - `sleep()`: the room's messages are lost on a socket that stays open (a phone whose screen is off);
 *   `wake()`: they arrive again.
 * Install it before the phone opens the meeting.
 */
export class PhoneNetwork {
  private sockets: WebSocketRoute[] = [];
  /** Sockets the phone tried to open while offline. */
  refused = 0;
  private offline = false;
  private asleep = false;

  private constructor(readonly context: BrowserContext) {}

  static async install(context: BrowserContext): Promise<PhoneNetwork> {
    const network = new PhoneNetwork(context);
    await context.routeWebSocket(ROOM_SOCKET, (ws) => network.route(ws));
    return network;
  }

  private route(ws: WebSocketRoute) {
    if (this.offline) {
      this.refused += 1;
      void ws.close();
      return;
    }
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!this.asleep) ws.send(message);
    });
    this.sockets.push(ws);
  }

  async drop() {
    this.offline = true;
    await this.context.setOffline(true);
    for (const ws of this.sockets.splice(0)) await ws.close();
  }

  async restore() {
    this.offline = false;
    await this.context.setOffline(false);
  }

  sleep() {
    this.asleep = true;
  }

  wake() {
    this.asleep = false;
  }
}
