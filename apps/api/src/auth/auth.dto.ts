import { Type } from '@sinclair/typebox';
export interface LoginBody {
  email: string;
  password: string;
}
export const loginSchema = Type.Unsafe<LoginBody>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 320, example: 'secretariat@mesecvi.demo' },
    password: { type: 'string', minLength: 1, maxLength: 200, example: 'demo-secretariat-2026' },
  },
});

export interface RefreshBody {
  refreshToken: string;
}
export const refreshSchema = Type.Unsafe<RefreshBody>({
  type: 'object',
  additionalProperties: false,
  required: ['refreshToken'],
  properties: { refreshToken: { type: 'string', minLength: 20, maxLength: 200 } },
});

export interface PasswordResetBody {
  email: string;
}
export const passwordResetSchema = Type.Unsafe<PasswordResetBody>({
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { email: { type: 'string', minLength: 3, maxLength: 320 } },
});

export const tokenPairExample = {
  tokenType: 'Bearer',
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…',
  expiresIn: 900,
  refreshToken: 'kq3v0i1m…',
};
