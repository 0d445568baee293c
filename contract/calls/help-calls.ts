import { z } from 'zod';
import { defineCall } from '../define';

export interface HelpCallReceipt {
  uuid: string;
  seq: number;
  button: 'red' | 'green';
}

export const helpCalls = {
  /**
   * 呼叫工作人员: the on-screen twin of the 红绿双键 (seed 001). Green asks for service, red is an
   * emergency. Recorded in the outbox at once, with the elder of the session if there is one.
   */
  'help.call': defineCall<HelpCallReceipt>()(
    z.object({ button: z.enum(['red', 'green']) }).strict(),
  ),
};
