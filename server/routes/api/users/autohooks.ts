import { folderRole } from '../../../plugins/auth.js';

/** Every route in this folder is for admins (see server/plugins/auth.ts, folderRole). */
export default folderRole('admin');
