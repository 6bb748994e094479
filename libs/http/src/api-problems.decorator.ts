import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { RuleEntry } from '@mesecvi/errors';
import { problemResponse } from './problem-schema';

/** The errors an operation answers besides those every operation can (see withProblemResponses). */
export interface ProblemDeclaration {
  401?: readonly RuleEntry<string, 401>[] | true;
  403?: readonly RuleEntry<string, 403>[] | true;
  404?: true;
  409?: readonly RuleEntry<string, 409>[] | true;
  412?: true;
  422?: readonly RuleEntry<string, 422>[] | true;
  428?: true;
  429?: true;
}

/**
 * Documents an operation's problem responses: for 401, 403, 409 and 422, the rules they can name (from the
 * libs' catalogues), listed in the description and as the enum of `rule`. `true` on 422 is a
 * request body or parameters that break their schema.
 */
export function ApiProblems(declaration: ProblemDeclaration): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(declaration).map(([status, rules]) => {
      const listed: readonly RuleEntry[] = Array.isArray(rules) ? rules : [];
      return ApiResponse({ status: Number(status), ...problemResponse(Number(status), listed) });
    }),
  );
}
