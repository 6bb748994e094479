import { Foundation1795402374334 } from './1795402374334-Foundation';
import { StatesAndAccounts1795402380000 } from './1795402380000-StatesAndAccounts';
import { AuditLog1795402400000 } from './1795402400000-AuditLog';
import { OutboxMessage1795402500000 } from './1795402500000-OutboxMessage';

// Every migration, in order. A test checks that each file of this folder is listed here.
export const MIGRATIONS: Array<new () => unknown> = [Foundation1795402374334, StatesAndAccounts1795402380000, AuditLog1795402400000, OutboxMessage1795402500000];
