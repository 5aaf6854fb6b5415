import type { KoboResponse } from './kobo.js';

/**
 * The responses of examples/kobo-export.xlsx: four responses as a KoboToolbox export of the form
 * holds them (npm run gen regenerates the file).
 */
export const EXAMPLE_RESPONSES: KoboResponse[] = [
  {
    name: 'Example IDP response (north)',
    answers: {
      responseType: 'idp_cluster',
      phase: 'protracted',
      tipScale: 'significant',
      tipEvidence: 'indicators',
      tipForms: ['forced_labour', 'sexual_exploitation'],
      affectedGroups: ['women', 'girls'],
      antiTipActors: ['outside_cluster'],
      nationalReferral: 'weak',
      governmentStance: 'neutral',
      parallelResponses: 'single',
      meetingLoad: 'high',
      gbvAor: 'case_management',
      cpAor: 'active',
    },
  },
  {
    name: 'Example refugee response',
    answers: {
      responseType: 'refugee_response',
      phase: 'protracted',
      tipScale: 'significant',
      tipEvidence: 'documented',
      tipForms: ['sexual_exploitation', 'forced_marriage'],
      affectedGroups: ['women', 'girls', 'men'],
      antiTipActors: ['in_cluster'],
      nationalReferral: 'excludes_displaced',
      ruleOfLaw: 'functioning',
      governmentStance: 'engaged',
      parallelResponses: 'parallel_linked',
      expertiseElsewhere: true,
      meetingLoad: 'moderate',
      leadCapacity: 'agency_can_lead',
      referralPathways: 'formal',
      tipInCaseManagement: false,
      tipInDocuments: [],
    },
  },
  {
    name: 'Example response, little known',
    answers: {
      responseType: 'mixed',
      tipEvidence: 'anecdotal',
      tipForms: 'unknown',
      antiTipActors: [],
      existingMechanism: 'none',
    },
  },
  {
    name: 'Example response, no evidence yet',
    answers: {
      responseType: 'idp_cluster',
      phase: 'acute',
      tipEvidence: 'none',
      antiTipActors: [],
      existingMechanism: 'none',
      planningWindow: 'hno_hrp_drafting',
    },
  },
];
