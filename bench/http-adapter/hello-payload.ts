/** The trivial route every adapter answers: same path, same small JSON, so only the stack differs. */
export const HELLO_PATH = '/hello';
export const HELLO_BODY = { hello: 'world' } as const;
