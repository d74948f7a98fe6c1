import { MIN_COVERAGE } from '../../core/scoring/method.js';

/**
 * The methodology's plain-language text, seeded into methodology_texts (admins can edit it).
 * The numbers in it are the method's constants; the worked example is computed, not written.
 */
export const METHODOLOGY_TEXT_SEEDS: Record<'en' | 'es', { steps: string[]; review: string[] }> = {
  en: {
    steps: [
      'Only evidence that a reviewer has published counts. Pending, rejected and retracted entries never count.',
      'Each rating from -2 to +2 is worth points: 50 + 25 × rating, so -2, -1, 0, +1 and +2 are worth 0, 25, 50, 75 and 100 points.',
      'Each kind of evidence has a weight: an official action and published outcome data count 1, a statement or pledge counts 0.5, because a record counts more than words.',
      'A person’s score on a standard is the weighted average of the points of their evidence on that standard. With no evidence the score is empty ("not enough evidence"), never zero.',
      'Grades come from the score rounded to a whole number, halves up: A is 80 or more, B 60 or more, C 40 or more, D 20 or more, F below 20. A neutral record is a C.',
      `Coverage is how many of the ten standards have a score. The overall score is the plain average of the standard scores, rounded, but only when at least ${MIN_COVERAGE} of the ten standards have a score; otherwise there is no overall grade yet.`,
      'A scorecard can be computed as of any past day from the evidence that happened on or before it; the history and trend charts are drawn that way.',
    ],
    review: [
      'Volunteers log each piece of evidence with the date it happened and at least one source anyone can check.',
      'A reviewer, never the person who submitted it, checks the sources and publishes or rejects the entry.',
      'Published evidence never silently disappears: a correction is dated and shown, and a retracted entry stays listed with the reason, no longer counted.',
    ],
  },
  es: {
    steps: [
      'Solo cuenta la evidencia que una persona del equipo de revisión ha publicado. Los registros pendientes, rechazados o retirados nunca cuentan.',
      'Cada registro tiene una valoración de -2 (muy en contra del estándar) a +2 (muy a favor del estándar), y cada valoración vale puntos: 50 + 25 × valoración, así que -2, -1, 0, +1 y +2 valen 0, 25, 50, 75 y 100 puntos.',
      'Cada tipo de evidencia tiene un peso: una acción oficial y los datos publicados de resultados valen 1, una declaración o una promesa vale 0.5, porque los hechos cuentan más que las palabras.',
      'La puntuación de una persona en un estándar es el promedio ponderado de los puntos de su evidencia en ese estándar (un promedio en el que cada registro cuenta según el peso de su tipo). Sin evidencia, la puntuación queda vacía ("no hay suficiente evidencia"), nunca en cero.',
      'Las calificaciones salen de la puntuación redondeada a un número entero (las mitades hacia arriba): A es 80 o más, B 60 o más, C 40 o más, D 20 o más y F menos de 20. A es la mejor calificación; F significa reprobado. Un historial neutral es una C.',
      `La cobertura es cuántos de los diez estándares tienen puntuación, es decir, tienen evidencia. La puntuación general es el promedio simple de las puntuaciones de los estándares, redondeado, pero solo cuando al menos ${MIN_COVERAGE} de los diez estándares tienen puntuación; si no, todavía no hay calificación general.`,
      'Las calificaciones se pueden calcular para cualquier día pasado con la evidencia ocurrida hasta ese día; así se dibujan el historial y las gráficas de tendencia.',
    ],
    review: [
      'Las personas voluntarias registran cada evidencia con la fecha en que ocurrió y al menos una fuente que cualquiera puede verificar.',
      'Una persona del equipo de revisión, nunca la misma que la envió, verifica las fuentes y publica o rechaza el registro.',
      'La evidencia publicada nunca desaparece en silencio: una corrección se muestra con su fecha, y un registro retirado sigue en la lista con el motivo, sin contar para la calificación.',
    ],
  },
};
