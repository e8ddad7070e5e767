import { describe, expect, it } from 'vitest';
import { textMatch, valueMatch } from './fullText';

describe('FTS5 expressions from user input', () => {
  it('quotes every word (doubling its quotes) as a prefix string, all words required', () => {
    expect(textMatch('db.r6 payments')).toBe('"db.r6"* AND "payments"*');
    expect(textMatch('say "hi" NEAR(x')).toBe('"say"* AND """hi"""* AND "NEAR(x"*');
    expect(textMatch('  arn:aws:iam::1:role/x  ')).toBe('"arn:aws:iam::1:role/x"*');
  });

  it('drops words without a letter or digit; none left means no expression', () => {
    expect(textMatch('* " - shop')).toBe('"shop"*');
    expect(textMatch('* "" ( )')).toBeUndefined();
    expect(textMatch('')).toBeUndefined();
  });

  it('narrows an attribute value by its attribute_values column, never an object or array value', () => {
    expect(valueMatch('db.t3.micro')).toBe('attribute_values : "db.t3.micro"');
    expect(valueMatch('say "hi"')).toBe('attribute_values : "say ""hi"""');
    expect(valueMatch('{"a":1}')).toBeUndefined();
    expect(valueMatch(' [1, 2]')).toBeUndefined();
    expect(valueMatch('--')).toBeUndefined();
  });
});
