import { Type } from '@sinclair/typebox';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { DomainError } from '@mesecvi/errors';
import { AjvBodyPipe, Authenticated, Public } from '@mesecvi/http';

interface EchoBody {
  name: string;
  count?: number;
}

const echoSchema = Type.Unsafe<EchoBody>({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 50 }, count: { type: 'integer', minimum: 0 } },
});

/** Routes that exist only in tests, to provoke each kind of error through the real pipeline. */
@Controller('__probe')
export class ProbeController {
  @Post('echo')
  @Public()
  echo(@Body(new AjvBodyPipe(echoSchema)) body: EchoBody): EchoBody {
    return body;
  }

  @Get('boom')
  @Public()
  boom(): never {
    throw new Error('secret internal detail at /srv/app/db.ts:42');
  }

  @Get('conflict')
  @Public()
  conflict(): never {
    throw new DomainError('conflict', 'The evaluation is already submitted.');
  }

  @Get('protected')
  @Authenticated()
  protectedRoute(): string {
    return 'should never be reached anonymously';
  }

  @Get('undeclared')
  undeclared(): string {
    return 'should never be reached: no access rule';
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
