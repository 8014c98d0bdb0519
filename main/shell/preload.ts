/**
 * The preload: runs sandboxed, before the page, in an isolated world. It exposes `window.sippt`
 * and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeTransport } from '../../shared/bridge';
import { makeBridgeApi } from './bridge-api';

contextBridge.exposeInMainWorld('sippt', makeBridgeApi(ipcRenderer) satisfies BridgeTransport);
