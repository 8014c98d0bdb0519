export {
  createBridge,
  receiptText,
  BridgeError,
  type Bridge,
  type BridgeDeps,
  type AppInfoInput,
} from './bridge';
