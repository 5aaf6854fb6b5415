/* eslint-disable */
// @ts-nocheck
// Generated from src/core/shapes by `npm run gen` (TypeBox Code): do not edit.
import { Guard } from 'typebox/guard';

/** Whether an answers file fits the shape of the built-in questionnaire (`questionnaire`: see questionnaireKey). */
export const builtInAnswers: { questionnaire: string; check: (value: unknown) => boolean } = {
  questionnaire:
    '[["responseType","single",["idp_cluster","refugee_response","mixed"],false],["phase","single",["preparedness","acute","protracted","transition"],false],["populationGroups","multi",["idps","refugees","migrants","stateless","host_community"],false],["tipScale","single",["isolated","significant","widespread"],false],["tipEvidence","single",["none","anecdotal","indicators","documented"],false],["tipForms","multi",["sexual_exploitation","forced_labour","domestic_servitude","forced_marriage","child_recruitment","child_labour","organ_removal","other"],true],["affectedGroups","multi",["women","girls","boys","men"],true],["perpetrators","multi",["non_state_armed_groups","state_forces","criminal_networks","employers_brokers","family_community"],true],["antiTipActors","multi",["in_cluster","outside_cluster","government_body"],false],["nationalReferral","single",["includes_displaced","excludes_displaced","weak","none"],false],["ruleOfLaw","single",["functioning","limited"],false],["governmentStance","single",["engaged","neutral","selective","resists_terminology"],false],["officialComplicity","single",["none_known","suspected","documented"],false],["existingMechanism","single",["none","agenda_item","focal_point","working_group","outside_group","national_body"],false],["mechanismState","single",["delivering","stalled"],true],["parallelResponses","single",["single","parallel_separate","parallel_linked"],false],["expertiseElsewhere","boolean",[true,false],true],["meetingLoad","single",["low","moderate","high"],false],["leadCapacity","single",["agency_can_lead","specialist_available","none"],false],["ctLead","single",["iom","unhcr","other_agency","none"],false],["gbvAor","single",["case_management","active","absent"],false],["cpAor","single",["case_management","active","absent"],false],["referralPathways","single",["formal","informal","none"],false],["tipInCaseManagement","boolean",[true,false],false],["tipInDocuments","multi",["hno","hrp","cluster_strategy","hct_strategy"],false],["planningWindow","single",["hno_hrp_drafting","strategy_review","none"],false]]',
  check: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^version$|^response$|^answers$)/u,
      /(^name$)/u,
      /(^responseType$|^phase$|^populationGroups$|^tipScale$|^tipEvidence$|^tipForms$|^affectedGroups$|^perpetrators$|^antiTipActors$|^nationalReferral$|^ruleOfLaw$|^governmentStance$|^officialComplicity$|^existingMechanism$|^mechanismState$|^parallelResponses$|^expertiseElsewhere$|^meetingLoad$|^leadCapacity$|^ctLead$|^gbvAor$|^cpAor$|^referralPathways$|^tipInCaseManagement$|^tipInDocuments$|^planningWindow$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'version' in value &&
      'answers' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      (value.version === 2 || value.version === 1) &&
      (value.response === undefined ||
        !('response' in value) ||
        (typeof value.response === 'object' &&
          value.response !== null &&
          !Array.isArray(value.response) &&
          Object.getOwnPropertyNames(value.response).every(
            (unique_2, unique_3) => External[1].test(unique_2) || false,
          ) &&
          (value.response.name === undefined ||
            !('name' in value.response) ||
            (typeof value.response.name === 'string' &&
              (value.response.name.length <= 200 ||
                (value.response.name.length <= 400 && Guard.CodePointCount(value.response.name) <= 200)))))) &&
      typeof value.answers === 'object' &&
      value.answers !== null &&
      !Array.isArray(value.answers) &&
      Object.getOwnPropertyNames(value.answers).every((unique_4, unique_5) => External[2].test(unique_4) || false) &&
      (value.answers.responseType === undefined ||
        !('responseType' in value.answers) ||
        value.answers.responseType === 'idp_cluster' ||
        value.answers.responseType === 'refugee_response' ||
        value.answers.responseType === 'mixed' ||
        value.answers.responseType === 'unknown') &&
      (value.answers.phase === undefined ||
        !('phase' in value.answers) ||
        value.answers.phase === 'preparedness' ||
        value.answers.phase === 'acute' ||
        value.answers.phase === 'protracted' ||
        value.answers.phase === 'transition' ||
        value.answers.phase === 'unknown') &&
      (value.answers.populationGroups === undefined ||
        !('populationGroups' in value.answers) ||
        (Array.isArray(value.answers.populationGroups) &&
          value.answers.populationGroups.every(
            (unique_6, index) =>
              unique_6 === 'idps' ||
              unique_6 === 'refugees' ||
              unique_6 === 'migrants' ||
              unique_6 === 'stateless' ||
              unique_6 === 'host_community',
          )) ||
        value.answers.populationGroups === 'unknown') &&
      (value.answers.tipScale === undefined ||
        !('tipScale' in value.answers) ||
        value.answers.tipScale === 'isolated' ||
        value.answers.tipScale === 'significant' ||
        value.answers.tipScale === 'widespread' ||
        value.answers.tipScale === 'unknown') &&
      (value.answers.tipEvidence === undefined ||
        !('tipEvidence' in value.answers) ||
        value.answers.tipEvidence === 'none' ||
        value.answers.tipEvidence === 'anecdotal' ||
        value.answers.tipEvidence === 'indicators' ||
        value.answers.tipEvidence === 'documented' ||
        value.answers.tipEvidence === 'unknown') &&
      (value.answers.tipForms === undefined ||
        !('tipForms' in value.answers) ||
        (Array.isArray(value.answers.tipForms) &&
          value.answers.tipForms.every(
            (unique_7, index) =>
              unique_7 === 'sexual_exploitation' ||
              unique_7 === 'forced_labour' ||
              unique_7 === 'domestic_servitude' ||
              unique_7 === 'forced_marriage' ||
              unique_7 === 'child_recruitment' ||
              unique_7 === 'child_labour' ||
              unique_7 === 'organ_removal' ||
              unique_7 === 'other',
          )) ||
        value.answers.tipForms === 'unknown' ||
        value.answers.tipForms === 'not_applicable') &&
      (value.answers.affectedGroups === undefined ||
        !('affectedGroups' in value.answers) ||
        (Array.isArray(value.answers.affectedGroups) &&
          value.answers.affectedGroups.every(
            (unique_8, index) =>
              unique_8 === 'women' || unique_8 === 'girls' || unique_8 === 'boys' || unique_8 === 'men',
          )) ||
        value.answers.affectedGroups === 'unknown' ||
        value.answers.affectedGroups === 'not_applicable') &&
      (value.answers.perpetrators === undefined ||
        !('perpetrators' in value.answers) ||
        (Array.isArray(value.answers.perpetrators) &&
          value.answers.perpetrators.every(
            (unique_9, index) =>
              unique_9 === 'non_state_armed_groups' ||
              unique_9 === 'state_forces' ||
              unique_9 === 'criminal_networks' ||
              unique_9 === 'employers_brokers' ||
              unique_9 === 'family_community',
          )) ||
        value.answers.perpetrators === 'unknown' ||
        value.answers.perpetrators === 'not_applicable') &&
      (value.answers.antiTipActors === undefined ||
        !('antiTipActors' in value.answers) ||
        (Array.isArray(value.answers.antiTipActors) &&
          value.answers.antiTipActors.every(
            (unique_10, index) =>
              unique_10 === 'in_cluster' || unique_10 === 'outside_cluster' || unique_10 === 'government_body',
          )) ||
        value.answers.antiTipActors === 'unknown') &&
      (value.answers.nationalReferral === undefined ||
        !('nationalReferral' in value.answers) ||
        value.answers.nationalReferral === 'includes_displaced' ||
        value.answers.nationalReferral === 'excludes_displaced' ||
        value.answers.nationalReferral === 'weak' ||
        value.answers.nationalReferral === 'none' ||
        value.answers.nationalReferral === 'unknown') &&
      (value.answers.ruleOfLaw === undefined ||
        !('ruleOfLaw' in value.answers) ||
        value.answers.ruleOfLaw === 'functioning' ||
        value.answers.ruleOfLaw === 'limited' ||
        value.answers.ruleOfLaw === 'unknown') &&
      (value.answers.governmentStance === undefined ||
        !('governmentStance' in value.answers) ||
        value.answers.governmentStance === 'engaged' ||
        value.answers.governmentStance === 'neutral' ||
        value.answers.governmentStance === 'selective' ||
        value.answers.governmentStance === 'resists_terminology' ||
        value.answers.governmentStance === 'unknown') &&
      (value.answers.officialComplicity === undefined ||
        !('officialComplicity' in value.answers) ||
        value.answers.officialComplicity === 'none_known' ||
        value.answers.officialComplicity === 'suspected' ||
        value.answers.officialComplicity === 'documented' ||
        value.answers.officialComplicity === 'unknown') &&
      (value.answers.existingMechanism === undefined ||
        !('existingMechanism' in value.answers) ||
        value.answers.existingMechanism === 'none' ||
        value.answers.existingMechanism === 'agenda_item' ||
        value.answers.existingMechanism === 'focal_point' ||
        value.answers.existingMechanism === 'working_group' ||
        value.answers.existingMechanism === 'outside_group' ||
        value.answers.existingMechanism === 'national_body' ||
        value.answers.existingMechanism === 'unknown') &&
      (value.answers.mechanismState === undefined ||
        !('mechanismState' in value.answers) ||
        value.answers.mechanismState === 'delivering' ||
        value.answers.mechanismState === 'stalled' ||
        value.answers.mechanismState === 'unknown' ||
        value.answers.mechanismState === 'not_applicable') &&
      (value.answers.parallelResponses === undefined ||
        !('parallelResponses' in value.answers) ||
        value.answers.parallelResponses === 'single' ||
        value.answers.parallelResponses === 'parallel_separate' ||
        value.answers.parallelResponses === 'parallel_linked' ||
        value.answers.parallelResponses === 'unknown') &&
      (value.answers.expertiseElsewhere === undefined ||
        !('expertiseElsewhere' in value.answers) ||
        value.answers.expertiseElsewhere === true ||
        value.answers.expertiseElsewhere === false ||
        value.answers.expertiseElsewhere === 'unknown' ||
        value.answers.expertiseElsewhere === 'not_applicable') &&
      (value.answers.meetingLoad === undefined ||
        !('meetingLoad' in value.answers) ||
        value.answers.meetingLoad === 'low' ||
        value.answers.meetingLoad === 'moderate' ||
        value.answers.meetingLoad === 'high' ||
        value.answers.meetingLoad === 'unknown') &&
      (value.answers.leadCapacity === undefined ||
        !('leadCapacity' in value.answers) ||
        value.answers.leadCapacity === 'agency_can_lead' ||
        value.answers.leadCapacity === 'specialist_available' ||
        value.answers.leadCapacity === 'none' ||
        value.answers.leadCapacity === 'unknown') &&
      (value.answers.ctLead === undefined ||
        !('ctLead' in value.answers) ||
        value.answers.ctLead === 'iom' ||
        value.answers.ctLead === 'unhcr' ||
        value.answers.ctLead === 'other_agency' ||
        value.answers.ctLead === 'none' ||
        value.answers.ctLead === 'unknown') &&
      (value.answers.gbvAor === undefined ||
        !('gbvAor' in value.answers) ||
        value.answers.gbvAor === 'case_management' ||
        value.answers.gbvAor === 'active' ||
        value.answers.gbvAor === 'absent' ||
        value.answers.gbvAor === 'unknown') &&
      (value.answers.cpAor === undefined ||
        !('cpAor' in value.answers) ||
        value.answers.cpAor === 'case_management' ||
        value.answers.cpAor === 'active' ||
        value.answers.cpAor === 'absent' ||
        value.answers.cpAor === 'unknown') &&
      (value.answers.referralPathways === undefined ||
        !('referralPathways' in value.answers) ||
        value.answers.referralPathways === 'formal' ||
        value.answers.referralPathways === 'informal' ||
        value.answers.referralPathways === 'none' ||
        value.answers.referralPathways === 'unknown') &&
      (value.answers.tipInCaseManagement === undefined ||
        !('tipInCaseManagement' in value.answers) ||
        value.answers.tipInCaseManagement === true ||
        value.answers.tipInCaseManagement === false ||
        value.answers.tipInCaseManagement === 'unknown') &&
      (value.answers.tipInDocuments === undefined ||
        !('tipInDocuments' in value.answers) ||
        (Array.isArray(value.answers.tipInDocuments) &&
          value.answers.tipInDocuments.every(
            (unique_11, index) =>
              unique_11 === 'hno' ||
              unique_11 === 'hrp' ||
              unique_11 === 'cluster_strategy' ||
              unique_11 === 'hct_strategy',
          )) ||
        value.answers.tipInDocuments === 'unknown') &&
      (value.answers.planningWindow === undefined ||
        !('planningWindow' in value.answers) ||
        value.answers.planningWindow === 'hno_hrp_drafting' ||
        value.answers.planningWindow === 'strategy_review' ||
        value.answers.planningWindow === 'none' ||
        value.answers.planningWindow === 'unknown');
    return (value) => check_0(value);
  })(),
};
