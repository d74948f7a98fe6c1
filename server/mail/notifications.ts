import type { UserRole } from '../../db/schema/index.js';
import { mailStringsFor } from '../../i18n/mail.js';
import { DEFAULT_LOCALE, pagePath, type Locale } from '../../i18n/locales.js';
import { inTransaction, type Writer } from '../repositories/audit.js';
import type { MailRepository, Recipient } from '../repositories/mail.js';
import { compose, type Letter } from './compose.js';
import { optOutPath, TOPIC_OF_KIND } from './opt-out.js';

/** A digest at most this often per reviewer. */
export const DIGEST_EVERY_MS = 3600_000;

/** Where the account page lets someone turn the optional emails off. */
export const NOTIFICATION_SETTINGS_PATH = '/workspace/account#notifications';

/**
 * Every email the app sends, written in the recipient's language and queued. Each method
 * takes the caller's transaction (`writer`) when it has one, so the message is queued
 * exactly when the change that caused it commits; the worker sends it later, so a slow or
 * broken mail server never slows or fails a request. `onQueued` wakes the worker.
 */
export class Notifications {
  constructor(
    private readonly queue: MailRepository,
    /** The site's public address, e.g. https://scorecard.example.org, for links in emails. */
    private readonly publicUrl: string,
    private readonly onQueued: () => void = () => {},
  ) {}

  /** An absolute link; workspace links in an email go to the screens in the recipient's language. */
  url(path: string): string {
    return `${this.publicUrl.replace(/\/$/, '')}${path}`;
  }

  private async send(
    to: { email: string; userId: number | null; language: Locale },
    kind: string,
    letter: Omit<Letter, 'optOutUrl'> & { optional: boolean },
    writer?: Writer,
  ) {
    const { optional, ...rest } = letter;
    // An optional message to an account carries a link that turns its group off without signing
    // in; both its footer and its List-Unsubscribe header point there.
    const topic = optional && to.userId !== null ? TOPIC_OF_KIND[kind] : undefined;
    const unsubscribeUrl = topic
      ? this.url(pagePath(to.language, optOutPath(await this.queue.optOutToken(to.userId!, writer), topic)))
      : undefined;
    const content = compose(mailStringsFor(to.language), {
      ...rest,
      optOutUrl: optional ? (unsubscribeUrl ?? this.url(pagePath(to.language, NOTIFICATION_SETTINGS_PATH))) : undefined,
    });
    await this.queue.enqueue({ kind, to: to.email, userId: to.userId, ...content, unsubscribeUrl }, writer);
    this.onQueued();
  }

  private toAccount(r: Recipient) {
    return { email: r.email, userId: r.id, language: r.language };
  }

  /** The invitation with its link (required: the only way in). Returns the link. */
  async invitation(
    input: { email: string; language: Locale; role: UserRole; inviter: string; token: string; expiresAt: string },
    writer?: Writer,
  ): Promise<string> {
    const s = mailStringsFor(input.language);
    // Into the workspace in the invitee's language: they are not signed in to have one yet.
    const link = this.url(pagePath(input.language, `/workspace/invite#${input.token}`));
    const expiresOn = new Date(input.expiresAt).toLocaleDateString(input.language === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'long',
      timeZone: 'America/Los_Angeles',
    });
    await this.send(
      { email: input.email, userId: null, language: input.language },
      'invitation',
      {
        subject: s.invitation.subject,
        name: null,
        paragraphs: s.invitation.body(input.inviter, s.roles[input.role], expiresOn),
        action: { label: s.invitation.action, url: link },
        optional: false,
      },
      writer,
    );
    return link;
  }

  /** A password-reset link (required). Returns the link. */
  async passwordReset(userId: number, token: string, byAdmin: boolean, writer?: Writer): Promise<string> {
    const r = await this.queue.recipient(userId, writer);
    const link = this.url(pagePath(r?.language ?? DEFAULT_LOCALE, `/workspace/reset-password#${token}`));
    if (!r) return link;
    const s = mailStringsFor(r.language);
    await this.send(
      this.toAccount(r),
      'password-reset',
      {
        subject: s.passwordReset.subject,
        name: r.displayName,
        paragraphs: s.passwordReset.body(byAdmin),
        action: { label: s.passwordReset.action, url: link },
        optional: false,
      },
      writer,
    );
    return link;
  }

  /**
   * "N entries await your review", to each reviewer who wants it, has had none in the last
   * hour, and has something to review. Returns how many were queued.
   */
  async reviewDigest(now: Date): Promise<number> {
    let queued = 0;
    for (const r of await this.queue.digestDue(now, DIGEST_EVERY_MS)) {
      const s = mailStringsFor(r.language);
      // Claimed and queued in one unit: a digest is never marked sent without being queued, and
      // one that another instance claimed first is not queued twice.
      const sent = await inTransaction(this.queue.database, async (tx) => {
        if (!(await this.queue.claimDigest(r.id, now, new Date(now.getTime() - DIGEST_EVERY_MS), tx))) return false;
        await this.send(
          this.toAccount(r),
          'review-digest',
          {
            subject: s.reviewDigest.subject(r.pending),
            name: r.displayName,
            paragraphs: s.reviewDigest.body(r.pending),
            action: { label: s.reviewDigest.action, url: this.url(pagePath(r.language, '/workspace/review')) },
            optional: true,
          },
          tx,
        );
        return true;
      });
      if (sent) queued++;
    }
    return queued;
  }

  /** Tells a volunteer their entry was published or rejected, with the reviewer's note. */
  async entryReviewed(evidenceId: number, writer?: Writer): Promise<void> {
    const entry = await this.queue.entryOutcome(evidenceId, writer);
    if (!entry?.submittedBy || (entry.status !== 'published' && entry.status !== 'rejected')) return;
    const r = await this.queue.recipient(entry.submittedBy, writer);
    if (!r || !r.notifyDecisions) return;
    const s = mailStringsFor(r.language);
    const t = entry.status === 'published' ? s.entryPublished : s.entryRejected;
    await this.send(
      this.toAccount(r),
      entry.status === 'published' ? 'entry-published' : 'entry-rejected',
      {
        subject: t.subject(entry.title),
        name: r.displayName,
        paragraphs: t.body(entry.title, entry.note),
        action: { label: t.action, url: this.url(pagePath(r.language, `/workspace/evidence/${evidenceId}`)) },
        optional: true,
      },
      writer,
    );
  }

  /**
   * A proposed change needs a second reviewer: every other reviewer and admin who wants
   * these hears of it. `path` is the workspace screen where it is reviewed.
   */
  async proposedChangeAwaitsSecondReviewer(
    input: { title: string; proposedBy: { id: number; displayName: string }; path: string },
    writer?: Writer,
  ): Promise<number> {
    let queued = 0;
    for (const r of await this.queue.reviewers(input.proposedBy.id, writer)) {
      if (!r.notifyChangesAndReplies) continue;
      const s = mailStringsFor(r.language);
      await this.send(
        this.toAccount(r),
        'second-review',
        {
          subject: s.secondReview.subject(input.title),
          name: r.displayName,
          paragraphs: s.secondReview.body(input.title, input.proposedBy.displayName),
          action: { label: s.secondReview.action, url: this.url(pagePath(r.language, input.path)) },
          optional: true,
        },
        writer,
      );
      queued++;
    }
    return queued;
  }

  /** A reply from an office (about a person or an entry) waits for a reviewer before it is shown. */
  async officeReplyAwaitsReview(
    input: { about: string; office: string | null; path: string; except?: number | null },
    writer?: Writer,
  ): Promise<number> {
    let queued = 0;
    for (const r of await this.queue.reviewers(input.except ?? null, writer)) {
      if (!r.notifyChangesAndReplies) continue;
      const s = mailStringsFor(r.language);
      await this.send(
        this.toAccount(r),
        'office-reply',
        {
          subject: s.officeReply.subject(input.about),
          name: r.displayName,
          paragraphs: s.officeReply.body(input.about, input.office),
          action: { label: s.officeReply.action, url: this.url(pagePath(r.language, input.path)) },
          optional: true,
        },
        writer,
      );
      queued++;
    }
    return queued;
  }
}
