/** Statuses in which a state's draft can be submitted (a clarification asked for included). */
export const SUBMITTABLE: ReadonlySet<string> = new Set(['invited', 'drafting', 'clarification_requested']);
