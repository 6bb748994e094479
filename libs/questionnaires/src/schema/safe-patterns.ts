/**
 * Vets a schema `pattern` against catastrophic backtracking: anchored at both ends,
 * no backreferences or lookarounds, and no quantified group that itself contains a quantifier
 * or an alternation — `(a+)+`, `(\w*)*`, `(a|ab)*` are the shapes that explode.
 * Returns the reason a pattern is refused, or null when it is safe.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (!pattern.startsWith('^')) return 'must start with ^';
  if (!pattern.endsWith('$') || pattern.endsWith('\\$')) return 'must end with $';
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookarounds are not allowed';
  const groups: Array<{ quantified: boolean; alternation: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push({ quantified: false, alternation: false });
    else if (c === '|' && groups.length > 0) groups[groups.length - 1].alternation = true;
    else if (c === ')') {
      const group = groups.pop();
      if (!group) return 'unbalanced parentheses';
      const next = pattern[i + 1];
      const quantifiedAfter = next === '*' || next === '+' || next === '{' || next === '?';
      if (quantifiedAfter && (group.quantified || group.alternation))
        return 'nested quantifier or quantified alternation';
      // An inner quantifier makes every enclosing group "quantified" too.
      if ((group.quantified || quantifiedAfter) && groups.length > 0) groups[groups.length - 1].quantified = true;
    } else if ((c === '*' || c === '+' || c === '{') && groups.length > 0) {
      groups[groups.length - 1].quantified = true;
    }
  }
  if (groups.length > 0 || inClass) return 'unbalanced parentheses or brackets';
  return null;
}
