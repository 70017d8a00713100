import type {
  AuthConfig,
  InvitationPreview,
  LoginInput,
  Me,
  RegisterInput,
  UpdateMeInput,
} from '@trame/shared';
import { api, segment } from './client';

export const authApi = {
  config: () => api.get<AuthConfig>('/auth/config'),
  login: (input: LoginInput) => api.post<Me>('/auth/login', input),
  logout: () => api.post<void>('/auth/logout'),
  register: (input: RegisterInput) => api.post<object>('/auth/register', input),
  verifyEmail: (token: string) => api.post<Me>('/auth/verify-email', { token }),
  resendVerification: (email: string) => api.post<object>('/auth/resend-verification', { email }),
  forgotPassword: (email: string) => api.post<object>('/auth/forgot-password', { email }),
  resetPassword: (token: string, password: string) =>
    api.post<void>('/auth/reset-password', { token, password }),
  me: () => api.get<Me>('/me'),
  updateMe: (input: UpdateMeInput) => api.patch<Me>('/me', input),
};

export const invitationApi = {
  preview: (token: string) => api.get<InvitationPreview>(`/invitations/${segment(token)}`),
  accept: (token: string, input: { nom?: string; password?: string }) =>
    api.post<{ contrat: { id: string; slug: string; nom: string } }>(
      `/invitations/${segment(token)}/accepter`,
      input,
    ),
};

/** Where the browser goes to sign in with ProConnect: a full navigation, not a fetch. */
export const OIDC_LOGIN_URL = '/api/v1/auth/oidc';
