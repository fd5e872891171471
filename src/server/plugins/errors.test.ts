import { describe, expect, it } from 'vitest';
import { redactError } from './errors';

describe('error logging', () => {
  it('cuts the bound parameters of a failed query out of the message and the stack', () => {
    const err = new Error(
      'Failed query: insert into "members" ("name", "id_cipher") values ($1, $2)\nparams: 张三,v1.abc.def',
    );
    err.stack = `${err.message}\n    at Object.run (db.js:1:1)`;
    const logged = redactError(Object.assign(err, { cause: { code: '23505' } }));
    expect(JSON.stringify(logged)).not.toContain('张三');
    expect(JSON.stringify(logged)).not.toContain('v1.abc');
    expect(logged.message).toContain('insert into "members"');
    expect(logged.stack).toContain('at Object.run');
    expect(logged.code).toBe('23505');
  });
});
