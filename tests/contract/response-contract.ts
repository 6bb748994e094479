import type { Response } from 'supertest';
import type request from 'supertest';
import { exclusionOf, operationExcluded } from './exclusions';
import { isJsonMediaType, OpenApiContract, type Json, type Operation, type Verdict } from './openapi-contract';
import { appendRecord, readPending, runDirectory, writeOperations, type ResponseRecord } from './run-records';

type Client = ReturnType<typeof request>;
type Test = ReturnType<Client['get']>;
type AssertCallback = (err: Error | null, res: Response) => void;
/** supertest's hook between the response and the caller; not in its types. */
type Assert = (resError: Error | null, res: Response | undefined, fn?: AssertCallback) => void;

const contracts = new Map<string, OpenApiContract>();
let pending: Set<string> | undefined;

/** One checker per distinct document and process: compiling the schemas is the costly part. */
export function contractFor(documentText: string): OpenApiContract {
  let contract = contracts.get(documentText);
  if (!contract) {
    contract = new OpenApiContract(JSON.parse(documentText));
    contracts.set(documentText, contract);
    const dir = runDirectory();
    if (dir) {
      const c = contract;
      const checked = c.operations.filter((op) => !operationExcluded(op.method.toUpperCase(), op.template));
      writeOperations(dir, { operations: checked.map((op) => ({ key: op.key, described: c.isDescribed(op) })) });
    }
  }
  return contract;
}

function verdictOf(contract: OpenApiContract, operation: Operation, res: Response, contentType: string): Verdict {
  const text = typeof res.text === 'string' ? res.text : '';
  if (text === '') return contract.check(operation, res.status, contentType, undefined);
  if (!isJsonMediaType(contentType)) return contract.check(operation, res.status, contentType, text);
  try {
    return contract.check(operation, res.status, contentType, JSON.parse(text) as Json);
  } catch {
    return { conforms: false, error: `status ${res.status}: the body is not JSON` };
  }
}

/** Checks one response, records it, and says why the test must fail, if it must. */
function inspect(contract: OpenApiContract, method: string, url: string, res: Response): string | undefined {
  const path = new URL(url, 'http://localhost').pathname;
  const contentType = String(res.headers['content-type'] ?? '');
  const operation = contract.operationFor(method, path);
  const seen = { method: method.toUpperCase(), path, status: res.status, contentType, operation: operation?.key };
  const exclusion = exclusionOf(seen);
  let record: ResponseRecord;
  if (exclusion || !operation) {
    record = { kind: 'excluded', exclusion: exclusion?.name ?? 'no-operation' };
  } else {
    const verdict = verdictOf(contract, operation, res, contentType);
    record = { kind: 'checked', operation: operation.key, status: res.status, conforms: verdict.conforms };
    if (!verdict.conforms) record.error = verdict.error;
  }
  const dir = runDirectory();
  if (dir) appendRecord(dir, record);
  if (record.kind !== 'checked' || record.conforms) return undefined;
  pending ??= new Set(readPending());
  if (pending.has(record.operation)) return undefined;
  return (
    `${record.operation}: the response does not match the OpenAPI document: ${record.error}. ` +
    'Describe it in the controller (tests/contract/pending-operations.json does not list this operation).'
  );
}

/** Hooks a supertest request so its response meets the contract before the test sees it. */
function observe(test: Test, contract: OpenApiContract): Test {
  const hooked = test as Test & { assert: Assert; method: string; url: string };
  const assert = hooked.assert;
  hooked.assert = (resError, res, fn) =>
    assert.call(hooked, resError, res, (err, response) => {
      const violation = err === null && response ? inspect(contract, hooked.method, hooked.url, response) : undefined;
      fn?.(violation ? new Error(violation) : err, response);
    });
  return test;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** A supertest client whose every request is checked against the document. */
export function contractClient(client: Client, contract: OpenApiContract): Client {
  // supertest's client is a plain object of one function per method (its types call it an agent).
  const wrapped = { ...client } as Client;
  for (const m of METHODS) wrapped[m] = (url: string) => observe(client[m](url), contract);
  return wrapped;
}
