/**
 * Issue 15, "Personal data reaches files that are forwarded": addresses and numbers in disguise
 * are still addresses and numbers; year ranges are still not phone numbers.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/core/personal-data.js';

describe('disguised personal data', () => {
  it.each([
    ['john.doe&#64;example.org', 'email'],
    ['john.doe&#x40;example.org', 'email'],
    ['john.doe&commat;example.org', 'email'],
    ['john.doe [at] example [dot] org', 'email'],
    ['john.doe (at) example (dot) org', 'email'],
    ['john.doe＠example.org', 'email'],
    ['john.doe@localhost', 'email'],
    ['+２４３ ８１ ２３４ ５６７８', 'phone'],
    ['Goma ٠٨١٢٣٤٥٦٧٨', 'phone'],
    ['Goma ۰۸۱۲۳۴۵۶۷۸', 'phone'],
    ['Goma 08I2345678', 'phone'],
    ['Goma O8I 234 56O', 'phone'],
  ])('%j is found', (text, kind) => {
    expect(findPersonalData(text)?.kind).toBe(kind);
  });

  it.each([
    '2017-2018 2019-2020',
    'Plan 2017/18, 2019/20',
    'Cox’s Bazar 2017-2018',
    '@cluster_lead',
    'HRP-2026-001',
    'SO2 and IO1 2026',
    'İstanbul &amp; Gaziantep',
  ])('%j is not', (text) => {
    expect(findPersonalData(text)).toBeUndefined();
  });
});
