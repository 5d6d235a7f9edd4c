/**
 * A count of the steps a text function takes (characters read, copied or scanned), which it adds to when given one.
 * Tests compare it with the input's length to prove a function linear on adversarial input without timing it.
 */
export interface WorkMeter {
  steps: number;
}
