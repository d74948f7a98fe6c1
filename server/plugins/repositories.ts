import fp from 'fastify-plugin';
import { ElectionRepository } from '../repositories/elections.js';
import { EventRepository } from '../repositories/events.js';
import { EvidenceRepository } from '../repositories/evidence.js';
import { MethodologyRepository } from '../repositories/methodology.js';
import { ScorecardService } from '../repositories/scorecards.js';
import { StandardRepository } from '../repositories/standards.js';
import { SubjectRepository } from '../repositories/subjects.js';

export interface Repositories {
  standards: StandardRepository;
  subjects: SubjectRepository;
  evidence: EvidenceRepository;
  elections: ElectionRepository;
  events: EventRepository;
  methodology: MethodologyRepository;
  scorecards: ScorecardService;
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
    fastify.decorate('repositories', {
      standards,
      subjects: new SubjectRepository(fastify.db),
      evidence,
      elections: new ElectionRepository(fastify.db),
      events: new EventRepository(fastify.db),
      methodology: new MethodologyRepository(fastify.db),
      scorecards: new ScorecardService(standards, evidence, () => fastify.dataVersion.value),
    });
  },
  { name: 'repositories', dependencies: ['database'] },
);
