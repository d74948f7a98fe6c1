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
  /** The name under the icon on a phone's home screen (the web app manifest's short_name). */
  appShortName: 'Calificaciones DA',
  siteTagline: 'Condado de Sacramento',
  skipToContent: 'Saltar al contenido principal',
  navLabel: 'Principal',
  nav: { home: 'Inicio', election: 'Comparar candidaturas', methodology: 'Cómo se califica', events: 'Eventos' },
  demoBanner:
    'Las personas, la evidencia y los eventos de este sitio son ficticios y se muestran para que vea cómo funciona la boleta de calificaciones. No dicen nada de personas reales.',
  demoBadge: 'Datos ficticios',
  demoBannerShort: 'No son personas reales.',
  menu: 'Menú',
  demoLabel: 'Sobre estos datos',
  archivedNote: (what: 'person' | 'election', day: string) =>
    `Archivado el ${day}: se conserva como registro y ya no aparece en las listas de este sitio.${what === 'person' ? ' La evidencia publicada sobre esta persona sigue abajo.' : ''}`,
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
    aboutLabel: (name: string) => `Sobre ${name}`,
    description: (name: string, grade: string | null) =>
      grade
        ? `${name}: calificación general ${grade} en diez estándares comunitarios para la Fiscalía de Distrito, con la evidencia que la respalda.`
        : `${name}: calificaciones en diez estándares comunitarios para la Fiscalía de Distrito, con la evidencia que las respalda.`,
    overallHeading: 'Calificación general',
    coverage: (n: number, total: number) => `${n} de ${total} estándares tienen evidencia`,
    insufficient: (min: number) => `Todavía no hay calificación general: se necesita evidencia en al menos ${min} de los diez estándares.`,
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
    trendIntro: 'La puntuación general y la de cada estándar, calculadas de nuevo con la evidencia conocida al final de cada periodo.',
    evidenceHeading: 'La evidencia',
    strongest: 'Puntos más fuertes',
    weakest: 'Puntos más débiles',
    /** Before the title of the entry that weighs most in a standard's score. */
    weighsMost: 'Lo que más pesa:',
    seeEvidence: (n: number) => `Ver ${n} ${plural(n, 'registro', 'registros')}`,
  },

  standardCard: {
    noEvidence: 'No hay suficiente evidencia',
    evidence: (n: number) => `${n} ${plural(n, 'registro', 'registros')}`,
    recent: 'Lo más reciente:',
    showAll: (n: number) => `Mostrar los ${n} registros`,
    /** The toggle over a standard's retracted entries. */
    retracted: (n: number) => `Registros retirados (${n})`,
  },

  evidence: {
    filterLabel: 'Mostrar evidencia sobre',
    allStandards: 'Todos los estándares',
    filterButton: 'Mostrar',
    shown: (n: number, total: number) =>
      n === total ? `${n} ${plural(n, 'registro', 'registros')}` : `Se muestran ${n} de ${total} registros`,
    recentOf: (n: number, total: number) => `Los ${n} registros más recientes de ${total}; elija un estándar para ver todos sus registros`,
    none: 'Todavía no hay evidencia pública.',
    noneForStandard: 'Todavía no hay evidencia pública sobre este estándar.',
    rating: 'Valoración de la evidencia',
    kind: 'Tipo',
    date: 'Ocurrió el',
    standard: 'Estándar',
    sources: 'Fuentes',
    archived: 'copia archivada',
    retracted: 'Retirada',
    retractedReason: (reason: string) => `Ya no cuenta: ${reason}`,
    corrected: (date: string, note: string) => `Corregida el ${date}: ${note}`,
  },

  evidencePage: {
    description: (title: string, person: string) => `Evidencia sobre ${person}: ${title}. Sus fuentes, cómo cuenta y su historial público.`,
    eyebrow: 'Registro de evidencia',
    permalink: (title: string) => `La página de “${title}”`,
    person: 'Persona',
    standard: 'Estándar',
    counts: 'Cómo cuenta',
    countsWeight: (kind: string, weight: number) => `${kind}: peso ${weight}.`,
    countsNow: (person: string, standard: string, grade: string) => `Calificación de ${person} en ${standard} con este registro: ${grade}.`,
    countsWithout: (grade: string) => `Sin este registro: ${grade}.`,
    noGrade: 'sin calificación',
    notCounted: 'Retirado: ya no cuenta en ninguna calificación.',
    historyHeading: 'Historial público',
    history: {
      submitted: 'Enviado por una persona voluntaria',
      published: 'Revisado y publicado por una persona del equipo de revisión',
      corrected: 'Corregido, con la aprobación de una segunda persona del equipo de revisión',
      retracted: 'Retirado, con la aprobación de una segunda persona del equipo de revisión',
    } as Record<string, string>,
    changed: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
    fields: {
      subject: 'Persona',
      standard: 'Estándar',
      rating: 'Valoración',
      kind: 'Tipo',
      title: 'Título',
      summary: 'Resumen',
      occurredOn: 'Ocurrió el',
      sources: 'Fuentes',
    } as Record<string, string>,
    sourcesChanged: 'se cambiaron las fuentes',
    review:
      'Una segunda persona revisa cada registro antes de que cuente, y una segunda persona del equipo de revisión aprueba cada corrección o retiro.',
    back: (person: string) => `Toda la evidencia sobre ${person}`,
  },

  replies: {
    from: (person: string) => `Respuesta de la oficina de ${person}`,
    on: (date: string) => `publicada el ${date}`,
    link: 'su enlace',
    note: 'Una respuesta nunca cambia una calificación. Solo revisamos las respuestas para evitar abusos, nunca para ver si estamos de acuerdo.',
    invited: (date: string) => `Se invitó a su oficina a responder el ${date}.`,
    invitedReplied: (date: string) => `Se invitó a su oficina a responder el ${date}; la oficina respondió.`,
    invitedSilent: (date: string) => `Se invitó a su oficina a responder el ${date}; todavía no hay respuesta.`,
  },

  replyPage: {
    title: (person: string) => `Responder a la boleta de calificaciones de ${person}`,
    intro: (person: string) =>
      `Este enlace privado permite que la oficina o la campaña de ${person} responda públicamente a la boleta de calificaciones. Elija un registro de evidencia o un estándar, escriba su respuesta (máximo 2,000 caracteres) y, si quiere, agregue un enlace. La coalición solo revisa las respuestas para evitar abusos (amenazas, datos personales, spam), nunca para ver si está de acuerdo; una vez publicada, su respuesta aparece junto al registro o al estándar, marcada como suya. Una respuesta nunca cambia una calificación.`,
    about: '¿A qué responde?',
    aboutStandards: 'Un estándar completo',
    aboutEntries: 'Un registro de evidencia',
    body: 'Su respuesta',
    bodyHelp: 'Máximo 2,000 caracteres. Se muestra tal como la escriba.',
    url: 'Enlace (opcional)',
    urlHelp: 'Por ejemplo, su propio comunicado o datos (http o https).',
    submit: 'Enviar la respuesta para publicarla',
    sent: 'Gracias. Recibimos su respuesta y aparecerá cuando se revise.',
    failed: (message: string) => `No se pudo enviar la respuesta: ${message}`,
    needsScript: 'Para enviar una respuesta se necesita JavaScript.',
    invalidTitle: 'Este enlace para responder no es válido',
    invalidBody: 'Puede que haya vencido o que se haya anulado. Pida uno nuevo a la coalición.',
    entriesHeading: 'Evidencia publicada',
    standardsHeading: 'Los diez estándares',
  },

  unsubscribePage: {
    title: 'Desactivar estos correos',
    topics: {
      'review-queue': '“Hay registros esperando su revisión”, como máximo una vez por hora',
      decisions: 'Cuando el equipo de revisión publica o rechaza uno de sus registros',
      'changes-and-replies':
        'Cambios propuestos que esperan a una segunda persona del equipo de revisión, y respuestas de una oficina que esperan revisión',
    },
    question: (address: string) => `¿Dejar de enviar estos correos a ${address}?`,
    submit: 'Desactivarlos',
    doneTitle: 'Estos correos están desactivados',
    done: (address: string) => `Ya no enviaremos estos correos a ${address}.`,
    others:
      'Las invitaciones y los enlaces para cambiar la contraseña siempre se envían. Para volver a activar estos correos, o desactivar otros, inicie sesión y abra “Correos que puede desactivar” en su cuenta.',
    account: 'Abrir mis opciones de correo',
    invalidTitle: 'Este enlace no es válido',
    invalidBody: 'Puede que se haya copiado incompleto. Inicie sesión y abra su cuenta para elegir qué correos recibe.',
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
    description: (name: string) => `${name}: las candidaturas lado a lado en diez estándares comunitarios para la Fiscalía de Distrito.`,
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
    standing: (s: { leads: number; trails: number; ties: number; only: number; noEvidence: number }) => {
      const std = (n: number) => `${n} ${n === 1 ? 'estándar' : 'estándares'}`;
      const compared = [
        s.leads ? `tiene la puntuación más alta en ${std(s.leads)}` : '',
        s.trails ? `queda por debajo en ${s.leads ? s.trails : std(s.trails)}` : '',
        s.ties ? `empata en ${s.leads || s.trails ? s.ties : std(s.ties)}` : '',
      ].filter(Boolean);
      const parts = [
        compared.join(', '),
        s.only ? `es la única candidatura con evidencia en ${std(s.only)}` : '',
        s.noEvidence ? `no hay suficiente evidencia en ${s.leads || s.trails || s.ties || s.only ? s.noEvidence : std(s.noEvidence)}` : '',
      ].filter(Boolean);
      const sentence = parts.join('; ');
      return sentence ? `${sentence[0].toUpperCase()}${sentence.slice(1)}.` : '';
    },
    registerNoDate: 'Si puede votar, regístrese antes del día de la elección.',
    registerLink: 'Registrarse para votar (Secretaría de Estado de California)',
    sameDayLink: 'Registro el mismo día (inscripción condicional de votantes)',
    registeringSameDay:
      '¿Se le pasó la fecha? En California todavía puede registrarse y votar el mismo día, hasta el día de la elección inclusive, en la oficina electoral del condado o en un centro de votación (inscripción condicional de votantes).',
    sameDay: (deadline: string) =>
      `La fecha límite para registrarse por internet o por correo fue el ${deadline}. Todavía puede registrarse y votar el mismo día, hasta el día de la elección inclusive, en la oficina electoral del condado o en un centro de votación: esto se llama inscripción condicional de votantes.`,
    electionDay:
      'Hoy es el día de la elección: los centros de votación abren de 7 a. m. a 8 p. m. ¿Todavía no se ha registrado? Puede registrarse y votar hoy en un centro de votación (inscripción condicional de votantes).',
    counting: (date: string) => `El día de la elección fue el ${date}. Los resultados aparecerán aquí cuando se conozcan.`,
    resultsHeading: 'Resultados',
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
    description: 'El método publicado que convierte evidencia con fuentes en calificaciones, paso a paso, con un ejemplo resuelto.',
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
    flyerPdf: (title: string) => `Volante de ${title} (PDF)`,
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
    trendChoose: 'Agregar la línea de un estándar',
    trendAlso: (list: string) => `También se muestran: ${list}.`,
    trendTable: 'El historial en una tabla',
    noScore: 'ninguna',
  },

  embed: {
    footerLink: 'Ponga una boleta de calificaciones en su sitio web',
    title: 'Ponga una boleta de calificaciones en su sitio web',
    description:
      'Inserte la boleta de calificaciones del fiscal de distrito en el sitio web de su organización: un script, un iframe o una imagen, con pasos para Wix, Squarespace y WordPress.',
    intro:
      'Elija una persona, un estándar o una elección, y cómo mostrarlo. La vista previa es lo que verán sus visitantes; copie el código que acepta su sitio web. Cada widget muestra la fecha de sus calificaciones y la coalición que las publica, y enlaza a la boleta de calificaciones completa y a cómo se califica.',
    empty: 'Todavía no hay boletas de calificaciones para insertar.',
    show: 'Mostrar',
    variants: {
      card: { name: 'Tarjeta', hint: 'la calificación general de una persona y los diez estándares' },
      chart: { name: 'Gráfica', hint: 'las diez puntuaciones de una persona en una gráfica de radar, con una tabla' },
      badge: { name: 'Un estándar', hint: 'la calificación de una persona en un estándar' },
      compare: { name: 'Elección', hint: 'las candidaturas de una elección, una al lado de otra' },
    },
    person: 'Persona',
    standard: 'Estándar',
    election: 'Elección',
    widgetLanguage: 'Idioma del widget',
    previewWidth: 'Ancho de la vista previa',
    widthOption: (px: number) => `${px} px`,
    update: 'Actualizar la vista previa',
    preview: 'Vista previa',
    previewAt: (px: number) => `Así se ve en una columna de ${px} px de ancho`,
    copyHeading: 'Copie un código',
    codeToCopy: (what: string) => `${what}: código para copiar`,
    copy: (what: string) => `Copiar el código: ${String(what).toLowerCase()}`,
    copied: (what: string) => `Código copiado (${String(what).toLowerCase()}).`,
    copiedButton: 'Copiado',
    script: 'Script',
    scriptHelp:
      'Lo mejor si su sitio web acepta HTML con scripts. Se ajusta al ancho de su página y se puede adaptar a sus colores (vea abajo).',
    iframe: 'Iframe',
    iframeHelp:
      'Para creadores de sitios web que solo aceptan un iframe. La línea del script es opcional: hace que el marco crezca para mostrar todo. Las páginas que ya usan pym.js o AMP no necesitan otro script: el marco habla con los dos.',
    previewIframe: 'Vista previa del iframe',
    image: 'Imagen',
    imageHelp: 'Para correo electrónico, foros y cualquier lugar donde no se permiten scripts ni marcos.',
    markdown: 'Markdown',
    markdownHelp: 'La misma imagen para foros y páginas en Markdown.',
    imageNote: 'Las imágenes muestran a una sola persona: elija Tarjeta, Gráfica o Un estándar para tener el código de una imagen.',
    stepsHeading: 'Paso a paso en su sitio web',
    steps: {
      wix: {
        name: 'Wix',
        steps: [
          'En el editor, elija Agregar (+), luego Código de inserción (Embed Code) y luego Insertar HTML (Embed HTML).',
          'Elija “Código”, pegue el código del iframe de arriba y seleccione Actualizar.',
          'Arrastre el borde de abajo del cuadro hasta la altura de la tabla de abajo para el ancho de su cuadro (en Wix los cuadros no crecen solos).',
        ],
      },
      squarespace: {
        name: 'Squarespace',
        steps: [
          'Edite la página, elija un punto para insertar (+) y elija Código (Code).',
          'Pegue el código del script (o el del iframe) y deje apagado “Mostrar fuente” (Display source).',
          'Guarde. Squarespace muestra los scripts solo en la página publicada, no en el editor.',
        ],
      },
      wordpress: {
        name: 'WordPress',
        steps: [
          'Pegue la dirección de la página de una persona o de una elección en su propia línea: WordPress la inserta (oEmbed).',
          'O agregue un bloque HTML personalizado (Custom HTML) y pegue el código del script.',
          'En los planes de WordPress.com sin plugins se quitan los scripts: use el código del iframe en un bloque HTML personalizado.',
        ],
      },
      html: {
        name: 'HTML',
        steps: ['Pegue el código del script donde debe aparecer la boleta de calificaciones. Toma el ancho del elemento donde está.'],
      },
    },
    heightsHeading: 'Alturas para cuadros de altura fija',
    heightsIntro:
      'Algunos creadores de sitios web dan a lo insertado una altura fija y nunca la cambian. Ponga por lo menos esta altura (en píxeles) según el ancho del cuadro, para que no se corte nada. La altura de una elección es para tres candidaturas; cada una más necesita como una quinta parte más.',
    heightsCaption: 'Altura que debe poner, según la variante y el ancho del cuadro',
    variantColumn: 'Variante',
    widthColumn: (from: number, to: number | null) => (to === null ? `${from} px o más de ancho` : `de ${from} a ${to} px de ancho`),
    themeHeading: 'Adáptelo a su sitio web',
    themeIntro:
      'El widget del script acepta estos atributos: subject (una persona), variant (card, chart, badge o compare), standard (con badge), election (con compare) y lang. Los colores y las fuentes siguen propiedades CSS personalizadas puestas en el elemento, por ejemplo:',
    themeExample: 'Ejemplo de colores y fuentes',
    themeMore: 'La lista completa de propiedades y partes está en el README del proyecto, en “Widgets for partner sites”.',
    shieldsHeading: 'Para archivos README y shields.io',
    shieldsIntro:
      'Un punto de acceso para shields.io da una insignia pequeña con la calificación general de una persona (o de un estándar con ?standard=):',
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
