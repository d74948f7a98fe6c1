import type { StandardSeed } from './standards.js';

/**
 * Spanish text of the ten standards, written for voters in plain, respectful Spanish. Titles
 * follow the meaning of the coalition's English titles rather than translating word for word.
 * Admins can edit it afterwards; seeding never overwrites edited text.
 */
export const STANDARD_SEEDS_ES: Record<string, Omit<StandardSeed, 'number' | 'slug'>> = {
  equity: {
    title: 'Impactos en la equidad / Justicia para todas las identidades',
    summary:
      'Todas las personas merecen un trato justo, sin importar su raza, origen étnico, género, orientación sexual, discapacidad o ingresos. Este estándar pregunta si la Fiscalía de Distrito revisa a quién se acusa y se castiga, y si trabaja para cerrar las brechas cuando algunos grupos reciben un trato más duro que otros por la misma conducta.',
    daPower:
      'La Fiscalía decide qué casos presentar, qué cargos imputar, qué acuerdos de culpabilidad ofrecer (cuando la persona se declara culpable a cambio de cargos o penas menores) y qué penas pedir. Esas decisiones, tomadas miles de veces al año, hacen que las brechas entre grupos crezcan o se reduzcan.',
    indicators: [
      'Publicación de resultados de acusaciones y sentencias por raza, origen étnico y género',
      'Políticas para revisar si las acusaciones tratan a los grupos de forma desigual',
      'Cambios en las brechas entre grupos a lo largo del tiempo',
      'Uso de la Ley de Justicia Racial (Racial Justice Act) al revisar casos pasados y actuales',
    ],
  },
  health: {
    title:
      'Apoyo a la salud y el bienestar, incluidas las personas que necesitan apoyo mental, físico, emocional o para sus necesidades básicas',
    summary:
      'Muchas personas que entran al sistema de justicia necesitan tratamiento, vivienda o cuidado más que un castigo. Este estándar pregunta si la Fiscalía orienta a las personas con enfermedades mentales, adicciones, discapacidades o necesidades básicas sin cubrir hacia el apoyo en lugar de la cárcel.',
    daPower:
      'La Fiscalía puede decidir no presentar cargos, ofrecer programas de desvío de salud mental o de drogas (con ellos, el caso puede terminar sin condena), apoyar cortes colaborativas y aceptar tratamiento en lugar de encarcelamiento. También toma posición en casos de curaduría (cuando una corte nombra a alguien para tomar decisiones por una persona adulta que no puede cuidarse sola) y de capacidad para ser juzgado.',
    indicators: [
      'Número de personas enviadas a programas de desvío de salud mental o de consumo de sustancias',
      'Apoyo a cortes colaborativas, como las de salud mental y de veteranos',
      'Políticas sobre acusar a personas sin vivienda por delitos ligados a la supervivencia',
      'Alianzas con proveedores de salud y vivienda',
    ],
  },
  kids: {
    title: 'Tratar a los niños como niños',
    summary:
      'El cerebro de los jóvenes todavía se está desarrollando y ellos pueden cambiar. Este estándar pregunta si la Fiscalía mantiene a niñas, niños y adolescentes fuera de las cortes y las prisiones para adultos, y si prefiere respuestas que los ayuden a crecer de forma segura.',
    daPower:
      'La Fiscalía decide si pide a la jueza o al juez que traslade a una persona joven a una corte para adultos, qué cargos presentar en la corte de menores y si ofrece un programa de desvío (el caso puede terminar sin condena) o un manejo informal en lugar de un proceso formal.',
    indicators: [
      'Número de solicitudes para trasladar a jóvenes a cortes para adultos',
      'Uso de programas de desvío y de justicia restaurativa para jóvenes',
      'Políticas sobre acusar a menores de 14 años',
      'Posición sobre nuevas sentencias para personas condenadas cuando eran jóvenes',
    ],
  },
  alternatives: {
    title: 'Alternativas de sanación al encarcelamiento / Reducir la población en la cárcel',
    summary:
      'La cárcel y la prisión no son la única respuesta al daño, y muchas veces empeoran las cosas. Este estándar pregunta si la Fiscalía usa alternativas basadas en la comunidad y trabaja para reducir el número de personas detenidas en la cárcel del condado.',
    daPower:
      'Las decisiones de la Fiscalía sobre cargos, acuerdos de culpabilidad (cuando la persona se declara culpable a cambio de cargos o penas menores), penas solicitadas y agravantes (cargos adicionales que suman años a la pena) determinan cuántas personas van a la cárcel y por cuánto tiempo. La Fiscalía también puede apoyar alternativas como el servicio comunitario, el tratamiento y los programas restaurativos.',
    indicators: [
      'Cambio en la población de la cárcel del condado',
      'Uso de agravantes que suman años a las sentencias',
      'Número de casos resueltos con alternativas basadas en la comunidad',
      'Apoyo a nuevas sentencias y a la liberación anticipada cuando la ley lo permite',
    ],
  },
  pretrial: {
    title: 'Más libertad antes del juicio y más oportunidades de programas de desvío',
    summary:
      'Las personas que no han sido condenadas por nada se presumen inocentes. Este estándar pregunta si la Fiscalía apoya que las personas regresen a casa mientras avanza su caso, y si ofrece programas de desvío, con los que el caso puede terminar sin condena.',
    daPower:
      'En la primera audiencia, los fiscales argumentan a favor o en contra de la libertad y de la fianza en efectivo, y deciden a quién se ofrece un programa de desvío antes del juicio. Sus recomendaciones pesan mucho en la decisión de los jueces.',
    indicators: [
      'Política de la Fiscalía sobre pedir fianza en efectivo o detención',
      'Número de personas a quienes se ofrece un programa de desvío antes del juicio, y cuántas lo completan',
      'Proporción de personas detenidas en la cárcel antes del juicio',
      'Declaraciones públicas o promesas sobre la detención antes del juicio',
    ],
  },
  bias: {
    title: 'Vigilar los prejuicios en el sistema y dar el ejemplo apartándose de los casos de mala conducta policial',
    summary:
      'Los fiscales trabajan a diario con la policía, y eso hace difícil juzgar con imparcialidad la mala conducta policial. Este estándar pregunta si la Fiscalía vigila los prejuicios en el sistema, aplica a los agentes las mismas reglas que a todas las personas y se aparta a favor de un fiscal independiente cuando hay un conflicto de intereses.',
    daPower:
      'La Fiscalía decide si acusa a agentes que usan fuerza excesiva o mortal, si envía esos casos a un fiscal independiente y si mantiene listas de agentes cuya credibilidad está en duda y las comparte con la defensa.',
    indicators: [
      'Decisiones en casos de uso de la fuerza policial y muertes bajo custodia',
      'Política de apartarse o de revisión independiente en casos de mala conducta policial',
      'Mantener y compartir una lista de agentes con problemas de credibilidad',
      'Capacitación sobre prejuicios implícitos y prácticas de acusación "a ciegas"',
    ],
  },
  transparency: {
    title: 'Transparencia en las políticas, los procesos y los datos',
    summary:
      'El público solo puede pedir cuentas sobre lo que puede ver. Este estándar pregunta si la Fiscalía publica sus políticas, explica cómo toma sus decisiones y comparte datos sobre sus casos de una forma que la gente pueda usar.',
    daPower:
      'La Fiscalía controla lo que publica: políticas sobre cargos, paneles de datos de casos, informes sobre revisiones del uso de la fuerza y respuestas a solicitudes de registros públicos.',
    indicators: [
      'Un panel público de datos con los resultados de los casos, actualizado con regularidad',
      'Políticas de la Fiscalía publicadas en internet',
      'Respuestas completas y a tiempo a las solicitudes de registros públicos',
      'Informes públicos que explican las decisiones en casos de alto perfil',
    ],
  },
  engagement: {
    title: 'Compromiso y práctica de diálogo con las comunidades y los barrios más afectados',
    summary:
      'Las comunidades más afectadas por el delito y por las acusaciones deben tener voz en cómo trabaja la Fiscalía. Este estándar pregunta si la Fiscalía escucha con regularidad a esos barrios, en sus idiomas, y si actúa según lo que escucha.',
    daPower:
      'La Fiscalía decide si realiza reuniones comunitarias, crea consejos asesores con influencia real, asiste a foros de candidaturas y ofrece atención en idiomas además del inglés.',
    indicators: [
      'Reuniones públicas regulares en los barrios más afectados',
      'Un consejo asesor comunitario y lo que ha cambiado',
      'Asistencia a foros de candidaturas y respuestas a cuestionarios',
      'Difusión y materiales en español y en otros idiomas hablados en el condado',
    ],
  },
  immigrants: {
    title: 'Proteger a inmigrantes y refugiados de las consecuencias colaterales de los cargos y las condenas',
    summary:
      'Las consecuencias colaterales son los efectos de un cargo o una condena más allá de la pena misma. Para las personas inmigrantes y refugiadas, una condena, incluso por un delito menor, puede llevar a la deportación y a la separación de su familia. Este estándar pregunta si la Fiscalía toma en cuenta esas consecuencias al presentar cargos y ofrecer acuerdos de culpabilidad (cuando la persona se declara culpable a cambio de cargos o penas menores), como lo exige la ley de California.',
    daPower:
      'La Fiscalía puede considerar las consecuencias migratorias al elegir cargos y ofrecer acuerdos de culpabilidad, negarse a compartir información con las autoridades de inmigración más allá de lo que exige la ley, y capacitar a sus fiscales sobre estas consecuencias.',
    indicators: [
      'Una política escrita para considerar las consecuencias migratorias en los acuerdos de culpabilidad',
      'Prácticas de cooperación con las autoridades federales de inmigración',
      'Capacitación de los fiscales sobre consecuencias migratorias',
      'Apoyo a personas que buscan anular condenas con consecuencias migratorias',
    ],
  },
  restoration: {
    title: 'Restaurar a las personas y a las comunidades',
    summary:
      'La justicia debe ayudar a reparar el daño y a que las personas rehagan su vida. Este estándar pregunta si la Fiscalía apoya a las víctimas y sobrevivientes, ofrece justicia restaurativa y ayuda a las personas con condenas pasadas a limpiar sus antecedentes penales y volver a su comunidad.',
    daPower:
      'La Fiscalía dirige los servicios para víctimas, puede ofrecer programas de justicia restaurativa y puede apoyar u oponerse a que las personas limpien sus antecedentes penales, a nuevas sentencias y a los programas de reintegración.',
    indicators: [
      'Programas de justicia restaurativa para sobrevivientes y para quienes causaron daño',
      'Apoyo para limpiar los antecedentes penales, incluso de forma automática',
      'Ayuda a sobrevivientes, incluidos quienes no quieren que haya encarcelamiento',
      'Apoyo a programas de reintegración y a nuevas sentencias',
    ],
  },
};
