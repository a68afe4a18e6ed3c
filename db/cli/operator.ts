import { userInfo } from 'node:os';

/** Who runs a command: what the data versions, batches and audit rows it writes name as their author. */
export const commandLineOperator = (): string => `cli:${userInfo().username}`;
