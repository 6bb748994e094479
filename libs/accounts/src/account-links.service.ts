import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import type { Language } from '@mesecvi/http';
import { StateParty } from '@mesecvi/states';
import { AccountTokensService } from './account-tokens.service';
import { InvitationsService } from './invitations.service';
import type { PagePurpose } from './pages/account-pages';
import { PasswordResetService } from './password-reset.service';

/** What the invitation and reset pages need: who the link is for, and completing it. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetService,
    private readonly clock: Clock,
  ) {}

  /** The holder of a usable link, with the language their page is shown in; null otherwise. */
  async holder(purpose: PagePurpose, token: string): Promise<{ name: string; language: Language } | null> {
    const found = await this.tokens.peek(token, purpose, await this.clock.now());
    const wantedStatus = purpose === 'invitation' ? 'invited' : 'active';
    if (!found || found.user.status !== wantedStatus) return null;
    const state = found.user.stateCode
      ? await this.dataSource.getRepository(StateParty).findOneBy({ code: found.user.stateCode })
      : null;
    return { name: found.user.name, language: found.user.preferredLanguage ?? state?.workingLanguage ?? 'en' };
  }

  async complete(
    purpose: PagePurpose,
    token: string,
    password: string,
    confirmation: string,
    requestId: string,
  ): Promise<void> {
    if (purpose === 'invitation') await this.invitations.accept(token, password, confirmation, requestId);
    else await this.resets.complete(token, password, confirmation, requestId);
  }
}
