/** The secret list moved to node-shared/log-secrets.ts (the server logs by it too); named here still for the desktop's logger tests. */
export * from '../../../node-shared/log-secrets';
