import type { Lang } from '../core/lang.js';

/**
 * The page's own words: what only a browser page has (buttons for files, the draft, printing).
 * Everything the page shares with the command line (the interview, the result, the report) is
 * worded by the rule base's messages, as in the terminal. French follows French typography.
 */
const EN = {
  title: 'tip-coord: how to coordinate the response to trafficking in persons',
  subtitle: 'How to coordinate the response to trafficking in persons',
  tagline: 'Works offline, in this browser: nothing you enter leaves this computer.',
  noscript: 'This page needs JavaScript, which your browser has turned off for it. Nothing is sent anywhere.',
  language: 'Language',
  files: 'Files and draft',
  loadAnswers: 'Load an answers file',
  dropHint: 'You can also drop an answers file (.json) anywhere on this page.',
  dropHere: 'Drop the answers file to load it',
  saveAnswers: 'Save the answers (JSON)',
  keepDraft: 'Keep a draft in this browser',
  keepDraftHint: 'Only in this browser on this computer, until you forget it. Off by default.',
  draftKept: 'Draft kept in this browser, updated after every answer.',
  forgetDraft: 'Forget the draft',
  draftForgotten: 'Draft forgotten: nothing of it is left in this browser.',
  draftFound: 'A draft from {date} is kept in this browser.',
  resumeDraft: 'Resume the draft',
  noStorage: 'This browser does not allow keeping a draft for a file opened from disk; save the answers instead.',
  startAgain: 'Start again',
  startAgainDone: 'All answers cleared.',
  nameLabel: 'Name of the response',
  nameHint: 'For example “Country X IDP response”. No personal names, e-mail addresses or phone numbers.',
  next: 'Next',
  back: 'Back',
  backToReview: 'Back to the review',
  backToResult: 'Back to the result',
  reviewTitle: 'Review the answers',
  change: 'Change',
  notAnswered: 'Not answered yet',
  answerNeeded: 'Choose an answer, or “{unknown}”.',
  problems: 'Before going on:',
  multiHint: 'Tick all that apply.',
  help: 'Help',
  questionOf: 'Question {n} of {total}',
  resultTitle: 'Recommendation',
  fullReport: 'Full report',
  downloadMd: 'Download the report (Markdown)',
  downloadDocx: 'Download the report (Word)',
  print: 'Print the report (A4)',
  editAnswers: 'Review or change the answers',
  whatIf: 'What if?',
  whatIfIntro:
    'Change an answer to see what would change. The recommendation updates at once; the answers and downloads follow.',
  whatIfPick: 'Answer to change',
  whatIfNone: 'Choose a question',
  whatIfSince: 'Compared with the recommendation before the changes:',
  undo: 'Undo the changes',
  undone: 'Changes undone.',
  updated: 'Recommendation updated.',
  loaded: 'Answers loaded from {file}.',
  saved: 'Answers saved as {file}.',
  fileError: 'This file could not be loaded: {error}',
  fragmentError: 'The answers in the page address could not be read: {error}',
  fragmentWhere: 'Answers in the page address',
  notBase64: 'not valid base64url text',
  working: 'Preparing the Word file…',
  skipToContent: 'Skip to the questions',
};

export type WebKey = keyof typeof EN;

const FR: Record<WebKey, string> = {
  title: 'tip-coord\u00a0: comment coordonner la réponse à la traite des personnes',
  subtitle: 'Comment coordonner la réponse à la traite des personnes',
  tagline: 'Fonctionne hors ligne, dans ce navigateur\u00a0: rien de ce que vous saisissez ne quitte cet ordinateur.',
  noscript:
    "Cette page a besoin de JavaScript, que votre navigateur a désactivé pour elle. Rien n'est envoyé nulle part.",
  language: 'Langue',
  files: 'Fichiers et brouillon',
  loadAnswers: 'Charger un fichier de réponses',
  dropHint: "Vous pouvez aussi déposer un fichier de réponses (.json) n'importe où sur cette page.",
  dropHere: 'Déposez le fichier de réponses pour le charger',
  saveAnswers: 'Enregistrer les réponses (JSON)',
  keepDraft: 'Garder un brouillon dans ce navigateur',
  keepDraftHint:
    "Seulement dans ce navigateur, sur cet ordinateur, jusqu'à ce que vous l'oubliiez. Désactivé par défaut.",
  draftKept: 'Brouillon gardé dans ce navigateur, mis à jour après chaque réponse.',
  forgetDraft: 'Oublier le brouillon',
  draftForgotten: "Brouillon oublié\u00a0: il n'en reste rien dans ce navigateur.",
  draftFound: 'Un brouillon du {date} est gardé dans ce navigateur.',
  resumeDraft: 'Reprendre le brouillon',
  noStorage:
    'Ce navigateur ne permet pas de garder un brouillon pour un fichier ouvert depuis le disque\u00a0; enregistrez plutôt les réponses.',
  startAgain: 'Recommencer',
  startAgainDone: 'Toutes les réponses ont été effacées.',
  nameLabel: 'Nom de la réponse',
  nameHint:
    'Par exemple «\u00a0Réponse PDI pays X\u00a0». Aucun nom de personne, aucune adresse électronique, aucun numéro de téléphone.',
  next: 'Suivant',
  back: 'Retour',
  backToReview: 'Retour à la vérification',
  backToResult: 'Retour au résultat',
  reviewTitle: 'Vérifier les réponses',
  change: 'Modifier',
  notAnswered: 'Pas encore de réponse',
  answerNeeded: 'Choisissez une réponse, ou «\u00a0{unknown}\u00a0».',
  problems: 'Avant de continuer\u00a0:',
  multiHint: "Cochez tout ce qui s'applique.",
  help: 'Aide',
  questionOf: 'Question {n} sur {total}',
  resultTitle: 'Recommandation',
  fullReport: 'Rapport complet',
  downloadMd: 'Télécharger le rapport (Markdown)',
  downloadDocx: 'Télécharger le rapport (Word)',
  print: 'Imprimer le rapport (A4)',
  editAnswers: 'Vérifier ou modifier les réponses',
  whatIf: 'Et si\u00a0?',
  whatIfIntro:
    'Modifiez une réponse pour voir ce qui changerait. La recommandation se met à jour aussitôt\u00a0; les réponses et les téléchargements suivent.',
  whatIfPick: 'Réponse à modifier',
  whatIfNone: 'Choisissez une question',
  whatIfSince: "Par rapport à la recommandation d'avant les modifications\u00a0:",
  undo: 'Annuler les modifications',
  undone: 'Modifications annulées.',
  updated: 'Recommandation mise à jour.',
  loaded: 'Réponses chargées depuis {file}.',
  saved: 'Réponses enregistrées sous {file}.',
  fileError: "Ce fichier n'a pas pu être chargé\u00a0: {error}",
  fragmentError: "Les réponses de l'adresse de la page n'ont pas pu être lues\u00a0: {error}",
  fragmentWhere: "Réponses dans l'adresse de la page",
  notBase64: "ce n'est pas du texte base64url valide",
  working: 'Préparation du fichier Word…',
  skipToContent: 'Aller aux questions',
};

export const WEB_TEXTS: Readonly<Record<Lang, Readonly<Record<WebKey, string>>>> = { en: EN, fr: FR };

/** A text of the page with its {placeholders} filled. */
export function webText(lang: Lang, key: WebKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return WEB_TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : m,
  );
}
