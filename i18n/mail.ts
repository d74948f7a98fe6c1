import type { Locale } from './locales.js';

/**
 * Every word of the emails the app sends, per language (the recipient's account setting).
 * A message is a subject, a greeting, paragraphs, one call to action with its link, and for
 * the optional ones a footer that says how to turn them off. Spanish follows
 * /work/shared/GLOSSARY-es.md: "registro" for an entry, "persona del equipo de revisión".
 */
export interface MailStrings {
  appName: string;
  greeting(name: string | null): string;
  signature: string;
  optionalFooter: string;
  turnOff: string;
  roles: Record<'volunteer' | 'reviewer' | 'admin', string>;
  invitation: {
    subject: string;
    body(inviter: string, role: string, expiresOn: string): string[];
    action: string;
  };
  passwordReset: {
    subject: string;
    body(byAdmin: boolean): string[];
    action: string;
  };
  reviewDigest: {
    subject(count: number): string;
    body(count: number): string[];
    action: string;
  };
  entryPublished: { subject(title: string): string; body(title: string, note: string | null): string[]; action: string };
  entryRejected: { subject(title: string): string; body(title: string, note: string | null): string[]; action: string };
  secondReview: { subject(title: string): string; body(title: string, proposedBy: string): string[]; action: string };
  officeReply: { subject(about: string): string; body(about: string, office: string | null): string[]; action: string };
}

const en: MailStrings = {
  appName: 'DA accountability scorecard',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  signature: 'The scorecard workspace',
  optionalFooter: 'You receive this optional email because of your notification choices.',
  turnOff: 'Turn these emails off on your account page',
  roles: { volunteer: 'volunteer', reviewer: 'reviewer', admin: 'admin' },
  invitation: {
    subject: 'You are invited to the scorecard workspace',
    body: (inviter, role, expiresOn) => [
      `${inviter} invited you to log and check evidence for the DA accountability scorecard, as a ${role}.`,
      `Open the link below to choose your name and a password. It works once, until ${expiresOn}.`,
    ],
    action: 'Accept the invitation',
  },
  passwordReset: {
    subject: 'Choose a new password',
    body: (byAdmin) => [
      byAdmin
        ? 'An admin of the scorecard workspace sent you a link to choose a new password.'
        : 'Someone, probably you, asked to reset the password of your scorecard workspace account.',
      'The link works once, for one hour. Choosing a new password signs you out everywhere else.',
      'If you did not ask for this, ignore this email: your password stays the same.',
    ],
    action: 'Choose a new password',
  },
  reviewDigest: {
    subject: (n) => (n === 1 ? '1 entry awaits your review' : `${n} entries await your review`),
    body: (n) => [
      n === 1
        ? 'One evidence entry is waiting for a reviewer before it counts.'
        : `${n} evidence entries are waiting for a reviewer before they count.`,
    ],
    action: 'Open the review queue',
  },
  entryPublished: {
    subject: (title) => `Published: “${title}”`,
    body: (title, note) => [
      `A reviewer published your entry “${title}”. It now counts on the public scorecard.`,
      ...(note ? [`The reviewer’s note: ${note}`] : []),
    ],
    action: 'See the entry',
  },
  entryRejected: {
    subject: (title) => `Not published: “${title}”`,
    body: (title, note) => [
      `A reviewer did not publish your entry “${title}”.`,
      note ? `The reviewer’s note: ${note}` : 'The reviewer left no note.',
    ],
    action: 'See the entry',
  },
  secondReview: {
    subject: (title) => `A proposed change awaits a second reviewer: “${title}”`,
    body: (title, proposedBy) => [`${proposedBy} proposed a change to “${title}”. It needs a second reviewer before it takes effect.`],
    action: 'Review the proposed change',
  },
  officeReply: {
    subject: (about) => `A reply from an office awaits review: ${about}`,
    body: (about, office) => [
      `${office ? `${office} sent` : 'An office sent'} a reply about ${about}. It is waiting for a reviewer before it is shown.`,
    ],
    action: 'Review the reply',
  },
};

const es: MailStrings = {
  appName: 'Boleta de calificaciones de la Fiscalía de Distrito',
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  signature: 'El espacio de trabajo de la boleta de calificaciones',
  optionalFooter: 'Usted recibe este correo opcional según sus preferencias de avisos.',
  turnOff: 'Desactive estos correos en la página de su cuenta',
  roles: { volunteer: 'voluntario o voluntaria', reviewer: 'persona del equipo de revisión', admin: 'administración' },
  invitation: {
    subject: 'Tiene una invitación al espacio de trabajo de la boleta de calificaciones',
    body: (inviter, role, expiresOn) => [
      `${inviter} le invitó a registrar y revisar evidencia para la boleta de calificaciones de la fiscal de distrito, con el papel de ${role}.`,
      `Abra el enlace de abajo para elegir su nombre y una contraseña. Funciona una sola vez, hasta el ${expiresOn}.`,
    ],
    action: 'Aceptar la invitación',
  },
  passwordReset: {
    subject: 'Elija una contraseña nueva',
    body: (byAdmin) => [
      byAdmin
        ? 'Una persona de la administración del espacio de trabajo le envió un enlace para elegir una contraseña nueva.'
        : 'Alguien, probablemente usted, pidió cambiar la contraseña de su cuenta del espacio de trabajo.',
      'El enlace funciona una sola vez, durante una hora. Al elegir una contraseña nueva, se cierran sus otras sesiones.',
      'Si usted no lo pidió, no haga nada: su contraseña no cambia.',
    ],
    action: 'Elegir una contraseña nueva',
  },
  reviewDigest: {
    subject: (n) => (n === 1 ? '1 registro espera su revisión' : `${n} registros esperan su revisión`),
    body: (n) => [
      n === 1
        ? 'Un registro de evidencia espera a una persona del equipo de revisión antes de contar.'
        : `${n} registros de evidencia esperan a una persona del equipo de revisión antes de contar.`,
    ],
    action: 'Abrir la lista de revisión',
  },
  entryPublished: {
    subject: (title) => `Publicado: «${title}»`,
    body: (title, note) => [
      `El equipo de revisión publicó su registro «${title}». Ya cuenta en la boleta de calificaciones pública.`,
      ...(note ? [`Nota del equipo de revisión: ${note}`] : []),
    ],
    action: 'Ver el registro',
  },
  entryRejected: {
    subject: (title) => `No publicado: «${title}»`,
    body: (title, note) => [
      `El equipo de revisión no publicó su registro «${title}».`,
      note ? `Nota del equipo de revisión: ${note}` : 'El equipo de revisión no dejó ninguna nota.',
    ],
    action: 'Ver el registro',
  },
  secondReview: {
    subject: (title) => `Un cambio propuesto espera una segunda revisión: «${title}»`,
    body: (title, proposedBy) => [
      `${proposedBy} propuso un cambio a «${title}». Necesita una segunda persona del equipo de revisión antes de aplicarse.`,
    ],
    action: 'Revisar el cambio propuesto',
  },
  officeReply: {
    subject: (about) => `Una respuesta de una oficina espera revisión: ${about}`,
    body: (about, office) => [
      `${office ? `${office} envió` : 'Una oficina envió'} una respuesta sobre ${about}. Espera una revisión antes de mostrarse.`,
    ],
    action: 'Revisar la respuesta',
  },
};

const MAIL: Record<Locale, MailStrings> = { en, es };

export function mailStringsFor(locale: Locale): MailStrings {
  return MAIL[locale];
}
