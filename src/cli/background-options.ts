// **background-options** the `--background` and `--relax` options shared by validate, audit and run.
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { BACKGROUND_MODES, type BackgroundMode } from '../shacl/background.js';
import { RELAXATIONS, type Relaxation } from '../shacl/validate.js';

/** The flags these options leave on a command's options object. */
export interface BackgroundFlags {
  /** A mode, or false for `--no-background` (the same as `none`). */
  background?: BackgroundMode | false;
  relax?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--background <mode>`, `--no-background` and `--relax <kind>`, one `.addOption` each. */
export const backgroundOption = (): Option =>
  new Option(
    '--background <mode>',
    'background knowledge: vocabularies (default: class hierarchy + EU authority tables + IANA media types), classes (class hierarchy only), none (like the EU base0/range0)',
  ).choices([...BACKGROUND_MODES]);

export const noBackgroundOption = (): Option =>
  new Option('--no-background', 'the same as --background none');

export const relaxOption = (): Option =>
  new Option(
    '--relax <kind>',
    'leave out a kind of finding (repeatable): documents (web pages and standards not typed foaf:Document / dct:Standard)',
  ).argParser(collect);

/** The library options of these flags (the mode defaults to `vocabularies`). */
export function backgroundOptions(flags: BackgroundFlags): {
  background: BackgroundMode;
  relax: Relaxation[];
} {
  const relax = (flags.relax ?? []).map((kind) => {
    if (!(RELAXATIONS as readonly string[]).includes(kind)) {
      throw new UsageError(`--relax takes ${RELAXATIONS.join(', ')}, got "${kind}"`, {
        hint: 'for example --relax documents',
      });
    }
    return kind as Relaxation;
  });
  const background =
    flags.background === false
      ? 'none'
      : (flags.background ?? BACKGROUND_MODES[0] ?? 'vocabularies');
  return { background, relax };
}
