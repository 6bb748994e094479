import { Foundation1795402374334 } from './1795402374334-Foundation';

// Every migration, in order. A test checks that each file of this folder is listed here.
export const MIGRATIONS: Array<new () => unknown> = [Foundation1795402374334];
