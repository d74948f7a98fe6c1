import type { WorkspaceMessages } from './workspace-catalog.js';

/**
 * The Spanish of the workspace's `records` strings (issue 14: deleting and archiving, the
 * District Attorney today, choosing people by name, flyers, confirmations, the import limit).
 * The Spanish workspace catalog (workspace-es.ts) takes it as its `records` key; checked by
 * tests/i18n/translations.test.ts and tests/i18n/workspace-records.test.ts.
 */
export const recordsEs: WorkspaceMessages['records'] = {
  cancel: 'Cancelar',
  remove: (name: string) => `Borrar o archivar a ${name}…`,
  deleteTitle: (name: string) => `¿Borrar ${name}?`,
  deleteBody: 'Nada publicado depende de esto. Borrar no se puede deshacer.',
  deletesWith: 'También se borra:',
  deletedWith: {
    unpublishedEvidence: (n: number) => (n === 1 ? '1 registro de evidencia sin publicar' : `${n} registros de evidencia sin publicar`),
    unpublishedReplies: (n: number) => (n === 1 ? '1 respuesta sin publicar' : `${n} respuestas sin publicar`),
    candidates: (n: number) =>
      n === 1 ? 'su lista de 1 candidatura (la persona se queda)' : `su lista de ${n} candidaturas (las personas se quedan)`,
    events: (n: number) => (n === 1 ? 'su enlace a 1 evento (el evento se queda)' : `sus enlaces a ${n} eventos (los eventos se quedan)`),
  },
  deleteConfirm: (name: string) => `Borrar ${name}`,
  archiveInstead: 'Mejor archivar',
  archiveTitle: (name: string) => `¿Archivar ${name}?`,
  archiveBecause: 'No se puede borrar: hay registros publicados que dependen de esto.',
  keptBy: {
    publishedEvidence: (n: number) => (n === 1 ? '1 registro de evidencia publicado' : `${n} registros de evidencia publicados`),
    publishedReplies: (n: number) => (n === 1 ? '1 respuesta publicada' : `${n} respuestas publicadas`),
    elections: (n: number) =>
      n === 1 ? '1 elección lo incluye entre sus candidaturas' : `${n} elecciones lo incluyen entre sus candidaturas`,
  },
  archiveBody:
    'Archivar lo conserva como registro: sale de las listas públicas y su página sigue disponible, marcada como “archivada”. Puede restaurarlo cuando quiera.',
  archiveConfirm: (name: string) => `Archivar ${name}`,
  deleted: (name: string) => `Se borró ${name}.`,
  archived: (name: string) => `Se archivó ${name}.`,
  archivedTag: 'Archivado',
  archivedHeading: 'Archivado: se conserva como registro, no aparece en las listas públicas',
  restore: (name: string) => `Restaurar ${name}`,
  restored: (name: string) => `${name} vuelve a aparecer en las listas públicas.`,

  inOfficeHeading: 'El fiscal de distrito actual',
  inOfficeIntro:
    'La página de inicio muestra a esta persona como “El fiscal de distrito actual”, diga lo que diga su papel. Solo una persona a la vez: al marcar a alguien se desmarca a quien estaba.',
  inOfficeNow: (name: string) => `Marcada ahora: ${name}.`,
  inOfficeNone: 'No hay nadie marcado, así que la página de inicio dice que todavía no se ha marcado a nadie.',
  inOfficeDemo: 'Es una persona ficticia de los datos ficticios: marque al fiscal de distrito real para reemplazarla.',
  inOfficeTag: 'Fiscal de distrito actual',
  markInOffice: (name: string) => `Marcar a ${name} como fiscal de distrito actual`,
  unmarkInOffice: (name: string) => `Desmarcar a ${name}`,
  marked: (name: string) => `Ahora se muestra a ${name} como fiscal de distrito actual.`,
  unmarked: 'No hay nadie marcado como fiscal de distrito actual.',

  slug: 'Nombre en la dirección (slug): sugerido a partir del nombre, puede cambiarlo; después ya no se puede cambiar',
  slugPreview: (path: string) => `La dirección de la página terminará en ${path}`,
  candidates: 'Candidaturas, en el orden de la boleta electoral',
  noCandidates: 'Todavía no hay candidaturas.',
  addCandidate: 'Agregar una candidatura',
  choosePerson: 'Elija una persona',
  add: 'Agregar',
  moveUp: (name: string) => `Subir a ${name}`,
  moveDown: (name: string) => `Bajar a ${name}`,
  removeCandidate: (name: string) => `Quitar a ${name} de las candidaturas`,
  moveUpShort: 'Subir',
  moveDownShort: 'Bajar',
  removeShort: 'Quitar',
  participants: 'Personas que participan',
  noPeople: 'Todavía no hay nadie en la boleta de calificaciones: agregue personas en la pantalla Personas.',

  editEvent: (title: string) => `Editar ${title}`,
  saveEvent: (title: string) => `Guardar ${title}`,
  flyer: (title: string, mb: number) => `Volante de ${title}: una imagen PNG, JPEG o WebP, o un PDF, de ${mb} MB como máximo`,
  flyerTooLarge: (file: string, mb: number) =>
    `${file} pesa más de ${mb} MB, el máximo para un volante. Hágalo más pequeño (exporte el PDF para la web o guarde la imagen más pequeña) y vuelva a elegirlo.`,
  chooseFile: 'Primero elija un archivo.',
  currentFlyerPdf: 'El volante actual (PDF)',
  removeFlyer: (title: string) => `Quitar el volante de ${title}`,
  removeFlyerTitle: (title: string) => `¿Quitar el volante de ${title}?`,
  removeFlyerBody: 'Se borra el archivo; el evento se queda.',

  roleTitle: (name: string) => `¿Cambiar el papel de ${name}?`,
  roleBody: (from: string, to: string) => `De ${from} a ${to}.`,
  roleAccess: {
    volunteer: 'Una persona voluntaria registra evidencia y solo ve sus propios registros.',
    reviewer: 'Una persona del equipo de revisión también publica, rechaza, corrige y retira registros.',
    admin: 'Una persona administradora también puede cambiar personas, elecciones, cuentas y papeles.',
  },
  roleConfirm: (role: string) => `Darle el papel: ${role}`,
  disableTitle: (name: string) => `¿Desactivar la cuenta de ${name}?`,
  disableBody:
    'Se cierra su sesión en todas partes y no puede entrar hasta que una persona administradora active la cuenta. Lo que registró se queda.',
  enableTitle: (name: string) => `¿Activar la cuenta de ${name}?`,
  enableBody: 'Podrá entrar otra vez con su contraseña.',
  removeDemoTitle: '¿Quitar los datos ficticios?',

  fixFields: 'Revise estos campos:',
  allowance: (left: number, limit: number) =>
    `Hoy puede importar ${left} ${left === 1 ? 'fila' : 'filas'} más (cada cuenta puede importar ${limit} al día, 500 por archivo como máximo).`,
  notEnough: (rows: number, left: number) =>
    `Este archivo crearía ${rows} registros, pero hoy solo se pueden importar ${left} más. Importe menos filas ahora y el resto mañana.`,
  row: (line: number) => `Fila ${line}`,
};
