/* eslint-disable */
// @ts-nocheck
// Generated from src/core/shapes by `npm run gen` (TypeBox Code): do not edit.
import { Guard } from 'typebox/guard';
import type { RuleFileKind } from './rule-files.js';

/** Whether a rule file of each kind fits its shape. */
export const checks: Record<RuleFileKind, (value: unknown) => boolean> = {
  ruleSet: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^name$|^version$|^basedOn$|^meetingCost$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^membersByActors$|^meetingsPerMonthByLoad$|^hoursPerMeeting$|^secretariatDaysPerMonth$|^hoursPerDay$|^agendaItemMinutes$|^clusterMeetingsPerMonth$|^clusterMembers$|^focalPointDaysPerMonth$)/u,
      /(?!)/u,
      /(?!)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'name' in value &&
      'version' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.name === 'string' &&
      External[1].test(value.name) &&
      typeof value.version === 'string' &&
      External[2].test(value.version) &&
      (value.basedOn === undefined ||
        !('basedOn' in value) ||
        (typeof value.basedOn === 'object' &&
          value.basedOn !== null &&
          !Array.isArray(value.basedOn) &&
          'name' in value.basedOn &&
          'version' in value.basedOn &&
          'hash' in value.basedOn &&
          Object.getOwnPropertyNames(value.basedOn).length === 3 &&
          typeof value.basedOn.name === 'string' &&
          External[3].test(value.basedOn.name) &&
          typeof value.basedOn.version === 'string' &&
          External[4].test(value.basedOn.version) &&
          typeof value.basedOn.hash === 'string' &&
          External[5].test(value.basedOn.hash))) &&
      (value.meetingCost === undefined ||
        !('meetingCost' in value) ||
        (typeof value.meetingCost === 'object' &&
          value.meetingCost !== null &&
          !Array.isArray(value.meetingCost) &&
          Object.getOwnPropertyNames(value.meetingCost).every(
            (unique_2, unique_3) => External[6].test(unique_2) || false,
          ) &&
          (value.meetingCost.membersByActors === undefined ||
            !('membersByActors' in value.meetingCost) ||
            (typeof value.meetingCost.membersByActors === 'object' &&
              value.meetingCost.membersByActors !== null &&
              !Array.isArray(value.meetingCost.membersByActors) &&
              Object.getOwnPropertyNames(value.meetingCost.membersByActors).every(
                (unique_4, unique_5) =>
                  External[7].test(unique_4) ||
                  (Number.isFinite(value.meetingCost.membersByActors[unique_4]) &&
                    value.meetingCost.membersByActors[unique_4] >= 0),
              ) &&
              true)) &&
          (value.meetingCost.meetingsPerMonthByLoad === undefined ||
            !('meetingsPerMonthByLoad' in value.meetingCost) ||
            (typeof value.meetingCost.meetingsPerMonthByLoad === 'object' &&
              value.meetingCost.meetingsPerMonthByLoad !== null &&
              !Array.isArray(value.meetingCost.meetingsPerMonthByLoad) &&
              Object.getOwnPropertyNames(value.meetingCost.meetingsPerMonthByLoad).every(
                (unique_6, unique_7) =>
                  External[8].test(unique_6) ||
                  (Number.isFinite(value.meetingCost.meetingsPerMonthByLoad[unique_6]) &&
                    value.meetingCost.meetingsPerMonthByLoad[unique_6] >= 0),
              ) &&
              true)) &&
          (value.meetingCost.hoursPerMeeting === undefined ||
            !('hoursPerMeeting' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.hoursPerMeeting) && value.meetingCost.hoursPerMeeting >= 0)) &&
          (value.meetingCost.secretariatDaysPerMonth === undefined ||
            !('secretariatDaysPerMonth' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.secretariatDaysPerMonth) &&
              value.meetingCost.secretariatDaysPerMonth >= 0)) &&
          (value.meetingCost.hoursPerDay === undefined ||
            !('hoursPerDay' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.hoursPerDay) && value.meetingCost.hoursPerDay >= 0)) &&
          (value.meetingCost.agendaItemMinutes === undefined ||
            !('agendaItemMinutes' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.agendaItemMinutes) && value.meetingCost.agendaItemMinutes >= 0)) &&
          (value.meetingCost.clusterMeetingsPerMonth === undefined ||
            !('clusterMeetingsPerMonth' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.clusterMeetingsPerMonth) &&
              value.meetingCost.clusterMeetingsPerMonth >= 0)) &&
          (value.meetingCost.clusterMembers === undefined ||
            !('clusterMembers' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.clusterMembers) && value.meetingCost.clusterMembers >= 0)) &&
          (value.meetingCost.focalPointDaysPerMonth === undefined ||
            !('focalPointDaysPerMonth' in value.meetingCost) ||
            (Number.isFinite(value.meetingCost.focalPointDaysPerMonth) &&
              value.meetingCost.focalPointDaysPerMonth >= 0))));
    return (value) => check_0(value);
  })(),
  questions: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^version$|^unknownLabel$|^notApplicableLabel$|^sections$|^questions$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^id$|^section$|^type$|^factor$|^label$|^term$|^hint$|^choices$|^askWhen$|^byResponseType$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(?!)/u,
      /(^label$|^term$|^hint$|^choices$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(?!)/u,
      /\S/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'sections' in value &&
      'questions' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      (value.version === undefined ||
        !('version' in value) ||
        (Number.isInteger(value.version) &&
          (!(Number.isFinite(value.version) || typeof value.version === 'bigint') || value.version >= 1))) &&
      (value.unknownLabel === undefined ||
        !('unknownLabel' in value) ||
        (typeof value.unknownLabel === 'string' && External[1].test(value.unknownLabel))) &&
      (value.notApplicableLabel === undefined ||
        !('notApplicableLabel' in value) ||
        typeof value.notApplicableLabel === 'string') &&
      Array.isArray(value.sections) &&
      value.sections.every(
        (unique_2, index) =>
          typeof unique_2 === 'object' &&
          unique_2 !== null &&
          !Array.isArray(unique_2) &&
          'id' in unique_2 &&
          'title' in unique_2 &&
          Object.getOwnPropertyNames(unique_2).length === 2 &&
          typeof unique_2.id === 'string' &&
          External[2].test(unique_2.id) &&
          typeof unique_2.title === 'string' &&
          External[3].test(unique_2.title),
      ) &&
      Array.isArray(value.questions) &&
      value.questions.every(
        (unique_3, index) =>
          typeof unique_3 === 'object' &&
          unique_3 !== null &&
          !Array.isArray(unique_3) &&
          'id' in unique_3 &&
          'section' in unique_3 &&
          'type' in unique_3 &&
          'factor' in unique_3 &&
          'label' in unique_3 &&
          'term' in unique_3 &&
          'hint' in unique_3 &&
          'choices' in unique_3 &&
          Object.getOwnPropertyNames(unique_3).every((unique_4, unique_5) => External[4].test(unique_4) || false) &&
          typeof unique_3.id === 'string' &&
          External[5].test(unique_3.id) &&
          typeof unique_3.section === 'string' &&
          (unique_3.type === 'single' || unique_3.type === 'multi' || unique_3.type === 'boolean') &&
          typeof unique_3.factor === 'string' &&
          External[6].test(unique_3.factor) &&
          typeof unique_3.label === 'string' &&
          External[7].test(unique_3.label) &&
          typeof unique_3.term === 'string' &&
          External[8].test(unique_3.term) &&
          typeof unique_3.hint === 'string' &&
          External[9].test(unique_3.hint) &&
          Array.isArray(unique_3.choices) &&
          unique_3.choices.every(
            (unique_6, index) =>
              typeof unique_6 === 'object' &&
              unique_6 !== null &&
              !Array.isArray(unique_6) &&
              'value' in unique_6 &&
              'label' in unique_6 &&
              Object.getOwnPropertyNames(unique_6).length === 2 &&
              (typeof unique_6.value === 'string' || typeof unique_6.value === 'boolean') &&
              !(unique_6.value === 'unknown') &&
              typeof unique_6.label === 'string' &&
              External[10].test(unique_6.label),
          ) &&
          unique_3.choices.length >= 1 &&
          (unique_3.askWhen === undefined || !('askWhen' in unique_3) || check_1(unique_3.askWhen)) &&
          (unique_3.byResponseType === undefined ||
            !('byResponseType' in unique_3) ||
            (typeof unique_3.byResponseType === 'object' &&
              unique_3.byResponseType !== null &&
              !Array.isArray(unique_3.byResponseType) &&
              Object.getOwnPropertyNames(unique_3.byResponseType).every(
                (unique_27, unique_28) =>
                  External[19].test(unique_27) ||
                  (typeof unique_3.byResponseType[unique_27] === 'object' &&
                    unique_3.byResponseType[unique_27] !== null &&
                    !Array.isArray(unique_3.byResponseType[unique_27]) &&
                    Object.getOwnPropertyNames(unique_3.byResponseType[unique_27]).every(
                      (unique_29, unique_30) => External[20].test(unique_29) || false,
                    ) &&
                    (unique_3.byResponseType[unique_27].label === undefined ||
                      !('label' in unique_3.byResponseType[unique_27]) ||
                      (typeof unique_3.byResponseType[unique_27].label === 'string' &&
                        External[21].test(unique_3.byResponseType[unique_27].label))) &&
                    (unique_3.byResponseType[unique_27].term === undefined ||
                      !('term' in unique_3.byResponseType[unique_27]) ||
                      (typeof unique_3.byResponseType[unique_27].term === 'string' &&
                        External[22].test(unique_3.byResponseType[unique_27].term))) &&
                    (unique_3.byResponseType[unique_27].hint === undefined ||
                      !('hint' in unique_3.byResponseType[unique_27]) ||
                      (typeof unique_3.byResponseType[unique_27].hint === 'string' &&
                        External[23].test(unique_3.byResponseType[unique_27].hint))) &&
                    (unique_3.byResponseType[unique_27].choices === undefined ||
                      !('choices' in unique_3.byResponseType[unique_27]) ||
                      (typeof unique_3.byResponseType[unique_27].choices === 'object' &&
                        unique_3.byResponseType[unique_27].choices !== null &&
                        !Array.isArray(unique_3.byResponseType[unique_27].choices) &&
                        Object.getOwnPropertyNames(unique_3.byResponseType[unique_27].choices).every(
                          (unique_31, unique_32) =>
                            External[24].test(unique_31) ||
                            (typeof unique_3.byResponseType[unique_27].choices[unique_31] === 'string' &&
                              External[25].test(unique_3.byResponseType[unique_27].choices[unique_31])),
                        ) &&
                        true))),
              ) &&
              true)),
      );
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_7, unique_8) => External[11].test(unique_7) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_9, index) => check_2(unique_9)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_20, unique_21) => External[16].test(unique_20) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_22, index) => check_2(unique_22)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_23, unique_24) => External[17].test(unique_23) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_25, unique_26) => External[18].test(unique_25) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_10, unique_11) => External[12].test(unique_10) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_12, index) => check_2(unique_12)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_13, unique_14) => External[13].test(unique_13) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_15, index) => check_2(unique_15)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[14].test(unique_16) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[15].test(unique_18) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
  sources: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^version$|^sources$)/u,
      /(^id$|^title$|^publisher$|^year$|^url$|^access$|^note$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /\S/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'sources' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      (value.version === undefined || !('version' in value) || true) &&
      Array.isArray(value.sources) &&
      value.sources.every(
        (unique_2, index) =>
          typeof unique_2 === 'object' &&
          unique_2 !== null &&
          !Array.isArray(unique_2) &&
          'id' in unique_2 &&
          'title' in unique_2 &&
          'publisher' in unique_2 &&
          'year' in unique_2 &&
          'url' in unique_2 &&
          'access' in unique_2 &&
          Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => External[1].test(unique_3) || false) &&
          typeof unique_2.id === 'string' &&
          External[2].test(unique_2.id) &&
          typeof unique_2.title === 'string' &&
          External[3].test(unique_2.title) &&
          typeof unique_2.publisher === 'string' &&
          External[4].test(unique_2.publisher) &&
          typeof unique_2.year === 'string' &&
          typeof unique_2.url === 'string' &&
          (unique_2.access === 'online' ||
            unique_2.access === 'copy' ||
            unique_2.access === 'unpublished' ||
            unique_2.access === 'not_found') &&
          (unique_2.note === undefined ||
            !('note' in unique_2) ||
            (typeof unique_2.note === 'string' && External[5].test(unique_2.note))),
      );
    return (value) => check_0(value);
  })(),
  help: (() => {
    const External = [/(^\$comment$|^\$schema$|^questions$|^glossary$)/u, /(?!)/u, /\S/u, /\S/u, /\S/u];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'questions' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.questions === 'object' &&
      value.questions !== null &&
      !Array.isArray(value.questions) &&
      Object.getOwnPropertyNames(value.questions).every(
        (unique_2, unique_3) =>
          External[1].test(unique_2) ||
          (typeof value.questions[unique_2] === 'object' &&
            value.questions[unique_2] !== null &&
            !Array.isArray(value.questions[unique_2]) &&
            'text' in value.questions[unique_2] &&
            'examples' in value.questions[unique_2] &&
            'sources' in value.questions[unique_2] &&
            Object.getOwnPropertyNames(value.questions[unique_2]).length === 3 &&
            typeof value.questions[unique_2].text === 'string' &&
            External[2].test(value.questions[unique_2].text) &&
            Array.isArray(value.questions[unique_2].examples) &&
            value.questions[unique_2].examples.every((unique_4, index) => typeof unique_4 === 'string') &&
            Array.isArray(value.questions[unique_2].sources) &&
            value.questions[unique_2].sources.every((unique_5, index) => typeof unique_5 === 'string')),
      ) &&
      true &&
      (value.glossary === undefined ||
        !('glossary' in value) ||
        (Array.isArray(value.glossary) &&
          value.glossary.every(
            (unique_6, index) =>
              typeof unique_6 === 'object' &&
              unique_6 !== null &&
              !Array.isArray(unique_6) &&
              'term' in unique_6 &&
              'definition' in unique_6 &&
              'sources' in unique_6 &&
              Object.getOwnPropertyNames(unique_6).length === 3 &&
              typeof unique_6.term === 'string' &&
              External[3].test(unique_6.term) &&
              typeof unique_6.definition === 'string' &&
              External[4].test(unique_6.definition) &&
              Array.isArray(unique_6.sources) &&
              unique_6.sources.every((unique_7, index) => typeof unique_7 === 'string'),
          )));
    return (value) => check_0(value);
  })(),
  messages: (() => {
    const External = [/(^\$comment$)/u];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.getOwnPropertyNames(value).every(
        (unique_0, unique_1) => External[0].test(unique_0) || typeof value[unique_0] === 'string',
      ) &&
      (value.$comment === undefined || !('$comment' in value) || true);
    return (value) => check_0(value);
  })(),
  locale: (() => {
    const External = [/(^\$comment$|^\$schema$)/u];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.getOwnPropertyNames(value).every(
        (unique_0, unique_1) => External[0].test(unique_0) || typeof value[unique_0] === 'string',
      ) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      Object.getOwnPropertyNames(value).every(
        (unique_2, unique_3) =>
          !(typeof unique_2 === 'string') ||
          unique_2.length >= 2 ||
          (unique_2.length >= 1 && Guard.CodePointCount(unique_2) >= 1),
      );
    return (value) => check_0(value);
  })(),
  invariants: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^invariants$)/u,
      /(^\$comment$|^id$|^description$|^when$|^expect$|^vary$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^primary$|^notPrimary$|^includes$|^excludes$|^cautions$|^noCautions$|^verdict$|^review$|^textExcludes$|^draftingSafe$|^actions$|^planOwners$|^noPlanOwners$)/u,
      /\S/u,
      /(^question$|^values$|^toggle$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'invariants' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      Array.isArray(value.invariants) &&
      value.invariants.every(
        (unique_2, index) =>
          typeof unique_2 === 'object' &&
          unique_2 !== null &&
          !Array.isArray(unique_2) &&
          'id' in unique_2 &&
          'description' in unique_2 &&
          'when' in unique_2 &&
          'expect' in unique_2 &&
          Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => External[1].test(unique_3) || false) &&
          (unique_2.$comment === undefined || !('$comment' in unique_2) || true) &&
          typeof unique_2.id === 'string' &&
          External[2].test(unique_2.id) &&
          typeof unique_2.description === 'string' &&
          External[3].test(unique_2.description) &&
          check_1(unique_2.when) &&
          typeof unique_2.expect === 'object' &&
          unique_2.expect !== null &&
          !Array.isArray(unique_2.expect) &&
          Object.getOwnPropertyNames(unique_2.expect).every(
            (unique_25, unique_26) => External[12].test(unique_25) || false,
          ) &&
          (unique_2.expect.primary === undefined ||
            !('primary' in unique_2.expect) ||
            typeof unique_2.expect.primary === 'string') &&
          (unique_2.expect.notPrimary === undefined ||
            !('notPrimary' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.notPrimary) &&
              unique_2.expect.notPrimary.every((unique_27, index) => typeof unique_27 === 'string'))) &&
          (unique_2.expect.includes === undefined ||
            !('includes' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.includes) &&
              unique_2.expect.includes.every((unique_28, index) => typeof unique_28 === 'string'))) &&
          (unique_2.expect.excludes === undefined ||
            !('excludes' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.excludes) &&
              unique_2.expect.excludes.every((unique_29, index) => typeof unique_29 === 'string'))) &&
          (unique_2.expect.cautions === undefined ||
            !('cautions' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.cautions) &&
              unique_2.expect.cautions.every((unique_30, index) => typeof unique_30 === 'string'))) &&
          (unique_2.expect.noCautions === undefined ||
            !('noCautions' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.noCautions) &&
              unique_2.expect.noCautions.every((unique_31, index) => typeof unique_31 === 'string'))) &&
          (unique_2.expect.verdict === undefined ||
            !('verdict' in unique_2.expect) ||
            typeof unique_2.expect.verdict === 'string') &&
          (unique_2.expect.review === undefined ||
            !('review' in unique_2.expect) ||
            typeof unique_2.expect.review === 'boolean') &&
          (unique_2.expect.textExcludes === undefined ||
            !('textExcludes' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.textExcludes) &&
              unique_2.expect.textExcludes.every(
                (unique_32, index) => typeof unique_32 === 'string' && External[13].test(unique_32),
              ) &&
              unique_2.expect.textExcludes.length >= 1)) &&
          (unique_2.expect.draftingSafe === undefined ||
            !('draftingSafe' in unique_2.expect) ||
            typeof unique_2.expect.draftingSafe === 'boolean') &&
          (unique_2.expect.actions === undefined ||
            !('actions' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.actions) &&
              unique_2.expect.actions.every((unique_33, index) => typeof unique_33 === 'string'))) &&
          (unique_2.expect.planOwners === undefined ||
            !('planOwners' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.planOwners) &&
              unique_2.expect.planOwners.every(
                (unique_34, index) =>
                  unique_34 === 'cluster_coordinator' ||
                  unique_34 === 'gbv_aor_coordinator' ||
                  unique_34 === 'cp_aor_coordinator' ||
                  unique_34 === 'ct_focal_point' ||
                  unique_34 === 'imo' ||
                  unique_34 === 'hc_or_refugee_coordinator' ||
                  unique_34 === 'ctfmr_cochairs' ||
                  unique_34 === 'ocha_iccg' ||
                  unique_34 === 'unhcr' ||
                  unique_34 === 'iom',
              ))) &&
          (unique_2.expect.noPlanOwners === undefined ||
            !('noPlanOwners' in unique_2.expect) ||
            (Array.isArray(unique_2.expect.noPlanOwners) &&
              unique_2.expect.noPlanOwners.every(
                (unique_35, index) =>
                  unique_35 === 'cluster_coordinator' ||
                  unique_35 === 'gbv_aor_coordinator' ||
                  unique_35 === 'cp_aor_coordinator' ||
                  unique_35 === 'ct_focal_point' ||
                  unique_35 === 'imo' ||
                  unique_35 === 'hc_or_refugee_coordinator' ||
                  unique_35 === 'ctfmr_cochairs' ||
                  unique_35 === 'ocha_iccg' ||
                  unique_35 === 'unhcr' ||
                  unique_35 === 'iom',
              ))) &&
          (unique_2.vary === undefined ||
            !('vary' in unique_2) ||
            (typeof unique_2.vary === 'object' &&
              unique_2.vary !== null &&
              !Array.isArray(unique_2.vary) &&
              'question' in unique_2.vary &&
              Object.getOwnPropertyNames(unique_2.vary).every(
                (unique_36, unique_37) => External[14].test(unique_36) || false,
              ) &&
              typeof unique_2.vary.question === 'string' &&
              (unique_2.vary.values === undefined ||
                !('values' in unique_2.vary) ||
                (Array.isArray(unique_2.vary.values) &&
                  unique_2.vary.values.every(
                    (unique_38, index) => typeof unique_38 === 'string' || typeof unique_38 === 'boolean',
                  ) &&
                  unique_2.vary.values.length >= 2)) &&
              (unique_2.vary.toggle === undefined ||
                !('toggle' in unique_2.vary) ||
                typeof unique_2.vary.toggle === 'string' ||
                typeof unique_2.vary.toggle === 'boolean'))),
      );
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_5, unique_6) => External[4].test(unique_5) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_7, index) => check_2(unique_7)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[9].test(unique_18) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_20, index) => check_2(unique_20)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_21, unique_22) => External[10].test(unique_21) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_23, unique_24) => External[11].test(unique_23) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_8, unique_9) => External[5].test(unique_8) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_10, index) => check_2(unique_10)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_11, unique_12) => External[6].test(unique_11) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_13, index) => check_2(unique_13)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_14, unique_15) => External[7].test(unique_14) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[8].test(unique_16) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
  drafting: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^avoid$|^hctStep$|^childrenWhen$|^pseaWhen$|^citations$|^texts$|^byAnswer$|^services$|^mechanisms$|^actions$|^cautions$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(?!)/u,
      /(^id$|^when$|^withMechanisms$|^activity$|^indicators$)/u,
      /\S/u,
      /(?!)/u,
      /(^approach$|^task$|^taskExisting$|^milestones$)/u,
      /(?!)/u,
      /(^task$|^milestones$)/u,
      /(?!)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'avoid' in value &&
      'hctStep' in value &&
      'childrenWhen' in value &&
      'pseaWhen' in value &&
      'citations' in value &&
      'texts' in value &&
      'byAnswer' in value &&
      'services' in value &&
      'mechanisms' in value &&
      'actions' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      Array.isArray(value.avoid) &&
      value.avoid.every((unique_2, index) => typeof unique_2 === 'string' && External[1].test(unique_2)) &&
      value.avoid.length >= 1 &&
      typeof value.hctStep === 'object' &&
      value.hctStep !== null &&
      !Array.isArray(value.hctStep) &&
      'mechanism' in value.hctStep &&
      'step' in value.hctStep &&
      Object.getOwnPropertyNames(value.hctStep).length === 2 &&
      typeof value.hctStep.mechanism === 'string' &&
      typeof value.hctStep.step === 'string' &&
      External[2].test(value.hctStep.step) &&
      check_1(value.childrenWhen) &&
      check_1(value.pseaWhen) &&
      Array.isArray(value.citations) &&
      value.citations.every(
        (unique_23, index) =>
          typeof unique_23 === 'object' &&
          unique_23 !== null &&
          !Array.isArray(unique_23) &&
          'source' in unique_23 &&
          'point' in unique_23 &&
          Object.getOwnPropertyNames(unique_23).every(
            (unique_24, unique_25) => External[11].test(unique_24) || false,
          ) &&
          typeof unique_23.source === 'string' &&
          (unique_23.in === undefined ||
            !('in' in unique_23) ||
            (typeof unique_23.in === 'string' && External[12].test(unique_23.in))) &&
          typeof unique_23.point === 'string' &&
          External[13].test(unique_23.point),
      ) &&
      value.citations.length >= 1 &&
      typeof value.texts === 'object' &&
      value.texts !== null &&
      !Array.isArray(value.texts) &&
      'hno.title' in value.texts &&
      'hno.where' in value.texts &&
      'hno.label' in value.texts &&
      'hno.paragraph' in value.texts &&
      'hno.forms' in value.texts &&
      'hno.formsNone' in value.texts &&
      'hno.formsUnknown' in value.texts &&
      'hno.groups' in value.texts &&
      'hno.groupsNone' in value.texts &&
      'hno.groupsUnknown' in value.texts &&
      'hno.actorsNone' in value.texts &&
      'hno.children' in value.texts &&
      'hno.threat' in value.texts &&
      'hno.threatKnown' in value.texts &&
      'hno.armedActors' in value.texts &&
      'hno.related' in value.texts &&
      'hno.drivers' in value.texts &&
      'hno.areas' in value.texts &&
      'hno.trend' in value.texts &&
      'hno.gaps' in value.texts &&
      'hno.small' in value.texts &&
      'needs.acute' in value.texts &&
      'plan.acute' in value.texts &&
      'docs.acute' in value.texts &&
      'needs.preparedness' in value.texts &&
      'plan.preparedness' in value.texts &&
      'docs.preparedness' in value.texts &&
      'list.and' in value.texts &&
      'list.andLong' in value.texts &&
      'list.sepLong' in value.texts &&
      'outside.menLabour' in value.texts &&
      'outside.womenLabour' in value.texts &&
      'outside.adultsLabour' in value.texts &&
      'outside.men' in value.texts &&
      'outside.domestic' in value.texts &&
      'outside.any' in value.texts &&
      'routes.gbv' in value.texts &&
      'routes.cp' in value.texts &&
      'routes.general' in value.texts &&
      'routes.some' in value.texts &&
      'routes.any' in value.texts &&
      'hrp.title' in value.texts &&
      'hrp.where' in value.texts &&
      'hrp.phase.preparedness' in value.texts &&
      'hrp.phase.transition' in value.texts &&
      'hrp.phase.transitionComplicit' in value.texts &&
      'hrp.notCounted.child_recruitment' in value.texts &&
      'hrp.notCounted.forced_marriage' in value.texts &&
      'hrp.objectiveLabel' in value.texts &&
      'hrp.objective' in value.texts &&
      'hrp.groups' in value.texts &&
      'hrp.groupsAll' in value.texts &&
      'hrp.activitiesLabel' in value.texts &&
      'hrp.indicatorsLabel' in value.texts &&
      'hrp.indicator' in value.texts &&
      'hrp.level' in value.texts &&
      'hrp.baseline' in value.texts &&
      'hrp.target' in value.texts &&
      'hrp.output' in value.texts &&
      'hrp.outcome' in value.texts &&
      'hrp.baselinePlaceholder' in value.texts &&
      'hrp.targetPlaceholder' in value.texts &&
      'hrp.workplanLabel' in value.texts &&
      'hrp.task' in value.texts &&
      'hrp.milestone' in value.texts &&
      'strategy.title' in value.texts &&
      'strategy.where' in value.texts &&
      'strategy.clusterLabel' in value.texts &&
      'strategy.cluster' in value.texts &&
      'strategy.psea' in value.texts &&
      'strategy.alongside' in value.texts &&
      'strategy.hct' in value.texts &&
      'strategy.phase.preparedness' in value.texts &&
      'strategy.phase.transition' in value.texts &&
      'strategy.phase.transitionComplicit' in value.texts &&
      'annex.window.hno_hrp_drafting' in value.texts &&
      'annex.window.strategy_review' in value.texts &&
      'annex.window.other' in value.texts &&
      Object.getOwnPropertyNames(value.texts).length === 78 &&
      check_3(value.texts['hno.title']) &&
      check_3(value.texts['hno.where']) &&
      check_3(value.texts['hno.label']) &&
      check_3(value.texts['hno.paragraph']) &&
      check_3(value.texts['hno.forms']) &&
      check_3(value.texts['hno.formsNone']) &&
      check_3(value.texts['hno.formsUnknown']) &&
      check_3(value.texts['hno.groups']) &&
      check_3(value.texts['hno.groupsNone']) &&
      check_3(value.texts['hno.groupsUnknown']) &&
      check_3(value.texts['hno.actorsNone']) &&
      check_3(value.texts['hno.children']) &&
      check_3(value.texts['hno.threat']) &&
      check_3(value.texts['hno.threatKnown']) &&
      check_3(value.texts['hno.armedActors']) &&
      check_3(value.texts['hno.related']) &&
      check_3(value.texts['hno.drivers']) &&
      check_3(value.texts['hno.areas']) &&
      check_3(value.texts['hno.trend']) &&
      check_3(value.texts['hno.gaps']) &&
      check_3(value.texts['hno.small']) &&
      check_3(value.texts['needs.acute']) &&
      check_3(value.texts['plan.acute']) &&
      check_3(value.texts['docs.acute']) &&
      check_3(value.texts['needs.preparedness']) &&
      check_3(value.texts['plan.preparedness']) &&
      check_3(value.texts['docs.preparedness']) &&
      check_3(value.texts['list.and']) &&
      check_3(value.texts['list.andLong']) &&
      check_3(value.texts['list.sepLong']) &&
      check_3(value.texts['outside.menLabour']) &&
      check_3(value.texts['outside.womenLabour']) &&
      check_3(value.texts['outside.adultsLabour']) &&
      check_3(value.texts['outside.men']) &&
      check_3(value.texts['outside.domestic']) &&
      check_3(value.texts['outside.any']) &&
      check_3(value.texts['routes.gbv']) &&
      check_3(value.texts['routes.cp']) &&
      check_3(value.texts['routes.general']) &&
      check_3(value.texts['routes.some']) &&
      check_3(value.texts['routes.any']) &&
      check_3(value.texts['hrp.title']) &&
      check_3(value.texts['hrp.where']) &&
      check_3(value.texts['hrp.phase.preparedness']) &&
      check_3(value.texts['hrp.phase.transition']) &&
      check_3(value.texts['hrp.phase.transitionComplicit']) &&
      check_3(value.texts['hrp.notCounted.child_recruitment']) &&
      check_3(value.texts['hrp.notCounted.forced_marriage']) &&
      check_3(value.texts['hrp.objectiveLabel']) &&
      check_3(value.texts['hrp.objective']) &&
      check_3(value.texts['hrp.groups']) &&
      check_3(value.texts['hrp.groupsAll']) &&
      check_3(value.texts['hrp.activitiesLabel']) &&
      check_3(value.texts['hrp.indicatorsLabel']) &&
      check_3(value.texts['hrp.indicator']) &&
      check_3(value.texts['hrp.level']) &&
      check_3(value.texts['hrp.baseline']) &&
      check_3(value.texts['hrp.target']) &&
      check_3(value.texts['hrp.output']) &&
      check_3(value.texts['hrp.outcome']) &&
      check_3(value.texts['hrp.baselinePlaceholder']) &&
      check_3(value.texts['hrp.targetPlaceholder']) &&
      check_3(value.texts['hrp.workplanLabel']) &&
      check_3(value.texts['hrp.task']) &&
      check_3(value.texts['hrp.milestone']) &&
      check_3(value.texts['strategy.title']) &&
      check_3(value.texts['strategy.where']) &&
      check_3(value.texts['strategy.clusterLabel']) &&
      check_3(value.texts['strategy.cluster']) &&
      check_3(value.texts['strategy.psea']) &&
      check_3(value.texts['strategy.alongside']) &&
      check_3(value.texts['strategy.hct']) &&
      check_3(value.texts['strategy.phase.preparedness']) &&
      check_3(value.texts['strategy.phase.transition']) &&
      check_3(value.texts['strategy.phase.transitionComplicit']) &&
      check_3(value.texts['annex.window.hno_hrp_drafting']) &&
      check_3(value.texts['annex.window.strategy_review']) &&
      check_3(value.texts['annex.window.other']) &&
      typeof value.byAnswer === 'object' &&
      value.byAnswer !== null &&
      !Array.isArray(value.byAnswer) &&
      'scale' in value.byAnswer &&
      'evidence' in value.byAnswer &&
      'limits' in value.byAnswer &&
      'actors' in value.byAnswer &&
      'referral' in value.byAnswer &&
      'needs' in value.byAnswer &&
      'plan' in value.byAnswer &&
      'docs' in value.byAnswer &&
      'leaders' in value.byAnswer &&
      'strategy' in value.byAnswer &&
      'body' in value.byAnswer &&
      'form' in value.byAnswer &&
      'group' in value.byAnswer &&
      'perpetrator' in value.byAnswer &&
      Object.getOwnPropertyNames(value.byAnswer).length === 14 &&
      typeof value.byAnswer.scale === 'object' &&
      value.byAnswer.scale !== null &&
      !Array.isArray(value.byAnswer.scale) &&
      'question' in value.byAnswer.scale &&
      'texts' in value.byAnswer.scale &&
      Object.getOwnPropertyNames(value.byAnswer.scale).length === 2 &&
      typeof value.byAnswer.scale.question === 'string' &&
      typeof value.byAnswer.scale.texts === 'object' &&
      value.byAnswer.scale.texts !== null &&
      !Array.isArray(value.byAnswer.scale.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.scale.texts).every(
        (unique_26, unique_27) => External[14].test(unique_26) || check_3(value.byAnswer.scale.texts[unique_26]),
      ) &&
      true &&
      typeof value.byAnswer.evidence === 'object' &&
      value.byAnswer.evidence !== null &&
      !Array.isArray(value.byAnswer.evidence) &&
      'question' in value.byAnswer.evidence &&
      'texts' in value.byAnswer.evidence &&
      Object.getOwnPropertyNames(value.byAnswer.evidence).length === 2 &&
      typeof value.byAnswer.evidence.question === 'string' &&
      typeof value.byAnswer.evidence.texts === 'object' &&
      value.byAnswer.evidence.texts !== null &&
      !Array.isArray(value.byAnswer.evidence.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.evidence.texts).every(
        (unique_28, unique_29) => External[15].test(unique_28) || check_3(value.byAnswer.evidence.texts[unique_28]),
      ) &&
      true &&
      typeof value.byAnswer.limits === 'object' &&
      value.byAnswer.limits !== null &&
      !Array.isArray(value.byAnswer.limits) &&
      'question' in value.byAnswer.limits &&
      'texts' in value.byAnswer.limits &&
      Object.getOwnPropertyNames(value.byAnswer.limits).length === 2 &&
      typeof value.byAnswer.limits.question === 'string' &&
      typeof value.byAnswer.limits.texts === 'object' &&
      value.byAnswer.limits.texts !== null &&
      !Array.isArray(value.byAnswer.limits.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.limits.texts).every(
        (unique_30, unique_31) => External[16].test(unique_30) || check_3(value.byAnswer.limits.texts[unique_30]),
      ) &&
      true &&
      typeof value.byAnswer.actors === 'object' &&
      value.byAnswer.actors !== null &&
      !Array.isArray(value.byAnswer.actors) &&
      'question' in value.byAnswer.actors &&
      'texts' in value.byAnswer.actors &&
      Object.getOwnPropertyNames(value.byAnswer.actors).length === 2 &&
      typeof value.byAnswer.actors.question === 'string' &&
      typeof value.byAnswer.actors.texts === 'object' &&
      value.byAnswer.actors.texts !== null &&
      !Array.isArray(value.byAnswer.actors.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.actors.texts).every(
        (unique_32, unique_33) => External[17].test(unique_32) || check_3(value.byAnswer.actors.texts[unique_32]),
      ) &&
      true &&
      typeof value.byAnswer.referral === 'object' &&
      value.byAnswer.referral !== null &&
      !Array.isArray(value.byAnswer.referral) &&
      'question' in value.byAnswer.referral &&
      'texts' in value.byAnswer.referral &&
      Object.getOwnPropertyNames(value.byAnswer.referral).length === 2 &&
      typeof value.byAnswer.referral.question === 'string' &&
      typeof value.byAnswer.referral.texts === 'object' &&
      value.byAnswer.referral.texts !== null &&
      !Array.isArray(value.byAnswer.referral.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.referral.texts).every(
        (unique_34, unique_35) => External[18].test(unique_34) || check_3(value.byAnswer.referral.texts[unique_34]),
      ) &&
      true &&
      typeof value.byAnswer.needs === 'object' &&
      value.byAnswer.needs !== null &&
      !Array.isArray(value.byAnswer.needs) &&
      'question' in value.byAnswer.needs &&
      'texts' in value.byAnswer.needs &&
      Object.getOwnPropertyNames(value.byAnswer.needs).length === 2 &&
      typeof value.byAnswer.needs.question === 'string' &&
      typeof value.byAnswer.needs.texts === 'object' &&
      value.byAnswer.needs.texts !== null &&
      !Array.isArray(value.byAnswer.needs.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.needs.texts).every(
        (unique_36, unique_37) => External[19].test(unique_36) || check_3(value.byAnswer.needs.texts[unique_36]),
      ) &&
      true &&
      typeof value.byAnswer.plan === 'object' &&
      value.byAnswer.plan !== null &&
      !Array.isArray(value.byAnswer.plan) &&
      'question' in value.byAnswer.plan &&
      'texts' in value.byAnswer.plan &&
      Object.getOwnPropertyNames(value.byAnswer.plan).length === 2 &&
      typeof value.byAnswer.plan.question === 'string' &&
      typeof value.byAnswer.plan.texts === 'object' &&
      value.byAnswer.plan.texts !== null &&
      !Array.isArray(value.byAnswer.plan.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.plan.texts).every(
        (unique_38, unique_39) => External[20].test(unique_38) || check_3(value.byAnswer.plan.texts[unique_38]),
      ) &&
      true &&
      typeof value.byAnswer.docs === 'object' &&
      value.byAnswer.docs !== null &&
      !Array.isArray(value.byAnswer.docs) &&
      'question' in value.byAnswer.docs &&
      'texts' in value.byAnswer.docs &&
      Object.getOwnPropertyNames(value.byAnswer.docs).length === 2 &&
      typeof value.byAnswer.docs.question === 'string' &&
      typeof value.byAnswer.docs.texts === 'object' &&
      value.byAnswer.docs.texts !== null &&
      !Array.isArray(value.byAnswer.docs.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.docs.texts).every(
        (unique_40, unique_41) => External[21].test(unique_40) || check_3(value.byAnswer.docs.texts[unique_40]),
      ) &&
      true &&
      typeof value.byAnswer.leaders === 'object' &&
      value.byAnswer.leaders !== null &&
      !Array.isArray(value.byAnswer.leaders) &&
      'question' in value.byAnswer.leaders &&
      'texts' in value.byAnswer.leaders &&
      Object.getOwnPropertyNames(value.byAnswer.leaders).length === 2 &&
      typeof value.byAnswer.leaders.question === 'string' &&
      typeof value.byAnswer.leaders.texts === 'object' &&
      value.byAnswer.leaders.texts !== null &&
      !Array.isArray(value.byAnswer.leaders.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.leaders.texts).every(
        (unique_42, unique_43) => External[22].test(unique_42) || check_3(value.byAnswer.leaders.texts[unique_42]),
      ) &&
      true &&
      typeof value.byAnswer.strategy === 'object' &&
      value.byAnswer.strategy !== null &&
      !Array.isArray(value.byAnswer.strategy) &&
      'question' in value.byAnswer.strategy &&
      'texts' in value.byAnswer.strategy &&
      Object.getOwnPropertyNames(value.byAnswer.strategy).length === 2 &&
      typeof value.byAnswer.strategy.question === 'string' &&
      typeof value.byAnswer.strategy.texts === 'object' &&
      value.byAnswer.strategy.texts !== null &&
      !Array.isArray(value.byAnswer.strategy.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.strategy.texts).every(
        (unique_44, unique_45) => External[23].test(unique_44) || check_3(value.byAnswer.strategy.texts[unique_44]),
      ) &&
      true &&
      typeof value.byAnswer.body === 'object' &&
      value.byAnswer.body !== null &&
      !Array.isArray(value.byAnswer.body) &&
      'question' in value.byAnswer.body &&
      'texts' in value.byAnswer.body &&
      Object.getOwnPropertyNames(value.byAnswer.body).length === 2 &&
      typeof value.byAnswer.body.question === 'string' &&
      typeof value.byAnswer.body.texts === 'object' &&
      value.byAnswer.body.texts !== null &&
      !Array.isArray(value.byAnswer.body.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.body.texts).every(
        (unique_46, unique_47) => External[24].test(unique_46) || check_3(value.byAnswer.body.texts[unique_46]),
      ) &&
      true &&
      typeof value.byAnswer.form === 'object' &&
      value.byAnswer.form !== null &&
      !Array.isArray(value.byAnswer.form) &&
      'question' in value.byAnswer.form &&
      'texts' in value.byAnswer.form &&
      Object.getOwnPropertyNames(value.byAnswer.form).length === 2 &&
      typeof value.byAnswer.form.question === 'string' &&
      typeof value.byAnswer.form.texts === 'object' &&
      value.byAnswer.form.texts !== null &&
      !Array.isArray(value.byAnswer.form.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.form.texts).every(
        (unique_48, unique_49) => External[25].test(unique_48) || check_3(value.byAnswer.form.texts[unique_48]),
      ) &&
      true &&
      typeof value.byAnswer.group === 'object' &&
      value.byAnswer.group !== null &&
      !Array.isArray(value.byAnswer.group) &&
      'question' in value.byAnswer.group &&
      'texts' in value.byAnswer.group &&
      Object.getOwnPropertyNames(value.byAnswer.group).length === 2 &&
      typeof value.byAnswer.group.question === 'string' &&
      typeof value.byAnswer.group.texts === 'object' &&
      value.byAnswer.group.texts !== null &&
      !Array.isArray(value.byAnswer.group.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.group.texts).every(
        (unique_50, unique_51) => External[26].test(unique_50) || check_3(value.byAnswer.group.texts[unique_50]),
      ) &&
      true &&
      typeof value.byAnswer.perpetrator === 'object' &&
      value.byAnswer.perpetrator !== null &&
      !Array.isArray(value.byAnswer.perpetrator) &&
      'question' in value.byAnswer.perpetrator &&
      'texts' in value.byAnswer.perpetrator &&
      Object.getOwnPropertyNames(value.byAnswer.perpetrator).length === 2 &&
      typeof value.byAnswer.perpetrator.question === 'string' &&
      typeof value.byAnswer.perpetrator.texts === 'object' &&
      value.byAnswer.perpetrator.texts !== null &&
      !Array.isArray(value.byAnswer.perpetrator.texts) &&
      Object.getOwnPropertyNames(value.byAnswer.perpetrator.texts).every(
        (unique_52, unique_53) => External[27].test(unique_52) || check_3(value.byAnswer.perpetrator.texts[unique_52]),
      ) &&
      true &&
      Array.isArray(value.services) &&
      value.services.every(
        (unique_54, index) =>
          typeof unique_54 === 'object' &&
          unique_54 !== null &&
          !Array.isArray(unique_54) &&
          'id' in unique_54 &&
          'activity' in unique_54 &&
          'indicators' in unique_54 &&
          Object.getOwnPropertyNames(unique_54).every(
            (unique_55, unique_56) => External[28].test(unique_55) || false,
          ) &&
          typeof unique_54.id === 'string' &&
          External[29].test(unique_54.id) &&
          (unique_54.when === undefined || !('when' in unique_54) || check_1(unique_54.when)) &&
          (unique_54.withMechanisms === undefined ||
            !('withMechanisms' in unique_54) ||
            (Array.isArray(unique_54.withMechanisms) &&
              unique_54.withMechanisms.every((unique_57, index) => typeof unique_57 === 'string'))) &&
          check_3(unique_54.activity) &&
          Array.isArray(unique_54.indicators) &&
          unique_54.indicators.every(
            (unique_58, index) =>
              typeof unique_58 === 'object' &&
              unique_58 !== null &&
              !Array.isArray(unique_58) &&
              'level' in unique_58 &&
              'text' in unique_58 &&
              Object.getOwnPropertyNames(unique_58).length === 2 &&
              (unique_58.level === 'output' || unique_58.level === 'outcome') &&
              check_3(unique_58.text),
          ),
      ) &&
      value.services.length >= 1 &&
      typeof value.mechanisms === 'object' &&
      value.mechanisms !== null &&
      !Array.isArray(value.mechanisms) &&
      Object.getOwnPropertyNames(value.mechanisms).every(
        (unique_59, unique_60) =>
          External[30].test(unique_59) ||
          (typeof value.mechanisms[unique_59] === 'object' &&
            value.mechanisms[unique_59] !== null &&
            !Array.isArray(value.mechanisms[unique_59]) &&
            'approach' in value.mechanisms[unique_59] &&
            'task' in value.mechanisms[unique_59] &&
            'milestones' in value.mechanisms[unique_59] &&
            Object.getOwnPropertyNames(value.mechanisms[unique_59]).every(
              (unique_61, unique_62) => External[31].test(unique_61) || false,
            ) &&
            check_3(value.mechanisms[unique_59].approach) &&
            check_3(value.mechanisms[unique_59].task) &&
            (value.mechanisms[unique_59].taskExisting === undefined ||
              !('taskExisting' in value.mechanisms[unique_59]) ||
              check_3(value.mechanisms[unique_59].taskExisting)) &&
            Array.isArray(value.mechanisms[unique_59].milestones) &&
            value.mechanisms[unique_59].milestones.every((unique_63, index) => check_3(unique_63))),
      ) &&
      true &&
      typeof value.actions === 'object' &&
      value.actions !== null &&
      !Array.isArray(value.actions) &&
      Object.getOwnPropertyNames(value.actions).every(
        (unique_64, unique_65) =>
          External[32].test(unique_64) ||
          (typeof value.actions[unique_64] === 'object' &&
            value.actions[unique_64] !== null &&
            !Array.isArray(value.actions[unique_64]) &&
            'milestones' in value.actions[unique_64] &&
            Object.getOwnPropertyNames(value.actions[unique_64]).every(
              (unique_66, unique_67) => External[33].test(unique_66) || false,
            ) &&
            (value.actions[unique_64].task === undefined ||
              !('task' in value.actions[unique_64]) ||
              check_3(value.actions[unique_64].task)) &&
            Array.isArray(value.actions[unique_64].milestones) &&
            value.actions[unique_64].milestones.every((unique_68, index) => check_3(unique_68))),
      ) &&
      true &&
      (value.cautions === undefined ||
        !('cautions' in value) ||
        (typeof value.cautions === 'object' &&
          value.cautions !== null &&
          !Array.isArray(value.cautions) &&
          Object.getOwnPropertyNames(value.cautions).every(
            (unique_69, unique_70) =>
              External[34].test(unique_69) ||
              (typeof value.cautions[unique_69] === 'object' &&
                value.cautions[unique_69] !== null &&
                !Array.isArray(value.cautions[unique_69]) &&
                'commitment' in value.cautions[unique_69] &&
                Object.getOwnPropertyNames(value.cautions[unique_69]).length === 1 &&
                check_3(value.cautions[unique_69].commitment)),
          ) &&
          true));
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_3, unique_4) => External[3].test(unique_3) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_5, index) => check_2(unique_5)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[8].test(unique_16) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_18, index) => check_2(unique_18)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_19, unique_20) => External[9].test(unique_19) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_21, unique_22) => External[10].test(unique_21) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_6, unique_7) => External[4].test(unique_6) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_8, index) => check_2(unique_8)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_9, unique_10) => External[5].test(unique_9) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_11, index) => check_2(unique_11)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_12, unique_13) => External[6].test(unique_12) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_14, unique_15) => External[7].test(unique_14) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_3 = (value) =>
      typeof value === 'string' ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'standard' in value &&
        'safe' in value &&
        Object.getOwnPropertyNames(value).length === 2 &&
        typeof value.standard === 'string' &&
        typeof value.safe === 'string');
    return (value) => check_0(value);
  })(),
  mechanism: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^id$|^title$|^summary$|^existsWhen$|^existingTitle$|^owner$|^horizon$|^steps$|^citations$|^rules$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /\S/u,
      /(^\$comment$|^id$|^owner$|^horizon$|^plan$|^text$|^when$)/u,
      /\S/u,
      /\S/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^role$|^order$|^verdicts$|^title$|^rationale$|^basis$|^citations$|^conditions$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'id' in value &&
      'title' in value &&
      'summary' in value &&
      'rules' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.id === 'string' &&
      External[1].test(value.id) &&
      typeof value.title === 'string' &&
      External[2].test(value.title) &&
      typeof value.summary === 'string' &&
      External[3].test(value.summary) &&
      (value.existsWhen === undefined || !('existsWhen' in value) || check_1(value.existsWhen)) &&
      (value.existingTitle === undefined ||
        !('existingTitle' in value) ||
        (typeof value.existingTitle === 'string' && External[12].test(value.existingTitle))) &&
      (value.owner === undefined ||
        !('owner' in value) ||
        value.owner === 'cluster_coordinator' ||
        value.owner === 'gbv_aor_coordinator' ||
        value.owner === 'cp_aor_coordinator' ||
        value.owner === 'ct_focal_point' ||
        value.owner === 'imo' ||
        value.owner === 'hc_or_refugee_coordinator' ||
        value.owner === 'ctfmr_cochairs' ||
        value.owner === 'ocha_iccg' ||
        value.owner === 'unhcr') &&
      (value.horizon === undefined ||
        !('horizon' in value) ||
        value.horizon === 30 ||
        value.horizon === 60 ||
        value.horizon === 90) &&
      (value.steps === undefined ||
        !('steps' in value) ||
        (Array.isArray(value.steps) &&
          value.steps.every(
            (unique_22, index) =>
              typeof unique_22 === 'object' &&
              unique_22 !== null &&
              !Array.isArray(unique_22) &&
              'text' in unique_22 &&
              Object.getOwnPropertyNames(unique_22).every(
                (unique_23, unique_24) => External[13].test(unique_23) || false,
              ) &&
              (unique_22.$comment === undefined || !('$comment' in unique_22) || true) &&
              (unique_22.id === undefined ||
                !('id' in unique_22) ||
                (typeof unique_22.id === 'string' && External[14].test(unique_22.id))) &&
              (unique_22.owner === undefined ||
                !('owner' in unique_22) ||
                unique_22.owner === 'cluster_coordinator' ||
                unique_22.owner === 'gbv_aor_coordinator' ||
                unique_22.owner === 'cp_aor_coordinator' ||
                unique_22.owner === 'ct_focal_point' ||
                unique_22.owner === 'imo' ||
                unique_22.owner === 'hc_or_refugee_coordinator' ||
                unique_22.owner === 'ctfmr_cochairs' ||
                unique_22.owner === 'ocha_iccg' ||
                unique_22.owner === 'unhcr') &&
              (unique_22.horizon === undefined ||
                !('horizon' in unique_22) ||
                unique_22.horizon === 30 ||
                unique_22.horizon === 60 ||
                unique_22.horizon === 90) &&
              (unique_22.plan === undefined ||
                !('plan' in unique_22) ||
                (Number.isInteger(unique_22.plan) &&
                  (!(Number.isFinite(unique_22.plan) || typeof unique_22.plan === 'bigint') ||
                    (unique_22.plan >= 1 && unique_22.plan <= 9)))) &&
              typeof unique_22.text === 'string' &&
              External[15].test(unique_22.text) &&
              (unique_22.when === undefined || !('when' in unique_22) || check_1(unique_22.when)),
          ))) &&
      (value.citations === undefined ||
        !('citations' in value) ||
        (Array.isArray(value.citations) &&
          value.citations.every(
            (unique_25, index) =>
              typeof unique_25 === 'object' &&
              unique_25 !== null &&
              !Array.isArray(unique_25) &&
              'source' in unique_25 &&
              'point' in unique_25 &&
              Object.getOwnPropertyNames(unique_25).every(
                (unique_26, unique_27) => External[16].test(unique_26) || false,
              ) &&
              typeof unique_25.source === 'string' &&
              (unique_25.in === undefined ||
                !('in' in unique_25) ||
                (typeof unique_25.in === 'string' && External[17].test(unique_25.in))) &&
              typeof unique_25.point === 'string' &&
              External[18].test(unique_25.point),
          ))) &&
      Array.isArray(value.rules) &&
      value.rules.every(
        (unique_28, index) =>
          typeof unique_28 === 'object' &&
          unique_28 !== null &&
          !Array.isArray(unique_28) &&
          'id' in unique_28 &&
          'role' in unique_28 &&
          'title' in unique_28 &&
          'rationale' in unique_28 &&
          'basis' in unique_28 &&
          'citations' in unique_28 &&
          'conditions' in unique_28 &&
          Object.getOwnPropertyNames(unique_28).every(
            (unique_29, unique_30) => External[19].test(unique_29) || false,
          ) &&
          (unique_28.$comment === undefined || !('$comment' in unique_28) || true) &&
          typeof unique_28.id === 'string' &&
          External[20].test(unique_28.id) &&
          (unique_28.role === 'primary' || unique_28.role === 'complementary') &&
          (unique_28.order === undefined ||
            !('order' in unique_28) ||
            (Number.isInteger(unique_28.order) &&
              (!(Number.isFinite(unique_28.order) || typeof unique_28.order === 'bigint') || unique_28.order >= 1))) &&
          (unique_28.verdicts === undefined ||
            !('verdicts' in unique_28) ||
            (Array.isArray(unique_28.verdicts) &&
              unique_28.verdicts.every((unique_31, index) => typeof unique_31 === 'string') &&
              unique_28.verdicts.length >= 1)) &&
          typeof unique_28.title === 'string' &&
          External[21].test(unique_28.title) &&
          typeof unique_28.rationale === 'string' &&
          External[22].test(unique_28.rationale) &&
          (unique_28.basis === 'source' || unique_28.basis === 'inference') &&
          Array.isArray(unique_28.citations) &&
          unique_28.citations.every(
            (unique_32, index) =>
              typeof unique_32 === 'object' &&
              unique_32 !== null &&
              !Array.isArray(unique_32) &&
              'source' in unique_32 &&
              'point' in unique_32 &&
              Object.getOwnPropertyNames(unique_32).every(
                (unique_33, unique_34) => External[23].test(unique_33) || false,
              ) &&
              typeof unique_32.source === 'string' &&
              (unique_32.in === undefined ||
                !('in' in unique_32) ||
                (typeof unique_32.in === 'string' && External[24].test(unique_32.in))) &&
              typeof unique_32.point === 'string' &&
              External[25].test(unique_32.point),
          ) &&
          unique_28.citations.length >= 1 &&
          check_3(unique_28.conditions),
      ) &&
      value.rules.length >= 1;
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_2, unique_3) => External[4].test(unique_2) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_4, index) => check_2(unique_4)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_15, unique_16) => External[9].test(unique_15) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_17, index) => check_2(unique_17)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[10].test(unique_18) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_20, unique_21) => External[11].test(unique_20) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_5, unique_6) => External[5].test(unique_5) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_7, index) => check_2(unique_7)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_8, unique_9) => External[6].test(unique_8) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_10, index) => check_2(unique_10)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_11, unique_12) => External[7].test(unique_11) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_13, unique_14) => External[8].test(unique_13) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_3 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_35, unique_36) => External[26].test(unique_35) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_37, index) => check_4(unique_37)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_48, unique_49) => External[31].test(unique_48) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_50, index) => check_4(unique_50)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_51, unique_52) => External[32].test(unique_51) || false) &&
        check_4(value.not) &&
        (value.name === undefined || !('name' in value) || true));
    const check_4 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_38, unique_39) => External[27].test(unique_38) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_40, index) => check_2(unique_40)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_41, unique_42) => External[28].test(unique_41) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_43, index) => check_2(unique_43)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_44, unique_45) => External[29].test(unique_44) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_46, unique_47) => External[30].test(unique_46) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
  caution: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^id$|^title$|^summary$|^owner$|^horizon$|^steps$|^citations$|^rules$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^owner$|^horizon$|^plan$|^text$|^when$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^title$|^rationale$|^basis$|^citations$|^conditions$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'id' in value &&
      'title' in value &&
      'summary' in value &&
      'rules' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.id === 'string' &&
      External[1].test(value.id) &&
      typeof value.title === 'string' &&
      External[2].test(value.title) &&
      typeof value.summary === 'string' &&
      External[3].test(value.summary) &&
      (value.owner === undefined ||
        !('owner' in value) ||
        value.owner === 'cluster_coordinator' ||
        value.owner === 'gbv_aor_coordinator' ||
        value.owner === 'cp_aor_coordinator' ||
        value.owner === 'ct_focal_point' ||
        value.owner === 'imo' ||
        value.owner === 'hc_or_refugee_coordinator' ||
        value.owner === 'ctfmr_cochairs' ||
        value.owner === 'ocha_iccg' ||
        value.owner === 'unhcr') &&
      (value.horizon === undefined ||
        !('horizon' in value) ||
        value.horizon === 30 ||
        value.horizon === 60 ||
        value.horizon === 90) &&
      (value.steps === undefined ||
        !('steps' in value) ||
        (Array.isArray(value.steps) &&
          value.steps.every(
            (unique_2, index) =>
              typeof unique_2 === 'object' &&
              unique_2 !== null &&
              !Array.isArray(unique_2) &&
              'text' in unique_2 &&
              Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => External[4].test(unique_3) || false) &&
              (unique_2.$comment === undefined || !('$comment' in unique_2) || true) &&
              (unique_2.id === undefined ||
                !('id' in unique_2) ||
                (typeof unique_2.id === 'string' && External[5].test(unique_2.id))) &&
              (unique_2.owner === undefined ||
                !('owner' in unique_2) ||
                unique_2.owner === 'cluster_coordinator' ||
                unique_2.owner === 'gbv_aor_coordinator' ||
                unique_2.owner === 'cp_aor_coordinator' ||
                unique_2.owner === 'ct_focal_point' ||
                unique_2.owner === 'imo' ||
                unique_2.owner === 'hc_or_refugee_coordinator' ||
                unique_2.owner === 'ctfmr_cochairs' ||
                unique_2.owner === 'ocha_iccg' ||
                unique_2.owner === 'unhcr') &&
              (unique_2.horizon === undefined ||
                !('horizon' in unique_2) ||
                unique_2.horizon === 30 ||
                unique_2.horizon === 60 ||
                unique_2.horizon === 90) &&
              (unique_2.plan === undefined ||
                !('plan' in unique_2) ||
                (Number.isInteger(unique_2.plan) &&
                  (!(Number.isFinite(unique_2.plan) || typeof unique_2.plan === 'bigint') ||
                    (unique_2.plan >= 1 && unique_2.plan <= 9)))) &&
              typeof unique_2.text === 'string' &&
              External[6].test(unique_2.text) &&
              (unique_2.when === undefined || !('when' in unique_2) || check_1(unique_2.when)),
          ))) &&
      (value.citations === undefined ||
        !('citations' in value) ||
        (Array.isArray(value.citations) &&
          value.citations.every(
            (unique_25, index) =>
              typeof unique_25 === 'object' &&
              unique_25 !== null &&
              !Array.isArray(unique_25) &&
              'source' in unique_25 &&
              'point' in unique_25 &&
              Object.getOwnPropertyNames(unique_25).every(
                (unique_26, unique_27) => External[15].test(unique_26) || false,
              ) &&
              typeof unique_25.source === 'string' &&
              (unique_25.in === undefined ||
                !('in' in unique_25) ||
                (typeof unique_25.in === 'string' && External[16].test(unique_25.in))) &&
              typeof unique_25.point === 'string' &&
              External[17].test(unique_25.point),
          ))) &&
      Array.isArray(value.rules) &&
      value.rules.every(
        (unique_28, index) =>
          typeof unique_28 === 'object' &&
          unique_28 !== null &&
          !Array.isArray(unique_28) &&
          'id' in unique_28 &&
          'title' in unique_28 &&
          'rationale' in unique_28 &&
          'basis' in unique_28 &&
          'citations' in unique_28 &&
          'conditions' in unique_28 &&
          Object.getOwnPropertyNames(unique_28).every(
            (unique_29, unique_30) => External[18].test(unique_29) || false,
          ) &&
          (unique_28.$comment === undefined || !('$comment' in unique_28) || true) &&
          typeof unique_28.id === 'string' &&
          External[19].test(unique_28.id) &&
          typeof unique_28.title === 'string' &&
          External[20].test(unique_28.title) &&
          typeof unique_28.rationale === 'string' &&
          External[21].test(unique_28.rationale) &&
          (unique_28.basis === 'source' || unique_28.basis === 'inference') &&
          Array.isArray(unique_28.citations) &&
          unique_28.citations.every(
            (unique_31, index) =>
              typeof unique_31 === 'object' &&
              unique_31 !== null &&
              !Array.isArray(unique_31) &&
              'source' in unique_31 &&
              'point' in unique_31 &&
              Object.getOwnPropertyNames(unique_31).every(
                (unique_32, unique_33) => External[22].test(unique_32) || false,
              ) &&
              typeof unique_31.source === 'string' &&
              (unique_31.in === undefined ||
                !('in' in unique_31) ||
                (typeof unique_31.in === 'string' && External[23].test(unique_31.in))) &&
              typeof unique_31.point === 'string' &&
              External[24].test(unique_31.point),
          ) &&
          unique_28.citations.length >= 1 &&
          check_3(unique_28.conditions),
      ) &&
      value.rules.length >= 1;
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_5, unique_6) => External[7].test(unique_5) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_7, index) => check_2(unique_7)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[12].test(unique_18) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_20, index) => check_2(unique_20)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_21, unique_22) => External[13].test(unique_21) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_23, unique_24) => External[14].test(unique_23) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_8, unique_9) => External[8].test(unique_8) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_10, index) => check_2(unique_10)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_11, unique_12) => External[9].test(unique_11) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_13, index) => check_2(unique_13)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_14, unique_15) => External[10].test(unique_14) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[11].test(unique_16) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_3 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_34, unique_35) => External[25].test(unique_34) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_36, index) => check_4(unique_36)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_47, unique_48) => External[30].test(unique_47) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_49, index) => check_4(unique_49)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_50, unique_51) => External[31].test(unique_50) || false) &&
        check_4(value.not) &&
        (value.name === undefined || !('name' in value) || true));
    const check_4 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_37, unique_38) => External[26].test(unique_37) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_39, index) => check_2(unique_39)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_40, unique_41) => External[27].test(unique_40) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_42, index) => check_2(unique_42)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_43, unique_44) => External[28].test(unique_43) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_45, unique_46) => External[29].test(unique_45) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
  action: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^id$|^title$|^summary$|^owner$|^horizon$|^steps$|^citations$|^rules$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^owner$|^horizon$|^plan$|^text$|^when$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^title$|^rationale$|^basis$|^citations$|^conditions$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'id' in value &&
      'title' in value &&
      'summary' in value &&
      'rules' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.id === 'string' &&
      External[1].test(value.id) &&
      typeof value.title === 'string' &&
      External[2].test(value.title) &&
      typeof value.summary === 'string' &&
      External[3].test(value.summary) &&
      (value.owner === undefined ||
        !('owner' in value) ||
        value.owner === 'cluster_coordinator' ||
        value.owner === 'gbv_aor_coordinator' ||
        value.owner === 'cp_aor_coordinator' ||
        value.owner === 'ct_focal_point' ||
        value.owner === 'imo' ||
        value.owner === 'hc_or_refugee_coordinator' ||
        value.owner === 'ctfmr_cochairs' ||
        value.owner === 'ocha_iccg' ||
        value.owner === 'unhcr') &&
      (value.horizon === undefined ||
        !('horizon' in value) ||
        value.horizon === 30 ||
        value.horizon === 60 ||
        value.horizon === 90) &&
      (value.steps === undefined ||
        !('steps' in value) ||
        (Array.isArray(value.steps) &&
          value.steps.every(
            (unique_2, index) =>
              typeof unique_2 === 'object' &&
              unique_2 !== null &&
              !Array.isArray(unique_2) &&
              'text' in unique_2 &&
              Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => External[4].test(unique_3) || false) &&
              (unique_2.$comment === undefined || !('$comment' in unique_2) || true) &&
              (unique_2.id === undefined ||
                !('id' in unique_2) ||
                (typeof unique_2.id === 'string' && External[5].test(unique_2.id))) &&
              (unique_2.owner === undefined ||
                !('owner' in unique_2) ||
                unique_2.owner === 'cluster_coordinator' ||
                unique_2.owner === 'gbv_aor_coordinator' ||
                unique_2.owner === 'cp_aor_coordinator' ||
                unique_2.owner === 'ct_focal_point' ||
                unique_2.owner === 'imo' ||
                unique_2.owner === 'hc_or_refugee_coordinator' ||
                unique_2.owner === 'ctfmr_cochairs' ||
                unique_2.owner === 'ocha_iccg' ||
                unique_2.owner === 'unhcr') &&
              (unique_2.horizon === undefined ||
                !('horizon' in unique_2) ||
                unique_2.horizon === 30 ||
                unique_2.horizon === 60 ||
                unique_2.horizon === 90) &&
              (unique_2.plan === undefined ||
                !('plan' in unique_2) ||
                (Number.isInteger(unique_2.plan) &&
                  (!(Number.isFinite(unique_2.plan) || typeof unique_2.plan === 'bigint') ||
                    (unique_2.plan >= 1 && unique_2.plan <= 9)))) &&
              typeof unique_2.text === 'string' &&
              External[6].test(unique_2.text) &&
              (unique_2.when === undefined || !('when' in unique_2) || check_1(unique_2.when)),
          ))) &&
      (value.citations === undefined ||
        !('citations' in value) ||
        (Array.isArray(value.citations) &&
          value.citations.every(
            (unique_25, index) =>
              typeof unique_25 === 'object' &&
              unique_25 !== null &&
              !Array.isArray(unique_25) &&
              'source' in unique_25 &&
              'point' in unique_25 &&
              Object.getOwnPropertyNames(unique_25).every(
                (unique_26, unique_27) => External[15].test(unique_26) || false,
              ) &&
              typeof unique_25.source === 'string' &&
              (unique_25.in === undefined ||
                !('in' in unique_25) ||
                (typeof unique_25.in === 'string' && External[16].test(unique_25.in))) &&
              typeof unique_25.point === 'string' &&
              External[17].test(unique_25.point),
          ))) &&
      Array.isArray(value.rules) &&
      value.rules.every(
        (unique_28, index) =>
          typeof unique_28 === 'object' &&
          unique_28 !== null &&
          !Array.isArray(unique_28) &&
          'id' in unique_28 &&
          'title' in unique_28 &&
          'rationale' in unique_28 &&
          'basis' in unique_28 &&
          'citations' in unique_28 &&
          'conditions' in unique_28 &&
          Object.getOwnPropertyNames(unique_28).every(
            (unique_29, unique_30) => External[18].test(unique_29) || false,
          ) &&
          (unique_28.$comment === undefined || !('$comment' in unique_28) || true) &&
          typeof unique_28.id === 'string' &&
          External[19].test(unique_28.id) &&
          typeof unique_28.title === 'string' &&
          External[20].test(unique_28.title) &&
          typeof unique_28.rationale === 'string' &&
          External[21].test(unique_28.rationale) &&
          (unique_28.basis === 'source' || unique_28.basis === 'inference') &&
          Array.isArray(unique_28.citations) &&
          unique_28.citations.every(
            (unique_31, index) =>
              typeof unique_31 === 'object' &&
              unique_31 !== null &&
              !Array.isArray(unique_31) &&
              'source' in unique_31 &&
              'point' in unique_31 &&
              Object.getOwnPropertyNames(unique_31).every(
                (unique_32, unique_33) => External[22].test(unique_32) || false,
              ) &&
              typeof unique_31.source === 'string' &&
              (unique_31.in === undefined ||
                !('in' in unique_31) ||
                (typeof unique_31.in === 'string' && External[23].test(unique_31.in))) &&
              typeof unique_31.point === 'string' &&
              External[24].test(unique_31.point),
          ) &&
          unique_28.citations.length >= 1 &&
          check_3(unique_28.conditions),
      ) &&
      value.rules.length >= 1;
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_5, unique_6) => External[7].test(unique_5) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_7, index) => check_2(unique_7)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[12].test(unique_18) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_20, index) => check_2(unique_20)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_21, unique_22) => External[13].test(unique_21) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_23, unique_24) => External[14].test(unique_23) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_8, unique_9) => External[8].test(unique_8) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_10, index) => check_2(unique_10)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_11, unique_12) => External[9].test(unique_11) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_13, index) => check_2(unique_13)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_14, unique_15) => External[10].test(unique_14) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[11].test(unique_16) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_3 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_34, unique_35) => External[25].test(unique_34) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_36, index) => check_4(unique_36)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_47, unique_48) => External[30].test(unique_47) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_49, index) => check_4(unique_49)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_50, unique_51) => External[31].test(unique_50) || false) &&
        check_4(value.not) &&
        (value.name === undefined || !('name' in value) || true));
    const check_4 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_37, unique_38) => External[26].test(unique_37) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_39, index) => check_2(unique_39)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_40, unique_41) => External[27].test(unique_40) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_42, index) => check_2(unique_42)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_43, unique_44) => External[28].test(unique_43) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_45, unique_46) => External[29].test(unique_45) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
  verdict: (() => {
    const External = [
      /(^\$comment$|^\$schema$|^id$|^title$|^summary$|^owner$|^horizon$|^steps$|^citations$|^rules$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^owner$|^horizon$|^plan$|^text$|^when$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^\$comment$|^id$|^order$|^title$|^rationale$|^basis$|^citations$|^conditions$)/u,
      /\S/u,
      /\S/u,
      /\S/u,
      /(^source$|^in$|^point$)/u,
      /\S/u,
      /\S/u,
      /(^all$|^name$)/u,
      /(^all$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
      /(^fact$|^operator$|^value$|^name$)/u,
      /(^any$|^name$)/u,
      /(^not$|^name$)/u,
    ];
    const check_0 = (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'id' in value &&
      'title' in value &&
      'summary' in value &&
      'rules' in value &&
      Object.getOwnPropertyNames(value).every((unique_0, unique_1) => External[0].test(unique_0) || false) &&
      (value.$comment === undefined || !('$comment' in value) || true) &&
      (value.$schema === undefined || !('$schema' in value) || true) &&
      typeof value.id === 'string' &&
      External[1].test(value.id) &&
      typeof value.title === 'string' &&
      External[2].test(value.title) &&
      typeof value.summary === 'string' &&
      External[3].test(value.summary) &&
      (value.owner === undefined ||
        !('owner' in value) ||
        value.owner === 'cluster_coordinator' ||
        value.owner === 'gbv_aor_coordinator' ||
        value.owner === 'cp_aor_coordinator' ||
        value.owner === 'ct_focal_point' ||
        value.owner === 'imo' ||
        value.owner === 'hc_or_refugee_coordinator' ||
        value.owner === 'ctfmr_cochairs' ||
        value.owner === 'ocha_iccg' ||
        value.owner === 'unhcr') &&
      (value.horizon === undefined ||
        !('horizon' in value) ||
        value.horizon === 30 ||
        value.horizon === 60 ||
        value.horizon === 90) &&
      (value.steps === undefined ||
        !('steps' in value) ||
        (Array.isArray(value.steps) &&
          value.steps.every(
            (unique_2, index) =>
              typeof unique_2 === 'object' &&
              unique_2 !== null &&
              !Array.isArray(unique_2) &&
              'text' in unique_2 &&
              Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => External[4].test(unique_3) || false) &&
              (unique_2.$comment === undefined || !('$comment' in unique_2) || true) &&
              (unique_2.id === undefined ||
                !('id' in unique_2) ||
                (typeof unique_2.id === 'string' && External[5].test(unique_2.id))) &&
              (unique_2.owner === undefined ||
                !('owner' in unique_2) ||
                unique_2.owner === 'cluster_coordinator' ||
                unique_2.owner === 'gbv_aor_coordinator' ||
                unique_2.owner === 'cp_aor_coordinator' ||
                unique_2.owner === 'ct_focal_point' ||
                unique_2.owner === 'imo' ||
                unique_2.owner === 'hc_or_refugee_coordinator' ||
                unique_2.owner === 'ctfmr_cochairs' ||
                unique_2.owner === 'ocha_iccg' ||
                unique_2.owner === 'unhcr') &&
              (unique_2.horizon === undefined ||
                !('horizon' in unique_2) ||
                unique_2.horizon === 30 ||
                unique_2.horizon === 60 ||
                unique_2.horizon === 90) &&
              (unique_2.plan === undefined ||
                !('plan' in unique_2) ||
                (Number.isInteger(unique_2.plan) &&
                  (!(Number.isFinite(unique_2.plan) || typeof unique_2.plan === 'bigint') ||
                    (unique_2.plan >= 1 && unique_2.plan <= 9)))) &&
              typeof unique_2.text === 'string' &&
              External[6].test(unique_2.text) &&
              (unique_2.when === undefined || !('when' in unique_2) || check_1(unique_2.when)),
          ))) &&
      (value.citations === undefined ||
        !('citations' in value) ||
        (Array.isArray(value.citations) &&
          value.citations.every(
            (unique_25, index) =>
              typeof unique_25 === 'object' &&
              unique_25 !== null &&
              !Array.isArray(unique_25) &&
              'source' in unique_25 &&
              'point' in unique_25 &&
              Object.getOwnPropertyNames(unique_25).every(
                (unique_26, unique_27) => External[15].test(unique_26) || false,
              ) &&
              typeof unique_25.source === 'string' &&
              (unique_25.in === undefined ||
                !('in' in unique_25) ||
                (typeof unique_25.in === 'string' && External[16].test(unique_25.in))) &&
              typeof unique_25.point === 'string' &&
              External[17].test(unique_25.point),
          ))) &&
      Array.isArray(value.rules) &&
      value.rules.every(
        (unique_28, index) =>
          typeof unique_28 === 'object' &&
          unique_28 !== null &&
          !Array.isArray(unique_28) &&
          'id' in unique_28 &&
          'order' in unique_28 &&
          'title' in unique_28 &&
          'rationale' in unique_28 &&
          'basis' in unique_28 &&
          'citations' in unique_28 &&
          'conditions' in unique_28 &&
          Object.getOwnPropertyNames(unique_28).every(
            (unique_29, unique_30) => External[18].test(unique_29) || false,
          ) &&
          (unique_28.$comment === undefined || !('$comment' in unique_28) || true) &&
          typeof unique_28.id === 'string' &&
          External[19].test(unique_28.id) &&
          Number.isInteger(unique_28.order) &&
          (!(Number.isFinite(unique_28.order) || typeof unique_28.order === 'bigint') || unique_28.order >= 1) &&
          typeof unique_28.title === 'string' &&
          External[20].test(unique_28.title) &&
          typeof unique_28.rationale === 'string' &&
          External[21].test(unique_28.rationale) &&
          (unique_28.basis === 'source' || unique_28.basis === 'inference') &&
          Array.isArray(unique_28.citations) &&
          unique_28.citations.every(
            (unique_31, index) =>
              typeof unique_31 === 'object' &&
              unique_31 !== null &&
              !Array.isArray(unique_31) &&
              'source' in unique_31 &&
              'point' in unique_31 &&
              Object.getOwnPropertyNames(unique_31).every(
                (unique_32, unique_33) => External[22].test(unique_32) || false,
              ) &&
              typeof unique_31.source === 'string' &&
              (unique_31.in === undefined ||
                !('in' in unique_31) ||
                (typeof unique_31.in === 'string' && External[23].test(unique_31.in))) &&
              typeof unique_31.point === 'string' &&
              External[24].test(unique_31.point),
          ) &&
          unique_28.citations.length >= 1 &&
          check_3(unique_28.conditions),
      ) &&
      value.rules.length >= 1;
    const check_1 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_5, unique_6) => External[7].test(unique_5) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_7, index) => check_2(unique_7)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_18, unique_19) => External[12].test(unique_18) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_20, index) => check_2(unique_20)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_21, unique_22) => External[13].test(unique_21) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_23, unique_24) => External[14].test(unique_23) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_2 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_8, unique_9) => External[8].test(unique_8) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_10, index) => check_2(unique_10)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_11, unique_12) => External[9].test(unique_11) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_13, index) => check_2(unique_13)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_14, unique_15) => External[10].test(unique_14) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_16, unique_17) => External[11].test(unique_16) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    const check_3 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_34, unique_35) => External[25].test(unique_34) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_36, index) => check_4(unique_36)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_47, unique_48) => External[30].test(unique_47) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_49, index) => check_4(unique_49)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_50, unique_51) => External[31].test(unique_50) || false) &&
        check_4(value.not) &&
        (value.name === undefined || !('name' in value) || true));
    const check_4 = (value) =>
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'all' in value &&
        Object.getOwnPropertyNames(value).every((unique_37, unique_38) => External[26].test(unique_37) || false) &&
        Array.isArray(value.all) &&
        value.all.every((unique_39, index) => check_2(unique_39)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'any' in value &&
        Object.getOwnPropertyNames(value).every((unique_40, unique_41) => External[27].test(unique_40) || false) &&
        Array.isArray(value.any) &&
        value.any.every((unique_42, index) => check_2(unique_42)) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'not' in value &&
        Object.getOwnPropertyNames(value).every((unique_43, unique_44) => External[28].test(unique_43) || false) &&
        check_2(value.not) &&
        (value.name === undefined || !('name' in value) || true)) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        'fact' in value &&
        'operator' in value &&
        'value' in value &&
        Object.getOwnPropertyNames(value).every((unique_45, unique_46) => External[29].test(unique_45) || false) &&
        typeof value.fact === 'string' &&
        (value.operator === 'equal' ||
          value.operator === 'notEqual' ||
          value.operator === 'in' ||
          value.operator === 'notIn' ||
          value.operator === 'contains' ||
          value.operator === 'doesNotContain' ||
          value.operator === 'containsAny') &&
        true &&
        (value.name === undefined || !('name' in value) || true));
    return (value) => check_0(value);
  })(),
};
