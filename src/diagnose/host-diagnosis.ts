/** The diagnosis a host's result keeps (diagnose.ts): one cause, its evidence and a remedy. */
export interface HostDiagnosis {
  cause: string;
  summary: string;
  evidence: string[];
  remedy: string;
  steps?: string[];
  /** `slp diagnose --from`: the outputs the decision tree reads that the capture does not hold. */
  notInCapture?: string[];
}
