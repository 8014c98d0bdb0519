/** Validation data that cannot be had now (a CRL distribution point down): retried like the TSA. */
export class LtvUnavailable extends Error {}
