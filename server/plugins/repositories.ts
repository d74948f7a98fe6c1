import fp from 'fastify-plugin';
import { AdminRepository } from '../repositories/admin.js';
import { AuditLogRepository } from '../repositories/audit-log.js';
import { ElectionRepository } from '../repositories/elections.js';
import { EventRepository } from '../repositories/events.js';
import { EvidenceRepository } from '../repositories/evidence.js';
import { EvidenceWorkspaceRepository } from '../repositories/evidence-workspace.js';
import { EvidenceSearchRepository } from '../repositories/evidence-search.js';
import { EvidenceChangeRepository } from '../repositories/evidence-changes.js';
import { MethodologyRepository } from '../repositories/methodology.js';
import { ReplyRepository } from '../repositories/replies.js';
import { SiteRepository } from '../repositories/site.js';
import { ScorecardService } from '../repositories/scorecards.js';
import { StandardRepository } from '../repositories/standards.js';
import { StandardTextRepository } from '../repositories/standard-texts.js';
import { SubjectRepository } from '../repositories/subjects.js';
import { TranslationRepository } from '../repositories/translations.js';
import { InOfficeRepository } from '../repositories/in-office.js';
import { RemovalRepository } from '../repositories/removal.js';
import { ImportQuotaRepository } from '../repositories/import-quota.js';
import { InviteRepository, PasswordResetRepository, SessionRepository, UserRepository } from '../repositories/users.js';

export interface Repositories {
  standards: StandardRepository;
  standardTexts: StandardTextRepository;
  subjects: SubjectRepository;
  evidence: EvidenceRepository;
  elections: ElectionRepository;
  events: EventRepository;
  methodology: MethodologyRepository;
  scorecards: ScorecardService;
  evidenceWorkspace: EvidenceWorkspaceRepository;
  evidenceSearch: EvidenceSearchRepository;
  proposedChanges: EvidenceChangeRepository;
  users: UserRepository;
  sessions: SessionRepository;
  invites: InviteRepository;
  passwordResets: PasswordResetRepository;
  audit: AuditLogRepository;
  replies: ReplyRepository;
  admin: AdminRepository;
  site: SiteRepository;
  translations: TranslationRepository;
  removal: RemovalRepository;
  inOffice: InOfficeRepository;
  importQuota: ImportQuotaRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    repositories: Repositories;
  }
}

/** The queries, one repository per aggregate, on the app's database. */
export default fp(
  async (fastify) => {
    const standards = new StandardRepository(fastify.db);
    const evidence = new EvidenceRepository(fastify.db);
    const users = new UserRepository(fastify.db);
    const sessions = new SessionRepository(fastify.db);
    const evidenceWorkspace = new EvidenceWorkspaceRepository(fastify.db, evidence);
    fastify.decorate('repositories', {
      standards,
      standardTexts: new StandardTextRepository(fastify.db),
      subjects: new SubjectRepository(fastify.db),
      evidence,
      elections: new ElectionRepository(fastify.db),
      events: new EventRepository(fastify.db),
      methodology: new MethodologyRepository(fastify.db),
      scorecards: new ScorecardService(standards, evidence, () => fastify.dataVersion.value),
      evidenceWorkspace,
      evidenceSearch: new EvidenceSearchRepository(fastify.db, evidenceWorkspace),
      proposedChanges: new EvidenceChangeRepository(fastify.db, evidenceWorkspace),
      users,
      sessions,
      invites: new InviteRepository(fastify.db, users, sessions),
      passwordResets: new PasswordResetRepository(fastify.db, users),
      audit: new AuditLogRepository(fastify.db),
      replies: new ReplyRepository(fastify.db),
      admin: new AdminRepository(fastify.db),
      site: new SiteRepository(fastify.db),
      translations: new TranslationRepository(fastify.db),
      removal: new RemovalRepository(fastify.db),
      inOffice: new InOfficeRepository(fastify.db),
      importQuota: new ImportQuotaRepository(fastify.db),
    });
  },
  { name: 'repositories', dependencies: ['database'] },
);
