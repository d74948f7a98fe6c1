// Entry of the public web app: the served HTML is complete; this enhances it.
// The grade colours and shapes, generated from core/grade-palette.ts (vite.config.ts).
import 'virtual:grade-palette.css';
import './styles/app.css';
import './styles/embed-kit.css';
import { defineComponents } from '../components/define.js';
import { enhanceElectionPage } from './pages/election.js';
import { enhancePersonPage } from './pages/person.js';
import { enhanceReplyPage } from './pages/reply.js';
import { enhanceLanguageSwitch } from './language-switch.js';
import { enhanceSiteMenu } from './site-menu.js';

defineComponents();
enhanceSiteMenu();
enhanceLanguageSwitch();

const page = document.body.dataset.page;
if (page === 'person') enhancePersonPage();
else if (page === 'election') enhanceElectionPage();
else if (page === 'reply') enhanceReplyPage();
