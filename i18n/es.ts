import type { Messages } from './en.js';

/**
 * Spanish UI strings, written for voters in plain, respectful Spanish (usted, gender-inclusive
 * where it reads naturally). Typed as `Messages`, so a key missing here fails the type check,
 * and tests/i18n compares the two catalogs key by key in the test command.
 */

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const es: Messages = {
  langTag: 'es-US',
  languageName: 'Español',
  siteName: 'Boleta de Calificaciones de la Fiscalía de Distrito',
  siteTagline: 'Condado de Sacramento',
  skipToContent: 'Saltar al contenido principal',
  navLabel: 'Principal',
  nav: { home: 'Inicio', election: 'Comparar candidaturas', methodology: 'Cómo se califica', events: 'Eventos' },
  demoBanner:
    'Las personas, la evidencia y los eventos de este sitio son ficticios y se muestran para que vea cómo funciona la boleta de calificaciones. No dicen nada de personas reales.',
  demoBadge: 'Datos ficticios',
  demoLabel: 'Sobre estos datos',
  footerAbout:
    'Una boleta de calificaciones de una coalición comunitaria. Cada calificación se calcula con un método publicado a partir de evidencia que cualquiera puede verificar.',
  footerData: 'Datos',
  exportCsv: 'Toda la evidencia (CSV)',
  exportJson: 'Toda la evidencia (JSON)',
  apiDocs: 'Documentación de la API',
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',

  grade: {
    label: (grade: string, score: number) => `Calificación ${grade}, ${score} de 100`,
    short: (grade: string) => `Calificación ${grade}`,
    none: 'No hay suficiente evidencia',
    noneShort: 'Sin calificación',
    key: 'A es la mejor calificación; F significa reprobado.',
    scoreOutOf: (score: number) => `${score} / 100`,
  },
  roles: {
    incumbent: 'Fiscal de distrito actual',
    candidate: 'Candidato/a a fiscal de distrito',
    former: 'Ex fiscal de distrito',
  },
  ratings: {
    '-2': 'Muy en contra del estándar',
    '-1': 'En contra del estándar',
    '0': 'Mixto o neutral',
    '1': 'A favor del estándar',
    '2': 'Muy a favor del estándar',
  },
  kinds: {
    action: 'Acción oficial',
    data: 'Datos publicados',
    statement: 'Declaración o promesa',
  },
  standardShort: {
    equity: 'Equidad',
    health: 'Salud',
    kids: 'Niños',
    alternatives: 'Alternativas',
    pretrial: 'Antes del juicio',
    bias: 'Prejuicios',
    transparency: 'Transparencia',
    engagement: 'Diálogo',
    immigrants: 'Inmigrantes',
    restoration: 'Restauración',
  },
  standardNumber: (n: number) => `Estándar ${n}`,
  standardTerms:
    'Programas de desvío: el caso puede terminar sin condena. Consecuencias colaterales: los efectos de un cargo o una condena más allá de la pena misma, como la deportación.',

  home: {
    title: '¿Está a la altura la Fiscalía de Distrito?',
    description:
      'Calificaciones de la Fiscalía de Distrito del Condado de Sacramento y de las candidaturas en diez estándares comunitarios, con la evidencia detrás de cada calificación.',
    intro:
      'Una coalición de organizaciones comunitarias del Condado de Sacramento publicó diez estándares para la Fiscalía de Distrito. Personas voluntarias registran evidencia con sus fuentes, un equipo de revisión la verifica, y cada calificación aquí enlaza con el registro que la respalda.',
    incumbentHeading: 'Quién dirige hoy la Fiscalía de Distrito',
    electionHeading: 'Compare las candidaturas',
    standardsHeading: 'Los diez estándares',
    peopleHeading: 'Las calificaciones de todas las personas',
    eventsHeading: 'Próximos eventos',
    noEvents: 'Todavía no hay próximos eventos.',
    allEvents: 'Todos los eventos',
    noIncumbent: 'Todavía no se ha marcado a nadie como fiscal de distrito actual.',
    noPeople: 'Todavía no se ha agregado a nadie a la boleta de calificaciones.',
    seeScorecard: (name: string) => `Calificaciones completas de ${name}`,
    seeElection: 'Ver la comparación lado a lado',
  },

  person: {
    description: (name: string, grade: string | null) =>
      grade
        ? `${name}: calificación general ${grade} en diez estándares comunitarios para la Fiscalía de Distrito, con la evidencia que la respalda.`
        : `${name}: calificaciones en diez estándares comunitarios para la Fiscalía de Distrito, con la evidencia que las respalda.`,
    overallHeading: 'Calificación general',
    coverage: (n: number, total: number) => `${n} de ${total} estándares tienen evidencia`,
    insufficient: (min: number) =>
      `Todavía no hay calificación general: se necesita evidencia en al menos ${min} de los diez estándares.`,
    noWeight: 'Todos los estándares con evidencia tienen peso 0, así que no hay calificación general.',
    asOf: (date: string) => `Datos al ${date}`,
    evidenceCount: (n: number) => `${n} ${plural(n, 'registro', 'registros')} de evidencia`,
    website: 'Sitio web',
    photo: (name: string) => `Foto de ${name}`,
    term: (start: string, end: string | null) => (end ? `En el cargo del ${start} al ${end}` : `En el cargo desde el ${start}`),
    runningIn: 'En la boleta electoral',
    standardsHeading: 'Estándar por estándar',
    radarHeading: 'De un vistazo',
    radarLabel: (name: string, list: string) => `Gráfica de radar de las puntuaciones de ${name} en los diez estándares: ${list}.`,
    trendHeading: 'A lo largo del tiempo',
    trendIntro:
      'La puntuación general y la de cada estándar, calculadas de nuevo con la evidencia conocida al final de cada periodo.',
    evidenceHeading: 'La evidencia',
    seeEvidence: (n: number) => `Ver ${n} ${plural(n, 'registro', 'registros')}`,
  },

  standardCard: {
    noEvidence: 'No hay suficiente evidencia',
    evidence: (n: number) => `${n} ${plural(n, 'registro', 'registros')}`,
  },

  evidence: {
    filterLabel: 'Mostrar evidencia sobre',
    allStandards: 'Todos los estándares',
    filterButton: 'Mostrar',
    shown: (n: number, total: number) =>
      n === total ? `${n} ${plural(n, 'registro', 'registros')}` : `Se muestran ${n} de ${total} registros`,
    none: 'Todavía no hay evidencia pública.',
    noneForStandard: 'Todavía no hay evidencia pública sobre este estándar.',
    rating: 'Valoración de la evidencia',
    kind: 'Tipo',
    date: 'Ocurrió el',
    standard: 'Estándar',
    sources: 'Fuentes',
    archived: 'copia archivada',
    retracted: 'Retirada',
    retractedReason: (reason: string) => `Retirada, ya no cuenta: ${reason}`,
    corrected: (date: string, note: string) => `Corregida el ${date}: ${note}`,
  },

  priorities: {
    heading: 'Sus prioridades',
    summary: 'Dé su propio peso a los estándares',
    intro:
      'Algunos estándares pueden importarle más. Dé a cada uno un peso de 0 (no cuenta) a 3 (cuenta tres veces) y la calificación general se calcula de nuevo al instante con el mismo método. Copie la dirección de la página para compartir sus prioridades.',
    noScript: 'Active JavaScript para dar su propio peso a los estándares.',
    weightWords: ['No cuenta', 'Normal', 'Doble', 'Triple'],
    weightValue: (weight: number, word: string) => `${word} (×${weight})`,
    reset: 'Volver a pesos iguales',
    equal: 'Se muestran los pesos iguales de la coalición: todos los estándares cuentan lo mismo.',
    custom: (list: string) => `Se muestran sus prioridades: ${list}. Los demás estándares cuentan de forma normal.`,
    customItem: (standard: string, weight: number) => `${standard} ×${weight}`,
    label: (title: string) => `Peso de ${title}`,
  },

  election: {
    description: (name: string) =>
      `${name}: las candidaturas lado a lado en diez estándares comunitarios para la Fiscalía de Distrito.`,
    date: (date: string) => `Día de la elección: ${date}`,
    registration: (date: string) => `Si puede votar, regístrese a más tardar el ${date}`,
    officialInfo: 'Información oficial de la elección',
    tableHeading: 'Estándar por estándar',
    tableCaption: 'La calificación y la puntuación de cada candidatura en los diez estándares',
    standardColumn: 'Estándar',
    overallRow: 'General',
    chartHeading: 'Puntuaciones lado a lado',
    chartLabel: (list: string) => `Gráfica de barras de las puntuaciones de las candidaturas en cada estándar. ${list}`,
    print: 'Imprimir una guía para votantes de una página',
    printNote: 'Guía para votantes impresa desde',
    noCandidates: 'Todavía no se han agregado candidaturas a esta elección.',
    candidatesHeading: 'Las candidaturas',
  },

  standard: {
    description: (title: string) =>
      `Qué significa el estándar “${title}”, el poder de la Fiscalía de Distrito sobre él y la calificación de cada persona.`,
    meaning: 'Qué significa',
    power: 'El poder de la Fiscalía de Distrito sobre este estándar',
    indicators: 'Qué evidencia cuenta',
    gradesHeading: 'La calificación de cada persona en este estándar',
    person: 'Persona',
    gradeColumn: 'Calificación',
    latest: 'Evidencia más reciente',
    noEvidence: 'Todavía sin evidencia',
    others: 'Los demás estándares',
  },

  methodology: {
    title: 'Cómo se califica',
    description:
      'El método publicado que convierte evidencia con fuentes en calificaciones, paso a paso, con un ejemplo resuelto.',
    intro:
      'Cada calificación de este sitio sale del mismo método publicado, aplicado por una computadora a evidencia revisada. Nadie asigna una calificación a mano.',
    version: (v: number) => `Versión ${v} del método`,
    stepsHeading: 'El método en palabras sencillas',
    pointsHeading: 'Puntos por cada valoración de la evidencia',
    ratingColumn: 'Valoración de la evidencia',
    pointsColumn: 'Puntos',
    kindsHeading: 'Peso de cada tipo de evidencia',
    kindColumn: 'Tipo',
    weightColumn: 'Peso',
    gradesHeading: 'Escala de calificaciones',
    gradeColumn: 'Calificación',
    fromColumn: 'Puntuación desde',
    exampleHeading: 'Un ejemplo resuelto',
    example: (calculation: string, grade: string) =>
      `En un estándar, una acción oficial con valoración +2 y una declaración con valoración −1 dan ${calculation}, una calificación ${grade}.`,
    prioritiesHeading: 'Sus prioridades',
    priorities:
      'En la página de una persona o de una elección usted puede dar su propio peso a los estándares. El mismo método calcula la puntuación general como un promedio ponderado (un promedio en el que los estándares con más peso cuentan más); la cobertura (cuántos estándares tienen evidencia) sigue contando todos los estándares con evidencia. Sus pesos son solo suyos: viven en la dirección de la página y nunca se guardan.',
    reviewHeading: 'Cómo se revisa la evidencia',
    dataHeading: 'Verifique nuestro trabajo',
    data: 'Toda la evidencia pública se puede descargar, y todo lo que hay en este sitio está disponible como JSON abierto.',
    methodJson: 'El método en JSON',
  },

  events: {
    title: 'Eventos',
    description: 'Foros de candidaturas y otros eventos públicos sobre la Fiscalía de Distrito.',
    upcoming: 'Próximos',
    past: 'Pasados',
    noUpcoming: 'Todavía no hay próximos eventos.',
    noPast: 'No hay eventos pasados.',
    with: 'Con',
    where: 'Dónde',
    moreInfo: 'Más información',
    flyer: (title: string) => `Volante de ${title}`,
  },

  charts: {
    noScript: 'La gráfica necesita JavaScript; los mismos números están en la tabla.',
    loadFailed: 'No se pudo dibujar la gráfica; los mismos números están en la tabla.',
    showTable: 'Ver los números como tabla',
    overall: 'General',
    date: 'Fecha',
    scoreAxis: 'Puntuación (0 a 100)',
    trendLoading: 'Cargando el historial…',
    trendError: 'No se pudo cargar el historial.',
    trendEmpty: 'Todavía no hay evidencia, así que no hay historial que mostrar.',
    trendLabel: (name: string, first: string, last: string) =>
      `Gráfica de líneas de la puntuación general de ${name} a lo largo del tiempo, de ${first} a ${last}. Los números están en la tabla de abajo.`,
    noScore: 'ninguna',
  },

  share: {
    imageAlt: (title: string) => `${title}: calificaciones en la boleta de calificaciones de la Fiscalía de Distrito`,
    previewTitle: (name: string, grade: string | null, score: number | null) =>
      grade === null || score === null
        ? `${name} en la boleta de calificaciones de la Fiscalía`
        : `${name}: ${grade} (${score}/100) en la boleta de calificaciones de la Fiscalía`,
    demo: 'Datos ficticios',
    weighted: 'Con las prioridades de una persona votante',
    standardOn: (title: string) => `En «${title}»`,
  },

  notFound: {
    title: 'Página no encontrada',
    body: 'No encontramos esa página. Puede que el enlace tenga un error o que la página se haya movido.',
    home: 'Ir a la página de inicio',
  },
  serverError: {
    title: 'Algo salió mal',
    body: 'No se pudo mostrar la página. Por favor, intente de nuevo en un momento.',
  },
};
