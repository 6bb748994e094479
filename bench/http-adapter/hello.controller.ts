import { Controller, Get } from '@nestjs/common';
import { HELLO_BODY } from './hello-payload';

/** One controller, mounted unchanged on both Nest adapters. */
@Controller()
export class HelloController {
  @Get('hello')
  hello(): typeof HELLO_BODY {
    return HELLO_BODY;
  }
}
