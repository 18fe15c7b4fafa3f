/**
 * Local validation of request params against `MethodMeta`, before any network call
 * (docs/design.md "Client behaviour"): missing required params and list sizes here, the checks of
 * each kind (types, string lengths, number ranges, struct fields) in param-checks.ts. Every
 * problem is collected, then reported at once. The client checks a call with the kinds its
 * method's `meta.checks` names (a generated module imports the checks of the kinds its params
 * have, so a program bundles only those); `validateParams` checks with every kind.
 */
import type { ValidationProblem } from './errors.js';
import { isBlank } from './encode-params.js';
import type { FieldMeta, MethodMeta } from './metadata.js';
import { describe, isPlainObject, PARAM_CHECKS, type ParamChecks, type Validation } from './param-checks.js';

/**
 * Every problem of `params` against the method's request metadata, checking values of the kinds
 * `checks` has (values of other kinds are only looked at for being present).
 */
export function checkParams(meta: MethodMeta, params: unknown, checks: ParamChecks): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const v: Validation = { meta, add: (param, message) => void problems.push({ param, message }), fields };
  function fields(list: readonly FieldMeta[], values: Record<string, unknown>, prefix: string): void {
    for (const field of list) {
      // Own properties only: an absent `constructor` or `toString` param is not Object's method.
      const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
      const path = prefix + field.name;
      const check = checks[field.kind];
      if (isBlank(value) || (Array.isArray(value) && value.length === 0)) {
        if (field.required) v.add(path, 'required param is missing');
      } else if (!field.list || field.kind === 'file') check?.(field, value, path, v);
      else {
        const items = typeof value === 'string' && field.kind !== 'struct' ? value.split(',') : value;
        if (typeof items === 'string') continue; // struct list given as JSON text: sent as is
        if (!Array.isArray(items)) v.add(path, `expects a list, got ${describe(value)}`);
        else {
          if (field.maxListSize !== undefined && items.length > field.maxListSize)
            v.add(path, `has ${items.length} items, more than the maximum ${field.maxListSize}`);
          items.forEach((item, i) => check?.(field, item, `${path}[${i}]`, v));
        }
      }
    }
  }
  if (!isPlainObject(params)) v.add('(params)', `expects an object of params, got ${describe(params)}`);
  else fields(meta.request, params, '');
  return problems;
}

export type { ParamCheck, ParamChecks, Validation } from './param-checks.js';

/** Every problem of `params` against the method's request metadata (empty when valid), every kind checked. */
export function validateParams(meta: MethodMeta, params: unknown): ValidationProblem[] {
  return checkParams(meta, params, PARAM_CHECKS);
}
