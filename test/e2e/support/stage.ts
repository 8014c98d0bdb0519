/**
 * What a desktop spec runs its serial tests on: one demo server with the test's API client, and the
 * relays, desktop hosts and workstations the spec starts against it. All of it is stopped after the
 * tests in the reverse order it started (a browser before its host, a host before the relay it goes
 * through, the server last), whatever part of it started.
 */
import { test, type Browser, type Page } from '@playwright/test';
import { Api } from './clients';
import {
  startDemoServer,
  startDesktop,
  startProxy,
  type DesktopHandle,
  type ProxyHandle,
  type ServerHandle,
} from './stack';
import { signIn, workstation } from './ui';

export class Stage {
  private demo?: { server: ServerHandle; api: Api };
  private readonly stops: (() => Promise<void>)[] = [];

  /** The demo server (from beforeAll on). */
  get server(): ServerHandle {
    return this.started().server;
  }

  /** The server's HTTP API as the demo users. */
  get api(): Api {
    return this.started().api;
  }

  private started(): { server: ServerHandle; api: Api } {
    if (!this.demo) throw new Error('the stage is not started: call stage.start() in beforeAll');
    return this.demo;
  }

  async start(): Promise<void> {
    const server = await startDemoServer();
    this.stops.push(() => server.stop());
    this.demo = { server, api: new Api(server.url) };
  }

  /** A relay in front of the server: a cable the test can pull for the desktops started through it. */
  async relay(): Promise<ProxyHandle> {
    const relay = await startProxy(this.server.url);
    this.stops.push(() => relay.close());
    return relay;
  }

  /** A desktop host syncing with the server, or through a relay when given its address. */
  async desktop(serverUrl = this.server.url): Promise<DesktopHandle> {
    const desk = await startDesktop(serverUrl);
    this.stops.push(() => desk.stop());
    return desk;
  }

  /** A lab workstation's browser (1366x768), not signed in yet. */
  async workstation(browser: Browser): Promise<Page> {
    const { context, page } = await workstation(browser);
    this.stops.push(() => context.close());
    return page;
  }

  /** A workstation signed in on `desk` through the login screen. */
  async signedIn(browser: Browser, desk: DesktopHandle, username: string): Promise<Page> {
    const page = await this.workstation(browser);
    await signIn(page, desk, username);
    return page;
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}

/**
 * The stage of a desktop spec whose tests run in order on it (serial mode: each goes on from where
 * the one before left the screens), stopped after its tests. Called once, at the top of the spec.
 */
export function serialStage(): Stage {
  test.describe.configure({ mode: 'serial' });
  const stage = new Stage();
  test.afterAll(() => stage.stop());
  return stage;
}
