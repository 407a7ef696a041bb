/**
 * Writes what the rule registry generates: the severity settings of package.json and the rule
 * table and sections of README.md (npm run generate). A drift test fails when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReadmeRules, withSeverityProperties } from './lib/ruleDocs';

const root = join(__dirname, '..');
const manifestPath = join(root, 'package.json');
writeFileSync(manifestPath, JSON.stringify(withSeverityProperties(JSON.parse(readFileSync(manifestPath, 'utf8'))), null, 2) + '\n');
console.log('wrote package.json (aiGovernance.severity)');
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withReadmeRules(readFileSync(readmePath, 'utf8')));
console.log('wrote README.md (rules)');
