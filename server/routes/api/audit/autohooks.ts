import { folderRole } from '../../../plugins/auth.js';

/**
 * The audit log is for reviewers and admins (see server/plugins/auth.ts, folderRole): admins
 * read every row, reviewers the public record's history (the route narrows it).
 */
export default folderRole('reviewer');
