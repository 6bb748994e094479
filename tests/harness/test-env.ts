/** What `npm test` (scripts/test.js) hands to every suite. */
export interface TestEnv {
  pgAdminUrl: string;
  templateDb: string;
  redisUrl: string;
  smtpUrl: string;
  mailWebUrl: string;
}

export function testEnv(): TestEnv {
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the suite through \`npm test\`, which starts the services.`);
    return value;
  };
  return {
    pgAdminUrl: need('TEST_PG_ADMIN_URL'),
    templateDb: need('TEST_TEMPLATE_DB'),
    redisUrl: need('REDIS_URL'),
    smtpUrl: need('SMTP_URL'),
    mailWebUrl: process.env.MAIL_WEB_URL ?? '',
  };
}
