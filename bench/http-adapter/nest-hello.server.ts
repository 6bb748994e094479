// The same minimal Nest module on either adapter: `fastify` or `express` as the first argument.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HelloModule } from './hello.module';
import { serveUntilStopped } from '../harness/server-process';

type AdapterName = 'fastify' | 'express';

async function create(adapter: AdapterName): Promise<INestApplication> {
  // Nest's defaults on each platform (no logger: start-up lines would only be noise here).
  if (adapter === 'fastify') return NestFactory.create(HelloModule, new FastifyAdapter(), { logger: false });
  // Express is a devDependency: required lazily so the fastify run never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the Express variant is measured
  const { ExpressAdapter } = require('@nestjs/platform-express') as typeof import('@nestjs/platform-express');
  return NestFactory.create(HelloModule, new ExpressAdapter(), { logger: false });
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (name !== 'fastify' && name !== 'express')
    throw new Error(`usage: nest-hello.server.ts fastify|express (got ${name})`);
  const app = await create(name);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveUntilStopped(port, () => app.close());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
